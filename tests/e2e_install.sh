#!/bin/bash
# Installed like a real tool (issue 14): `cmake --install` puts certsh, certsh(1), the bash
# completion, the docs and the example jobs where Debian puts them; the manual page names every
# command and option `certsh --help` lists; the built-in jobs run by name from any directory,
# and `certsh jobs` lists every job of examples/ with its arguments.
# Usage: bash tests/e2e_install.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
SRC=$2
. "$SRC/tests/rel_lib.sh"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
unset CERTSH_DB CERTSH_PATH

BUILD=$(dirname "$CERTSH")
cmake --install "$BUILD" --prefix "$WORK/usr" > "$WORK/install.log" 2>&1
check $? "cmake --install into a prefix: $(tail -n 1 "$WORK/install.log")"
for f in bin/certsh share/man/man1/certsh.1.gz share/bash-completion/completions/certsh \
         share/doc/certsh/README.md share/doc/certsh/jobs.md share/doc/certsh/examples/reminders.js; do
  [ -s "$WORK/usr/$f" ]; check $? "installed: $f"
done
I=$WORK/usr/bin/certsh

# the manual page covers every command and option of --help
zcat "$WORK/usr/share/man/man1/certsh.1.gz" | sed 's/\\-/-/g; s/\\f[BIRP]//g' > "$WORK/man.txt"
help=$("$I" --help)
commands=$(printf '%s\n' "$help" | sed -n 's/^  certsh \(\[OPTIONS\] \)\{0,1\}\([a-z][a-z-]*\).*/\2/p' | sort -u)
options=$(printf '%s\n' "$help" | grep -o -- '--[a-z][a-z-]*\|^  -[a-z]\b\| -[a-z],' | tr -d ', ' | sort -u)
[ -n "$commands" ] && [ -n "$options" ]; check $? "--help lists commands and options ($(echo $commands | wc -w) commands, $(echo $options | wc -w) options)"
missing=""
for c in $commands; do grep -q "^\.B $c\b\|^\.B certsh $c\b" "$WORK/man.txt" || missing="$missing $c"; done
for o in $options -e; do grep -q -- "^\.B $o\b\|^\.B [^ ]*, $o\b\|^\.TP.*$o\|^\.B .*\b$o\b" "$WORK/man.txt" || grep -qw -- "$o" "$WORK/man.txt" || missing="$missing $o"; done
[ -z "$missing" ]; check $? "the manual page documents every command and option of --help (missing:$missing)"
# and names each option's value as the options table does (--help: "-o, --output FILE")
valued=$(printf '%s\n' "$help" | sed -n 's/^  \(-[a-z], \)\{0,1\}\(--[a-z-]*\) \([A-Z][A-Z-]*\) .*/\1\2 \3/p')
missing=""
while read -r line; do grep -qxF ".B $line" "$WORK/man.txt" || missing="$missing '$line'"; done <<< "$valued"
[ -n "$valued" ] && [ -z "$missing" ]; check $? "the manual page gives each option's value as --help does ($(printf '%s\n' "$valued" | wc -l) options; missing:$missing)"
for section in "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
  grep -q "^\.SH $section" "$WORK/man.txt"; check $? "the manual page has $section"
