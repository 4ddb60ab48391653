/* dsl/bind_bands.c — core.bands: the C cores of stdlib/bands.js's declarative rules (issue 17:
 * in JavaScript a grade took 8-11 µs a call, an audit time 20-30 µs, most of it the engine's
 * calls, property writes and string joins): band tables with their continuation (lookup), the
 * audit-time rule (manDays), the grade rule (grade), and the two number rules every why text of
 * theirs uses, rounding to a step (round) and a number as a why text shows it (fmt). Each
 * computes what the JavaScript did, step for step and text for text; stdlib/bands.js documents
 * the rules and keeps their checks. Definitions are read at every call: the scheme is the one
 * owner of its numbers and texts. */
#include "dsl/bind.h"
#include "dsl/bind_core.h"
#include "dsl/bind_why.h"

#include <math.h>
#include <string.h>

/* ---- numbers ------------------------------------------------------------------------------------ */

/* js_round(x) → Math.round(x): halves towards +Infinity, the sign of a zero kept (ES5.1 15.8.2.15) */
static double js_round(double x) {
  if (isnan(x) || isinf(x) || x == 0) return x;
  if (x >= -0.5 && x < 0.5) return x < 0 ? -0.0 : 0.0;
  return floor(x + 0.5);
}

/* number_at(ctx, idx) → ToNumber of the value at idx (left as it is) */
static double number_at(duk_context *ctx, duk_idx_t idx) {
  if (duk_is_number(ctx, idx)) return duk_get_number(ctx, idx);
  duk_dup(ctx, idx);
  double v = duk_to_number(ctx, -1);
  duk_pop(ctx);
  return v;
}

/* number_top(ctx) → ToNumber of the value on the stack top, popped */
static double number_top(duk_context *ctx) {
  double v = number_at(ctx, -1);
  duk_pop(ctx);
  return v;
}

/* NUMBER(ctx, obj, key) → ToNumber(obj[key]) (key a literal) */
#define NUMBER(ctx, obj, key) (duk_get_prop_literal((ctx), (obj), key), number_top(ctx))

/* text_fmt(t, n): append fmt(n) — at most 4 decimals, no trailing zeros ('0.6667', '1.5', '11') */
static void text_fmt(Text *t, double n) {
  if (n < 9e11 && n > -9e11) {
    if (n == floor(n)) { text_number(t, n); return; }
    if (n > 0 && n * 2 == floor(n * 2)) { text_number(t, n - 0.5); TEXT(t, ".5"); return; }
  }
  text_number(t, js_round(n * 10000) / 10000);
}

/* Rounding modes of round(x, step, mode). */
enum { ROUND_UP, ROUND_DOWN, ROUND_NEAREST };

/* round_to(x, step, mode) → x rounded to a multiple of step (a tiny tolerance keeps 3 × 0.1 from
 * rounding up past 0.3); x, step and mode as round() has checked them */
static double round_to(double x, double step, int mode) {
  double q = x / step, eps = 1e-9, n;
  if (mode == ROUND_UP) n = ceil(q - eps);
  else if (mode == ROUND_DOWN) n = floor(q + eps);
  else n = floor(q + 0.5 + eps);
  return js_round(n * step * 1e9) / 1e9;
}

/* round_checked(t, x, step, mode_idx) → round(x, step, mode) with its checks, the mode the value
 * at mode_idx ('up', 'down' or 'nearest') */
static double round_checked(Text *t, double x, duk_idx_t step_idx, duk_idx_t mode_idx) {
  duk_context *ctx = t->ctx;
  if (isnan(x) || isinf(x)) {
    TEXT(t, "round(x, step, mode): x must be a number, got ");
    text_number(t, x);
    text_throw(t, "invalid", "value");
  }
  double step = duk_is_number(ctx, step_idx) ? duk_get_number(ctx, step_idx) : NAN;
  if (!(step > 0) || isinf(step)) {
    TEXT(t, "round(x, step, mode): step must be a positive number, got ");
    text_value(t, step_idx);
    text_throw(t, "invalid", "step");
  }
  const char *m = duk_is_string(ctx, mode_idx) ? duk_get_string(ctx, mode_idx) : "";
  int mode = !strcmp(m, "up") ? ROUND_UP : !strcmp(m, "down") ? ROUND_DOWN : !strcmp(m, "nearest") ? ROUND_NEAREST : -1;
  if (mode < 0) {
    TEXT(t, "round(x, step, mode): mode must be 'up', 'down' or 'nearest', got ");
    text_value(t, mode_idx);
    text_throw(t, "invalid", "mode");
  }
  return round_to(x, step, mode);
}

