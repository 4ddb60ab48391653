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

/* core.lifecycle.surveillance(p, input, expiryOf, cite) → {next, windows, why}: the surveillance
 * windows of input's cycle under programme p (stdlib/lifecycle.js surveillance); cite is the
 * scheme's cite(clause, text), or a stamp {scheme, version} whose steps are made here */
static duk_ret_t life_surveillance(duk_context *ctx) {
  enum { P = 0, IN, EXPIRY_OF, CITE, SCHEME, VERSION, BUF, AUDITS, EXTENSIONS, DAYS, YEAR_RULE };
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
  long *done = duk_push_fixed_buffer(ctx, (na ? na : 1) * sizeof(long)); /* DAYS */
  size_t ndone = 0;
  int started = 0;
  long start = 0;
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
    if (type == 2 && end >= decision && end <= expires) done[ndone++] = end;
    if ((type == 1 || type == 3) && end <= decision && (!started || end > start)) start = end, started = 1;
  }
  if (ndone > 1) qsort(done, ndone, sizeof *done, by_day);
  duk_get_prop_literal(ctx, P, "calendarYear"); /* YEAR_RULE */
  int calendar_year = truthy_at(ctx, YEAR_RULE);
  /* the result's lists are made on the stack and packed (pack) when complete: the cycle's
   * steps first, then each window's, then the windows */
  duk_idx_t why_base = duk_get_top(ctx);
  TEXT_PROP(&t, P, "count");
  TEXT(&t, " surveillance audits in the cycle ");
  text_day(&t, decision);
  TEXT(&t, " to ");
  text_day(&t, expires);
  WHY(ctx, &c, &t, P, "clause");
  note_steps(ctx, &c, P);
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
    duk_get_prop_literal(ctx, w, "text");
    if (truthy_at(ctx, -1)) {
      text_value(&t, -1);
      TEXT(&t, ": ");
    }
    duk_pop(ctx);
    TEXT(&t, "surveillance ");
    text_long(&t, n);
    TEXT(&t, " counted from ");
    if (n == 1) {
      duk_get_prop_literal(ctx, w, "from");
      int from_audit = duk_is_string(ctx, -1) && !strcmp(duk_get_string(ctx, -1), "initialAudit");
      duk_pop(ctx);
      if (from_audit && started) {
        anchor = start;
        TEXT(&t, "the end of the audit before the decision, ");
        text_day(&t, anchor);
      } else {
        anchor = decision;
        TEXT(&t, "the decision date ");
        text_day(&t, decision);
        if (from_audit) TEXT(&t, " (no audit before it was given)");
      }
    } else if ((size_t)(n - 2) < ndone) {
      anchor = done[n - 2];
      TEXT(&t, "the end of surveillance ");
      text_long(&t, n - 1);
      TEXT(&t, ", ");
      text_day(&t, anchor);
    } else {
      anchor = prev_due;
      TEXT(&t, "the due date of surveillance ");
      text_long(&t, n - 1);
      TEXT(&t, ", ");
      text_day(&t, anchor);
      TEXT(&t, " (projected: it is not done yet)");
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
      TEXT(&t, ", opens ");
      TEXT_PROP(&t, w, "opensMonths");
      TEXT(&t, " months after (");
      text_day(&t, opens);
      TEXT(&t, ")");
    }
    TEXT(&t, ", due within ");
    TEXT_PROP(&t, w, "dueMonths");
    TEXT(&t, " months (");
    text_day(&t, due);
    TEXT(&t, ")");
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
    WHY(ctx, &c, &t, w, "clause");
    if (latest_months) {
      if (TRUTHY(ctx, w, "latestText")) {
        TEXT_PROP(&t, w, "latestText");
        TEXT(&t, ": ");
      }
      if (needs_approval && approved < 0) {
        latest = due;
        TEXT(&t, "no approved extension of surveillance ");
        text_long(&t, n);
        TEXT(&t, " is recorded: the latest is the due date ");
        text_day(&t, due);
      } else {
        long l = latest;
        if (TRUTHY(ctx, w, "withinCalendarYear")) {
          long end_of_year = civil_from_ymd(year_of(due), 12, 31);
          if (end_of_year < latest) latest = end_of_year;
        }
        TEXT(&t, "at the latest ");
        TEXT_PROP(&t, w, "latestMonths");
        TEXT(&t, " months after (");
        text_day(&t, l);
        TEXT(&t, ")");
        if (latest != l) {
          TEXT(&t, ", and within the calendar year ");
          text_long(&t, year_of(due));
          TEXT(&t, " → ");
          text_day(&t, latest);
        }
        if (approved >= 0) {
          TEXT(&t, "; extension approved by person ");
          TEXT_PROP(&t, approved, "approvedBy");
          TEXT(&t, " on ");
          TEXT_PROP(&t, approved, "date");
          TEXT(&t, ": ");
          TEXT_PROP(&t, approved, "reason");
        }
      }
      WHY(ctx, &c, &t, w, "latestClause");
    }
    if (calendar_year && n > 1) { /* at least once each calendar year after the anchor's, but the recertification year */
      int year = year_of(anchor) + 1;
      long cap = civil_from_ymd(year, 12, 31);
      if (year == year_of(expires)) {
        TEXT_PROP(&t, YEAR_RULE, "text");
        TEXT(&t, ": ");
        text_long(&t, year);
        TEXT(&t, " is the recertification year (the certificate expires ");
        text_day(&t, expires);
        TEXT(&t, "): no calendar-year limit");
        WHY(ctx, &c, &t, YEAR_RULE, "clause");
      } else if (latest > cap || due > cap) {
        TEXT_PROP(&t, YEAR_RULE, "text");
        TEXT(&t, ": surveillance ");
        text_long(&t, n - 1);
        TEXT(&t, " was in ");
        text_long(&t, year - 1);
        TEXT(&t, ", so ");
        text_long(&t, year);
        TEXT(&t, " needs one: not after ");
        text_day(&t, cap);
        WHY(ctx, &c, &t, YEAR_RULE, "clause");
        if (cap < latest) latest = cap;
        if (cap < due) due = cap;
      }
    }
    if (due > expires || latest > expires) {
      if (expires < due) due = expires;
      if (expires < latest) latest = expires;
      TEXT(&t, "within the certificate's validity: not after ");
      text_day(&t, expires);
      WHY(ctx, &c, &t, P, "clause");
    }
    pack(ctx, duk_get_top(ctx) - steps); /* the window's why */
    int has_end = (size_t)(n - 1) < ndone;
    long end = has_end ? done[n - 1] : 0;
    const char *status;
    if (has_end) status = end < opens ? "early" : end > latest ? "late" : "done";
    else status = as_of > latest ? "overdue" : as_of >= opens ? "open" : "upcoming";
    duk_push_object(ctx);
    duk_push_int(ctx, n);
    duk_put_prop_literal(ctx, -2, "n");
    push_day(ctx, opens);
    duk_put_prop_literal(ctx, -2, "opens");
    push_day(ctx, due);
    duk_put_prop_literal(ctx, -2, "due");
    push_day(ctx, latest);
    duk_put_prop_literal(ctx, -2, "latest");
    if (has_end) push_day(ctx, end);
    else duk_push_null(ctx);
    duk_put_prop_literal(ctx, -2, "end");
    duk_push_string(ctx, status);
    duk_put_prop_literal(ctx, -2, "status");
    duk_swap_top(ctx, -2);
    duk_put_prop_literal(ctx, -2, "why");
    duk_replace(ctx, w); /* the window in place of its rule */
    duk_set_top(ctx, w + 1);
    nwin++;
    if (!has_end && !next) next = n, next_opens = opens, next_due = due, next_latest = latest, next_status = status;
    prev_due = due;
  }
  pack(ctx, nwin); /* the windows */
  if (next) {
    TEXT(&t, "next: surveillance ");
    text_long(&t, next);
    TEXT(&t, ", ");
    text_day(&t, next_opens);
    TEXT(&t, " to ");
    text_day(&t, next_latest);
    TEXT(&t, " (due ");
    text_day(&t, next_due);
    TEXT(&t, "), ");
    text_put(&t, next_status, strlen(next_status));
    TEXT(&t, " on ");
    text_day(&t, as_of);
  } else {
    TEXT(&t, "all ");
    TEXT_PROP(&t, P, "count");
    TEXT(&t, " surveillance audits of the cycle are done: recertification is next");
  }
  duk_insert(ctx, why_base); /* the windows below the cycle's steps */
  WHY(ctx, &c, &t, P, "clause");
  pack(ctx, nwhy + 1); /* [windows why] */
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

static const duk_function_list_entry lifecycle_funcs[] = {
  {"surveillance", life_surveillance, 4},
  {NULL, NULL, 0}};

/* the rule's input is read once by the core itself: not copied per call */
void bind_lifecycle_open(duk_context *ctx) { bind_core_put_direct(ctx, "lifecycle", lifecycle_funcs); }
