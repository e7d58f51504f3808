"""Shipping a journal to a real PostgreSQL: once, in order, resumable; refusals stop the sync."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest

from pos_app.domain.payment import PaymentStatus
from pos_app.hq import local, migrate, report
from pos_app.hq.errors import Rejected, Unavailable
from pos_app.hq.sync import Syncer, sync_once
from pos_app.store.journal import Journal
from pos_app.store.shifts import ShiftStore
from tests.hq.helpers import central_events, config, fill, local_events, local_sums
from tests.support.postgres import PgServer, free_port


def test_ships_every_event_once_in_order_and_resumes(hq_url: str, journal: Journal) -> None:
    fill(journal, 30)
    result = sync_once(journal, config(hq_url), None, batch_size=7)
    assert result.pending == 0
    assert result.sent == len(local_events(journal)) == result.last_seq
    assert central_events(hq_url, "T1") == local_events(journal)
    assert local.lag(journal).events == 0
    again = sync_once(journal, config(hq_url), None)
    assert again.sent == 0
    fill(journal, 5, start=31)
    sync_once(journal, config(hq_url), None, batch_size=3)
    assert central_events(hq_url, "T1") == local_events(journal)


def test_a_lost_acknowledgement_sends_nothing_twice(hq_url: str, journal: Journal) -> None:
    fill(journal, 10)
    sync_once(journal, config(hq_url), None)
    local.acknowledge(journal, 0)  # as if killed after the server's commit
    fill(journal, 2, start=11)
    result = sync_once(journal, config(hq_url), None)
    assert result.sent == 8  # only the new events (4 per paid payment)
    assert central_events(hq_url, "T1") == local_events(journal)


def test_report_totals_match_the_journal(hq_url: str, journal: Journal) -> None:
    fill(journal, 40)
    sync_once(journal, config(hq_url), None)
    with psycopg.connect(hq_url) as conn:
        rows = report.daily(conn, date(2000, 1, 1), date(2100, 1, 1))
    count, amount, refunded = local_sums(journal.path)
    assert sum(r.payments for r in rows) == count
    assert sum(r.amount for r in rows) == amount
    assert sum(r.refunded_amount for r in rows) == refunded
    assert {r.method for r in rows} == {"card", "qr"}


def test_another_journal_under_the_same_till_id_is_refused(
        hq_url: str, journal: Journal, tmp_path: Path) -> None:
    fill(journal, 3)
    sync_once(journal, config(hq_url), None)
    other = Journal(tmp_path / "other.sqlite3")
    fill(other, 3)
    with pytest.raises(Rejected, match="already used by another journal"):
        sync_once(other, config(hq_url), None)
    assert "already used" in local.lag(other).last_error
    other.close()
    assert central_events(hq_url, "T1") == local_events(journal)


def test_schema_older_than_the_till_stops_the_sync(
        hq_url: str, journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pos_app.hq.server.REQUIRED_VERSION", 99)
    fill(journal, 2)
    with pytest.raises(Rejected, match="pos-app hq migrate"):
        sync_once(journal, config(hq_url), None)
    assert local.lag(journal).events == len(local_events(journal))


def test_an_older_till_syncs_into_a_newer_schema(hq_url: str, journal: Journal) -> None:
    # What a later migration may do: add a defaulted column and a table the old till ignores.
    with psycopg.connect(hq_url, autocommit=True) as conn:
        conn.execute(b"ALTER TABLE hq.events ADD COLUMN fiscal_number text NOT NULL DEFAULT '';"
                     b"CREATE TABLE hq.fiscal_receipts (till_id text, number int);"
                     b"INSERT INTO hq.schema_migrations VALUES (99, 'fiscal');")
    fill(journal, 4)
    assert sync_once(journal, config(hq_url), None).pending == 0
    assert central_events(hq_url, "T1") == local_events(journal)


def test_a_bad_row_is_refused_and_nothing_is_dropped(hq_url: str, journal: Journal) -> None:
    fill(journal, 4)
    with psycopg.connect(hq_url, autocommit=True) as conn:
        conn.execute("ALTER TABLE hq.events ADD CONSTRAINT small CHECK (seq < 6)")
    syncer = Syncer(journal, config(hq_url), None, batch_size=3)
    with pytest.raises(Rejected, match="refused the data"):
        syncer.run()
    assert local.last_ack(journal) == 3  # the first batch; the second was refused whole
    assert len(central_events(hq_url, "T1")) == 3
    with psycopg.connect(hq_url, autocommit=True) as conn:
        conn.execute("ALTER TABLE hq.events DROP CONSTRAINT small")
    assert syncer.run().pending == 0
    assert central_events(hq_url, "T1") == local_events(journal)


def test_closed_port_is_unavailable_then_catches_up(hq_url: str, journal: Journal) -> None:
    fill(journal, 5)
    dead = hq_url.replace(hq_url.split(":")[2].split("/")[0], str(free_port()))
    with pytest.raises(Unavailable, match="unreachable"):
        sync_once(journal, replace(config(hq_url), url=dead), None)
    lag = local.lag(journal)
    assert lag.events == len(local_events(journal)) and "unreachable" in lag.last_error
    assert sync_once(journal, config(hq_url), None).pending == 0
    assert local.lag(journal).last_error == ""


def test_z_reports_ship_once_where_the_schema_has_them(
        pg_server: PgServer, hq_url: str, journal: Journal) -> None:
    fill(journal, 3)
    shifts = ShiftStore(journal)
    for n in range(2):
        shifts.close(shifts.open(), datetime.now(UTC), {"kind": "Z", "sales": n})
    old = pg_server.create_database("hq_v1")  # a server not yet migrated to version 2
    with psycopg.connect(old, autocommit=True) as conn:
        migrate.upgrade(conn, target=1)
    assert sync_once(journal, config(old), None).pending == 0  # events only, no error
    for _ in range(2):
        sync_once(journal, config(hq_url), None)
    with psycopg.connect(hq_url) as conn:
        rows = conn.execute("SELECT number, data->>'sales' FROM hq.z_reports ORDER BY 1").fetchall()
        missing = conn.execute("SELECT count(*) FROM hq.z_reports_missing").fetchone()
    assert rows == [(1, "0"), (2, "1")] and missing == (0,)
    shifts.close(shifts.open(), datetime.now(UTC), {"kind": "Z", "sales": 9})
    sync_once(journal, config(hq_url), None)
    with psycopg.connect(hq_url) as conn:
        assert conn.execute("SELECT max(number), count(*) FROM hq.z_reports").fetchone() == (3, 3)


def test_a_failover_that_lost_commits_gets_them_again(
        pg_server: PgServer, hq_url: str, journal: Journal) -> None:
    fill(journal, 6)
    sync_once(journal, config(hq_url), None)
    dbname = hq_url.rsplit("/", 1)[1]
    # The replica promoted later: a copy of the primary as it was now (asynchronous replication).
    replica = pg_server.create_database_from(dbname, "hq_replica")
    snapshot = len(local_events(journal))
    fill(journal, 6, start=7)
    sync_once(journal, config(hq_url), None)
    assert local.last_ack(journal) == len(local_events(journal))
    result = sync_once(journal, config(replica), None)  # the till is pointed at the new primary
    assert result.sent == len(local_events(journal)) - snapshot > 0 and result.pending == 0
    assert central_events(replica, "T1") == local_events(journal)


def test_report_day_is_the_shops_local_date(hq_url: str, tmp_path: Path) -> None:
    evening = datetime(2026, 11, 30, 21, 0, tzinfo=UTC)  # 02:00 on 1 December in Almaty
    with Journal(tmp_path / "j.sqlite3", clock=lambda: evening) as journal:
        fill(journal, 2)
        sync_once(journal, config(hq_url), None)

    def days() -> list[tuple[date, int]]:
        with psycopg.connect(hq_url) as conn:
            rows = report.daily(conn, date(2026, 11, 30), date(2026, 12, 1))
        return sorted({(r.day, r.payments) for r in rows})

    assert days() == [(date(2026, 12, 1), 2)]  # two card payments
    with psycopg.connect(hq_url, autocommit=True) as conn:
        conn.execute("INSERT INTO hq.shops (shop_id, timezone) VALUES ('S1', 'UTC')")
        assert report.daily(conn, date(2026, 12, 1), date(2026, 12, 1)) == []
    assert days() == [(date(2026, 11, 30), 2)]


def test_a_released_hold_is_a_payment_and_a_refund(hq_url: str, journal: Journal) -> None:
    held = journal.create_attempt(Decimal("700.70"))
    for status in (PaymentStatus.TOKEN_ISSUED, PaymentStatus.CHECKING, PaymentStatus.PAID,
                   PaymentStatus.CANCELLED):
        journal.transition(held.invoice_id, status)
    open_one = journal.create_attempt(Decimal("5"))
    journal.transition(open_one.invoice_id, PaymentStatus.UNKNOWN)
    sync_once(journal, config(hq_url), None)
    with psycopg.connect(hq_url) as conn:
        rows = report.daily(conn, date(2000, 1, 1), date(2100, 1, 1))
        unsettled = conn.execute("SELECT invoice_id, status FROM hq.unsettled_payments").fetchall()
    assert [(r.payments, r.amount, r.refunds, r.refunded_amount) for r in rows] == [
        (1, Decimal("700.70"), 1, Decimal("700.70"))]
    assert unsettled == [(open_one.invoice_id, "unknown")]
