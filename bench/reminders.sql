-- bench/reminders.sql — the reminder job's question asked in pure SQL (the floor the job is
-- measured against), for AS_OF (parameter :asof, set with .param set :asof "'2026-06-30'": the
-- inner quotes make it a text value, not the number 2026-06-30 = 1990) and a 30-day horizon,
-- with cas-service's rules written in (bench/gen.sh makes a cas-service register):
-- every active certificate's next surveillance window (9–12 months after its cycle's last
-- audit, §7.1; two per cycle, inside the validity) opening, closing or missed; recertification
-- applications due 3 months before expiry (§8.1) with no recertification audit planned;
-- certificates expiring or expired; open nonconformities due (the date recorded on the finding);
-- suspensions reaching 6 months (§9.3.2.2); complaints whose recorded answer date is due.
-- Months are added as examples/reminders.js adds them (date.addMonths: the month's last day when
-- it has no such day, PRC Civil Code Art. 202), not as SQLite's date() does (which overflows
-- into the next month). One line per reminder: date, state, what, number, uid — the uid as the
-- job writes it, so that bench/run can check that the three programs give the same rows.
WITH p AS (SELECT :asof AS asof, date(:asof, '+30 days') AS horizon),
cyc AS MATERIALIZED (
  SELECT case_id, max(actual_end) AS ref, max(CASE WHEN type <> 'surveillance' THEN actual_end END) AS start
  FROM audits WHERE status = 'done' AND type IN ('initial', 'surveillance', 'recertification') GROUP BY case_id),
last AS (
  SELECT c.id, c.number, c.expires, cyc.ref,
    (SELECT count(*) FROM audits a WHERE a.case_id = c.case_id AND a.status = 'done' AND a.type = 'surveillance'
       AND a.actual_end >= cyc.start) AS nsurv
  FROM certificates c JOIN cyc ON cyc.case_id = c.case_id WHERE c.status = 'active'),
m AS (SELECT id, number, expires, nsurv, date(ref, '+9 months') AS o9, date(ref, '+12 months') AS o12, ref FROM last WHERE nsurv < 2),
surv AS (
  SELECT id, number, nsurv,
    CASE WHEN strftime('%d', o9) = strftime('%d', ref) THEN o9 ELSE date(o9, 'start of month', '-1 day') END AS opens,
    CASE WHEN strftime('%d', o12) = strftime('%d', ref) THEN o12 ELSE date(o12, 'start of month', '-1 day') END AS due
  FROM m WHERE (CASE WHEN strftime('%d', o12) = strftime('%d', ref) THEN o12 ELSE date(o12, 'start of month', '-1 day') END) < expires),
cert AS (
  SELECT c.*, date(c.expires, '-3 months') AS r3, date(c.status_date, '+6 months') AS s6 FROM certificates c, p
  WHERE c.status IN ('active', 'suspended'))
SELECT date, state, what, number, uid FROM (
  SELECT opens AS date, 'opens' AS state, 'surveillance window opens' AS what, number, 'surveillance-' || (nsurv + 1) || '/certificate-' || id AS uid
    FROM surv, p WHERE opens > p.asof AND opens <= p.horizon
  UNION ALL SELECT due, 'closing', 'surveillance window closes', number, 'surveillance-' || (nsurv + 1) || '/certificate-' || id
    FROM surv, p WHERE opens <= p.asof AND due >= p.asof AND due <= p.horizon
  UNION ALL SELECT due, 'missed', 'surveillance missed', number, 'surveillance-' || (nsurv + 1) || '/certificate-' || id
    FROM surv, p WHERE due < p.asof
  UNION ALL SELECT d, CASE WHEN d < p.asof THEN 'overdue' ELSE 'due soon' END, 'recertification application due', number,
      'recert/certificate-' || id || '/' || expires
    FROM (SELECT c.*, CASE WHEN strftime('%d', r3) = strftime('%d', expires) THEN r3 ELSE date(r3, 'start of month', '-1 day') END AS d
      FROM cert c, p WHERE c.expires >= p.asof AND c.expires <= date(p.horizon, '+3 months', '+7 days')
      AND NOT EXISTS (SELECT 1 FROM audits a WHERE a.case_id = c.case_id AND a.type = 'recertification' AND a.status <> 'cancelled'
        AND coalesce(a.actual_end, a.planned_end, a.planned_start) >= date(c.expires, '-1 year'))), p
    WHERE d <= p.horizon
  UNION ALL SELECT expires, CASE WHEN expires < p.asof THEN 'expired' ELSE 'expiring' END, 'certificate expires', number,
      'expiry/certificate-' || id || '/' || expires
    FROM cert, p WHERE expires >= date(p.asof, '-2 years') AND expires <= p.horizon
  UNION ALL SELECT f.due, CASE WHEN f.due < p.asof THEN 'overdue' ELSE 'due soon' END, 'nonconformity correction', f.id,
      'correction/finding-' || f.id
    FROM findings f, p WHERE f.status = 'open' AND f.kind = 'nonconformity' AND f.due <= p.horizon
  UNION ALL SELECT d, CASE WHEN d < p.asof THEN 'overdue' ELSE 'due soon' END, 'suspension limit', number,
      'suspension/certificate-' || id || '/' || status_date
    FROM (SELECT *, CASE WHEN strftime('%d', s6) = strftime('%d', status_date) THEN s6 ELSE date(s6, 'start of month', '-1 day') END AS d
      FROM cert WHERE status = 'suspended'), p WHERE d <= p.horizon
  UNION ALL SELECT m.due, CASE WHEN m.due < p.asof THEN 'overdue' ELSE 'due soon' END, 'complaint answer', m.id, 'complaint/matter-' || m.id
    FROM matters m, p WHERE m.closed IS NULL AND m.kind = 'complaint' AND m.due <= p.horizon)
ORDER BY date;
