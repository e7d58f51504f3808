"""Settle attempts left open by a crash, a lost network or a deadline, by asking ePay.

Runs at start-up (before the till takes a new payment) and before a shift report. An attempt
the bank has never heard of was not paid: it is closed as ``cancelled`` (``expired`` for a QR
link whose time ran out). An attempt the bank cannot be asked about stays open for next time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from pos_app.domain.payment import Payment, PaymentMethod, PaymentStatus
from pos_app.epay.errors import EpayError
from pos_app.epay.models import StatusOutcome
from pos_app.services.refunds import RefundService
from pos_app.services.settle import check_once, settle_from
from pos_app.store.journal import Journal

if TYPE_CHECKING:
    from pos_app.epay.client import EpayClient

log = logging.getLogger("pos_app.services.reconcile")
LATE_PAYMENT_WINDOW = timedelta(hours=24)
_CLOSED_UNPAID = frozenset({PaymentStatus.DECLINED, PaymentStatus.CANCELLED, PaymentStatus.EXPIRED})
# An attempt that reached one of these had a payment token or link the customer could pay with.
_TOKEN_SEEN = frozenset({PaymentStatus.TOKEN_ISSUED, PaymentStatus.WIDGET_OPEN,
                         PaymentStatus.CHECKING, PaymentStatus.UNKNOWN})  # fmt: skip


@dataclass(slots=True)
class ReconcileReport:
    """What a reconciliation run did, for the log and the cashier's status line."""

    settled: list[Payment] = field(default_factory=list)
    still_open: list[Payment] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return f"{len(self.settled)} settled, {len(self.still_open)} still open"


class Reconciler:
    def __init__(
        self,
        journal: Journal,
        client: EpayClient,
        *,
        qr_lifetime: timedelta = timedelta(minutes=20),
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.journal = journal
        self.client = client
        self.qr_lifetime = qr_lifetime
        self._now = now

    def left_open(self) -> frozenset[str]:
        """The invoices with an open attempt or an unconfirmed refund *now*.

        Taken before the till takes its first payment, it tells the start-up reconciliation
        what a previous run left behind, so it never touches a payment started since.
        """
        from pos_app.store.refunds import RefundLog

        attempts = {payment.invoice_id for payment in self.journal.open_attempts()}
        return frozenset(attempts | set(RefundLog(self.journal).open_invoices()))

    def run(
        self, *, skip: str | None = None, only: frozenset[str] | None = None
    ) -> ReconcileReport:
        """Check every open attempt except ``skip`` (the one the cashier is paying right now),
        then the recent attempts closed unpaid, which the customer may still have paid.

        With ``only`` (from :meth:`left_open`), open attempts and refunds outside it are left to
        whoever is driving them.
        """
        report = ReconcileReport()
        for payment in self.journal.open_attempts():
            if payment.invoice_id == skip or (only is not None and payment.invoice_id not in only):
                continue
            result = self.settle(payment)
            (report.settled if result.status.is_final else report.still_open).append(result)
        report.settled.extend(self.recheck_closed(skip=skip))
        report.settled.extend(RefundService(self.journal, self.client).settle_open(only=only))
        log.info("reconciliation: %s", report.summary)
        return report

    def recheck_closed(
        self, window: timedelta = LATE_PAYMENT_WINDOW, *, skip: str | None = None
    ) -> list[Payment]:
        """Attempts closed as declined, cancelled or expired within ``window`` that ePay now
        reports paid (an invoice link lives a day; a payform token up to two hours), and
        ``error`` attempts that had a payment token or link (the customer may have paid)."""
        late: list[Payment] = []
        for payment in list(self.journal.iter_payments(since=self._now() - window)):
            if payment.invoice_id == skip or not self._may_be_paid_late(payment):
                continue
            try:
                status = self.client.transaction_status(payment.invoice_id)
            except EpayError as exc:
                log.warning(
                    "late check of %s failed: %s [%s]", payment.invoice_id, exc.code, exc.error_id
                )
                continue
            if status.outcome in (StatusOutcome.PAID, StatusOutcome.AUTHORIZED):
                settled = settle_from(self.journal, payment, status, self.client.terminal_id,
                                      PaymentStatus.PAID, "paid after the till had closed it")
                if settled.status is PaymentStatus.PAID:
                    late.append(settled)
        return late

    def _may_be_paid_late(self, payment: Payment) -> bool:
        if payment.status in _CLOSED_UNPAID:
            return True
        return payment.status is PaymentStatus.ERROR and any(
            event.to_status in _TOKEN_SEEN for event in self.journal.events(payment.invoice_id)
        )

    def settle(self, payment: Payment) -> Payment:
        settled, outcome = check_once(self.journal, self.client, payment)
        if settled is not None:
            return settled
        if outcome is StatusOutcome.NOT_FOUND:
            if payment.method is PaymentMethod.QR:
                if self._now() - payment.created_at < self.qr_lifetime:
                    return payment  # the customer may still pay from their phone
                return self.journal.transition(
                    payment.invoice_id, PaymentStatus.EXPIRED, note="link expired unpaid"
                )
            return self.journal.transition(
                payment.invoice_id,
                PaymentStatus.CANCELLED,
                note="reconciled: the bank has no payment",
            )
        if outcome is None and payment.status is PaymentStatus.CHECKING:
            # The bank could not be asked; mark it so the cashier sees it needs a re-check.
            return self.journal.transition(
                payment.invoice_id, PaymentStatus.UNKNOWN, note="bank unreachable; will re-check"
            )
        return payment
