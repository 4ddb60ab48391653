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
#include "core/windows.h"
#include "dsl/host.h"

#include <sqlite3.h>

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

/* months_of(ctx, idx): the whole months at idx, as date.addMonths(date, n) takes n, with its error */
static int months_of(duk_context *ctx, duk_idx_t idx) {
  double m = duk_is_number(ctx, idx) ? duk_get_number(ctx, idx) : NAN;
  if (!isfinite(m) || m != floor(m) || fabs(m) > 20000)
    host_throw(ctx, "invalid", "n", "date.addMonths(date, n): n must be a whole number between -20000 and 20000, got %s",
               duk_safe_to_string(ctx, idx));
  return (int)m;
}

/* out_of_range(ctx): throw date.addMonths' error for a window's date outside the years */
static duk_ret_t out_of_range(duk_context *ctx) {
  host_throw(ctx, "range", "", "date.addMonths: " CIVIL_OUTSIDE_YEARS);
  return 0;
}

/* window_rule_read(ctx, P, first, r): the numbers of the window P.first (or P.next), its
 * months checked as date.addMonths checks them */
static void window_rule_read(duk_context *ctx, duk_idx_t P, int first, WindowRule *r) {
  if (first) duk_get_prop_literal(ctx, P, "first");
  else duk_get_prop_literal(ctx, P, "next");
  duk_idx_t w = duk_get_top_index(ctx);
  if (first) { /* only the first window counts from anything but the previous one */
    duk_get_prop_literal(ctx, w, "from");
    r->from_audit = duk_is_string(ctx, -1) && !strcmp(duk_get_string(ctx, -1), "initialAudit");
    duk_pop(ctx);
  }
  duk_get_prop_literal(ctx, w, "opensMonths");
  if ((r->has_opens = truthy_at(ctx, -1))) r->opens = months_of(ctx, -1);
  duk_pop(ctx);
  duk_get_prop_literal(ctx, w, "dueMonths");
  r->due = months_of(ctx, -1);
  duk_pop(ctx);
  duk_get_prop_literal(ctx, w, "latestMonths");
  if ((r->has_latest = truthy_at(ctx, -1))) r->latest = months_of(ctx, -1);
  duk_pop(ctx);
  r->needs_approval = TRUTHY(ctx, w, "latestNeedsApproval");
  r->within_year = TRUTHY(ctx, w, "withinCalendarYear");
  duk_pop(ctx);
}

/* programme_read(ctx, P, p): the numbers of the programme at P (its windows only as far as count goes) */
static void programme_read(duk_context *ctx, duk_idx_t P, Programme *p) {
  memset(p, 0, sizeof *p);
  duk_get_prop_literal(ctx, P, "count");
  p->count = duk_to_number(ctx, -1);
  duk_pop(ctx);
  p->calendar_year = TRUTHY(ctx, P, "calendarYear");
  if (p->count >= 1) window_rule_read(ctx, P, 1, &p->first);
  if (p->count >= 2) window_rule_read(ctx, P, 0, &p->next);
}

/* ---- the programme ------------------------------------------------------------------------------ */

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

/* cycle_windows(ctx, c, t, y, P, EXTENSIONS, only_next) → the next window's number (0: all done):
 * the windows of cycle y under the programme at P (the approved extensions at EXTENSIONS) pushed,
 * [{n, opens, due, latest, end, status, why}], then the cycle's why, each step written in t and
 * cited by c; only_next: only the next window pushed, with its why (nothing when all are done),
 * every window's dates still computed (the same errors); the dates core/windows.c's, the reasons
 * written here from what each came from */
