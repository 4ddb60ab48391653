/* core/deviation.c — justified exceptions a document allows (an approved extension of a
 * surveillance interval, DNI §5.6.1 "书面申请，经批准"), recorded as data: who asked, who approved,
 * when and why. Each is one `deviation.record` event of the record log, subject
 * 'deviation:SUBJECT' (e.g. deviation:certificate-12), whose payload SQLite builds; the rules read
 * them back from the log. Nothing else is written. */
#include "core/register.h"
#include "core/log.h"

#include <stdlib.h>
#include <string.h>

int deviation_record(Db *db, const DeviationInput *in, const char *args) {
  if (reg_text(db, "rule", in->rule) < 0 || reg_text(db, "clause", in->clause) < 0 || reg_text(db, "reason", in->reason) < 0 ||
      reg_date(db, "date", in->date, 1) < 0 || reg_json(db, "details", in->details_json, '{') < 0)
    return -1;
  if (strcmp(in->prefix, "certificate") != 0 && strcmp(in->prefix, "case") != 0 && strcmp(in->prefix, "audit") != 0)
    return db_fail(db, "invalid", "subject", "a deviation concerns a certificate, a case or an audit, not '%s'", in->prefix);
  if (db_begin(db) < 0) return -1;
  db_effective(db, in->date);
  const char *table = !strcmp(in->prefix, "certificate") ? "certificates" : !strcmp(in->prefix, "case") ? "cases" : "audits";
  if (reg_exists(db, "subject", table, in->id) < 0 || reg_exists(db, "by", "people", in->by) < 0 ||
      reg_exists(db, "approvedBy", "people", in->approved_by) < 0)
    return reg_abort(db);
  sqlite3_stmt *st = db_prepare(db, "SELECT json_object('rule', ?1, 'clause', ?2, 'reason', ?3, 'by', ?4, 'approvedBy', ?5, 'date', ?6,"
                                    " 'details', json(coalesce(?7, '{}')), 'args', json(coalesce(?8, '{}'))),"
                                    " printf('deviation:%s-%lld', ?9, ?10)");
  if (!st) return reg_abort(db);
  sqlite3_bind_text(st, 1, in->rule, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 2, in->clause, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 3, in->reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(st, 4, in->by);
  sqlite3_bind_int64(st, 5, in->approved_by);
  sqlite3_bind_text(st, 6, in->date, -1, SQLITE_TRANSIENT);
  if (in->details_json) sqlite3_bind_text(st, 7, in->details_json, -1, SQLITE_TRANSIENT);
  if (args) sqlite3_bind_text(st, 8, args, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 9, in->prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(st, 10, in->id);
  char *payload = NULL, *subject = NULL;
  if (sqlite3_step(st) == SQLITE_ROW) {
    payload = strdup((const char *)sqlite3_column_text(st, 0));
    subject = strdup((const char *)sqlite3_column_text(st, 1));
  }
  sqlite3_finalize(st);
  int rc = payload && subject ? log_append(db, "deviation.record", subject, payload) : db_fail(db, "nomem", "", "out of memory");
  free(payload);
  free(subject);
  if (rc < 0) return reg_abort(db);
  return db_commit(db);
}
