/* dsl/freeze.c — what the rules rely on, made read-only for every script (as Redis makes Lua's
 * globals read-only): Math, JSON, and the constructors and prototypes of Object, Array, String,
 * Number, Boolean, Date, RegExp and Function. `Math.ceil = …` or `Array.prototype.forEach = …` is
 * then refused (TypeError in strict code, ignored otherwise). So that freezing does not break
 * ordinary code assigning its own constructor, toString, valueOf or toJSON (ES5's "override
 * mistake"), those are accessors on the prototypes: reading gives the built-in, assigning to any
 * other object defines its own property, assigning to the prototype itself is refused.
 * dsl/host.c calls it when it opens a heap, before any script runs. In C rather than script: the
 * 54 closures a script made for the accessors were a third of a start-up's instructions (issue 17). */
#include "dsl/host.h"

#include <duktape.h>

/* The prototype members ordinary code assigns on its own objects; the accessors' magic indexes it. */
static const char *const TAMED[] = {"constructor", "toString", "valueOf", "toLocaleString", "toJSON"};
#define NTAMED ((int)(sizeof TAMED / sizeof TAMED[0]))

/* The constructors whose prototypes and selves are frozen, the objects frozen, and the globals
 * made non-writable besides those. */
static const char *const BUILT_INS[] = {"Object", "Array", "String", "Number", "Boolean", "Date", "RegExp", "Function"};
static const char *const OBJECTS[] = {"Math", "JSON"};
static const char *const FUNCTIONS[] = {"isNaN", "isFinite", "parseInt", "parseFloat"};
#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* Make the global name non-writable and non-configurable. */
static void freeze_name(duk_context *ctx, duk_idx_t global, const char *name) {
  duk_push_string(ctx, name);
  duk_def_prop(ctx, global, DUK_DEFPROP_HAVE_WRITABLE | DUK_DEFPROP_HAVE_CONFIGURABLE);
}

/* get of a tamed member: the built-in it stands for, whatever `this` is */
static duk_ret_t freeze_tamed_get(duk_context *ctx) {
  duk_push_current_function(ctx);
  duk_get_prop_string(ctx, -1, DUK_HIDDEN_SYMBOL("value"));
  return 1;
}

/* set of a tamed member: refused on the prototype itself, an own property of any other object */
static duk_ret_t freeze_tamed_set(duk_context *ctx) {
  const char *key = TAMED[duk_get_current_magic(ctx)];
  duk_push_this(ctx);                                                      /* [v this] */
  duk_push_current_function(ctx);
  duk_get_prop_string(ctx, -1, DUK_HIDDEN_SYMBOL("proto"));                /* [v this fn proto] */
  if (duk_strict_equals(ctx, 1, 3)) return duk_type_error(ctx, "%s of a built-in prototype is read-only", key);
  duk_pop_2(ctx);
  duk_push_string(ctx, key);
  duk_dup(ctx, 0);                                                         /* [v this key v] */
  duk_def_prop(ctx, 1, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_ENUMERABLE |
                           DUK_DEFPROP_SET_CONFIGURABLE);
  return 0;
}

/* Replace proto's own data member TAMED[k] (proto an absolute index) by its accessor pair, keeping
 * its enumerability. */
static void freeze_tame(duk_context *ctx, duk_idx_t proto, int k) {
  duk_push_string(ctx, TAMED[k]);
  duk_get_prop_desc(ctx, proto, 0);                                        /* [desc] or [undefined] */
  if (!duk_is_object(ctx, -1) || !duk_has_prop_string(ctx, -1, "value")) { duk_pop(ctx); return; }
  int enumerable = duk_get_prop_string(ctx, -1, "enumerable") && duk_to_boolean(ctx, -1);
  duk_pop(ctx);
  duk_get_prop_string(ctx, -1, "value");                                   /* [desc value] */
  duk_push_c_function(ctx, freeze_tamed_get, 0);
  duk_dup(ctx, -2);
  duk_put_prop_string(ctx, -2, DUK_HIDDEN_SYMBOL("value"));                /* [desc value get] */
  duk_push_c_function(ctx, freeze_tamed_set, 1);
  duk_set_magic(ctx, -1, k);
  duk_dup(ctx, proto);
  duk_put_prop_string(ctx, -2, DUK_HIDDEN_SYMBOL("proto"));                /* [desc value get set] */
  duk_push_string(ctx, TAMED[k]);
  duk_insert(ctx, -3);                                                     /* [desc value key get set] */
  duk_def_prop(ctx, proto, DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_HAVE_SETTER | DUK_DEFPROP_HAVE_CONFIGURABLE |
                               DUK_DEFPROP_HAVE_ENUMERABLE | (enumerable ? DUK_DEFPROP_ENUMERABLE : 0));
  duk_pop_2(ctx);
}

/* Freeze what the rules rely on in ctx's global object (run in a safe call: a failure throws). */
static duk_ret_t freeze_safe(duk_context *ctx, void *udata) {
  (void)udata;
  duk_push_global_object(ctx);
  duk_idx_t global = duk_get_top_index(ctx);
  for (size_t i = 0; i < COUNT(BUILT_INS); i++) {
    duk_get_prop_string(ctx, global, BUILT_INS[i]);
    duk_get_prop_string(ctx, -1, "prototype");                             /* [global ctor proto] */
    for (int k = 0; k < NTAMED; k++) freeze_tame(ctx, duk_get_top_index(ctx), k);
    duk_freeze(ctx, -1);
    duk_freeze(ctx, -2);
    duk_pop_2(ctx);
  }
  for (size_t i = 0; i < COUNT(OBJECTS); i++) {
    duk_get_prop_string(ctx, global, OBJECTS[i]);
    duk_freeze(ctx, -1);
    duk_pop(ctx);
  }
  for (size_t i = 0; i < COUNT(BUILT_INS); i++) freeze_name(ctx, global, BUILT_INS[i]);
  for (size_t i = 0; i < COUNT(OBJECTS); i++) freeze_name(ctx, global, OBJECTS[i]);
  for (size_t i = 0; i < COUNT(FUNCTIONS); i++) freeze_name(ctx, global, FUNCTIONS[i]);
  return 0;
}

int host_freeze_builtins(duk_context *ctx) {
  if (duk_safe_call(ctx, freeze_safe, NULL, 0, 1) != DUK_EXEC_SUCCESS) return -1;
  duk_pop(ctx);
  return 0;
}
