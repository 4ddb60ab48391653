#!/bin/bash
# Two time axes (issue 13): every event has an effective date (when the act took effect) and a
# recorded date (as_of). On a small register built over three recording days, with a suspension
# entered 111 days after it took effect, the same questions are asked --as-of D (what is now
# known to have been true on D) and --known-on D (only what had been recorded by D) at dates
# before, between and after; then a register written before effective dates existed is migrated
# and still verifies, and its derived dates are tamper-evident.
# Usage: bash tests/e2e_time.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
. "$2/tests/rel_lib.sh"
WORK=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
DB=$WORK/r.db
C() { "$CERTSH" --db "$DB" "$@"; }

# recorded 2025-01-20: the initial cycle (applied 01-05 … certificate issued 01-15) and a
# nonconformity raised 01-09, due 03-09
"$CERTSH" init "$DB" > /dev/null
C --as-of 2025-01-20 -e "
var org = orgs.create({name: '杭州某某电器有限公司', uscc: '91110000600037341L', staff: 120});
var lead = people.create({name: '张三', roles: ['auditor'], registrations: [{number: 'CCAA-2024-00123', fieldCode: '02.03.01', from: '2024-01-01', to: '2027-12-31'}]});
var boss = people.create({name: '李四', roles: ['decider']});
var c = cases.apply({org: org, scheme: 'cas-service', scope: '家用电器的售后服务', grade: '五星级', date: '2025-01-05'});
c.accept({date: '2025-01-06', checkedBy: boss});
c.contract({date: '2025-01-06', number: 'HT-2025-001'});
c.audit({type: 'document', start: '2025-01-07', end: '2025-01-07', team: [{person: lead, role: 'leader'}]});
var a = c.audit(require('stdlib/plans').planned({type: 'initial', start: '2025-01-08', end: '2025-01-09', team: [{person: lead, role: 'leader'}]}));
var nc = a.finding({item: '5.3', kind: 'nonconformity', evidence: '维修记录不全'});
a.score({score: 92, deductionItems: 1});
a.report({date: '2025-01-10'});
var d = c.decide({by: [boss], outcome: 'certify', date: '2025-01-15'});
[nc.due, d.certificate.number, d.certificate.issued].join(' ')" > "$WORK/built.txt"
[ "$(cat "$WORK/built.txt")" = "2025-03-09 CAS-SV-2025-00001 2025-01-15" ]; check $? "the register is built: $(cat "$WORK/built.txt")"
# recorded 2025-04-10: the correction verified that day, a month after its deadline
C --as-of 2025-04-10 -e "findings.get(1).close({date: '2025-04-10'}).status" > /dev/null
# recorded 2025-09-20: a suspension that took effect on 2025-06-01 (backdated 111 days)
C --as-of 2025-09-20 -e "certificates.byNumber('CAS-SV-2025-00001').suspend({cause: 'audit-missed', date: '2025-06-01'}).status" > "$WORK/s.txt"
[ "$(cat "$WORK/s.txt")" = suspended ]; check $? "the backdated suspension is recorded"
verified "$DB"; check $? "the register verifies"

