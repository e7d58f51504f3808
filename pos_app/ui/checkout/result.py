"""The result page: the outcome in words and sign, with the receipt facts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.ui.common.env_mark import environment_mark
from pos_app.ui.common.i18n import date_time, money
from pos_app.ui.common.messages import reason_advice
from pos_app.ui.common.retranslating import Retranslating
from pos_app.ui.common.status_style import look, status_words


class ResultPanel(Retranslating):
    """The outcome in words and sign (never colour alone), with the receipt facts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.environment = ""  # set by the window: TRAINING / TEST above every result
        self.mark = QLabel(self)
        self.mark.setObjectName("resultMark")
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        for widget in (self.mark, self.sign, self.words, self.amount, self.facts, self.note,
                       self.next_hint):
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
        style = look(payment.status, payment.method)
        words = status_words(payment.status, payment.method)
        mark = environment_mark(self.environment)
        self.mark.setText(mark)
        self.mark.setVisible(bool(mark))
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
        self.setAccessibleDescription(" ".join(f"{part}." for part in (mark, words) if part)
                                      + f" {money(payment.amount)}")
        self.paid = payment.status is PaymentStatus.PAID
