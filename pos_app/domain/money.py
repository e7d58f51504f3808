"""Tenge amounts as :class:`~decimal.Decimal`: parse what a cashier types, format for display
and for the wire.

Floats never appear: an amount is parsed from text straight into a ``Decimal`` quantised to
tiyn (two places), and goes to ePay as the JavaScript-style string ePay's own script produces
("100", "12.5").
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from pos_app.domain.errors import AmountError

CURRENCY = "KZT"
TENGE_SIGN = "₸"
DEFAULT_MAXIMUM = Decimal("10000000")
MINIMUM_REFUND = Decimal("10")
TIYN = Decimal("0.01")

# Spaces a cashier (or a paste from a spreadsheet) may use as thousands separators.
_SPACES = " \u00a0\u202f\u2009'"
_ASCII_NUMBER = re.compile(r"[0-9]+([.,][0-9]*)?")


def parse_amount(text: str, maximum: Decimal = DEFAULT_MAXIMUM) -> Decimal:
    """Return the amount typed as ``text`` in tenge, or raise :class:`AmountError`.

    Accepts ``1500``, ``1 500``, ``1500,50``, ``1500.5``. Rejects empty text, zero, negatives,
    more than two decimals, any non-ASCII digit or other character, and amounts above
    ``maximum``.
    """
    raw = text.strip()
    for space in _SPACES:
        raw = raw.replace(space, "")
    if not raw:
        raise AmountError("Enter an amount.", code="empty")
    if raw.startswith("-"):
        raise AmountError("The amount cannot be negative.", code="negative")
    if not _ASCII_NUMBER.fullmatch(raw):
        raise AmountError(
            "Use only the digits 0-9 and one decimal comma or point.", code="not_digits"
        )
    whole, _, fraction = raw.replace(",", ".").partition(".")
    if len(fraction) > 2:
        raise AmountError(
            "The amount can have at most two digits after the comma.", code="too_many_decimals"
        )
    try:
        value = Decimal(f"{whole}.{fraction or '0'}")
    except InvalidOperation as exc:  # pragma: no cover - the regex makes this unreachable
        raise AmountError("This is not an amount.", code="not_a_number") from exc
    return check_amount(value, maximum)


def check_amount(value: Decimal, maximum: Decimal = DEFAULT_MAXIMUM) -> Decimal:
    """Validate an amount that is already a ``Decimal``; return it quantised to tiyn."""
    if not value.is_finite():
        raise AmountError("This is not an amount.", code="not_a_number")
    if value < 0:
        raise AmountError("The amount cannot be negative.", code="negative")
    if value == 0:
        raise AmountError("The amount must be more than zero.", code="zero")
    # The limit is checked before quantising: a 30-digit amount would overflow the decimal
    # context's precision in quantize() and raise InvalidOperation instead of AmountError.
    if value > maximum:
        raise AmountError(
            f"The amount is above the limit of {format_tenge(maximum)}.", code="above_maximum"
        )
    try:
        exact = value == value.quantize(TIYN, rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:  # more digits than the context holds (huge maximum)
        raise AmountError("This is not an amount.", code="not_a_number") from exc
    if not exact:
        raise AmountError(
            "The amount can have at most two digits after the comma.", code="too_many_decimals"
        )
    return value.quantize(TIYN)


def format_tenge(value: Decimal, *, group: str = "\u00a0", decimal_mark: str = ",") -> str:
    """``Decimal("1500.5")`` → ``"1 500,50 ₸"``; whole amounts drop the decimals (``"1 500 ₸"``)."""
    return f"{format_number(value, group=group, decimal_mark=decimal_mark)}\u00a0{TENGE_SIGN}"


def format_number(value: Decimal, *, group: str = "\u00a0", decimal_mark: str = ",") -> str:
    """Digits with thousands separators, two decimals unless the amount is whole."""
    q = value.quantize(TIYN)
    sign = "-" if q < 0 else ""
    whole, _, fraction = f"{abs(q):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = group.join(groups)
    if fraction and fraction != "00":
        text += decimal_mark + fraction
    return sign + text


def to_wire(value: Decimal) -> str:
    """The amount as ePay's JavaScript would print it: ``100``, ``12.5``, ``12.22``."""
    q = value.quantize(TIYN)
    text = f"{q:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def from_wire(raw: object) -> Decimal:
    """Read an amount from an ePay reply (number or string); never goes through ``float``.

    JSON numbers are parsed with ``parse_float=Decimal`` by our client, so a ``float`` here means
    a caller bypassed that; it is converted through ``repr`` to keep its shortest form.
    """
    if isinstance(raw, bool):
        raise AmountError("Not an amount.", code="not_a_number")
    if isinstance(raw, Decimal):
        value = raw
    elif isinstance(raw, int):
        value = Decimal(raw)
    elif isinstance(raw, float):
        value = Decimal(repr(raw))
    elif isinstance(raw, str):
        try:
            value = Decimal(raw.strip())
        except InvalidOperation as exc:
            raise AmountError("Not an amount.", code="not_a_number") from exc
    else:
        raise AmountError("Not an amount.", code="not_a_number")
    if not value.is_finite():
        raise AmountError("Not an amount.", code="not_a_number")
    return value
