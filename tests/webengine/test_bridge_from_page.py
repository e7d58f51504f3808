"""Bridge rejections driven from page JavaScript through the real QWebChannel.

The host page's script holds the channel's ``bridge`` object (``POS.bridge``); whatever a
page script (ours gone wrong, or an injected one) sends through it reaches Python only as a
string and is validated there. Each case below is posted from the page in the real engine
while a payment's card form is open, and must be rejected without moving the payment: no
result, no failure, no second "form loaded".
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from pos_app.training import Emulator
from pos_app.ui.checkout.web.checkout_view import CheckoutView
from tests.webengine.helpers import TIMEOUT, run_js
from tests.webengine.test_security import _view_and_payment

pytestmark = pytest.mark.webengine
INVOICE = "000779"


@pytest.fixture
def view(qtbot: QtBot, emulator: Emulator) -> Iterator[CheckoutView]:
    view, obj = _view_and_payment(qtbot, emulator, INVOICE, whole_token=True)
    with qtbot.waitSignal(view.form_loaded, timeout=TIMEOUT):
        view.open_widget(INVOICE, obj, emulator.urls["widget_url"])
    yield view
    view.dispose()


CASES = {
    "another invoice's result": {"type": "result", "invoiceId": "000999", "success": True},
    "another invoice's script_error": {"type": "script_error", "invoiceId": "000999",
                                       "detail": "boom"},
    "another invoice's form_loaded": {"type": "form_loaded", "invoiceId": "000999"},
    "form_loaded with extra keys": {"type": "form_loaded", "invoiceId": INVOICE, "x": 1},
    "ready with extra keys": {"type": "ready", "invoiceId": INVOICE, "success": True},
    "result with a string success": {"type": "result", "invoiceId": INVOICE, "success": "true"},
    "result with extra keys": {"type": "result", "invoiceId": INVOICE, "success": True,
                               "amount": 1},
    "script_error with extra keys": {"type": "script_error", "invoiceId": INVOICE, "x": 1},
    "unknown type": {"type": "paid", "invoiceId": INVOICE},
    "no type": {"invoiceId": INVOICE, "success": True},
}
RAW = {
    "not JSON": "'{type: result}'",
    "a JSON array": "JSON.stringify([1, 2])",
    "too long": "JSON.stringify({type: 'result', invoiceId: '" + INVOICE + "', "
                "success: true, pad: 'x'.repeat(5000)})",
    "a number, not a string": "42",
}


def _post_from_page(qtbot: QtBot, view: CheckoutView, expression: str) -> list[str]:
    """Run ``POS.bridge.post(<expression>)`` in the host page; the rejection reasons seen."""
    reasons: list[str] = []
    view.bridge.rejected.connect(reasons.append)
    moved: list[object] = []
    view.widget_result.connect(lambda *a: moved.append(("result", a)))
    view.failed.connect(lambda *a: moved.append(("failed", a)))
    view.form_loaded.connect(lambda *a: moved.append(("form_loaded", a)))
    try:
        assert view.page is not None
        assert run_js(qtbot, view.page, "typeof POS.bridge.post") == "function"
        run_js(qtbot, view.page, f"POS.bridge.post({expression}); true")
        qtbot.waitUntil(lambda: bool(reasons) or bool(moved), timeout=TIMEOUT)
    finally:
        view.bridge.rejected.disconnect(reasons.append)
    assert moved == [], f"the page moved the payment: {moved}"
    return reasons


@pytest.mark.parametrize("case", sorted(CASES))
def test_page_message_is_rejected(qtbot: QtBot, view: CheckoutView, case: str) -> None:
    reasons = _post_from_page(qtbot, view, json.dumps(json.dumps(CASES[case])))
    assert reasons and all(reasons)


@pytest.mark.parametrize("case", sorted(RAW))
def test_page_garbage_is_rejected(qtbot: QtBot, view: CheckoutView, case: str) -> None:
    reasons = _post_from_page(qtbot, view, RAW[case])
    assert reasons and all(reasons)


def test_the_real_result_still_gets_through_once(qtbot: QtBot, view: CheckoutView) -> None:
    """The control: a well-formed result for our invoice is taken, and a second one is not."""
    assert view.page is not None
    message = json.dumps(json.dumps({"type": "result", "invoiceId": INVOICE, "success": False}))
    with qtbot.waitSignal(view.widget_result, timeout=TIMEOUT) as got:
        run_js(qtbot, view.page, f"POS.bridge.post({message}); true")
    assert got.args == [INVOICE, False]
    reasons: list[str] = []
    view.bridge.rejected.connect(reasons.append)
    run_js(qtbot, view.page, f"POS.bridge.post({message}); true")
    qtbot.waitUntil(lambda: bool(reasons), timeout=TIMEOUT)
    assert "already" in reasons[0]
