"""The selected payment: its fields, every journal event, and what can be done with it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import format_tenge
from pos_app.domain.payment import Payment
from pos_app.services.refunds import can_cancel, can_refund
from pos_app.store.journal import Event
from pos_app.ui.common.status_style import look, status_words


class DetailPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDetail")
        self.payment: Payment | None = None
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        labels = {"invoice": self.tr("Invoice"), "amount": self.tr("Amount"),
                  "status": self.tr("Status"), "refunded": self.tr("Refunded"),
                  "card": self.tr("Card"), "rrn": self.tr("RRN"),
                  "approval": self.tr("Approval code"), "method": self.tr("Method")}
        for key, text in labels.items():
            value = QLabel(self)
            value.setObjectName(f"detail_{key}")
            self.fields[key] = value
            form.addRow(text, value)
        self.events = QTreeWidget(self)
        self.events.setObjectName("historyEvents")
        self.events.setRootIsDecorated(False)
        self.events.setHeaderLabels([self.tr("When"), self.tr("Change"), self.tr("Note")])
        self.events.ensurePolished()
        metrics = self.events.fontMetrics()
        self.events.setColumnWidth(0, metrics.horizontalAdvance("00:00:00") + 24)
        self.events.setColumnWidth(1, metrics.horizontalAdvance("Card form open → Checking") + 16)
        self.receipt_button = QPushButton(self.tr("Receipt…"), self)
        self.refund_button = QPushButton(self.tr("Refund…"), self)
        self.cancel_button = QPushButton(self.tr("Cancel the hold…"), self)
        buttons = QHBoxLayout()
        for button in (self.receipt_button, self.refund_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("What happened"), self))
        layout.addWidget(self.events, 1)
        layout.addLayout(buttons)
        self.show_payment(None, [])

    def show_payment(self, payment: Payment | None, events: list[Event]) -> None:
        self.payment = payment
        self.events.clear()
        if payment is None:
            for label in self.fields.values():
                label.setText("—")
            for button in (self.receipt_button, self.refund_button, self.cancel_button):
                button.setEnabled(False)
            return
        style = look(payment.status, payment.method)
        values = {
            "invoice": payment.invoice_id, "amount": format_tenge(payment.amount),
            "status": f"{style.sign} {status_words(payment.status, payment.method)}",
            "refunded": format_tenge(payment.refunded_amount),
            "card": payment.card_mask or "—", "rrn": payment.reference or "—",
            "approval": payment.approval_code or "—",
            "method": self.tr("QR") if payment.method.value == "qr" else self.tr("Card"),
        }  # fmt: skip
        if payment.problem:  # for the administrator: e.g. a bank reply about another payment
            values["status"] += "\n" + self.tr("⚠ Check with the bank: %1").replace(
                "%1", payment.problem)
        for key, text in values.items():
            self.fields[key].setText(text)
        self.fields["status"].setStyleSheet(f"color: {style.colour}; font-weight: bold;")
        for event in events:
            change = status_words(event.to_status, payment.method)
            if event.from_status is not None and event.from_status != event.to_status:
                change = f"{status_words(event.from_status, payment.method)} → {change}"
            at = event.at.astimezone()
            item = QTreeWidgetItem([at.strftime("%H:%M:%S"), change, event.note])
            item.setToolTip(0, at.strftime("%d.%m.%Y %H:%M:%S"))
            item.setToolTip(1, change)
            item.setToolTip(2, event.note)
            self.events.addTopLevelItem(item)
        self.receipt_button.setEnabled(True)
        self.refund_button.setEnabled(can_refund(payment, events))
        self.cancel_button.setEnabled(can_cancel(payment, events))
