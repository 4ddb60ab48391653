-- bench/import-floor.sql — what `certsh import orgs FILE` must write, written by the sqlite3 shell
-- as fast as SQLite can: the floor the import is measured against, beside `.import`. Run on a
-- register made by `certsh init` (its tables, indexes and WAL journal), after
--   .import --csv --schema temp FILE staging      (the CSV's rows: name, uscc, staff, address)
--   .param set :file "'FILE'"
-- it writes each organisation's row and its org.create event — the payload certsh writes, the
-- row's state read back as JSON — in one transaction, each table in one INSERT … SELECT: no
-- validation, no statement per row, and placeholder hashes (the chain's SHA-256, each event's over
-- the one before, cannot be computed a set at a time), so it is a floor, not the same work.
PRAGMA synchronous = NORMAL;
BEGIN;
INSERT INTO orgs(name, uscc, address, staff, created)
  SELECT name, uscc, address, CAST(staff AS INTEGER), date('now') FROM temp.staging ORDER BY rowid;
INSERT INTO events(as_of, wall, actor, kind, subject, payload, prev, hash, effective, format)
  SELECT date('now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'certsh', 'org.create', 'org:' || id,
    '{"args":' || json_object('import', :file, 'row', id + 1) || ',"state":' ||
      json_object('id', id, 'name', name, 'uscc', uscc, 'uscc_override', uscc_override, 'address', address,
        'staff', staff, 'sites', sites, 'shops', shops, 'facts', facts, 'created', created) || ',"format":2}',
    lower(hex(randomblob(32))), lower(hex(randomblob(32))), date('now'), 2
  FROM orgs ORDER BY id;
COMMIT;
