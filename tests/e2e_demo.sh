#!/bin/bash
# The README's first command, in small: the demo register (400 organisations, as of 2026-01-15)
# builds, is the same from the same seed, keeps a sound record log, gives online sellers both
# C3.8 activities and certificates naming their shops, and the reminder job on it reports
# from all four schemes, each item citing its scheme version and clause.
# Usage: bash tests/e2e_demo.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
SRC=$2
. "$SRC/tests/rel_lib.sh"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
unset CERTSH_DB
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
DEMO="$SRC/examples/demo-register.js"
ASOF=2026-01-15

for db in a.db b.db; do
  "$CERTSH" init $db > /dev/null
  "$CERTSH" --db $db --as-of $ASOF --timeout 0 run "$DEMO" --orgs 400 > $db.out 2>&1 || fail "demo-register on $db: $(cat $db.out)"
done
grep -q '^demo-register: as of 2026-01-15, seed 20240601: 400 orgs' a.db.out || fail "demo summary: $(cat a.db.out)"
# deterministic: the same seed gives the same certificates
q="sql(\"SELECT group_concat(number || ' ' || status || ' ' || expires, ';') AS x FROM (SELECT * FROM certificates ORDER BY id)\")[0].x"
[ "$("$CERTSH" --db a.db -e "$q")" = "$("$CERTSH" --db b.db -e "$q")" ] || fail "two runs from the same seed differ"
"$CERTSH" --db a.db verify > verify.out 2>&1 || fail "record log: $(cat verify.out)"
# a second run is refused (exit 2: the register holds records); told to go on, it adds nothing
"$CERTSH" --db a.db --as-of $ASOF --timeout 0 run "$DEMO" --orgs 400 > again.out 2>&1
[ $? = 2 ] && grep -q 'already holds .* recorded events; nothing was written' again.out || fail "second run not refused: $(cat again.out)"
"$CERTSH" --db a.db --as-of $ASOF --timeout 0 run "$DEMO" --orgs 400 --into-nonempty | grep -q 'nothing was added' || fail "second run added to a full register"

# none QUERY WHAT: the count QUERY gives (a row n) on the demo register is 0, else fail with it and WHAT
none() {
  local n
  n=$("$CERTSH" --db a.db -e "sql(\"$1\")[0].n")
  [ "$n" = 0 ] || fail "$n $2"
}

# online sellers: every certified initial case has both activities (C3.8), certificates name shops (C3.7.1 3))
n=$("$CERTSH" --db a.db -e "sql(\"SELECT count(*) AS n FROM certificates WHERE scheme = 'example-ecommerce'\")[0].n")
[ "${n:-0}" -gt 10 ] || fail "expected online sellers' certificates, got ${n:-none}"
none "SELECT count(*) AS n FROM certificates c WHERE c.scheme = 'example-ecommerce' AND (json_array_length(c.shops) = 0 OR (SELECT count(DISTINCT mode) FROM audits a WHERE a.case_id = c.case_id AND a.type = 'initial') < 2)" "online sellers' certificates without shops or without both initial activities"
acted=$("$CERTSH" --db a.db -e "sql(\"SELECT count(*) AS n FROM matters WHERE kind = 'incident' AND closed IS NOT NULL\")[0].n")
[ "${acted:-0}" -gt 0 ] || fail "no incident was acted upon"

