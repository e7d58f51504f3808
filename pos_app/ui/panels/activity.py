"""The right-hand side of the till: idle hint, progress, the bank's form, or the result."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.ui.i18n import date_time, money
from pos_app.ui.icons import icon
from pos_app.ui.messages import reason_advice
from pos_app.ui.panels.qr_panel import QrPanel
from pos_app.ui.status_style import look, status_words

if TYPE_CHECKING:
    from pos_app.ui.web.checkout_view import CheckoutView


class _Retranslating(QWidget):
    """A panel whose texts are set in ``retranslate()``, again on every language change."""

    def retranslate(self) -> None:
        """Set every text again in the language now installed (subclasses override)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ProgressPanel(_Retranslating):
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
        self.bar.setMaximumWidth(420)
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("cancelButton")
        self.cancel.setIcon(icon("cancel"))
        self.cancel.setMinimumHeight(48)
        self.cancel.clicked.connect(self.cancel_clicked)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.detail)
        layout.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.bar.setAccessibleName(self.tr("Waiting for the bank"))
        self.cancel.setText(self.tr("Cancel  [Esc]"))
        self.cancel.setAccessibleName(self.tr("Cancel the payment"))
        self.cancel.setToolTip(self.tr("Cancel the payment (Esc)"))

    def show_wait(
        self, title: str, detail: str = "", cancellable: bool = True, stop_only: bool = False
    ) -> None:
        """``stop_only``: the payment cannot be cancelled any more, only the waiting stopped
        (the attempt is then re-checked later)."""
        self.title.setText(title)
        self.detail.setText(detail)
        self.cancel.setVisible(cancellable)
        if stop_only:
            self.cancel.setText(self.tr("Stop waiting  [Esc]"))
            self.cancel.setToolTip(self.tr("Stop waiting; the payment is checked again later"))
        else:
            self.retranslate()


class FormPanel(_Retranslating):
    """ePay's widget in our window, with our own Cancel (the widget has none)."""

    cancel_clicked = Signal()

    def __init__(self, checkout: CheckoutView | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checkout: CheckoutView | None = None
        self.hint = QLabel(self)
        self.hint.setObjectName("formHint")
        self.hint.setWordWrap(True)
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("cancelButton")
        self.cancel.setIcon(icon("cancel"))
        self.cancel.setMinimumHeight(48)
        self.cancel.clicked.connect(self.cancel_clicked)
        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.cancel)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(top)
        if checkout is not None:
            self.set_checkout(checkout)
        self.retranslate()

    def set_checkout(self, checkout: CheckoutView) -> None:
        """Put the web view in place (created after the window shows, see ui.app)."""
        self.checkout = checkout
        self._layout.addWidget(checkout, 1)
        checkout.setAccessibleName(self.tr("The bank's card form"))

    def retranslate(self) -> None:
        self.hint.setText(self.tr("The customer enters the card details in the bank's form."))
        self.cancel.setText(self.tr("Cancel payment  [Esc]"))
        self.cancel.setAccessibleName(self.tr("Cancel the payment"))
        self.cancel.setToolTip(self.tr("Cancel the payment (Esc)"))
        if self.checkout is not None:
            self.checkout.setAccessibleName(self.tr("The bank's card form"))


class ResultPanel(_Retranslating):
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
        self.next_hint = QLabel(self)
        self.next_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.sign, self.words, self.amount, self.facts, self.note, self.next_hint):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.payment: Payment | None = None
        self.paid = False
        self.retranslate()

    def retranslate(self) -> None:
        self.next_hint.setText(self.tr("Type the next amount to continue."))
        if self.payment is not None:
            self.show_payment(self.payment, self.note.text())

    def show_payment(self, payment: Payment, note: str = "") -> None:
        self.payment = payment
        style = look(payment.status)
        words = status_words(payment.status)
        self.sign.setText(style.sign)
        self.sign.setStyleSheet(f"color: {style.colour};")
        self.words.setText(words)
        self.words.setStyleSheet(f"color: {style.colour};")
        self.amount.setText(money(payment.amount))
        rows = [self.tr("Invoice: %1").replace("%1", payment.invoice_id),
                self.tr("Time: %1").replace("%1", date_time(payment.updated_at))]
        if payment.card_mask:
            rows.append(self.tr("Card: %1").replace("%1", payment.card_mask))
        if payment.reference:
            rows.append(self.tr("RRN: %1").replace("%1", payment.reference))
        if payment.approval_code:
            rows.append(self.tr("Approval code: %1").replace("%1", payment.approval_code))
        if payment.status is not PaymentStatus.PAID and payment.reason_code:
            rows.append(reason_advice(payment.reason_code))
        self.facts.setText("\n".join(rows))
        self.note.setText(note)
        self.setAccessibleName(self.tr("Payment result"))
        self.setAccessibleDescription(f"{words}. {money(payment.amount)}")
        self.paid = payment.status is PaymentStatus.PAID


class ActivityPanel(QStackedWidget):
    """Switches between idle, progress, form, result and the QR; nothing else."""

    def __init__(self, checkout: CheckoutView | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.idle = QLabel(self)
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
        self.retranslate()

    def retranslate(self) -> None:
        self.idle.setText(self.tr("Type the amount and press Enter to pay by card, or F2 for a "
                                  "QR code."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
