"""The transaction status reply (reference §5) and what it means for the till.

ePay's types wander: ``resultCode`` is a string or a number, ``amount`` a number or a string,
``reasonCode`` a string (a number elsewhere), ``secure`` a boolean or ``"yes"``/``"no"``. The
parser accepts each documented variant and raises :class:`EpayProtocolError` for anything else.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pos_app.domain.errors import AmountError
from pos_app.domain.money import TIYN, from_wire
from pos_app.epay.errors import EpayInvalidRequest, EpayProtocolError

_MAX_DIGITS = 12
NOT_FINAL_REASON = "454"  # "operation failed, the amount may be held": ask again (§9.1)


class StatusOutcome(enum.StrEnum):
    NOT_FOUND = "not_found"  # resultCode 102: no payment for this invoice (yet)
    IN_PROGRESS = "in_progress"  # 107, statusName NEW, or reasonCode 454: ask again later
    PAID = "paid"  # 100 + CHARGE: the money is taken
    AUTHORIZED = "authorized"  # 100 + AUTH: held on the card, awaiting charge or cancel
    DECLINED = "declined"  # REJECT, FAILED, 3D, or resultCode 101: not paid
    CANCELLED = "cancelled"  # CANCEL or CANCEL_OLD: a hold released, not paid
    REFUNDED = "refunded"  # REFUND: (part of) the money went back
    CONFIG_ERROR = "config_error"  # 104, 106, 109: the terminal or token is wrong; stop
    FAILED_RETRY = "failed_retry"  # 103: ePay error, ask again with back-off
    UNKNOWN_STATUS = "unknown_status"  # VERIFIED, FINGERPRINT, any other code or name


_BY_RESULT_CODE = {
    "101": StatusOutcome.DECLINED,
    "102": StatusOutcome.NOT_FOUND,
    "103": StatusOutcome.FAILED_RETRY,
    "104": StatusOutcome.CONFIG_ERROR,
    "106": StatusOutcome.CONFIG_ERROR,
    "107": StatusOutcome.IN_PROGRESS,
    "109": StatusOutcome.CONFIG_ERROR,
}
_BY_STATUS_NAME = {
    "NEW": StatusOutcome.IN_PROGRESS,
    "CHARGE": StatusOutcome.PAID,
    "AUTH": StatusOutcome.AUTHORIZED,
    "REJECT": StatusOutcome.DECLINED,
    "FAILED": StatusOutcome.DECLINED,
    "3D": StatusOutcome.DECLINED,
    "CANCEL": StatusOutcome.CANCELLED,
    "CANCEL_OLD": StatusOutcome.CANCELLED,
    "REFUND": StatusOutcome.REFUNDED,
}
# A 454 turns these into "ask again"; a CHARGE, AUTH, CANCEL or REFUND is settled regardless.
_OVERRIDDEN_BY_454 = frozenset(
    {StatusOutcome.DECLINED, StatusOutcome.IN_PROGRESS, StatusOutcome.UNKNOWN_STATUS}
)


@dataclass(frozen=True, slots=True)
class TransactionStatus:
    """One ``check-status`` answer. String fields are ``""`` when ePay left them out.

    ``transaction_id`` is the UUID charge/cancel/refund need; ``card_mask`` is already masked
    by ePay. Personal fields of the reply (e-mail, phone, IP) are deliberately not kept.
    """

    result_code: str
    result_message: str = ""
    status_name: str = ""
    transaction_id: str = ""
    invoice_id: str = ""
    amount: Decimal | None = None
    org_amount: Decimal | None = None
    currency: str = ""
    terminal: str = ""  # 8-digit terminal number
    terminal_id: str = ""  # terminal UUID
    account_id: str = ""
    card_id: str = ""
    card_mask: str = ""
    card_type: str = ""
    issuer: str = ""
    reference: str = ""  # RRN
    int_reference: str = ""
    approval_code: str = ""
    reason: str = ""
    reason_code: str = ""
    secure: bool | None = None
    created_date: str = ""
    description: str = ""

    @property
    def outcome(self) -> StatusOutcome:
        if self.result_code != "100":
            return _BY_RESULT_CODE.get(self.result_code, StatusOutcome.UNKNOWN_STATUS)
        outcome = _BY_STATUS_NAME.get(self.status_name.upper(), StatusOutcome.UNKNOWN_STATUS)
        if self.reason_code == NOT_FINAL_REASON and outcome in _OVERRIDDEN_BY_454:
            return StatusOutcome.IN_PROGRESS
        return outcome

    @classmethod
    def from_json(cls, data: object) -> TransactionStatus:
        """Parse a decoded reply (decode with ``parse_float=Decimal``)."""
        if not isinstance(data, Mapping):
            raise EpayProtocolError("The status reply is not a JSON object.")
        code = _result_code(data.get("resultCode"))
        tx = data.get("transaction")
        if tx is None or (isinstance(tx, Mapping) and not tx and code != "100"):
            if code == "100":
                raise EpayProtocolError("The status reply has no transaction.")
            return cls(code, result_message=as_text(data.get("resultMessage"), "resultMessage"))
        if not isinstance(tx, Mapping):
            raise EpayProtocolError("The status reply's transaction is not an object.")
        fields = {name: as_text(tx.get(key), key) for name, key in _TEXT_FIELDS.items()}
        status = cls(
            result_code=code,
            result_message=as_text(data.get("resultMessage"), "resultMessage"),
            amount=_amount(tx.get("amount"), "amount"),
            org_amount=_amount(tx.get("orgAmount"), "orgAmount"),
            secure=_secure(tx.get("secure")),
            **fields,
        )
        if code == "100" and (not status.transaction_id or not status.status_name):
            raise EpayProtocolError("The status reply lacks the transaction id or statusName.")
        return status


def mismatched_fields(
    status: TransactionStatus, *, invoice_id: str, terminal_id: str, amount: Decimal,
    currency: str,
) -> tuple[str, ...]:
    """The reply fields that are missing or differ from the attempt's; ``()`` when it matches.

    A reply settles an attempt only when ``invoiceID``, ``terminalID``, the amount (``orgAmount``
    when given: ``amount`` drops after a partial refund) and ``currency`` are all present and
    equal to what the till sent. The names come back, never the values, so they can be logged.
    """
    wrong: list[str] = []
    if status.invoice_id.strip() != invoice_id:
        wrong.append("invoiceID")
    if not terminal_id or status.terminal_id.strip().lower() != terminal_id.strip().lower():
        wrong.append("terminalID")
    original = status.org_amount if status.org_amount is not None else status.amount
    if original is None or original != amount:
        wrong.append("amount")
    if status.currency.strip().upper() != currency.strip().upper() or not currency.strip():
        wrong.append("currency")
    return tuple(wrong)


_TEXT_FIELDS = {
    "status_name": "statusName",
    "transaction_id": "id",
    "invoice_id": "invoiceID",
    "currency": "currency",
    "terminal": "terminal",
    "terminal_id": "terminalID",
    "account_id": "accountID",
    "card_id": "cardID",
    "card_mask": "cardMask",
    "card_type": "cardType",
    "issuer": "issuer",
    "reference": "reference",
    "int_reference": "intReference",
    "approval_code": "approvalCode",
    "reason": "reason",
    "reason_code": "reasonCode",
    "created_date": "createdDate",
    "description": "description",
}


def as_text(value: object, name: str) -> str:
    """A string field that ePay may also send as a whole number; ``None`` → ``""``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise EpayProtocolError(f"The field {name} has an unexpected type.")


