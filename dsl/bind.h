/* dsl/bind.h — what every binding file shares: one `bind_X_open` per primitive (listed in
 * dsl/modules.c) and the argument helpers whose errors name the field and the value. */
#ifndef CERTSH_DSL_BIND_H
#define CERTSH_DSL_BIND_H

#include "dsl/host.h"

/* Put funcs on the object at obj, each called through the trampoline that first replaces its
 * object arguments by plain-data copies (bind_plain_args). */
void bind_put_functions(duk_context *ctx, duk_idx_t obj, const duk_function_list_entry *funcs);
/* Replace every object argument (not functions) by a plain-data copy: arrays and own
 * enumerable properties read once each (getters run once), functions kept; nested at most 32
 * levels. What a binding validates, uses and logs is then the same data. fn names the call. */
void bind_plain_args(duk_context *ctx, const char *fn);
/* Put funcs on a new frozen global object called name (through bind_put_functions). */
void bind_namespace(duk_context *ctx, const char *name, const duk_function_list_entry *funcs);

/* Argument helpers: fn is the JavaScript signature, field the argument or property name.
 * They throw an Error {code:'invalid', field} naming the value when it is not acceptable. */
long bind_date_arg(duk_context *ctx, duk_idx_t idx, const char *fn, const char *field);
/* Property `field` of the object at obj: a string (required), or NULL when absent and optional. */
const char *bind_prop_string(duk_context *ctx, duk_idx_t obj, const char *field, int required, const char *fn);
/* Property `field` as a date string ('YYYY-MM-DD'); NULL when absent and optional. */
const char *bind_prop_date(duk_context *ctx, duk_idx_t obj, const char *field, int required, const char *fn);
/* Property `field` as a finite number within [min, max]; def when absent and optional. */
double bind_prop_number(duk_context *ctx, duk_idx_t obj, const char *field, int required, double min, double max,
                        double def, const char *fn);
/* Property `field` as a whole number within [min, max]; def when absent and optional. */
long long bind_prop_int(duk_context *ctx, duk_idx_t obj, const char *field, int required, long long min, long long max,
                        long long def, const char *fn);
/* An id: a number, or an object with a numeric `id` (a row returned earlier). */
long long bind_id_arg(duk_context *ctx, duk_idx_t idx, const char *field, const char *fn);
/* Property `field` as an id (see bind_id_arg); 0 when absent and optional. */
long long bind_prop_id(duk_context *ctx, duk_idx_t obj, const char *field, int required, const char *fn);
/* Property `field` JSON-encoded (arrays/objects), or def when absent. Returned string lives on
 * the value stack until the caller's frame returns. */
const char *bind_prop_json(duk_context *ctx, duk_idx_t obj, const char *field, const char *def, const char *fn);
/* JSON text of the value at idx (pushes it). */
const char *bind_json(duk_context *ctx, duk_idx_t idx);
/* The string at idx as UTF-8 for SQLite (host_get_utf8), refusing a NUL in it; field names it. */
const char *bind_text(duk_context *ctx, duk_idx_t idx, const char *field, const char *fn);
/* Require a text argument at idx (field is its name); returns it as UTF-8, without NUL. */
const char *bind_string_arg(duk_context *ctx, duk_idx_t idx, const char *field, const char *fn);
/* Require an object argument at idx. */
void bind_require_object(duk_context *ctx, duk_idx_t idx, const char *field, const char *fn);

/* Run one query with bound text/number params and push its rows as an array (json_columns
 * decoded); or push the first row (or null) when single. Throws on error. */
void bind_query(duk_context *ctx, const char *sql, int single, const char *const *json_columns, int nparams,
                const char *const *params);

/* Push the current row of st as an object without throwing: 0, or -1 with the error pushed
 * (finalize st, then duk_throw). */
int bind_push_row_safely(duk_context *ctx, sqlite3_stmt *st, const char *const *json_columns);
/* Append the current row of st to the array at arr as element index, without throwing: 0, or
 * -1 with the error pushed (finalize st, then duk_throw). */
int bind_append_row_safely(duk_context *ctx, sqlite3_stmt *st, const char *const *json_columns, duk_idx_t arr,
                           duk_uarridx_t index);

#endif
