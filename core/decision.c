/* core/decision.c — certification decisions, taken by people who did not audit the case
 * (impartiality: CAS §6.6, DNI §5.4; the schema's triggers back this check). */
#include "core/register.h"
#include "core/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The decider exists and was on no audit team of the case; the error names the audit. */
static int decision_maker_impartial(Db *db, long long case_id, long long person) {
  char name[200];
  if (reg_column(db, "people", "name", person, "by", name, sizeof name) < 0) return -1;
  sqlite3_stmt *st = db_prepare(db, "SELECT a.id, a.type, t.role FROM audit_team t JOIN audits a ON a.id = t.audit_id"
                                    " WHERE a.case_id = ?1 AND t.person_id = ?2 ORDER BY a.id LIMIT 1");
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, case_id);
  sqlite3_bind_int64(st, 2, person);
  long long audit = 0;
  char what[80] = "";
  if (sqlite3_step(st) == SQLITE_ROW) {
    audit = sqlite3_column_int64(st, 0);
    snprintf(what, sizeof what, "%s audit, as %s", (const char *)sqlite3_column_text(st, 1),
             (const char *)sqlite3_column_text(st, 2));
  }
  sqlite3_finalize(st);
  if (audit)
    return db_fail(db, "impartiality", "by",
                   "person %lld (%s) was on the team of audit %lld of case %lld (%s) and cannot decide the case",
                   person, name, audit, case_id, what);
  return 0;
}

/* The audit decided on belongs to the case and took place; its end is not after date. */
static int decision_audit_ok(Db *db, const DecisionInput *in) {
  char case_id[24], status[16], end[16];
  if (reg_column(db, "audits", "case_id", in->audit, "audit", case_id, sizeof case_id) < 0 ||
      reg_column(db, "audits", "status", in->audit, "audit", status, sizeof status) < 0 ||
      reg_column(db, "audits", "coalesce(actual_end, '')", in->audit, "audit", end, sizeof end) < 0)
    return -1;
  if (atoll(case_id) != in->case_id)
    return db_fail(db, "invalid", "audit", "audit %lld belongs to case %s, not to case %lld", in->audit, case_id, in->case_id);
  if (strcmp(status, "done") != 0)
    return db_fail(db, "illegal-transition", "audit", "audit %lld is %s; a decision rests on an audit that took place", in->audit, status);
  return reg_order(db, "the audit's end", end, "date", in->date);
}

/* The rules hash names rules pinned for the case's scheme version; 0 or -1 (not-found). */
static int reg_exists_rules(Db *db, const char *hash) {
  sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM rules WHERE hash = ?1");
  if (!st) return -1;
  sqlite3_bind_text(st, 1, hash, -1, SQLITE_TRANSIENT);
  int found = sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  return found ? 0 : db_fail(db, "not-found", "rules", "no rules with hash %s are pinned in this register", hash);
}

int decision_create(Db *db, const DecisionInput *in, const char *args, long long *id) {
  if (reg_text(db, "outcome", in->outcome) < 0 || reg_date(db, "date", in->date, 1) < 0 ||
      reg_json(db, "why", in->why_json, '[') < 0)
    return -1;
  if (in->positive != 0 && in->positive != 1) return db_fail(db, "invalid", "positive", "positive must be true or false");
  if (in->neutral && in->positive) return db_fail(db, "invalid", "neutral", "a neutral decision (e.g. a postponement) grants nothing: positive must be false");
  if (in->reason && reg_text(db, "reason", in->reason) < 0) return -1;
  if (in->nmakers < 1) return db_fail(db, "invalid", "by", "a decision needs its deciders (by: at least one person)");
  for (int i = 0; i < in->nmakers; i++)
    for (int k = 0; k < i; k++)
      if (in->makers[i] == in->makers[k]) return db_fail(db, "invalid", "by", "person %lld is named twice among the deciders", in->makers[i]);
  char status[16], applied[16];
  if (db_begin(db) < 0) return -1;
  db_effective(db, in->date); /* the decision and the case's change it brings */
  if (reg_column(db, "cases", "status", in->case_id, "case", status, sizeof status) < 0 ||
      reg_column(db, "cases", "applied", in->case_id, "case", applied, sizeof applied) < 0)
    return reg_abort(db);
  if (strcmp(status, "accepted") != 0 && strcmp(status, "certified") != 0) {
    db_fail(db, "illegal-transition", "case", "case %lld is %s; only an accepted or certified case can be decided", in->case_id, status);
    return reg_abort(db);
  }
  if (reg_order(db, "the application date", applied, "date", in->date) < 0) return reg_abort(db);
  if (in->audit && decision_audit_ok(db, in) < 0) return reg_abort(db);
  for (int i = 0; i < in->nmakers; i++)
    if (decision_maker_impartial(db, in->case_id, in->makers[i]) < 0) return reg_abort(db);
  if (in->rules && reg_exists_rules(db, in->rules) < 0) return reg_abort(db);
  if (reg_run(db, "INSERT INTO decisions(case_id, audit_id, outcome, positive, grade, date, why, reason, rules)"
                  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, '[]'), ?8, ?9)",
              "iItittttt", in->case_id, in->audit, in->outcome, (long long)in->positive, in->grade, in->date, in->why_json,
              in->reason, in->rules) < 0)
    return reg_abort(db);
  *id = db_last_id(db);
  for (int i = 0; i < in->nmakers; i++)
    if (reg_run(db, "INSERT INTO decision_makers(decision_id, person_id) VALUES(?1, ?2)", "ii", *id, in->makers[i]) < 0)
      return reg_abort(db);
  if (log_record(db, "decision.create", "decision", *id, args) < 0) return reg_abort(db);
  if (!strcmp(status, "accepted") && !in->neutral) {
    const char *to = in->positive ? "certified" : "refused";
    if (reg_run(db, "UPDATE cases SET status = ?2 WHERE id = ?1", "it", in->case_id, to) < 0 ||
        log_record(db, in->positive ? "case.certify" : "case.refuse", "case", in->case_id, args) < 0)
      return reg_abort(db);
  }
  return db_commit(db);
}
