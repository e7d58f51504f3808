"""Drives one card payment through the stages and tells the window what to show.

The controller owns the "one payment at a time" rule on the GUI side: while a payment is open,
another Enter, click or shortcut is ignored (the service refuses a second one too).
"""

from __future__ import annotations

import enum
import logging
import threading
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from pos_app.domain.errors import DomainError
from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.epay.errors import EpayError
from pos_app.epay.models import PaymentToken
from pos_app.epay.params import payform_link
from pos_app.runtime import Runtime
from pos_app.services.checkout import Busy
from pos_app.store.errors import StorageError
from pos_app.ui.common.messages import domain_message, epay_message
from pos_app.ui.common.tasks import Tasks

if TYPE_CHECKING:
    from pos_app.ui.checkout.web.checkout_view import CheckoutView

log = logging.getLogger("pos_app.ui.checkout.controller")


class Stage(enum.Enum):
    IDLE = "idle"  # waiting for an amount
    CONNECTING = "connecting"  # journal written, asking ePay for a payment token
    FORM = "form"  # ePay's form is on screen
    CHECKING = "checking"  # asking the status API for the outcome
    RESULT = "result"  # outcome shown; the next amount may be typed


class CheckoutController(QObject):
    stage_changed = Signal(object)  # Stage
    wait = Signal(str, str, bool, bool)  # title, detail, cancellable, only stop waiting
    finished = Signal(object, str)  # Payment, note for the cashier
    problem = Signal(str)  # a message for the entry panel (nothing was started)
    journal_changed = Signal()
    bank_error = Signal(object)  # an EpayError from a real call (the offline banner listens)
    view_needed = Signal()  # the web view is asked for before the warm-up created it
    form_ready = Signal()  # the current payment's card form has loaded: show it

    def __init__(
        self,
        runtime: Runtime,
        tasks: Tasks,
        checkout: CheckoutView | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.rt = runtime
        self.tasks = tasks
        self._view: CheckoutView | None = None
        if checkout is not None:
            self.attach_view(checkout)
        self.stage = Stage.IDLE
        self.payment: Payment | None = None
        self._stop = threading.Event()
        self._cancel_requested = False

    def attach_view(self, checkout: CheckoutView) -> None:
        """Connect the web view; it is created after the window shows (it costs ~150 ms)."""
        self._view = checkout
        checkout.widget_result.connect(self._on_form_result)
        checkout.redirect_returned.connect(self._on_form_result)
        checkout.failed.connect(self._on_form_failed)
        checkout.form_loaded.connect(self._on_form_loaded)

    @property
    def view(self) -> CheckoutView:
        if self._view is None:
            self.view_needed.emit()  # the till creates and attaches it synchronously
        assert self._view is not None, "no checkout view attached"
        return self._view

    @property
    def busy(self) -> bool:
        return self.stage in (Stage.CONNECTING, Stage.FORM, Stage.CHECKING)

    # -- intents from the window ----------------------------------------------------------------

    def pay(self, amount: Decimal, description: str = "", account_id: str = "") -> None:
        if self.busy:
            log.info("pay ignored: a payment is in progress")
            return
        try:
            payment = self.rt.checkout.begin(amount, description, account_id)
        except Busy:
            return
        except DomainError as exc:
            self.problem.emit(domain_message(exc))
            return
        except StorageError:
            log.exception("journal not writable; payment refused before any network call")
            self.problem.emit(epay_message("storage"))
            return
        self.payment = payment
        self._cancel_requested = False
        self._stop = threading.Event()
        invoice = payment.invoice_id
        self.tasks.run(
            lambda: self.rt.checkout.request_token(invoice),
            lambda token: self._on_token(invoice, token),
            lambda exc: self._on_token_failed(invoice, exc),
        )
        if self.rt.settings.checkout_mode != "redirect":
            # ePay's widget script loads while the token is on its way (start_widget later)
            self.view.prepare_widget(invoice, self.rt.hosts.widget_url)
        self._set_stage(Stage.CONNECTING)
        self.wait.emit(self.tr("Connecting to the bank…"), "", True, False)
        self.journal_changed.emit()

    def cancel(self) -> None:
        """Esc or the Cancel button: stop what can be stopped, then let the bank decide."""
        if self.payment is None:
            return
        if self.stage is Stage.CONNECTING:
            self._cancel_requested = True  # settled as soon as the token call returns
            if self._view is not None:
                self._view.discard()  # the host page prepared for the form
            self.wait.emit(self.tr("Cancelling…"), "", False, False)
        elif self.stage is Stage.FORM:
            self.view.discard()
            self._confirm(self.payment.invoice_id, None)
        elif self.stage is Stage.CHECKING:
            self._stop.set()  # the attempt becomes "unknown" and is re-checked later

    # -- steps --------------------------------------------------------------------------------

    def _on_token(self, invoice: str, token: PaymentToken) -> None:
        if self.payment is None or invoice != self.payment.invoice_id:
            return
        if self._cancel_requested:
            self._confirm(invoice, None)
            return
        rt = self.rt
        obj = rt.checkout.payment_object(self.payment, token, rt.credentials.terminal_id)
        try:
            rt.checkout.form_opened(invoice)
        except StorageError:
            # The journal stopped taking writes: never show a card form whose outcome could
            # not be recorded. The attempt stays open in the journal for the reconciler.
            log.exception("journal not writable; the card form is not opened")
            self._storage_failed(invoice)
            return
        if rt.settings.checkout_mode == "redirect":
            link = payform_link(rt.hosts.payform_url, obj, framed=False)
            self.view.open_redirect(
                invoice,
                link,
                [rt.hosts.payform_url],
                rt.checkout.options.back_link,
                rt.checkout.options.failure_back_link,
            )
        else:
            self.view.start_widget(invoice, obj)
        self.wait.emit(self.tr("Opening the card form…"), "", True, False)
        self._set_stage(Stage.FORM)
        self.journal_changed.emit()

    def _on_token_failed(self, invoice: str, exc: BaseException) -> None:
        if self.payment is None or invoice != self.payment.invoice_id:
            return
        if isinstance(exc, StorageError):
            # Token issued but not journaled: the form is never opened, so nothing is charged.
            log.error("journal not writable after the token; the card form is not opened")
            self._storage_failed(invoice)
            return
        code = exc.code if isinstance(exc, EpayError) else "internal"
        if not isinstance(exc, EpayError):
            log.error("token request failed unexpectedly", exc_info=exc)
            if self.rt.journal.get(invoice).status.needs_reconciliation:
                self._confirm(invoice, None, failure="internal error")
                return
        else:
            self.bank_error.emit(exc)
        self._show_result(self.rt.journal.get(invoice), epay_message(code))

    def _on_form_loaded(self, invoice: str) -> None:
        if self.stage is Stage.FORM and self.payment and invoice == self.payment.invoice_id:
            self.form_ready.emit()

    def _on_form_result(self, invoice: str, success: bool) -> None:
        if self.stage is Stage.FORM and self.payment and invoice == self.payment.invoice_id:
            self._confirm(invoice, success)

    def _on_form_failed(self, invoice: str, reason: str) -> None:
        if self.stage is not Stage.FORM or not self.payment or invoice != self.payment.invoice_id:
            return
        self.view.discard()
        # A payment token exists: the customer may have paid before the form failed, so the
        # bank is asked (like a cancel) instead of recording a bare error.
        self._confirm(invoice, None, failure=f"form: {reason}"[:200])

    def _confirm(self, invoice: str, hint: bool | None, *, failure: str = "") -> None:
        self._set_stage(Stage.CHECKING)
        self.wait.emit(
            self.tr("Checking with the bank…"),
            self.tr("This usually takes a few seconds."),
            True,
            True,
        )
        stop = self._stop
        checkout = self.rt.checkout

        def on_poll(_n: int) -> None:  # runs on the worker: the queued signal refreshes the strip
            self.journal_changed.emit()

        def work() -> Payment:
            if failure:
                return checkout.fail(invoice, failure, stop=stop, on_poll=on_poll)
            return checkout.confirm(invoice, hint=hint, stop=stop, on_poll=on_poll)

        self.tasks.run(
            work,
            lambda payment: self._show_result(payment, self._failure_note(payment, failure)),
            lambda exc: self._on_confirm_failed(invoice, exc),
        )

    def _failure_note(self, payment: Payment, failure: str) -> str:
        """After a failed form, say so unless the bank reports the payment made."""
        if failure and payment.status is not PaymentStatus.PAID:
            return epay_message("form" if failure.startswith("form") else "internal")
        return ""

    def _on_confirm_failed(self, invoice: str, exc: BaseException) -> None:
        log.error("confirmation failed unexpectedly", exc_info=exc)
        if isinstance(exc, StorageError):  # the open attempt is settled at the next start
            self._storage_failed(invoice)
            return
        self.rt.checkout.release(invoice)
        self._show_result(self.rt.journal.get(invoice), self.tr("The result will be re-checked."))

    def _storage_failed(self, invoice: str) -> None:
        """The journal cannot be written mid-payment: stop here, say so, keep the attempt open."""
        self.rt.checkout.release(invoice)
        self._show_result(self.rt.journal.get(invoice), epay_message("storage"))

    def _show_result(self, payment: Payment, note: str) -> None:
        self.payment = None
        self.view.discard()
        self._set_stage(Stage.RESULT)
        self.finished.emit(payment, note)
        self.journal_changed.emit()

    def _set_stage(self, stage: Stage) -> None:
        self.stage = stage
        self.stage_changed.emit(stage)
