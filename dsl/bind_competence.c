/* dsl/bind_competence.c — core.competence: people's competence records (core/competence.c) for
 * scripts; stdlib/register.js offers them as person.assess() and person.competence(). */
#include "dsl/bind_core.h"
#include "core/register.h"

/* core.competence.record({person, kind, activity, scheme, fieldCode, date, result, validTo, by, text}) → the record */
static duk_ret_t competence_record_js(duk_context *ctx) {
  static const char fn[] = "core.competence.record({person, kind, activity, scheme, fieldCode, date, result, validTo, by, text})";
  bind_require_object(ctx, 0, "options", fn);
  bind_core_known_fields(ctx, 0, "person,kind,activity,scheme,fieldCode,date,result,validTo,by,text", fn);
  CompetenceInput in = {0};
  in.person = bind_prop_id(ctx, 0, "person", 1, fn);
  in.kind = bind_prop_string(ctx, 0, "kind", 1, fn);
  in.activity = bind_prop_string(ctx, 0, "activity", 1, fn);
  in.scheme = bind_prop_string(ctx, 0, "scheme", 0, fn);
  in.field_code = bind_prop_string(ctx, 0, "fieldCode", 0, fn);
  in.date = bind_prop_date(ctx, 0, "date", 1, fn);
  in.result = bind_prop_string(ctx, 0, "result", 1, fn);
  in.valid_to = bind_prop_date(ctx, 0, "validTo", 0, fn);
  in.by = bind_prop_id(ctx, 0, "by", 1, fn);
  in.text = bind_prop_string(ctx, 0, "text", 0, fn);
  long long id;
  if (competence_record(&host_of(ctx)->db, &in, bind_json(ctx, 0), &id) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "competence", id);
}

static const duk_function_list_entry competence_funcs[] = {
  {"record", competence_record_js, 1},
  {NULL, NULL, 0}};

void bind_competence_open(duk_context *ctx) { bind_core_put(ctx, "competence", competence_funcs); }
