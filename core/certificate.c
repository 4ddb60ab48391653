/* core/certificate.c — certificates: issue on a positive decision, status changes (active ⇄
 * suspended; active|suspended → withdrawn|cancelled|expired, never back), changes of scope and
 * data on the same number and expiry, and recertification on the same number. */
#include "core/register.h"
#include "core/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const CERT_STATUSES[] = {"active", "suspended", "withdrawn", "cancelled", "expired", NULL};

/* The legal changes of a certificate's status; withdrawn, cancelled and expired are final. */
static const struct { const char *from, *to; } CERT_TRANSITIONS[] = {
  {"active", "suspended"},    {"suspended", "active"},
  {"active", "withdrawn"},    {"suspended", "withdrawn"},
  {"active", "cancelled"},    {"suspended", "cancelled"},
  {"active", "expired"},      {"suspended", "expired"},
};

int certificate_transition_ok(const char *from, const char *to) {
  for (size_t i = 0; i < sizeof CERT_TRANSITIONS / sizeof CERT_TRANSITIONS[0]; i++)
    if (!strcmp(CERT_TRANSITIONS[i].from, from) && !strcmp(CERT_TRANSITIONS[i].to, to)) return 1;
  return 0;
}

/* The decision exists, is positive, and backs no certificate yet; its case and date out. */
static int cert_decision_ok(Db *db, long long decision, long long *case_id, char date[16]) {
  char positive[8], cid[24], used[24] = "";
  if (reg_column(db, "decisions", "positive", decision, "decision", positive, sizeof positive) < 0 ||
      reg_column(db, "decisions", "case_id", decision, "decision", cid, sizeof cid) < 0 ||
      reg_column(db, "decisions", "date", decision, "decision", date, 16) < 0)
    return -1;
  if (strcmp(positive, "1") != 0)
    return db_fail(db, "illegal-transition", "decision", "decision %lld is not positive; no certificate without a positive decision", decision);
  sqlite3_stmt *st = db_prepare(db, "SELECT number FROM certificates WHERE decision_id = ?1");
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, decision);
  if (sqlite3_step(st) == SQLITE_ROW) snprintf(used, sizeof used, "%s", (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  if (used[0]) return db_fail(db, "duplicate", "decision", "decision %lld already backs certificate %s", decision, used);
  *case_id = atoll(cid);
  return 0;
}

/* Refuse a number another certificate holds. */
static int cert_number_free(Db *db, const char *number) {
  sqlite3_stmt *st = db_prepare(db, "SELECT id FROM certificates WHERE number = ?1");
  if (!st) return -1;
  sqlite3_bind_text(st, 1, number, -1, SQLITE_TRANSIENT);
  long long other = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_finalize(st);
  if (other) return db_fail(db, "duplicate", "number", "certificate number '%s' is already used by certificate %lld", number, other);
  return 0;
}

/* The case has no live (active or suspended) certificate; recertification renews that one. */
static int cert_case_free(Db *db, long long case_id) {
  sqlite3_stmt *st = db_prepare(db, "SELECT number, status FROM certificates WHERE case_id = ?1 AND status IN ('active','suspended')");
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, case_id);
  char live[200] = "";
  if (sqlite3_step(st) == SQLITE_ROW)
    snprintf(live, sizeof live, "%s (%s)", (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1));
  sqlite3_finalize(st);
  if (live[0])
    return db_fail(db, "duplicate", "case", "case %lld already has certificate %s; recertification renews it on the same number",
                   case_id, live);
  return 0;
}

