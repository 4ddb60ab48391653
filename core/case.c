/* core/case.c — certification cases: application, application review, closing. The legal
 * status changes are the table below; decisions move accepted cases on (core/decision.c). */
#include "core/register.h"
#include "core/log.h"

#include <string.h>

/* The legal changes of a case's status (ISO/IEC 17065 §7.2–7.6 shape). */
static const struct { const char *from, *to; } CASE_TRANSITIONS[] = {
  {"applied", "accepted"},  {"applied", "rejected"}, {"applied", "closed"},
  {"accepted", "certified"}, {"accepted", "refused"}, {"accepted", "closed"},
  {"certified", "closed"},  {"refused", "closed"},   {"rejected", "closed"},
};

int case_transition_ok(const char *from, const char *to) {
  for (size_t i = 0; i < sizeof CASE_TRANSITIONS / sizeof CASE_TRANSITIONS[0]; i++)
    if (!strcmp(CASE_TRANSITIONS[i].from, from) && !strcmp(CASE_TRANSITIONS[i].to, to)) return 1;
  return 0;
}

int case_apply(Db *db, const CaseInput *in, const char *args, long long *id) {
  if (reg_text(db, "scheme", in->scheme) < 0 || reg_text(db, "version", in->version) < 0 ||
      reg_text(db, "scope", in->scope) < 0 || reg_date(db, "date", in->applied, 1) < 0 ||
      reg_shops(db, "shops", in->shops_json) < 0)
    return -1;
  if (db_begin(db) < 0) return -1;
  db_effective(db, in->applied);
  if (reg_exists(db, "org", "orgs", in->org) < 0) return reg_abort(db);
  int ok = reg_run(db, "INSERT INTO cases(org_id, scheme, version, scope, grade, shops, status, applied, created)"
                       " VALUES(?1, ?2, ?3, ?4, ?5, coalesce(?6, '[]'), 'applied', ?7, ?8)",
                   "ittttttt", in->org, in->scheme, in->version, in->scope, in->grade, in->shops_json, in->applied,
                   db->as_of) == 0;
  *id = db_last_id(db);
  if (!ok || log_record(db, "case.apply", "case", *id, args) < 0) return reg_abort(db);
  return db_commit(db);
}

/* Move case id to status `to` on date (checked against its application date), with reason. */
static int case_move(Db *db, long long id, const char *to, const char *date, const char *reason, const char *kind,
                     const char *args) {
  char from[16], applied[16];
  if (reg_date(db, "date", date, 1) < 0) return -1;
  if (db_begin(db) < 0) return -1;
  db_effective(db, date);
  if (reg_column(db, "cases", "status", id, "case", from, sizeof from) < 0 ||
      reg_column(db, "cases", "applied", id, "case", applied, sizeof applied) < 0)
    return reg_abort(db);
  if (!case_transition_ok(from, to)) {
    db_fail(db, "illegal-transition", "status", "case %lld is %s; it cannot become %s", id, from, to);
    return reg_abort(db);
  }
  if (reg_order(db, "the application date", applied, "date", date) < 0) return reg_abort(db);
  if (reg_run(db, "UPDATE cases SET status = ?2, reviewed = coalesce(reviewed, ?3), review_reason = coalesce(?4, review_reason)"
                  " WHERE id = ?1", "ittt", id, to, date, reason) < 0 ||
      log_record(db, kind, "case", id, args) < 0)
    return reg_abort(db);
  return db_commit(db);
}

int case_review(Db *db, long long id, int accept, const char *date, const char *reason, const char *args) {
  if (!accept && reg_text(db, "reason", reason) < 0) return -1; /* rejection reasons are recorded and told */
  return case_move(db, id, accept ? "accepted" : "rejected", date, reason, accept ? "case.accept" : "case.reject", args);
}

int case_contract(Db *db, long long id, const char *date, const char *number, const char *args) {
  if (reg_date(db, "date", date, 1) < 0 || reg_text(db, "number", number) < 0) return -1;
  char status[16], reviewed[16];
  if (db_begin(db) < 0) return -1;
  db_effective(db, date);
  if (reg_column(db, "cases", "status", id, "case", status, sizeof status) < 0 ||
      reg_column(db, "cases", "coalesce(reviewed, '')", id, "case", reviewed, sizeof reviewed) < 0)
    return reg_abort(db);
  if (strcmp(status, "accepted") != 0 && strcmp(status, "certified") != 0) {
    db_fail(db, "illegal-transition", "status", "case %lld is %s; a certification contract follows the acceptance of an application", id, status);
    return reg_abort(db);
  }
  if (reg_order(db, "the acceptance", reviewed, "date", date) < 0) return reg_abort(db);
  if (reg_run(db, "UPDATE cases SET contracted = ?2, contract_number = ?3 WHERE id = ?1", "itt", id, date, number) < 0 ||
      log_record(db, "case.contract", "case", id, args) < 0)
    return reg_abort(db);
  return db_commit(db);
}

int case_close(Db *db, long long id, const char *date, const char *reason, const char *args) {
  return case_move(db, id, "closed", date, reason, "case.close", args);
}
