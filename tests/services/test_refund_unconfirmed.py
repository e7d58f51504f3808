"""Issue 14 A.5: an unconfirmed refund is never turned into FAILED by inference; it blocks
another refund of the payment until an administrator decides, with the bank's answer shown;
sending it again reuses its externalID.

The emulator over loopback HTTP, a real SQLite journal. The emulator lowers ``amount`` after a
refund; ``_bank_keeps_amount`` plays a bank that does not (no ePay document says it does).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.epay.client import EpayClient
from pos_app.services.reconcile import Reconciler
from pos_app.services.refunds import RefundError, RefundService
from pos_app.store.journal import Journal
from pos_app.store.refunds import RefundState
from pos_app.training import Emulator


def _refunds_at_bank(emulator: Emulator, invoice: str) -> list[dict[str, str]]:
    with emulator.bank.lock:
        return [op for op in emulator.bank.transactions[invoice].operations if op["op"] == "refund"]


def _bank_keeps_amount(emulator: Emulator, invoice: str) -> None:
    with emulator.bank.lock:
        tx = emulator.bank.transactions[invoice]
        tx.refunded = Decimal(0)  # the money went back, but the reply still shows the full amount


def _unconfirmed_refund(pay: Callable[[str], Payment], emulator: Emulator, fast: EpayClient,
                        journal: Journal) -> tuple[Payment, RefundService]:
    """A partial refund the bank made, whose confirmation was lost (status API down)."""
    paid = pay("100")
    service = RefundService(journal, fast)
    emulator.add_fault("status", "http_error", count=-1, status=503)
    outcome = service.refund(paid.invoice_id, "50", "returned one item")
    emulator.faults.clear()
    assert not outcome.confirmed and outcome.record.state is RefundState.UNKNOWN
    return paid, service


def test_a_second_refund_is_refused_until_an_administrator_decides(
    pay: Callable[[str], Payment], emulator: Emulator, fast: EpayClient, journal: Journal,
    client: EpayClient,
) -> None:
    paid, service = _unconfirmed_refund(pay, emulator, fast, journal)
    _bank_keeps_amount(emulator, paid.invoice_id)
    with pytest.raises(RefundError) as refused:
        service.refund(paid.invoice_id, "50", "returned the other item")
    assert refused.value.code == "pending_unconfirmed"
    assert refused.value.bank_answer == "CHARGE, amount 100.00, orgAmount 100.00, KZT"
    assert len(_refunds_at_bank(emulator, paid.invoice_id)) == 1  # never sent twice
    # The start-up reconciliation does not guess either.
    Reconciler(journal, client).run()
    [record] = service.log.for_payment(paid.invoice_id)
    assert record.state is RefundState.UNKNOWN
    assert journal.get(paid.invoice_id).status is PaymentStatus.PAID
    # The administrator looks at the cabinet: the refund went through.
    assert service.bank_answer(paid.invoice_id).startswith("CHARGE")
    decided = service.decide(paid.invoice_id, applied=True, reason="seen in the cabinet")
    assert decided.status is PaymentStatus.PARTIALLY_REFUNDED
    assert decided.refunded_amount == Decimal("50")
    [record] = service.log.for_payment(paid.invoice_id)
    assert record.state is RefundState.DONE and "bank: CHARGE" in record.note
    assert "administrator" in journal.events(paid.invoice_id)[-1].note


def test_not_done_by_the_administrator_allows_a_new_refund(
    pay: Callable[[str], Payment], emulator: Emulator, fast: EpayClient, journal: Journal,
) -> None:
    paid, service = _unconfirmed_refund(pay, emulator, fast, journal)
    _bank_keeps_amount(emulator, paid.invoice_id)
    service.decide(paid.invoice_id, applied=False, reason="not in the cabinet")
    [first] = service.log.for_payment(paid.invoice_id)
    assert first.state is RefundState.FAILED and "administrator: not done" in first.note
    outcome = service.refund(paid.invoice_id, "50", "returned one item")
    assert outcome.record.external_id == f"R-{paid.invoice_id}-2"


def test_sending_again_reuses_the_external_id(
    pay: Callable[[str], Payment], emulator: Emulator, fast: EpayClient, journal: Journal,
) -> None:
    paid = pay("300")
    service = RefundService(journal, fast)
    emulator.add_fault("refund", "reset", count=-1)  # the request may or may not have arrived
    outcome = service.refund(paid.invoice_id, "100", "wrong size")
    emulator.faults.clear()
    assert not outcome.confirmed
    assert _refunds_at_bank(emulator, paid.invoice_id) == []  # it had not arrived
    again = service.resend(paid.invoice_id)
    assert again.confirmed and again.record.id == outcome.record.id
    [sent] = _refunds_at_bank(emulator, paid.invoice_id)
    assert sent["externalID"] == outcome.record.external_id == f"R-{paid.invoice_id}-1"
    assert len(service.log.for_payment(paid.invoice_id)) == 1
    assert journal.get(paid.invoice_id).refunded_amount == Decimal("100")


def test_a_refused_resend_stays_open_for_the_administrator(
    pay: Callable[[str], Payment], emulator: Emulator, fast: EpayClient, journal: Journal,
) -> None:
    """The first refund went through but was never confirmed; sending it again is refused
    ("refund is allowed only in CHARGE status"): that refusal is no proof it failed."""
    paid = pay("300")
    service = RefundService(journal, fast)
    emulator.add_fault("status", "http_error", count=-1, status=503)
    first = service.refund(paid.invoice_id, "300", "wrong size")
    assert not first.confirmed and len(_refunds_at_bank(emulator, paid.invoice_id)) == 1
    with pytest.raises(RefundError) as refused:
        service.resend(paid.invoice_id)
    assert refused.value.record is not None
    assert refused.value.record.state is RefundState.UNKNOWN
    with pytest.raises(RefundError) as blocked:
        service.refund(paid.invoice_id, "100", "another try")
    assert blocked.value.code == "pending_unconfirmed"
    assert blocked.value.bank_answer == "the bank could not be asked"
    assert len(_refunds_at_bank(emulator, paid.invoice_id)) == 1
    assert journal.get(paid.invoice_id).status is PaymentStatus.PAID
