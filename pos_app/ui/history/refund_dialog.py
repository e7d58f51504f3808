"""Ask for a refund amount and a reason; checks them before anything is sent."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import format_number, format_tenge
from pos_app.domain.payment import Payment
from pos_app.services.refunds import RefundError, check_refund_amount
from pos_app.ui.common.outcome_texts import refund_message


class RefundDialog(QDialog):
    """``cancel=True`` asks only for the reason (a hold is always released in full)."""

    def __init__(self, payment: Payment, *, cancel: bool = False,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.payment = payment
        self.cancel = cancel
        self.value: Decimal | None = None
        self.setWindowTitle(self.tr("Cancel the hold") if cancel else self.tr("Refund"))
        intro = (self.tr("Release the held %1 of invoice %2?") if cancel else
                 self.tr("Invoice %2: %1 can still be refunded (at least 10 ₸)."))  # fmt: skip
        held = payment.amount if cancel else payment.remaining
        self.intro = QLabel(intro.replace("%1", format_tenge(held))
                            .replace("%2", payment.invoice_id), self)  # fmt: skip
        self.intro.setWordWrap(True)
        self.amount = QLineEdit(format_number(payment.remaining, group=""), self)
        self.amount.setObjectName("refundAmount")
        self.amount.setAccessibleName(self.tr("Refund amount"))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("refundReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("For example: the customer returned the goods"))
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        form = QFormLayout()
        if not cancel:
            form.addRow(self.tr("Amount, ₸"), self.amount)
        form.addRow(self.tr("Reason"), self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Cancel the hold") if cancel else self.tr("Refund"))
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        (self.reason if cancel else self.amount).setFocus()

    def check(self) -> None:
        """Accept only a valid amount and a reason; otherwise say why and stay open."""
        try:
            if not self.cancel:
                self.value = check_refund_amount(self.payment, self.amount.text())
            if not self.reason.text().strip():
                raise RefundError("reason_missing", "no reason")
        except RefundError as exc:
            self.error.setText(refund_message(exc.code))
            return
        self.error.clear()
        self.accept()
