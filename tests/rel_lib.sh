# tests/rel_lib.sh — helpers shared by the reliability tests (issue 6); sourced, not run.
# The caller sets CERTSH (the binary) and WORK (a scratch folder it removes).

fails=0
# check STATUS MESSAGE: count and print one check (STATUS 0 passes).
check() {
  if [ "$1" = 0 ]; then echo "ok   $2"; else echo "FAIL $2"; fails=$((fails + 1)); fi
}

# orgs_csv N FILE [FIRST]: N organisations numbered from FIRST (default 1) with valid Unified
# Social Credit Codes (check characters by certsh's own uscc.check) and Chinese names.
orgs_csv() {
  "$CERTSH" --db :memory: --timeout 0 -e "
    var out = ['name,uscc,staff,address'];
    for (var i = ${3:-1}; i < ${3:-1} + $1; i++) {
      var base = '91110000' + ('000000000' + i).slice(-9);
      out.push('测试组织 ' + i + ',' + base + uscc.check(base + '0').expected + ',' + (i % 90 + 1) + ',北京市 ' + i + ' 号');
    }
    out.join('\n')" > "$2"
}

# events DB: the number of events in the record log.
events() { sqlite3 "$1" 'SELECT count(*) FROM events'; }

# verified DB: 0 when `certsh verify` passes.
verified() { "$CERTSH" --db "$1" verify > /dev/null 2>&1; }

# integrity DB: 0 when SQLite's integrity check passes.
integrity() { [ "$(sqlite3 "$1" 'PRAGMA integrity_check')" = ok ]; }

# extended: 0 in the long mode of the suite (./build.sh test --extended sets CERTSH_EXTENDED=1).
extended() { [ "${CERTSH_EXTENDED:-0}" = 1 ]; }

# changes_js FILE: a job making many state changes, `run FILE FIRST N`: N commands, each one
# transaction that creates an organisation (staff 1) and then updates it (staff 2).
changes_js() {
  cat > "$1" <<'JS'
var first = Number(args[0]), n = Number(args[1]);
for (var i = first; i < first + n; i++) {
  transaction(function () {
    var base = '91320000' + ('000000000' + i).slice(-9);
    var o = core.org.create({ name: '变更组织 ' + i, uscc: base + uscc.check(base + '0').expected, staff: 1 });
    core.org.update(o.id, { staff: 2 });
  });
}
JS
}

# forge DB SQL: run SQL on DB as a forger with the sqlite3 shell would: every trigger dropped
# first and put back after, exactly as it was (so that the schema looks untouched).
forge() {
  local drop keep
  drop=$(sqlite3 "$1" "SELECT group_concat('DROP TRIGGER ' || name || ';', ' ') FROM sqlite_master WHERE type = 'trigger'")
  keep=$(sqlite3 "$1" "SELECT group_concat(sql || ';', char(10)) FROM sqlite_master WHERE type = 'trigger'")
  sqlite3 "$1" "$drop $2" || return 1
  sqlite3 "$1" "$keep"
}

# verify_fails DB PATTERN NAME: `certsh verify` of DB must exit 1 saying PATTERN (one check).
verify_fails() {
  local out rc
  out=$("$CERTSH" --db "$1" verify 2>&1); rc=$?
  [ $rc = 1 ] && printf '%s' "$out" | grep -q -- "$2"
  check $? "$3: verify exits 1 (got $rc) naming the first bad record: $out"
}

# finish: print the tally and exit with it.
finish() {
  if [ "$fails" = 0 ]; then echo "all checks passed"; exit 0; fi
  echo "$fails checks FAILED"; exit 1
}
