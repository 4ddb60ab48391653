#!/bin/bash
# Tamper evidence (issue 6; CAS §11 "electronic records in a non-editable form"): after dropping
# the log's triggers with the sqlite3 shell, alter, delete, insert and reorder events, and change
# state rows without an event; `certsh verify` must exit 1 naming the first bad record each time.
# Usage: bash tests/e2e_tamper.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
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
keep = db.execute("SELECT sql FROM sqlite_master WHERE name = 'events_no_update'").fetchone()
if keep: db.execute("DROP TRIGGER events_no_update")
rows = db.execute("SELECT seq, format, as_of, wall, actor, kind, subject, payload, effective FROM events ORDER BY seq").fetchall()
prev = "0" * 64
for seq, fmt, *f in rows:
    h = hashlib.sha256("\x1f".join([prev, str(seq)] + f[:8 if fmt >= 2 else 7]).encode()).hexdigest()
    if start <= seq <= end:
        db.execute("UPDATE events SET prev = ?, hash = ? WHERE seq = ?", (prev, h, seq))
    prev = db.execute("SELECT hash FROM events WHERE seq = ?", (seq,)).fetchone()[0]
if keep: db.execute(keep[0])  # put back as it was, so that the schema looks untouched
db.commit()
PY
}

# tamper NAME SQL PATTERN [REHASH_FROM [REHASH_TO]]: apply SQL to a copy (triggers dropped first
# and put back after: forge), optionally re-forge hashes, and expect verify to fail with PATTERN.
# SCHEMA_SQL, when set, runs after instead, with the triggers left as SQL leaves them.
tamper() {
  local name=$1 sql=$2 pattern=$3 db=$WORK/t.db
  rm -f "$db" "$db-wal" "$db-shm"
  sqlite3 "$PRISTINE" ".backup '$db'"
  if [ -n "${SCHEMA_SQL:-}" ]; then sqlite3 "$db" "$sql"; else forge "$db" "$sql"; fi || { check 1 "$name: sqlite3 refused the edit"; return; }
  [ -n "${4:-}" ] && rehash "$db" "$4" "${5:-}"
  verify_fails "$db" "$pattern" "$name"
}

tamper "alter an event's payload"        "UPDATE events SET payload = replace(payload, '测试组织 3', '别的组织') WHERE seq = 3" \
  "FAILED at event 3 (org.create org:3): its hash does not match its contents"
tamper "alter an event's actor"          "UPDATE events SET actor = 'mallory' WHERE seq = 2" \
  "FAILED at event 2 (org.create org:2): its hash does not match"
tamper "alter an event's date"           "UPDATE events SET as_of = '2001-01-01' WHERE seq = 4" "FAILED at event 4 "
tamper "alter an event's effective date" "UPDATE events SET effective = '2001-01-01' WHERE seq = 4" \
  "FAILED at event 4 (org.create org:4): its hash does not match its contents"
tamper "pass an event off as written before effective dates" "UPDATE events SET format = 1 WHERE seq = 4" \
  "FAILED at event 4 (org.create org:4): its hash does not match its contents"
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
  "INSERT INTO events SELECT seq + 1, as_of, wall, actor, kind, 'org:99', payload, hash, hash, effective, format FROM events WHERE seq = (SELECT max(seq) FROM events)" \
  "its hash does not match its contents"
tamper "insert a forged event with a forged chain" \
  "INSERT INTO events SELECT seq + 1, as_of, wall, actor, 'org.create', 'org:99', payload, '', '', effective, format FROM events WHERE seq = (SELECT max(seq) FROM events)" \
  "FAILED at org:99: the row in orgs was deleted without an event" 1
tamper "insert an event in the middle"   "UPDATE events SET seq = seq + 100 WHERE seq >= 3; UPDATE events SET seq = seq - 99 WHERE seq >= 103;
  INSERT INTO events SELECT 3, as_of, wall, actor, kind, subject, payload, prev, hash, effective, format FROM events WHERE seq = 2" \
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

