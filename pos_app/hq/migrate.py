"""The central schema: versioned SQL files applied in order, each once, in one transaction.

``migrations/NNNN_name.sql`` takes the schema to version ``NNNN``. Applied versions are rows of
``hq.schema_migrations``; a transaction-scoped advisory lock makes two runners queue instead of
racing. Why not Alembic: it brings SQLAlchemy into every till, and the central schema is plain
SQL (tables, one trigger, views) that a DBA should be able to read and apply with ``psql`` too.

Rollout rule (tills of different versions share one schema): a migration only *adds* (nullable
or defaulted columns, tables, views). A till needs :data:`REQUIRED_VERSION` or newer and never
writes columns it does not know, so older tills keep syncing after the schema moves on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import psycopg

# The schema version this till's code needs at least (not the newest file): events need 1; Z
# reports (version 2) are shipped only where the schema has them.
REQUIRED_VERSION = 1
Z_REPORTS_VERSION = 2
_LOCK = 0x48512D504F53  # "HQ-POS": the advisory lock key of migrations
_NAME = re.compile(r"(\d{4})_([a-z0-9_]+)\.sql")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Every migration shipped with this version, oldest first."""
    found = []
    for entry in resources.files("pos_app.hq").joinpath("migrations").iterdir():
        match = _NAME.fullmatch(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError("hq migrations must be numbered 0001, 0002, … without gaps")
    return found


def current_version(conn: psycopg.Connection[tuple[object, ...]]) -> int:
    """The schema version of the central database (0 when there is no schema yet)."""
    row = conn.execute("SELECT to_regclass('hq.schema_migrations') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    row = conn.execute("SELECT coalesce(max(version), 0) FROM hq.schema_migrations").fetchone()
    return int(str(row[0])) if row else 0


def upgrade(conn: psycopg.Connection[tuple[object, ...]],
            target: int | None = None) -> list[int]:
    """Apply the missing migrations up to ``target`` (default: all); return those applied."""
    applied: list[int] = []
    for migration in migrations():
        if target is not None and migration.version > target:
            break
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
            conn.execute("CREATE SCHEMA IF NOT EXISTS hq")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS hq.schema_migrations (version int PRIMARY KEY,"
                " name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
            )
            if current_version(conn) >= migration.version:
                continue
            conn.execute(migration.sql.encode())  # several statements: simple query protocol
            conn.execute("INSERT INTO hq.schema_migrations (version, name) VALUES (%s, %s)",
                         (migration.version, migration.name))
            applied.append(migration.version)
    return applied


def till_grants(role: str) -> str:
    """The least privileges a till's role needs (``pos-app hq migrate --grant-till ROLE``).

    It reads the schema version and its own row, inserts events and moves its row; the trigger
    that fills the report tables runs with its owner's rights.
    """
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", role):
        raise ValueError("A role name of lower-case Latin letters, digits and _.")
    return (f"GRANT USAGE ON SCHEMA hq TO {role};"
            f" GRANT SELECT ON hq.schema_migrations TO {role};"
            f" GRANT SELECT, INSERT, UPDATE ON hq.tills TO {role};"
            # SELECT on the key columns: ON CONFLICT (till_id, seq) needs it.
            f" GRANT INSERT, SELECT (till_id, seq) ON hq.events TO {role};"
            f" GRANT INSERT, SELECT (till_id, number) ON hq.z_reports TO {role};")
