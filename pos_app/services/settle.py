"""What a status-API answer means for a journaled payment. One table, used by every flow."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.epay.errors import EpayError
from pos_app.epay.models import StatusOutcome, TransactionStatus
from pos_app.epay.status import mismatched_fields
from pos_app.store.journal import Journal

if TYPE_CHECKING:
    from pos_app.epay.client import EpayClient

log = logging.getLogger("pos_app.services.settle")
MISMATCH_PROBLEM = "bank reply does not match"  # the prefix of Payment.problem for A.4

# Outcome → journal status, for the answers that settle a payment.
FINAL_OUTCOMES: dict[StatusOutcome, PaymentStatus] = {
    StatusOutcome.PAID: PaymentStatus.PAID,
    StatusOutcome.AUTHORIZED: PaymentStatus.PAID,  # held on a two-step terminal: money is secured
    StatusOutcome.DECLINED: PaymentStatus.DECLINED,
    StatusOutcome.CANCELLED: PaymentStatus.CANCELLED,
}


def settled_status(payment: Payment, status: TransactionStatus) -> PaymentStatus | None:
    """The journal status ``status`` settles ``payment`` to, or ``None`` if it settles nothing.

    A ``REFUND`` answer for a payment we never saw paid means it was paid and then refunded
    elsewhere (the merchant cabinet).
    """
    if status.outcome is StatusOutcome.REFUNDED:
        return PaymentStatus.REFUNDED
    return FINAL_OUTCOMES.get(status.outcome)


def fields_from(status: TransactionStatus) -> dict[str, str]:
    """Journal fields copied from a status answer (never a full card number)."""
    fields = {
        "reference": status.reference or "",
        "approval_code": status.approval_code or "",
        "card_mask": status.card_mask or "",
        "transaction_id": status.transaction_id or "",
        "reason_code": status.reason_code or "",
    }
    return {k: v for k, v in fields.items() if v}


def mismatch(payment: Payment, status: TransactionStatus, terminal_id: str) -> tuple[str, ...]:
    """The reply fields that are missing or differ from ``payment`` (``()`` when it matches)."""
    return mismatched_fields(status, invoice_id=payment.invoice_id, terminal_id=terminal_id,
                             amount=payment.amount, currency=payment.currency)  # fmt: skip


def flag_mismatch(journal: Journal, payment: Payment, wrong: tuple[str, ...]) -> Payment:
    """A reply about some other payment: never settle from it; flag it for the administrator.

    An open attempt goes to ``unknown`` (re-checked later); a closed one keeps its status. None
    of the reply's fields are copied (its card mask and RRN belong to another payment).
    """
    problem = f"{MISMATCH_PROBLEM}: {', '.join(wrong)}"
    log.error("status reply for %s does not match the attempt (%s); not settled",
              payment.invoice_id, ", ".join(wrong))  # fmt: skip
    if payment.status.needs_reconciliation and payment.status is not PaymentStatus.UNKNOWN:
        return journal.transition(payment.invoice_id, PaymentStatus.UNKNOWN, note=problem,
                                  problem=problem)  # fmt: skip
    return journal.record(payment.invoice_id, problem, problem=problem)


def settle_from(
    journal: Journal, payment: Payment, status: TransactionStatus, terminal_id: str,
    new: PaymentStatus, note: str,
) -> Payment:
    """Move ``payment`` to ``new`` from ``status`` if the reply is about it, else flag it."""
    if wrong := mismatch(payment, status, terminal_id):
        return flag_mismatch(journal, payment, wrong)
    fields: dict[str, object] = dict(fields_from(status))
    if payment.problem:
        fields["problem"] = ""  # a matching answer settles what a stray one could not
    return journal.transition(payment.invoice_id, new, note=note, **fields)


def check_once(
    journal: Journal, client: EpayClient, payment: Payment
) -> tuple[Payment | None, StatusOutcome | None]:
    """Ask the status API once; journal and return the settled payment if the answer is final.

    Returns ``(None, outcome)`` when the answer settles nothing and ``(None, None)`` when the
    bank could not be asked (the error is logged with its id, never with a token).
    """
    try:
        status = client.transaction_status(payment.invoice_id)
    except EpayError as exc:
        log.warning(
            "status check for %s failed: %s [%s]", payment.invoice_id, exc.code, exc.error_id
        )
        return None, None
    new = settled_status(payment, status)
    if new is None:
        return None, status.outcome
    note = f"bank: {status.status_name or status.result_code}"
    return settle_from(journal, payment, status, client.terminal_id, new, note), status.outcome