/* round_up(t, x, holder, key) → round(x, holder[key], 'up'): to the next multiple of a step */
static double round_up(Text *t, double x, duk_idx_t holder, const char *key) {
  duk_get_prop_string(t->ctx, holder, key);
  duk_push_literal(t->ctx, "up");
  double r = round_checked(t, x, -2, -1);
  duk_pop_2(t->ctx);
  return r;
}

/* text_raised(t, value, floor, before, after): how value meets a floor — before value after
 * (': the table\'s 5 meets it') when it does, ': raised from value to floor' when it does not */
static void text_raised(Text *t, double value, double floor_, const char *before, const char *after) {
  if (value >= floor_) {
    text_put(t, before, strlen(before));
    text_fmt(t, value);
    text_put(t, after, strlen(after));
    return;
  }
  TEXT(t, ": raised from ");
  text_fmt(t, value);
  TEXT(t, " to ");
  text_fmt(t, floor_);
}

/* ---- band tables ---------------------------------------------------------------------------------- */

/* A band found: its value and bounds. */
typedef struct Band {
  double value, from, to;
} Band;

/* row_at(ctx, rows, i, k) → rows[i][k] as a number */
static double row_at(duk_context *ctx, duk_idx_t rows, duk_uarridx_t i, duk_uarridx_t k) {
  duk_get_prop_index(ctx, rows, i);
  duk_get_prop_index(ctx, -1, k);
  double v = number_at(ctx, -1);
  duk_pop_2(ctx);
  return v;
}

/* text_of(t, table): the table's `of` (what n counts), 'value' when it names none */
static void text_of(Text *t, duk_idx_t table) {
  duk_get_prop_literal(t->ctx, table, "of");
  if (truthy_at(t->ctx, -1)) text_top(t);
  else {
    duk_pop(t->ctx);
    TEXT(t, "value");
  }
}

/* band(t, c, table, n, column, bare) → lookup(table, n, column): the band of the table holding n,
 * continued by table.beyond past the last row; unless bare, its why steps pushed (one for a
 * row, two for a continuation: the count and the position taken). The value at column is the
 * column's name. Throws {code:'range'} when n is past a table with no beyond. */
