"""The edges of services/reconcile.py that mutants survived (scripts/mutation, issue 14 C.7):
a skipped attempt must not stop the ones after it, ``skip=`` / ``only=`` reach every pass, the
late check's window, the QR lifetime exactly at its edge, the expired note and the log lines.
Real Reconciler, real SQLite journal, real EpayClient against the emulator over loopback."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from pos_app.domain.payment import Payment, PaymentMethod, PaymentStatus
from pos_app.epay.client import EpayClient
from pos_app.services.checkout import CheckoutService
from pos_app.services.reconcile import Reconciler
from pos_app.services.refunds import RefundService
from pos_app.store.journal import Journal
from pos_app.store.refunds import RefundLog, RefundState
from pos_app.training import Emulator

APPROVED = "4405639704015096"
LOG = "pos_app.services.reconcile"


def _crashed(checkout: CheckoutService, amount: str = "100") -> Payment:
    """An attempt a crash left open before the bank heard of it."""
    payment = checkout.begin(Decimal(amount))
    checkout.release(payment.invoice_id)
    return payment


def _closed_but_paid(checkout: CheckoutService, emulator: Emulator, amount: str = "100") -> Payment:
    """An attempt the till closed as cancelled that the customer paid afterwards."""
    payment = checkout.begin(Decimal(amount))
    checkout.request_token(payment.invoice_id)
    checkout.journal.transition(payment.invoice_id, PaymentStatus.CANCELLED, note="gave up")
    checkout.release(payment.invoice_id)
    emulator.pay(payment.invoice_id, APPROVED)
    return payment


def _paid(checkout: CheckoutService, emulator: Emulator, amount: str = "100") -> Payment:
    payment = checkout.begin(Decimal(amount))
    checkout.request_token(payment.invoice_id)
    checkout.form_opened(payment.invoice_id)
    emulator.pay(payment.invoice_id, APPROVED)
    paid = checkout.confirm(payment.invoice_id, hint=True)
    assert paid.status is PaymentStatus.PAID
    return paid


def _status(journal: Journal, payment: Payment) -> PaymentStatus:
    return journal.get(payment.invoice_id).status


# -- every open attempt is checked; skip= and only= ------------------------------------------

def test_a_skipped_attempt_does_not_stop_the_ones_after_it(
    journal: Journal, client: EpayClient, checkout: CheckoutService
) -> None:
    first, second = _crashed(checkout), _crashed(checkout)
    report = Reconciler(journal, client).run(skip=first.invoice_id)
    assert _status(journal, first) is PaymentStatus.NEW
    assert _status(journal, second) is PaymentStatus.CANCELLED
    assert [p.invoice_id for p in report.settled] == [second.invoice_id]


def test_an_attempt_outside_only_does_not_stop_the_ones_after_it(
    journal: Journal, client: EpayClient, checkout: CheckoutService
) -> None:
    first, second = _crashed(checkout), _crashed(checkout)
    report = Reconciler(journal, client).run(only=frozenset({second.invoice_id}))
    assert _status(journal, first) is PaymentStatus.NEW
    assert [p.invoice_id for p in report.settled] == [second.invoice_id]


def test_the_skipped_attempt_is_left_out_of_the_late_check_too(
    journal: Journal, client: EpayClient, checkout: CheckoutService, emulator: Emulator
) -> None:
    mine, other = _closed_but_paid(checkout, emulator), _closed_but_paid(checkout, emulator)
    report = Reconciler(journal, client).run(skip=mine.invoice_id)
    assert _status(journal, mine) is PaymentStatus.CANCELLED
    assert [p.invoice_id for p in report.settled] == [other.invoice_id]


def test_a_refund_outside_only_is_left_to_whoever_makes_it(
    journal: Journal, client: EpayClient, checkout: CheckoutService, emulator: Emulator
) -> None:
    paid = _paid(checkout, emulator)
    emulator.add_fault("status", "http_error", count=-1, status=503)
    outcome = RefundService(journal, client).refund(paid.invoice_id, "40", "returned")
    emulator.faults.clear()
    assert outcome.record.state is RefundState.UNKNOWN  # made by the bank, not confirmed
    reconciler = Reconciler(journal, client)
    assert reconciler.run(only=frozenset()).settled == []
    assert RefundLog(journal).open_invoices() == [paid.invoice_id]
    [settled] = reconciler.run(only=frozenset({paid.invoice_id})).settled  # the control
    assert settled.invoice_id == paid.invoice_id
    assert RefundLog(journal).open_invoices() == []


# -- the late check ----------------------------------------------------------------------------

def test_a_payment_that_cannot_be_paid_late_does_not_stop_the_late_check(
    journal: Journal, client: EpayClient, checkout: CheckoutService, emulator: Emulator
) -> None:
    paid = _paid(checkout, emulator)  # oldest first: this one is looked at first
    late = _closed_but_paid(checkout, emulator)
    assert [p.invoice_id for p in Reconciler(journal, client).recheck_closed()] == [
        late.invoice_id]
    assert _status(journal, paid) is PaymentStatus.PAID
    assert _status(journal, late) is PaymentStatus.PAID


def test_the_late_check_looks_back_over_its_window_only(
    journal: Journal, client: EpayClient, checkout: CheckoutService, emulator: Emulator
) -> None:
    late = _closed_but_paid(checkout, emulator)
    a_day_on = Reconciler(journal, client, now=lambda: datetime.now(UTC) + timedelta(hours=25))
    asked = emulator.calls("status")
    assert a_day_on.recheck_closed() == []
    assert emulator.calls("status") == asked
    assert _status(journal, late) is PaymentStatus.CANCELLED
    assert [p.invoice_id for p in Reconciler(journal, client).recheck_closed()] == [
        late.invoice_id]  # the control: inside the window it is found


def test_a_failed_late_check_is_logged_and_the_next_one_still_runs(
    journal: Journal, client: EpayClient, checkout: CheckoutService, emulator: Emulator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    first, second = _closed_but_paid(checkout, emulator), _closed_but_paid(checkout, emulator)
    emulator.add_fault("status", "http_error", count=1, status=503)  # the first check only (no retry)
    with caplog.at_level(logging.WARNING):
        [settled] = Reconciler(journal, client).recheck_closed()
    assert settled.invoice_id == second.invoice_id
    assert _status(journal, first) is PaymentStatus.CANCELLED
    [failure] = [r.getMessage() for r in caplog.records if r.name != LOG]
    error_id = re.search(r"\[error_id=([0-9a-f]{8})\]", failure)
    assert error_id is not None, failure
    assert [r.getMessage() for r in caplog.records if r.name == LOG] == [
        f"late check of {first.invoice_id} failed: epay_unavailable [{error_id[1]}]"]


# -- QR links ----------------------------------------------------------------------------------

def test_a_qr_link_at_the_end_of_its_lifetime_is_expired_with_a_note(
    journal: Journal, client: EpayClient
) -> None:
    payment = journal.create_attempt(Decimal("500"), method=PaymentMethod.QR)
    created = journal.get(payment.invoice_id).created_at
    lifetime = timedelta(minutes=20)
    almost = Reconciler(journal, client, qr_lifetime=lifetime,
                        now=lambda: created + lifetime - timedelta(microseconds=1))
    assert almost.settle(payment).status is PaymentStatus.NEW
    at_the_edge = Reconciler(journal, client, qr_lifetime=lifetime,
                             now=lambda: created + lifetime)
    assert at_the_edge.settle(payment).status is PaymentStatus.EXPIRED
    assert journal.events(payment.invoice_id)[-1].note == "link expired unpaid"


# -- the summary line --------------------------------------------------------------------------

def test_a_run_logs_its_summary(
    journal: Journal, client: EpayClient, checkout: CheckoutService,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _crashed(checkout)
    with caplog.at_level(logging.INFO, logger=LOG):
        Reconciler(journal, client).run()
    assert [r.getMessage() for r in caplog.records if r.name == LOG] == [
        "reconciliation: 1 settled, 0 still open"]
