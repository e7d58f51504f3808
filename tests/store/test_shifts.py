"""Shifts and Z reports: one open shift, sequential numbers, and a Z report nobody can change."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from pos_app.store.journal import Journal
from pos_app.store.refunds import RefundLog, RefundState
from pos_app.store.shifts import ShiftError, ShiftStore


def test_open_close_and_numbering(journal: Journal) -> None:
    store = ShiftStore(journal)
    assert store.current() is None
    shift = store.open()
    with pytest.raises(ShiftError):
        store.open()
    z1 = store.close(shift, store.clock(), {"sales_total": "10.00"})
    assert z1.number == 1 and z1.data["sales_total"] == "10.00"
    assert store.current() is None
    with pytest.raises(ShiftError):
        store.close(shift, store.clock(), {})
    z2 = store.close(store.open(), store.clock(), {})
    assert z2.number == 2
    assert [z.number for z in store.z_reports()] == [2, 1]


def test_z_report_cannot_be_changed_or_deleted(journal: Journal) -> None:
    store = ShiftStore(journal)
    shift = store.open()
    store.close(shift, store.clock(), {"sales_total": "10.00"})
    conn = journal.conn
    with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
        conn.execute("UPDATE z_reports SET data = '{}' WHERE number = 1")
    with pytest.raises(sqlite3.IntegrityError, match="cannot be deleted"):
        conn.execute("DELETE FROM z_reports")
    with pytest.raises(sqlite3.IntegrityError, match="without gaps"):
        conn.execute("INSERT INTO z_reports VALUES (5, 1, 'x', 'x', 'x', '{}')")
    with pytest.raises(sqlite3.IntegrityError, match="closed shift"):
        conn.execute("UPDATE shifts SET closed_at = NULL")
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        conn.execute("DELETE FROM shifts")
    assert store.z_report(1).data["sales_total"] == "10.00"


def test_refund_log_ids_and_final_states(journal: Journal) -> None:
    p = journal.create_attempt(Decimal("100"))
    log = RefundLog(journal)
    first = log.begin(p.invoice_id, "refund", Decimal("10"), "reason")
    second = log.begin(p.invoice_id, "refund", Decimal("20"), "reason")
    assert (first.external_id, second.external_id) == (
        f"R-{p.invoice_id}-1", f"R-{p.invoice_id}-2")
    done = log.finish(first.id, RefundState.DONE)
    assert done.finished_at is not None
    with pytest.raises(sqlite3.IntegrityError):
        journal.conn.execute("UPDATE refunds SET amount = '99.00' WHERE id = ?", (first.id,))
    with pytest.raises(sqlite3.IntegrityError):
        journal.conn.execute("DELETE FROM refunds")
