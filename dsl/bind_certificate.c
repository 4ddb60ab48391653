/* dsl/bind_certificate.c — core.certificate: issue, status changes, scope and data changes,
 * recertification (core/certificate.c) for scripts. */
#include "dsl/bind_core.h"
#include "core/register.h"

#include <string.h>

/* core.certificate.issue({decision, number, scope, grade, stars, shops, issued, expires}) → the certificate row */
static duk_ret_t certificate_issue_js(duk_context *ctx) {
  static const char fn[] = "core.certificate.issue({decision, number, scope, grade, stars, shops, issued, expires})";
  bind_require_object(ctx, 0, "options", fn);
  bind_core_known_fields(ctx, 0, "decision,number,scope,grade,stars,shops,issued,expires", fn);
  CertificateInput in = {0};
  in.decision = bind_prop_id(ctx, 0, "decision", 1, fn);
  in.number = bind_prop_string(ctx, 0, "number", 1, fn);
  in.scope = bind_prop_string(ctx, 0, "scope", 0, fn);
  in.grade = bind_prop_string(ctx, 0, "grade", 0, fn);
  in.stars = (int)bind_prop_int(ctx, 0, "stars", 0, 0, 5, 0, fn);
  in.shops_json = bind_prop_json(ctx, 0, "shops", NULL, fn);
  in.issued = bind_prop_date(ctx, 0, "issued", 1, fn);
  in.expires = bind_prop_date(ctx, 0, "expires", 1, fn);
  long long id;
  if (certificate_issue(&host_of(ctx)->db, &in, bind_json(ctx, 0), &id) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "certificate", id);
}

/* core.certificate.setStatus(id, {status, date, code, cause, clause, until, request}) → the certificate
 * row; request (a restoration request {date, by, text}) is recorded in the log with the change */
static duk_ret_t certificate_set_status_js(duk_context *ctx) {
  static const char fn[] = "core.certificate.setStatus(id, {status, date, code, cause, clause, until, request})";
  long long id = bind_id_arg(ctx, 0, "id", fn);
  bind_require_object(ctx, 1, "options", fn);
  bind_core_known_fields(ctx, 1, "status,date,code,cause,clause,until,request", fn);
  (void)bind_prop_json(ctx, 1, "request", NULL, fn);
  StatusInput in = {0};
  in.to = bind_prop_string(ctx, 1, "status", 1, fn);
  in.date = bind_prop_date(ctx, 1, "date", 1, fn);
  in.code = bind_prop_string(ctx, 1, "code", 0, fn);
  in.cause = bind_prop_string(ctx, 1, "cause", 0, fn);
  in.clause = bind_prop_string(ctx, 1, "clause", 0, fn);
  in.until = bind_prop_date(ctx, 1, "until", 0, fn);
  if (certificate_set_status(&host_of(ctx)->db, id, &in, bind_json(ctx, 1)) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "certificate", id);
}

/* core.certificate.change(id, {scope, grade, stars, shops, kind}) → the certificate row; number and
 * expiry stay; kind 'downgrade' or 'upgrade' names a grade change the workflow made */
static duk_ret_t certificate_change_js(duk_context *ctx) {
  static const char fn[] = "core.certificate.change(id, {scope, grade, stars, shops, kind, date})";
  long long id = bind_id_arg(ctx, 0, "id", fn);
  bind_require_object(ctx, 1, "options", fn);
  bind_core_known_fields(ctx, 1, "scope,grade,stars,shops,kind,date", fn);
  const char *kind = bind_prop_string(ctx, 1, "kind", 0, fn);
  if (kind && strcmp(kind, "downgrade") != 0 && strcmp(kind, "upgrade") != 0 && strcmp(kind, "change") != 0)
    host_throw(ctx, "invalid", "kind", "%s: kind must be change, downgrade or upgrade, got '%s'", fn, kind);
  const char *event = !kind || !strcmp(kind, "change") ? NULL : !strcmp(kind, "downgrade") ? "certificate.downgrade" : "certificate.upgrade";
  const char *scope = bind_prop_string(ctx, 1, "scope", 0, fn);
  const char *grade = bind_prop_string(ctx, 1, "grade", 0, fn);
  int stars = (int)bind_prop_int(ctx, 1, "stars", 0, 0, 5, -1, fn);
  const char *shops = bind_prop_json(ctx, 1, "shops", NULL, fn);
  const char *date = bind_prop_date(ctx, 1, "date", 0, fn);
  if (certificate_change(&host_of(ctx)->db, id, scope, grade, stars, shops, event, date, bind_json(ctx, 1)) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "certificate", id);
}