static Band band(Text *t, const Cite *c, duk_idx_t table, double n, duk_idx_t column, int bare) {
  duk_context *ctx = t->ctx;
  Band out = {0, 0, 0};
  table = duk_normalize_index(ctx, table);
  column = duk_normalize_index(ctx, column);
  duk_get_prop_literal(ctx, table, "columns");
  duk_idx_t cols = duk_get_top_index(ctx);
  duk_size_t ncols = duk_get_length(ctx, cols);
  duk_uarridx_t col = 0;
  for (; col < ncols; col++) {
    duk_get_prop_index(ctx, cols, col);
    int same = duk_strict_equals(ctx, -1, column);
    duk_pop(ctx);
    if (same) break;
  }
  if (col == ncols) {
    TEXT(t, "the table of ");
    TEXT_PROP(t, table, "clause");
    TEXT(t, " has no column '");
    text_value(t, column);
    TEXT(t, "' (it has ");
    for (duk_uarridx_t i = 0; i < ncols; i++) {
      if (i) TEXT(t, ", ");
      duk_get_prop_index(ctx, cols, i);
      if (duk_is_null_or_undefined(ctx, -1)) duk_pop(ctx); /* as Array.prototype.join writes them */
      else text_top(t);
    }
    TEXT(t, ")");
    text_throw(t, "invalid", "column");
  }
  duk_get_prop_literal(ctx, table, "rows");
  duk_idx_t rows = duk_get_top_index(ctx);
  duk_uarridx_t nrows = (duk_uarridx_t)duk_get_length(ctx, rows), last = nrows - 1;
  double first_from = row_at(ctx, rows, 0, 0), last_to = row_at(ctx, rows, last, 1);
  if (n < first_from) {
    text_of(t, table);
    TEXT(t, " ");
    text_number(t, n);
    TEXT(t, " is below the table of ");
    TEXT_PROP(t, table, "clause");
    TEXT(t, ", which starts at ");
    text_number(t, first_from);
    duk_get_prop_literal(ctx, table, "of");
    const char *field = truthy_at(ctx, -1) ? duk_safe_to_string(ctx, -1) : "value";
    text_throw(t, "range", field);
  }
  /* the rows are in order and contiguous (checkTable): halve the rows up to the one holding n */
  duk_uarridx_t lo = 0, hi = n > last_to ? 0 : nrows;
  while (lo < hi) {
    duk_uarridx_t mid = lo + (hi - lo) / 2;
    duk_get_prop_index(ctx, rows, mid);
    duk_get_prop_index(ctx, -1, 0);
    double from = number_top(ctx);
    duk_get_prop_index(ctx, -1, 1);
    double to = number_top(ctx);
    if (n > to) {
      lo = mid + 1;
    } else if (!(n >= from)) {
      hi = mid;
    } else {
      duk_get_prop_index(ctx, -1, 2 + col);
      out.value = number_at(ctx, -1);
      out.from = from;
      out.to = to;
      if (!bare) {
        text_of(t, table);
        TEXT(t, " ");
        text_number(t, n);
        TEXT(t, " is in band ");
        text_number(t, from);
        TEXT(t, "-");
        text_number(t, to);
        TEXT(t, ": ");
        text_value(t, column);
        TEXT(t, " ");
        text_value(t, -1);
      }
      duk_set_top(ctx, cols);
      if (!bare) WHY(ctx, c, t, table, "clause");
      return out;
    }
    duk_pop(ctx);
  }
  duk_get_prop_literal(ctx, table, "beyond");
  duk_idx_t beyond = duk_get_top_index(ctx);
  if (!truthy_at(ctx, beyond)) {
    text_of(t, table);
    TEXT(t, " ");
    text_number(t, n);
    TEXT(t, " is past the table of ");
    TEXT_PROP(t, table, "clause");
    TEXT(t, ", which ends at ");
    text_number(t, last_to);
    TEXT(t, " and states no continuation");
    duk_get_prop_literal(ctx, table, "of");
    const char *field = truthy_at(ctx, -1) ? duk_safe_to_string(ctx, -1) : "value";
    text_throw(t, "range", field);
  }
  double base = row_at(ctx, rows, last, 2 + col), over = n - last_to;
  duk_get_prop_literal(ctx, beyond, "per");
  if (truthy_at(ctx, -1)) { /* "+add per further size" */
    duk_dup(ctx, column);
    duk_get_prop(ctx, -2);
    duk_get_prop_index(ctx, -1, 0);
    double size = number_top(ctx);
    duk_get_prop_index(ctx, -1, 1);
    double add = number_top(ctx);
    duk_get_prop_literal(ctx, beyond, "count");
    int started = duk_is_string(ctx, -1) && !strcmp(duk_get_string(ctx, -1), "started");
    duk_pop(ctx);
    double blocks = started ? ceil(over / size) : floor(over / size);
    out.value = base + blocks * add;
    if (bare) {
      duk_set_top(ctx, cols);
      return out;
    }
    out.from = last_to + (started ? (blocks - 1) * size + 1 : blocks * size);
    out.to = last_to + (started ? blocks * size : (blocks + 1) * size - 1);
    text_of(t, table);
    TEXT(t, " ");
    text_number(t, n);
    TEXT(t, " is ");
    text_number(t, over);
    TEXT(t, " past ");
    text_number(t, last_to);
    TEXT(t, ": ");
    text_value(t, column);
    TEXT(t, " ");
    text_fmt(t, base);
    TEXT(t, " + ");
    text_fmt(t, add);
    if (started) TEXT(t, " per started further ");
    else TEXT(t, " per completed further ");
    text_number(t, size);
    TEXT(t, " × ");
    text_number(t, blocks);
    TEXT(t, " = ");
    text_fmt(t, out.value);
    TEXT(t, " (band ");
    text_number(t, out.from);
    TEXT(t, "-");
    text_number(t, out.to);
    TEXT(t, ")");
  } else { /* each further band's upper bound the previous one × growth, its value + add */
    double growth = NUMBER(ctx, beyond, "growth"), add = NUMBER(ctx, beyond, "add");
    double upper = last_to, value = base, lower;
    do {
      lower = upper + 1;
      upper = js_round(upper * growth);
      value += add;
    } while (n > upper);
    out.value = value;
    out.from = lower;
    out.to = upper;
    if (bare) {
      duk_set_top(ctx, cols);
      return out;
    }
    text_of(t, table);
    TEXT(t, " ");
    text_number(t, n);
    TEXT(t, " is past ");
    text_number(t, last_to);
    TEXT(t, ": continued band ");
    text_number(t, lower);
    TEXT(t, "-");
    text_number(t, upper);
    TEXT(t, " gives ");
    text_value(t, column);
    TEXT(t, " ");
    text_fmt(t, value);
  }
  duk_set_top(ctx, beyond + 1);
  WHY(ctx, c, t, beyond, "clause");
  duk_get_prop_literal(ctx, beyond, "clause");
  duk_get_prop_literal(ctx, beyond, "text");
  step(ctx, c);
  duk_remove(ctx, beyond);
  duk_remove(ctx, rows);
  duk_remove(ctx, cols);
  return out;
}

