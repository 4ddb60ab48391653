/* tests/core_register.c — unit tests of the register's primitives (core/org.c … matter.c):
 * each refusal names its field, and leaves the database exactly as it was. */
#include "tests/check.h"
#include "core/db.h"
#include "core/log.h"
#include "core/register.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static Db db;

/* Number of events in the record log. */
static long long events(void) {
  sqlite3_stmt *st = db_prepare(&db, "SELECT count(*) FROM events");
  long long n = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
  sqlite3_finalize(st);
  return n;
}

/* One text value of a query with one integer parameter, in a static buffer. */
static const char *value(const char *sql, long long id) {
  static char out[512];
  sqlite3_stmt *st = db_prepare(&db, sql);
  sqlite3_bind_int64(st, 1, id);
  out[0] = 0;
  if (st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
    snprintf(out, sizeof out, "%s", (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  return out;
}

/* A refusal: rc is -1, the error has code and field, and no event was written. */
#define REFUSED(call, want_code, want_field)          \
  do {                                                \
    long long before_ = events();                     \
    CHECK((call) == -1);                              \
    CHECK_STR(db.err.code, want_code);                \
    CHECK_STR(db.err.field, want_field);              \
    CHECK(events() == before_);                       \
    CHECK(db.depth == 0);                             \
  } while (0)

static const char VALID_USCC[] = "91110000600037341L";

int main(void) {
  CoreError err;
  if (db_open(&db, ":memory:", &err) < 0) { fprintf(stderr, "%s\n", err.message); return 1; }
  snprintf(db.as_of, sizeof db.as_of, "2026-01-05");
  long long org, other, auditor, expert, boss, boss2, kase, rejected, audit, finding, score, decision, cert, matter;

  /* organisations: USCC with its GB 32100 check character, staff in range */
  OrgInput o = {.name = "杭州某某电器有限公司", .uscc = VALID_USCC, .staff = 120, .address = "杭州市"};
  CHECK(org_create(&db, &o, "{}", &org) == 0);
  CHECK_STR(value("SELECT name FROM orgs WHERE id = ?1", org), "杭州某某电器有限公司");
  OrgInput bad = o;
  bad.uscc = "91110000600037341A";
  REFUSED(org_create(&db, &bad, NULL, &other), "invalid", "uscc");
  CHECK(strstr(db.err.message, "91110000600037341A") && strstr(db.err.message, "'L'"));
  bad.uscc = "91110000600037341"; /* 17 characters: no override can help */
  bad.uscc_override = "pilot region code";
  REFUSED(org_create(&db, &bad, NULL, &other), "invalid", "uscc");
  bad.uscc = "91110000600037341A";
  bad.uscc_override = "  ";
  REFUSED(org_create(&db, &bad, NULL, &other), "invalid", "usccOverride");
  bad.uscc_override = "code issued in a pilot region before GB 32100";
  CHECK(org_create(&db, &bad, NULL, &other) == 0);
  CHECK_STR(value("SELECT uscc_override FROM orgs WHERE id = ?1", other), "code issued in a pilot region before GB 32100");
  CHECK(strstr(value("SELECT payload FROM events WHERE subject = 'org:' || ?1", other), "pilot region") != NULL);
  REFUSED(org_create(&db, &o, NULL, &other), "duplicate", "uscc");
  long long staffs[] = {0, -5, 1000000000000LL};
  for (int i = 0; i < 3; i++) {
    OrgInput s = o;
    s.uscc = "91330106MA2H0J3K15";
    s.staff = staffs[i];
    REFUSED(org_create(&db, &s, NULL, &other), "invalid", "staff");
  }
  OrgInput shops = {.shops_json = "{\"not\": \"an array\"}"};
  REFUSED(org_update(&db, org, &shops, NULL), "invalid", "shops");
  OrgInput grow = {.staff = 130, .facts_json = "{\"licence\": true}"};
  CHECK(org_update(&db, org, &grow, NULL) == 0);
  CHECK_STR(value("SELECT staff || ' ' || name FROM orgs WHERE id = ?1", org), "130 杭州某某电器有限公司");

  /* people */
  CHECK(person_create(&db, "张三", "[\"auditor\"]", NULL, &auditor) == 0);
  CHECK(person_create(&db, "王五", "[\"expert\"]", NULL, &expert) == 0);
  CHECK(person_create(&db, "李四", "[\"decider\"]", NULL, &boss) == 0);
  CHECK(person_create(&db, "赵六", "[\"decider\",\"auditor\"]", NULL, &boss2) == 0);
  REFUSED(person_create(&db, "钱七", "[\"king\"]", NULL, &other), "invalid", "roles");
  REFUSED(person_create(&db, "", NULL, NULL, &other), "invalid", "name");
  REFUSED(person_register(&db, auditor, "CCAA-1", "", "2026-01-01", "2025-12-31", NULL), "invalid", "to");
  CHECK(person_register(&db, auditor, "CCAA-1", "29.12", "2025-01-01", "2028-12-31", NULL) == 0);

  /* cases: real dates; applied → accepted | rejected; no audit of a rejected case */
  CaseInput c = {.org = org, .scheme = "cas-service", .version = "2024", .scope = "家用电器的售后服务", .grade = "五星级",
                 .applied = "2026-02-30"};
  REFUSED(case_apply(&db, &c, NULL, &kase), "invalid", "date");
  c.org = 999;
  c.applied = "2026-01-05";
  REFUSED(case_apply(&db, &c, NULL, &kase), "not-found", "org");
  c.org = org;
  CHECK(case_apply(&db, &c, NULL, &kase) == 0);
  CHECK(case_apply(&db, &c, NULL, &rejected) == 0);
  REFUSED(case_review(&db, kase, 1, "2026-01-04", NULL, NULL), "invalid", "date"); /* before the application */
  REFUSED(case_review(&db, rejected, 0, "2026-01-08", NULL, NULL), "invalid", "reason");
  CHECK(case_review(&db, rejected, 0, "2026-01-08", "scope outside the scheme", NULL) == 0);
  CHECK(case_review(&db, kase, 1, "2026-01-08", NULL, NULL) == 0);
  REFUSED(case_review(&db, kase, 1, "2026-01-09", NULL, NULL), "illegal-transition", "status");
  CHECK(case_transition_ok("applied", "accepted") && !case_transition_ok("rejected", "accepted"));

  /* audits: ends not before starts; team roles; the case must be open to audit */
  AuditMember team[] = {{auditor, "leader"}, {expert, "expert"}};
  AuditInput a = {.case_id = rejected, .type = "initial", .actual_start = "2026-02-10", .actual_end = "2026-02-12",
                  .man_days = NAN, .onsite_days = NAN, .team = team, .nteam = 2};
  REFUSED(audit_create(&db, &a, NULL, &audit), "illegal-transition", "case");
  CHECK(strstr(db.err.message, "rejected") != NULL);
  a.case_id = kase;
  a.actual_end = "2026-02-09";
  REFUSED(audit_create(&db, &a, NULL, &audit), "invalid", "end");
  a.actual_end = "2026-02-12";
  a.type = "tea";
  REFUSED(audit_create(&db, &a, NULL, &audit), "invalid", "type");
  a.type = "initial";
  a.man_days = INFINITY;
  REFUSED(audit_create(&db, &a, NULL, &audit), "invalid", "manDays");
  a.man_days = 7;
  CHECK(audit_create(&db, &a, "{\"type\":\"initial\"}", &audit) == 0);
  CHECK_STR(value("SELECT status || ' ' || man_days FROM audits WHERE id = ?1", audit), "done 7.0");
  CHECK(strstr(value("SELECT payload FROM events WHERE subject = 'audit:' || ?1", audit), "\"role\":\"leader\"") != NULL);

  /* findings: points finite, due not before raised */
  FindingInput f = {.audit = audit, .item = "5.3", .kind = "nonconformity", .points = NAN, .evidence = "维修记录不全",
                    .raised = "2026-02-12", .due = "2026-04-12"};
  f.points = INFINITY;
  REFUSED(finding_create(&db, &f, NULL, &finding), "invalid", "points");
  f.points = 0;
  f.due = "2026-02-11";
  REFUSED(finding_create(&db, &f, NULL, &finding), "invalid", "due");
  f.due = "2026-04-12";
  CHECK(finding_create(&db, &f, NULL, &finding) == 0);
  CHECK(finding_close(&db, finding, "2026-03-01", NULL) == 0);
  REFUSED(finding_close(&db, finding, "2026-03-02", NULL), "illegal-transition", "status");

  /* scores: 0..100, finite, one per audit */
  ScoreInput s = {.audit = audit, .score = 101, .pass = 1, .date = "2026-02-12"};
  REFUSED(score_record(&db, &s, NULL, &score), "invalid", "score");
  s.score = NAN;
  REFUSED(score_record(&db, &s, NULL, &score), "invalid", "score");
  s.score = 92;
  s.level = "四星级";
  s.stars = 4;
  s.deduction_items = 1;
  CHECK(score_record(&db, &s, NULL, &score) == 0);
  REFUSED(score_record(&db, &s, NULL, &other), "duplicate", "audit");

  /* decisions: impartiality — an auditor of the case never decides it */
  long long by_auditor[] = {boss, auditor};
  DecisionInput d = {.case_id = kase, .audit = audit, .outcome = "certify", .positive = 1, .grade = "四星级",
                     .date = "2026-03-01", .makers = by_auditor, .nmakers = 2};
  REFUSED(decision_create(&db, &d, NULL, &decision), "impartiality", "by");
  CHECK(strstr(db.err.message, "张三") && strstr(db.err.message, "leader"));
  d.nmakers = 0;
  REFUSED(decision_create(&db, &d, NULL, &decision), "invalid", "by");
  d.makers = &boss;
  d.nmakers = 1;
  d.date = "2026-02-11"; /* before the audit ended */
  REFUSED(decision_create(&db, &d, NULL, &decision), "invalid", "date");
  d.date = "2026-03-01";
  CHECK(decision_create(&db, &d, NULL, &decision) == 0);
  CHECK_STR(value("SELECT status FROM cases WHERE id = ?1", kase), "certified");
  AuditMember joining = {boss, "member"};
  REFUSED(audit_add_member(&db, audit, &joining, NULL), "impartiality", "team");

  /* certificates: only on a positive decision; number unique */
  long long negative;
  DecisionInput no = d;
  no.outcome = "refuse";
  no.positive = 0;
  no.makers = &boss2;
  CHECK(decision_create(&db, &no, NULL, &negative) == 0);
  CertificateInput ci = {.decision = negative, .number = "CAS-2026-0001", .stars = 4, .issued = "2026-03-01",
                         .expires = "2029-02-28"};
  REFUSED(certificate_issue(&db, &ci, NULL, &cert), "illegal-transition", "decision");
  ci.decision = decision;
  ci.expires = "2026-03-01";
  REFUSED(certificate_issue(&db, &ci, NULL, &cert), "invalid", "expires");
  ci.expires = "2029-02-28";
  CHECK(certificate_issue(&db, &ci, NULL, &cert) == 0);
  CHECK_STR(value("SELECT grade || ' ' || scope || ' ' || status FROM certificates WHERE id = ?1", cert),
            "四星级 家用电器的售后服务 active");
  REFUSED(certificate_issue(&db, &ci, NULL, &other), "duplicate", "decision");

  /* status: active ⇄ suspended; withdrawn is final */
  REFUSED(certificate_set_status(&db, cert, &(StatusInput){.to = "suspended", .date = "2026-06-01", .cause = NULL, .clause = NULL}, NULL), "invalid", "cause");
  REFUSED(certificate_set_status(&db, cert, &(StatusInput){.to = "active", .date = "2026-06-01", .cause = NULL, .clause = NULL}, NULL), "illegal-transition", "status");
  CHECK(certificate_set_status(&db, cert, &(StatusInput){.to = "suspended", .date = "2026-06-01", .cause = "nonconformity not corrected", .clause = "§9.3.2"}, NULL) == 0);
  REFUSED(certificate_set_status(&db, cert, &(StatusInput){.to = "active", .date = "2026-05-01", .cause = NULL, .clause = NULL}, NULL), "invalid", "date");
  CHECK(certificate_set_status(&db, cert, &(StatusInput){.to = "active", .date = "2026-07-01", .cause = NULL, .clause = NULL}, NULL) == 0);
  REFUSED(certificate_set_status(&db, cert, &(StatusInput){.to = "expired", .date = "2026-07-02", .cause = NULL, .clause = NULL}, NULL), "invalid", "date");

  /* scope changes keep the number and the expiry */
  CHECK(certificate_change(&db, cert, "家用电器和厨房电器的售后服务", NULL, -1, NULL, NULL, "2026-05-01", NULL) == 0);
  CHECK_STR(value("SELECT number || ' ' || issued || ' ' || expires || ' ' || scope FROM certificates WHERE id = ?1", cert),
            "CAS-2026-0001 2026-03-01 2029-02-28 家用电器和厨房电器的售后服务");
  /* the change takes effect on its own date, not the day it is recorded (issue 13) */
  CHECK_STR(value("SELECT effective FROM events WHERE kind = 'certificate.change' AND subject = 'certificate:' || ?1", cert), "2026-05-01");

  /* recertification renews issued and expires on the same number */
  AuditInput re = {.case_id = kase, .type = "recertification", .actual_start = "2028-12-01", .actual_end = "2028-12-02",
                   .man_days = NAN, .onsite_days = NAN, .team = team, .nteam = 1};
  long long reaudit, renewal;
  CHECK(audit_create(&db, &re, NULL, &reaudit) == 0);
  DecisionInput rd = {.case_id = kase, .audit = reaudit, .outcome = "recertify", .positive = 1, .date = "2029-01-10",
                      .makers = &boss, .nmakers = 1};
  CHECK(decision_create(&db, &rd, NULL, &renewal) == 0);
  REFUSED(certificate_renew(&db, cert, renewal, "2029-01-10", "2029-02-01", NULL, -1, NULL), "invalid", "expires");
  CHECK(certificate_renew(&db, cert, renewal, "2029-01-10", "2032-01-09", NULL, -1, NULL) == 0);
  CHECK_STR(value("SELECT number || ' ' || issued || ' ' || expires FROM certificates WHERE id = ?1", cert),
            "CAS-2026-0001 2029-01-10 2032-01-09");
  CHECK_STR(value("SELECT count(*) FROM events WHERE subject = 'certificate:' || ?1", cert), "5");

  CHECK(certificate_set_status(&db, cert, &(StatusInput){.to = "withdrawn", .date = "2029-09-01", .cause = "misuse of the mark", .clause = "§9.3.3"}, NULL) == 0);
  REFUSED(certificate_set_status(&db, cert, &(StatusInput){.to = "suspended", .date = "2029-09-02", .cause = "again", .clause = NULL}, NULL), "illegal-transition", "status");
  CHECK(strstr(db.err.message, "withdrawn") != NULL);
  REFUSED(certificate_set_status(&db, cert, &(StatusInput){.to = "active", .date = "2029-09-02", .cause = NULL, .clause = NULL}, NULL), "illegal-transition", "status");
  REFUSED(certificate_change(&db, cert, "anything", NULL, -1, NULL, NULL, NULL, NULL), "illegal-transition", "status");

  /* matters */
  MatterInput m = {.kind = "appeal", .certificate = cert, .text = "申诉撤销决定", .received = "2029-09-05", .due = "2029-11-04"};
  CHECK(matter_open(&db, &m, NULL, &matter) == 0);
  CHECK_STR(value("SELECT case_id FROM matters WHERE id = ?1", matter), value("SELECT ?1", kase));
  REFUSED(matter_close(&db, matter, "2029-09-01", "upheld", NULL), "invalid", "date");
  CHECK(matter_close(&db, matter, "2029-10-01", "withdrawal upheld", NULL) == 0);
  REFUSED(matter_close(&db, matter, "2029-10-02", "again", NULL), "illegal-transition", "matter");

  /* every change is in the log, and the log verifies */
  LogReport r;
  CHECK(log_verify(&db, &r) == 0);
  CHECK(r.events == events() && r.events > 20);
  char *json = NULL;
  CHECK(reg_get_json(&db, "certificate", cert, &json) == 0 && strstr(json, "\"status\":\"withdrawn\""));
  free(json);
  CHECK(reg_get_json(&db, "case", 999, &json) == -1 && !strcmp(db.err.code, "not-found"));
  db_close(&db);
  return check_report("core_register");
}
