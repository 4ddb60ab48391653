/* dsl/call.c — the host API of the front door: repl/ calls the library's functions and reads
 * their results through these, with C values in and out, instead of driving Duktape's value
 * stack itself. A result or an error message is left at the stack top for the next call here. */
#include "dsl/host.h"
#include "dsl/module.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Push one argument per letter of fmt from ap (see host_call). */
static void host_push_argsv(Host *h, const char *fmt, va_list ap) {
  duk_context *ctx = h->ctx;
  for (const char *f = fmt; *f; f++) {
    switch (*f) {
      case 's': { const char *s = va_arg(ap, const char *); if (s) duk_push_string(ctx, s); else duk_push_null(ctx); break; }
      case 't': { const char *s = va_arg(ap, const char *); size_t n = va_arg(ap, size_t); host_push_text(ctx, s, n); break; }
      case 'i': duk_push_int(ctx, va_arg(ap, int)); break;
      case 'b': duk_push_boolean(ctx, va_arg(ap, int)); break;
      case 'd': duk_push_number(ctx, va_arg(ap, double)); break;
      case 'g': duk_get_global_string(ctx, va_arg(ap, const char *)); break;
      case 'G': duk_push_global_object(ctx); break;
      case 'j': duk_push_string(ctx, va_arg(ap, const char *)); duk_json_decode(ctx, -1); break;
      case 'a': { /* an array of texts: char *const *items, int n */
        char *const *items = va_arg(ap, char *const *);
        int n = va_arg(ap, int);
        duk_push_array(ctx);
        for (int i = 0; i < n; i++) {
          host_push_text(ctx, items[i], strlen(items[i]));
          duk_put_prop_index(ctx, -2, (duk_uarridx_t)i);
        }
        break;
      }
      default: duk_push_undefined(ctx); break;
    }
  }
}

void host_push_args(Host *h, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  host_push_argsv(h, fmt, ap);
  va_end(ap);
}

int host_push_export(Host *h, const char *module, const char *fn, int nargs) {
  duk_context *ctx = h->ctx;
  duk_idx_t base = duk_get_top(ctx) - nargs;
  if (module) {
    duk_push_c_function(ctx, host_require, 1); /* the library's require, whatever a script named `require` */
    duk_push_string(ctx, module);
    if (host_pcall(h, 1)) { /* the message in place of the arguments */
      if (nargs > 0) {
        duk_replace(ctx, base);
        duk_set_top(ctx, base + 1);
      }
      return 1;
    }
  } else {
    duk_push_global_object(ctx);
  }
  for (const char *part = fn, *dot; part; part = dot ? dot + 1 : NULL) { /* 'command.body': a member's member */
    dot = strchr(part, '.');
    duk_get_prop_lstring(ctx, -1, part, dot ? (duk_size_t)(dot - part) : strlen(part));
    duk_remove(ctx, -2);
  }
  duk_insert(ctx, base);
  return 0;
}

int host_call(Host *h, const char *module, const char *fn, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  host_push_argsv(h, fmt, ap);
  va_end(ap);
  if (host_push_export(h, module, fn, (int)strlen(fmt))) return 1;
  return host_pcall(h, (int)strlen(fmt));
}

const char *host_top_text(Host *h) { return duk_safe_to_string(h->ctx, -1); }

const char *host_top_ltext(Host *h, size_t *len) {
  duk_size_t n;
  const char *text = duk_safe_to_lstring(h->ctx, -1, &n);
  *len = (size_t)n;
  return text;
}

char *host_pop_display(Host *h, int json) {
  if (duk_is_undefined(h->ctx, -1)) { duk_pop(h->ctx); return strdup("null"); }
  char *text = strdup(host_to_display(h->ctx, -1, json));
  duk_pop_2(h->ctx); /* its text, and the value */
  return text;
}

void host_put_global(Host *h, const char *name) {
  duk_dup_top(h->ctx);
  duk_put_global_string(h->ctx, name);
}

void host_put_global_strings(Host *h, const char *name, char *const *items, int n) {
  duk_context *ctx = h->ctx;
  duk_push_array(ctx);
  for (int i = 0; i < n; i++) {
    duk_push_string(ctx, items[i]);
    duk_put_prop_index(ctx, -2, (duk_uarridx_t)i);
  }
  duk_put_global_string(ctx, name);
}

