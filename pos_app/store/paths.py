"""Where the app keeps its state: ``$POS_APP_HOME`` if set, else the per-user data folder.

Contract (architecture §7): when ``POS_APP_HOME`` is set, *all* state (settings, journal,
logs) lives under it. Otherwise ``platformdirs.user_data_dir("pos-app", "HalykPOS")``.
Every function creates the folder it returns (or the folder of the file it returns).

This module runs before the till's window shows, so it imports little: ``platformdirs`` only
off Linux, no ``sqlite3``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pos_app.store.errors import from_os_error

ENV_HOME = "POS_APP_HOME"
APP_NAME = "pos-app"
APP_AUTHOR = "HalykPOS"


def _ensure(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise from_os_error(exc) from exc
    return folder


def user_data_dir() -> Path:
    """``platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)``.

    The usual Linux cases (an absolute ``$XDG_DATA_HOME``, else an absolute ``$HOME``) are
    computed here as platformdirs computes them, because importing it costs ~4 ms of the till's
    start-up; anything else asks platformdirs. ``tests/store/test_paths.py`` checks they agree.
    """
    if sys.platform == "linux":
        xdg = os.environ.get("XDG_DATA_HOME", "")
        if xdg.startswith("/"):
            return Path(xdg) / APP_NAME
        home = os.environ.get("HOME", "")
        if home.startswith("/"):
            return Path(home) / ".local" / "share" / APP_NAME
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def data_dir() -> Path:
    """The state folder (created if missing); raises StorageError if it cannot be created."""
    home = os.environ.get(ENV_HOME, "").strip()
    if home:
        return _ensure(Path(home).expanduser().absolute())
    return _ensure(user_data_dir())


JOURNAL_ENVIRONMENTS = ("training", "test", "test-new", "prod")
LEGACY_JOURNAL = "journal.sqlite3"  # the one journal of every environment, before issue 14


def journal_path(environment: str) -> Path:
    """The journal of one ePay environment: training, test and real money never share a file.

    Raises ``ValueError`` for an environment the till does not know (a bug, not the user's).
    """
    if environment not in JOURNAL_ENVIRONMENTS:
        raise ValueError(f"No journal for the environment {environment!r}.")
    return data_dir() / f"journal-{environment}.sqlite3"


def settings_path() -> Path:
    """The non-secret settings file (JSON)."""
    return data_dir() / "settings.json"


def log_dir() -> Path:
    """The folder for rotating log files (created if missing)."""
    return _ensure(data_dir() / "logs")
