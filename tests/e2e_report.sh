#!/bin/bash
# The monthly CNCA report, the IAF CertSearch upload, the statistics by scope and the .xlsx
# export (issues 16 and 14), read back with Debian's
# openpyxl: `certsh report cnca --month 2026-11` on a small demo register writes the template's
# sheets and headers with the month's rows (counted here independently in SQL), dates as date
# cells; what it reported is recorded in the log, so a second run reports nothing and a change
# reports again; a bad row is refused naming the sheet, row, column and value, with no file
# and nothing recorded. `export certificates --format xlsx` keeps every row and its dates as dates.
# Needs python3-openpyxl (./build.sh test installs it): fails without it.
# Usage: bash tests/e2e_report.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
SRC=$2
. "$SRC/tests/documents_lib.sh"
need_module openpyxl python3-openpyxl
n() { sqlite3 r.db "$1"; }
demo_register

suspend_one > /dev/null
check $? "a certificate suspended in the month"
C report cnca --month 2026-11 -o nov.xlsx 2> out.txt; check $? "report cnca --month 2026-11: $(cat out.txt)"
C --json -e "JSON.stringify(require('stdlib/cnca').SHEETS.map(function (s) { return [s.name, s.columns.map(function (c) { return c.header; }), s.columns.map(function (c) { return c.type || 'text'; })]; }))" > template.json
# the month's rows, counted from the tables and the log
plans=$(n "SELECT count(*) FROM audits WHERE status <> 'cancelled' AND coalesce(planned_start, actual_start) BETWEEN '2026-11-01' AND '2026-11-30'")
results=$(n "SELECT count(*) FROM audits WHERE status = 'done' AND actual_end BETWEEN '2026-11-01' AND '2026-11-30'")
certs=$(n "SELECT count(DISTINCT subject) FROM events WHERE kind IN ('certificate.issue','certificate.import','certificate.renew','certificate.change','certificate.downgrade','certificate.upgrade') AND effective BETWEEN '2026-11-01' AND '2026-11-30'")
changes=$(n "SELECT count(*) FROM events WHERE kind IN ('certificate.suspend','certificate.restore','certificate.withdraw','certificate.cancel','certificate.expire') AND effective BETWEEN '2026-11-01' AND '2026-11-30'")
echo "rows expected: plans $plans, results $results, certificates $certs, status changes $changes"
[ $plans -gt 0 ] && [ $results -gt 0 ] && [ $certs -gt 0 ] && [ $changes -gt 0 ]; check $? "the month has rows in every sheet"
read_book() { # FILE: the sheets as JSON [[name, headers, types-of-first-row, rows]]
  $PY - "$1" <<'PY'
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    rows = list(ws.iter_rows(values_only=True))
    kinds = [['date' if isinstance(v, datetime.datetime) else 'number' if isinstance(v, (int, float)) else 'text' if isinstance(v, str) else 'empty' for v in r] for r in rows[1:]]
    out.append([ws.title, list(rows[0]), kinds, len(rows) - 1])
print(json.dumps(out, ensure_ascii=False))
PY
}
read_book nov.xlsx > nov.json
$PY - nov.json template.json "$plans $results $certs $changes" <<'PY'
import json, sys
book, tpl = json.load(open(sys.argv[1])), json.loads(json.load(open(sys.argv[2])))
counts, bad = [int(x) for x in sys.argv[3].split()], []
if [s[0] for s in book] != [t[0] for t in tpl]: bad.append('sheets %s, template %s' % ([s[0] for s in book], [t[0] for t in tpl]))
for s, t, want in zip(book, tpl, counts):
    if s[1] != t[1]: bad.append('%s headers %s, template %s' % (s[0], s[1], t[1]))
    if s[3] != want: bad.append('%s has %d rows, the register %d' % (s[0], s[3], want))
    for r in s[2]:
        for kind, typ, h in zip(r, t[2], t[1]):
            if typ == 'date' and kind not in ('date', 'empty'): bad.append('%s column %s: a %s cell, not a date' % (s[0], h, kind))
if bad: print('\n'.join(bad))
sys.exit(1 if bad else 0)
PY
check $? "the sheets, headers and row counts of the template, dates as date cells"
[ "$(n "SELECT count(*) FROM reports WHERE kind = 'cnca' AND period = '2026-11'")" = 1 ]; check $? "the report is recorded"
C verify > /dev/null; check $? "the record log is sound after the report"

