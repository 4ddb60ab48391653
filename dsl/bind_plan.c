/* dsl/bind_plan.c — core.plan: an audit's assignment and plan (core/plan.c) for scripts;
 * stdlib/register.js offers them as audit.assign(), audit.plan() and audit.plans(). */
#include "dsl/bind_core.h"
#include "core/register.h"

/* core.plan.record({audit, kind, date, by, contents, notified}) → the record; contents: an object */
static duk_ret_t plan_record_js(duk_context *ctx) {
  static const char fn[] = "core.plan.record({audit, kind, date, by, contents, notified})";
  bind_require_object(ctx, 0, "options", fn);
  bind_core_known_fields(ctx, 0, "audit,kind,date,by,contents,notified", fn);
  PlanInput in = {0};
  in.audit = bind_prop_id(ctx, 0, "audit", 1, fn);
  in.kind = bind_prop_string(ctx, 0, "kind", 1, fn);
  in.date = bind_prop_date(ctx, 0, "date", 1, fn);
  in.by = bind_prop_id(ctx, 0, "by", 1, fn);
  in.notified = bind_prop_date(ctx, 0, "notified", 0, fn);
  duk_get_prop_string(ctx, 0, "contents");
  if (!duk_is_object(ctx, -1) || duk_is_array(ctx, -1) || duk_is_function(ctx, -1))
    host_throw(ctx, "invalid", "contents", "%s: contents must be an object, got %s", fn, duk_safe_to_string(ctx, -1));
  in.contents = duk_json_encode(ctx, -1);
  long long id;
  if (plan_record(&host_of(ctx)->db, &in, bind_json(ctx, 0), &id) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "plan", id);
}

/* core.plan.get(id) → the record */
static duk_ret_t plan_get_js(duk_context *ctx) { return bind_core_push_record(ctx, "plan", bind_id_arg(ctx, 0, "id", "core.plan.get(id)")); }

static const duk_function_list_entry plan_funcs[] = {
  {"record", plan_record_js, 1},
  {"get", plan_get_js, 1},
  {NULL, NULL, 0}};

void bind_plan_open(duk_context *ctx) { bind_core_put(ctx, "plan", plan_funcs); }