/* core.bands.lookup(t, n, column, cite, bare) → {value, from, to, why}, or the value alone when
 * bare: the band of table t holding n (stdlib/bands.js lookup) */
static duk_ret_t bands_lookup(duk_context *ctx) {
  duk_set_top(ctx, 5);
  Cite c;
  cite_open(ctx, &c, 3);
  Text t;
  text_open(ctx, &t);
  if (!duk_is_number(ctx, 1)) {
    TEXT(&t, "lookup(t, n, column): n must be a number, got ");
    text_value(&t, 1);
    text_throw(&t, "invalid", "value");
  }
  int bare = truthy_at(ctx, 4);
  duk_idx_t base = duk_get_top(ctx);
  Band b = band(&t, &c, 0, duk_get_number(ctx, 1), 2, bare);
  if (bare) {
    duk_push_number(ctx, b.value);
    return 1;
  }
  pack(ctx, duk_get_top(ctx) - base);
  duk_push_object(ctx);
  duk_push_number(ctx, b.value);
  duk_put_prop_literal(ctx, -2, "value");
  duk_push_number(ctx, b.from);
  duk_put_prop_literal(ctx, -2, "from");
  duk_push_number(ctx, b.to);
  duk_put_prop_literal(ctx, -2, "to");
  duk_swap_top(ctx, -2);
  duk_put_prop_literal(ctx, -2, "why");
  return 1;
}

/* ---- audit time ---------------------------------------------------------------------------------- */

#define MAN_DAYS_FN "manDays({employees, audit, sites})"

/* whole_arg(t, o, key, min, def) → the whole number ≥ min at o[key] (def when absent and def is
 * not NAN), refused as bands.js's wholeArg refuses it */
static double whole_arg(Text *t, duk_idx_t o, const char *key, double min, double def) {
  duk_context *ctx = t->ctx;
  duk_get_prop_string(ctx, o, key);
  if (duk_is_undefined(ctx, -1) && !isnan(def)) {
    duk_pop(ctx);
    return def;
  }
  double v = duk_is_number(ctx, -1) ? duk_get_number(ctx, -1) : NAN;
  if (isnan(v) || isinf(v) || v != floor(v) || v < min) {
    TEXT(t, MAN_DAYS_FN ": ");
    text_put(t, key, strlen(key));
    TEXT(t, " must be a whole number ≥ ");
    text_number(t, min);
    TEXT(t, ", got ");
    if (duk_is_undefined(ctx, -1)) TEXT(t, "nothing");
    else {
      duk_json_encode(ctx, -1);
      text_value(t, -1);
    }
    text_throw(t, "invalid", key);
  }
  duk_pop(ctx);
  return v;
}

static const char *const AUDITS[] = {"initial", "surveillance", "recertification", NULL};

/* core.bands.manDays(m, input, cite) → {total, onsite, minimum, initial, why}: the audit time of
 * rule m (stdlib/bands.js documents it) for input {employees, audit, sites, initialOnsite}; cite
 * the scheme's cite(clause, text), or a stamp {scheme, version} whose steps are made here */
