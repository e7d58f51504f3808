"""Which journal file a till opens: one per ePay environment (issue 14, A.3).

Training, ePay's test environments and real money each keep their own journal, and with it
their own invoice counter, so a training payment can never show in a production report and a
production attempt is never settled by the emulator.

Earlier versions kept one ``journal.sqlite3`` for every environment. It belongs to the
environment the settings name (the one the till normally runs in): on the first start it is
copied, with SQLite's backup API (so whatever is still in its WAL comes along), to that
environment's file, which is then stamped with the environment; the old file is renamed
``journal.sqlite3.moved-to-<environment>`` and kept, never deleted.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from pos_app.store import paths
from pos_app.store.db import storage_errors
from pos_app.store.journal import Journal

log = logging.getLogger("pos_app.store.journal_files")


def open_journal(environment: str, *, configured: str, prefix: str | None = None) -> Journal:
    """The journal of ``environment`` (created if missing), after adopting an old single
    journal for ``configured`` (the environment in the settings). StorageError if the file
    turns out to belong to another environment or cannot be opened."""
    adopt_legacy_journal(configured)
    journal = Journal(paths.journal_path(environment), prefix=prefix)
    try:
        journal.claim_environment(environment)
    except BaseException:
        journal.close()
        raise
    return journal


def adopt_legacy_journal(configured: str) -> Path | None:
    """Move the single pre-issue-14 journal to ``configured``'s file; return the new path.

    Nothing happens when there is no old journal, or when ``configured`` already has its own
    (then the old file is left where it is and a warning is logged, for support to look at).
    """
    folder = paths.data_dir()
    legacy = folder / paths.LEGACY_JOURNAL
    if configured not in paths.JOURNAL_ENVIRONMENTS or not legacy.is_file():
        return None
    target = paths.journal_path(configured)
    if target.exists():
        log.warning("an old journal is left alone: %s already has its own", configured)
        return None
    partial = target.with_name(target.name + ".adopting")
    with storage_errors():
        for leftover in _with_sidecars(partial):  # a copy a crash interrupted: start again
            leftover.unlink(missing_ok=True)
        source = sqlite3.connect(legacy)  # read-write: a WAL left by a crash is recovered
        try:
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
        os.replace(partial, target)
        _sync_folder(folder)
        moved = legacy.with_name(f"{paths.LEGACY_JOURNAL}.moved-to-{configured}")
        try:
            for old, new in zip(_with_sidecars(legacy), _with_sidecars(moved), strict=True):
                if old.exists():
                    os.replace(old, new)
        except FileNotFoundError:  # another process of this till moved it at the same moment
            pass
        _sync_folder(folder)
    log.info("the old single journal now belongs to %s", configured)
    return target


def _with_sidecars(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
