"""The journal's SQL schema (forward-only migrations) and the guards on what may be stored.

Amounts are ``TEXT`` holding a ``Decimal`` string (never ``REAL``); times are ISO 8601 in UTC
with an explicit offset. ``events`` is append-only and nothing is deleted from ``payments``:
triggers enforce both, so even a bug or a hand-run ``DELETE`` cannot erase history.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from pos_app.domain.payment import Payment, PaymentMethod, PaymentStatus
from pos_app.store.journal_schema_fiscal import MIGRATION_FISCAL
from pos_app.store.journal_schema_v2 import MIGRATION_2

_STATUSES = ", ".join(f"'{s.value}'" for s in PaymentStatus)

MIGRATIONS: list[str] = [
    # 0 → 1: the first schema. (Only the status enum is interpolated.)
    f"""
    CREATE TABLE meta (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL CHECK (value >= 0)
    );
    CREATE TABLE payments (
        invoice_id TEXT PRIMARY KEY
            CHECK (length(invoice_id) BETWEEN 6 AND 15 AND invoice_id NOT GLOB '*[^0-9]*'),
        suffix TEXT NOT NULL CHECK (suffix = substr(invoice_id, -6)),
        amount TEXT NOT NULL CHECK (typeof(amount) = 'text'),
        currency TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('card', 'qr')),
        status TEXT NOT NULL CHECK (status IN ({_STATUSES})),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        account_id TEXT NOT NULL DEFAULT '',
        reference TEXT NOT NULL DEFAULT '',
        approval_code TEXT NOT NULL DEFAULT '',
        card_mask TEXT NOT NULL DEFAULT '',
        transaction_id TEXT NOT NULL DEFAULT '',
        refunded_amount TEXT NOT NULL DEFAULT '0.00' CHECK (typeof(refunded_amount) = 'text'),
        reason_code TEXT NOT NULL DEFAULT '',
        message TEXT NOT NULL DEFAULT ''
    );
    CREATE UNIQUE INDEX payments_suffix ON payments (suffix);
    CREATE INDEX payments_created_at ON payments (created_at);
    CREATE INDEX payments_status ON payments (status);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        invoice_id TEXT NOT NULL REFERENCES payments (invoice_id),
        at TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL CHECK (to_status IN ({_STATUSES})),
        note TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL DEFAULT '{{}}'
    );
    CREATE INDEX events_invoice ON events (invoice_id, id);
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    BEGIN
        SELECT RAISE(ABORT, 'journal events are append-only');
    END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    BEGIN
        SELECT RAISE(ABORT, 'journal events are append-only');
    END;
    CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
    BEGIN
        SELECT RAISE(ABORT, 'payments are never deleted from the journal');
    END;
    """,  # noqa: S608
    # 1 → 2: history indexes, refunds, shifts and Z reports (issue 6).
    MIGRATION_2,
    # 2 → 3: a status reply that did not match its attempt (issue 14, A.4): shown to the admin.
    "ALTER TABLE payments ADD COLUMN problem TEXT NOT NULL DEFAULT '';",

    # 3 → 4: fiscal operations (issue 15).
    MIGRATION_FISCAL,
]

PAYMENT_COLUMNS = (
    "invoice_id",
    "amount",
    "currency",
    "method",
    "status",
    "created_at",
    "updated_at",
    "description",
    "account_id",
    "reference",
    "approval_code",
    "card_mask",
    "transaction_id",
    "refunded_amount",
    "reason_code",
    "message",
    "problem",
)

# Fields a caller may set through ``transition``/``record``; everything else is refused.
UPDATABLE_FIELDS = frozenset(
    {
        "reference",
        "approval_code",
        "card_mask",
        "transaction_id",
        "refunded_amount",
        "reason_code",
        "message",
        "problem",
    }
)
_SENSITIVE_NAME = re.compile(r"token|secret|pan|cvc|cvv|password|auth", re.IGNORECASE)
_DIGIT = re.compile(r"[0-9]")
# 13-19 digits, optionally grouped by spaces or dashes: what a card number looks like in text.
_PAN_IN_TEXT = re.compile(r"(?<![0-9])(?:[0-9][ -]?){12,18}[0-9](?![0-9])")
MAX_TEXT = 500


def mask_card(mask: str) -> str:
    """Return ``mask`` unchanged unless more than 10 digits are visible; then keep 6 + 4.

    ``"4405639704015096"`` → ``"440563******5096"``; ``"440563******5096"`` stays as it is.
    """
    digits = _DIGIT.findall(mask)
    if len(digits) <= 10:
        return mask
    return "".join(digits[:6]) + "*" * (len(digits) - 10) + "".join(digits[-4:])


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def scrub_text(text: str) -> str:
    """Mask anything in free text that looks like a full card number (Luhn-valid, 13-19 digits)."""

    def _replace(match: re.Match[str]) -> str:
        digits = re.sub(r"[^0-9]", "", match.group(0))
        return mask_card(digits) if _luhn_ok(digits) else match.group(0)

    return _PAN_IN_TEXT.sub(_replace, text)[:MAX_TEXT]


def clean_fields(fields: dict[str, object], amount: Decimal) -> dict[str, str]:
    """Check and normalise ``transition``/``record`` keyword fields to column strings.

    Raises ``ValueError`` for a field that may not be stored (unknown, or named like a token,
    secret or card number) and ``TypeError`` for a value of the wrong type; both are bugs.
    """
    cleaned: dict[str, str] = {}
    for name, value in fields.items():
        if name not in UPDATABLE_FIELDS:
            if _SENSITIVE_NAME.search(name):
                raise ValueError(f"The journal never stores {name!r} (secret or card data).")
            raise ValueError(f"Unknown journal field {name!r}.")
        if name == "refunded_amount":
            if not isinstance(value, Decimal) or not value.is_finite():
                raise TypeError("refunded_amount must be a finite Decimal.")
            if value < 0 or value > amount:
                raise ValueError("refunded_amount must be between 0 and the payment amount.")
            cleaned[name] = f"{value.quantize(Decimal('0.01')):f}"
            continue
        if value is None:
            value = ""
        if not isinstance(value, str | int) or isinstance(value, bool):
            raise TypeError(f"Journal field {name!r} must be text.")
        text = str(value)
        if name == "card_mask":
            cleaned[name] = mask_card(text)[:MAX_TEXT]
        elif name in ("message", "problem"):
            cleaned[name] = scrub_text(text)
        else:
            cleaned[name] = text[:MAX_TEXT]
    return cleaned


@dataclass(frozen=True, slots=True)
class Event:
    """One line of an attempt's history. ``from_status`` is ``None`` for the creation."""

    id: int
    invoice_id: str
    at: datetime
    from_status: PaymentStatus | None
    to_status: PaymentStatus
    note: str
    data: dict[str, Any]


def utc_now() -> datetime:
    """Now, in UTC."""
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """ISO 8601 in UTC with an explicit ``+00:00`` offset (sorts as text)."""
    if moment.tzinfo is None:
        raise ValueError("Journal times must be timezone-aware.")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def payment_from_row(row: sqlite3.Row | tuple[Any, ...]) -> Payment:
    """A :class:`Payment` from a row of :data:`PAYMENT_COLUMNS`."""
    v = dict(zip(PAYMENT_COLUMNS, row, strict=True))
    return Payment(
        invoice_id=v["invoice_id"], amount=Decimal(v["amount"]), currency=v["currency"],
        method=PaymentMethod(v["method"]), status=PaymentStatus(v["status"]),
        created_at=datetime.fromisoformat(v["created_at"]),
        updated_at=datetime.fromisoformat(v["updated_at"]),
        description=v["description"], account_id=v["account_id"], reference=v["reference"],
        approval_code=v["approval_code"], card_mask=v["card_mask"],
        transaction_id=v["transaction_id"], refunded_amount=Decimal(v["refunded_amount"]),
        reason_code=v["reason_code"], message=v["message"], problem=v["problem"],
    )  # fmt: skip
