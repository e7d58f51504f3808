"""``pos-app doctor``'s web-engine probe, run in its own process (offscreen).

    python -m pos_app.ui.doctor_web render --base-url URL
    python -m pos_app.ui.doctor_web pay --api URL --form URL

``render`` loads the checkout host page in a real QtWebEngine view and waits for its bridge
message (page rendered, ``qwebchannel.js`` injected, JavaScript → Python works); the widget
script is a local ``data:`` URL, so nothing reaches the bank. ``pay`` runs a complete
training payment against an emulator already running at the given URLs: the amount is typed,
the test card is filled into the payform iframe and paid, and the till must show "paid".
The last stdout line is one JSON object ``{"ok": bool, "detail": str}``; exit code 0 = ok.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence

from PySide6.QtTest import QTest
from PySide6.QtWebEngineCore import QWebEngineFrame, QWebEnginePage

# WebEngine must be imported before the QApplication exists.
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: F401

from pos_app.ui.app import ensure_app

TIMEOUT = 45.0
CARD = ("4405639704015096", "01/27", "321")


def wait_until(predicate: Callable[[], bool], timeout: float = TIMEOUT) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        QTest.qWait(50)
    return predicate()


def run_js(target: QWebEngineFrame | QWebEnginePage, script: str) -> object:
    box: list[object] = []
    target.runJavaScript(script, 0, box.append)
    if not wait_until(lambda: bool(box), 10.0):
        raise TimeoutError("JavaScript did not answer")
    return box[0]


def render(base_url: str) -> tuple[bool, str]:
    from pos_app.ui.checkout.web.checkout_view import CheckoutView

    ensure_app()
    view = CheckoutView(base_url)
    view.resize(800, 600)
    view.show()
    messages: list[str] = []
    view.failed.connect(lambda _invoice, reason: messages.append(reason))
    started = time.monotonic()
    view.open_widget("000000000001", {"invoiceId": "000000000001", "auth": {}},
                     "data:text/javascript,window.posDoctor%3D1")
    if not wait_until(lambda: bool(messages), 30.0):
        return False, "the checkout page did not load or its bridge did not answer"
    elapsed = time.monotonic() - started
    page = view.page
    ok = page is not None and bool(run_js(page, "typeof QWebChannel === 'function'"))
    view.discard()
    if not ok or "halyk.showPaymentWidget" not in messages[0]:
        return False, f"unexpected page state: {messages[0]}"
    return True, f"checkout page rendered and its bridge answered in {elapsed:.1f} s"


def pay(api: str, form: str) -> tuple[bool, str]:
    from PySide6.QtCore import Qt

    from pos_app.domain.payment import PaymentStatus
    from pos_app.runtime import build_runtime
    from pos_app.store.settings import Settings
    from pos_app.ui.app import build_till
    from pos_app.ui.checkout.controller import Stage

    ensure_app()
    runtime = build_runtime("training", settings=Settings(environment="training"),
                            emulator_urls={"api": api, "form": form})
    till = build_till(runtime, reconcile=False)
    try:
        till.window.resize(1180, 780)
        till.window.show()
        finished: list[object] = []
        till.controller.finished.connect(lambda payment, _note: finished.append(payment))
        field = till.window.entry.amount
        field.setFocus()
        QTest.keyClicks(field, "1500")
        QTest.keyClick(field, Qt.Key.Key_Return)
        if not wait_until(lambda: till.controller.stage is Stage.FORM or bool(finished)):
            return False, "the card form did not open"
        page = till.attach_web().page
        frames: list[QWebEngineFrame] = []

        def form_ready() -> bool:
            if page is None:
                return False
            for frame in page.mainFrame().children():
                if "/payform" in frame.url().toString() and run_js(
                        frame, "!!document.getElementById('pan')") is True:
                    frames.append(frame)
                    return True
            return False

        if not wait_until(form_ready):
            return False, "the payform did not appear inside the widget"
        pan, expiry, cvc = CARD
        run_js(frames[0], f"document.getElementById('pan').value='{pan}';"
                          f"document.getElementById('expiry').value='{expiry}';"
                          f"document.getElementById('cvc').value='{cvc}';"
                          "document.getElementById('pay').click(); true")
        if not wait_until(lambda: bool(finished)):
            return False, "no result after paying"
        payment = finished[0]
        status = getattr(payment, "status", None)
        if status is not PaymentStatus.PAID:
            return False, f"the training payment ended as {getattr(status, 'value', status)}"
        return True, "a training payment of 1500 ₸ was typed, paid with a test card and confirmed"
    finally:
        till.close()
        runtime.close()


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="pos_app.ui.doctor_web")
    sub = p.add_subparsers(dest="probe", required=True)
    r = sub.add_parser("render")
    r.add_argument("--base-url", required=True)
    q = sub.add_parser("pay")
    q.add_argument("--api", required=True)
    q.add_argument("--form", required=True)
    args = p.parse_args(argv)
    try:
        if args.probe == "render":
            ok, detail = render(args.base_url)
        else:
            ok, detail = pay(args.api, args.form)
    except Exception as exc:  # the parent reports it; a traceback here would be noise
        ok, detail = False, f"{type(exc).__name__}: {exc}"
    print(json.dumps({"ok": ok, "detail": detail}, ensure_ascii=False), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
