/* core/person.c — people: auditors, technical experts and deciders, and their registrations. */
#include "core/register.h"
#include "core/log.h"

#include <stdio.h>

/* Every element of roles is a known role; 0 or -1 naming the stranger. */
static int person_roles_ok(Db *db, const char *roles) {
  if (reg_json(db, "roles", roles, '[') < 0) return -1;
  if (!roles) return 0;
  sqlite3_stmt *st = db_prepare(db, "SELECT value FROM json_each(?1)"
                                    " WHERE type <> 'text' OR value NOT IN ('auditor','expert','decider') LIMIT 1");
  if (!st) return -1;
  sqlite3_bind_text(st, 1, roles, -1, SQLITE_TRANSIENT);
  char bad[200] = "";
  int found = sqlite3_step(st) == SQLITE_ROW;
  if (found) snprintf(bad, sizeof bad, "%s", (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  if (found) return db_fail(db, "invalid", "roles", "role '%s' is not one of auditor, expert, decider", bad);
  return 0;
}

int person_create(Db *db, const char *name, const char *roles, const char *args, long long *id) {
  if (reg_text(db, "name", name) < 0 || person_roles_ok(db, roles) < 0) return -1;
  if (db_begin(db) < 0) return -1;
  int ok = reg_run(db, "INSERT INTO people(name, roles, created) VALUES(?1, coalesce(?2, '[]'), ?3)", "ttt", name, roles,
                   db->as_of) == 0;
  *id = db_last_id(db);
  if (!ok || log_record(db, "person.create", "person", *id, args) < 0) return reg_abort(db);
  return db_commit(db);
}

int person_register(Db *db, long long person, const char *number, const char *field_code, const char *from,
                    const char *to, const char *args) {
  if (reg_text(db, "number", number) < 0 || reg_date(db, "from", from, 1) < 0 || reg_date(db, "to", to, 1) < 0 ||
      reg_order(db, "from", from, "to", to) < 0)
    return -1;
  if (db_begin(db) < 0) return -1;
  if (reg_exists(db, "person", "people", person) < 0) return reg_abort(db);
  if (reg_run(db, "INSERT INTO registrations(person_id, number, field_code, valid_from, valid_to) VALUES(?1,?2,?3,?4,?5)",
              "itttt", person, number, field_code ? field_code : "", from, to) < 0 ||
      log_record(db, "person.register", "person", person, args) < 0)
    return reg_abort(db);
  return db_commit(db);
}
