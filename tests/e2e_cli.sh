#!/bin/bash
# The command line as DESIGN.md states it: -e (strings raw, else JSON), --json, run FILE ARGS,
# test's last line, verify, exit codes 0/1/2, --as-of, --db :memory:, $CERTSH_DB, --timeout,
# --mem, --help, --version. Each check runs the real binary and compares text and exit code.
# Usage: bash tests/e2e_cli.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
SRC=$2
. "$SRC/tests/rel_lib.sh"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
unset CERTSH_DB CERTSH_PATH

# expect NAME WANT_RC WANT_OUT CMD…: run CMD, compare exit code and standard output exactly.
expect() {
  local name=$1 rc=$2 want=$3 out got
  shift 3
  out=$("$@" 2> "$WORK/stderr"); got=$?
  [ "$got" = "$rc" ] && [ "$out" = "$want" ]
  check $? "$name (exit $got, out '$out', err '$(head -c 300 "$WORK/stderr")')"
}
# stderr_has PATTERN: the last command's standard error matches PATTERN.
stderr_has() { grep -q -- "$1" "$WORK/stderr"; }

M="--db :memory:"
expect "-e prints a string raw" 0 "杭州 abc" "$CERTSH" $M -e "'杭州 ' + 'abc'"
expect "-e prints a number as JSON" 0 "3" "$CERTSH" $M -e "1 + 2"
expect "-e prints an object as JSON" 0 '{"a":[1,"二"]}' "$CERTSH" $M -e "({a: [1, '二']})"
expect "-e prints nothing for undefined" 0 "" "$CERTSH" $M -e "undefined"
expect "--json prints a string as JSON" 0 '"abc"' "$CERTSH" $M --json -e "'abc'"

printf 'print(JSON.stringify(args));\nprint(args.length);\n' > "$WORK/job.js"
expect "run FILE ARGS: the args reach the script" 0 $'["one","两 个","--json"]\n3' "$CERTSH" $M run "$WORK/job.js" one "两 个" --json
expect "run of a missing file fails" 1 "" "$CERTSH" $M run "$WORK/nope.js"

printf "test('adds', function () { assert.equal(1 + 1, 2); });\ntest('fails', function () { assert.equal(1, 2); });\n" > "$WORK/x.test.js"
out=$("$CERTSH" test "$WORK/x.test.js" 2>&1); rc=$?
[ $rc = 1 ] && [ "$(printf '%s\n' "$out" | tail -n 1)" = "1 passed, 1 failed" ]
check $? "test's last line counts passes and failures, exit 1 on a failure (exit $rc): $(printf '%s' "$out" | tail -n 1)"
printf "test('adds', function () { assert.equal(1 + 1, 2); });\n" > "$WORK/y.test.js"
out=$("$CERTSH" test "$WORK/y.test.js" 2>&1); rc=$?
[ $rc = 0 ] && [ "$(printf '%s\n' "$out" | tail -n 1)" = "1 passed, 0 failed" ]; check $? "test exits 0 when all pass"

expect "a script error exits 1" 1 "" "$CERTSH" $M -e "throw new Error('boom')"
stderr_has "boom"; check $? "  and says why on stderr"
expect "a rule error exits 1 naming the field" 1 "" "$CERTSH" $M -e "core.org.create({name: 'x', uscc: '91110000600037341L', staff: 0})"
stderr_has "staff must be a whole number from 1"; check $? "  staff 0 refused on stderr"
expect "an unknown option exits 2" 2 "" "$CERTSH" --frobnicate
expect "an unknown command exits 2" 2 "" "$CERTSH" frobnicate
expect "--as-of needs a real date: exit 2" 2 "" "$CERTSH" $M --as-of 2026-02-30 -e 1
expect "-e without its expression exits 2" 2 "" "$CERTSH" -e

expect "--as-of sets today()" 0 "2026-03-01" "$CERTSH" $M --as-of 2026-03-01 -e "today()"
expect "--as-of is the date events record" 0 "2026-03-01" "$CERTSH" $M --as-of 2026-03-01 -e \
  "core.person.create({name: '张三'}); sql('SELECT as_of FROM events')[0].as_of"

