#!/bin/bash
# tests/e2e_repl.sh — the REPL in a real terminal (tmux: send-keys, capture-pane) and with piped
# input: completion, history across sessions, Ctrl-R, multi-line input, Ctrl-C during a runaway
# loop, Chinese text aligned in tables, .mode csv parsed back; and the progress bar of `certsh
# import` on a terminal (not in a pipe). `bash e2e_repl.sh CERTSH SRC`.
set -u
CERTSH=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TMP=$(mktemp -d)
SOCK=certsh-e2e-$$
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$TMP"' EXIT
export HOME=$TMP LANG=C.UTF-8 LC_ALL=C.UTF-8
unset NO_COLOR
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# ---- piped input: no prompt, each result printed, exit 1 when an evaluation failed ----------

out=$(printf '1+1\nvar f = function (a) {\n  return a * 2;\n}\nf(21)\n"中文"\n' | "$CERTSH" --db :memory: 2>&1)
rc=$?
[ "$out" = $'2\n42\n中文' ] && [ $rc = 0 ] && pass "piped: values, multi-line input, no prompt" ||
  fail "piped: got rc=$rc [$out]"

err=$(printf '1+1\nnope()\n2+2\n' | "$CERTSH" --db :memory: 2>&1 >/dev/null)
rc=$?
[ $rc = 1 ] && echo "$err" | grep -q "line 2: ReferenceError" && pass "piped: a failed evaluation names its line and exits 1" ||
  fail "piped failure: rc=$rc [$err]"

out=$(printf '.mode csv\n[{name: "杭州中奥, 有限公司", note: "say \\"hi\\"", n: 3}, {name: "Acme", note: null, n: 4}]\n' |
  "$CERTSH" --db :memory: 2>&1)
echo "$out" | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
assert rows == [{"name": "杭州中奥, 有限公司", "note": "say \"hi\"", "n": "3"}, {"name": "Acme", "note": "", "n": "4"}], rows
' && pass "piped: .mode csv parses back with python csv" || fail ".mode csv: [$out]"

out=$(printf '.mode nonsense\n' | "$CERTSH" --db :memory: 2>&1)
[ $? = 1 ] && echo "$out" | grep -q "not a mode" && pass "piped: a bad dot-command fails" || fail "bad .mode: [$out]"

out=$(printf '.as-of 2024-02-29\ntoday()\n.as-of 2023-02-29\n' | "$CERTSH" --db :memory: 2>&1)
echo "$out" | grep -q "^2024-02-29$" && echo "$out" | grep -q "not a real calendar date" && pass "piped: .as-of" ||
  fail ".as-of: [$out]"

out=$(printf '.help\n' | "$CERTSH" --db :memory: 2>&1)
lines=$(echo "$out" | wc -l)
for c in .help .schemes .tables .schema .mode .output .why .as-of .load .timer .exit; do
  echo "$out" | grep -q -- "^$c" || fail ".help lacks $c"
done
[ "$lines" -le 24 ] && pass ".help fits one screen ($lines lines)" || fail ".help is $lines lines"

out=$(printf '({total: 3, why: [{scheme: "cas-service", version: "2019", clause: "App. A", text: "51-80 staff: 5 man-days"}]})\n.why\n' |
  "$CERTSH" --db :memory: 2>&1)
echo "$out" | grep -q "^cas-service@2019  App. A  51-80 staff: 5 man-days$" && pass ".why prints the clause chain" || fail ".why: [$out]"

printf 'var loaded = 40;\nfunction plus2(x) { return x + 2; }\n' > "$TMP/lib.js"
out=$(printf '.load %s\nplus2(loaded)\n.timer on\n1\n.load %s/none.js\n.frobnicate\n' "$TMP/lib.js" "$TMP" |
  "$CERTSH" --db :memory: 2>&1)
rc=$?
echo "$out" | grep -q '^42$' && echo "$out" | grep -q '^time: [0-9.]* s$' && echo "$out" | grep -q "line 5: .load: cannot read" &&
  echo "$out" | grep -q "line 6: unknown command '.frobnicate'" && [ $rc = 1 ] && pass "piped: .load, .timer, unknown commands" ||
  fail ".load/.timer: rc=$rc [$out]"

