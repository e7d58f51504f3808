-- Schema version 3: a daily roll-up for the reports, kept by a trigger on hq.movements, so a
-- month of a whole chain reads one row per till, day and method instead of every movement.
-- Derived data: rebuilt for a shop whose time zone changes. Additive: no till is affected.
CREATE TABLE hq.daily_rollup (
    day date NOT NULL,
    shop_id text NOT NULL,
    till_id text NOT NULL,
    method text NOT NULL,
    payments bigint NOT NULL DEFAULT 0,
    amount numeric(16, 2) NOT NULL DEFAULT 0,
    refunds bigint NOT NULL DEFAULT 0,
    refunded_amount numeric(16, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (day, shop_id, till_id, method)
);
CREATE INDEX daily_rollup_shop ON hq.daily_rollup (shop_id, day);

CREATE FUNCTION hq.roll_up() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = hq, pg_temp AS $$
BEGIN
    INSERT INTO hq.daily_rollup AS r (day, shop_id, till_id, method, payments, amount, refunds,
                                      refunded_amount)
    VALUES ((NEW.at AT TIME ZONE coalesce(
                (SELECT timezone FROM hq.shops WHERE shop_id = NEW.shop_id), 'Asia/Almaty'))::date,
            NEW.shop_id, NEW.till_id, NEW.method,
            (NEW.kind = 'payment')::int, CASE WHEN NEW.kind = 'payment' THEN NEW.amount ELSE 0 END,
            (NEW.kind = 'refund')::int, CASE WHEN NEW.kind = 'refund' THEN NEW.amount ELSE 0 END)
    ON CONFLICT (day, shop_id, till_id, method) DO UPDATE SET
        payments = r.payments + EXCLUDED.payments, amount = r.amount + EXCLUDED.amount,
        refunds = r.refunds + EXCLUDED.refunds,
        refunded_amount = r.refunded_amount + EXCLUDED.refunded_amount;
    RETURN NULL;
END
$$;
CREATE TRIGGER movements_roll_up AFTER INSERT ON hq.movements
    FOR EACH ROW EXECUTE FUNCTION hq.roll_up();

CREATE FUNCTION hq.rebuild_rollup(shop text) RETURNS void LANGUAGE sql AS $$
    DELETE FROM hq.daily_rollup WHERE shop_id = shop;
    INSERT INTO hq.daily_rollup
    SELECT day, shop_id, till_id, method, payments, amount, refunds, refunded_amount
    FROM hq.daily_totals WHERE shop_id = shop;
$$;

CREATE FUNCTION hq.shop_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM hq.rebuild_rollup(NEW.shop_id);
    RETURN NULL;
END
$$;
CREATE TRIGGER shops_rebuild_rollup AFTER INSERT OR UPDATE OF timezone ON hq.shops
    FOR EACH ROW EXECUTE FUNCTION hq.shop_changed();

INSERT INTO hq.daily_rollup
SELECT day, shop_id, till_id, method, payments, amount, refunds, refunded_amount
FROM hq.daily_totals;

-- The report reads the roll-up now (same columns; hq.daily_totals still computes it afresh).
CREATE OR REPLACE FUNCTION hq.daily_report(day_from date, day_to date, shop text DEFAULT NULL)
RETURNS TABLE (shop_id text, till_id text, day date, method text, payments bigint,
               amount numeric, refunds bigint, refunded_amount numeric)
LANGUAGE sql STABLE AS $$
    SELECT r.shop_id, r.till_id, r.day, r.method, r.payments, r.amount, r.refunds,
           r.refunded_amount
    FROM hq.daily_rollup r
    WHERE r.day BETWEEN day_from AND day_to AND (shop IS NULL OR r.shop_id = shop)
      AND (r.payments > 0 OR r.refunds > 0)
    ORDER BY r.shop_id, r.till_id, r.day, r.method
$$;
