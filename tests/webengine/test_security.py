"""The checkout view's hardening, proved in the real browser engine."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.ui.checkout.controller import Stage
from pos_app.ui.checkout.web.checkout_view import CheckoutView
from tests.webengine.helpers import (
    TIMEOUT,
    make_till,
    payform_frame,
    run_js,
    type_amount_and_enter,
    wait_for_card_form,
)

pytestmark = pytest.mark.webengine


def test_cross_origin_payform_has_no_qt_object(qtbot: QtBot, home, emulator: Emulator, settings: Settings) -> None:
    till = make_till(qtbot, emulator, settings)
    type_amount_and_enter(qtbot, till, "100")
    frame = wait_for_card_form(qtbot, till)
    assert run_js(qtbot, frame, "typeof qt") == "undefined"
    assert run_js(qtbot, frame, "typeof QWebChannel") == "undefined"
    page = till.checkout.page
    assert page is not None
    assert run_js(qtbot, page, "typeof qt") == "object"  # the host page does have the bridge
    till.close()


def test_main_frame_navigation_to_another_origin_is_refused(qtbot: QtBot, home, emulator: Emulator, settings: Settings) -> None:
    till = make_till(qtbot, emulator, settings)
    type_amount_and_enter(qtbot, till, "100")
    wait_for_card_form(qtbot, till)
    page = till.checkout.page
    assert page is not None
    with qtbot.waitSignal(till.checkout.navigation_blocked, timeout=TIMEOUT) as blocked:
        page.runJavaScript("window.location.href = 'https://evil.example/steal'; true")
    assert blocked.args[0].startswith("https://evil.example/")
    # still on our host page, payment still open
    assert page.url().host() == QUrl(settings.checkout_base_url).host()
    assert till.controller.stage is Stage.FORM
    till.close()


def test_payform_iframe_may_navigate_subframes(qtbot: QtBot, home, emulator: Emulator, settings: Settings) -> None:
    """3-D Secure pages live on any bank's domain inside the iframe: sub-frames are not filtered."""
    till = make_till(qtbot, emulator, settings)
    type_amount_and_enter(qtbot, till, "100")
    wait_for_card_form(qtbot, till)
    page = till.checkout.page
    assert page is not None
    assert page.acceptNavigationRequest(QUrl("https://acs.some-bank.example/3ds"),
                                        page.NavigationType.NavigationTypeLinkClicked, False)
    till.close()


def _view_and_payment(qtbot: QtBot, emulator: Emulator, invoice: str,
                      whole_token: bool) -> tuple[CheckoutView, dict[str, object]]:
    """A bare checkout view and a payment object with a real token from the emulator."""
    import httpx

    from pos_app.epay.config import TEST_MERCHANT

    token = httpx.post(emulator.urls["oauth_url"], data={
        "grant_type": "client_credentials", "scope": "payment", "client_id": TEST_MERCHANT.client_id,
        "client_secret": TEST_MERCHANT.client_secret, "invoiceID": invoice, "amount": "100",
        "currency": "KZT", "terminal": TEST_MERCHANT.terminal_id}).json()
    view = CheckoutView("https://pos.invalid/checkout/")
    qtbot.addWidget(view)
    view.show()
    obj = {"invoiceId": invoice, "amount": "100", "currency": "KZT", "language": "rus",
           "terminal": TEST_MERCHANT.terminal_id, "backLink": "https://pos.invalid/ok",
           "failureBackLink": "https://pos.invalid/fail",
           "auth": token if whole_token else token["access_token"]}
    return view, obj


def test_bare_access_token_auth_gives_false_through_the_bridge(qtbot: QtBot, emulator: Emulator) -> None:
    """ePay shows "expired" when only access_token is passed as auth; the callback says false."""
    view, obj = _view_and_payment(qtbot, emulator, "000777", whole_token=False)
    with qtbot.waitSignal(view.widget_result, timeout=TIMEOUT) as result:
        view.open_widget("000777", obj, emulator.urls["widget_url"], [emulator.urls["payform_url"]])
    assert result.args == ["000777", False]
    # the overlay is gone, as the real script removes it after the callback
    assert view.page is not None
    assert run_js(qtbot, view.page, "document.querySelectorAll('iframe').length") == 0
    view.dispose()


def test_whole_token_auth_opens_the_card_form(qtbot: QtBot, emulator: Emulator) -> None:
    view, obj = _view_and_payment(qtbot, emulator, "000778", whole_token=True)
    with qtbot.waitSignal(view.form_loaded, timeout=TIMEOUT):
        view.open_widget("000778", obj, emulator.urls["widget_url"], [emulator.urls["payform_url"]])
    assert view.page is not None
    qtbot.waitUntil(lambda: payform_frame(view.page) is not None, timeout=TIMEOUT)
    view.dispose()
