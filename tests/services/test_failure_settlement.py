"""Issue 14 A.1: a failure after the payment token is settled by the bank, never a bare error.

Real SQLite journal, the emulator over loopback HTTP.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from pos_app.domain.payment import PaymentStatus
from pos_app.epay.client import EpayClient
from pos_app.services.checkout import CheckoutService
from pos_app.services.reconcile import Reconciler
from pos_app.store.journal import Journal
from pos_app.training import Emulator

APPROVED = "4405639704015096"


def _checkout(journal: Journal, client: EpayClient) -> CheckoutService:
    checkout = CheckoutService(journal, client)
    checkout.options = replace(checkout.options, poll_interval=0.01)
    return checkout


def _form_open(checkout: CheckoutService, amount: str) -> str:
    payment = checkout.begin(Decimal(amount))
    checkout.request_token(payment.invoice_id)
    checkout.form_opened(payment.invoice_id)
    return payment.invoice_id


def test_form_failure_after_a_charge_is_paid(emulator: Emulator, journal: Journal,
                                             client: EpayClient) -> None:
    checkout = _checkout(journal, client)
    invoice = _form_open(checkout, "50000")
    emulator.pay(invoice, APPROVED)  # the bank shows CHARGE ...
    settled = checkout.fail(invoice, "form: script_error")  # ... then the page fails
    assert settled.status is PaymentStatus.PAID
    assert settled.reference
    assert emulator.calls("status") >= 1
    assert checkout.current is None  # the one-payment rule is released


def test_form_failure_with_nothing_at_the_bank_is_cancelled_after_asking(
    emulator: Emulator, journal: Journal, client: EpayClient
) -> None:
    checkout = _checkout(journal, client)
    payment = checkout.begin(Decimal("300"))
    checkout.request_token(payment.invoice_id)
    settled = checkout.fail(payment.invoice_id, "form: load failed")
    assert settled.status is PaymentStatus.CANCELLED
    assert emulator.calls("status") == 2
    assert PaymentStatus.CHECKING in [e.to_status for e in journal.events(payment.invoice_id)]


def test_failure_before_any_token_is_an_error_without_asking(
    emulator: Emulator, journal: Journal, client: EpayClient
) -> None:
    checkout = _checkout(journal, client)
    payment = checkout.begin(Decimal("300"))
    assert checkout.fail(payment.invoice_id, "no_connection").status is PaymentStatus.ERROR
    assert emulator.calls("status") == 0


def test_reconciler_rechecks_an_error_attempt_that_had_a_token(
    emulator: Emulator, journal: Journal, client: EpayClient
) -> None:
    """An old journal (or a crash) left `error` on an attempt with a token the customer paid."""
    checkout = _checkout(journal, client)
    invoice = _form_open(checkout, "1500")
    journal.transition(invoice, PaymentStatus.ERROR, note="form: script_error")
    checkout.release(invoice)
    never = checkout.begin(Decimal("200"))
    journal.transition(never.invoice_id, PaymentStatus.ERROR, note="no_connection")
    checkout.release(never.invoice_id)
    emulator.pay(invoice, APPROVED)
    report = Reconciler(journal, client).run()
    assert journal.get(invoice).status is PaymentStatus.PAID
    assert [p.invoice_id for p in report.settled] == [invoice]
    assert journal.get(never.invoice_id).status is PaymentStatus.ERROR
    assert emulator.calls("status") == 1  # the attempt without a token was not asked about
