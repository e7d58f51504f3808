"""Invoice numbers: 6-15 digits, prefix + 6-digit sequence, last six digits as the suffix."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pos_app.domain.errors import InvoiceError
from pos_app.domain.invoice import (
    MAX_SEQUENCE,
    format_invoice,
    suffix,
    validate_invoice_id,
    validate_prefix,
)


def test_format() -> None:
    assert format_invoice("", 1) == "000001"
    assert format_invoice("12", 7) == "12000007"
    assert format_invoice("123456789", MAX_SEQUENCE) == "123456789999999"


@pytest.mark.parametrize("sequence", [0, -1, MAX_SEQUENCE + 1])
def test_sequence_out_of_range(sequence: int) -> None:
    with pytest.raises(InvoiceError) as info:
        format_invoice("", sequence)
    assert info.value.code == "invoice_exhausted"


@pytest.mark.parametrize("prefix", ["1234567890", "a", "-1", "１"])
def test_bad_prefix(prefix: str) -> None:
    with pytest.raises(InvoiceError) as info:
        validate_prefix(prefix)
    assert info.value.code == "invoice_prefix"


@pytest.mark.parametrize(
    "invoice", ["12345", "1234567890123456", "12345a", "١٢٣٤٥٦", "", " 123456"]
)
def test_bad_invoice(invoice: str) -> None:
    with pytest.raises(InvoiceError) as info:
        validate_invoice_id(invoice)
    assert info.value.code == "invoice_format"


def test_suffix() -> None:
    assert suffix("12000007") == "000007"
    assert suffix("000001") == "000001"


@given(st.from_regex(r"[0-9]{0,9}", fullmatch=True), st.integers(1, MAX_SEQUENCE))
def test_format_is_valid_and_suffix_is_sequence(prefix: str, sequence: int) -> None:
    invoice = format_invoice(prefix, sequence)
    assert validate_invoice_id(invoice) == invoice
    assert invoice.startswith(prefix)
    assert int(suffix(invoice)) == sequence
