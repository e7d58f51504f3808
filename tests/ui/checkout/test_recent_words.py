"""The recent strip and the history say what an open payment waits for in the cashier's words: a
card payment's form is open in the till; a QR payment waits for the customer's phone (it has
no card form). Real SQLite journal, the real catalogues."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos_app.domain.payment import PaymentMethod, PaymentStatus
from pos_app.store.journal import Journal
from pos_app.ui.checkout.recent import RecentStrip
from pos_app.ui.common import i18n
from pos_app.ui.history.model import HistoryModel

WORDS = {  # language → (card form open, waiting for the phone)
    "en": ("Card form open", "Waiting for the phone"),
    "ru": ("Открыта форма карты", "Ждём оплату с телефона"),
    "kk": ("Карта формасы ашық", "Телефоннан төлем күтілуде"),
}


@pytest.fixture(params=sorted(WORDS))
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


def test_an_open_qr_payment_waits_for_the_phone_not_for_a_card_form(
    qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    card_words, qr_words = WORDS[language]
    journal = Journal(tmp_path / "journal.sqlite3")
    card = journal.create_attempt(Decimal("1500"))
    qr = journal.create_attempt(Decimal("700"), method=PaymentMethod.QR)
    for payment in (card, qr):
        journal.transition(payment.invoice_id, PaymentStatus.TOKEN_ISSUED)
        journal.transition(payment.invoice_id, PaymentStatus.WIDGET_OPEN)
    strip = RecentStrip()
    qtbot.addWidget(strip)
    strip.show_payments(journal.recent(2))
    texts = {label.toolTip(): label.text() for label in strip.items if label.text()}
    assert texts[card.invoice_id].endswith(card_words)
    assert texts[qr.invoice_id].endswith(qr_words)
    # and its sign: the card form's keyboard for the card, a QR sign for the phone
    assert " ⌨ " in texts[card.invoice_id] and "▦" not in texts[card.invoice_id]
    assert " ▦ " in texts[qr.invoice_id] and "⌨" not in texts[qr.invoice_id]
    model = HistoryModel(journal)
    rows = {model.index(r, 1).data(): model.index(r, 4).data() for r in range(model.rowCount())}
    assert rows[card.invoice_id] == f"⌨ {card_words}"
    assert rows[qr.invoice_id] == f"▦ {qr_words}"
    journal.close()
