"""Shift reports against the journal: X while open, Z after reconciling, figures per method."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from pos_app.domain.payment import Payment, PaymentStatus
from pos_app.epay.client import EpayClient
from pos_app.services.reconcile import Reconciler
from pos_app.services.refunds import RefundService
from pos_app.services.reports import TAKEN, ShiftService, build_report
from pos_app.store.journal import Journal

DECLINE = "4003032704547597"


def test_x_and_z_totals_match_the_journal(pay: Callable[..., Payment], journal: Journal,
                                          client: EpayClient) -> None:
    shifts = ShiftService(journal, Reconciler(journal, client))
    shifts.open()
    a = pay("1500")
    pay("250.50")
    pay("200", DECLINE)
    RefundService(journal, client).refund(a.invoice_id, "100", "one item back")
    left_open = journal.create_attempt(Decimal("70"))  # the bank never saw it

    x = shifts.x_report()
    everything = list(journal.iter_payments())
    assert sum(line.count for line in x.lines) == len(everything) == 4
    assert x.sales_count == sum(1 for p in everything if p.status in TAKEN) == 2
    assert x.sales_total == Decimal("1750.50")
    assert (x.refunds_count, x.refunds_total) == (1, Decimal("100.00"))
    assert x.net_total == Decimal("1650.50")
    by_key = {(line.method, line.status): (line.count, line.total) for line in x.lines}
    assert by_key[("card", "declined")] == (1, Decimal("200.00"))
    assert by_key[("card", "new")] == (1, Decimal("70.00"))

    z, reconciled = shifts.close()
    assert reconciled is not None and [p.invoice_id for p in reconciled.settled] == [
        left_open.invoice_id]
    assert journal.get(left_open.invoice_id).status is PaymentStatus.CANCELLED
    assert z.kind == "Z" and z.number == 1
    assert ("card", "new") not in {(line.method, line.status) for line in z.lines}
    assert z.sales_total == Decimal("1750.50") and z.refunds_total == Decimal("100.00")
    assert shifts.current() is None
    assert shifts.z_report(1) == z
    again = build_report(journal, z.opened_at, z.until, "Z", 1)
    assert (again.sales_total, again.refunds_total) == (z.sales_total, z.refunds_total)


def test_second_shift_starts_from_zero(pay: Callable[..., Payment], journal: Journal,
                                       client: EpayClient) -> None:
    shifts = ShiftService(journal, Reconciler(journal, client))
    shifts.open()
    pay("100")
    shifts.close()
    shifts.open()
    pay("40")
    z, _ = shifts.close()
    assert z.number == 2 and z.sales_total == Decimal("40.00") and z.sales_count == 1
