#!/bin/bash
# Rules pinned in the register (issue 15): a body's --lib scheme is refused until adopted
# (certsh adopt), a case decided under it records the rules' hash, stays evaluable and replays
# after the folder is gone, and tampering with the stored rules makes verify fail.
# Usage: bash tests/e2e_rules.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
unset CERTSH_DB CERTSH_PATH
FAILED=0 PASSED=0
# check STATUS TEXT: report one expectation
check() { if [ "$1" -eq 0 ]; then echo "ok: $2"; PASSED=$((PASSED + 1)); else echo "FAIL: $2"; FAILED=$((FAILED + 1)); fi; }

cp -r "$SRC/tests/owners/lib" "$WORK/lib"
G1="$WORK/lib/schemes/dni-aftersales@G-1.js"
cd "$WORK"
"$CERTSH" init r.db >/dev/null

# a version from --lib is not used by accident: refused, naming the command that adopts it
OUT=$("$CERTSH" --db r.db --lib lib --as-of 2026-04-01 -e "transaction(function () { cases.apply({org: orgs.create({name: '某公司', uscc: '91110000600037341L', staff: 10}), scheme: 'dni-aftersales@G/1', scope: 'x', date: '2026-02-02'}); })" 2>&1)
[ $? -eq 1 ]; check $? "a case under an unadopted --lib version is refused"
echo "$OUT" | grep -q "not-adopted: dni-aftersales@G/1 comes from the --lib folder (schemes/dni-aftersales@G-1.js)"; check $? "the refusal names the version and its file"
echo "$OUT" | grep -q "certsh adopt FILE --by NAME"; check $? "the refusal names certsh adopt"
[ "$(sqlite3 r.db 'SELECT count(*) FROM orgs') $(sqlite3 r.db 'SELECT count(*) FROM rules')" = "0 0" ]; check $? "nothing was written"

OUT=$("$CERTSH" --db r.db --lib lib adopt "$G1" 2>&1)
[ $? -eq 2 ]; check $? "adopt without --by is a usage error"
OUT=$("$CERTSH" --db r.db --lib lib adopt "$G1" --by 张三 2>&1)
[ $? -eq 0 ]; check $? "adopt FILE --by NAME succeeds"
echo "$OUT" | grep -q "^adopted dni-aftersales@G/1 (in force 2026-01-01, adopted) sha256 [0-9a-f]\{64\}, by 张三$"; check $? "adopt names the version, its hash and who adopted it"
[ "$(sqlite3 r.db "SELECT group_concat(scheme || '@' || version || ' ' || origin) FROM rules")" = "dni-aftersales@G/1 adopted" ]; check $? "only the file's own version is adopted, not F/2 it extends"
[ "$(sqlite3 r.db "SELECT kind || ' ' || json_extract(payload, '\$.args.by') FROM events WHERE kind LIKE 'rules.%'")" = "rules.adopt 张三" ]; check $? "the adoption is an event of the log, with who"
OUT=$("$CERTSH" --db r.db --lib lib adopt "$G1" --by 张三 2>&1)
echo "$OUT" | grep -q "^already pinned dni-aftersales@G/1"; check $? "adopting the same file again changes nothing"

