"""The central side of one till's stream: register, then append batches exactly once, in order.

Each batch is one transaction that locks the till's row in ``hq.tills``, checks that the batch
starts right after the server's ``last_seq`` (the server, not the till, is the truth about what
it holds), inserts the events (``ON CONFLICT DO NOTHING`` on ``(till_id, seq)`` as a second
guard) and moves ``last_seq``. A crash or a lost connection before the commit leaves nothing; one
after it leaves the events and ``last_seq`` together, and the till re-reads ``last_seq`` before
sending more. So every event lands once, and in order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress

import psycopg
from psycopg import errors as pg_errors

from pos_app import __version__
from pos_app.hq.config import HqConfig, connect_options
from pos_app.hq.errors import Rejected, Unavailable
from pos_app.hq.local import LocalEvent, LocalZ
from pos_app.hq.migrate import REQUIRED_VERSION, Z_REPORTS_VERSION, current_version

Connection = psycopg.Connection[tuple[object, ...]]

_INSERT = """
INSERT INTO hq.events (till_id, seq, shop_id, invoice_id, at, from_status, to_status, note, data)
SELECT %(till)s, u.seq, %(shop)s, u.invoice_id, u.at::timestamptz, u.from_status, u.to_status,
       u.note, u.data::jsonb
FROM unnest(%(seq)s::bigint[], %(invoice)s::text[], %(at)s::text[], %(from)s::text[],
            %(to)s::text[], %(note)s::text[], %(data)s::text[])
     AS u(seq, invoice_id, at, from_status, to_status, note, data)
