/* bench/floor.c — the reminder job's question answered by the shortest C program we could write
 * over SQLite's C API: the floor the job is measured against (issue 17), with cas-service's
 * rules written in, as bench/reminders.sql and bench/reminders.py have them. It reads each
 * table once (the audits through their covering index in case order), keeps per case the
 * cycle's last audit, its start, the surveillances done since and the latest recertification
 * audit in arrays, computes the dates as day numbers and prints one line per reminder —
 * date|state|what|number|uid, the shell's columns — unsorted (bench/run sorts before comparing).
 *   cc -O2 -o floor bench/floor.c -lsqlite3;  floor DB AS_OF  (horizon 30 days) */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* days(y, m, d) → days since 1970-01-01 (proleptic Gregorian). */
static int days(int y, int m, int d) {
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* civil(n, &y, &m, &d): the date of day number n. */
static void civil(int n, int *y, int *m, int *d) {
  n += 719468;
  int era = (n >= 0 ? n : n - 146096) / 146097, doe = n - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp + (mp < 10 ? 3 : -9);
  *y = yoe + era * 400 + (*m <= 2);
}

/* parse(text) → the day number of YYYY-MM-DD, or -1 for NULL. */
static int parse(const unsigned char *t) {
  if (!t) return -1;
  return days((t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0'),
              (t[5] - '0') * 10 + (t[6] - '0'), (t[8] - '0') * 10 + (t[9] - '0'));
}

static int month_days(int y, int m) {
  static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : n[m - 1];
}

/* add_months(n, k) → n + k months, the month's last day when it has no such day (date.addMonths). */
static int add_months(int n, int k) {
  int y, m, d;
  civil(n, &y, &m, &d);
  int t = y * 12 + m - 1 + k;
  y = t / 12, m = t % 12 + 1;
  return days(y, m, d < month_days(y, m) ? d : month_days(y, m));
}

/* year_before(n) → SQLite's date(n, '-1 year'): 29 February overflows into 1 March. */
static int year_before(int n) {
  int y, m, d;
  civil(n, &y, &m, &d);
  return d > month_days(y - 1, m) ? days(y - 1, m, month_days(y - 1, m)) + (d - month_days(y - 1, m)) : days(y - 1, m, d);
}

static const char *text(int n) {
  static char b[4][11];
  static int i;
  int y, m, d;
  civil(n, &y, &m, &d);
  i = (i + 1) % 4;
  snprintf(b[i], sizeof b[i], "%04d-%02d-%02d", y, m, d);
  return b[i];
}

static sqlite3 *db;

static sqlite3_stmt *prepare(const char *sql) {
  sqlite3_stmt *s;
  if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
    fprintf(stderr, "floor: %s\n", sqlite3_errmsg(db));
    exit(1);
  }
  return s;
}

/* per_case() → an array of -1 per case id (0 .. max(cases.id)). */
static int *per_case(size_t *n) {
  sqlite3_stmt *s = prepare("SELECT coalesce(max(id), 0) + 1 FROM cases");
  *n = sqlite3_step(s) == SQLITE_ROW ? (size_t)sqlite3_column_int64(s, 0) : 1;
  sqlite3_finalize(s);
  int *a = malloc(*n * sizeof *a);
  if (!a) { fputs("floor: out of memory\n", stderr); exit(1); }
  memset(a, 0xff, *n * sizeof *a);
  return a;
}

int main(int argc, char **argv) {
  if (argc != 3) { fputs("usage: floor DB AS_OF\n", stderr); return 2; }
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) { fprintf(stderr, "floor: %s\n", sqlite3_errmsg(db)); return 1; }
  static char out[1 << 16];
  setvbuf(stdout, out, _IOFBF, sizeof out);
  int asof = parse((const unsigned char *)argv[2]), horizon = asof + 30;
  size_t cases;
  int *ref = per_case(&cases), *start = per_case(&cases), *nsurv = per_case(&cases);

  /* each case's audits done, in case order (the covering index): its last audit, the start of its
   * cycle (last initial or recertification audit) and the surveillances done since, computed when
   * the next case begins (the rows of one case held meanwhile, whatever their order) */
  sqlite3_stmt *s = prepare("SELECT case_id, type = 'surveillance', actual_end FROM audits WHERE status = 'done'"
                            " AND actual_end IS NOT NULL AND type IN ('initial', 'surveillance', 'recertification') ORDER BY case_id");
  int held[64][2], nheld = 0;
  size_t k = 0;
  for (int more = 1; more;) {
    more = sqlite3_step(s) == SQLITE_ROW;
    size_t next = more ? (size_t)sqlite3_column_int64(s, 0) : 0;
    if (nheld && (!more || next != k) && k < cases) { /* the case k is complete */
      int r = -1, st = -1, n = 0;
      for (int i = 0; i < nheld; i++) {
        if (held[i][1] > r) r = held[i][1];
        if (!held[i][0] && held[i][1] > st) st = held[i][1];
      }
      for (int i = 0; i < nheld; i++) n += held[i][0] && st >= 0 && held[i][1] >= st;
      ref[k] = r, start[k] = st, nsurv[k] = n, nheld = 0;
    }
    if (!more) break;
    if (nheld == 64) { fputs("floor: more than 64 audits in a case\n", stderr); return 1; }
    k = next;
    held[nheld][0] = sqlite3_column_int(s, 1), held[nheld][1] = parse(sqlite3_column_text(s, 2)), nheld++;
  }
  sqlite3_finalize(s);
  /* whether a recertification audit is planned or done for the certificate's expiry: asked only
   * for the certificates whose application falls due (through the audits' case index) */
  sqlite3_stmt *recert = prepare("SELECT max(coalesce(actual_end, planned_end, planned_start)) FROM audits"
                                 " WHERE case_id = ?1 AND type = 'recertification' AND status <> 'cancelled'");
  int lo_expiry = add_months(asof, -24);
  s = prepare("SELECT id, number, case_id, expires, status, status_date FROM certificates WHERE status IN ('active', 'suspended')");
  while (sqlite3_step(s) == SQLITE_ROW) {
    long long id = sqlite3_column_int64(s, 0);
    const char *number = (const char *)sqlite3_column_text(s, 1);
    k = (size_t)sqlite3_column_int64(s, 2);
    int exp = parse(sqlite3_column_text(s, 3)), active = sqlite3_column_text(s, 4)[0] == 'a';
    if (active && k < cases && ref[k] >= 0 && nsurv[k] < 2) {
      int opens = add_months(ref[k], 9), due = add_months(ref[k], 12), n = nsurv[k] + 1;
      if (due < exp) {
        if (opens > asof && opens <= horizon)
          printf("%s|opens|surveillance window opens|%s|surveillance-%d/certificate-%lld\n", text(opens), number, n, id);
        else if (opens <= asof && due >= asof && due <= horizon)
          printf("%s|closing|surveillance window closes|%s|surveillance-%d/certificate-%lld\n", text(due), number, n, id);
        else if (due < asof)
          printf("%s|missed|surveillance missed|%s|surveillance-%d/certificate-%lld\n", text(due), number, n, id);
      }
    }
    if (exp >= asof) {
      int due = add_months(exp, -3);
      int planned = -1;
      if (due <= horizon) {
        sqlite3_bind_int64(recert, 1, (sqlite3_int64)k);
        if (sqlite3_step(recert) == SQLITE_ROW) planned = parse(sqlite3_column_text(recert, 0));
        sqlite3_reset(recert);
      }
      if (due <= horizon && planned < year_before(exp))
        printf("%s|%s|recertification application due|%s|recert/certificate-%lld/%s\n", text(due),
               due < asof ? "overdue" : "due soon", number, id, text(exp));
    }
    if (exp >= lo_expiry && exp <= horizon)
      printf("%s|%s|certificate expires|%s|expiry/certificate-%lld/%s\n", text(exp), exp < asof ? "expired" : "expiring",
             number, id, text(exp));
    if (!active) {
      int since = parse(sqlite3_column_text(s, 5)), limit = add_months(since, 6);
      if (limit <= horizon)
        printf("%s|%s|suspension limit|%s|suspension/certificate-%lld/%s\n", text(limit), limit < asof ? "overdue" : "due soon",
               number, id, text(since));
    }
  }
  sqlite3_finalize(s);
  sqlite3_finalize(recert);
  s = prepare("SELECT id, due FROM findings WHERE status = 'open' AND kind = 'nonconformity' AND due IS NOT NULL");
  while (sqlite3_step(s) == SQLITE_ROW) {
    int due = parse(sqlite3_column_text(s, 1));
    if (due <= horizon)
      printf("%s|%s|nonconformity correction|%lld|correction/finding-%lld\n", text(due), due < asof ? "overdue" : "due soon",
             sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 0));
  }
  sqlite3_finalize(s);
  s = prepare("SELECT id, due FROM matters WHERE closed IS NULL AND kind = 'complaint' AND due IS NOT NULL");
  while (sqlite3_step(s) == SQLITE_ROW) {
    int due = parse(sqlite3_column_text(s, 1));
    if (due <= horizon)
      printf("%s|%s|complaint answer|%lld|complaint/matter-%lld\n", text(due), due < asof ? "overdue" : "due soon",
             sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 0));
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  free(ref), free(start), free(nsurv);
  return fflush(stdout) == 0 ? 0 : 1;
}
