/* dsl/bind_ical.c — core.ical: iCalendar's line folding (RFC 5545 §3.1) counted in the UTF-8
 * octets it is written in, and its TEXT escaping, for stdlib/ical.js (a loop per character and
 * four regular expressions per value in the script were most of the reminder job's --format ics,
 * issue 17). */
#include "dsl/bind_core.h"
#include "dsl/host.h"
#include "core/civil.h"

#include <sqlite3.h>

#include <stdlib.h>
#include <string.h>

/* The longest content line, in octets (RFC 5545 §3.1), a continuation's leading space included. */
#define ICAL_LINE_OCTETS 75

/* utf8_char(s, i, n, octets) → the bytes of the character at s[i] (a sequence never split: a
 * malformed one counts as one byte); *octets: how many it counts for, as stdlib/ical.js counted
 * UTF-16 code units: a lone surrogate left in its 3 bytes counts 2 */
static size_t utf8_char(const unsigned char *s, size_t i, size_t n, size_t *octets) {
  unsigned char c = s[i];
  size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
  if (i + len > n) len = 1;
  for (size_t k = 1; k < len; k++)
    if ((s[i + k] & 0xC0) != 0x80) len = 1;
  *octets = len == 3 && c == 0xED && s[i + 1] >= 0xA0 ? 2 : len;
  return len;
}

/* ical_fold_into(out, o, s, n) → o after the content line s[0..n) written folded at out[o]: at most
 * 75 octets a line, continuations begin with a space, lines joined by CRLF; a character (a
 * surrogate pair too) is never split. out must hold n + 3 * (n / 64 + 2) bytes from o. */
static size_t ical_fold_into(unsigned char *out, size_t o, const unsigned char *s, size_t n) {
  size_t used = 0;
  for (size_t i = 0; i < n;) {
    if (used + (n - i) <= ICAL_LINE_OCTETS) { /* the rest fits (a character counts at most its bytes) */
      memcpy(out + o, s + i, n - i);
      return o + (n - i);
    }
    size_t octets, len = utf8_char(s, i, n, &octets);
    if (used + octets > ICAL_LINE_OCTETS) {
      out[o++] = '\r';
      out[o++] = '\n';
      out[o++] = ' ';
      used = 1;
    }
    for (size_t k = 0; k < len; k++) out[o++] = s[i + k];
    used += octets;
    i += len;
  }
  return o;
}

/* The room ical_fold_into needs for n bytes (a line breaks only once it holds 72 octets or more:
 * a character is at most 4). */
#define ICAL_FOLDED_MAX(n) ((n) + 3 * ((n) / 64 + 2))

/* core.ical.fold(line) → the content line folded (ical_fold_into) */
static duk_ret_t ical_fold_js(duk_context *ctx) {
  if (!duk_is_string(ctx, 0)) host_throw(ctx, "invalid", "line", "core.ical.fold(line): line must be text");
  duk_size_t n;
  const unsigned char *s = (const unsigned char *)host_get_utf8(ctx, 0, &n);
  unsigned char *out = duk_push_fixed_buffer(ctx, ICAL_FOLDED_MAX(n));
  size_t o = ical_fold_into(out, 0, s, n);
  host_push_text(ctx, (const char *)out, o);
  return 1;
}

/* ical_escape_into(out, s, n) → the bytes s[0..n) written at out as an iCalendar TEXT (RFC 5545
 * §3.3.11): backslash, semicolon and comma behind a backslash, a line end (LF or CRLF) as \\n;
 * out must hold 2 * n bytes. Returns the length written. */
static size_t ical_escape_into(char *out, const char *s, size_t n) {
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '\\' || c == ';' || c == ',') { out[o++] = '\\'; out[o++] = c; }
    else if (c == '\n' || (c == '\r' && i + 1 < n && s[i + 1] == '\n')) {
      if (c == '\r') i++;
      out[o++] = '\\';
      out[o++] = 'n';
    } else out[o++] = c;
  }
  return o;
}

/* core.ical.text(value) → value escaped as an iCalendar TEXT (ical_escape_into) */
static duk_ret_t ical_text_js(duk_context *ctx) {
  if (!duk_is_string(ctx, 0)) host_throw(ctx, "invalid", "value", "core.ical.text(value): value must be text");
  duk_size_t n;
  const char *s = duk_get_lstring(ctx, 0, &n); /* the escaped bytes are ASCII: CESU-8 passes through */
  char *out = duk_push_fixed_buffer(ctx, 2 * n + 1);
  duk_push_lstring(ctx, out, ical_escape_into(out, s, n));
  return 1;
}

/* ical_lines_into(ctx, fn, &n) → content lines, each heads[i] (argument 0) followed by values[i]
 * (argument 1) escaped as a TEXT (nothing when values[i] is null), folded, each ended by CRLF: a
 * whole component, in a buffer left on the value stack (each line made in a scratch buffer, in
 * UTF-8 to count its octets: no string per line); *n: its length */
