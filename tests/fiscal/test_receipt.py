"""Receipt arithmetic: VAT per reference §2.3, totals against the paid amount, Decimal only."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pos_app.fiscal.errors import InvalidReceipt
from pos_app.fiscal.receipt import (
    FiscalResult,
    PrintLine,
    Receipt,
    ReceiptLine,
    TaxPolicy,
    receipt_for_amount,
    vat_in,
)
from pos_app.fiscal.webkassa.wire import dumps, loads, parse_local, with_token


@pytest.mark.parametrize("total, percent, tax", [
    ("1500.00", 16, "206.90"),  # the reference's worked example
    ("500.00", 12, "53.57"),
    ("0.05", 16, "0.01"),  # 0.0069 → 0.01
    ("1234.50", 16, "170.28"),
    ("100.00", 0, "0.00"),
    ("100.00", None, "0.00"),
])
def test_vat_in(total: str, percent: int | None, tax: str) -> None:
    assert vat_in(Decimal(total), percent) == Decimal(tax)


def test_half_away_from_zero() -> None:
    assert vat_in(Decimal("0.58"), 16) == Decimal("0.08")  # exactly 0.08
    assert vat_in(Decimal("10.15"), 12) == Decimal("1.09")  # 1.0875 → 1.09
    assert vat_in(Decimal("-10.15"), 12) == Decimal("-1.09")  # away from zero
    assert vat_in(Decimal("0.98"), 12) == Decimal("0.11")  # exactly 0.105: a tie goes up


def test_receipt_total_must_equal_paid_amount() -> None:
    receipt = receipt_for_amount(Decimal("1234.50"), "Товар", TaxPolicy(16))
    assert receipt.total == Decimal("1234.50")
    receipt.check_against(Decimal("1234.5"))
    with pytest.raises(InvalidReceipt):
        receipt.check_against(Decimal("1234.51"))
    two = Receipt((ReceiptLine("A", Decimal("0.10"), Decimal("3")),
                   ReceiptLine("B", Decimal("1.00"))), TaxPolicy(16))
    assert two.total == Decimal("1.30")
    assert two.tax_total == vat_in(Decimal("0.30"), 16) + vat_in(Decimal("1.00"), 16)


@pytest.mark.parametrize("amount", ["0.001", "-1", "1000000000", "NaN", "Infinity"])
def test_bad_amounts_refused(amount: str) -> None:
    with pytest.raises(InvalidReceipt):
        receipt_for_amount(Decimal(amount), "Товар", TaxPolicy(16))


@pytest.mark.parametrize("name", ["", "   ", "x" * 256])
def test_bad_names_refused(name: str) -> None:
    with pytest.raises(InvalidReceipt):
        receipt_for_amount(Decimal("1"), name, TaxPolicy(16))


def test_bad_rate_refused() -> None:
    with pytest.raises(InvalidReceipt):
        TaxPolicy(100)


def test_wire_numbers_are_exact_decimals() -> None:
    text = dumps({"Sum": Decimal("1500.00"), "Tax": Decimal("206.90"), "N": 3, "S": "Тауар"})
    assert text == '{"Sum": 1500.00, "Tax": 206.90, "N": 3, "S": "Тауар"}'
    assert loads(text)["Tax"] == Decimal("206.90")
    assert with_token(text, "ab") == '{"Token": "ab", ' + text[1:]
    assert with_token("{}", "ab") == '{"Token": "ab"}'


def test_dates_in_kazakhstan_time() -> None:
    moment = parse_local("14.09.2025 16:55:37")
    assert moment is not None and moment.utcoffset() is not None
    assert moment.utcoffset().total_seconds() == 5 * 3600  # type: ignore[union-attr]
    assert parse_local("nonsense") is None
    assert parse_local(None) is None


def test_result_round_trips_through_json() -> None:
    result = FiscalResult("webkassa", "pos-S-1", "123", "14.09.2025 16:55:37",
                          parse_local("14.09.2025 16:55:37"), 1, 2, "0326", "SWK1", True,
                          "http://x?i=1", Decimal("1500.00"), (PrintLine("qr", "http://x"),))
    assert FiscalResult.from_json(result.to_json()) == result
