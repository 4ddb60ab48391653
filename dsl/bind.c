/* dsl/bind.c — argument helpers shared by the binding files: every refusal names the
 * function's signature, the field and the value. Values read here stay on the value stack
 * (so their strings live until the binding returns). */
#include "dsl/bind.h"

#include <math.h>
#include <string.h>

/* How deep an argument may nest, and how long an array in it may be (bind_copy). */
#define BIND_MAX_DEPTH 32
#define BIND_MAX_ELEMENTS 10000000u
/* Hidden property of a binding's function object: its entry in the binding's function table. */
#define BIND_ENTRY "\xff" "bindEntry"

/* Define value (on top) as property key (below it) of the object at obj, popping both:
 * defined, not assigned, so a setter on a prototype cannot intercept it. */
static void bind_define(duk_context *ctx, duk_idx_t obj) {
  duk_def_prop(ctx, obj, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_ENUMERABLE |
                             DUK_DEFPROP_SET_CONFIGURABLE);
}

/* Push a plain-data copy of the value at src: arrays and objects copied element by element and
 * own enumerable property by property (each getter runs once), functions kept as they are,
 * everything else (primitives) as is. Throws when nested deeper than BIND_MAX_DEPTH (or
 * circular) or an array is longer than BIND_MAX_ELEMENTS. */
static void bind_copy(duk_context *ctx, duk_idx_t src, int depth, const char *fn) {
  src = duk_normalize_index(ctx, src);
  if (!duk_is_object(ctx, src) || duk_is_function(ctx, src) || duk_is_buffer_data(ctx, src)) {
    duk_dup(ctx, src);
    return;
  }
  if (depth >= BIND_MAX_DEPTH)
    host_throw(ctx, "invalid", "arguments", "%s: an argument is nested more than %d levels deep (or refers to itself)", fn,
               BIND_MAX_DEPTH);
  duk_require_stack(ctx, 6);
  if (duk_is_array(ctx, src)) {
    duk_size_t n = duk_get_length(ctx, src);
    if (n > BIND_MAX_ELEMENTS)
      host_throw(ctx, "invalid", "arguments", "%s: an array of %lu elements; at most %u", fn, (unsigned long)n,
                 BIND_MAX_ELEMENTS);
    duk_push_array(ctx);
    for (duk_size_t i = 0; i < n; i++) {
      duk_push_uint(ctx, (duk_uint_t)i);
      duk_get_prop_index(ctx, src, (duk_uarridx_t)i);
      bind_copy(ctx, -1, depth + 1, fn);
      duk_remove(ctx, -2);
      bind_define(ctx, -3);
    }
    return;
  }
  duk_push_object(ctx);
  duk_enum(ctx, src, DUK_ENUM_OWN_PROPERTIES_ONLY);
  while (duk_next(ctx, -1, 1)) { /* key, value */
    bind_copy(ctx, -1, depth + 1, fn);
    duk_remove(ctx, -2);
    bind_define(ctx, -4);
  }
  duk_pop(ctx);
}

void bind_plain_args(duk_context *ctx, const char *fn) {
  duk_idx_t top = duk_get_top(ctx);
  for (duk_idx_t i = 0; i < top; i++) {
    if (!duk_is_object(ctx, i) || duk_is_function(ctx, i)) continue;
    bind_copy(ctx, i, 0, fn);
    duk_replace(ctx, i);
  }
}

/* Every binding function is called through here: its arguments become plain-data copies
 * first (bind_plain_args), so what it validates is what it uses and logs, and no string it
 * keeps can be freed by a script's getter running again. */
static duk_ret_t bind_trampoline(duk_context *ctx) {
  duk_push_current_function(ctx);
  duk_get_prop_string(ctx, -1, BIND_ENTRY);
  const duk_function_list_entry *e = duk_get_pointer(ctx, -1);
  duk_pop_2(ctx);
  bind_plain_args(ctx, e->key);
  return e->value(ctx);
}

void bind_put_functions(duk_context *ctx, duk_idx_t obj, const duk_function_list_entry *funcs) {
  obj = duk_normalize_index(ctx, obj);
  for (const duk_function_list_entry *e = funcs; e->key; e++) {
    duk_push_c_function(ctx, bind_trampoline, e->nargs);
    duk_push_pointer(ctx, (void *)e);
    duk_put_prop_string(ctx, -2, BIND_ENTRY);
    duk_put_prop_string(ctx, obj, e->key);
  }
}

void bind_namespace(duk_context *ctx, const char *name, const duk_function_list_entry *funcs) {
  duk_push_global_object(ctx);
  duk_push_object(ctx);
  bind_put_functions(ctx, -1, funcs);
  duk_freeze(ctx, -1);
  duk_put_prop_string(ctx, -2, name);
  duk_pop(ctx);
}

