"""On-screen keypad mirroring the keyboard: it sends the same key events a keyboard would."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QGridLayout, QPushButton, QSizePolicy, QWidget

_KEYS = [
    ("7", Qt.Key.Key_7), ("8", Qt.Key.Key_8), ("9", Qt.Key.Key_9),
    ("4", Qt.Key.Key_4), ("5", Qt.Key.Key_5), ("6", Qt.Key.Key_6),
    ("1", Qt.Key.Key_1), ("2", Qt.Key.Key_2), ("3", Qt.Key.Key_3),
    (",", Qt.Key.Key_Comma), ("0", Qt.Key.Key_0), ("⌫", Qt.Key.Key_Backspace),
]  # fmt: skip


class Keypad(QWidget):
    """Touch keypad. Buttons never take focus, so the amount field keeps it."""

    pay_clicked = Signal()

    def __init__(self, target: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        grid = QGridLayout(self)
        grid.setSpacing(8)
        grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[Qt.Key, QPushButton] = {}
        for index, (label, key) in enumerate(_KEYS):
            button = self._button(label)
            button.clicked.connect(lambda _=False, k=key, t=label: self._press(k, t))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button
        self.retranslate()

    def retranslate(self) -> None:
        self.buttons[Qt.Key.Key_Backspace].setAccessibleName(self.tr("Delete last digit"))
        self.buttons[Qt.Key.Key_Backspace].setToolTip(self.tr("Delete last digit (Backspace)"))
        self.buttons[Qt.Key.Key_Comma].setAccessibleName(self.tr("Decimal comma"))
        self.setAccessibleName(self.tr("Keypad"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _button(self, label: str) -> QPushButton:
        button = QPushButton(label, self)
        button.setObjectName("keypadButton")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumSize(64, 56)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.setAccessibleName(label)
        return button

    def _press(self, key: Qt.Key, text: str) -> None:
        text = "" if key == Qt.Key.Key_Backspace else text
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
            QApplication.sendEvent(self.target, event)