# the register obeys its schemes (issue 10): no certificate whose grade its deciding score does not
# reach (CAS §6.5, DNI §5.3.3.7; CFC at most the score's level, §8.5.5), no refusal or postponement
# without its written reasons, no suspension without its cause code, no restoration past the limit
# without a recorded request
none "SELECT count(*) AS n FROM certificates c JOIN decisions d ON d.id = c.decision_id JOIN scores s ON s.audit_id = d.audit_id WHERE c.stars > s.stars AND c.scheme <> 'cfc-sc14' AND NOT EXISTS (SELECT 1 FROM events e WHERE e.subject = 'certificate:' || c.id AND e.kind IN ('certificate.downgrade', 'certificate.upgrade'))" "certificates carry more stars than their deciding score gives"
none "SELECT count(*) AS n FROM certificates c WHERE c.scheme <> 'example-ecommerce' AND (c.grade IS NULL OR NOT EXISTS (SELECT 1 FROM decisions d JOIN scores s ON s.audit_id = d.audit_id WHERE d.case_id = c.case_id AND s.pass = 1))" "scored certificates without a grade or without a passed evaluation"
none "SELECT count(*) AS n FROM decisions WHERE outcome IN ('refuse', 'postpone', 'downgrade') AND (reason IS NULL OR reason = '')" "refusals, postponements or downgrades without written reasons"
none "SELECT count(*) AS n FROM events WHERE kind = 'certificate.suspend' AND json_extract(payload, '$.state.status_code') IS NULL" "suspensions without a cause code"
none "SELECT count(*) AS n FROM events r JOIN events s ON s.subject = r.subject AND s.kind = 'certificate.suspend' AND s.seq = (SELECT max(seq) FROM events x WHERE x.subject = r.subject AND x.kind = 'certificate.suspend' AND x.seq < r.seq) WHERE r.kind = 'certificate.restore' AND json_extract(r.payload, '$.state.status_date') > json_extract(s.payload, '$.state.status_until') AND json_extract(r.payload, '$.args.request') IS NULL" "restorations past the suspension's limit without a request"
# the stages in order (issue 12): no audit before its case's contract (CAS §6.1.7, DNI §5.2.2, CFC
# §6.1.2), no decision on an evaluation without its leader's report dated before it (CAS §6.5, DNI
# §5.3.3.7, CFC §8.6.3, C3.5); multi-site organisations have their sites as records, and every
# audit of one visits its central function and the scheme's sample (IAF MD 1 §6.1)
none "SELECT count(*) AS n FROM audits a JOIN cases k ON k.id = a.case_id WHERE k.contracted IS NULL OR k.contracted > coalesce(a.actual_start, a.planned_start)" "audits before their case's contract"
none "SELECT count(*) AS n FROM decisions d JOIN audits a ON a.id = d.audit_id WHERE a.reported IS NULL OR a.reported > d.date OR a.report_by NOT IN (SELECT person_id FROM audit_team t WHERE t.audit_id = a.id AND t.role = 'leader')" "decisions on an audit without its leader's report before them"
multi=$("$CERTSH" --db a.db -e "sql(\"SELECT count(DISTINCT org_id) AS n FROM sites\")[0].n")
[ "${multi:-0}" -gt 10 ] || fail "expected multi-site organisations with site records, got ${multi:-none}"
none "SELECT count(*) AS n FROM audits a JOIN cases k ON k.id = a.case_id WHERE a.type IN ('initial', 'surveillance', 'recertification') AND EXISTS (SELECT 1 FROM sites s WHERE s.org_id = k.org_id) AND (a.sites IS NULL OR NOT EXISTS (SELECT 1 FROM sites s, json_each(a.sites) j WHERE s.id = j.value AND s.central = 1))" "audits of multi-site organisations without their sites or central function"
# every on-site audit that took place had its written plan dated on or before its first day, with
# activities on its days and at each site it visited (CAS §6.2.5, DNI §5.3.1.4, CFC §7.3), and its
# assignment before it (CFC §7.2.5); every initial audit came after a document review (CAS §6.3,
# DNI §5.3.2, CFC §8.1). The demo plans the online sellers' audits too, which their schemes do not ask.
none "SELECT count(*) AS n FROM audits a JOIN cases k ON k.id = a.case_id WHERE k.scheme IN ('cas-service', 'dni-aftersales', 'cfc-sc14') AND a.status = 'done' AND a.type IN ('initial', 'surveillance', 'recertification') AND NOT EXISTS (SELECT 1 FROM audit_plans p WHERE p.audit_id = a.id AND p.kind = 'plan' AND p.date <= a.actual_start AND NOT EXISTS (SELECT 1 FROM json_each(p.contents, '$.items') i WHERE json_extract(i.value, '$.date') NOT BETWEEN a.actual_start AND a.actual_end))" "on-site audits without a written plan before them on their days"
none "SELECT count(*) AS n FROM audits a WHERE a.status = 'done' AND a.type IN ('initial', 'surveillance', 'recertification') AND a.sites IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(a.sites) v WHERE NOT EXISTS (SELECT 1 FROM audit_plans p, json_each(p.contents, '$.items') i WHERE p.audit_id = a.id AND p.kind = 'plan' AND json_extract(i.value, '$.site') = v.value))" "audits visiting a site their plan does not place an activity at"
none "SELECT count(*) AS n FROM audits a JOIN cases k ON k.id = a.case_id WHERE k.scheme = 'cfc-sc14' AND a.status = 'done' AND a.type IN ('initial', 'surveillance', 'recertification') AND NOT EXISTS (SELECT 1 FROM audit_plans p WHERE p.audit_id = a.id AND p.kind = 'assignment' AND p.date <= a.actual_start)" "CFC on-site audits without their assignment"
none "SELECT count(*) AS n FROM audits a JOIN cases k ON k.id = a.case_id WHERE k.scheme IN ('cas-service', 'dni-aftersales', 'cfc-sc14') AND a.type = 'initial' AND a.status = 'done' AND NOT EXISTS (SELECT 1 FROM audits d WHERE d.case_id = a.case_id AND d.type = 'document' AND d.status = 'done' AND d.actual_end <= a.actual_start)" "initial audits without a document review before them"
plans=$("$CERTSH" --db a.db -e "sql(\"SELECT count(*) AS n FROM audit_plans\")[0].n")
[ "${plans:-0}" -gt 100 ] || fail "expected the audits' assignments and plans as records, got ${plans:-none}"
# the coming four weeks' plan is recorded as planned audits, each after the as-of date with its
# leader, multi-site ones with their sample (CAS §6.2.5, CFC §7.3)
planned=$("$CERTSH" --db a.db -e "sql(\"SELECT count(*) AS n FROM audits WHERE status = 'planned'\")[0].n")
[ "${planned:-0}" -gt 10 ] || fail "expected planned audits for the coming weeks, got ${planned:-none}"
none "SELECT count(*) AS n FROM audits a WHERE a.status = 'planned' AND (a.planned_start <= '$ASOF' OR NOT EXISTS (SELECT 1 FROM audit_team t WHERE t.audit_id = a.id AND t.role = 'leader'))" "planned audits not after the as-of date or without a leader"
none "SELECT count(*) AS n FROM audits a WHERE a.status = 'planned' AND NOT EXISTS (SELECT 1 FROM audit_plans p WHERE p.audit_id = a.id AND p.kind = 'assignment')" "planned audits without their assignment"
# the pending required actions are listed: five-star grades to withdraw, suspensions, R6.2 reports …
"$CERTSH" --db a.db --as-of $ASOF --json -e "q.actions().map(function (a) { return a.code; })" > actions.json 2> actions.err || fail "q.actions: $(cat actions.err)"
kinds=$(tr -d '[]"' < actions.json | tr ',' '\n' | sort -u | grep -c .)
[ "${kinds:-0}" -ge 3 ] || fail "q.actions lists fewer than 3 kinds of required action: $(head -c 300 actions.json)"
"$CERTSH" --db a.db --as-of $ASOF --json -e "q.actions().filter(function (a) { return !a.clause || !a.due || !a.why.length; }).length" | grep -qx 0 || fail "a required action without clause, due date or why"

