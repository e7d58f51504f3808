"""What the ePay client hands back: tokens, invoice links, and (re-exported) transaction status.

Parsers take the already-decoded JSON and raise only :class:`EpayProtocolError` on anything
unexpected; the client decodes bodies (``parse_float=Decimal`` wherever amounts appear).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pos_app.domain.money import CURRENCY
from pos_app.epay.errors import EpayInvalidRequest, EpayProtocolError
from pos_app.epay.status import StatusOutcome, TransactionStatus, as_text, check_wire_amount

__all__ = [
    "InvoiceLink",
    "InvoiceLinkRequest",
    "PaymentToken",
    "StatusOutcome",
    "TransactionStatus",
]

_PHONE = re.compile(r"\+7[0-9]{10}")
_EXPIRE_PERIOD = re.compile(r"[1-9][0-9]{0,2}d")
_LANGUAGES = frozenset({"rus", "kaz", "eng"})
DESCRIPTION_BYTES = 125


@dataclass(frozen=True, slots=True, repr=False)
class PaymentToken:
    """An OAuth token exactly as ePay sent it.

    ``raw`` keeps the original JSON types (``expires_in`` may be a number or a string); for a
    payment token the whole object becomes ``paymentObject.auth`` (reference §2.5).
    """

    raw: Mapping[str, Any]

    @classmethod
    def from_json(cls, data: object) -> PaymentToken:
        """Validate a decoded token reply; :class:`EpayProtocolError` if it is not one."""
        if not isinstance(data, dict):
            raise EpayProtocolError("The token reply is not a JSON object.")
        token = data.get("access_token")
        if not isinstance(token, str) or not token.strip():
            raise EpayProtocolError("The token reply has no access_token.")
        _parse_expires_in(data.get("expires_in"))  # fail now, not when the cache reads it
        token_type = data.get("token_type")
        if token_type is not None and (
            not isinstance(token_type, str) or token_type.lower() not in ("bearer", "")
        ):
            raise EpayProtocolError("The token reply has an unexpected token_type.")
        return cls(raw=dict(data))

    @property
    def access_token(self) -> str:
        value: str = self.raw["access_token"]
        return value

    @property
    def expires_in(self) -> int | None:
        """Lifetime in seconds (ePay sends ``7200`` or ``"1200"``); ``None`` if not given."""
        return _parse_expires_in(self.raw.get("expires_in"))

    @property
    def scope(self) -> str:
        value = self.raw.get("scope")
        return value if isinstance(value, str) else ""

    def __repr__(self) -> str:
        return f"PaymentToken(access_token='***', expires_in={self.expires_in!r})"


def _parse_expires_in(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise EpayProtocolError("The token reply has an ill-typed expires_in.")
    if isinstance(value, int):
        seconds = value
    elif isinstance(value, (str, float, Decimal)):
        try:
            number = Decimal(str(value).strip())
        except ArithmeticError as exc:
            raise EpayProtocolError("The token reply has an ill-typed expires_in.") from exc
        if not number.is_finite() or number != number.to_integral_value():
            raise EpayProtocolError("The token reply has an ill-typed expires_in.")
        seconds = int(number)
    else:
        raise EpayProtocolError("The token reply has an ill-typed expires_in.")
    if seconds < 0:
        raise EpayProtocolError("The token reply has a negative expires_in.")
    return seconds


@dataclass(frozen=True, slots=True)
class InvoiceLinkRequest:
    """A customer payment link (reference §7.1). ``shop_id`` comes from the credentials.

    Only ``invoice_id`` and ``amount`` are required; empty strings are left out of the request.
    """

    invoice_id: str
    amount: Decimal
    account_id: str = ""
    description: str = ""
    language: str = "rus"
    expire_period: str = "1d"
    recipient_contact: str = ""
    recipient_contact_sms: str = ""
    notifier_contact_sms: str = ""
    post_link: str = ""
    failure_post_link: str = ""
    back_link: str = ""
    failure_back_link: str = ""

    def validate(self) -> None:
        """Raise :class:`EpayInvalidRequest` for what ePay would refuse (or we never send)."""
        if not re.fullmatch(r"[0-9A-Za-z-]{1,32}", self.invoice_id):
            raise EpayInvalidRequest("The invoice number is not valid.", code="invoice_format")
        check_wire_amount(self.amount)
        for name in ("recipient_contact_sms", "notifier_contact_sms"):
            phone = getattr(self, name)
            if phone and not _PHONE.fullmatch(phone):
                raise EpayInvalidRequest("A phone number is +7 and 10 digits.", code="phone_format")
        if not _EXPIRE_PERIOD.fullmatch(self.expire_period):
            raise EpayInvalidRequest(
                "The link lifetime is a number of days, like 1d.", code="expire_period_format"
            )
        if self.language not in _LANGUAGES:
            raise EpayInvalidRequest("The language is rus, kaz or eng.", code="language")

    def to_json(self, shop_id: str) -> dict[str, object]:
        """The request body (snake_case). The amount is an int when whole, else a float whose
        shortest repr equals the two-decimal amount (exact for anything under 10^13)."""
        self.validate()
        amount = self.amount.quantize(Decimal("0.01"))
        body: dict[str, object] = {
            "shop_id": shop_id,
            "invoice_id": self.invoice_id,
            "amount": int(amount) if amount == amount.to_integral_value() else float(amount),
            "currency": CURRENCY,
            "language": self.language,
            "expire_period": self.expire_period,
        }
        optional = {
            "account_id": self.account_id,
            "description": truncate_description(self.description),
            "recipient_contact": self.recipient_contact,
            "recipient_contact_sms": self.recipient_contact_sms,
            "notifier_contact_sms": self.notifier_contact_sms,
            "post_link": self.post_link,
            "failure_post_link": self.failure_post_link,
            "back_link": self.back_link,
            "failure_back_link": self.failure_back_link,
        }
        body.update({k: v for k, v in optional.items() if v})
        return body


def truncate_description(text: str) -> str:
    """At most 125 UTF-8 bytes, cut on a character boundary (reference §8)."""
    return text.encode()[:DESCRIPTION_BYTES].decode(errors="ignore")


@dataclass(frozen=True, slots=True)
class InvoiceLink:
    """A created payment link. ``invoice_url`` is what the QR code encodes."""

    id: str
    invoice_url: str
    invoice_id: str = ""
    expire_date: str = ""
    status: str = ""
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_json(cls, data: object) -> InvoiceLink:
        if not isinstance(data, dict):
            raise EpayProtocolError("The invoice reply is not a JSON object.")
        link_id = as_text(data.get("id"), "id")
        url = as_text(data.get("invoice_url"), "invoice_url")
        if not link_id or not url.startswith(("https://", "http://")):
            raise EpayProtocolError("The invoice reply has no id or invoice_url.")
        return cls(
            id=link_id,
            invoice_url=url,
            invoice_id=as_text(data.get("invoice_id"), "invoice_id"),
            expire_date=as_text(data.get("expire_date"), "expire_date"),
            status=as_text(data.get("status"), "status"),
            raw=dict(data),
        )
