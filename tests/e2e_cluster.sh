#!/bin/bash
# The register on a 3-node dqlite cluster (issue 18). Three `certsh serve` nodes, each in a network
# namespace of its own that the test makes (ip netns; veth pairs on a bridge in a fourth
# namespace, where the clients run), so no traffic leaves them; where namespaces cannot be made
# (not root, no `ip`), on the loopback addresses 127.0.0.2-4. Writers through every node; the
# leader killed with SIGKILL mid-run: no acknowledged command lost, none applied twice, `certsh
# verify` passes, writes resume within a bounded time (reported); a node cut off from the others
# (its link taken down; on loopback the other two are stopped with SIGSTOP) refuses writes and
# nothing it was asked is written, while the other two go on taking writes, and once reconnected
# it catches up (its own files, dumped from it alone, hold every row and verify); Debian's
# go-dqlite shell (an independent client of the wire protocol) reads the same rows as certsh.
# Bounded: WRITERS x COMMANDS commands (3 x 12, or 3 x 60 with CERTSH_EXTENDED=1), every wait
# has a limit, and the nodes and namespaces are removed on exit.
# Usage: bash tests/e2e_cluster.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1")
SRC=$(realpath "$2")
. "$SRC/tests/rel_lib.sh"
WORK=$(mktemp -d)
PIDS=()
NETNS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -CONT "$p" 2>/dev/null; kill -KILL "$p" 2>/dev/null; done
  wait 2>/dev/null
  for n in "${NETNS[@]}"; do ip netns delete "$n" 2>/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT
unset CERTSH_DB CERTSH_PATH
export TMPDIR=$WORK   # the clients' local copies, removed with it
export CERTSH_CLUSTER_CACHE=$WORK/cache   # and the copies kept between commands
cd "$WORK" || exit 1
COMMANDS=12
[ "${CERTSH_EXTENDED:-}" = 1 ] && COMMANDS=60

if ! command -v dqlite > /dev/null; then
  echo "SKIP: Debian's go-dqlite shell (dqlite) is not installed: build.sh's TEST_PACKAGES has go-dqlite"; exit 77
fi

# the network: namespaces when they can be made here, else loopback addresses. A namespace is
# entered with nsenter --net (only the network: `ip netns exec` and `ip -n` also remount /sys,
# which a chroot's root, not a mount point, refuses)
HUB=certsh-$$-hub
# in_ns NS COMMAND…: run COMMAND in network namespace NS (nsenter execs it: $! is COMMAND)
in_ns() { local ns=$1; shift; nsenter --net="/run/netns/$ns" "$@"; }
if [ "$(id -u)" = 0 ] && command -v ip > /dev/null && command -v nsenter > /dev/null && ip netns add "$HUB" 2> /dev/null; then
  NETNS+=("$HUB")
  NET=netns
  NETWORK=10.$((RANDOM % 200 + 20)).$((RANDOM % 250 + 1))
  HOST=("$NETWORK.1" "$NETWORK.2" "$NETWORK.3")
  in_ns "$HUB" ip link set lo up && in_ns "$HUB" ip link add br0 type bridge && in_ns "$HUB" ip link set br0 up &&
    in_ns "$HUB" ip addr add "$NETWORK.100/24" dev br0
  check $? "the clients' namespace $HUB with a bridge on $NETWORK.0/24"
  for i in 0 1 2; do
    ns=certsh-$$-n$i
    ip netns add "$ns" && NETNS+=("$ns") && in_ns "$ns" ip link set lo up &&
      ip link add "v$i" netns "$ns" type veth peer name "h$i" netns "$HUB" &&
      in_ns "$ns" ip addr add "${HOST[$i]}/24" dev "v$i" && in_ns "$ns" ip link set "v$i" up &&
      in_ns "$HUB" ip link set "h$i" master br0 && in_ns "$HUB" ip link set "h$i" up
    check $? "node $((i + 1))'s namespace $ns at ${HOST[$i]}, linked to the bridge"
  done
  [ "$fails" = 0 ] || finish
  IN_HUB=(nsenter --net="/run/netns/$HUB")
  in_node() { local i=$1; shift; in_ns "certsh-$$-n$i" "$@"; }
  # cut I / mend I: take node I's link to the others down, and up again
  cut() { in_ns "$HUB" ip link set "h$1" down; }
  mend() { in_ns "$HUB" ip link set "h$1" up; }
