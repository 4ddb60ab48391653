/* core/windows.c — the surveillance windows of a certification cycle, as dates (core/windows.h). */
#include "core/windows.h"
#include "core/civil.h"

#include <sqlite3.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const WINDOWS_AUDIT_TYPES[] = {"document", "initial", "surveillance", "recertification", "special", "extension",
                                           NULL};

void cycle_add(Cycle *y, int type, long end) {
  if (type == AUDIT_SURVEILLANCE && end >= y->decision && end <= y->expires) y->done[y->ndone++] = end;
  if ((type == AUDIT_INITIAL || type == AUDIT_RECERTIFICATION) && end <= y->decision && (!y->started || end > y->start))
    y->start = end, y->started = 1;
}

/* by_day(a, b): qsort order of days */
static int by_day(const void *a, const void *b) {
  long x = *(const long *)a, y = *(const long *)b;
  return (x > y) - (x < y);
}

void cycle_sort(Cycle *y) {
  if (y->ndone > 1) qsort(y->done, y->ndone, sizeof *y->done, by_day);
}

/* months_after(day, m, out) → 0 and *out = day + m months, or -1 when that falls outside the years */
static int months_after(long day, int m, long *out) {
  *out = civil_add_months(day, m);
  return civil_year_ok(civil_year_of(*out)) ? 0 : -1;
}

int window_at(const Programme *p, const Cycle *y, int n, long prev_due, int approved, Window *w) {
  const WindowRule *r = n == 1 ? &p->first : &p->next;
  memset(w, 0, sizeof *w);
  w->n = n;
  if (n == 1) {
    w->anchor_kind = r->from_audit && y->started ? ANCHOR_AUDIT : ANCHOR_DECISION;
    w->anchor = w->anchor_kind == ANCHOR_AUDIT ? y->start : y->decision;
  } else if ((size_t)(n - 2) < y->ndone) {
    w->anchor_kind = ANCHOR_DONE;
    w->anchor = y->done[n - 2];
  } else {
    w->anchor_kind = ANCHOR_PROJECTED;
    w->anchor = prev_due;
  }
  w->opens = w->anchor;
  if (r->has_opens && months_after(w->anchor, r->opens, &w->opens) < 0) return -1;
  if (months_after(w->anchor, r->due, &w->due_months) < 0) return -1;
  w->latest_months = w->due_months;
  if (r->has_latest && months_after(w->anchor, r->latest, &w->latest_months) < 0) return -1;
  long due = w->due_months, latest = w->latest_months;
  if (r->has_latest && r->needs_approval && !approved) {
    w->no_extension = 1;
    latest = due;
  } else if (r->has_latest && r->within_year) {
    long end_of_year = civil_from_ymd(civil_year_of(due), 12, 31);
    if (end_of_year < latest) latest = end_of_year;
  }
  w->latest_year = latest;
  if (p->calendar_year && n > 1) { /* at least once each calendar year after the anchor's, but the recertification year */
    w->year = civil_year_of(w->anchor) + 1;
    w->cap = civil_from_ymd(w->year, 12, 31);
    if (w->year == civil_year_of(y->expires)) {
      w->year_rule = YEAR_RECERTIFICATION;
    } else if (latest > w->cap || due > w->cap) {
      w->year_rule = YEAR_CAPPED;
      if (w->cap < latest) latest = w->cap;
      if (w->cap < due) due = w->cap;
    }
  }
  if (due > y->expires || latest > y->expires) {
    w->validity = 1;
    if (y->expires < due) due = y->expires;
    if (y->expires < latest) latest = y->expires;
  }
  w->due = due;
  w->latest = latest;
  w->has_end = (size_t)(n - 1) < y->ndone;
  w->end = w->has_end ? y->done[n - 1] : 0;
  if (w->has_end) w->status = w->end < w->opens ? "early" : w->end > latest ? "late" : "done";
  else w->status = y->as_of > latest ? "overdue" : y->as_of >= w->opens ? "open" : "upcoming";
  return 0;
}

