/* dsl/bind_text.c — core.text: format.table's passes over a window in C, measuring its cells and
 * aligning its rows (in the script they were most of the reminder job's table format, issue 17).
 * format.js keeps the width rules (charWidth): this counts only the text that needs none of them
 * (printable ASCII and CJK ideographs) and hands the rest back to it. */
#include "dsl/bind_core.h"
#include "dsl/host.h"

#include <string.h>

/* The columns core.text.lines aligns (its widths kept on the C stack); a wider table is
 * format.table's own loop's. */
#define TEXT_MAX_COLUMNS 256

/* plain_width(s, n, ascii) → plainWidth's count of the bytes s[0..n), -1 when they hold anything
 * but printable ASCII and CJK Unified Ideographs; *ascii: 1 when only ASCII */
static long plain_width(const unsigned char *s, size_t n, int *ascii) {
  long w = 0;
  *ascii = 1;
  for (size_t i = 0; i < n;) {
    unsigned char c = s[i];
    if (c >= 0x20 && c < 0x7F) { w++; i++; continue; }
    /* E4 B8 80 (U+4E00) .. E9 BF BF (U+9FFF): three bytes, lead E4-E9 (E4 from B8) */
    if (c >= 0xE4 && c <= 0xE9 && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80 &&
        (c != 0xE4 || s[i + 1] >= 0xB8)) { w += 2; i += 3; *ascii = 0; continue; }
    return -1;
  }
  return w;
}

/* core.text.plainWidth(text) → the cells text takes when it holds only printable ASCII (one
 * cell each) and CJK Unified Ideographs U+4E00-U+9FFF (two cells each), as format.js's width()
 * counts them; -1 when it holds anything else (width() then measures it) */
