"""Refunds and cancels of journaled payments, confirmed with the status API (reference §6).

Every request is written to the refund log before it is sent (``R-<invoice>-<n>`` is its
``externalID``); afterwards the status API decides, and only a confirmed refund changes the
journal (``partially_refunded``, ``refunded``, ``cancelled`` and ``refunded_amount``). A
timeout whose outcome is unknown is re-checked the same way. Blocking: run it off the GUI thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from pos_app.domain.errors import DomainError
from pos_app.domain.money import MINIMUM_REFUND, TIYN, check_amount, parse_amount
from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.epay.errors import EpayError
from pos_app.epay.models import StatusOutcome, TransactionStatus
from pos_app.services.settle import flag_mismatch, mismatch
from pos_app.store.journal import Event, Journal
from pos_app.store.refunds import RefundLog, RefundRecord, RefundState

if TYPE_CHECKING:
    from pos_app.epay.client import EpayClient

log = logging.getLogger("pos_app.services.refunds")

REFUNDABLE = frozenset({PaymentStatus.PAID, PaymentStatus.PARTIALLY_REFUNDED})
_ANY = Decimal("1e15")


class RefundError(Exception):
    """Refused or failed; ``code`` is what the UI turns into a sentence for the cashier.

    Local refusals (nothing sent): ``not_a_number``, ``below_minimum``, ``above_remaining``,
    ``reason_missing``, ``not_refundable``, ``not_held``, ``pending_unconfirmed`` (an earlier
    refund awaits the administrator's decision; ``bank_answer`` says what the bank reports),
    ``nothing_open``. After
    sending: an ``EpayError`` code (the bank refused) or ``not_confirmed``.
    """

    def __init__(self, code: str, message: str, record: RefundRecord | None = None,
                 bank_answer: str = "") -> None:  # fmt: skip
        super().__init__(message)
        self.code = code
        self.record = record
        self.bank_answer = bank_answer  # pending_unconfirmed: what the status API says now


@dataclass(frozen=True, slots=True)
class RefundOutcome:
    payment: Payment
    record: RefundRecord
    confirmed: bool  # False: sent, but the bank could not confirm it yet


def bank_status_name(events: list[Event]) -> str:
    """The last ``statusName`` the status API gave for this payment (from the journal's notes)."""
    for event in reversed(events):
        if event.note.startswith("bank: "):
            return event.note.removeprefix("bank: ").strip().upper()
    return ""


def can_cancel(payment: Payment, events: list[Event]) -> bool:
    """A held payment on a two-step terminal (``AUTH``): it is released, not refunded."""
    return payment.status is PaymentStatus.PAID and bank_status_name(events) == "AUTH"


def can_refund(payment: Payment, events: list[Event]) -> bool:
    return (payment.status in REFUNDABLE and payment.remaining >= MINIMUM_REFUND
            and bank_status_name(events) != "AUTH")  # fmt: skip


def check_refund_amount(payment: Payment, amount: str | Decimal) -> Decimal:
    """The amount to refund, or :class:`RefundError`: at least 10 tenge, at most what remains."""
    try:
        value = (parse_amount(amount, maximum=_ANY) if isinstance(amount, str)
                 else check_amount(amount, maximum=_ANY))  # fmt: skip
    except DomainError as exc:
        raise RefundError("not_a_number", f"Not an amount: {exc.code}") from exc
    if value < MINIMUM_REFUND:
        raise RefundError("below_minimum", "A refund must be at least 10 tenge.")
    if value > payment.remaining:
        raise RefundError("above_remaining", "The refund is more than what remains.")
    return value


def describe_answer(status: TransactionStatus | None) -> str:
    """The bank's answer in a line for the administrator (no card data): what the decision on
    an unconfirmed refund is shown with."""
    if status is None:
        return "the bank could not be asked"
    if status.result_code != "100":
        return f"resultCode {status.result_code} {status.result_message}".strip()
    parts = [status.status_name or "?"]
    if status.amount is not None:
        parts.append(f"amount {status.amount.quantize(TIYN):f}")
    if status.org_amount is not None:
        parts.append(f"orgAmount {status.org_amount.quantize(TIYN):f}")
    if status.currency:
        parts.append(status.currency)
    return ", ".join(parts)


def refunded_per_bank(payment: Payment, status: TransactionStatus) -> Decimal | None:
    """How much the bank says went back to the card, if its answer tells."""
    if status.outcome is StatusOutcome.REFUNDED:
        return payment.amount
    if status.outcome is StatusOutcome.PAID and status.amount is not None:
        original = status.org_amount if status.org_amount is not None else payment.amount
        return Decimal(original) - Decimal(status.amount)
    return None


class FiscalHooks(Protocol):
    """Fiscal receipts (services.fiscal): refuse a refund without a sale receipt; queue the
    return receipt of a confirmed refund."""

    def refund_refusal(self, invoice_id: str) -> str: ...

    def refund_confirmed(self, refund: RefundRecord) -> None: ...


class RefundService:
    def __init__(self, journal: Journal, client: EpayClient,
                 fiscal: FiscalHooks | None = None) -> None:
        self.journal = journal
        self.client = client
        self.log = RefundLog(journal)
        self.fiscal = fiscal

    def _fiscal_check(self, invoice_id: str) -> None:
        refusal = "" if self.fiscal is None else self.fiscal.refund_refusal(invoice_id)
        if refusal:
            raise RefundError("no_fiscal_sale", refusal)

    def _fiscal_done(self, record: RefundRecord) -> RefundRecord:
        if self.fiscal is not None:
            self.fiscal.refund_confirmed(record)
        return record

    def refund(self, invoice_id: str, amount: str | Decimal, reason: str) -> RefundOutcome:
        """Refund ``amount`` of a paid payment; nothing is sent unless every check passes."""
        self._fiscal_check(invoice_id)
        payment = self.journal.get(invoice_id)
        if payment.status not in REFUNDABLE or not payment.transaction_id:
            raise RefundError("not_refundable", "This payment cannot be refunded.")
        value = check_refund_amount(payment, amount)
        reason = _reason(reason)
        payment = self._settle_unconfirmed(payment)
        value = check_refund_amount(payment, value)
        record = self.log.begin(invoice_id, "refund", value, reason)
        whole = payment.refunded_amount == 0 and value == payment.amount
        try:
            self.client.refund(payment.transaction_id, None if whole else value, record.external_id)
        except EpayError as exc:
            if not exc.outcome_unknown:
                return self._refused(payment, record, exc)
            log.warning("refund %s: outcome unknown [%s]", record.external_id, exc.error_id)
        expected = payment.refunded_amount + value
        return self._confirm(payment, record, expected, f"refund {record.external_id}: "
                             f"{value:f} ({reason})")  # fmt: skip

    def cancel(self, invoice_id: str, reason: str) -> RefundOutcome:
        """Release a held (``AUTH``) payment in full; the bank is asked first that it is held."""
        self._fiscal_check(invoice_id)
        payment = self.journal.get(invoice_id)
        reason = _reason(reason)
        if payment.status is not PaymentStatus.PAID or not payment.transaction_id:
            raise RefundError("not_held", "Only a held payment can be cancelled.")
        status = self._status(payment)
        if status is None or status.outcome is not StatusOutcome.AUTHORIZED:
            raise RefundError("not_held", "The bank does not hold this payment.")
        record = self.log.begin(invoice_id, "cancel", payment.amount, reason)
        try:
            self.client.cancel(payment.transaction_id)
        except EpayError as exc:
            if not exc.outcome_unknown:
                return self._refused(payment, record, exc)
        after = self._status(payment)
        if after is not None and after.outcome is StatusOutcome.CANCELLED:
            note = f"cancel {record.external_id} ({reason}); bank: {after.status_name}"
            done = self.journal.transition(invoice_id, PaymentStatus.CANCELLED, note=note)
            finished = self._fiscal_done(self.log.finish(record.id, RefundState.DONE))
            return RefundOutcome(done, finished, True)
        return self._unconfirmed(payment, record)

    def open_requests(self, invoice_id: str) -> list[RefundRecord]:
        """Refunds and cancels of this payment that the bank has not confirmed or refused."""
        return [r for r in self.log.for_payment(invoice_id)
                if r.state in (RefundState.PENDING, RefundState.UNKNOWN)]  # fmt: skip

    def bank_answer(self, invoice_id: str) -> str:
        """What the status API says about the payment now, for the administrator's decision."""
        payment = self.journal.get(invoice_id)
        return describe_answer(self._status(payment))

    def resend(self, invoice_id: str) -> RefundOutcome:
        """Send the unconfirmed refund again, with the same ``externalID`` and amount.

        For an administrator who has read the bank's answer and decided it did not go through.
        """
        payment = self.journal.get(invoice_id)
        open_ = [r for r in self.open_requests(invoice_id) if r.kind == "refund"]
        if len(open_) != 1 or not payment.transaction_id or payment.status not in REFUNDABLE:
            raise RefundError("not_refundable", "There is no single unconfirmed refund to send.")
        record = open_[0]
        whole = payment.refunded_amount == 0 and record.amount == payment.amount
        log.info("refund %s sent again by the administrator", record.external_id)
        self.journal.record(invoice_id, f"refund {record.external_id} sent again (administrator)")
        try:
            self.client.refund(payment.transaction_id, None if whole else record.amount,
                               record.external_id)  # fmt: skip
        except EpayError as exc:
            if not exc.outcome_unknown:
                # Not a "failed": a refusal now ("exceeds the remainder") may mean the first
                # one went through. The request stays open for the administrator.
                kept = self.log.finish(record.id, RefundState.UNKNOWN,
                                       f"sent again; refused: {exc.code} [{exc.error_id}]")
                self.journal.record(invoice_id, f"refund {record.external_id} sent again; "
                                    f"refused: {exc.code}")  # fmt: skip
                raise RefundError(exc.code, str(exc), kept) from exc
            log.warning("refund %s: outcome unknown [%s]", record.external_id, exc.error_id)
        return self._confirm(payment, record, payment.refunded_amount + record.amount,
                             f"refund {record.external_id}: {record.amount:f} (sent again)")

    def decide(self, invoice_id: str, *, applied: bool, reason: str) -> Payment:
        """The administrator's decision on the unconfirmed requests of one payment.

        ``applied``: the bank did refund (or release) it, e.g. as the merchant cabinet shows;
        the journal records it. Otherwise it did not happen and a new request may be made.
        The bank's answer at this moment is kept in the note beside the decision.
        """
        reason = _reason(reason)
        payment = self.journal.get(invoice_id)
        open_ = self.open_requests(invoice_id)
        if not open_:
            raise RefundError("nothing_open", "No unconfirmed refund to decide on.")
        answer = describe_answer(self._status(payment))
        verdict = "done" if applied else "not done"
        note = f"administrator: {verdict} ({reason}); bank: {answer}"
        for record in open_:
            self.log.finish(record.id, RefundState.DONE if applied else RefundState.FAILED, note)
        self.journal.record(invoice_id, f"{', '.join(r.external_id for r in open_)}: {note}")
        refunds = [r for r in open_ if r.kind == "refund"]
        if not applied or payment.status not in (REFUNDABLE if refunds else {PaymentStatus.PAID}):
            return self.journal.get(invoice_id)
        if refunds:
            total = min(payment.refunded_amount + sum(r.amount for r in refunds), payment.amount)
            new = (PaymentStatus.REFUNDED if total >= payment.amount
                   else PaymentStatus.PARTIALLY_REFUNDED)  # fmt: skip
            return self.journal.transition(invoice_id, new, note="refund confirmed by the "
                                           "administrator", refunded_amount=total)  # fmt: skip
        return self.journal.transition(invoice_id, PaymentStatus.CANCELLED,
                                       note="cancel confirmed by the administrator")  # fmt: skip

    def settle_open(self, *, only: frozenset[str] | None = None) -> list[Payment]:
        """At start-up: settle refunds a crash or a timeout left unconfirmed, by asking the bank.

        Nothing is re-sent; a refund the bank confirms is recorded, any other stays open for
        the administrator (never marked failed by inference). Cancels are settled by the status
        name. Payments the bank cannot be asked about stay open for next time.
        With ``only``, refunds of other payments (one being made right now) are left alone.
        """
        settled: list[Payment] = []
        for invoice_id in self.log.open_invoices():
            if only is not None and invoice_id not in only:
                continue
            payment = self.journal.get(invoice_id)
            try:
                payment = self._settle_open_cancel(payment)
                if payment.status in REFUNDABLE:
                    settled.append(self._settle_unconfirmed(payment))
                else:  # a cancel whose payment is already settled: close the request
                    for record in self.open_requests(invoice_id):
                        if record.kind == "cancel":
                            self.log.finish(record.id, RefundState.FAILED, "payment settled")
            except RefundError as exc:
                log.warning("refunds of %s stay open: %s", invoice_id, exc.code)
        return settled

    def _settle_open_cancel(self, payment: Payment) -> Payment:
        open_ = [r for r in self.log.for_payment(payment.invoice_id)
                 if r.kind == "cancel" and r.state in (RefundState.PENDING, RefundState.UNKNOWN)]
        if not open_:
            return payment
        status = self._status(payment)
        if status is None:
            return payment
        released = status.outcome is StatusOutcome.CANCELLED
        for record in open_:
            self.log.finish(record.id, RefundState.DONE if released else RefundState.FAILED,
                            "settled by a later status check")  # fmt: skip
        if released and payment.status is PaymentStatus.PAID:
            return self.journal.transition(payment.invoice_id, PaymentStatus.CANCELLED,
                                           note="earlier cancel confirmed")  # fmt: skip
        return payment

    # -- steps ----------------------------------------------------------------------------------

    def _status(self, payment: Payment) -> TransactionStatus | None:
        """The status reply about ``payment``; ``None`` if the bank could not be asked or its
        reply is about another payment (flagged for the administrator, issue 14 A.4)."""
        try:
            status = self.client.transaction_status(payment.invoice_id)
        except EpayError as exc:
            log.warning("status of %s not read: %s [%s]", payment.invoice_id, exc.code,
                        exc.error_id)  # fmt: skip
            return None
        if status.result_code == "100" and (
            wrong := mismatch(payment, status, self.client.terminal_id)
        ):
            flag_mismatch(self.journal, payment, wrong)
            return None
        return status

    def _confirm(self, payment: Payment, record: RefundRecord, expected: Decimal,
                 note: str) -> RefundOutcome:  # fmt: skip
        status = self._status(payment)
        refunded = None if status is None else refunded_per_bank(payment, status)
        if refunded is None or refunded < expected:
            return self._unconfirmed(payment, record)
        refunded = min(refunded, payment.amount)
        new = (PaymentStatus.REFUNDED if refunded >= payment.amount
               else PaymentStatus.PARTIALLY_REFUNDED)  # fmt: skip
        done = self.journal.transition(payment.invoice_id, new, note=note,
                                       refunded_amount=refunded)  # fmt: skip
        finished = self._fiscal_done(self.log.finish(record.id, RefundState.DONE))
        return RefundOutcome(done, finished, True)

    def _refused(self, payment: Payment, record: RefundRecord, exc: EpayError) -> RefundOutcome:
        failed = self.log.finish(record.id, RefundState.FAILED, f"{exc.code} [{exc.error_id}]")
        self.journal.record(payment.invoice_id, f"{record.kind} {record.external_id} refused: "
                            f"{exc.code}")  # fmt: skip
        raise RefundError(exc.code, str(exc), failed) from exc

    def _unconfirmed(self, payment: Payment, record: RefundRecord) -> RefundOutcome:
        unknown = self.log.finish(record.id, RefundState.UNKNOWN, "not confirmed by the bank")
        self.journal.record(payment.invoice_id, f"{record.kind} {record.external_id} sent; "
                            "not confirmed yet")  # fmt: skip
        return RefundOutcome(self.journal.get(payment.invoice_id), unknown, False)

    def _settle_unconfirmed(self, payment: Payment) -> Payment:
        """Before a new refund, settle earlier unconfirmed ones (never refund twice).

        Only the bank's confirmation closes them (``REFUND``, or the refunded amount covering
        them). Anything else keeps them open and refuses the new refund with the bank's answer,
        for the administrator to decide (:meth:`decide`, :meth:`resend`); see
        ``docs/refund-confirmation.md``.
        """
        open_ = [r for r in self.open_requests(payment.invoice_id) if r.kind == "refund"]
        if not open_:
            return payment
        status = self._status(payment)
        refunded = None if status is None else refunded_per_bank(payment, status)
        expected = payment.refunded_amount + sum(r.amount for r in open_)
        if refunded is None or refunded < expected:
            raise RefundError("pending_unconfirmed", "An earlier refund is not confirmed; an "
                              "administrator must decide.", open_[-1],
                              describe_answer(status))  # fmt: skip
        for record in open_:
            self.log.finish(record.id, RefundState.DONE, "confirmed by a later status check")
        new = (PaymentStatus.REFUNDED if refunded >= payment.amount
               else PaymentStatus.PARTIALLY_REFUNDED)  # fmt: skip
        return self.journal.transition(payment.invoice_id, new, note="earlier refund confirmed",
                                       refunded_amount=min(refunded, payment.amount))


def _reason(reason: str) -> str:
    text = " ".join(reason.split())
    if not text:
        raise RefundError("reason_missing", "Give a reason.")
    return text
