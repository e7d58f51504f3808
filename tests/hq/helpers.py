"""Shared pieces of the head-office tests: journals with payments, central counts, local sums."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import psycopg

from pos_app.domain.payment import PaymentMethod, PaymentStatus
from pos_app.hq.config import HqConfig
from pos_app.store.journal import Journal

TAKEN = ("paid", "partially_refunded", "refunded")


def config(url: str, till: str = "T1", shop: str = "S1", env: str = "training") -> HqConfig:
    return HqConfig(url=url, shop_id=shop, till_id=till, environment=env)


def fill(journal: Journal, count: int, start: int = 1) -> None:
    """``count`` payments straight into the journal: paid, some refunded, some declined."""
    for n in range(start, start + count):
        method = PaymentMethod.QR if n % 3 == 0 else PaymentMethod.CARD
        p = journal.create_attempt(Decimal(f"{100 + n}.{n % 100:02d}"), method)
        journal.transition(p.invoice_id, PaymentStatus.TOKEN_ISSUED)
        journal.transition(p.invoice_id, PaymentStatus.CHECKING)
        if n % 7 == 0:
            journal.transition(p.invoice_id, PaymentStatus.DECLINED, reason_code="05")
            continue
        journal.transition(p.invoice_id, PaymentStatus.PAID, reference=f"R{n}")
        if n % 5 == 0:
            journal.transition(p.invoice_id, PaymentStatus.PARTIALLY_REFUNDED,
                               refunded_amount=Decimal("10.01"))


def local_events(journal: Journal) -> list[tuple[object, ...]]:
    with journal.reading() as conn:
        return [tuple(r) for r in conn.execute(
            "SELECT id, invoice_id, to_status FROM events ORDER BY id").fetchall()]


def central_events(url: str, till: str) -> list[tuple[object, ...]]:
    with psycopg.connect(url) as conn:
        return [tuple(r) for r in conn.execute(
            "SELECT seq, invoice_id, to_status FROM hq.events WHERE till_id = %s ORDER BY seq",
            (till,)).fetchall()]


def local_sums(path: Path) -> tuple[int, Decimal, Decimal]:
    """Taken payments: count, amount; refunded amount, straight from the journal's rows."""
    journal = Journal(path, read_only=True)
    try:
        count, amount, refunded = 0, Decimal(0), Decimal(0)
        for p in journal.iter_payments():
            if p.status.value in TAKEN:
                count += 1
                amount += p.amount
                refunded += p.refunded_amount
        return count, amount, refunded
    finally:
        journal.close()
