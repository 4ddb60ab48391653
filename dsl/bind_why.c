/* dsl/bind_why.c — what the C cores of the declarative rules share (dsl/bind_why.h). */
#include "dsl/bind_why.h"
#include "dsl/bind_core.h"
#include "core/civil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void text_open(duk_context *ctx, Text *t) {
  t->ctx = ctx;
  t->cap = 256;
  t->n = 0;
  t->p = duk_push_dynamic_buffer(ctx, t->cap);
  t->buf = duk_get_top_index(ctx);
}


/* text_put(t, s, len): append len bytes */
void text_put(Text *t, const char *s, size_t len) {
  if (t->n + len + 1 > t->cap) {
    size_t cap = t->cap * 2;
    while (cap < t->n + len + 1) cap *= 2;
    t->p = duk_resize_buffer(t->ctx, t->buf, cap);
    t->cap = cap;
  }
  memcpy(t->p + t->n, s, len);
  t->n += len;
}

/* text_long(t, v): append a whole number in decimal */
void text_long(Text *t, long long v) {
  char b[24], *e = b + sizeof b, *q = e;
  unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
  do *--q = (char)('0' + u % 10); while (u /= 10);
  if (v < 0) *--q = '-';
  text_put(t, q, (size_t)(e - q));
}

/* text_day(t, day): append a day as 'YYYY-MM-DD' */
void text_day(Text *t, long day) {
  char b[11];
  civil_format(day, b);
  text_put(t, b, 10);
}

/* text_value(t, idx): append the value at idx as JavaScript's String(value) writes it */
void text_number(Text *t, double v) {
  if (v == floor(v) && fabs(v) < 9007199254740992.0) { /* whole: its digits (-0 too: "0") */
    text_long(t, (long long)v);
    return;
  }
  duk_size_t len;
  duk_push_number(t->ctx, v);
  const char *s = duk_to_lstring(t->ctx, -1, &len); /* the engine's own number to string */
  text_put(t, s, len);
  duk_pop(t->ctx);
}

void text_value(Text *t, duk_idx_t idx) {
  duk_context *ctx = t->ctx;
  duk_size_t len;
  if (duk_is_string(ctx, idx)) {
    const char *s = duk_get_lstring(ctx, idx, &len);
    text_put(t, s, len);
    return;
  }
  if (duk_is_number(ctx, idx)) {
    text_number(t, duk_get_number(ctx, idx));
    return;
  }
  duk_dup(ctx, idx);
  const char *s = duk_to_lstring(ctx, -1, &len);
  text_put(t, s, len);
  duk_pop(ctx);
}

/* text_top(t): append String() of the value on the stack top, and pop it */
void text_top(Text *t) {
  text_value(t, -1);
  duk_pop(t->ctx);
}

/* text_push(t): push the text written as a string and start a new one */
void text_push(Text *t) {
  duk_push_lstring(t->ctx, t->p, t->n);
  t->n = 0;
}

/* text_throw(t, code, field): throw an Error {code, field} whose message is the text written */
duk_ret_t text_throw(Text *t, const char *code, const char *field) {
  duk_context *ctx = t->ctx;
  text_put(t, "", 1);
  duk_push_error_object(ctx, DUK_ERR_ERROR, "%s", t->p);
  duk_push_string(ctx, code);
  duk_put_prop_string(ctx, -2, "code");
  duk_push_string(ctx, field);
  duk_put_prop_string(ctx, -2, "field");
  (void)duk_throw(ctx);
  abort(); /* not reached */
}

/* truthy_at(ctx, idx): the value at idx is truthy (left as it is: duk_to_boolean converts in place) */
int truthy_at(duk_context *ctx, duk_idx_t idx) {
  duk_dup(ctx, idx);
  int r = duk_to_boolean(ctx, -1);
  duk_pop(ctx);
  return r;
}

