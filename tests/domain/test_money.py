"""Amount parsing and formatting: what a cashier may type, and what is refused with which code."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.errors import AmountError
from pos_app.domain.money import (
    DEFAULT_MAXIMUM,
    check_amount,
    format_number,
    format_tenge,
    from_wire,
    parse_amount,
    to_wire,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1500", "1500.00"),
        ("1 500", "1500.00"),
        ("1\u00a0500", "1500.00"),
        ("1500,50", "1500.50"),
        ("1500.5", "1500.50"),
        ("  7 ", "7.00"),
        ("0,01", "0.01"),
        ("10000000", "10000000.00"),
    ],
)
def test_accepted(text: str, expected: str) -> None:
    assert parse_amount(text) == Decimal(expected)
    assert str(parse_amount(text)) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("0", "zero"),
        ("0,00", "zero"),
        ("-5", "negative"),
        ("1500,505", "too_many_decimals"),
        ("12abc", "not_digits"),
        ("abc", "not_digits"),
        ("1,500.50", "not_digits"),
        ("١٥٠٠", "not_digits"),  # Arabic-Indic digits
        ("１５００", "not_digits"),  # full-width digits
        ("1e3", "not_digits"),
        ("NaN", "not_digits"),
        ("10000000,01", "above_maximum"),
        ("99999999999999999999999999999999", "above_maximum"),
    ],
)
def test_rejected_with_distinct_code(text: str, code: str) -> None:
    with pytest.raises(AmountError) as info:
        parse_amount(text)
    assert info.value.code == code
    assert str(info.value)  # a sentence for the cashier


def test_custom_maximum() -> None:
    assert parse_amount("500", maximum=Decimal("500")) == Decimal("500")
    with pytest.raises(AmountError):
        parse_amount("500,01", maximum=Decimal("500"))


def test_check_amount_huge_value_with_infinite_maximum_is_an_amount_error() -> None:
    with pytest.raises(AmountError):
        check_amount(Decimal("1" * 40 + ".5"), maximum=Decimal("Infinity"))


def test_formatting() -> None:
    assert format_number(Decimal("1500")) == "1\u00a0500"
    assert format_number(Decimal("1500.5")) == "1\u00a0500,50"
    assert format_tenge(Decimal("1234567.89")) == "1\u00a0234\u00a0567,89\u00a0₸"
    assert to_wire(Decimal("100.00")) == "100"
    assert to_wire(Decimal("12.50")) == "12.5"
    assert to_wire(Decimal("12.22")) == "12.22"


def test_from_wire_never_uses_float_rounding() -> None:
    assert from_wire("12.5") == Decimal("12.5")
    assert from_wire(100) == Decimal(100)
    assert from_wire(0.1) == Decimal("0.1")
    for bad in (True, None, "x", "NaN", [1]):
        with pytest.raises(AmountError):
            from_wire(bad)


valid_amounts = st.decimals(
    min_value=Decimal("0.01"), max_value=DEFAULT_MAXIMUM, places=2, allow_nan=False
)


@given(valid_amounts)
def test_parse_format_round_trip(value: Decimal) -> None:
    assert parse_amount(format_number(value)) == value
    assert parse_amount(format_number(value, group=" ", decimal_mark=".")) == value
    assert parse_amount(to_wire(value)) == value


@given(st.text())
def test_random_text_raises_only_amount_error(text: str) -> None:
    try:
        value = parse_amount(text)
    except AmountError:
        return
    assert Decimal("0") < value <= DEFAULT_MAXIMUM


@given(st.text(alphabet="0123456789 ,.-'\u00a0", max_size=40))
def test_numberish_text_raises_only_amount_error(text: str) -> None:
    try:
        value = parse_amount(text, maximum=Decimal("Infinity"))
    except AmountError:
        return
    assert value > 0
    assert value == value.quantize(Decimal("0.01"))