static const char *ical_lines_into(duk_context *ctx, const char *fn, size_t *n_out) {
  if (!duk_is_array(ctx, 0) || !duk_is_array(ctx, 1)) host_throw(ctx, "invalid", "heads", "%s: heads and values must be arrays", fn);
  duk_size_t lines = duk_get_length(ctx, 0);
  /* the output and the scratch line, on the value stack: freed however this ends; sized for an
   * event (a reminder's is some 500 bytes), grown when they must */
  size_t o = 0, cap = 1024, lcap = 1024;
  unsigned char *out = duk_push_dynamic_buffer(ctx, cap);
  duk_idx_t bi = duk_get_top_index(ctx);
  unsigned char *line = duk_push_dynamic_buffer(ctx, lcap);
  duk_idx_t li = duk_get_top_index(ctx);
  for (duk_size_t i = 0; i < lines; i++) {
    duk_get_prop_index(ctx, 0, (duk_uarridx_t)i);
    duk_get_prop_index(ctx, 1, (duk_uarridx_t)i);
    if (!duk_is_string(ctx, -2) || !(duk_is_null_or_undefined(ctx, -1) || duk_is_string(ctx, -1)))
      host_throw(ctx, "invalid", "heads", "%s: line %lu: a head must be text and a value text or null", fn, (unsigned long)i);
    duk_size_t nh, nv = 0;
    const char *head = duk_get_lstring(ctx, -2, &nh), *value = duk_is_string(ctx, -1) ? duk_get_lstring(ctx, -1, &nv) : NULL;
    if (nh + 2 * nv + 1 > lcap) line = duk_resize_buffer(ctx, li, lcap = 2 * (nh + 2 * nv + 1)); /* escaped: at most twice as long */
    memcpy(line, head, nh);
    size_t n = nh + (value ? ical_escape_into((char *)line + nh, value, nv) : 0);
    n = host_cesu_to_utf8(line, n, line); /* octets counted as they are written */
    if (o + ICAL_FOLDED_MAX(n) + 2 > cap) out = duk_resize_buffer(ctx, bi, cap = 2 * (o + ICAL_FOLDED_MAX(n) + 2));
    o = ical_fold_into(out, o, line, n);
    out[o++] = '\r';
    out[o++] = '\n';
    duk_pop_2(ctx);
  }
  *n_out = o;
  return o ? (const char *)out : "";
}

/* core.ical.lines(heads, values) → the content lines (ical_lines_into) as text */
static duk_ret_t ical_lines_js(duk_context *ctx) {
  size_t n;
  const char *text = ical_lines_into(ctx, "core.ical.lines(heads, values)", &n);
  host_push_text(ctx, text, n);
  return 1;
}

/* core.ical.write(heads, values): the content lines (ical_lines_into) written to the output, as
 * print writes (no text made of them: a reminder job prints 136,000 events, issue 17) */
static duk_ret_t ical_write_js(duk_context *ctx) {
  size_t n;
  const char *text = ical_lines_into(ctx, "core.ical.write(heads, values)", &n);
  fwrite(text, 1, n, host_of(ctx)->out);
  return 0;
}

/* certsh_ical_lines(head, value, head, value, …) → core.ical.lines([head…], [value…]) in SQL: each
 * head followed by its value escaped as a TEXT (nothing when the value is NULL), folded and ended
 * by CRLF; a NULL head writes no line (an event's optional property). SQLite's text is UTF-8
 * already: the octets are counted as they are. So that a query writes whole events with no
 * JavaScript per row (the reminder job's --format ics, issue 17) */
static void sql_ical_lines(sqlite3_context *cx, int argc, sqlite3_value **argv) {
  if (argc % 2) {
    sqlite3_result_error(cx, "certsh_ical_lines(head, value, …): give a value (or NULL) after each head", -1);
    return;
  }
  size_t total = 0, longest = 0;
  for (int i = 0; i < argc; i += 2) {
    if (sqlite3_value_type(argv[i]) == SQLITE_NULL) continue;
    size_t n = (size_t)sqlite3_value_bytes(argv[i]) + 2 * (size_t)sqlite3_value_bytes(argv[i + 1]);
    if (n > longest) longest = n;
    total += ICAL_FOLDED_MAX(n) + 2;
  }
  unsigned char *out = sqlite3_malloc64(total + 1), *line = sqlite3_malloc64(longest + 1);
  if (!out || !line) {
    sqlite3_free(out);
    sqlite3_free(line);
    sqlite3_result_error_nomem(cx);
    return;
  }
  size_t o = 0;
  for (int i = 0; i < argc; i += 2) {
    const char *head = (const char *)sqlite3_value_text(argv[i]);
    if (!head) continue;
    size_t nh = (size_t)sqlite3_value_bytes(argv[i]);
    memcpy(line, head, nh);
    const char *value = (const char *)sqlite3_value_text(argv[i + 1]);
    size_t n = nh + (value ? ical_escape_into((char *)line + nh, value, (size_t)sqlite3_value_bytes(argv[i + 1])) : 0);
    o = ical_fold_into(out, o, line, n);
    out[o++] = '\r';
    out[o++] = '\n';
  }
  sqlite3_free(line);
  sqlite3_result_text64(cx, (const char *)out, o, sqlite3_free, SQLITE_UTF8);
}

