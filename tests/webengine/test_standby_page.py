"""Widget mode keeps a standby host page with ePay's widget script loaded between payments, so
that Enter binds it to the new payment instead of loading a page and the script (issue 13:
warm Enter → payform). Bound, it must be as locked as a page loaded for the invoice."""

from __future__ import annotations

import os
import signal
import time

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from pos_app.training import Emulator
from pos_app.ui.checkout.web import checkout_view
from pos_app.ui.checkout.web.checkout_view import CheckoutPage, CheckoutView
from tests.webengine.helpers import TIMEOUT, payform_frame, run_js
from tests.webengine.test_page_reuse import _payment

pytestmark = pytest.mark.webengine


def _standby_view(qtbot: QtBot, emulator: Emulator) -> CheckoutView:
    view = CheckoutView("https://pos.invalid/checkout/")
    qtbot.addWidget(view)
    view.show()
    view.set_standby(emulator.urls["widget_url"])
    view.warm_up()
    qtbot.waitUntil(lambda: view.standby_ready(emulator.urls["widget_url"]) and view.warm,
                    timeout=TIMEOUT)
    return view


def _host(view: CheckoutView) -> CheckoutPage:
    page = view.view.page()
    assert isinstance(page, CheckoutPage)
    return page


def _mark(qtbot: QtBot, page: CheckoutPage) -> None:
    """A mark in the standby document: still there later means the page was not reloaded."""
    qtbot.waitUntil(lambda: run_js(qtbot, page, "typeof window.halyk") == "object",
                    timeout=TIMEOUT)
    assert run_js(qtbot, page, "window.posMark = 'standby'; POS.invoice") == ""


def _pay(qtbot: QtBot, view: CheckoutView, emulator: Emulator, invoice: str) -> None:
    with qtbot.waitSignal(view.form_loaded, timeout=TIMEOUT) as loaded:
        view.prepare_widget(invoice, emulator.urls["widget_url"])
        view.start_widget(invoice, _payment(emulator, invoice))
    assert loaded.args == [invoice]


def test_enter_binds_the_standby_page_without_loading_anything(
    qtbot: QtBot, emulator: Emulator
) -> None:
    view = _standby_view(qtbot, emulator)
    page = _host(view)
    _mark(qtbot, page)
    scripts = emulator.calls("script")
    rejected: list[str] = []
    view.bridge.rejected.connect(rejected.append)
    _pay(qtbot, view, emulator, "000931")
    assert view.page is page
    assert run_js(qtbot, page, "window.posMark + ':' + POS.invoice") == "standby:000931"
    assert emulator.calls("script") == scripts  # the script was there before Enter
    assert payform_frame(page) is not None
    assert rejected == []  # the unbound page said nothing the bridge had to refuse
    # bound once: neither another invoice nor a second bind is taken
    assert run_js(qtbot, page, "posBind('000999')") is False
    assert run_js(qtbot, page, "posPay({invoiceId: '000999', amount: '1'})") is False
    # the next payment gets a new standby document, not this one with the bank's form in it
    view.discard()
    qtbot.waitUntil(lambda: view.standby_ready(emulator.urls["widget_url"]) and view.warm,
                    timeout=TIMEOUT)
    assert run_js(qtbot, page, "typeof window.posMark + ':' + POS.invoice + ':' "
                               "+ document.querySelectorAll('iframe').length") == "undefined::0"
    _pay(qtbot, view, emulator, "000932")
    view.dispose()


def test_an_unbound_standby_page_sends_the_app_nothing(qtbot: QtBot, emulator: Emulator) -> None:
    view = _standby_view(qtbot, emulator)
    page = _host(view)
    posted: list[str] = []
    view.bridge.rejected.connect(posted.append)
    view.bridge.result.connect(lambda *args: posted.append("result"))
    with qtbot.assertNotEmitted(view.bridge.rejected, wait=300):
        run_js(qtbot, page, "posSend({type: 'result', success: true}); true")
    assert run_js(qtbot, page, "POS.queue.length") == 0
    assert posted == []
    view.dispose()


def test_a_standby_script_that_failed_is_loaded_again_when_a_payment_binds_it(
    qtbot: QtBot, emulator: Emulator
) -> None:
    emulator.add_fault("script", "http_error", count=1, status=503)  # the bank away, briefly
    view = _standby_view(qtbot, emulator)
    page = _host(view)
    qtbot.waitUntil(lambda: run_js(qtbot, page, "POS.scriptFailed") is True, timeout=TIMEOUT)
    failures: list[str] = []
    view.failed.connect(lambda _invoice, reason: failures.append(reason))
    _pay(qtbot, view, emulator, "000933")
    assert failures == []
    assert payform_frame(page) is not None
    view.dispose()


