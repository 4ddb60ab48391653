/* dsl/bind_finding.c — core.finding: what an audit found (core/finding.c) for scripts. */
#include "dsl/bind_core.h"
#include "core/register.h"

/* core.finding.create({audit, item, clause, kind, points, evidence, date, due}) → the finding row */
static duk_ret_t finding_create_js(duk_context *ctx) {
  static const char fn[] = "core.finding.create({audit, item, clause, kind, points, evidence, date, due})";
  bind_require_object(ctx, 0, "options", fn);
  bind_core_known_fields(ctx, 0, "audit,item,clause,kind,points,evidence,date,due", fn);
  FindingInput in = {0};
  in.audit = bind_prop_id(ctx, 0, "audit", 1, fn);
  in.item = bind_prop_string(ctx, 0, "item", 0, fn);
  in.clause = bind_prop_string(ctx, 0, "clause", 0, fn);
  in.kind = bind_prop_string(ctx, 0, "kind", 1, fn);
  in.points = bind_prop_number(ctx, 0, "points", 0, -1000, 1000, 0, fn);
  in.evidence = bind_prop_string(ctx, 0, "evidence", 0, fn);
  in.raised = bind_prop_date(ctx, 0, "date", 1, fn);
  in.due = bind_prop_date(ctx, 0, "due", 0, fn);
  long long id;
  if (finding_create(&host_of(ctx)->db, &in, bind_json(ctx, 0), &id) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "finding", id);
}

/* core.finding.close(id, {date}) → the finding row; the correction was verified on date */
static duk_ret_t finding_close_js(duk_context *ctx) {
  static const char fn[] = "core.finding.close(id, {date})";
  long long id = bind_id_arg(ctx, 0, "id", fn);
  bind_require_object(ctx, 1, "options", fn);
  const char *date = bind_prop_date(ctx, 1, "date", 1, fn);
  if (finding_close(&host_of(ctx)->db, id, date, bind_json(ctx, 1)) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "finding", id);
}

/* core.finding.get(id) → the finding row; throws not-found */
static duk_ret_t finding_get_js(duk_context *ctx) {
  return bind_core_push_record(ctx, "finding", bind_id_arg(ctx, 0, "id", "core.finding.get(id)"));
}

static const duk_function_list_entry finding_funcs[] = {
  {"create", finding_create_js, 1},
  {"close", finding_close_js, 2},
  {"get", finding_get_js, 1},
  {NULL, NULL, 0}};

void bind_finding_open(duk_context *ctx) { bind_core_put(ctx, "finding", finding_funcs); }
