/* core/uscc.c — GB 32100-2015 check character: weights 3^(i-1) mod 31 over 17 positions. */
#include "core/uscc.h"

#include <stdio.h>
#include <string.h>

static const char USCC_ALPHABET[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int USCC_WEIGHTS[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

/* Value of one code character, or -1 when it is not in the alphabet. */
static int uscc_value(char c) {
  const char *p = c ? strchr(USCC_ALPHABET, c) : NULL;
  return p ? (int)(p - USCC_ALPHABET) : -1;
}

char uscc_check_char(const char *code) {
  int sum = 0;
  for (int i = 0; i < 17; i++) {
    int v = uscc_value(code[i]);
    if (v < 0) return 0;
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - sum % 31) % 31];
}

int uscc_check(const char *code, char *why, size_t n) {
  size_t len = code ? strlen(code) : 0;
  if (len != 18) {
    snprintf(why, n, "a Unified Social Credit Code has 18 characters, this one has %zu", len);
    return -1;
  }
  for (int i = 0; i < 18; i++) {
    if (uscc_value(code[i]) < 0) {
      snprintf(why, n, "character %d ('%c') is not in the GB 32100 alphabet (digits and capitals without I, O, S, V, Z)",
               i + 1, code[i]);
      return -1;
    }
  }
  for (int i = 2; i < 8; i++) {
    if (code[i] < '0' || code[i] > '9') {
      snprintf(why, n, "positions 3-8 are the region code and must be digits; character %d is '%c'", i + 1, code[i]);
      return -1;
    }
  }
  char want = uscc_check_char(code);
  if (code[17] != want) {
    snprintf(why, n, "check character is '%c' but GB 32100 requires '%c'", code[17], want);
    return -1;
  }
  return 0;
}
