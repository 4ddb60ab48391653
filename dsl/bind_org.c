/* dsl/bind_org.c — core.org: organisations (core/org.c) for scripts. */
#include "dsl/bind_core.h"
#include "core/register.h"

#define ORG_FIELDS "name,uscc,usccOverride,address,staff,sites,shops,facts"

/* Read the organisation fields of the options object at 0 (required ones when creating). */
static void org_read(duk_context *ctx, OrgInput *in, int creating, const char *fn) {
  bind_require_object(ctx, 0, "options", fn);
  bind_core_known_fields(ctx, 0, ORG_FIELDS, fn);
  in->name = bind_prop_string(ctx, 0, "name", creating, fn);
  in->uscc = bind_prop_string(ctx, 0, "uscc", creating, fn);
  in->uscc_override = bind_prop_string(ctx, 0, "usccOverride", 0, fn);
  in->address = bind_prop_string(ctx, 0, "address", 0, fn);
  in->staff = bind_prop_int(ctx, 0, "staff", creating, 1, REG_STAFF_MAX, 0, fn);
  in->sites = bind_prop_int(ctx, 0, "sites", 0, 1, REG_SITES_MAX, 0, fn);
  in->shops_json = bind_prop_json(ctx, 0, "shops", NULL, fn);
  in->facts_json = bind_prop_json(ctx, 0, "facts", NULL, fn);
}

/* core.org.create({name, uscc, usccOverride, address, staff, sites, shops, facts}) → the org row */
static duk_ret_t org_create_js(duk_context *ctx) {
  static const char fn[] = "core.org.create({name, uscc, usccOverride, address, staff, sites, shops, facts})";
  OrgInput in = {0};
  org_read(ctx, &in, 1, fn);
  long long id;
  if (org_create(&host_of(ctx)->db, &in, bind_json(ctx, 0), &id) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "org", id);
}

/* core.org.update(id, {name, uscc, usccOverride, address, staff, sites, shops, facts}) → the org row */
static duk_ret_t org_update_js(duk_context *ctx) {
  static const char fn[] = "core.org.update(id, {name, uscc, usccOverride, address, staff, sites, shops, facts})";
  long long id = bind_id_arg(ctx, 0, "id", fn);
  duk_remove(ctx, 0);
  OrgInput in = {0};
  org_read(ctx, &in, 0, fn);
  if (org_update(&host_of(ctx)->db, id, &in, bind_json(ctx, 0)) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "org", id);
}

/* core.org.get(id) → the org row; throws not-found */
static duk_ret_t org_get_js(duk_context *ctx) {
  return bind_core_push_record(ctx, "org", bind_id_arg(ctx, 0, "id", "core.org.get(id)"));
}

static const duk_function_list_entry org_funcs[] = {
  {"create", org_create_js, 1},
  {"update", org_update_js, 2},
  {"get", org_get_js, 1},
  {NULL, NULL, 0}};

void bind_org_open(duk_context *ctx) { bind_core_put(ctx, "org", org_funcs); }
