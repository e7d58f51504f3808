"""Refunds and cancels in training mode: real HTTP to the emulator, the journal on disk."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.epay.client import EpayClient
from pos_app.services.refunds import (
    RefundError,
    RefundService,
    bank_status_name,
    can_cancel,
    can_refund,
)
from pos_app.store.journal import Journal
from pos_app.store.refunds import RefundState
from pos_app.training import Emulator


def test_full_refund(pay: Callable[[str], Payment], journal: Journal, client: EpayClient,
                     emulator: Emulator) -> None:
    paid = pay("1500")
    assert paid.status is PaymentStatus.PAID
    assert can_refund(paid, journal.events(paid.invoice_id))
    outcome = RefundService(journal, client).refund(paid.invoice_id, "1500", "customer returned")
    assert outcome.confirmed
    assert outcome.payment.status is PaymentStatus.REFUNDED
    assert outcome.payment.refunded_amount == Decimal("1500.00")
    assert outcome.record.external_id == f"R-{paid.invoice_id}-1"
    assert outcome.record.state is RefundState.DONE
    assert emulator.calls("refund") == 1
    tx = emulator.transaction(paid.invoice_id)
    assert tx is not None and tx["statusName"] == "REFUND"
    notes = [e.note for e in journal.events(paid.invoice_id)]
    assert any("R-" in n and "customer returned" in n for n in notes)


def test_partial_then_rest(pay: Callable[[str], Payment], journal: Journal,
                           client: EpayClient, emulator: Emulator) -> None:
    paid = pay("1000")
    service = RefundService(journal, client)
    first = service.refund(paid.invoice_id, "300,50", "one item back")
    assert first.payment.status is PaymentStatus.PARTIALLY_REFUNDED
    assert first.payment.refunded_amount == Decimal("300.50")
    assert first.payment.remaining == Decimal("699.50")
    second = service.refund(paid.invoice_id, "699.50", "the rest")
    assert second.payment.status is PaymentStatus.REFUNDED
    assert second.payment.refunded_amount == Decimal("1000.00")
    assert second.record.external_id == f"R-{paid.invoice_id}-2"
    assert emulator.calls("refund") == 2
    ops = emulator.bank.transactions[paid.invoice_id].operations
    assert [o["externalID"] for o in ops] == [f"R-{paid.invoice_id}-1", f"R-{paid.invoice_id}-2"]


@pytest.mark.parametrize(("text", "code"), [
    ("9.99", "below_minimum"), ("5", "below_minimum"), ("500.01", "above_remaining"),
    ("abc", "not_a_number"), ("", "not_a_number"), ("-20", "not_a_number"), ("1,234", "not_a_number"),
])
def test_bad_amounts_are_rejected_and_nothing_is_sent(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator,
    text: str, code: str,
) -> None:
    paid = pay("500")
    before = emulator.calls("refund")
    with pytest.raises(RefundError) as info:
        RefundService(journal, client).refund(paid.invoice_id, text, "reason")
    assert info.value.code == code
    assert emulator.calls("refund") == before
    assert journal.get(paid.invoice_id).status is PaymentStatus.PAID


def test_above_what_remains_after_a_partial_refund(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator
) -> None:
    paid = pay("100")
    service = RefundService(journal, client)
    service.refund(paid.invoice_id, "60", "part")
    with pytest.raises(RefundError) as info:
        service.refund(paid.invoice_id, "41", "too much")
    assert info.value.code == "above_remaining"
    assert emulator.calls("refund") == 1


def test_reason_is_required(pay: Callable[[str], Payment], journal: Journal,
                            client: EpayClient, emulator: Emulator) -> None:
    paid = pay("100")
    with pytest.raises(RefundError) as info:
        RefundService(journal, client).refund(paid.invoice_id, "50", "   ")
    assert info.value.code == "reason_missing"
    assert emulator.calls("refund") == 0


def test_declined_payment_cannot_be_refunded(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator
) -> None:
    declined = pay("100", "4003032704547597")
    assert declined.status is PaymentStatus.DECLINED
    with pytest.raises(RefundError) as info:
        RefundService(journal, client).refund(declined.invoice_id, "100", "x")
    assert info.value.code == "not_refundable"
    assert emulator.calls("refund") == 0


def test_cancel_of_a_held_payment(pay: Callable[[str], Payment], journal: Journal,
                                  client: EpayClient, emulator: Emulator) -> None:
    emulator.configure(two_step=True)
    held = pay("2500")
    assert held.status is PaymentStatus.PAID
    events = journal.events(held.invoice_id)
    assert bank_status_name(events) == "AUTH"
    assert can_cancel(held, events) and not can_refund(held, events)
    outcome = RefundService(journal, client).cancel(held.invoice_id, "customer changed mind")
    assert outcome.confirmed
    assert outcome.payment.status is PaymentStatus.CANCELLED
    assert outcome.record.external_id == f"C-{held.invoice_id}-1"
    assert emulator.calls("cancel") == 1
    tx = emulator.transaction(held.invoice_id)
    assert tx is not None and tx["statusName"] == "CANCEL"


def test_cancel_refused_for_a_charged_payment(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator
) -> None:
    paid = pay("100")
    with pytest.raises(RefundError) as info:
        RefundService(journal, client).cancel(paid.invoice_id, "x")
    assert info.value.code == "not_held"
    assert emulator.calls("cancel") == 0


def test_reset_before_the_bank_acted_leaves_the_refund_unconfirmed(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator
) -> None:
    paid = pay("800")
    emulator.add_fault("refund", "reset")  # the connection breaks before the bank acts
    outcome = RefundService(journal, client).refund(paid.invoice_id, "800", "return")
    assert emulator.calls("refund") == 1 and emulator.performed("refund") == 0  # no blind retry
    assert not outcome.confirmed
    assert outcome.record.state is RefundState.UNKNOWN  # never FAILED by inference
    assert outcome.payment.status is PaymentStatus.PAID
    assert journal.get(paid.invoice_id).refunded_amount == 0


def test_reply_lost_after_the_bank_refunded_is_confirmed_by_the_status(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator
) -> None:
    paid = pay("800")
    emulator.add_fault("refund", "drop_after")  # the bank refunds, then the reply is lost
    outcome = RefundService(journal, client).refund(paid.invoice_id, "800", "return")
    assert emulator.calls("refund") == 1 and emulator.performed("refund") == 1
    assert outcome.confirmed and outcome.record.state is RefundState.DONE
    assert outcome.payment.status is PaymentStatus.REFUNDED
    assert journal.get(paid.invoice_id).refunded_amount == Decimal("800")


def test_bank_refusal_is_recorded(pay: Callable[[str], Payment], journal: Journal,
                                  client: EpayClient, emulator: Emulator) -> None:
    paid = pay("100")
    emulator.add_fault("refund", "http_error", status=400)
    with pytest.raises(RefundError) as info:
        RefundService(journal, client).refund(paid.invoice_id, "50", "x")
    assert info.value.record is not None and info.value.record.state is RefundState.FAILED
    assert journal.get(paid.invoice_id).status is PaymentStatus.PAID
    assert "refused" in journal.events(paid.invoice_id)[-1].note