int certificate_issue(Db *db, const CertificateInput *in, const char *args, long long *id) {
  if (reg_text(db, "number", in->number) < 0 || reg_date(db, "issued", in->issued, 1) < 0 ||
      reg_date(db, "expires", in->expires, 1) < 0 || reg_shops(db, "shops", in->shops_json) < 0)
    return -1;
  if (strcmp(in->expires, in->issued) <= 0)
    return db_fail(db, "invalid", "expires", "expires %s must be after issued %s", in->expires, in->issued);
  if (in->stars < 0 || in->stars > 5) return db_fail(db, "invalid", "stars", "stars %d must be from 0 to 5", in->stars);
  if (in->scope && reg_text(db, "scope", in->scope) < 0) return -1;
  long long case_id = 0;
  char decided[16];
  if (db_begin(db) < 0) return -1;
  db_effective(db, in->issued);
  if (cert_decision_ok(db, in->decision, &case_id, decided) < 0 || cert_number_free(db, in->number) < 0 ||
      cert_case_free(db, case_id) < 0 || reg_order(db, "the decision's date", decided, "issued", in->issued) < 0)
    return reg_abort(db);
  int ok = reg_run(db, "INSERT INTO certificates(number, case_id, org_id, scheme, version, scope, shops, grade, stars,"
                       " issued, expires, status, status_date, decision_id)"
                       " SELECT ?1, c.id, c.org_id, c.scheme, c.version, coalesce(?3, c.scope), coalesce(?4, c.shops),"
                       "  coalesce(?5, d.grade, c.grade), ?6, ?7, ?8, 'active', ?7, d.id"
                       " FROM cases c JOIN decisions d ON d.case_id = c.id WHERE c.id = ?2 AND d.id = ?9",
                   "titttitti", in->number, case_id, in->scope, in->shops_json, in->grade, (long long)in->stars,
                   in->issued, in->expires, in->decision) == 0;
  *id = db_last_id(db);
  if (!ok || log_record(db, "certificate.issue", "certificate", *id, args) < 0) return reg_abort(db);
  return db_commit(db);
}

/* The certificate's text column into out (a row read inside the command). */
static int cert_column(Db *db, long long id, const char *column, char *out, size_t n) {
  return reg_column(db, "certificates", column, id, "certificate", out, n);
}

int certificate_set_status(Db *db, long long id, const StatusInput *in, const char *args) {
  const char *to = in->to, *date = in->date, *cause = in->cause;
  if (reg_word(db, "status", to, CERT_STATUSES) < 0 || reg_date(db, "date", date, 1) < 0 ||
      reg_date(db, "until", in->until, 0) < 0 || reg_order(db, "date", date, "until", in->until) < 0)
    return -1;
  if (in->until && strcmp(to, "suspended") != 0)
    return db_fail(db, "invalid", "until", "only a suspension has a limit (until), not a change to %s", to);
  int needs_cause = !strcmp(to, "suspended") || !strcmp(to, "withdrawn") || !strcmp(to, "cancelled");
  if (needs_cause && reg_text(db, "cause", cause) < 0) return -1;
  char from[16], since[16], issued[16], expires[16], number[200];
  if (db_begin(db) < 0) return -1;
  db_effective(db, date);
  if (cert_column(db, id, "status", from, sizeof from) < 0 || cert_column(db, id, "status_date", since, sizeof since) < 0 ||
      cert_column(db, id, "issued", issued, sizeof issued) < 0 || cert_column(db, id, "expires", expires, sizeof expires) < 0 ||
      cert_column(db, id, "number", number, sizeof number) < 0)
    return reg_abort(db);
  if (!certificate_transition_ok(from, to)) {
    db_fail(db, "illegal-transition", "status", "certificate %s is %s since %s; it cannot become %s%s", number, from, since, to,
            !strcmp(from, "active") || !strcmp(from, "suspended") ? "" : " (withdrawn, cancelled and expired are final)");
    return reg_abort(db);
  }
  if (reg_order(db, "its last change", since, "date", date) < 0) return reg_abort(db);
  if (!strcmp(to, "expired") && strcmp(date, expires) < 0) {
    db_fail(db, "invalid", "date", "certificate %s expires on %s; it cannot be marked expired on %s", number, expires, date);
    return reg_abort(db);
  }
  if (!strcmp(to, "active") && strcmp(date, expires) >= 0) {
    db_fail(db, "invalid", "date", "certificate %s expired on %s; it cannot be restored on %s", number, expires, date);
    return reg_abort(db);
  }
  const char *kind = !strcmp(to, "active") ? "certificate.restore" : !strcmp(to, "suspended") ? "certificate.suspend"
                   : !strcmp(to, "withdrawn") ? "certificate.withdraw" : !strcmp(to, "cancelled") ? "certificate.cancel"
                   : "certificate.expire";
  if (reg_run(db, "UPDATE certificates SET status = ?2, status_date = ?3, status_cause = ?4, status_clause = ?5,"
                  " status_code = ?6, status_until = ?7 WHERE id = ?1",
              "itttttt", id, to, date, cause, in->clause, in->code, in->until) < 0 ||
      log_record(db, kind, "certificate", id, args) < 0)
    return reg_abort(db);
  return db_commit(db);
}

