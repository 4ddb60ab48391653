/* core/uscc.h — Unified Social Credit Codes (GB 32100-2015). */
#ifndef CERTSH_CORE_USCC_H
#define CERTSH_CORE_USCC_H
#include <stddef.h>
/* 0 when code is well formed with the right check character; otherwise -1 and a sentence in
 * why (naming the position at fault). */
int uscc_check(const char *code, char *why, size_t why_size);
/* The check character the first 17 characters call for, or 0 when they are not well formed. */
char uscc_check_char(const char *code17);
#endif
