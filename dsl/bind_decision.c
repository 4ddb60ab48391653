/* dsl/bind_decision.c — core.decision: certification decisions by people who did not audit
 * the case (core/decision.c) for scripts. */
#include "dsl/bind_core.h"
#include "core/register.h"

/* core.decision.create({case, audit, outcome, positive, neutral, reason, grade, date, why, by:[person…],
 * request, rules}) → the decision row; rules: the hash of the pinned rules that produced it; request (the applicant's request {date, by, text}) is recorded in the log */
static duk_ret_t decision_create_js(duk_context *ctx) {
  static const char fn[] = "core.decision.create({case, audit, outcome, positive, neutral, reason, grade, date, why, by:[person…], request, rules})";
  bind_require_object(ctx, 0, "options", fn);
  bind_core_known_fields(ctx, 0, "case,audit,outcome,positive,neutral,reason,grade,date,why,by,request,rules", fn);
  (void)bind_prop_json(ctx, 0, "request", NULL, fn);
  DecisionInput in = {0};
  in.case_id = bind_prop_id(ctx, 0, "case", 1, fn);
  in.audit = bind_prop_id(ctx, 0, "audit", 0, fn);
  in.outcome = bind_prop_string(ctx, 0, "outcome", 1, fn);
  duk_get_prop_string(ctx, 0, "positive");
  if (!duk_is_boolean(ctx, -1))
    host_throw(ctx, "invalid", "positive", "%s: positive must be true or false, got %s", fn, duk_safe_to_string(ctx, -1));
  in.positive = duk_get_boolean(ctx, -1);
  in.neutral = bind_core_prop_bool(ctx, 0, "neutral", 0, fn);
  in.reason = bind_prop_string(ctx, 0, "reason", 0, fn);
  in.grade = bind_prop_string(ctx, 0, "grade", 0, fn);
  in.date = bind_prop_date(ctx, 0, "date", 1, fn);
  in.why_json = bind_prop_json(ctx, 0, "why", NULL, fn);
  in.rules = bind_prop_string(ctx, 0, "rules", 0, fn);
  in.makers = bind_core_deciders(ctx, 0, &in.nmakers, fn);
  long long id;
  if (decision_create(&host_of(ctx)->db, &in, bind_json(ctx, 0), &id) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "decision", id);
}

/* core.decision.get(id) → the decision row with its deciders; throws not-found */
static duk_ret_t decision_get_js(duk_context *ctx) {
  return bind_core_push_record(ctx, "decision", bind_id_arg(ctx, 0, "id", "core.decision.get(id)"));
}

static const duk_function_list_entry decision_funcs[] = {
  {"create", decision_create_js, 1},
  {"get", decision_get_js, 1},
  {NULL, NULL, 0}};

void bind_decision_open(duk_context *ctx) { bind_core_put(ctx, "decision", decision_funcs); }
