/* dsl/bind_lifecycle.c — core.lifecycle: the C core of stdlib/lifecycle.js's declarative
 * surveillance programme (issue 17: the rule in JavaScript took 20-37 µs a call, most of it the
 * engine's calls, property writes and string joins). It computes what the JavaScript did, step
 * for step and text for text: the windows of a certification cycle from the programme's months
 * (stdlib/lifecycle.js documents the programme), each with the clause that produced it. The
 * programme is read from the definition at every call; the scheme is the one owner of its
 * numbers and texts. */
#include "dsl/bind.h"
#include "dsl/bind_core.h"
#include "dsl/bind_why.h"
#include "core/civil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SURVEILLANCE_FN "surveillance({decisionDate, expires, audits, asOf})"

static const char *const SURVEILLANCE_KNOWN[] = {"decisionDate", "expires", "audits", "asOf", "extensions", NULL};
static const char *const SURVEILLANCE_REQUIRED[] = {"decisionDate", NULL};
static const char *const EXTENSION_KNOWN[] = {"n", "reason", "by", "approvedBy", "date", NULL};
static const char *const EXTENSION_REQUIRED[] = {"n", "reason", "approvedBy", "date", NULL};
static const char *const AUDIT_KNOWN[] = {"type", "end", NULL};
static const char *const AUDIT_TYPES[] = {"document", "initial", "surveillance", "recertification", "special", "extension",
                                          NULL};

/* list_arg(t, idx, field, message): the input's list at idx, an empty one when it was not given;
 * anything but an array is refused with message */
static void list_arg(Text *t, duk_idx_t idx, const char *field, const char *message) {
  if (duk_is_undefined(t->ctx, idx)) {
    duk_push_array(t->ctx);
    duk_replace(t->ctx, idx);
  }
  if (duk_is_array(t->ctx, idx)) return;
  text_put(t, message, strlen(message));
  text_throw(t, "invalid", field);
}

/* date_of(ctx, idx, field): the day of the date at idx, as date.check(value, field) accepts it */
static long date_of(duk_context *ctx, duk_idx_t idx, const char *field) {
  long day;
  if (duk_is_string(ctx, idx)) {
    duk_size_t len;
    const char *s = duk_get_lstring(ctx, idx, &len);
    if (len == 10 && civil_parse(s, &day) == 0) return day;
  }
  return bind_date_arg(ctx, idx, "date.check", field);
}

/* add_months(ctx, day): date.addMonths(day, the months on the stack top, popped), with that call's errors */
static long add_months(duk_context *ctx, long day) {
  double m = duk_is_number(ctx, -1) ? duk_get_number(ctx, -1) : NAN;
  if (!isfinite(m) || m != floor(m) || fabs(m) > 20000)
    host_throw(ctx, "invalid", "n", "date.addMonths(date, n): n must be a whole number between -20000 and 20000, got %s",
               duk_safe_to_string(ctx, -1));
  duk_pop(ctx);
  long r = civil_add_months(day, (int)m);
  int y, mo, d;
  civil_to_ymd(r, &y, &mo, &d);
  if (!civil_year_ok(y))
    host_throw(ctx, "range", "", "date.addMonths: the result falls outside years %d-%d", CIVIL_MIN_YEAR, CIVIL_MAX_YEAR);
  return r;
}

/* year_of(day) → its calendar year */
static int year_of(long day) {
  int y, m, d;
  civil_to_ymd(day, &y, &m, &d);
  return y;
}

/* by_day(a, b): qsort order of days */
static int by_day(const void *a, const void *b) {
  long x = *(const long *)a, y = *(const long *)b;
  return (x > y) - (x < y);
}

/* ---- the programme ------------------------------------------------------------------------------ */

/* A certification cycle, as its surveillance windows are counted from it: the decision, the
 * certificate's last day, the day asked about, the end of the initial or recertification audit
 * before the decision (start, when started), and the surveillance audits done in the cycle. */
typedef struct Cycle {
  long decision, expires, as_of, start;
  int started;
  long *done;
  size_t ndone;
} Cycle;

/* cycle_add(y, type, end): an audit of the type (AUDIT_TYPES' index) that ended on day end,
 * counted in cycle y: a surveillance in the cycle, or the initial or recertification audit the
 * first window may count from (the latest before the decision) */
