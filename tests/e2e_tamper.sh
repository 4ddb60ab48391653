#!/bin/bash
# Tamper evidence (issue 6; CAS §11 "electronic records in a non-editable form"): after dropping
# the log's triggers with the sqlite3 shell, alter, delete, insert and reorder events, and change
# state rows without an event; `certsh verify` must exit 1 naming the first bad record each time.
# Usage: bash tests/e2e_tamper.sh CERTSH SOURCE_DIR
set -u
CERTSH=$1
. "$2/tests/rel_lib.sh"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PRISTINE=$WORK/pristine.db

orgs_csv 6 "$WORK/orgs.csv"
"$CERTSH" init "$PRISTINE" > /dev/null
"$CERTSH" --db "$PRISTINE" import orgs "$WORK/orgs.csv" > /dev/null 2>&1
N=$(events "$PRISTINE")
[ "$N" -ge 6 ] ; check $? "the pristine register has $N events"
verified "$PRISTINE"; check $? "the pristine register verifies"

# The triggers refuse the naive edits even before anyone drops them.
sqlite3 "$PRISTINE" "UPDATE events SET actor = 'mallory' WHERE seq = 1" 2>/dev/null
[ $? != 0 ]; check $? "the events table refuses UPDATE while its trigger stands"
sqlite3 "$PRISTINE" "DELETE FROM events WHERE seq = 1" 2>/dev/null
[ $? != 0 ]; check $? "the events table refuses DELETE while its trigger stands"

# rehash DB FROM [TO]: recompute prev and hash of events FROM to TO (default: the last), as a
# forger who knows the algorithm would.
rehash() {
  python3 - "$1" "$2" "${3:-999999999}" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1]); start, end = int(sys.argv[2]), int(sys.argv[3])
rows = db.execute("SELECT seq, as_of, wall, actor, kind, subject, payload FROM events ORDER BY seq").fetchall()
prev = "0" * 64
for seq, *f in rows:
    h = hashlib.sha256("\x1f".join([prev, str(seq)] + f).encode()).hexdigest()
    if start <= seq <= end:
        db.execute("UPDATE events SET prev = ?, hash = ? WHERE seq = ?", (prev, h, seq))
    prev = db.execute("SELECT hash FROM events WHERE seq = ?", (seq,)).fetchone()[0]
db.commit()
PY
}

# tamper NAME SQL PATTERN [REHASH_FROM [REHASH_TO]]: apply SQL to a copy (triggers dropped first),
# optionally re-forge hashes, and expect verify to fail with PATTERN on stderr.
tamper() {
  local name=$1 sql=$2 pattern=$3 db=$WORK/t.db
  rm -f "$db" "$db-wal" "$db-shm"
  sqlite3 "$PRISTINE" ".backup '$db'"
  sqlite3 "$db" "DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete; $sql" || { check 1 "$name: sqlite3 refused the edit"; return; }
  [ -n "${4:-}" ] && rehash "$db" "$4" "${5:-}"
  local out rc
  out=$("$CERTSH" --db "$db" verify 2>&1); rc=$?
  [ $rc = 1 ] && printf '%s' "$out" | grep -q -- "$pattern"
  check $? "$name: verify exits 1 (got $rc) naming the first bad record: $out"
}

tamper "alter an event's payload"        "UPDATE events SET payload = replace(payload, '测试组织 3', '别的组织') WHERE seq = 3" \
  "FAILED at event 3 (org.create org:3): its hash does not match its contents"
tamper "alter an event's actor"          "UPDATE events SET actor = 'mallory' WHERE seq = 2" \
  "FAILED at event 2 (org.create org:2): its hash does not match"
tamper "alter an event's date"           "UPDATE events SET as_of = '2001-01-01' WHERE seq = 4" "FAILED at event 4 "
tamper "alter only a stored hash"        "UPDATE events SET hash = replace(hash, substr(hash, 1, 1), 'x') WHERE seq = 5" \
  "FAILED at event 5 "
tamper "alter an event and forge its own hash" \
  "UPDATE events SET payload = replace(payload, '\"staff\":4', '\"staff\":400') WHERE seq = 3" \
  "FAILED at event 4 (org.create org:4): its previous-hash does not match event 3" 3 3
tamper "alter an event, forge the whole chain after it" \
  "UPDATE events SET payload = replace(payload, '\"staff\":4', '\"staff\":400') WHERE seq = 3" \
  "FAILED at org:3: the row in orgs differs from what event 3 recorded" 3
tamper "delete an event in the middle"   "DELETE FROM events WHERE seq = 3" \
  "FAILED at event 4: expected event 3 here; events 3 to 3 are missing"
tamper "delete the first event"          "DELETE FROM events WHERE seq = 1" "FAILED at event 2: expected event 1 here"
tamper "delete the last event"           "DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)" \
  "has no event in the record log"
tamper "delete the whole log"            "DELETE FROM events" "FAILED at org:1: the row in orgs has no event in the record log"
tamper "insert a forged event at the end" \
  "INSERT INTO events SELECT seq + 1, as_of, wall, actor, kind, 'org:99', payload, hash, hash FROM events WHERE seq = (SELECT max(seq) FROM events)" \
  "its hash does not match its contents"
tamper "insert a forged event with a forged chain" \
  "INSERT INTO events SELECT seq + 1, as_of, wall, actor, 'org.create', 'org:99', payload, '', '' FROM events WHERE seq = (SELECT max(seq) FROM events)" \
  "FAILED at org:99: the row in orgs was deleted without an event" 1
tamper "insert an event in the middle"   "UPDATE events SET seq = seq + 100 WHERE seq >= 3; UPDATE events SET seq = seq - 99 WHERE seq >= 103;
  INSERT INTO events SELECT 3, as_of, wall, actor, kind, subject, payload, prev, hash FROM events WHERE seq = 2" \
  "FAILED at event 3 (org.create org:2): its previous-hash does not match event 2"
tamper "reorder two events"              "UPDATE events SET seq = -1 WHERE seq = 2; UPDATE events SET seq = 2 WHERE seq = 3; UPDATE events SET seq = 3 WHERE seq = -1" \
  "FAILED at event 2 (org.create org:3): its previous-hash does not match event 1"
tamper "change a state row without an event" "UPDATE orgs SET staff = 999 WHERE id = 4" \
  "FAILED at org:4: the row in orgs differs from what event 4 recorded"
tamper "change Chinese text in a state row" "UPDATE orgs SET name = '测试组织 五' WHERE id = 5" \
  "FAILED at org:5: the row in orgs differs"
tamper "delete a state row without an event" "DELETE FROM orgs WHERE id = 6" \
  "FAILED at org:6: the row in orgs was deleted without an event"
tamper "insert a state row without an event" \
  "INSERT INTO orgs(name, uscc, staff, created) VALUES ('幽灵组织', '91110000999999999X', 5, '2024-01-01')" \
  "FAILED at org:7: the row in orgs has no event in the record log"
tamper "renumber a state row"            "UPDATE orgs SET id = 60 WHERE id = 6" "FAILED at org:"

finish
