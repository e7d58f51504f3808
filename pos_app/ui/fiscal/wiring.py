"""Wiring fiscal receipts into the till (issue 15): the result page and banner
(:func:`attach_fiscal`, called by ``wire_till``), the customer display, and in the history
(:func:`attach_history`) "print the fiscal receipt again" and each refund's return receipt."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, SignalInstance
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.store.fiscal_ops import FiscalOp, FiscalState
from pos_app.ui.common.qr_painter import QrPayloadTooLong
from pos_app.ui.fiscal.controller import FiscalController
from pos_app.ui.fiscal.view import (
    FiscalBanner,
    FiscalReceiptView,
    problem_text,
    translate,
)

if TYPE_CHECKING:
    from pos_app.runtime import Runtime
    from pos_app.ui.checkout.result import ResultPanel
    from pos_app.ui.common.tasks import Tasks


DISPLAY_HINT = QT_TRANSLATE_NOOP("CustomerDisplay", "Your fiscal receipt: scan to check it")


def show_on_display(display: Any, ticket_url: str) -> None:
    """The OFD QR of the receipt on the customer display, in the customer's language."""
    try:
        display.code.set_payload(ticket_url)
    except QrPayloadTooLong:
        return
    display.code.setVisible(True)
    display.hint.setText(display.catalogue.text("CustomerDisplay", str(DISPLAY_HINT)))


@dataclass
class FiscalUi:
    controller: FiscalController
    view: FiscalReceiptView
    banner: FiscalBanner


class FiscalStage(Protocol):
    """The stage's result page: the fiscal receipt's state goes on it."""

    @property
    def result(self) -> ResultPanel: ...


class FiscalWindow(Protocol):
    """What the fiscal receipts use of the main window."""

    @property
    def _root(self) -> QVBoxLayout: ...  # the banners go in at row 1, under the header
    @property
    def activity(self) -> FiscalStage: ...
    def window(self) -> QWidget: ...  # itself (a top-level window): the parent of what is added


class PaymentFlow(Protocol):
    """A payment flow (card checkout or QR) that reports finished payments."""

    @property
    def finished(self) -> SignalInstance: ...


class FiscalTill(Protocol):
    """What :func:`attach_fiscal` uses of :class:`pos_app.ui.app.Till`, which imports this
    module, not the other way round."""

    @property
    def runtime(self) -> Runtime: ...
    @property
    def tasks(self) -> Tasks: ...
    @property
    def window(self) -> FiscalWindow: ...
    @property
    def controller(self) -> PaymentFlow: ...
    @property
    def qr(self) -> PaymentFlow | None: ...
    @property
    def display(self) -> Any: ...  # the customer display, or None


def attach_fiscal(till: FiscalTill) -> FiscalUi | None:
    """Wire fiscal receipts into ``till`` when the runtime has a fiscal service."""
    service = till.runtime.extras.get("fiscal")
    parent = till.window.window()  # the main window itself, as a widget
    if service is None:
        problem = till.runtime.extras.get("fiscal_error")
        if problem:
            banner = FiscalBanner(parent)
            till.window._root.insertWidget(1, banner)
            banner.set_problem(str(problem))
        return None
    controller = FiscalController(service, till.tasks, parent)
    controller.printer = till.runtime.settings.receipt_printer
    controller.paper_mm = till.runtime.settings.fiscal_paper_mm
    view = FiscalReceiptView()
    result_panel = till.window.activity.result
    result_layout = result_panel.layout()
    assert isinstance(result_layout, QVBoxLayout)
    result_layout.insertWidget(result_layout.count() - 2, view)
    banner = FiscalBanner(parent)
    till.window._root.insertWidget(1, banner)

    def on_finished(payment: Payment, _note: str) -> None:
        view.follow(payment)
        if payment.status is PaymentStatus.PAID:
            controller.fiscalize(payment.invoice_id)

    def on_receipt(invoice_id: str, op: FiscalOp) -> None:
        result = service.result_of(op)
        view.update_op(invoice_id, op, result)
        if till.display is not None and result is not None and invoice_id == view.invoice_id:
            show_on_display(till.display, result.ticket_url)

    till.controller.finished.connect(on_finished)
    if till.qr is not None:
        till.qr.finished.connect(on_finished)  # QR-link payments get receipts too
    controller.receipt_changed.connect(on_receipt)
    controller.register_problem.connect(banner.set_problem)
    controller.printed.connect(view.show_printed)
    ui = FiscalUi(controller, view, banner)
    till.runtime.extras["fiscal_ui"] = ui
    controller.watch()
    controller.reconcile()
    return ui


