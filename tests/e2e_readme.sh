#!/bin/bash
# tests/e2e_readme.sh — the README's whole-cycle snippet runs as written, and the values its
# comments promise are the ones the register gives. `bash e2e_readme.sh CERTSH SRC`.
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
sed -n '/^```js/,/^```$/p' "$SRC/README.md" | sed '1d;$d' > "$TMP/cycle.js"
[ -s "$TMP/cycle.js" ] || { echo "FAIL: no js block in README.md"; exit 1; }
cat >> "$TMP/cycle.js" <<'JS'
print('due=' + sql("select due from findings where kind = 'nonconformity'")[0].due);
print('level=' + s.level + ' pass=' + s.pass);
print('number=' + cert.number);
print('until=' + log.history('certificate:' + cert.id).filter(function (e) { return e.kind === 'certificate.suspend'; }).length);
print('status=' + sql('select status from certificates where id = ?', cert.id)[0].status);
print('verified=' + log.verify().ok);
JS
out=$("$CERTSH" --db :memory: run "$TMP/cycle.js" 2>&1)
rc=$?
failures=0
expect() { echo "$out" | grep -qx -- "$1" && echo "ok: $1" || { echo "FAIL: expected '$1'"; failures=$((failures + 1)); }; }
[ $rc = 0 ] || { echo "FAIL: the snippet exited $rc: $out"; exit 1; }
expect 'due=2026-04-12'
expect 'level=达标 pass=true'
expect 'number=CAS-SV-2026-00001'
expect 'until=1'
expect 'status=withdrawn'
expect 'verified=true'
grep -q '2026-04-12' "$TMP/cycle.js" && grep -q 'CAS-SV-2026-00001' "$TMP/cycle.js" || { echo "FAIL: README comments changed"; failures=$((failures + 1)); }
[ $failures = 0 ] && echo "e2e_readme: all passed" || exit 1