static int cycle_windows(duk_context *ctx, const Cite *c, Text *t, Cycle *y, duk_idx_t P, duk_idx_t EXTENSIONS, int only_next) {
  Programme prog;
  programme_read(ctx, P, &prog);
  cycle_sort(y);
  duk_size_t nx = duk_get_length(ctx, EXTENSIONS);
  duk_get_prop_literal(ctx, P, "calendarYear");
  duk_idx_t YEAR_RULE = duk_get_top_index(ctx);
  /* the result's lists are made on the stack and packed (pack) when complete: the cycle's
   * steps first, then each window's, then the windows */
  duk_idx_t why_base = duk_get_top(ctx);
  if (!only_next) {
    TEXT_PROP(t, P, "count");
    TEXT(t, " surveillance audits in the cycle ");
    text_day(t, y->decision);
    TEXT(t, " to ");
    text_day(t, y->expires);
    WHY(ctx, c, t, P, "clause");
    note_steps(ctx, c, P);
  }
  duk_idx_t nwhy = duk_get_top(ctx) - why_base;
  long prev_due = 0;
  int nwin = 0;
  Window next = {0};
  for (int n = 1; n <= prog.count; n++) {
    duk_idx_t w = duk_get_top(ctx); /* the window's rule, then the extension approved for it, then its steps */
    if (n == 1) duk_get_prop_literal(ctx, P, "first");
    else duk_get_prop_literal(ctx, P, "next");
    const WindowRule *rule = n == 1 ? &prog.first : &prog.next;
    /* the later limit: an extension approved for this window (the first recorded for n) */
    duk_idx_t approved = -1;
    for (duk_uarridx_t i = 0; rule->needs_approval && i < nx && approved < 0; i++) {
      if (!duk_has_prop_index(ctx, EXTENSIONS, i)) continue;
      duk_get_prop_index(ctx, EXTENSIONS, i);
      duk_get_prop_literal(ctx, -1, "n");
      int hit = duk_is_number(ctx, -1) && duk_get_number(ctx, -1) == n;
      duk_pop(ctx);
      if (hit) approved = duk_get_top_index(ctx);
      else duk_pop(ctx);
    }
    Window win;
    if (window_at(&prog, y, n, prev_due, approved >= 0, &win) < 0) out_of_range(ctx);
    if (only_next && (win.has_end || next.n)) { /* not the next: its dates only */
      prev_due = win.due;
      duk_set_top(ctx, w);
      continue;
    }
    duk_get_prop_literal(ctx, w, "text");
    if (truthy_at(ctx, -1)) {
      text_value(t, -1);
      TEXT(t, ": ");
    }
    duk_pop(ctx);
    TEXT(t, "surveillance ");
    text_long(t, n);
    TEXT(t, " counted from ");
    if (win.anchor_kind == ANCHOR_AUDIT) {
      TEXT(t, "the end of the audit before the decision, ");
      text_day(t, win.anchor);
    } else if (win.anchor_kind == ANCHOR_DECISION) {
      TEXT(t, "the decision date ");
      text_day(t, win.anchor);
      if (rule->from_audit) TEXT(t, " (no audit before it was given)");
    } else {
      if (win.anchor_kind == ANCHOR_DONE) TEXT(t, "the end of surveillance ");
      else TEXT(t, "the due date of surveillance ");
      text_long(t, n - 1);
      TEXT(t, ", ");
      text_day(t, win.anchor);
      if (win.anchor_kind == ANCHOR_PROJECTED) TEXT(t, " (projected: it is not done yet)");
    }
    if (rule->has_opens) {
      TEXT(t, ", opens ");
      TEXT_PROP(t, w, "opensMonths");
      TEXT(t, " months after (");
      text_day(t, win.opens);
      TEXT(t, ")");
    }
    TEXT(t, ", due within ");
    TEXT_PROP(t, w, "dueMonths");
    TEXT(t, " months (");
    text_day(t, win.due_months);
    TEXT(t, ")");
    duk_idx_t steps = duk_get_top(ctx);
    WHY(ctx, c, t, w, "clause");
    if (rule->has_latest) {
      if (TRUTHY(ctx, w, "latestText")) {
        TEXT_PROP(t, w, "latestText");
        TEXT(t, ": ");
      }
      if (win.no_extension) {
        TEXT(t, "no approved extension of surveillance ");
        text_long(t, n);
        TEXT(t, " is recorded: the latest is the due date ");
        text_day(t, win.due_months);
      } else {
        TEXT(t, "at the latest ");
        TEXT_PROP(t, w, "latestMonths");
        TEXT(t, " months after (");
        text_day(t, win.latest_months);
        TEXT(t, ")");
        if (win.latest_year != win.latest_months) {
          TEXT(t, ", and within the calendar year ");
          text_long(t, civil_year_of(win.due_months));
          TEXT(t, " → ");
          text_day(t, win.latest_year);
        }
        if (approved >= 0) {
          TEXT(t, "; extension approved by person ");
          TEXT_PROP(t, approved, "approvedBy");
          TEXT(t, " on ");
          TEXT_PROP(t, approved, "date");
          TEXT(t, ": ");
          TEXT_PROP(t, approved, "reason");
        }
      }
      WHY(ctx, c, t, w, "latestClause");
    }
    if (win.year_rule == YEAR_RECERTIFICATION) {
      TEXT_PROP(t, YEAR_RULE, "text");
      TEXT(t, ": ");
      text_long(t, win.year);
      TEXT(t, " is the recertification year (the certificate expires ");
      text_day(t, y->expires);
      TEXT(t, "): no calendar-year limit");
      WHY(ctx, c, t, YEAR_RULE, "clause");
    } else if (win.year_rule == YEAR_CAPPED) {
      TEXT_PROP(t, YEAR_RULE, "text");
      TEXT(t, ": surveillance ");
      text_long(t, n - 1);
      TEXT(t, " was in ");
      text_long(t, win.year - 1);
      TEXT(t, ", so ");
      text_long(t, win.year);
      TEXT(t, " needs one: not after ");
      text_day(t, win.cap);
      WHY(ctx, c, t, YEAR_RULE, "clause");
    }
    if (win.validity) {
      TEXT(t, "within the certificate's validity: not after ");
      text_day(t, y->expires);
      WHY(ctx, c, t, P, "clause");
    }
    if (!win.has_end && !next.n) next = win;
    prev_due = win.due;
    pack(ctx, duk_get_top(ctx) - steps); /* the window's why */
    push_window(ctx, n, win.opens, win.due, win.latest, win.has_end ? &win.end : NULL, win.status);
    duk_swap_top(ctx, -2);
    duk_put_prop_literal(ctx, -2, "why");
    duk_replace(ctx, w); /* the window in place of its rule */
    duk_set_top(ctx, w + 1);
    nwin++;
  }
  if (only_next) return next.n; /* the next window alone on the stack */
  pack(ctx, nwin); /* the windows */
  if (next.n) {
    TEXT(t, "next: surveillance ");
    text_long(t, next.n);
    TEXT(t, ", ");
    text_day(t, next.opens);
    TEXT(t, " to ");
    text_day(t, next.latest);
    TEXT(t, " (due ");
    text_day(t, next.due);
    TEXT(t, "), ");
    text_put(t, next.status, strlen(next.status));
    TEXT(t, " on ");
    text_day(t, y->as_of);
  } else {
    TEXT(t, "all ");
    TEXT_PROP(t, P, "count");
    TEXT(t, " surveillance audits of the cycle are done: recertification is next");
  }
  duk_insert(ctx, why_base); /* the windows below the cycle's steps */
  WHY(ctx, c, t, P, "clause");
  pack(ctx, nwhy + 1); /* [windows why] */
  return next.n;
}