static void cycle_add(Cycle *y, int type, long end) {
  if (type == 2 && end >= y->decision && end <= y->expires) y->done[y->ndone++] = end;
  if ((type == 1 || type == 3) && end <= y->decision && (!y->started || end > y->start)) y->start = end, y->started = 1;
}

/* The next window of a cycle: its number (0 when every surveillance is done), dates and status. */
typedef struct Next {
  int n;
  long opens, due, latest;
  const char *status;
} Next;

/* push_window(ctx, n, opens, due, latest, end, status): push a window {n, opens, due, latest,
 * end, status}, end null when it gives none (the window is not done) */
static void push_window(duk_context *ctx, int n, long opens, long due, long latest, const long *end, const char *status) {
  duk_push_object(ctx);
  duk_push_int(ctx, n);
  duk_put_prop_literal(ctx, -2, "n");
  push_day(ctx, opens);
  duk_put_prop_literal(ctx, -2, "opens");
  push_day(ctx, due);
  duk_put_prop_literal(ctx, -2, "due");
  push_day(ctx, latest);
  duk_put_prop_literal(ctx, -2, "latest");
  if (end) push_day(ctx, *end);
  else duk_push_null(ctx);
  duk_put_prop_literal(ctx, -2, "end");
  duk_push_string(ctx, status);
  duk_put_prop_literal(ctx, -2, "status");
}

/* cycle_windows(ctx, c, r, y, P, EXTENSIONS, build, out): the windows of cycle y under the
 * programme at P (the approved extensions at EXTENSIONS), the next of them in out. build: the
 * windows [{n, opens, due, latest, end, status, why}] and the cycle's why pushed, each step
 * written in r and cited by c; else nothing pushed (r then muted: the dates only). The one
 * computation of the windows, for the rule and for nextWindow. */
