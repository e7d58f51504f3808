"""A generated journal for benchmarks and tests: settled payments and their events, inserted
in one transaction with SQL that matches the journal schema (much faster than the API)."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

from pos_app.store.journal import Journal
from pos_app.store.journal_schema import iso

START = datetime(2026, 1, 1, 9, tzinfo=UTC)  # payment i is created at START + i minutes

STATUSES = ["paid"] * 80 + ["declined"] * 8 + ["cancelled"] * 6 + ["refunded"] * 3 + [
    "partially_refunded"] * 2 + ["unknown"]


def generate(journal: Journal, n: int, seed: int = 6) -> dict[str, str]:
    """Insert ``n`` settled payments with their events in one transaction; return samples."""
    rnd = random.Random(seed)
    payments: list[tuple[object, ...]] = []
    events: list[tuple[object, ...]] = []
    sample: dict[str, str] = {}
    for i in range(1, n + 1):
        invoice = f"{i:06d}"
        at = START + timedelta(seconds=i * 60)
        created, updated = iso(at), iso(at + timedelta(seconds=25))
        amount = f"{rnd.randint(100, 250_000)}.{rnd.choice(['00', '00', '50', '99'])}"
        status = rnd.choice(STATUSES)
        method = "qr" if rnd.random() < 0.15 else "card"
        taken = status in ("paid", "refunded", "partially_refunded")
        rrn = f"{rnd.randint(10**11, 10**12 - 1)}" if taken else ""
        mask = f"440563******{rnd.randint(0, 9999):04d}" if taken and method == "card" else ""
        refunded = amount if status == "refunded" else ("10.00" if "partial" in status else "0.00")
        payments.append((invoice, invoice[-6:], amount, "KZT", method, status, created, updated,
                         rrn, f"{rnd.randint(0, 999999):06d}" if taken else "", mask, refunded))
        events.append((invoice, created, None, "new", "created",
                       json.dumps({"amount": amount, "method": method})))
        events.append((invoice, created, "new", "token_issued", "payment token issued", "{}"))
        events.append((invoice, updated, "token_issued", status if status in (
            "paid", "declined", "cancelled", "unknown") else "paid", "bank: CHARGE", "{}"))
        if i == n // 2:
            sample = {"rrn": rrn or "000000000000", "amount": amount, "invoice": invoice}
    with journal.writing() as conn:
        conn.executemany(
            "INSERT INTO payments (invoice_id, suffix, amount, currency, method, status,"
            " created_at, updated_at, reference, approval_code, card_mask, refunded_amount)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", payments)
        conn.executemany(
            "INSERT INTO events (invoice_id, at, from_status, to_status, note, data)"
            " VALUES (?,?,?,?,?,?)", events)
        conn.execute("INSERT OR REPLACE INTO counters (name, value) VALUES ('invoice_sequence', ?)",
                     (n,))
    return sample
