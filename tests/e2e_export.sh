#!/bin/bash
# tests/e2e_export.sh — exports for spreadsheets (issue 14): `export --encoding utf-8|utf-8-bom|gbk`
# writes CSV that Excel opens on Chinese Windows (a byte-order mark, or GBK), Chinese text intact
# when read back (python3 and certsh import), a character GBK cannot hold refused naming it with
# nothing written, and --encoding refused for JSON and HTML.
# Usage: bash tests/e2e_export.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
SRC=$2
. "$SRC/tests/rel_lib.sh"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
unset CERTSH_DB

"$CERTSH" init r.db > /dev/null
"$CERTSH" --db r.db -e "core.org.create({name: '杭州东方家电有限公司', uscc: '91110000600037341L', staff: 120, address: '杭州市西湖区文三路 1 号'}); 1" > /dev/null
check $? "a register with a Chinese organisation"

"$CERTSH" --db r.db export orgs plain.csv 2> /dev/null
"$CERTSH" --db r.db export orgs --encoding utf-8-bom bom.csv 2> /dev/null
check $? "--encoding utf-8-bom writes"
[ "$(head -c 3 bom.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] && cmp -s <(tail -c +4 bom.csv) plain.csv
check $? "  a UTF-8 byte-order mark, then the same bytes as the plain UTF-8 export"
python3 -c 'import csv; r = list(csv.DictReader(open("bom.csv", encoding="utf-8-sig"))); assert r[0]["name"] == "杭州东方家电有限公司", r'
check $? "  python reads it as UTF-8 with BOM, Chinese intact"

"$CERTSH" --db r.db export orgs --encoding gbk gbk.csv 2> err.txt
check $? "--encoding gbk writes ($(cat err.txt))"
python3 -c '
import csv
r = list(csv.DictReader(open("gbk.csv", encoding="gbk", newline="")))
assert r[0]["name"] == "杭州东方家电有限公司" and r[0]["address"] == "杭州市西湖区文三路 1 号", r
raw = open("gbk.csv", "rb").read()
try:
    raw.decode("utf-8"); raise SystemExit("the GBK file is valid UTF-8: not converted")
except UnicodeDecodeError: pass'
check $? "  python reads it as GBK, Chinese intact (and it is not UTF-8)"
"$CERTSH" init back.db > /dev/null && "$CERTSH" --db back.db import orgs gbk.csv 2> err.txt &&
  [ "$("$CERTSH" --db back.db -e "sql('SELECT name FROM orgs')[0].name")" = 杭州东方家电有限公司 ]
check $? "  certsh import reads the GBK export back ($(cat err.txt))"
"$CERTSH" --db r.db export orgs --encoding gbk > gbk-stdout.csv && cmp -s gbk.csv gbk-stdout.csv
check $? "  the same to standard output"

# a character GBK lacks (U+20BB7 𠮷, outside the BMP): refused, naming it, nothing written
"$CERTSH" --db r.db -e "var b = '91110000000000002'; core.org.create({name: '𠮷野家餐饮有限公司', uscc: b + uscc.check(b + '0').expected, staff: 3}); 1" > /dev/null
"$CERTSH" --db r.db export orgs --encoding gbk lost.csv 2> err.txt; rc=$?
[ $rc = 1 ] && [ ! -e lost.csv ] && grep -q "'𠮷' has no GBK code" err.txt && grep -q "line 3" err.txt
check $? "a character GBK cannot hold is refused naming it and its line, no file (exit $rc: $(head -c 300 err.txt))"
out=$("$CERTSH" --db r.db export orgs --encoding gbk 2> err.txt); rc=$?
[ $rc = 1 ] && [ -z "$out" ]; check $? "  and to standard output nothing is written (exit $rc)"
"$CERTSH" --db r.db export orgs --encoding utf-8-bom > /dev/null; check $? "  utf-8-bom keeps it"

"$CERTSH" --db r.db export orgs --encoding latin1 > /dev/null 2> err.txt; rc=$?
[ $rc = 2 ] && grep -q "must be utf-8, utf-8-bom or gbk" err.txt; check $? "an unknown --encoding is a usage error (exit $rc)"
"$CERTSH" --db r.db export orgs --format json --encoding gbk > /dev/null 2> err.txt; rc=$?
[ $rc = 2 ] && grep -q "encoding is for CSV" err.txt; check $? "--encoding with JSON is a usage error (exit $rc)"
finish
