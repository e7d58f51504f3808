"""Cashier shifts and their Z reports.

One shift is open at a time (a partial unique index says so). Closing a shift writes its Z
report in the same transaction: numbered 1, 2, 3 … without gaps, and never changed or deleted
afterwards (SQLite triggers, see :mod:`pos_app.store.journal_schema_v2`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pos_app.store.journal import Journal
from pos_app.store.journal_schema import iso, utc_now


class ShiftError(Exception):
    """A shift operation that does not fit the current state (``code``: ``open``/``none``)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class Shift:
    id: int
    opened_at: datetime
    closed_at: datetime | None


@dataclass(frozen=True, slots=True)
class ZRecord:
    number: int
    shift_id: int
    created_at: datetime
    period_from: datetime
    period_to: datetime
    data: dict[str, Any]


def _shift(row: tuple[Any, ...]) -> Shift:
    closed = row[2]
    return Shift(int(row[0]), datetime.fromisoformat(row[1]),
                 None if closed is None else datetime.fromisoformat(closed))  # fmt: skip


def _z(row: tuple[Any, ...]) -> ZRecord:
    return ZRecord(int(row[0]), int(row[1]), datetime.fromisoformat(row[2]),
                   datetime.fromisoformat(row[3]), datetime.fromisoformat(row[4]),
                   json.loads(row[5]))  # fmt: skip


_Z_COLUMNS = "number, shift_id, created_at, period_from, period_to, data"


class ShiftStore:
    """Shifts and Z reports in the journal's SQLite file."""

    def __init__(self, journal: Journal, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.journal = journal
        self.clock = clock

    def current(self) -> Shift | None:
        """The open shift, if any."""
        with self.journal.reading() as conn:
            row = conn.execute(
                "SELECT id, opened_at, closed_at FROM shifts WHERE closed_at IS NULL"
            ).fetchone()
        return None if row is None else _shift(row)

    def open(self) -> Shift:
        """Open a shift now; :class:`ShiftError` (``open``) if one is open already."""
        try:
            with self.journal.writing() as conn:
                cursor = conn.execute(
                    "INSERT INTO shifts (opened_at) VALUES (?)", (iso(self.clock()),)
                )
                row = conn.execute(
                    "SELECT id, opened_at, closed_at FROM shifts WHERE id = ?", (cursor.lastrowid,)
                ).fetchone()
        except sqlite3.IntegrityError as exc:
            raise ShiftError("A shift is already open.", "open") from exc
        return _shift(row)

    def close(self, shift: Shift, closed_at: datetime, data: dict[str, Any]) -> ZRecord:
        """Close ``shift`` at ``closed_at`` and write its Z report ``data`` (JSON-able)."""
        with self.journal.writing() as conn:
            changed = conn.execute(
                "UPDATE shifts SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
                (iso(closed_at), shift.id),
            ).rowcount
            if changed != 1:
                raise ShiftError("This shift is not open.", "none")
            number = int(conn.execute(
                "SELECT coalesce(max(number), 0) + 1 FROM z_reports").fetchone()[0])  # fmt: skip
            conn.execute(
                f"INSERT INTO z_reports ({_Z_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",  # noqa: S608
                (number, shift.id, iso(self.clock()), iso(shift.opened_at), iso(closed_at),
                 json.dumps({**data, "number": number}, sort_keys=True)),
            )  # fmt: skip
        return self.z_report(number)

    def z_report(self, number: int) -> ZRecord:
        with self.journal.reading() as conn:
            row = conn.execute(
                f"SELECT {_Z_COLUMNS} FROM z_reports WHERE number = ?", (number,)  # noqa: S608
            ).fetchone()
        if row is None:
            raise KeyError(number)
        return _z(row)

    def z_reports(self, limit: int = 50) -> list[ZRecord]:
        """The newest Z reports, newest first."""
        with self.journal.reading() as conn:
            rows = conn.execute(
                f"SELECT {_Z_COLUMNS} FROM z_reports ORDER BY number DESC LIMIT ?",  # noqa: S608
                (limit,),
            ).fetchall()
        return [_z(r) for r in rows]