static duk_ret_t text_plain_width_js(duk_context *ctx) {
  if (!duk_is_string(ctx, 0)) host_throw(ctx, "invalid", "text", "core.text.plainWidth(text): text must be text");
  duk_size_t n;
  const unsigned char *s = (const unsigned char *)duk_get_lstring(ctx, 0, &n);
  int ascii;
  duk_push_number(ctx, (double)plain_width(s, n, &ascii));
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
 * trimmed (format.table's one-line rows); null when a cell is wider than its column or there are
 * more than TEXT_MAX_COLUMNS columns (format.table then does it itself) */
static duk_ret_t text_lines_js(duk_context *ctx) {
  const char *fn = "core.text.lines(texts, widths, right)";
  if (!duk_is_array(ctx, 0) || !duk_is_array(ctx, 1) || !duk_is_array(ctx, 2))
    host_throw(ctx, "invalid", "texts", "%s: texts, widths and right must be arrays", fn);
  duk_size_t rows = duk_get_length(ctx, 0), ncols = duk_get_length(ctx, 1);
  if (ncols > TEXT_MAX_COLUMNS) { duk_push_null(ctx); return 1; } /* format.table aligns a wider table itself */
  long width[TEXT_MAX_COLUMNS];
  int right[TEXT_MAX_COLUMNS];
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

/* push_cleaned(ctx, idx): push the text at idx with each run of CR, LF and tab made one space */
static void push_cleaned(duk_context *ctx, duk_idx_t idx) {
  duk_size_t n;
  const char *s = duk_get_lstring(ctx, idx, &n);
  if (!memchr(s, '\n', n) && !memchr(s, '\r', n) && !memchr(s, '\t', n)) { duk_dup(ctx, idx); return; }
  char *out = duk_push_fixed_buffer(ctx, n);
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    int run = s[i] == '\n' || s[i] == '\r' || s[i] == '\t';
    if (!run) out[o++] = s[i];
    else if (!(i && (s[i - 1] == '\n' || s[i - 1] == '\r' || s[i - 1] == '\t'))) out[o++] = ' '; /* a run's first */
  }
  duk_push_lstring(ctx, out, o);
  duk_remove(ctx, -2);
}

/* A column's last text in core.text.measure: the interned string, its entry, the entry's w and whole. */
typedef struct LastCell { void *raw, *entry; double w; int whole; } LastCell;

/* core.text.measure(rows, keys, widths, right, whole, cellText, judge) → texts: format.table's
 * measuring pass over a window. texts[r][c] is the entry {t, w, whole} of rows[r][keys[c]]'s text,
 * one per distinct text: a string as it is, a number as String(n), anything else as cellText(v);
 * t that text with each run of CR, LF and tab one space, w its cells, whole: never to be cut
 * (empty, or at most 48 characters of one cell each and no white space). Printable ASCII and CJK
 * are measured here, any other text by judge(t) → its entry. widths[c] grows to the widest w,
 * right[c] turns false at a value neither a number nor null/undefined, whole[c] false at a
 * text not whole (all three changed in place). */
static duk_ret_t text_measure_js(duk_context *ctx) {
  const char *fn = "core.text.measure(rows, keys, widths, right, whole, cellText, judge)";
  for (duk_idx_t i = 0; i < 5; i++)
    if (!duk_is_array(ctx, i)) host_throw(ctx, "invalid", "rows", "%s: rows, keys, widths, right and whole must be arrays", fn);
  if (!duk_is_function(ctx, 5) || !duk_is_function(ctx, 6)) host_throw(ctx, "invalid", "cellText", "%s: cellText and judge must be functions", fn);
  duk_size_t rows = duk_get_length(ctx, 0), ncols = duk_get_length(ctx, 1);
  duk_push_array(ctx); /* 7: texts */
  duk_push_bare_object(ctx); /* 8: known, by the text itself */
  /* 9: each column's width, and whether it is still right-aligned and whole, kept here while the
   * window is measured and written back to widths, right and whole at the end (issue 17: read
   * and written through the arrays at every cell, a third of the pass) */
  double *width = duk_push_fixed_buffer(ctx, ncols * (sizeof(double) + 2) + 1);
  unsigned char *right = (unsigned char *)(width + ncols), *whole = right + ncols;
  /* 10: each column's last text and its entry. A window comes sorted by date, so a column's text
   * (its date, state, rule) often repeats from the row before: found again by the interned
   * string's pointer, without a lookup in known, which keeps every text and entry alive */
  LastCell *last = duk_push_fixed_buffer(ctx, ncols * sizeof *last + 1);
  memset(last, 0, ncols * sizeof *last);
  duk_idx_t key0 = duk_get_top(ctx); /* key0 + c: keys[c] */
  duk_require_stack(ctx, (duk_idx_t)ncols + 16);
  for (duk_size_t c = 0; c < ncols; c++) {
    duk_get_prop_index(ctx, 2, (duk_uarridx_t)c);
    width[c] = duk_to_number(ctx, -1);
    duk_get_prop_index(ctx, 3, (duk_uarridx_t)c);
    right[c] = (unsigned char)duk_to_boolean(ctx, -1);
    duk_get_prop_index(ctx, 4, (duk_uarridx_t)c);
    whole[c] = (unsigned char)duk_to_boolean(ctx, -1);
    duk_pop_3(ctx);
    duk_get_prop_index(ctx, 1, (duk_uarridx_t)c);
  }
  duk_idx_t row = key0 + (duk_idx_t)ncols, line = row + 1; /* each row, and its line of entries */
  for (duk_size_t r = 0; r < rows; r++) {
    duk_get_prop_index(ctx, 0, (duk_uarridx_t)r); /* row */
    duk_push_array(ctx); /* line */
    for (duk_size_t c = 0; c < ncols; c++) {
      duk_dup(ctx, key0 + (duk_idx_t)c);
      duk_get_prop(ctx, row); /* v */
      int number = duk_is_number(ctx, -1), absent = duk_is_null_or_undefined(ctx, -1);
      if (duk_is_string(ctx, -1)) duk_dup_top(ctx);
      else if (number) { duk_dup_top(ctx); duk_to_string(ctx, -1); }
      else { duk_dup(ctx, 5); duk_dup(ctx, -2); duk_call(ctx, 1); duk_to_string(ctx, -1); } /* raw */
      double ew = 0;
      int ewhole = 1, known = 0;
      void *raw = duk_get_heapptr(ctx, -1);
      if (raw == last[c].raw) { /* the text of this column's row before */
        duk_push_heapptr(ctx, last[c].entry);
        ew = last[c].w;
        ewhole = last[c].whole;
      } else if (duk_dup_top(ctx), !duk_get_prop(ctx, 8)) { /* a text not seen in this window: its entry */
        duk_pop(ctx);
        push_cleaned(ctx, -1); /* t */
        duk_size_t n;
        const unsigned char *t = (const unsigned char *)duk_get_lstring(ctx, -1, &n);
        int ascii;
        long w = plain_width(t, n, &ascii);
        if (w < 0) {
          duk_dup(ctx, 6);
          duk_swap_top(ctx, -2);
          duk_call(ctx, 1); /* judge(t) → entry */
          known = 1; /* its w and whole read below */
        } else { /* printable ASCII (a character a byte) or CJK: whole when empty, or short ASCII with no space */
          ew = (double)w;
          ewhole = n == 0 || (ascii && n <= 48 && !memchr(t, ' ', n));
          duk_push_object(ctx);
          duk_swap_top(ctx, -2);
          duk_put_prop_literal(ctx, -2, "t");
          duk_push_number(ctx, ew);
          duk_put_prop_literal(ctx, -2, "w");
          duk_push_boolean(ctx, ewhole);
          duk_put_prop_literal(ctx, -2, "whole");
        }
        duk_dup(ctx, -2); /* raw */
        duk_dup(ctx, -2); /* entry */
        duk_put_prop(ctx, 8);
      } else known = 1;
      if (known) {
        duk_get_prop_literal(ctx, -1, "whole");
        ewhole = duk_to_boolean(ctx, -1);
        duk_get_prop_literal(ctx, -2, "w");
        ew = duk_to_number(ctx, -1);
        duk_pop_2(ctx);
      }
      if (raw != last[c].raw) last[c] = (LastCell){raw, duk_get_heapptr(ctx, -1), ew, ewhole};
      /* row line v raw entry */
      if (!number && !absent) right[c] = 0;
      if (!ewhole) whole[c] = 0;
      if (ew > width[c]) width[c] = ew;
      duk_put_prop_index(ctx, line, (duk_uarridx_t)c); /* line[c] = entry */
      duk_pop_2(ctx); /* raw, v */
    }
    duk_put_prop_index(ctx, 7, (duk_uarridx_t)r);
    duk_pop(ctx); /* row */
  }
  for (duk_size_t c = 0; c < ncols; c++) { /* what changed, written back */
    duk_get_prop_index(ctx, 2, (duk_uarridx_t)c);
    int grew = width[c] > duk_to_number(ctx, -1);
    duk_pop(ctx);
    if (grew) { duk_push_number(ctx, width[c]); duk_put_prop_index(ctx, 2, (duk_uarridx_t)c); }
    if (!right[c]) { duk_push_false(ctx); duk_put_prop_index(ctx, 3, (duk_uarridx_t)c); }
    if (!whole[c]) { duk_push_false(ctx); duk_put_prop_index(ctx, 4, (duk_uarridx_t)c); }
  }
  duk_pop_n(ctx, (duk_idx_t)ncols + 3); /* keys, the last cells, the columns' buffer, known */
  return 1;
}

static const duk_function_list_entry text_funcs[] = {
  {"measure", text_measure_js, 7},
  {"plainWidth", text_plain_width_js, 1},
  {"lines", text_lines_js, 3},
  {NULL, NULL, 0}};

void bind_text_open(duk_context *ctx) { bind_core_put_direct(ctx, "text", text_funcs); } /* a table window: not copied per call */
