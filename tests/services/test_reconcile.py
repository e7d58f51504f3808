"""Reconciliation against the emulator over real HTTP, with a real journal."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from pos_app.domain.payment import PaymentMethod, PaymentStatus
from pos_app.epay.client import EpayClient
from pos_app.epay.config import TEST_MERCHANT, training_hosts
from pos_app.services.checkout import CheckoutService
from pos_app.services.reconcile import Reconciler
from pos_app.store.journal import Journal
from pos_app.training import Emulator


@pytest.fixture
def parts(tmp_path: Path) -> Iterator[tuple[Emulator, Journal, EpayClient]]:
    emu = Emulator().start()
    journal = Journal(tmp_path / "journal.sqlite3")
    client = EpayClient(training_hosts(emu.urls["api"], emu.urls["form"]), TEST_MERCHANT)
    yield emu, journal, client
    client.close()
    journal.close()
    emu.stop()


def test_open_attempts_are_settled_from_the_banks_truth(parts) -> None:
    emu, journal, client = parts
    checkout = CheckoutService(journal, client)
    paid = checkout.begin(Decimal("100"))
    checkout.request_token(paid.invoice_id)
    checkout.release(paid.invoice_id)
    emu.pay(paid.invoice_id, "4405639704015096")
    never = checkout.begin(Decimal("200"))  # crashed before the token: the bank never heard
    checkout.release(never.invoice_id)
    report = Reconciler(journal, client).run()
    assert journal.get(paid.invoice_id).status is PaymentStatus.PAID
    assert journal.get(paid.invoice_id).reference
    assert journal.get(never.invoice_id).status is PaymentStatus.CANCELLED
    assert len(report.settled) == 2 and not report.still_open


def test_start_up_reconciliation_leaves_a_payment_started_since_alone(parts) -> None:
    """The till takes a payment while the start-up reconciliation is still to run: that
    attempt is the controller's, not the reconciler's (it would close it as cancelled)."""
    emu, journal, client = parts
    checkout = CheckoutService(journal, client)
    crashed = checkout.begin(Decimal("200"))  # left by the previous run
    checkout.release(crashed.invoice_id)
    reconciler = Reconciler(journal, client)
    left_open = reconciler.left_open()
    assert left_open == {crashed.invoice_id}
    live = checkout.begin(Decimal("300"))  # the cashier's first payment of this run
    checkout.request_token(live.invoice_id)
    report = reconciler.run(only=left_open)
    assert journal.get(crashed.invoice_id).status is PaymentStatus.CANCELLED
    assert journal.get(live.invoice_id).status is PaymentStatus.TOKEN_ISSUED
    assert [p.invoice_id for p in report.settled] == [crashed.invoice_id]
    emu.pay(live.invoice_id, "4405639704015096")
    assert checkout.confirm(live.invoice_id, hint=True).status is PaymentStatus.PAID


def test_unreachable_bank_leaves_attempts_open(parts) -> None:
    emu, journal, client = parts
    checkout = CheckoutService(journal, client)
    p = checkout.begin(Decimal("100"))
    checkout.release(p.invoice_id)
    emu.add_fault("status", "http_error", count=-1, status=503)
    emu.add_fault("token", "http_error", count=-1, status=503)
    client_fast = EpayClient(client.hosts, TEST_MERCHANT, sleep=lambda _s: None)
    report = Reconciler(journal, client_fast).run()
    client_fast.close()
    assert journal.get(p.invoice_id).status is PaymentStatus.NEW
    assert [x.invoice_id for x in report.still_open] == [p.invoice_id]


def test_a_cancelled_attempt_paid_later_becomes_paid(parts) -> None:
    emu, journal, client = parts
    checkout = CheckoutService(journal, client)
    checkout.options = replace(checkout.options, poll_interval=0.01)
    p = checkout.begin(Decimal("300"))
    checkout.request_token(p.invoice_id)
    assert checkout.cancel(p.invoice_id).status is PaymentStatus.CANCELLED
    emu.pay(p.invoice_id, "4405639704015096")  # the token was still valid: paid after all
    report = Reconciler(journal, client).run()
    assert journal.get(p.invoice_id).status is PaymentStatus.PAID
    assert [x.invoice_id for x in report.settled] == [p.invoice_id]
    notes = [e.note for e in journal.events(p.invoice_id)]
    assert any("after the till had closed it" in n for n in notes)


def test_qr_attempts_wait_for_their_lifetime_then_expire(parts) -> None:
    _emu, journal, client = parts
    p = journal.create_attempt(Decimal("500"), method=PaymentMethod.QR)
    fresh = Reconciler(journal, client, qr_lifetime=timedelta(minutes=20))
    assert fresh.run().still_open[0].status is PaymentStatus.NEW
    later = Reconciler(journal, client, qr_lifetime=timedelta(minutes=20),
                       now=lambda: datetime.now(UTC) + timedelta(minutes=21))
    later.run()
    assert journal.get(p.invoice_id).status is PaymentStatus.EXPIRED