/* refuse(cx, what, v): fail the SQL call with "what, got V", V the value as JSON shows a text
 * ("…") or null, as stdlib/ical.js's messages show it */
static void refuse(sqlite3_context *cx, const char *what, sqlite3_value *v) {
  const char *got = (const char *)sqlite3_value_text(v);
  char *m = got ? sqlite3_mprintf("%s, got \"%s\"", what, got) : sqlite3_mprintf("%s, got null", what);
  sqlite3_result_error(cx, m ? m : what, -1);
  sqlite3_free(m);
}

/* certsh_ical_date(d, field, days) → 'YYYYMMDD' of the date d plus days (0 or 1: DTSTART and DTEND
 * of an all-day event), d checked as stdlib/ical.js checks it (basicDate: the field named) */
static void sql_ical_date(sqlite3_context *cx, int argc, sqlite3_value **argv) {
  (void)argc;
  const char *d = (const char *)sqlite3_value_text(argv[0]), *field = (const char *)sqlite3_value_text(argv[1]);
  long day;
  if (!d || sqlite3_value_bytes(argv[0]) != 10 || civil_parse(d, &day) < 0) {
    char *what = sqlite3_mprintf("ical: %s must be a date 'YYYY-MM-DD'", field ? field : "date");
    refuse(cx, what ? what : "ical: a date must be a date 'YYYY-MM-DD'", argv[0]);
    sqlite3_free(what);
    return;
  }
  day += sqlite3_value_int(argv[2]);
  if (!civil_year_ok(civil_year_of(day))) {
    sqlite3_result_error(cx, "date.addDays: " CIVIL_OUTSIDE_YEARS, -1);
    return;
  }
  char out[11], basic[8];
  civil_format(day, out);
  memcpy(basic, out, 4);
  memcpy(basic + 4, out + 5, 2);
  memcpy(basic + 6, out + 8, 2);
  sqlite3_result_text(cx, basic, 8, SQLITE_TRANSIENT);
}

/* certsh_ical_uid(uid) → uid, refused as ical.event refuses it unless non-empty text */
static void sql_ical_uid(sqlite3_context *cx, int argc, sqlite3_value **argv) {
  (void)argc;
  if (sqlite3_value_type(argv[0]) == SQLITE_TEXT && sqlite3_value_bytes(argv[0]) > 0) sqlite3_result_value(cx, argv[0]);
  else refuse(cx, "ical.event({uid, date, summary, …}): uid must be non-empty text", argv[0]);
}

/* core.ical.defineSql() → true: certsh_ical_lines(head, value, …), certsh_ical_date(d, field,
 * days) and certsh_ical_uid(uid) defined on the register's connection, for the queries that follow */
static duk_ret_t ical_define_sql(duk_context *ctx) {
  Host *h = host_of(ctx);
  if (!h->db.sql) host_throw(ctx, "usage", "--db", "core.ical.defineSql(): no register is open");
  static const struct { const char *name; int nargs; void (*fn)(sqlite3_context *, int, sqlite3_value **); } FUNCS[] = {
    {"certsh_ical_lines", -1, sql_ical_lines}, {"certsh_ical_date", 3, sql_ical_date}, {"certsh_ical_uid", 1, sql_ical_uid}};
  int rc = SQLITE_OK;
  for (size_t i = 0; i < sizeof FUNCS / sizeof FUNCS[0] && rc == SQLITE_OK; i++)
    rc = sqlite3_create_function_v2(h->db.sql, FUNCS[i].name, FUNCS[i].nargs, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                    FUNCS[i].fn, NULL, NULL, NULL);
  if (rc != SQLITE_OK) host_throw(ctx, "sql", "", "core.ical.defineSql(): %s", sqlite3_errstr(rc));
  duk_push_true(ctx);
  return 1;
}

static const duk_function_list_entry ical_funcs[] = {
  {"fold", ical_fold_js, 1},
  {"text", ical_text_js, 1},
  {"lines", ical_lines_js, 2},
  {"write", ical_write_js, 2},
  {"defineSql", ical_define_sql, 0},
  {NULL, NULL, 0}};

void bind_ical_open(duk_context *ctx) { bind_core_put_direct(ctx, "ical", ical_funcs); } /* an event's lines: not copied per call */
