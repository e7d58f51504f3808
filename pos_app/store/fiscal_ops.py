"""The fiscal operations log: journal first, like money (issue 15, reference §6.2).

A row is committed ``prepared`` with its key and exact request body before anything is sent;
``sent`` is committed just before the request leaves; the outcome is ``done`` (result stored),
``failed`` (a definite error reply: nothing registered; ``retryable`` ones stay queued) or
``unknown`` (the request may have been registered: settled later by resending the same body
with the same key, then by lookup). A payment has at most one sale row and a refund at most one
return row (unique indexes), so a key is never replaced by a second one.
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
from pos_app.store.journal_schema_fiscal import csv_status

_COLUMNS = ("id, invoice_id, refund_id, kind, key, provider, cashbox, amount, body, state, "
            "retryable, attempts, created_at, updated_at, sent_at, error_code, error_text, "
            "fiscal_number, ticket_url, offline, result")


class FiscalState(enum.StrEnum):
    PREPARED = "prepared"  # key and body committed; nothing sent yet
    SENT = "sent"  # the request may have left
    DONE = "done"  # the register answered with a check; result stored
    FAILED = "failed"  # a definite error reply: nothing was registered
    UNKNOWN = "unknown"  # may have been registered; settle by resend, then lookup


ALLOWED = {
    FiscalState.PREPARED: {FiscalState.SENT},
    FiscalState.SENT: {FiscalState.DONE, FiscalState.FAILED, FiscalState.UNKNOWN},
    FiscalState.UNKNOWN: {FiscalState.SENT, FiscalState.DONE},
    FiscalState.FAILED: {FiscalState.SENT},  # resend the same body: nothing was registered
    FiscalState.DONE: set(),
}


class IllegalFiscalTransition(RuntimeError):
    pass


@dataclass(frozen=True, slots=True)
class FiscalOp:
    id: int
    invoice_id: str
    refund_id: int | None
    kind: str  # sale | return
    key: str
    provider: str
    cashbox: str
    amount: Decimal
    body: str
    state: FiscalState
    retryable: bool
    attempts: int
    created_at: datetime
    updated_at: datetime
    sent_at: datetime | None
    error_code: str
    error_text: str
    fiscal_number: str
    ticket_url: str
    offline: bool
    result: str  # JSON of the adapter's FiscalResult, "" until done

    @property
    def csv_status(self) -> str:
        return csv_status(self.state.value, self.retryable)

    @property
    def queued(self) -> bool:
        """Waiting to be sent (again) by the queue."""
        return self.state is FiscalState.PREPARED or (
            self.state is FiscalState.FAILED and self.retryable)


def _op(row: sqlite3.Row | tuple[object, ...]) -> FiscalOp:
    r = list(row)
    return FiscalOp(
        int(str(r[0])), str(r[1]), None if r[2] is None else int(str(r[2])), str(r[3]),
        str(r[4]), str(r[5]), str(r[6]), Decimal(str(r[7])), str(r[8]), FiscalState(str(r[9])),
        bool(r[10]), int(str(r[11])), datetime.fromisoformat(str(r[12])),
        datetime.fromisoformat(str(r[13])), datetime.fromisoformat(str(r[14])) if r[14] else None,
        str(r[15]), str(r[16]), str(r[17]), str(r[18]), bool(r[19]), str(r[20]),
    )  # fmt: skip


class FiscalLog:
    """Fiscal rows beside the journal's payments and refunds, in the same SQLite file."""

    def __init__(self, journal: Journal, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.journal = journal
        self._clock = clock

    def prepare(self, invoice_id: str, kind: str, key: str, provider: str, cashbox: str,
                amount: Decimal, body: str, refund_id: int | None = None) -> FiscalOp:
        """Commit a ``prepared`` row, or return the existing one for this payment or refund."""
        existing = self.sale_for(invoice_id) if kind == "sale" else (
            self.for_refund(refund_id) if refund_id is not None else None)
        if existing is not None:
            return existing
        now = iso(self._clock())
        with self.journal.writing() as conn:
            cursor = conn.execute(
                "INSERT INTO fiscal_ops (invoice_id, refund_id, kind, key, provider, cashbox,"
                " amount, body, state, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (invoice_id, refund_id, kind, key, provider, cashbox,
                 f"{amount.quantize(Decimal('0.01')):f}", body, FiscalState.PREPARED.value,
                 now, now),
            )  # fmt: skip
            op_id = int(cursor.lastrowid or 0)
            self._event(conn, op_id, now, None, FiscalState.PREPARED, f"key {key}")
            return self._get(conn, op_id)

    def move(self, op_id: int, state: FiscalState, note: str = "", *,
             error_code: str = "", error_text: str = "", retryable: bool = False,
             fiscal_number: str = "", ticket_url: str = "", offline: bool = False,
             result: str = "") -> FiscalOp:
        """Change the state (checked); ``sent`` counts an attempt and stamps ``sent_at``."""
        now = iso(self._clock())
        with self.journal.writing() as conn:
            current = self._get(conn, op_id)
            if state not in ALLOWED[current.state]:
                raise IllegalFiscalTransition(f"{current.state} → {state}")
            fields: dict[str, object] = {"state": state.value, "updated_at": now,
                                         "error_code": error_code[:50],
                                         "error_text": scrub_text(error_text)[:300],
                                         "retryable": int(retryable)}
            if state is FiscalState.SENT:
                fields.update(attempts=current.attempts + 1, sent_at=now)
            if state is FiscalState.DONE:
                fields.update(fiscal_number=fiscal_number[:100], ticket_url=ticket_url[:1000],
                              offline=int(offline), result=result)
            assignments = ", ".join(f"{name} = ?" for name in fields)  # fixed names
            conn.execute(f"UPDATE fiscal_ops SET {assignments} WHERE id = ?",  # noqa: S608
                         (*fields.values(), op_id))
            self._event(conn, op_id, now, current.state, state,
                        note or (f"{error_code} {error_text}".strip()))
            return self._get(conn, op_id)

    # -- reading ----------------------------------------------------------------------------

    def _get(self, conn: sqlite3.Connection, op_id: int) -> FiscalOp:
        row = conn.execute(f"SELECT {_COLUMNS} FROM fiscal_ops WHERE id = ?",  # noqa: S608
                           (op_id,)).fetchone()
        if row is None:
            raise KeyError(op_id)
        return _op(row)

    def _select(self, where: str, params: tuple[object, ...]) -> list[FiscalOp]:
        with self.journal.reading() as conn:
            rows = conn.execute(f"SELECT {_COLUMNS} FROM fiscal_ops {where}",  # noqa: S608
                                params).fetchall()
        return [_op(r) for r in rows]

    def get(self, op_id: int) -> FiscalOp:
        with self.journal.reading() as conn:
            return self._get(conn, op_id)

    def sale_for(self, invoice_id: str) -> FiscalOp | None:
        found = self._select("WHERE invoice_id = ? AND kind = 'sale'", (invoice_id,))
        return found[0] if found else None

    def for_refund(self, refund_id: int) -> FiscalOp | None:
        found = self._select("WHERE refund_id = ?", (refund_id,))
        return found[0] if found else None

    def for_invoice(self, invoice_id: str) -> list[FiscalOp]:
        return self._select("WHERE invoice_id = ? ORDER BY id", (invoice_id,))

    def open_ops(self, cashbox: str | None = None) -> list[FiscalOp]:
        """Every row not ``done`` and not finally failed, oldest first (the queue order)."""
        where = ("WHERE (state IN ('prepared', 'sent', 'unknown')"
                 " OR (state = 'failed' AND retryable = 1))")
        if cashbox is None:
            return self._select(where + " ORDER BY id", ())
        return self._select(where + " AND cashbox = ? ORDER BY id", (cashbox,))

    def recent(self, limit: int) -> list[FiscalOp]:
        """The ``limit`` newest rows, oldest first."""
        return list(reversed(self._select("ORDER BY id DESC LIMIT ?", (int(limit),))))

    def all_ops(self) -> list[FiscalOp]:
        return self._select("ORDER BY id", ())

    def events(self, op_id: int) -> list[tuple[str, str | None, str, str]]:
        with self.journal.reading() as conn:
            rows = conn.execute("SELECT at, from_state, to_state, note FROM fiscal_events"
                                " WHERE op_id = ? ORDER BY id", (op_id,)).fetchall()
        return [(str(r[0]), None if r[1] is None else str(r[1]), str(r[2]), str(r[3]))
                for r in rows]

    def csv_columns(self, invoice_id: str) -> list[str]:
        """``fiscal_status, fiscal_number, fiscal_ticket_url`` of a payment's sale receipt."""
        sale = self.sale_for(invoice_id)
        if sale is None:
            return ["none", "", ""]
        return [sale.csv_status, sale.fiscal_number, sale.ticket_url]

    @staticmethod
    def _event(conn: sqlite3.Connection, op_id: int, at: str, old: FiscalState | None,
               new: FiscalState, note: str) -> None:
        conn.execute("INSERT INTO fiscal_events (op_id, at, from_state, to_state, note)"
                     " VALUES (?, ?, ?, ?, ?)",
                     (op_id, at, None if old is None else old.value, new.value,
                      scrub_text(note)[:300]))