static duk_ret_t bands_man_days(duk_context *ctx) {
  enum { M = 0, IN, CITE, SCHEME, VERSION, BUF, TABLE, OF, AUDIT, ROUNDING, LEAST, ONSITE, REDUCTION };
  Cite c;
  Text t;
  rule_open(ctx, &c, &t, 3, CITE, IN, MAN_DAYS_FN, "employees"); /* SCHEME, VERSION, BUF */
  duk_get_prop_literal(ctx, M, "table"); /* TABLE */
  duk_get_prop_literal(ctx, TABLE, "of"); /* OF: what the table counts, employees unless it says */
  if (!truthy_at(ctx, OF)) {
    duk_push_literal(ctx, "employees");
    duk_replace(ctx, OF);
  } else {
    duk_to_string(ctx, OF);
  }
  const char *of = duk_get_string(ctx, OF);
  const char *known[] = {of, "audit", "sites", "initialOnsite", NULL}, *required[] = {of, "audit", NULL};
  check_fields(&t, IN, known, required, MAN_DAYS_FN, 0, NULL);
  double n = whole_arg(&t, IN, of, 1, NAN);
  duk_get_prop_literal(ctx, IN, "audit"); /* AUDIT */
  int audit = -1;
  if (duk_is_string(ctx, AUDIT))
    for (int k = 0; AUDITS[k]; k++)
      if (!strcmp(duk_get_string(ctx, AUDIT), AUDITS[k])) audit = k;
  if (audit < 0) {
    TEXT(&t, MAN_DAYS_FN ": audit must be 'initial', 'surveillance' or 'recertification', got ");
    duk_dup(ctx, AUDIT);
    duk_json_encode(ctx, -1);
    text_top(&t);
    text_throw(&t, "invalid", "audit");
  }
  double sites = whole_arg(&t, IN, "sites", 1, 1);
  duk_get_prop_literal(ctx, M, "rounding"); /* ROUNDING */
  duk_get_prop_literal(ctx, M, "minimumOfInitial"); /* LEAST: the audit's minimum of the initial time, if any */
  if (truthy_at(ctx, LEAST)) {
    duk_dup(ctx, AUDIT);
    duk_get_prop(ctx, LEAST);
    duk_replace(ctx, LEAST);
  }
  int least = truthy_at(ctx, LEAST);
  duk_get_prop_literal(ctx, M, "onsite"); /* ONSITE */
  duk_get_prop_literal(ctx, M, "reduction"); /* REDUCTION */
  int in_table = 0;
  duk_get_prop_literal(ctx, TABLE, "columns");
  for (duk_uarridx_t i = 0, nc = (duk_uarridx_t)duk_get_length(ctx, -1); i < nc && !in_table; i++) {
    duk_get_prop_index(ctx, -1, i);
    in_table = duk_strict_equals(ctx, -1, AUDIT);
    duk_pop(ctx);
  }
  duk_pop(ctx);
  duk_idx_t steps = duk_get_top(ctx); /* the why steps, packed at the end */
  double total, initial = NAN;
  int has_initial = 0;
  duk_push_literal(ctx, "initial");
  duk_idx_t initial_name = steps;
  steps++;
  if (in_table) {
    total = band(&t, &c, TABLE, n, AUDIT, 0).value;
    if (least) {
      initial = band(&t, &c, TABLE, n, initial_name, 1).value;
      has_initial = 1;
      double ratio = NUMBER(ctx, LEAST, "ratio");
      double floor_ = round_up(&t, initial * ratio, ROUNDING, "step");
      text_value(&t, AUDIT);
      TEXT(&t, " time at least ");
      text_fmt(&t, ratio * 100);
      TEXT(&t, "% of the initial ");
      text_fmt(&t, initial);
      TEXT(&t, " = ");
      text_fmt(&t, initial * ratio);
      text_raised(&t, total, floor_, ": the table's ", " meets it");
      WHY(ctx, &c, &t, LEAST, "clause");
      if (total < floor_) total = floor_;
    }
  } else {
    initial = band(&t, &c, TABLE, n, initial_name, 0).value;
    has_initial = 1;
    duk_get_prop_literal(ctx, M, "derived"); /* m.derived[audit], above the band's steps until its own is made */
    duk_dup(ctx, AUDIT);
    duk_get_prop(ctx, -2);
    duk_remove(ctx, -2);
    duk_idx_t derived = duk_get_top_index(ctx);
    double raw = initial * NUMBER(ctx, derived, "ratio");
    duk_get_prop_literal(ctx, ROUNDING, "step");
    duk_get_prop_literal(ctx, ROUNDING, "mode");
    total = round_checked(&t, raw, -2, -1);
    duk_pop_2(ctx);
    text_value(&t, AUDIT);
    TEXT(&t, " time = ");
    duk_get_prop_literal(ctx, derived, "ratioText");
    if (truthy_at(ctx, -1)) text_top(&t);
    else {
      duk_pop(ctx);
      text_fmt(&t, NUMBER(ctx, derived, "ratio"));
    }
    TEXT(&t, " of the initial ");
    text_fmt(&t, initial);
    TEXT(&t, " = ");
    text_fmt(&t, raw);
    WHY(ctx, &c, &t, derived, "clause");
    duk_remove(ctx, derived);
    TEXT(&t, "rounded ");
    TEXT_PROP(&t, ROUNDING, "mode");
    TEXT(&t, " to a multiple of ");
    text_fmt(&t, NUMBER(ctx, ROUNDING, "step"));
    TEXT(&t, ": ");
    text_fmt(&t, total);
    TEXT(&t, " — ");
    TEXT_PROP(&t, ROUNDING, "text");
    WHY(ctx, &c, &t, ROUNDING, "clause");
  }
  duk_get_prop_literal(ctx, M, "perSite");
  if (truthy_at(ctx, -1) && sites > 1) {
    duk_idx_t per_site = duk_get_top_index(ctx);
    double min = NUMBER(ctx, per_site, "min");
    double least_days = round_up(&t, min * sites, per_site, "min"); /* whole site minimums */
    text_number(&t, sites);
    TEXT(&t, " sites × at least ");
    text_fmt(&t, min);
    TEXT(&t, " = ");
    text_fmt(&t, least_days);
    text_raised(&t, total, least_days, ": ", " covers them");
    WHY(ctx, &c, &t, per_site, "clause");
    duk_remove(ctx, per_site);
    if (total < least_days) total = least_days;
  } else {
    duk_pop(ctx);
  }
  double onsite = total, share = 1;
  int has_onsite = truthy_at(ctx, ONSITE);
  if (has_onsite) {
    share = NUMBER(ctx, ONSITE, "share");
    if (!(share >= 1)) {
      double part = round_up(&t, total * share, ROUNDING, "step");
      onsite = isnan(part) || isnan(total) ? NAN : part < total ? part : total;
    }
    TEXT(&t, "on site ");
    text_fmt(&t, onsite);
    TEXT(&t, " of ");
    text_fmt(&t, total);
    TEXT(&t, " (at least ");
    text_fmt(&t, share * 100);
    TEXT(&t, "%");
    duk_get_prop_literal(ctx, ONSITE, "text");
    if (truthy_at(ctx, -1)) {
      TEXT(&t, "; ");
      text_top(&t);
    } else {
      duk_pop(ctx);
    }
    TEXT(&t, ")");
    WHY(ctx, &c, &t, ONSITE, "clause");
  }
  double minimum = total;
  if (truthy_at(ctx, REDUCTION)) {
    double max = NUMBER(ctx, REDUCTION, "max");
    minimum = round_up(&t, total * (1 - max), ROUNDING, "step");
    TEXT(&t, "may be reduced, with reasons, by at most ");
    text_fmt(&t, max * 100);
    TEXT(&t, "%: never below ");
    text_fmt(&t, minimum);
    WHY(ctx, &c, &t, REDUCTION, "clause");
  }
  if (least) { /* the floor of the initial on-site time actually spent (given), else of the table's */
    duk_get_prop_literal(ctx, IN, "initialOnsite");
    int spent = !duk_is_undefined(ctx, -1);
    if (!spent) {
      duk_pop(ctx);
      if (has_initial) duk_push_number(ctx, initial);
      else duk_push_undefined(ctx);
    }
    double base = duk_is_number(ctx, -1) ? duk_get_number(ctx, -1) : NAN;
    if (isnan(base) || isinf(base) || base < 0) {
      TEXT(&t, MAN_DAYS_FN ": initialOnsite must be the man-days of the initial on-site audit, got ");
      duk_json_encode(ctx, -1);
      text_top(&t);
      text_throw(&t, "invalid", "initialOnsite");
    }
    duk_pop(ctx);
    double floor_of = round_up(&t, base * NUMBER(ctx, LEAST, "ratio"), ROUNDING, "step");
    if (floor_of > minimum) {
      TEXT(&t, "never below ");
      text_fmt(&t, NUMBER(ctx, LEAST, "ratio") * 100);
      TEXT(&t, "% of the initial on-site ");
      text_fmt(&t, base);
      if (spent) TEXT(&t, " actually spent");
      TEXT(&t, " = ");
      text_fmt(&t, floor_of);
      TEXT(&t, ", whatever a reduction allows");
      WHY(ctx, &c, &t, LEAST, "clause");
      minimum = floor_of;
    }
    if (floor_of > total) {
      TEXT(&t, "raised from ");
      text_fmt(&t, total);
      TEXT(&t, " to ");
      text_fmt(&t, floor_of);
      WHY(ctx, &c, &t, LEAST, "clause");
      total = floor_of;
      if (onsite < total && (!has_onsite || share >= 1)) onsite = total;
    }
  }
  duk_get_prop_literal(ctx, M, "experts");
  if (truthy_at(ctx, -1)) {
    duk_idx_t experts = duk_get_top_index(ctx);
    duk_get_prop_literal(ctx, experts, "clause");
    duk_get_prop_literal(ctx, experts, "text");
    step(ctx, &c);
    duk_remove(ctx, experts);
  } else {
    duk_pop(ctx);
  }
  pack(ctx, duk_get_top(ctx) - steps);
  duk_push_object(ctx);
  duk_push_number(ctx, total);
  duk_put_prop_literal(ctx, -2, "total");
  duk_push_number(ctx, onsite);
  duk_put_prop_literal(ctx, -2, "onsite");
  duk_push_number(ctx, minimum);
  duk_put_prop_literal(ctx, -2, "minimum");
  duk_swap_top(ctx, -2);
  duk_put_prop_literal(ctx, -2, "why");
  if (has_initial) {
    duk_push_number(ctx, initial);
    duk_put_prop_literal(ctx, -2, "initial");
  }
  return 1;
}

