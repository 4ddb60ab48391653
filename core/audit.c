/* core/audit.c — audits of a case and their teams. No audit of a case that was not accepted
 * (nor of a rejected one); nobody who decided the case joins its team (impartiality). */
#include "core/register.h"
#include "core/log.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const AUDIT_TYPES[] = {"document", "initial", "surveillance", "recertification", "special", "extension", NULL};
static const char *const AUDIT_ROLES[] = {"leader", "member", "expert", NULL};

/* A member's role is known and the person exists (no duplicates in team[0..n)). */
static int audit_member_ok(Db *db, const AuditMember *m, const AuditMember *team, int n) {
  if (reg_word(db, "team.role", m->role, AUDIT_ROLES) < 0) return -1;
  for (int i = 0; i < n; i++)
    if (team[i].person == m->person)
      return db_fail(db, "invalid", "team", "person %lld is on the team twice", m->person);
  return 0;
}

/* Site i of the audit is a site of the case's organisation, open on the audit's first day, and
 * named once. */
static int audit_site_ok(Db *db, const AuditInput *in, int i) {
  const char *day = in->actual_start ? in->actual_start : in->planned_start;
  for (int j = 0; j < i; j++)
    if (in->sites[j] == in->sites[i]) return db_fail(db, "invalid", "sites", "site %lld is named twice", in->sites[i]);
  sqlite3_stmt *st = db_prepare(db, "SELECT s.org_id = k.org_id, s.opened <= ?3 AND (s.closed IS NULL OR s.closed >= ?3), s.opened, s.closed"
                                    " FROM sites s, cases k WHERE s.id = ?1 AND k.id = ?2");
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, in->sites[i]);
  sqlite3_bind_int64(st, 2, in->case_id);
  sqlite3_bind_text(st, 3, day, -1, SQLITE_TRANSIENT);
  int rc = sqlite3_step(st), own = 0, open = 0;
  char opened[16] = "", closed[16] = "";
  if (rc == SQLITE_ROW) {
    own = sqlite3_column_int(st, 0);
    open = sqlite3_column_int(st, 1);
    snprintf(opened, sizeof opened, "%s", (const char *)sqlite3_column_text(st, 2));
    if (sqlite3_column_type(st, 3) != SQLITE_NULL) snprintf(closed, sizeof closed, "%s", (const char *)sqlite3_column_text(st, 3));
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW) return db_fail(db, "not-found", "sites", "site %lld does not exist (or the case does not)", in->sites[i]);
  if (!own) return db_fail(db, "invalid", "sites", "site %lld is not a site of the case's organisation", in->sites[i]);
  if (!open)
    return db_fail(db, "invalid", "sites", "site %lld is not open on %s (opened %s%s%s)", in->sites[i], day, opened,
                   closed[0] ? ", closed " : "", closed);
  return 0;
}

/* The person exists and has not decided case_id (impartiality, CAS §6.6, DNI §5.4). */
static int audit_member_impartial(Db *db, long long case_id, long long person) {
  if (reg_exists(db, "team.person", "people", person) < 0) return -1;
  sqlite3_stmt *st = db_prepare(db, "SELECT d.id FROM decision_makers m JOIN decisions d ON d.id = m.decision_id"
                                    " WHERE d.case_id = ?1 AND m.person_id = ?2 LIMIT 1");
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, case_id);
  sqlite3_bind_int64(st, 2, person);
  long long decision = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_finalize(st);
  if (decision)
    return db_fail(db, "impartiality", "team", "person %lld decided case %lld (decision %lld) and cannot join its audit team",
                   person, case_id, decision);
  return 0;
}

/* The case exists and may be audited: accepted or certified. */
static int audit_case_open(Db *db, long long case_id, char applied[16]) {
  char status[16];
  if (reg_column(db, "cases", "status", case_id, "case", status, sizeof status) < 0 ||
      reg_column(db, "cases", "applied", case_id, "case", applied, 16) < 0)
    return -1;
  if (strcmp(status, "accepted") != 0 && strcmp(status, "certified") != 0)
    return db_fail(db, "illegal-transition", "case", "case %lld is %s; only an accepted or certified case can be audited",
                   case_id, status);
  return 0;
}

