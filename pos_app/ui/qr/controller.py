"""Drives one QR payment: journal, link, status polling, countdown; tells the screens what to show.

Every network call runs through :class:`~pos_app.ui.common.tasks.Tasks`. The cashier's panel and the
customer display listen to the same signals, so they always agree.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QWidget

from pos_app.domain.errors import DomainError
from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.epay.errors import EpayError
from pos_app.services.checkout import Busy
from pos_app.services.qr_payment import (
    ContactError,
    Interrupt,
    QrLink,
    QrOptions,
    QrPaymentService,
    QrState,
)
from pos_app.store.errors import StorageError
from pos_app.ui.common.messages import domain_message, epay_message
from pos_app.ui.common.tasks import Tasks

if TYPE_CHECKING:
    from pos_app.runtime import Runtime
    from pos_app.ui.checkout.activity import ProgressPanel
    from pos_app.ui.checkout.entry import EntryPanel
    from pos_app.ui.checkout.result import ResultPanel
    from pos_app.ui.qr.panel import QrPanel

log = logging.getLogger("pos_app.ui.qr.controller")


class QrStage(enum.Enum):
    IDLE = "idle"
    CONNECTING = "connecting"  # journal written, asking ePay for the link
    SHOWING = "showing"  # the QR is on screen; the status API is polled
    CLOSING = "closing"  # cancel or a new link asked for; one last status check
    RESULT = "result"


@dataclass(frozen=True, slots=True)
class _Order:
    amount: Decimal
    description: str
    account_id: str


class QrController(QObject):
    stage_changed = Signal(object)  # QrStage
    wait = Signal(str, str, bool)  # title, detail, cancellable
    link_ready = Signal(object, bool)  # QrLink, whether it can be sent by SMS/e-mail
    polled = Signal(object)  # QrState
    tick = Signal(float)  # seconds left
    finished = Signal(object, str)  # Payment, note for the cashier
    problem = Signal(str)  # nothing was started
    journal_changed = Signal()
    bank_error = Signal(object)  # an EpayError from a real call (the offline banner listens)
    _worker_polled = Signal(str, object)  # invoice, QrState (emitted on a worker thread)

    def __init__(self, service: QrPaymentService, tasks: Tasks,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.tasks = tasks
        self.stage = QrStage.IDLE
        self.payment: Payment | None = None
        self.link: QrLink | None = None
        self._order: _Order | None = None
        self._interrupt = Interrupt()
        self._cancel_requested = False
        self._resend: tuple[str, str] | None = None
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._on_tick)
        self._worker_polled.connect(self._on_polled, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self.stage in (QrStage.CONNECTING, QrStage.SHOWING, QrStage.CLOSING)

    # -- intents ------------------------------------------------------------------------------

    def start(self, amount: Decimal, description: str = "", account_id: str = "",
              phone: str = "", email: str = "") -> None:
        """Journal the attempt, then ask for the link in the background."""
        if self.busy:
            log.info("QR ignored: a payment is in progress")
            return
        try:
            payment = self.service.begin(amount, description, account_id)
        except Busy:
            self.problem.emit(epay_message("busy"))
            return
        except DomainError as exc:
            self.problem.emit(domain_message(exc))
            return
        except StorageError:
            log.exception("journal not writable; QR payment refused before any network call")
            self.problem.emit(epay_message("storage"))
            return
        self.payment = payment
        self.link = None
        self._order = _Order(amount, description, account_id)
        self._cancel_requested = False
        self._resend = None
        self._interrupt = Interrupt()
        self._set_stage(QrStage.CONNECTING)
        self.wait.emit(self.tr("Creating the payment link…"), "", True)
        self.journal_changed.emit()
        invoice = payment.invoice_id
        self.tasks.run(
            lambda: self.service.create_link(invoice, phone=phone, email=email),
            lambda link: self._on_link(invoice, link),
            lambda exc: self._on_link_failed(invoice, exc),
        )

    def cancel(self) -> None:
        """Esc or Cancel: one last status check, then ``cancelled`` if ePay has nothing."""
        if self.payment is None or not self.busy:
            return
        self._cancel_requested = True
        self._resend = None
        if self.stage is QrStage.SHOWING:
            self._closing(self.tr("Cancelling…"))
        elif self.stage is QrStage.CONNECTING:
            self.wait.emit(self.tr("Cancelling…"), "", False)

    def send(self, phone: str, email: str) -> None:
        """A new link that ePay sends to ``phone``/``email``, replacing the one on screen.

        The current attempt is settled first (one last status check): if the customer already
        paid, that stands; only if ePay has nothing does a new attempt with the same amount
        start. The invoice-link API cannot send an existing link (reference §7.1).
        """
        if self.stage is not QrStage.SHOWING or not self.service.can_send:
            return
        self._resend = (phone, email)
        self._closing(self.tr("Making a new link for the customer…"))

    def shutdown(self) -> None:
        """The till is closing: stop polling; an open attempt is left for the reconciler."""
        self._countdown.stop()
        self._interrupt.stop()

    # -- steps --------------------------------------------------------------------------------

    def _closing(self, title: str) -> None:
        self._set_stage(QrStage.CLOSING)
        self.wait.emit(title, self.tr("Asking the bank once more…"), False)
        self._interrupt.cancel()

    def _on_link(self, invoice: str, link: QrLink) -> None:
        if self.payment is None or invoice != self.payment.invoice_id:
            return
        self.link = link
        self.journal_changed.emit()
        if self._cancel_requested:
            self._interrupt.cancel()
            self._set_stage(QrStage.CLOSING)
        else:
            self.link_ready.emit(link, self.service.can_send)
            self._set_stage(QrStage.SHOWING)
            self.tick.emit(self.service.seconds_left(link))
            self._countdown.start()
        interrupt = self._interrupt
        self.tasks.run(
            lambda: self.service.watch(link, interrupt,
                                       lambda state: self._worker_polled.emit(invoice, state)),
            lambda payment: self._on_settled(invoice, payment),
            lambda exc: self._on_watch_failed(invoice, exc),
        )

    def _on_link_failed(self, invoice: str, exc: BaseException) -> None:
        if self.payment is None or invoice != self.payment.invoice_id:
            return
        if isinstance(exc, EpayError):
            note = epay_message(exc.code)
            self.bank_error.emit(exc)
        elif isinstance(exc, ContactError):
            note = self.tr("The link could not be sent: check the phone or e-mail.")
        elif isinstance(exc, StorageError):  # the attempt stays open for the next start
            log.error("journal not writable; the QR is not shown", exc_info=exc)
            self.service.checkout.release(invoice)
            note = epay_message("storage")
        else:
            log.error("payment link failed unexpectedly", exc_info=exc)
            note = epay_message("internal")
        self._show_result(self.service.journal.get(invoice), note)

    def _on_polled(self, invoice: str, state: QrState) -> None:
        if self.stage is QrStage.SHOWING and self.payment and invoice == self.payment.invoice_id:
            self.polled.emit(state)

    def _on_tick(self) -> None:
        if self.link is not None and self.stage is QrStage.SHOWING:
            self.tick.emit(self.service.seconds_left(self.link))

    def _on_settled(self, invoice: str, payment: Payment) -> None:
        if self.payment is None or invoice != self.payment.invoice_id:
            return
        resend, order = self._resend, self._order
        if resend is not None and order is not None and payment.status is PaymentStatus.CANCELLED:
            self.payment = None
            self._set_stage(QrStage.IDLE)
            self.journal_changed.emit()
            self.start(order.amount, order.description, order.account_id, *resend)
            return
        note = ""
        if payment.status is PaymentStatus.UNKNOWN:
            note = self.tr("The bank could not confirm the result yet; it will be re-checked.")
        self._show_result(payment, note)

    def _on_watch_failed(self, invoice: str, exc: BaseException) -> None:
        log.error("QR status checking failed unexpectedly", exc_info=exc)
        self.service.checkout.release(invoice)
        note = (epay_message("storage") if isinstance(exc, StorageError)  # settled at next start
                else self.tr("The result will be re-checked."))  # fmt: skip
        self._show_result(self.service.journal.get(invoice), note)

    def _show_result(self, payment: Payment, note: str) -> None:
        self._countdown.stop()
        self.payment = None
        self.link = None
        self._set_stage(QrStage.RESULT)
        self.finished.emit(payment, note)
        self.journal_changed.emit()

    def _set_stage(self, stage: QrStage) -> None:
        self.stage = stage
        self.stage_changed.emit(stage)


class QrPages(Protocol):
    """What :func:`wire_qr` uses of the stage (:class:`pos_app.ui.stage.ActivityPanel`)."""

    @property
    def qr_created(self) -> SignalInstance: ...
    @property
    def progress(self) -> ProgressPanel: ...
    @property
    def qr(self) -> QrPanel: ...
    @property
    def result(self) -> ResultPanel: ...
    def setCurrentWidget(self, w: QWidget, /) -> None: ...
    def show_qr_link(self, link: QrLink, can_send: bool) -> None: ...
    def show_qr_state(self, state: QrState) -> None: ...
    def set_qr_remaining(self, seconds: float) -> None: ...


class QrHost(Protocol):
    """What :func:`wire_qr` uses of the main window, which imports this module (not the other
    way round)."""

    @property
    def entry(self) -> EntryPanel: ...
    @property
    def activity(self) -> QrPages: ...
    def refresh_recent(self) -> None: ...


def wire_qr(window: QrHost, qr: QrController) -> None:
    """Connect the QR flow to the main window's QR page and progress panel.

    F2 and the QR button reach :meth:`QrController.start` through the window (it keeps an F2
    pressed before the controllers were attached).
    """
    entry, activity = window.entry, window.activity

    def on_page(page: QrPanel) -> None:  # the QR page exists from its first use on
        page.cancel_clicked.connect(qr.cancel)
        page.send_requested.connect(qr.send)

    activity.qr_created.connect(on_page)
    activity.progress.cancel_clicked.connect(qr.cancel)

    def on_stage(stage: QrStage) -> None:
        entry.setEnabled(stage not in (QrStage.CONNECTING, QrStage.SHOWING, QrStage.CLOSING))
        if stage in (QrStage.CONNECTING, QrStage.CLOSING):
            activity.setCurrentWidget(activity.progress)
        elif stage is QrStage.SHOWING:
            activity.setCurrentWidget(activity.qr)
            activity.qr.cancel.setFocus()

    def on_finished(payment: Payment, note: str) -> None:
        activity.qr.reset()
        activity.result.show_payment(payment, note)
        activity.setCurrentWidget(activity.result)
        entry.reset()

    qr.stage_changed.connect(on_stage)
    qr.wait.connect(activity.progress.show_wait)
    qr.link_ready.connect(activity.show_qr_link)
    qr.polled.connect(activity.show_qr_state)
    qr.tick.connect(activity.set_qr_remaining)
    qr.finished.connect(on_finished)
    qr.problem.connect(lambda text: entry.show_error(text, entry.amount))
    qr.journal_changed.connect(window.refresh_recent)


def qr_service_for(runtime: Runtime) -> QrPaymentService:
    """The QR service of a till: invoice links when the merchant has a shop id."""
    return QrPaymentService(
        runtime.checkout,
        payform_url=runtime.hosts.payform_url,
        terminal_id=runtime.credentials.terminal_id,
        shop_id=runtime.credentials.shop_id,
        options=QrOptions(expiry=runtime.settings.qr_expiry_minutes * 60.0),
    )
