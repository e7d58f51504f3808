"""Pay by QR on the customer's phone: journal first, a payment link, then the status API.

The link is ePay's invoice link (reference §7.1) when this merchant has a shop id, otherwise
the payform link ``halyk.pay`` builds (§7.3, with a payment token of ours). Either way the
status API decides; the result is journaled exactly like a card payment, with ``method=qr``.
Methods that talk to the network block; the UI runs them on its background executor.
"""

from __future__ import annotations

import enum
import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from pos_app.domain.payment import Payment, PaymentMethod, PaymentStatus
from pos_app.epay.errors import EpayError
from pos_app.epay.models import InvoiceLinkRequest, StatusOutcome
from pos_app.epay.params import payform_link
from pos_app.services.checkout import EPAY_LANGUAGES, CheckoutOptions, CheckoutService
from pos_app.services.settle import check_once
from pos_app.store.journal import Journal, StorageError

if TYPE_CHECKING:
    from pos_app.epay.client import EpayClient

log = logging.getLogger("pos_app.services.qr_payment")

_PHONE_SEPARATORS = re.compile(r"[\s()-]")
_PHONE = re.compile(r"\+7[0-9]{10}")
_EMAIL = re.compile(r"[^@\s]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


class ContactError(ValueError):
    """A phone or e-mail the link cannot be sent to; ``code`` is ``phone`` or ``email``."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def normalise_phone(text: str) -> str:
    """``"+7 701 123-45-67"`` → ``"+77011234567"``; ``""`` stays ``""``.

    Anything else raises :class:`ContactError`."""
    phone = _PHONE_SEPARATORS.sub("", text.strip())
    if phone and not _PHONE.fullmatch(phone):
        raise ContactError("A phone number is +7 and 10 digits.", "phone")
    return phone


def normalise_email(text: str) -> str:
    """A plausible e-mail address (trimmed), ``""`` for none; else :class:`ContactError`."""
    email = text.strip()
    if email and (len(email) > 254 or not _EMAIL.fullmatch(email)):
        raise ContactError("This is not an e-mail address.", "email")
    return email


class LinkKind(enum.StrEnum):
    INVOICE_LINK = "invoice_link"  # ePay's invoice-link API; it expires by itself
    PAYFORM = "payform"  # self-built halyk.pay link carrying our payment token


class QrState(enum.StrEnum):
    WAITING = "waiting"  # the customer has not paid yet (or ePay has nothing)
    IN_PROGRESS = "in_progress"  # ePay reports the payment under way
    NO_ANSWER = "no_answer"  # the status API failed; still polling


class Interruption(enum.Enum):
    CANCEL = "cancel"  # the cashier gave up: settle after one last check
    STOP = "stop"  # the till is closing: leave it for the reconciler


class Interrupt:
    """Wakes a :meth:`QrPaymentService.watch` loop from another thread; the first reason wins."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self.reason: Interruption | None = None

    def cancel(self) -> None:
        self._set(Interruption.CANCEL)

    def stop(self) -> None:
        self._set(Interruption.STOP)

    def _set(self, reason: Interruption) -> None:
        if self.reason is None:
            self.reason = reason
        self._event.set()

    def wait(self, seconds: float) -> bool:
        return self._event.wait(seconds)


@dataclass(frozen=True, slots=True)
class QrOptions:
    poll_interval: float = 2.5  # seconds between status checks
    expiry: float = 20 * 60.0  # seconds the till shows the link before it counts as expired
    use_invoice_links: bool = True  # when a shop id is configured
    expire_period: str = "1d"  # the invoice link's own lifetime at ePay (days only)


@dataclass(frozen=True, slots=True)
class QrLink:
    """What the QR shows. ``expires_at`` is on the service's clock."""

    invoice_id: str
    url: str
    kind: LinkKind
    amount: Decimal
    expires_at: float
    sent_to: str = ""


class QrPaymentService:
    """QR payments on one till; shares the card checkout's one-payment-at-a-time rule."""

    def __init__(
        self,
        checkout: CheckoutService,
        *,
        payform_url: str,
        terminal_id: str,
        shop_id: str = "",
        options: QrOptions | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.checkout = checkout
        self.payform_url = payform_url
        self.terminal_id = terminal_id
        self.shop_id = shop_id
        self.options = options or QrOptions()
        self._clock = clock

    @property
    def journal(self) -> Journal:
        return self.checkout.journal

    @property
    def client(self) -> EpayClient:
        return self.checkout.client

    @property
    def kind(self) -> LinkKind:
        """Which link a new payment gets."""
        if self.options.use_invoice_links and self.shop_id:
            return LinkKind.INVOICE_LINK
        return LinkKind.PAYFORM

    @property
    def can_send(self) -> bool:
        """Only the invoice-link API can send the link by SMS or e-mail."""
        return self.kind is LinkKind.INVOICE_LINK

    def seconds_left(self, link: QrLink) -> float:
        return max(0.0, link.expires_at - self._clock())

    # -- the steps, in order ------------------------------------------------------------------

    def begin(self, amount: Decimal, description: str = "", account_id: str = "") -> Payment:
        """Journal a ``new`` attempt, ``method=qr``; raises like :meth:`CheckoutService.begin`."""
        return self.checkout.begin(amount, description, account_id, method=PaymentMethod.QR)

    def create_link(self, invoice_id: str, *, phone: str = "", email: str = "") -> QrLink:
        """Get the payment link (network); ``error`` in the journal and re-raised on failure.

        ``phone`` and ``email`` (already normalised) make ePay send the link; they need the
        invoice-link API (:class:`ContactError` otherwise, journaled as ``error``).
        """
        payment = self.journal.get(invoice_id)
        try:
            if (phone or email) and not self.can_send:
                raise ContactError("Sending the link needs invoice-link access.", "send")
            if self.kind is LinkKind.INVOICE_LINK:
                url = self._invoice_link(payment, phone, email)
                note = "QR shown: invoice link"
            else:
                url = self._payform_link(payment)
                note = "QR shown: payform link"
        except BaseException as exc:
            reason = exc.code if isinstance(exc, EpayError | ContactError) else "internal error"
            # An invoice link whose creation timed out may exist at ePay (and its SMS may be on
            # the customer's phone): then the bank is asked, like after a payment token.
            unknown = isinstance(exc, EpayError) and exc.outcome_unknown
            try:
                if self.journal.get(invoice_id).status.needs_reconciliation:
                    self.checkout.fail(invoice_id, reason, reached_bank=unknown)
            finally:
                # also when the journal fails inside ``fail``: the attempt stays open in the
                # journal for the next start, and the till takes the next payment
                self.checkout.release(invoice_id)
            raise
        sent_to = phone or email
        try:
            self.journal.transition(
                invoice_id, PaymentStatus.WIDGET_OPEN,
                note=note + (" (sent to the customer)" if sent_to else ""),
            )
        except StorageError:
            # The link exists (an SMS may be on its way) but the journal cannot say so: the QR
            # is not shown, the till is freed, and the attempt, still open in the journal, is
            # settled from the bank at the next start (the customer may pay from the SMS).
            self.checkout.release(invoice_id)
            raise
        return QrLink(invoice_id, url, self.kind, payment.amount,
                      self._clock() + self.options.expiry, sent_to)

    def _invoice_link(self, payment: Payment, phone: str, email: str) -> str:
        o = self.checkout.options
        defaults = CheckoutOptions()
        request = InvoiceLinkRequest(
            invoice_id=payment.invoice_id,
            amount=payment.amount,
            account_id=payment.account_id,
            description=payment.description,
            language=EPAY_LANGUAGES.get(o.language, "rus"),
            expire_period=self.options.expire_period,
            recipient_contact=email,
            recipient_contact_sms=phone,
            post_link=o.post_link,
            failure_post_link=o.failure_post_link,
            # The sentinel return pages mean "none configured": a phone must not be sent there.
            back_link="" if o.back_link == defaults.back_link else o.back_link,
            failure_back_link=""
            if o.failure_back_link == defaults.failure_back_link
            else o.failure_back_link,
        )
        return self.client.create_invoice_link(request).invoice_url

    def _payform_link(self, payment: Payment) -> str:
        token = self.checkout.request_token(payment.invoice_id)  # journals token_issued / error
        obj = self.checkout.payment_object(payment, token, self.terminal_id)
        return payform_link(self.payform_url, obj, framed=False)

    def watch(
        self,
        link: QrLink,
        interrupt: Interrupt,
        on_poll: Callable[[QrState], None] | None = None,
    ) -> Payment:
        """Ask the status API every ``poll_interval`` until the payment is final.

        Ends ``paid``/``declined`` (what ePay says), ``expired`` when the link's time runs out
        and ePay has nothing, ``cancelled`` after :meth:`Interrupt.cancel` when a last check
        finds nothing, and ``unknown`` (re-checked by the reconciler) when ePay could not be
        asked at that moment or after :meth:`Interrupt.stop` (the till is closing). A failing
        status API never ends the wait by itself. The one-payment rule is released on return.
        """
        invoice = link.invoice_id
        try:
            while True:
                asked_after_cancel = interrupt.reason is Interruption.CANCEL
                settled, outcome = check_once(self.journal, self.client, self.journal.get(invoice))
                if settled is not None:
                    return settled
                if interrupt.reason is Interruption.CANCEL and not asked_after_cancel:
                    continue  # that answer predates the cancel: ask once more, now
                if interrupt.reason is Interruption.CANCEL:
                    return self._close(invoice, outcome, PaymentStatus.CANCELLED,
                                       "cancelled by cashier; the bank has no payment")
                if interrupt.reason is Interruption.STOP:
                    return self.journal.transition(
                        invoice, PaymentStatus.UNKNOWN, note="checking interrupted; will re-check"
                    )
                if self._clock() >= link.expires_at:
                    return self._close(invoice, outcome, PaymentStatus.EXPIRED,
                                       "link expired unpaid")
                if on_poll is not None:
                    on_poll(_state(outcome))
                interrupt.wait(min(self.options.poll_interval, self.seconds_left(link)))
        finally:
            self.checkout.release(invoice)

    def _close(self, invoice: str, outcome: StatusOutcome | None, status: PaymentStatus,
               note: str) -> Payment:
        """Settle after the last answer: ``status`` only if ePay has nothing, else ``unknown``."""
        if outcome is StatusOutcome.NOT_FOUND:
            return self.journal.transition(invoice, status, note=note)
        why = "the bank could not be asked" if outcome is None else f"bank: {outcome.value}"
        return self.journal.transition(
            invoice, PaymentStatus.UNKNOWN, note=f"{status.value} wanted but {why}; will re-check"
        )


def _state(outcome: StatusOutcome | None) -> QrState:
    if outcome is None:
        return QrState.NO_ANSWER
    if outcome is StatusOutcome.IN_PROGRESS:
        return QrState.IN_PROGRESS
    return QrState.WAITING
