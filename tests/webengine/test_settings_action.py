"""The Settings… action (Ctrl+,) opens the settings only through the admin PIN guard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

import pos_app.ui.admin.settings_dialog as settings_dialog
from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.ui.common import pin_guard as admin
from tests.webengine.helpers import make_till

pytestmark = pytest.mark.webengine


def test_settings_action_asks_for_the_pin_first(
        qtbot: QtBot, home: Path, emulator: Emulator, settings: Settings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    till = make_till(qtbot, emulator, settings)
    action = till.window.settings_action
    # Offscreen, the window never becomes the active window, so key strokes cannot reach the
    # shortcut map; the binding itself is checked here and the action triggered directly.
    assert action.shortcut() == QKeySequence("Ctrl+,")
    assert action.shortcutContext() is Qt.ShortcutContext.WindowShortcut
    assert action in till.window.actions()
    asked: list[bool] = []
    opened: list[settings_dialog.SettingsDialog] = []
    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec",
                        lambda self: opened.append(self) or 0)
    monkeypatch.setattr(admin, "prompt", lambda _parent, _store: asked.append(True) or False)
    action.trigger()
    assert asked == [True] and opened == []
    monkeypatch.setattr(admin, "prompt", lambda _parent, _store: True)
    action.trigger()
    assert len(opened) == 1 and opened[0].original == till.runtime.settings
    till.close()
