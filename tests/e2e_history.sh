#!/bin/bash
# The demo register as a history (issue 13): each event effective on its own day, so the
# cookbook's examples for past dates (the ```js past blocks of docs/repl.md) give real, non-empty
# answers; and export → import into an empty register gives identical certificates, today and on
# past dates, each imported record taking effect on its own date.
# Usage: bash tests/e2e_history.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
SRC=$2
. "$SRC/tests/rel_lib.sh"
WORK=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
unset CERTSH_DB CERTSH_PATH
export LANG=C.UTF-8 LC_ALL=C.UTF-8
ASOF=2026-01-15
for d in a b n m m2; do "$CERTSH" init $d.db > /dev/null; done
"$CERTSH" --db a.db --as-of $ASOF --timeout 0 run "$SRC/examples/demo-register.js" --orgs 400 > demo.out 2>&1
check $? "the demo register builds: $(cat demo.out)"
n=$(sqlite3 a.db "SELECT count(DISTINCT effective) FROM events")
[ "$n" -gt 300 ]; check $? "its events take effect on their own days ($n distinct effective dates)"

# The cookbook's past-date examples: every line of a ```js past block, on the demo register,
# gives a non-empty answer.
python3 - "$SRC/docs/repl.md" > past.js <<'PY'
import re, sys
text = open(sys.argv[1], encoding='utf-8').read()
for body in re.findall(r'```js past\n(.*?)```', text, re.S):
    for line in body.splitlines():
        if line.strip():
            print(line)
PY
[ "$(wc -l < past.js)" -ge 5 ]; check $? "docs/repl.md has past-date examples ($(wc -l < past.js) lines)"
while IFS= read -r line; do
  out=$("$CERTSH" --db a.db --as-of $ASOF --json -e "$line" 2>&1); rc=$?
  [ $rc = 0 ] && [ -n "$out" ] && [ "$out" != "[]" ] && [ "$out" != null ] && [ "$out" != 0 ] && [ "$out" != '""' ]
  check $? "cookbook: $line → $(printf '%s' "$out" | head -c 120)"
done < past.js

# Facts are not rewritten by later facts (on the demo): the day before a renewal took effect the
# certificate had its previous cycle's dates; the day before a withdrawal it was live.
facts=$("$CERTSH" --db a.db --as-of $ASOF -e "
var n = { renewals: 0, withdrawals: 0, wrong: [] };
sql(\"SELECT subject, kind, effective, json_extract(payload, '\$.state.issued') AS issued FROM events\" +
    \" WHERE kind IN ('certificate.renew', 'certificate.withdraw') ORDER BY seq\").forEach(function (e) {
  var before = log.stateOn(e.subject, date.addDays(e.effective, -1)), now = log.stateOn(e.subject, e.effective);
  if (e.kind === 'certificate.renew') {
    n.renewals++;
    if (!before || !(before.issued < e.issued && before.expires < now.expires && now.issued === e.issued)) n.wrong.push(e.subject);
  } else {
    n.withdrawals++;
    var listed = q.certificates({ status: 'withdrawn', asOf: date.addDays(e.effective, -1) }).filter(function (c) { return 'certificate:' + c.id === e.subject; });
    if (!before || (before.status !== 'active' && before.status !== 'suspended') || now.status !== 'withdrawn' || listed.length) n.wrong.push(e.subject);
  }
});
n.renewals + ' renewals, ' + n.withdrawals + ' withdrawals, wrong: ' + (n.wrong.join() || 'none')")
printf '%s' "$facts" | grep -Eq '^[1-9][0-9]* renewals, [1-9][0-9]* withdrawals, wrong: none$'
check $? "past states keep their own facts: $facts"

# Export, then import into an empty register (recorded on another day), on both axes alike.
"$CERTSH" --db a.db export orgs orgs.csv 2> /dev/null && "$CERTSH" --db a.db export people people.csv 2> /dev/null &&
  "$CERTSH" --db a.db export certificates --history certs.csv 2> /dev/null
check $? "export orgs, people and certificates --history"
[ "$(grep -c . certs.csv)" -gt "$(sqlite3 a.db 'SELECT count(*) + 1 FROM certificates')" ]
check $? "the history has more rows than there are certificates ($(grep -c . certs.csv) lines)"
for k in orgs people certificates; do
  f=$k.csv; [ $k = certificates ] && f=certs.csv
  "$CERTSH" --db b.db --as-of 2026-02-01 import $k $f > imp.out 2>&1; check $? "import $k: $(tail -1 imp.out)"
