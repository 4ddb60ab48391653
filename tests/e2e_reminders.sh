#!/bin/bash
# The reminder job end to end on a register built here under cas-service, as of 2026-01-15
# with the default 30-day horizon: each reminder the clauses call for appears on its date
# (surveillance 9–12 months after the last audit, CAS §7.1; correction within 2 months, §7.5;
# suspension at most 6 months, §9.3.2; appeal answer within 60 days, §10; recertification
# application 3 months before expiry, §8.1), nothing else; csv/json/ics agree; the ICS file
# parses in python3-icalendar; --record logs and a later run shows only what is new.
# Usage: bash tests/e2e_reminders.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
SRC=$2
. "$SRC/tests/rel_lib.sh"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
unset CERTSH_DB
JOB="$SRC/examples/reminders.js"
if ! "$CERTSH" --db :memory: -e "scheme('cas-service').id" > /dev/null 2>&1; then
  echo "FAIL: scheme cas-service does not load in this build"; exit 1
fi

cat > build.js <<'JS'
// Six organisations, each set up for one kind of reminder as of 2026-01-15.
var auditor = people.create({ name: '审核员甲', roles: ['auditor'], registrations: [{ number: 'CCAA-1', fieldCode: '02.03.01', from: '2020-01-01', to: '2030-12-31' }] }), decider = people.create({ name: '决定人乙', roles: ['decider'] });
var n = 0;
function certified(name, auditEnd, decided) {
  n++;
  var base = '91330100' + ('00000000' + n).slice(-9);
  var org = orgs.create({ name: name, uscc: base + uscc.check(base + '0').expected, staff: 40 });
  var k = org.apply({ scheme: 'cas-service', scope: '家用电器的销售及售后服务', date: date.addDays(auditEnd, -40) });
  k = k.accept({ date: date.addDays(auditEnd, -35), checkedBy: decider }).contract({ date: date.addDays(auditEnd, -35), number: 'HT-' + n });
  k.audit({ type: 'document', start: date.addDays(auditEnd, -10), end: date.addDays(auditEnd, -10), team: [{ person: auditor, role: 'leader' }] });
  var a = k.audit(require('stdlib/plans').planned({ type: 'initial', start: date.addDays(auditEnd, -1), end: auditEnd, team: [{ person: auditor, role: 'leader' }] }));
  a.score({ score: 88, deductionItems: 0 }, auditEnd);
  a.report({ date: auditEnd });
  return { org: org, kase: k, audit: a, cert: k.decide({ by: [decider], outcome: 'certify', date: decided }).certificate };
}
certified('杭州甲家电有限公司', '2025-04-20', '2025-05-10');              // window opens 2026-01-20
certified('杭州乙家电有限公司', '2024-11-01', '2024-11-20');              // window closed 2025-11-01: missed
certified('杭州丙家电有限公司', '2025-02-01', '2025-02-20');              // window closes 2026-02-01
var d = certified('杭州丁家电有限公司', '2025-03-05', '2025-03-25');
d.kase.audit(require('stdlib/plans').planned({ type: 'surveillance', start: '2025-12-01', end: '2025-12-02', team: [{ person: auditor, role: 'leader' }] }))
  .finding({ kind: 'nonconformity', item: 'GB/T 27922 5.3', evidence: '回访记录缺失' });   // correction due 2026-02-02
var e = certified('杭州戊家电有限公司', '2025-06-10', '2025-06-30');
e.cert.suspend({ cause: e.cert.rules().causes ? e.cert.rules().causes('suspension')[0].code : 'x', date: '2025-07-20' }); // limit 2026-01-20
matters.open({ kind: 'appeal', certificate: e.cert.id, text: '对暂停决定提出申诉', date: '2025-11-20' }); // answer due 2026-01-19
var f = certified('杭州己家电有限公司', '2023-01-10', '2023-02-01');      // expires about 2026-01-31
f.kase.audit(require('stdlib/plans').planned({ type: 'surveillance', start: '2023-11-01', end: '2023-11-01', team: [{ person: auditor, role: 'leader' }] }));
f.kase.audit(require('stdlib/plans').planned({ type: 'surveillance', start: '2024-10-08', end: '2024-10-08', team: [{ person: auditor, role: 'leader' }] }));
JS
"$CERTSH" init r.db > /dev/null
"$CERTSH" --db r.db --as-of 2026-01-15 run build.js 2> err.txt
check $? "the register is built ($(head -c 300 err.txt))"
ev0=$(events r.db)