/* surveillance_of(ctx, only_next): core.lifecycle.surveillance (only_next 0) or surveillanceNext */
static duk_ret_t surveillance_of(duk_context *ctx, int only_next) {
  enum { P = 0, EXPIRY_OF, CITE, IN, SCHEME, VERSION, BUF, AUDITS, EXTENSIONS, DAYS };
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
        for (int k = 0; WINDOWS_AUDIT_TYPES[k]; k++)
          if (!strcmp(WINDOWS_AUDIT_TYPES[k], s)) type = k;
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
  int next = cycle_windows(ctx, &c, &t, &y, P, EXTENSIONS, only_next); /* the programme's calendarYear, the windows, the why */
  if (only_next) {
    if (!next) duk_push_null(ctx);
    return 1;
  }
  duk_push_object(ctx);
  if (next) duk_get_prop_index(ctx, -3, (duk_uarridx_t)(next - 1));
  else duk_push_null(ctx);
  duk_put_prop_literal(ctx, -2, "next");
  duk_dup(ctx, -3);
  duk_put_prop_literal(ctx, -2, "windows");
  duk_dup(ctx, -2);
  duk_put_prop_literal(ctx, -2, "why");
  return 1;
}

/* core.lifecycle.surveillance(p, expiryOf, cite, input) → {next, windows, why}: the surveillance
 * windows of input's cycle under programme p (stdlib/lifecycle.js surveillance); cite is the
 * scheme's cite(clause, text), or a stamp {scheme, version} whose steps are made here. The input
 * last: a Scheme's rule is this function with the first three bound (no JavaScript between) */
static duk_ret_t life_surveillance(duk_context *ctx) { return surveillance_of(ctx, 0); }

/* core.lifecycle.surveillanceNext(p, expiryOf, cite, input) → surveillance()'s next window, {n,
 * opens, due, latest, end, status, why}, or null when every surveillance is done: the same window
 * and reasons, without the other windows' reasons or the cycle's (what the reminder job prints) */
static duk_ret_t life_surveillance_next(duk_context *ctx) { return surveillance_of(ctx, 1); }

