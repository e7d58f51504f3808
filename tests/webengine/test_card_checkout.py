"""Card payments in the real window: key clicks, QtWebEngine, the emulator over HTTP, SQLite."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos_app.domain.payment import PaymentStatus
from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.ui.checkout.controller import Stage
from pos_app.ui.common.env_mark import environment_mark
from tests.webengine.helpers import (
    TIMEOUT,
    make_till,
    run_js,
    type_amount_and_enter,
    type_card,
    wait_for_card_form,
)

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
    # The next customer's amount can be typed at once: the window's keyboard focus (where its
    # keys go while it is active) is back in the amount field, out of the bank's form.
    assert till.window.focusWidget() is till.window.entry.amount
    till.close()


def _finish(qtbot: QtBot, till) -> object:
    qtbot.waitUntil(lambda: till.controller.stage is Stage.RESULT, timeout=TIMEOUT)
    return till.runtime.journal.recent(1)[0]


def test_declined_card_is_declined(qtbot: QtBot, home, emulator: Emulator, settings: Settings) -> None:
    till = make_till(qtbot, emulator, settings)
    type_amount_and_enter(qtbot, till, "700")
    frame = wait_for_card_form(qtbot, till)
    type_card(qtbot, till, frame, "4003032704547597", "0920", "170")
    payment = _finish(qtbot, till)
    assert payment.status is PaymentStatus.DECLINED
    assert payment.reason_code
    assert "Declined" in till.window.activity.result.words.text()
    till.close()


def test_token_503_twice_retries_with_one_invoice(qtbot: QtBot, home, emulator: Emulator, settings: Settings) -> None:
    emulator.add_fault("token", "http_error", count=2, status=503)
    till = make_till(qtbot, emulator, settings)
    type_amount_and_enter(qtbot, till, "2500")
    frame = wait_for_card_form(qtbot, till)
    type_card(qtbot, till, frame, "5522042705066736", "0127", "775")
    payment = _finish(qtbot, till)
    assert payment.status is PaymentStatus.PAID
    assert emulator.calls("token") >= 3
    assert len(till.runtime.journal.recent(10)) == 1  # one attempt, one invoice number
    till.close()


def test_silent_widget_cancelled_by_cashier_is_settled(qtbot: QtBot, home, emulator: Emulator, settings: Settings) -> None:
    emulator.configure(widget_message="none")
    till = make_till(qtbot, emulator, settings)
    type_amount_and_enter(qtbot, till, "990")
    wait_for_card_form(qtbot, till)
    qtbot.keyClick(till.window, Qt.Key.Key_Escape)
    payment = _finish(qtbot, till)
    assert payment.status is PaymentStatus.CANCELLED
    events = [e.to_status for e in till.runtime.journal.events(payment.invoice_id)]
    assert PaymentStatus.CHECKING in events  # the status API was asked before settling
    till.close()


def test_silent_widget_but_paid_is_found_paid_on_cancel(qtbot: QtBot, home, emulator: Emulator, settings: Settings) -> None:
    emulator.configure(widget_message="none")
    till = make_till(qtbot, emulator, settings)
    type_amount_and_enter(qtbot, till, "1200")
    frame = wait_for_card_form(qtbot, till)
    type_card(qtbot, till, frame, "4405639704015096", "0127", "321")
    invoice = till.controller.payment.invoice_id
    qtbot.waitUntil(lambda: emulator.transaction(invoice) is not None, timeout=TIMEOUT)
    qtbot.keyClick(till.window, Qt.Key.Key_Escape)
    payment = _finish(qtbot, till)
    assert payment.status is PaymentStatus.PAID
    till.close()


def test_double_enter_makes_one_attempt_and_one_token(qtbot: QtBot, home, emulator: Emulator, settings: Settings) -> None:
    emulator.add_fault("token", "slow", count=1, delay=0.5)
    till = make_till(qtbot, emulator, settings)
    field = till.window.entry.amount
    qtbot.keyClicks(field, "300")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    till.window.entry.pay_button.click()
    till.window.entry.submit()
    wait_for_card_form(qtbot, till)
    assert len(till.runtime.journal.recent(10)) == 1
    assert emulator.calls("token") == 1
    till.close()


def test_no_network_records_error_and_does_not_hang(qtbot: QtBot, home, emulator: Emulator, settings: Settings) -> None:
    till = make_till(qtbot, emulator, settings)
    emulator.stop()  # the bank is gone: connection refused
    type_amount_and_enter(qtbot, till, "450")
    payment = _finish(qtbot, till)
    assert payment.status is PaymentStatus.ERROR
    assert "connection" in till.window.activity.result.note.text().lower()
    assert till.window.entry.isEnabled()
    till.close()


def test_widget_script_failing_is_settled_by_the_bank(qtbot: QtBot, home, emulator: Emulator, settings: Settings) -> None:
    """The token exists when the script fails: the bank is asked (nothing there: cancelled)."""
    emulator.add_fault("script", "http_error", count=-1, status=404)
    till = make_till(qtbot, emulator, settings)
    type_amount_and_enter(qtbot, till, "451")
    payment = _finish(qtbot, till)
    assert payment.status is PaymentStatus.CANCELLED
    assert emulator.calls("status") >= 2
    assert "form" in till.window.activity.result.note.text().lower()
    till.close()


def test_script_error_after_the_customer_paid_is_paid(qtbot: QtBot, home, emulator: Emulator, settings: Settings) -> None:
    """Issue 14 A.1: the bank shows CHARGE, then the page posts script_error: paid, not error."""
    till = make_till(qtbot, emulator, settings)
    type_amount_and_enter(qtbot, till, "1777")
    wait_for_card_form(qtbot, till)
    invoice = till.controller.payment.invoice_id
    emulator.pay(invoice, "4405639704015096")
    page = till.checkout.page
    assert page is not None
    run_js(qtbot, page, 'posSend({type: "script_error", detail: "boom"}); true')
    payment = _finish(qtbot, till)
    assert payment.invoice_id == invoice
    assert payment.status is PaymentStatus.PAID
    assert payment.reference
    notes = [e.note for e in till.runtime.journal.events(invoice)]
    assert any("boom" in note for note in notes)  # the failure is kept in the history
    mark = till.window.activity.result.mark  # A.3: a training result says so in words
    assert mark.text() == environment_mark("training") != "" and not mark.isHidden()
    till.close()


def test_redirect_fallback_is_confirmed_by_status_api(qtbot: QtBot, home, emulator: Emulator) -> None:
    settings = Settings(environment="training", checkout_mode="redirect")
    till = make_till(qtbot, emulator, settings)
    type_amount_and_enter(qtbot, till, "640")
    frame_page = till.checkout
    qtbot.waitUntil(lambda: till.controller.stage is Stage.FORM, timeout=TIMEOUT)
    page = frame_page.page
    assert page is not None

    def form_ready() -> bool:
        return run_js(qtbot, page, "!!document.getElementById('pan')") is True

    qtbot.waitUntil(form_ready, timeout=TIMEOUT)
    type_card(qtbot, till, page.mainFrame(), "4405639704015096", "0127", "321")
    payment = _finish(qtbot, till)
    assert payment.status is PaymentStatus.PAID
    till.close()
