/* dsl/bind_person.c — core.person: auditors, experts, deciders (core/person.c) for scripts. */
#include "dsl/bind_core.h"
#include "core/register.h"

/* core.person.create({name, roles}) → the person row */
static duk_ret_t person_create_js(duk_context *ctx) {
  static const char fn[] = "core.person.create({name, roles})";
  bind_require_object(ctx, 0, "options", fn);
  bind_core_known_fields(ctx, 0, "name,roles", fn);
  const char *name = bind_prop_string(ctx, 0, "name", 1, fn);
  const char *roles = bind_prop_json(ctx, 0, "roles", NULL, fn);
  long long id;
  if (person_create(&host_of(ctx)->db, name, roles, bind_json(ctx, 0), &id) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "person", id);
}

/* core.person.register(id, {number, fieldCode, from, to}) → the person row with its registrations */
static duk_ret_t person_register_js(duk_context *ctx) {
  static const char fn[] = "core.person.register(id, {number, fieldCode, from, to})";
  long long id = bind_id_arg(ctx, 0, "id", fn);
  bind_require_object(ctx, 1, "options", fn);
  bind_core_known_fields(ctx, 1, "number,fieldCode,from,to", fn);
  const char *number = bind_prop_string(ctx, 1, "number", 1, fn);
  const char *field = bind_prop_string(ctx, 1, "fieldCode", 0, fn);
  const char *from = bind_prop_date(ctx, 1, "from", 1, fn);
  const char *to = bind_prop_date(ctx, 1, "to", 1, fn);
  if (person_register(&host_of(ctx)->db, id, number, field, from, to, bind_json(ctx, 1)) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "person", id);
}

/* core.person.get(id) → the person row; throws not-found */
static duk_ret_t person_get_js(duk_context *ctx) {
  return bind_core_push_record(ctx, "person", bind_id_arg(ctx, 0, "id", "core.person.get(id)"));
}

static const duk_function_list_entry person_funcs[] = {
  {"create", person_create_js, 1},
  {"register", person_register_js, 2},
  {"get", person_get_js, 1},
  {NULL, NULL, 0}};

void bind_person_open(duk_context *ctx) { bind_core_put(ctx, "person", person_funcs); }
