/* dsl/bind_text.c — core.text: the terminal width of the text stdlib/format.js measures most,
 * counted in C (its per-character loop in the script was a third of the reminder job's table
 * format, issue 17). format.js keeps the width rules (charWidth); this counts only what needs
 * none of them. */
#include "dsl/bind_core.h"
#include "dsl/host.h"

#include <string.h>

/* core.text.plainWidth(text) → the cells text takes when it holds only printable ASCII (one
 * cell each) and CJK Unified Ideographs U+4E00-U+9FFF (two cells each), as format.js's width()
 * counts them; -1 when it holds anything else (width() then measures it) */
static duk_ret_t text_plain_width_js(duk_context *ctx) {
  if (!duk_is_string(ctx, 0)) host_throw(ctx, "invalid", "text", "core.text.plainWidth(text): text must be text");
  duk_size_t n;
  const unsigned char *s = (const unsigned char *)duk_get_lstring(ctx, 0, &n);
  long w = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = s[i];
    if (c >= 0x20 && c < 0x7F) { w++; i++; continue; }
    /* E4 B8 80 (U+4E00) .. E9 BF BF (U+9FFF): three bytes, lead E4-E9 (E4 from B8) */
    if (c >= 0xE4 && c <= 0xE9 && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80 &&
        (c != 0xE4 || s[i + 1] >= 0xB8)) { w += 2; i += 3; continue; }
    duk_push_int(ctx, -1);
    return 1;
  }
  duk_push_number(ctx, (double)w);
  return 1;
}

/* trailing_space(s, n) → the bytes of white space (as \\s matches it: ES5 WhiteSpace and
 * LineTerminator) ending the UTF-8 (CESU-8) text s[0..n), 0 when it ends otherwise */
static size_t trailing_space(const unsigned char *s, size_t n) {
  if (n >= 1 && (s[n - 1] == ' ' || (s[n - 1] >= 9 && s[n - 1] <= 13))) return 1;
  if (n >= 2 && s[n - 2] == 0xC2 && s[n - 1] == 0xA0) return 2; /* U+00A0 */
  if (n < 3) return 0;
  unsigned cp = ((s[n - 3] & 0x0Fu) << 12) | ((s[n - 2] & 0x3Fu) << 6) | (s[n - 1] & 0x3Fu);
  if ((s[n - 3] & 0xF0) != 0xE0 || (s[n - 2] & 0xC0) != 0x80 || (s[n - 1] & 0xC0) != 0x80) return 0;
  int space = cp == 0x1680 || cp == 0x180E || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
              cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
  return space ? 3 : 0;
}

/* core.text.lines(texts, widths, right) → the rows of an aligned table, one line each, joined by
 * LF: texts[r][c] is {t, w} (the cell's text and its cells), each padded with spaces to widths[c]
 * (on the left where right[c]), cells apart by two spaces, each line's trailing white space
 * trimmed (format.table's one-line rows); null when a cell is wider than its column (format.table
 * then cuts it itself) */
static duk_ret_t text_lines_js(duk_context *ctx) {
  const char *fn = "core.text.lines(texts, widths, right)";
  if (!duk_is_array(ctx, 0) || !duk_is_array(ctx, 1) || !duk_is_array(ctx, 2))
    host_throw(ctx, "invalid", "texts", "%s: texts, widths and right must be arrays", fn);
  duk_size_t rows = duk_get_length(ctx, 0), ncols = duk_get_length(ctx, 1);
  if (ncols > 256) host_throw(ctx, "invalid", "widths", "%s: at most 256 columns, got %lu", fn, (unsigned long)ncols);
  long width[256];
  int right[256];
  for (duk_size_t c = 0; c < ncols; c++) {
    duk_get_prop_index(ctx, 1, (duk_uarridx_t)c);
    width[c] = (long)duk_to_number(ctx, -1);
    duk_get_prop_index(ctx, 2, (duk_uarridx_t)c);
    right[c] = duk_to_boolean(ctx, -1);
    duk_pop_2(ctx);
  }
  size_t cap = 4096, used = 0;
  unsigned char *buf = duk_push_dynamic_buffer(ctx, cap); /* on the value stack: freed however this ends */
  duk_idx_t bi = duk_get_top_index(ctx);
  for (duk_size_t r = 0; r < rows; r++) {
    duk_get_prop_index(ctx, 0, (duk_uarridx_t)r);
    if (r) buf[used++] = '\n';
    size_t start = used;
    for (duk_size_t c = 0; c < ncols; c++) {
      duk_get_prop_index(ctx, -1, (duk_uarridx_t)c);
      duk_get_prop_string(ctx, -1, "t");
      duk_get_prop_string(ctx, -2, "w");
      duk_size_t n;
      const char *t = duk_get_lstring(ctx, -2, &n);
      long fill = width[c] - (long)duk_get_number(ctx, -1);
      if (!t || fill < 0) { duk_push_null(ctx); return 1; }
      size_t need = used + n + (size_t)fill + 3;
      if (need > cap) {
        while (cap < need) cap *= 2;
        buf = duk_resize_buffer(ctx, bi, cap);
      }
      if (c) { buf[used++] = ' '; buf[used++] = ' '; }
      if (right[c]) { memset(buf + used, ' ', (size_t)fill); used += (size_t)fill; }
      memcpy(buf + used, t, n);
      used += n;
      if (!right[c]) { memset(buf + used, ' ', (size_t)fill); used += (size_t)fill; }
      duk_pop_3(ctx);
    }
    for (size_t k; (k = trailing_space(buf + start, used - start)) > 0;) used -= k;
    duk_pop(ctx);
  }
  duk_push_lstring(ctx, (const char *)buf, used);
  return 1;
}

static const duk_function_list_entry text_funcs[] = {
  {"plainWidth", text_plain_width_js, 1},
  {"lines", text_lines_js, 3},
  {NULL, NULL, 0}};

void bind_text_open(duk_context *ctx) { bind_core_put_direct(ctx, "text", text_funcs); } /* a table window: not copied per call */