# ---- a real terminal ----------------------------------------------------------------------

if ! command -v tmux >/dev/null; then
  fail "tmux is not installed (build.sh installs it)"
  exit 1
fi
# A terminal test needs pseudo-terminals: say so plainly rather than fail thirty times.
if ! tmux -L "$SOCK-probe" -f /dev/null new-session -d -s probe 'sleep 1' 2>"$TMP/probe.err"; then
  fail "tmux cannot open a terminal here ($(cat "$TMP/probe.err")): are pseudo-terminals available (/dev/pts mounted)?"
  exit 1
fi
tmux -L "$SOCK-probe" kill-server 2>/dev/null

# start: a REPL session in a fresh tmux window 100x30 (a new session on the same server)
SESSION=0
start() {
  SESSION=$((SESSION + 1))
  tmux -L "$SOCK" -f /dev/null new-session -d -s "s$SESSION" -x 100 -y 30 \
    "cd $TMP && HOME=$TMP LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm $CERTSH --db $TMP/r.db; sleep 30"
  wait_for 'certsh> '
}
keys() { tmux -L "$SOCK" send-keys -t "s$SESSION" "$@"; }
screen() { tmux -L "$SOCK" capture-pane -p -t "s$SESSION"; }
# wait_for PATTERN: until the screen matches (grep -E), at most 5 s
wait_for() {
  for _ in $(seq 50); do screen | grep -qE -- "$1" && return 0; sleep 0.1; done
  return 1
}
# last_prompt_line: the text after the last prompt on screen
last_prompt_line() { screen | grep 'certsh> ' | tail -1 | sed 's/^certsh> //'; }

# a missing register: the REPL on a terminal offers to create it; "n" creates nothing
SESSION=$((SESSION + 1))
tmux -L "$SOCK" -f /dev/null new-session -d -s "s$SESSION" -x 100 -y 30 \
  "cd $TMP && TERM=xterm $CERTSH --db $TMP/r.db; echo REPL-EXIT=\$?; sleep 30"
wait_for "no register at '$TMP/r.db'. Create an empty one there\\? \\[y/N\\]" &&
  pass "terminal: a missing register is offered for creation" || fail "no offer: $(screen)"
keys 'n' Enter
wait_for 'REPL-EXIT=1' && [ ! -e "$TMP/r.db" ] && screen | grep -q 'nothing was created' &&
  pass "terminal: declining creates nothing and exits 1" || fail "declined: $(screen) $(ls "$TMP")"
SESSION=$((SESSION + 1))
tmux -L "$SOCK" -f /dev/null new-session -d -s "s$SESSION" -x 100 -y 30 \
  "cd $TMP && TERM=xterm $CERTSH --db $TMP/r.db; echo REPL-EXIT=\$?; sleep 30"
wait_for 'Create an empty one there' && keys 'y' Enter
wait_for '^certsh>' && [ -e "$TMP/r.db" ] && pass "terminal: accepting creates the register and opens the REPL" ||
  fail "accepted: $(screen)"
keys '.exit' Enter
out=$(printf '1+1\n' | "$CERTSH" --db "$TMP/none.db" 2>&1); rc=$?
[ $rc = 1 ] && [ ! -e "$TMP/none.db" ] && echo "$out" | grep -q "there is no register at '$TMP/none.db'" &&
  pass "piped: a missing register is refused, nothing created" || fail "piped missing register: rc=$rc $out"

start
keys '1+1' Enter
wait_for '^2$' && pass "terminal: 1+1 prints 2" || fail "terminal 1+1: $(screen)"

keys 'function twice(x) {' Enter
wait_for '^   \.\.\.>' && pass "terminal: an open brace continues the input" || fail "no continuation prompt: $(screen)"
keys 'return 2 * x }' Enter 'twice(21)' Enter
wait_for '^42$' && pass "terminal: multi-line function defined and called" || fail "multi-line: $(screen)"

