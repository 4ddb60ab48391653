/* core/document.h — the documents a body sends out, typeset: certificates and letters as PDF
 * (cairo + pango, a Noto CJK font, a QR code by libqrencode), and workbooks as .xlsx
 * (libxlsxwriter). What goes on them is decided by the caller (stdlib/documents.js); this file
 * only lays the text out. No Duktape here. */
#ifndef CERTSH_CORE_DOCUMENT_H
#define CERTSH_CORE_DOCUMENT_H

#include <stddef.h>
#include <stdio.h>

/* One label and its value, a row of a certificate or of a letter's particulars. */
typedef struct DocLine {
  const char *label;
  const char *value;
} DocLine;

/* One page (a long letter flows on to further pages); every text is UTF-8, NULL for none. */
typedef struct DocPage {
  const char *header;                 /* the body's name, at the top */
  const char *title;                  /* e.g. 服务认证证书, 暂停认证证书通知书 */
  const char *subtitle;               /* e.g. the edition of a reissued certificate */
  const DocLine *lines; int nlines;   /* the particulars, in order */
  const char *const *paragraphs; int nparagraphs; /* running text (letters) */
  const char *const *notes; int nnotes;           /* small print at the foot */
  const char *qr;                     /* text of the QR code (the public register URL) */
  const char *qr_caption;             /* under the QR code */
  const char *footer;                 /* the body's address and contacts */
} DocPage;

/* Write pages as one PDF (A4) to out. 0, or -1 with a message in err. */
int document_pdf(FILE *out, const DocPage *pages, int npages, char *err, size_t errlen);

/* A cell of a workbook: text, a number, or a date 'YYYY-MM-DD' written as a date cell. */
typedef enum DocCellType { CELL_EMPTY = 0, CELL_TEXT, CELL_NUMBER, CELL_DATE } DocCellType;
typedef struct DocCell {
  DocCellType type;
  const char *text; /* CELL_TEXT, CELL_DATE */
  double number;    /* CELL_NUMBER */
} DocCell;

/* One sheet: its name, its header row, and rows of ncols cells each (row-major). */
typedef struct DocSheet {
  const char *name;
  const char *const *headers; int ncols;
  const DocCell *cells; int nrows;
} DocSheet;

/* Write the sheets as one .xlsx workbook to out. 0, or -1 with a message in err. */
int document_xlsx(FILE *out, const DocSheet *sheets, int nsheets, char *err, size_t errlen);

#endif
