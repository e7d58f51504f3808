"""Card payments in the real window: key clicks, QtWebEngine, the emulator over HTTP, SQLite."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from pos_app.domain.payment import PaymentStatus
from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.ui.controller import Stage
from tests.webengine.helpers import TIMEOUT, make_till, type_amount_and_enter, type_card, wait_for_card_form

pytestmark = pytest.mark.webengine


def test_approved_card_is_paid_with_rrn_and_mask(qtbot: QtBot, home, emulator: Emulator, settings: Settings) -> None:
    till = make_till(qtbot, emulator, settings)
    type_amount_and_enter(qtbot, till, "1500,50")
    frame = wait_for_card_form(qtbot, till)
    type_card(qtbot, till, frame, "4405639704015096", "0127", "321")
    qtbot.waitUntil(lambda: till.controller.stage is Stage.RESULT, timeout=TIMEOUT)
    payment = till.runtime.journal.recent(1)[0]
    assert payment.status is PaymentStatus.PAID
    assert payment.reference and payment.card_mask.endswith("5096")
    assert "4405639704015096" not in payment.card_mask
    result = till.window.activity.result
    assert payment.reference in result.facts.text()
    assert payment.card_mask in result.facts.text()
    assert till.window.entry.amount.hasFocus() or till.window.entry.amount.isEnabled()
    till.close()