else
  NET=loopback
  HOST=(127.0.0.2 127.0.0.3 127.0.0.4)
  if ! python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.2", 0))' 2> /dev/null; then
    echo "SKIP: no network namespace can be made here and the loopback address 127.0.0.2 cannot be bound"; exit 77
  fi
  IN_HUB=()
  in_node() { shift; "$@"; }
  cut() { local o1=$((($1 + 1) % 3)) o2=$((($1 + 2) % 3)); kill -STOP "${PID[$o1]}" "${PID[$o2]}"; }
  mend() { local o1=$((($1 + 1) % 3)) o2=$((($1 + 2) % 3)); kill -CONT "${PID[$o1]}" "${PID[$o2]}"; }
fi
echo "network: $NET (${HOST[*]})"
# hub COMMAND…: run a client where the clients are (the fourth namespace, or here)
hub() { "${IN_HUB[@]}" "$@"; }

# start_node I [--join ADDR]: node I+1 at HOST[I]:PORT in dir nI; its pid in PID[I].
start_node() {
  local i=$1; shift
  local at=(); [ "$NET" = netns ] && at=(nsenter --net="/run/netns/certsh-$$-n$i") # nsenter execs certsh: $! is the node
  "${at[@]}" "$CERTSH" serve --id $((i + 1)) --address "${HOST[$i]}:$PORT" --dir "n$i" "$@" >> "n$i.log" 2>&1 &
  PID[$i]=$!
  PIDS+=("$!")
}
# served I: wait (at most 30 s) until node I says it serves.
served() {
  for _ in $(seq 1 300); do
    [ "$(grep -c serving "n$1.log" 2> /dev/null)" -ge "${2:-1}" ] && return 0
    kill -0 "${PID[$1]}" 2> /dev/null || return 1
    sleep 0.1
  done
  return 1
}
# a port free on the three addresses, the cluster started on it (three tries)
for try in 1 2 3; do
  PORT=$((20000 + (RANDOM % 20000)))
  rm -rf n0 n1 n2 n*.log
  start_node 0 && served 0 || continue
  start_node 1 --join "${HOST[0]}:$PORT"
  start_node 2 --join "${HOST[0]}:$PORT"
  served 1 && served 2 && break
done
ALL="${HOST[0]}:$PORT,${HOST[1]}:$PORT,${HOST[2]}:$PORT"
voters=$(hub timeout 10 dqlite -s "$ALL" reg .cluster 2>&1 | grep -c voter)
[ "$voters" = 3 ]; check $? "3 nodes serve on ${HOST[*]} port $PORT, all voters ($voters)"
[ "$voters" = 3 ] || { cat n*.log; finish; }

URL="dqlite://$ALL/reg"
hub "$CERTSH" init "$URL" > init.out 2>&1; check $? "certsh init $URL: $(cat init.out)"
hub "$CERTSH" --db "$URL" init > /dev/null 2>&1; [ $? = 1 ]; check $? "a second init of the same NAME is refused"
hub "$CERTSH" --db "dqlite://$ALL/nosuch" verify > nosuch.out 2>&1
[ $? = 1 ] && grep -q "certsh init" nosuch.out; check $? "a NAME with no register is refused, not created: $(cat nosuch.out)"

# writer W HOME: COMMANDS people.create commands through node HOME first (then the others);
# a command refused with "nothing of it was written" is run again (at most 30 times); each
# acknowledged name is logged with its start and end times, every other outcome kept for the checks.
writer() {
  local w=$1 home=$2 url="dqlite://${HOST[$2]}:$PORT,$ALL/reg"
  for i in $(seq 1 "$COMMANDS"); do
    local name="审核员𠮷-w$w-$i" tries=0
    while :; do
      local start; start=$(date +%s.%N)
      out=$(hub timeout 90 "$CERTSH" --db "$url" -e "people.create({name: '$name'}).id" 2>&1); rc=$?
      if [ $rc = 0 ]; then echo "$name $start $(date +%s.%N)" >> acked; break; fi
      tries=$((tries + 1))
      if [ $tries -lt 30 ] && printf '%s' "$out" | grep -q "nothing of it was written\|nothing was written\|cannot reach\|cannot fetch"; then
        echo "$name retry: $out" >> retried; sleep 0.2; continue
      fi
      echo "$name rc=$rc $out" >> unacked; break
    done
  done
}
: > acked; : > unacked; : > retried
for w in 0 1 2; do writer "$w" "$w" & WRITERS[$w]=$!; done
# kill the leader once a third of the commands are acknowledged (at most 60 s)
for _ in $(seq 1 600); do [ "$(wc -l < acked)" -ge "$COMMANDS" ] && break; sleep 0.1; done
leader=$(hub timeout 10 dqlite -s "$ALL" reg .leader 2>/dev/null)
K=-1
for i in 0 1 2; do [ "$leader" = "${HOST[$i]}:$PORT" ] && K=$i; done
[ $K -ge 0 ]; check $? "the leader is known ($leader)"
before=$(wc -l < acked)
killed_at=$(date +%s.%N)
kill -KILL "${PID[$K]}"
for w in 0 1 2; do wait "${WRITERS[$w]}"; done
# resumed: from the kill to the first acknowledgement of a command started after it
after=$(awk -v t="$killed_at" '$2 > t' acked | wc -l)
resumed=$(awk -v t="$killed_at" '$2 > t { d = $3 - t; if (m == "" || d < m) m = d } END { printf "%.2f", m }' acked)
echo "leader $leader killed after $before acknowledged commands; $after acknowledged after it; first write after the kill: ${resumed} s; $(wc -l < retried) retries"
[ "$after" -gt 0 ] && awk -v r="$resumed" 'BEGIN { exit !(r < 30) }'; check $? "writes resumed ${resumed} s after the leader was killed (bound 30 s)"
[ ! -s unacked ]; check $? "every command was acknowledged or refused with nothing written ($(wc -l < unacked) others: $(head -c 300 unacked))"

