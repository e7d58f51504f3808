"""Records the emulated bank keeps, and their wire shapes (reference §4.1, §5.1, §7.1)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

from pos_app.training.cards import REASONS

ALMATY = timezone(timedelta(hours=5))
GO_ZERO_TIME = "0001-01-01T00:00:00Z"
LONG_SCOPE = "webapi usermanagement email_send verification statement statistics payment"


class BankError(Exception):
    """A refusal: ``status`` is the HTTP status, ``body`` the JSON reply (None: empty body)."""

    def __init__(self, status: int, message: str, code: int | None = 100) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code

    @property
    def body(self) -> dict[str, object]:
        """``{"code": .., "message": ..}`` as ePay answers operation errors."""
        return {"code": self.code, "message": self.message}


@dataclass(slots=True)
class Merchant:
    """A merchant the emulator knows."""

    client_id: str
    secret: str
    terminal: str
    shop_id: str = ""


@dataclass(slots=True)
class Token:
    """An issued OAuth token; ``invoice_id`` is None for service tokens."""

    access_token: str
    client_id: str
    terminal: str
    scope: str
    expires_at: float  # fake-clock seconds
    invoice_id: str | None = None
    amount: Decimal | None = None
    currency: str = "KZT"
    post_link: str = ""
    failure_post_link: str = ""
    secret_hash: str = ""
    used: bool = False
    refresh_token: str = ""

    @property
    def is_payment(self) -> bool:
        """True for a payment token (bound to an invoice)."""
        return self.invoice_id is not None


@dataclass(slots=True)
class Transaction:
    """One card payment attempt that reached the bank."""

    id: str
    invoice_id: str
    amount: Decimal  # original amount
    currency: str
    terminal: str  # UUID
    client_id: str
    status: str  # NEW AUTH CHARGE CANCEL REFUND REJECT 3D
    reason_code: int
    card_mask: str
    card_type: str
    reference: str
    approval_code: str
    int_reference: str
    created: datetime
    created_ns: int  # nanoseconds within the second, for the 9-digit fraction
    secure: bool = True
    charged: Decimal = Decimal(0)
    refunded: Decimal = Decimal(0)
    description: str = ""
    language: str = "RUS"
    account_id: str = ""
    email: str = ""
    phone: str = ""
    name: str = ""
    secret_hash: str = ""
    updated: datetime | None = None
    operations: list[dict[str, str]] = field(default_factory=list)

    @property
    def current_amount(self) -> Decimal:
        """Held amount in AUTH, charged minus refunded afterwards, the original otherwise."""
        if self.status in {"CHARGE", "REFUND"}:
            return self.charged - self.refunded
        return self.amount


@dataclass(slots=True)
class InvoiceLink:
    """A customer payment link (reference §7.1)."""

    id: str
    fields: dict[str, object]
    amount: Decimal
    client_id: str
    terminal: str
    created: datetime
    expire: datetime
    status: str = "ACTIVE"
    updated: datetime | None = None


def number(value: Decimal) -> int | float:
    """A JSON number the way ePay prints amounts (100, 12.22)."""
    return int(value) if value == value.to_integral_value() else float(value)


def stamp(moment: datetime, nanos: int | None = None) -> str:
    """RFC 3339 with nanoseconds and +05:00: ``2025-02-07T23:32:53.089532914+05:00``."""
    local = moment.astimezone(ALMATY)
    frac = nanos if nanos is not None else local.microsecond * 1000
    return local.strftime("%Y-%m-%dT%H:%M:%S") + f".{frac:09d}+05:00"


def from_epoch(seconds: float) -> datetime:
    """A fake-clock reading as an aware datetime."""
    return datetime.fromtimestamp(seconds, UTC)


def terminal_number(terminal: str) -> str:
    """The 8-digit terminal number the status API shows next to the UUID."""
    digest = int(hashlib.sha256(terminal.encode()).hexdigest(), 16)
    return "98" + f"{digest % 1_000_000:06d}"


def transaction_view(tx: Transaction) -> dict[str, object]:
    """The status API's ``transaction`` object (reference §5.1)."""
    return {
        "id": tx.id, "createdDate": stamp(tx.created, tx.created_ns),
        "invoiceID": tx.invoice_id, "amount": number(tx.current_amount), "amountBonus": 0,
        "payoutAmount": number(tx.current_amount), "orgAmount": number(tx.amount),
        "approvalCode": tx.approval_code, "data": "", "currency": tx.currency,
        "terminal": terminal_number(tx.terminal), "terminalID": tx.terminal,
        "accountID": tx.account_id, "description": tx.description, "language": tx.language,
        "cardMask": tx.card_mask, "cardType": tx.card_type, "issuer": "HALYK BANK",
        "reference": tx.reference, "intReference": tx.int_reference,
        "reason": reason_text(tx.reason_code), "reasonCode": str(tx.reason_code),
        "secure": tx.secure, "secureDetails": "", "statusID": tx.id, "statusName": tx.status,
        "name": tx.name, "email": tx.email, "phone": tx.phone, "cardID": "",
        "ip": "127.0.0.1", "ipCountry": "KZ", "ipCity": "ALMATY", "ipRegion": "", "ipDistrict": "",
        "ipLatitude": 0, "ipLongitude": 0,
    }


