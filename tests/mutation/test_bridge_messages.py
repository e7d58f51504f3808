"""The bridge's exact answers, where mutants survived substring checks (scripts/mutation):
each rejection's reason, what an accepted message leaves (no rejection), ``script_error`` and
its detail, the size limit, and a bridge that was never told an invoice."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QObject

from pos_app.ui.checkout.web.bridge import MAX_MESSAGE, Bridge

INVOICE = "000123"


class Seen:
    def __init__(self, bridge: Bridge) -> None:
        self.signals: list[tuple[str, object]] = []
        self.rejected: list[str] = []
        bridge.ready.connect(lambda: self.signals.append(("ready", None)))
        bridge.form_loaded.connect(lambda: self.signals.append(("form_loaded", None)))
        bridge.result.connect(lambda i, s: self.signals.append(("result", (i, s))))
        bridge.script_failed.connect(lambda d: self.signals.append(("script_failed", d)))
        bridge.rejected.connect(self.rejected.append)


@pytest.fixture
def bridge(qapp: Any) -> Iterator[tuple[Bridge, Seen]]:
    b = Bridge()
    seen = Seen(b)
    b.expect(INVOICE)
    yield b, seen
    b.deleteLater()


def _post(b: Bridge, message: object) -> None:
    b.post(message if isinstance(message, str) else json.dumps(message))


@pytest.mark.parametrize(("message", "reason"), [
    ("x" * (MAX_MESSAGE + 1), "not a short string"),
    ("{not json", "not JSON"),
    ([1, 2], "no message type"),
    ({"invoiceId": INVOICE}, "no message type"),
    ({"type": "ready", "invoiceId": "000999"}, "message for another invoice"),
    ({"type": "result", "invoiceId": INVOICE, "success": 1}, "success is not a boolean"),
    ({"type": "form_loaded", "invoiceId": INVOICE, "x": 1}, "unknown message type 'form_loaded'"),
    ({"type": "y" * 60, "invoiceId": INVOICE}, f"unknown message type {'y' * 40!r}"),
])
def test_each_rejection_says_exactly_why(bridge: tuple[Bridge, Seen], message: object,
                                          reason: str) -> None:
    b, seen = bridge
    _post(b, message)
    assert seen.rejected == [reason] and seen.signals == []


@pytest.mark.parametrize(("message", "signal"), [
    ({"type": "ready", "invoiceId": INVOICE}, ("ready", None)),
    ({"type": "form_loaded", "invoiceId": INVOICE}, ("form_loaded", None)),
    ({"type": "result", "invoiceId": INVOICE, "success": True}, ("result", (INVOICE, True))),
    ({"type": "script_error", "invoiceId": INVOICE, "detail": "load failed"},
     ("script_failed", "load failed")),
    ({"type": "script_error", "invoiceId": INVOICE}, ("script_failed", "")),
    ({"type": "script_error", "invoiceId": INVOICE, "detail": 42}, ("script_failed", "")),
    ({"type": "script_error", "invoiceId": INVOICE, "detail": "d" * 300},
     ("script_failed", "d" * 200)),
])
def test_an_accepted_message_is_not_also_rejected(bridge: tuple[Bridge, Seen],
                                                  message: object, signal: object) -> None:
    b, seen = bridge
    _post(b, message)
    assert seen.signals == [signal] and seen.rejected == []


def test_the_size_limit_is_inclusive(bridge: tuple[Bridge, Seen]) -> None:
    b, seen = bridge
    message = json.dumps({"type": "ready", "invoiceId": INVOICE})
    _post(b, message + " " * (MAX_MESSAGE - len(message)))  # exactly MAX_MESSAGE characters
    assert seen.signals == [("ready", None)] and seen.rejected == []


def test_a_second_result_is_refused_with_its_reason(bridge: tuple[Bridge, Seen]) -> None:
    b, seen = bridge
    _post(b, {"type": "result", "invoiceId": INVOICE, "success": False})
    _post(b, {"type": "result", "invoiceId": INVOICE, "success": True})
    assert seen.signals == [("result", (INVOICE, False))]
    assert seen.rejected == ["a result was already received"]


def test_a_bridge_never_told_an_invoice_accepts_nothing(qapp: Any) -> None:
    parent = QObject()
    b = Bridge(parent)
    assert b.parent() is parent
    seen = Seen(b)
    _post(b, {"type": "ready", "invoiceId": ""})
    _post(b, {"type": "ready", "invoiceId": None})
    assert seen.rejected == ["no payment is open"] * 2 and seen.signals == []
    b.expect(None)  # the page is gone
    _post(b, {"type": "ready", "invoiceId": INVOICE})
    assert seen.rejected[-1] == "no payment is open"
