"""Fiscal receipts for paid payments and confirmed refunds: journal first, one queue per
cashbox, start-up reconciliation (issue 15; reference §6).

* :meth:`FiscalService.enqueue_sale` / :meth:`enqueue_return` commit the operation (key and
  exact body) before anything is sent. Keys: ``pos-S-<invoice>`` for a sale and
  ``pos-R-<invoice>-<n>`` for the n-th refund, so a payment never gets a second sale key.
* :meth:`process` makes one attempt: ``sent`` is committed before the request leaves; a result
  → ``done``; a definite error reply → ``failed`` (``retryable`` ones stay queued); anything
  else → ``unknown``.
* ``unknown`` (and ``sent`` left by a crash) is settled by resending the identical body with
  the same key (the register answers 14 with the original, or registers it now), then by
  lookup; if the register's shift changed since the request, by lookup first.
* :meth:`run_queue` sends queued operations in order, one at a time, and stops at the first
  that cannot go through yet (so receipts never overtake each other).
* :meth:`reconcile` is for start-up: queue what a crash left un-queued, settle ``sent`` and
  ``unknown`` operations, then run the queue. Blocking: run it off the GUI thread.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from pos_app.domain.payment import PaymentStatus
from pos_app.fiscal.adapter import FiscalAdapter, PreparedRequest
from pos_app.fiscal.errors import Duplicate, FiscalError, InvalidReceipt, ShiftState
from pos_app.fiscal.receipt import (
    FiscalResult,
    Operation,
    Receipt,
    ReturnBasis,
    TaxPolicy,
    receipt_for_amount,
)
from pos_app.fiscal.report import RegisterReport
from pos_app.store.fiscal_ops import FiscalLog, FiscalOp, FiscalState
from pos_app.store.journal import Journal
from pos_app.store.journal_schema import iso, utc_now
from pos_app.store.refunds import RefundLog, RefundRecord, RefundState

log = logging.getLogger("pos_app.services.fiscal")
FISCALIZABLE = frozenset({PaymentStatus.PAID, PaymentStatus.PARTIALLY_REFUNDED,
                          PaymentStatus.REFUNDED})
_SINCE = "fiscal_since"


class FiscalRefused(Exception):
    """Refused before anything was sent; ``code`` maps to a sentence for the cashier:
    ``not_paid``, ``no_fiscal_sale`` (a return for a payment without a registered sale
    receipt), ``refund_not_done``, ``invalid_receipt``, ``queue_not_empty``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class FiscalProfile:
    """What a free-amount receipt says (settings): item name, VAT rate (None: no VAT), section."""

    item_name: str = "Товар"
    vat_percent: int | None = 16
    section: str = ""


@dataclass(slots=True)
class FiscalReport:
    done: list[FiscalOp] = field(default_factory=list)
    failed: list[FiscalOp] = field(default_factory=list)  # refused for good: support must act
    waiting: list[FiscalOp] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return (f"{len(self.done)} registered, {len(self.failed)} refused, "
                f"{len(self.waiting)} waiting")


def sale_key(invoice_id: str) -> str:
    return f"pos-S-{invoice_id}"


def return_key(refund: RefundRecord) -> str:
    return f"pos-R-{refund.invoice_id}-{refund.external_id.rsplit('-', 1)[-1]}"


