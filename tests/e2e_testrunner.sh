#!/bin/bash
# The test runner cannot pass what tests nothing (issue 11, family 11): a file that registers
# no test fails, assert.throws without an expectation fails, and a failed assertion inside
# the function given to assert.throws is reported as itself, never taken as "the error".
# Usage: bash tests/e2e_testrunner.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
SRC=$2
. "$SRC/tests/rel_lib.sh"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# runs NAME FILE-TEXT EXIT LAST-LINE PATTERN: `certsh test` on a file with that text
runs() {
  printf '%s\n' "$2" > "$WORK/t.test.js"
  out=$("$CERTSH" test "$WORK/t.test.js" 2>&1); rc=$?
  [ $rc = "$3" ] && [ "$(printf '%s\n' "$out" | tail -n 1)" = "$4" ] && printf '%s' "$out" | grep -qE -- "$5"
  check $? "$1 (exit $rc): $(printf '%s' "$out" | tr '\n' '|')"
}
runs "a file that registers no test fails" "var x = 1 + 1;" 1 "0 passed, 1 failed" "registered no test"
runs "an empty file fails" "" 1 "0 passed, 1 failed" "registered no test"
runs "a file of comments only fails" "// test('later', function () {});" 1 "0 passed, 1 failed" "registered no test"
runs "assert.throws without an expectation fails" \
  "test('t', function () { assert.throws(function () { throw new Error('any'); }); });" 1 "0 passed, 1 failed" "needs an expectation"
runs "assert.throws with an empty code fails" \
  "test('t', function () { assert.throws(function () { throw new Error('any'); }, ''); });" 1 "0 passed, 1 failed" "needs an expectation"
runs "assert.throws with a number for expectation fails" \
  "test('t', function () { assert.throws(function () { throw new Error('any'); }, 42); });" 1 "0 passed, 1 failed" "needs an expectation"
runs "a failed assertion inside assert.throws is the failure, not the error" \
  "test('t', function () { assert.throws(function () { assert.equal(1, 2); }, /expected/); });" 1 "0 passed, 1 failed" "t: expected 2, got 1"
runs "  also when the expectation is a code" \
  "test('t', function () { assert.throws(function () { assert.ok(false, 'inner'); }, 'invalid'); });" 1 "0 passed, 1 failed" "inner: expected a true value"
runs "assert.throws with the right code passes" \
  "test('t', function () { assert.throws(function () { date.addDays('2026-02-30', 1); }, 'invalid'); });" 0 "1 passed, 0 failed" "ok "
runs "assert.throws with a matching RegExp passes" \
  "test('t', function () { assert.throws(function () { throw new TypeError('boom 7'); }, /boom \\d/); });" 0 "1 passed, 0 failed" "ok "
runs "a wrong code fails" \
  "test('t', function () { assert.throws(function () { date.addDays('2026-02-30', 1); }, 'not-found'); });" 1 "0 passed, 1 failed" "expected error code"

# a runaway test is stopped by the time budget, and the next file still runs
printf "test('spins', function () { while (true) {} });\n" > "$WORK/spin.test.js"
printf "test('adds', function () { assert.equal(1 + 1, 2); });\n" > "$WORK/z.test.js"
start=$(date +%s)
out=$("$CERTSH" --timeout 1 test "$WORK/spin.test.js" "$WORK/z.test.js" 2>&1); rc=$?
[ $rc = 1 ] && printf '%s' "$out" | grep -q "spin.test.js: timeout: the evaluation ran longer than its time budget of 1 s" && [ "$(printf '%s\n' "$out" | tail -n 1)" = "1 passed, 1 failed" ] &&
  [ $(( $(date +%s) - start )) -lt 120 ]
check $? "a runaway test stops at its time budget and the run goes on (exit $rc): $(printf '%s' "$out" | tr '\n' '|')"
finish
