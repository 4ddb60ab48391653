/* dsl/bind_date.c — the `date` global: civil dates as 'YYYY-MM-DD' strings, arithmetic in C
 * (core/civil.c). Rules never see time zones or the clock. */
#include "dsl/bind.h"
#include "core/civil.h"

#include <math.h>
#include <string.h>

long bind_date_arg(duk_context *ctx, duk_idx_t idx, const char *fn, const char *field) {
  long day;
  if (!duk_is_string(ctx, idx))
    host_throw(ctx, "invalid", field, "%s: %s must be a date 'YYYY-MM-DD', got %s", fn, field,
               duk_is_undefined(ctx, idx) ? "nothing" : duk_safe_to_string(ctx, idx));
  duk_size_t len;
  const char *s = duk_get_lstring(ctx, idx, &len);
  if (strlen(s) != len)
    host_throw(ctx, "invalid", field, "%s: %s '%s\\u0000%.40s' is not a date 'YYYY-MM-DD' (it holds a NUL character)", fn, field,
               s, s + strlen(s) + 1);
  if (civil_parse(s, &day) < 0)
    host_throw(ctx, "invalid", field, "%s: %s '%s' is not a real calendar date 'YYYY-MM-DD' (years %d-%d)", fn, field, s,
               CIVIL_MIN_YEAR, CIVIL_MAX_YEAR);
  return day;
}

/* An integer count argument within ±limit. */
static long date_count_arg(duk_context *ctx, duk_idx_t idx, const char *fn, const char *field, long limit) {
  double n = duk_is_number(ctx, idx) ? duk_get_number(ctx, idx) : NAN;
  if (!isfinite(n) || n != floor(n) || fabs(n) > (double)limit)
    host_throw(ctx, "invalid", field, "%s: %s must be a whole number between %ld and %ld, got %s", fn, field, -limit, limit,
               duk_safe_to_string(ctx, idx));
  return (long)n;
}

/* Push a day number as a date string, refusing results outside the supported years. */
static duk_ret_t date_push(duk_context *ctx, long day, const char *fn) {
  int y, m, d;
  civil_to_ymd(day, &y, &m, &d);
  if (!civil_year_ok(y)) host_throw(ctx, "range", "", "%s: " CIVIL_OUTSIDE_YEARS, fn);
  char out[11];
  civil_format(day, out);
  duk_push_string(ctx, out);
  return 1;
}

/* date.isValid(text) → true when text is a real calendar date 'YYYY-MM-DD' */
static duk_ret_t date_is_valid(duk_context *ctx) {
  long day;
  duk_push_boolean(ctx, duk_is_string(ctx, 0) && civil_parse(duk_get_string(ctx, 0), &day) == 0);
  return 1;
}

/* date.check(text, field) → text, or throws naming field when it is not a real date */
static duk_ret_t date_check(duk_context *ctx) {
  const char *field = duk_is_string(ctx, 1) ? duk_get_string(ctx, 1) : "date";
  bind_date_arg(ctx, 0, "date.check", field);
  duk_dup(ctx, 0);
  return 1;
}

/* date.addDays(date, n) → the date n days later (n may be negative) */
static duk_ret_t date_add_days(duk_context *ctx) {
  long d = bind_date_arg(ctx, 0, "date.addDays(date, n)", "date");
  return date_push(ctx, d + date_count_arg(ctx, 1, "date.addDays(date, n)", "n", 1000000), "date.addDays");
}

/* date.addMonths(date, n) → same day n months later, or that month's last day when it has no such
 * day (PRC Civil Code Art. 202): addMonths('2024-01-31', 1) = '2024-02-29' */
static duk_ret_t date_add_months(duk_context *ctx) {
  long d = bind_date_arg(ctx, 0, "date.addMonths(date, n)", "date");
  return date_push(ctx, civil_add_months(d, (int)date_count_arg(ctx, 1, "date.addMonths(date, n)", "n", 20000)), "date.addMonths");
}

/* date.addYears(date, n) → addMonths(date, 12 n): '2024-02-29' + 1 year = '2025-02-28' */
static duk_ret_t date_add_years(duk_context *ctx) {
  long d = bind_date_arg(ctx, 0, "date.addYears(date, n)", "date");
  return date_push(ctx, civil_add_months(d, 12 * (int)date_count_arg(ctx, 1, "date.addYears(date, n)", "n", 2000)), "date.addYears");
}

