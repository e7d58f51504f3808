-- Schema version 2: the tills' Z reports (numbered 1, 2, 3 … per till, never changed), and
-- which are missing. Additive: tills built for version 1 keep shipping their events.
CREATE TABLE hq.z_reports (
    till_id text NOT NULL,
    number int NOT NULL CHECK (number >= 1),
    shop_id text NOT NULL,
    created_at timestamptz NOT NULL,
    period_from timestamptz NOT NULL,
    period_to timestamptz NOT NULL,
    data jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (till_id, number)
);
CREATE TRIGGER z_reports_append_only BEFORE UPDATE OR DELETE ON hq.z_reports
    FOR EACH ROW EXECUTE FUNCTION hq.refuse_change();
ALTER TABLE hq.tills ADD COLUMN last_z int NOT NULL DEFAULT 0;

-- Z reports a till skipped (a number below its newest that never arrived), and tills that took
-- money more than 24 hours ago without a Z report since (the shift was not closed).
CREATE VIEW hq.z_reports_missing AS
SELECT t.till_id, t.shop_id, n.number AS missing_number, NULL::timestamptz AS unclosed_since
FROM hq.tills t
CROSS JOIN LATERAL generate_series(
    1, (SELECT coalesce(max(z.number), 0) FROM hq.z_reports z WHERE z.till_id = t.till_id)) n(number)
WHERE NOT EXISTS (SELECT 1 FROM hq.z_reports z WHERE z.till_id = t.till_id AND z.number = n.number)
UNION ALL
SELECT t.till_id, t.shop_id, NULL, min(m.at)
FROM hq.tills t JOIN hq.movements m ON m.till_id = t.till_id
WHERE m.at > coalesce((SELECT max(z.period_to) FROM hq.z_reports z WHERE z.till_id = t.till_id),
                      '-infinity')
GROUP BY t.till_id, t.shop_id
HAVING min(m.at) < now() - interval '24 hours';
