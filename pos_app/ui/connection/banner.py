"""The banner shown while ePay cannot be reached: why payments are blocked, and a retry key.

Shown with a sign, a heading and words (never by colour alone); it hides itself when the
connection returns.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.ui.common.icons import icon


class OfflineBanner(QFrame):
    retry_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self.sign = QLabel(self)
        self.sign.setObjectName("offlineSign")
        self.sign.setPixmap(icon("offline").pixmap(40, 40))
        self.heading = QLabel(self)
        self.heading.setObjectName("offlineHeading")
        self.message = QLabel(self)
        self.message.setObjectName("offlineMessage")
        self.message.setWordWrap(True)
        self.retry = QPushButton(self)
        self.retry.setObjectName("offlineRetry")
        self.retry.setIcon(icon("retry"))
        self.retry.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # F5 does it; the amount keeps focus
        self.retry.clicked.connect(self.retry_clicked)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.heading)
        words.addWidget(self.message)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.sign, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        row.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignVCenter)
        self.checking = False
        self.retranslate()
        self.hide()

    def text(self) -> str:
        """The explanation shown when Enter or F2 is pressed while offline."""
        return self.tr("No connection to the bank: new payments are paused. History and reports "
                       "still work. The till keeps checking and continues by itself.")

    def set_checking(self, checking: bool) -> None:
        self.checking = checking
        self.retry.setEnabled(not checking)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText("⚠ " + self.tr("Offline: no connection to ePay"))
        self.message.setText(self.text())
        self.retry.setText(self.tr("Checking…") if self.checking else self.tr("Check now  [F5]"))
        self.retry.setAccessibleName(self.tr("Check the connection to the bank now"))
        self.setAccessibleName(self.tr("No connection to the bank"))
        self.setAccessibleDescription(self.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