# the reminder job reports from all four schemes, each with a clause
"$CERTSH" --db a.db --as-of $ASOF run "$SRC/examples/reminders.js" --format csv --horizon 60 > rem.csv 2> rem.err || fail "reminders: $(cat rem.err)"
for s in cas-service dni-aftersales cfc-sc14 example-ecommerce; do
  grep -q ",$s@[^,]*,[^,]" rem.csv || fail "no reminder with a clause from $s"
done
grep -q ',example-ecommerce@A/0,example §' rem.csv || fail "no reminder citing the body's own rule (example §N)"
grep -q ',action-[a-z0-9-]*/' rem.csv || fail "the reminder job reports no required action"
if awk -F, 'NR > 1 && $8 == "" { found = 1 } END { exit !found }' rem.csv; then fail "a reminder without a clause: $(awk -F, 'NR > 1 && $8 == ""' rem.csv | head -3)"; fi

# the quarter's audit plan (examples/plan.js, docs/jobs.md): every coming audit with its man-days
# where the scheme has a table, a proposed leader, and the site sample of multi-site organisations
"$CERTSH" --db a.db --as-of $ASOF --timeout 0 run "$SRC/examples/plan.js" --format csv > plan.csv 2> plan.err || fail "plan: $(cat plan.err)"
rows=$(($(wc -l < plan.csv) - 1))
[ "$rows" -gt 50 ] || fail "the quarter's plan has $rows audits"
head -1 plan.csv | grep -qx 'opens,latest,audit,certificate,holder,man-days,team,sites,due' || fail "plan columns: $(head -1 plan.csv)"
python3 - plan.csv <<'PY' || fail "plan rows without a leader, or CAS/DNI rows without man-days, or no site sample"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8')))
assert all(r['team'] for r in rows), [r for r in rows if not r['team']][:2]
assert all(r['man-days'] for r in rows if r['certificate'].startswith(('CAS', 'DNI'))), 'man-days'
assert any(r['sites'].startswith('central function + ') for r in rows), 'no multi-site sample'
PY

[ $fails = 0 ] && echo "e2e_demo: ok"
exit $((fails > 0))
