# tests/rel_lib.sh — helpers shared by the reliability tests (issue 6); sourced, not run.
# The caller sets CERTSH (the binary) and WORK (a scratch folder it removes).

fails=0
# check STATUS MESSAGE: count and print one check (STATUS 0 passes).
check() {
  if [ "$1" = 0 ]; then echo "ok   $2"; else echo "FAIL $2"; fails=$((fails + 1)); fi
}

# orgs_csv N FILE: N organisations with valid Unified Social Credit Codes (check characters
# computed by certsh's own uscc.check), Chinese names, as the import reads them.
orgs_csv() {
  "$CERTSH" --db :memory: --timeout 0 -e "
    var out = ['name,uscc,staff,address'];
    for (var i = 1; i <= $1; i++) {
      var base = '91110000' + ('000000000' + i).slice(-9);
      out.push('测试组织 ' + i + ',' + base + uscc.check(base + '0').expected + ',' + (i % 90 + 1) + ',北京市 ' + i + ' 号');
    }
    out.join('\n')" > "$2"
}

# events DB: the number of events in the record log.
events() { sqlite3 "$1" 'SELECT count(*) FROM events'; }

# verified DB: 0 when `certsh verify` passes.
verified() { "$CERTSH" --db "$1" verify > /dev/null 2>&1; }

# finish: print the tally and exit with it.
finish() {
  if [ "$fails" = 0 ]; then echo "all checks passed"; exit 0; fi
  echo "$fails checks FAILED"; exit 1
}