def postlink_payload(tx: Transaction) -> dict[str, object]:
    """The JSON ePay POSTs to postLink / failurePostLink (reference §4.1)."""
    ok = tx.reason_code == 0
    return {
        "id": tx.id, "dateTime": stamp(tx.created, tx.created_ns), "invoiceId": tx.invoice_id,
        "invoiceIdAlt": "", "amount": number(tx.amount), "amountBonus": 0,
        "currency": tx.currency, "terminal": tx.terminal, "accountId": tx.account_id,
        "description": tx.description.replace(" ", "+"), "language": tx.language,
        "cardMask": tx.card_mask, "cardType": tx.card_type, "issuer": "HALYK BANK",
        "issuerBankCountry": "KAZAKHSTAN", "reference": tx.reference if ok else None,
        "intReference": tx.int_reference, "approvalCode": tx.approval_code,
        "secure": "yes" if tx.secure else "no", "secure3D": None, "secureDetails": None,
        "code": "ok" if ok else "error", "reason": reason_text(tx.reason_code),
        "reasonCode": tx.reason_code, "name": tx.name, "email": tx.email, "phone": tx.phone,
        "ip": "127.0.0.1", "ipCountry": "KZ", "ipCity": "ALMATY", "ipRegion": "",
        "ipDistrict": "", "ipLatitude": 0, "ipLongitude": 0, "cardId": "",
        "secret_hash": tx.secret_hash,
    }


def invoice_view(link: InvoiceLink, api_base: str) -> dict[str, object]:
    """The invoice-link API reply (reference §7.1)."""
    language = str(link.fields.get("language", "rus"))
    data: dict[str, object] = {
        "id": link.id, "shop_id": link.fields.get("shop_id", ""), "amount": number(link.amount),
        "invoice_id": link.fields.get("invoice_id", ""), "invoice_alt": "",
        "language": {"rus": "ru", "kaz": "kz", "eng": "en"}.get(language.lower(), language),
        "currency": link.fields.get("currency", "KZT"),
    }
    for key in ("description", "account_id", "recipient_contact", "recipient_contact_sms",
                "notifier_contact", "notifier_contact_sms", "expire_period", "post_link",
                "failure_post_link", "back_link", "failure_back_link"):
        data[key] = link.fields.get(key, "")
    data.update({
        "created_date": stamp(link.created), "expire_date": stamp(link.expire),
        "status": link.status,
        "updated_date": stamp(link.updated) if link.updated else GO_ZERO_TIME,
        "invoice_url": f"{api_base}/redirect/invoice-link/{link.id}",
        "merchant_id": link.client_id, "terminal_id": link.terminal,
        "card_save": bool(link.fields.get("card_save", False)), "data": "",
    })
    return data


def reason_text(code: int) -> str:
    """Human text for a reason code."""
    return REASONS.get(code, "declined")
