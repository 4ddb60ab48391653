/* core/site.c — an organisation's sites as records: its central function (总部, where the
 * service system is planned and managed) and the other places where the service is provided,
 * each with its name, address and the dates it opened and closed. An audit records the sites
 * it visited (audits.sites); a scheme that samples sites reads them (IAF MD 1). What no scheme
 * may break is kept here: a site belongs to one organisation, an organisation has at most one
 * central function at a time, and the organisation's site count follows its open sites. */
#include "core/register.h"
#include "core/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Set the organisation's site count to its open sites (at least 1), logged as org.sites. */
static int site_recount(Db *db, long long org, const char *args) {
  if (reg_run(db, "UPDATE orgs SET sites = max(1, (SELECT count(*) FROM sites WHERE org_id = ?1 AND closed IS NULL)) WHERE id = ?1",
              "i", org) < 0)
    return -1;
  return log_record(db, "org.sites", "org", org, args);
}

int site_add(Db *db, const SiteInput *in, const char *args, long long *id) {
  if (reg_text(db, "name", in->name) < 0 || (in->address && reg_text(db, "address", in->address) < 0) ||
      reg_date(db, "opened", in->opened, 1) < 0)
    return -1;
  if (db_begin(db) < 0) return -1;
  db_effective(db, in->opened);
  if (reg_exists(db, "org", "orgs", in->org) < 0) return reg_abort(db);
  if (in->central) {
    char other[24] = "";
    sqlite3_stmt *st = db_prepare(db, "SELECT id FROM sites WHERE org_id = ?1 AND central = 1 AND closed IS NULL");
    if (!st) return reg_abort(db);
    sqlite3_bind_int64(st, 1, in->org);
    if (sqlite3_step(st) == SQLITE_ROW) snprintf(other, sizeof other, "%lld", (long long)sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    if (other[0]) {
      db_fail(db, "invalid", "central", "organisation %lld already has its central function (site %s): close it first", in->org, other);
      return reg_abort(db);
    }
  }
  if (reg_run(db, "INSERT INTO sites(org_id, name, address, central, opened, created) VALUES(?1, ?2, coalesce(?3, ''), ?4, ?5, ?6)",
              "ittitt", in->org, in->name, in->address, (long long)(in->central != 0), in->opened, db->as_of) < 0)
    return reg_abort(db);
  *id = db_last_id(db);
  if (log_record(db, "site.add", "site", *id, args) < 0 || site_recount(db, in->org, args) < 0) return reg_abort(db);
  return db_commit(db);
}

int site_close(Db *db, long long id, const char *date, const char *args) {
  if (reg_date(db, "date", date, 1) < 0) return -1;
  if (db_begin(db) < 0) return -1;
  db_effective(db, date);
  char opened[16], closed[16], org[24];
  if (reg_column(db, "sites", "opened", id, "site", opened, sizeof opened) < 0 ||
      reg_column(db, "sites", "coalesce(closed, '')", id, "site", closed, sizeof closed) < 0 ||
      reg_column(db, "sites", "org_id", id, "site", org, sizeof org) < 0)
    return reg_abort(db);
  if (closed[0]) {
    db_fail(db, "invalid", "site", "site %lld was closed on %s already", id, closed);
    return reg_abort(db);
  }
  if (reg_order(db, "opened", opened, "date", date) < 0) return reg_abort(db);
  if (reg_run(db, "UPDATE sites SET closed = ?2 WHERE id = ?1", "it", id, date) < 0 || log_record(db, "site.close", "site", id, args) < 0 ||
      site_recount(db, strtoll(org, NULL, 10), args) < 0)
    return reg_abort(db);
  return db_commit(db);
}
