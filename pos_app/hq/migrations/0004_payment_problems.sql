-- Schema version 4: payments whose bank reply did not match the attempt (issue 14 A.4: another
-- invoice, terminal, amount or currency). The till never settles such a payment from that
-- reply; it marks it for the administrator. The head office lists them with the unsettled ones.
-- A view over the events only: additive, no till is affected.
CREATE VIEW hq.payment_problems AS
SELECT DISTINCT ON (e.till_id, e.invoice_id)
       p.shop_id, p.till_id, p.invoice_id, p.method, p.amount, p.status,
       e.data->>'problem' AS problem, e.at AS flagged_at
FROM hq.events e JOIN hq.payments p USING (till_id, invoice_id)
WHERE coalesce(e.data->>'problem', '') <> ''
ORDER BY e.till_id, e.invoice_id, e.seq DESC;
