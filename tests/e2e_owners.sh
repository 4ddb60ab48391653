#!/bin/bash
# docs/schemes.md's walk-through for scheme owners (issue 15) runs as it stands: its js blocks
# that name a file are written, its $ lines run in order, and each prints what the page shows;
# then .load and .schemes in the REPL, and certsh diff on CFC C/1 against a G/1 of the tests.
# Usage: bash tests/e2e_owners.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
unset CERTSH_DB CERTSH_PATH
export LANG=C.UTF-8 LC_ALL=C.UTF-8
FAILED=0 PASSED=0
# check STATUS TEXT: report one expectation
check() { if [ "$1" -eq 0 ]; then echo "ok: $2"; PASSED=$((PASSED + 1)); else echo "FAIL: $2"; FAILED=$((FAILED + 1)); fi; }

mkdir -p "$WORK/bin" "$WORK/walk/schemes"
printf '#!/bin/sh\nexec "%s" "$@"\n' "$CERTSH" > "$WORK/bin/certsh"; chmod +x "$WORK/bin/certsh"
cp "$SRC/schemes/cfc-sc14.js" "$WORK/walk/schemes/"
cd "$WORK/walk"
PATH="$WORK/bin:$PATH" python3 - "$SRC/docs/schemes.md" <<'PY'
import os, re, subprocess, sys
text = open(sys.argv[1], encoding='utf-8').read()
text = text[text.index('<!-- section: scheme owners'):]
passed = failed = 0
for kind, body in re.findall(r'```(js|console)\n(.*?)```', text, re.S):
    if kind == 'js':
        m = re.match(r'// (\S+\.js) — ', body)
        if m:
            os.makedirs(os.path.dirname(m.group(1)) or '.', exist_ok=True)
            open(m.group(1), 'w', encoding='utf-8').write(body)
        continue
    steps, cur = [], None
    for line in body.splitlines():
        if line.startswith('$ '):
            cur = [line[2:], []]; steps.append(cur)
        elif cur is not None:
            cur[1].append(line)
    for cmd, want in steps:
        code = 0
        m = re.search(r'\s+# exits (\d+)$', cmd)
        if m: code, cmd = int(m.group(1)), cmd[:m.start()]
        p = subprocess.run(['bash', '-c', cmd], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        got = p.stdout.decode('utf-8').rstrip('\n').split('\n') if p.stdout else []
        ok = p.returncode == code and len(got) == len(want) and all(
            g == w or (w.endswith(' …') and g.startswith(w[:-2])) for g, w in zip(got, want))
        if ok: passed += 1; print('ok: $ ' + cmd)
        else:
            failed += 1
            print('FAIL: $ %s (exit %d, wanted %d)\n  wanted:\n    %s\n  got:\n    %s' % (cmd, p.returncode, code, '\n    '.join(want), '\n    '.join(got)))
print('walk-through: %d commands as shown, %d not' % (passed, failed))
sys.exit(1 if failed or passed < 10 else 0)
PY
check $? "docs/schemes.md's walk-through for scheme owners runs as it stands"

# .load of a version file defines it (no "identifier 'module' undefined"); .schemes lists every
# version with its dates and where its rules come from
cd "$WORK"
cp -r "$SRC/tests/owners/lib" lib
OUT=$(printf '.load lib/schemes/dni-aftersales@G-1.js\n.load lib/schemes/dni-aftersales@G-1.js\n.mode csv\n.schemes\n' | "$CERTSH" --db :memory: --as-of 2026-03-01 2>&1)
echo "$OUT" | grep -q "^loaded dni-aftersales@G/1 (in force 2026-01-01, DNI-GZ-JS-14) from lib/schemes/dni-aftersales@G-1.js$"; check $? ".load of a version file defines the version"
echo "$OUT" | grep -q "^lib/schemes/dni-aftersales@G-1.js: nothing new"; check $? ".load of the same file again changes nothing"
echo "$OUT" | grep -q "^dni-aftersales,F/2,2025-08-15,2025-12-31,false,embedded,"; check $? ".schemes: F/2 in force until the day before G/1"
echo "$OUT" | grep -q "^dni-aftersales,G/1,2026-01-01,,true,file,"; check $? ".schemes: G/1 loaded from its file, in force now"
echo "$OUT" | grep -q "^cas-service,1,2012-02-01,,true,embedded,"; check $? ".schemes: the other schemes too"
printf 'var x = 1;\nmodule.exports = 2;\n' > notscheme.js
OUT=$(printf '.load notscheme.js\n' | "$CERTSH" --db :memory: 2>&1)
echo "$OUT" | grep -q "identifier 'module' undefined"; check $? "a plain script is still run as a script"

# certsh diff on two real versions: CFC C/1 and the tests' G/1, with the register's impact
"$CERTSH" init d.db >/dev/null
"$CERTSH" --db d.db --as-of 2026-04-01 run "$SRC/tests/owners/cfc-cases.js" >/dev/null; check $? "two CFC cases are scored under C/1"
OUT=$("$CERTSH" --db d.db --lib lib diff cfc-sc14@C/1 cfc-sc14@G/1 2>&1); check $? "certsh diff exits 0"
echo "$OUT" | grep -q "^cfc-sc14@C/1 (in force 2025-06-15) → cfc-sc14@G/1 (in force 2026-07-01): 6 rules changed$"; check $? "diff counts the changed rules"
echo "$OUT" | grep -q '^  grade.levels\[2\].min \[§5\]: 90 → 88$'; check $? "a grade threshold, with its clause"
echo "$OUT" | grep -q '^  deadlines.suspensionLimit.months \[§9.5.1\]: 6 → 3$'; check $? "a deadline, with its clause"
echo "$OUT" | grep -q '^  deadlines.appealAnswer.days \[§12\]: 30 → 20$'; check $? "another deadline"
echo "$OUT" | grep -q '^  workflow.transitions.refuse.guards\[code=reason\].text \[§8.8.2\]: "将不能注册的原因书面通知认证申请组织" → "不予注册的原因以书面形式通知认证申请组织"$'; check $? "a guard, matched by its code"
echo "$OUT" | grep -q '^  causes.suspension\[code=licence-lapsed\] \[§9.5.1 f)\]: added {"code":"licence-lapsed","clause":"§9.5.1 f)","text":"行政许可失效"}$'; check $? "a cause added"
echo "$OUT" | grep -q '^impact on the register: 1 of 2 cases under cfc-sc14@C/1 would change (grade: 1)$'; check $? "the impact's counts"
echo "$OUT" | grep -q '^  case 1 (org 1): grade {"score":89,"deductionItems":1}: {"pass":true,"level":"三星级","stars":3} → {"pass":true,"level":"四星级","stars":4}$'; check $? "the impact's list: 89 points become 四星级"
OUT=$("$CERTSH" --db d.db diff cfc-sc14@C/1 2>&1); [ $? -eq 2 ]; check $? "diff with one version is a usage error"
OUT=$("$CERTSH" --db d.db diff cfc-sc14@C/1 cas-service@1 2>&1); [ $? -eq 1 ] && echo "$OUT" | grep -q "are different schemes"; check $? "diff of two schemes is refused"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