/* core.certificate.renew(id, {decision, issued, expires, grade, stars}) → the certificate row; same
 * number, new cycle, the grade and stars of the recertification's evaluation */
static duk_ret_t certificate_renew_js(duk_context *ctx) {
  static const char fn[] = "core.certificate.renew(id, {decision, issued, expires, grade, stars})";
  long long id = bind_id_arg(ctx, 0, "id", fn);
  bind_require_object(ctx, 1, "options", fn);
  bind_core_known_fields(ctx, 1, "decision,issued,expires,grade,stars", fn);
  long long decision = bind_prop_id(ctx, 1, "decision", 1, fn);
  const char *issued = bind_prop_date(ctx, 1, "issued", 1, fn);
  const char *expires = bind_prop_date(ctx, 1, "expires", 1, fn);
  const char *grade = bind_prop_string(ctx, 1, "grade", 0, fn);
  int stars = (int)bind_prop_int(ctx, 1, "stars", 0, 0, 5, -1, fn);
  if (certificate_renew(&host_of(ctx)->db, id, decision, issued, expires, grade, stars, bind_json(ctx, 1)) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "certificate", id);
}

/* core.certificate.import({org, scheme, version, scope, grade, stars, shops, number, issued, expires, decided,
 * status, statusDate, code, cause, clause, until, by:[person…]}) → the certificate row, taken over from
 * another register with its case and decision (events case.import, decision.import, certificate.import) */
static duk_ret_t certificate_import_js(duk_context *ctx) {
  static const char fn[] = "core.certificate.import({org, scheme, version, scope, grade, stars, shops, number, issued, expires, decided,"
                           " status, statusDate, code, cause, clause, until, by})";
  bind_require_object(ctx, 0, "options", fn);
  bind_core_known_fields(ctx, 0, "org,scheme,version,scope,grade,stars,shops,number,issued,expires,decided,status,statusDate,code,cause,"
                                 "clause,until,by", fn);
  ImportInput in = {0};
  in.org = bind_prop_id(ctx, 0, "org", 1, fn);
  in.scheme = bind_prop_string(ctx, 0, "scheme", 1, fn);
  in.version = bind_prop_string(ctx, 0, "version", 1, fn);
  in.scope = bind_prop_string(ctx, 0, "scope", 1, fn);
  in.grade = bind_prop_string(ctx, 0, "grade", 0, fn);
  in.stars = (int)bind_prop_int(ctx, 0, "stars", 0, 0, 5, 0, fn);
  in.shops_json = bind_prop_json(ctx, 0, "shops", NULL, fn);
  in.number = bind_prop_string(ctx, 0, "number", 1, fn);
  in.issued = bind_prop_date(ctx, 0, "issued", 1, fn);
  in.expires = bind_prop_date(ctx, 0, "expires", 1, fn);
  in.decided = bind_prop_date(ctx, 0, "decided", 0, fn);
  in.status.to = bind_prop_string(ctx, 0, "status", 1, fn);
  in.status.date = bind_prop_date(ctx, 0, "statusDate", 1, fn);
  in.status.code = bind_prop_string(ctx, 0, "code", 0, fn);
  in.status.cause = bind_prop_string(ctx, 0, "cause", 0, fn);
  in.status.clause = bind_prop_string(ctx, 0, "clause", 0, fn);
  in.status.until = bind_prop_date(ctx, 0, "until", 0, fn);
  in.makers = bind_core_deciders(ctx, 0, &in.nmakers, fn);
  long long id;
  if (certificate_import(&host_of(ctx)->db, &in, bind_json(ctx, 0), &id) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "certificate", id);
}

/* core.certificate.get(id) → the certificate row; throws not-found */
static duk_ret_t certificate_get_js(duk_context *ctx) {
  return bind_core_push_record(ctx, "certificate", bind_id_arg(ctx, 0, "id", "core.certificate.get(id)"));
}

static const duk_function_list_entry certificate_funcs[] = {
  {"issue", certificate_issue_js, 1},
  {"setStatus", certificate_set_status_js, 2},
  {"change", certificate_change_js, 2},
  {"renew", certificate_renew_js, 2},
  {"import", certificate_import_js, 1},
  {"get", certificate_get_js, 1},
  {NULL, NULL, 0}};

void bind_certificate_open(duk_context *ctx) { bind_core_put(ctx, "certificate", certificate_funcs); }
