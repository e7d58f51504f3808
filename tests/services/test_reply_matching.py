"""Issue 14 A.4: a status reply settles an attempt only if invoice, terminal, amount and
currency are present and equal to the attempt's; a mismatch is a problem for the administrator.

The emulator over loopback HTTP answers; its transaction is altered in-process to play a bank
that replies about some other payment. Real SQLite journal.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from pos_app.domain.payment import PaymentStatus
from pos_app.epay.client import EpayClient
from pos_app.epay.config import TEST_MERCHANT
from pos_app.epay.status import TransactionStatus, mismatched_fields
from pos_app.services.checkout import CheckoutService
from pos_app.services.reconcile import Reconciler
from pos_app.store.journal import Journal
from pos_app.training import Emulator

APPROVED = "4405639704015096"
OTHER_TERMINAL = "11111111-2222-3333-4444-555555555555"
TX: dict[str, Any] = {
    "id": "af2089fe-43b1-47eb-a61f-c78dd196e18d", "invoiceID": "000042", "amount": 50000,
    "currency": "KZT", "terminalID": TEST_MERCHANT.terminal_id, "statusName": "CHARGE",
}


def _wrong(**changes: object) -> tuple[str, ...]:
    tx = {k: v for k, v in {**TX, **changes}.items() if v is not None}
    status = TransactionStatus.from_json({"resultCode": "100", "transaction": tx})
    return mismatched_fields(status, invoice_id="000042", terminal_id=TEST_MERCHANT.terminal_id,
                             amount=Decimal("50000"), currency="KZT")


@pytest.mark.parametrize(("changes", "wrong"), [
    ({}, ()),
    ({"invoiceID": "999999"}, ("invoiceID",)),
    ({"invoiceID": None}, ("invoiceID",)),
    ({"terminalID": OTHER_TERMINAL}, ("terminalID",)),
    ({"terminalID": None}, ("terminalID",)),
    ({"amount": None}, ("amount",)),
    ({"amount": 50001}, ("amount",)),
    ({"amount": 10, "orgAmount": 50000}, ()),  # after a partial refund: orgAmount counts
    ({"currency": "USD"}, ("currency",)),
    ({"currency": None}, ("currency",)),
    ({"invoiceID": "999999", "terminalID": OTHER_TERMINAL, "amount": None},
     ("invoiceID", "terminalID", "amount")),  # the reproduction of A.4
])
def test_every_field_must_be_present_and_equal(changes: dict[str, object],
                                                wrong: tuple[str, ...]) -> None:
    assert _wrong(**changes) == wrong


def _paid_at_bank(emulator: Emulator, journal: Journal, client: EpayClient,
                  amount: str = "50000") -> tuple[CheckoutService, str]:
    checkout = CheckoutService(journal, client)
    checkout.options = replace(checkout.options, poll_interval=0.01, poll_deadline=0.5)
    payment = checkout.begin(Decimal(amount))
    checkout.request_token(payment.invoice_id)
    checkout.form_opened(payment.invoice_id)
    emulator.pay(payment.invoice_id, APPROVED)
    return checkout, payment.invoice_id


def _alter(emulator: Emulator, invoice: str, **fields: object) -> None:
    with emulator.bank.lock:
        tx = emulator.bank.transactions[invoice]
        for name, value in fields.items():
            setattr(tx, name, value)


def test_a_charge_on_another_terminal_is_never_paid(
    emulator: Emulator, journal: Journal, client: EpayClient, caplog: pytest.LogCaptureFixture
) -> None:
    checkout, invoice = _paid_at_bank(emulator, journal, client)
    _alter(emulator, invoice, terminal=OTHER_TERMINAL)
    with caplog.at_level(logging.ERROR, logger="pos_app.services.settle"):
        settled = checkout.confirm(invoice, hint=True)
    assert settled.status is PaymentStatus.UNKNOWN
    assert "terminalID" in settled.problem
    assert settled.reference == "" and settled.card_mask == ""  # nothing copied from it
    assert any("does not match" in r.getMessage() for r in caplog.records)
    assert OTHER_TERMINAL not in caplog.text  # field names only, never values
    assert [p.invoice_id for p in journal.with_problems()] == [invoice]
    # The bank's reply is right again: the reconciler settles it and clears the flag.
    _alter(emulator, invoice, terminal=TEST_MERCHANT.terminal_id)
    Reconciler(journal, client).run()
    assert journal.get(invoice).status is PaymentStatus.PAID
    assert journal.get(invoice).problem == ""


def test_a_reply_about_another_invoice_is_never_paid_by_the_reconciler(
    emulator: Emulator, journal: Journal, client: EpayClient
) -> None:
    checkout, invoice = _paid_at_bank(emulator, journal, client)
    checkout.release(invoice)  # the till crashed with the form open
    _alter(emulator, invoice, invoice_id="999999")
    report = Reconciler(journal, client).run()
    payment = journal.get(invoice)
    assert payment.status is PaymentStatus.UNKNOWN
    assert "invoiceID" in payment.problem
    assert [p.invoice_id for p in report.still_open] == [invoice]


def test_recheck_closed_never_pays_from_a_charge_in_another_currency(
    emulator: Emulator, journal: Journal, client: EpayClient
) -> None:
    """The reproduction of A.4: CHARGE 10 USD turned a cancelled 50 000 KZT attempt paid."""
    checkout, invoice = _paid_at_bank(emulator, journal, client)
    _alter(emulator, invoice, status="NEW")
    journal.transition(invoice, PaymentStatus.CANCELLED, note="cashier gave up")
    checkout.release(invoice)
    _alter(emulator, invoice, status="CHARGE", amount=Decimal("10"), currency="USD")
    assert Reconciler(journal, client).recheck_closed() == []
    payment = journal.get(invoice)
    assert payment.status is PaymentStatus.CANCELLED
    assert "amount" in payment.problem and "currency" in payment.problem
