"""Where the app keeps its state: ``$POS_APP_HOME`` if set, else the per-user data folder.

Contract (architecture §7): when ``POS_APP_HOME`` is set, *all* state (settings, journal,
logs) lives under it. Otherwise ``platformdirs.user_data_dir("pos-app", "HalykPOS")``.
Every function creates the folder it returns (or the folder of the file it returns).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from pos_app.store.db import storage_errors

ENV_HOME = "POS_APP_HOME"
APP_NAME = "pos-app"
APP_AUTHOR = "HalykPOS"


def _ensure(folder: Path) -> Path:
    with storage_errors():
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def data_dir() -> Path:
    """The state folder (created if missing); raises StorageError if it cannot be created."""
    home = os.environ.get(ENV_HOME, "").strip()
    if home:
        return _ensure(Path(home).expanduser().absolute())
    return _ensure(Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)))


def journal_path() -> Path:
    """The journal database file."""
    return data_dir() / "journal.sqlite3"


def settings_path() -> Path:
    """The non-secret settings file (JSON)."""
    return data_dir() / "settings.json"


def log_dir() -> Path:
    """The folder for rotating log files (created if missing)."""
    return _ensure(data_dir() / "logs")
