/* dsl/bind_why.h — what the C cores of the declarative rules share (dsl/bind_lifecycle.c,
 * dsl/bind_bands.c): a text written in a buffer of the heap's (nothing to free when a call
 * throws), the checks stdlib/bands.js's fields() makes with its messages, and why steps
 * {scheme, version, clause, text} made as the Scheme's cite makes them. */
#ifndef CERTSH_DSL_BIND_WHY_H
#define CERTSH_DSL_BIND_WHY_H

#include "duktape.h"

#include <stddef.h>

/* A text being written: the bytes live in the dynamic buffer at index buf. */
typedef struct Text {
  duk_context *ctx;
  duk_idx_t buf;
  char *p;
  size_t n, cap;
} Text;

/* text_open(ctx, t): start a text, its buffer pushed on the stack (keep it there while writing) */
void text_open(duk_context *ctx, Text *t);
/* text_put(t, s, len): append len bytes */
void text_put(Text *t, const char *s, size_t len);
#define TEXT(t, literal) text_put((t), "" literal, sizeof(literal) - 1)
/* text_long(t, v): append a whole number in decimal */
void text_long(Text *t, long long v);
/* text_number(t, v): append the number v as JavaScript's String(v) writes it */
void text_number(Text *t, double v);
/* text_day(t, day): append a day number as 'YYYY-MM-DD' */
void text_day(Text *t, long day);
/* text_value(t, idx): append the value at idx as JavaScript's String(value) writes it */
void text_value(Text *t, duk_idx_t idx);
/* text_top(t): append String() of the value on the stack top, and pop it */
void text_top(Text *t);
/* TEXT_PROP(t, obj, key): append String(obj[key]) (key a literal: Duktape keeps its string) */
#define TEXT_PROP(t, obj, key) (duk_get_prop_literal((t)->ctx, (obj), key), text_top(t))
/* text_push(t): push the text written as a string and start a new one */
void text_push(Text *t);
/* text_throw(t, code, field): throw an Error {code, field} whose message is the text written */
duk_ret_t text_throw(Text *t, const char *code, const char *field) __attribute__((noreturn));
/* text_list(t, names): append the NULL-terminated names joined by ', ' */
void text_list(Text *t, const char *const *names);

/* truthy_at(ctx, idx): the value at idx is truthy (left as it is: duk_to_boolean converts in place) */
int truthy_at(duk_context *ctx, duk_idx_t idx);
/* truthy_top(ctx): the value on the stack top is truthy; it is popped */
int truthy_top(duk_context *ctx);
/* TRUTHY(ctx, obj, key): obj[key] is truthy (key a literal) */
#define TRUTHY(ctx, obj, key) (duk_get_prop_literal((ctx), (obj), key), truthy_top(ctx))

/* check_fields(t, o, known, required, fn, index, what): bands.fields(o, known, required, fn) —
 * o an object, every own field known, every required one neither undefined nor null; the
 * messages name the call fn, or its what[index] when what names a list (audits[2]) */
void check_fields(Text *t, duk_idx_t o, const char *const *known, const char *const *required, const char *fn,
                  long index, const char *what);

/* Where a call's why steps come from: cite(clause, text) at index cite, or, when the caller
 * gave a stamp {scheme, version}, objects {scheme, version, clause, text} made here. */
typedef struct Cite {
  duk_idx_t cite;            /* the function, or -1 */
  duk_idx_t scheme, version; /* the stamp's, when there is no function */
} Cite;
/* cite_open(ctx, c, arg): the why steps of a call, cite the function at arg or a stamp there;
 * pushes two values (the stamp's scheme and version) to keep while making steps */
void cite_open(duk_context *ctx, Cite *c, duk_idx_t arg);
/* rule_open(ctx, c, t, nargs, cite, in, fn, field): a rule core's start — its nargs arguments
 * kept, the steps from the argument at cite (cite_open), a text begun (text_open), and anything
 * but an object at in refused as '<fn>: give an object', naming field */
void rule_open(duk_context *ctx, Cite *c, Text *t, duk_idx_t nargs, duk_idx_t cite, duk_idx_t in, const char *fn,
               const char *field);
/* step(ctx, c): [clause text] on the stack top → the why step cite(clause, text) */
void step(duk_context *ctx, const Cite *c);
/* WHY(ctx, c, t, holder, key): push cite(holder[key], the text written) (key a literal) */
#define WHY(ctx, c, t, holder, key) (duk_get_prop_literal((ctx), (holder), key), text_push(t), step((ctx), (c)))

/* note_steps(ctx, c, holder): push a step {clause, text} for each note of holder.notes, in order */
void note_steps(duk_context *ctx, const Cite *c, duk_idx_t holder);

/* pack(ctx, count): the count values on the stack top → one array of them, in order */
void pack(duk_context *ctx, duk_idx_t count);
/* push_day(ctx, day): push the day number as 'YYYY-MM-DD' */
void push_day(duk_context *ctx, long day);

#endif