def attach_history(history: Any, runtime: Any, tasks: Tasks) -> None:
    """A new history window: the fiscal reprint, and each confirmed refund's return receipt
    sent at once, printed, and shown with its basis (the sale receipt)."""
    attach_reprint(history, runtime, tasks)
    ui = runtime.extras.get("fiscal_ui")
    if isinstance(ui, FiscalUi):
        ReturnFollower(history, ui.controller)


class ReturnFollower(QObject):
    """Says in the history window what became of a refund's return receipt. A child of the
    window, so its connections to the controller end with the window."""

    def __init__(self, history: Any, controller: FiscalController) -> None:
        super().__init__(history)
        self.history = history
        self.controller = controller
        self.refunds: set[int] = set()
        history.refunded.connect(self.refunded)
        controller.return_changed.connect(self.changed)
        controller.return_printed.connect(self.printed)

    def refunded(self, outcome: Any) -> None:
        if not outcome.confirmed:
            return
        self.refunds.add(outcome.record.id)
        self.history.message.setText(self.history.message.text() + " " + translate(
            "Fiscal", "Return receipt being registered…"))
        self.controller.send_return(outcome.record)

    def changed(self, refund_id: int, op: FiscalOp | None) -> None:
        if refund_id in self.refunds:
            self.history.message.setText(return_text(self.controller.service, op))

    def printed(self, refund_id: int, problem: str) -> None:
        if refund_id in self.refunds:
            self.history.message.setText(self.history.message.text() + " " + (
                problem or translate("Fiscal", "Receipt printed.")))


def return_text(service: Any, op: FiscalOp | None) -> str:
    """The return receipt's state; once registered, its number and its basis."""
    if op is None:
        return translate("Fiscal", "No return receipt was queued: this payment has no "
                                   "registered fiscal receipt.")
    result = service.result_of(op)
    if op.state is not FiscalState.DONE or result is None:
        return translate("Fiscal", "Return receipt queued.") + " " + problem_text(op)
    sale = service.sale_result(op.invoice_id)
    text = translate("Fiscal", "Return receipt %1 registered.").replace("%1",
                                                                        result.fiscal_number)
    if sale is None:
        return text
    basis = translate("Fiscal", "Basis: sale receipt %1 of %2, register %3.")
    return text + " " + basis.replace("%1", sale.fiscal_number).replace(
        "%2", sale.date_time).replace("%3", sale.registration_number)


def attach_reprint(history: Any, runtime: Any, tasks: Tasks) -> QPushButton | None:
    """A "print the fiscal receipt again" button in the history's detail (a copy, marked so)."""
    service = runtime.extras.get("fiscal")
    printer = runtime.settings.receipt_printer
    if service is None or not printer:
        return None
    detail = history.detail
    button = QPushButton(translate("Fiscal", "Fiscal receipt again"), detail)
    button.setObjectName("fiscalReprint")
    outer = detail.layout()
    row = outer.itemAt(outer.count() - 1).layout()
    row.insertWidget(1, button)
    paper = runtime.settings.fiscal_paper_mm

    def reprint() -> None:
        payment = detail.payment
        result = None if payment is None else service.sale_result(payment.invoice_id)
        if result is None:
            history.message.setText(translate("Fiscal", "This payment has no registered fiscal "
                                                        "receipt."))
            return

        def work() -> str:
            from pos_app.printing.escpos_print import PrinterError, print_receipt

            try:
                print_receipt(printer, result.print_lines, paper_mm=paper, copy=True)
            except PrinterError as exc:
                return str(exc)
            return translate("Fiscal", "Receipt printed.")

        history.message.setText(translate("Fiscal", "Printing…"))
        tasks.run(work, history.message.setText, lambda _exc: None)

    button.clicked.connect(reprint)
    return button
