/* repl/export_xlsx.c — `certsh export KIND --format xlsx FILE`: the rows of an export as one
 * .xlsx sheet (core/xlsx.c), dates as date cells, numbers as numbers, headers in English and
 * Chinese. Reads only. */
#define _POSIX_C_SOURCE 200809L
#include "repl/transfer.h"
#include "core/document.h"

#include <stdlib.h>
#include <string.h>

/* The columns of the exports that hold dates (written as date cells). */
static const char *const DATE_COLUMNS[] = {"issued", "expires", "status_date", "status_until", "valid_from", "valid_to", NULL};

/* 1 when column name holds dates. */
static int xlsx_is_date(const char *name) {
  for (const char *const *d = DATE_COLUMNS; *d; d++)
    if (!strcmp(*d, name)) return 1;
  return 0;
}

long export_xlsx(Db *db, sqlite3_stmt *st, int kind, FILE *f) {
  int ncol = sqlite3_column_count(st);
  size_t cap = 1024, n = 0;
  DocCell *cells = malloc(cap * sizeof *cells);
  char **heads = calloc((size_t)ncol + 1, sizeof *heads);
  long rows = 0;
  int rc = cells && heads ? SQLITE_ROW : SQLITE_NOMEM;
  for (int c = 0; heads && c < ncol; c++) heads[c] = strdup(transfer_heading(kind, sqlite3_column_name(st, c)));
  while (rc == SQLITE_ROW && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (n + (size_t)ncol > cap) {
      DocCell *more = realloc(cells, (cap *= 2) * sizeof *cells);
      if (!more) { rc = SQLITE_NOMEM; break; }
      cells = more;
    }
    for (int c = 0; c < ncol; c++, n++) {
      DocCell *cell = &cells[n];
      int t = sqlite3_column_type(st, c);
      memset(cell, 0, sizeof *cell);
      if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) { cell->type = CELL_NUMBER; cell->number = sqlite3_column_double(st, c); }
      else if (t != SQLITE_NULL) {
        cell->text = strdup((const char *)sqlite3_column_text(st, c));
        cell->type = xlsx_is_date(sqlite3_column_name(st, c)) ? CELL_DATE : CELL_TEXT;
      }
    }
    rows++;
  }
  long out = -1;
  if (rc == SQLITE_NOMEM) db_fail(db, "nomem", "", "export: out of memory");
  else if (rc != SQLITE_DONE) db_fail_sql(db, "export");
  else {
    DocSheet sheet = {TRANSFER_KINDS[kind].name, (const char *const *)heads, ncol, cells, (int)rows};
    char err[512];
    if (document_xlsx(f, &sheet, 1, err, sizeof err) < 0) db_fail(db, "io", "", "export: %s", err);
    else out = rows;
  }
  for (size_t i = 0; cells && i < n; i++) free((char *)cells[i].text);
  for (int c = 0; heads && c < ncol; c++) free(heads[c]);
  free(cells);
  free(heads);
  return out;
}