int host_try_compile(Host *h, const char *source, size_t len, const char *name, char *msg, size_t n) {
  duk_context *ctx = h->ctx;
  duk_push_string(ctx, name);
  int rc = duk_pcompile_lstring_filename(ctx, 0, source, len) != 0;
  if (rc && msg) snprintf(msg, n, "%s", duk_safe_to_string(ctx, -1));
  duk_pop(ctx);
  return rc;
}

char *host_pop_text(Host *h) {
  char *text = strdup(duk_safe_to_string(h->ctx, -1));
  duk_pop(h->ctx);
  return text;
}

void host_pop(Host *h) { duk_pop(h->ctx); }

size_t host_depth(Host *h) { return (size_t)duk_get_top(h->ctx); }

void host_unwind(Host *h, size_t depth) { if ((size_t)duk_get_top(h->ctx) > depth) duk_set_top(h->ctx, (duk_idx_t)depth); }

int host_top_is_undefined(Host *h) { return duk_is_undefined(h->ctx, -1); }

int host_top_is_null(Host *h) { return duk_is_null(h->ctx, -1); }

int host_top_flag(Host *h, const char *prop) {
  duk_get_prop_string(h->ctx, -1, prop);
  int yes = duk_to_boolean(h->ctx, -1);
  duk_pop(h->ctx);
  return yes;
}

void host_push_object(Host *h) { duk_push_object(h->ctx); }

void host_set(Host *h, const char *key, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  host_push_argsv(h, fmt, ap);
  va_end(ap);
  duk_put_prop_string(h->ctx, -2, key);
}

void host_append(Host *h, const char *key, const char *fmt, ...) {
  duk_context *ctx = h->ctx;
  if (!duk_get_prop_string(ctx, -1, key)) { /* the list begins */
    duk_pop(ctx);
    duk_push_array(ctx);
    duk_dup_top(ctx);
    duk_put_prop_string(ctx, -3, key);
  }
  va_list ap;
  va_start(ap, fmt);
  host_push_argsv(h, fmt, ap);
  va_end(ap);
  duk_put_prop_index(ctx, -2, (duk_uarridx_t)duk_get_length(ctx, -2));
  duk_pop(ctx);
}

double host_top_number(Host *h, const char *prop) {
  duk_context *ctx = h->ctx;
  if (!duk_is_object(ctx, -1)) return NAN;
  duk_get_prop_string(ctx, -1, prop);
  double v = duk_is_number(ctx, -1) ? duk_get_number(ctx, -1) : NAN;
  duk_pop(ctx);
  return v;
}

char *host_top_prop_text(Host *h, const char *prop) {
  duk_context *ctx = h->ctx;
  duk_get_prop_string(ctx, -1, prop);
  char *text = strdup(duk_safe_to_string(ctx, -1));
  duk_pop(ctx);
  return text;
}

size_t host_top_length(Host *h) { return duk_is_object(h->ctx, -1) ? (size_t)duk_get_length(h->ctx, -1) : 0; }

void host_top_strings(Host *h, void (*each)(const char *s, void *ud), void *ud) {
  duk_context *ctx = h->ctx;
  if (!duk_is_array(ctx, -1)) return;
  duk_size_t n = duk_get_length(ctx, -1);
  for (duk_size_t i = 0; i < n; i++) {
    duk_get_prop_index(ctx, -1, (duk_uarridx_t)i);
    if (duk_is_string(ctx, -1)) each(duk_get_string(ctx, -1), ud);
    duk_pop(ctx);
  }
}

char *host_wrap_module(const char *src, size_t n, size_t *len) {
  static const char head[] = MODULE_HEAD, tail[] = MODULE_TAIL;
  char *buf = malloc(sizeof head - 1 + n + sizeof tail);
  if (!buf) return NULL;
  memcpy(buf, head, sizeof head - 1);
  memcpy(buf + sizeof head - 1, src, n);
  memcpy(buf + sizeof head - 1 + n, tail, sizeof tail); /* with its NUL */
  *len = sizeof head - 1 + n + sizeof tail - 1;
  return buf;
}
