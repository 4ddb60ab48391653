/* dsl/bind_document.c — the `document` global: write the documents stdlib/documents.js
 * composes as PDF or .xlsx (core/document.h) to the command's output (standard output or the
 * file named by -o), the only file a script may write; one document per run, never to a
 * terminal. */
#include "dsl/bind.h"
#include "core/document.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const PAGE_TEXTS[] = {"header", "title", "subtitle", "qr", "qrCaption", "footer", NULL};

/* Check that the output can take a binary document once; throws otherwise. */
static FILE *doc_output(duk_context *ctx, const char *fn) {
  FILE *out = host_of(ctx)->out;
  if (isatty(fileno(out)))
    host_throw(ctx, "usage", "output", "%s: will not write a binary document to a terminal; give the output file with -o FILE", fn);
  duk_push_global_stash(ctx);
  int written = duk_get_prop_string(ctx, -1, "documentWritten") && duk_to_boolean(ctx, -1);
  duk_pop_2(ctx);
  if (written) host_throw(ctx, "refused", "output", "%s: this run has written its document already: one document per output", fn);
  return out;
}

/* Mark the output as used. */
static void doc_written(duk_context *ctx) {
  duk_push_global_stash(ctx);
  duk_push_true(ctx);
  duk_put_prop_string(ctx, -2, "documentWritten");
  duk_pop(ctx);
}

/* Push property key of the object at obj as UTF-8 text (undefined/null: pushes nothing, 0);
 * 1 when pushed; throws when it is not text. */
static int doc_push_text(duk_context *ctx, duk_idx_t obj, const char *key, const char *where, const char *fn) {
  duk_get_prop_string(ctx, obj, key);
  if (duk_is_null_or_undefined(ctx, -1)) { duk_pop(ctx); return 0; }
  if (!duk_is_string(ctx, -1)) host_throw(ctx, "invalid", key, "%s: %s.%s must be text, got %s", fn, where, key, duk_safe_to_string(ctx, -1));
  bind_text(ctx, -1, key, fn);
  return 1;
}

/* Push the number of elements of list key (an array of text, or of {label, value} when pairs),
 * then each element as text. */
static void doc_push_list(duk_context *ctx, duk_idx_t obj, const char *key, int pairs, const char *fn) {
  duk_get_prop_string(ctx, obj, key);
  if (duk_is_undefined(ctx, -1)) { duk_pop(ctx); duk_push_int(ctx, 0); return; }
  if (!duk_is_array(ctx, -1)) host_throw(ctx, "invalid", key, "%s: %s must be a list", fn, key);
  duk_idx_t arr = duk_get_top_index(ctx);
  int n = (int)duk_get_length(ctx, arr);
  duk_require_stack(ctx, n * 2 + 8);
  duk_push_int(ctx, n);
  for (int i = 0; i < n; i++) {
    duk_get_prop_index(ctx, arr, (duk_uarridx_t)i);
    duk_idx_t el = duk_get_top_index(ctx);
    if (pairs) {
      if (!duk_is_object(ctx, el)) host_throw(ctx, "invalid", key, "%s: %s[%d] must be {label, value}", fn, key, i);
      if (!doc_push_text(ctx, el, "label", key, fn)) duk_push_string(ctx, "");
      if (!doc_push_text(ctx, el, "value", key, fn)) duk_push_string(ctx, "");
    } else {
      if (!duk_is_string(ctx, el)) host_throw(ctx, "invalid", key, "%s: %s[%d] must be text", fn, key, i);
      duk_dup(ctx, el);
      bind_text(ctx, -1, key, fn);
    }
    duk_remove(ctx, el);
  }
  duk_remove(ctx, arr);
}

/* document.pdf(pages) → the number of pages written: each page {header, title, subtitle,
 * lines: [{label, value}], paragraphs: [text], notes: [text], qr, qrCaption, footer} */
