/* tests/check.h — the few macros the C unit tests share; each failure names file and line. */
#ifndef CERTSH_TESTS_CHECK_H
#define CERTSH_TESTS_CHECK_H
#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                        \
  do {                                                                     \
    if (cond) check_passed++;                                              \
    else { check_failed++; fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } \
  } while (0)

#define CHECK_STR(got, want)                                                                    \
  do {                                                                                          \
    const char *g_ = (got), *w_ = (want);                                                       \
    if (g_ && !strcmp(g_, w_)) check_passed++;                                                  \
    else { check_failed++; fprintf(stderr, "FAIL %s:%d: %s is '%s', want '%s'\n", __FILE__, __LINE__, #got, g_ ? g_ : "(null)", w_); } \
  } while (0)

/* Print the closing line and return the exit status. */
static inline int check_report(const char *name) {
  printf("%s: %d passed, %d failed\n", name, check_passed, check_failed);
  return check_failed ? 1 : 0;
}
#endif