int windows_approved(const char *text, size_t len, int n) {
  int found = 0;
  for (size_t at = 0; at < len;) { /* each item digits, the first not 0, at most 9 of them */
    size_t from = at;
    long v = 0;
    while (at < len && text[at] >= '0' && text[at] <= '9' && at - from < 9) v = v * 10 + (text[at++] - '0');
    if (at == from || text[from] == '0' || (at < len && text[at] != ',') || (at + 1 == len)) return -1;
    if (v == n) found = 1;
    at++;
  }
  return found;
}

int next_window(const Programme *p, Cycle *y, const char *approved, size_t approved_len, Window *next) {
  cycle_sort(y);
  memset(next, 0, sizeof *next);
  long prev_due = 0;
  for (int n = 1; n <= p->count; n++) { /* every window, as the rule computes them: the same errors */
    Window w;
    if (window_at(p, y, n, prev_due, windows_approved(approved, approved_len, n) == 1, &w) < 0) return -1;
    if (!w.has_end && !next->n) *next = w;
    prev_due = w.due;
  }
  return 0;
}

size_t windows_items(const char *text, size_t len) {
  size_t items = len ? 1 : 0;
  for (size_t i = 0; i < len; i++) items += text[i] == ',';
  return items;
}

int cycle_audits(Cycle *y, const char *text, size_t len, AuditItem *bad) {
  size_t items = windows_items(text, len);
  for (size_t i = 0, at = 0; i < items; i++) { /* each 'type end', its type one of the audit types and its end a date */
    const char *item = text + at, *comma = memchr(item, ',', len - at), *stop = comma ? comma : text + len;
    const char *space = memchr(item, ' ', (size_t)(stop - item));
    int type = -1;
    long end;
    char day[11] = "";
    for (int k = 0; space && WINDOWS_AUDIT_TYPES[k]; k++)
      if (strlen(WINDOWS_AUDIT_TYPES[k]) == (size_t)(space - item) && !memcmp(WINDOWS_AUDIT_TYPES[k], item, (size_t)(space - item)))
        type = k;
    if (type >= 0 && stop - space == 11) memcpy(day, space + 1, 10);
    if (type < 0 || civil_parse(day, &end) < 0) {
      *bad = (AuditItem){i, at, (size_t)(stop - item)};
      return -1;
    }
    cycle_add(y, type, end);
    at = (size_t)(stop - text) + 1;
  }
  return 0;
}

/* The text of a programme: a tag, then its numbers in WindowRule's order, first then next. */
#define PROGRAMME_TAG "programme/1"
#define RULE_FORMAT " %d %d %d %d %d %d %d %d"

void programme_text(const Programme *p, char *out, size_t n) {
  const WindowRule *f = &p->first, *x = &p->next;
  snprintf(out, n, PROGRAMME_TAG " %.17g %d" RULE_FORMAT RULE_FORMAT, p->count, p->calendar_year, f->from_audit,
           f->has_opens, f->opens, f->due, f->has_latest, f->latest, f->needs_approval, f->within_year, x->from_audit,
           x->has_opens, x->opens, x->due, x->has_latest, x->latest, x->needs_approval, x->within_year);
}

int programme_parse(const char *text, Programme *p) {
  WindowRule *f = &p->first, *x = &p->next;
  int used = 0;
  memset(p, 0, sizeof *p);
  if (!text || sscanf(text, PROGRAMME_TAG " %lg %d" RULE_FORMAT RULE_FORMAT "%n", &p->count, &p->calendar_year,
                      &f->from_audit, &f->has_opens, &f->opens, &f->due, &f->has_latest, &f->latest, &f->needs_approval,
                      &f->within_year, &x->from_audit, &x->has_opens, &x->opens, &x->due, &x->has_latest, &x->latest,
                      &x->needs_approval, &x->within_year, &used) != 18 ||
      text[used])
    return -1;
  return 0;
}