int certificate_change(Db *db, long long id, const char *scope, const char *grade, int stars, const char *shops,
                       const char *kind, const char *date, const char *args) {
  if ((scope && reg_text(db, "scope", scope) < 0) || reg_shops(db, "shops", shops) < 0 || reg_date(db, "date", date, 0) < 0) return -1;
  if (stars > 5) return db_fail(db, "invalid", "stars", "stars %d must be from 0 to 5", stars);
  if (!scope && !grade && stars < 0 && !shops)
    return db_fail(db, "invalid", "scope", "nothing to change: give scope, grade, stars or shops");
  char status[16], number[200];
  if (db_begin(db) < 0) return -1;
  db_effective(db, date); /* the business date of the change (a downgrade: its decision's date); NULL: when recorded */
  if (cert_column(db, id, "status", status, sizeof status) < 0 || cert_column(db, id, "number", number, sizeof number) < 0)
    return reg_abort(db);
  if (strcmp(status, "active") != 0 && strcmp(status, "suspended") != 0) {
    db_fail(db, "illegal-transition", "status", "certificate %s is %s; its scope and data can no longer change", number, status);
    return reg_abort(db);
  }
  if (reg_run(db, "UPDATE certificates SET scope = coalesce(?2, scope), grade = coalesce(?3, grade),"
                  " stars = CASE WHEN ?4 < 0 THEN stars ELSE ?4 END, shops = coalesce(?5, shops) WHERE id = ?1",
              "ittit", id, scope, grade, (long long)stars, shops) < 0 ||
      log_record(db, kind ? kind : "certificate.change", "certificate", id, args) < 0)
    return reg_abort(db);
  return db_commit(db);
}

int certificate_renew(Db *db, long long id, long long decision, const char *issued, const char *expires,
                      const char *grade, int stars, const char *args) {
  if (reg_date(db, "issued", issued, 1) < 0 || reg_date(db, "expires", expires, 1) < 0) return -1;
  if (stars > 5) return db_fail(db, "invalid", "stars", "stars %d must be from 0 to 5", stars);
  if (strcmp(expires, issued) <= 0) return db_fail(db, "invalid", "expires", "expires %s must be after issued %s", expires, issued);
  char status[16], number[200], old_issued[16], old_expires[16], cid[24], decided[16];
  long long case_id = 0;
  if (db_begin(db) < 0) return -1;
  db_effective(db, issued); /* the new cycle starts then; the previous one stays as it was until that day */
  if (cert_column(db, id, "status", status, sizeof status) < 0 || cert_column(db, id, "number", number, sizeof number) < 0 ||
      cert_column(db, id, "issued", old_issued, sizeof old_issued) < 0 ||
      cert_column(db, id, "expires", old_expires, sizeof old_expires) < 0 ||
      cert_column(db, id, "case_id", cid, sizeof cid) < 0 || cert_decision_ok(db, decision, &case_id, decided) < 0)
    return reg_abort(db);
  if (strcmp(status, "active") != 0) {
    db_fail(db, "illegal-transition", "status", "certificate %s is %s; only an active certificate is renewed", number, status);
    return reg_abort(db);
  }
  if (case_id != atoll(cid)) {
    db_fail(db, "invalid", "decision", "decision %lld is on case %lld, certificate %s on case %s", decision, case_id, number, cid);
    return reg_abort(db);
  }
  if (reg_order(db, "the decision's date", decided, "issued", issued) < 0 ||
      reg_order(db, "the current issue date", old_issued, "issued", issued) < 0 ||
      (strcmp(expires, old_expires) <= 0 &&
       db_fail(db, "invalid", "expires", "the renewed expiry %s must be after the current expiry %s", expires, old_expires) < 0))
    return reg_abort(db);
  if (reg_run(db, "UPDATE certificates SET issued = ?2, expires = ?3, decision_id = ?4, status_date = ?2,"
                  " status_cause = NULL, status_clause = NULL, status_code = NULL, status_until = NULL,"
                  " grade = coalesce(?5, grade), stars = CASE WHEN ?6 < 0 THEN stars ELSE ?6 END WHERE id = ?1",
              "ittiti", id, issued, expires, decision, grade, (long long)stars) < 0 ||
      log_record(db, "certificate.renew", "certificate", id, args) < 0)
    return reg_abort(db);
  return db_commit(db);
}

