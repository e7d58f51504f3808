"""Redirect mode end to end: the bank's payform is the main frame of the real QtWebEngine.

The customer is slow (longer than the form's load timeout): the payment must stay open until
they pay, and the status API, not the back link, decides the result.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from pos_app.domain.payment import PaymentStatus
from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.ui.checkout.controller import Stage
from tests.webengine.helpers import TIMEOUT, make_till, run_js, type_amount_and_enter, type_card

pytestmark = pytest.mark.webengine

LOAD_TIMEOUT_MS = 1500  # the view's load timeout for this test (30 s in the till)


def test_slow_customer_pays_through_the_redirect_page(
    qtbot: QtBot, home, emulator: Emulator, settings: Settings
) -> None:
    till = make_till(qtbot, emulator, replace(settings, checkout_mode="redirect"))
    view = till.checkout
    assert view is not None
    view.form_timeout_ms = LOAD_TIMEOUT_MS
    type_amount_and_enter(qtbot, till, "2750")
    qtbot.waitUntil(lambda: till.controller.stage is Stage.FORM, timeout=TIMEOUT)
    invoice = till.controller.payment.invoice_id  # type: ignore[union-attr]
    page = view.page
    assert page is not None
    qtbot.waitUntil(lambda: "/payform/" in page.url().toString(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: run_js(qtbot, page, "!!document.getElementById('pan')") is True,
                    timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not view.waiting_for_form, timeout=TIMEOUT)
    # The bank's page is the main frame here: it must not get the web channel.
    assert run_js(qtbot, page, "typeof qt") == "undefined"
    assert run_js(qtbot, page, "typeof QWebChannel") == "undefined"

    # The customer takes twice the load timeout to find their card: the timer must not fire.
    # (A deliberate pause of the customer, not a wait for Qt.)
    qtbot.wait(2 * LOAD_TIMEOUT_MS)
    assert till.controller.stage is Stage.FORM
    assert till.runtime.journal.get(invoice).status is PaymentStatus.WIDGET_OPEN

    type_card(qtbot, till, page.mainFrame(), "4405639704015096", "0127", "321")
    qtbot.waitUntil(lambda: till.controller.stage is Stage.RESULT, timeout=TIMEOUT)
    payment = till.runtime.journal.get(invoice)
    assert payment.status is PaymentStatus.PAID
    assert payment.card_mask.endswith("5096")
    # The bank agrees: ask the status API directly, not the journal.
    status = till.runtime.client.transaction_status(invoice)
    assert status.status_name == "CHARGE"
    assert status.invoice_id == invoice
    assert status.amount is not None and status.amount == payment.amount
    till.close()
