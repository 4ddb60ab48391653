/* core/windows.h — the surveillance windows of a certification cycle, as dates: what a scheme's
 * declarative programme (stdlib/lifecycle.js documents it) gives for a cycle, computed without
 * the engine. The rule's core (dsl/bind_lifecycle.c) writes each window's reasons from what is
 * found here; SQL asks the next window of many cycles through certsh_next_window (below). */
#ifndef CERTSH_CORE_WINDOWS_H
#define CERTSH_CORE_WINDOWS_H

#include <stddef.h>

struct sqlite3;

/* The audit types a cycle is given, in this order (an audit's type is its index). */
enum { AUDIT_DOCUMENT, AUDIT_INITIAL, AUDIT_SURVEILLANCE, AUDIT_RECERTIFICATION, AUDIT_SPECIAL, AUDIT_EXTENSION };
extern const char *const WINDOWS_AUDIT_TYPES[]; /* their names, NULL-terminated */

/* The numbers of one window of a programme: its months after the anchor (opens only when
 * has_opens, latest only when has_latest), and its rules. */
typedef struct WindowRule {
  int from_audit;      /* the first window counts from the audit before the decision, when there is one */
  int has_opens, opens;
  int due;
  int has_latest, latest;
  int needs_approval;  /* the later limit holds only for a window with an approved extension */
  int within_year;     /* and within the calendar year of the due date */
} WindowRule;

/* A programme: how many surveillance audits a cycle has, the first window and every next one,
 * and whether each calendar year but the recertification year needs one. */
typedef struct Programme {
  double count;
  int calendar_year;
  WindowRule first, next;
} Programme;

/* A cycle, as its windows are counted from it: the decision, the certificate's last day, the day
 * asked about, the end of the initial or recertification audit before the decision (start, when
 * started), and the surveillance audits done in the cycle (done, ndone: room for every audit). */
typedef struct Cycle {
  long decision, expires, as_of, start;
  int started;
  long *done;
  size_t ndone;
} Cycle;

/* cycle_add(y, type, end): an audit of the type that ended on day end counted in cycle y */
void cycle_add(Cycle *y, int type, long end);

/* Where a window is counted from. */
enum { ANCHOR_DECISION, ANCHOR_AUDIT, ANCHOR_DONE, ANCHOR_PROJECTED };
/* What the calendar-year rule did to a window. */
enum { YEAR_NONE, YEAR_RECERTIFICATION, YEAR_CAPPED };

/* One window of a cycle, with what each of its dates came from (the reasons are written from it). */
typedef struct Window {
  int n, anchor_kind;
  long anchor, opens;
  long due_months;    /* the due date, dueMonths after the anchor */
  long latest_months; /* latestMonths after the anchor (when the rule has_latest) */
  int no_extension;   /* the later limit needs an approval none gave: the latest is the due date */
  long latest_year;   /* the latest after that and the calendar year of withinCalendarYear */
  int year_rule, year;
  long cap;           /* the year rule's 31 December */
  int validity;       /* due or latest cut to the certificate's last day */
  long due, latest;   /* the window's dates */
  int has_end;
  long end;
  const char *status; /* early, late, done; or overdue, open, upcoming */
} Window;

/* window_at(p, y, n, prev_due, approved, w) → 0, or -1 when one of its dates falls outside the
 * years of core/civil.h: w the window n of cycle y (its done audits in order) under p, prev_due
 * the due date of window n-1, approved whether an extension of window n was approved */
int window_at(const Programme *p, const Cycle *y, int n, long prev_due, int approved, Window *w);

/* cycle_sort(y): the cycle's surveillance audits in the order they ended (window_at reads them so) */
void cycle_sort(Cycle *y);

/* next_window(p, y, approved, approved_len, next) → 0, or -1 (a date out of range): the first
 * window of cycle y not done (next->n 0 when every surveillance is done), the windows whose
 * extension was approved listed in the text approved, 'n,n' (windows_approved; len 0: none) */
int next_window(const Programme *p, Cycle *y, const char *approved, size_t approved_len, Window *next);
/* windows_approved(text, len, n) → 1 when the list 'n,n' of approved windows names window n, 0
 * when it does not, -1 when the text is not such a list (whole numbers from 1, between commas) */
int windows_approved(const char *text, size_t len, int n);

/* An item of an audits text: its index, and where it is in the text (at, len bytes). */
typedef struct AuditItem {
  size_t index, at, len;
} AuditItem;
/* cycle_audits(y, text, len, bad) → 0, or -1 with *bad the first item that is not 'type
 * YYYY-MM-DD': each audit of the text 'type end,type end' counted in y (room for windows_items) */
int cycle_audits(Cycle *y, const char *text, size_t len, AuditItem *bad);
/* windows_items(text, len) → the number of items of an audits text */
size_t windows_items(const char *text, size_t len);

/* programme_text(p, out, n): p as the text certsh_next_window takes (at most n bytes with its NUL);
 * programme_parse(text, p) → 0, or -1 when the text is not one */
void programme_text(const Programme *p, char *out, size_t n);
int programme_parse(const char *text, Programme *p);

/* windows_sql(db) → SQLite's result code: defined on db, certsh_next_window(programme,
 * decisionDate, expires, asOf, audits[, approved]), giving 'n due latest' of the cycle's next
 * window (null when every surveillance is done), programme a programme_text, audits an audits
 * text or null, approved the windows whose extension was approved ('n,n' or null);
 * and certsh_day_of(map, day), the day a map 'from to,from to' gives for day (null when none): a
 * certificate's last valid day by its decision date, as the scheme computed it */
int windows_sql(struct sqlite3 *db);

#endif
