"""Journal migration: fiscal operations (issue 15), appended to ``MIGRATIONS``.

One row per fiscal receipt the till asks a cloud register for: the key (``ExternalCheckNumber``)
and the exact request body are committed before anything is sent. ``fiscal_events`` is the
append-only history of every state change. Nothing is deleted; a ``done`` row never changes.
"""

from __future__ import annotations

FISCAL_STATES = ("prepared", "sent", "done", "failed", "unknown")
NO_RECEIPT = ("none", "", "")


def csv_status(state: str, retryable: bool) -> str:
    """A fiscal state as ``pos-app journal --csv`` writes it (a contract): ``none`` (no row),
    ``pending`` (queued, sending, or refused for now and queued again), ``done``, ``failed``
    (refused for good), ``unknown`` (may be registered; being settled)."""
    if state == "failed":
        return "pending" if retryable else "failed"
    return {"prepared": "pending", "sent": "pending"}.get(state, state)


FISCAL_CSV_SQL = ("SELECT state, retryable, fiscal_number, ticket_url FROM fiscal_ops"
                  " WHERE invoice_id = ? AND kind = 'sale'")
# A payment's refund and cancel requests with their return receipts (NULLs: none queued).
REFUNDS_CSV_SQL = (
    "SELECT r.external_id, r.kind, r.amount, r.reason, r.state, r.requested_at, r.finished_at,"
    " r.note, f.state, f.retryable, f.fiscal_number, f.ticket_url FROM refunds r"
    " LEFT JOIN fiscal_ops f ON f.refund_id = r.id WHERE r.invoice_id = ? ORDER BY r.id")


def csv_fiscal(state: object, retryable: object, number: object, url: object
               ) -> tuple[str, str, str]:
    """The three fiscal CSV columns of a ``fiscal_ops`` row (``state`` None: no receipt)."""
    if state is None:
        return NO_RECEIPT
    return csv_status(str(state), bool(retryable)), str(number), str(url)

MIGRATION_FISCAL = """
CREATE TABLE fiscal_ops (
    id INTEGER PRIMARY KEY,
    invoice_id TEXT NOT NULL REFERENCES payments (invoice_id),
    refund_id INTEGER REFERENCES refunds (id),
    kind TEXT NOT NULL CHECK (kind IN ('sale', 'return')),
    key TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 1 AND 50),
    provider TEXT NOT NULL,
    cashbox TEXT NOT NULL,
    amount TEXT NOT NULL CHECK (typeof(amount) = 'text'),
    body TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('prepared', 'sent', 'done', 'failed', 'unknown')),
    retryable INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sent_at TEXT NOT NULL DEFAULT '',
    error_code TEXT NOT NULL DEFAULT '',
    error_text TEXT NOT NULL DEFAULT '',
    fiscal_number TEXT NOT NULL DEFAULT '',
    ticket_url TEXT NOT NULL DEFAULT '',
    offline INTEGER NOT NULL DEFAULT 0,
    result TEXT NOT NULL DEFAULT '',
    CHECK ((kind = 'sale') = (refund_id IS NULL))
);
CREATE UNIQUE INDEX fiscal_one_sale ON fiscal_ops (invoice_id) WHERE kind = 'sale';
CREATE UNIQUE INDEX fiscal_one_return ON fiscal_ops (refund_id) WHERE refund_id IS NOT NULL;
CREATE INDEX fiscal_queue ON fiscal_ops (cashbox, state, id);
CREATE TABLE fiscal_events (
    id INTEGER PRIMARY KEY,
    op_id INTEGER NOT NULL REFERENCES fiscal_ops (id),
    at TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER fiscal_ops_no_delete BEFORE DELETE ON fiscal_ops
BEGIN
    SELECT RAISE(ABORT, 'fiscal operations are never deleted');
END;
CREATE TRIGGER fiscal_ops_done_final BEFORE UPDATE ON fiscal_ops
WHEN OLD.state = 'done'
BEGIN
    SELECT RAISE(ABORT, 'a registered fiscal receipt cannot be changed');
END;
CREATE TRIGGER fiscal_ops_same_request BEFORE UPDATE ON fiscal_ops
WHEN NEW.key != OLD.key OR NEW.body != OLD.body
BEGIN
    SELECT RAISE(ABORT, 'the key and body of a fiscal operation never change');
END;
CREATE TRIGGER fiscal_events_append_only BEFORE UPDATE ON fiscal_events
BEGIN
    SELECT RAISE(ABORT, 'fiscal events are append-only');
END;
CREATE TRIGGER fiscal_events_no_delete BEFORE DELETE ON fiscal_events
BEGIN
    SELECT RAISE(ABORT, 'fiscal events are append-only');
END;
"""