# ask NAME EXPECTED OPTIONS… -e EXPR: one question, one expected answer
ask() {
  local name=$1 want=$2; shift 2
  local got
  got=$(C "$@" 2>&1)
  [ "$got" = "$want" ]; check $? "$name: '$want' (got '$got')"
}
STATUS="var s = q.stateOn('CAS-SV-2025-00001'); s ? s.status : 'none'"
SUSPENDED="q.certificates({status: 'suspended'}).map(function (c) { return c.number; }).join() || 'none'"
ACTIVE="q.certificates({status: 'active'}).length"
OVERDUE="q.overdueFindings().map(function (f) { return f.finding + ':' + f.daysLate; }).join() || 'none'"
LOGSTATE="(log.stateOn('finding:1', today()) || {status: 'none'}).status"
# date         --as-of D (known now)        --known-on D (the register as it stood that day)
#  2024-12-31  nothing yet                  nothing yet
#  2025-03-20  active, finding overdue      the same: all of it recorded on 2025-01-20
#  2025-07-01  suspended, finding closed    active: the suspension was recorded only on 2025-09-20
#  2025-10-01  suspended                    suspended
for D in 2024-12-31 2025-03-20 2025-07-01 2025-10-01; do
  case $D in
    2024-12-31) a_st=none;      k_st=none;      a_sus=none;             k_sus=none;             a_fi=none; k_fi=none;   a_nc=none;   k_nc=none ;;
    2025-03-20) a_st=active;    k_st=active;    a_sus=none;             k_sus=none;             a_fi=open; k_fi=open;   a_nc=1:11;   k_nc=1:11 ;;
    2025-07-01) a_st=suspended; k_st=active;    a_sus=CAS-SV-2025-00001; k_sus=none;            a_fi=closed; k_fi=closed; a_nc=none; k_nc=none ;;
    2025-10-01) a_st=suspended; k_st=suspended; a_sus=CAS-SV-2025-00001; k_sus=CAS-SV-2025-00001; a_fi=closed; k_fi=closed; a_nc=none; k_nc=none ;;
  esac
  ask "--as-of $D: the certificate's status" "$a_st" --as-of "$D" -e "$STATUS"
  ask "--known-on $D: the certificate's status" "$k_st" --known-on "$D" -e "$STATUS"
  ask "--as-of $D: suspended certificates" "$a_sus" --as-of "$D" -e "$SUSPENDED"
  ask "--known-on $D: suspended certificates" "$k_sus" --known-on "$D" -e "$SUSPENDED"
  ask "--as-of $D: the finding" "$a_fi" --as-of "$D" -e "$LOGSTATE"
  ask "--known-on $D: the finding" "$k_fi" --known-on "$D" -e "$LOGSTATE"
  ask "--as-of $D: overdue nonconformities" "$a_nc" --as-of "$D" -e "$OVERDUE"
  ask "--known-on $D: overdue nonconformities" "$k_nc" --known-on "$D" -e "$OVERDUE"
done
ask "--as-of 2025-07-01 --known-on 2025-09-19: the day before the suspension was recorded" active \
  --as-of 2025-07-01 --known-on 2025-09-19 -e "$STATUS"
ask "--as-of 2025-07-01 --known-on 2025-09-20: the day it was recorded" suspended --as-of 2025-07-01 --known-on 2025-09-20 -e "$STATUS"
ask "active certificates --as-of 2025-07-01: none (suspended)" 0 --as-of 2025-07-01 -e "$ACTIVE"
ask "active certificates --known-on 2025-07-01: one" 1 --known-on 2025-07-01 -e "$ACTIVE"
ask "the arguments override the session: q.stateOn(n, date, knownOn)" "active suspended" --as-of 2025-10-01 -e \
  "[q.stateOn('CAS-SV-2025-00001', '2025-07-01', '2025-07-01').status, q.stateOn('CAS-SV-2025-00001', '2025-07-01', null).status].join(' ')"
# the other questions of the cookbook take both axes too (q.expiring, q.counts, q.manDays, q.decidedByAuditors)
ask "q.expiring: active on 2025-07-01 as now known: none" 0 --as-of 2025-10-01 -e "q.expiring('2025-01-01', '2029-12-31', {asOf: '2025-07-01'}).length"
ask "q.expiring: active on 2025-07-01 as known on 2025-07-01: one" 1 --as-of 2025-10-01 -e \
  "q.expiring('2025-01-01', '2029-12-31', {asOf: '2025-07-01', knownOn: '2025-07-01'}).length"
ask "q.counts on 2025-01-07: the application and the document review, no decision yet" "cas-service 2025 1 1 0 0" --as-of 2025-10-01 -e \
  "var r = q.counts({asOf: '2025-01-07'})[0]; [r.scheme, r.year, r.applications, r.audits, r.decisions, r.certificates].join(' ')"
ask "q.counts today: two audits done, one positive decision, one certificate" "2 1 1" --as-of 2025-10-01 -e \
  "var r = q.counts()[0]; [r.audits, r.positive, r.certificates].join(' ')"
