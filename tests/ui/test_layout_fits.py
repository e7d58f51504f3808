"""No button text is cut off, in any language (Kazakh labels are the longest)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from pos_app.runtime import build_runtime
from pos_app.store.settings import Settings
from pos_app.ui.app import build_till


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_buttons_are_wide_enough_for_their_text(
    qtbot: QtBot, tmp_path, monkeypatch: pytest.MonkeyPatch, emulator, language: str
) -> None:
    monkeypatch.setenv("POS_APP_HOME", str(tmp_path))
    settings = Settings(environment="training", shop_name="Coffee corner", language=language)
    runtime = build_runtime("training", settings=settings, emulator_urls=emulator.urls)
    till = build_till(runtime, reconcile=False, lazy_web=True)
    qtbot.addWidget(till.window)
    till.window.apply_language(language)
    till.window.resize(1180, 780)
    till.window.show()
    qtbot.waitExposed(till.window)
    cut = [
        (b.objectName() or b.text(), b.width(), b.sizeHint().width())
        for b in till.window.findChildren(QAbstractButton)
        if b.isVisible() and b.text() and b.width() + 2 < b.sizeHint().width()
    ]
    assert not cut, cut
    till.close()
    runtime.close()
