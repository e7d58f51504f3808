"""What a status-API answer means for a journaled payment. One table, used by every flow."""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import TYPE_CHECKING

from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.epay.errors import EpayError
from pos_app.epay.models import StatusOutcome, TransactionStatus
from pos_app.store.journal import Journal

if TYPE_CHECKING:
    from pos_app.epay.client import EpayClient

log = logging.getLogger("pos_app.services.settle")

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


def mismatch(payment: Payment, status: TransactionStatus) -> str:
    """A reason not to trust a paid answer (wrong amount or currency), or ``""``."""
    amount = status.org_amount if status.org_amount is not None else status.amount
    if amount is not None and Decimal(amount) != payment.amount:
        return "The bank reports a different amount for this invoice."
    if status.currency and status.currency.upper() != payment.currency:
        return "The bank reports a different currency for this invoice."
    return ""


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
    fields = fields_from(status)
    if new is PaymentStatus.PAID and (problem := mismatch(payment, status)):
        if payment.status is PaymentStatus.UNKNOWN:
            return journal.record(payment.invoice_id, problem, **fields), status.outcome
        return journal.transition(
            payment.invoice_id, PaymentStatus.UNKNOWN, note=problem, **fields
        ), status.outcome
    note = f"bank: {status.status_name or status.result_code}"
    return journal.transition(payment.invoice_id, new, note=note, **fields), status.outcome
