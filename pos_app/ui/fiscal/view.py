"""Fiscal receipts in the till: registered in the background after "Approved", shown on the
result page ("receipt being registered…", then the fiscal number and the OFD QR), and a banner
while the register cannot take receipts. The queue never holds up the next payment.

:mod:`pos_app.ui.fiscal.wiring` wires it into an assembled till when ``runtime.extras["fiscal"]``
holds a :class:`~pos_app.services.fiscal.FiscalService`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.store.fiscal_ops import FiscalOp, FiscalState
from pos_app.ui.common.qr_painter import QrPayloadTooLong, QrWidget

if TYPE_CHECKING:
    from pos_app.services.fiscal import FiscalService
    from pos_app.ui.common.tasks import Tasks

log = logging.getLogger("pos_app.ui.fiscal")
translate = QCoreApplication.translate  # lupdate finds translate("Context", "text")
RETRY_MS = 30_000
WARN_HOURS = 1.0


class FiscalController(QObject):
    """Runs the fiscal queue on the task pool; reports each sale receipt and the register state."""

    receipt_changed = Signal(str, object)  # invoice id, FiscalOp
    register_problem = Signal(str)  # "" when the register takes receipts again
    printed = Signal(str, str)  # invoice id, "" or the printer's problem

    def __init__(self, service: FiscalService, tasks: Tasks, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.service = service
        self.tasks = tasks
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.run_queue)
        self.printer = ""  # settings.receipt_printer
        self.paper_mm = 80
        self._to_print: set[str] = set()  # paid in this session, receipt not printed yet
        self._shift_text = ""  # the last 24-hour warning (kept between checks)

    def fiscalize(self, invoice_id: str) -> None:
        """Queue the sale receipt of a paid payment and send the queue, in the background."""
        if self.printer:
            self._to_print.add(invoice_id)

        def work() -> FiscalOp | None:
            self.service.enqueue_sale(invoice_id)
            self.service.run_queue()
            return self.service.log.sale_for(invoice_id)

        self.tasks.run(work, lambda op: self._after(invoice_id, op), self._failed)

    def run_queue(self, *, check_hours: bool = False) -> None:
        """Queue what is missing (QR payments, payments the bank confirmed late), settle, send."""
        self.tasks.run(self._send_all, lambda waiting: self._after_queue(waiting, check_hours),
                       self._failed)

    def reconcile(self) -> None:
        """At start-up (and every 30 s after): queue, settle and send what is left."""
        self._retry.start()
        self.run_queue(check_hours=True)

    def _send_all(self) -> list[FiscalOp]:
        self.service.reconcile()
        return self._waiting()

    def _waiting(self) -> list[FiscalOp]:
        return self.service.log.open_ops(self.service.adapter.cashbox)

    def _after(self, invoice_id: str, op: FiscalOp | None) -> None:
        if op is not None:
            self.receipt_changed.emit(invoice_id, op)
            self._print_if_done(op)
        self._after_queue(self._waiting(), check_hours=True)

    def _after_queue(self, waiting: list[FiscalOp], check_hours: bool = False) -> None:
        for op in self.service.log.recent(20):
            self.receipt_changed.emit(op.invoice_id, op)
            self._print_if_done(op)
        if waiting:
            self.register_problem.emit(problem_text(waiting[0]))
        elif check_hours:
            self.tasks.run(self._hours_left, self._shift_warning, lambda _exc: None)
        else:
            self.register_problem.emit(self._shift_text)

    def _hours_left(self) -> float | None:
        from pos_app.fiscal.errors import FiscalError

        try:
            return self.service.adapter.status().hours_left
        except FiscalError:
            return None

    def _shift_warning(self, hours_left: float | None) -> None:
        """An hour before the register's 24-hour limit, the banner says to close the shift."""
        if hours_left is not None and hours_left < WARN_HOURS:
            self._shift_text = translate(
                "Fiscal", "The register's shift reaches its 24-hour limit within an hour: "
                          "close the shift (Z report) soon.")
        else:
            self._shift_text = ""
        self.register_problem.emit(self._shift_text)

    def _print_if_done(self, op: FiscalOp) -> None:
        if op.kind != "sale" or op.state is not FiscalState.DONE:
            return
        if op.invoice_id not in self._to_print:
            return
        self._to_print.discard(op.invoice_id)
        result = self.service.result_of(op)
        if result is None:
            return
        target, paper = self.printer, self.paper_mm

        def work() -> str:
            from pos_app.printing.escpos_print import PrinterError, print_receipt

            try:
                print_receipt(target, result.print_lines, paper_mm=paper)
            except PrinterError as exc:
                return str(exc)
            return ""

        self.tasks.run(work, lambda problem: self.printed.emit(op.invoice_id, problem),
                       self._failed)

    def _failed(self, exc: BaseException) -> None:
        log.error("fiscal task failed: %s", type(exc).__name__)
        self.register_problem.emit(self.tr("Fiscal receipts cannot be registered right now."))


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