int audit_create(Db *db, const AuditInput *in, const char *args, long long *id) {
  if (reg_word(db, "type", in->type, AUDIT_TYPES) < 0) return -1;
  if (in->mode && reg_text(db, "mode", in->mode) < 0) return -1;
  if (reg_date(db, "plannedStart", in->planned_start, 0) < 0 || reg_date(db, "plannedEnd", in->planned_end, 0) < 0 ||
      reg_date(db, "start", in->actual_start, 0) < 0 || reg_date(db, "end", in->actual_end, 0) < 0 ||
      reg_order(db, "plannedStart", in->planned_start, "plannedEnd", in->planned_end) < 0 ||
      reg_order(db, "start", in->actual_start, "end", in->actual_end) < 0)
    return -1;
  if (!in->planned_start != !in->planned_end)
    return db_fail(db, "invalid", in->planned_start ? "plannedEnd" : "plannedStart", "a planned audit needs both plannedStart and plannedEnd");
  if (!in->actual_start != !in->actual_end)
    return db_fail(db, "invalid", in->actual_start ? "end" : "start", "an audit that took place needs both start and end");
  if (!in->actual_start && !in->planned_start)
    return db_fail(db, "invalid", "start", "an audit needs its dates: start and end (done) or plannedStart and plannedEnd");
  if (!isnan(in->man_days) && (!isfinite(in->man_days) || in->man_days < 0 || in->man_days > 10000))
    return db_fail(db, "invalid", "manDays", "manDays %g must be a number of man-days from 0 to 10000", in->man_days);
  if (!isnan(in->onsite_days) && (!isfinite(in->onsite_days) || in->onsite_days < 0 || in->onsite_days > 10000))
    return db_fail(db, "invalid", "onsiteDays", "onsiteDays %g must be a number of man-days from 0 to 10000", in->onsite_days);
  if (reg_json(db, "why", in->why_json, '[') < 0) return -1;
  for (int i = 0; i < in->nteam; i++)
    if (audit_member_ok(db, &in->team[i], in->team, i) < 0) return -1;
  char applied[16];
  if (db_begin(db) < 0) return -1;
  db_effective(db, in->actual_end); /* an audit recorded as done takes effect on its end; a plan when recorded */
  if (audit_case_open(db, in->case_id, applied) < 0 ||
      reg_order(db, "the application date", applied, in->actual_start ? "start" : "plannedStart",
                in->actual_start ? in->actual_start : in->planned_start) < 0)
    return reg_abort(db);
  for (int i = 0; i < in->nteam; i++)
    if (audit_member_impartial(db, in->case_id, in->team[i].person) < 0) return reg_abort(db);
  for (int i = 0; i < in->nsites; i++)
    if (audit_site_ok(db, in, i) < 0) return reg_abort(db);
  if (reg_run(db, "INSERT INTO audits(case_id, type, mode, planned_start, planned_end, actual_start, actual_end,"
                  " man_days, onsite_days, status, why, sites) VALUES(?1, ?2, coalesce(?3, 'onsite'), ?4, ?5, ?6, ?7, ?8, ?9,"
                  " CASE WHEN ?6 IS NULL THEN 'planned' ELSE 'done' END, coalesce(?10, '[]'), CASE WHEN ?11 THEN '[]' END)",
              "ittttttddti", in->case_id, in->type, in->mode, in->planned_start, in->planned_end, in->actual_start,
              in->actual_end, in->man_days, in->onsite_days, in->why_json, (long long)(in->sites != NULL)) < 0)
    return reg_abort(db);
  *id = db_last_id(db);
  for (int i = 0; in->sites && i < in->nsites; i++) /* the visited sites' ids, the JSON built by SQLite */
    if (reg_run(db, "UPDATE audits SET sites = json_insert(sites, '$[#]', ?2) WHERE id = ?1", "ii", *id, in->sites[i]) < 0)
      return reg_abort(db);
  for (int i = 0; i < in->nteam; i++)
    if (reg_run(db, "INSERT INTO audit_team(audit_id, person_id, role) VALUES(?1, ?2, ?3)", "iit", *id, in->team[i].person,
                in->team[i].role) < 0)
      return reg_abort(db);
  if (log_record(db, "audit.create", "audit", *id, args) < 0) return reg_abort(db);
  return db_commit(db);
}