int certificate_import(Db *db, const ImportInput *in, const char *args, long long *id) {
  const StatusInput *st = &in->status;
  if (reg_text(db, "scheme", in->scheme) < 0 || reg_text(db, "version", in->version) < 0 || reg_text(db, "scope", in->scope) < 0 ||
      reg_text(db, "number", in->number) < 0 || reg_date(db, "issued", in->issued, 1) < 0 || reg_date(db, "expires", in->expires, 1) < 0 ||
      reg_date(db, "decided", in->decided, 0) < 0 || reg_shops(db, "shops", in->shops_json) < 0 ||
      reg_word(db, "status", st->to, CERT_STATUSES) < 0 || reg_date(db, "statusDate", st->date, 1) < 0 ||
      reg_date(db, "until", st->until, 0) < 0 || reg_order(db, "issued", in->issued, "statusDate", st->date) < 0)
    return -1;
  const char *decided = in->decided ? in->decided : in->issued;
  if (strcmp(in->expires, in->issued) <= 0)
    return db_fail(db, "invalid", "expires", "expires %s must be after issued %s", in->expires, in->issued);
  if (strcmp(decided, in->issued) > 0) return db_fail(db, "invalid", "decided", "decided %s is after issued %s", decided, in->issued);
  if (in->stars < 0 || in->stars > 5) return db_fail(db, "invalid", "stars", "stars %d must be from 0 to 5", in->stars);
  if (in->nmakers < 1) return db_fail(db, "invalid", "deciders", "an imported certificate names who decided it (deciders)");
  if (db_begin(db) < 0) return -1;
  db_effective(db, decided); /* the case and the decision it rests on; the certificate from its issue */
  if (reg_exists(db, "org", "orgs", in->org) < 0 || cert_number_free(db, in->number) < 0) return reg_abort(db);
  long long case_id, decision;
  if (reg_run(db, "INSERT INTO cases(org_id, scheme, version, scope, grade, shops, status, applied, reviewed, created)"
                  " VALUES(?1, ?2, ?3, ?4, ?5, coalesce(?6, '[]'), 'certified', ?7, ?7, ?8)",
              "ittttttt", in->org, in->scheme, in->version, in->scope, in->grade, in->shops_json, decided, db->as_of) < 0)
    return reg_abort(db);
  case_id = db_last_id(db);
  if (log_record(db, "case.import", "case", case_id, args) < 0 ||
      reg_run(db, "INSERT INTO decisions(case_id, outcome, positive, grade, date, why) VALUES(?1, 'import', 1, ?2, ?3, '[]')", "itt",
              case_id, in->grade, decided) < 0)
    return reg_abort(db);
  decision = db_last_id(db);
  for (int i = 0; i < in->nmakers; i++)
    if (reg_exists(db, "deciders", "people", in->makers[i]) < 0 ||
        reg_run(db, "INSERT INTO decision_makers(decision_id, person_id) VALUES(?1, ?2)", "ii", decision, in->makers[i]) < 0)
      return reg_abort(db);
  if (log_record(db, "decision.import", "decision", decision, args) < 0 ||
      reg_run(db, "INSERT INTO certificates(number, case_id, org_id, scheme, version, scope, shops, grade, stars, issued, expires,"
                  " status, status_date, status_cause, status_clause, status_code, status_until, decision_id)"
                  " SELECT ?1, c.id, c.org_id, c.scheme, c.version, c.scope, c.shops, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13"
                  " FROM cases c WHERE c.id = ?2",
              "tititttttttti", in->number, case_id, in->grade, (long long)in->stars, in->issued, in->expires, st->to, st->date,
              st->cause, st->clause, st->code, st->until, decision) < 0)
    return reg_abort(db);
  *id = db_last_id(db);
  db_effective(db, in->issued);
  if (log_record(db, "certificate.import", "certificate", *id, args) < 0) return reg_abort(db);
  return db_commit(db);
}
