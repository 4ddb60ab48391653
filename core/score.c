/* core/score.c — the score of an audit and the grade the scheme's rule gave it. */
#include "core/register.h"
#include "core/log.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

int score_record(Db *db, const ScoreInput *in, const char *args, long long *id) {
  if (!isfinite(in->score) || in->score < 0 || in->score > 100)
    return db_fail(db, "invalid", "score", "score %g must be a number from 0 to 100", in->score);
  if (in->deduction_items < 0 || in->deduction_items > 10000)
    return db_fail(db, "invalid", "deductionItems", "deductionItems %lld must be a whole number from 0 to 10000", in->deduction_items);
  if (in->pass != 0 && in->pass != 1) return db_fail(db, "invalid", "pass", "pass must be true or false");
  if (in->stars < 0 || in->stars > 5) return db_fail(db, "invalid", "stars", "stars %d must be from 0 to 5", in->stars);
  if (reg_date(db, "date", in->date, 1) < 0 || reg_json(db, "why", in->why_json, '[') < 0) return -1;
  char status[16], start[16], scored[24] = "";
  if (db_begin(db) < 0) return -1;
  db_effective(db, in->date);
  if (reg_column(db, "audits", "status", in->audit, "audit", status, sizeof status) < 0 ||
      reg_column(db, "audits", "coalesce(actual_start, planned_start)", in->audit, "audit", start, sizeof start) < 0)
    return reg_abort(db);
  if (!strcmp(status, "cancelled")) {
    db_fail(db, "illegal-transition", "audit", "audit %lld was cancelled; it cannot be scored", in->audit);
    return reg_abort(db);
  }
  sqlite3_stmt *st = db_prepare(db, "SELECT id FROM scores WHERE audit_id = ?1");
  if (!st) return reg_abort(db);
  sqlite3_bind_int64(st, 1, in->audit);
  if (sqlite3_step(st) == SQLITE_ROW) snprintf(scored, sizeof scored, "%lld", (long long)sqlite3_column_int64(st, 0));
  sqlite3_finalize(st);
  if (scored[0]) {
    db_fail(db, "duplicate", "audit", "audit %lld already has its score (score %s)", in->audit, scored);
    return reg_abort(db);
  }
  if (reg_order(db, "the audit's start", start, "date", in->date) < 0) return reg_abort(db);
  int ok = reg_run(db, "INSERT INTO scores(audit_id, score, deduction_items, pass, level, stars, date, why)"
                       " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce(?8, '[]'))",
                   "idiititt", in->audit, in->score, in->deduction_items, (long long)in->pass, in->level,
                   (long long)in->stars, in->date, in->why_json) == 0;
  *id = db_last_id(db);
  if (!ok || log_record(db, "score.record", "score", *id, args) < 0) return reg_abort(db);
  return db_commit(db);
}
