"""The payment journal: creation, transitions, history, triggers, CSV, read-only storage."""

from __future__ import annotations

import csv
import io
import itertools
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from pos_app.domain.errors import AmountError, IllegalTransition
from pos_app.domain.payment import PaymentMethod, PaymentStatus
from pos_app.store.errors import StorageError
from pos_app.store.journal import CSV_COLUMNS, Journal, PaymentNotFound

S = PaymentStatus
CONTRACT_COLUMNS = [
    "invoice_id", "created_at", "amount", "currency", "method", "status", "reference",
    "approval_code", "card_mask", "transaction_id", "refunded_amount", "description",
]  # fmt: skip


def test_pragmas(journal: Journal) -> None:
    conn = journal.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 1
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_create_attempt(journal: Journal) -> None:
    p = journal.create_attempt(Decimal("1500"), description="Кофе")
    assert p.invoice_id == "000001"
    assert p.status is S.NEW and p.method is PaymentMethod.CARD
    assert p.amount == Decimal("1500.00") and p.currency == "KZT"
    assert p.created_at.tzinfo is not None and p.created_at.utcoffset() == timedelta(0)
    (event,) = journal.events(p.invoice_id)
    assert event.from_status is None and event.to_status is S.NEW
    raw = journal.conn.execute("SELECT amount, typeof(amount) FROM payments").fetchone()
    assert raw == ("1500.00", "text")
    q = journal.create_attempt(Decimal("5"), PaymentMethod.QR, prefix="42")
    assert q.invoice_id == "42000002" and q.method is PaymentMethod.QR


def test_create_rejects_bad_amounts(journal: Journal) -> None:
    for bad in (Decimal("0"), Decimal("-1"), Decimal("1.001"), Decimal("NaN")):
        with pytest.raises(AmountError):
            journal.create_attempt(bad)
    assert journal.recent() == []


def test_transitions_and_events(journal: Journal) -> None:
    p = journal.create_attempt(Decimal("100"))
    journal.transition(p.invoice_id, S.TOKEN_ISSUED, note="token")
    journal.transition(p.invoice_id, S.WIDGET_OPEN)
    journal.transition(p.invoice_id, S.CHECKING)
    journal.transition(p.invoice_id, S.CHECKING, note="poll")  # a repeated poll answer
    paid = journal.transition(
        p.invoice_id, S.PAID, reference="123456789012", approval_code="A1B2C3",
        card_mask="440563******5096", transaction_id="ab-12",
    )  # fmt: skip
    assert paid.status is S.PAID and paid.reference == "123456789012"
    partial = journal.transition(p.invoice_id, S.PARTIALLY_REFUNDED, refunded_amount=Decimal("30"))
    assert partial.refunded_amount == Decimal("30.00") and partial.remaining == Decimal("70.00")
    refunded = journal.transition(p.invoice_id, S.REFUNDED)
    assert refunded.refunded_amount == Decimal("100.00")
    events = journal.events(p.invoice_id)
    assert [e.to_status for e in events] == [
        S.NEW, S.TOKEN_ISSUED, S.WIDGET_OPEN, S.CHECKING, S.CHECKING, S.PAID,
        S.PARTIALLY_REFUNDED, S.REFUNDED,
    ]  # fmt: skip
    assert all(a.to_status == b.from_status for a, b in itertools.pairwise(events))
    assert events[5].data["reference"] == "123456789012"
    assert journal.get(p.invoice_id) == refunded


def test_illegal_transition_changes_nothing(journal: Journal) -> None:
    p = journal.create_attempt(Decimal("100"))
    journal.transition(p.invoice_id, S.DECLINED, reason_code="465")
    before = journal.get(p.invoice_id), journal.events(p.invoice_id)
    with pytest.raises(IllegalTransition):
        journal.transition(p.invoice_id, S.REFUNDED, reference="x")
    assert (journal.get(p.invoice_id), journal.events(p.invoice_id)) == before
    assert not journal.conn.in_transaction


def test_record_keeps_status(journal: Journal) -> None:
    p = journal.create_attempt(Decimal("100"))
    r = journal.record(p.invoice_id, "bank said wait", message="Checking with the bank")
    assert r.status is S.NEW and r.message == "Checking with the bank"
    last = journal.events(p.invoice_id)[-1]
    assert last.from_status is last.to_status is S.NEW and last.note == "bank said wait"


def test_field_guards(journal: Journal) -> None:
    p = journal.create_attempt(Decimal("100"))
    for name in ("access_token", "client_secret", "pan", "cvc"):
        with pytest.raises(ValueError, match="never stores"):
            journal.record(p.invoice_id, "x", **{name: "v"})
    with pytest.raises(ValueError, match="Unknown"):
        journal.record(p.invoice_id, "x", status="paid")
    with pytest.raises(TypeError):
        journal.record(p.invoice_id, "x", refunded_amount=30.0)
    with pytest.raises(ValueError):
        journal.record(p.invoice_id, "x", refunded_amount=Decimal("100.01"))
    masked = journal.record(p.invoice_id, "x", card_mask="4405639704015096")
    assert masked.card_mask == "440563******5096"
    noted = journal.record(p.invoice_id, "pan 4405 6397 0401 5096", message="4405639704015096")
    assert "4405639704015096" not in noted.message
    assert "0401" not in journal.events(p.invoice_id)[-1].note
    assert len(journal.events(p.invoice_id)) == 3  # the refused calls left no trace


