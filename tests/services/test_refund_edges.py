"""The edges of services/refunds.py that mutants survived (scripts/mutation, issue 14 C.7):
amount bounds, whole versus partial requests, refused and unconfirmed cancels, earlier refunds
and cancels settled by a later status check, the administrator's decisions, and the log trail.

The emulator over loopback HTTP and a real SQLite journal; the bank's transaction is altered
in-process where a test needs a bank that answers something the emulator would not by itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

import pytest

from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.epay.client import EpayClient
from pos_app.epay.config import TEST_MERCHANT
from pos_app.epay.status import TransactionStatus
from pos_app.services.refunds import (
    RefundError,
    RefundService,
    bank_status_name,
    can_cancel,
    can_refund,
    check_refund_amount,
    describe_answer,
    refunded_per_bank,
)
from pos_app.store.journal import Journal
from pos_app.store.refunds import RefundRecord, RefundState
from pos_app.training import Emulator

LOG = "pos_app.services.refunds"


def _logged(caplog: pytest.LogCaptureFixture, start: str) -> None:
    """The one line this module logged starts with ``start`` and has every id filled in."""
    [message] = [r.getMessage() for r in caplog.records if r.name == LOG]
    assert message.startswith(start) and "None" not in message


def _ops(emulator: Emulator, invoice: str) -> list[dict[str, str]]:
    with emulator.bank.lock:
        return list(emulator.bank.transactions[invoice].operations)


class _Spy(EpayClient):
    """The real client, remembering the amount of each refund request it sends."""

    def __init__(self, client: EpayClient) -> None:
        super().__init__(client.hosts, TEST_MERCHANT)
        self.refund_amounts: list[Decimal | None] = []

    def refund(self, transaction_id: str, amount: Decimal | None, external_id: str) -> None:
        self.refund_amounts.append(amount)
        super().refund(transaction_id, amount, external_id)


def _alter(emulator: Emulator, invoice: str, **fields: object) -> None:
    with emulator.bank.lock:
        tx = emulator.bank.transactions[invoice]
        for name, value in fields.items():
            setattr(tx, name, value)


# -- the pure rules ---------------------------------------------------------------------------

def _paid(journal: Journal, amount: str, refunded: str = "0") -> Payment:
    payment = journal.create_attempt(Decimal(amount))
    return replace(payment, status=PaymentStatus.PAID, refunded_amount=Decimal(refunded))


def test_ten_tenge_is_the_smallest_refund(journal: Journal) -> None:
    payment = _paid(journal, "100")
    assert check_refund_amount(payment, "10") == Decimal("10.00")
    assert check_refund_amount(payment, Decimal("10")) == Decimal("10.00")
    assert can_refund(_paid(journal, "100", refunded="90"), [])
    assert not can_refund(_paid(journal, "100", refunded="90.01"), [])


@pytest.mark.parametrize("amount", ["99999999999", Decimal("99999999999")])
def test_a_huge_amount_is_above_what_remains_not_unreadable(
    journal: Journal, amount: str | Decimal
) -> None:
    with pytest.raises(RefundError) as info:
        check_refund_amount(_paid(journal, "100"), amount)
    assert info.value.code == "above_remaining"


def test_only_a_paid_payment_can_be_cancelled(journal: Journal, pay: Callable[[str], Payment],
                                              emulator: Emulator) -> None:
    emulator.configure(two_step=True)
    held = pay("100")
    events = journal.events(held.invoice_id)
    assert bank_status_name(events) == "AUTH" and can_cancel(held, events)
    assert not can_cancel(replace(held, status=PaymentStatus.CANCELLED), events)
    assert bank_status_name([]) == ""


def test_what_the_bank_says_was_refunded(journal: Journal) -> None:
    payment = _paid(journal, "100")
    charge = TransactionStatus(result_code="100", status_name="CHARGE", amount=Decimal("60"))
    assert refunded_per_bank(payment, charge) == Decimal("40")
    with_org = replace(charge, org_amount=Decimal("80"))
    assert refunded_per_bank(payment, with_org) == Decimal("20")
    declined = TransactionStatus(result_code="100", status_name="REJECT", amount=Decimal("60"))
    assert refunded_per_bank(payment, declined) is None


def test_an_answer_without_a_status_name() -> None:
    status = TransactionStatus(result_code="100", amount=Decimal("5"))
    assert describe_answer(status) == "?, amount 5.00"


def test_a_refund_error_keeps_its_message() -> None:
    error = RefundError("below_minimum", "A refund must be at least 10 tenge.")
    assert str(error) == "A refund must be at least 10 tenge."
    assert error.bank_answer == "" and error.record is None


# -- refunds and cancels at the bank ----------------------------------------------------------

def test_a_whole_refund_sends_no_amount_and_a_partial_one_does(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator
) -> None:
    whole, part = pay("300"), pay("300")
    spy = _Spy(client)
    service = RefundService(journal, spy)
    service.refund(whole.invoice_id, "300", "all back")
    service.refund(part.invoice_id, "100", "one back")
    service.refund(part.invoice_id, "200", "the rest")
    spy.close()
    assert spy.refund_amounts == [None, Decimal("100"), Decimal("200")]  # the rest: not whole
    assert [o["amount"] for o in _ops(emulator, part.invoice_id) if o["op"] == "refund"] == [
        "100", "200"]


def test_a_refused_refund_records_the_banks_code(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator
) -> None:
    paid = pay("100")
    emulator.add_fault("refund", "http_error", status=400)
    with pytest.raises(RefundError) as info:
        RefundService(journal, client).refund(paid.invoice_id, "50", "x")
    cause = info.value.__cause__
    assert cause is not None and info.value.code == cause.code  # type: ignore[attr-defined]
    assert str(info.value) == str(cause)
    record = info.value.record
    assert record is not None
    assert record.note == f"{cause.code} [{cause.error_id}]"  # type: ignore[attr-defined]


def test_an_unconfirmed_refund_is_logged_and_noted(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    paid = pay("800")
    emulator.add_fault("refund", "reset")
    with caplog.at_level(logging.WARNING, logger=LOG):
        outcome = RefundService(journal, client).refund(paid.invoice_id, "800", "return")
    assert outcome.confirmed is False
    assert outcome.record.note == "not confirmed by the bank"
    external = outcome.record.external_id
    assert journal.events(paid.invoice_id)[-1].note == f"refund {external} sent; not confirmed yet"
    _logged(caplog, f"refund {external}: outcome unknown [")


def _held(pay: Callable[[str], Payment], emulator: Emulator) -> Payment:
    emulator.configure(two_step=True)
    return pay("2500")


def test_a_confirmed_cancel_notes_the_reason_and_the_bank(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator
) -> None:
    held = _held(pay, emulator)
    outcome = RefundService(journal, client).cancel(held.invoice_id, "  changed   mind ")
    external = outcome.record.external_id
    assert journal.events(held.invoice_id)[-1].note == (
        f"cancel {external} (changed mind); bank: CANCEL")


def test_a_refused_cancel_is_failed_not_unconfirmed(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator
) -> None:
    held = _held(pay, emulator)
    emulator.add_fault("cancel", "http_error", status=400)
    with pytest.raises(RefundError) as info:
        RefundService(journal, client).cancel(held.invoice_id, "changed mind")
    record = info.value.record
    assert record is not None and record.state is RefundState.FAILED
    assert record.kind == "cancel"
    assert journal.get(held.invoice_id).status is PaymentStatus.PAID
    assert journal.events(held.invoice_id)[-1].note == (
        f"cancel {record.external_id} refused: {info.value.code}")


def _unconfirmed_cancel(pay: Callable[[str], Payment], journal: Journal, client: EpayClient,
                        emulator: Emulator) -> tuple[Payment, RefundService, RefundRecord]:
    """A cancel that never reached the bank (connection reset): the bank still holds it."""
    held = _held(pay, emulator)
    service = RefundService(journal, client)
    emulator.add_fault("cancel", "reset")
    outcome = service.cancel(held.invoice_id, "changed mind")
    assert outcome.confirmed is False and outcome.record.state is RefundState.UNKNOWN
    assert outcome.payment.status is PaymentStatus.PAID  # still held: never cancelled by guess
    assert outcome.payment.invoice_id == held.invoice_id
    return held, service, outcome.record


def test_an_earlier_cancel_the_bank_did_is_settled_at_start(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator
) -> None:
    held, service, record = _unconfirmed_cancel(pay, journal, client, emulator)
    _alter(emulator, held.invoice_id, status="CANCEL")  # it did reach the bank after all
    assert service.settle_open() == []
    [done] = service.log.for_payment(held.invoice_id)
    assert (done.id, done.state, done.note) == (
        record.id, RefundState.DONE, "settled by a later status check")
    payment = journal.get(held.invoice_id)
    assert payment.status is PaymentStatus.CANCELLED
    assert journal.events(held.invoice_id)[-1].note == "earlier cancel confirmed"


def test_an_earlier_cancel_the_bank_did_not_do_is_closed_at_start(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator
) -> None:
    held, service, record = _unconfirmed_cancel(pay, journal, client, emulator)
    assert service.settle_open() == [journal.get(held.invoice_id)]
    [failed] = service.log.for_payment(held.invoice_id)
    assert (failed.id, failed.state) == (record.id, RefundState.FAILED)
    assert journal.get(held.invoice_id).status is PaymentStatus.PAID


def test_an_earlier_cancel_stays_open_when_the_bank_cannot_be_asked(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator,
    fast: EpayClient,
) -> None:
    held, _service, _record = _unconfirmed_cancel(pay, journal, client, emulator)
    emulator.add_fault("status", "http_error", count=-1, status=503)
    RefundService(journal, fast).settle_open()
    [still] = RefundService(journal, fast).log.for_payment(held.invoice_id)
    assert still.state is RefundState.UNKNOWN


def test_a_cancel_of_a_payment_settled_otherwise_is_closed(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator,
    fast: EpayClient,
) -> None:
    held, _service, record = _unconfirmed_cancel(pay, journal, client, emulator)
    journal.transition(held.invoice_id, PaymentStatus.CANCELLED, note="the administrator")
    emulator.add_fault("status", "http_error", count=-1, status=503)
    service = RefundService(journal, fast)
    assert service.settle_open() == []
    [closed] = service.log.for_payment(held.invoice_id)
    assert (closed.id, closed.state, closed.note) == (
        record.id, RefundState.FAILED, "payment settled")


def test_the_administrator_confirms_a_cancel(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator
) -> None:
    held, service, _record = _unconfirmed_cancel(pay, journal, client, emulator)
    decided = service.decide(held.invoice_id, applied=True, reason=" seen  in the cabinet ")
    assert decided.status is PaymentStatus.CANCELLED
    assert journal.events(held.invoice_id)[-1].note == "cancel confirmed by the administrator"
    [done] = service.log.for_payment(held.invoice_id)
    assert done.state is RefundState.DONE
    assert done.note == "administrator: done (seen in the cabinet); bank: AUTH, amount 2500.00, " \
        "orgAmount 2500.00, KZT"


def test_a_cancel_refused_by_the_fiscal_hook_sends_nothing(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator
) -> None:
    held = _held(pay, emulator)

    class Fiscal:
        def refund_refusal(self, invoice_id: str) -> str:
            return "no sale receipt" if invoice_id == held.invoice_id else ""

        def refund_confirmed(self, refund: RefundRecord) -> None:
            raise AssertionError("nothing was refunded")

    with pytest.raises(RefundError) as info:
        RefundService(journal, client, Fiscal()).cancel(held.invoice_id, "x")
    assert (info.value.code, str(info.value)) == ("no_fiscal_sale", "no sale receipt")
    assert emulator.calls("cancel") == 0


def test_only_a_paid_payment_is_asked_about_a_hold(
    pay: Callable[..., Payment], journal: Journal, client: EpayClient, emulator: Emulator
) -> None:
    declined = pay("100", "4003032704547597")
    asked = emulator.calls("status")
    with pytest.raises(RefundError) as info:
        RefundService(journal, client).cancel(declined.invoice_id, "x")
    assert (info.value.code, str(info.value)) == (
        "not_held", "Only a held payment can be cancelled.")
    assert emulator.calls("status") == asked


# -- refunds left unconfirmed -----------------------------------------------------------------

def _unconfirmed_refund(pay: Callable[[str], Payment], journal: Journal, fast: EpayClient,
                        emulator: Emulator, amount: str, paid_amount: str = "100",
                        ) -> tuple[Payment, RefundService]:
    """A refund the bank made, whose confirmation was lost (status API down)."""
    paid = pay(paid_amount)
    service = RefundService(journal, fast)
    emulator.add_fault("status", "http_error", count=-1, status=503)
    outcome = service.refund(paid.invoice_id, amount, "returned")
    emulator.faults.clear()
    assert outcome.record.state is RefundState.UNKNOWN
    return paid, service


def test_an_earlier_refund_the_bank_confirms_lets_the_next_one_go(
    pay: Callable[[str], Payment], journal: Journal, fast: EpayClient, emulator: Emulator
) -> None:
    paid, service = _unconfirmed_refund(pay, journal, fast, emulator, "50")
    outcome = service.refund(paid.invoice_id, "50", "the other item")
    first, second = service.log.for_payment(paid.invoice_id)
    assert (first.state, first.note) == (RefundState.DONE, "confirmed by a later status check")
    assert second.state is RefundState.DONE and outcome.confirmed
    notes = [e.note for e in journal.events(paid.invoice_id)]
    assert "earlier refund confirmed" in notes
    [earlier] = [e for e in journal.events(paid.invoice_id)
                 if e.note == "earlier refund confirmed"]
    assert earlier.to_status is PaymentStatus.PARTIALLY_REFUNDED
    assert earlier.data["refunded_amount"] == "50.00"
    assert outcome.payment.status is PaymentStatus.REFUNDED


@pytest.mark.parametrize(("amount", "status"), [
    ("100", PaymentStatus.REFUNDED), ("40", PaymentStatus.PARTIALLY_REFUNDED),
])
def test_settle_open_confirms_an_earlier_refund(
    pay: Callable[[str], Payment], journal: Journal, fast: EpayClient, emulator: Emulator,
    amount: str, status: PaymentStatus,
) -> None:
    paid, service = _unconfirmed_refund(pay, journal, fast, emulator, amount)
    [settled] = service.settle_open()
    assert settled.invoice_id == paid.invoice_id
    assert settled.status is status and settled.refunded_amount == Decimal(amount)
    assert journal.get(paid.invoice_id) == settled


def test_settle_open_leaves_other_payments_alone(
    pay: Callable[[str], Payment], journal: Journal, fast: EpayClient, emulator: Emulator
) -> None:
    first, service = _unconfirmed_refund(pay, journal, fast, emulator, "40")
    second, _ = _unconfirmed_refund(pay, journal, fast, emulator, "40")
    assert first.invoice_id < second.invoice_id  # the skipped one comes first
    [settled] = service.settle_open(only=frozenset({second.invoice_id}))
    assert settled.invoice_id == second.invoice_id
    assert journal.get(first.invoice_id).status is PaymentStatus.PAID
    assert service.open_requests(first.invoice_id) != []


def test_an_unconfirmed_refund_stays_open_and_is_logged(
    pay: Callable[[str], Payment], journal: Journal, fast: EpayClient, emulator: Emulator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    paid, service = _unconfirmed_refund(pay, journal, fast, emulator, "40")
    _alter(emulator, paid.invoice_id, refunded=Decimal(0))  # the bank shows nothing refunded
    with caplog.at_level(logging.WARNING, logger=LOG):
        assert service.settle_open() == []
    assert f"refunds of {paid.invoice_id} stay open: pending_unconfirmed" in [
        r.getMessage() for r in caplog.records]


def test_a_status_failure_is_logged_with_its_ids(
    pay: Callable[[str], Payment], journal: Journal, fast: EpayClient, emulator: Emulator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    paid = pay("100")
    emulator.add_fault("status", "http_error", count=-1, status=503)
    with caplog.at_level(logging.WARNING, logger=LOG):
        assert RefundService(journal, fast).bank_answer(paid.invoice_id) == (
            "the bank could not be asked")
    _logged(caplog, f"status of {paid.invoice_id} not read: epay_unavailable [")


def test_a_status_reply_about_another_payment_confirms_nothing(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator
) -> None:
    paid = pay("100")
    emulator.add_fault("refund", "drop_after")  # the bank refunds; the reply is lost
    _alter(emulator, paid.invoice_id, currency="USD")
    outcome = RefundService(journal, client).refund(paid.invoice_id, "100", "return")
    assert outcome.confirmed is False
    payment = journal.get(paid.invoice_id)
    assert payment.status is PaymentStatus.PAID and "currency" in payment.problem


def test_the_administrator_confirms_a_whole_refund(
    pay: Callable[[str], Payment], journal: Journal, fast: EpayClient, emulator: Emulator
) -> None:
    paid, service = _unconfirmed_refund(pay, journal, fast, emulator, "100")
    _alter(emulator, paid.invoice_id, refunded=Decimal(0), status="CHARGE")
    decided = service.decide(paid.invoice_id, applied=True, reason="cabinet")
    assert decided.status is PaymentStatus.REFUNDED
    assert decided.refunded_amount == Decimal("100")
    assert journal.events(paid.invoice_id)[-1].note == "refund confirmed by the administrator"


def test_not_done_leaves_the_payment_as_it_was(
    pay: Callable[[str], Payment], journal: Journal, fast: EpayClient, emulator: Emulator
) -> None:
    paid, service = _unconfirmed_refund(pay, journal, fast, emulator, "40")
    _alter(emulator, paid.invoice_id, refunded=Decimal(0))
    decided = service.decide(paid.invoice_id, applied=False, reason="not in the cabinet")
    assert decided.status is PaymentStatus.PAID and decided.refunded_amount == 0


def test_nothing_to_decide(pay: Callable[[str], Payment], journal: Journal,
                           client: EpayClient) -> None:
    paid = pay("100")
    with pytest.raises(RefundError) as info:
        RefundService(journal, client).decide(paid.invoice_id, applied=True, reason="x")
    assert info.value.code == "nothing_open"


def test_nothing_to_send_again(pay: Callable[[str], Payment], journal: Journal,
                               client: EpayClient, emulator: Emulator) -> None:
    paid = pay("100")
    with pytest.raises(RefundError) as info:
        RefundService(journal, client).resend(paid.invoice_id)
    assert (info.value.code, str(info.value)) == (
        "not_refundable", "There is no single unconfirmed refund to send.")
    assert emulator.calls("refund") == 0


def test_no_resend_for_a_payment_no_longer_refundable(
    pay: Callable[[str], Payment], journal: Journal, fast: EpayClient, emulator: Emulator
) -> None:
    paid, service = _unconfirmed_refund(pay, journal, fast, emulator, "40")
    journal.transition(paid.invoice_id, PaymentStatus.REFUNDED, note="cabinet")
    with pytest.raises(RefundError) as info:
        service.resend(paid.invoice_id)
    assert info.value.code == "not_refundable"
    assert emulator.calls("refund") == 1


def test_a_whole_resend_sends_no_amount(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    paid = pay("300")
    spy = _Spy(client)
    service = RefundService(journal, spy)
    emulator.add_fault("refund", "reset")
    first = service.refund(paid.invoice_id, "300", "wrong size")
    with caplog.at_level(logging.INFO, logger=LOG):
        again = service.resend(paid.invoice_id)
    spy.close()
    assert again.confirmed
    assert spy.refund_amounts == [None, None]
    assert (f"refund {first.record.external_id} sent again by the administrator"
            in [r.getMessage() for r in caplog.records if r.name == LOG])


def test_a_resend_counts_what_was_refunded_before(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    paid = pay("300")
    service = RefundService(journal, client)
    service.refund(paid.invoice_id, "100", "first item")
    emulator.add_fault("refund", "reset", count=2)
    second = service.refund(paid.invoice_id, "100", "second item")
    assert not second.confirmed
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger=LOG):
        again = service.resend(paid.invoice_id)  # it does not reach the bank either
    assert again.confirmed is False  # the bank shows 100 refunded, not 200
    assert journal.get(paid.invoice_id).refunded_amount == Decimal("100")
    _logged(caplog, f"refund {second.record.external_id}: outcome unknown [")


def test_a_refused_resend_keeps_the_banks_code(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, emulator: Emulator
) -> None:
    paid = pay("300")
    service = RefundService(journal, client)
    emulator.add_fault("refund", "reset")
    service.refund(paid.invoice_id, "100", "wrong size")
    emulator.add_fault("refund", "http_error", status=400)
    with pytest.raises(RefundError) as info:
        service.resend(paid.invoice_id)
    cause = info.value.__cause__
    assert cause is not None
    assert info.value.code == cause.code  # type: ignore[attr-defined]
    assert str(info.value) == str(cause)
    record = info.value.record
    assert record is not None and record.state is RefundState.UNKNOWN
    assert record.note == (f"sent again; refused: {cause.code} "  # type: ignore[attr-defined]
                           f"[{cause.error_id}]")  # type: ignore[attr-defined]


def test_the_administrator_confirms_a_second_refund(
    pay: Callable[[str], Payment], journal: Journal, client: EpayClient, fast: EpayClient,
    emulator: Emulator,
) -> None:
    paid = pay("300")
    RefundService(journal, client).refund(paid.invoice_id, "100", "first item")
    service = RefundService(journal, fast)
    emulator.add_fault("status", "http_error", count=-1, status=503)
    assert not service.refund(paid.invoice_id, "100", "second item").confirmed
    emulator.faults.clear()
    decided = service.decide(paid.invoice_id, applied=True, reason="cabinet")
    assert decided.status is PaymentStatus.PARTIALLY_REFUNDED
    assert decided.refunded_amount == Decimal("200")


def test_a_new_refund_refused_for_an_open_one_names_it(
    pay: Callable[[str], Payment], journal: Journal, fast: EpayClient, emulator: Emulator
) -> None:
    paid, service = _unconfirmed_refund(pay, journal, fast, emulator, "40")
    _alter(emulator, paid.invoice_id, refunded=Decimal(0))
    with pytest.raises(RefundError) as info:
        service.refund(paid.invoice_id, "20", "another item")
    [open_] = service.open_requests(paid.invoice_id)
    assert info.value.code == "pending_unconfirmed" and info.value.record == open_
    assert str(info.value) == "An earlier refund is not confirmed; an administrator must decide."