# a second run for the same month: nothing new, nothing recorded
C report cnca --month 2026-11 -o again.xlsx 2> out.txt; check $? "second run"
grep -q ': 0 rows' out.txt && [ "$(read_book again.xlsx | $PY -c 'import json,sys; print(sum(s[3] for s in json.load(sys.stdin)))')" = 0 ]
check $? "a second run for the same month reports nothing new: $(cat out.txt)"
[ "$(n "SELECT count(*) FROM reports")" = 1 ]; check $? "and records nothing"
# a change in the month reports that certificate again (its new state)
num=$(n "SELECT number FROM certificates WHERE status = 'active' ORDER BY number LIMIT 1")
C -e "certificates.byNumber('$num').change({scope: '家用电器的销售及售后服务'}).scope" > /dev/null; check $? "scope of $num changed"
C report cnca --month 2026-11 -o changed.xlsx 2> out.txt
read_book changed.xlsx | $PY -c "import json,sys; b=json.load(sys.stdin); sys.exit(0 if [s[3] for s in b] == [0, 0, 1, 0] else 1)"
check $? "the changed certificate alone is reported: $(cat out.txt)"
# --dry-run writes and records nothing; --all reports the whole month again
C report cnca --month 2026-11 --all --dry-run -o all.xlsx 2> out.txt; grep -q 'dry run, nothing recorded' out.txt && [ "$(n 'SELECT count(*) FROM reports')" = 2 ]
check $? "--all --dry-run records nothing: $(cat out.txt)"
# a bad row: an audit whose mode is not one of the platform's codes
case=$(n "SELECT case_id FROM audits WHERE type = 'surveillance' ORDER BY id DESC LIMIT 1")
lead=$(n "SELECT t.person_id FROM audit_team t JOIN audits a ON a.id = t.audit_id WHERE a.case_id = $case AND t.role = 'leader' LIMIT 1")
C -e "core.audit.create({case: $case, type: 'special', mode: 'telephone', plannedStart: '2026-11-25', plannedEnd: '2026-11-26', team: [{person: $lead, role: 'leader'}]}).id" > /dev/null
check $? "a special audit by telephone planned"
C report cnca --month 2026-11 -o bad.xlsx 2> e.txt; rc=$?
[ $rc = 1 ] && grep -q 'sheet 审核计划 row [0-9]* (audit:[0-9]*) column 审核方式: "telephone" is not one of 现场, 远程, 现场+远程' e.txt && [ ! -e bad.xlsx ] && [ "$(n 'SELECT count(*) FROM reports')" = 2 ]
check $? "a bad row is refused naming sheet, row, column and value; no file, nothing recorded: $(cat e.txt)"
C report cnca --month 2026-13 -o x.xlsx 2> e.txt; [ $? = 2 ]; check $? "a month that is not YYYY-MM is a usage error"
C report iaff --month 2026-11 -o x.xlsx 2> e.txt; [ $? = 2 ] && grep -q 'unknown report "iaff"' e.txt; check $? "an unknown report is a usage error"

# IAF CertSearch: every certificate with an act in the month, the body's approval in its identity
body_profile
C report iaf --month 2026-11 -o iaf.xlsx 2> out.txt; check $? "report iaf --month 2026-11: $(cat out.txt)"
iaf=$(n "SELECT count(DISTINCT subject) FROM events WHERE kind LIKE 'certificate.%' AND effective BETWEEN '2026-11-01' AND '2026-11-30'")
$PY - iaf.xlsx "$iaf" <<'PY'
import sys, datetime, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['Certificates']
rows = list(ws.iter_rows(values_only=True))
want = ['Certificate Identity', 'Certificate Number', 'Certificate Status', 'Issue Date', 'Expiry Date', 'Certified Entity Name',
        'Certified Entity Identifier', 'Site Address', 'Scheme', 'Standard']
ok = list(rows[0]) == want and len(rows) - 1 == int(sys.argv[2]) and all(r[0].startswith('CNCA-R-2026-001/') and isinstance(r[3], datetime.datetime) for r in rows[1:])
print(len(rows) - 1, rows[1][:3] if len(rows) > 1 else None); sys.exit(0 if ok else 1)
PY
check $? "the IAF upload has its mandatory fields and one row per certificate with an act in the month ($iaf)"
# the statistics by scope (CNAS R1.1.3 2)): the live certificates counted
C report statistics -o stats.xlsx 2> out.txt; check $? "report statistics: $(cat out.txt)"
live=$(n "SELECT count(*) FROM certificates WHERE status IN ('active', 'suspended') AND issued <= '2026-11-20' AND expires >= '2026-11-20'")
$PY - stats.xlsx "$live" <<'PY'
import sys, openpyxl
rows = list(openpyxl.load_workbook(sys.argv[1]).active.iter_rows(values_only=True))
h = list(rows[0])
n = sum(r[h.index('有效证书')] + r[h.index('暂停证书')] for r in rows[1:])
print(n); sys.exit(0 if n == int(sys.argv[2]) else 1)
PY
check $? "the statistics count every live certificate once ($live)"

# the .xlsx export: every certificate, its dates as dates
C export certificates --format xlsx certs.xlsx 2> /dev/null; check $? "export certificates --format xlsx"
$PY - certs.xlsx "$(n 'SELECT count(*) FROM certificates')" "$(n 'SELECT number || "|" || issued FROM certificates ORDER BY number LIMIT 1')" <<'PY'
import sys, datetime, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = list(ws.iter_rows(values_only=True))
head = [h.split(' / ')[0] for h in rows[0]]
num, issued = sys.argv[3].split('|')
first = dict(zip(head, rows[1]))
ok = len(rows) - 1 == int(sys.argv[2]) and first['number'] == num and first['issued'] == datetime.datetime.strptime(issued, '%Y-%m-%d') \
  and isinstance(first['expires'], datetime.datetime) and isinstance(first['stars'], (int, float))
print(len(rows) - 1, first['number'], first['issued']); sys.exit(0 if ok else 1)
PY
check $? "the workbook has every certificate, issued and expires as dates, stars as a number"
"$CERTSH" --db r.db export certificates --format xlsx < /dev/null > /dev/null; check $? "a workbook goes to a pipe"
[ $fails = 0 ] && echo "e2e_report: ok"
exit $((fails > 0))
