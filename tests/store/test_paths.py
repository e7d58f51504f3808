"""POS_APP_HOME puts all state in one folder."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from pos_app.store import paths


def test_pos_app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("POS_APP_HOME", str(home))
    assert paths.data_dir() == home and home.is_dir()
    assert paths.journal_path().parent == home
    assert paths.settings_path().parent == home
    assert paths.log_dir() == home / "logs" and (home / "logs").is_dir()


def test_default_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POS_APP_HOME", raising=False)
    seen: list[tuple[str, str]] = []

    def fake(appname: str, appauthor: str) -> str:
        seen.append((appname, appauthor))
        return str(tmp_path / "user-data")

    monkeypatch.setattr(platformdirs, "user_data_dir", fake)
    assert paths.data_dir() == tmp_path / "user-data"
    assert seen == [("pos-app", "HalykPOS")]