keys 'while(true){}' Enter
sleep 0.5
keys C-c
wait_for 'interrupted \(Ctrl-C\)' && pass "terminal: Ctrl-C stops a runaway loop" || fail "Ctrl-C: $(screen)"
keys '1+2+3' Enter
wait_for '^6$' && pass "terminal: the REPL goes on after Ctrl-C" || fail "after Ctrl-C: $(screen)"

# every evaluation goes through the one entry point: .load and .why stop on Ctrl-C too (issue 11)
printf 'var loaded = 1;\nwhile (true) {}\n' > "$TMP/spin.js"
printf 'var n = 0;\nwhile (true) { try { n++; } catch (e) {} }\n' > "$TMP/spin2.js"
for cmd in ".load $TMP/spin.js" ".load $TMP/spin2.js" ".why (function () { while (true) {} })()" \
           ".load $TMP/spin.js"; do
  keys C-l "$cmd" Enter
  sleep 0.5
  keys C-c
  if wait_for 'interrupted \(Ctrl-C\)'; then
    keys C-l '40+2' Enter
    wait_for '^42$' && pass "terminal: Ctrl-C stops '$cmd' and the REPL goes on" || fail "after Ctrl-C of '$cmd': $(screen)"
  else
    fail "Ctrl-C did not stop '$cmd': $(screen)"
  fi
done
printf 'sql("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c")\n' > "$TMP/slowsql.js"
keys C-l ".load $TMP/slowsql.js" Enter
sleep 0.5
keys C-c
wait_for 'interrupted' && keys C-l '6*7' Enter && wait_for '^42$' &&
  pass "terminal: Ctrl-C stops a runaway query run by .load" || fail "Ctrl-C of a .load query: $(screen)"

keys 'half typed' C-c
sleep 0.3
keys '7*6' Enter
wait_for '^42$' && ! screen | grep -q 'half typed7' && pass "terminal: Ctrl-C clears the line" || fail "Ctrl-C line: $(screen)"

keys C-l 'q.overdueF' Tab
sleep 0.3
[ "$(last_prompt_line)" = "q.overdueFindings" ] && pass "terminal: completes a property of the live value" ||
  fail "property completion: [$(last_prompt_line)]"
keys C-u 'format.t' Tab
sleep 0.3
[ "$(last_prompt_line)" = "format.t" ] && wait_for 'table .*tree' && pass "terminal: lists the candidates" ||
  fail "candidate list: $(screen)"
keys C-u 'var zebra_count = 7' Enter 'zebra_c' Tab
sleep 0.3
[ "$(last_prompt_line)" = "zebra_count" ] && pass "terminal: completes a global" || fail "global completion: [$(last_prompt_line)]"
keys C-u '.ti' Tab 'on'
sleep 0.3
[ "$(last_prompt_line)" = ".timer on" ] && pass "terminal: completes a dot-command" || fail "dot completion: [$(last_prompt_line)]"
keys C-u '.mode cs' Tab
sleep 0.3
[ "$(last_prompt_line)" = ".mode csv" ] && pass "terminal: completes a dot-command's argument" || fail "mode completion: [$(last_prompt_line)]"
keys C-u
if [ "$("$CERTSH" --db :memory: -e "q.schemeIds().length" 2>/dev/null)" -gt 0 ] 2>/dev/null; then
  first=$("$CERTSH" --db :memory: -e "q.schemeIds()[0]")
  keys C-l "scheme('${first:0:3}" Tab
  sleep 0.3
  last_prompt_line | grep -q "^scheme('${first:0:3}" && pass "terminal: scheme ids complete inside scheme('" ||
    fail "scheme id completion: [$(last_prompt_line)]"
  keys C-u
else
  fail "no scheme loads in this build, so scheme id completion cannot be tried"
fi

