/* dsl/bind_matter.c — core.matter: appeals, complaints and incidents (core/matter.c) for scripts. */
#include "dsl/bind_core.h"
#include "core/register.h"

/* core.matter.open({kind, case, certificate, cause, text, date, due, why}) → the matter row */
static duk_ret_t matter_open_js(duk_context *ctx) {
  static const char fn[] = "core.matter.open({kind, case, certificate, cause, text, date, due, why})";
  bind_require_object(ctx, 0, "options", fn);
  bind_core_known_fields(ctx, 0, "kind,case,certificate,cause,text,date,due,why", fn);
  MatterInput in = {0};
  in.kind = bind_prop_string(ctx, 0, "kind", 1, fn);
  in.case_id = bind_prop_id(ctx, 0, "case", 0, fn);
  in.certificate = bind_prop_id(ctx, 0, "certificate", 0, fn);
  in.cause = bind_prop_string(ctx, 0, "cause", 0, fn);
  in.text = bind_prop_string(ctx, 0, "text", 0, fn);
  in.received = bind_prop_date(ctx, 0, "date", 1, fn);
  in.due = bind_prop_date(ctx, 0, "due", 0, fn);
  in.why_json = bind_prop_json(ctx, 0, "why", NULL, fn);
  long long id;
  if (matter_open(&host_of(ctx)->db, &in, bind_json(ctx, 0), &id) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "matter", id);
}

/* core.matter.close(id, {date, outcome}) → the matter row */
static duk_ret_t matter_close_js(duk_context *ctx) {
  static const char fn[] = "core.matter.close(id, {date, outcome})";
  long long id = bind_id_arg(ctx, 0, "id", fn);
  bind_require_object(ctx, 1, "options", fn);
  bind_core_known_fields(ctx, 1, "date,outcome", fn);
  const char *date = bind_prop_date(ctx, 1, "date", 1, fn);
  const char *outcome = bind_prop_string(ctx, 1, "outcome", 1, fn);
  if (matter_close(&host_of(ctx)->db, id, date, outcome, bind_json(ctx, 1)) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "matter", id);
}

/* core.matter.report(id, {to, date}) → the matter row: reported to a body (e.g. CNAS, R6.2) */
static duk_ret_t matter_report_js(duk_context *ctx) {
  static const char fn[] = "core.matter.report(id, {to, date})";
  long long id = bind_id_arg(ctx, 0, "id", fn);
  bind_require_object(ctx, 1, "options", fn);
  bind_core_known_fields(ctx, 1, "to,date", fn);
  const char *to = bind_prop_string(ctx, 1, "to", 1, fn);
  const char *date = bind_prop_date(ctx, 1, "date", 1, fn);
  if (matter_report(&host_of(ctx)->db, id, to, date, bind_json(ctx, 1)) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "matter", id);
}

/* core.matter.get(id) → the matter row; throws not-found */
static duk_ret_t matter_get_js(duk_context *ctx) {
  return bind_core_push_record(ctx, "matter", bind_id_arg(ctx, 0, "id", "core.matter.get(id)"));
}

static const duk_function_list_entry matter_funcs[] = {
  {"open", matter_open_js, 1},
  {"close", matter_close_js, 2},
  {"report", matter_report_js, 2},
  {"get", matter_get_js, 1},
  {NULL, NULL, 0}};

void bind_matter_open(duk_context *ctx) { bind_core_put(ctx, "matter", matter_funcs); }