def test_not_found(journal: Journal) -> None:
    with pytest.raises(PaymentNotFound):
        journal.get("999999")
    with pytest.raises(KeyError):
        journal.transition("999999", S.PAID)


def test_events_and_payments_cannot_be_erased(journal: Journal) -> None:
    p = journal.create_attempt(Decimal("100"))
    conn = journal.conn
    for sql in (
        "UPDATE events SET note = 'forged'",
        "DELETE FROM events",
        "DELETE FROM payments",
    ):
        with pytest.raises(sqlite3.IntegrityError, match=r"append-only|never deleted"):
            conn.execute(sql)
    assert len(journal.events(p.invoice_id)) == 1
    assert journal.get(p.invoice_id).status is S.NEW


def test_recent_open_and_iteration(tmp_path: Path) -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    ticks = iter(start + timedelta(minutes=i) for i in range(100))
    with Journal(tmp_path / "j.sqlite3", clock=lambda: next(ticks)) as journal:
        ids = [journal.create_attempt(Decimal(n + 1)).invoice_id for n in range(10)]
        journal.transition(ids[0], S.PAID)
        journal.transition(ids[1], S.UNKNOWN)
        journal.transition(ids[2], S.ERROR)
        assert [p.invoice_id for p in journal.recent(3)] == ids[:-4:-1]
        assert [p.invoice_id for p in journal.open_attempts()] == ids[1:2] + ids[3:]
        window = journal.iter_payments(start + timedelta(minutes=2), start + timedelta(minutes=5))
        assert [p.invoice_id for p in window] == ids[2:5]
        assert len(list(journal.iter_payments(batch=3))) == 10


def test_csv(journal: Journal) -> None:
    a = journal.create_attempt(Decimal("1500"), description='Кофе, "большой"')
    journal.transition(a.invoice_id, S.PAID, card_mask="440563******5096", reference="R1")
    journal.create_attempt(Decimal("12.5"), PaymentMethod.QR)
    out = io.StringIO()
    assert journal.write_csv(out) == 2
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0][: len(CONTRACT_COLUMNS)] == CONTRACT_COLUMNS
    assert list(CSV_COLUMNS) == rows[0]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["amount"] == "1500.00" and first["status"] == "paid"
    assert first["description"] == 'Кофе, "большой"' and first["refunded_amount"] == "0.00"
    assert datetime.fromisoformat(first["created_at"]).utcoffset() == timedelta(0)
    second = dict(zip(rows[0], rows[2], strict=True))
    assert second["amount"] == "12.50" and second["method"] == "qr" and second["status"] == "new"


def test_prefix_is_kept_in_meta(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    with Journal(path, prefix="77") as j:
        assert j.create_attempt(Decimal(1)).invoice_id == "77000001"
    with Journal(path) as j:
        assert j.prefix == "77"
        assert j.create_attempt(Decimal(1)).invoice_id == "77000002"


def test_read_only_mode_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    with Journal(path) as j:
        j.create_attempt(Decimal(1))
    with Journal(path, read_only=True) as ro:
        assert len(ro.recent()) == 1
        with pytest.raises(StorageError) as info:
            ro.create_attempt(Decimal(1))
        assert info.value.code == "read_only"
        with pytest.raises(StorageError):
            ro.check_writable()


def test_read_only_file(tmp_path: Path, make_unwritable: Callable[[Path], None]) -> None:
    path = tmp_path / "j.sqlite3"
    with Journal(path) as j:
        j.create_attempt(Decimal(1))
    make_unwritable(path)
    with Journal(path) as j:
        assert len(j.recent()) == 1  # history stays readable
        with pytest.raises(StorageError) as info:
            j.check_writable()
        assert info.value.code == "read_only"
        with pytest.raises(StorageError):
            j.create_attempt(Decimal(1))
        assert len(j.recent()) == 1


def test_read_only_directory(tmp_path: Path, make_unwritable: Callable[[Path], None]) -> None:
    folder = tmp_path / "till"
    folder.mkdir()
    make_unwritable(folder)
    with pytest.raises(StorageError) as info:
        Journal(folder / "j.sqlite3").create_attempt(Decimal(1))
    assert info.value.code in {"read_only", "cant_open"}
    assert str(info.value) and "sqlite" not in str(info.value).lower()


def test_check_writable_ok(journal: Journal) -> None:
    journal.check_writable()


def test_closed_journal_is_a_bug(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j.sqlite3")
    j.close()
    j.close()
    with pytest.raises(sqlite3.ProgrammingError):
        j.recent()
