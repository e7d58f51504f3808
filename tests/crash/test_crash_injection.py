"""Crash injection: a windowless scripted till (the services only) is SIGKILLed at random points.

The real till, window, web view and its own start-up reconciliation, is killed in
tests/crash/test_window_crash.py; this suite trades the window for many more kill points.

Each test runs one deterministic-random script (``tests.support.crash_driver --script SEED``)
against an emulator that lives in this process and so outlives every till. A cycle starts the
till (which reconciles what the last one left), waits for a randomly chosen step marker (before
the token, after it, with the form open, after the customer acted, after the callback, during
status polling, during a refund, during the start-up reconciliation) plus a random delay, and
kills it with SIGKILL. Then:

* the journal passes ``PRAGMA integrity_check`` as the crash left it;
* every invoice the emulator issued a payment token for, and every invoice it holds a
  transaction for, is in the journal (the attempt is written before the token request);
* no customer has two attempts and customers are served in order without gaps (the till never
  retries a payment after a restart without asking the bank first);
* after a reconciliation pass (in this process, or in one cycle out of three by the next till
  at its start), nothing is open and every attempt matches the emulator's truth:
  CHARGE ↔ paid, REJECT ↔ declined, no transaction ↔ cancelled, REFUND ↔ refunded,
  a partly refunded CHARGE ↔ partially_refunded with the same amount.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from pos_app.epay.client import EpayClient
from pos_app.epay.config import TEST_MERCHANT, training_hosts
from pos_app.services.reconcile import Reconciler
from pos_app.store.journal import Journal
from pos_app.training import Emulator
from tests.crash.conftest import KILLS
from tests.support.crash_driver import CUSTOMER
from tests.support.till_env import till_env

pytestmark = [pytest.mark.crash, pytest.mark.timeout(300)]

ROOT = Path(__file__).resolve().parents[2]
SEEDS = range(8)
CYCLES = 27  # kill points per seed: 8 x 27 = 216 per run
# (step, highest occurrence to aim at, weight)
TARGETS = (
    ("start", 1, 1), ("reconciled", 1, 1), ("pre_begin", 3, 1), ("begin", 3, 3),
    ("token", 3, 3), ("form", 3, 3), ("customer", 3, 3), ("callback", 3, 3), ("poll", 8, 4),
    ("settled", 3, 2), ("refund_intent", 1, 2), ("refund_sent", 1, 2), ("refund_done", 1, 1),
)
OPEN = {"new", "token_issued", "widget_open", "checking", "unknown"}


def _run_and_kill(env: dict[str, str], seed: int, rng: random.Random) -> tuple[bool, str]:
    """Start a till, SIGKILL it at a random marker + delay. Returns (killed, where)."""
    steps, limits, weights = zip(*TARGETS, strict=True)
    index = rng.choices(range(len(steps)), weights=weights)[0]
    step, nth = steps[index], rng.randint(1, limits[index])
    delay = rng.choice((0.0, rng.uniform(0.0, 0.004), rng.uniform(0.0, 0.03)))
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.crash_driver", "--script", str(seed),
         "--payments", "100000"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert child.stdout is not None and child.stderr is not None
    seen = 0
    where = f"{step}#{nth}+{delay * 1000:.1f}ms"
    try:
        for line in child.stdout:
            parts = line.split()
            if parts[:1] == ["@"] and parts[1] == step:
                seen += 1
                if seen == nth:
                    where += f" (customer {parts[2]}, invoice {parts[3]})"
                    if delay:
                        time.sleep(delay)
                    child.send_signal(signal.SIGKILL)
                    break
    finally:
        child.wait(30)
        child.stdout.close()
        err = child.stderr.read()
        child.stderr.close()
    if child.returncode not in (0, -signal.SIGKILL):
        pytest.fail(f"the till failed on its own (rc={child.returncode}) at {where}:\n{err[-3000:]}")
    return child.returncode == -signal.SIGKILL, where


def _rows(path: Path) -> list[dict[str, str]]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute("SELECT * FROM payments ORDER BY rowid")]
    finally:
        conn.close()


def _reconcile(path: Path, emulator: Emulator) -> None:
    """What the next start does: settle open attempts and interrupted refunds by asking ePay."""
    hosts = training_hosts(emulator.urls["api"], emulator.urls["form"])
    with Journal(path) as journal, EpayClient(hosts, TEST_MERCHANT) as client:
        Reconciler(journal, client).run()  # open attempts, late payments, interrupted refunds


def _check(path: Path, emulator: Emulator, *, settled: bool, where: str) -> int:
    rows = _rows(path)
    by_invoice = {r["invoice_id"]: r for r in rows}
    bank = emulator.bank
    with bank.lock:
        tokens = set(bank.last_token)
        txs = {inv: (tx.status, tx.amount, tx.charged, tx.refunded)
               for inv, tx in bank.transactions.items()}
    assert tokens <= by_invoice.keys(), f"{where}: tokens for unjournaled invoices"
    assert txs.keys() <= by_invoice.keys(), f"{where}: bank transactions not in the journal"
    customers = [int(r["description"][len(CUSTOMER):]) for r in rows]
    assert customers == list(range(len(customers))), f"{where}: a customer paid twice or skipped"
    if not settled:
        return len(rows)
    for invoice, row in by_invoice.items():
        status = row["status"]
        assert status not in OPEN, f"{where}: {invoice} still {status} after reconciliation"
        tx = txs.get(invoice)
        if tx is None:
            assert status == "cancelled", f"{where}: {invoice} has no payment but is {status}"
            continue
        bank_status, amount, charged, refunded = tx
        assert Decimal(row["amount"]) == amount, f"{where}: {invoice} amount differs"
        expected = {
            "REJECT": "declined",
            "REFUND": "refunded",
            "CHARGE": "partially_refunded" if refunded else "paid",
        }[bank_status]
        assert status == expected, f"{where}: {invoice} is {status}, the bank says {bank_status}"
        if refunded:
            assert Decimal(row["refunded_amount"]) == refunded, f"{where}: refund amount differs"
        assert charged in (0, amount)
    return len(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_sigkill_at_random_points_loses_nothing_and_charges_nothing_twice(
    seed: int, tmp_path: Path
) -> None:
    rng = random.Random(f"crash-{seed}")
    journal = tmp_path / "journal-test.sqlite3"  # the crash driver runs in ePay test
    kills = 0
    with Emulator() as emulator:
        env = till_env(tmp_path, emulator, PYTHONDONTWRITEBYTECODE="1")
        for cycle in range(CYCLES):
            killed, where = _run_and_kill(env, seed, rng)
            kills += killed
            where = f"seed {seed} cycle {cycle} at {where}"
            deferred = cycle % 3 == 1 and cycle != CYCLES - 1  # the next till reconciles it
            _check(journal, emulator, settled=False, where=where)
            if not deferred:
                _reconcile(journal, emulator)
                _check(journal, emulator, settled=True, where=where)
        attempts = _check(journal, emulator, settled=True, where=f"seed {seed} end")
    KILLS[f"seed {seed}"] = kills
    print(f"seed {seed}: {kills} kills, {attempts} attempts")
    assert kills == CYCLES  # every cycle ends in a SIGKILL: the count is what happened
