"""Fiscal crash suite, the real GUI till (issue 15): the till process, window and all, is
SIGKILLed between "paid" and "fiscal done" while the register answers late or drops replies.

The ePay and Webkassa emulators live in this process and outlive every till. Each cycle starts
``tests.support.window_till`` (the app's entry point, its window and web view, ePay test
environment, fiscal receipts from the Webkassa emulator through ``POS_APP_FISCAL_URL``), which
serves scripted customers through the window; the till registers their receipts in the
background as it always does. The parent kills it at a random step on the way from the paid
payment to its registered receipt (the journal says paid, the result, the queued receipt, each
journal move, the request out, the register's reply) plus a random delay, with a random register fault armed
("commit, then drop the reply", "answer 0.6 s late"). Nothing is settled by the test: the next
till's own start-up does it. Once its start-up reconciliations have ended:

* every paid payment has exactly one fiscal check in the emulator, under its own key, ``done``
  in the journal with the fiscal number and total the emulator gave it;
* the emulator holds no check the journal does not know, and no key twice.

After every kill (before any settling) the register holds no check the journal does not know:
the key and body are journaled before a request leaves.
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

from pos_app.store.journal import Journal
from pos_app.store.settings import Settings, save
from pos_app.training import Emulator
from pos_app.training.webkassa import TRAINING_CASHBOX, TRAINING_LOGIN, WebkassaEmulator
from tests.crash.conftest import KILLS
from tests.crash.test_crash_injection import _check
from tests.crash.test_fiscal_crash import _verify
from tests.crash.test_window_crash import _cycle
from tests.support.till_env import till_env

pytestmark = [pytest.mark.crash, pytest.mark.webengine, pytest.mark.timeout(900)]

# POS_APP_FISCAL_CRASH_SEEDS=9 gives 108 kills of the real till (issue 15 asks for 100)
SEEDS = range(int(os.environ.get("POS_APP_FISCAL_CRASH_SEEDS", "3")))
CYCLES = 12  # SIGKILLs of the real till per seed; every cycle must be a kill
LATE = 0.6  # seconds a "late" register waits before it answers (and commits)
# (step, highest occurrence to aim at, weight): from "paid" to "fiscal done"
TARGETS = (
    ("confirmed", 2, 3), ("settled", 2, 2), ("fiscal_prepared", 2, 2), ("fiscal_sent", 2, 2),
    ("fiscal_sending", 2, 3), ("fiscal_replied", 2, 2), ("fiscal_done", 2, 2),
    ("fiscal_unknown", 1, 1),
)


class FiscalSettled:
    """Says the next customer may come once every fiscal reconciliation that started after the
    till's ePay start-up reconciliation has ended, and the receipts check out; then arms the
    register's fault for this till's customers."""

    def __init__(self, journal: Path, wk: WebkassaEmulator, fault: str | None) -> None:
        self.journal, self.wk, self.fault = journal, wk, fault
        self.running = 0
        self.reconciled = self.started_after = False

    def __call__(self, step: str, where: str) -> bool:
        if step == "reconciled":
            self.reconciled = True
        elif step == "fiscal_reconcile":
            self.running += 1
            self.started_after |= self.reconciled
        elif step == "fiscal_reconciled":
            self.running -= 1
            if self.started_after and self.running == 0:
                with Journal(self.journal) as journal:
                    _verify(journal, self.wk)  # every paid payment: exactly one receipt
                if self.fault:
                    self.wk.add_fault("check", self.fault, count=1, delay=LATE)
                return True
        return False


def _known_checks_only(journal: Path, wk: WebkassaEmulator, where: str) -> None:
    """Right after a kill: every check at the register has its key in the journal."""
    with Journal(journal) as j:
        keys = {op_key for (op_key,) in j.conn.execute("SELECT key FROM fiscal_ops")}
    checks = [str(c["key"]) for c in wk.register.all_checks()]
    assert len(checks) == len(set(checks)), f"{where}: a key registered twice"
    assert set(checks) <= keys, f"{where}: the register has a check the journal does not know"


@pytest.mark.parametrize("seed", SEEDS)
def test_real_till_killed_between_paid_and_fiscal_done(seed: int, tmp_path: Path) -> None:
    rng = random.Random(f"fiscal-window-crash-{seed}")
    journal = tmp_path / "journal-test.sqlite3"  # the till runs --env test
    save(tmp_path / "settings.json", Settings(
        environment="test", fiscal_provider="webkassa", fiscal_environment="training",
        fiscal_cashbox=TRAINING_CASHBOX, fiscal_login=TRAINING_LOGIN))
    kills = 0
    with Emulator() as emulator, WebkassaEmulator() as wk:
        env = till_env(tmp_path, emulator, PYTHONDONTWRITEBYTECODE="1",
                       WINDOW_TILL_HANDSHAKE="1", POS_APP_FISCAL_URL=wk.urls["api"])
        for cycle in range(CYCLES):
            where = f"seed {seed} cycle {cycle}"
            fault = rng.choice((None, "drop_after_commit", "delay_then_commit"))
            # a dropped reply (armed once per till) is the only way to "unknown"
            targets = [t for t in TARGETS if t[0] != "fiscal_unknown"
                       or fault == "drop_after_commit"]
            steps, limits, weights = zip(*targets, strict=True)
            index = rng.choices(range(len(steps)), weights=weights)[0]
            target = (steps[index], rng.randint(1, limits[index]),
                      rng.choice((0.0, rng.uniform(0.0, 0.005), rng.uniform(0.0, 0.05))))
            _cycle(env, seed, target, journal, emulator, where,
                   FiscalSettled(journal, wk, fault))
            kills += 1  # _cycle fails the test unless the till died by our SIGKILL
            wk.clear_faults()
            time.sleep(LATE + 0.2)  # a late register commits what it got, as a slow one would
            _check(journal, emulator, settled=False, where=where)  # nothing lost by the kill
            _known_checks_only(journal, wk, where)
        # one more start: its own reconciliations settle what the last kill left
        assert _cycle(env, seed, ("pre_begin", 1, 0.0), journal, emulator, f"seed {seed} end",
                      FiscalSettled(journal, wk, None))
        registered = len(wk.register.all_checks())
    KILLS[f"fiscal window seed {seed}"] = kills
    print(f"fiscal window seed {seed}: {kills} SIGKILLs of the real till, "
          f"{registered} fiscal receipts, each paid payment exactly one")
    assert kills == CYCLES and registered > 0
