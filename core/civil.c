/* core/civil.c — civil date arithmetic (days from civil, after H. Hinnant's algorithms). */
#include "core/civil.h"

#include <string.h>

static int civil_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int civil_year_ok(int y) { return y >= CIVIL_MIN_YEAR && y <= CIVIL_MAX_YEAR; }

int civil_days_in_month(int y, int m) {
  static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && civil_leap(y) ? 29 : len[m - 1];
}

long civil_from_ymd(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civil_to_ymd(long z, int *y, int *m, int *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

int civil_parse(const char *s, long *day) {
  if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return -1;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return -1;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (!civil_year_ok(y) || m < 1 || m > 12 || d < 1 || d > civil_days_in_month(y, m)) return -1;
  *day = civil_from_ymd(y, m, d);
  return 0;
}

void civil_format(long day, char out[11]) {
  int y, m, d;
  civil_to_ymd(day, &y, &m, &d);
  /* "%04u-%02u-%02u" written digit by digit: snprintf's format parsing was several percent of a
   * surveillance rule call (issue 17) */
  unsigned yy = (unsigned)y % 10000u, mm = (unsigned)m % 100u, dd = (unsigned)d % 100u;
  out[0] = (char)('0' + yy / 1000); out[1] = (char)('0' + yy / 100 % 10);
  out[2] = (char)('0' + yy / 10 % 10); out[3] = (char)('0' + yy % 10); out[4] = '-';
  out[5] = (char)('0' + mm / 10); out[6] = (char)('0' + mm % 10); out[7] = '-';
  out[8] = (char)('0' + dd / 10); out[9] = (char)('0' + dd % 10); out[10] = '\0';
}

long civil_add_months(long day, int months) {
  int y, m, d;
  civil_to_ymd(day, &y, &m, &d);
  long total = (long)y * 12 + (m - 1) + months;
  int ny = (int)(total >= 0 ? total / 12 : (total - 11) / 12);
  int nm = (int)(total - (long)ny * 12) + 1;
  int last = civil_days_in_month(ny, nm);
  return civil_from_ymd(ny, nm, d > last ? last : d);
}

int civil_diff_months(long a, long b) {
  int ya, ma, da, yb, mb, db;
  civil_to_ymd(a, &ya, &ma, &da);
  civil_to_ymd(b, &yb, &mb, &db);
  int n = (yb - ya) * 12 + (mb - ma);
  /* adjust so that a + n months <= b < a + (n+1) months (for b >= a), symmetric otherwise */
  if (b >= a) {
    while (n > 0 && civil_add_months(a, n) > b) n--;
    while (civil_add_months(a, n + 1) <= b) n++;
  } else {
    while (n < 0 && civil_add_months(a, n) < b) n++;
    while (civil_add_months(a, n - 1) >= b) n--;
  }
  return n;
}

int civil_weekday(long day) {
  long w = (day + 3) % 7; /* 1970-01-01 was a Thursday (3 when Monday is 0) */
  if (w < 0) w += 7;
  return (int)w + 1;
}

int civil_year_of(long day) {
  int y, m, d;
  civil_to_ymd(day, &y, &m, &d);
  return y;
}
