"""The bridge accepts exactly the host page's messages, for the open invoice, once."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from pos_app.ui.checkout.web.bridge import Bridge


@pytest.fixture
def bridge(qtbot: QtBot) -> Bridge:
    b = Bridge()
    b.expect("000123")
    return b


def test_result_is_delivered_once(qtbot: QtBot, bridge: Bridge) -> None:
    got: list[tuple[str, bool]] = []
    bridge.result.connect(lambda inv, ok: got.append((inv, ok)))
    message = json.dumps({"type": "result", "invoiceId": "000123", "success": True})
    bridge.post(message)
    bridge.post(message)  # a replayed message (the real script never removes its listener)
    assert got == [("000123", True)]


@pytest.mark.parametrize(
    "message, reason",
    [
        ("not json", "not JSON"),
        ("[1,2]", "no message type"),
        (json.dumps({"type": "result", "invoiceId": "999999", "success": True}), "another invoice"),
        (json.dumps({"type": "result", "invoiceId": "000123", "success": "true"}), "not a boolean"),
        (json.dumps({"type": "result", "invoiceId": "000123", "success": True, "pan": "4405"}), "unknown"),
        (json.dumps({"type": "eval", "invoiceId": "000123"}), "unknown"),
        ("x" * 5000, "not a short string"),
    ],
)
def test_bad_messages_are_rejected(qtbot: QtBot, bridge: Bridge, message: str, reason: str) -> None:
    got: list[object] = []
    bridge.result.connect(lambda *a: got.append(a))
    with qtbot.waitSignal(bridge.rejected, timeout=1000) as rejected:
        bridge.post(message)
    assert reason in rejected.args[0]
    assert got == []


def test_messages_after_the_page_is_gone_are_ignored(qtbot: QtBot, bridge: Bridge) -> None:
    bridge.expect(None)
    got: list[object] = []
    bridge.result.connect(lambda *a: got.append(a))
    bridge.post(json.dumps({"type": "result", "invoiceId": "000123", "success": True}))
    assert got == []


@given(st.text(max_size=300))
def test_any_text_never_raises(text: str) -> None:
    b = Bridge()
    b.expect("000123")
    b.post(text)