static duk_ret_t document_pdf_js(duk_context *ctx) {
  static const char fn[] = "document.pdf(pages)";
  if (!duk_is_array(ctx, 0) || duk_get_length(ctx, 0) == 0) host_throw(ctx, "invalid", "pages", "%s: pages must be a non-empty list", fn);
  FILE *out = doc_output(ctx, fn);
  duk_size_t len = duk_get_length(ctx, 0);
  if (len > 100000) host_throw(ctx, "invalid", "pages", "%s: at most 100000 pages in one document, got %lu", fn, (unsigned long)len);
  int np = (int)len;
  /* first push every text, in page order, so that nothing can throw once memory is held:
   * for each page its texts (a 0/1 flag each, then the text when there is one), then three
   * lists, each its count and its elements */
  duk_require_stack(ctx, np * 16 + 8);
  duk_idx_t base = duk_get_top(ctx);
  for (int i = 0; i < np; i++) {
    duk_get_prop_index(ctx, 0, (duk_uarridx_t)i);
    duk_idx_t page = duk_get_top_index(ctx);
    if (!duk_is_object(ctx, page)) host_throw(ctx, "invalid", "pages", "%s: pages[%d] must be an object", fn, i);
    duk_enum(ctx, page, DUK_ENUM_OWN_PROPERTIES_ONLY);
    while (duk_next(ctx, -1, 0)) {
      const char *k = duk_get_string(ctx, -1);
      int ok = !strcmp(k, "lines") || !strcmp(k, "paragraphs") || !strcmp(k, "notes");
      for (const char *const *t = PAGE_TEXTS; *t && !ok; t++) ok = !strcmp(k, *t);
      if (!ok) host_throw(ctx, "invalid", k, "%s: pages[%d] has an unknown field '%s' (known: header, title, subtitle, lines, paragraphs, notes, qr, qrCaption, footer)", fn, i, k);
      duk_pop(ctx);
    }
    duk_pop(ctx);
    duk_remove(ctx, page);
    duk_get_prop_index(ctx, 0, (duk_uarridx_t)i);
    page = duk_get_top_index(ctx);
    for (const char *const *t = PAGE_TEXTS; *t; t++) {
      int had = doc_push_text(ctx, page, *t, "page", fn);
      duk_push_int(ctx, had);
      if (had) duk_swap_top(ctx, -2); /* the flag first, then the text */
    }
    doc_push_list(ctx, page, "lines", 1, fn); /* each list: its count, then its elements */
    doc_push_list(ctx, page, "paragraphs", 0, fn);
    doc_push_list(ctx, page, "notes", 0, fn);
    duk_remove(ctx, page);
  }
  /* then read them back into C arrays (pointers into the value stack) */
  duk_idx_t top = duk_get_top(ctx);
  DocPage *pages = calloc(len, sizeof *pages);
  size_t nstr = (size_t)(top - base);
  DocLine *lines = calloc(nstr + 1, sizeof *lines);
  const char **texts = calloc(nstr + 1, sizeof *texts);
  if (!pages || !lines || !texts) { free(pages); free(lines); free(texts); host_throw(ctx, "nomem", "", "%s: out of memory", fn); }
  /* walk the stack from base in the order it was pushed */
  duk_idx_t at = base;
  DocLine *lp = lines;
  const char **tp = texts;
  for (int i = 0; i < np; i++) {
    DocPage *p = &pages[i];
    const char **fields[] = {&p->header, &p->title, &p->subtitle, &p->qr, &p->qr_caption, &p->footer};
    for (int k = 0; k < 6; k++) {
      int had = duk_get_int(ctx, at++);
      *fields[k] = had ? duk_get_string(ctx, at++) : NULL;
    }
    for (int list = 0; list < 3; list++) {
      int n = duk_get_int(ctx, at++);
      if (list == 0) {
        p->lines = lp;
        p->nlines = n;
        for (int j = 0; j < n; j++, lp++) { lp->label = duk_get_string(ctx, at++); lp->value = duk_get_string(ctx, at++); }
      } else {
        if (list == 1) { p->paragraphs = tp; p->nparagraphs = n; } else { p->notes = tp; p->nnotes = n; }
        for (int j = 0; j < n; j++) *tp++ = duk_get_string(ctx, at++);
      }
    }
  }
  char err[512] = "";
  int rc = document_pdf(out, pages, np, err, sizeof err);
  free(pages);
  free(lines);
  free(texts);
  if (rc < 0) host_throw(ctx, "document", "pages", "%s: %s", fn, err);
  doc_written(ctx);
  duk_set_top(ctx, base);
  duk_push_int(ctx, np);
  return 1;
}

