/* core/xlsx.c — workbooks as .xlsx (libxlsxwriter): a bold header row, frozen, with a filter;
 * dates as real date cells (yyyy-mm-dd), numbers as numbers, text as text. See core/document.h. */
#define _POSIX_C_SOURCE 200809L
#include "core/document.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "core/doclibs.h" /* libxlsxwriter: loaded on first use */

/* Format a message into err; returns -1. */
static int xlsx_fail(char *err, size_t n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, n, fmt, ap);
  va_end(ap);
  return -1;
}

/* Display width of UTF-8 text: a CJK character counts two columns. */
static int xlsx_width(const char *s) {
  int w = 0;
  for (const unsigned char *p = (const unsigned char *)s; p && *p; p++)
    if ((*p & 0xC0) != 0x80) w += *p >= 0xE0 ? 2 : 1;
  return w;
}

/* Copy the file at path to out; 0 or -1. */
static int xlsx_copy(const char *path, FILE *out) {
  FILE *in = fopen(path, "rb");
  if (!in) return -1;
  char buf[65536];
  size_t n;
  int rc = 0;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0)
    if (fwrite(buf, 1, n, out) != n) { rc = -1; break; }
  if (ferror(in)) rc = -1;
  fclose(in);
  return rc;
}

/* Write one sheet's header and rows. */
static int xlsx_sheet(lxw_workbook *wb, const DocSheet *s, lxw_format *bold, lxw_format *date, char *err, size_t n) {
  lxw_worksheet *ws = workbook_add_worksheet(wb, s->name);
  if (!ws) return xlsx_fail(err, n, "sheet name '%s' is not allowed in a workbook (at most 31 characters, none of []:*?/\\, unique)", s->name);
  int *width = calloc((size_t)(s->ncols ? s->ncols : 1), sizeof *width);
  if (!width) return xlsx_fail(err, n, "out of memory");
  for (int c = 0; c < s->ncols; c++) {
    worksheet_write_string(ws, 0, (lxw_col_t)c, s->headers[c], bold);
    width[c] = xlsx_width(s->headers[c]);
  }
  for (int r = 0; r < s->nrows; r++) {
    for (int c = 0; c < s->ncols; c++) {
      const DocCell *cell = &s->cells[(size_t)r * (size_t)s->ncols + (size_t)c];
      lxw_row_t row = (lxw_row_t)(r + 1);
      int w = 0;
      if (cell->type == CELL_TEXT) {
        worksheet_write_string(ws, row, (lxw_col_t)c, cell->text, NULL);
        w = xlsx_width(cell->text);
      } else if (cell->type == CELL_NUMBER) {
        worksheet_write_number(ws, row, (lxw_col_t)c, cell->number, NULL);
        w = 8;
      } else if (cell->type == CELL_DATE) {
        int y, m, d;
        if (!cell->text || sscanf(cell->text, "%4d-%2d-%2d", &y, &m, &d) != 3) {
          free(width);
          return xlsx_fail(err, n, "sheet %s row %d column %s: '%s' is not a date YYYY-MM-DD", s->name, r + 2, s->headers[c],
                           cell->text ? cell->text : "");
        }
        lxw_datetime dt = {y, m, d, 0, 0, 0};
        worksheet_write_datetime(ws, row, (lxw_col_t)c, &dt, date);
        w = 10;
      }
      if (w > width[c]) width[c] = w;
    }
  }
  for (int c = 0; c < s->ncols; c++) worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width[c] > 60 ? 62 : width[c] + 2, NULL);
  free(width);
  worksheet_freeze_panes(ws, 1, 0);
  if (s->ncols) worksheet_autofilter(ws, 0, 0, (lxw_row_t)s->nrows, (lxw_col_t)(s->ncols - 1));
  return 0;
}

int document_xlsx(FILE *out, const DocSheet *sheets, int nsheets, char *err, size_t errlen) {
  if (nsheets < 1) return xlsx_fail(err, errlen, "a workbook needs at least one sheet");
  if (doclibs_load(err, errlen) < 0) return -1;
  const char *dir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
  char path[4096];
  snprintf(path, sizeof path, "%s/certsh-xlsx-XXXXXX", dir);
  int fd = mkstemp(path);
  if (fd < 0) return xlsx_fail(err, errlen, "cannot make a temporary file in %s", dir);
  close(fd);
  lxw_workbook_options opt = {0};
  opt.tmpdir = (char *)dir;
  lxw_workbook *wb = workbook_new_opt(path, &opt);
  if (!wb) { unlink(path); return xlsx_fail(err, errlen, "cannot start a workbook at %s", path); }
  lxw_format *bold = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_bg_color(bold, 0xE8E8E8);
  lxw_format *date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd");
  int rc = 0;
  for (int i = 0; i < nsheets && rc == 0; i++) rc = xlsx_sheet(wb, &sheets[i], bold, date, err, errlen);
  lxw_error e = workbook_close(wb);
  if (rc == 0 && e != LXW_NO_ERROR) rc = xlsx_fail(err, errlen, "writing the workbook: %s", lxw_strerror(e));
  if (rc == 0 && xlsx_copy(path, out) < 0) rc = xlsx_fail(err, errlen, "copying the workbook to the output failed");
  unlink(path);
  return rc;
}
