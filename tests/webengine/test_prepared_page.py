"""Enter loads the host page (and ePay's widget script) while the payment token is on its way;
the payment object follows with posPay() once the token is there (CheckoutView.prepare_widget,
start_widget). Whatever order the two arrive in, the form opens once, for the right invoice; a
page that failed before the token is reported when the form would have been shown."""

from __future__ import annotations

import pytest
from PySide6.QtWebEngineCore import QWebEnginePage
from pytestqt.qtbot import QtBot

from pos_app.domain.payment import PaymentStatus
from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.ui.app import Till
from pos_app.ui.checkout.controller import Stage
from pos_app.ui.checkout.web.checkout_view import CheckoutView
from tests.webengine.helpers import (
    TIMEOUT,
    make_till,
    payform_frame,
    run_js,
    type_amount_and_enter,
    type_card,
    wait_for_card_form,
)
from tests.webengine.test_page_reuse import _payment, _view

pytestmark = pytest.mark.webengine


def _prepared(qtbot: QtBot, view: CheckoutView, invoice: str, widget_url: str) -> QWebEnginePage:
    """``prepare_widget`` and wait until the widget script has run in the host page."""
    view.prepare_widget(invoice, widget_url)
    page = view.page
    assert page is not None
    qtbot.waitUntil(lambda: run_js(qtbot, page, "typeof window.halyk") == "object",
                    timeout=TIMEOUT)
    return page


def test_the_page_loads_before_the_token_and_the_form_opens_after_it(
    qtbot: QtBot, emulator: Emulator
) -> None:
    view = _view(qtbot)
    # the host page and the widget script are there; no payment object, no form, no token
    page = _prepared(qtbot, view, "000911", emulator.urls["widget_url"])
    assert run_js(qtbot, page, "POS.invoice + ':' + (POS.payment === null)") == "000911:true"
    assert run_js(qtbot, page, "document.querySelectorAll('iframe').length") == 0
    assert "access_token" not in view.host_page("000911", emulator.urls["widget_url"])
    with qtbot.waitSignal(view.form_loaded, timeout=TIMEOUT) as loaded:
        view.start_widget("000911", _payment(emulator, "000911"))
    assert loaded.args == ["000911"]
    assert payform_frame(page) is not None
    view.dispose()


def test_a_payment_object_for_another_invoice_is_refused_by_the_page(
    qtbot: QtBot, emulator: Emulator
) -> None:
    view = _view(qtbot)
    page = _prepared(qtbot, view, "000912", emulator.urls["widget_url"])
    assert run_js(qtbot, page, "posPay({invoiceId: '000999', amount: '1'})") is False
    assert run_js(qtbot, page, "POS.payment === null && !POS.started") is True
    # the view refuses a start for an invoice it did not prepare
    view.start_widget("000999", _payment(emulator, "000999"))
    assert run_js(qtbot, page, "POS.payment === null") is True
    view.dispose()


def test_a_widget_script_that_failed_before_the_token_fails_the_form_after_it(
    qtbot: QtBot, emulator: Emulator
) -> None:
    view = _view(qtbot)
    failures: list[tuple[str, str]] = []
    view.failed.connect(lambda invoice, reason: failures.append((invoice, reason)))
    missing = emulator.urls["widget_url"].replace("payment-api.js", "missing.js")
    with qtbot.waitSignal(view.bridge.script_failed, timeout=TIMEOUT):  # the page said so
        view.prepare_widget("000913", missing)
    assert failures == []  # nobody is shown a form yet: held
    with qtbot.waitSignal(view.failed, timeout=TIMEOUT) as failed:
        view.start_widget("000913", _payment(emulator, "000913"))
    assert failed.args[0] == "000913" and "did not load" in failed.args[1]
    view.dispose()


def _enter_with_a_slow_token(qtbot: QtBot, emulator: Emulator, settings: Settings,
                             amount: str) -> tuple[Till, QWebEnginePage]:
    emulator.add_fault("token", "slow", count=1, delay=1.0)
    till = make_till(qtbot, emulator, settings)
    type_amount_and_enter(qtbot, till, amount)
    assert till.controller.stage is Stage.CONNECTING
    view = till.checkout
    assert isinstance(view, CheckoutView) and view.page is not None
    return till, view.page


def test_a_slow_token_pays_through_the_prepared_page(
    qtbot: QtBot, home, emulator: Emulator, settings: Settings
) -> None:
    till, page = _enter_with_a_slow_token(qtbot, emulator, settings, "1500")
    invoice = till.controller.payment.invoice_id  # type: ignore[union-attr]
    # while the token is on its way the host page is loaded, hidden, with no payment in it
    qtbot.waitUntil(lambda: run_js(qtbot, page, "typeof window.halyk") == "object",
                    timeout=TIMEOUT)
    assert till.controller.stage is Stage.CONNECTING
    assert run_js(qtbot, page, "POS.invoice + ':' + (POS.payment === null)") == f"{invoice}:true"
    assert till.window.activity.currentWidget() is till.window.activity.progress
    frame = wait_for_card_form(qtbot, till)
    type_card(qtbot, till, frame, "4405639704015096", "0127", "321")
    qtbot.waitUntil(lambda: till.controller.stage is Stage.RESULT, timeout=TIMEOUT)
    assert till.runtime.journal.get(invoice).status is PaymentStatus.PAID
    till.close()


def test_esc_while_the_token_is_on_its_way_drops_the_prepared_page(
    qtbot: QtBot, home, emulator: Emulator, settings: Settings
) -> None:
    till, _page = _enter_with_a_slow_token(qtbot, emulator, settings, "700")
    till.window._on_escape()  # what the Esc shortcut runs (offscreen windows get no shortcuts)
    assert till.checkout is not None and till.checkout.page is None  # the prepared host page is gone at once
    qtbot.waitUntil(lambda: till.controller.stage is Stage.RESULT, timeout=TIMEOUT)
    payment = till.runtime.journal.recent(1)[0]
    assert payment.status is not PaymentStatus.PAID
    assert emulator.calls("payform") == 0  # the card form was never asked for
    till.close()