/* truthy_top(ctx): the value on the stack top is truthy; it is popped */
int truthy_top(duk_context *ctx) {
  int r = duk_to_boolean(ctx, -1);
  duk_pop(ctx);
  return r;
}

/* ---- the checks stdlib/bands.js's fields() makes, with its messages ---------------------------- */

/* text_fn(t, fn, index, what): the call's name for a message: the rule's fn, or that of its
 * what[index] (extensions[0], audits[2]) when what names a list */
static void text_fn(Text *t, const char *fn, long index, const char *what) {
  text_put(t, fn, strlen(fn));
  if (!what) return;
  TEXT(t, ": ");
  text_put(t, what, strlen(what));
  TEXT(t, "[");
  text_long(t, index);
  TEXT(t, "]");
}

/* text_list(t, names): append the names joined by ', ' */
void text_list(Text *t, const char *const *names) {
  for (const char *const *k = names; *k; k++) {
    if (k != names) TEXT(t, ", ");
    text_put(t, *k, strlen(*k));
  }
}

void check_fields(Text *t, duk_idx_t o, const char *const *known, const char *const *required, const char *fn,
                  long index, const char *what) {
  duk_context *ctx = t->ctx;
  o = duk_normalize_index(ctx, o);
  if (!truthy_at(ctx, o) || !duk_is_object(ctx, o) || duk_is_function(ctx, o) || duk_is_array(ctx, o)) {
    text_fn(t, fn, index, what);
    TEXT(t, ": give an object {");
    text_list(t, known);
    TEXT(t, "}, got ");
    duk_dup(ctx, o);
    duk_json_encode(ctx, -1);
    text_value(t, -1);
    text_throw(t, "invalid", "input");
  }
  duk_get_global_literal(ctx, "Object"); /* Object.keys(o): an enumerator's duk_next checks every key again */
  duk_get_prop_literal(ctx, -1, "keys");
  duk_dup(ctx, o);
  duk_call(ctx, 1);
  duk_size_t nk = duk_get_length(ctx, -1);
  for (duk_uarridx_t i = 0; i < nk; i++) {
    duk_get_prop_index(ctx, -1, i);
    const char *k = duk_get_string(ctx, -1);
    const char *const *j = known;
    while (*j && strcmp(*j, k)) j++;
    if (!*j) {
      text_fn(t, fn, index, what);
      TEXT(t, ": unknown field '");
      text_put(t, k, strlen(k));
      TEXT(t, "' (known: ");
      text_list(t, known);
      TEXT(t, ")");
      text_throw(t, "invalid", k);
    }
    duk_pop(ctx);
  }
  duk_pop_2(ctx);
  for (const char *const *r = required; *r; r++) {
    duk_get_prop_string(ctx, o, *r);
    if (duk_is_null_or_undefined(ctx, -1)) {
      text_fn(t, fn, index, what);
      TEXT(t, ": ");
      text_put(t, *r, strlen(*r));
      TEXT(t, " is required");
      text_throw(t, "invalid", *r);
    }
    duk_pop(ctx);
  }
}

/* ---- why steps ---------------------------------------------------------------------------------- */


/* step(ctx, c): [clause text] on the stack top → the why step cite(clause, text) */
void cite_open(duk_context *ctx, Cite *c, duk_idx_t arg) {
  arg = duk_normalize_index(ctx, arg);
  c->cite = duk_is_function(ctx, arg) ? arg : -1;
  if (c->cite < 0) {
    duk_get_prop_literal(ctx, arg, "scheme");
    duk_get_prop_literal(ctx, arg, "version");
  } else {
    duk_push_undefined(ctx);
    duk_push_undefined(ctx);
  }
  c->scheme = duk_get_top(ctx) - 2;
  c->version = c->scheme + 1;
}

void rule_open(duk_context *ctx, Cite *c, Text *t, duk_idx_t nargs, duk_idx_t cite, duk_idx_t in, const char *fn,
               const char *field) {
  duk_set_top(ctx, nargs);
  cite_open(ctx, c, cite);
  text_open(ctx, t);
  if (truthy_at(ctx, in) && duk_is_object(ctx, in) && !duk_is_function(ctx, in)) return;
  text_put(t, fn, strlen(fn));
  TEXT(t, ": give an object");
  text_throw(t, "invalid", field);
}

