"""The receipt as data: every field, and the non-fiscal words in the UI language."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from pos_app.domain.payment import Payment, PaymentMethod, PaymentStatus
from pos_app.services.receipts import build_receipt

PAID = Payment("000123", Decimal("1500.50"), "KZT", PaymentMethod.CARD, PaymentStatus.PAID,
               datetime(2026, 3, 1, 10, tzinfo=UTC), datetime(2026, 3, 1, 10, tzinfo=UTC),
               reference="123456789012", approval_code="170243", card_mask="440563******5096")


@pytest.mark.parametrize(("language", "words"), [
    ("ru", "Нефискальный документ"), ("kk", "Фискалдық емес құжат"), ("en", "non-fiscal document"),
])
def test_receipt_fields_and_non_fiscal_words(language: str, words: str) -> None:
    receipt = build_receipt(PAID, shop_name="Corner shop", shop_address="Almaty, Abay 10",
                            language=language)
    text = receipt.as_text()
    for value in ("Corner shop", "Almaty, Abay 10", "1 500,50", "000123", "123456789012",
                  "170243", "440563******5096", words):
        assert value in text
    assert receipt.footer == words