def _result_code(value: object) -> str:
    text = as_text(value, "resultCode").strip() if value is not None else ""
    if not text.isascii() or not text.isdigit() or len(text) > _MAX_DIGITS:
        raise EpayProtocolError("The status reply has no valid resultCode.")
    return str(int(text))


def _amount(value: object, name: str) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return from_wire(value)
    except AmountError as exc:
        raise EpayProtocolError(f"The field {name} is not an amount.") from exc


def _secure(value: object) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("yes", "true"):
        return True
    if isinstance(value, str) and value.strip().lower() in ("no", "false"):
        return False
    raise EpayProtocolError("The field secure has an unexpected value.")


def check_wire_amount(amount: Any, *, minimum: Decimal | None = None) -> Decimal:
    """An amount we may send: a finite positive ``Decimal`` with at most two decimals."""
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise EpayInvalidRequest("The amount is not a number.", code="amount_not_a_number")
    if amount <= 0:
        raise EpayInvalidRequest("The amount must be more than zero.", code="amount_not_positive")
    if amount.adjusted() > _MAX_DIGITS:
        raise EpayInvalidRequest("The amount is too large.", code="amount_too_large")
    if amount != amount.quantize(TIYN):
        raise EpayInvalidRequest(
            "The amount can have at most two digits after the comma.",
            code="amount_too_many_decimals",
        )
    if minimum is not None and amount < minimum:
        raise EpayInvalidRequest(
            f"The amount must be at least {minimum} tenge.", code="amount_below_minimum"
        )
    return amount
