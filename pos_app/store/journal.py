"""The payment journal: every attempt and every change of state, durable, never deleted.

One SQLite file (WAL, ``synchronous=FULL``; see :mod:`pos_app.store.db`) with:

* ``payments`` – the current state of each attempt (one row per invoice number);
* ``events`` – an append-only history: one row per creation, transition or note;
* ``counters`` – the invoice sequence (never reset); ``meta`` – the till's invoice prefix.

An attempt is written (status ``new``) and committed *before* any network call, so a crash at
any later step leaves a record for the reconciler. A :class:`Journal` may be shared between
threads: one connection, every use under one lock, so writes are serialized.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import IO

from pos_app.domain.invoice import format_invoice, suffix, validate_prefix
from pos_app.domain.money import CURRENCY, check_amount
from pos_app.domain.payment import OPEN, Payment, PaymentMethod, PaymentStatus, check_transition
from pos_app.store.db import StorageError, connect, storage_errors, transaction
from pos_app.store.journal_export import CSV_COLUMNS, RefundCsv, write_payments_csv
from pos_app.store.journal_schema import (
    MIGRATIONS,
    PAYMENT_COLUMNS,
    Event,
    clean_fields,
    iso,
    payment_from_row,
    scrub_text,
    utc_now,
)
from pos_app.store.journal_schema_fiscal import FISCAL_CSV_SQL, REFUNDS_CSV_SQL, csv_fiscal

__all__ = ["CSV_COLUMNS", "Event", "Journal", "PaymentNotFound", "StorageError"]

_SEQUENCE = "invoice_sequence"
_MIN_FREE_BYTES = 1024 * 1024
_SELECT = f"SELECT {', '.join(PAYMENT_COLUMNS)} FROM payments"  # noqa: S608 - fixed column names


class PaymentNotFound(KeyError):
    """No attempt with this invoice number is in the journal."""


class Journal:
    """The journal in the SQLite file ``path`` (created on first use).

    ``prefix`` is the till's invoice prefix (0-9 digits): stored in ``meta`` when the journal
    is created; a later non-``None`` value replaces it. ``clock`` returns aware datetimes (tests).
    ``read_only=True`` opens an existing journal for reports; writes then raise StorageError.
    """

    def __init__(
        self,
        path: Path,
        prefix: str | None = None,
        *,
        clock: Callable[[], datetime] = utc_now,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path)
        self._clock = clock
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = connect(self.path, MIGRATIONS, read_only=read_only)
        if prefix is not None:
            validate_prefix(prefix)
            if self._meta("invoice_prefix") != prefix:
                self._set_meta("invoice_prefix", prefix)

    # -- plumbing ---------------------------------------------------------------------------

    @property
    def conn(self) -> sqlite3.Connection:
        """The open connection (``sqlite3.ProgrammingError`` after :meth:`close`)."""
        if self._conn is None:
            raise sqlite3.ProgrammingError("The journal is closed.")
        return self._conn

    def _meta(self, name: str) -> str | None:
        with self._lock, storage_errors():
            row = self.conn.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return None if row is None else str(row[0])

    def _set_meta(self, name: str, value: str) -> None:
        with self._lock, transaction(self.conn) as conn:
            conn.execute("INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)", (name, value))

    @property
    def environment(self) -> str:
        """The ePay environment this journal belongs to ("" before :meth:`claim_environment`)."""
        return self._meta("environment") or ""

    def claim_environment(self, environment: str) -> None:
        """Mark the journal as ``environment``'s; a journal of another one raises StorageError.

        Training, test and real money never share a journal (issue 14, A.3).
        """
        found = self.environment
        if found and found != environment:
            raise StorageError("wrong_environment", f"journal of {found}, opened for {environment}")
        if not found:
            self._set_meta("environment", environment)

    @property
    def prefix(self) -> str:
        """The till's invoice prefix ("" if none was set)."""
        return self._meta("invoice_prefix") or ""

    def _event(
        self, conn: sqlite3.Connection, invoice_id: str, at: str,
        old: PaymentStatus | None, new: PaymentStatus, note: str, data: dict[str, str],
    ) -> None:  # fmt: skip
        conn.execute(
            "INSERT INTO events (invoice_id, at, from_status, to_status, note, data)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (invoice_id, at, None if old is None else old.value, new.value,
             scrub_text(note), json.dumps(data, sort_keys=True)),
        )  # fmt: skip

    def _get(self, conn: sqlite3.Connection, invoice_id: str) -> Payment:
        row = conn.execute(f"{_SELECT} WHERE invoice_id = ?", (invoice_id,)).fetchone()
        if row is None:
            raise PaymentNotFound(invoice_id)
        return payment_from_row(row)

    # -- writing ----------------------------------------------------------------------------

    def create_attempt(
        self,
        amount: Decimal,
        method: PaymentMethod = PaymentMethod.CARD,
        description: str = "",
        account_id: str = "",
        *,
        prefix: str | None = None,
    ) -> Payment:
        """Allocate the next invoice number and commit a ``new`` attempt; return it.

        The number is ``prefix`` (default: the till's) + the next 6-digit sequence value,
        skipping any number whose invoice or last six digits were ever used. Allocation, the
        row and its first event are one transaction, durable when this returns.
        """
        amount = check_amount(amount, maximum=Decimal("Infinity"))
        method = PaymentMethod(method)
        with self._lock, transaction(self.conn) as conn:
            till_prefix = validate_prefix(self.prefix if prefix is None else prefix)
            row = conn.execute("SELECT value FROM counters WHERE name = ?", (_SEQUENCE,))
            found = row.fetchone()
            sequence = (0 if found is None else int(found[0])) + 1
            while True:
                invoice_id = format_invoice(till_prefix, sequence)  # InvoiceError when exhausted
                used = conn.execute(
                    "SELECT 1 FROM payments WHERE invoice_id = ? OR suffix = ?",
                    (invoice_id, suffix(invoice_id)),
                ).fetchone()
                if used is None:
                    break
                sequence += 1
            conn.execute(
                "INSERT OR REPLACE INTO counters (name, value) VALUES (?, ?)", (_SEQUENCE, sequence)
            )
            now = iso(self._clock())
            conn.execute(
                "INSERT INTO payments (invoice_id, suffix, amount, currency, method, status,"
                " created_at, updated_at, description, account_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (invoice_id, suffix(invoice_id), f"{amount:f}", CURRENCY, method.value,
                 PaymentStatus.NEW.value, now, now, scrub_text(description), account_id[:200]),
            )  # fmt: skip
            self._event(conn, invoice_id, now, None, PaymentStatus.NEW, "created",
                        {"amount": f"{amount:f}", "method": method.value})  # fmt: skip
            return self._get(conn, invoice_id)

    def transition(
        self, invoice_id: str, status: PaymentStatus, *, note: str = "", **fields: object
    ) -> Payment:
        """Move an attempt to ``status`` (checked against the life cycle) and log the event.

        ``fields`` may set reference, approval_code, card_mask (masked if it shows more than
        10 digits), transaction_id, refunded_amount (Decimal), reason_code and message.
        Moving to ``refunded`` without ``refunded_amount`` records the whole amount.
        Raises IllegalTransition (nothing changes), PaymentNotFound, ValueError/TypeError.
        """
        status = PaymentStatus(status)
        return self._update(invoice_id, status, note, fields)

    def record(self, invoice_id: str, note: str, **fields: object) -> Payment:
        """Update fields and log an event without changing the status."""
        return self._update(invoice_id, None, note, fields)

    def _update(
        self, invoice_id: str, status: PaymentStatus | None, note: str, fields: dict[str, object]
    ) -> Payment:
        with self._lock, transaction(self.conn) as conn:
            current = self._get(conn, invoice_id)
            new = current.status if status is None else status
            if status is not None:
                check_transition(current.status, new)
                if new is PaymentStatus.REFUNDED and "refunded_amount" not in fields:
                    fields = {**fields, "refunded_amount": current.amount}
            cleaned = clean_fields(fields, current.amount)
            now = iso(self._clock())
            columns = {**cleaned, "status": new.value, "updated_at": now}
            assignments = ", ".join(f"{name} = ?" for name in columns)  # names are whitelisted
            conn.execute(
                f"UPDATE payments SET {assignments} WHERE invoice_id = ?",  # noqa: S608
                (*columns.values(), invoice_id),
            )
            self._event(conn, invoice_id, now, current.status, new, note, cleaned)
            return self._get(conn, invoice_id)

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection under the journal's lock, for read-only queries of other store modules."""
        with self._lock, storage_errors():
            yield self.conn

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction under the journal's lock (refunds, shifts, Z reports)."""
        with self._lock, transaction(self.conn) as conn:
            yield conn

    def check_writable(self) -> None:
        """Raise :class:`StorageError` unless a write to the journal succeeds right now.

        Call before starting a payment: it checks free disk space and commits a tiny write.
        """
        with self._lock, storage_errors():
            if shutil.disk_usage(self.path.parent).free < _MIN_FREE_BYTES:
                raise StorageError("disk_full", "less than 1 MiB free")
            self._set_meta("last_write_check", iso(self._clock()))

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ----------------------------------------------------------------------------

    def get(self, invoice_id: str) -> Payment:
        """The attempt with ``invoice_id``; raises :class:`PaymentNotFound`."""
        with self._lock, storage_errors():
            return self._get(self.conn, invoice_id)

    def _query(self, where: str, params: tuple[object, ...]) -> list[Payment]:
        with self._lock, storage_errors():
            rows = self.conn.execute(f"{_SELECT} {where}", params).fetchall()
        return [payment_from_row(row) for row in rows]

    def recent(self, limit: int = 8) -> list[Payment]:
        """The ``limit`` newest attempts, newest first."""
        return self._query("ORDER BY rowid DESC LIMIT ?", (int(limit),))

    def open_attempts(self) -> list[Payment]:
        """Attempts whose outcome the bank may know better than we do, oldest first."""
        marks = ", ".join("?" for _ in OPEN)
        return self._query(
            f"WHERE status IN ({marks}) ORDER BY rowid", tuple(s.value for s in OPEN)
        )

    def with_problems(self) -> list[Payment]:
        """Attempts flagged for the administrator (e.g. a bank reply that did not match)."""
        return self._query("WHERE problem != '' ORDER BY rowid", ())

    def events(self, invoice_id: str) -> list[Event]:
        """The history of one attempt, oldest first."""
        with self._lock, storage_errors():
            rows = self.conn.execute(
                "SELECT id, invoice_id, at, from_status, to_status, note, data FROM events"
                " WHERE invoice_id = ? ORDER BY id",
                (invoice_id,),
            ).fetchall()
        return [
            Event(int(r[0]), r[1], datetime.fromisoformat(r[2]),
                  None if r[3] is None else PaymentStatus(r[3]), PaymentStatus(r[4]),
                  r[5], json.loads(r[6]))
            for r in rows
        ]  # fmt: skip

    def iter_payments(
        self, since: datetime | None = None, until: datetime | None = None, *, batch: int = 500
    ) -> Iterator[Payment]:
        """Attempts created in ``[since, until)``, oldest first, read in batches."""
        last = 0
        lower = "" if since is None else iso(since)
        upper = "\uffff" if until is None else iso(until)
        while True:
            with self._lock, storage_errors():
                rows = self.conn.execute(
                    f"SELECT rowid, {', '.join(PAYMENT_COLUMNS)} FROM payments WHERE rowid > ?"  # noqa: S608
                    " AND created_at >= ? AND created_at < ? ORDER BY rowid LIMIT ?",
                    (last, lower, upper, batch),
                ).fetchall()
            if not rows:
                return
            for row in rows:
                yield payment_from_row(row[1:])
            last = int(rows[-1][0])

    def write_csv(
        self, stream: IO[str], since: datetime | None = None, until: datetime | None = None
    ) -> int:
        """Write the journal as CSV (header + one row per attempt followed by one per refund or
        cancel request of it, :data:`CSV_COLUMNS`).

        Amounts are plain decimal strings (``1500.00``); returns the number of payments.
        """
        return write_payments_csv(stream, self.iter_payments(since, until),
                                  self._fiscal_columns, self._refund_rows)

    def _fiscal_columns(self, invoice_id: str) -> tuple[str, str, str]:
        with self._lock, storage_errors():
            row = self.conn.execute(FISCAL_CSV_SQL, (invoice_id,)).fetchone()
        return csv_fiscal(*(row or (None, 0, "", "")))

    def _refund_rows(self, invoice_id: str) -> list[RefundCsv]:
        with self._lock, storage_errors():
            rows = self.conn.execute(REFUNDS_CSV_SQL, (invoice_id,)).fetchall()
        return [RefundCsv(str(r[0]), str(r[1]), Decimal(str(r[2])), str(r[3]), str(r[4]),
                          str(r[5]), str(r[6]), str(r[7]), csv_fiscal(*r[8:12])) for r in rows]
