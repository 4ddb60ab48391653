#!/bin/bash
# certsh teach (issue 15) in a real terminal (tmux): exercises generated from the scheme, a right
# and a wrong answer, each checked and explained with its clause, the summary per topic; the same
# --seed gives the same session.
# Usage: bash tests/e2e_teach.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
TMP=$(mktemp -d)
SOCK="certsh-teach-$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$TMP"' EXIT
unset CERTSH_DB CERTSH_PATH
export LANG=C.UTF-8 LC_ALL=C.UTF-8
FAILED=0 PASSED=0
# check STATUS TEXT: report one expectation
check() { if [ "$1" -eq 0 ]; then echo "ok: $2"; PASSED=$((PASSED + 1)); else echo "FAIL: $2"; FAILED=$((FAILED + 1)); fi; }

# what the rules answer to the session's questions, asked of the same module without a terminal
EXPECT=$("$CERTSH" --db :memory: --as-of 2026-03-01 -e "var t = require('stdlib/teach').session('dni-aftersales', {seed: 7, count: 3}), out = [];
  while (t.next()) out.push(t.answer('').expected); out.join('\n')")
A1=$(echo "$EXPECT" | sed -n 1p); A2=$(echo "$EXPECT" | sed -n 2p); A3=$(echo "$EXPECT" | sed -n 3p)
[ -n "$A1" ] && [ -n "$A2" ] && [ -n "$A3" ]; check $? "the session has three questions ($A1, $A2, $A3)"

if ! tmux -L "$SOCK" -f /dev/null new-session -d -s t -x 120 -y 40 \
    "cd $TMP && TERM=xterm $CERTSH --as-of 2026-03-01 teach dni-aftersales --seed 7 --count 3 | tee out.txt; sleep 30"; then
  echo "FAIL: tmux cannot open a terminal here"; exit 1
fi
screen() { tmux -L "$SOCK" capture-pane -p -t t; }
# wait_for N: until the out file shows N answer prompts (or the summary when N is 0), at most 10 s
wait_for() { for _ in $(seq 100); do [ "$(grep -o 'answer> ' "$TMP/out.txt" 2>/dev/null | wc -l)" -ge "$1" ] && return 0; sleep 0.1; done; return 1; }
wait_for 1; check $? "the first question is asked"
tmux -L "$SOCK" send-keys -t t "$A1" Enter
wait_for 2; check $? "a right answer leads to the second question"
tmux -L "$SOCK" send-keys -t t "wrong answer" Enter
wait_for 3; check $? "a wrong answer leads to the third"
tmux -L "$SOCK" send-keys -t t "$A3" Enter
for _ in $(seq 100); do grep -q 'session summary' "$TMP/out.txt" && break; sleep 0.1; done
OUT=$(cat "$TMP/out.txt")
echo "$OUT" | grep -q '^teaching dni-aftersales@F/2: answer each question'; check $? "the session names the scheme version"
echo "$OUT" | grep -q '^1/3 \[manDays\] A company of [0-9]* effective staff'; check $? "question 1: the man-days of a company of N staff"
echo "$OUT" | grep -q "^answer> right: $A1$"; check $? "the right answer is confirmed"
echo "$OUT" | grep -q '^  \[Annex 3\] employees [0-9]* is in band'; check $? "and explained with its clause"
echo "$OUT" | grep -q "^answer> not quite: the answer is $A2 (you said wrong answer)$"; check $? "the wrong answer is corrected"
echo "$OUT" | grep -q '^  \[§5.3.3.7\] score '; check $? "the grade explained with §5.3.3.7"
echo "$OUT" | grep -q "^answer> right: $A3$"; check $? "the third answer is right"
echo "$OUT" | grep -q '^session summary (dni-aftersales@F/2): 2 of 3 right$'; check $? "the summary counts right answers"
echo "$OUT" | grep -q '^  grade: 0 of 1$' && echo "$OUT" | grep -q '^  manDays: 1 of 1$'; check $? "the summary per topic"
screen | grep -q 'session summary'; check $? "the terminal shows the summary"

# .teach in the REPL on a terminal: the prompt becomes "answer> ", the REPL goes on after the summary
tmux -L "$SOCK" -f /dev/null new-session -d -s r -x 160 -y 50 \
  "cd $TMP && HOME=$TMP TERM=xterm $CERTSH --db :memory: --as-of 2026-03-01; sleep 30"
rscreen() { tmux -L "$SOCK" capture-pane -p -J -t r -S -200; }
rwait() { for _ in $(seq 100); do rscreen | grep -qE -- "$1" && return 0; sleep 0.1; done; return 1; }
rwait 'certsh> '; check $? "the REPL starts"
tmux -L "$SOCK" send-keys -t r ".teach dni-aftersales --seed 7 --count 2" Enter
rwait '^answer> $'; check $? ".teach asks with the prompt answer>"
tmux -L "$SOCK" send-keys -t r "$A1" Enter
rwait "^answer> $A1\$" && rwait '^2/2 \[grade\]'; check $? "a right answer, then the second question"
tmux -L "$SOCK" send-keys -t r "三星级" Enter
rwait '^session summary \(dni-aftersales@F/2\): 1 of 2 right$'; check $? ".teach ends with its summary"
rscreen | grep -q "^not quite: the answer is $A2 (you said 三星级)$"; check $? ".teach corrects the wrong answer"
tmux -L "$SOCK" send-keys -t r "6 * 7" Enter
rwait '^42$'; check $? "the REPL goes on after the session"

# the same seed, the same questions; another seed, others; bad options are usage errors
Q1=$(printf '\n\n\n' | "$CERTSH" --as-of 2026-03-01 teach dni-aftersales --seed 7 --count 3 | grep '^[0-9]/3 ')
Q2=$(printf '\n\n\n' | "$CERTSH" --as-of 2026-03-01 teach dni-aftersales --seed 7 --count 3 | grep '^[0-9]/3 ')
Q3=$(printf '\n\n\n' | "$CERTSH" --as-of 2026-03-01 teach dni-aftersales --seed 8 --count 3 | grep '^[0-9]/3 ')
[ "$Q1" = "$Q2" ] && [ "$(echo "$Q1" | wc -l)" = 3 ]; check $? "--seed makes the session deterministic"
[ "$Q1" != "$Q3" ]; check $? "another seed gives other exercises"
printf '\n' | "$CERTSH" teach dni-aftersales --seed x >/dev/null 2>&1; [ $? -eq 2 ]; check $? "a bad --seed is a usage error"
OUT=$(printf '' | "$CERTSH" --as-of 2026-03-01 teach cas-service --count 2 2>&1); check $? "Ctrl-D (end of input) ends the session"
echo "$OUT" | grep -q '^session summary (cas-service@1): 0 of 0 right$'; check $? "and prints the summary"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