void bind_require_object(duk_context *ctx, duk_idx_t idx, const char *field, const char *fn) {
  if (!duk_is_object(ctx, idx) || duk_is_array(ctx, idx) || duk_is_function(ctx, idx))
    host_throw(ctx, "invalid", field, "%s: %s must be an object {…}, got %s", fn, field,
               duk_is_undefined(ctx, idx) ? "nothing" : duk_safe_to_string(ctx, idx));
}

/* Refuse text holding a NUL (C and SQLite would cut it there), naming field and value. */
static void bind_no_nul(duk_context *ctx, const char *s, duk_size_t len, const char *field, const char *fn) {
  if (strlen(s) == len) return;
  host_throw(ctx, "invalid", field, "%s: %s must not hold a NUL character (\\u0000), got '%s\\u0000%.100s'", fn, field, s,
             s + strlen(s) + 1);
}

const char *bind_text(duk_context *ctx, duk_idx_t idx, const char *field, const char *fn) {
  duk_size_t len;
  const char *s = host_get_utf8(ctx, idx, &len);
  bind_no_nul(ctx, s, len, field, fn);
  return s;
}

const char *bind_string_arg(duk_context *ctx, duk_idx_t idx, const char *field, const char *fn) {
  if (!duk_is_string(ctx, idx))
    host_throw(ctx, "invalid", field, "%s: %s must be text, got %s", fn, field,
               duk_is_undefined(ctx, idx) ? "nothing" : duk_safe_to_string(ctx, idx));
  return bind_text(ctx, idx, field, fn);
}

/* Push property field of obj; 1 when present (not undefined/null). */
static int bind_get(duk_context *ctx, duk_idx_t obj, const char *field) {
  duk_get_prop_string(ctx, obj, field);
  return !duk_is_null_or_undefined(ctx, -1);
}

const char *bind_prop_string(duk_context *ctx, duk_idx_t obj, const char *field, int required, const char *fn) {
  obj = duk_normalize_index(ctx, obj);
  if (!bind_get(ctx, obj, field)) {
    if (required) host_throw(ctx, "invalid", field, "%s: %s is required", fn, field);
    return NULL;
  }
  if (duk_is_number(ctx, -1)) duk_to_string(ctx, -1);
  if (!duk_is_string(ctx, -1))
    host_throw(ctx, "invalid", field, "%s: %s must be text, got %s", fn, field, duk_safe_to_string(ctx, -1));
  const char *s = bind_text(ctx, -1, field, fn);
  if (required && !*s) host_throw(ctx, "invalid", field, "%s: %s must not be empty", fn, field);
  return s;
}

const char *bind_prop_date(duk_context *ctx, duk_idx_t obj, const char *field, int required, const char *fn) {
  obj = duk_normalize_index(ctx, obj);
  if (!bind_get(ctx, obj, field)) {
    if (required) host_throw(ctx, "invalid", field, "%s: %s is required (a date 'YYYY-MM-DD')", fn, field);
    return NULL;
  }
  bind_date_arg(ctx, -1, fn, field);
  return duk_get_string(ctx, -1);
}

double bind_prop_number(duk_context *ctx, duk_idx_t obj, const char *field, int required, double min, double max,
                        double def, const char *fn) {
  obj = duk_normalize_index(ctx, obj);
  if (!bind_get(ctx, obj, field)) {
    if (required) host_throw(ctx, "invalid", field, "%s: %s is required (a number from %g to %g)", fn, field, min, max);
    return def;
  }
  double v = duk_is_number(ctx, -1) ? duk_get_number(ctx, -1) : NAN;
  if (!isfinite(v) || v < min || v > max)
    host_throw(ctx, "invalid", field, "%s: %s must be a number from %g to %g, got %s", fn, field, min, max,
               duk_safe_to_string(ctx, -1));
  return v;
}

long long bind_prop_int(duk_context *ctx, duk_idx_t obj, const char *field, int required, long long min, long long max,
                        long long def, const char *fn) {
  obj = duk_normalize_index(ctx, obj);
  if (!bind_get(ctx, obj, field)) {
    if (required) host_throw(ctx, "invalid", field, "%s: %s is required (a whole number from %lld to %lld)", fn, field, min, max);
    return def;
  }
  double v = duk_is_number(ctx, -1) ? duk_get_number(ctx, -1) : NAN;
  if (!isfinite(v) || v != floor(v) || v < (double)min || v > (double)max)
    host_throw(ctx, "invalid", field, "%s: %s must be a whole number from %lld to %lld, got %s", fn, field, min, max,
               duk_safe_to_string(ctx, -1));
  return (long long)v;
}

