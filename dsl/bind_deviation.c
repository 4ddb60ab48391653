/* dsl/bind_deviation.c — core.deviation: justified exceptions recorded as data (core/deviation.c)
 * for scripts; stdlib/register.js records them (certificate.extendSurveillance) and the rules
 * read them back from the log. */
#include "dsl/bind_core.h"
#include "core/register.h"

/* core.deviation.record({certificate|case|audit, rule, clause, reason, by, approvedBy, date, details}) → true */
static duk_ret_t deviation_record_js(duk_context *ctx) {
  static const char fn[] = "core.deviation.record({certificate|case|audit, rule, clause, reason, by, approvedBy, date, details})";
  bind_require_object(ctx, 0, "options", fn);
  bind_core_known_fields(ctx, 0, "certificate,case,audit,rule,clause,reason,by,approvedBy,date,details", fn);
  DeviationInput in = {0};
  static const char *const SUBJECTS[] = {"certificate", "case", "audit"};
  for (int i = 0; i < 3; i++) {
    long long id = bind_prop_id(ctx, 0, SUBJECTS[i], 0, fn);
    if (!id) continue;
    if (in.id) host_throw(ctx, "invalid", SUBJECTS[i], "%s: give one of certificate, case or audit", fn);
    in.prefix = SUBJECTS[i];
    in.id = id;
  }
  if (!in.id) host_throw(ctx, "invalid", "certificate", "%s: name what the deviation concerns (certificate, case or audit)", fn);
  in.rule = bind_prop_string(ctx, 0, "rule", 1, fn);
  in.clause = bind_prop_string(ctx, 0, "clause", 1, fn);
  in.reason = bind_prop_string(ctx, 0, "reason", 1, fn);
  in.by = bind_prop_id(ctx, 0, "by", 1, fn);
  in.approved_by = bind_prop_id(ctx, 0, "approvedBy", 1, fn);
  in.date = bind_prop_date(ctx, 0, "date", 1, fn);
  in.details_json = bind_prop_json(ctx, 0, "details", NULL, fn);
  if (deviation_record(&host_of(ctx)->db, &in, bind_json(ctx, 0)) < 0) bind_core_fail(ctx);
  duk_push_true(ctx);
  return 1;
}

static const duk_function_list_entry deviation_funcs[] = {
  {"record", deviation_record_js, 1},
  {NULL, NULL, 0}};

void bind_deviation_open(duk_context *ctx) { bind_core_put(ctx, "deviation", deviation_funcs); }
