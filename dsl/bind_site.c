/* dsl/bind_site.c — core.site: an organisation's central function and service sites
 * (core/site.c) for scripts; stdlib/register.js offers them as org.addSite() and org.sites(). */
#include "dsl/bind_core.h"
#include "core/register.h"

/* core.site.add({org, name, address, central, opened}) → the site row */
static duk_ret_t site_add_js(duk_context *ctx) {
  static const char fn[] = "core.site.add({org, name, address, central, opened})";
  bind_require_object(ctx, 0, "options", fn);
  bind_core_known_fields(ctx, 0, "org,name,address,central,opened", fn);
  SiteInput in = {0};
  in.org = bind_prop_id(ctx, 0, "org", 1, fn);
  in.name = bind_prop_string(ctx, 0, "name", 1, fn);
  in.address = bind_prop_string(ctx, 0, "address", 0, fn);
  duk_get_prop_string(ctx, 0, "central");
  if (!duk_is_undefined(ctx, -1) && !duk_is_boolean(ctx, -1))
    host_throw(ctx, "invalid", "central", "%s: central must be true or false, got %s", fn, duk_safe_to_string(ctx, -1));
  in.central = duk_get_boolean_default(ctx, -1, 0);
  duk_pop(ctx);
  in.opened = bind_prop_date(ctx, 0, "opened", 1, fn);
  long long id;
  if (site_add(&host_of(ctx)->db, &in, bind_json(ctx, 0), &id) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "site", id);
}

/* core.site.close(id, {date}) → the site row */
static duk_ret_t site_close_js(duk_context *ctx) {
  static const char fn[] = "core.site.close(id, {date})";
  long long id = bind_id_arg(ctx, 0, "id", fn);
  bind_require_object(ctx, 1, "options", fn);
  bind_core_known_fields(ctx, 1, "date", fn);
  const char *date = bind_prop_date(ctx, 1, "date", 1, fn);
  if (site_close(&host_of(ctx)->db, id, date, bind_json(ctx, 1)) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "site", id);
}

/* core.site.get(id) → the site row */
static duk_ret_t site_get_js(duk_context *ctx) { return bind_core_push_record(ctx, "site", bind_id_arg(ctx, 0, "id", "core.site.get(id)")); }

static const duk_function_list_entry site_funcs[] = {
  {"add", site_add_js, 1},
  {"get", site_get_js, 1},
  {"close", site_close_js, 2},
  {NULL, NULL, 0}};

void bind_site_open(duk_context *ctx) { bind_core_put(ctx, "site", site_funcs); }
