"""POS_APP_HOME puts all state in one folder."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from pos_app.store import paths
from pos_app.store.errors import StorageError


def test_pos_app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("POS_APP_HOME", str(home))
    assert paths.data_dir() == home and home.is_dir()
    assert paths.journal_path("prod") == home / "journal-prod.sqlite3"
    assert paths.settings_path().parent == home
    assert paths.log_dir() == home / "logs" and (home / "logs").is_dir()


def test_default_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POS_APP_HOME", raising=False)
    monkeypatch.setattr(paths, "user_data_dir", lambda: tmp_path / "user-data")
    assert paths.data_dir() == tmp_path / "user-data" and (tmp_path / "user-data").is_dir()


@pytest.mark.parametrize("home", ["absolute", "relative/home", None])
@pytest.mark.parametrize("xdg", [None, "", "   ", "/srv/data", "/srv/data/", "relative/dir", "~/x"])
def test_user_data_dir_is_what_platformdirs_says(
    xdg: str | None, home: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if home is None:
        monkeypatch.delenv("HOME", raising=False)
    else:
        monkeypatch.setenv("HOME", str(tmp_path) if home == "absolute" else home)
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    expected = Path(platformdirs.user_data_dir(paths.APP_NAME, paths.APP_AUTHOR))
    assert paths.user_data_dir() == expected


def test_user_data_dir_off_linux_asks_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, str]] = []

    def fake(appname: str, appauthor: str) -> str:
        seen.append((appname, appauthor))
        return "/elsewhere/pos-app"

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(platformdirs, "user_data_dir", fake)
    assert paths.user_data_dir() == Path("/elsewhere/pos-app")
    assert seen == [("pos-app", "HalykPOS")]


def test_a_folder_that_cannot_be_made_is_a_storage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("POS_APP_HOME", str(blocker / "home"))
    with pytest.raises(StorageError) as caught:
        paths.data_dir()
    assert "not a folder" not in str(caught.value) and str(blocker) not in str(caught.value)
