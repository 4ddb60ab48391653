#!/bin/bash
# certsh doc (issue 15): cas-service's page lists, for each clause of its outline, the rules,
# positions and tests citing it, its tables as tables; its coverage section matches the tests
# (each clause said to have no test is cited by none of them, each said to be tested is), also in
# HTML; certsh test --coverage names what no test reaches.
# Usage: bash tests/e2e_schemedoc.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
unset CERTSH_DB CERTSH_PATH
export LANG=C.UTF-8 LC_ALL=C.UTF-8
FAILED=0 PASSED=0
# check STATUS TEXT: report one expectation
check() { if [ "$1" -eq 0 ]; then echo "ok: $2"; PASSED=$((PASSED + 1)); else echo "FAIL: $2"; FAILED=$((FAILED + 1)); fi; }

"$CERTSH" --db :memory: doc cas-service > "$WORK/cas.md"; check $? "certsh doc cas-service exits 0"
MD="$WORK/cas.md"
TESTS=$(ls "$SRC"/schemes/cas-service*.test.js)
grep -q '^# cas-service@1 — 服务认证规则（商品售后服务，GB/T 27922）$' "$MD"; check $? "the page is titled with the scheme and its version"
grep -q '^## §6.5 审查报告$' "$MD"; check $? "a clause of the outline is a heading with its title"
sed -n '/^## §6.5 审查报告$/,/^## /p' "$MD" | grep -q '^- test: §6.5 grade at both sides of every threshold (schemes/cas-service.test.js)$'; check $? "§6.5 lists the test citing it"
sed -n '/^## §6.5 审查报告$/,/^## /p' "$MD" | grep -q '^| 95 | 五星级 | 5 |$'; check $? "§6.5's grade levels are a table"
sed -n '/^## App. A /,/^## /p' "$MD" | grep -q '^| from | to | initial | surveillance | recertification |$'; check $? "App. A's man-day table is a table"
sed -n '/^## §9.3.2.2 /,/^## /p' "$MD" | grep -q '^- rule `deadlines.suspensionLimit`'; check $? "§9.3.2.2 lists the suspension limit rule"

# the coverage section against the test files themselves
COV=$(sed -n '/^## Coverage$/,$p' "$MD")
UNTESTED=$(echo "$COV" | sed -n '/^### Rules with no test/,/^### Cited/p' | grep '^- ' | sed 's/^- \([^:]*\):.*/\1/')
[ -n "$UNTESTED" ]; check $? "the page names the clauses whose rules no test cites: $(echo $UNTESTED)"
bad=0
for c in $UNTESTED; do grep -qE -- "(test(\\.table)?\\(['\"][^'\"]*|assert\\.cites\\([^;]*['\"])$c([ ,:;)'\"]|$)" $TESTS && { echo "  $c is cited by a test"; bad=1; }; done
[ $bad = 0 ]; check $? "no test names any of them"
TESTED=$(grep '^## ' "$MD" | sed 's/^## \(App\. [A-Z]\|[^ ]*\).*/\1/' | while read -r c; do
  sed -n "/^## $c /,/^## /p" "$MD" | grep -q '^- test: ' && echo "$c"; done | grep -v Coverage)
N=$(echo "$TESTED" | wc -l)
[ "$N" -ge 15 ]; check $? "$N clauses list the tests citing them"
bad=0
while read -r c; do grep -qF -- "$c" $TESTS || { echo "  $c: no test file names it"; bad=1; }; done <<< "$TESTED"
[ $bad = 0 ]; check $? "each clause said to be tested is named by a test file"
echo "$COV" | grep -q "^78 clauses; $N cited by a test"; check $? "the counts agree with the list"
NORULE=$(echo "$COV" | sed -n '/^### Clauses with no rule/{n;n;p}' | sed 's/, /\n/g')
bad=0
while read -r c; do grep -E -- "clause: '$c( [^']*)?'" "$SRC/schemes/cas-service.js" | grep -qv "title: " && { echo "  $c has a rule"; bad=1; }; done <<< "$NORULE"
[ $bad = 0 ] && [ -n "$NORULE" ]; check $? "each clause said to have no rule has none in cas-service.js"

"$CERTSH" --db :memory: doc cas-service --format html > "$WORK/cas.html"; check $? "the HTML page"
grep -q '<h2 id="coverage">Coverage</h2>' "$WORK/cas.html" && grep -q '<caption>grades (pass: score ≥ 70' "$WORK/cas.html"; check $? "HTML has the coverage and the tables"
python3 -c "import html.parser,sys; p=html.parser.HTMLParser(); p.feed(open(sys.argv[1],encoding='utf-8').read())" "$WORK/cas.html"; check $? "the HTML parses"

# dynamic coverage: what cas-service's tests reach
OUT=$("$CERTSH" test --coverage "$SRC/schemes/cas-service.test.js" 2>&1)
echo "$OUT" | grep -q '^cas-service@1: [0-9]* of [0-9]* reached'; check $? "test --coverage reports the scheme"
echo "$OUT" | grep -q '^  guard restore/cause refuses$'; check $? "a guard no test of this file makes refuse is named"
! echo "$OUT" | grep -q '^  level 五星级$'; check $? "the levels the grade tests reach are not named"
echo "$OUT" | tail -1 | grep -q ' passed, 0 failed$'; check $? "the tests still pass"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
