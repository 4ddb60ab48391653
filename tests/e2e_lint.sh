#!/bin/bash
# `certsh lint FILE…` (issue 3): the library's scheme files are clean; a broken copy of one gets
# each problem printed with its field and exit 1; a syntax error is reported with its line.
# Usage: bash tests/e2e_lint.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILED=0 PASSED=0
# check STATUS TEXT: report one expectation
check() { if [ "$1" -eq 0 ]; then echo "ok: $2"; PASSED=$((PASSED + 1)); else echo "FAIL: $2"; FAILED=$((FAILED + 1)); fi; }

OUT=$("$CERTSH" lint "$SRC"/schemes/cas-service.js "$SRC"/schemes/cfc-sc14.js "$SRC"/schemes/dni-aftersales.js "$SRC"/schemes/gbt27922.js)
check $? "the library's after-sales schemes lint clean"
[ "$(echo "$OUT" | grep -c ': ok$')" -eq 3 ] && echo "$OUT" | grep -q 'cfc-sc14.js: ok, [0-9]* warnings\?$'; check $? "each file is reported ok (CFC with its warnings)"
# static checks (issue 15): a level the document names that no score reaches; a clause outside the outline
echo "$OUT" | grep -q 'cfc-sc14.js: cfc-sc14@C/1: grade.named: warning: 二星级 (named by §5) is reached by no score: the levels are 一星级 ≥70, 三星级 ≥80, 四星级 ≥90, 五星级 ≥95'
check $? "lint finds that CFC's 二星级 can never be reached"
sed "s/clause: '§6.6', text: '将不能注册/clause: '§6.9', text: '将不能注册/" "$SRC"/schemes/cas-service.js > "$WORK/outline.js"
OUT=$("$CERTSH" lint "$WORK/outline.js")
[ $? -eq 0 ] && echo "$OUT" | grep -q 'cas-service@1: workflow.transitions.refuse.guards\[0\].clause: warning: cites §6.9, which is not in the outline'
check $? "a guard citing a clause absent from the outline is a warning"

# overlapping band, no date in force, a deadline without its clause
sed -e 's/\[21, 50, 4, 1.5, 3\]/[20, 50, 4, 1.5, 3]/' -e "s/effective: '2012-02-01',//" \
    -e "s/correction: { months: 2, clause: '§7.5', /correction: { months: 2, /" "$SRC"/schemes/cas-service.js > "$WORK/bad.js"
OUT=$("$CERTSH" lint "$WORK/bad.js")
[ $? -eq 1 ]; check $? "a broken scheme exits 1"
echo "$OUT" | grep -q 'bad.js: cas-service@1: manDays.table.rows\[1\]: band 20-50 overlaps'; check $? "the overlapping band is named"
echo "$OUT" | grep -q 'cas-service@1: effective: a version without a date in force'; check $? "the missing date in force is named"
echo "$OUT" | grep -q 'cas-service@1: deadlines.correction.clause: a rule without a clause'; check $? "the rule without a clause is named"

printf 'defineScheme({\n' > "$WORK/syntax.js"
OUT=$("$CERTSH" lint "$WORK/syntax.js")
[ $? -eq 1 ]; check $? "a syntax error exits 1"
echo "$OUT" | grep -q 'SyntaxError'; check $? "the syntax error is reported"

"$CERTSH" lint > /dev/null 2>&1
[ $? -eq 2 ]; check $? "lint without a file is a usage error"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
