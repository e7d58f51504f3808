#!/usr/bin/env python3
"""Load test of the head office (not run in CI): many tills syncing at once into one PostgreSQL.

    .venv/bin/python scripts/hq_load.py [--tills 50] [--payments 2000] [--batch 500]
                                        [--sweep] [--days 30]

Starts a real PostgreSQL (Debian's binaries, as in the tests; fsync ON, default settings) in a
temporary folder, builds one till journal of ``--payments`` payments spread over ``--days`` days
(4-5 events each: created, token, checking, paid or declined, some partial refunds), copies it
to every till, then starts one process per till that runs ``sync_once`` exactly as
``pos-app sync --once`` does, all at the same moment. Prints events per second, each till's
catch-up time (its lag when a whole backlog arrives at once), batch commit latencies, and the
time of the report queries at that size. ``--sweep`` first measures batch sizes on 10 tills.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg  # noqa: E402

from pos_app.hq import migrate, report  # noqa: E402
from pos_app.hq.config import HqConfig  # noqa: E402
from pos_app.hq.sync import Syncer  # noqa: E402
from pos_app.store.journal import Journal  # noqa: E402
from tests.support.postgres import PgServer  # noqa: E402

START = datetime(2026, 11, 1, 3, 0, tzinfo=UTC)


def build_journal(path: Path, payments: int, days: int) -> int:
    """A journal shaped like a busy till's, written in one transaction; returns its events."""
    Journal(path).close()  # the real schema
    rng = random.Random(7)
    journal = Journal(path)
    step = timedelta(days=days) / payments
    with journal.writing() as conn:
        for n in range(1, payments + 1):
            invoice = f"{n:06d}"
            at = START + step * n
            amount = Decimal(rng.randint(100, 5_000_000)) / 100
            method = "qr" if n % 4 == 0 else "card"
            status = "declined" if n % 12 == 0 else "paid"
            refunded = Decimal("0.00")
            if status == "paid" and n % 15 == 0:
                refunded, status = (amount / 2).quantize(Decimal("0.01")), "partially_refunded"
            conn.execute(
                "INSERT INTO payments (invoice_id, suffix, amount, currency, method, status,"
                " created_at, updated_at, refunded_amount) VALUES (?,?,?,?,?,?,?,?,?)",
                (invoice, invoice, f"{amount:.2f}", "KZT", method, status, at.isoformat(),
                 at.isoformat(), f"{refunded:.2f}"))
            steps = [(None, "new", {"amount": f"{amount:.2f}", "method": method}),
                     ("new", "token_issued", {}), ("token_issued", "checking", {}),
                     ("checking", "declined" if status == "declined" else "paid",
                      {"reference": f"{rng.randrange(10**12):012d}", "card_mask": "440563******5096"})]
            if status == "partially_refunded":
                steps.append(("paid", "partially_refunded", {"refunded_amount": f"{refunded:.2f}"}))
            for k, (old, new, data) in enumerate(steps):
                conn.execute("INSERT INTO events (invoice_id, at, from_status, to_status, note, data)"
                             " VALUES (?,?,?,?,?,?)",
                             (invoice, (at + timedelta(seconds=k * 5)).isoformat(), old, new, "",
                              json.dumps(data, sort_keys=True)))
        count = int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    journal.close()
    return count


def till(args: tuple[str, str, str, str, int, mp.Barrier, mp.Queue]) -> None:  # type: ignore[type-arg]
    url, path, till_id, shop_id, batch, barrier, out = args
    journal = Journal(Path(path))
    latencies: list[float] = []
    mark = [time.perf_counter()]

    def hook(point: str) -> None:
        if point == "after_commit":
            now = time.perf_counter()
            latencies.append(now - mark[0])
            mark[0] = now

    cfg = HqConfig(url=url, shop_id=shop_id, till_id=till_id, environment="prod")
    syncer = Syncer(journal, cfg, None, batch_size=batch, hook=hook)
    barrier.wait()
    started = time.perf_counter()
    mark[0] = started
    result = syncer.run()
    ended = time.perf_counter()
    syncer.close()
    journal.close()
    out.put((till_id, result.sent, started, ended, latencies))


