"""Kiosk mode: the till fills the screen without window controls; leaving it needs the PIN.

Ctrl+Shift+Q asks for the admin PIN and then gives the window its frame back; closing the
window (Alt+F4, the window manager) while in kiosk mode asks for the PIN too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from pos_app.store.pin import PinStore

LEAVE_SHORTCUT = "Ctrl+Shift+Q"


class Kiosk(QObject):
    def __init__(self, window: QWidget, pin_store: PinStore | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.pin_store = pin_store
        self.active = False
        self.closing_allowed = False
        self.leave_action = QAction(window)
        self.leave_action.setObjectName("leaveKioskAction")
        self.leave_action.setShortcut(QKeySequence(LEAVE_SHORTCUT))
        self.leave_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.leave_action.triggered.connect(lambda _checked=False: self.request_leave())
        window.addAction(self.leave_action)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.leave_action.setText(self.tr("Leave kiosk mode  [Ctrl+Shift+Q]"))

    def enter(self) -> None:
        """Fullscreen, frameless, on top of the desktop."""
        self.active = True
        self.window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.window.showFullScreen()

    def request_leave(self) -> bool:
        """Leave kiosk mode after the admin PIN; False when refused or not in kiosk mode."""
        if not self.active or not _require_admin(self.window, self.pin_store):
            return False
        self.leave()
        return True

    def leave(self) -> None:
        self.active = False
        self.window.setWindowFlag(Qt.WindowType.FramelessWindowHint, False)
        self.window.showNormal()

    def allow_close(self) -> None:
        """The program itself is closing the window (shutdown, tests): no PIN."""
        self.closing_allowed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            if self.active and not self.closing_allowed:
                if _require_admin(self.window, self.pin_store):
                    self.closing_allowed = True
                    return False
                event.ignore()
                return True
        elif watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


def _require_admin(window: QWidget, store: PinStore | None) -> bool:
    from pos_app.ui.common.pin_guard import require_admin  # the PIN dialogs load when first needed

    return require_admin(window, store)
