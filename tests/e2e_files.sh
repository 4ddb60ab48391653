#!/bin/bash
# Files and registers (issue 11, families 7 and 8): only `certsh init` creates a register, and
# every other command given a path that does not exist fails naming it and creates nothing
# (no -wal/-shm either); :memory: keeps working.
# Usage: bash tests/e2e_files.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$2
. "$SRC/tests/rel_lib.sh"
WORK=$(mktemp -d)
trap 'chmod -R u+w "$WORK"; rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
unset CERTSH_DB CERTSH_PATH

# nothing DIR: 0 when DIR holds no file at all
nothing() { [ -z "$(ls -A "$1")" ]; }

# ---- family 8: a typo makes no register ------------------------------------------------------
mkdir empty
printf 'print("ran")\n' > job.js
printf 'name,uscc,staff,address\n测试,91110000600037341L,5,北京\n' > orgs.csv
# refused CMD...: exit 1, the message names the path, and empty/ stays empty
refused() {
  local name=$1; shift
  out=$("$@" 2>&1); rc=$?
  [ $rc = 1 ] && printf '%s' "$out" | grep -q "there is no register at 'empty/typo.db'" && nothing empty
  check $? "$name on a missing register: exit 1 naming it, nothing created (exit $rc: $out; $(ls -A empty))"
}
refused "run" "$CERTSH" --db empty/typo.db run job.js
refused "-e" "$CERTSH" --db empty/typo.db -e "orgs.list().length"
refused "verify" "$CERTSH" --db empty/typo.db verify
refused "export html" "$CERTSH" --db empty/typo.db export certificates --format html out.html
refused "import" "$CERTSH" --db empty/typo.db import orgs orgs.csv
refused "the REPL (piped)" bash -c 'echo 1+1 | "$0" --db empty/typo.db' "$CERTSH"
refused "\$CERTSH_DB" env CERTSH_DB=empty/typo.db "$CERTSH" -e 1
out=$("$CERTSH" --db empty/no/such/dir.db -e 1 2>&1); rc=$?
[ $rc = 1 ] && printf '%s' "$out" | grep -q "empty/no/such/dir.db" && nothing empty
check $? "a path in a missing folder: exit 1 naming it ($out)"

# the public page is not replaced by an empty one when the register's name is mistyped
echo '<html>the real register</html>' > public.html
"$CERTSH" --db typo.db export certificates --format html public.html 2> /dev/null; rc=$?
[ $rc = 1 ] && [ "$(cat public.html)" = '<html>the real register</html>' ] && [ ! -e typo.db ]
check $? "export to a file from a mistyped register leaves the file as it was"

# init: creates, refuses an existing file (unchanged), and fails cleanly in a missing folder
out=$("$CERTSH" init new.db); rc=$?
[ $rc = 0 ] && [ -s new.db ] && [ ! -e new.db-wal ] && printf '%s' "$out" | grep -q "created an empty register at 'new.db'"
check $? "certsh init FILE creates an empty register ($out)"
[ "$("$CERTSH" --db new.db -e "sql('SELECT count(*) AS n FROM orgs')[0].n")" = 0 ]
check $? "  which then opens, empty"
"$CERTSH" --db new.db -e "core.person.create({name: '张三'}).id" > /dev/null
before=$(sqlite3 new.db 'SELECT count(*) FROM people')
out=$("$CERTSH" init new.db 2>&1); rc=$?
[ $rc = 1 ] && printf '%s' "$out" | grep -q "'new.db' already exists" && [ "$(sqlite3 new.db 'SELECT count(*) FROM people')" = "$before" ]
check $? "init on an existing register is refused and changes nothing (exit $rc: $out)"
out=$("$CERTSH" --db other.db init 2>&1); rc=$?
[ $rc = 0 ] && [ -s other.db ]; check $? "init without FILE creates the --db register ($out)"
out=$("$CERTSH" init empty/no/such/x.db 2>&1); rc=$?
[ $rc = 1 ] && nothing empty; check $? "init in a missing folder fails and creates nothing ($out)"
out=$("$CERTSH" init a.db b.db 2>&1); rc=$?
[ $rc = 2 ] && [ ! -e a.db ]; check $? "init takes one FILE: exit 2 ($out)"

# :memory: keeps working without init
[ "$("$CERTSH" --db :memory: -e "core.person.create({name: '李四'}).id")" = 1 ]
check $? ":memory: needs no init"
[ "$("$CERTSH" --db :memory: run job.js)" = ran ]; check $? ":memory: runs a job"

finish