done
"$CERTSH" --db a.db export certificates a.csv 2> /dev/null && "$CERTSH" --db b.db export certificates b.csv 2> /dev/null
diff a.csv b.csv > diff.txt; check $? "the certificates come back identical ($(grep -c . a.csv) lines; $(head -c 300 diff.txt))"
"$CERTSH" --db b.db export certificates --history b-history.csv 2> /dev/null
diff certs.csv b-history.csv > diff.txt; check $? "so do their histories ($(head -c 300 diff.txt))"
verified b.db; check $? "the imported register verifies"
past="q.certificates({asOf: '2025-06-30'}).map(function (c) { return c.number + ' ' + c.status + ' ' + c.status_date + ' ' + c.expires; }).join('\n')"
"$CERTSH" --db a.db --as-of $ASOF -e "$past" > a-past.txt && "$CERTSH" --db b.db --as-of $ASOF -e "$past" > b-past.txt
diff a-past.txt b-past.txt > diff.txt && [ "$(grep -c . a-past.txt)" -gt 100 ]
check $? "and so are they on 2025-06-30 ($(grep -c . a-past.txt) certificates; $(head -c 300 diff.txt))"
# the imported records take effect on their own dates, recorded on the day of the import
[ "$(sqlite3 b.db "SELECT count(*) FROM events WHERE subject LIKE 'certificate:%' AND effective <> as_of")" -gt 100 ] &&
  [ "$(sqlite3 b.db "SELECT min(as_of) || ' ' || max(as_of) FROM events")" = "2026-02-01 2026-02-01" ]
check $? "each imported record has its own effective date, all recorded on 2026-02-01"
w=$("$CERTSH" --db a.db -e "q.certificates({status: 'withdrawn'}).length")
[ "$w" -gt 0 ] && [ "$("$CERTSH" --db b.db -e "q.certificates({status: 'withdrawn'}).map(function (c) { return c.number; }).join()")" = \
  "$("$CERTSH" --db a.db -e "q.certificates({status: 'withdrawn'}).map(function (c) { return c.number; }).join()")" ]
check $? "the $w withdrawn certificates are the same"

# Namesakes: two deciders called the same are told apart by registration number or id.
"$CERTSH" --db n.db --as-of 2025-03-01 -e "
var o = orgs.create({name: '杭州某某电器有限公司', uscc: '91110000600037341L', staff: 120});
var a = people.create({name: '王伟', roles: ['decider']}), b = people.create({name: '王伟', roles: ['decider'], registrations: [{number: 'DR-2', from: '2024-01-01', to: '2027-12-31'}]});
var lead = people.create({name: '张三', roles: ['auditor'], registrations: [{number: 'CCAA-1', fieldCode: '02.03.01', from: '2024-01-01', to: '2027-12-31'}]});
var c = cases.apply({org: o, scheme: 'cas-service', scope: '家用电器的售后服务', date: '2025-01-05'}); c.accept({date: '2025-01-06', checkedBy: b}); c.contract({date: '2025-01-06', number: 'HT-1'});
c.audit({type: 'document', start: '2025-01-07', end: '2025-01-07', team: [{person: lead, role: 'leader'}]});
var au = c.audit(require('stdlib/plans').planned({type: 'initial', start: '2025-01-08', end: '2025-01-09', team: [{person: lead, role: 'leader'}]})); au.score({score: 92, deductionItems: 0}); au.report({date: '2025-01-10'});
c.decide({by: [b], outcome: 'certify', date: '2025-01-15'}).certificate.number" > n.out 2>&1
check $? "a register with two people called 王伟: $(cat n.out)"
for k in orgs people certificates; do "$CERTSH" --db n.db export $k n-$k.csv 2> /dev/null; done
grep -q '王伟(DR-2)' n-certificates.csv; check $? "the export names the decider by registration: $(tail -1 n-certificates.csv)"
for k in orgs people certificates; do "$CERTSH" --db m.db import $k n-$k.csv > imp.out 2>&1 || cat imp.out; done
[ "$(sqlite3 m.db "SELECT r.number FROM decision_makers m JOIN registrations r ON r.person_id = m.person_id")" = DR-2 ]
check $? "import gives the decision to the right 王伟"
sed 's/王伟(DR-2)/王伟/' n-certificates.csv > amb.csv
"$CERTSH" --db m2.db import orgs n-orgs.csv 2> /dev/null; "$CERTSH" --db m2.db import people n-people.csv 2> /dev/null
"$CERTSH" --db m2.db import certificates amb.csv 2> err.txt; rc=$?
[ $rc = 1 ] && grep -q "'王伟' names more than one person; give name(registration) or name(#id)" err.txt
check $? "a bare name shared by two people is refused (exit $rc: $(head -1 err.txt))"
finish
