/* core/org.c — organisations: registration and changes of data, the USCC checked (GB 32100). */
#include "core/register.h"
#include "core/log.h"
#include "core/uscc.h"

#include <stdio.h>
#include <string.h>

/* Validate the fields that are present; creating requires name, uscc and staff. */
static int org_validate(Db *db, const OrgInput *in, int creating) {
  if ((creating || in->name) && reg_text(db, "name", in->name) < 0) return -1;
  if (creating || in->uscc) {
    char why[200];
    if (!in->uscc) return db_fail(db, "invalid", "uscc", "uscc is required (the Unified Social Credit Code, 18 characters)");
    if (uscc_check(in->uscc, why, sizeof why) < 0) {
      /* only a failing check character may be overridden, and only with a stated reason */
      int only_check = strlen(in->uscc) == 18 && uscc_check_char(in->uscc) != 0 && strstr(why, "check character");
      if (!only_check || !in->uscc_override)
        return db_fail(db, "invalid", "uscc", "uscc '%s' is not a valid Unified Social Credit Code: %s%s", in->uscc, why,
                       only_check ? " (give usccOverride with the reason to accept it anyway)" : "");
      if (reg_text(db, "usccOverride", in->uscc_override) < 0) return -1;
    }
  }
  if (creating || in->staff) {
    if (in->staff < 1 || in->staff > REG_STAFF_MAX)
      return db_fail(db, "invalid", "staff", "staff %lld is not a number of effective staff (a whole number from 1 to %lld)",
                     in->staff, REG_STAFF_MAX);
  }
  if (in->sites && (in->sites < 1 || in->sites > REG_SITES_MAX))
    return db_fail(db, "invalid", "sites", "sites %lld must be a whole number from 1 to %lld", in->sites, REG_SITES_MAX);
  if (reg_shops(db, "shops", in->shops_json) < 0 || reg_json(db, "facts", in->facts_json, '{') < 0) return -1;
  return 0;
}

/* Refuse a USCC another organisation holds already, naming it. */
static int org_uscc_free(Db *db, const char *uscc, long long self) {
  sqlite3_stmt *st = db_cached(db, DB_SLOT_ORG_USCC, "SELECT id, name FROM orgs WHERE uscc = ?1 AND id <> ?2");
  if (!st) return -1;
  sqlite3_bind_text(st, 1, uscc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(st, 2, self);
  char who[300] = "";
  long long other = 0;
  if (sqlite3_step(st) == SQLITE_ROW) {
    other = sqlite3_column_int64(st, 0);
    snprintf(who, sizeof who, "%s", (const char *)sqlite3_column_text(st, 1));
  }
  sqlite3_reset(st);
  if (other) return db_fail(db, "duplicate", "uscc", "uscc '%s' is already registered to org %lld (%s)", uscc, other, who);
  return 0;
}

int org_create(Db *db, const OrgInput *in, const char *args, long long *id) {
  if (org_validate(db, in, 1) < 0) return -1;
  if (db_begin(db) < 0) return -1;
  int ok = reg_run_cached(db, DB_SLOT_ORG_INSERT, "INSERT INTO orgs(name, uscc, uscc_override, address, staff, sites, shops, facts, created)"
                       " VALUES(?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, '[]'), coalesce(?8, '{}'), ?9)",
                   "ttttiittt", in->name, in->uscc, in->uscc_override, in->address ? in->address : "", in->staff,
                   in->sites ? in->sites : 1LL, in->shops_json, in->facts_json, db->as_of) == 0;
  if (!ok) { /* a refused insert writes nothing: a code held already is named first, as it was
                asked before inserting (asked after a refusal only, it costs a good row nothing) */
    CoreError keep = db->err;
    if (db->lost || org_uscc_free(db, in->uscc, 0) == 0 || strcmp(db->err.code, "duplicate") != 0) db->err = keep;
    return reg_abort(db);
  }
  *id = db_last_id(db);
  if (log_record(db, "org.create", "org", *id, args) < 0) return reg_abort(db);
  return db_commit(db);
}

int org_update(Db *db, long long id, const OrgInput *in, const char *args) {
  if (org_validate(db, in, 0) < 0) return -1;
  if (db_begin(db) < 0) return -1;
  if (reg_exists(db, "org", "orgs", id) < 0) return reg_abort(db);
  if (in->uscc && org_uscc_free(db, in->uscc, id) < 0) return reg_abort(db);
  int ok = reg_run(db, "UPDATE orgs SET name = coalesce(?2, name), uscc = coalesce(?3, uscc),"
                       " uscc_override = CASE WHEN ?3 IS NULL THEN uscc_override ELSE ?4 END,"
                       " address = coalesce(?5, address), staff = coalesce(?6, staff), sites = coalesce(?7, sites),"
                       " shops = coalesce(?8, shops), facts = coalesce(?9, facts) WHERE id = ?1",
                   "ittttIItt", id, in->name, in->uscc, in->uscc_override, in->address, in->staff, in->sites,
                   in->shops_json, in->facts_json) == 0;
  if (!ok || log_record(db, "org.update", "org", id, args) < 0) return reg_abort(db);
  return db_commit(db);
}
