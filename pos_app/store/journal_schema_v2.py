"""Journal schema version 2: history indexes, refunds, shifts and Z reports.

Appended to :data:`pos_app.store.journal_schema.MIGRATIONS` (forward-only). Triggers make a Z
report unchangeable once written, number Z reports 1, 2, 3 … without gaps, keep a closed shift
closed and keep refunds' outcomes final; nothing here is ever deleted.
"""

from __future__ import annotations

MIGRATION_2 = """
CREATE INDEX payments_method ON payments (method);
CREATE INDEX payments_reference ON payments (reference);
CREATE INDEX payments_card_mask ON payments (card_mask);
CREATE INDEX payments_amount ON payments (amount);
CREATE INDEX payments_status_created ON payments (status, created_at);
CREATE INDEX payments_method_created ON payments (method, created_at);
CREATE TABLE refunds (
    id INTEGER PRIMARY KEY,
    invoice_id TEXT NOT NULL REFERENCES payments (invoice_id),
    external_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('refund', 'cancel')),
    amount TEXT NOT NULL CHECK (typeof(amount) = 'text'),
    reason TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed', 'unknown')),
    requested_at TEXT NOT NULL,
    finished_at TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX refunds_invoice ON refunds (invoice_id, id);
CREATE INDEX refunds_finished ON refunds (state, finished_at);
CREATE TRIGGER refunds_no_delete BEFORE DELETE ON refunds
BEGIN
    SELECT RAISE(ABORT, 'refunds are never deleted from the journal');
END;
CREATE TRIGGER refunds_final BEFORE UPDATE ON refunds
WHEN OLD.state IN ('done', 'failed')
BEGIN
    SELECT RAISE(ABORT, 'a finished refund cannot be changed');
END;
CREATE TABLE shifts (
    id INTEGER PRIMARY KEY,
    opened_at TEXT NOT NULL,
    closed_at TEXT
);
CREATE UNIQUE INDEX shifts_one_open ON shifts ((closed_at IS NULL)) WHERE closed_at IS NULL;
CREATE TRIGGER shifts_no_delete BEFORE DELETE ON shifts
BEGIN
    SELECT RAISE(ABORT, 'shifts are never deleted');
END;
CREATE TRIGGER shifts_closed_final BEFORE UPDATE ON shifts
WHEN OLD.closed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a closed shift cannot be changed');
END;
CREATE TABLE z_reports (
    number INTEGER PRIMARY KEY CHECK (number >= 1),
    shift_id INTEGER NOT NULL UNIQUE REFERENCES shifts (id),
    created_at TEXT NOT NULL,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TRIGGER z_reports_sequential BEFORE INSERT ON z_reports
WHEN NEW.number != (SELECT coalesce(max(number), 0) + 1 FROM z_reports)
BEGIN
    SELECT RAISE(ABORT, 'Z reports are numbered without gaps');
END;
CREATE TRIGGER z_reports_no_update BEFORE UPDATE ON z_reports
BEGIN
    SELECT RAISE(ABORT, 'a Z report cannot be changed');
END;
CREATE TRIGGER z_reports_no_delete BEFORE DELETE ON z_reports
BEGIN
    SELECT RAISE(ABORT, 'a Z report cannot be deleted');
END;
"""