ORDER BY u.seq
ON CONFLICT (till_id, seq) DO NOTHING
"""

# SQLSTATE classes that retrying will not fix: wrong password or role, no such database.
_REFUSALS = ("28", "3D", "42")
# libpq reports a refused login without a SQLSTATE; these server texts say the same.
_LOGIN_REFUSED = ("authentication failed", "does not exist", "no pg_hba.conf entry",
                  "certificate verify failed", "server does not support SSL")


def describe(exc: psycopg.Error) -> str:
    """A short, secret-free sentence about a driver error (first line of the server's text)."""
    text = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    state = getattr(exc, "sqlstate", None)
    return f"{text} (SQLSTATE {state})" if state else text


def translate(exc: psycopg.Error) -> Unavailable | Rejected:
    """Sort a driver error into retry-later or stop."""
    state = getattr(exc, "sqlstate", None) or ""
    if any(text in str(exc) for text in _LOGIN_REFUSED):
        return Rejected(f"head office refused the login: {describe(exc)}")
    if isinstance(exc, psycopg.OperationalError) and not state.startswith(_REFUSALS):
        return Unavailable(f"head office unreachable: {describe(exc)}")
    if isinstance(exc, psycopg.InterfaceError | pg_errors.AdminShutdown
                  | pg_errors.CannotConnectNow):
        return Unavailable(f"head office unreachable: {describe(exc)}")
    return Rejected(f"head office refused the data: {describe(exc)}")


def connect(config: HqConfig, password: str | None) -> Connection:
    """An open connection (autocommit; each batch is an explicit transaction)."""
    options = connect_options(config)
    if password:
        options["password"] = password
    try:
        # No server-side prepared statements: works behind PgBouncer in transaction mode, which
        # a chain of thousands of tills needs (docs/hq-capacity.md).
        conn = psycopg.connect(config.url, autocommit=True, prepare_threshold=None, **options)
    except psycopg.Error as exc:
        raise translate(exc) from None
    try:
        version = current_version(conn)
    except psycopg.Error as exc:
        conn.close()
        raise translate(exc) from None
    if version < REQUIRED_VERSION:
        conn.close()
        raise Rejected(f"head-office schema version {version} is older than this till needs "
                       f"({REQUIRED_VERSION}): run `pos-app hq migrate` on the server first.")
    return conn


class Stream:
    """One till's stream on an open connection."""

    def __init__(self, conn: Connection, config: HqConfig, stream_id: str,
                 hook: Callable[[str], None] | None = None) -> None:
        self.conn = conn
        self.config = config
        self.stream_id = stream_id
        self._hook = hook or (lambda _point: None)
        with self._errors():
            self.schema_version = current_version(conn)

    @property
    def ships_z_reports(self) -> bool:
        return self.schema_version >= Z_REPORTS_VERSION

    def register(self) -> int:
        """Claim the till id for this journal (first time) and return the server's last seq."""
        with self._errors(), self.conn.transaction():
            self.conn.execute(
                "INSERT INTO hq.tills (till_id, shop_id, stream_id, environment, app_version)"
                " VALUES (%s, %s, %s, %s, %s) ON CONFLICT (till_id) DO NOTHING",
                (self.config.till_id, self.config.shop_id, self.stream_id,
                 self.config.environment, __version__))
            return self._lock_row()

    def _lock_row(self) -> int:
        row = self.conn.execute(
            "SELECT stream_id::text, environment, last_seq FROM hq.tills"
            " WHERE till_id = %s FOR UPDATE", (self.config.till_id,)).fetchone()
        assert row is not None  # inserted above in the same transaction, or present
        stream, environment, seq = row
        if stream != self.stream_id:
            raise Rejected(f"till id {self.config.till_id!r} is already used by another "
                           "journal (another till, or a replaced journal file); give this till "
                           "its own --till-id.")
        if environment != self.config.environment:
            raise Rejected(f"till id {self.config.till_id!r} ships the {environment} journal "
                           f"at the head office, not {self.config.environment}.")
        return int(str(seq))

    def push(self, after: int, events: Sequence[LocalEvent]) -> int:
        """Append ``events`` (which start right after ``after``); return the server's last seq.

        When the server is past ``after`` already (another sync of this till won a race), the
        batch is not sent and the server's number is returned: the caller reads again from it.
        """
        if not events:
            return after
        with self._errors(), self.conn.transaction():
            server = self._lock_row()
            if server != after:
                return server
            self.conn.execute(_INSERT, {
                "till": self.config.till_id, "shop": self.config.shop_id,
                "seq": [e.seq for e in events], "invoice": [e.invoice_id for e in events],
                "at": [e.at for e in events], "from": [e.from_status for e in events],
                "to": [e.to_status for e in events], "note": [e.note for e in events],
                "data": [e.data for e in events]})
            last = events[-1].seq
            self.conn.execute(
                "UPDATE hq.tills SET last_seq = %s, last_sync_at = now(), app_version = %s,"
                " shop_id = %s WHERE till_id = %s",
                (last, __version__, self.config.shop_id, self.config.till_id))
            self._hook("before_commit")
        self._hook("after_commit")
        return last

    def last_z(self) -> int:
        """The newest Z report number the server holds for this till."""
        with self._errors():
            row = self.conn.execute("SELECT last_z FROM hq.tills WHERE till_id = %s",
                                    (self.config.till_id,)).fetchone()
        return 0 if row is None else int(str(row[0]))

    def push_z(self, after: int, reports: Sequence[LocalZ]) -> int:
        """Append Z reports numbered right after ``after``; return the server's last number."""
        if not reports:
            return after
        with self._errors(), self.conn.transaction():
            self._lock_row()
            row = self.conn.execute("SELECT last_z FROM hq.tills WHERE till_id = %s",
                                    (self.config.till_id,)).fetchone()
            server = 0 if row is None else int(str(row[0]))
            if server != after:
                return server
            for z in reports:
                self.conn.execute(
                    "INSERT INTO hq.z_reports (till_id, number, shop_id, created_at, period_from,"
                    " period_to, data) VALUES (%s, %s, %s, %s, %s, %s, %s::jsonb)"
                    " ON CONFLICT (till_id, number) DO NOTHING",
                    (self.config.till_id, z.number, self.config.shop_id, z.created_at,
                     z.period_from, z.period_to, z.data))
            self.conn.execute("UPDATE hq.tills SET last_z = %s WHERE till_id = %s",
                              (reports[-1].number, self.config.till_id))
        return reports[-1].number

    def _errors(self) -> _Translate:
        return _Translate()

    def close(self) -> None:
        with suppress(psycopg.Error):
            self.conn.close()


class _Translate:
    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, psycopg.Error):
            raise translate(exc) from None
