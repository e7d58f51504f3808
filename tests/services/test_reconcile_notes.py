"""The journal notes the start-up reconciliation leaves (scripts/mutation, issue 14 C.7): what
the administrator reads beside each settled attempt. Emulator over loopback HTTP, real journal."""

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


def _ends(journal: Journal, invoice: str, status: PaymentStatus, note: str) -> None:
    assert journal.get(invoice).status is status
    assert journal.events(invoice)[-1].note == note


def test_an_attempt_the_bank_never_saw_is_closed_with_a_note(
    journal: Journal, client: EpayClient
) -> None:
    payment = journal.create_attempt(Decimal("10"))
    Reconciler(journal, client).run()
    _ends(journal, payment.invoice_id, PaymentStatus.CANCELLED,
          "reconciled: the bank has no payment")


def test_a_check_the_bank_cannot_answer_says_so(
    journal: Journal, fast: EpayClient, emulator: Emulator
) -> None:
    payment = journal.create_attempt(Decimal("10"))
    journal.transition(payment.invoice_id, PaymentStatus.TOKEN_ISSUED)
    journal.transition(payment.invoice_id, PaymentStatus.CHECKING)
    emulator.add_fault("status", "http_error", count=-1, status=503)
    Reconciler(journal, fast).run()
    _ends(journal, payment.invoice_id, PaymentStatus.UNKNOWN, "bank unreachable; will re-check")


def test_a_late_payment_says_it_came_after_the_close(
    journal: Journal, client: EpayClient, emulator: Emulator
) -> None:
    checkout = CheckoutService(journal, client)
    checkout.options = replace(checkout.options, poll_interval=0.01, poll_deadline=0.5)
    payment = checkout.begin(Decimal("100"))
    checkout.request_token(payment.invoice_id)
    checkout.form_opened(payment.invoice_id)
    journal.transition(payment.invoice_id, PaymentStatus.CANCELLED, note="cashier gave up")
    checkout.release(payment.invoice_id)
    emulator.pay(payment.invoice_id, APPROVED)
    assert len(Reconciler(journal, client).recheck_closed()) == 1
    _ends(journal, payment.invoice_id, PaymentStatus.PAID, "paid after the till had closed it")