ask "q.manDays: the initial audit counts once done (2025-01-09), not on 2025-01-08" "1 0" --as-of 2025-10-01 -e "[q.manDays(2025, {asOf: '2025-01-09'}).length, q.manDays(2025, {asOf: '2025-01-08'}).length].join(' ')"
ask "q.manDays known on 2024-12-31: nothing recorded yet" 0 --as-of 2025-10-01 -e "q.manDays(2025, {knownOn: '2024-12-31'}).length"
ask "q.decidedByAuditors as known on 2025-01-20: none" 0 --as-of 2025-10-01 -e "q.decidedByAuditors({knownOn: '2025-01-20'}).length"
ask "today's answer comes from the state table: suspended" suspended --as-of 2025-10-01 -e "q.certificates()[0].status"
ask "the backdated entry in q.lateEntries" "certificate.suspend certificate:1 effective 2025-06-01 recorded 2025-09-20: 111 days late" -e \
  "q.lateEntries({days: 30}).map(function (e) { return e.kind + ' ' + e.subject + ' effective ' + e.effective + ' recorded ' + e.as_of + ': ' + e.backdated + ' days late'; }).join('; ')"
ask "the backdated entry in the certificate's history" "certificate.issue 2025-01-15 2025-01-20 5; certificate.suspend 2025-06-01 2025-09-20 111" -e \
  "q.history('CAS-SV-2025-00001').map(function (e) { return [e.kind, e.effective, e.as_of, e.backdated].join(' '); }).join('; ')"
# the reminder job on both axes: "date what" of each item within 200 days
SRC=$2
jobs_on() {
  local got; got=$(C "$@" run "$SRC/examples/reminders.js" --format csv --all --horizon 200 2>&1 | sed 1d | cut -d, -f1,4 | tr ',' ' ' | paste -sd ';')
  printf '%s' "${got:-none}"
}
for q in "--as-of 2025-03-20|2025-03-09 nonconformity 5.3 correction" "--known-on 2025-03-20|2025-03-09 nonconformity 5.3 correction" \
         "--as-of 2025-07-01|2025-12-01 suspension limit: restore or withdraw" "--known-on 2025-07-01|2025-10-09 surveillance 1 window opens"; do
  # shellcheck disable=SC2086
  got=$(jobs_on ${q%%|*}); [ "$got" = "${q#*|}" ]; check $? "the reminder job ${q%%|*}: '${q#*|}' (got '$got')"
done
ask "a past view cannot be written to" "error: read-only: --known-on 2025-07-01 shows the register as it was known then; nothing can be written in it" \
  --known-on 2025-07-01 -e "findings.get(1).evidence; orgs.create({name: 'x', uscc: '91110000600037341L', staff: 1})"
out=$(C --known-on 2025-02-30 -e 1 2>&1); rc=$?
[ $rc = 2 ] && [ "$(printf '%s' "$out" | head -1)" = "certsh: --known-on '2025-02-30' is not a real calendar date YYYY-MM-DD" ]
check $? "--known-on needs a real date (exit $rc): $out"

# A register written before effective dates: its events re-hashed without them (format 1) and
# the columns removed, as schema version 6 had it; opening it migrates and verify passes.
OLD=$WORK/old.db
sqlite3 "$DB" ".backup '$OLD'"
python3 - "$OLD" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript("DROP INDEX certificates_suspended;"  # migration 14 (the suspensions with a limit of their own)
                 "DROP INDEX cases_applied;"  # migration 13 (the applications awaiting review)
                 "DROP TRIGGER cycles_audit_insert; DROP TRIGGER cycles_audit_update; DROP TRIGGER cycles_audit_delete;"
                 "DROP TABLE cycles;"  # migration 12 (each case's cycle facts and the audits' triggers keeping them)
                 "DROP TABLE audit_plans;"  # migration 11 (audit assignments and plans)
                 "DROP TABLE body; DROP TABLE reports;"  # migration 10 (the body's profile, reports)
                 "DROP TRIGGER events_no_update; DROP INDEX events_effective;"
                 "ALTER TABLE events DROP COLUMN effective; ALTER TABLE events DROP COLUMN format;"
                 # what migration 9 added (sites, contracts, reports, competence): its tables and columns
                 "DROP TABLE sites; DROP TABLE competence; ALTER TABLE audits DROP COLUMN sites;"
                 "ALTER TABLE audits DROP COLUMN reported; ALTER TABLE audits DROP COLUMN report_by;"
                 "ALTER TABLE cases DROP COLUMN contracted; ALTER TABLE cases DROP COLUMN contract_number;")
