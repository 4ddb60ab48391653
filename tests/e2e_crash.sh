#!/bin/bash
# Crash safety (issue 6): SIGKILL certsh at random moments during a large import, a script
# making many state changes, and a reminder run with --record; after every kill the database
# passes PRAGMA integrity_check, `certsh verify` passes, and each command is wholly present or
# wholly absent. Default: 8 kills per workload; extended mode (CERTSH_EXTENDED=1): 120 each.
# CRASH_ONLY="import changes reminders" (any of them) limits the run to those workloads.
# Usage: bash tests/e2e_crash.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
SRC=$2
. "$SRC/tests/rel_lib.sh"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if extended; then KILLS=120; IMPORT_ROWS=20000; CHANGES=4000; DEMO_ORGS=2000; else KILLS=8; IMPORT_ROWS=3000; CHANGES=1000; DEMO_ORGS=150; fi
DB=$WORK/register.db
"$CERTSH" init "$DB" > /dev/null
changes_js "$WORK/changes.js"

# killed_at MAX_MS: sleep a random time below MAX_MS milliseconds.
random_sleep() {
  local ms=$(( (RANDOM * 32768 + RANDOM) % $1 ))
  sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
}

# kill_run MAX_MS CMD…: start CMD, SIGKILL it after a random time; 0 when the kill landed while
# it ran, 1 when it had already finished.
kill_run() {
  local max=$1; shift
  "$@" > /dev/null 2>&1 &
  local pid=$!
  random_sleep "$max"
  if kill -9 "$pid" 2>/dev/null; then wait "$pid" 2>/dev/null; return 0; fi
  wait "$pid" 2>/dev/null
  return 1
}

# duration_ms CMD…: how long CMD takes, in milliseconds.
duration_ms() {
  local t0 t1
  t0=$(date +%s%N); "$@" > /dev/null 2>&1; t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}

# survived LABEL: the database is whole and verifies after a kill.
survived() {
  integrity "$DB" && verified "$DB"
}

# want WORKLOAD: 0 when the run includes it.
want() { [ -z "${CRASH_ONLY:-}" ] || [[ " $CRASH_ONLY " == *" $1 "* ]]; }

total_landed=0
total_bad=0
# --- 1. a large import (one transaction): all rows or none -------------------------------------
if want import; then
orgs_csv "$IMPORT_ROWS" "$WORK/probe.csv" 900000000
rm -f "$WORK/probe.db"*; "$CERTSH" init "$WORK/probe.db" > /dev/null
MAX=$(duration_ms "$CERTSH" --db "$WORK/probe.db" import orgs "$WORK/probe.csv")
MAX=$((MAX * 9 / 10 + 20))
landed=0; bad=0
for k in $(seq 1 $KILLS); do
  orgs_csv "$IMPORT_ROWS" "$WORK/orgs.csv" $((k * IMPORT_ROWS))
  o0=$(sqlite3 "$DB" 'SELECT count(*) FROM orgs' 2>/dev/null || echo 0); e0=$(events "$DB" 2>/dev/null || echo 0)
  [ -f "$DB" ] || { o0=0; e0=0; }
  kill_run "$MAX" "$CERTSH" --db "$DB" import orgs "$WORK/orgs.csv" && landed=$((landed + 1))
  o1=$(sqlite3 "$DB" 'SELECT count(*) FROM orgs'); e1=$(events "$DB")
  do=$((o1 - o0)); de=$((e1 - e0))
  if ! survived || { [ $do != 0 ] && [ $do != "$IMPORT_ROWS" ]; } || [ $de != $do ]; then
    bad=$((bad + 1)); echo "  import kill $k: orgs +$do, events +$de, integrity/verify: $(sqlite3 "$DB" 'PRAGMA integrity_check' | head -1) / $("$CERTSH" --db "$DB" verify 2>&1)"
  fi
done
[ $bad = 0 ]; check $? "import of $IMPORT_ROWS rows killed $KILLS times ($landed mid-run): whole database, verified, all rows or none every time"
total_landed=$((total_landed + landed)); total_bad=$((total_bad + bad))
fi

# --- 2. a script making many state changes: each command (create + update) whole or absent --------
if want changes; then
MAX=$(duration_ms "$CERTSH" --db "$WORK/probe.db" --timeout 0 run "$WORK/changes.js" 800000000 "$CHANGES")
MAX=$((MAX * 9 / 10 + 20))
landed=0; bad=0
for k in $(seq 1 $KILLS); do
  first=$((100000000 + k * CHANGES))
  kill_run "$MAX" "$CERTSH" --db "$DB" --timeout 0 run "$WORK/changes.js" $first "$CHANGES" && landed=$((landed + 1))
  half=$(sqlite3 "$DB" "SELECT count(*) FROM orgs WHERE name LIKE '变更组织 %' AND staff <> 2")
  pairs=$(sqlite3 "$DB" "SELECT count(*) FROM orgs o WHERE name LIKE '变更组织 %' AND (SELECT count(*) FROM events WHERE subject = 'org:' || o.id) <> 2")
  if ! survived || [ "$half" != 0 ] || [ "$pairs" != 0 ]; then
    bad=$((bad + 1)); echo "  changes kill $k: $half half-done commands, $pairs orgs without exactly their 2 events"
  fi
done
[ $bad = 0 ]; check $? "a job of $CHANGES two-step commands killed $KILLS times ($landed mid-run): whole, verified, no half command"
total_landed=$((total_landed + landed)); total_bad=$((total_bad + bad))
fi

# --- 3. a reminder run with --record, on the demo register: its records whole or absent ---------
DEMO=$WORK/demo.db
"$CERTSH" init "$DEMO" > /dev/null
if ! want reminders; then
  :
elif "$CERTSH" --db "$DEMO" --as-of 2026-01-01 --timeout 0 run "$SRC/examples/demo-register.js" --orgs $DEMO_ORGS > /dev/null 2>&1 &&
   [ "$(sqlite3 "$DEMO" 'SELECT count(*) FROM certificates')" -gt 0 ]; then
  landed=0; bad=0; recording=0
  for k in $(seq 1 $KILLS); do
    # a different day each time, so that each run has new things to record
    day=$(date -d "2026-01-01 + $((k * 9)) days" +%F)
    rm -f "$WORK/ref.db"*; sqlite3 "$DEMO" ".backup '$WORK/ref.db'"
    e0=$(events "$DEMO")
    t=$(duration_ms "$CERTSH" --db "$WORK/ref.db" --as-of "$day" run "$SRC/examples/reminders.js" --record)
    full=$(( $(events "$WORK/ref.db") - e0 ))
    [ $full -gt 0 ] && recording=$((recording + 1))
    kill_run $((t * 12 / 10 + 30)) "$CERTSH" --db "$DEMO" --as-of "$day" run "$SRC/examples/reminders.js" --record && landed=$((landed + 1))
    de=$(( $(events "$DEMO") - e0 ))
    if ! integrity "$DEMO" || ! verified "$DEMO" || { [ $de != 0 ] && [ $de != $full ]; }; then
      bad=$((bad + 1)); echo "  reminder kill $k ($day): +$de events of $full"
    fi
  done
  [ $bad = 0 ]; check $? "reminder runs with --record killed $KILLS times ($landed mid-run; $recording of the runs had records to write): whole, verified, all records or none"
  total_landed=$((total_landed + landed)); total_bad=$((total_bad + bad))
else
  check 1 "reminder runs: the demo register could not be built (examples/demo-register.js)"
fi

echo "kills: $total_landed landed while certsh ran, $total_bad left a bad database"
finish
