"""SQLite connections done carefully: WAL, ``synchronous=FULL``, versioned schema, clean errors.

* :func:`connect` opens a database in WAL mode with ``synchronous=FULL`` (a committed
  transaction survives a power cut), foreign keys on and a busy timeout, then brings the schema
  up to date with forward-only migrations tracked in ``PRAGMA user_version``.
* :func:`transaction` is ``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on any exception).
* :func:`storage_errors` turns environment failures (disk full, read-only, locked, corrupt,
  I/O) into :class:`~pos_app.store.errors.StorageError`; bugs propagate untouched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from pos_app.store.errors import StorageError, from_os_error

__all__ = [
    "StorageError",
    "connect",
    "split_statements",
    "storage_errors",
    "transaction",
    "user_version",
]

BUSY_TIMEOUT_SECONDS = 5.0

# Primary SQLite result codes (https://sqlite.org/rescode.html) that mean "the environment".
_ENVIRONMENT_CODES: dict[int, str] = {
    3: "read_only",  # SQLITE_PERM
    5: "busy",  # SQLITE_BUSY
    6: "busy",  # SQLITE_LOCKED
    7: "no_memory",  # SQLITE_NOMEM
    8: "read_only",  # SQLITE_READONLY
    10: "io_error",  # SQLITE_IOERR
    11: "corrupt",  # SQLITE_CORRUPT
    13: "disk_full",  # SQLITE_FULL
    14: "cant_open",  # SQLITE_CANTOPEN
    15: "busy",  # SQLITE_PROTOCOL
    26: "corrupt",  # SQLITE_NOTADB
}

def classify(exc: BaseException) -> StorageError | None:
    """The :class:`StorageError` for an environment failure, or ``None`` for a bug."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, sqlite3.OperationalError | sqlite3.DatabaseError) and not isinstance(
        exc, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.NotSupportedError
    ):
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int):
            kind = _ENVIRONMENT_CODES.get(code & 0xFF)
            if kind is not None:
                return StorageError(kind, f"{getattr(exc, 'sqlite_errorname', code)}: {exc}")
        return None
    if isinstance(exc, OSError):
        return from_os_error(exc)
    return None


@contextmanager
def storage_errors() -> Iterator[None]:
    """Re-raise environment failures inside the block as :class:`StorageError`."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        translated = classify(exc)
        if translated is None:
            raise
        raise translated from exc


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run the block in ``BEGIN IMMEDIATE`` … ``COMMIT``; roll back on any exception.

    ``IMMEDIATE`` takes the write lock up front, so a second writer waits (busy timeout)
    instead of failing half-way. The connection must be in autocommit mode
    (``isolation_level=None``), as :func:`connect` makes it.
    """
    with storage_errors():
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                # The original exception is what matters; a failed rollback adds nothing.
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version stored in the database header."""
    with storage_errors():
        row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def split_statements(script: str) -> list[str]:
    """Split an SQL script into statements (``CREATE TRIGGER`` bodies stay whole).

    Scripts must not contain ``;`` inside comments.
    """
    statements: list[str] = []
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \t\r\n;"):
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip(" \t\r\n;"):
        raise ValueError("The SQL script ends with an incomplete statement.")
    return statements


def migrate(conn: sqlite3.Connection, migrations: Sequence[str]) -> int:
    """Apply ``migrations[v:]`` where ``v`` is the stored version; return the new version.

    ``migrations[i]`` takes the schema from version ``i`` to ``i + 1``. Migrations only go
    forward: a database newer than this code raises ``StorageError("too_new")``.
    """
    target = len(migrations)
    current = user_version(conn)
    if current > target:
        raise StorageError("too_new", f"user_version {current} > {target}")
    if current == target:
        return current
    with transaction(conn):
        current = user_version(conn)  # re-read under the write lock: another process may have won
        for version in range(current, target):
            for statement in split_statements(migrations[version]):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {int(target)}")
    return target


def connect(
    path: Path,
    migrations: Sequence[str] = (),
    *,
    read_only: bool = False,
    timeout: float = BUSY_TIMEOUT_SECONDS,
) -> sqlite3.Connection:
    """Open ``path`` (created with its folder if missing, unless ``read_only``) and migrate it.

    The connection is in autocommit mode (use :func:`transaction`) and may be shared between
    threads; the caller serialises access. Raises :class:`StorageError` for environment
    failures.
    """
    with storage_errors():
        if read_only:
            conn = sqlite3.connect(
                path.resolve().as_uri() + "?mode=ro",
                uri=True,
                timeout=timeout,
                isolation_level=None,
                check_same_thread=False,
            )
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(
                str(path), timeout=timeout, isolation_level=None, check_same_thread=False
            )
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                mode = str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
                if mode.lower() != "wal":
                    raise StorageError("cant_open", f"journal_mode is {mode}, not wal")
            conn.execute("PRAGMA synchronous = FULL")
            if read_only:
                if user_version(conn) != len(migrations):
                    code = "too_new" if user_version(conn) > len(migrations) else "read_only"
                    raise StorageError(code, "read-only database needs a schema change")
            else:
                migrate(conn, migrations)
        except BaseException:
            conn.close()
            raise
    return conn
