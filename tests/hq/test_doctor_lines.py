"""`pos-app doctor`'s head-office lines and the lag that decides the main window's indicator."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from pos_app.hq import config as hq_config
from pos_app.hq import local
from pos_app.hq.doctor import checks
from pos_app.hq.errors import Rejected, Unavailable
from pos_app.hq.status import state
from pos_app.hq.sync import sync_once
from pos_app.store.journal import Journal
from tests.hq.helpers import config, fill
from tests.support.postgres import free_port


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POS_APP_HOME", str(tmp_path))
    monkeypatch.delenv("POS_APP_HQ_URL", raising=False)
    return tmp_path


def test_not_configured_adds_nothing(home: Path) -> None:
    assert checks() == []


def test_lag_last_error_and_stop_in_doctor(home: Path, hq_url: str,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = config(hq_url)
    hq_config.save(hq_config.path(home), replace(cfg, url=hq_url.replace(
        hq_url.split(":")[2].split("/")[0], str(free_port()))))
    two_hours_ago = datetime.now(UTC) - timedelta(hours=2)
    with Journal(home / "journal-training.sqlite3", clock=lambda: two_hours_ago) as journal:
        fill(journal, 3)
        with pytest.raises(Unavailable):
            sync_once(journal, hq_config.load(hq_config.path(home)), None)
    lines = {name: (st, detail) for name, st, detail in checks()}
    st, detail = lines["head-office sync"]
    assert st == "WARN" and "12 events, 120 minutes behind" in detail and "unreachable" in detail
    assert lines["head-office server"][0] == "WARN"
    with Journal(home / "journal-training.sqlite3") as journal:
        assert state(local.lag(journal)).matters  # the main window shows it

    monkeypatch.setenv("POS_APP_HQ_URL", hq_url)
    monkeypatch.setattr("pos_app.hq.server.REQUIRED_VERSION", 99)
    with Journal(home / "journal-training.sqlite3") as journal, pytest.raises(Rejected):
        sync_once(journal, cfg, None)
    st, detail = {n: (s, d) for n, s, d in checks()}["head-office sync"]
    assert st == "FAIL" and detail.startswith("sync stopped:") and "hq migrate" in detail

    monkeypatch.setattr("pos_app.hq.server.REQUIRED_VERSION", 1)
    with Journal(home / "journal-training.sqlite3") as journal:
        sync_once(journal, cfg, None)
        assert not state(local.lag(journal)).matters
    lines = {name: (st, detail) for name, st, detail in checks()}
    assert lines["head-office sync"] == ("OK", "caught up")
    assert lines["head-office server"][0] == "OK" and "up to 12" in lines["head-office server"][1]


def test_a_recent_lag_does_not_matter(journal: Journal) -> None:
    journal.create_attempt(Decimal("10"))
    lag = local.lag(journal)
    assert lag.events == 1 and not state(lag).matters
    assert state(lag, datetime.now(UTC) + timedelta(minutes=61)).matters