static void cycle_windows(duk_context *ctx, const Cite *c, Text *r, Cycle *y, duk_idx_t P, duk_idx_t EXTENSIONS, int build,
                          Next *out) {
  long decision = y->decision, expires = y->expires, as_of = y->as_of, start = y->start, *done = y->done;
  size_t ndone = y->ndone;
  int started = y->started;
  duk_size_t nx = duk_get_length(ctx, EXTENSIONS);
  if (ndone > 1) qsort(done, ndone, sizeof *done, by_day);
  duk_get_prop_literal(ctx, P, "calendarYear");
  duk_idx_t YEAR_RULE = duk_get_top_index(ctx);
  int calendar_year = truthy_at(ctx, YEAR_RULE);
  /* the result's lists are made on the stack and packed (pack) when complete: the cycle's
   * steps first, then each window's, then the windows */
  duk_idx_t why_base = duk_get_top(ctx);
  TEXT_PROP(r, P, "count");
  TEXT(r, " surveillance audits in the cycle ");
  text_day(r, decision);
  TEXT(r, " to ");
  text_day(r, expires);
  WHY(ctx, c, r, P, "clause");
  if (build) note_steps(ctx, c, P);
  duk_idx_t nwhy = duk_get_top(ctx) - why_base;
  duk_get_prop_literal(ctx, P, "count");
  double count = duk_to_number(ctx, -1);
  duk_pop(ctx);
  long prev_due = 0, next_opens = 0, next_due = 0, next_latest = 0;
  int next = 0, nwin = 0;
  const char *next_status = NULL;
  for (int n = 1; n <= count; n++) {
    duk_idx_t w = duk_get_top(ctx); /* the window's rule, then the extension approved for it, then its steps */
    if (n == 1) duk_get_prop_literal(ctx, P, "first");
    else duk_get_prop_literal(ctx, P, "next");
    long anchor;
    if (build && TRUTHY(ctx, w, "text")) { /* the texts read only to be written */
      TEXT_PROP(r, w, "text");
      TEXT(r, ": ");
    }
    TEXT(r, "surveillance ");
    text_long(r, n);
    TEXT(r, " counted from ");
    if (n == 1) {
      duk_get_prop_literal(ctx, w, "from");
      int from_audit = duk_is_string(ctx, -1) && !strcmp(duk_get_string(ctx, -1), "initialAudit");
      duk_pop(ctx);
      if (from_audit && started) {
        anchor = start;
        TEXT(r, "the end of the audit before the decision, ");
        text_day(r, anchor);
      } else {
        anchor = decision;
        TEXT(r, "the decision date ");
        text_day(r, decision);
        if (from_audit) TEXT(r, " (no audit before it was given)");
      }
    } else if ((size_t)(n - 2) < ndone) {
      anchor = done[n - 2];
      TEXT(r, "the end of surveillance ");
      text_long(r, n - 1);
      TEXT(r, ", ");
      text_day(r, anchor);
    } else {
      anchor = prev_due;
      TEXT(r, "the due date of surveillance ");
      text_long(r, n - 1);
      TEXT(r, ", ");
      text_day(r, anchor);
      TEXT(r, " (projected: it is not done yet)");
    }
    duk_get_prop_literal(ctx, w, "opensMonths");
    int opens_months = truthy_at(ctx, -1);
    long opens = opens_months ? add_months(ctx, anchor) : (duk_pop(ctx), anchor);
    duk_get_prop_literal(ctx, w, "dueMonths");
    long due = add_months(ctx, anchor);
    duk_get_prop_literal(ctx, w, "latestMonths");
    int latest_months = truthy_at(ctx, -1);
    long latest = latest_months ? add_months(ctx, anchor) : (duk_pop(ctx), due);
    if (opens_months) {
      TEXT(r, ", opens ");
      TEXT_PROP(r, w, "opensMonths");
      TEXT(r, " months after (");
      text_day(r, opens);
      TEXT(r, ")");
    }
    TEXT(r, ", due within ");
    TEXT_PROP(r, w, "dueMonths");
    TEXT(r, " months (");
    text_day(r, due);
    TEXT(r, ")");
    /* the later limit: an extension approved for this window (the first recorded for n) */
    int needs_approval = TRUTHY(ctx, w, "latestNeedsApproval");
    duk_idx_t approved = -1;
    if (needs_approval) {
      for (duk_uarridx_t i = 0; i < nx && approved < 0; i++) {
        if (!duk_has_prop_index(ctx, EXTENSIONS, i)) continue;
        duk_get_prop_index(ctx, EXTENSIONS, i);
        duk_get_prop_literal(ctx, -1, "n");
        int hit = duk_is_number(ctx, -1) && duk_get_number(ctx, -1) == n;
        duk_pop(ctx);
        if (hit) approved = duk_get_top_index(ctx);
        else duk_pop(ctx);
      }
    }
    duk_idx_t steps = duk_get_top(ctx);
    WHY(ctx, c, r, w, "clause");
    if (latest_months) {
      if (build && TRUTHY(ctx, w, "latestText")) {
        TEXT_PROP(r, w, "latestText");
        TEXT(r, ": ");
      }
      if (needs_approval && approved < 0) {
        latest = due;
        TEXT(r, "no approved extension of surveillance ");
        text_long(r, n);
        TEXT(r, " is recorded: the latest is the due date ");
        text_day(r, due);
      } else {
        long l = latest;
        if (TRUTHY(ctx, w, "withinCalendarYear")) {
          long end_of_year = civil_from_ymd(year_of(due), 12, 31);
          if (end_of_year < latest) latest = end_of_year;
        }
        TEXT(r, "at the latest ");
        TEXT_PROP(r, w, "latestMonths");
        TEXT(r, " months after (");
        text_day(r, l);
        TEXT(r, ")");
        if (latest != l) {
          TEXT(r, ", and within the calendar year ");
          text_long(r, year_of(due));
          TEXT(r, " → ");
          text_day(r, latest);
        }
        if (approved >= 0) {
          TEXT(r, "; extension approved by person ");
          TEXT_PROP(r, approved, "approvedBy");
          TEXT(r, " on ");
          TEXT_PROP(r, approved, "date");
          TEXT(r, ": ");
          TEXT_PROP(r, approved, "reason");
        }
      }
      WHY(ctx, c, r, w, "latestClause");
    }
    if (calendar_year && n > 1) { /* at least once each calendar year after the anchor's, but the recertification year */
      int year = year_of(anchor) + 1;
      long cap = civil_from_ymd(year, 12, 31);
      if (year == year_of(expires)) {
        TEXT_PROP(r, YEAR_RULE, "text");
        TEXT(r, ": ");
        text_long(r, year);
        TEXT(r, " is the recertification year (the certificate expires ");
        text_day(r, expires);
        TEXT(r, "): no calendar-year limit");
        WHY(ctx, c, r, YEAR_RULE, "clause");
      } else if (latest > cap || due > cap) {
        TEXT_PROP(r, YEAR_RULE, "text");
        TEXT(r, ": surveillance ");
        text_long(r, n - 1);
        TEXT(r, " was in ");
        text_long(r, year - 1);
        TEXT(r, ", so ");
        text_long(r, year);
        TEXT(r, " needs one: not after ");
        text_day(r, cap);
        WHY(ctx, c, r, YEAR_RULE, "clause");
        if (cap < latest) latest = cap;
        if (cap < due) due = cap;
      }
    }
    if (due > expires || latest > expires) {
      if (expires < due) due = expires;
      if (expires < latest) latest = expires;
      TEXT(r, "within the certificate's validity: not after ");
      text_day(r, expires);
      WHY(ctx, c, r, P, "clause");
    }
    int has_end = (size_t)(n - 1) < ndone;
    long end = has_end ? done[n - 1] : 0;
    const char *status;
    if (has_end) status = end < opens ? "early" : end > latest ? "late" : "done";
    else status = as_of > latest ? "overdue" : as_of >= opens ? "open" : "upcoming";
    if (!has_end && !next) next = n, next_opens = opens, next_due = due, next_latest = latest, next_status = status;
    prev_due = due;
    if (!build) {
      duk_set_top(ctx, w);
      continue;
    }
    pack(ctx, duk_get_top(ctx) - steps); /* the window's why */
    push_window(ctx, n, opens, due, latest, has_end ? &end : NULL, status);
    duk_swap_top(ctx, -2);
    duk_put_prop_literal(ctx, -2, "why");
    duk_replace(ctx, w); /* the window in place of its rule */
    duk_set_top(ctx, w + 1);
    nwin++;
  }
  out->n = next, out->opens = next_opens, out->due = next_due, out->latest = next_latest, out->status = next_status;
  if (!build) return;
  pack(ctx, nwin); /* the windows */
  if (next) {
    TEXT(r, "next: surveillance ");
    text_long(r, next);
    TEXT(r, ", ");
    text_day(r, next_opens);
    TEXT(r, " to ");
    text_day(r, next_latest);
    TEXT(r, " (due ");
    text_day(r, next_due);
    TEXT(r, "), ");
    text_put(r, next_status, strlen(next_status));
    TEXT(r, " on ");
    text_day(r, as_of);
  } else {
    TEXT(r, "all ");
    TEXT_PROP(r, P, "count");
    TEXT(r, " surveillance audits of the cycle are done: recertification is next");
  }
  duk_insert(ctx, why_base); /* the windows below the cycle's steps */
  WHY(ctx, c, r, P, "clause");
  pack(ctx, nwhy + 1); /* [windows why] */
}

