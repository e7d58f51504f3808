"""The real till process, window and all, SIGKILLed at random steps; its own start-up settles.

Each cycle starts ``tests.support.window_till`` (the app's entry point, staged start-up, web
view, and its own start-up reconciliation), which serves scripted customers through the window
like a cashier (typed amounts, Enter, Esc, the bank's card form filled in the real payform
frame). The parent kills it with SIGKILL at a random step (during the start-up reconciliation,
before the token, after it, with the form open, after the customer paid, while polling, after
the result, around a refund) plus a random delay. Nothing is reconciled by the test: the next
till's start-up does it, and when it says so (marker ``reconciled``) the journal must agree with
the emulator (tests/crash/test_crash_injection.py, ``_check``) before the next customer comes.
Every cycle must end in a kill: the count printed is the number of kills that happened.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pos_app.training import Emulator
from tests.crash.conftest import KILLS
from tests.crash.test_crash_injection import _check
from tests.support.till_env import till_env

pytestmark = [pytest.mark.crash, pytest.mark.webengine, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parents[2]
SEEDS = range(2)
CYCLES = 12  # kills per seed; every cycle must be a kill
# (step, highest occurrence to aim at, weight)
TARGETS = (
    ("reconcile", 1, 1), ("pre_begin", 2, 1), ("begin", 2, 2), ("token", 2, 2), ("form", 2, 2),
    ("customer", 2, 3), ("poll", 2, 2), ("settled", 2, 2), ("refund_intent", 1, 1),
    ("refund_sent", 1, 1), ("refund_done", 1, 1),
)


def _target(rng: random.Random) -> tuple[str, int, float]:
    steps, limits, weights = zip(*TARGETS, strict=True)
    index = rng.choices(range(len(steps)), weights=weights)[0]
    delay = rng.choice((0.0, rng.uniform(0.0, 0.005), rng.uniform(0.0, 0.05)))
    return steps[index], rng.randint(1, limits[index]), delay


def _cycle(env: dict[str, str], seed: int, target: tuple[str, int, float], journal: Path,
           emulator: Emulator, where: str,
           ready: Callable[[str, str], bool] | None = None) -> bool:
    """One till from start to SIGKILL; whether its start-up reconciliation finished first.

    ``ready(step, where)`` sees each marker until it says the next customer may come (the
    fiscal suite checks the receipts there); by default, once the start-up reconciliation is
    done and the journal agrees with the emulator."""
    step, nth, delay = target
    where += f" at {step}#{nth}+{delay * 1000:.1f}ms"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.window_till", str(seed)], cwd=ROOT, env=env,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert child.stdin is not None and child.stdout is not None and child.stderr is not None
    seen, reconciled, went = 0, False, False
    try:
        for line in child.stdout:
            parts = line.split()
            if parts[:1] != ["@"]:
                continue
            if parts[1] == "reconciled" and not reconciled:
                reconciled = True  # what the last kill left is settled by this till's start-up
                _check(journal, emulator, settled=True, where=where + " (after start-up)")
            if not went:
                went = reconciled if ready is None else ready(parts[1], where)
                if went:
                    child.stdin.write("go\n")
                    child.stdin.flush()
            if parts[1] == step:
                seen += 1
                if seen == nth:
                    if delay:
                        time.sleep(delay)
                    child.send_signal(signal.SIGKILL)
                    break
    finally:
        if child.poll() is None and child.returncode is None:
            child.send_signal(signal.SIGKILL)  # a failed check: do not leave a till behind
        child.wait(30)
        for stream in (child.stdin, child.stdout):
            stream.close()
        err = child.stderr.read()
        child.stderr.close()
    if child.returncode != -signal.SIGKILL:
        pytest.fail(f"the till ended on its own (rc={child.returncode}) {where}:\n{err[-3000:]}")
    return went


@pytest.mark.parametrize("seed", SEEDS)
def test_real_till_killed_at_random_steps_settles_itself(seed: int, tmp_path: Path) -> None:
    rng = random.Random(f"window-crash-{seed}")
    journal = tmp_path / "journal-test.sqlite3"  # the till runs --env test
    kills = 0
    with Emulator() as emulator:
        env = till_env(tmp_path, emulator, PYTHONDONTWRITEBYTECODE="1",
                       WINDOW_TILL_HANDSHAKE="1")
        for cycle in range(CYCLES):
            where = f"seed {seed} cycle {cycle}"
            _cycle(env, seed, _target(rng), journal, emulator, where)
            kills += 1  # _cycle fails the test unless the till died by our SIGKILL
            _check(journal, emulator, settled=False, where=where)  # nothing lost by the kill
        # one more start: its own reconciliation settles what the last kill left
        assert _cycle(env, seed, ("pre_begin", 1, 0.0), journal, emulator, f"seed {seed} end")
    KILLS[f"window seed {seed}"] = kills
    print(f"window seed {seed}: {kills} SIGKILLs of the real till")
    assert kills == CYCLES
