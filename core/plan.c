/* core/plan.c — an audit's assignment and its written plan as records. The assignment is what
 * the audit programme gives the team (CFC §7.2.5 审查委任); the plan is what the team draws up
 * before the audit (CAS §6.2.5, DNI §5.3.1.4, CFC §7.3): the activities with their dates, sites
 * and times and each auditor's part. Their contents are JSON objects whose fields
 * stdlib/register.js checks; the schemes' guards read them (stdlib/workflow.js: assigned,
 * planned). What no scheme may break is kept here: the audit exists and is not cancelled, a plan
 * is drawn up by a member of its team, nothing is dated after the audit ended, and records are
 * never changed: a later plan of the same audit is a revision, the history stays (plan.record). */
#include "core/register.h"
#include "core/log.h"

#include <string.h>

static const char *const PLAN_KINDS[] = {"assignment", "plan", NULL};

int plan_record(Db *db, const PlanInput *in, const char *args, long long *id) {
  if (reg_word(db, "kind", in->kind, PLAN_KINDS) < 0 || reg_date(db, "date", in->date, 1) < 0 ||
      reg_date(db, "notified", in->notified, 0) < 0 || reg_order(db, "date", in->date, "notified", in->notified) < 0 ||
      reg_text(db, "contents", in->contents) < 0)
    return -1;
  if (db_begin(db) < 0) return -1;
  db_effective(db, in->date);
  char status[16], end[16];
  if (reg_column(db, "audits", "status", in->audit, "audit", status, sizeof status) < 0 ||
      reg_column(db, "audits", "coalesce(actual_end, '')", in->audit, "audit", end, sizeof end) < 0 ||
      reg_exists(db, "by", "people", in->by) < 0)
    return reg_abort(db);
  if (!strcmp(status, "cancelled")) {
    db_fail(db, "invalid", "audit", "audit %lld was cancelled: it has no %s", in->audit, in->kind);
    return reg_abort(db);
  }
  if (end[0] && strcmp(in->date, end) > 0) {
    db_fail(db, "invalid", "date", "audit %lld ended on %s: its %s cannot be dated %s", in->audit, end, in->kind, in->date);
    return reg_abort(db);
  }
  if (!strcmp(in->kind, "plan")) {
    sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM audit_team WHERE audit_id = ?1 AND person_id = ?2");
    if (!st) return reg_abort(db);
    sqlite3_bind_int64(st, 1, in->audit);
    sqlite3_bind_int64(st, 2, in->by);
    int member = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    if (!member) {
      db_fail(db, "invalid", "by", "person %lld is not on the team of audit %lld: the team draws up its plan", in->by, in->audit);
      return reg_abort(db);
    }
  }
  if (reg_run(db, "INSERT INTO audit_plans(audit_id, kind, date, by, contents, notified, created) VALUES(?1, ?2, ?3, ?4, json(?5), ?6, ?7)",
              "ittittt", in->audit, in->kind, in->date, in->by, in->contents, in->notified, db->as_of) < 0)
    return reg_abort(db);
  *id = db_last_id(db);
  if (log_record(db, "plan.record", "plan", *id, args) < 0) return reg_abort(db);
  return db_commit(db);
}
