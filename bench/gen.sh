#!/bin/bash
# bench/gen.sh DB [N] [AS_OF] — a register of N certificates (default 1,000,000) for the
# benchmarks, written straight into the tables with the sqlite3 shell (the record log holds only
# the certificates' events, with no real hashes: this is load for the reminder job and for
# past-date questions, not a register to verify). Certificates issued over
# the three years before AS_OF (default 2026-06-30) under SCHEMES (default cas-service), each with
# its initial audit and the surveillance audits due so far (a few late or missed), about 2%
# suspended and 1% withdrawn, open nonconformities on 0.5%, open matters on 0.2%.
set -eu
DB=$1
N=${2:-1000000}
AS_OF=${3:-2026-06-30}
CERTSH=${CERTSH:-$(dirname "$0")/../build/certsh}
rm -f "$DB" "$DB-wal" "$DB-shm"
"$CERTSH" init "$DB" > /dev/null   # creates the schema (certsh init: the only command that creates a register)
# the schemes of the register (default cas-service, whose rules bench/reminders.sql and
# bench/reminders.py write in), in the versions in force as certsh has them: 'id@version' per line
SCHEMES=${SCHEMES:-cas-service}
VERSIONS=$("$CERTSH" --db :memory: -e "'$SCHEMES'.split(' ').map(function (id) { return id + '@' + scheme(id).version; }).join('\n')")
VALUES=$(echo "$VERSIONS" | awk -F@ '{ printf "%s(%d,'"'"'%s'"'"','"'"'%s'"'"')", (NR>1?",":""), NR-1, $1, $2 }')
NV=$(echo "$VERSIONS" | wc -l)
# each case's cycle facts (table cycles): the audits' triggers keep them row by row; for the bulk
# load here they are off and the table is filled once at the end, with the statement the
# triggers run (read from the schema, less its one-case condition)
CYCLES=$(sqlite3 "$DB" "SELECT sql FROM sqlite_master WHERE name = 'cycles_audit_insert'" | tr '\n' ' ' |
  sed -n 's/.*; *\(INSERT INTO cycles.*GROUP BY a\.case_id\);.*/\1/p' | sed 's/a\.case_id = NEW\.case_id AND //')
[ -n "$CYCLES" ] || { echo "bench/gen.sh: no cycles_audit_insert trigger in the schema" >&2; exit 1; }
sqlite3 "$DB" > /dev/null <<SQL
.dbconfig enable_trigger off
PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-200000;
BEGIN;
CREATE TEMP TABLE v(k INTEGER PRIMARY KEY, scheme TEXT, version TEXT);
INSERT INTO v VALUES $VALUES;
CREATE TEMP TABLE g AS WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $N)
  SELECT i, abs(random()) % 1095 AS age, abs(random()) % 100 AS r1, abs(random()) % 100 AS r2, abs(random()) % 92 AS d1,
         abs(random()) % 92 AS d2 FROM s;
INSERT INTO people(id, name, roles, created) VALUES (1, '审核员', '["auditor"]', '$AS_OF'), (2, '决定人', '["decider"]', '$AS_OF');
INSERT INTO orgs(id, name, uscc, address, staff, sites, created)
  SELECT i, '组织' || i || '有限公司', printf('91110000%010d', i), '北京', 1 + i % 500, 1, '$AS_OF' FROM g;
INSERT INTO cases(id, org_id, scheme, version, scope, status, applied, reviewed, created)
  SELECT i, i, v.scheme, v.version, '售后服务', 'certified', date('$AS_OF', '-' || (age + 60) || ' days'),
         date('$AS_OF', '-' || (age + 55) || ' days'), '$AS_OF' FROM g JOIN v ON v.k = i % $NV;
-- initial audit 20 days before the decision
INSERT INTO audits(case_id, type, actual_start, actual_end, man_days, status)
  SELECT i, 'initial', date('$AS_OF', '-' || (age + 21) || ' days'), date('$AS_OF', '-' || (age + 20) || ' days'), 3, 'done' FROM g;
