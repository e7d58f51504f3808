"""The base of every panel whose texts follow the installed language."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget


class Retranslating(QWidget):
    """A panel whose texts are set in ``retranslate()``, again on every language change."""

    def retranslate(self) -> None:
        """Set every text again in the language now installed (subclasses override)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
