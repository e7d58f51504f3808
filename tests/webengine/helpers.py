"""Driving the real window the way a cashier and a customer would."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWebEngineCore import QWebEngineFrame, QWebEnginePage
from pytestqt.qtbot import QtBot

from pos_app.runtime import Runtime, build_runtime
from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.ui.app import Till, build_till
from pos_app.ui.checkout.controller import Stage
from pos_app.ui.checkout.web.js import run_javascript

TIMEOUT = 20_000


def make_till(qtbot: QtBot, emulator: Emulator, settings: Settings, *, reconcile: bool = False,
              poll_interval: float = 0.2) -> Till:
    runtime: Runtime = build_runtime("training", settings=settings, emulator_urls=emulator.urls)
    runtime.checkout.options = replace(runtime.checkout.options, poll_interval=poll_interval)
    till = build_till(runtime, reconcile=reconcile)
    qtbot.addWidget(till.window)
    till.window.resize(1180, 780)
    till.window.show()
    qtbot.waitExposed(till.window)
    return till


def type_amount_and_enter(qtbot: QtBot, till: Till, amount: str) -> None:
    field = till.window.entry.amount
    field.setFocus()
    qtbot.keyClicks(field, amount)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def payform_frame(page: QWebEnginePage) -> QWebEngineFrame | None:
    for frame in page.mainFrame().children():
        if "/payform" in frame.url().toString():
            return frame
    return None


def run_js(qtbot: QtBot, frame: QWebEngineFrame | QWebEnginePage, script: str) -> object:
    box: list[object] = []
    run_javascript(frame, script, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=TIMEOUT)
    return box[0]


def wait_for_card_form(qtbot: QtBot, till: Till) -> QWebEngineFrame:
    qtbot.waitUntil(lambda: till.controller.stage is Stage.FORM, timeout=TIMEOUT)
    page = till.checkout.page
    assert page is not None
    found: list[QWebEngineFrame] = []

    def ready() -> bool:
        frame = payform_frame(page)
        if frame is None:
            return False
        if run_js(qtbot, frame, "!!document.getElementById('pan')") is True:
            found.append(frame)
            return True
        return False

    qtbot.waitUntil(ready, timeout=TIMEOUT)
    # and on screen: the form's page is shown once it has loaded (hidden while it loads)
    qtbot.waitUntil(lambda: till.window.activity.currentWidget() is till.window.activity.form,
                    timeout=TIMEOUT)
    return found[0]


def type_card(qtbot: QtBot, till: Till, frame: QWebEngineFrame, pan: str, expiry: str, cvc: str) -> None:
    """Focus each field inside the cross-origin iframe and type real key strokes into it.

    Key events reach Chromium asynchronously; a field is re-focused and re-typed (at most three
    times) if the keys went elsewhere while focus was still settling.
    """
    view = till.checkout.view
    for field_id, text in (("pan", pan), ("expiry", expiry), ("cvc", cvc)):
        want = "".join(ch for ch in text if ch.isdigit())
        for _attempt in range(3):
            view.setFocus()
            qtbot.waitUntil(lambda: view.focusProxy() is not None and view.focusProxy().hasFocus(),
                            timeout=TIMEOUT)
            focus_js = (f"var f = document.getElementById('{field_id}'); f.value = ''; f.focus();"
                        " document.hasFocus() && document.activeElement === f")
            qtbot.waitUntil(lambda js=focus_js: run_js(qtbot, frame, js) is True, timeout=TIMEOUT)
            qtbot.keyClicks(view.focusProxy(), text)

            def typed(field_id: str = field_id, want: str = want) -> bool:
                value = run_js(qtbot, frame, f"document.getElementById('{field_id}').value")
                return "".join(ch for ch in str(value) if ch.isdigit()) == want

            try:
                qtbot.waitUntil(typed, timeout=3000)
                break
            except Exception:
                continue
        else:
            raise AssertionError(f"could not type into {field_id}")
    run_js(qtbot, frame, "document.getElementById('pay').click(); true")
