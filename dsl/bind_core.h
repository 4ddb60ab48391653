/* dsl/bind_core.h — what the primitive bindings (bind_org.c … bind_matter.c) share: the `core`
 * namespace, rows returned as plain objects, and checks of an options object's fields. */
#ifndef CERTSH_DSL_BIND_CORE_H
#define CERTSH_DSL_BIND_CORE_H

#include "dsl/bind.h"

/* Put funcs on a new frozen object core[name] (creating the global `core` when needed). */
void bind_core_put(duk_context *ctx, const char *name, const duk_function_list_entry *funcs);
/* bind_core_put without the copy of each call's arguments (bind_plain_args): for functions
 * that read large arguments in place, keeping every value they use on the value stack while
 * they read the next (a getter may run at each read, and can then free nothing they hold). */
void bind_core_put_direct(duk_context *ctx, const char *name, const duk_function_list_entry *funcs);
/* Push the row of subject PREFIX:ID as a plain object (its JSON columns decoded, child rows
 * such as the audit team included); throws not-found. Returns 1 (for `return`). */
duk_ret_t bind_core_push_record(duk_context *ctx, const char *prefix, long long id);
/* Throw {code:'invalid', field} when the object at idx has a field not in the comma-separated
 * list `known` (a misspelt field would otherwise be silently ignored). */
void bind_core_known_fields(duk_context *ctx, duk_idx_t idx, const char *known, const char *fn);
/* Throw the register's last error as a JavaScript Error. */
duk_ret_t bind_core_fail(duk_context *ctx) __attribute__((noreturn));
/* Property `field` as an optional boolean; def when absent. */
int bind_core_prop_bool(duk_context *ctx, duk_idx_t obj, const char *field, int def, const char *fn);
/* The deciders array at obj.by (person ids or records, at most 100) into a buffer on the value
 * stack (it lives until the binding returns); *n gets how many. Throws naming `by`. */
const long long *bind_core_deciders(duk_context *ctx, duk_idx_t obj, int *n, const char *fn);

#endif