/* The column type named by the text at idx: text, number or date. */
static DocCellType doc_column_type(duk_context *ctx, duk_idx_t idx, const char *sheet, int c, const char *fn) {
  const char *t = duk_is_string(ctx, idx) ? duk_get_string(ctx, idx) : "";
  if (!strcmp(t, "text")) return CELL_TEXT;
  if (!strcmp(t, "number")) return CELL_NUMBER;
  if (!strcmp(t, "date")) return CELL_DATE;
  host_throw(ctx, "invalid", "types", "%s: sheet %s column %d: type must be text, number or date, got %s", fn, sheet, c + 1,
             duk_safe_to_string(ctx, idx));
}

/* document.xlsx(sheets) → the number of rows written: each sheet {name, headers: [text],
 * types: ['text'|'number'|'date'], rows: [[value]]}; a date column's cells are 'YYYY-MM-DD'
 * written as date cells, null or '' an empty cell */
static duk_ret_t document_xlsx_js(duk_context *ctx) {
  static const char fn[] = "document.xlsx(sheets)";
  if (!duk_is_array(ctx, 0) || duk_get_length(ctx, 0) == 0 || duk_get_length(ctx, 0) > 255)
    host_throw(ctx, "invalid", "sheets", "%s: sheets must be a list of 1 to 255 sheets", fn);
  FILE *out = doc_output(ctx, fn);
  int ns = (int)duk_get_length(ctx, 0);
  size_t ncells = 0, nheads = 0;
  /* first check every sheet and convert its texts to UTF-8 in place (nothing throws later) */
  for (int i = 0; i < ns; i++) {
    duk_get_prop_index(ctx, 0, (duk_uarridx_t)i);
    duk_idx_t sh = duk_get_top_index(ctx);
    if (!duk_is_object(ctx, sh)) host_throw(ctx, "invalid", "sheets", "%s: sheets[%d] must be an object", fn, i);
    duk_get_prop_string(ctx, sh, "name");
    if (!duk_is_string(ctx, -1)) host_throw(ctx, "invalid", "name", "%s: sheets[%d].name must be text", fn, i);
    bind_text(ctx, -1, "name", fn);
    duk_put_prop_string(ctx, sh, "name");
    duk_get_prop_string(ctx, sh, "name");
    const char *name = duk_get_string(ctx, -1);
    duk_get_prop_string(ctx, sh, "headers");
    duk_get_prop_string(ctx, sh, "types");
    duk_get_prop_string(ctx, sh, "rows");
    duk_idx_t hd = sh + 2, ty = sh + 3, rows = sh + 4;
    if (!duk_is_array(ctx, hd) || !duk_is_array(ctx, ty) || !duk_is_array(ctx, rows) || duk_get_length(ctx, hd) != duk_get_length(ctx, ty) ||
        duk_get_length(ctx, hd) == 0 || duk_get_length(ctx, hd) > 16384 || duk_get_length(ctx, rows) > 1000000)
      host_throw(ctx, "invalid", "headers", "%s: sheet %s needs headers and types of the same length (1 to 16384) and rows (at most 1000000)", fn, name);
    int nc = (int)duk_get_length(ctx, hd), nr = (int)duk_get_length(ctx, rows);
    for (int c = 0; c < nc; c++) {
      duk_get_prop_index(ctx, hd, (duk_uarridx_t)c);
      if (!duk_is_string(ctx, -1)) host_throw(ctx, "invalid", "headers", "%s: sheet %s header %d must be text", fn, name, c + 1);
      bind_text(ctx, -1, "headers", fn);
      duk_put_prop_index(ctx, hd, (duk_uarridx_t)c);
      duk_get_prop_index(ctx, ty, (duk_uarridx_t)c);
      doc_column_type(ctx, -1, name, c, fn);
      duk_pop(ctx);
    }
    for (int r = 0; r < nr; r++) {
      duk_get_prop_index(ctx, rows, (duk_uarridx_t)r);
      if (!duk_is_array(ctx, -1) || (int)duk_get_length(ctx, -1) != nc)
        host_throw(ctx, "invalid", "rows", "%s: sheet %s row %d must have %d cells", fn, name, r + 2, nc);
      for (int c = 0; c < nc; c++) {
        duk_get_prop_index(ctx, -1, (duk_uarridx_t)c);
        if (duk_is_string(ctx, -1)) {
          bind_text(ctx, -1, "rows", fn);
          duk_put_prop_index(ctx, -2, (duk_uarridx_t)c);
        } else if (!duk_is_null_or_undefined(ctx, -1) && !duk_is_number(ctx, -1) && !duk_is_boolean(ctx, -1)) {
          host_throw(ctx, "invalid", "rows", "%s: sheet %s row %d column %d must be text, a number or null", fn, name, r + 2, c + 1);
        } else {
          duk_pop(ctx);
        }
      }
      duk_pop(ctx);
    }
    ncells += (size_t)nc * (size_t)nr;
    nheads += (size_t)nc;
    duk_set_top(ctx, sh);
  }
  /* then the C arrays: the strings stay reachable from the argument, which nothing changes now */
  DocSheet *sheets = calloc(duk_get_length(ctx, 0), sizeof *sheets);
  DocCell *cells = calloc(ncells + 1, sizeof *cells);
  const char **heads = calloc(nheads + 1, sizeof *heads);
  if (!sheets || !cells || !heads) { free(sheets); free(cells); free(heads); host_throw(ctx, "nomem", "", "%s: out of memory", fn); }
  DocCell *cp = cells;
  const char **hp = heads;
  long total = 0;
  for (int i = 0; i < ns; i++) {
    duk_get_prop_index(ctx, 0, (duk_uarridx_t)i);
    duk_idx_t sh = duk_get_top_index(ctx);
    duk_get_prop_string(ctx, sh, "name");
    duk_get_prop_string(ctx, sh, "headers");
    duk_get_prop_string(ctx, sh, "types");
    duk_get_prop_string(ctx, sh, "rows");
    DocSheet *s = &sheets[i];
    s->name = duk_get_string(ctx, sh + 1);
    s->ncols = (int)duk_get_length(ctx, sh + 2);
    s->nrows = (int)duk_get_length(ctx, sh + 4);
    s->headers = hp;
    s->cells = cp;
    DocCellType types[16384];
    for (int c = 0; c < s->ncols; c++) {
      duk_get_prop_index(ctx, sh + 2, (duk_uarridx_t)c);
      *hp++ = duk_get_string(ctx, -1);
      duk_pop(ctx);
      duk_get_prop_index(ctx, sh + 3, (duk_uarridx_t)c);
      const char *t = duk_get_string(ctx, -1);
      types[c] = !strcmp(t, "number") ? CELL_NUMBER : !strcmp(t, "date") ? CELL_DATE : CELL_TEXT;
      duk_pop(ctx);
    }
    for (int r = 0; r < s->nrows; r++) {
      duk_get_prop_index(ctx, sh + 4, (duk_uarridx_t)r);
      for (int c = 0; c < s->ncols; c++, cp++) {
        duk_get_prop_index(ctx, -1, (duk_uarridx_t)c);
        if (duk_is_number(ctx, -1)) { cp->type = CELL_NUMBER; cp->number = duk_get_number(ctx, -1); }
        else if (duk_is_boolean(ctx, -1)) { cp->type = CELL_TEXT; cp->text = duk_get_boolean(ctx, -1) ? "是" : "否"; }
        else if (duk_is_string(ctx, -1) && *duk_get_string(ctx, -1)) { cp->type = types[c] == CELL_DATE ? CELL_DATE : CELL_TEXT; cp->text = duk_get_string(ctx, -1); }
        else cp->type = CELL_EMPTY;
        duk_pop(ctx);
      }
      duk_pop(ctx);
    }
    total += s->nrows;
    duk_set_top(ctx, sh);
  }
  char err[512] = "";
  int rc = document_xlsx(out, sheets, ns, err, sizeof err);
  free(sheets);
  free(cells);
  free(heads);
  if (rc < 0) host_throw(ctx, "document", "sheets", "%s: %s", fn, err);
  doc_written(ctx);
  duk_push_number(ctx, (double)total);
  return 1;
}

static const duk_function_list_entry document_funcs[] = {
  {"pdf", document_pdf_js, 1},
  {"xlsx", document_xlsx_js, 1},
  {NULL, NULL, 0}};

void bind_document_open(duk_context *ctx) { bind_namespace(ctx, "document", document_funcs); }