# issue 11, family 3: bytes after a NUL in any field of an event count
for field in as_of wall actor kind subject payload; do
  tamper "bytes after a NUL appended to the $field of an event" \
    "UPDATE events SET $field = CAST($field || char(0) || 'forged' AS TEXT) WHERE seq = 3" \
    "FAILED at event 3 .*its hash does not match its contents"
done
tamper "bytes after a NUL appended to an event's stored hash" \
  "UPDATE events SET hash = CAST(hash || char(0) || 'x' AS TEXT) WHERE seq = 2" "FAILED at event 2 "
tamper "bytes after a NUL appended to an event's previous-hash" \
  "UPDATE events SET prev = CAST(prev || char(0) || 'x' AS TEXT) WHERE seq = 2" "FAILED at event 2 .*previous-hash"

# the schema: tables, indexes, triggers and views as certsh's migrations make them
SCHEMA_SQL=1
tamper "drop the log's UPDATE trigger"   "DROP TRIGGER events_no_update" "FAILED at schema: trigger events_no_update is missing"
tamper "drop an impartiality trigger"    "DROP TRIGGER impartial_decider" "FAILED at schema: trigger impartial_decider is missing"
tamper "add a trigger that revives a withdrawn certificate" \
  "CREATE TRIGGER revive AFTER UPDATE OF status ON certificates WHEN NEW.status = 'withdrawn' BEGIN UPDATE certificates SET status = 'active' WHERE id = NEW.id; END" \
  "FAILED at schema: trigger revive is not certsh's"
tamper "weaken a trigger, keeping its name" \
  "DROP TRIGGER events_no_delete; CREATE TRIGGER events_no_delete BEFORE DELETE ON events WHEN 0 BEGIN SELECT RAISE(ABORT, 'the record log is append-only: DELETE refused'); END" \
  "FAILED at schema: trigger events_no_delete differs from what certsh's migrations create"
tamper "drop an index"                   "DROP INDEX events_subject" "FAILED at schema: index events_subject is missing"
tamper "add an index"                    "CREATE INDEX sneaky ON orgs(name)" "FAILED at schema: index sneaky is not certsh's"
tamper "add a table"                     "CREATE TABLE shadow(x)" "FAILED at schema: table shadow is not certsh's"
tamper "add a view"                      "CREATE VIEW v AS SELECT 1" "FAILED at schema: view v is not certsh's"
unset SCHEMA_SQL

# child rows planted for a subject that does not exist yet (a later command would adopt them)
sqlite3 "$WORK/plain.db" ".restore '$PRISTINE'" 2> /dev/null
sqlite3 "$WORK/plain.db" "INSERT INTO decision_makers(decision_id, person_id) VALUES (99, 1)" 2> /dev/null
[ $? != 0 ]; check $? "a decider for a decision that does not exist is refused by the shell too (foreign keys off)"
tamper "plant a decider for a future decision" "INSERT INTO decision_makers(decision_id, person_id) VALUES (99, 1)" \
  "FAILED at decision_makers: a row for decision 99, which does not exist"
tamper "plant an audit team member for a future audit" "INSERT INTO audit_team(audit_id, person_id, role) VALUES (42, 1, 'leader')" \
  "FAILED at audit_team: a row for audit 42, which does not exist"
tamper "plant a registration for a future person" "INSERT INTO registrations(person_id, number, valid_from, valid_to) VALUES (7, 'CCAA-X', '2024-01-01', '2027-01-01')" \
  "FAILED at registrations: a row for person 7, which does not exist"
tamper "plant a case's cycle facts (table cycles) behind the audits' triggers" "INSERT INTO cycles VALUES (5, '2025-01-01', '2025-01-01', 0)" \
  "FAILED at cycles: the row of case 5 differs from its audits"