# what the cluster holds: each acknowledged name exactly once, no name twice
hub "$CERTSH" --db "$URL" --json -e "sql('SELECT name, count(*) n FROM people GROUP BY name ORDER BY name')" > names.json 2> names.err
check $? "certsh reads the people back: $(head -c 200 names.err)"
python3 - "$WORK" > names.check << 'EOF'
import json, sys, os
w = sys.argv[1]
rows = json.load(open(os.path.join(w, "names.json")))
have = {r["name"]: r["n"] for r in rows}
acked = [l.split()[0] for l in open(os.path.join(w, "acked"))]
lost = [n for n in acked if n not in have]
twice = [n for n, k in have.items() if k > 1]
print(len(acked), len(have), " ".join(lost[:5]) or "-", " ".join(twice[:5]) or "-")
EOF
read -r nacked nhave lost twice < names.check
[ "$lost" = - ]; check $? "no acknowledged command lost ($nacked acknowledged, $nhave names in the register; lost: $lost)"
[ "$twice" = - ]; check $? "no command applied twice (names twice: $twice)"
hub "$CERTSH" --db "$URL" verify > verify.out 2>&1; check $? "certsh verify on the cluster: $(head -1 verify.out)"
events=$(sed -n 's/^verify: ok, \([0-9]*\) events.*/\1/p' verify.out)
[ "$events" = "$nhave" ]; check $? "one event per person written ($events events, $nhave people)"

# the independent client: go-dqlite's shell reads the same rows
hub timeout 20 dqlite -s "$ALL" reg "SELECT name FROM people ORDER BY name" > shell.txt 2>&1
python3 -c "import json; print('\n'.join(r['name'] for r in json.load(open('names.json'))))" > mine.txt
[ -s shell.txt ] && cmp -s shell.txt mine.txt; check $? "go-dqlite's shell reads the same $(wc -l < shell.txt) names as certsh"
hub timeout 20 dqlite -s "$ALL" reg "SELECT name FROM people WHERE name = '审核员𠮷-w0-1'" > title.txt 2>&1
[ "$(cat title.txt)" = "审核员𠮷-w0-1" ]; check $? "Chinese text outside the BMP intact through both clients ($(cat title.txt))"

# the copies kept between commands: a command after another office wrote catches up by the
# cluster's changes instead of fetching the whole register, and reads what a fetch reads
hub "$CERTSH" --db "$URL" -e "people.create({name: 'kept-1'}).id" > /dev/null 2>&1
hub env CERTSH_CLUSTER_TRACE=1 "$CERTSH" --db "$URL" --json -e "sql('SELECT * FROM people ORDER BY id')" > kept.json 2> kept.trace
grep -q "caught up from event [0-9]* to [0-9]* by 1 changes" kept.trace; check $? "a command after one write catches its kept copy up by that change: $(head -1 kept.trace)"
hub env CERTSH_CLUSTER_CACHE=off CERTSH_CLUSTER_TRACE=1 "$CERTSH" --db "$URL" --json -e "sql('SELECT * FROM people ORDER BY id')" > whole.json 2> whole.trace
grep -q "fetched the whole register" whole.trace && [ -s kept.json ] && cmp -s kept.json whole.json
check $? "and reads the same $(grep -o '"id"' kept.json | wc -l) people as a command that fetches the whole register ($(head -1 whole.trace))"