def run_chain(server: PgServer, template: Path, folder: Path, tills: int, batch: int,
              dbname: str) -> dict[str, float]:
    url = server.create_database(dbname)
    with psycopg.connect(url, autocommit=True) as conn:
        migrate.upgrade(conn)
    ctx = mp.get_context("fork")
    barrier, out = ctx.Barrier(tills), ctx.Queue()
    jobs = []
    for t in range(tills):
        path = folder / f"{dbname}-till{t:03d}.sqlite3"
        shutil.copy(template, path)
        jobs.append((url, str(path), f"T{t:03d}", f"S{t // 5:03d}", batch, barrier, out))
    procs = [ctx.Process(target=till, args=(job,)) for job in jobs]
    for p in procs:
        p.start()
    results = [out.get(timeout=3600) for _ in procs]
    for p in procs:
        p.join()
    first = min(r[2] for r in results)
    last = max(r[3] for r in results)
    events = sum(r[1] for r in results)
    catch_up = sorted(r[3] - first for r in results)
    commits = sorted(x for r in results for x in r[4])
    with psycopg.connect(url) as conn:
        central = conn.execute("SELECT count(*) FROM hq.events").fetchone()[0]
    return {"url": url, "events": events, "central": central, "seconds": last - first,  # type: ignore[dict-item]
            "events_per_s": events / (last - first), "catch_up_median": statistics.median(catch_up),
            "catch_up_max": catch_up[-1],
            "batch_p50": commits[len(commits) // 2], "batch_p95": commits[int(len(commits) * .95)]}


def timed(conn: psycopg.Connection, sql: str, params: tuple[object, ...] = ()) -> tuple[float, int]:  # type: ignore[type-arg]
    runs = []
    rows = 0
    for _ in range(5):
        started = time.perf_counter()
        rows = len(conn.execute(sql, params).fetchall())
        runs.append(time.perf_counter() - started)
    return statistics.median(runs), rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tills", type=int, default=50)
    parser.add_argument("--payments", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--sweep", action="store_true")
    a = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pos-hq-load-"))
    server = PgServer(fsync=True, settings={"max_connections": str(max(100, a.tills + 20))})
    server.start()
    try:
        template = folder / "template.sqlite3"
        per_till = build_journal(template, a.payments, a.days)
        print(f"PostgreSQL {server.port}: {a.tills} tills x {a.payments} payments "
              f"({per_till} events each) over {a.days} days, batch {a.batch}")
        if a.sweep:
            print("batch sweep, 10 tills at once:")
            for size in (50, 200, 500, 2000):
                r = run_chain(server, template, folder, 10, size, f"sweep{size}")
                print(f"  batch {size:5d}: {r['events_per_s']:8.0f} events/s, cycle p50 "
                      f"{r['batch_p50'] * 1000:6.1f} ms, p95 {r['batch_p95'] * 1000:6.1f} ms")
        r = run_chain(server, template, folder, a.tills, a.batch, "chain")
        assert r["central"] == a.tills * per_till, "central tables do not hold every event once"
        print(f"synced {r['events']} events in {r['seconds']:.1f} s: {r['events_per_s']:.0f} "
              f"events/s; till catch-up median {r['catch_up_median']:.1f} s, worst "
              f"{r['catch_up_max']:.1f} s; batch cycle p50 {r['batch_p50'] * 1000:.0f} ms, "
              f"p95 {r['batch_p95'] * 1000:.0f} ms")
        with psycopg.connect(str(r["url"])) as conn:
            conn.execute("ANALYZE")
            size = conn.execute("SELECT pg_size_pretty(pg_database_size(current_database()))"
                                ).fetchone()[0]
            print(f"database size {size}; report queries (median of 5):")
            day = (START + timedelta(days=3)).date()
            month_end = (START + timedelta(days=a.days)).date()
            for label, sql, params in (
                ("one day, whole chain", "SELECT * FROM hq.daily_report(%s, %s)", (day, day)),
                ("30 days, whole chain", "SELECT * FROM hq.daily_report(%s, %s)",
                 (START.date(), month_end)),
                ("30 days, one shop", "SELECT * FROM hq.daily_report(%s, %s, %s)",
                 (START.date(), month_end, "S003")),
                ("unsettled payments", "SELECT * FROM hq.unsettled_payments", ()),
                ("refunds, 30 days", "SELECT * FROM hq.refunds WHERE at >= %s", (START,)),
                ("tills not synced for 1 h", "SELECT * FROM hq.till_sync WHERE "
                 "hours_since_sync > 1", ()),
            ):
                seconds, rows = timed(conn, sql, params)
                print(f"  {label:28s} {seconds * 1000:8.1f} ms  ({rows} rows)")
            rows = report.daily(conn, START.date(), month_end)
            print(f"  total taken {sum(x.amount for x in rows):.2f} in "
                  f"{sum(x.payments for x in rows)} payments")
    finally:
        server.destroy()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
