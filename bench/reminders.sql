-- bench/reminders.sql — the reminder job's question asked in pure SQL (the floor the job is
-- measured against): for AS_OF (parameter :asof, e.g. .param set :asof '2026-06-30') and a
-- 30-day horizon, every active certificate's next surveillance window (9–12 months after its
-- last audit; two per cycle) opening, closing or missed; recertification applications due
-- 3 months before expiry without a recertification audit; certificates expiring; open
-- nonconformities due; suspensions reaching 6 months; open complaints due in 30 days.
WITH p AS (SELECT :asof AS asof, date(:asof, '+30 days') AS horizon),
last AS (
  SELECT c.id, c.number, c.expires, c.case_id,
    (SELECT max(a.actual_end) FROM audits a WHERE a.case_id = c.case_id AND a.status = 'done'
       AND a.type IN ('initial', 'surveillance', 'recertification')) AS ref,
    (SELECT count(*) FROM audits a WHERE a.case_id = c.case_id AND a.status = 'done' AND a.type = 'surveillance'
       AND a.actual_end >= c.issued) AS nsurv
  FROM certificates c WHERE c.status = 'active'),
surv AS (
  SELECT id, number, date(ref, '+9 months') AS opens, date(ref, '+12 months') AS due FROM last, p
  WHERE nsurv < 2 AND date(ref, '+12 months') < expires)
SELECT date, state, what, number FROM (
  SELECT opens AS date, 'opens' AS state, 'surveillance window opens' AS what, number FROM surv, p
    WHERE opens > p.asof AND opens <= p.horizon
  UNION ALL SELECT due, 'closing', 'surveillance window closes', number FROM surv, p
    WHERE opens <= p.asof AND due >= p.asof AND due <= p.horizon
  UNION ALL SELECT due, 'missed', 'surveillance missed', number FROM surv, p WHERE due < p.asof
  UNION ALL SELECT date(c.expires, '-3 months'), CASE WHEN date(c.expires, '-3 months') < p.asof THEN 'overdue' ELSE 'due soon' END,
      'recertification application due', c.number FROM certificates c, p
    WHERE c.status IN ('active', 'suspended') AND c.expires >= p.asof AND date(c.expires, '-3 months') <= p.horizon
      AND NOT EXISTS (SELECT 1 FROM audits a WHERE a.case_id = c.case_id AND a.type = 'recertification' AND a.status <> 'cancelled'
        AND coalesce(a.actual_end, a.planned_end, a.planned_start) >= date(c.expires, '-1 year'))
  UNION ALL SELECT c.expires, 'expiring', 'certificate expires', c.number FROM certificates c, p
    WHERE c.status IN ('active', 'suspended') AND c.expires >= p.asof AND c.expires <= p.horizon
  UNION ALL SELECT f.due, CASE WHEN f.due < p.asof THEN 'overdue' ELSE 'due soon' END, 'nonconformity correction', f.id
    FROM findings f, p WHERE f.status = 'open' AND f.kind = 'nonconformity' AND f.due <= p.horizon
  UNION ALL SELECT date(c.status_date, '+6 months'), 'due soon', 'suspension limit', c.number FROM certificates c, p
    WHERE c.status = 'suspended' AND date(c.status_date, '+6 months') <= p.horizon
  UNION ALL SELECT date(m.received, '+30 days'), 'due soon', 'complaint answer', m.id FROM matters m, p
    WHERE m.closed IS NULL AND m.kind = 'complaint' AND date(m.received, '+30 days') <= p.horizon)
ORDER BY date;
