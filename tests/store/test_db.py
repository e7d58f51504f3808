"""The SQLite layer: pragmas, migrations, transactions, and the environment/bug split."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from pos_app.store.db import (
    classify,
    connect,
    split_statements,
    storage_errors,
    transaction,
    user_version,
)
from pos_app.store.errors import StorageError

MIGRATIONS = [
    "CREATE TABLE t (x INTEGER NOT NULL);",
    """CREATE TABLE log (y TEXT);
    CREATE TRIGGER no_del BEFORE DELETE ON log BEGIN SELECT RAISE(ABORT, 'no'); END;""",
]


def test_pragmas_and_version(tmp_path: Path) -> None:
    conn = connect(tmp_path / "sub" / "db.sqlite3", MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    assert user_version(conn) == 2
    conn.close()


def test_migrations_go_forward_only(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    connect(path, MIGRATIONS[:1]).close()
    conn = connect(path, MIGRATIONS)  # applies only the second script
    assert user_version(conn) == 2
    conn.execute("INSERT INTO log VALUES ('a')")
    conn.close()
    with pytest.raises(StorageError) as info:
        connect(path, MIGRATIONS[:1])  # an older app must not touch a newer database
    assert info.value.code == "too_new"


def test_failed_migration_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with pytest.raises(sqlite3.OperationalError):  # a bug: bad SQL propagates untranslated
        connect(path, ["CREATE TABLE a (x);", "CREATE TABLE b (;"])
    conn = connect(path)
    assert user_version(conn) == 0
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    conn.close()


def test_transaction_commits_and_rolls_back(tmp_path: Path) -> None:
    conn = connect(tmp_path / "db.sqlite3", MIGRATIONS)
    with transaction(conn):
        conn.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(RuntimeError), transaction(conn):
        conn.execute("INSERT INTO t VALUES (2)")
        raise RuntimeError("boom")
    with pytest.raises(sqlite3.IntegrityError), transaction(conn):  # bug: not translated
        conn.execute("INSERT INTO t VALUES (NULL)")
    assert not conn.in_transaction
    assert conn.execute("SELECT x FROM t").fetchall() == [(1,)]
    conn.close()


def test_corrupt_file_is_a_storage_error(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageError) as info:
        connect(path, MIGRATIONS)
    assert info.value.code == "corrupt"
    assert "damaged" in str(info.value)


def test_locked_database_is_busy(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    holder = connect(path, MIGRATIONS)
    other = connect(path, MIGRATIONS, timeout=0.05)
    holder.execute("BEGIN IMMEDIATE")
    with pytest.raises(StorageError) as info, transaction(other):
        pass
    assert info.value.code == "busy"
    holder.execute("ROLLBACK")
    holder.close()
    other.close()


def test_classify() -> None:
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13  # type: ignore[attr-defined]
    full.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
    assert (error := classify(full)) is not None and error.code == "disk_full"
    ro = sqlite3.OperationalError("attempt to write a readonly database")
    ro.sqlite_errorcode = 8 | (1 << 8)  # type: ignore[attr-defined]  # extended code
    assert (error := classify(ro)) is not None and error.code == "read_only"
    syntax = sqlite3.OperationalError("near x: syntax error")
    syntax.sqlite_errorcode = 1  # type: ignore[attr-defined]
    assert classify(syntax) is None
    assert classify(sqlite3.ProgrammingError("closed")) is None
    assert classify(sqlite3.IntegrityError("constraint")) is None
    assert classify(ValueError("bug")) is None
    assert (error := classify(OSError(errno.ENOSPC, "no space"))) is not None
    assert error.code == "disk_full"


def test_storage_errors_lets_bugs_through() -> None:
    with pytest.raises(KeyError), storage_errors():
        raise KeyError("bug")
    with pytest.raises(StorageError) as info, storage_errors():
        raise OSError(errno.EROFS, "read-only file system")
    assert info.value.code == "read_only"


def test_split_statements_keeps_trigger_bodies() -> None:
    statements = split_statements(MIGRATIONS[1])
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")
    with pytest.raises(ValueError):
        split_statements("CREATE TRIGGER x BEFORE DELETE ON t BEGIN SELECT 1;")
