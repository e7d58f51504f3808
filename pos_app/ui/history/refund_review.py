"""The administrator's decision on a refund the bank has not confirmed (issue 14, A.5).

Shows the request (external id, amount) and the bank's answer now, then offers: the bank did
refund it, it was not refunded, send it again with the same external id, or decide later.
Nothing is inferred: the till records what the administrator decides, with the bank's answer.
"""

from __future__ import annotations

import enum

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import format_tenge
from pos_app.store.refunds import RefundRecord


class Decision(enum.Enum):
    APPLIED = "applied"  # the bank refunded it (e.g. the merchant cabinet shows it)
    NOT_APPLIED = "not_applied"  # it did not happen: a new refund may be made
    RESEND = "resend"  # send the same request again (same externalID)


class RefundReviewDialog(QDialog):
    def __init__(self, record: RefundRecord, bank_answer: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.decision: Decision | None = None
        self.setWindowTitle(self.tr("Unconfirmed refund"))
        intro = self.tr("Refund %1 of %2 was sent, but the bank has not confirmed it. Another "
                        "refund of this payment waits until you decide. Check the merchant "
                        "cabinet first.")  # fmt: skip
        self.intro = QLabel(intro.replace("%1", record.external_id)
                            .replace("%2", format_tenge(record.amount)), self)  # fmt: skip
        self.intro.setWordWrap(True)
        self.answer = QLabel(self.tr("The bank says now: %1").replace("%1", bank_answer), self)
        self.answer.setObjectName("bankAnswer")
        self.answer.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("decisionReason")
        self.reason.setMaxLength(200)
        self.reason.setAccessibleName(self.tr("Why"))
        self.reason.setPlaceholderText(self.tr("Why, for example: seen in the cabinet"))
        self.buttons = QDialogButtonBox(self)
        self.choices: dict[Decision, QPushButton] = {}
        for decision, text in (
            (Decision.APPLIED, self.tr("The bank refunded it")),
            (Decision.NOT_APPLIED, self.tr("It was not refunded")),
            (Decision.RESEND, self.tr("Send it again")),
        ):
            button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _=False, d=decision: self.choose(d))
            self.choices[decision] = button
        later = self.buttons.addButton(self.tr("Decide later"),
                                       QDialogButtonBox.ButtonRole.RejectRole)  # fmt: skip
        later.clicked.connect(self.reject)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.answer, self.reason, self.error, self.buttons):
            layout.addWidget(widget)
        self.reason.setFocus()

    def choose(self, decision: Decision) -> None:
        """Accept with ``decision``; a reason is required except for sending again."""
        if decision is not Decision.RESEND and not self.reason.text().strip():
            self.error.setText(self.tr("Say why (what the cabinet or the bank showed)."))
            return
        self.decision = decision
        self.accept()
