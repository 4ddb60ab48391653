/* core/civil.h — civil dates ('YYYY-MM-DD', no time, no zone) and their arithmetic.
 * A date is a day number: days since 1970-01-01. Years 1900–2999 only. */
#ifndef CERTSH_CORE_CIVIL_H
#define CERTSH_CORE_CIVIL_H

#define CIVIL_MIN_YEAR 1900
#define CIVIL_MAX_YEAR 2999
#define CIVIL_STR_(x) #x
#define CIVIL_STR(x) CIVIL_STR_(x)
/* What every date function says of a result outside those years, after its own name. */
#define CIVIL_OUTSIDE_YEARS "the result falls outside years " CIVIL_STR(CIVIL_MIN_YEAR) "-" CIVIL_STR(CIVIL_MAX_YEAR)

/* Parse a strict 'YYYY-MM-DD' that names a real calendar day; 0 and *day, or -1. */
int civil_parse(const char *text, long *day);
/* Write the day as 'YYYY-MM-DD' into out (11 bytes). */
void civil_format(long day, char out[11]);
/* Day number of a year, month (1–12) and day; no validation. */
long civil_from_ymd(int y, int m, int d);
/* Split a day number into year, month and day. */
void civil_to_ymd(long day, int *y, int *m, int *d);
/* 28–31. */
int civil_days_in_month(int y, int m);
/* Add months. The day of the month is kept; where the target month is shorter the result is
 * its last day (corresponding-day rule, PRC Civil Code Art. 202). */
long civil_add_months(long day, int months);
/* Whole months from a to b (negative when b is earlier): the largest n with a+n months <= b. */
int civil_diff_months(long a, long b);
/* ISO weekday: 1 Monday … 7 Sunday. */
int civil_weekday(long day);
/* The calendar year of a day number. */
int civil_year_of(long day);
/* 1 when the year is within the supported range. */
int civil_year_ok(int y);

#endif