keys C-l "[{name: '杭州中奥服务有限公司', staff: 120}, {name: 'Acme', staff: 7}, {name: '北京 Credit', staff: 45}]" Enter
wait_for '^Acme' || fail "table not printed: $(screen)"
screen | python3 -c '
import sys, unicodedata
def cells(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = [l.rstrip() for l in sys.stdin if l.startswith(("name", "杭州", "Acme", "北京"))]
assert len(lines) == 4, lines
ends = {cells(l) for l in lines}
assert len(ends) == 1, (ends, lines)
' && pass "terminal: a table with Chinese text is aligned" || fail "Chinese table: $(screen)"

keys C-l '.mode csv' Enter '.output out.csv' Enter "[{id: 1, holder: '杭州中奥, 有限公司'}]" Enter '.output' Enter '.mode table' Enter
sleep 0.5
python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
assert rows == [{"id": "1", "holder": "杭州中奥, 有限公司"}], rows
' "$TMP/out.csv" && pass "terminal: .mode csv into .output FILE parses back" || fail ".output csv: $(cat "$TMP/out.csv" 2>&1)"

keys 'var history_marker = 4242' Enter '.exit' Enter
sleep 0.5
grep -q 'history_marker' "$TMP/.certsh_history" && pass "history saved in ~/.certsh_history" || fail "history file"

start
keys Up
sleep 0.3
[ "$(last_prompt_line)" = ".exit" ] && pass "history: Up recalls the previous session's last line" ||
  fail "history Up: [$(last_prompt_line)]"
keys C-u C-r 'history_mar'
sleep 0.3
screen | grep -q "var history_marker = 4242" && pass "history: Ctrl-R finds an earlier line" || fail "Ctrl-R: $(screen)"
keys Enter
sleep 0.3
keys C-l 'history_marker + 1' Enter
wait_for '^4243$' && pass "history: the recalled line runs" || fail "recalled line: $(screen)"

keys C-d
sleep 0.5
screen | grep -q 'certsh> ' && ! tmux -L "$SOCK" list-panes -t "s$SESSION" -F '#{pane_current_command}' | grep -q certsh &&
  pass "terminal: Ctrl-D leaves" || fail "Ctrl-D: $(tmux -L "$SOCK" list-panes -t "s$SESSION" -F '#{pane_current_command}')"

# ---- certsh import draws a progress bar on a terminal (and only there) ------------------------
"$CERTSH" --db :memory: --timeout 0 -e "var out = ['name,uscc,staff,address'];
  for (var i = 1; i <= 40000; i++) { var b = '91110000' + ('000000000' + i).slice(-9);
    out.push('进度组织' + i + ',' + b + uscc.check(b + '0').expected + ',5,北京'); } out.join('\n')" > "$TMP/orgs.csv"
SESSION=$((SESSION + 1))
tmux -L "$SOCK" -f /dev/null new-session -d -s "s$SESSION" -x 100 -y 30 \
  "cd $TMP && LANG=C.UTF-8 TERM=xterm $CERTSH init $TMP/imp.db && $CERTSH --db $TMP/imp.db --timeout 0 import orgs $TMP/orgs.csv; echo IMPORT-EXIT=\$?; sleep 30"
bar=0
for _ in $(seq 600); do
  screen | grep -qE 'import \[#*\.+\] +[0-9]+%  [0-9]+ rows' && bar=1
  screen | grep -q 'IMPORT-EXIT=' && break
  sleep 0.05
done
[ $bar = 1 ] && pass "import: a progress bar on the terminal while it runs" || fail "import progress bar never seen: $(screen)"
screen | grep -q 'IMPORT-EXIT=0' && screen | grep -q '40000 orgs imported' && ! screen | grep -q '\[#' &&
  pass "import: the bar gives way to the summary, exit 0" || fail "import summary: $(screen)"
"$CERTSH" init "$TMP/imp2.db" > /dev/null
"$CERTSH" --db "$TMP/imp2.db" --timeout 0 import orgs "$TMP/orgs.csv" > "$TMP/imp.out" 2>&1
! grep -q '\[#' "$TMP/imp.out" && pass "import: no bar when not on a terminal" || fail "bar in a pipe: $(head -c 200 "$TMP/imp.out")"

if [ $failures = 0 ]; then echo "e2e_repl: all passed"; else echo "e2e_repl: $failures failed"; fi
[ $failures = 0 ]