/* Move a planned audit to `to` (done with dates, or cancelled). */
static int audit_finish(Db *db, long long id, const char *to, const char *start, const char *end, const char *args) {
  char status[16], case_id[24], applied[16];
  if (db_begin(db) < 0) return -1;
  db_effective(db, end); /* done on its end; a cancellation (no date) when recorded */
  if (reg_column(db, "audits", "status", id, "audit", status, sizeof status) < 0 ||
      reg_column(db, "audits", "case_id", id, "audit", case_id, sizeof case_id) < 0 ||
      reg_column(db, "cases", "applied", atoll(case_id), "case", applied, sizeof applied) < 0)
    return reg_abort(db);
  if (strcmp(status, "planned") != 0) {
    db_fail(db, "illegal-transition", "status", "audit %lld is %s; only a planned audit can become %s", id, status, to);
    return reg_abort(db);
  }
  if (start && reg_order(db, "the application date", applied, "start", start) < 0) return reg_abort(db);
  if (reg_run(db, "UPDATE audits SET status = ?2, actual_start = ?3, actual_end = ?4 WHERE id = ?1", "ittt", id, to, start,
              end) < 0 ||
      log_record(db, !strcmp(to, "done") ? "audit.complete" : "audit.cancel", "audit", id, args) < 0)
    return reg_abort(db);
  return db_commit(db);
}

int audit_complete(Db *db, long long id, const char *start, const char *end, const char *args) {
  if (reg_date(db, "start", start, 1) < 0 || reg_date(db, "end", end, 1) < 0 || reg_order(db, "start", start, "end", end) < 0)
    return -1;
  return audit_finish(db, id, "done", start, end, args);
}

int audit_cancel(Db *db, long long id, const char *args) { return audit_finish(db, id, "cancelled", NULL, NULL, args); }

int audit_report(Db *db, long long id, const char *date, long long by, const char *args) {
  if (reg_date(db, "date", date, 1) < 0) return -1;
  char status[16], end[16], role[16] = "", reported[16];
  if (db_begin(db) < 0) return -1;
  db_effective(db, date);
  if (reg_column(db, "audits", "status", id, "audit", status, sizeof status) < 0 ||
      reg_column(db, "audits", "coalesce(actual_end, '')", id, "audit", end, sizeof end) < 0 ||
      reg_column(db, "audits", "coalesce(reported, '')", id, "audit", reported, sizeof reported) < 0)
    return reg_abort(db);
  if (strcmp(status, "done") != 0) {
    db_fail(db, "illegal-transition", "audit", "audit %lld is %s; only an audit that took place has a report", id, status);
    return reg_abort(db);
  }
  if (reported[0]) {
    db_fail(db, "invalid", "audit", "audit %lld has its report already (dated %s)", id, reported);
    return reg_abort(db);
  }
  if (reg_order(db, "the audit's end", end, "date", date) < 0) return reg_abort(db);
  sqlite3_stmt *st = db_prepare(db, "SELECT role FROM audit_team WHERE audit_id = ?1 AND person_id = ?2");
  if (!st) return reg_abort(db);
  sqlite3_bind_int64(st, 1, id);
  sqlite3_bind_int64(st, 2, by);
  if (sqlite3_step(st) == SQLITE_ROW) snprintf(role, sizeof role, "%s", (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  if (strcmp(role, "leader") != 0) {
    db_fail(db, "invalid", "by", "person %lld is %s of audit %lld; its report is signed by the team's leader", by,
            role[0] ? role : "not on the team", id);
    return reg_abort(db);
  }
  if (reg_run(db, "UPDATE audits SET reported = ?2, report_by = ?3 WHERE id = ?1", "iti", id, date, by) < 0 ||
      log_record(db, "audit.report", "audit", id, args) < 0)
    return reg_abort(db);
  return db_commit(db);
}

int audit_add_member(Db *db, long long id, const AuditMember *m, const char *args) {
  if (audit_member_ok(db, m, NULL, 0) < 0) return -1;
  char case_id[24], status[16];
  if (db_begin(db) < 0) return -1;
  if (reg_column(db, "audits", "case_id", id, "audit", case_id, sizeof case_id) < 0 ||
      reg_column(db, "audits", "status", id, "audit", status, sizeof status) < 0 ||
      audit_member_impartial(db, atoll(case_id), m->person) < 0)
    return reg_abort(db);
  if (!strcmp(status, "cancelled")) {
    db_fail(db, "illegal-transition", "audit", "audit %lld was cancelled; its team cannot change", id);
    return reg_abort(db);
  }
  if (reg_run(db, "INSERT INTO audit_team(audit_id, person_id, role) VALUES(?1, ?2, ?3)", "iit", id, m->person, m->role) < 0 ||
      log_record(db, "audit.addMember", "audit", id, args) < 0)
    return reg_abort(db);
  return db_commit(db);
}
