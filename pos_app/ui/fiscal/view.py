"""Fiscal receipts in the till, what the cashier sees: the result page ("receipt being
registered…", then the fiscal number and the OFD QR) and a banner while the register cannot take
receipts. :mod:`.controller` does the work in the background; :mod:`.wiring` puts both into an
assembled till when ``runtime.extras["fiscal"]`` holds a FiscalService.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.store.fiscal_ops import FiscalOp, FiscalState
from pos_app.ui.common.qr_painter import QrPayloadTooLong, QrWidget

if TYPE_CHECKING:
    pass

log = logging.getLogger("pos_app.ui.fiscal")
translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")


def problem_text(op: FiscalOp) -> str:
    """One sentence per register situation (reference §6.1 rule 9)."""
    code = op.error_code
    if code == "7":
        return translate("Fiscal", "The cash register is blocked. Receipts wait in the "
                                   "queue; call support.")
    if code == "11":
        return translate("Fiscal", "The register's shift is over 24 hours: close the shift "
                                   "(Z report). Receipts wait in the queue.")
    if code == "18":
        return translate("Fiscal", "The register has had no link to the OFD for over 72 "
                                   "hours. Receipts wait in the queue; call support.")
    if op.state is FiscalState.FAILED and not op.retryable:
        text = translate("Fiscal", "The cash register refused a receipt (error %1). Call "
                                   "support.")
        return text.replace("%1", code)
    return translate("Fiscal", "The cash register cannot be reached. Receipts wait in the "
                               "queue and go out automatically; do not ring the sale up again.")


class FiscalReceiptView(QWidget):
    """The fiscal part of the result page: state, fiscal number, shift, date, OFD QR."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fiscalReceipt")
        self.state = QLabel(self)
        self.state.setObjectName("fiscalState")
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state.setWordWrap(True)
        self.facts = QLabel(self)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr = QrWidget(self, minimum_px=140)
        self.qr.setVisible(False)
        self.printer_note = QLabel(self)
        self.printer_note.setObjectName("fiscalPrinter")
        self.printer_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.printer_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        for widget in (self.state, self.facts):
            layout.addWidget(widget)
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.printer_note)
        self.invoice_id = ""
        self.setVisible(False)

    def follow(self, payment: Payment) -> None:
        """The result page now shows ``payment``: pending if paid, hidden otherwise."""
        self.invoice_id = payment.invoice_id
        if payment.status is PaymentStatus.PAID:
            self.state.setText(translate("Fiscal", "Fiscal receipt being registered…"))
            self.facts.setText("")
            self.qr.clear()
            self.qr.setVisible(False)
            self.printer_note.setText("")
            self.setVisible(True)
        else:
            self.setVisible(False)

    def update_op(self, invoice_id: str, op: FiscalOp, result: Any = None) -> None:
        if invoice_id != self.invoice_id or op.kind != "sale":
            return
        self.setVisible(True)
        if op.state is not FiscalState.DONE or result is None:
            # the reason is in the banner above; the result page stays short
            waiting = (translate("Fiscal", "Fiscal receipt being registered…")
                       if op.state in (FiscalState.PREPARED, FiscalState.SENT)
                       else translate("Fiscal", "Fiscal receipt queued"))
            self.state.setText(waiting)
            return
        text = translate("Fiscal", "Fiscal receipt %1").replace("%1", result.fiscal_number)
        if result.offline:
            text += " " + translate("Fiscal", "(autonomous mode)")
        self.state.setText(text)
        shift = translate("Fiscal", "Shift %1, receipt %2")
        rows = [shift.replace("%1", str(result.shift_number))
                .replace("%2", str(result.order_number)),
                result.date_time,
                translate("Fiscal", "Register %1").replace("%1", result.registration_number)]
        self.facts.setText("\n".join(r for r in rows if r))
        try:
            self.qr.set_payload(result.ticket_url)
            self.qr.setVisible(bool(result.ticket_url))
        except QrPayloadTooLong:
            self.qr.setVisible(False)


    def show_printed(self, invoice_id: str, problem: str) -> None:
        if invoice_id != self.invoice_id:
            return
        self.printer_note.setText(problem or translate("Fiscal", "Receipt printed."))


class FiscalBanner(QLabel):
    """Shown while the register cannot take receipts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fiscalBanner")
        self.setWordWrap(True)
        self.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 6px;")
        self.setVisible(False)

    def set_problem(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
