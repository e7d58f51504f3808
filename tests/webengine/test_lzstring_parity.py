"""Python's lzstring and the JavaScript lz-string the widget uses agree, both directions."""

from __future__ import annotations

import json
from pathlib import Path

import lzstring
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEnginePage
from pytestqt.qtbot import QtBot

from pos_app.epay.params import encode_params
from tests.webengine.helpers import run_js

pytestmark = pytest.mark.webengine
LZ_JS = Path(__file__).resolve().parents[2] / "pos_app/training/static/lz-string.min.js"

SAMPLES = [
    "",
    "a",
    "invoiceId=000001&amount=100&currency=KZT",
    encode_params({"invoiceId": "123456789", "amount": "12.5", "description": "Оплата кофе №5",
                   "auth": {"access_token": "DCEB8O_ZM5U7SO_T_U5EJQ", "expires_in": 7200,
                            "refresh_token": "", "scope": "payment", "token_type": "Bearer"}}),
    "ünïcødé and 中文 (BMP only)",
    "x" * 5000,
]


def test_round_trip_both_directions(qtbot: QtBot) -> None:
    page = QWebEnginePage()
    with qtbot.waitSignal(page.loadFinished, timeout=20_000):
        page.setHtml("<!DOCTYPE html><html><body></body></html>", QUrl("https://pos.invalid/"))
    run_js(qtbot, page, LZ_JS.read_text(encoding="utf-8") + "\n;true")
    lz = lzstring.LZString()
    for text in SAMPLES:
        from_js = run_js(qtbot, page, f"LZString.compressToEncodedURIComponent({json.dumps(text)})")
        assert from_js == lz.compressToEncodedURIComponent(text)
        assert lz.decompressFromEncodedURIComponent(from_js) == text
        py_packed = lz.compressToEncodedURIComponent(text)
        back = run_js(qtbot, page, f"LZString.decompressFromEncodedURIComponent({json.dumps(py_packed)})")
        assert back == text
    page.deleteLater()


def test_encoded_params_are_always_ascii() -> None:
    """encodeParams percent-encodes every non-ASCII character, so the LZ step sees ASCII only.

    That matters: Python's lzstring 1.0.4 indexes code points while JavaScript indexes UTF-16
    units, so outside the BMP (emoji) the two compress differently. ASCII is where they agree.
    """
    text = encode_params({"description": "Оплата 🧾 кофе", "auth": {"access_token": "ё"}})
    assert text.isascii()
