/* dsl/bind_score.c — core.score: the score of an audit and its grade (core/score.c) for scripts. */
#include "dsl/bind_core.h"
#include "core/register.h"

#include <math.h>

/* core.score.record({audit, score, deductionItems, pass, level, stars, date, why}) → the score row */
static duk_ret_t score_record_js(duk_context *ctx) {
  static const char fn[] = "core.score.record({audit, score, deductionItems, pass, level, stars, date, why})";
  bind_require_object(ctx, 0, "options", fn);
  bind_core_known_fields(ctx, 0, "audit,score,deductionItems,pass,level,stars,date,why", fn);
  ScoreInput in = {0};
  in.audit = bind_prop_id(ctx, 0, "audit", 1, fn);
  in.score = bind_prop_number(ctx, 0, "score", 1, 0, 100, NAN, fn);
  in.deduction_items = bind_prop_int(ctx, 0, "deductionItems", 0, 0, 10000, 0, fn);
  in.pass = bind_core_prop_bool(ctx, 0, "pass", 0, fn);
  in.level = bind_prop_string(ctx, 0, "level", 0, fn);
  in.stars = (int)bind_prop_int(ctx, 0, "stars", 0, 0, 5, 0, fn);
  in.date = bind_prop_date(ctx, 0, "date", 1, fn);
  in.why_json = bind_prop_json(ctx, 0, "why", NULL, fn);
  long long id;
  if (score_record(&host_of(ctx)->db, &in, bind_json(ctx, 0), &id) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "score", id);
}

/* core.score.get(id) → the score row; throws not-found */
static duk_ret_t score_get_js(duk_context *ctx) {
  return bind_core_push_record(ctx, "score", bind_id_arg(ctx, 0, "id", "core.score.get(id)"));
}

static const duk_function_list_entry score_funcs[] = {
  {"record", score_record_js, 1},
  {"get", score_get_js, 1},
  {NULL, NULL, 0}};

void bind_score_open(duk_context *ctx) { bind_core_put(ctx, "score", score_funcs); }
