#!/bin/bash
# tests/e2e_terminal.sh — output for people (issue 14), in real terminals of 80 and 200 columns
# (tmux): tables fit the width and keep every certificate number and date whole, long text
# wraps, nothing-fits falls back to one record per block, results say how many rows, long ones
# page through $PAGER on a terminal and never in a pipe.
# `bash e2e_terminal.sh CERTSH SRC`.
set -u
CERTSH=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$2
. "$SRC/tests/rel_lib.sh"
WORK=$(mktemp -d)
SOCK=certsh-term-$$
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
export HOME=$WORK LANG=C.UTF-8 LC_ALL=C.UTF-8
unset CERTSH_DB NO_COLOR
cd "$WORK" || exit 1

"$CERTSH" init r.db > /dev/null && "$CERTSH" --db r.db --as-of 2026-01-15 --timeout 0 run demo-register --orgs 60 > /dev/null
check $? "a demo register of 60 organisations"
"$CERTSH" --db r.db -e "sql('SELECT number, issued, expires FROM certificates').map(function (c) { return c.number + ' ' + c.issued + ' ' + c.expires; }).join('\n')" > want.txt
ncert=$(wc -l < want.txt)

# widest FILE: the most terminal cells any line of FILE takes (East Asian wide = 2)
widest() { python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
print(max([w(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")] or [0]))' "$1"; }
# whole FILE: 0 when every certificate number and its dates appear uncut in FILE
whole() { while read -r n i e; do grep -q -- "$n" "$1" && grep -q -- "$i" "$1" && grep -q -- "$e" "$1" || { echo "cut: $n $i $e"; return 1; }; done < want.txt; }

# session W H EXPR: run the REPL in a W×H terminal with PAGER saving what it is given to
# paged-W.txt, type EXPR, and leave the screen in screen-W.txt
session() {
  local w=$1 h=$2 expr=$3
  rm -f "paged-$w.txt"
  tmux -L "$SOCK" -f /dev/null new-session -d -s "w$w" -x "$w" -y "$h" \
    "cd $WORK && HOME=$WORK LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm PAGER='cat > $WORK/paged-$w.txt' $CERTSH --db r.db --as-of 2026-01-15; sleep 60"
  for _ in $(seq 50); do tmux -L "$SOCK" capture-pane -p -t "w$w" | grep -q '^certsh>' && break; sleep 0.1; done
  tmux -L "$SOCK" send-keys -t "w$w" "$expr" Enter
  for _ in $(seq 100); do [ "$(tmux -L "$SOCK" capture-pane -p -t "w$w" | grep -c '^certsh>')" -ge 2 ] && break; sleep 0.1; done
  tmux -L "$SOCK" capture-pane -p -t "w$w" > "screen-$w.txt"
  tmux -L "$SOCK" send-keys -t "w$w" C-d
  tmux -L "$SOCK" kill-session -t "w$w"
}

if ! tmux -L "$SOCK-probe" -f /dev/null new-session -d -s probe 'sleep 1' 2> probe.err; then
  check 1 "tmux cannot open a terminal here ($(cat probe.err)): are pseudo-terminals available?"
  finish
fi
tmux -L "$SOCK-probe" kill-server 2> /dev/null

# every certificate at 80 columns: longer than the screen, so it pages; nothing fits side by
# side, so one record per block, every line within 80 cells, every number and date whole
session 80 30 "q.certificates()"
[ -s paged-80.txt ]; check $? "80 columns: $ncert certificates go through \$PAGER"
[ "$(widest paged-80.txt)" -le 80 ]; check $? "  every line fits 80 cells (widest $(widest paged-80.txt))"
whole paged-80.txt; check $? "  every certificate number and date is whole"
grep -q "^($ncert rows)$" paged-80.txt; check $? "  the result says how many rows ($ncert)"
# a few certificates at 80 columns: on the screen, no pager
session 80 30 "q.certificates().slice(0, 2)"
[ ! -e paged-80.txt ] && grep -q '^(2 rows)$' screen-80.txt; check $? "80 columns: a short result is not paged and says '(2 rows)'"
[ "$(widest screen-80.txt)" -le 80 ]; check $? "  and fits ($(widest screen-80.txt) cells)"

# at 200 columns the certificates fit as one table: a header, a rule, one line per row
session 200 30 "q.certificates()"
[ "$(widest paged-200.txt)" -le 200 ] && grep -q '^id  *number  *holder  *scheme' paged-200.txt && ! grep -q '^-- 1 --' paged-200.txt
check $? "200 columns: one table of $(grep -c '^ *[0-9]' paged-200.txt) rows within 200 cells (widest $(widest paged-200.txt))"
whole paged-200.txt; check $? "  every certificate number and date is whole"

# long text at 80 columns: the text columns wrap, the ids and dates stay whole
session 80 40 "sql('SELECT c.number, o.name, o.address, c.scope, c.expires FROM certificates c JOIN cases k ON k.id = c.case_id JOIN orgs o ON o.id = k.org_id ORDER BY c.id LIMIT 6')"
grep -q '^number  *name  *address  *scope  *expires' screen-80.txt; check $? "80 columns: long text keeps one table"
[ "$(widest screen-80.txt)" -le 80 ]; check $? "  within 80 cells ($(widest screen-80.txt))"
"$CERTSH" --db r.db -e "sql('SELECT number, expires FROM certificates ORDER BY id LIMIT 6').map(function (c) { return c.number + ' ' + c.expires; }).join('\n')" |
  while read -r n e; do grep -q -- "$n  .*$e$" screen-80.txt || exit 1; done
check $? "  each certificate number and expiry whole on its row's first line"
[ "$(grep -c '^ ' screen-80.txt)" -gt 0 ]; check $? "  the long text wraps onto continuation lines"

# a cross-table at 80 columns: one table with its total row and column, within the width
session 80 40 "q.pivot(q.certificates(), 'holder', 'scheme')"
nholders=$("$CERTSH" --db r.db --as-of 2026-01-15 -e "sql('SELECT count(DISTINCT o.name) n FROM certificates c JOIN orgs o ON o.id = c.org_id')[0].n")
f=screen-80.txt; [ -s paged-80.txt ] && f=paged-80.txt
grep -q '^holder \\ scheme  .*cas-service.*total$' "$f" && grep -q "^total  .* $ncert$" "$f" && grep -q "^($((nholders + 1)) rows)$" "$f"
check $? "80 columns: q.pivot prints one cross-table of $nholders holders, its totals ($ncert) and row count"
[ "$(widest "$f")" -le 80 ]; check $? "  within 80 cells ($(widest "$f"))"

# a pipe never pages and gets tables whole, without the terminal's row count
out=$(printf 'q.certificates()\n' | PAGER="cat > $WORK/piped.txt" "$CERTSH" --db r.db --as-of 2026-01-15)
[ ! -e piped.txt ] && [ "$(printf '%s\n' "$out" | wc -l)" = $((ncert + 2)) ]
check $? "piped: no pager, one line per row ($(printf '%s\n' "$out" | wc -l) lines)"
finish
