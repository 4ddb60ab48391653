#!/bin/bash
# The three after-sales walkthroughs (issue 3) run from application to recertification on an
# in-memory register, print the outcomes a new auditor should see, and leave a log that verifies.
# Usage: bash tests/e2e_walkthroughs.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
SRC=$2
FAILED=0 PASSED=0
# check STATUS TEXT: report one expectation
check() { if [ "$1" -eq 0 ]; then echo "ok: $2"; PASSED=$((PASSED + 1)); else echo "FAIL: $2"; FAILED=$((FAILED + 1)); fi; }
# expect NAME PATTERN: the walkthrough's output holds PATTERN
expect() { echo "$OUT" | grep -q -- "$2"; check $? "$1: $2"; }

for s in cas cfc dni; do
  OUT=$("$CERTSH" --db :memory: --lib "$SRC" run "$SRC/examples/walkthrough-$s.js" 2>&1)
  check $? "walkthrough-$s runs"
  expect $s 'Record log: {"ok":true'
done
OUT=$("$CERTSH" --db :memory: --lib "$SRC" run "$SRC/examples/walkthrough-cas.js" 2>&1)
expect cas 'CAS-SV-2025-00001, 五星级, valid 2025-03-10 to 2028-03-09'
expect cas 'cannot decide the case'
expect cas '5 working days after 2025-09-26 → 2025-10-10'
OUT=$("$CERTSH" --db :memory: --lib "$SRC" run "$SRC/examples/walkthrough-dni.js" 2>&1)
expect dni '11 man-days, 9 on site'
expect dni '900 staff, surveillance: 4 → 3.5'
OUT=$("$CERTSH" --db :memory: --lib "$SRC" run "$SRC/examples/walkthrough-cfc.js" 2>&1)
expect cfc '82.5 → 三星级'
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