/* date.diffDays(from, to) → days from `from` to `to` (negative when to is earlier) */
static duk_ret_t date_diff_days(duk_context *ctx) {
  long a = bind_date_arg(ctx, 0, "date.diffDays(from, to)", "from");
  long b = bind_date_arg(ctx, 1, "date.diffDays(from, to)", "to");
  duk_push_number(ctx, (double)(b - a));
  return 1;
}

/* date.diffMonths(from, to) → whole months from `from` to `to` (by the Art. 202 rule) */
static duk_ret_t date_diff_months(duk_context *ctx) {
  long a = bind_date_arg(ctx, 0, "date.diffMonths(from, to)", "from");
  long b = bind_date_arg(ctx, 1, "date.diffMonths(from, to)", "to");
  duk_push_int(ctx, civil_diff_months(a, b));
  return 1;
}

/* date.parts(date) → {year, month, day, weekday} with weekday 1 Monday … 7 Sunday */
static duk_ret_t date_parts(duk_context *ctx) {
  long day = bind_date_arg(ctx, 0, "date.parts(date)", "date");
  int y, m, d;
  civil_to_ymd(day, &y, &m, &d);
  duk_push_object(ctx);
  duk_push_int(ctx, y); duk_put_prop_string(ctx, -2, "year");
  duk_push_int(ctx, m); duk_put_prop_string(ctx, -2, "month");
  duk_push_int(ctx, d); duk_put_prop_string(ctx, -2, "day");
  duk_push_int(ctx, civil_weekday(day)); duk_put_prop_string(ctx, -2, "weekday");
  return 1;
}

/* date.year(date) → the calendar year as a number */
static duk_ret_t date_year(duk_context *ctx) {
  int y, m, d;
  civil_to_ymd(bind_date_arg(ctx, 0, "date.year(date)", "date"), &y, &m, &d);
  duk_push_int(ctx, y);
  return 1;
}

/* date.weekday(date) → 1 Monday … 7 Sunday */
static duk_ret_t date_weekday(duk_context *ctx) {
  duk_push_int(ctx, civil_weekday(bind_date_arg(ctx, 0, "date.weekday(date)", "date")));
  return 1;
}

/* date.endOfMonth(date) → the last day of date's month */
static duk_ret_t date_end_of_month(duk_context *ctx) {
  int y, m, d;
  civil_to_ymd(bind_date_arg(ctx, 0, "date.endOfMonth(date)", "date"), &y, &m, &d);
  return date_push(ctx, civil_from_ymd(y, m, civil_days_in_month(y, m)), "date.endOfMonth");
}

/* date.make(year, month, day) → 'YYYY-MM-DD', or throws when it is not a real date */
static duk_ret_t date_make(duk_context *ctx) {
  long y = date_count_arg(ctx, 0, "date.make(year, month, day)", "year", CIVIL_MAX_YEAR);
  long m = date_count_arg(ctx, 1, "date.make(year, month, day)", "month", 12);
  long d = date_count_arg(ctx, 2, "date.make(year, month, day)", "day", 31);
  if (!civil_year_ok((int)y) || m < 1 || d < 1 || d > civil_days_in_month((int)y, (int)m))
    host_throw(ctx, "invalid", "day", "date.make(year, month, day): %ld-%02ld-%02ld is not a real calendar date", y, m, d);
  return date_push(ctx, civil_from_ymd((int)y, (int)m, (int)d), "date.make");
}

static const duk_function_list_entry date_funcs[] = {
  {"isValid", date_is_valid, 1},
  {"check", date_check, 2},
  {"addDays", date_add_days, 2},
  {"addMonths", date_add_months, 2},
  {"addYears", date_add_years, 2},
  {"diffDays", date_diff_days, 2},
  {"diffMonths", date_diff_months, 2},
  {"parts", date_parts, 1},
  {"year", date_year, 1},
  {"weekday", date_weekday, 1},
  {"endOfMonth", date_end_of_month, 1},
  {"make", date_make, 3},
  {NULL, NULL, 0}};

void bind_date_open(duk_context *ctx) { bind_namespace(ctx, "date", date_funcs); }