OUT=$("$CERTSH" --db r.db --lib lib --as-of 2026-04-01 run "$SRC/tests/owners/case.js" 2>&1)
check $? "a case is applied, audited and certified under the adopted G/1"
HASH=$(sqlite3 r.db "SELECT hash FROM rules WHERE version = 'G/1'")
echo "$OUT" | grep -q "decided under dni-aftersales@G/1 rules $HASH certificate DNI-SPSHFW-2026-00001 四星级"; check $? "the decision records the hash of the rules that produced it"
[ ${#HASH} -eq 64 ] && [ "$(sqlite3 r.db "SELECT rules FROM decisions WHERE id = 1")" = "$HASH" ]; check $? "decisions.rules holds the hash"
[ "$(sqlite3 r.db "SELECT kind FROM events WHERE kind LIKE 'rules.%' ORDER BY seq" | tr '\n' ' ')" = "rules.adopt " ]; check $? "the case pinned nothing more: its version was adopted"

# the owner edits the pinned version's file in place: adopting it is refused (a changed rule is a
# new version), and the register's cases keep the rules that governed them
cp "$G1" "$WORK/g1.orig"
sed -i 's/minScore: 75/minScore: 74/' "$G1"
OUT=$("$CERTSH" --db r.db --lib lib adopt "$G1" --by 李四 2>&1)
[ $? -eq 1 ] && echo "$OUT" | grep -q "dni-aftersales@G/1 is pinned in this register with other rules"; check $? "adopting changed rules for a pinned version is refused (got: $OUT)"
OUT=$("$CERTSH" --db r.db --lib lib -e "var s = cases.get(1).rules(); s.source().origin + ' ' + s.grade({score: 74.5, deductionItems: 0}).pass" 2>&1)
[ "$OUT" = "pinned false" ]; check $? "with the file changed, the case is evaluated under its pinned rules (got: $OUT)"
cp "$G1" "$WORK/elsewhere.js"; mkdir -p "$WORK/other"; cp "$WORK/g1.orig" "$WORK/other/dni-aftersales@G-1.js"; cp "$WORK/g1.orig" "$G1"
sed -i 's/minScore: 75/minScore: 76/' "$WORK/other/dni-aftersales@G-1.js"
OUT=$("$CERTSH" --db r.db --lib lib adopt "$WORK/other/dni-aftersales@G-1.js" --by 李四 2>&1)
[ $? -eq 1 ] && echo "$OUT" | grep -q "is not the library's schemes/dni-aftersales@G-1.js"; check $? "a file named like a library file with other text is refused (got: $OUT)"

# the folder is gone: the case is still evaluated, and replayed, under the register's rules
rm -rf lib
OUT=$("$CERTSH" --db r.db -e "var s = cases.get(1).rules(); [String(s), s.source().origin, s.grade({score: 72, deductionItems: 0}).pass, s.grade({score: 76, deductionItems: 0}).level].join(' ')" 2>&1)
[ "$OUT" = "dni-aftersales@G/1 pinned false 达标级" ]; check $? "without the folder the case's rules are G/1's, rebuilt from the register (got: $OUT)"
OUT=$("$CERTSH" --db r.db -e "scheme('dni-aftersales@G/1').grade({score: 74, deductionItems: 0}).why[0].text" 2>&1)
echo "$OUT" | grep -q "74 < 75"; check $? "scheme('dni-aftersales@G/1') is found in the register when no file defines it (got: $OUT)"
OUT=$("$CERTSH" --db r.db replay 1 2>&1)
[ $? -eq 0 ]; check $? "replay exits 0"
echo "$OUT" | grep -q "^decision 1 (certify, 2026-03-20) under dni-aftersales@G/1 \[rules ${HASH:0:12}\]: the same$"; check $? "replay re-runs the decision under its stored rules"
echo "$OUT" | grep -q 'same: grade of score 91.5 with 2 deduction items: recorded {"pass":true,"level":"四星级","stars":4}, replayed {"pass":true,"level":"四星级","stars":4}'; check $? "replay shows the grade recorded and replayed"
echo "$OUT" | grep -q "\[§5.3.3.7\] score 91.5 ≥ 75 and 2 特别扣分项 < 5: pass"; check $? "replay shows why, with G/1's pass line and its clause"
echo "$OUT" | grep -q 'same: certificate expiry (certificate.issue DNI-SPSHFW-2026-00001): recorded "2029-03-19", replayed "2029-03-19"'; check $? "replay recomputes the certificate's expiry"
OUT=$("$CERTSH" --db r.db replay x 2>&1)
[ $? -eq 2 ]; check $? "replay of a non-number is a usage error"
OUT=$("$CERTSH" --db r.db verify 2>&1)
check $? "verify passes with the pinned rules"

# tampering with the stored rules makes verify fail, also with the hash forged to match
cp r.db t1.db
sqlite3 t1.db "UPDATE rules SET source = replace(source, 'minScore: 75', 'minScore: 60') WHERE version = 'G/1'"
OUT=$("$CERTSH" --db t1.db verify 2>&1)
[ $? -eq 1 ] && echo "$OUT" | grep -q "verify: FAILED at rules:1"; check $? "changed stored rules fail verify (got: $OUT)"
cp r.db t2.db
sqlite3 t2.db "SELECT writefile('src.txt', replace(source, 'minScore: 75', 'minScore: 60')) FROM rules WHERE version = 'G/1'" >/dev/null
sqlite3 t2.db "UPDATE rules SET source = CAST(readfile('src.txt') AS TEXT), hash = '$(sha256sum src.txt | cut -c1-64)' WHERE version = 'G/1'"
OUT=$("$CERTSH" --db t2.db verify 2>&1)
[ $? -eq 1 ] && echo "$OUT" | grep -q "verify: FAILED at rules:1"; check $? "changed rules with a matching hash still fail verify (got: $OUT)"
cp r.db t3.db
sqlite3 t3.db "UPDATE rules SET hash = '$(printf '0%.0s' $(seq 64))' WHERE version = 'G/1'"
OUT=$("$CERTSH" --db t3.db verify 2>&1)
[ $? -eq 1 ]; check $? "a changed hash fails verify"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
