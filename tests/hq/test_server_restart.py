"""The PostgreSQL server stopped (immediately, like a crash) and restarted while a till syncs."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from pos_app.hq import migrate
from pos_app.hq.backoff import Backoff
from pos_app.hq.errors import Unavailable
from pos_app.hq.sync import Syncer
from pos_app.store.journal import Journal
from tests.hq.helpers import central_events, config, fill, local_events
from tests.support.postgres import PgServer


@pytest.fixture
def own_server() -> Iterator[PgServer]:
    server = PgServer().start()
    try:
        yield server
    finally:
        server.destroy()


def test_server_restart_during_sync(own_server: PgServer, tmp_path: Path) -> None:
    url = own_server.create_database("hq")
    with psycopg.connect(url, autocommit=True) as conn:
        migrate.upgrade(conn)
    journal = Journal(tmp_path / "journal-training.sqlite3")
    fill(journal, 150)
    progress = threading.Event()

    def slow(point: str) -> None:
        if point == "after_ack":
            progress.set()
            time.sleep(0.005)

    syncer = Syncer(journal, config(url), None, batch_size=4, hook=slow)
    backoff = Backoff(first=0.05, cap=0.5)
    failures: list[str] = []
    done = threading.Event()

    def loop() -> None:  # what the GUI's runner does, with a short back-off
        while True:
            try:
                if syncer.run().pending == 0:
                    done.set()
                    return
            except Unavailable as exc:
                failures.append(str(exc))
                time.sleep(backoff.next())

    worker = threading.Thread(target=loop, daemon=True)
    worker.start()
    assert progress.wait(30)
    own_server.stop("immediate")  # a crash: open transactions are lost
    time.sleep(0.5)  # the till keeps trying against a dead server meanwhile
    own_server.start()
    assert done.wait(60), f"never caught up: {failures[-3:]}"
    worker.join(5)
    assert failures, "the restart should have interrupted the sync"
    assert central_events(url, "T1") == local_events(journal)
    journal.close()
