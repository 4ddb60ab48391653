#!/bin/bash
# tests/e2e_repl_docs.sh — docs/repl.md does what it says: every ```console block is replayed as
# one piped REPL session and must print exactly the lines shown; every line of a ```js block
# (the cookbook) must run without error on the register of tests/queries_seed.sql.
# `bash e2e_repl_docs.sh CERTSH SRC`.
set -eu
CERTSH=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
python3 - "$SRC/docs/repl.md" <<'PY'
import re, sys
text = open(sys.argv[1], encoding='utf-8').read()
inputs, expected, cook = [], [], []
for kind, body in re.findall(r'```(console|js)\n(.*?)```', text, re.S):
    for line in body.splitlines():
        if kind == 'js':
            cook.append(line)
        elif line.startswith('certsh> ') or line.startswith('   ...> '):
            inputs.append(line[8:])
        else:
            expected.append(line)
open('tour.in', 'w', encoding='utf-8').write('\n'.join(inputs) + '\n')
open('tour.expected', 'w', encoding='utf-8').write('\n'.join(expected) + '\n')
open('cookbook.in', 'w', encoding='utf-8').write('\n'.join(cook) + '\n')
PY
status=0
"$CERTSH" --db :memory: --as-of 2025-06-30 < tour.in > tour.out 2> tour.err || { echo "FAIL: the tour's lines failed:"; cat tour.err; status=1; }
if diff -u tour.expected tour.out; then echo "ok: the tour prints what docs/repl.md shows ($(wc -l < tour.in) lines typed)"
else echo "FAIL: the tour's output differs from docs/repl.md (above)"; status=1; fi
grep -q '^CAS-2023-001,杭州中奥服务有限公司' certificates.csv && echo "ok: .output wrote certificates.csv" ||
  { echo "FAIL: certificates.csv"; status=1; }

"$CERTSH" init register.db > /dev/null
sqlite3 register.db < "$SRC/tests/queries_seed.sql"
if "$CERTSH" --db register.db --as-of 2025-06-30 < cookbook.in > cookbook.out 2> cookbook.err && [ ! -s cookbook.err ]; then
  echo "ok: every cookbook line runs ($(wc -l < cookbook.in) lines)"
else
  echo "FAIL: cookbook lines failed:"; cat cookbook.err; status=1
fi

out=$(printf '1 + 1\nq.tables().length\n' | "$CERTSH" --db :memory:)
[ "$out" = $'2\n20' ] && echo "ok: the piped example prints 2 and 20" || { echo "FAIL: piped example: [$out]"; status=1; }
exit $status