# a head kept elsewhere: a forged event with a recomputed chain passes verify alone, not --head
HEAD=$("$CERTSH" --db "$PRISTINE" verify | sed -n 's/^head: event [0-9]*, hash //p')
out=$("$CERTSH" --db "$PRISTINE" verify --head "$HEAD" 2>&1); rc=$?
[ $rc = 0 ] && printf '%s' "$out" | grep -q "kept head: event $N is the head of the chain"
check $? "verify --head with the current head passes: $out"
forged=$WORK/forged.db
rm -f "$forged"*; sqlite3 "$PRISTINE" ".backup '$forged'"
"$CERTSH" --db "$forged" -e "var b = '91110000888888888'; core.org.create({ name: '伪造组织', uscc: b + uscc.check(b + '0').expected, staff: 3 })" > /dev/null
verified "$forged"; check $? "an appended event with a correct chain passes verify alone (the documented limit)"
out=$("$CERTSH" --db "$forged" verify --head "$HEAD" 2>&1); rc=$?
[ $rc = 1 ] && printf '%s' "$out" | grep -q "1 event came after the kept head (event $N), from event $((N + 1)) (org.create org:7)"
check $? "verify --head names the event appended after the kept head: $out"
rm -f "$forged"*; sqlite3 "$PRISTINE" ".backup '$forged'"
forge "$forged" "UPDATE events SET payload = replace(payload, '\"staff\":4', '\"staff\":5') WHERE seq = 3; UPDATE orgs SET staff = 5 WHERE id = 3"
rehash "$forged" 3
verified "$forged"; check $? "a rewritten event, its row and a recomputed chain pass verify alone"
out=$("$CERTSH" --db "$forged" verify --head "$HEAD" 2>&1); rc=$?
[ $rc = 1 ] && printf '%s' "$out" | grep -q "is not in the chain: the record log was rewritten"
check $? "verify --head finds the rewritten chain: $out"
case $HEAD in a*) OTHER=b${HEAD#?} ;; *) OTHER=a${HEAD#?} ;; esac
out=$("$CERTSH" --db "$PRISTINE" verify --head "$OTHER" 2>&1); rc=$?
[ $rc = 1 ]; check $? "verify --head with a head that is not in the chain fails (exit $rc)"
out=$("$CERTSH" --db "$PRISTINE" verify --head nonsense 2>&1); rc=$?
[ $rc = 1 ] && printf '%s' "$out" | grep -q "64 hex digits"; check $? "a malformed --head is refused: $out"

# signed heads: with a key ($CERTSH_HEAD_KEY), verify prints HASH:SIGNATURE; --head checks it
head -c 32 /dev/urandom > "$WORK/key"
head -c 32 /dev/urandom > "$WORK/other-key"
SIGNED=$(CERTSH_HEAD_KEY=$WORK/key "$CERTSH" --db "$PRISTINE" verify | sed -n 's/^signed head: //p')
[ "${SIGNED%%:*}" = "$HEAD" ] && [ ${#SIGNED} = 129 ]; check $? "with a key, verify prints the signed head ($SIGNED)"
CERTSH_HEAD_KEY=$WORK/key "$CERTSH" --db "$PRISTINE" verify --head "$SIGNED" > /dev/null 2>&1
check $? "the signed head checks with its key"
out=$(CERTSH_HEAD_KEY=$WORK/other-key "$CERTSH" --db "$PRISTINE" verify --head "$SIGNED" 2>&1); rc=$?
[ $rc = 1 ] && printf '%s' "$out" | grep -q "the head was forged"; check $? "another key refuses the signature: $out"
out=$(CERTSH_HEAD_KEY=$WORK/key "$CERTSH" --db "$PRISTINE" verify --head "$HEAD:$(printf '%064d' 0)" 2>&1); rc=$?
[ $rc = 1 ]; check $? "a made-up signature is refused (exit $rc)"
out=$("$CERTSH" --db "$PRISTINE" verify --head "$SIGNED" 2>&1); rc=$?
[ $rc = 1 ] && printf '%s' "$out" | grep -q "set CERTSH_HEAD_KEY"; check $? "a signature without a key is not taken on trust: $out"
head -c 8 /dev/urandom > "$WORK/short-key"
out=$(CERTSH_HEAD_KEY=$WORK/short-key "$CERTSH" --db "$PRISTINE" verify 2>&1); rc=$?
[ $rc = 1 ] && printf '%s' "$out" | grep -q "at least 16 bytes"; check $? "a key shorter than 16 bytes is refused: $out"

finish