# the killed node restarts from its folder and rejoins; then it is cut off from the other two
start_node "$K"
served "$K" 2; check $? "the killed node restarts from its folder"
sleep 1
cut "$K"
t0=$(date +%s)
# a clerk at the cut-off office, on its own node (in its namespace, where only that node is reachable)
in_node "$K" env CERTSH_CLUSTER_WAIT=4 timeout 60 "$CERTSH" --db "dqlite://${HOST[$K]}:$PORT/reg" -e "people.create({name: 'cut-off'}).id" > cut.out 2>&1
rc=$?; t1=$(date +%s)
[ $rc != 0 ] && grep -q "nothing" cut.out; check $? "node $((K + 1)), cut off from the others ($NET), refuses the write in $((t1 - t0)) s: $(head -c 240 cut.out)"
if [ "$NET" = netns ]; then # the other two are a majority: they go on taking writes meanwhile
  O1=$(((K + 1) % 3)); O2=$(((K + 2) % 3))
  hub timeout 60 "$CERTSH" --db "dqlite://${HOST[$O1]}:$PORT,${HOST[$O2]}:$PORT/reg" -e "people.create({name: 'during-cut'}).id" > during.out 2>&1
  check $? "the other two nodes take writes while node $((K + 1)) is cut off: $(head -c 200 during.out)"
fi
mend "$K"
hub "$CERTSH" --db "$URL" -e "people.create({name: 'after-cut'}).id" > after.out 2>&1
check $? "the cluster takes writes again once the cut is mended: $(head -c 200 after.out)"
n=$(hub "$CERTSH" --db "$URL" -e "sql(\"SELECT count(*) n FROM people WHERE name = 'cut-off'\")[0].n" 2>&1)
[ "$n" = 0 ]; check $? "the write refused while cut off was not applied anywhere ($n rows)"
# the node that was killed and cut off holds every row itself: its own files, dumped from it
total=$(hub "$CERTSH" --db "$URL" -e "sql('SELECT count(*) n FROM people')[0].n")
mkdir own && caught=no
for _ in $(seq 1 50); do
  rm -f own/reg own/reg-wal
  (cd own && hub timeout 10 dqlite -s "${HOST[$K]}:$PORT" reg ".dump ${HOST[$K]}:$PORT reg" > /dev/null 2>&1)
  [ "$(sqlite3 own/reg 'SELECT count(*) FROM people' 2>/dev/null)" = "$total" ] && { caught=yes; break; }
  sleep 0.2
done
[ $caught = yes ]; check $? "node $((K + 1)) caught up: its own files hold all $total people"
hub "$CERTSH" --db own/reg verify > own.out 2>&1; check $? "node $((K + 1))'s own files verify: $(head -1 own.out)"

# the README's whole cycle (cases, audits, findings, decisions, a certificate and its updates)
# on the cluster: the same output as on a file, and it verifies there
sed -n '/^```js/,/^```$/p' "$SRC/README.md" | sed '1d;$d' > cycle.js
hub "$CERTSH" init cycle.db > /dev/null && hub "$CERTSH" copy cycle.db "dqlite://$ALL/cycle" > /dev/null
hub "$CERTSH" --db "dqlite://${HOST[1]}:$PORT/cycle" run cycle.js > cycle.cluster 2>&1; rc=$?
hub "$CERTSH" --db cycle.db run cycle.js > cycle.file 2>&1
[ $rc = 0 ] && [ -s cycle.file ] && cmp -s cycle.cluster cycle.file; check $? "the README's cycle runs on the cluster as on a file (exit $rc, $(wc -l < cycle.file) lines)"
hub env CERTSH_CLUSTER_TRACE=1 "$CERTSH" --db "dqlite://$ALL/cycle" verify > cycle.verify 2> cycle.trace; check $? "and verifies there: $(head -1 cycle.verify)"
grep -q "caught up from event 0 to [1-9][0-9]* by [1-9][0-9]* changes" cycle.trace
check $? "verified on a copy kept from before the cycle and caught up by its changes, each case's cycle facts included: $(head -1 cycle.trace)"

# a copy that has not finished (its mark table still there, as certsh copy leaves it until its
# last transaction) is refused, not read half-written
hub timeout 20 dqlite -s "$ALL" half "CREATE TABLE certsh_unfinished_copy(since TEXT)" > /dev/null 2>&1
hub "$CERTSH" --db "dqlite://$ALL/half" verify > half.out 2>&1
[ $? = 1 ] && grep -q "unfinished copy" half.out; check $? "an unfinished copy is refused: $(head -c 200 half.out)"

# backup and restore through a file, verified on both sides
hub "$CERTSH" copy "$URL" backup.db > backup.out 2>&1; check $? "certsh copy to a file: $(tail -1 backup.out)"
hub "$CERTSH" copy backup.db "dqlite://$ALL/restored" > restore.out 2>&1; check $? "certsh copy the file to a new NAME: $(tail -1 restore.out)"
[ "$(tail -1 backup.out)" = "$(tail -1 restore.out)" ]; check $? "the restored register ends at the same head"
finish
