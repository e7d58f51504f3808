"""The till's side of the sync, inside its journal: what is unsent and what was acknowledged.

The journal's ``events`` table is append-only and numbered (``id``): that number is the event's
``seq`` at the head office. The last sequence the server acknowledged, the stream id (a UUID
naming this journal) and the last sync error live in the journal's ``meta`` table, so each
journal (one per environment) carries its own sync state and a copied journal its history.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from pos_app.store import paths
from pos_app.store.journal import Journal

_ACK = "hq_last_ack"
_ACK_AT = "hq_last_ack_at"
_STREAM = "hq_stream_id"
_ERROR = "hq_last_error"
_ERROR_AT = "hq_last_error_at"
_ERROR_KIND = "hq_last_error_kind"


@dataclass(frozen=True, slots=True)
class LocalEvent:
    seq: int
    invoice_id: str
    at: str  # ISO 8601 with offset, as stored
    from_status: str | None
    to_status: str
    note: str
    data: str  # JSON text


@dataclass(frozen=True, slots=True)
class Lag:
    """How far the head office is behind this journal."""

    events: int
    oldest_unsent: datetime | None  # when the oldest unsent event happened
    last_ack: int
    last_ack_at: datetime | None
    last_error: str
    last_error_at: datetime | None
    stopped: bool  # the last error was a refusal: the sync waits for someone to act

    def minutes(self, now: datetime | None = None) -> float:
        if self.oldest_unsent is None:
            return 0.0
        return max(0.0, ((now or datetime.now(UTC)) - self.oldest_unsent).total_seconds() / 60)


def open_journal(environment: str) -> Journal:
    """The journal that ships as ``environment`` (each environment has its own journal file;
    an old single journal is adopted by the environment in the settings first)."""
    from pos_app.store import journal_files
    from pos_app.store.settings import load as load_settings

    configured = load_settings(paths.settings_path()).environment
    return journal_files.open_journal(environment, configured=configured)


def _get(journal: Journal, name: str) -> str | None:
    with journal.reading() as conn:
        row = conn.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
    return None if row is None else str(row[0])


def _put(journal: Journal, values: dict[str, str]) -> None:
    with journal.writing() as conn:
        conn.executemany("INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)",
                         list(values.items()))


def stream_id(journal: Journal) -> str:
    """This journal's UUID (made on first use)."""
    found = _get(journal, _STREAM)
    if found:
        return found
    with journal.writing() as conn:
        conn.execute("INSERT OR IGNORE INTO meta (name, value) VALUES (?, ?)",
                     (_STREAM, str(uuid.uuid4())))
        return str(conn.execute("SELECT value FROM meta WHERE name = ?", (_STREAM,)).fetchone()[0])


def last_ack(journal: Journal) -> int:
    return int(_get(journal, _ACK) or 0)


def acknowledge(journal: Journal, seq: int) -> None:
    """Remember that the server holds every event up to ``seq``; clears the last error."""
    _put(journal, {_ACK: str(seq), _ACK_AT: datetime.now(UTC).isoformat(), _ERROR: "",
                   _ERROR_AT: "", _ERROR_KIND: ""})


def record_error(journal: Journal, message: str, *, stopped: bool) -> None:
    _put(journal, {_ERROR: message[:500], _ERROR_AT: datetime.now(UTC).isoformat(),
                   _ERROR_KIND: "stopped" if stopped else "retrying"})


def last_seq(journal: Journal) -> int:
    """The newest event's sequence number (0 for an empty journal)."""
    with journal.reading() as conn:
        return int(conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0])


def unsent(journal: Journal, after: int, limit: int) -> list[LocalEvent]:
    """Up to ``limit`` events with ``seq > after``, oldest first."""
    with journal.reading() as conn:
        rows = conn.execute(
            "SELECT id, invoice_id, at, from_status, to_status, note, data FROM events"
            " WHERE id > ? ORDER BY id LIMIT ?", (after, limit)).fetchall()
    return [LocalEvent(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows]


@dataclass(frozen=True, slots=True)
class LocalZ:
    number: int
    created_at: str
    period_from: str
    period_to: str
    data: str  # JSON text


def unsent_z(journal: Journal, after: int) -> list[LocalZ]:
    """Z reports numbered above ``after``, in order (a till closes a few a day)."""
    with journal.reading() as conn:
        rows = conn.execute(
            "SELECT number, created_at, period_from, period_to, data FROM z_reports"
            " WHERE number > ? ORDER BY number", (after,)).fetchall()
    return [LocalZ(int(r[0]), r[1], r[2], r[3], r[4]) for r in rows]


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def lag(journal: Journal) -> Lag:
    """Events not yet acknowledged and since when, plus the last error."""
    ack = last_ack(journal)
    with journal.reading() as conn:
        count, oldest = conn.execute(
            "SELECT count(*), min(at) FROM events WHERE id > ?", (ack,)).fetchone()
    return Lag(int(count), _when(oldest), ack, _when(_get(journal, _ACK_AT)),
               _get(journal, _ERROR) or "", _when(_get(journal, _ERROR_AT)),
               _get(journal, _ERROR_KIND) == "stopped")