R() { "$CERTSH" --db r.db --as-of 2026-01-15 run "$JOB" "$@"; }
R --format csv > all.csv 2> err.txt
check $? "the job runs and exits 0 ($(head -c 300 err.txt))"
cut -d, -f1,3,4,5 all.csv | sed 1d | sort > got.txt
want() { grep -q "$1" got.txt; check $? "$2: $1"; }
want '^2026-01-20,opens,surveillance 1 window opens,' "CAS §7.1: 9 months after the initial audit of 2025-04-20"
want '^2025-11-01,missed,surveillance 1 missed,' "CAS §7.1: 12 months after 2024-11-01 passed"
want '^2026-02-01,closing,surveillance 1 window closes,' "CAS §7.1: 12 months after 2025-02-01 is within the horizon"
want '^2026-02-02,due soon,nonconformity GB/T 27922 5.3 correction,' "CAS §7.5: 2 months after the audit of 2025-12-02"
want '^2026-01-20,due soon,suspension limit: restore or withdraw,' "CAS §9.3.2: 6 months after the suspension of 2025-07-20"
want ',due soon,appeal answer,' "CAS §10: the appeal of 2025-11-20 is answered within 60 days"
want ',recertification application due,' "CAS §8.1: 3 months before the expiry of the 2023 certificate"
want ',certificate expires,' "the 2023 certificate expires within the horizon"
[ "$(wc -l < got.txt)" = 8 ]
check $? "exactly these 8 reminders, no others ($(wc -l < got.txt)): $(cut -d, -f3 got.txt | tr '\n' ';')"
! grep -q '杭州甲' <(grep -v 'window opens' all.csv)
check $? "the certificate whose window only opens is not reported for anything else"
grep -q 'cas-service@' all.csv && [ -z "$(awk -F, 'NR>1 && $8==""' all.csv)" ]
check $? "every reminder cites its scheme version and clause"

R --format json > all.json
/usr/bin/python3 -c '
import json; d = json.load(open("all.json")); assert len(d) == 8, len(d)
assert all(x["why"] and x["why"][0]["clause"] for x in d)
assert len({x["uid"] for x in d}) == 8'
check $? "JSON: the same 8 items, each with why, unique uids"

R --format ics > all.ics
/usr/bin/python3 - <<'PY'
import icalendar, sys
raw = open("all.ics", "rb").read()
cal = icalendar.Calendar.from_ical(raw)
evs = list(cal.walk("VEVENT"))
assert len(evs) == 8, len(evs)
assert len({str(e["UID"]) for e in evs}) == 8
assert any("杭州甲家电有限公司" in str(e["SUMMARY"]) for e in evs)
lines = raw.split(b"\r\n")
assert all(len(l) <= 75 for l in lines), max(len(l) for l in lines)
assert raw.endswith(b"END:VCALENDAR\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
PY
check $? "ICS: parses in python3-icalendar, 8 events, unique UIDs, Chinese intact, lines ≤ 75 octets, CRLF"
# ical.printEvent writes what print(ical.event(e)) prints (less the line end print adds): an event
# with Chinese text, a character outside the BMP, escapes and a description folded over lines
"$CERTSH" --db :memory: -e "var ical = require('stdlib/ical'), e = { uid: 'u-1@certsh', date: '2026-02-28', stamp: '2026-01-15',
  summary: '监督审查 𠀀, 窗口; 关闭', categories: 'surveillance', description: new Array(20).join('杭州甲家电有限公司 CAS §7.1\\n') };
  ical.printEvent(e); print('--'); print(ical.event(e)); undefined" > ev.txt
/usr/bin/python3 - <<'PY'
a, b = open("ev.txt", "rb").read().split(b"--\n")
assert a == b[:-1] and a.endswith(b"END:VEVENT\r\n") and a.count(b"\r\n ") > 5, (a[-40:], b[-40:])
assert "𠀀".encode() in a
PY
check $? "ICS: ical.printEvent writes the event's lines as print(ical.event(e)) prints them"
R --format ics | grep '^UID' > uid1; R --format ics | grep '^UID' > uid2
cmp -s uid1 uid2
check $? "ICS UIDs are stable from run to run"

[ "$(events r.db)" = "$ev0" ]
check $? "runs without --record write nothing"

