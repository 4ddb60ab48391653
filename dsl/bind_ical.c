/* dsl/bind_ical.c — core.ical: iCalendar's line folding (RFC 5545 §3.1) counted in the UTF-8
 * octets it is written in, and its TEXT escaping, for stdlib/ical.js (a loop per character and
 * four regular expressions per value in the script were most of the reminder job's --format ics,
 * issue 17). */
#include "dsl/bind_core.h"
#include "dsl/host.h"

#include <stdlib.h>

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

/* core.ical.fold(line) → the content line folded: at most 75 octets a line, continuations begin
 * with a space, lines joined by CRLF; a character (a surrogate pair too) is never split */
static duk_ret_t ical_fold_js(duk_context *ctx) {
  if (!duk_is_string(ctx, 0)) host_throw(ctx, "invalid", "line", "core.ical.fold(line): line must be text");
  duk_size_t n;
  const unsigned char *s = (const unsigned char *)host_get_utf8(ctx, 0, &n);
  size_t breaks = n / 64 + 2; /* a line breaks only once it holds 72 octets or more (a character is at most 4) */
  unsigned char *out = duk_push_fixed_buffer(ctx, n + 3 * breaks);
  size_t o = 0, used = 0;
  for (size_t i = 0; i < n;) {
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
  host_push_text(ctx, (const char *)out, o);
  return 1;
}

/* core.ical.text(value) → value escaped as an iCalendar TEXT (RFC 5545 §3.3.11): backslash,
 * semicolon and comma behind a backslash, a line end (LF or CRLF) as \\n */
static duk_ret_t ical_text_js(duk_context *ctx) {
  if (!duk_is_string(ctx, 0)) host_throw(ctx, "invalid", "value", "core.ical.text(value): value must be text");
  duk_size_t n;
  const char *s = duk_get_lstring(ctx, 0, &n); /* the escaped bytes are ASCII: CESU-8 passes through */
  char *out = duk_push_fixed_buffer(ctx, 2 * n + 1);
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
  duk_push_lstring(ctx, out, o);
  return 1;
}

static const duk_function_list_entry ical_funcs[] = {
  {"fold", ical_fold_js, 1},
  {"text", ical_text_js, 1},
  {NULL, NULL, 0}};

void bind_ical_open(duk_context *ctx) { bind_core_put(ctx, "ical", ical_funcs); }
