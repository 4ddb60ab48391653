#!/bin/bash
# Files and registers (issue 11, families 7 and 8): only `certsh init` creates a register, and
# every other command given a path that does not exist fails naming it and creates nothing
# (no -wal/-shm either); :memory: keeps working. A register in a read-only file or folder can
# be read, verified and exported, and a write is refused clearly; SQLite's temporary data is
# bounded by --mem; folders, FIFOs and devices are refused as scripts, CSV files and registers.
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

# ---- family 7: read-only registers --------------------------------------------------------------
# as_reader CMD...: run CMD as a user bound by the permission bits (root is not: it runs as nobody)
as_reader() {
  if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi
}
chmod 755 "$WORK"
"$CERTSH" init base.db > /dev/null
"$CERTSH" --db base.db --as-of 2026-01-10 -e "core.org.create({name: '只读组织', uscc: '91110000600037341L', staff: 9}); core.person.create({name: '张三'}).id" > /dev/null
printf 'print(orgs.list().length + " " + orgs.list()[0].name)\n' > read.js
# readonly NAME FILE-MODE FOLDER-MODE: a copy of base.db so protected, read but not written
readonly_case() {
  local name=$1 dir=$WORK/$1
  mkdir "$dir"
  sqlite3 base.db ".backup '$dir/r.db'"
  chmod "$2" "$dir/r.db"; chmod "$3" "$dir"
  out=$(as_reader "$CERTSH" --db "$dir/r.db" verify 2>&1); rc=$?
  [ $rc = 0 ] && printf '%s' "$out" | grep -q "verify: ok, 2 events chained"
  check $? "$name: verify works (exit $rc: $out)"
  out=$(as_reader "$CERTSH" --db "$dir/r.db" export orgs 2>&1); rc=$?
  [ $rc = 0 ] && printf '%s' "$out" | grep -q "只读组织"; check $? "$name: export works (exit $rc: $out)"
  out=$(as_reader "$CERTSH" --db "$dir/r.db" run read.js 2>&1); rc=$?
  [ $rc = 0 ] && [ "$out" = "1 只读组织" ]; check $? "$name: a reading job runs (exit $rc: $out)"
  out=$(echo "sql('SELECT count(*) AS n FROM people')[0].n" | as_reader "$CERTSH" --db "$dir/r.db" 2>&1); rc=$?
  [ $rc = 0 ] && [ "$out" = 1 ]; check $? "$name: the REPL reads (exit $rc: $out)"
  out=$(as_reader "$CERTSH" --db "$dir/r.db" -e "core.person.create({name: '李四'}).id" 2>&1); rc=$?
  [ $rc = 1 ] && printf '%s' "$out" | grep -q "is open read-only" && [ "$(sqlite3 "$dir/r.db" 'SELECT count(*) FROM people')" = 1 ]
  check $? "$name: a write is refused clearly, nothing written (exit $rc: $out)"
  out=$(as_reader "$CERTSH" --db "$dir/r.db" -e "transaction(function () { return 1; })" 2>&1); rc=$?
  [ $rc = 1 ] && printf '%s' "$out" | grep -q "is open read-only"; check $? "$name: transaction() is refused too ($out)"
  out=$(printf 'name,uscc,staff,address\n甲,91110000600037341L,5,北京\n' > "$WORK/o.csv"; as_reader "$CERTSH" --db "$dir/r.db" import orgs "$WORK/o.csv" 2>&1); rc=$?
  [ $rc = 1 ] && printf '%s' "$out" | grep -q "is open read-only"; check $? "$name: import is refused ($out)"
}
if as_reader "$CERTSH" --version > /dev/null 2>&1; then
  readonly_case "read-only file in a read-only folder" 444 555
  readonly_case "read-only file in a writable folder" 444 777
  readonly_case "writable file in a read-only folder" 666 555
  # a read-only register this certsh would have to migrate is refused, naming both versions
  mkdir old; sqlite3 base.db ".backup 'old/r.db'"; sqlite3 old/r.db "PRAGMA user_version = 1"; chmod 444 old/r.db; chmod 555 old
  out=$(as_reader "$CERTSH" --db old/r.db verify 2>&1); rc=$?
  [ $rc = 1 ] && printf '%s' "$out" | grep -q "schema version 1 and this certsh needs" && printf '%s' "$out" | grep -q "cannot be migrated"
  check $? "a read-only register needing migration is refused (exit $rc: $out)"
