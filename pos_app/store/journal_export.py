"""The journal as CSV: the ``pos-app journal --csv`` contract (architecture §7).

The first twelve columns are the contract, in this order; extra columns follow, each appended
after the ones before it, so that no column ever moves.
Amounts are plain decimal strings (``1500.00``), times ISO 8601 UTC with offset.

Each payment row is followed by one row per refund or cancel request of that payment
(``row_kind`` ``refund``/``cancel``): ``created_at`` and ``amount`` are the request's,
``status`` is the payment's, ``reference`` the request's external id (``R-…``/``C-…``),
``refunded_amount`` the amount when the bank confirmed it (else ``0.00``), ``description`` the
reason, ``refund_state`` the request's state, and the fiscal columns describe its *return*
receipt by the same rule as the payment's sale receipt.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import IO

from pos_app.domain.payment import Payment
from pos_app.store.journal_schema_fiscal import NO_RECEIPT

CSV_COLUMNS = (
    "invoice_id", "created_at", "amount", "currency", "method", "status", "reference",
    "approval_code", "card_mask", "transaction_id", "refunded_amount", "description",
    "updated_at", "account_id", "reason_code", "message",
    "fiscal_status", "fiscal_number", "fiscal_ticket_url",  # issue 15: appended
    "row_kind", "refund_state",  # appended after them; payment rows: "payment", ""
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class RefundCsv:
    """One refund or cancel request as the CSV needs it (read by the journal)."""

    external_id: str
    kind: str  # "refund" | "cancel"
    amount: Decimal
    reason: str
    state: str  # pending | done | failed | unknown
    requested_at: str
    finished_at: str
    note: str
    fiscal: Sequence[str] = NO_RECEIPT  # status, number, ticket URL of its return receipt


def csv_row(p: Payment, fiscal: Sequence[str] = NO_RECEIPT) -> list[str]:
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
        "row_kind": "payment", "refund_state": "",
    }  # fmt: skip
    return [values[name] for name in CSV_COLUMNS]


def refund_row(p: Payment, r: RefundCsv) -> list[str]:
    """A refund or cancel request of ``p`` as CSV values (see the module docstring)."""
    row = dict(zip(CSV_COLUMNS, csv_row(p, r.fiscal), strict=True))
    row.update({
        "created_at": r.requested_at, "amount": f"{r.amount:f}", "reference": r.external_id,
        "approval_code": "", "refunded_amount": f"{r.amount if r.state == 'done' else 0:.2f}",
        "description": r.reason, "updated_at": r.finished_at or r.requested_at,
        "reason_code": "", "message": r.note, "row_kind": r.kind, "refund_state": r.state,
    })  # fmt: skip
    return [row[name] for name in CSV_COLUMNS]


def write_payments_csv(stream: IO[str], payments: Iterable[Payment],
                       fiscal_of: Callable[[str], Sequence[str]] | None = None,
                       refunds_of: Callable[[str], Sequence[RefundCsv]] | None = None) -> int:
    """Write a header, one row per payment followed by its refund rows; return the number of
    payments written."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for payment in payments:
        writer.writerow(csv_row(payment, *([fiscal_of(payment.invoice_id)] if fiscal_of else [])))
        count += 1
        for refund in refunds_of(payment.invoice_id) if refunds_of else ():
            writer.writerow(refund_row(payment, refund))
    return count
