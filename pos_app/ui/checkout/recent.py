"""A strip of the last few payments, so the cashier can answer "did it go through?"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from pos_app.ui.common.i18n import money, time_only

if TYPE_CHECKING:
    from pos_app.domain.payment import Payment


class RecentStrip(QWidget):
    def __init__(self, parent: QWidget | None = None, size: int = 5) -> None:
        super().__init__(parent)
        self.count = size
        self.setObjectName("recentStrip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # paint the QSS background
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self.title = QLabel(self)
        self._layout.addWidget(self.title)
        self.items: list[QLabel] = []
        for _ in range(size):
            label = QLabel(self)
            label.setObjectName("recentItem")
            self.items.append(label)
            self._layout.addWidget(label)
        self._layout.addStretch(1)
        self.payments: list[Payment] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Recent:"))
        self.setAccessibleName(self.tr("Recent payments"))
        self.show_payments(self.payments)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_payments(self, payments: list[Payment]) -> None:
        self.payments = list(payments)
        if payments:  # the strip starts empty: its styles load with the first payment
            from pos_app.ui.common.status_style import look, status_words
        for label, payment in zip(self.items, [*payments, *[None] * self.count], strict=False):
            if payment is None:
                label.setText("")
                label.setVisible(False)
                continue
            style = look(payment.status, payment.method)
            when = time_only(payment.created_at)
            words = status_words(payment.status, payment.method)
            text = f"{when} {style.sign} {money(payment.amount)} · {words}"
            label.setText(text)
            label.setToolTip(payment.invoice_id)
            label.setAccessibleName(text)
            label.setStyleSheet(f"color: {style.colour};")
            label.setVisible(True)
