-- Head office, schema version 1: every till's journal events, append-only, keyed by
-- (till_id, seq); projections (payments, movements) kept by a trigger; report views.
CREATE TABLE hq.shops (
    shop_id text PRIMARY KEY,
    name text NOT NULL DEFAULT '',
    -- A shop's local date is the report day. Kazakhstan is on UTC+5 everywhere since 2024.
    timezone text NOT NULL DEFAULT 'Asia/Almaty'
);

CREATE TABLE hq.tills (
    till_id text PRIMARY KEY,
    shop_id text NOT NULL,
    -- The journal this till id ships (a UUID kept in the journal): a second journal under
    -- the same till id is refused instead of mixing two streams of event numbers.
    stream_id uuid NOT NULL,
    environment text NOT NULL,
    last_seq bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
    app_version text NOT NULL DEFAULT '',
    first_seen timestamptz NOT NULL DEFAULT now(),
    last_sync_at timestamptz
);

CREATE TABLE hq.events (
    till_id text NOT NULL,
    seq bigint NOT NULL CHECK (seq > 0),
    shop_id text NOT NULL,
    invoice_id text NOT NULL,
    at timestamptz NOT NULL,
    from_status text,
    to_status text NOT NULL,
    note text NOT NULL DEFAULT '',
    data jsonb NOT NULL DEFAULT '{}',
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (till_id, seq)
);
CREATE INDEX events_invoice ON hq.events (till_id, invoice_id);
CREATE INDEX events_at ON hq.events (at);

-- The current state of each payment, from its events (never written by a till directly).
CREATE TABLE hq.payments (
    till_id text NOT NULL,
    invoice_id text NOT NULL,
    shop_id text NOT NULL,
    method text NOT NULL,
    amount numeric(14, 2) NOT NULL,
    created_at timestamptz NOT NULL,
    status text NOT NULL,
    refunded_amount numeric(14, 2) NOT NULL DEFAULT 0,
    paid_at timestamptz,
    reference text NOT NULL DEFAULT '',
    card_mask text NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL,
    last_seq bigint NOT NULL,
    PRIMARY KEY (till_id, invoice_id)
);
CREATE INDEX payments_status ON hq.payments (status, updated_at);

