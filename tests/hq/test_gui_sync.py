"""The GUI's background sync: off the GUI thread, back-off when unreachable, the lag label."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from pos_app.store.journal import Journal
from pos_app.ui.common.tasks import Tasks
from pos_app.ui.headoffice.sync import HqSyncRunner, Round
from tests.hq.helpers import central_events, config, fill, local_events
from tests.support.postgres import free_port


def test_background_rounds_label_and_back_off(qtbot: QtBot, hq_url: str, tmp_path: Path) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    tasks = Tasks()
    long_ago = datetime.now(UTC) - timedelta(hours=3)
    journal = Journal(tmp_path / "journal-training.sqlite3", clock=lambda: long_ago)
    fill(journal, 5)
    dead = hq_url.replace(hq_url.split(":")[2].split("/")[0], str(free_port()))
    runner = HqSyncRunner(replace(config(hq_url), url=dead), journal, tasks, window)
    threads: list[threading.Thread] = []
    work = runner._work
    runner._work = lambda: (threads.append(threading.current_thread()), work())[1]  # type: ignore[method-assign]
    results: list[Round] = []
    done = runner._done
    runner._done = lambda r: (results.append(r), done(r))  # type: ignore[method-assign]
    window.show()

    runner.run_round()
    qtbot.waitUntil(lambda: len(results) == 1, timeout=20_000)
    assert threads[0] is not threading.main_thread()
    assert results[0].unavailable and not results[0].state.stopped
    assert runner.label.isVisible() and "3 h behind" in runner.label.text()
    # the delay the next round was scheduled with (not the time left: a loaded CI machine
    # takes a while to get here)
    assert runner.timer.isActive() and 12_000 <= runner.timer.interval() <= 18_000
    assert runner.backoff.failures == 1

    runner.config = config(hq_url)  # the network is back
    runner._syncer = None
    runner.run_round()
    qtbot.waitUntil(lambda: len(results) == 2, timeout=20_000)
    assert not runner.label.isVisible() and runner.backoff.failures == 0
    assert central_events(hq_url, "T1") == local_events(journal)
    runner.stop()
    tasks.shutdown(wait=True)
    journal.close()


def test_a_refusal_stops_the_rounds_and_says_so(qtbot: QtBot, hq_url: str, tmp_path: Path,
                                                monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    tasks = Tasks()
    journal = Journal(tmp_path / "journal-training.sqlite3")
    fill(journal, 2)
    monkeypatch.setattr("pos_app.hq.server.REQUIRED_VERSION", 5)
    runner = HqSyncRunner(config(hq_url), journal, tasks, window)
    window.show()
    runner.run_round()
    qtbot.waitUntil(lambda: runner.stopped, timeout=20_000)
    assert runner.label.isVisible() and "stopped" in runner.label.text()
    assert not runner.timer.isActive()
    tasks.shutdown(wait=True)
    journal.close()
