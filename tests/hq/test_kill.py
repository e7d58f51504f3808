"""A till process SIGKILLed mid-batch, again and again, while it keeps taking payments.

Each round forks a till (its imports already loaded: a round costs milliseconds) that opens the
journal, sometimes records a payment, and ships in small batches. It dies by SIGKILL either at a
chosen point of a batch (inside the server transaction before COMMIT, right after COMMIT before
the journal remembers it, right after the journal remembers it) or after a random delay from
the parent. At the end one clean sync runs and the central tables must hold every local event
exactly once, in order, and the report the journal's totals.
"""

from __future__ import annotations

import os
import random
import signal
import time
from datetime import date
from pathlib import Path

import psycopg

from pos_app.hq import report
from pos_app.hq.sync import Syncer, sync_once
from pos_app.store.journal import Journal
from tests.hq.helpers import central_events, config, fill, local_events, local_sums

KILLS = 120
POINTS = ("before_commit", "after_commit", "after_ack")


def _till(path: Path, url: str, seed: int, point: str | None) -> None:
    rng = random.Random(seed)
    nth, seen = rng.randint(1, 3), 0

    def hook(name: str) -> None:
        nonlocal seen
        if name == point:
            seen += 1
            if seen == nth:
                os.kill(os.getpid(), signal.SIGKILL)

    journal = Journal(path)
    if rng.random() < 0.5:
        fill(journal, 1, start=rng.randint(1, 10_000))
    Syncer(journal, config(url), None, batch_size=rng.randint(1, 6), hook=hook).run()


def test_sigkill_mid_batch_loses_and_doubles_nothing(hq_url: str, tmp_path: Path) -> None:
    path = tmp_path / "journal-training.sqlite3"
    with Journal(path) as journal:
        fill(journal, 80)
    rng = random.Random(16)
    kills = rounds = advanced = 0
    server_seq = 0
    started = time.monotonic()
    while kills < KILLS:
        rounds += 1
        assert rounds < KILLS * 4, f"only {kills} kills in {rounds} rounds"
        if rounds % 10 == 0:
            with Journal(path) as journal:  # keep the till behind, so kills land mid-stream
                fill(journal, 15, start=20_000 + rounds)
        point = rng.choice((*POINTS, None))
        pid = os.fork()
        if pid == 0:  # the till
            code = 0
            try:
                _till(path, hq_url, rng.randrange(1 << 30), point)
            except BaseException:
                code = 1
            os._exit(code)
        if point is None:  # killed from outside, at any instruction
            time.sleep(rng.uniform(0.0, 0.12))
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            kills += 1
        else:
            assert os.WEXITSTATUS(status) == 0, "a till round failed instead of being killed"
        before, server_seq = server_seq, _server_seq(hq_url)
        advanced += server_seq > before
    elapsed = time.monotonic() - started
    with Journal(path) as journal:
        sync_once(journal, config(hq_url), None)
        expected = local_events(journal)
    print(f"\n{kills} SIGKILLs in {rounds} rounds ({advanced} of them after a batch had been "
          f"committed), {elapsed:.1f} s; {len(expected)} events")
    assert advanced > KILLS // 4  # the kills landed while batches were moving
    assert central_events(hq_url, "T1") == expected  # every event once, in order
    with psycopg.connect(hq_url) as conn:
        total, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT (till_id, seq)) FROM hq.events").fetchone()
        rows = report.daily(conn, date(2000, 1, 1), date(2100, 1, 1))
        cols = "day, shop_id, till_id, method, payments, amount, refunds, refunded_amount"
        drift = conn.execute(  # the trigger-kept roll-up against a fresh computation
            f"(SELECT {cols} FROM hq.daily_totals EXCEPT SELECT {cols} FROM hq.daily_rollup)"
            f" UNION ALL (SELECT {cols} FROM hq.daily_rollup"
            f" EXCEPT SELECT {cols} FROM hq.daily_totals)").fetchall()
    assert total == distinct == len(expected)
    assert drift == []
    count, amount, refunded = local_sums(path)
    assert (sum(r.payments for r in rows), sum(r.amount for r in rows),
            sum(r.refunded_amount for r in rows)) == (count, amount, refunded)


def _server_seq(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT coalesce(max(last_seq), 0) FROM hq.tills").fetchone()
    return int(row[0]) if row else 0