done
for v in $(grep -oh 'getenv("[A-Z_]*")' "$SRC"/repl/*.c "$SRC"/dsl/*.c "$SRC"/core/*.c | sed 's/getenv("\(.*\)")/\1/' | sort -u); do
  grep -q "^\.B $v" "$WORK/man.txt"; check $? "the manual page's ENVIRONMENT has $v"
done
if command -v man > /dev/null; then
  out=$(MANWIDTH=80 man -l "$WORK/usr/share/man/man1/certsh.1.gz" 2> "$WORK/man.err" | head -n 3)
  printf '%s' "$out" | grep -q "CERTSH(1)" && [ ! -s "$WORK/man.err" ]; check $? "man renders it without warnings: $(head -c 200 "$WORK/man.err")"
fi
mkdir "$WORK/away" && cd "$WORK/away" || exit 1
bash -n "$WORK/usr/share/bash-completion/completions/certsh"; check $? "the bash completion parses"
out=$(bash -c '. "$1"; COMP_WORDS=("$2" run re); COMP_CWORD=2; _certsh; echo "${COMPREPLY[*]}"' _ \
  "$WORK/usr/share/bash-completion/completions/certsh" "$I")
[ "$out" = reminders ]; check $? "it completes 'certsh run re' to the reminders job: '$out'"
out=$(bash -c '. "$1"; COMP_WORDS=("$2" --read); COMP_CWORD=1; _certsh; echo "${COMPREPLY[*]}"' _ \
  "$WORK/usr/share/bash-completion/completions/certsh" "$I")
[ "$out" = --read-only ]; check $? "and 'certsh --read' to --read-only: '$out'"
# an option's value by its placeholder in --help: --lib DIR offers folders, --db FILE files, --as-of nothing
mkdir -p comp/dir.d && : > comp/file.db
for case in "--lib comp/ comp/dir.d" "--db comp/f comp/file.db" "-o comp/f comp/file.db" "--as-of comp/ "; do
  set -- $case
  out=$(bash -c '. "$1"; COMP_WORDS=("$2" "$3" "$4"); COMP_CWORD=2; _certsh; echo "${COMPREPLY[*]}"' _ \
    "$WORK/usr/share/bash-completion/completions/certsh" "$I" "$1" "$2")
  [ "$out" = "${3:-}" ]; check $? "'certsh $1 $2<Tab>' offers '${3:-}' (its value in --help): '$out'"
done
rm -rf comp

# the built-in jobs: by name, from a folder far from the source tree
out=$("$I" --db :memory: --as-of 2026-01-15 run reminders 2>&1); rc=$?
[ $rc = 0 ] && printf '%s' "$out" | grep -q "^Reminders as of 2026-01-15"; check $? "certsh run reminders works from elsewhere (exit $rc): $(printf '%s' "$out" | head -n 2)"
"$I" init r.db > /dev/null && "$I" --db r.db --as-of 2026-01-15 --timeout 0 run demo-register --orgs 20 > /dev/null 2>&1
check $? "certsh run demo-register --orgs 20 builds a register"
out=$("$I" --db r.db --as-of 2026-01-15 run reminders --format csv --horizon 365 2>&1); rc=$?
[ $rc = 0 ] && [ "$(printf '%s\n' "$out" | wc -l)" -gt 1 ]; check $? "and the reminders job reports on it (exit $rc, $(printf '%s\n' "$out" | wc -l) lines)"
out=$("$I" --db :memory: run examples/reminders.js 2>&1); rc=$?
[ $rc = 1 ] && printf '%s' "$out" | grep -q "hint: the built-in job of that name runs from anywhere: certsh run reminders"
check $? "run examples/reminders.js away from the source tree points to the built-in job (exit $rc)"
"$I" --db :memory: run nosuchjob > /dev/null 2> "$WORK/err"; rc=$?
[ $rc = 2 ] && grep -q "no built-in job 'nosuchjob'" "$WORK/err"; check $? "an unknown job's name is a usage error (exit $rc)"
printf 'print("mine")\n' > reminders.js
[ "$("$I" --db :memory: run ./reminders.js)" = mine ]; check $? "a path runs the file, not the built-in job"

jobs=$("$I" jobs); rc=$?
[ $rc = 0 ]; check $? "certsh jobs exits 0"
for f in "$SRC"/examples/*.js; do
  name=$(basename "$f" .js)
  want=$(sed -n "s#.*run \(examples/$name\.js\|$name\) *##p" "$f" | head -n 1 | tr -s ' ')
  printf '%s\n' "$jobs" | grep -q "^  $name " ; check $? "certsh jobs lists $name"
  [ -z "$want" ] || printf '%s\n' "$jobs" | grep "^  $name " | grep -qF -- "${want%% *}"; check $? "  with its arguments ($want)"
done
expect_rc=$("$I" jobs extra > /dev/null 2>&1; echo $?)
[ "$expect_rc" = 2 ]; check $? "certsh jobs with an argument is a usage error"
finish