else # e.g. valgrind.sh's wrapper, in a folder only its owner may enter
  echo "skip the read-only registers: $CERTSH cannot run as the unprivileged user"
fi

# ---- family 7: SQLite's temporary data is bounded by --mem -----------------------------------
mkdir sqltmp
# big NAME QUERY: fails out-of-memory under --mem 32 within the time budget, and never holds a
# temporary file open in SQLITE_TMPDIR (SQLite unlinks them at once: /proc shows them)
big() {
  local name=$1 q=$2 files=0 l f
  SQLITE_TMPDIR=$WORK/sqltmp TMPDIR=$WORK/sqltmp timeout 120 "$CERTSH" --db base.db --mem 32 --timeout 60 -e "$q" > big.out 2>&1 &
  local pid=$!
  while kill -0 $pid 2>/dev/null; do
    for f in /proc/$pid/fd/*; do
      l=$(readlink "$f" 2>/dev/null) || continue
      case "$l" in "$WORK/sqltmp/"*) files=$((files + 1));; esac
    done
    sleep 0.05
  done
  wait $pid; rc=$?; out=$(cat big.out)
  [ $rc = 1 ] && printf '%s' "$out" | grep -q "out-of-memory" && printf '%s' "$out" | grep -q -- "--mem" && [ $files = 0 ]
  check $? "$name: refused under the memory cap, no temporary file (exit $rc, temporary files seen $files: $out)"
}
CTE="WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 2000)"
big "DISTINCT over large values" "sql(\"$CTE SELECT count(*) AS n FROM (SELECT DISTINCT (zeroblob(1000000) || x) FROM c)\")"
big "ORDER BY of large values" "sqlEach(\"$CTE SELECT zeroblob(1000000) || x AS v FROM c ORDER BY v DESC\", function () { return false; })"
big "GROUP BY of large keys" "sqlPrint(\"$CTE SELECT length(zeroblob(1000000) || x) AS n FROM c GROUP BY zeroblob(1000000) || x\")"
out=$("$CERTSH" --db base.db --mem 32 -e "sql(\"$CTE SELECT count(DISTINCT x) AS n FROM c\")[0].n" 2>&1)
[ "$out" = 2000 ]; check $? "a modest DISTINCT still runs under --mem 32 ($out)"

# ---- family 7: only regular files are read ------------------------------------------------------
mkfifo fifo.js fifo.csv fifo.db
mkdir adir
# refused_file NAME PATTERN CMD...: exit 1 within 60 s (no hang; valgrind is slow to start), the message as PATTERN
refused_file() {
  local name=$1 pattern=$2; shift 2
  out=$(timeout 60 "$@" 2>&1 < /dev/null); rc=$?
  [ $rc = 1 ] && printf '%s' "$out" | grep -qE -- "$pattern"; check $? "$name (exit $rc: $out)"
}
refused_file "run of a folder is refused" "cannot read script 'adir': it is a folder" "$CERTSH" --db :memory: run adir
refused_file "run of /tmp is refused" "cannot read script '/tmp': it is a folder" "$CERTSH" --db :memory: run /tmp
refused_file "run of a FIFO is refused, no hang" "cannot read script 'fifo.js': it is not a regular file" "$CERTSH" --db :memory: run fifo.js
refused_file "run of a device is refused" "not a regular file" "$CERTSH" --db :memory: run /dev/null
refused_file "import of a FIFO is refused, no hang" "'fifo.csv' is not a regular file \(it is a FIFO" "$CERTSH" --db base.db import orgs fifo.csv
refused_file "import of a folder is refused" "'adir' is not a regular file \(it is a folder" "$CERTSH" --db base.db import orgs adir
refused_file "a FIFO as --db is refused, no hang" "'fifo.db' is not a register: it is a FIFO" "$CERTSH" --db fifo.db verify
refused_file "a folder as --db is refused" "'adir' is not a register: it is a folder" "$CERTSH" --db adir -e 1
refused_file ".load of a FIFO is refused, no hang" "\.load: cannot read 'fifo.js': it is not a regular file" bash -c 'echo ".load fifo.js" | "$0" --db :memory:' "$CERTSH"
refused_file "test of a FIFO is refused, no hang" "fifo.js: cannot read the file: it is not a regular file" "$CERTSH" test fifo.js
refused_file "lint of a FIFO is refused, no hang" "fifo.js: cannot read the file: it is not a regular file" "$CERTSH" lint fifo.js

finish
