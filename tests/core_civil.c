/* tests/core_civil.c — unit tests of core/civil.c and core/uscc.c. */
#include "tests/check.h"
#include "core/civil.h"
#include "core/uscc.h"

#include <string.h>

/* add months to a date string and return the result in a static buffer */
static const char *add_months(const char *from, int n) {
  static char out[11];
  long d;
  if (civil_parse(from, &d) < 0) return "invalid";
  civil_format(civil_add_months(d, n), out);
  return out;
}

int main(void) {
  long d;
  CHECK(civil_parse("1970-01-01", &d) == 0 && d == 0);
  CHECK(civil_parse("2026-02-30", &d) < 0);
  CHECK(civil_parse("2026-13-01", &d) < 0);
  CHECK(civil_parse("2026-1-01", &d) < 0);
  CHECK(civil_parse("2024-02-29", &d) == 0);
  CHECK(civil_parse("2100-02-29", &d) < 0);
  CHECK(civil_parse("1899-12-31", &d) < 0);
  CHECK_STR(add_months("2024-01-31", 1), "2024-02-29");
  CHECK_STR(add_months("2024-03-31", -1), "2024-02-29");
  CHECK_STR(add_months("2024-12-15", 1), "2025-01-15");
  CHECK_STR(add_months("2025-01-15", -1), "2024-12-15");
  CHECK_STR(add_months("2024-02-29", 12), "2025-02-28");
  /* every day of 1900..2999 round-trips through the day number */
  long first, last;
  civil_parse("1900-01-01", &first);
  civil_parse("2999-12-31", &last);
  int roundtrip_ok = 1;
  for (long day = first; day <= last; day++) {
    char s[11];
    long back;
    civil_format(day, s);
    if (civil_parse(s, &back) < 0 || back != day) { roundtrip_ok = 0; break; }
  }
  CHECK(roundtrip_ok);
  long a, b;
  civil_parse("2026-11-24", &a);
  CHECK(civil_weekday(a) == 2);
  civil_parse("2025-03-10", &a);
  civil_parse("2026-03-09", &b);
  CHECK(civil_diff_months(a, b) == 11);
  CHECK(civil_diff_months(b, a) == -11);
  char why[256];
  CHECK(uscc_check("91110000600037341L", why, sizeof why) == 0);
  CHECK(uscc_check("91110000600037341X", why, sizeof why) < 0 && strstr(why, "'L'"));
  CHECK(uscc_check("9111000060003734", why, sizeof why) < 0 && strstr(why, "18"));
  CHECK(uscc_check("9111000060003734OL", why, sizeof why) < 0 && strstr(why, "alphabet"));
  return check_report("core_civil");
}