#define NEXT_WINDOW_FN "nextWindow(p, decisionDate, expires, asOf, audits, approved)"

/* core.lifecycle.nextWindow(p, decisionDate, expires, asOf, audits, approved) → {n, opens, due,
 * latest, end: null, status}, or null when every surveillance is done: the next window
 * surveillance() gives for the cycle, without its reasons or the other windows; audits the audits
 * done, as one text 'type end,type end' (SQL's group_concat: no object per audit, for
 * stdlib/reevaluate's million cases), or null for none; approved the windows whose extension
 * was approved (surveillance()'s extensions), as a text 'n,n', or null for none */
static duk_ret_t life_next_window(duk_context *ctx) {
  enum { P = 0, DECISION, EXPIRES, AS_OF, AUDITS, APPROVED, BUF, DAYS };
  duk_set_top(ctx, 6);
  Text t;
  text_open(ctx, &t); /* BUF: the errors' messages */
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
  duk_size_t approved_len = 0;
  const char *approved = duk_is_string(ctx, APPROVED) ? duk_get_lstring(ctx, APPROVED, &approved_len) : NULL;
  if ((!approved && !duk_is_null_or_undefined(ctx, APPROVED)) || (approved && windows_approved(approved, approved_len, 0) < 0)) {
    TEXT(&t, NEXT_WINDOW_FN ": approved must list the windows whose extension was approved, 'n,n', or be null, got ");
    duk_dup(ctx, APPROVED);
    duk_json_encode(ctx, -1);
    text_top(&t);
    text_throw(&t, "invalid", "approved");
  }
  size_t items = windows_items(list, len);
  AuditItem bad;
  Cycle y = {decision, expires, as_of, 0, 0, duk_push_fixed_buffer(ctx, (items ? items : 1) * sizeof(long)), 0}; /* DAYS */
  if (cycle_audits(&y, list, len, &bad) < 0) {
    TEXT(&t, NEXT_WINDOW_FN ": audits[");
    text_long(&t, (long)bad.index);
    TEXT(&t, "] must be 'type YYYY-MM-DD' with type document, initial, surveillance, recertification, special or extension, got '");
    text_put(&t, list + bad.at, bad.len);
    TEXT(&t, "'");
    text_throw(&t, "invalid", "audits");
  }
  Programme prog;
  programme_read(ctx, P, &prog);
  Window next;
  if (next_window(&prog, &y, approved, approved_len, &next) < 0) out_of_range(ctx);
  if (!next.n) duk_push_null(ctx);
  else push_window(ctx, next.n, next.opens, next.due, next.latest, NULL, next.status);
  return 1;
}

/* core.lifecycle.programmeText(p) → the programme p as the text SQL's certsh_next_window reads
 * (core/windows.h programme_text: its numbers only, checked as the rule checks them) */
static duk_ret_t life_programme_text(duk_context *ctx) {
  if (!duk_is_object(ctx, 0) || duk_is_function(ctx, 0) || duk_is_array(ctx, 0))
    host_throw(ctx, "invalid", "p", "programmeText(p): p must be a surveillance programme {count, first, next}");
  Programme prog;
  char text[256];
  programme_read(ctx, 0, &prog);
  programme_text(&prog, text, sizeof text);
  duk_push_string(ctx, text);
  return 1;
}

/* core.lifecycle.defineSql() → true: certsh_next_window(programme, decisionDate, expires, asOf,
 * audits[, approved]) defined on the register's connection (core/windows.h windows_sql), for the queries
 * that follow */
static duk_ret_t life_define_sql(duk_context *ctx) {
  Host *h = host_of(ctx);
  if (!h->db.sql) host_throw(ctx, "usage", "--db", "defineSql(): no register is open");
  int rc = windows_sql(h->db.sql);
  if (rc != SQLITE_OK) host_throw(ctx, "sql", "", "defineSql(): %s", sqlite3_errstr(rc));
  duk_push_true(ctx);
  return 1;
}

static const duk_function_list_entry lifecycle_funcs[] = {
  {"surveillance", life_surveillance, 4},
  {"surveillanceNext", life_surveillance_next, 4},
  {"nextWindow", life_next_window, 6},
  {"programmeText", life_programme_text, 1},
  {"defineSql", life_define_sql, 0},
  {NULL, NULL, 0}};

/* the rule's input is read once by the core itself: not copied per call */
void bind_lifecycle_open(duk_context *ctx) { bind_core_put_direct(ctx, "lifecycle", lifecycle_funcs); }
