"""The invoice allocator across reopenings, crashes and threads: never a repeated number."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_app.domain.invoice import suffix
from pos_app.domain.payment import PaymentStatus
from pos_app.store.journal import Journal

ROOT = Path(__file__).resolve().parents[2]


def test_sequence_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    with Journal(path) as j:
        assert [j.create_attempt(Decimal(1)).invoice_id for _ in range(3)] == [
            "000001", "000002", "000003",
        ]  # fmt: skip
    with Journal(path) as j:
        assert j.create_attempt(Decimal(1)).invoice_id == "000004"


def test_allocator_skips_used_suffixes_after_a_counter_rollback(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    with Journal(path, prefix="1") as j:
        for _ in range(3):
            j.create_attempt(Decimal(1))
        # Simulate a restored backup of the counter: the allocator must still not reuse a suffix.
        j.conn.execute("UPDATE counters SET value = 0")
        p = j.create_attempt(Decimal(1), prefix="2")
    assert p.invoice_id == "2000004"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.integers(0, 4), st.sampled_from(["", "1", "77", "123456789"])),
        min_size=1,
        max_size=6,
    )
)
def test_allocations_across_reopens_never_repeat(batches: list[tuple[int, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "j.sqlite3"
        invoices: list[str] = []
        for count, prefix in batches:
            with Journal(path, prefix=prefix) as j:
                invoices += [j.create_attempt(Decimal(1)).invoice_id for _ in range(count)]
        assert len(set(invoices)) == len(invoices)
        assert len({suffix(i) for i in invoices}) == len(invoices)
        assert [int(suffix(i)) for i in invoices] == list(range(1, len(invoices) + 1))


_CHILD = """
import sys
from decimal import Decimal
from pathlib import Path
from pos_app.store.journal import Journal
from pos_app.domain.payment import PaymentStatus
j = Journal(Path(sys.argv[1]))
while True:
    p = j.create_attempt(Decimal("100"))
    print(p.invoice_id, flush=True)
    j.transition(p.invoice_id, PaymentStatus.TOKEN_ISSUED)
"""


def test_killed_process_leaves_a_consistent_journal(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(path)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    reported = [child.stdout.readline().strip() for _ in range(20)]
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    child.stdout.close()

    with Journal(path) as j:
        conn = j.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = {p.invoice_id: p for p in j.iter_payments()}
        # Every number reported to the caller was durable before create_attempt returned.
        assert set(reported) <= set(stored)
        for payment in stored.values():
            events = j.events(payment.invoice_id)
            assert events[0].to_status is PaymentStatus.NEW
            assert events[-1].to_status is payment.status  # state and history agree
        counter = conn.execute("SELECT value FROM counters").fetchone()[0]
        assert counter == len(stored) == max(int(i) for i in stored)
        fresh = j.create_attempt(Decimal(1))
        assert fresh.invoice_id not in stored


def test_threads_get_unique_invoices(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.sqlite3")
    results: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def worker() -> None:
        try:
            for _ in range(15):
                p = journal.create_attempt(Decimal(1))
                journal.transition(p.invoice_id, PaymentStatus.TOKEN_ISSUED)
                with lock:
                    results.append(p.invoice_id)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
    assert len(results) == len(set(results)) == 60
    assert len(journal.open_attempts()) == 60
    journal.close()


def test_two_connections_one_file(tmp_path: Path) -> None:
    """Two Journal objects (e.g. app and `pos-app journal`) share the counter safely."""
    path = tmp_path / "j.sqlite3"
    a, b = Journal(path), Journal(path)
    ids = [x.create_attempt(Decimal(1)).invoice_id for x in (a, b, a, b)]
    assert ids == ["000001", "000002", "000003", "000004"]
    a.close()
    b.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 4
    conn.close()