long long bind_id_arg(duk_context *ctx, duk_idx_t idx, const char *field, const char *fn) {
  idx = duk_normalize_index(ctx, idx);
  duk_dup(ctx, idx);
  if (duk_is_object(ctx, -1)) {
    duk_get_prop_string(ctx, -1, "id");
    duk_remove(ctx, -2);
  }
  double v = duk_is_number(ctx, -1) ? duk_get_number(ctx, -1) : NAN;
  if (!isfinite(v) || v != floor(v) || v < 1 || v > 9007199254740991.0)
    host_throw(ctx, "invalid", field, "%s: %s must be an id (a positive whole number or a record with one), got %s", fn,
               field, duk_is_undefined(ctx, idx) ? "nothing" : duk_safe_to_string(ctx, idx));
  duk_pop(ctx);
  return (long long)v;
}

long long bind_prop_id(duk_context *ctx, duk_idx_t obj, const char *field, int required, const char *fn) {
  obj = duk_normalize_index(ctx, obj);
  if (!bind_get(ctx, obj, field)) {
    if (required) host_throw(ctx, "invalid", field, "%s: %s is required", fn, field);
    return 0;
  }
  return bind_id_arg(ctx, -1, field, fn);
}

const char *bind_json(duk_context *ctx, duk_idx_t idx) {
  duk_dup(ctx, idx);
  duk_json_encode(ctx, -1); /* a NUL comes out as \u0000 */
  return host_get_utf8(ctx, -1, NULL);
}

const char *bind_prop_json(duk_context *ctx, duk_idx_t obj, const char *field, const char *def, const char *fn) {
  obj = duk_normalize_index(ctx, obj);
  if (!bind_get(ctx, obj, field)) return def;
  if (!duk_is_object(ctx, -1) || duk_is_function(ctx, -1))
    host_throw(ctx, "invalid", field, "%s: %s must be an array or object, got %s", fn, field, duk_safe_to_string(ctx, -1));
  return bind_json(ctx, -1);
}

/* What bind_row_safe needs: the statement and the JSON columns. */
typedef struct BindRow { sqlite3_stmt *st; const char *const *json_columns; duk_uarridx_t index; } BindRow;

/* safe_call body: push the current row, so a failure (out of memory, bad JSON) cannot leak the
 * statement. */
static duk_ret_t bind_row_safe(duk_context *ctx, void *udata) {
  BindRow *r = udata;
  host_push_row(ctx, r->st, r->json_columns);
  return 1;
}

int bind_push_row_safely(duk_context *ctx, sqlite3_stmt *st, const char *const *json_columns) {
  BindRow r = {st, json_columns, 0};
  return duk_safe_call(ctx, bind_row_safe, &r, 0, 1) == DUK_EXEC_SUCCESS ? 0 : -1;
}

/* safe_call body: define the current row as element r->index of the array given as argument
 * (defined, not assigned, so a setter a script put on Array.prototype cannot intercept it). */
static duk_ret_t bind_append_safe(duk_context *ctx, void *udata) {
  BindRow *r = udata;
  duk_push_uint(ctx, r->index);
  host_push_row(ctx, r->st, r->json_columns);
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_ENUMERABLE |
                            DUK_DEFPROP_SET_CONFIGURABLE);
  return 0;
}

int bind_append_row_safely(duk_context *ctx, sqlite3_stmt *st, const char *const *json_columns, duk_idx_t arr,
                           duk_uarridx_t index) {
  BindRow r = {st, json_columns, index};
  duk_dup(ctx, arr);
  if (duk_safe_call(ctx, bind_append_safe, &r, 1, 1) == DUK_EXEC_SUCCESS) { duk_pop(ctx); return 0; }
  return -1;
}

void bind_query(duk_context *ctx, const char *sql, int single, const char *const *json_columns, int nparams,
                const char *const *params) {
  Host *h = host_of(ctx);
  if (!single) duk_push_array(ctx); /* allocate before the statement: nothing to leak if it throws */
  sqlite3_stmt *st = host_stmt_take(h, sql, 0);
  if (!st) st = db_prepare(&h->db, sql);
  if (!st) host_throw_core(ctx, &h->db.err);
  for (int i = 0; i < nparams; i++) sqlite3_bind_text(st, i + 1, params[i], -1, SQLITE_TRANSIENT); /* UTF-8: bind_text */
  duk_uarridx_t n = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if ((single ? bind_push_row_safely(ctx, st, json_columns) : bind_append_row_safely(ctx, st, json_columns, -1, n++)) < 0) {
      sqlite3_finalize(st);
      (void)duk_throw(ctx);
    }
    if (single) break;
  }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    db_fail_sql(&h->db, "query");
    sqlite3_finalize(st);
    host_throw_core(ctx, &h->db.err);
  }
  host_stmt_give(h, st, sql, 0);
  if (single && rc != SQLITE_ROW) duk_push_null(ctx);
}
