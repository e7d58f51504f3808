"""The edges of store/journal.py that mutants survived (scripts/mutation, issue 14 C.7): the
prefix on a read-only journal, the creation event, defaults, the whole-amount rule of a refund,
the free-space limit, event ids and times, batches of a prefixed journal, the CSV's time window
and its fiscal columns. Real SQLite files."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import pytest

from pos_app.domain.payment import PaymentMethod, PaymentStatus
from pos_app.store.errors import StorageError
from pos_app.store.journal import Journal, PaymentNotFound
from pos_app.store.journal_schema import iso

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


def test_a_read_only_journal_opens_with_its_own_prefix(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    Journal(path, prefix="12").close()
    with Journal(path, prefix="12", read_only=True) as ro:
        assert ro.prefix == "12"


def test_a_journal_of_another_environment_names_both(journal: Journal) -> None:
    journal.claim_environment("training")
    with pytest.raises(StorageError) as info:
        journal.claim_environment("production")
    assert info.value.detail == "journal of training, opened for production"


def test_an_unknown_invoice_is_named(journal: Journal) -> None:
    with pytest.raises(PaymentNotFound) as info:
        journal.get("999999")
    assert info.value.args == ("999999",)


def test_the_creation_event_and_defaults(tmp_path: Path) -> None:
    clock = Clock()
    with Journal(tmp_path / "j.db", clock=clock) as journal:
        payment = journal.create_attempt(Decimal("20000000"), PaymentMethod.QR)  # no cap here
        assert (payment.description, payment.account_id) == ("", "")
        [created] = journal.events(payment.invoice_id)
        assert (created.note, created.data) == ("created", {"amount": "20000000.00",
                                                            "method": "qr"})
        assert isinstance(created.id, int) and created.invoice_id == payment.invoice_id
        assert created.at == START
        clock.now = START + timedelta(minutes=1)
        moved = journal.transition(payment.invoice_id, PaymentStatus.TOKEN_ISSUED)
        assert moved.updated_at == START + timedelta(minutes=1)
        events = journal.events(payment.invoice_id)
        assert events[-1].note == "" and events[-1].at == START + timedelta(minutes=1)
        with journal.reading() as conn:
            raw = conn.execute("SELECT data FROM events WHERE id = ?", (created.id,)).fetchone()
        assert raw[0] == json.dumps({"amount": "20000000.00", "method": "qr"}, sort_keys=True)


def test_event_ids_are_the_rows_own(journal: Journal) -> None:
    first = journal.create_attempt(Decimal("10"))
    second = journal.create_attempt(Decimal("10"))
    journal.transition(second.invoice_id, PaymentStatus.TOKEN_ISSUED)
    ids = [e.id for e in journal.events(first.invoice_id) + journal.events(second.invoice_id)]
    assert ids == [1, 2, 3]


def test_an_account_id_is_cut_at_200(journal: Journal) -> None:
    payment = journal.create_attempt(Decimal("10"), account_id="a" * 300)
    assert payment.account_id == "a" * 200


def test_a_refund_keeps_the_amount_given(journal: Journal) -> None:
    payment = journal.create_attempt(Decimal("100"))
    journal.transition(payment.invoice_id, PaymentStatus.PAID)
    done = journal.transition(payment.invoice_id, PaymentStatus.REFUNDED,
                              refunded_amount=Decimal("90"))
    assert done.refunded_amount == Decimal("90")


class _Usage(NamedTuple):
    total: int
    used: int
    free: int


@pytest.mark.parametrize(("free", "ok"), [(1024 * 1024, True), (1024 * 1024 - 1, False)])
def test_one_mebibyte_free_is_enough(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     free: int, ok: bool) -> None:
    clock = Clock()
    with Journal(tmp_path / "j.db", clock=clock) as journal:
        monkeypatch.setattr(shutil, "disk_usage", lambda _p: _Usage(10 * free, 9 * free, free))
        if ok:
            journal.check_writable()
            with journal.reading() as conn:
                row = conn.execute("SELECT value FROM meta WHERE name = 'last_write_check'")
                assert row.fetchone()[0] == iso(START)
        else:
            with pytest.raises(StorageError) as info:
                journal.check_writable()
            assert (info.value.code, info.value.detail) == ("disk_full", "less than 1 MiB free")


def test_recent_shows_eight(journal: Journal) -> None:
    ids = [journal.create_attempt(Decimal("10")).invoice_id for _ in range(9)]
    assert [p.invoice_id for p in journal.recent()] == ids[:0:-1]


def test_with_problems_lists_only_flagged_attempts(journal: Journal) -> None:
    first, _second, third = (journal.create_attempt(Decimal("10")) for _ in range(3))
    journal.record(third.invoice_id, "odd reply", problem="bank reply does not match: amount")
    journal.record(first.invoice_id, "odd reply", problem="bank reply does not match: currency")
    assert [p.invoice_id for p in journal.with_problems()] == [first.invoice_id,
                                                                third.invoice_id]


def test_batches_of_a_journal_with_a_prefix(tmp_path: Path) -> None:
    with Journal(tmp_path / "j.db", prefix="7") as journal:
        ids = [journal.create_attempt(Decimal("10")).invoice_id for _ in range(5)]
        assert [p.invoice_id for p in journal.iter_payments(batch=2)] == ids


def test_the_csv_keeps_to_its_time_window(tmp_path: Path) -> None:
    clock = Clock()
    with Journal(tmp_path / "j.db", clock=clock) as journal:
        ids = []
        for minutes in range(4):
            clock.now = START + timedelta(minutes=minutes)
            ids.append(journal.create_attempt(Decimal("10")).invoice_id)
        out = io.StringIO()
        count = journal.write_csv(out, START + timedelta(minutes=1), START + timedelta(minutes=3))
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert count == 2 and [r["invoice_id"] for r in rows] == ids[1:3]


@pytest.mark.parametrize(("state", "retryable", "shown"), [
    ("failed", 1, "pending"), ("failed", 0, "failed"), ("done", 0, "done"),
])
def test_the_csv_shows_the_sale_receipt(journal: Journal, state: str, retryable: int,
                                        shown: str) -> None:
    payment = journal.create_attempt(Decimal("10"))
    with journal.writing() as conn:
        conn.execute(
            "INSERT INTO fiscal_ops (invoice_id, kind, key, provider, cashbox, amount, body,"
            " state, retryable, created_at, updated_at, fiscal_number, ticket_url)"
            " VALUES (?, 'sale', 'k1', 'webkassa', 'cb', '10.00', '{}', ?, ?, 'x', 'x', ?, ?)",
            (payment.invoice_id, state, retryable, "FN-1", "https://t.kz/1"))
    out = io.StringIO()
    journal.write_csv(out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["fiscal_status"], row["fiscal_number"], row["fiscal_ticket_url"]) == (
        shown, "FN-1", "https://t.kz/1")


def test_event_data_is_stored_with_sorted_keys(journal: Journal) -> None:
    """One text for one set of fields, whatever order the caller named them in."""
    payment = journal.create_attempt(Decimal("10"))
    journal.transition(payment.invoice_id, PaymentStatus.TOKEN_ISSUED, reference="r1",
                       approval_code="a1")
    with journal.reading() as conn:
        [raw] = conn.execute("SELECT data FROM events WHERE invoice_id = ? AND note = ''",
                             (payment.invoice_id,)).fetchone()
    assert raw == '{"approval_code": "a1", "reference": "r1"}'
