"""Our Z report and the cash register's (issue 15): the register's Z is kept with ours; a
register with no open shift does not hold our Z up; an unreachable or blocked register keeps
both shifts open with a reason the cashier can act on, and nothing is lost. Real SQLite, real
HTTP to the Webkassa emulator (and to a loopback port nobody listens on). Also: two threads
queueing the same receipt (start-up reconciliations) get one row."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from decimal import Decimal

import httpx
import pytest

from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.fiscal.errors import OutcomeUnknown
from pos_app.fiscal.webkassa.adapter import WebkassaAdapter
from pos_app.fiscal.webkassa.client import WebkassaClient
from pos_app.fiscal.webkassa.report import parse_report
from pos_app.services.fiscal import FiscalProfile, FiscalService
from pos_app.services.reports import ShiftService
from pos_app.store.fiscal_ops import FiscalState
from pos_app.store.journal import Journal
from pos_app.store.shifts import ShiftError
from pos_app.training.webkassa import TRAINING_CASHBOX, WebkassaEmulator
from tests.fiscal.conftest import CREDS, fiscal_service

PROFILE = FiscalProfile("Товар", 16, "")


@pytest.fixture
def wk() -> Iterator[WebkassaEmulator]:
    with WebkassaEmulator() as emu:
        yield emu


@pytest.fixture
def fiscal(journal: Journal, wk: WebkassaEmulator) -> Iterator[FiscalService]:
    with fiscal_service(journal, wk) as service:
        yield service


def paid(journal: Journal, amount: str) -> Payment:
    payment = journal.create_attempt(Decimal(amount))
    return journal.transition(payment.invoice_id, PaymentStatus.PAID, note="bank: CHARGE")


def dead_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # nothing listens here once the socket closes


def test_the_register_z_report_is_kept_with_ours(
        wk: WebkassaEmulator, journal: Journal, fiscal: FiscalService) -> None:
    shifts = ShiftService(journal, None, fiscal=fiscal)
    shifts.open()
    for amount in ("1500.50", "700"):
        fiscal.process(fiscal.enqueue_sale(paid(journal, amount).invoice_id))
    report, _ = shifts.close()
    register = report.register
    assert register is not None and register.closed and register.shift_number == 1
    assert (register.sales_count, register.sales_total) == (2, Decimal("2200.50"))
    assert (register.returns_count, register.returns_total) == (0, Decimal("0.00"))
    assert register.documents == 2 and register.closed_on and register.registration_number
    assert register.serial_number == TRAINING_CASHBOX
    assert shifts.z_report(report.number or 0).register == register  # stored for reprints
    assert wk.state()["cashboxes"][TRAINING_CASHBOX]["shift"] is None


def test_a_day_without_receipts_closes_although_the_register_has_no_shift(
        wk: WebkassaEmulator, journal: Journal, fiscal: FiscalService) -> None:
    """The register opens a shift with its first check: none, nothing to close (code 13)."""
    shifts = ShiftService(journal, None, fiscal=fiscal)
    shifts.open()
    report, _ = shifts.close()
    assert report.kind == "Z" and report.register is None and shifts.current() is None


def test_an_unreachable_register_keeps_both_shifts_open_and_loses_nothing(
        wk: WebkassaEmulator, journal: Journal, fiscal: FiscalService) -> None:
    away = WebkassaAdapter(WebkassaClient(f"http://127.0.0.1:{dead_port()}", CREDS,
                                          timeout=httpx.Timeout(2.0)), TRAINING_CASHBOX)
    cut_off = FiscalService(journal, away, PROFILE)
    shifts = ShiftService(journal, None, fiscal=cut_off)
    shifts.open()
    fiscal.process(fiscal.enqueue_sale(paid(journal, "100").invoice_id))
    waiting = cut_off.enqueue_sale(paid(journal, "250").invoice_id)
    with pytest.raises(ShiftError) as info:
        shifts.close()
    assert info.value.code == "fiscal_unreachable"
    assert shifts.current() is not None and shifts.store.z_reports() == []
    op = fiscal.log.get(waiting.id)
    assert op.state is FiscalState.FAILED and op.retryable and op.queued  # still queued
    assert wk.register.registrations == 1
    away.close()
    report, _ = ShiftService(journal, None, fiscal=fiscal).close()  # the register is back
    assert fiscal.log.get(waiting.id).state is FiscalState.DONE
    assert wk.register.registrations == 2 and report.sales_count == 2
    assert report.register is not None and report.register.sales_count == 2


def test_unconfirmed_receipts_and_a_blocked_register_have_their_own_reason(
        wk: WebkassaEmulator, journal: Journal, fiscal: FiscalService) -> None:
    shifts = ShiftService(journal, None, fiscal=fiscal)
    shifts.open()
    op = fiscal.enqueue_sale(paid(journal, "300").invoice_id)
    wk.add_fault("check", "drop_after_commit")  # registered, the reply lost: outcome unknown
    assert fiscal.process(op).state is FiscalState.UNKNOWN
    wk.add_fault("*", "drop_before", count=100)
    with pytest.raises(ShiftError) as info:
        shifts.close()
    assert info.value.code == "fiscal_unconfirmed" and shifts.current() is not None
    wk.clear_faults()
    wk.set_cashbox(status="blocked")
    with pytest.raises(ShiftError) as info:
        shifts.close()
    assert info.value.code == "fiscal_blocked" and shifts.current() is not None
    wk.set_cashbox(status="active")
    shifts.close()
    assert fiscal.log.get(op.id).state is FiscalState.DONE and wk.register.registrations == 1


@pytest.mark.parametrize("reply", [None, [], "ZReport", 5])
def test_an_unreadable_report_reply_is_outcome_unknown(reply: object) -> None:
    with pytest.raises(OutcomeUnknown):
        parse_report(reply, closed=True)


def test_odd_and_huge_report_fields_do_not_break_the_report() -> None:
    report = parse_report({
        "ShiftNumber": "7", "ReportNumber": True, "DocumentCount": 10**40, "CashboxRN": 5,
        "Sell": {"Count": 3, "PaymentsByTypesApiModel": [{"Sum": Decimal("1e30")},
                                                         {"Sum": Decimal("10.005")}, "x"]},
        "ReturnSell": [], "OfflineMode": "yes",
    }, closed=False)
    assert (report.shift_number, report.report_number, report.documents) == (7, 0, 0)
    assert report.registration_number == "" and not report.offline and not report.closed
    assert (report.sales_count, report.sales_total) == (3, Decimal("10.01"))
    assert (report.returns_count, report.returns_total) == (0, Decimal("0"))


def test_two_threads_queueing_the_same_receipt_get_one_row(
        journal: Journal, fiscal: FiscalService) -> None:
    """The start-up reconciliation and the queue run after the ePay reconciliation may queue
    the same payment at once: one row, the same for both, no error."""
    import threading

    payments = [paid(journal, "10").invoice_id for _ in range(40)]
    errors: list[BaseException] = []
    rows: list[list[int]] = [[], []]
    start = threading.Barrier(2)

    def queue(out: list[int]) -> None:
        start.wait()
        for invoice in payments:
            try:
                out.append(fiscal.enqueue_sale(invoice).id)
            except BaseException as exc:
                errors.append(exc)

    threads = [threading.Thread(target=queue, args=(rows[i],)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and rows[0] == rows[1] and len(set(rows[0])) == len(payments)
