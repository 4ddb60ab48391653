/* dsl/bind_body.c — core.body (the body's profile) and core.report (what was reported to a
 * regulator) for scripts (core/body.c). */
#include "dsl/bind_core.h"
#include "core/body.h"

/* core.body.set({name, nameEn, address, approval, registerUrl, phone, website, signatory}) → the body row */
static duk_ret_t body_set_js(duk_context *ctx) {
  static const char fn[] = "core.body.set({name, nameEn, address, approval, registerUrl, phone, website, signatory})";
  bind_require_object(ctx, 0, "options", fn);
  bind_core_known_fields(ctx, 0, "name,nameEn,address,approval,registerUrl,phone,website,signatory", fn);
  BodyInput in = {0};
  in.name = bind_prop_string(ctx, 0, "name", 0, fn);
  in.name_en = bind_prop_string(ctx, 0, "nameEn", 0, fn);
  in.address = bind_prop_string(ctx, 0, "address", 0, fn);
  in.approval = bind_prop_string(ctx, 0, "approval", 0, fn);
  in.register_url = bind_prop_string(ctx, 0, "registerUrl", 0, fn);
  in.phone = bind_prop_string(ctx, 0, "phone", 0, fn);
  in.website = bind_prop_string(ctx, 0, "website", 0, fn);
  in.signatory = bind_prop_string(ctx, 0, "signatory", 0, fn);
  if (body_set(&host_of(ctx)->db, &in, bind_json(ctx, 0)) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "body", 1);
}

/* core.body.get() → the body row, or null when the profile is not set */
static duk_ret_t body_get_js(duk_context *ctx) {
  bind_query(ctx, "SELECT * FROM body WHERE id = 1", 1, NULL, 0, NULL);
  return 1;
}

/* core.report.record({kind, period, date, items}) → the report row */
static duk_ret_t report_record_js(duk_context *ctx) {
  static const char fn[] = "core.report.record({kind, period, date, items})";
  bind_require_object(ctx, 0, "options", fn);
  bind_core_known_fields(ctx, 0, "kind,period,date,items", fn);
  const char *kind = bind_prop_string(ctx, 0, "kind", 1, fn);
  const char *period = bind_prop_string(ctx, 0, "period", 1, fn);
  const char *date = bind_prop_date(ctx, 0, "date", 1, fn);
  const char *items = bind_prop_json(ctx, 0, "items", NULL, fn);
  long long id;
  if (report_record(&host_of(ctx)->db, kind, period, date, items, bind_json(ctx, 0), &id) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "report", id);
}

static const duk_function_list_entry body_funcs[] = {
  {"set", body_set_js, 1},
  {"get", body_get_js, 0},
  {NULL, NULL, 0}};

static const duk_function_list_entry report_funcs[] = {
  {"record", report_record_js, 1},
  {NULL, NULL, 0}};

void bind_body_open(duk_context *ctx) {
  bind_core_put(ctx, "body", body_funcs);
  bind_core_put(ctx, "report", report_funcs);
}
