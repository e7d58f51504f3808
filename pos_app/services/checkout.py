"""The card checkout as a use case: journal first, token, form, status API, journal.

Every step writes the journal before and after talking to the bank, so a crash at any point
leaves an attempt the :class:`~pos_app.services.reconcile.Reconciler` can settle. Methods that
talk to the network block; the UI runs them on its background executor, never on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from pos_app.domain.money import CURRENCY, check_amount
from pos_app.domain.payment import Payment, PaymentMethod, PaymentStatus
from pos_app.domain.text import check_account_id, check_description
from pos_app.epay.errors import EpayError
from pos_app.epay.models import PaymentToken, StatusOutcome
from pos_app.services.settle import check_once
from pos_app.store.journal import Journal

if TYPE_CHECKING:
    from pos_app.epay.client import EpayClient

log = logging.getLogger("pos_app.services.checkout")

EPAY_LANGUAGES = {"ru": "rus", "kk": "kaz", "en": "eng"}


class Busy(Exception):
    """A payment is already in progress on this till."""


@dataclass(frozen=True, slots=True)
class CheckoutOptions:
    """What the shop configured for the payment object; links are sentinels by default."""

    language: str = "ru"
    back_link: str = "https://pos.invalid/epay/ok"
    failure_back_link: str = "https://pos.invalid/epay/fail"
    post_link: str = ""
    failure_post_link: str = ""
    max_amount: Decimal = Decimal("10000000")
    invoice_prefix: str = ""
    poll_interval: float = 2.0
    poll_deadline: float = 120.0


class CheckoutService:
    """One till's checkout. Thread-safe; allows one open payment at a time."""

    def __init__(
        self,
        journal: Journal,
        client: EpayClient,
        options: CheckoutOptions | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.journal = journal
        self.client = client
        self.options = options or CheckoutOptions()
        self._clock = clock
        self._lock = threading.Lock()
        self._current: str | None = None

    # -- the steps, in order ------------------------------------------------------------------

    def begin(
        self,
        amount: Decimal,
        description: str = "",
        account_id: str = "",
        method: PaymentMethod = PaymentMethod.CARD,
    ) -> Payment:
        """Validate and journal a new attempt (status ``new``) before any network call.

        Raises :class:`Busy` while another payment is open, a domain error for bad input and
        ``StorageError`` when the journal cannot be written (so no money is ever taken that
        could not be recorded).
        """
        amount = check_amount(amount, self.options.max_amount)
        description = check_description(description)
        account_id = check_account_id(account_id)
        with self._lock:
            if self._current is not None:
                raise Busy("A payment is already in progress.")
            self.journal.check_writable()
            payment = self.journal.create_attempt(
                amount, method=method, description=description, account_id=account_id
            )
            self._current = payment.invoice_id
        log.info("attempt %s created, %s %s", payment.invoice_id, amount, CURRENCY)
        return payment

    def request_token(self, invoice_id: str) -> PaymentToken:
        """Get the payment token bound to this invoice; ``error`` in the journal on failure."""
        payment = self.journal.get(invoice_id)
        try:
            token = self.client.payment_token(
                invoice_id,
                payment.amount,
                post_link=self.options.post_link,
                failure_post_link=self.options.failure_post_link,
                secret_hash=_secret_hash() if self.options.post_link else None,
            )
        except EpayError as exc:
            self.fail(invoice_id, exc.code)
            raise
        self.journal.transition(invoice_id, PaymentStatus.TOKEN_ISSUED, note="payment token issued")
        return token

    def payment_object(
        self, payment: Payment, token: PaymentToken, terminal: str
    ) -> dict[str, object]:
        """The widget's ``paymentObject`` with the whole token JSON as ``auth``.

        ``amount`` travels as a string (``"1500.5"``); the host page turns it into a JavaScript
        number, so no float ever exists on the Python side.
        """
        obj: dict[str, object] = {
            "invoiceId": payment.invoice_id,
            "backLink": self.options.back_link,
            "failureBackLink": self.options.failure_back_link,
            "postLink": self.options.post_link,
            "failurePostLink": self.options.failure_post_link,
            "language": EPAY_LANGUAGES.get(self.options.language, "rus"),
            "description": payment.description,
            "accountId": payment.account_id,
            "terminal": terminal,
            "amount": _js_number(payment.amount),
            "currency": payment.currency,
        }
        obj["auth"] = token.raw
        return obj

    def form_opened(self, invoice_id: str) -> None:
        self.journal.transition(invoice_id, PaymentStatus.WIDGET_OPEN, note="card form shown")

    def confirm(
        self,
        invoice_id: str,
        *,
        hint: bool | None,
        stop: threading.Event | None = None,
        on_poll: Callable[[int], None] | None = None,
    ) -> Payment:
        """Ask the status API until the payment is final or the deadline passes (→ ``unknown``).

        ``hint`` is what the form said (``True`` paid, ``False`` not paid, ``None`` the cashier
        cancelled). With ``hint`` not ``True``, "no such transaction" settles as ``cancelled``
        after the second answer; with ``True`` it is polled until the deadline.
        """
        stop = stop or threading.Event()
        payment = self.journal.transition(
            invoice_id, PaymentStatus.CHECKING, note=f"form result: {_hint_text(hint)}"
        )
        deadline = self._clock() + self.options.poll_deadline
        not_found = 0
        polls = 0
        try:
            while True:
                polls += 1
                if on_poll:
                    on_poll(polls)
                settled, outcome = self._poll_once(payment)
                if settled is not None:
                    return settled
                if outcome is StatusOutcome.NOT_FOUND:
                    not_found += 1
                    if hint is not True and not_found >= 2:
                        return self.journal.transition(
                            invoice_id, PaymentStatus.CANCELLED, note="the bank has no payment"
                        )
                if self._clock() >= deadline:
                    return self.journal.transition(
                        invoice_id,
                        PaymentStatus.UNKNOWN,
                        note="no final answer in time; will re-check",
                    )
                if stop.wait(self.options.poll_interval):
                    return self.journal.transition(
                        invoice_id,
                        PaymentStatus.UNKNOWN,
                        note="checking interrupted; will re-check",
                    )
        finally:
            self.release(invoice_id)

    def cancel(self, invoice_id: str) -> Payment:
        """The cashier gave up: ask the bank once (the customer may just have paid)."""
        return self.confirm(invoice_id, hint=None)

    def fail(
        self,
        invoice_id: str,
        reason: str,
        *,
        reached_bank: bool = False,
        stop: threading.Event | None = None,
        on_poll: Callable[[int], None] | None = None,
    ) -> Payment:
        """Something failed on our side (no network, the form's script, an internal error).

        Before a payment token or link exists (``new``, and ``reached_bank`` false) nothing can
        have been paid: ``error``. After it the customer may have paid, so the failure is
        settled through the status API like a cancel (blocking: run it off the GUI thread).
        """
        payment = self.journal.get(invoice_id)
        if payment.status is PaymentStatus.NEW and not reached_bank:
            try:
                return self.journal.transition(invoice_id, PaymentStatus.ERROR, note=reason)
            finally:
                self.release(invoice_id)
        if not payment.status.needs_reconciliation:
            self.release(invoice_id)
            return payment
        note = f"failed after the bank was reached: {reason}"
        if payment.status is PaymentStatus.NEW:  # no state of ours says "at the bank" yet
            self.journal.transition(invoice_id, PaymentStatus.UNKNOWN, note=note)
        else:
            self.journal.record(invoice_id, note)
        return self.confirm(invoice_id, hint=None, stop=stop, on_poll=on_poll)

    def release(self, invoice_id: str) -> None:
        with self._lock:
            if self._current == invoice_id:
                self._current = None

    @property
    def current(self) -> str | None:
        """The invoice of the open payment, if any."""
        return self._current

    def _poll_once(self, payment: Payment) -> tuple[Payment | None, StatusOutcome | None]:
        return check_once(self.journal, self.client, payment)


def _js_number(amount: Decimal) -> str:
    text = f"{amount:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _hint_text(hint: bool | None) -> str:
    return {True: "paid", False: "not paid", None: "cancelled by cashier"}[hint]


def _secret_hash() -> str:
    """A fresh ``secret_hash`` for the postLink (imported here: ``secrets`` loads OpenSSL)."""
    import secrets

    return secrets.token_urlsafe(32)
