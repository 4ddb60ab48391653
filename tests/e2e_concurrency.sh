#!/bin/bash
# Concurrency (issue 6): 4 writer and 4 reader processes on one database, started together on a
# database that is an empty file (so they also race to migrate it). Writers run
# two-step commands (create + update, one transaction each), split over several processes each;
# readers query, stream and verify. Ends with zero "database is locked"/busy errors reaching
# the user, every process exit 0, exactly the events expected (none lost or duplicated) and a
# verified chain. Default: 40 commands per writer; extended mode: 1000.
# Usage: bash tests/e2e_concurrency.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
SRC=$2
. "$SRC/tests/rel_lib.sh"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if extended; then OPS=1000; ROUNDS=10; READS=300; else OPS=40; ROUNDS=4; READS=20; fi
DB=$WORK/register.db
: > "$DB" # an empty file: the processes race to migrate it (only certsh init creates a register)
changes_js "$WORK/changes.js"
cat > "$WORK/reader.js" <<'JS'
var n = Number(args[0]);
for (var i = 0; i < n; i++) {
  var orgs = sql('SELECT count(*) AS n FROM orgs')[0].n;
  var seen = sqlEach('SELECT seq, subject FROM events ORDER BY seq DESC LIMIT 50', function () {});
  if (seen > 50) throw new Error('sqlEach saw ' + seen + ' rows');
  if (i % 10 === 0) {
    var v = log.verify();
    if (!v.ok) throw new Error('verify failed under load: ' + v.bad);
  }
  if (orgs < 0) throw new Error('impossible');
}
print('reader done');
JS

# writer W: ROUNDS processes one after the other, each OPS/ROUNDS commands, each its own range.
writer() {
  local w=$1 per=$((OPS / ROUNDS)) r
  for r in $(seq 0 $((ROUNDS - 1))); do
    "$CERTSH" --db "$DB" --timeout 0 run "$WORK/changes.js" $((w * 1000000 + r * per)) $per || echo "writer $w round $r: exit $?" >&2
  done
}
# reader R: queries in one process, then a few short ones.
reader() {
  "$CERTSH" --db "$DB" --timeout 0 run "$WORK/reader.js" "$READS" > /dev/null || echo "reader $1: exit $?" >&2
  for r in 1 2 3; do
    "$CERTSH" --db "$DB" -e "sql('SELECT count(*) AS n FROM events')[0].n" > /dev/null || echo "reader $1 query $r: exit $?" >&2
  done
}

t0=$(date +%s%N)
pids=()
for w in 1 2 3 4; do writer $w 2> "$WORK/writer$w.err" & pids+=($!); done
for r in 1 2 3 4; do reader $r 2> "$WORK/reader$r.err" & pids+=($!); done
for p in "${pids[@]}"; do wait "$p"; done
t1=$(date +%s%N)

cat "$WORK"/*.err > "$WORK/all.err"
[ ! -s "$WORK/all.err" ]; check $? "all 8 processes ended well; stderr: $(head -c 300 "$WORK/all.err")"
! grep -q -i -E 'locked|busy' "$WORK/all.err"; check $? "no 'database is locked' or busy error reached the user"
want=$((4 * OPS * 2))
got=$(events "$DB")
[ "$got" = $want ]; check $? "events: $got of $want expected (4 writers × $OPS commands × 2 changes): none lost or duplicated"
[ "$(sqlite3 "$DB" 'SELECT count(DISTINCT subject || kind) FROM events')" = $want ]; check $? "each (subject, kind) logged exactly once"
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM orgs WHERE staff = 2')" = $((4 * OPS)) ]; check $? "every command complete: $((4 * OPS)) organisations with their update"
integrity "$DB" && verified "$DB"; check $? "integrity_check and certsh verify pass"
# A writer that cannot get the lock within the busy timeout (10 s) fails clearly and writes nothing.
e0=$(events "$DB")
sqlite3 "$DB" "BEGIN IMMEDIATE; SELECT 1;" ".system sleep 13" "COMMIT;" > /dev/null &
holder=$!
sleep 1
err=$("$CERTSH" --db "$DB" --timeout 0 run "$WORK/changes.js" 9000000 1 2>&1); rc=$?
wait $holder
[ $rc = 1 ] && printf '%s' "$err" | grep -q 'stayed locked by another process for 10 s; nothing was written'
check $? "a writer locked out for 10 s exits 1 (got $rc) saying so: $err"
[ "$(events "$DB")" = "$e0" ] && verified "$DB"; check $? "the locked-out writer wrote nothing"

echo "operations under concurrency: $((4 * OPS)) write commands ($want events) by $((4 * ROUNDS)) writer processes, $((4 * READS)) reader loops + 12 queries by 4 readers, in $(( (t1 - t0) / 1000000 )) ms"
finish
