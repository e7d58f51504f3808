"""Receipts as data, independent of any register: lines, VAT, totals, and what comes back.

Money is ``Decimal`` end to end. The VAT in a position is ``round(sum × p / (100 + p), 2)``
half away from zero (reference §2.3), where ``sum`` is the position total at tiyn precision
(we always send ``RoundType 0``, so nothing is rounded to whole tenge).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from pos_app.fiscal.errors import InvalidReceipt

TIYN = Decimal("0.01")
MAX_MONEY = Decimal("999999999.99")
UNIT_PIECE = 796
MAX_NAME = 255


class PaymentKind(enum.IntEnum):
    CASH = 0
    CARD = 1
    MOBILE = 4


class Operation(enum.StrEnum):
    SALE = "sale"
    RETURN = "return"


@dataclass(frozen=True, slots=True)
class TaxPolicy:
    """``percent`` is ``None`` for a seller without VAT (``TaxType`` 0); 0 means "VAT 0 %"."""

    percent: int | None = None

    def __post_init__(self) -> None:
        if self.percent is not None and (isinstance(self.percent, bool)
                                         or not 0 <= self.percent <= 99):
            raise InvalidReceipt("The VAT rate must be between 0 and 99 per cent.")

    @property
    def vat(self) -> bool:
        return self.percent is not None


def money(value: Decimal) -> Decimal:
    """``value`` at tiyn precision; refuses non-finite, negative or too large amounts."""
    try:
        exact = value.is_finite() and value == value.quantize(TIYN)
    except InvalidOperation:
        exact = False
    if not exact or value < 0 or value > MAX_MONEY:
        raise InvalidReceipt("An amount must be 0 … 999 999 999.99 with at most two decimals.")
    return value.quantize(TIYN)


def vat_in(total: Decimal, percent: int | None) -> Decimal:
    """VAT contained in ``total`` at ``percent`` (0 for no VAT), half away from zero."""
    if not percent:
        return Decimal("0.00")
    raw = total * percent / (100 + percent)
    sign = -1 if raw < 0 else 1
    return sign * abs(raw).quantize(TIYN, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    name: str
    price: Decimal
    count: Decimal = Decimal("1")
    unit_code: int = UNIT_PIECE
    section: str = ""

    def __post_init__(self) -> None:
        name = " ".join(self.name.split())
        if not name or len(name) > MAX_NAME:
            raise InvalidReceipt("An item name must have 1 … 255 characters.")
        money(self.price)
        if not self.count.is_finite() or self.count <= 0 or self.count != self.count.quantize(
                Decimal("0.001")) or self.count > Decimal("4294967.295"):
            raise InvalidReceipt("A quantity must be above 0 with at most three decimals.")

    @property
    def total(self) -> Decimal:
        return money((self.price * self.count).quantize(TIYN, rounding=ROUND_HALF_UP))


@dataclass(frozen=True, slots=True)
class Receipt:
    """What is sold (or returned) and how it was paid."""

    lines: tuple[ReceiptLine, ...]
    tax: TaxPolicy
    payment: PaymentKind = PaymentKind.CARD

    def __post_init__(self) -> None:
        if not self.lines:
            raise InvalidReceipt("A receipt needs at least one line.")

    @property
    def total(self) -> Decimal:
        return money(sum((line.total for line in self.lines), Decimal("0.00")))

    def line_tax(self, line: ReceiptLine) -> Decimal:
        return vat_in(line.total, self.tax.percent)

    @property
    def tax_total(self) -> Decimal:
        return sum((self.line_tax(line) for line in self.lines), Decimal("0.00"))

    def check_against(self, paid: Decimal) -> None:
        """Refuse a receipt whose total is not the amount the bank took, to the tiyn."""
        if self.total != money(paid):
            raise InvalidReceipt(
                f"The receipt total {self.total} differs from the paid amount {money(paid)}.")


def receipt_for_amount(amount: Decimal, item_name: str, tax: TaxPolicy,
                       section: str = "") -> Receipt:
    """A free-amount sale: one piece of ``item_name`` at ``amount`` paid by card."""
    receipt = Receipt((ReceiptLine(item_name, money(amount), Decimal("1"), UNIT_PIECE, section),),
                      tax)
    receipt.check_against(amount)
    return receipt


@dataclass(frozen=True, slots=True)
class PrintLine:
    """One line of the register's print form: ``kind`` is ``text``, ``image`` or ``qr``."""

    kind: str
    value: str
    bold: bool = False


@dataclass(frozen=True, slots=True)
class FiscalResult:
    """A registered check, as every adapter reports it."""

    provider: str
    key: str
    fiscal_number: str
    date_time: str  # the register's own local date-time text (kept for the return basis)
    registered_at: datetime | None  # the same, aware (+05:00), when it could be read
    shift_number: int
    order_number: int
    registration_number: str
    cashbox: str
    offline: bool
    ticket_url: str
    total: Decimal
    print_lines: tuple[PrintLine, ...] = ()
    recovered: bool = False  # found again by a resend (duplicate) or a lookup
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "provider": self.provider, "key": self.key, "fiscal_number": self.fiscal_number,
            "date_time": self.date_time,
            "registered_at": self.registered_at.isoformat() if self.registered_at else "",
            "shift_number": self.shift_number, "order_number": self.order_number,
            "registration_number": self.registration_number, "cashbox": self.cashbox,
            "offline": self.offline, "ticket_url": self.ticket_url, "total": f"{self.total:f}",
            "print_lines": [[p.kind, p.value, p.bold] for p in self.print_lines],
            "recovered": self.recovered, "extra": self.extra,
        }  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FiscalResult:
        at = str(data.get("registered_at") or "")
        return cls(
            provider=str(data["provider"]), key=str(data["key"]),
            fiscal_number=str(data["fiscal_number"]), date_time=str(data["date_time"]),
            registered_at=datetime.fromisoformat(at) if at else None,
            shift_number=int(data["shift_number"]), order_number=int(data["order_number"]),
            registration_number=str(data["registration_number"]), cashbox=str(data["cashbox"]),
            offline=bool(data["offline"]), ticket_url=str(data["ticket_url"]),
            total=Decimal(str(data["total"])),
            print_lines=tuple(PrintLine(str(k), str(v), bool(b))
                              for k, v, b in data.get("print_lines", [])),
            recovered=bool(data.get("recovered", False)), extra=dict(data.get("extra", {})),
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class ReturnBasis:
    """The original sale a return refers to (reference §2.6)."""

    fiscal_number: str
    date_time: str
    registration_number: str
    total: Decimal
    offline: bool

    @classmethod
    def of(cls, sale: FiscalResult) -> ReturnBasis:
        return cls(sale.fiscal_number, sale.date_time, sale.registration_number, sale.total,
                   sale.offline)


@dataclass(frozen=True, slots=True)
class RegisterStatus:
    """What ``status()`` tells about the register right now."""

    cashbox: str
    active: bool
    status_text: str
    offline: bool
    shift_open: bool
    shift_number: int | None
    shift_opened_at: datetime | None
    hours_open: float | None
    hours_left: float | None  # before the 24-hour limit