class FiscalService:
    def __init__(self, journal: Journal, adapter: FiscalAdapter, profile: FiscalProfile, *,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self.journal = journal
        self.adapter = adapter
        self.profile = profile
        self.log = FiscalLog(journal, clock=clock)
        self.refunds = RefundLog(journal, clock=clock)
        self._clock = clock
        self._queue = threading.Lock()  # one request at a time on this cashbox
        self._enqueue = threading.Lock()  # look up, then insert: one thread at a time
        self.listeners: list[Callable[[FiscalOp], None]] = []  # after each attempt, any thread
        self.shift_listeners: list[Callable[[], None]] = []  # the register's shift was closed
        with journal.writing() as conn:  # payments from now on get receipts (not older ones)
            conn.execute("INSERT OR IGNORE INTO meta (name, value) VALUES (?, ?)",
                         (_SINCE, iso(clock())))

    # -- queueing -------------------------------------------------------------------------

    def enqueue_sale(self, invoice_id: str) -> FiscalOp:
        """Commit the sale receipt of a paid payment (idempotent: the same row every time)."""
        with self._enqueue:
            return self._enqueue_sale(invoice_id)

    def _enqueue_sale(self, invoice_id: str) -> FiscalOp:
        existing = self.log.sale_for(invoice_id)
        if existing is not None:
            return existing
        payment = self.journal.get(invoice_id)
        if payment.status not in FISCALIZABLE:
            raise FiscalRefused("not_paid", "Only a paid payment gets a fiscal receipt.")
        receipt = self._receipt(payment.amount)
        request = self._prepare(lambda: self.adapter.prepare(receipt, sale_key(invoice_id)))
        return self.log.prepare(invoice_id, "sale", request.key, request.provider,
                                self.adapter.cashbox, payment.amount, request.body)

    def enqueue_return(self, refund: RefundRecord) -> FiscalOp:
        """Commit the return receipt of a confirmed refund, with its basis (the sale receipt)."""
        with self._enqueue:
            return self._enqueue_return(refund)

    def _enqueue_return(self, refund: RefundRecord) -> FiscalOp:
        existing = self.log.for_refund(refund.id)
        if existing is not None:
            return existing
        if refund.state is not RefundState.DONE:
            raise FiscalRefused("refund_not_done", "The refund is not confirmed by the bank.")
        sale = self.sale_result(refund.invoice_id)
        if sale is None:
            raise FiscalRefused("no_fiscal_sale", "This payment has no fiscal receipt yet.")
        receipt = self._receipt(refund.amount)
        request = self._prepare(lambda: self.adapter.prepare(receipt, return_key(refund),
                                                             ReturnBasis.of(sale)))
        return self.log.prepare(refund.invoice_id, "return", request.key, request.provider,
                                self.adapter.cashbox, refund.amount, request.body, refund.id)

    def refund_confirmed(self, refund: RefundRecord) -> None:
        """Hook for the refund service: queue the return receipt of a confirmed refund."""
        try:
            self.enqueue_return(refund)
        except FiscalRefused as exc:
            log.warning("no return receipt queued for %s: %s", refund.external_id, exc.code)

    def refund_refusal(self, invoice_id: str) -> str:
        """Why a refund of this payment must wait (no registered sale receipt), or ``""``."""
        if self.sale_result(invoice_id) is not None:
            return ""
        op = self.log.sale_for(invoice_id)
        state = "has no fiscal receipt" if op is None else f"has a fiscal receipt {op.state}"
        return (f"This payment {state} yet: a refund needs the registered fiscal sale receipt, "
                "because the return receipt must refer to it. Wait until it is registered.")

    def sale_result(self, invoice_id: str) -> FiscalResult | None:
        op = self.log.sale_for(invoice_id)
        if op is None or op.state is not FiscalState.DONE:
            return None
        return FiscalResult.from_json(json.loads(op.result))

    def result_of(self, op: FiscalOp) -> FiscalResult | None:
        return FiscalResult.from_json(json.loads(op.result)) if op.result else None

    def enqueue_missing(self) -> list[FiscalOp]:
        """Queue receipts a crash left un-queued: paid payments since fiscalization began and
        confirmed refunds of payments with a sale receipt."""
        with self.journal.reading() as conn:
            since = conn.execute("SELECT value FROM meta WHERE name = ?", (_SINCE,)).fetchone()
            statuses = tuple(s.value for s in FISCALIZABLE)
            marks = ", ".join("?" for _ in statuses)
            rows = conn.execute(
                f"SELECT invoice_id FROM payments WHERE status IN ({marks})"  # noqa: S608
                " AND created_at >= ? AND invoice_id NOT IN"
                " (SELECT invoice_id FROM fiscal_ops WHERE kind = 'sale') ORDER BY rowid",
                (*statuses, str(since[0]) if since else "")).fetchall()
            refund_ids = conn.execute(
                "SELECT r.id FROM refunds r JOIN fiscal_ops s ON s.invoice_id = r.invoice_id"
                " AND s.kind = 'sale' WHERE r.state = 'done'"
                " AND r.id NOT IN (SELECT refund_id FROM fiscal_ops WHERE refund_id IS NOT NULL)"
                " ORDER BY r.id").fetchall()
        added: list[FiscalOp] = []
        for (invoice_id,) in rows:
            try:
                added.append(self.enqueue_sale(str(invoice_id)))
            except (FiscalRefused, InvalidReceipt) as exc:
                log.warning("no fiscal receipt queued for %s: %s", invoice_id, exc)
        wanted = {int(r[0]) for r in refund_ids}
        for invoice in {op.invoice_id for op in self.log.all_ops()}:
            for refund in self.refunds.for_payment(invoice):
                if refund.id in wanted:
                    try:
                        added.append(self.enqueue_return(refund))
                    except (FiscalRefused, InvalidReceipt) as exc:
                        log.info("return receipt for %s waits: %s", refund.external_id, exc)
        return added

    # -- sending --------------------------------------------------------------------------

    def process(self, op: FiscalOp) -> FiscalOp:
        """One attempt for ``op`` (settling it first if a previous attempt is unsettled)."""
        with self._queue:
            current = self.log.get(op.id)
            if current.state is FiscalState.DONE or not (
                    current.queued or current.state in (FiscalState.SENT, FiscalState.UNKNOWN)):
                return current
            if current.state in (FiscalState.SENT, FiscalState.UNKNOWN):
                return self._notify(self._settle(current))
            return self._notify(self._attempt(self.log.move(current.id, FiscalState.SENT)))

    def run_queue(self) -> FiscalReport:
        """Send every open operation in order; stop at the first that cannot go through yet."""
        report = FiscalReport()
        for op in self.log.open_ops(self.adapter.cashbox):
            after = self.process(op)
            if after.state is FiscalState.DONE:
                report.done.append(after)
            elif after.state is FiscalState.FAILED and not after.retryable:
                report.failed.append(after)  # a refused receipt does not hold up the others
            else:
                report.waiting.extend(self.log.open_ops(self.adapter.cashbox))
                break
        return report

    def reconcile(self) -> FiscalReport:
        """At start-up, before the first new payment: queue, settle, send."""
        self.enqueue_missing()
        return self.run_queue()

    def close_shift(self) -> RegisterReport | None:
        """Settle and send what is queued, then close the register's shift (Z report), then
        send what waited for the new shift (after code 11). None: the register had no open
        shift (no receipt since its last Z, or closed in its cabinet): nothing to close.

        Refused while a receipt's outcome is unknown: whether the register still recognises
        its key after a Z report is unproven (reference §6.2), so it is settled first. Raises
        the register's error (unreachable, blocked, …) when it cannot close the shift.
        """
        self.run_queue()
        unsettled = [op for op in self.log.open_ops(self.adapter.cashbox)
                     if op.state in (FiscalState.SENT, FiscalState.UNKNOWN)]
        if unsettled:
            raise FiscalRefused("queue_not_empty", "Some receipts may be registered but are not "
                                "confirmed yet; the register's shift is not closed.")
        try:
            with self._queue:
                report: RegisterReport | None = self.adapter.close_shift()
        except ShiftState as exc:  # 12/13/15: the register has no open shift to close
            log.info("no register shift to close: %s", exc.register_code)
            report = None
        self.run_queue()
        for listener in list(self.shift_listeners):
            try:
                listener()
            except Exception:  # a listener's bug must not hide the closed shift
                log.exception("fiscal shift listener failed")
        return report

    # -- steps ----------------------------------------------------------------------------

    def _attempt(self, op: FiscalOp) -> FiscalOp:
        operation = Operation.SALE if op.kind == "sale" else Operation.RETURN
        try:
            result = self.adapter.send(PreparedRequest(op.provider, op.key, operation, op.body))
        except Duplicate:
            return self._after_lookup(op, "the register already has this key")
        except FiscalError as exc:
            text = f"{exc.message} [{exc.error_id}]"
            code = str(exc.register_code if exc.register_code is not None else exc.code)
            log.warning("fiscal %s: %s %s", op.key, exc.code, exc.error_id)
            if exc.registered is False:
                return self.log.move(op.id, FiscalState.FAILED, error_code=code,
                                     error_text=text, retryable=exc.retryable)
            return self.log.move(op.id, FiscalState.UNKNOWN, error_code=code, error_text=text)
        return self._done(op, result)

    def _settle(self, op: FiscalOp) -> FiscalOp:
        if op.state is FiscalState.SENT:
            op = self.log.move(op.id, FiscalState.UNKNOWN, "left sent by an earlier run")
        if self._shift_changed_since(op):
            try:
                found = self.adapter.find_by_key(op.key)
            except FiscalError as exc:
                log.warning("lookup of %s failed: %s [%s]", op.key, exc.code, exc.error_id)
                return op
            if found is not None:
                return self._done(op, found)
        return self._attempt(self.log.move(op.id, FiscalState.SENT, "resend, same key"))

    def _after_lookup(self, op: FiscalOp, why: str) -> FiscalOp:
        try:
            found = self.adapter.find_by_key(op.key)
        except FiscalError as exc:
            return self.log.move(op.id, FiscalState.UNKNOWN, f"{why}; lookup failed",
                                 error_code=exc.code, error_text=exc.message)
        if found is None:
            return self.log.move(op.id, FiscalState.UNKNOWN, f"{why}; lookup found nothing")
        return self._done(op, found)

    def _shift_changed_since(self, op: FiscalOp) -> bool:
        """True when the register opened a new shift after ``op`` was sent (duplicate detection
        across shifts is unproven, reference §6.2), or when that cannot be told."""
        if op.sent_at is None:
            return False
        try:
            opened = self.adapter.status().shift_opened_at
        except FiscalError:
            return False  # resending is still safe; the lookup happens on a 14 without data
        return opened is not None and opened > op.sent_at

    def _done(self, op: FiscalOp, result: FiscalResult) -> FiscalOp:
        note = "recovered" if result.recovered else "registered"
        if result.total != op.amount:
            note += f"; register total {result.total} differs from {op.amount}"
            log.error("fiscal %s: register total differs from the journal", op.key)
        return self.log.move(op.id, FiscalState.DONE, note, fiscal_number=result.fiscal_number,
                             ticket_url=result.ticket_url, offline=result.offline,
                             result=json.dumps(result.to_json(), ensure_ascii=False))

    def _receipt(self, amount: Decimal) -> Receipt:
        try:
            return receipt_for_amount(amount, self.profile.item_name,
                                      TaxPolicy(self.profile.vat_percent), self.profile.section)
        except InvalidReceipt as exc:
            raise FiscalRefused("invalid_receipt", exc.message) from exc

    @staticmethod
    def _prepare(build: Callable[[], PreparedRequest]) -> PreparedRequest:
        try:
            return build()
        except InvalidReceipt as exc:
            raise FiscalRefused("invalid_receipt", exc.message) from exc

    def _notify(self, op: FiscalOp) -> FiscalOp:
        for listener in list(self.listeners):
            try:
                listener(op)
            except Exception:  # a listener's bug must not lose the journal's answer
                log.exception("fiscal listener failed")
        return op
