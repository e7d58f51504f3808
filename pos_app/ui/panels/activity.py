"""The right-hand side of the till: idle hint, progress, the bank's form, or the result."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import format_tenge
from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.ui.panels.qr_panel import QrPanel
from pos_app.ui.status_style import look, status_words
from pos_app.ui.web.checkout_view import CheckoutView


class ProgressPanel(QWidget):
    """A visible wait: words, a moving bar, and Cancel where cancelling is safe."""

    cancel_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("progressTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # indeterminate
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Waiting for the bank"))
        self.cancel = QPushButton(self.tr("Cancel  [Esc]"), self)
        self.cancel.setObjectName("cancelButton")
        self.cancel.setMinimumHeight(48)
        self.cancel.clicked.connect(self.cancel_clicked)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def show_wait(self, title: str, detail: str = "", cancellable: bool = True) -> None:
        self.title.setText(title)
        self.detail.setText(detail)
        self.cancel.setVisible(cancellable)


class FormPanel(QWidget):
    """ePay's widget in our window, with our own Cancel (the widget has none)."""

    cancel_clicked = Signal()

    def __init__(self, checkout: CheckoutView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checkout = checkout
        hint = self.tr("The customer enters the card details in the bank's form.")
        self.hint = QLabel(hint, self)
        self.hint.setObjectName("formHint")
        self.hint.setWordWrap(True)
        self.cancel = QPushButton(self.tr("Cancel payment  [Esc]"), self)
        self.cancel.setObjectName("cancelButton")
        self.cancel.setMinimumHeight(44)
        self.cancel.clicked.connect(self.cancel_clicked)
        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(checkout, 1)


class ResultPanel(QWidget):
    """The outcome in words and sign (never colour alone), with the receipt facts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sign = QLabel(self)
        self.sign.setObjectName("resultSign")
        self.sign.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.words = QLabel(self)
        self.words.setObjectName("resultWords")
        self.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.amount = QLabel(self)
        self.amount.setObjectName("resultAmount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.facts = QLabel(self)
        self.facts.setObjectName("resultFacts")
        self.facts.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_hint = QLabel(self.tr("Type the next amount to continue."), self)
        self.next_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.sign, self.words, self.amount, self.facts, self.note, self.next_hint):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_payment(self, payment: Payment, note: str = "") -> None:
        style = look(payment.status)
        words = status_words(payment.status)
        self.sign.setText(style.sign)
        self.sign.setStyleSheet(f"color: {style.colour};")
        self.words.setText(words)
        self.words.setStyleSheet(f"color: {style.colour};")
        self.amount.setText(format_tenge(payment.amount))
        rows = [self.tr("Invoice: %1").replace("%1", payment.invoice_id)]
        if payment.card_mask:
            rows.append(self.tr("Card: %1").replace("%1", payment.card_mask))
        if payment.reference:
            rows.append(self.tr("RRN: %1").replace("%1", payment.reference))
        if payment.approval_code:
            rows.append(self.tr("Approval code: %1").replace("%1", payment.approval_code))
        self.facts.setText("\n".join(rows))
        self.note.setText(note)
        self.setAccessibleDescription(f"{words}. {format_tenge(payment.amount)}")
        self.paid = payment.status is PaymentStatus.PAID


class ActivityPanel(QStackedWidget):
    """Switches between idle, progress, form, result and the QR; nothing else."""

    def __init__(self, checkout: CheckoutView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.idle = QLabel(self.tr("Type the amount and press Enter."), self)
        self.idle.setObjectName("idleHint")
        self.idle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.idle.setWordWrap(True)
        self.progress = ProgressPanel(self)
        self.form = FormPanel(checkout, self)
        self.result = ResultPanel(self)
        for page in (self.idle, self.progress, self.form, self.result):
            self.addWidget(page)
        self.qr = QrPanel(self)  # pay by QR on the customer's phone
        self.addWidget(self.qr)
