/* dsl/bind_uscc.c — the `uscc` global: Unified Social Credit Codes (GB 32100-2015). */
#include "dsl/bind.h"
#include "core/uscc.h"

#include <string.h>

/* uscc.isValid(code) → true when code is well formed with the right check character */
static duk_ret_t uscc_is_valid(duk_context *ctx) {
  char why[256];
  duk_push_boolean(ctx, duk_is_string(ctx, 0) && uscc_check(duk_get_string(ctx, 0), why, sizeof why) == 0);
  return 1;
}

/* uscc.check(code) → {valid, reason, expected}: reason says what is wrong (GB 32100-2015) */
static duk_ret_t uscc_check_js(duk_context *ctx) {
  const char *code = bind_string_arg(ctx, 0, "code", "uscc.check(code)");
  char why[256] = "";
  int ok = uscc_check(code, why, sizeof why) == 0;
  duk_push_object(ctx);
  duk_push_boolean(ctx, ok);
  duk_put_prop_string(ctx, -2, "valid");
  duk_push_string(ctx, ok ? "" : why);
  duk_put_prop_string(ctx, -2, "reason");
  char c = strlen(code) >= 17 ? uscc_check_char(code) : 0;
  if (c) duk_push_lstring(ctx, &c, 1); else duk_push_null(ctx);
  duk_put_prop_string(ctx, -2, "expected");
  return 1;
}

static const duk_function_list_entry uscc_funcs[] = {
  {"isValid", uscc_is_valid, 1},
  {"check", uscc_check_js, 1},
  {NULL, NULL, 0}};

/* Getter of uscc.division: stdlib/divisions' function, loaded on first use (its data is large). */
static duk_ret_t uscc_division_get(duk_context *ctx) {
  duk_push_c_function(ctx, host_require, 1);
  duk_push_string(ctx, "stdlib/divisions");
  duk_call(ctx, 1);
  duk_get_prop_string(ctx, -1, "division");
  return 1;
}

/* The frozen global uscc: the functions above and division (uscc.division(code), in JS). */
void bind_uscc_open(duk_context *ctx) {
  duk_push_global_object(ctx);
  duk_push_object(ctx);
  bind_put_functions(ctx, -1, uscc_funcs);
  duk_push_string(ctx, "division");
  duk_push_c_function(ctx, uscc_division_get, 0);
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_SET_ENUMERABLE);
  duk_freeze(ctx, -1);
  duk_put_prop_string(ctx, -2, "uscc");
  duk_pop(ctx);
}
