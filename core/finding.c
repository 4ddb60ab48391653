/* core/finding.c — findings of an audit (nonconformities, deductions, special deductions and
 * bonuses, observations) and their closing once the correction is verified. */
#include "core/register.h"
#include "core/log.h"

#include <math.h>
#include <string.h>

static const char *const FINDING_KINDS[] = {"nonconformity", "deduction", "special-deduction", "special-bonus", "observation", NULL};

int finding_create(Db *db, const FindingInput *in, const char *args, long long *id) {
  double points = isnan(in->points) ? 0 : in->points;
  if (reg_word(db, "kind", in->kind, FINDING_KINDS) < 0) return -1;
  if (!isfinite(points) || fabs(points) > 1000)
    return db_fail(db, "invalid", "points", "points %g must be a finite number from -1000 to 1000", in->points);
  if (reg_date(db, "date", in->raised, 1) < 0 || reg_date(db, "due", in->due, 0) < 0 ||
      reg_order(db, "date", in->raised, "due", in->due) < 0)
    return -1;
  char status[16], start[16];
  if (db_begin(db) < 0) return -1;
  db_effective(db, in->raised);
  if (reg_column(db, "audits", "status", in->audit, "audit", status, sizeof status) < 0 ||
      reg_column(db, "audits", "coalesce(actual_start, planned_start)", in->audit, "audit", start, sizeof start) < 0)
    return reg_abort(db);
  if (!strcmp(status, "cancelled")) {
    db_fail(db, "illegal-transition", "audit", "audit %lld was cancelled; it has no findings", in->audit);
    return reg_abort(db);
  }
  if (reg_order(db, "the audit's start", start, "date", in->raised) < 0) return reg_abort(db);
  int ok = reg_run(db, "INSERT INTO findings(audit_id, item, clause, kind, points, evidence, raised, due)"
                       " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                   "itttdttt", in->audit, in->item ? in->item : "", in->clause ? in->clause : "", in->kind, points,
                   in->evidence ? in->evidence : "", in->raised, in->due) == 0;
  *id = db_last_id(db);
  if (!ok || log_record(db, "finding.create", "finding", *id, args) < 0) return reg_abort(db);
  return db_commit(db);
}

int finding_close(Db *db, long long id, const char *date, const char *args) {
  char status[16], raised[16];
  if (reg_date(db, "date", date, 1) < 0) return -1;
  if (db_begin(db) < 0) return -1;
  db_effective(db, date);
  if (reg_column(db, "findings", "status", id, "finding", status, sizeof status) < 0 ||
      reg_column(db, "findings", "raised", id, "finding", raised, sizeof raised) < 0)
    return reg_abort(db);
  if (strcmp(status, "open") != 0) {
    db_fail(db, "illegal-transition", "status", "finding %lld is already %s", id, status);
    return reg_abort(db);
  }
  if (reg_order(db, "the finding's date", raised, "date", date) < 0 ||
      reg_run(db, "UPDATE findings SET status = 'closed', closed = ?2 WHERE id = ?1", "it", id, date) < 0 ||
      log_record(db, "finding.close", "finding", id, args) < 0)
    return reg_abort(db);
  return db_commit(db);
}
