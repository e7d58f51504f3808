"""Fiscal receipts through the journal: real SQLite, real HTTP to the Webkassa emulator (and
to the ePay emulator for the refund flow)."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest

from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.epay.client import EpayClient
from pos_app.fiscal.adapter import PreparedRequest
from pos_app.fiscal.receipt import Operation, TaxPolicy, receipt_for_amount
from pos_app.fiscal.webkassa.adapter import WebkassaAdapter
from pos_app.services.fiscal import FiscalProfile, FiscalRefused, FiscalService, sale_key
from pos_app.services.refunds import RefundError, RefundService
from pos_app.store.fiscal_ops import FiscalState
from pos_app.store.journal import Journal
from pos_app.store.refunds import RefundLog, RefundState
from pos_app.training.webkassa import WebkassaEmulator
from tests.fiscal.conftest import make_adapter

PROFILE = FiscalProfile("Товар", 16, "")


@pytest.fixture
def wk() -> Iterator[WebkassaEmulator]:
    emu = WebkassaEmulator().start()
    yield emu
    emu.stop()


@pytest.fixture
def adapter(wk: WebkassaEmulator) -> Iterator[WebkassaAdapter]:
    a = make_adapter(wk)
    yield a
    a.close()


@pytest.fixture
def fiscal(journal: Journal, adapter: WebkassaAdapter) -> FiscalService:
    return FiscalService(journal, adapter, PROFILE)


def paid(journal: Journal, amount: str = "1500.00") -> Payment:
    payment = journal.create_attempt(Decimal(amount))
    return journal.transition(payment.invoice_id, PaymentStatus.PAID, note="bank: CHARGE")


def keys_at(wk: WebkassaEmulator) -> list[str]:
    return sorted(str(c["key"]) for c in wk.register.all_checks())


def test_the_key_and_body_are_journaled_before_sending(
        wk: WebkassaEmulator, journal: Journal, fiscal: FiscalService) -> None:
    payment = paid(journal, "1234.50")
    op = fiscal.enqueue_sale(payment.invoice_id)
    assert op.state is FiscalState.PREPARED and op.key == f"pos-S-{payment.invoice_id}"
    assert '"Sum": 1234.50' in op.body and '"RoundType": 0' in op.body
    assert '"Tax": 170.28' in op.body and "Token" not in op.body
    assert wk.register.registrations == 0
    assert fiscal.enqueue_sale(payment.invoice_id) == op  # never a second key
    done = fiscal.process(op)
    assert done.state is FiscalState.DONE and done.fiscal_number
    assert keys_at(wk) == [op.key]
    states = [e[2] for e in fiscal.log.events(op.id)]
    assert states == ["prepared", "sent", "done"]


def test_a_second_sale_row_for_a_payment_is_impossible(journal: Journal,
                                                       fiscal: FiscalService) -> None:
    payment = paid(journal)
    fiscal.enqueue_sale(payment.invoice_id)
    with pytest.raises(sqlite3.IntegrityError), journal.writing() as conn:
        conn.execute("INSERT INTO fiscal_ops (invoice_id, kind, key, provider, cashbox, amount,"
                     " body, state, created_at, updated_at) VALUES (?, 'sale', 'other', 'w',"
                     " 'c', '1.00', '{}', 'prepared', 'x', 'x')", (payment.invoice_id,))


def test_a_done_row_never_changes_and_nothing_is_deleted(journal: Journal,
                                                         fiscal: FiscalService) -> None:
    op = fiscal.process(fiscal.enqueue_sale(paid(journal).invoice_id))
    for sql in ("UPDATE fiscal_ops SET fiscal_number = 'x' WHERE id = ?",
                "DELETE FROM fiscal_ops WHERE id = ?", "DELETE FROM fiscal_events WHERE op_id = ?"):
        with pytest.raises(sqlite3.IntegrityError), journal.writing() as conn:
            conn.execute(sql, (op.id,))


def test_lost_reply_is_unknown_then_settled_by_resending(
        wk: WebkassaEmulator, journal: Journal, fiscal: FiscalService) -> None:
    op = fiscal.enqueue_sale(paid(journal).invoice_id)
    wk.add_fault("check", "drop_after_commit")
    after = fiscal.process(op)
    assert after.state is FiscalState.UNKNOWN
    assert fiscal.log.csv_columns(op.invoice_id)[0] == "unknown"
    settled = fiscal.process(after)
    assert settled.state is FiscalState.DONE
    assert keys_at(wk) == [op.key] and wk.register.registrations == 1
    assert "recovered" in fiscal.log.events(op.id)[-1][3]


def test_duplicate_without_data_is_settled_by_lookup(
        wk: WebkassaEmulator, journal: Journal, fiscal: FiscalService) -> None:
    wk.switch(duplicate_with_data=False)
    op = fiscal.enqueue_sale(paid(journal).invoice_id)
    wk.add_fault("check", "drop_after_commit")
    assert fiscal.process(op).state is FiscalState.UNKNOWN
    settled = fiscal.process(op)
    assert settled.state is FiscalState.DONE and settled.fiscal_number
    assert wk.register.registrations == 1


def test_after_a_z_report_the_lookup_comes_first(
        wk: WebkassaEmulator, journal: Journal, adapter: WebkassaAdapter,
        fiscal: FiscalService) -> None:
    op = fiscal.enqueue_sale(paid(journal).invoice_id)
    wk.add_fault("check", "drop_after_commit")
    fiscal.process(op)
    adapter.close_shift()
    wk.register.advance(60)
    other = receipt_for_amount(Decimal("5"), "X", TaxPolicy(16))
    adapter.send(adapter.prepare(other, "pos-S-other"))  # a new shift opens
    settled = fiscal.process(op)
    assert settled.state is FiscalState.DONE
    notes = [e[3] for e in fiscal.log.events(op.id)]
    assert "resend, same key" not in notes  # found by lookup, nothing re-sent
    assert wk.register.registrations == 2


def test_crash_after_sent_is_reconciled_at_start(
        wk: WebkassaEmulator, journal: Journal, adapter: WebkassaAdapter) -> None:
    first = FiscalService(journal, adapter, PROFILE)
    registered = first.enqueue_sale(paid(journal).invoice_id)
    never_arrived = first.enqueue_sale(paid(journal).invoice_id)
    queued = first.enqueue_sale(paid(journal).invoice_id)
    # the till died after committing "sent": one request reached the register, one did not
    first.log.move(registered.id, FiscalState.SENT)
    adapter.send(PreparedRequest("webkassa", registered.key, Operation.SALE, registered.body))
    first.log.move(never_arrived.id, FiscalState.SENT)
    unqueued = paid(journal)  # paid, but the crash came before its receipt was queued
    report = FiscalService(journal, make_adapter(wk), PROFILE).reconcile()
    assert len(report.done) == 4 and not report.waiting
    assert keys_at(wk) == sorted([registered.key, never_arrived.key, queued.key,
                                  sale_key(unqueued.invoice_id)])
    assert wk.register.registrations == 4


def test_blocked_cashbox_keeps_the_queue_in_order(
        wk: WebkassaEmulator, journal: Journal, fiscal: FiscalService) -> None:
    ops = [fiscal.enqueue_sale(paid(journal).invoice_id) for _ in range(3)]
    wk.set_cashbox(status="blocked")
    report = fiscal.run_queue()
    assert not report.done and [o.id for o in report.waiting] == [o.id for o in ops]
    first = fiscal.log.get(ops[0].id)
    assert first.state is FiscalState.FAILED and first.retryable and first.error_code == "7"
    assert fiscal.log.get(ops[1].id).state is FiscalState.PREPARED  # never overtook
    assert fiscal.log.csv_columns(ops[0].invoice_id)[0] == "pending"
    wk.set_cashbox(status="active")
    assert len(fiscal.run_queue().done) == 3
    orders = {c["key"]: c for c in wk.register.all_checks()}
    assert [orders[o.key]["number"] for o in ops] == sorted(orders[o.key]["number"] for o in ops)


def test_shift_over_24_hours_then_z_then_the_queue(
        wk: WebkassaEmulator, journal: Journal, fiscal: FiscalService) -> None:
    fiscal.process(fiscal.enqueue_sale(paid(journal).invoice_id))
    wk.register.advance(24 * 3600 + 5)
    op = fiscal.process(fiscal.enqueue_sale(paid(journal).invoice_id))
    assert op.state is FiscalState.FAILED and op.error_code == "11" and op.retryable
    report = fiscal.close_shift()
    assert report is not None and report.shift_number == 1
    assert fiscal.log.get(op.id).state is FiscalState.DONE
    assert wk.register.registrations == 2


def test_close_shift_refuses_while_an_outcome_is_unknown(
        wk: WebkassaEmulator, journal: Journal, fiscal: FiscalService) -> None:
    op = fiscal.enqueue_sale(paid(journal).invoice_id)
    wk.add_fault("check", "drop_after_commit")
    fiscal.process(op)
    wk.add_fault("*", "drop_before", count=50)
    with pytest.raises(FiscalRefused) as info:
        fiscal.close_shift()
    assert info.value.code == "queue_not_empty"
    wk.clear_faults()
    fiscal.close_shift()
    assert fiscal.log.get(op.id).state is FiscalState.DONE


def test_validation_failure_is_final_and_does_not_block_others(
        wk: WebkassaEmulator, journal: Journal, fiscal: FiscalService) -> None:
    bad = fiscal.enqueue_sale(paid(journal).invoice_id)
    good = fiscal.enqueue_sale(paid(journal).invoice_id)
    wk.add_fault("check", "code", code=9)
    report = fiscal.run_queue()
    assert [o.id for o in report.failed] == [bad.id] and [o.id for o in report.done] == [good.id]
    assert fiscal.log.csv_columns(bad.invoice_id)[0] == "failed"


def test_token_expiry_mid_sale_gives_one_receipt(
        wk: WebkassaEmulator, journal: Journal, fiscal: FiscalService) -> None:
    fiscal.process(fiscal.enqueue_sale(paid(journal).invoice_id))
    wk.register.expire_tokens()
    assert fiscal.process(fiscal.enqueue_sale(paid(journal).invoice_id)).state is FiscalState.DONE
    assert wk.register.registrations == 2


def test_return_needs_a_registered_sale(wk: WebkassaEmulator, journal: Journal,
                                        fiscal: FiscalService) -> None:
    payment = paid(journal)
    refunds = RefundLog(journal)
    record = refunds.finish(refunds.begin(payment.invoice_id, "refund", Decimal("500"), "x").id,
                            RefundState.DONE)
    with pytest.raises(FiscalRefused) as info:
        fiscal.enqueue_return(record)
    assert info.value.code == "no_fiscal_sale"
    assert "no fiscal receipt" in fiscal.refund_refusal(payment.invoice_id)
    sale = fiscal.process(fiscal.enqueue_sale(payment.invoice_id))
    assert fiscal.refund_refusal(payment.invoice_id) == ""
    back = fiscal.process(fiscal.enqueue_return(record))
    assert back.state is FiscalState.DONE and back.key == f"pos-R-{payment.invoice_id}-1"
    (check,) = [c for c in wk.register.all_checks() if c["key"] == back.key]
    assert check["operation"] == 3 and check["total"] == "500.00"
    assert check["basis"]["checknumber"] == sale.fiscal_number  # type: ignore[index]


def test_refund_service_refuses_without_fiscal_receipt_and_queues_the_return(
        wk: WebkassaEmulator, journal: Journal, fiscal: FiscalService,
        pay: Callable[[str], Payment], client: EpayClient) -> None:
    payment = pay("2000")
    service = RefundService(journal, client, fiscal)
    with pytest.raises(RefundError) as info:
        service.refund(payment.invoice_id, "500", "customer changed mind")
    assert info.value.code == "no_fiscal_sale"
    assert RefundLog(journal).for_payment(payment.invoice_id) == []  # nothing sent to the bank
    fiscal.process(fiscal.enqueue_sale(payment.invoice_id))
    outcome = service.refund(payment.invoice_id, "500", "customer changed mind")
    assert outcome.confirmed
    back = fiscal.log.for_refund(outcome.record.id)
    assert back is not None and back.state is FiscalState.PREPARED
    assert fiscal.run_queue().done[0].id == back.id


def test_journal_csv_appends_the_fiscal_columns(wk: WebkassaEmulator, journal: Journal,
                                                fiscal: FiscalService) -> None:
    done = fiscal.process(fiscal.enqueue_sale(paid(journal).invoice_id))
    journal.create_attempt(Decimal("5"))
    out = io.StringIO()
    journal.write_csv(out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0])[16:] == ["fiscal_status", "fiscal_number", "fiscal_ticket_url",
                                 "row_kind", "refund_state"]  # appended, nothing moved
    assert (rows[0]["fiscal_status"], rows[0]["fiscal_number"]) == ("done", done.fiscal_number)
    assert rows[0]["fiscal_ticket_url"] == done.ticket_url
    assert rows[1]["fiscal_status"] == "none"


def test_our_z_report_closes_the_register_shift_after_the_queue(
        wk: WebkassaEmulator, journal: Journal, fiscal: FiscalService) -> None:
    from pos_app.services.reports import ShiftService
    from pos_app.store.shifts import ShiftError

    shifts = ShiftService(journal, None, fiscal=fiscal)
    shifts.open()
    op = fiscal.enqueue_sale(paid(journal).invoice_id)  # queued, not sent yet
    wk.add_fault("*", "drop_before", count=100)
    with pytest.raises(ShiftError) as info:
        shifts.close()
    assert info.value.code == "fiscal_unreachable"  # the cashier is told what to do
    assert shifts.current() is not None  # our shift stays open too
    wk.clear_faults()
    report, _ = shifts.close()
    assert report.kind == "Z" and fiscal.log.get(op.id).state is FiscalState.DONE
    assert wk.state()["cashboxes"]["SWK00000001"]["shift"] is None  # the register's closed


def test_payments_from_before_fiscal_receipts_were_switched_on_get_none(
        wk: WebkassaEmulator, journal: Journal, adapter: WebkassaAdapter) -> None:
    old = paid(journal)
    service = FiscalService(journal, adapter, PROFILE)
    journal.transition(old.invoice_id, PaymentStatus.REFUNDED, note="refunded later")
    new = paid(journal)
    report = service.reconcile()
    assert [op.invoice_id for op in report.done] == [new.invoice_id]
    assert service.log.sale_for(old.invoice_id) is None and wk.register.registrations == 1
