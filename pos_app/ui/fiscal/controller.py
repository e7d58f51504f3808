"""The fiscal queue in the till's background (issue 15): a sale receipt after "Approved", a
refund's return receipt, retries every 30 s, the 24-hour warning, printing each new receipt once.
The queue never holds up the next payment; results come back on the GUI thread as signals.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from pos_app.store.fiscal_ops import FiscalOp, FiscalState
from pos_app.ui.fiscal.view import problem_text, translate

if TYPE_CHECKING:
    from pos_app.services.fiscal import FiscalService
    from pos_app.ui.common.tasks import Tasks

log = logging.getLogger("pos_app.ui.fiscal")
RETRY_MS = 30_000
WARN_HOURS = 1.0


class FiscalController(QObject):
    """Runs the fiscal queue on the task pool; reports each sale receipt and the register state."""

    receipt_changed = Signal(str, object)  # invoice id, FiscalOp
    register_problem = Signal(str)  # "" when the register takes receipts again
    printed = Signal(str, str)  # invoice id, "" or the printer's problem (sale receipts)
    return_changed = Signal(int, object)  # refund id, its return receipt's FiscalOp or None
    return_printed = Signal(int, str)  # refund id, "" or the printer's problem
    _changed = Signal(object)  # from the service's listeners (any thread): a FiscalOp or None

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
        self._to_print: dict[str, int | None] = {}  # keys of receipts to print once done:
        # sales paid in this session (None), returns of refunds made in it (the refund id)
        self._shift_text = ""  # the last 24-hour warning (kept between checks)
        self._banner = ""  # what the banner says now
        self.register_problem.connect(self._remember_banner)
        self._changed.connect(self._on_changed)

    def watch(self) -> None:
        """Follow the service's work started elsewhere (a Z report in the shift dialog closes
        the register's shift and sends what waited): the banner and receipts catch up at once
        instead of at the next retry."""

        def relay(op: FiscalOp | None = None) -> None:
            try:
                self._changed.emit(op)
            except RuntimeError:  # the controller is gone (the till is closing)
                log.debug("fiscal change after the controller was deleted")

        self.service.listeners.append(relay)
        self.service.shift_listeners.append(relay)

    def send_return(self, refund: Any) -> None:
        """A confirmed refund (a RefundRecord): send its queued return receipt now, print it
        once registered; :attr:`return_changed` tells the outcome."""
        from pos_app.services.fiscal import return_key

        if self.printer:
            self._to_print[return_key(refund)] = refund.id

        def work() -> FiscalOp | None:
            self.service.run_queue()
            return self.service.log.for_refund(refund.id)

        self.tasks.run(work, lambda op: self._after_return(refund.id, op), self._failed)

    def fiscalize(self, invoice_id: str) -> None:
        """Queue the sale receipt of a paid payment and send the queue, in the background."""
        from pos_app.services.fiscal import sale_key

        if self.printer:
            self._to_print[sale_key(invoice_id)] = None

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

    def _after_return(self, refund_id: int, op: FiscalOp | None) -> None:
        self.return_changed.emit(refund_id, op)
        if op is not None:
            self._print_if_done(op)
        self._after_queue(self._waiting())

    def _remember_banner(self, text: str) -> None:
        self._banner = text

    def _on_changed(self, op: FiscalOp | None) -> None:
        if op is not None:
            self.receipt_changed.emit(op.invoice_id, op)
            if op.refund_id is not None:
                self.return_changed.emit(op.refund_id, op)
            self._print_if_done(op)
            if op.state is not FiscalState.DONE or not self._banner:
                return
        # a receipt went through while the banner showed a problem, or the shift was closed
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
        if hours_left is not None and hours_left <= 0:  # already over: receipts will wait
            self._shift_text = translate(
                "Fiscal", "The register's shift is over 24 hours: close the shift "
                          "(Z report). Receipts wait in the queue.")
        elif hours_left is not None and hours_left < WARN_HOURS:
            self._shift_text = translate(
                "Fiscal", "The register's shift reaches its 24-hour limit within an hour: "
                          "close the shift (Z report) soon.")
        else:
            self._shift_text = ""
        self.register_problem.emit(self._shift_text)

    def _print_if_done(self, op: FiscalOp) -> None:
        if op.state is not FiscalState.DONE or op.key not in self._to_print:
            return
        refund_id = self._to_print.pop(op.key)
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

        def done(problem: str) -> None:
            if refund_id is None:
                self.printed.emit(op.invoice_id, problem)
            else:
                self.return_printed.emit(refund_id, problem)

        self.tasks.run(work, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        log.error("fiscal task failed: %s", type(exc).__name__)
        self.register_problem.emit(self.tr("Fiscal receipts cannot be registered right now."))
