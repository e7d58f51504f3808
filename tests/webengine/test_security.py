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
        view.open_widget("000777", obj, emulator.urls["widget_url"])
    assert result.args == ["000777", False]
    # the overlay is gone, as the real script removes it after the callback
    assert view.page is not None
    assert run_js(qtbot, view.page, "document.querySelectorAll('iframe').length") == 0
    view.dispose()


def test_whole_token_auth_opens_the_card_form(qtbot: QtBot, emulator: Emulator) -> None:
    view, obj = _view_and_payment(qtbot, emulator, "000778", whole_token=True)
    with qtbot.waitSignal(view.form_loaded, timeout=TIMEOUT):
        view.open_widget("000778", obj, emulator.urls["widget_url"])
    assert view.page is not None
    qtbot.waitUntil(lambda: payform_frame(view.page) is not None, timeout=TIMEOUT)
    view.dispose()


def _open(qtbot: QtBot, emulator: Emulator, invoice: str) -> CheckoutView:
    view, obj = _view_and_payment(qtbot, emulator, invoice, whole_token=True)
    with qtbot.waitSignal(view.form_loaded, timeout=TIMEOUT):
        view.open_widget(invoice, obj, emulator.urls["widget_url"])
    assert view.page is not None
    return view


@pytest.mark.parametrize("target", ["PAYFORM", "https://evil.example/x"])
def test_host_page_never_navigates_after_its_first_load(qtbot: QtBot, emulator: Emulator,
                                                        target: str) -> None:
    """Even ePay's own payform may not replace our host page (and its channel) in widget mode."""
    view = _open(qtbot, emulator, "000779")
    page = view.page
    assert page is not None
    url = emulator.urls["payform_url"] if target == "PAYFORM" else target
    with qtbot.waitSignal(view.navigation_blocked, timeout=TIMEOUT) as blocked:
        page.runJavaScript(f"window.location.href = {url!r}; true")
    assert blocked.args == [url]
    assert run_js(qtbot, page, "typeof POS === 'object' && POS.invoice") == "000779"
    view.dispose()


def test_main_frame_data_url_is_refused(qtbot: QtBot, emulator: Emulator) -> None:
    view = _open(qtbot, emulator, "000782")
    page = view.page
    assert page is not None
    with qtbot.assertNotEmitted(page.urlChanged, wait=300):  # the navigation had its turn
        run_js(qtbot, page, "window.location.href = 'data:text/html,<p id=forged>x</p>'; true")
    assert run_js(qtbot, page, "POS.invoice + ':' + !!document.getElementById('forged')") \
        == "000782:false"
    assert page.url().toString() == "https://pos.invalid/checkout/"
    view.dispose()


def test_main_frame_about_blank_drops_the_payment_page(qtbot: QtBot, emulator: Emulator) -> None:
    """Chromium lets a page replace itself with about:blank without asking: the view notices,
    stops listening to the bridge and reports the form as gone (the bank then decides)."""
    view = _open(qtbot, emulator, "000783")
    page = view.page
    assert page is not None
    blocked: list[str] = []
    view.navigation_blocked.connect(blocked.append)
    with qtbot.waitSignal(view.failed, timeout=TIMEOUT) as failed:
        page.runJavaScript("window.location.href = 'about:blank'; true")
    assert failed.args == ["000783", "the card form was replaced by another page"]
    assert blocked == ["about:blank"]
    rejected: list[str] = []
    view.bridge.rejected.connect(rejected.append)
    view.bridge.post('{"type": "result", "invoiceId": "000783", "success": true}')
    assert rejected == ["no payment is open"]
    view.dispose()


@pytest.mark.parametrize("script, kind", [
    ("Notification.requestPermission()", "Notifications"),
    ("new Promise(function (ok) { navigator.geolocation.getCurrentPosition("
     "function () { ok('granted'); }, function (e) { ok('denied ' + e.code); }); })",
     "Geolocation"),
])
def test_permission_requests_are_denied(qtbot: QtBot, emulator: Emulator, script: str,
                                        kind: str) -> None:
    """An explicit no, at once: not left pending, never granted."""
    view = _open(qtbot, emulator, "000780")
    page = view.page
    assert page is not None
    with qtbot.waitSignal(page.permission_denied, timeout=TIMEOUT) as denied:
        run_js(qtbot, page, f"window.posAnswer = null; Promise.resolve({script}).then("
                            "function (r) { window.posAnswer = String(r); }); true")
    assert denied.args == [kind]
    qtbot.waitUntil(lambda: run_js(qtbot, page, "window.posAnswer") is not None, timeout=TIMEOUT)
    assert str(run_js(qtbot, page, "window.posAnswer")).startswith("denied")
    view.dispose()


def test_placeholders_are_replaced_in_one_pass(qtbot: QtBot, emulator: Emulator) -> None:
    """A description naming a placeholder stays as typed, in the page and in the script URL."""
    view, obj = _view_and_payment(qtbot, emulator, "000781", whole_token=True)
    tricky = "__POS_WIDGET_URL__ __POS_INVOICE__ __POS_WAIT__ </script><b>"
    obj["description"] = tricky
    view.wait_text = "__POS_INVOICE__"
    html = view.host_page("000781", emulator.urls["widget_url"])
    assert html.count(emulator.urls["widget_url"]) == 1  # only the script tag's src
    assert html.count("000781") == 1  # POS.invoice; the wait text stays as typed
    with qtbot.waitSignal(view.form_loaded, timeout=TIMEOUT):
        view.open_widget("000781", obj, emulator.urls["widget_url"])
    assert view.page is not None
    assert run_js(qtbot, view.page, "POS.payment.description") == tricky
    assert run_js(qtbot, view.page, "POS.invoice") == "000781"
    view.dispose()