/* ---- grades ---------------------------------------------------------------------------------------- */

#define GRADE_FN "grade({score, deductionItems})"
static const char *const GRADE_KNOWN[] = {"score", "deductionItems", NULL}, *const GRADE_REQUIRED[] = {"score", NULL};

/* core.bands.grade(g, input, cite) → {pass, level, stars, why}: the grade of rule g (stdlib/bands.js
 * documents it) for input {score, deductionItems}; cite as for manDays */
static duk_ret_t bands_grade(duk_context *ctx) {
  enum { G = 0, IN, CITE, SCHEME, VERSION, BUF, PASS, RESULT, STEPS };
  Cite c;
  Text t;
  rule_open(ctx, &c, &t, 3, CITE, IN, GRADE_FN, "score"); /* SCHEME, VERSION, BUF */
  check_fields(&t, IN, GRADE_KNOWN, GRADE_REQUIRED, GRADE_FN, 0, NULL);
  duk_get_prop_literal(ctx, IN, "score");
  double score = duk_is_number(ctx, -1) ? duk_get_number(ctx, -1) : NAN;
  if (isnan(score) || isinf(score) || score < 0 || score > 101) {
    TEXT(&t, GRADE_FN ": score must be a number 0-100, got ");
    text_top(&t);
    text_throw(&t, "invalid", "score");
  }
  duk_pop(ctx);
  duk_get_prop_literal(ctx, IN, "deductionItems");
  double items = duk_is_undefined(ctx, -1) ? 0 : duk_is_number(ctx, -1) ? duk_get_number(ctx, -1) : NAN;
  if (isnan(items) || isinf(items) || items < 0 || items != floor(items)) {
    TEXT(&t, GRADE_FN ": deductionItems must be a whole number ≥ 0, got ");
    text_top(&t);
    text_throw(&t, "invalid", "deductionItems");
  }
  duk_pop(ctx);
  duk_get_prop_literal(ctx, G, "pass"); /* PASS */
  double min = NUMBER(ctx, PASS, "minScore");
  duk_get_prop_literal(ctx, PASS, "itemsBelow");
  int counted = !duk_is_undefined(ctx, -1);
  double below = number_top(ctx);
  int ok = score >= min, many = counted && !(items < below), pass = ok && !many;
  duk_push_object(ctx); /* RESULT: {pass, level, stars, why}, in that order */
  duk_push_boolean(ctx, pass);
  duk_put_prop_literal(ctx, RESULT, "pass");
  /* the pass rule: 'score 72 ≥ 70 and 3 扣分项 < 5: pass' */
  TEXT(&t, "score ");
  text_fmt(&t, score);
  if (ok) TEXT(&t, " ≥ ");
  else TEXT(&t, " < ");
  TEXT_PROP(&t, PASS, "minScore");
  if (counted) {
    TEXT(&t, " and ");
    text_number(&t, items);
    TEXT(&t, " ");
    duk_get_prop_literal(ctx, PASS, "items");
    if (truthy_at(ctx, -1)) text_top(&t);
    else {
      duk_pop(ctx);
      TEXT(&t, "deduction items");
    }
    if (many) TEXT(&t, " ≥ ");
    else TEXT(&t, " < ");
    TEXT_PROP(&t, PASS, "itemsBelow");
  }
  if (pass) TEXT(&t, ": pass");
  else {
    TEXT(&t, ": ");
    TEXT_PROP(&t, G, "fail");
  }
  WHY(ctx, &c, &t, PASS, "clause"); /* STEPS: the why steps from here */
  note_steps(ctx, &c, G);
  if (!pass) {
    duk_get_prop_literal(ctx, G, "fail");
    duk_put_prop_literal(ctx, RESULT, "level");
    duk_push_int(ctx, 0);
    duk_put_prop_literal(ctx, RESULT, "stars");
  } else { /* the highest level the score reaches */
    duk_get_prop_literal(ctx, G, "levels");
    duk_idx_t levels = duk_get_top_index(ctx);
    duk_uarridx_t nl = (duk_uarridx_t)duk_get_length(ctx, levels), at = 0;
    int reached = 0;
    for (duk_uarridx_t i = 0; i < nl; i++) {
      if (!duk_has_prop_index(ctx, levels, i)) continue;
      duk_get_prop_index(ctx, levels, i);
      if (score >= NUMBER(ctx, -1, "min")) reached = 1, at = i;
      duk_pop(ctx);
    }
    if (!reached) {
      duk_pop(ctx);
      duk_push_null(ctx);
      duk_put_prop_literal(ctx, RESULT, "level");
      duk_push_int(ctx, 0);
      duk_put_prop_literal(ctx, RESULT, "stars");
      TEXT(&t, "score ");
      text_fmt(&t, score);
      TEXT(&t, " reaches no level");
      WHY(ctx, &c, &t, G, "clause");
    } else {
      duk_get_prop_index(ctx, levels, at);
      duk_replace(ctx, levels);
      duk_idx_t got = levels;
      duk_get_prop_literal(ctx, got, "level");
      duk_put_prop_literal(ctx, RESULT, "level");
      duk_get_prop_literal(ctx, got, "stars");
      duk_put_prop_literal(ctx, RESULT, "stars");
      TEXT(&t, "score ");
      text_fmt(&t, score);
      TEXT(&t, " ≥ ");
      TEXT_PROP(&t, got, "min");
      TEXT(&t, ": ");
      TEXT_PROP(&t, got, "level");
      duk_get_prop_literal(ctx, got, "clause");
      if (!truthy_at(ctx, -1)) {
        duk_pop(ctx);
        duk_get_prop_literal(ctx, G, "clause");
      }
      duk_remove(ctx, got); /* the level's clause in its place, then its step */
      text_push(&t);
      step(ctx, &c);
    }
  }
  pack(ctx, duk_get_top(ctx) - STEPS);
  duk_put_prop_literal(ctx, RESULT, "why");
  return 1;
}

