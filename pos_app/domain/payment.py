"""The life cycle of one payment attempt.

The statuses are a contract (``pos-app journal --csv``); :data:`TRANSITIONS` is the only place
that says which moves are legal, and :func:`check_transition` raises on any other.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal


class PaymentStatus(enum.StrEnum):
    NEW = "new"  # in the journal, no network call made yet
    TOKEN_ISSUED = "token_issued"  # noqa: S105 - ePay issued a payment token bound to this invoice
    WIDGET_OPEN = "widget_open"  # the card form (widget, redirect page or QR link) is shown
    CHECKING = "checking"  # the form said something (a hint); the status API decides
    PAID = "paid"  # ePay reports CHARGE (or AUTH on a two-step terminal)
    DECLINED = "declined"  # ePay reports REJECT, FAILED or 3D
    CANCELLED = "cancelled"  # abandoned before payment, or a held amount released
    EXPIRED = "expired"  # a QR link ran out of time unpaid
    UNKNOWN = "unknown"  # the bank could not be asked in time; the reconciler settles it later
    REFUNDED = "refunded"  # the whole amount went back to the card
    PARTIALLY_REFUNDED = "partially_refunded"  # part of the amount went back
    ERROR = "error"  # no payment could be started (no network, script failed, config wrong)

    @property
    def is_final(self) -> bool:
        """Final for the checkout: nothing more will happen without a cashier's action."""
        return self in FINAL

    @property
    def needs_reconciliation(self) -> bool:
        """The bank may know more than we do: ask the status API at the next chance."""
        return self in OPEN


class PaymentMethod(enum.StrEnum):
    CARD = "card"  # card typed into ePay's form inside the till's window
    QR = "qr"  # customer's phone, from a QR code of a payment link


OPEN = frozenset(
    {
        PaymentStatus.NEW,
        PaymentStatus.TOKEN_ISSUED,
        PaymentStatus.WIDGET_OPEN,
        PaymentStatus.CHECKING,
        PaymentStatus.UNKNOWN,
    }
)
FINAL = frozenset(PaymentStatus) - OPEN

_S = PaymentStatus
# Settled outcomes any open state may reach once the status API answers.
_SETTLE = {_S.PAID, _S.DECLINED, _S.CANCELLED, _S.EXPIRED, _S.UNKNOWN}

TRANSITIONS: dict[PaymentStatus, frozenset[PaymentStatus]] = {
    # NEW → WIDGET_OPEN: an invoice link (QR) is shown without a payment token of ours.
    _S.NEW: frozenset({_S.TOKEN_ISSUED, _S.WIDGET_OPEN, _S.ERROR} | _SETTLE),
    _S.TOKEN_ISSUED: frozenset({_S.WIDGET_OPEN, _S.CHECKING, _S.ERROR} | _SETTLE),
    _S.WIDGET_OPEN: frozenset({_S.CHECKING, _S.ERROR} | _SETTLE),
    _S.CHECKING: frozenset(_SETTLE),
    _S.UNKNOWN: frozenset(_SETTLE | {_S.CHECKING}),
    _S.PAID: frozenset({_S.REFUNDED, _S.PARTIALLY_REFUNDED, _S.CANCELLED}),
    _S.PARTIALLY_REFUNDED: frozenset({_S.REFUNDED, _S.PARTIALLY_REFUNDED}),
    # An `error` attempt never reached the bank's form, but a token may exist: the reconciler
    # may still learn it was paid (defensive; ePay should report 102).
    _S.ERROR: frozenset({_S.PAID, _S.DECLINED, _S.CANCELLED}),
    # The bank's word wins over ours: a QR link or payform token outlives the till's deadline,
    # so an attempt closed unpaid can still be paid (a retry on the phone); learned late.
    _S.DECLINED: frozenset({_S.PAID}),
    _S.CANCELLED: frozenset({_S.PAID}),
    _S.EXPIRED: frozenset({_S.PAID}),
    _S.REFUNDED: frozenset(),
}


def check_transition(current: PaymentStatus, new: PaymentStatus) -> None:
    """Raise :class:`IllegalTransition` unless ``current`` → ``new`` is allowed.

    Staying in the same state is allowed for the open states (a repeated poll answer).
    """
    from pos_app.domain.errors import IllegalTransition

    if current == new and current in OPEN:
        return
    if new not in TRANSITIONS[current]:
        raise IllegalTransition(f"A payment cannot go from {current} to {new}.", code="transition")


@dataclass(frozen=True, slots=True)
class Payment:
    """One attempt as the journal knows it now. Never holds a token, secret or full card number."""

    invoice_id: str
    amount: Decimal
    currency: str
    method: PaymentMethod
    status: PaymentStatus
    created_at: datetime
    updated_at: datetime
    description: str = ""
    account_id: str = ""
    reference: str = ""  # RRN
    approval_code: str = ""
    card_mask: str = ""
    transaction_id: str = ""  # ePay's UUID, needed for refunds
    refunded_amount: Decimal = Decimal("0")
    reason_code: str = ""
    message: str = ""  # a short cashier-facing note for the last change (no secrets)
    problem: str = ""  # for the administrator: e.g. a bank reply that did not match (A.4)

    @property
    def remaining(self) -> Decimal:
        """What can still be refunded."""
        return self.amount - self.refunded_amount
