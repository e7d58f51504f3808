"""The refund log: every refund or cancel request, written before it is sent to the bank.

A row starts ``pending`` (committed before any network call, like a payment attempt) and ends
``done`` or ``failed`` (then unchangeable, a trigger enforces it) or ``unknown`` when the bank
could not confirm it yet. Each request has its own external id, ``R-<invoice>-<n>`` for
refunds and ``C-<invoice>-<n>`` for cancels, sent to ePay as ``externalID``.
"""

from __future__ import annotations

import enum
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from pos_app.store.journal import Journal
from pos_app.store.journal_schema import iso, scrub_text, utc_now

_COLUMNS = (
    "id, invoice_id, external_id, kind, amount, reason, state, requested_at, finished_at, note"
)
MAX_REASON = 200


class RefundState(enum.StrEnum):
    PENDING = "pending"  # written, maybe sent; the bank has not confirmed yet
    DONE = "done"  # the status API confirmed it
    FAILED = "failed"  # the bank refused it, or confirmed it did not happen
    UNKNOWN = "unknown"  # sent, but the bank could not be asked afterwards


@dataclass(frozen=True, slots=True)
class RefundRecord:
    id: int
    invoice_id: str
    external_id: str
    kind: str  # "refund" | "cancel"
    amount: Decimal
    reason: str
    state: RefundState
    requested_at: datetime
    finished_at: datetime | None
    note: str


def _record(row: sqlite3.Row | tuple[object, ...]) -> RefundRecord:
    finished = str(row[8])
    return RefundRecord(
        int(str(row[0])), str(row[1]), str(row[2]), str(row[3]), Decimal(str(row[4])),
        str(row[5]), RefundState(str(row[6])), datetime.fromisoformat(str(row[7])),
        datetime.fromisoformat(finished) if finished else None, str(row[9]),
    )  # fmt: skip


class RefundLog:
    """Refund rows beside the journal's payments, in the same SQLite file."""

    def __init__(self, journal: Journal, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.journal = journal
        self._clock = clock

    def begin(self, invoice_id: str, kind: str, amount: Decimal, reason: str) -> RefundRecord:
        """Commit a ``pending`` request with the next external id for this payment."""
        if kind not in ("refund", "cancel"):
            raise ValueError(f"Unknown refund kind {kind!r}.")
        with self.journal.writing() as conn:
            n = conn.execute(
                "SELECT count(*) FROM refunds WHERE invoice_id = ?", (invoice_id,)
            ).fetchone()[0]
            external_id = f"{'R' if kind == 'refund' else 'C'}-{invoice_id}-{int(n) + 1}"
            cursor = conn.execute(
                "INSERT INTO refunds (invoice_id, external_id, kind, amount, reason, requested_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (invoice_id, external_id, kind, f"{amount.quantize(Decimal('0.01')):f}",
                 scrub_text(reason)[:MAX_REASON], iso(self._clock())),
            )  # fmt: skip
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM refunds WHERE id = ?", (cursor.lastrowid,)  # noqa: S608
            ).fetchone()
        return _record(row)

    def finish(self, record_id: int, state: RefundState, note: str = "") -> RefundRecord:
        """Record the outcome; ``done``/``failed`` rows cannot change afterwards."""
        finished = "" if state is RefundState.PENDING else iso(self._clock())
        with self.journal.writing() as conn:
            conn.execute(
                "UPDATE refunds SET state = ?, finished_at = ?, note = ? WHERE id = ?",
                (state.value, finished, scrub_text(note), record_id),
            )
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM refunds WHERE id = ?", (record_id,)  # noqa: S608
            ).fetchone()
        return _record(row)

    def for_payment(self, invoice_id: str) -> list[RefundRecord]:
        """The requests for one payment, oldest first."""
        with self.journal.reading() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM refunds WHERE invoice_id = ? ORDER BY id",  # noqa: S608
                (invoice_id,),
            ).fetchall()
        return [_record(r) for r in rows]

    def open_invoices(self) -> list[str]:
        """Payments with a refund or cancel request not yet confirmed or refused."""
        with self.journal.reading() as conn:
            rows = conn.execute(
                "SELECT DISTINCT invoice_id FROM refunds"
                " WHERE state IN ('pending', 'unknown') ORDER BY invoice_id"
            ).fetchall()
        return [str(r[0]) for r in rows]

    def done_between(self, since: datetime, until: datetime) -> list[RefundRecord]:
        """Confirmed requests finished in ``[since, until)``, oldest first."""
        with self.journal.reading() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM refunds WHERE state = 'done'"  # noqa: S608
                " AND finished_at >= ? AND finished_at < ? ORDER BY id",
                (iso(since), iso(until)),
            ).fetchall()
        return [_record(r) for r in rows]