void step(duk_context *ctx, const Cite *c) {
  if (c->cite >= 0) {
    duk_dup(ctx, c->cite);
    duk_insert(ctx, -3);
    duk_call(ctx, 2);
    return;
  }
  duk_push_object(ctx);
  duk_dup(ctx, c->scheme);
  duk_put_prop_literal(ctx, -2, "scheme");
  duk_dup(ctx, c->version);
  duk_put_prop_literal(ctx, -2, "version");
  duk_dup(ctx, -3);
  duk_put_prop_literal(ctx, -2, "clause");
  duk_dup(ctx, -2);
  duk_put_prop_literal(ctx, -2, "text");
  duk_insert(ctx, -3);
  duk_pop_2(ctx);
}

/* pack(ctx, count): the count values on the stack top → one array of them, in order */
void note_steps(duk_context *ctx, const Cite *c, duk_idx_t holder) {
  duk_get_prop_literal(ctx, holder, "notes");
  if (truthy_at(ctx, -1)) {
    duk_uarridx_t n = (duk_uarridx_t)duk_get_length(ctx, -1);
    for (duk_uarridx_t i = 0; i < n; i++) {
      if (!duk_has_prop_index(ctx, -1, i)) continue;
      duk_get_prop_index(ctx, -1, i);
      duk_get_prop_literal(ctx, -1, "clause");
      duk_get_prop_literal(ctx, -2, "text");
      step(ctx, c);
      duk_swap_top(ctx, -2);
      duk_pop(ctx); /* the note */
      duk_swap_top(ctx, -2); /* the notes back on top */
    }
  }
  duk_pop(ctx);
}

void pack(duk_context *ctx, duk_idx_t count) {
  duk_idx_t base = duk_get_top(ctx) - count;
  duk_push_array(ctx);
  for (duk_idx_t i = 0; i < count; i++) {
    duk_dup(ctx, base + i);
    duk_put_prop_index(ctx, -2, (duk_uarridx_t)i);
  }
  duk_replace(ctx, base);
  duk_set_top(ctx, base + 1);
}

/* push_day(ctx, day): push the day as 'YYYY-MM-DD' */
void push_day(duk_context *ctx, long day) {
  char b[11];
  civil_format(day, b);
  duk_push_lstring(ctx, b, 10);
}


/* ---- the positions a Scheme takes ---------------------------------------------------------------- */

/* core.why.positions(list, why, input, result, self, stamp) → why, with a step for each position of
 * list ({clause, text, applies}) appended: {scheme, version, clause, text} of the stamp's, and
 * applied: !!applies.call(self, input, result) when the position has an applies. Every applies
 * sees the result as it was: the steps are appended only when all are made. */
static duk_ret_t why_positions(duk_context *ctx) {
  enum { LIST = 0, WHYS, INPUT, RESULT, SELF, STAMP };
  duk_set_top(ctx, 6);
  Cite c;
  cite_open(ctx, &c, STAMP);
  duk_idx_t base = duk_get_top(ctx);
  duk_uarridx_t n = (duk_uarridx_t)duk_get_length(ctx, LIST);
  for (duk_uarridx_t i = 0; i < n; i++) {
    duk_get_prop_index(ctx, LIST, i);
    duk_idx_t p = duk_get_top_index(ctx);
    duk_get_prop_literal(ctx, p, "clause");
    duk_get_prop_literal(ctx, p, "text");
    step(ctx, &c);
    duk_get_prop_literal(ctx, p, "applies");
    if (duk_is_function(ctx, -1)) {
      duk_dup(ctx, SELF);
      duk_dup(ctx, INPUT);
      duk_dup(ctx, RESULT);
      duk_call_method(ctx, 2);
      duk_push_boolean(ctx, duk_to_boolean(ctx, -1));
      duk_remove(ctx, -2);
      duk_put_prop_literal(ctx, -2, "applied");
    } else {
      duk_pop(ctx);
    }
    duk_remove(ctx, p);
  }
  duk_uarridx_t at = (duk_uarridx_t)duk_get_length(ctx, WHYS);
  for (duk_uarridx_t i = 0; i < n; i++) {
    duk_dup(ctx, base + (duk_idx_t)i);
    duk_put_prop_index(ctx, WHYS, at + i);
  }
  duk_dup(ctx, WHYS);
  return 1;
}