/* certsh_next_window(programme, decisionDate, expires, asOf, audits[, approved]) → 'n due latest'
 * or null (windows_sql): approved the windows whose extension was approved, 'n,n' or null; the
 * programme parsed once per statement (SQLite keeps it with the argument) */
static void sql_next_window(sqlite3_context *cx, int argc, sqlite3_value **argv) {
  Programme *p = sqlite3_get_auxdata(cx, 0), read;
  if (!p) {
    if (programme_parse((const char *)sqlite3_value_text(argv[0]), &read) < 0) {
      sqlite3_result_error(cx, "certsh_next_window: the programme must be a programme_text", -1);
      return;
    }
    p = &read; /* this call's; the copy kept may be freed at once when the argument is not constant */
    Programme *kept = sqlite3_malloc(sizeof *kept);
    if (kept) {
      *kept = read;
      sqlite3_set_auxdata(cx, 0, kept, sqlite3_free);
    }
  }
  /* the values' bytes read as they are (sqlite3_value_blob): asking for a terminated text copied
   * each one, most of a call */
  const char *names[] = {"decisionDate", "expires", "asOf"};
  long days[3];
  for (int i = 0; i < 3; i++) {
    const char *s = sqlite3_value_type(argv[i + 1]) == SQLITE_TEXT ? sqlite3_value_blob(argv[i + 1]) : NULL;
    char day[11] = "";
    if (s && sqlite3_value_bytes(argv[i + 1]) == 10) memcpy(day, s, 10);
    if (civil_parse(day, &days[i]) < 0) {
      const char *got = (const char *)sqlite3_value_text(argv[i + 1]);
      char *m = sqlite3_mprintf("certsh_next_window: %s must be a date 'YYYY-MM-DD', got %s", names[i], got ? got : "null");
      sqlite3_result_error(cx, m, -1);
      sqlite3_free(m);
      return;
    }
  }
  int text = sqlite3_value_type(argv[4]) == SQLITE_TEXT;
  const char *audits = text ? sqlite3_value_blob(argv[4]) : NULL;
  size_t len = text ? (size_t)sqlite3_value_bytes(argv[4]) : 0, items = windows_items(audits, len);
  AuditItem bad;
  long room[16], *done = items <= 16 ? room : sqlite3_malloc64(items * sizeof(long));
  if (!done) {
    sqlite3_result_error_nomem(cx);
    return;
  }
  Cycle y = {days[0], days[1], days[2], 0, 0, done, 0};
  Window next;
  int listed = argc > 5 && sqlite3_value_type(argv[5]) != SQLITE_NULL;
  const char *approved = listed ? (const char *)sqlite3_value_text(argv[5]) : NULL;
  size_t approved_len = listed ? (size_t)sqlite3_value_bytes(argv[5]) : 0;
  if (listed && (!approved || windows_approved(approved, approved_len, 0) < 0)) {
    char *m = sqlite3_mprintf("certsh_next_window: approved must list the windows extended, 'n,n', got '%s'", approved ? approved : "");
    sqlite3_result_error(cx, m, -1);
    sqlite3_free(m);
  } else if (cycle_audits(&y, audits, len, &bad) < 0) {
    char *m = sqlite3_mprintf("certsh_next_window: audits[%d] must be 'type YYYY-MM-DD', got '%.*s'", (int)bad.index, (int)bad.len,
                              audits + bad.at);
    sqlite3_result_error(cx, m, -1);
    sqlite3_free(m);
  } else if (next_window(p, &y, approved, approved_len, &next) < 0) {
    sqlite3_result_error(cx, "date.addMonths: " CIVIL_OUTSIDE_YEARS, -1);
  } else if (!next.n) {
    sqlite3_result_null(cx);
  } else {
    char out[40];
    int k = snprintf(out, 16, "%d ", next.n);
    civil_format(next.due, out + k);
    out[k + 10] = ' ';
    civil_format(next.latest, out + k + 11);
    sqlite3_result_text(cx, out, k + 21, SQLITE_TRANSIENT);
  }
  if (done != room) sqlite3_free(done);
}