expect "--db :memory: works" 0 "1" "$CERTSH" $M -e "core.person.create({name: '张三'}).id"
[ ! -e certsh.db ]; check $? "  and leaves no certsh.db behind"
expect "a missing default database is refused, naming it" 1 "error: there is no register at 'certsh.db'" \
  bash -c 'set -o pipefail; "$0" -e 1 2>&1 | cut -c1-42' "$CERTSH"
[ ! -e certsh.db ]; check $? "  and nothing is created"
expect "certsh init makes the default database" 0 "certsh: created an empty register at 'certsh.db'" \
  bash -c '"$0" init | cut -c1-48' "$CERTSH"
expect "the default database is ./certsh.db" 0 "1" "$CERTSH" -e "core.person.create({name: '张三'}).id"
[ -e certsh.db ]; check $? "  which now exists"
# the page size a new register is made with, in WAL mode (core/db.c DB_PAGE_SIZE: the jobs read it
# in a quarter of the calls), and a register made before with 4 KB pages is opened as it is
made=$(sqlite3 certsh.db 'PRAGMA page_size; PRAGMA journal_mode' | tr '\n' ' ')
[ "$made" = "16384 wal " ]; check $? "  with 16 KB pages, in WAL mode ($made)"
"$CERTSH" init "$WORK/old4k.db" > /dev/null &&
  sqlite3 "$WORK/old4k.db" "PRAGMA journal_mode=DELETE; PRAGMA page_size=4096; VACUUM; PRAGMA journal_mode=WAL" > /dev/null
expect "  a register of 4 KB pages is written to" 0 "1" "$CERTSH" --db "$WORK/old4k.db" -e "core.person.create({name: '张三'}).id"
[ "$(sqlite3 "$WORK/old4k.db" 'PRAGMA page_size')" = 4096 ]; check $? "  and keeps its page size"
export CERTSH_DB=$WORK/env.db
"$CERTSH" init > /dev/null
expect "\$CERTSH_DB names the database" 0 "1" "$CERTSH" -e "core.person.create({name: '李四'}).id"
expect "  and the next run sees what the last wrote" 0 "李四" "$CERTSH" -e "core.person.get(1).name"
expect "--db wins over \$CERTSH_DB" 0 "0" "$CERTSH" $M -e "sql('SELECT count(*) AS n FROM people')[0].n"
expect "verify passes on a good register" 0 "verify: ok, 1 events chained, 1 rows match their last event" \
  bash -c 'set -o pipefail; "$0" verify | head -1' "$CERTSH"
expect "  and names the head of the chain to keep elsewhere" 0 "head: event 1, hash" \
  bash -c 'set -o pipefail; "$0" verify | sed -n 2p | cut -c1-19' "$CERTSH"
unset CERTSH_DB

start=$(date +%s)
expect "--timeout stops while(true){}" 1 "" "$CERTSH" $M --timeout 1 -e "while (true) {}"
stderr_has "timeout"; check $? "  with a timeout message"
[ $(( $(date +%s) - start )) -lt 10 ]; check $? "  within seconds"
expect "--timeout cannot be caught by the script" 1 "" "$CERTSH" $M --timeout 1 -e "for (;;) { try { while (true) {} } catch (e) {} }"
expect "--mem stops a memory bomb (the cap, not the time budget)" 1 "" "$CERTSH" $M --mem 16 --timeout 0 -e "var a = []; for (;;) a.push(new Array(1e5).join('x') + a.length)"
stderr_has "out of memory"; check $? "  with an out-of-memory message"

# sqlPrint: each row one CSV line written in C, quoted only when needed, NULL empty, UTF-8 intact
cat > "$WORK/print.js" <<'JS'
sqlPrint("SELECT 1, 'a,b', NULL, 'say \"hi\"', '四星级' UNION ALL SELECT 2, 'two' || char(10) || 'lines', 'x', 'y', 'z'");
JS
expect "sqlPrint writes rows as CSV lines" 0 $'1,"a,b",,"say ""hi""",四星级\n2,"two\nlines",x,y,z' "$CERTSH" $M run "$WORK/print.js"
expect "sqlPrint returns the rows printed and binds parameters" 0 $'7,杭州\n1' "$CERTSH" $M -e "sqlPrint('SELECT ? + 1, ?', [6, '杭州'])"
# sqlWrite: each row's values as they are, one after the other: no separator, no line end, NULL nothing
expect "sqlWrite writes each row's values as they are" 0 $'a,b1\r\n四星级𠀀x\r\n2' "$CERTSH" $M -e \
  "sqlWrite('SELECT ?1, NULL, 1, char(13, 10) UNION ALL SELECT ?2, \\'x\\', char(13, 10), NULL', ['a,b', '四星级𠀀'])"
