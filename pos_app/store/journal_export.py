"""The journal as CSV: the ``pos-app journal --csv`` contract (architecture §7).

The first twelve columns are the contract, in this order; extra columns may follow.
Amounts are plain decimal strings (``1500.00``), times ISO 8601 UTC with offset.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from typing import IO

from pos_app.domain.payment import Payment

CSV_COLUMNS = (
    "invoice_id", "created_at", "amount", "currency", "method", "status", "reference",
    "approval_code", "card_mask", "transaction_id", "refunded_amount", "description",
    "updated_at", "account_id", "reason_code", "message",
    "fiscal_status", "fiscal_number", "fiscal_ticket_url",  # issue 15: the sale receipt
)  # fmt: skip


def csv_row(p: Payment, fiscal: Sequence[str] = ("none", "", "")) -> list[str]:
    """One payment as CSV values in :data:`CSV_COLUMNS` order (``fiscal``: status, number,
    ticket URL of its fiscal sale receipt)."""
    values = {
        "invoice_id": p.invoice_id, "created_at": p.created_at.isoformat(),
        "amount": f"{p.amount:f}", "currency": p.currency, "method": p.method.value,
        "status": p.status.value, "reference": p.reference,
        "approval_code": p.approval_code, "card_mask": p.card_mask,
        "transaction_id": p.transaction_id, "refunded_amount": f"{p.refunded_amount:f}",
        "description": p.description, "updated_at": p.updated_at.isoformat(),
        "account_id": p.account_id, "reason_code": p.reason_code, "message": p.message,
        "fiscal_status": fiscal[0], "fiscal_number": fiscal[1], "fiscal_ticket_url": fiscal[2],
    }  # fmt: skip
    return [values[name] for name in CSV_COLUMNS]


def write_payments_csv(stream: IO[str], payments: Iterable[Payment],
                       fiscal_of: Callable[[str], Sequence[str]] | None = None) -> int:
    """Write a header and one row per payment; return the number of rows."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for payment in payments:
        writer.writerow(csv_row(payment, *([fiscal_of(payment.invoice_id)] if fiscal_of else [])))
        count += 1
    return count
