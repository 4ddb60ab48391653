#!/bin/bash
# A full disk keeps every command all-or-nothing (issue 11, family 2). The register lives on a
# small tmpfs; a filler file leaves little room, then imports and a script transaction run
# into SQLITE_FULL (after which SQLite may have rolled the transaction back by itself). Each
# must fail, say nothing was written, and leave the register exactly as it was: same rows,
# same events, verify and integrity pass, and once space is freed the same command succeeds.
# Mounting needs root; without it the test reports itself skipped (exit 77).
# Usage: bash tests/e2e_diskfull.sh CERTSH SOURCE_DIR
set -u
CERTSH=$(realpath "$1") # absolute: the test changes folders
. "$2/tests/rel_lib.sh"
WORK=$(mktemp -d)
MNT=$WORK/small
mkdir "$MNT"
if ! mount -t tmpfs -o size=3m tmpfs "$MNT" 2> /dev/null; then
  rm -rf "$WORK"
  echo "skipped: cannot mount a small tmpfs (needs root: mount -t tmpfs -o size=3m)"
  exit 77
fi
trap 'umount "$MNT"; rm -rf "$WORK"' EXIT
DB=$MNT/register.db

# state DB: the rows and events of the register in one line, to compare before and after.
state() { sqlite3 "$1" "SELECT (SELECT count(*) FROM orgs) || ' orgs, ' || (SELECT count(*) FROM people) || ' people, ' ||
  (SELECT count(*) FROM cases) || ' cases, ' || (SELECT count(*) FROM certificates) || ' certificates, ' ||
  (SELECT count(*) FROM events) || ' events'"; }
# fill: leave about $1 KiB free on the tmpfs (the filler file is $MNT/filler).
fill() {
  rm -f "$MNT/filler"
  local avail
  avail=$(df -k --output=avail "$MNT" | tail -1)
  [ "$avail" -gt "$1" ] && fallocate -l $(((avail - $1) * 1024)) "$MNT/filler"
}
# unchanged LABEL: the register is as it was before (state, verify, integrity).
unchanged() {
  local now
  now=$(state "$DB")
  [ "$now" = "$BEFORE" ]; check $? "$1: the register is unchanged ($now)"
  verified "$DB"; check $? "$1: verify passes"
  integrity "$DB"; check $? "$1: the integrity check passes"
}

orgs_csv 40 "$WORK/orgs.csv"
"$CERTSH" init "$DB" > /dev/null 2>&1
"$CERTSH" --db "$DB" import orgs "$WORK/orgs.csv" > /dev/null 2>&1
printf 'name,roles\n李四,decider\n' > "$WORK/people.csv"
"$CERTSH" --db "$DB" import people "$WORK/people.csv" > /dev/null 2>&1
BEFORE=$(state "$DB")
check $? "a register of 40 organisations and a decider on a 3 MB tmpfs ($BEFORE)"

# 20,000 more organisations: far more than the room left
orgs_csv 20000 "$WORK/many-orgs.csv" 1000
# 3,000 certificates of those 40 organisations (many events each), and the same with a bad last row
"$CERTSH" --db :memory: --timeout 0 -e "
  var out = ['证书编号,统一社会信用代码,认证方案,方案版本,认证范围,等级,发证日期,有效期至,证书状态,状态日期,决定人员'];
  for (var i = 1; i <= 3000; i++) {
    var base = '91110000' + ('000000000' + (i % 40 + 1)).slice(-9);
    out.push('CAS-2024-' + ('0000' + i).slice(-5) + ',' + base + uscc.check(base + '0').expected +
             ',cas-service,1,家用电器的销售及售后服务 ' + i + ',五星级,2024-03-01,2027-02-28,有效,,李四');
  }
  out.join('\n')" > "$WORK/certs.csv"
{ cat "$WORK/certs.csv"; printf '\nCAS-BAD,91110000000000000X,cas-service,1,x,五星级,2024-03-01,2027-02-28,有效,,李四\n'; } > "$WORK/certs-bad-last.csv"
# a small valid file: fits when the disk has room
head -n 3 "$WORK/certs.csv" > "$WORK/certs-small.csv"

for room in 64 512; do
  fill $room
  "$CERTSH" --db "$DB" import orgs "$WORK/many-orgs.csv" > /dev/null 2> "$WORK/err"; rc=$?
  [ $rc = 1 ] && grep -q "nothing was imported" "$WORK/err" && grep -q "disk is full" "$WORK/err"
  check $? "import orgs of 20,000 rows with ${room} KiB free: exit 1 (got $rc) naming the full disk: $(grep -m1 full "$WORK/err")"
  unchanged "import orgs, ${room} KiB free"

  "$CERTSH" --db "$DB" import certificates "$WORK/certs.csv" > /dev/null 2> "$WORK/err"; rc=$?
  [ $rc = 1 ] && grep -q "nothing was imported" "$WORK/err"
  check $? "import certificates (a valid file) with ${room} KiB free: exit 1 (got $rc): $(tail -n 1 "$WORK/err")"
  unchanged "import certificates, ${room} KiB free"

  "$CERTSH" --db "$DB" import certificates "$WORK/certs-bad-last.csv" > /dev/null 2> "$WORK/err"; rc=$?
  [ $rc = 1 ] && grep -q "nothing was imported" "$WORK/err"
  check $? "import certificates whose last row is bad, ${room} KiB free: exit 1 (got $rc)"
  unchanged "import certificates with a bad last row, ${room} KiB free"

  # a script that swallows every disk-full error inside one transaction, then throws / returns
  for ending in "throw new Error('the script gives up')" "return n" ; do
    "$CERTSH" --db "$DB" --timeout 60 -e "
      var n = 0;
      transaction(function () {
        for (var i = 0; i < 20000; i++) {
          var base = '91440000' + ('000000000' + i).slice(-9);
          try { core.org.create({ name: '填满磁盘 ' + i + new Array(200).join('填'), uscc: base + uscc.check(base + '0').expected, staff: 3 }); n++; }
          catch (e) { }
        }
        $ending;
      })" > /dev/null 2> "$WORK/err"; rc=$?
    [ $rc = 1 ]
    check $? "a transaction catching disk-full errors in a loop, then '$ending', ${room} KiB free: exit 1 (got $rc): $(head -c 200 "$WORK/err")"
    unchanged "the transaction that caught disk-full errors ($ending), ${room} KiB free"
  done
done

# with room again, the register takes writes: the failures left no lasting damage
rm -f "$MNT/filler"
"$CERTSH" --db "$DB" import certificates "$WORK/certs-small.csv" > /dev/null 2> "$WORK/err"
check $? "with the space freed, a small certificate import succeeds ($(cat "$WORK/err"))"
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM certificates')" = 2 ]
check $? "and it wrote its 2 certificates"
verified "$DB"; check $? "verify passes after all"
finish
