"""Widget mode keeps one page from payment to payment (a fresh page costs a renderer process
for our page and another for the bank's iframe on every Enter). Kept, it must stay as locked as
a fresh one: each payment's host page is the one navigation the view arms the page for, and a
page that tried to go elsewhere is not kept."""

from __future__ import annotations

import httpx
import pytest
from pytestqt.qtbot import QtBot

from pos_app.epay.config import TEST_MERCHANT
from pos_app.training import Emulator
from pos_app.ui.checkout.web.checkout_view import CheckoutPage, CheckoutView
from tests.webengine.helpers import TIMEOUT, payform_frame, run_js

pytestmark = pytest.mark.webengine


def _payment(emulator: Emulator, invoice: str) -> dict[str, object]:
    token = httpx.post(emulator.urls["oauth_url"], data={
        "grant_type": "client_credentials", "scope": "payment",
        "client_id": TEST_MERCHANT.client_id, "client_secret": TEST_MERCHANT.client_secret,
        "invoiceID": invoice, "amount": "100", "currency": "KZT",
        "terminal": TEST_MERCHANT.terminal_id}).json()
    return {"invoiceId": invoice, "amount": "100", "currency": "KZT", "language": "rus",
            "terminal": TEST_MERCHANT.terminal_id, "backLink": "https://pos.invalid/ok",
            "failureBackLink": "https://pos.invalid/fail", "auth": token}


def _view(qtbot: QtBot) -> CheckoutView:
    view = CheckoutView("https://pos.invalid/checkout/")
    qtbot.addWidget(view)
    view.show()
    view.warm_up()
    qtbot.waitUntil(lambda: view.warm, timeout=TIMEOUT)
    return view


def _open(qtbot: QtBot, view: CheckoutView, emulator: Emulator, invoice: str) -> CheckoutPage:
    with qtbot.waitSignal(view.form_loaded, timeout=TIMEOUT) as loaded:
        view.open_widget(invoice, _payment(emulator, invoice), emulator.urls["widget_url"])
    assert loaded.args == [invoice]
    page = view.page
    assert page is not None
    assert run_js(qtbot, page, "POS.invoice") == invoice
    return page


def _between(qtbot: QtBot, view: CheckoutView) -> None:
    view.discard()
    qtbot.waitUntil(lambda: view.warm, timeout=TIMEOUT)


def test_the_next_payment_reuses_the_page_and_it_is_locked_again(
    qtbot: QtBot, emulator: Emulator
) -> None:
    view = _view(qtbot)
    first = _open(qtbot, view, emulator, "000901")
    _between(qtbot, view)
    # Between payments the card form is gone: our empty document, no iframe, no POS object.
    assert run_js(qtbot, first, "document.querySelectorAll('iframe').length") == 0
    assert run_js(qtbot, first, "typeof POS") == "undefined"
    second = _open(qtbot, view, emulator, "000902")
    assert second is first
    qtbot.waitUntil(lambda: payform_frame(second) is not None, timeout=TIMEOUT)
    # The arming was for our setHtml() only: the page itself may not move.
    with qtbot.waitSignal(view.navigation_blocked, timeout=TIMEOUT) as blocked:
        second.runJavaScript("window.location.href = 'https://evil.example/z'; true")
    assert blocked.args == ["https://evil.example/z"]
    with qtbot.assertNotEmitted(second.urlChanged, wait=300):  # the navigation had its turn
        run_js(qtbot, second, "window.location.href = 'data:text/html,<p id=forged>x</p>'; true")
    assert run_js(qtbot, second, "POS.invoice + ':' + !!document.getElementById('forged')") \
        == "000902:false"
    view.dispose()


@pytest.mark.parametrize("when", ["during the payment", "between payments"])
def test_a_page_refused_a_navigation_is_not_kept(qtbot: QtBot, emulator: Emulator,
                                                 when: str) -> None:
    view = _view(qtbot)
    first = _open(qtbot, view, emulator, "000903")
    if when == "between payments":
        _between(qtbot, view)
    with qtbot.waitSignal(view.navigation_blocked, timeout=TIMEOUT):
        first.runJavaScript("window.location.href = 'https://evil.example/x'; true")
    assert not view.warm
    second = _open(qtbot, view, emulator, "000904")
    assert second is not first
    view.dispose()


def test_a_payment_before_the_empty_page_has_loaded_gets_a_fresh_page(
    qtbot: QtBot, emulator: Emulator
) -> None:
    """The empty document's load could otherwise reach the payment as its own load."""
    view = _view(qtbot)
    first = _open(qtbot, view, emulator, "000907")
    view.discard()  # the empty document starts loading; the next Enter comes at once
    assert not view.warm
    second = _open(qtbot, view, emulator, "000908")
    assert second is not first
    view.dispose()