INSERT INTO decisions(id, case_id, outcome, positive, date) SELECT i, i, 'certify', 1, date('$AS_OF', '-' || age || ' days') FROM g;
INSERT INTO certificates(id, number, case_id, org_id, scheme, version, scope, issued, expires, status, status_date, decision_id)
  SELECT i, printf('BENCH-%07d', i), i, i, c.scheme, c.version, '售后服务', date('$AS_OF', '-' || age || ' days'),
         date('$AS_OF', '-' || age || ' days', '+3 years', '-1 day'),
         CASE WHEN r1 < 2 THEN 'suspended' WHEN r1 < 3 THEN 'withdrawn' ELSE 'active' END,
         CASE WHEN r1 < 3 THEN date('$AS_OF', '-' || (r2 * 2) || ' days') ELSE date('$AS_OF', '-' || age || ' days') END, i
  FROM g JOIN cases c ON c.id = g.i;
-- the certificates' events as the primitives write them (each state whole, effective on its own
-- date, recorded then): the issue, and the status change of those not active
INSERT INTO events(seq, as_of, effective, wall, actor, kind, subject, payload, prev, hash, format)
  SELECT row_number() OVER (ORDER BY eff, id), eff, eff, eff || 'T00:00:00Z', 'bench/gen.sh', kind, 'certificate:' || id,
    json_object('args', json_object(), 'state', json_object('id', id, 'number', number, 'case_id', case_id, 'org_id', org_id,
      'scheme', scheme, 'version', version, 'scope', scope, 'shops', shops, 'grade', grade, 'stars', stars, 'issued', issued,
      'expires', expires, 'status', st, 'status_date', sd, 'status_cause', NULL, 'status_clause', NULL, 'decision_id', decision_id)),
    '', '', 2
  FROM (SELECT *, 'active' AS st, issued AS sd, issued AS eff, 'certificate.issue' AS kind FROM certificates
        UNION ALL SELECT *, status, status_date, status_date, CASE status WHEN 'suspended' THEN 'certificate.suspend'
          ELSE 'certificate.withdraw' END FROM certificates WHERE status <> 'active');
-- surveillance 1: 9–12 months after the initial audit (3% missed), when that is past
INSERT INTO audits(case_id, type, actual_start, actual_end, man_days, status)
  SELECT i, 'surveillance', e, e, 1.5, 'done' FROM (SELECT i, r2, date('$AS_OF', '-' || (age + 20) || ' days', '+9 months', '+' || d1 || ' days') AS e FROM g)
  WHERE e < '$AS_OF' AND r2 >= 3;
-- surveillance 2: 9–12 months after the first
INSERT INTO audits(case_id, type, actual_start, actual_end, man_days, status)
  SELECT a.case_id, 'surveillance', e, e, 1.5, 'done' FROM (SELECT a.case_id, date(a.actual_end, '+9 months', '+' || g.d2 || ' days') AS e
    FROM audits a JOIN g ON g.i = a.case_id WHERE a.type = 'surveillance') a
  JOIN certificates c ON c.case_id = a.case_id WHERE e < '$AS_OF' AND e < c.expires;
-- recertification audits planned for 85% of the certificates expiring within 4 months
INSERT INTO audits(case_id, type, planned_start, planned_end, status)
  SELECT c.case_id, 'recertification', date(c.expires, '-1 month'), date(c.expires, '-1 month'), 'planned'
  FROM certificates c JOIN g ON g.i = c.id WHERE c.expires < date('$AS_OF', '+4 months') AND g.d1 % 20 < 17;
-- open nonconformities on 0.5%, due 2 months after the last audit
INSERT INTO findings(audit_id, item, kind, status, raised, due)
  SELECT max(a.id), 'GB/T 27922 5.3', 'nonconformity', 'open', max(a.actual_end), date(max(a.actual_end), '+2 months')
  FROM audits a JOIN g ON g.i = a.case_id WHERE g.r2 BETWEEN 10 AND 10 AND g.r1 >= 50 GROUP BY a.case_id;
-- open complaints on 0.2%, the answer due 30 days after receipt as the body recorded it
INSERT INTO matters(kind, certificate_id, text, received, due)
  SELECT 'complaint', i, '投诉', date('$AS_OF', '-' || (d1 % 60) || ' days'), date('$AS_OF', '-' || (d1 % 60) || ' days', '+30 days')
  FROM g WHERE r1 = 99 AND r2 < 20;
DELETE FROM cycles;
$CYCLES;
COMMIT;
ANALYZE;
SQL
echo "bench/gen.sh: $DB: $(sqlite3 "$DB" 'SELECT count(*) FROM certificates') certificates, $(sqlite3 "$DB" 'SELECT count(*) FROM audits') audits" >&2
