/* core/matter.c — appeals, complaints and incidents (CAS §10, CFC §12, CNAS R6.2): received,
 * answered by a due date, closed with an outcome. */
#include "core/register.h"
#include "core/log.h"

#include <string.h>

static const char *const MATTER_KINDS[] = {"appeal", "complaint", "incident", NULL};

int matter_open(Db *db, const MatterInput *in, const char *args, long long *id) {
  if (reg_word(db, "kind", in->kind, MATTER_KINDS) < 0 || reg_date(db, "date", in->received, 1) < 0 ||
      reg_date(db, "due", in->due, 0) < 0 || reg_order(db, "date", in->received, "due", in->due) < 0 ||
      reg_json(db, "why", in->why_json, '[') < 0)
    return -1;
  if (!in->case_id && !in->certificate && reg_text(db, "text", in->text) < 0) return -1;
  if (db_begin(db) < 0) return -1;
  db_effective(db, in->received);
  if ((in->case_id && reg_exists(db, "case", "cases", in->case_id) < 0) ||
      (in->certificate && reg_exists(db, "certificate", "certificates", in->certificate) < 0))
    return reg_abort(db);
  int ok = reg_run(db, "INSERT INTO matters(kind, case_id, certificate_id, cause, text, received, due, why)"
                       " VALUES(?1, coalesce(?2, (SELECT case_id FROM certificates WHERE id = ?3)), ?3, ?4, ?5, ?6, ?7,"
                       " coalesce(?8, '[]'))",
                   "tIIttttt", in->kind, in->case_id, in->certificate, in->cause ? in->cause : "", in->text ? in->text : "",
                   in->received, in->due, in->why_json) == 0;
  *id = db_last_id(db);
  if (!ok || log_record(db, "matter.open", "matter", *id, args) < 0) return reg_abort(db);
  return db_commit(db);
}

int matter_report(Db *db, long long id, const char *to, const char *date, const char *args) {
  char reported[16], received[16];
  if (reg_date(db, "date", date, 1) < 0 || reg_text(db, "to", to) < 0) return -1;
  if (db_begin(db) < 0) return -1;
  db_effective(db, date);
  if (reg_column(db, "matters", "coalesce(reported, '')", id, "matter", reported, sizeof reported) < 0 ||
      reg_column(db, "matters", "received", id, "matter", received, sizeof received) < 0)
    return reg_abort(db);
  if (reported[0]) {
    db_fail(db, "illegal-transition", "matter", "matter %lld was reported on %s", id, reported);
    return reg_abort(db);
  }
  if (reg_order(db, "the date received", received, "date", date) < 0 ||
      reg_run(db, "UPDATE matters SET reported = ?2, reported_to = ?3 WHERE id = ?1", "itt", id, date, to) < 0 ||
      log_record(db, "matter.report", "matter", id, args) < 0)
    return reg_abort(db);
  return db_commit(db);
}

int matter_close(Db *db, long long id, const char *date, const char *outcome, const char *args) {
  char closed[16], received[16];
  if (reg_date(db, "date", date, 1) < 0 || reg_text(db, "outcome", outcome) < 0) return -1;
  if (db_begin(db) < 0) return -1;
  db_effective(db, date);
  if (reg_column(db, "matters", "coalesce(closed, '')", id, "matter", closed, sizeof closed) < 0 ||
      reg_column(db, "matters", "received", id, "matter", received, sizeof received) < 0)
    return reg_abort(db);
  if (closed[0]) {
    db_fail(db, "illegal-transition", "matter", "matter %lld was closed on %s", id, closed);
    return reg_abort(db);
  }
  if (reg_order(db, "the date received", received, "date", date) < 0 ||
      reg_run(db, "UPDATE matters SET closed = ?2, outcome = ?3 WHERE id = ?1", "itt", id, date, outcome) < 0 ||
      log_record(db, "matter.close", "matter", id, args) < 0)
    return reg_abort(db);
  return db_commit(db);
}
