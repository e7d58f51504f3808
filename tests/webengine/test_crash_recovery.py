"""A till killed while checking with the bank loses nothing: the next start settles it."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos_app.domain.payment import PaymentStatus
from pos_app.runtime import build_runtime
from pos_app.store.settings import Settings
from pos_app.training import Emulator
from pos_app.ui.app import build_till
from tests.support.till_env import till_env
from tests.webengine.helpers import TIMEOUT

pytestmark = pytest.mark.webengine
ROOT = Path(__file__).resolve().parents[2]


def _status(home: Path, invoice: str) -> str:
    with sqlite3.connect(home / "journal-test.sqlite3") as conn:
        row = conn.execute("SELECT status FROM payments WHERE invoice_id = ?", (invoice,)).fetchone()
    return str(row[0])


def test_killed_mid_check_is_reconciled_to_paid_at_next_start(
    qtbot: QtBot, tmp_path: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    emulator.configure(auto_pay={"after": 0.0, "approve": True})  # the customer pays at once
    emulator.add_fault("status", "http_error", count=-1, status=503)  # but the bank can't be asked
    env = till_env(tmp_path, emulator)
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.crash_driver", "1500"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("invoice "), line
        invoice = line.split()[1]
        qtbot.waitUntil(lambda: emulator.calls("status") >= 3, timeout=TIMEOUT)
        assert _status(tmp_path, invoice) == "checking"
        assert emulator.transaction(invoice) is not None  # ePay took the money
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        if child.stdout:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert _status(tmp_path, invoice) == "checking"  # the crash left it open, not lost

    emulator.faults.clear()  # the bank answers again
    for key, value in env.items():
        if key.startswith("POS_APP_"):
            monkeypatch.setenv(key, value)
    runtime = build_runtime("test", settings=Settings(environment="test"))
    till = build_till(runtime)  # start-up reconciliation runs in the background
    qtbot.addWidget(till.window)
    qtbot.waitUntil(lambda: runtime.journal.get(invoice).status is PaymentStatus.PAID, timeout=TIMEOUT)
    paid = runtime.journal.get(invoice)
    assert paid.reference and paid.card_mask
    assert len(runtime.journal.recent(10)) == 1  # no second attempt, no second charge
    till.close()
    runtime.close()