# what migrations 8 (pinned rules) and 9 added: their tables, columns and events, the others
# renumbered, the states without the new columns
no_delete = db.execute("SELECT sql FROM sqlite_master WHERE name = 'events_no_delete'").fetchone()[0]
rows = db.execute("SELECT as_of, wall, actor, kind, subject, payload FROM events WHERE kind NOT LIKE 'rules.%' AND kind NOT LIKE 'site.%'"
                  " AND kind NOT IN ('case.contract', 'audit.report', 'competence.record', 'plan.record') ORDER BY seq").fetchall()
db.executescript("DROP TRIGGER events_no_delete; DELETE FROM events; DROP TABLE rules; ALTER TABLE decisions DROP COLUMN rules;")
for i, r in enumerate(rows):
    db.execute("INSERT INTO events(seq, as_of, wall, actor, kind, subject, payload, prev, hash)"
               " VALUES(?,?,?,?,?,?,json_remove(?, '$.state.rules', '$.args.rules', '$.state.contracted', '$.state.contract_number',"
               " '$.state.reported', '$.state.report_by', CASE WHEN ?6 LIKE 'audit:%' THEN '$.state.sites' ELSE '$.none' END),'','')",
               (i + 1,) + tuple(r))
db.execute(no_delete)
prev = "0" * 64
for seq, *f in db.execute("SELECT seq, as_of, wall, actor, kind, subject, payload FROM events ORDER BY seq").fetchall():
    h = hashlib.sha256("\x1f".join([prev, str(seq)] + f).encode()).hexdigest()
    db.execute("UPDATE events SET prev = ?, hash = ? WHERE seq = ?", (prev, h, seq))
    prev = h
db.executescript("CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'x'); END;"
                 "PRAGMA user_version = 6;")
db.commit()
PY
[ "$(sqlite3 "$OLD" 'PRAGMA user_version')" = 6 ]; check $? "the old register has schema version 6"
out=$("$CERTSH" --db "$OLD" verify 2>&1); check $? "the migrated register verifies: $out"
[ "$(sqlite3 "$OLD" "SELECT group_concat(x, ' ') FROM (SELECT kind || '=' || effective AS x FROM events WHERE subject IN ('certificate:1', 'finding:1') ORDER BY seq)")" = \
  "finding.create=2025-01-09 certificate.issue=2025-01-15 finding.close=2025-04-10 certificate.suspend=2025-06-01" ]
check $? "the migration gave each old event the effective date its own payload holds"
ask "the migrated register answers the past: suspended on 2025-07-01" suspended --db "$OLD" --as-of 2025-07-01 -e "$STATUS"
ask "and, known on 2025-07-01, active" active --db "$OLD" --known-on 2025-07-01 -e "$STATUS"
C2() { "$CERTSH" --db "$OLD" "$@"; }
C2 --as-of 2025-10-02 -e "certificates.byNumber('CAS-SV-2025-00001').restore({date: '2025-10-02'}).status" > /dev/null
out=$(C2 verify 2>&1); check $? "old and new events verify together: $out"
trigger=$(sqlite3 "$OLD" "SELECT sql FROM sqlite_master WHERE name = 'events_no_update'")  # put back after: a forger's edit
sqlite3 "$OLD" "DROP TRIGGER events_no_update; UPDATE events SET effective = '2025-08-01' WHERE kind = 'certificate.suspend'; $trigger"
out=$(C2 verify 2>&1)
[ $? = 1 ] && printf '%s' "$out" | grep -q "its effective date 2025-08-01 is not the date its own payload gives (2025-06-01)"
check $? "a derived date changed behind the log's back is caught: $out"

finish