/* A map of days, parsed from 'from to,from to': its pairs in order of from. */
typedef struct DayMap {
  size_t n;
  long pair[][2];
} DayMap;

/* by_from(a, b): qsort order of a DayMap's pairs */
static int by_from(const void *a, const void *b) { return by_day(a, b); }

/* day_map(text, len) → the map (sqlite3_malloc'd), or NULL when the text is not one (or no
 * memory): items of 21 bytes, 'YYYY-MM-DD YYYY-MM-DD', between commas */
static DayMap *day_map(const char *text, size_t len) {
  size_t items = windows_items(text, len);
  if (!text || (items ? items * 22 - 1 : 0) != len) return NULL;
  DayMap *m = sqlite3_malloc64(sizeof *m + items * sizeof m->pair[0]);
  if (!m) return NULL;
  m->n = items;
  for (size_t i = 0; i < items; i++) {
    const char *item = text + i * 22;
    char from[11] = "", to[11] = "";
    memcpy(from, item, 10);
    memcpy(to, item + 11, 10);
    if (item[10] != ' ' || (i + 1 < items && item[21] != ',') || civil_parse(from, &m->pair[i][0]) < 0 || civil_parse(to, &m->pair[i][1]) < 0) {
      sqlite3_free(m);
      return NULL;
    }
  }
  qsort(m->pair, items, sizeof m->pair[0], by_from);
  return m;
}

/* certsh_day_of(map, day) → the day a map 'from to,from to' gives for day, or null when it names none
 * (windows_sql): the map parsed once per statement and searched by halving */
static void sql_day_of(sqlite3_context *cx, int argc, sqlite3_value **argv) {
  (void)argc;
  DayMap *m = sqlite3_get_auxdata(cx, 0), *made = NULL;
  if (!m) {
    int text = sqlite3_value_type(argv[0]) == SQLITE_TEXT;
    m = made = text ? day_map(sqlite3_value_blob(argv[0]), (size_t)sqlite3_value_bytes(argv[0])) : NULL;
    if (!m) {
      sqlite3_result_error(cx, "certsh_day_of: the map must be a text 'YYYY-MM-DD YYYY-MM-DD,…'", -1);
      return;
    }
  }
  const char *s = sqlite3_value_type(argv[1]) == SQLITE_TEXT ? sqlite3_value_blob(argv[1]) : NULL;
  char day[11] = "";
  long d;
  size_t lo = 0, hi = m->n;
  if (s && sqlite3_value_bytes(argv[1]) == 10) memcpy(day, s, 10);
  if (civil_parse(day, &d) == 0) {
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (m->pair[mid][0] < d) lo = mid + 1;
      else hi = mid;
    }
  }
  if (civil_parse(day, &d) == 0 && lo < m->n && m->pair[lo][0] == d) {
    char out[11];
    civil_format(m->pair[lo][1], out);
    sqlite3_result_text(cx, out, 10, SQLITE_TRANSIENT);
  } else {
    sqlite3_result_null(cx);
  }
  if (made) sqlite3_set_auxdata(cx, 0, made, sqlite3_free); /* last: SQLite may free it at once */
}

int windows_sql(sqlite3 *db) {
  int rc = SQLITE_OK;
  for (int argc = 5; argc <= 6 && rc == SQLITE_OK; argc++)
    rc = sqlite3_create_function_v2(db, "certsh_next_window", argc, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                    sql_next_window, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2(db, "certsh_day_of", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, sql_day_of, NULL,
                                    NULL, NULL);
  return rc;
}