/* core.bands.round(x, step, mode) → x rounded to a multiple of step, mode 'up', 'down' or 'nearest' */
static duk_ret_t bands_round(duk_context *ctx) {
  duk_set_top(ctx, 3);
  Text t;
  text_open(ctx, &t);
  if (!duk_is_number(ctx, 0)) { /* (round_checked refuses the numbers that are not finite) */
    TEXT(&t, "round(x, step, mode): x must be a number, got ");
    text_value(&t, 0);
    text_throw(&t, "invalid", "value");
  }
  duk_push_number(ctx, round_checked(&t, duk_get_number(ctx, 0), 1, 2));
  return 1;
}

/* core.bands.fmt(n) → n as a why text shows it: at most 4 decimals, no trailing zeros */
static duk_ret_t bands_fmt(duk_context *ctx) {
  duk_set_top(ctx, 1);
  Text t;
  text_open(ctx, &t);
  text_fmt(&t, number_at(ctx, 0));
  text_push(&t);
  return 1;
}

static const duk_function_list_entry bands_funcs[] = {
  {"lookup", bands_lookup, 5},
  {"manDays", bands_man_days, 3},
  {"grade", bands_grade, 3},
  {"round", bands_round, 3},
  {"fmt", bands_fmt, 1},
  {NULL, NULL, 0}};

/* a rule's input is read once by the core itself: not copied per call */
void bind_bands_open(duk_context *ctx) { bind_core_put_direct(ctx, "bands", bands_funcs); }
