"""The edges of store/journal_schema.py that mutants survived (scripts/mutation): card masks,
the Luhn check in free text, the refunded amount's bounds, field types, UTC times and the
round trip of every column through a real journal."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from pos_app.domain.payment import PaymentStatus
from pos_app.store.journal import Journal
from pos_app.store.journal_schema import (
    PAYMENT_COLUMNS,
    clean_fields,
    iso,
    mask_card,
    payment_from_row,
    scrub_text,
)


def test_mask_keeps_ten_digits_and_masks_eleven() -> None:
    assert mask_card("1234567890") == "1234567890"
    assert mask_card("12345678901") == "123456*8901"
    assert mask_card("4405639704015096") == "440563******5096"


def test_only_luhn_valid_numbers_are_masked_in_text() -> None:
    assert scrub_text("card 4405639704015096 paid") == "card 440563******5096 paid"
    assert scrub_text("card 4405 6397 0401 5096") == "card 440563******5096"
    assert scrub_text("ref 4405639704015097 x") == "ref 4405639704015097 x"  # fails Luhn
    assert scrub_text("ref 1234-5678-9012-3456") == "ref 1234-5678-9012-3456"


@pytest.mark.parametrize(("value", "stored"), [
    (Decimal("0"), "0.00"), (Decimal("10"), "10.00"), (Decimal("0.5"), "0.50"),
    (Decimal("100"), "100.00"),
])
def test_refunded_amount_bounds_are_inclusive(value: Decimal, stored: str) -> None:
    assert clean_fields({"refunded_amount": value}, Decimal("100")) == {"refunded_amount": stored}


@pytest.mark.parametrize("value", [Decimal("-0.01"), Decimal("100.01")])
def test_refunded_amount_out_of_bounds(value: Decimal) -> None:
    with pytest.raises(ValueError, match="between 0 and the payment amount"):
        clean_fields({"refunded_amount": value}, Decimal("100"))


@pytest.mark.parametrize("value", [1.5, Decimal("NaN"), "10"])
def test_refunded_amount_must_be_a_finite_decimal(value: object) -> None:
    with pytest.raises(TypeError, match="finite Decimal"):
        clean_fields({"refunded_amount": value}, Decimal("100"))


def test_every_field_after_the_refunded_amount_is_cleaned_too() -> None:
    cleaned = clean_fields({"refunded_amount": Decimal("1"), "reference": None,
                            "approval_code": 123456, "message": "x"}, Decimal("100"))
    assert cleaned == {"refunded_amount": "1.00", "reference": "", "approval_code": "123456",
                       "message": "x"}


@pytest.mark.parametrize("value", [True, 1.5, b"x", ["x"]])
def test_a_field_must_be_text(value: object) -> None:
    with pytest.raises(TypeError, match="Journal field 'reference' must be text"):
        clean_fields({"reference": value}, Decimal("100"))


def test_times_are_stored_in_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Almaty")  # a till's local zone is not UTC
    time.tzset()
    try:
        almaty = timezone(timedelta(hours=5))
        assert iso(datetime(2026, 12, 1, 17, 0, tzinfo=almaty)) == \
            "2026-12-01T12:00:00.000000+00:00"
        with pytest.raises(ValueError, match="timezone-aware"):
            iso(datetime(2026, 12, 1, 17, 0))
        assert iso(datetime(2026, 12, 1, 12, 0, tzinfo=UTC)).endswith("+00:00")
    finally:
        monkeypatch.undo()
        time.tzset()


def test_every_column_comes_back(journal: Journal) -> None:
    payment = journal.create_attempt(Decimal("1000"), description="d", account_id="acc-7")
    journal.transition(payment.invoice_id, PaymentStatus.TOKEN_ISSUED)
    journal.transition(payment.invoice_id, PaymentStatus.CHECKING)
    journal.transition(payment.invoice_id, PaymentStatus.PAID, reference="123456789012",
                       approval_code="654321", card_mask="440563******5096",
                       transaction_id="tx-1", reason_code="0", message="ok")
    journal.transition(payment.invoice_id, PaymentStatus.PARTIALLY_REFUNDED,
                       refunded_amount=Decimal("250"))
    got = journal.get(payment.invoice_id)
    assert (got.account_id, got.reference, got.approval_code, got.transaction_id,
            got.reason_code, got.message, got.refunded_amount) == (
        "acc-7", "123456789012", "654321", "tx-1", "0", "ok", Decimal("250.00"))
    with pytest.raises(ValueError):
        payment_from_row(("x",) * (len(PAYMENT_COLUMNS) + 1))  # a row of another shape