/* ---- reasons as text ------------------------------------------------------------------------------ */

/* text_replace_from(t, from, with): every line end written since byte from replaced by with */
static void text_replace_from(Text *t, size_t from, const char *with) {
  size_t k = 0, w = strlen(with);
  for (size_t i = from; i < t->n; i++) k += t->p[i] == '\n';
  if (!k) return;
  if (!w) { /* removed */
    size_t j = from;
    for (size_t i = from; i < t->n; i++)
      if (t->p[i] != '\n') t->p[j++] = t->p[i];
    t->n = j;
    return;
  }
  size_t old = t->n, grow = k * (w - 1);
  for (size_t i = 0; i < grow; i++) text_put(t, " ", 1); /* room (w ≥ 1) */
  for (size_t i = old, j = t->n; i > from;) { /* moved back from the end, each line end widened */
    char ch = t->p[--i];
    if (ch == '\n') { j -= w; memcpy(t->p + j, with, w); }
    else t->p[--j] = ch;
  }
}

/* core.why.lines(why, between, lineEnd) → each reason of why as 'scheme version clause: text'
 * (String() of each, the clause '' when falsy), joined by between; lineEnd (a string, or null to
 * keep them) replaces the line ends inside a reason. One text written, not a string per piece:
 * the reminder job's answers spent a sixth of a rule call joining their reasons (issue 17). */
static duk_ret_t why_lines(duk_context *ctx) {
  enum { WHYS = 0, BETWEEN, LINE_END };
  const char *between = duk_require_string(ctx, BETWEEN);
  const char *line_end = duk_is_null_or_undefined(ctx, LINE_END) ? NULL : duk_require_string(ctx, LINE_END);
  Text t;
  text_open(ctx, &t);
  if (truthy_at(ctx, WHYS)) {
    if (!duk_is_array(ctx, WHYS)) return duk_type_error(ctx, "why must be a list of reasons");
    duk_uarridx_t n = (duk_uarridx_t)duk_get_length(ctx, WHYS);
    for (duk_uarridx_t i = 0; i < n; i++) {
      duk_get_prop_index(ctx, WHYS, i);
      if (!duk_is_object(ctx, -1)) return duk_type_error(ctx, "why[%u] is not a reason {scheme, version, clause, text}", (unsigned)i);
      duk_idx_t w = duk_get_top_index(ctx);
      if (i) text_put(&t, between, strlen(between));
      size_t from = t.n;
      TEXT_PROP(&t, w, "scheme");
      TEXT(&t, " ");
      TEXT_PROP(&t, w, "version");
      TEXT(&t, " ");
      duk_get_prop_literal(ctx, w, "clause");
      if (truthy_at(ctx, -1)) text_value(&t, -1);
      duk_pop(ctx);
      TEXT(&t, ": ");
      TEXT_PROP(&t, w, "text");
      if (line_end) text_replace_from(&t, from, line_end);
      duk_pop(ctx);
    }
  }
  text_push(&t);
  return 1;
}

static const duk_function_list_entry why_funcs[] = {
  {"positions", why_positions, 6},
  {"lines", why_lines, 3},
  {NULL, NULL, 0}};

/* a rule's result is appended to in place: not copied */
void bind_why_open(duk_context *ctx) { bind_core_put_direct(ctx, "why", why_funcs); }
