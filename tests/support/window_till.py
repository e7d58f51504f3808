"""The real till, window and all, serving scripted customers: the process tests/crash kills.

``python -m tests.support.window_till SEED`` runs the app's own entry point
(``pos_app.cli.main(["--env", "test"])``, with ``POS_APP_HOME`` and the ``POS_APP_EPAY_*``
variables pointing at the test's emulator): its staged start-up, its window (offscreen is
fine), its web view and its own start-up reconciliation. Once that reconciliation is done, a
driver inside the process works the window like a cashier — it types the customer's
description and amount and presses Enter (or Esc to abandon), and fills the bank's card form in
the real payform frame like the customer — for the customers after the last one in the
journal. Refunds go through the till's own :class:`RefundService`. With
``WINDOW_TILL_HANDSHAKE=1`` it waits for a line on stdin after the start-up reconciliation, so
the parent can check the journal before the next customer comes.

Nothing is re-implemented: the driver only types and clicks, and prints a marker line
``@ <step> <customer> <invoice>`` at each step (from thin wrappers around the services the
window calls), so the parent can SIGKILL the process at a chosen step.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from tests.support.crash_driver import APPROVE, CUSTOMER, DECLINE, behaviour, customer_of

STEPS = ("reconcile", "reconciled", "pre_begin", "begin", "token", "form", "customer", "poll",
         "confirmed", "settled", "refund_intent", "refund_sent", "refund_done",
         # fiscal receipts (when the till has them switched on): queued, each journal move,
         # the request out and its reply, and the end of each fiscal reconciliation
         "fiscal_prepared", "fiscal_sent", "fiscal_sending", "fiscal_replied", "fiscal_done",
         "fiscal_unknown", "fiscal_failed", "fiscal_reconcile", "fiscal_reconciled")
TIMEOUT = 60.0
_state: dict[str, Any] = {"customer": -1, "invoice": "-"}
_reconciled = threading.Event()


_out = threading.Lock()  # markers come from the GUI thread and the task pool


def mark(step: str) -> None:
    with _out:  # one whole line at a time (print writes the text and the newline apart)
        sys.stdout.write(f"@ {step} {_state['customer']} {_state['invoice']}\n")
        sys.stdout.flush()


def _after(cls: type, name: str, step: str, invoice: Callable[[Any], str] | None = None) -> None:
    """Print ``step`` after ``cls.name`` returns (the step is journaled by then)."""
    original = getattr(cls, name)

    def wrapped(self: object, *args: Any, **kwargs: Any) -> Any:
        result = original(self, *args, **kwargs)
        if invoice is not None:
            _state["invoice"] = invoice(result)
        mark(step)
        return result

    setattr(cls, name, wrapped)


def instrument() -> None:
    from pos_app.epay.client import EpayClient
    from pos_app.services.checkout import CheckoutService
    from pos_app.services.reconcile import Reconciler

    run = Reconciler.run

    def reconcile(self: Reconciler, *args: Any, **kwargs: Any) -> Any:
        mark("reconcile")
        report = run(self, *args, **kwargs)
        if kwargs.get("only") is not None:  # the start-up reconciliation (Till.reconcile)
            mark("reconciled")
            _reconciled.set()
        return report

    Reconciler.run = reconcile  # type: ignore[method-assign]
    _after(CheckoutService, "begin", "begin", lambda payment: payment.invoice_id)
    _after(CheckoutService, "request_token", "token")
    _after(CheckoutService, "form_opened", "form")
    _after(CheckoutService, "confirm", "confirmed")  # journaled paid (or not); no receipt yet
    status = EpayClient.transaction_status

    def polled(self: EpayClient, invoice_id: str) -> Any:
        if invoice_id == _state["invoice"]:
            mark("poll")
        return status(self, invoice_id)

    EpayClient.transaction_status = polled  # type: ignore[method-assign]
    instrument_fiscal()


def instrument_fiscal() -> None:
    from pos_app.fiscal.webkassa.adapter import WebkassaAdapter
    from pos_app.services.fiscal import FiscalService
    from pos_app.store.fiscal_ops import FiscalLog

    _after(FiscalService, "enqueue_sale", "fiscal_prepared")
    move, send, reconcile = FiscalLog.move, WebkassaAdapter.send, FiscalService.reconcile

    def reconciling(self: FiscalService) -> Any:
        mark("fiscal_reconcile")
        report = reconcile(self)
        mark("fiscal_reconciled")
        return report

    def moved(self: FiscalLog, op_id: int, state: Any, *args: Any, **kwargs: Any) -> Any:
        op = move(self, op_id, state, *args, **kwargs)
        mark(f"fiscal_{state.value}")  # committed
        return op

    def sending(self: WebkassaAdapter, request: Any) -> Any:
        mark("fiscal_sending")
        result = send(self, request)
        mark("fiscal_replied")  # the register answered; the journal does not know it yet
        return result

    FiscalService.reconcile = reconciling  # type: ignore[method-assign]
    FiscalLog.move = moved  # type: ignore[method-assign]
    WebkassaAdapter.send = sending  # type: ignore[method-assign]


class Driver:
    def __init__(self, startup: Any, seed: int) -> None:
        sys.path.insert(0, str(_scripts()))
        import tilldrive

        self.t = tilldrive
        self.startup = startup
        self.seed = seed

    def run(self) -> None:
        from PySide6.QtWidgets import QApplication

        t = self.t
        t.wait_until(lambda: self.startup.till is not None and self.startup.till.checkout
                     is not None, TIMEOUT, what="the till and its web view")
        t.wait_until(_reconciled.is_set, TIMEOUT, what="the start-up reconciliation")
        if os.environ.get("WINDOW_TILL_HANDSHAKE"):  # the parent checks the journal first
            go = threading.Event()
            threading.Thread(target=lambda: (sys.stdin.readline(), go.set()), daemon=True).start()
            t.wait_until(go.is_set, TIMEOUT, what="the parent's go")
        till = self.startup.till
        served = [c for p in till.runtime.journal.iter_payments()
                  if (c := customer_of(p)) is not None]
        for customer in range(max(served, default=-1) + 1, 10_000):
            self.serve(till, customer)
        QApplication.quit()

    def serve(self, till: Any, customer: int) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from pos_app.domain.payment import PaymentStatus
        from pos_app.ui.checkout.controller import Stage

        t = self.t
        action, amount = behaviour(self.seed, customer)
        _state.update(customer=customer, invoice="-")
        t.wait_until(lambda: till.controller.stage in (Stage.IDLE, Stage.RESULT) and
                     till.window.entry.isEnabled(), TIMEOUT, what="an idle till")
        entry = till.window.entry
        entry.description.setText(f"{CUSTOMER}{customer}")
        entry.amount.clear()
        mark("pre_begin")
        t.type_amount(till, f"{amount:f}".replace(".", ","))
        t.press_enter(till)
        frame = t.wait_pan(till, TIMEOUT)
        if action == "abandon":
            QTest.keyClick(till.window, Qt.Key.Key_Escape)
        else:
            card = DECLINE if action == "decline" else APPROVE
            t.submit_card(frame, *card)
            mark("customer")
        t.wait_result(till, TIMEOUT)
        payment = till.runtime.journal.get(_state["invoice"])
        mark("settled")
        if action == "pay_refund" and payment.status is PaymentStatus.PAID:
            self.refund(till, payment)

    def refund(self, till: Any, payment: Any) -> None:
        from pos_app.services.refunds import RefundService

        client = till.runtime.client
        send = client.refund

        def marked(transaction_id: str, value: Decimal | None, external_id: str) -> None:
            mark("refund_intent")  # the refund log holds it: pending
            send(transaction_id, value, external_id)
            mark("refund_sent")  # the bank refunded; the journal not yet

        client.refund = marked
        try:
            RefundService(till.runtime.journal, client).refund(
                payment.invoice_id, payment.amount, "customer returned it")
        finally:
            client.refund = send
        mark("refund_done")


def _scripts() -> Any:
    from pathlib import Path

    return Path(__file__).resolve().parents[2] / "scripts"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    seed = int(args[0])
    instrument()
    from PySide6.QtCore import QTimer

    from pos_app.cli import main as pos_app_main
    from pos_app.ui import startup as startup_module

    show = startup_module.Startup.show

    def show_and_drive(self: Any) -> None:
        show(self)
        QTimer.singleShot(0, Driver(self, seed).run)

    startup_module.Startup.show = show_and_drive  # type: ignore[method-assign]
    return pos_app_main(["--env", "test"])


if __name__ == "__main__":
    sys.exit(main())