/* core.lifecycle.surveillance(p, input, expiryOf, cite) → {next, windows, why}: the surveillance
 * windows of input's cycle under programme p (stdlib/lifecycle.js surveillance); cite is the
 * scheme's cite(clause, text), or a stamp {scheme, version} whose steps are made here */
static duk_ret_t life_surveillance(duk_context *ctx) {
  enum { P = 0, IN, EXPIRY_OF, CITE, SCHEME, VERSION, BUF, AUDITS, EXTENSIONS, DAYS };
  Cite c;
  Text t;
  rule_open(ctx, &c, &t, 4, CITE, IN, SURVEILLANCE_FN, "decisionDate"); /* SCHEME, VERSION, BUF */
  check_fields(&t, IN, SURVEILLANCE_KNOWN, SURVEILLANCE_REQUIRED, SURVEILLANCE_FN, 0, NULL);
  duk_get_prop_literal(ctx, IN, "audits");
  duk_get_prop_literal(ctx, IN, "extensions");
  list_arg(&t, EXTENSIONS, "extensions", SURVEILLANCE_FN ": extensions must list the approved extensions [{n, reason, by, approvedBy, date}]");
  duk_size_t nx = duk_get_length(ctx, EXTENSIONS);
  for (duk_uarridx_t i = 0; i < nx; i++) {
    if (!duk_has_prop_index(ctx, EXTENSIONS, i)) continue;
    duk_get_prop_index(ctx, EXTENSIONS, i);
    check_fields(&t, -1, EXTENSION_KNOWN, EXTENSION_REQUIRED, SURVEILLANCE_FN, (long)i, "extensions");
    duk_pop(ctx);
  }
  duk_get_prop_literal(ctx, IN, "decisionDate");
  long decision = date_of(ctx, -1, "decisionDate");
  duk_pop(ctx);
  long expires, as_of;
  duk_get_prop_literal(ctx, IN, "expires");
  if (duk_is_undefined(ctx, -1)) {
    duk_pop(ctx);
    duk_dup(ctx, EXPIRY_OF);
    push_day(ctx, decision);
    duk_call(ctx, 1);
  }
  expires = date_of(ctx, -1, "expires");
  duk_pop(ctx);
  duk_get_prop_literal(ctx, IN, "asOf");
  if (duk_is_undefined(ctx, -1)) {
    duk_pop(ctx);
    duk_get_global_literal(ctx, "today");
    duk_call(ctx, 0);
  }
  as_of = date_of(ctx, -1, "asOf");
  duk_pop(ctx);
  list_arg(&t, AUDITS, "audits", SURVEILLANCE_FN ": audits must be a list [{type, end}]");
  /* each audit checked; the surveillance audits done in the cycle kept, and the latest initial or
   * recertification audit before the decision (the audit the first window may count from) */
  duk_size_t na = duk_get_length(ctx, AUDITS);
  Cycle y = {decision, expires, as_of, 0, 0, duk_push_fixed_buffer(ctx, (na ? na : 1) * sizeof(long)), 0}; /* DAYS */
  for (duk_uarridx_t i = 0; i < na; i++) {
    if (!duk_has_prop_index(ctx, AUDITS, i)) continue;
    duk_get_prop_index(ctx, AUDITS, i);
    if (duk_is_object(ctx, -1) && !duk_is_function(ctx, -1) && !duk_is_null(ctx, -1))
      check_fields(&t, -1, AUDIT_KNOWN, AUDIT_KNOWN, SURVEILLANCE_FN, (long)i, "audits");
    int truth = truthy_at(ctx, -1), type = -1;
    if (truth) {
      duk_get_prop_literal(ctx, -1, "type");
      if (duk_is_string(ctx, -1)) {
        const char *s = duk_get_string(ctx, -1);
        for (int k = 0; AUDIT_TYPES[k]; k++)
          if (!strcmp(AUDIT_TYPES[k], s)) type = k;
      }
    } else {
      duk_dup(ctx, -1);
    }
    if (type < 0) {
      TEXT(&t, SURVEILLANCE_FN ": audits[");
      text_long(&t, (long)i);
      TEXT(&t, "]");
      TEXT(&t, ".type must be document, initial, surveillance, recertification, special or extension, got ");
      duk_json_encode(ctx, -1);
      text_value(&t, -1);
      text_throw(&t, "invalid", "audits");
    }
    duk_pop(ctx);
    duk_get_prop_literal(ctx, -1, "end");
    long end;
    duk_size_t len;
    const char *text = duk_is_string(ctx, -1) ? duk_get_lstring(ctx, -1, &len) : NULL;
    if (!text || len != 10 || civil_parse(text, &end) < 0) { /* its field's name made only for its error */
      char field[48];
      snprintf(field, sizeof field, "audits[%lu].end", (unsigned long)i);
      end = bind_date_arg(ctx, -1, "date.check", field);
    }
    duk_pop_2(ctx);
    cycle_add(&y, type, end);
  }
  Next next;
  cycle_windows(ctx, &c, &t, &y, P, EXTENSIONS, 1, &next); /* the programme's calendarYear, the windows, the why */
  duk_push_object(ctx);
  if (next.n) duk_get_prop_index(ctx, -3, (duk_uarridx_t)(next.n - 1));
  else duk_push_null(ctx);
  duk_put_prop_literal(ctx, -2, "next");
  duk_dup(ctx, -3);
  duk_put_prop_literal(ctx, -2, "windows");
  duk_dup(ctx, -2);
  duk_put_prop_literal(ctx, -2, "why");
  return 1;
}

