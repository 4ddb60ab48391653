/* dsl/bind_core.c — the `core` namespace of the low-level primitives and the helpers their
 * binding files share. User scripts mostly use the friendly layer (stdlib/register.js). */
#include "dsl/bind_core.h"
#include "core/register.h"

#include <stdlib.h>
#include <string.h>

/* core_put(ctx, name, funcs, direct): bind_core_put, the functions wrapped (copying their
 * arguments) unless direct */
static void core_put(duk_context *ctx, const char *name, const duk_function_list_entry *funcs, int direct) {
  duk_push_global_object(ctx);
  if (!duk_get_prop_string(ctx, -1, "core")) {
    duk_pop(ctx);
    duk_push_object(ctx);
    duk_push_string(ctx, "core");
    duk_dup(ctx, -2);
    duk_def_prop(ctx, -4, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_CONFIGURABLE |
                              DUK_DEFPROP_CLEAR_ENUMERABLE);
  }
  duk_push_object(ctx);
  if (direct) duk_put_function_list(ctx, -1, funcs);
  else bind_put_functions(ctx, -1, funcs);
  duk_freeze(ctx, -1);
  duk_push_string(ctx, name);
  duk_swap_top(ctx, -2);
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_CONFIGURABLE |
                            DUK_DEFPROP_SET_ENUMERABLE);
  duk_pop_2(ctx);
}

void bind_core_put(duk_context *ctx, const char *name, const duk_function_list_entry *funcs) { core_put(ctx, name, funcs, 0); }

void bind_core_put_direct(duk_context *ctx, const char *name, const duk_function_list_entry *funcs) {
  core_put(ctx, name, funcs, 1);
}

duk_ret_t bind_core_fail(duk_context *ctx) { host_throw_core(ctx, &host_of(ctx)->db.err); }

/* Columns stored as JSON text, decoded into arrays and objects for scripts. */
static const char *const JSON_COLUMNS[] = {"roles", "shops", "facts", "why", "sites", "contents", NULL};

duk_ret_t bind_core_push_record(duk_context *ctx, const char *prefix, long long id) {
  Host *h = host_of(ctx);
  char *json = NULL;
  if (reg_get_json(&h->db, prefix, id, &json) < 0) bind_core_fail(ctx);
  host_push_text(ctx, json, strlen(json)); /* copied: nothing is held when decoding might throw */
  free(json);
  duk_json_decode(ctx, -1);
  for (const char *const *c = JSON_COLUMNS; *c; c++) {
    if (duk_get_prop_string(ctx, -1, *c) && duk_is_string(ctx, -1)) {
      duk_json_decode(ctx, -1);
      duk_put_prop_string(ctx, -2, *c);
    } else {
      duk_pop(ctx);
    }
  }
  return 1;
}

void bind_core_known_fields(duk_context *ctx, duk_idx_t idx, const char *known, const char *fn) {
  idx = duk_normalize_index(ctx, idx);
  duk_enum(ctx, idx, DUK_ENUM_OWN_PROPERTIES_ONLY);
  while (duk_next(ctx, -1, 0)) {
    const char *key = duk_get_string(ctx, -1);
    size_t n = strlen(key);
    const char *p = known;
    int found = 0;
    while (n && !found && (p = strstr(p, key)) != NULL) {
      found = (p == known || p[-1] == ',') && (p[n] == ',' || p[n] == 0);
      p += n ? n : 1;
    }
    if (!found) host_throw(ctx, "invalid", key, "%s: unknown field '%s' (known: %s)", fn, key, known);
    duk_pop(ctx);
  }
  duk_pop(ctx);
}

int bind_core_prop_bool(duk_context *ctx, duk_idx_t obj, const char *field, int def, const char *fn) {
  duk_get_prop_string(ctx, obj, field);
  int v = def;
  if (duk_is_boolean(ctx, -1)) v = duk_get_boolean(ctx, -1);
  else if (!duk_is_null_or_undefined(ctx, -1))
    host_throw(ctx, "invalid", field, "%s: %s must be true or false, got %s", fn, field, duk_safe_to_string(ctx, -1));
  duk_pop(ctx);
  return v;
}

const long long *bind_core_deciders(duk_context *ctx, duk_idx_t obj, int *n, const char *fn) {
  obj = duk_normalize_index(ctx, obj);
  duk_get_prop_string(ctx, obj, "by");
  if (!duk_is_array(ctx, -1)) host_throw(ctx, "invalid", "by", "%s: by must be an array of the deciders", fn);
  duk_idx_t by = duk_get_top_index(ctx);
  *n = (int)duk_get_length(ctx, by);
  if (*n > 100) host_throw(ctx, "invalid", "by", "%s: %d deciders is not a decision panel", fn, *n);
  long long *ids = duk_push_fixed_buffer(ctx, sizeof(long long) * (size_t)(*n ? *n : 1));
  for (int i = 0; i < *n; i++) {
    duk_get_prop_index(ctx, by, (duk_uarridx_t)i);
    ids[i] = bind_id_arg(ctx, -1, "by[]", fn);
    duk_pop(ctx);
  }
  return ids;
}
