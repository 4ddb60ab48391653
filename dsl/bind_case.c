/* dsl/bind_case.c — core.case: applications, their review, closing (core/case.c) for scripts. */
#include "dsl/bind_core.h"
#include "core/register.h"

/* core.case.apply({org, scheme, version, scope, grade, shops, date}) → the case row */
static duk_ret_t case_apply_js(duk_context *ctx) {
  static const char fn[] = "core.case.apply({org, scheme, version, scope, grade, shops, date})";
  bind_require_object(ctx, 0, "options", fn);
  bind_core_known_fields(ctx, 0, "org,scheme,version,scope,grade,shops,date", fn);
  CaseInput in = {0};
  in.org = bind_prop_id(ctx, 0, "org", 1, fn);
  in.scheme = bind_prop_string(ctx, 0, "scheme", 1, fn);
  in.version = bind_prop_string(ctx, 0, "version", 1, fn);
  in.scope = bind_prop_string(ctx, 0, "scope", 1, fn);
  in.grade = bind_prop_string(ctx, 0, "grade", 0, fn);
  in.shops_json = bind_prop_json(ctx, 0, "shops", NULL, fn);
  in.applied = bind_prop_date(ctx, 0, "date", 1, fn);
  long long id;
  if (case_apply(&host_of(ctx)->db, &in, bind_json(ctx, 0), &id) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "case", id);
}

/* Shared body of accept, reject and close (which: 0, 1, 2) with fn their signature. */
static duk_ret_t case_move(duk_context *ctx, int which, const char *fn) {
  long long id = bind_id_arg(ctx, 0, "id", fn);
  bind_require_object(ctx, 1, "options", fn);
  bind_core_known_fields(ctx, 1, which == 0 ? "date,reason,checkedBy" : "date,reason", fn);
  if (which == 0) (void)bind_prop_id(ctx, 1, "checkedBy", 0, fn); /* who checked the facts not stated: recorded in the log */
  const char *date = bind_prop_date(ctx, 1, "date", 1, fn);
  const char *reason = bind_prop_string(ctx, 1, "reason", which == 1, fn);
  Db *db = &host_of(ctx)->db;
  const char *args = bind_json(ctx, 1);
  int rc = which == 2 ? case_close(db, id, date, reason, args) : case_review(db, id, which == 0, date, reason, args);
  if (rc < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "case", id);
}

/* core.case.accept(id, {date, reason, checkedBy}) → the case row; applied → accepted */
static duk_ret_t case_accept_js(duk_context *ctx) { return case_move(ctx, 0, "core.case.accept(id, {date, reason, checkedBy})"); }
/* core.case.reject(id, {date, reason}) → the case row; applied → rejected, reason required */
static duk_ret_t case_reject_js(duk_context *ctx) { return case_move(ctx, 1, "core.case.reject(id, {date, reason})"); }
/* core.case.close(id, {date, reason}) → the case row */
static duk_ret_t case_close_js(duk_context *ctx) { return case_move(ctx, 2, "core.case.close(id, {date, reason})"); }

/* core.case.contract(id, {date, number}) → the case row; the certification contract signed */
static duk_ret_t case_contract_js(duk_context *ctx) {
  static const char fn[] = "core.case.contract(id, {date, number})";
  long long id = bind_id_arg(ctx, 0, "id", fn);
  bind_require_object(ctx, 1, "options", fn);
  bind_core_known_fields(ctx, 1, "date,number", fn);
  const char *date = bind_prop_date(ctx, 1, "date", 1, fn);
  const char *number = bind_prop_string(ctx, 1, "number", 1, fn);
  if (case_contract(&host_of(ctx)->db, id, date, number, bind_json(ctx, 1)) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "case", id);
}

/* core.case.get(id) → the case row; throws not-found */
static duk_ret_t case_get_js(duk_context *ctx) {
  return bind_core_push_record(ctx, "case", bind_id_arg(ctx, 0, "id", "core.case.get(id)"));
}

static const duk_function_list_entry case_funcs[] = {
  {"apply", case_apply_js, 1},
  {"accept", case_accept_js, 2},
  {"reject", case_reject_js, 2},
  {"close", case_close_js, 2},
  {"contract", case_contract_js, 2},
  {"get", case_get_js, 1},
  {NULL, NULL, 0}};

void bind_case_open(duk_context *ctx) { bind_core_put(ctx, "case", case_funcs); }