expect "sqlPrint -o writes to the file" 0 "" "$CERTSH" $M -o "$WORK/p.csv" -e "sqlPrint('SELECT 1, 2'); undefined"
[ "$(cat "$WORK/p.csv")" = "1,2" ]; check $? "  the file holds the row"
# -o onto what is no regular file (a pipe here; /dev/null likewise): written itself, not replaced
# by a file renamed onto it (as root, that replaced /dev/null with a regular file)
mkfifo "$WORK/pipe"
timeout 20 cat "$WORK/pipe" > "$WORK/from-pipe" &
"$CERTSH" $M -o "$WORK/pipe" -e "sqlPrint('SELECT 1, 2'); undefined"; rc=$?
wait
[ "$rc" = 0 ] && [ -p "$WORK/pipe" ] && [ "$(cat "$WORK/from-pipe")" = "1,2" ] && ! ls "$WORK"/pipe.tmp-* > /dev/null 2>&1
check $? "-o onto a pipe writes through it and leaves it a pipe"
# -o onto a symbolic link: the file it names is replaced whole, the link kept (the rename had
# put a file in the link's place); a link to no file yet creates that file
echo old > "$WORK/target.csv"
ln -s target.csv "$WORK/link.csv"
mkdir "$WORK/sub" && ln -s ../target.csv "$WORK/sub/up.csv" && ln -s made.csv "$WORK/dangling.csv"
"$CERTSH" $M -o "$WORK/link.csv" -e "sqlPrint('SELECT 1, 2'); undefined" && [ -L "$WORK/link.csv" ] && [ "$(cat "$WORK/target.csv")" = "1,2" ] &&
  "$CERTSH" $M -o "$WORK/sub/up.csv" -e "sqlPrint('SELECT 3'); undefined" && [ -L "$WORK/sub/up.csv" ] && [ "$(cat "$WORK/target.csv")" = "3" ] &&
  "$CERTSH" $M -o "$WORK/dangling.csv" -e "sqlPrint('SELECT 4'); undefined" && [ -L "$WORK/dangling.csv" ] && [ "$(cat "$WORK/made.csv")" = "4" ] &&
  ! ls "$WORK"/*.tmp-* "$WORK"/sub/*.tmp-* > /dev/null 2>&1
check $? "-o onto a symbolic link writes the file it names and keeps the link"
# lines far longer than the line buffer it starts with (1 KB), quoted fields doubling their quotes:
# read back by Python's csv module
"$CERTSH" $M -o "$WORK/long.csv" -e "sqlPrint(\"SELECT replace(printf('%.*c', 3000, 'x'), 'x', 'a,\\\"') AS a, '四星级' UNION ALL SELECT printf('%.*c', 9000, 'y'), NULL\"); undefined"
/usr/bin/python3 -c "import csv, sys; rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))
sys.exit(0 if rows == [['a,\"' * 3000, '四星级'], ['y' * 9000, '']] else 1)" "$WORK/long.csv"
check $? "sqlPrint: lines of 12,000 and 9,000 bytes, quotes doubled, read back whole by Python's csv"
# fields of 16 bytes and more (searched a vector at a time) quoted for each of comma, quote, CR and
# LF alone, wherever it is, and not otherwise, by their length alone (sqlPrint is given a text's
# bytes as SQLite keeps them: a function's result, such as json_extract's, ends with no NUL);
# and a table's texts read from its rows
"$CERTSH" $M -o "$WORK/q.csv" -e "sqlPrint(\"WITH t(v) AS (VALUES ('0123456789abcdef'), (',123456789abcdef'), ('0123456789abcde\\\"'), ('01234567' || char(13) || '89abcdef'), ('0123456789abcde' || char(10)), ('四星级四星级四星级四星级'), ('')) SELECT json_extract(json_array(v, ','), '\$[0]'), v || v FROM t\"); undefined"
/usr/bin/python3 -c "import csv, sys; rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))
want = ['0123456789abcdef', ',123456789abcdef', '0123456789abcde\"', '01234567\r89abcdef', '0123456789abcde\n', '四星级' * 4, '']
raw = open(sys.argv[1], encoding='utf-8', newline='').read()
plain = ['0123456789abcdef,' + '0123456789abcdef' * 2, '四星级' * 4 + ',' + '四星级' * 8, ',']
sys.exit(0 if rows == [[v, v + v] for v in want] and all(('\n' + p + '\n') in '\n' + raw for p in plain) else 1)" "$WORK/q.csv"
check $? "sqlPrint: long fields quoted for a comma, quote, CR or LF alone and otherwise not"
"$CERTSH" init "$WORK/q.db" > /dev/null
"$CERTSH" --db "$WORK/q.db" -e "var b = '91330100MA2B00001'; orgs.create({ name: '杭州,某某有限公司\"A\"', uscc: b + uscc.check(b + '0').expected, staff: 3, address: '浙江省杭州市西湖区文三路90号', facts: { licence: 'L-1', list: 'none' } }); undefined" > /dev/null 2>&1
"$CERTSH" --db "$WORK/q.db" -e "sqlPrint('SELECT name, uscc, staff, address FROM orgs'); undefined" > "$WORK/t.csv" 2>&1
/usr/bin/python3 -c "import csv, sys; raw = open(sys.argv[1], encoding='utf-8', newline='').read()
sys.exit(0 if list(csv.reader([raw])) == [['杭州,某某有限公司\"A\"', '91330100MA2B000018', '3', '浙江省杭州市西湖区文三路90号']]
  and raw.endswith(',91330100MA2B000018,3,浙江省杭州市西湖区文三路90号\n') else 1)" "$WORK/t.csv"
check $? "sqlPrint: a table's texts, read from its rows, quoted only where needed"
expect "sqlPrint refuses writes" 1 "" "$CERTSH" $M -e "sqlPrint('DELETE FROM events')"
stderr_has "read-only"; check $? "  saying the query is read-only"
expect "sqlPrint with params not in an array is refused" 1 "" "$CERTSH" $M -e "sqlPrint('SELECT ?', 5)"
stderr_has "params must be an array"; check $? "  naming params"

# ES6 syntax: the parse error says which ES5 form to write (scripts are ES5.1 + Duktape 2.7)
es6() { # es6 NAME SOURCE HINT: -e SOURCE fails (exit 1) with a hint naming HINT
  expect "ES6 $1 is refused" 1 "" "$CERTSH" $M -e "$2"
  grep -q "^hint: certsh scripts are ES5.1 (Duktape 2.7): .*$3" "$WORK/stderr"; check $? "  with a hint to write $3"
}
es6 let "let x = 1" "var x = "
es6 "an arrow function" "[1, 2].map(x => x * 2)" "function (x) { return"
es6 "a template literal" 'var s = `a ${1}`' "'text ' + value"
es6 class "class A {}" "a constructor function"
es6 "for of" "for (var x of [1]) {}" "list.forEach"
es6 destructuring "var {a, b} = {a: 1}" "var a = o.a"
es6 spread "Math.max(...[1, 2])" "f.apply(null, list)"
es6 "a default parameter" "function f(a = 1) {}" "if (x === undefined)"
expect "no hint for ES5 that fails for another reason (=> inside a string)" 1 "" "$CERTSH" $M -e "var x = 'a => b' +"
! grep -q "^hint:" "$WORK/stderr"; check $? "  (no hint)"
printf 'x = 1\nlet y = 2\n' > "$WORK/es6.js"
expect "run FILE: the hint for the line the error names" 1 "" "$CERTSH" $M run "$WORK/es6.js"
grep -q "^hint: .*instead of \`let\`" "$WORK/stderr"; check $? "  names let"

# usage errors exit 2 everywhere: the commands' own operands and the jobs' arguments
expect "test with an unknown option exits 2" 2 "" "$CERTSH" test --bogus
expect "import with an unknown --encoding exits 2" 2 "" "$CERTSH" $M import orgs "$WORK/none.csv" --encoding latin9
stderr_has "encoding 'latin9' must be"; check $? "  naming the encoding"
for job in reminders.js plan.js; do
  expect "examples/$job --format xml exits 2" 2 "" "$CERTSH" $M run "$SRC/examples/$job" --format xml
done
expect "examples/demo-register.js --orgs x exits 2" 2 "" "$CERTSH" $M run "$SRC/examples/demo-register.js" --orgs x
expect "a certsh option after run FILE exits 2" 2 "" "$CERTSH" $M run "$SRC/examples/reminders.js" --as-of 2026-01-15
stderr_has "is an option of certsh itself: give it before run"; check $? "  with a hint to give it before run"

# --read-only: reads, verify and export work; every write is refused naming --read-only
"$CERTSH" init "$WORK/ro.db" > /dev/null && "$CERTSH" --db "$WORK/ro.db" -e "core.person.create({name: '张三'})" > /dev/null
expect "--read-only reads" 0 "张三" "$CERTSH" --read-only --db "$WORK/ro.db" -e "sql('SELECT name FROM people')[0].name"
expect "--read-only refuses a write" 1 "" "$CERTSH" --read-only --db "$WORK/ro.db" -e "core.person.create({name: '李四'})"
stderr_has "open read-only (--read-only)"; check $? "  naming --read-only"
[ "$(sqlite3 "$WORK/ro.db" 'SELECT count(*) FROM events')" = 1 ]; check $? "  and nothing was written"
expect "--read-only refuses an import" 1 "" "$CERTSH" --read-only --db "$WORK/ro.db" import orgs /dev/null
stderr_has "(--read-only)"; check $? "  naming --read-only"
out=$(printf 'core.person.create({name: "x"})\n' | "$CERTSH" --read-only --db "$WORK/ro.db" 2>&1); rc=$?
[ $rc = 1 ] && printf '%s' "$out" | grep -q -- "--read-only"; check $? "--read-only REPL refuses a write (exit $rc): $out"
"$CERTSH" --read-only --db "$WORK/ro.db" verify > /dev/null; check $? "--read-only verify works"
expect "--read-only on :memory: refuses a write" 1 "" "$CERTSH" --read-only $M -e "core.person.create({name: '李四'})"

# walkthroughs and demo builders refuse a register that holds records unless --into-nonempty
for job in walkthrough-cas.js cycle.js demo-register.js; do
  expect "examples/$job on a register holding records exits 2" 2 "" "$CERTSH" --db "$WORK/ro.db" --timeout 0 run "$SRC/examples/$job"
  stderr_has "already holds 1 recorded event; nothing was written"; check $? "  saying why"
done
[ "$(sqlite3 "$WORK/ro.db" 'SELECT count(*) FROM events')" = 1 ]; check $? "  and nothing was written"
out=$(printf '.load %s\n' "$SRC/examples/walkthrough-dni.js" | "$CERTSH" --db "$WORK/ro.db" 2>&1); rc=$?
[ $rc = 1 ] && printf '%s' "$out" | grep -q "into-nonempty"; check $? ".load of a walkthrough on that register is refused (exit $rc)"
"$CERTSH" --db "$WORK/ro.db" run "$SRC/examples/walkthrough-cfc.js" --into-nonempty > /dev/null 2>&1
check $? "  --into-nonempty adds to it"
expect "a walkthrough with another argument exits 2" 2 "" "$CERTSH" $M run "$SRC/examples/walkthrough-cas.js" --x

out=$("$CERTSH" --help); rc=$?
[ $rc = 0 ] && printf '%s' "$out" | grep -q "certsh \[OPTIONS\] run FILE" && printf '%s' "$out" | grep -q -- "--as-of"
check $? "--help lists the commands and options (exit $rc)"
out=$("$CERTSH" --version); rc=$?
[ $rc = 0 ] && printf '%s' "$out" | grep -Eq "^certsh [0-9]+\.[0-9]+"; check $? "--version prints the version: $out"
finish