#define NEXT_WINDOW_FN "nextWindow(p, decisionDate, expires, asOf, audits)"

/* core.lifecycle.nextWindow(p, decisionDate, expires, asOf, audits) → {n, opens, due, latest,
 * end: null, status}, or null when every surveillance is done: the next window surveillance() gives for
 * the cycle, without its reasons or the other windows; audits the audits done, as one text
 * 'type end,type end' (SQL's group_concat: no object per audit, for stdlib/reevaluate's million
 * cases), or null for none */
static duk_ret_t life_next_window(duk_context *ctx) {
  enum { P = 0, DECISION, EXPIRES, AS_OF, AUDITS, BUF, EXTENSIONS, DAYS };
  duk_set_top(ctx, 5);
  Text t;
  text_open(ctx, &t); /* BUF: the errors' messages */
  duk_push_array(ctx); /* EXTENSIONS: none */
  if (!duk_is_object(ctx, P) || duk_is_function(ctx, P) || duk_is_array(ctx, P)) {
    TEXT(&t, NEXT_WINDOW_FN ": p must be a surveillance programme {count, first, next}");
    text_throw(&t, "invalid", "p");
  }
  long decision = date_of(ctx, DECISION, "decisionDate"), expires = date_of(ctx, EXPIRES, "expires");
  long as_of = date_of(ctx, AS_OF, "asOf");
  duk_size_t len = 0;
  const char *list = "";
  if (duk_is_string(ctx, AUDITS)) list = duk_get_lstring(ctx, AUDITS, &len);
  else if (!duk_is_null_or_undefined(ctx, AUDITS)) {
    TEXT(&t, NEXT_WINDOW_FN ": audits must be a text 'type end,type end' or null, got ");
    duk_dup(ctx, AUDITS);
    duk_json_encode(ctx, -1);
    text_top(&t);
    text_throw(&t, "invalid", "audits");
  }
  size_t items = len ? 1 : 0;
  for (size_t i = 0; i < len; i++) items += list[i] == ',';
  Cycle y = {decision, expires, as_of, 0, 0, duk_push_fixed_buffer(ctx, (items ? items : 1) * sizeof(long)), 0}; /* DAYS */
  for (size_t i = 0, at = 0; i < items; i++) { /* each 'type end', its type one of AUDIT_TYPES and its end a date */
    const char *item = list + at, *comma = memchr(item, ',', len - at), *stop = comma ? comma : list + len;
    const char *space = memchr(item, ' ', (size_t)(stop - item));
    int type = -1;
    long end;
    char day[11] = "";
    for (int k = 0; space && AUDIT_TYPES[k]; k++)
      if (strlen(AUDIT_TYPES[k]) == (size_t)(space - item) && !memcmp(AUDIT_TYPES[k], item, (size_t)(space - item))) type = k;
    if (type >= 0 && stop - space == 11) memcpy(day, space + 1, 10);
    if (type < 0 || civil_parse(day, &end) < 0) {
      TEXT(&t, NEXT_WINDOW_FN ": audits[");
      text_long(&t, (long)i);
      TEXT(&t, "] must be 'type YYYY-MM-DD' with type document, initial, surveillance, recertification, special or extension, got '");
      text_put(&t, item, (size_t)(stop - item));
      TEXT(&t, "'");
      text_throw(&t, "invalid", "audits");
    }
    cycle_add(&y, type, end);
    at = (size_t)(stop - list) + 1;
  }
  Text muted = TEXT_MUTED(ctx);
  Cite c = {.cite = -1, .scheme = BUF, .version = BUF};
  Next next;
  cycle_windows(ctx, &c, &muted, &y, P, EXTENSIONS, 0, &next);
  if (!next.n) {
    duk_push_null(ctx);
    return 1;
  }
  push_window(ctx, next.n, next.opens, next.due, next.latest, NULL, next.status);
  return 1;
}

static const duk_function_list_entry lifecycle_funcs[] = {
  {"surveillance", life_surveillance, 4},
  {"nextWindow", life_next_window, 5},
  {NULL, NULL, 0}};

/* the rule's input is read once by the core itself: not copied per call */
void bind_lifecycle_open(duk_context *ctx) { bind_core_put_direct(ctx, "lifecycle", lifecycle_funcs); }