def test_a_standby_page_that_fails_again_fails_the_form(qtbot: QtBot, emulator: Emulator) -> None:
    emulator.add_fault("script", "http_error", count=-1, status=503)
    view = _standby_view(qtbot, emulator)
    page = _host(view)
    qtbot.waitUntil(lambda: run_js(qtbot, page, "POS.scriptFailed") is True, timeout=TIMEOUT)
    with qtbot.waitSignal(view.failed, timeout=TIMEOUT) as failed:
        view.prepare_widget("000934", emulator.urls["widget_url"])
        view.start_widget("000934", _payment(emulator, "000934"))
    assert failed.args[0] == "000934" and "did not load" in failed.args[1]
    view.dispose()


def test_an_old_standby_page_is_not_used(
    qtbot: QtBot, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bank may have changed its script since: a page older than the limit is reloaded."""
    view = _standby_view(qtbot, emulator)
    page = _host(view)
    _mark(qtbot, page)
    clock = time.monotonic() + checkout_view.STANDBY_MAX_AGE_S + 1
    monkeypatch.setattr(time, "monotonic", lambda: clock)
    assert not view.standby_ready(emulator.urls["widget_url"])
    _pay(qtbot, view, emulator, "000935")
    assert view.page is not None
    assert run_js(qtbot, view.page, "typeof window.posMark + ':' + POS.invoice") \
        == "undefined:000935"
    view.dispose()


def test_enter_while_the_standby_page_still_loads_binds_it_once_loaded(
    qtbot: QtBot, emulator: Emulator
) -> None:
    emulator.add_fault("script", "slow", count=1, delay=0.8)
    view = CheckoutView("https://pos.invalid/checkout/")
    qtbot.addWidget(view)
    view.show()
    view.set_standby(emulator.urls["widget_url"])
    view.warm_up()
    assert not view.warm  # still loading: the cashier pressed Enter at once
    page = _host(view)
    _pay(qtbot, view, emulator, "000936")
    assert view.page is page and run_js(qtbot, page, "POS.invoice") == "000936"
    assert emulator.calls("script") == 1
    view.dispose()


def test_a_standby_document_asked_for_while_the_empty_one_still_loads_binds_and_pays(
    qtbot: QtBot, emulator: Emulator
) -> None:
    """Training mode's start: the window's empty document is on its way when the services
    give the widget script's URL. The second setHtml() replaces the first: Chromium then
    reports our document under its data: URL (not the base URL) and ends both loads in one
    loadFinished that may come before the standby document is in place, and none after. That
    was taken for the page leaving the checkout (the payment failed), and the bind was never
    sent again (the form timed out)."""
    view = CheckoutView("https://pos.invalid/checkout/")
    qtbot.addWidget(view)
    view.show()
    view.warm_up()
    page = _host(view)
    qtbot.waitUntil(lambda: page._navigations == 1, timeout=TIMEOUT)  # accepted, not shown
    view.set_standby(emulator.urls["widget_url"])
    problems: list[str] = []
    view.navigation_blocked.connect(problems.append)
    view.failed.connect(lambda _invoice, reason: problems.append(reason))
    _pay(qtbot, view, emulator, "000938")
    assert view.page is page and run_js(qtbot, page, "POS.invoice") == "000938"
    assert problems == []
    view.dispose()


def test_a_load_that_ends_before_the_invoice_s_document_is_there_still_pays(
    qtbot: QtBot, emulator: Emulator
) -> None:
    """The same merged load, for a payment's own host page: its loadFinished comes while the
    page still shows the document before. posPay finds no page of this invoice there and is
    made again until the invoice's document answers."""
    view = CheckoutView("https://pos.invalid/checkout/")
    qtbot.addWidget(view)
    view.show()
    view.warm_up()
    qtbot.waitUntil(lambda: view.warm, timeout=TIMEOUT)
    view.prepare_widget("000939", emulator.urls["widget_url"])  # no standby: a host page loads
    page = view.page
    assert page is not None
    page.loadFinished.emit(True)  # what Qt sends when this load replaced one on its way
    with qtbot.waitSignal(view.form_loaded, timeout=TIMEOUT):
        view.start_widget("000939", _payment(emulator, "000939"))
    assert run_js(qtbot, page, "POS.invoice + ':' + (POS.payment !== null)") == "000939:true"
    view.dispose()


def test_an_idle_till_renews_its_standby_page_but_not_during_a_payment(
    qtbot: QtBot, emulator: Emulator
) -> None:
    view = _standby_view(qtbot, emulator)
    page = _host(view)
    _mark(qtbot, page)
    view._renew.setInterval(300)  # nine minutes in the till
    view._renew.start()
    qtbot.waitUntil(lambda: run_js(qtbot, page, "typeof window.posMark") == "undefined",
                    timeout=TIMEOUT)  # a new standby document, loaded while idle
    qtbot.waitUntil(lambda: view.standby_ready(emulator.urls["widget_url"]) and view.warm,
                    timeout=TIMEOUT)
    _pay(qtbot, view, emulator, "000937")
    run_js(qtbot, page, "window.posMark = 'paying'; true")
    view._renew.setInterval(200)
    with qtbot.assertNotEmitted(page.loadStarted, wait=1000):  # nothing reloads it
        view._renew.start()
    assert run_js(qtbot, page, "window.posMark + ':' + POS.invoice") == "paying:000937"
    assert payform_frame(page) is not None  # the customer's card form stayed
    view.dispose()


def _kill_renderer(qtbot: QtBot, page: CheckoutPage) -> None:
    pid = page.renderProcessPid()
    assert pid > 0
    with qtbot.waitSignal(page.renderProcessTerminated, timeout=TIMEOUT):
        os.kill(pid, signal.SIGKILL)


def test_a_standby_page_whose_renderer_died_is_replaced_and_the_next_enter_pays(
    qtbot: QtBot, emulator: Emulator
) -> None:
    view = _standby_view(qtbot, emulator)
    crashed = _host(view)
    _kill_renderer(qtbot, crashed)  # out of memory, a GPU reset… while the till is idle
    assert _host(view) is not crashed  # a new page at once, with a new standby document
    qtbot.waitUntil(lambda: view.standby_ready(emulator.urls["widget_url"]) and view.warm,
                    timeout=TIMEOUT)
    _pay(qtbot, view, emulator, "000938")  # in seconds, not after the form's 30 s timeout
    assert view.page is _host(view)
    view.dispose()


def test_a_renderer_that_dies_during_a_payment_fails_the_form_at_once(
    qtbot: QtBot, emulator: Emulator
) -> None:
    view = _standby_view(qtbot, emulator)
    _pay(qtbot, view, emulator, "000939")
    page = _host(view)
    with qtbot.waitSignal(view.failed, timeout=TIMEOUT) as failed:
        _kill_renderer(qtbot, page)
    assert failed.args == ["000939", "the card form's page stopped working"]
    view.discard()
    assert _host(view) is not page  # never used again
    view.dispose()


def test_only_the_standby_document_s_own_nonce_binds_it(qtbot: QtBot, emulator: Emulator) -> None:
    """A late load event of a document the standby page replaced cannot be taken for it."""
    view = _standby_view(qtbot, emulator)
    page = _host(view)
    assert run_js(qtbot, page, "posBind('000998', 'not-this-document')") is False
    assert run_js(qtbot, page, "posBind('000998', '')") is False
    assert run_js(qtbot, page, "POS.invoice") == ""
    _pay(qtbot, view, emulator, "000940")
    view.dispose()


def test_a_page_refused_a_navigation_is_not_armed_again_for_a_new_standby(
    qtbot: QtBot, emulator: Emulator
) -> None:
    view = _standby_view(qtbot, emulator)
    page = _host(view)
    with qtbot.waitSignal(view.navigation_blocked, timeout=TIMEOUT):
        page.runJavaScript("window.location.href = 'https://evil.example/s'; true")
    armed_for = page._navigations
    view.set_standby(emulator.urls["widget_url"] + "?v=2")
    assert page._navigations == armed_for > 0  # not armed for another document
    assert not view.standby_ready(emulator.urls["widget_url"] + "?v=2")
    view.dispose()


def test_the_kept_page_is_replaced_after_its_payments_and_the_next_enter_pays(
    qtbot: QtBot, emulator: Emulator
) -> None:
    """A page kept all day would let its renderer grow (V8 collects late): after
    ``page_payments`` payments a fresh page, with a fresh renderer, takes over between two
    payments; the old one is deleted and the next Enter binds the new standby page."""
    view = _standby_view(qtbot, emulator)
    view.page_payments = 2
    first = _host(view)
    for n, invoice in enumerate(("000951", "000952")):
        _pay(qtbot, view, emulator, invoice)
        assert view.page is first
        view.discard()
        qtbot.waitUntil(lambda: view.standby_ready(emulator.urls["widget_url"]) and view.warm,
                        timeout=TIMEOUT)
        assert (_host(view) is first) == (n == 0)
    second = _host(view)
    qtbot.waitUntil(lambda: not shiboken6.isValid(first), timeout=TIMEOUT)  # deleted
    scripts = emulator.calls("script")
    _pay(qtbot, view, emulator, "000953")
    assert view.page is second
    assert emulator.calls("script") == scripts  # bound: the fresh standby page was ready
    # a cancelled payment counts as well: the page served it
    view.discard()
    qtbot.waitUntil(lambda: view.standby_ready(emulator.urls["widget_url"]) and view.warm,
                    timeout=TIMEOUT)
    view.prepare_widget("000954", emulator.urls["widget_url"])
    view.discard()
    qtbot.waitUntil(lambda: view.standby_ready(emulator.urls["widget_url"]) and view.warm,
                    timeout=TIMEOUT)
    assert _host(view) is not second
    view.dispose()