# overlapping --record runs take turns (one transaction each): every item reported once in all
cp r.db o.db
for i in 1 2 3; do "$CERTSH" --db o.db --as-of 2026-01-15 run "$JOB" --record --format csv > "o$i.csv" 2> "o$i.err" & done
wait
n=$(cat o1.csv o2.csv o3.csv | grep -vc '^date,')
[ "$n" = 8 ] && [ "$(cat o1.csv o2.csv o3.csv | grep -v '^date,' | cut -d, -f9 | sort | uniq -d)" = "" ]
check $? "three overlapping --record runs report the 8 items once in all ($n lines; $(cat o?.err | head -c 200))"
[ "$(events o.db)" = $((ev0 + 8)) ]; check $? "  and record each once ($(events o.db) events)"
head -n 1 o1.csv | grep -q '^date,days,state,what,certificate,holder,scheme,clause,uid,kind,due,why$'
check $? "the CSV has kind and due columns: $(head -n 1 o1.csv)"
grep -q ',surveillance-1/certificate-[0-9]*,surveillance,2025-11-01,' all.csv && grep -q ',correction,2026-02-02,' all.csv
check $? "  kind says what the item is, due the last day for the act"
R --record > rec1.txt
[ "$(events r.db)" = $((ev0 + 8)) ]
check $? "--record logs the 8 reported items ($(events r.db) events)"
R > rec2.txt
grep -q ': 0 items' rec2.txt
check $? "a later run reports only what is new or changed: nothing ($(head -n 1 rec2.txt))"
"$CERTSH" --db r.db --as-of 2026-01-15 -e "cases.get(1).audits()[0].finding({ kind: 'nonconformity', item: 'GB/T 27922 4.4', date: '2025-12-10' }).id" > /dev/null
R --format csv > rec3.csv
[ "$(sed 1d rec3.csv | wc -l)" = 1 ] && grep -q 'GB/T 27922 4.4' rec3.csv
check $? "after a new nonconformity only it is reported ($(sed 1d rec3.csv | cut -d, -f1-4))"
R --all --format csv | sed 1d | wc -l | grep -qx 9
check $? "--all reports everything, recorded or not"

# an overdue item comes back at the stated interval until its act is recorded (--again DAYS)
R --record > /dev/null
S() { "$CERTSH" --db r.db --as-of "$1" run "$JOB" --format csv "${@:2}" | sed 1d; }
S 2026-01-15 | grep -q 'surveillance 1 missed'
[ $? = 1 ]; check $? "the missed surveillance, just recorded, is not reported again the same day"
S 2026-01-15 --again 0 | grep -q '^2025-11-01,.*,missed,surveillance 1 missed,'
check $? "  with --again 0 it is reported at every run"
S 2026-01-16 > next.csv
grep -q '^2025-11-01,.*,missed,surveillance 1 missed,' next.csv && ! grep -q 'window opens' next.csv
check $? "  the next day it is reported again (default --again 1: daily), the items not overdue are not ($(cut -d, -f4 next.csv | tr '\n' ';'))"
S 2026-01-16 --again 7 | grep -q 'surveillance 1 missed'
[ $? = 1 ]; check $? "  with --again 7 not before a week has passed"
S 2026-01-22 --again 7 | grep -q 'surveillance 1 missed'
check $? "  and again once it has"
"$CERTSH" --db r.db --as-of 2026-01-16 -e "cases.get(2).audit(require('stdlib/plans').planned({ type: 'surveillance', start: '2026-01-14', end: '2026-01-15', team: [{ person: people.get(1), role: 'leader' }] })).id" > /dev/null 2> err.txt
check $? "the missed surveillance is done ($(head -c 200 err.txt))"
S 2026-01-16 --again 0 | grep -q 'surveillance 1 missed'
[ $? = 1 ]; check $? "  and then it is no longer reported"
"$CERTSH" --db r.db verify > /dev/null
check $? "the record log verifies after --record"
R --format xml > /dev/null 2> err.txt; rc=$?
[ $rc = 2 ] && grep -q "must be table, csv, json or ics" err.txt
check $? "a bad --format is a usage error naming the valid ones (exit $rc)"
"$CERTSH" --db r.db run "$JOB" --as-of 2026-01-15 > /dev/null 2> err.txt; rc=$?
[ $rc = 2 ] && grep -q "give it before run" err.txt
check $? "a certsh option after run FILE gets a hint (exit $rc: $(head -c 200 err.txt))"
finish
