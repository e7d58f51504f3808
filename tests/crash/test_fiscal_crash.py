"""Fiscal crash suite: a till process is SIGKILLed between "paid" and "fiscal done" while the
register answers late or drops replies (issue 15).

The Webkassa emulator lives in this process and outlives every till. Each cycle arms a random
register fault (none, "commit then drop the reply", "delay past the client's timeout then
commit"), starts the till (tests.support.fiscal_crash_driver: start-up reconciliation, then
payments that become paid and get their receipts), waits for a randomly chosen step marker
(before/after each journal write and each request) plus a random delay, and SIGKILLs it.
After every cycle, once the reconciliation (by the next till, or here in one cycle of three)
has run:

* every paid payment has exactly one fiscal check in the emulator, under its own key;
* the emulator holds no check the journal does not know, and no payment has two;
* every journaled receipt is ``done`` with the fiscal number the emulator gave it.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from pos_app.fiscal.webkassa.adapter import WebkassaAdapter
from pos_app.fiscal.webkassa.client import WebkassaClient
from pos_app.services.fiscal import FISCALIZABLE, FiscalProfile, FiscalService, sale_key
from pos_app.store.fiscal_ops import FiscalState
from pos_app.store.journal import Journal
from pos_app.training.webkassa import TRAINING_CASHBOX, WebkassaEmulator
from tests.crash.conftest import KILLS
from tests.fiscal.conftest import CREDS

pytestmark = [pytest.mark.crash, pytest.mark.timeout(600)]
ROOT = Path(__file__).resolve().parents[2]
SEEDS = range(4)
KILLS_PER_SEED = 26  # 4 x 26 = 104 kill points (a run whose marker never came is not counted)
STEPS = ("start", "reconciled", "paid", "prepared", "journaled_sent", "sending", "replied",
         "journaled_done", "journaled_unknown", "done", "lookup")


def _verify(journal: Journal, wk: WebkassaEmulator) -> None:
    checks = wk.register.all_checks()
    keys = [str(c["key"]) for c in checks]
    assert len(keys) == len(set(keys))
    paid = [p for p in journal.iter_payments() if p.status in FISCALIZABLE]  # (and refunded)
    ops = {op.key: op for op in FiscalService(journal, _adapter(wk), FiscalProfile()).log.all_ops()}
    assert set(keys) <= set(ops), "the register has a check the journal does not know"
    by_key = {str(c["key"]): c for c in checks}
    for payment in paid:
        op = ops[sale_key(payment.invoice_id)]
        assert op.state is FiscalState.DONE, (op.key, op.state, op.error_code)
        assert by_key[op.key]["number"] == op.fiscal_number
        assert by_key[op.key]["total"] == f"{payment.amount:.2f}"


def _adapter(wk: WebkassaEmulator) -> WebkassaAdapter:
    return WebkassaAdapter(WebkassaClient(wk.urls["api"], CREDS,
                                          timeout=httpx.Timeout(2.0)), TRAINING_CASHBOX)


@pytest.mark.parametrize("seed", SEEDS)
def test_sigkill_between_paid_and_fiscal_done(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    path = tmp_path / "journal.sqlite3"
    kills = 0
    with WebkassaEmulator() as wk:
        cycle = 0
        while kills < KILLS_PER_SEED:
            cycle += 1
            assert cycle < 3 * KILLS_PER_SEED, "the markers stopped coming"
            fault = rng.choice((None, "drop_after_commit", "delay_then_commit"))
            if fault:
                wk.add_fault("check", fault, count=rng.randint(1, 2), delay=0.6)
            payments = rng.randint(1, 3)
            target = rng.choice(STEPS)
            nth = 1 if target in ("start", "reconciled") else rng.randint(1, payments)
            proc = subprocess.Popen(
                [sys.executable, "-m", "tests.support.fiscal_crash_driver", str(path),
                 wk.urls["api"], str(payments)], cwd=ROOT, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, text=True)
            assert proc.stdout is not None
            seen = 0
            for line in proc.stdout:
                if line.strip() == f"step {target}":
                    seen += 1
                    if seen >= nth:
                        time.sleep(rng.random() * 0.02)
                        break
            killed = proc.poll() is None
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            kills += killed and seen >= nth
            wk.clear_faults()
            if cycle % 3 == 0 or kills >= KILLS_PER_SEED:
                time.sleep(0.7)  # let a delayed commit land, as a slow register would
                journal = Journal(path)
                try:
                    FiscalService(journal, _adapter(wk), FiscalProfile("Товар", 16)).reconcile()
                    _verify(journal, wk)
                finally:
                    journal.close()
    KILLS[f"fiscal-{seed}"] = kills