-- Money that moved: one row per payment taken (dated when the attempt was created, like the
-- till's own reports) and one per refund or cancel of a taken payment (dated when it happened).
CREATE TABLE hq.movements (
    till_id text NOT NULL,
    seq bigint NOT NULL,
    kind text NOT NULL CHECK (kind IN ('payment', 'refund')),
    shop_id text NOT NULL,
    invoice_id text NOT NULL,
    method text NOT NULL,
    amount numeric(14, 2) NOT NULL CHECK (amount > 0),
    at timestamptz NOT NULL,
    PRIMARY KEY (till_id, seq, kind)
);
CREATE INDEX movements_at ON hq.movements (at, shop_id);

CREATE FUNCTION hq.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'hq.% is append-only', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON hq.events
    FOR EACH ROW EXECUTE FUNCTION hq.refuse_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON hq.events
    FOR EACH STATEMENT EXECUTE FUNCTION hq.refuse_change();
CREATE TRIGGER movements_append_only BEFORE UPDATE OR DELETE ON hq.movements
    FOR EACH ROW EXECUTE FUNCTION hq.refuse_change();

-- Events of one till arrive in order (the sync guarantees it), so each one can be applied to
-- the projections as it is inserted. SECURITY DEFINER: a till's role needs INSERT on
-- hq.events and UPDATE on hq.tills only.
CREATE FUNCTION hq.apply_event() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = hq, pg_temp AS $$
DECLARE
    p hq.payments%ROWTYPE;
    refunded numeric(14, 2);
BEGIN
    IF NEW.from_status IS NULL THEN
        INSERT INTO hq.payments (till_id, invoice_id, shop_id, method, amount, created_at,
                                 status, updated_at, last_seq)
        VALUES (NEW.till_id, NEW.invoice_id, NEW.shop_id, coalesce(NEW.data->>'method', 'card'),
                (NEW.data->>'amount')::numeric, NEW.at, NEW.to_status, NEW.at, NEW.seq)
        ON CONFLICT DO NOTHING;
        RETURN NULL;
    END IF;
    SELECT * INTO p FROM hq.payments
        WHERE till_id = NEW.till_id AND invoice_id = NEW.invoice_id FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NULL;  -- its creation was never shipped (cannot happen in order); the event stays
    END IF;
    refunded := coalesce((NEW.data->>'refunded_amount')::numeric, p.refunded_amount);
    IF NEW.to_status = 'cancelled' AND NEW.from_status IN ('paid', 'partially_refunded') THEN
        refunded := p.amount;  -- a held payment released: all of it went back
    END IF;
    IF NEW.to_status = 'paid' AND p.paid_at IS NULL THEN
        INSERT INTO hq.movements VALUES (NEW.till_id, NEW.seq, 'payment', NEW.shop_id,
                                         NEW.invoice_id, p.method, p.amount, p.created_at);
        p.paid_at := NEW.at;
    END IF;
    IF refunded > p.refunded_amount AND p.paid_at IS NOT NULL THEN
        INSERT INTO hq.movements VALUES (NEW.till_id, NEW.seq, 'refund', NEW.shop_id,
                                         NEW.invoice_id, p.method, refunded - p.refunded_amount,
                                         NEW.at);
    END IF;
    UPDATE hq.payments SET
        status = NEW.to_status,
        refunded_amount = greatest(refunded, p.refunded_amount),
        paid_at = p.paid_at,
        reference = coalesce(NEW.data->>'reference', p.reference),
        card_mask = coalesce(NEW.data->>'card_mask', p.card_mask),
        updated_at = NEW.at,
        last_seq = NEW.seq
    WHERE till_id = NEW.till_id AND invoice_id = NEW.invoice_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER events_apply AFTER INSERT ON hq.events
    FOR EACH ROW EXECUTE FUNCTION hq.apply_event();

-- Reports: plain SQL, readable by any BI tool. A movement's day is the shop's local date.
CREATE VIEW hq.movements_local AS
SELECT m.*, (m.at AT TIME ZONE coalesce(s.timezone, 'Asia/Almaty'))::date AS day
FROM hq.movements m LEFT JOIN hq.shops s ON s.shop_id = m.shop_id;

CREATE VIEW hq.daily_totals AS
SELECT shop_id, till_id, day, method,
       count(*) FILTER (WHERE kind = 'payment') AS payments,
       coalesce(sum(amount) FILTER (WHERE kind = 'payment'), 0)::numeric(14, 2) AS amount,
       count(*) FILTER (WHERE kind = 'refund') AS refunds,
       coalesce(sum(amount) FILTER (WHERE kind = 'refund'), 0)::numeric(14, 2) AS refunded_amount
FROM hq.movements_local
GROUP BY shop_id, till_id, day, method;

-- The same rows for a date range: the range is applied to the indexed timestamp first (a
-- local day is at most 14 hours away from UTC), then to the local day.
CREATE FUNCTION hq.daily_report(day_from date, day_to date, shop text DEFAULT NULL)
RETURNS TABLE (shop_id text, till_id text, day date, method text, payments bigint,
               amount numeric, refunds bigint, refunded_amount numeric)
LANGUAGE sql STABLE AS $$
    SELECT m.shop_id, m.till_id, m.day, m.method,
           count(*) FILTER (WHERE m.kind = 'payment'),
           coalesce(sum(m.amount) FILTER (WHERE m.kind = 'payment'), 0)::numeric(14, 2),
           count(*) FILTER (WHERE m.kind = 'refund'),
           coalesce(sum(m.amount) FILTER (WHERE m.kind = 'refund'), 0)::numeric(14, 2)
    FROM hq.movements_local m
    WHERE m.at >= day_from::timestamp AT TIME ZONE 'UTC' - interval '1 day'
      AND m.at < (day_to + 1)::timestamp AT TIME ZONE 'UTC' + interval '1 day'
      AND (shop IS NULL OR m.shop_id = shop)
      AND m.day BETWEEN day_from AND day_to
    GROUP BY m.shop_id, m.till_id, m.day, m.method
    ORDER BY m.shop_id, m.till_id, m.day, m.method
$$;

-- Payments whose outcome the till did not know at its last sync.
CREATE VIEW hq.unsettled_payments AS
SELECT shop_id, till_id, invoice_id, method, amount, status, created_at, updated_at
FROM hq.payments
WHERE status IN ('new', 'token_issued', 'widget_open', 'checking', 'unknown');

-- Every refund and cancel, for the accountant.
CREATE VIEW hq.refunds AS
SELECT m.shop_id, m.till_id, m.invoice_id, m.method, m.amount, m.at, p.status, p.amount AS paid
FROM hq.movements m JOIN hq.payments p USING (till_id, invoice_id)
WHERE m.kind = 'refund';

CREATE VIEW hq.till_sync AS
SELECT till_id, shop_id, environment, last_seq, app_version, last_sync_at,
       extract(epoch FROM now() - last_sync_at) / 3600 AS hours_since_sync
FROM hq.tills;
