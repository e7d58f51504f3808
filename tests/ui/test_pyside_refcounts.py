"""Guards against a PySide6 build that corrupts reference counts (6.12.0 on Python 3.11 does).

A till runs all day: a lost reference per click or per bridge message ends in a fatal
``bool_dealloc``/``none_dealloc`` crash, possibly in the middle of a payment.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    flag = Signal(str, bool)


def test_bool_signals_keep_true_and_false_alive(qtbot: QtBot) -> None:
    emitter = _Emitter()
    seen: list[bool] = []
    emitter.flag.connect(lambda _s, value: seen.append(value))
    seen.clear()
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(500):
        emitter.flag.emit("x", True)
        emitter.flag.emit("x", False)
    after = sys.getrefcount(True) - 500, sys.getrefcount(False) - 500  # held by `seen`
    assert after == before
