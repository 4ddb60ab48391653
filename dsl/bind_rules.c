/* dsl/bind_rules.c — core.rules: pinning a scheme version's rules in the register (core/rules.c)
 * for scripts (stdlib/rules.js). */
#include "dsl/bind_core.h"
#include "core/register.h"

/* core.rules.pin({scheme, version, source, origin, by, date}) → the rules row (its hash computed
 * here, from the source text as stored) */
static duk_ret_t rules_pin_js(duk_context *ctx) {
  static const char fn[] = "core.rules.pin({scheme, version, source, origin, by, date})";
  bind_require_object(ctx, 0, "options", fn);
  bind_core_known_fields(ctx, 0, "scheme,version,source,origin,by,date", fn);
  RulesInput in = {0};
  in.scheme = bind_prop_string(ctx, 0, "scheme", 1, fn);
  in.version = bind_prop_string(ctx, 0, "version", 1, fn);
  in.source_json = bind_prop_string(ctx, 0, "source", 1, fn);
  in.origin = bind_prop_string(ctx, 0, "origin", 1, fn);
  in.by = bind_prop_string(ctx, 0, "by", 0, fn);
  in.date = bind_prop_date(ctx, 0, "date", 1, fn);
  /* the event keeps who and when; the source is in the row, and so in the event's state */
  duk_push_object(ctx);
  duk_push_string(ctx, in.origin);
  duk_put_prop_string(ctx, -2, "origin");
  if (in.by) { duk_push_string(ctx, in.by); duk_put_prop_string(ctx, -2, "by"); }
  duk_push_string(ctx, in.date);
  duk_put_prop_string(ctx, -2, "date");
  const char *args = duk_json_encode(ctx, -1);
  long long id;
  if (rules_pin(&host_of(ctx)->db, &in, args, &id) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "rules", id);
}

/* core.rules.get(id) → the rules row; throws not-found */
static duk_ret_t rules_get_js(duk_context *ctx) {
  return bind_core_push_record(ctx, "rules", bind_id_arg(ctx, 0, "id", "core.rules.get(id)"));
}

static const duk_function_list_entry rules_funcs[] = {
  {"pin", rules_pin_js, 1},
  {"get", rules_get_js, 1},
  {NULL, NULL, 0}};

void bind_rules_open(duk_context *ctx) { bind_core_put(ctx, "rules", rules_funcs); }
