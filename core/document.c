/* core/document.c — certificates and letters as PDF: cairo draws, pango shapes and breaks the
 * text (a Noto CJK font from fonts-noto-cjk, embedded as a subset), libqrencode makes the QR
 * code that points to the certificate's public entry. See core/document.h. */
#include "core/document.h"

#include "core/doclibs.h" /* cairo, pango, fontconfig, libqrencode: loaded on first use */

#include <stdarg.h>
#include <string.h>

#define PAGE_W 595.28 /* A4 in points */
#define PAGE_H 841.89
#define MARGIN 56.0
#define LABEL_W 150.0 /* the labels' column */
#define QR_SIZE 96.0
#define SERIF "Noto Serif CJK SC"
#define SANS "Noto Sans CJK SC"

/* Format a message into err; returns -1. */
static int doc_fail(char *err, size_t n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, n, fmt, ap);
  va_end(ap);
  return -1;
}

/* cairo's output callback: append to the FILE. */
static cairo_status_t doc_write(void *closure, const unsigned char *data, unsigned int length) {
  return fwrite(data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* The running state of one document: where the next block goes. */
typedef struct DocPen {
  cairo_t *cr;
  double y;      /* top of the next block */
  double bottom; /* where the page's body ends (above its notes and QR code) */
} DocPen;

/* A layout of text in family at size (bold or not), width points wide (0 = unbounded), aligned. */
static PangoLayout *doc_layout(cairo_t *cr, const char *text, const char *family, double size, int bold, double width,
                               PangoAlignment align) {
  PangoLayout *l = pango_cairo_create_layout(cr);
  PangoFontDescription *fd = pango_font_description_new();
  pango_font_description_set_family(fd, family);
  pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
  pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(l, fd);
  pango_font_description_free(fd);
  if (width > 0) pango_layout_set_width(l, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(l, align);
  pango_layout_set_text(l, text, -1);
  return l;
}

/* Height in points of a layout. */
static double doc_height(PangoLayout *l) {
  int w, h;
  pango_layout_get_size(l, &w, &h);
  return (double)h / PANGO_SCALE;
}

/* Draw text at (x, y) and return its height. */
static double doc_text(cairo_t *cr, double x, double y, const char *text, const char *family, double size, int bold,
                       double width, PangoAlignment align, double grey) {
  PangoLayout *l = doc_layout(cr, text, family, size, bold, width, align);
  double h = doc_height(l);
  cairo_set_source_rgb(cr, grey, grey, grey);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, l);
  g_object_unref(l);
  return h;
}

/* Draw the QR code of text with its top-left corner at (x, y), size points square (its quiet
 * zone of 4 modules included). 0, or -1 when the text cannot be encoded. */
static int doc_qr(cairo_t *cr, const char *text, double x, double y, double size) {
  QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!q) return -1;
  double m = size / (q->width + 8);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, x, y, size, size);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int r = 0; r < q->width; r++)
    for (int c = 0; c < q->width; c++)
      if (q->data[r * q->width + c] & 1) cairo_rectangle(cr, x + (c + 4) * m, y + (r + 4) * m, m, m);
  cairo_fill(cr);
  QRcode_free(q);
  return 0;
}

/* The page's header: the body's name and the title; returns the y below them. */
static double doc_head(cairo_t *cr, const DocPage *p) {
  double w = PAGE_W - 2 * MARGIN, y = MARGIN;
  cairo_set_source_rgb(cr, 0.55, 0.1, 0.1); /* a frame, as certificates have */
  cairo_set_line_width(cr, 2);
  cairo_rectangle(cr, MARGIN / 2, MARGIN / 2, PAGE_W - MARGIN, PAGE_H - MARGIN);
  cairo_stroke(cr);
  if (p->header) y += doc_text(cr, MARGIN, y, p->header, SERIF, 15, 1, w, PANGO_ALIGN_CENTER, 0.1) + 14;
  if (p->title) y += doc_text(cr, MARGIN, y, p->title, SERIF, 26, 1, w, PANGO_ALIGN_CENTER, 0) + 6;
  if (p->subtitle) y += doc_text(cr, MARGIN, y, p->subtitle, SANS, 10, 0, w, PANGO_ALIGN_CENTER, 0.35);
  return y + 22;
}

/* The foot of the page: the notes at the left, the QR code at the right, the footer below. */
static int doc_foot(cairo_t *cr, const DocPage *p, double *top, char *err, size_t n) {
  double w = PAGE_W - 2 * MARGIN, fy = PAGE_H - MARGIN, notes_w = p->qr ? w - QR_SIZE - 16 : w, nh = 0;
  if (p->footer) {
    PangoLayout *l = doc_layout(cr, p->footer, SANS, 8.5, 0, w, PANGO_ALIGN_CENTER);
    fy -= doc_height(l);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    cairo_move_to(cr, MARGIN, fy);
    pango_cairo_show_layout(cr, l);
    g_object_unref(l);
    fy -= 10;
  }
  for (int i = 0; i < p->nnotes; i++) {
    PangoLayout *l = doc_layout(cr, p->notes[i], SANS, 9, 0, notes_w, PANGO_ALIGN_LEFT);
    nh += doc_height(l) + 3;
    g_object_unref(l);
  }
  double qh = 0;
  if (p->qr) {
    qh = QR_SIZE;
    if (p->qr_caption) {
      PangoLayout *l = doc_layout(cr, p->qr_caption, SANS, 8, 0, QR_SIZE + 16, PANGO_ALIGN_CENTER);
      double ch = doc_height(l);
      cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
      cairo_move_to(cr, PAGE_W - MARGIN - QR_SIZE - 8, fy - ch);
      pango_cairo_show_layout(cr, l);
      g_object_unref(l);
      qh += ch + 2;
    }
    if (doc_qr(cr, p->qr, PAGE_W - MARGIN - QR_SIZE, fy - qh, QR_SIZE) < 0)
      return doc_fail(err, n, "the QR code of '%s' could not be encoded", p->qr);
  }
  double ny = fy - nh;
  for (int i = 0; i < p->nnotes; i++) ny += doc_text(cr, MARGIN, ny, p->notes[i], SANS, 9, 0, notes_w, PANGO_ALIGN_LEFT, 0.2) + 3;
  *top = fy - (nh > qh ? nh : qh) - 16;
  return 0;
}

/* Go on to a new page when a block of height h does not fit; the page goes on with its header. */
static void doc_room(DocPen *pen, const DocPage *p, double h) {
  if (pen->y + h <= pen->bottom) return;
  cairo_show_page(pen->cr);
  DocPage cont = *p;
  cont.subtitle = NULL;
  pen->y = doc_head(pen->cr, &cont);
  pen->bottom = PAGE_H - MARGIN - 24;
}

/* Lay out one document (one or more pages). */
static int doc_page(cairo_t *cr, const DocPage *p, char *err, size_t n) {
  DocPen pen = {cr, 0, 0};
  pen.y = doc_head(cr, p);
  if (doc_foot(cr, p, &pen.bottom, err, n) < 0) return -1;
  double w = PAGE_W - 2 * MARGIN, vx = MARGIN + LABEL_W + 12, vw = w - LABEL_W - 12;
  for (int i = 0; i < p->nlines; i++) {
    PangoLayout *lab = doc_layout(cr, p->lines[i].label ? p->lines[i].label : "", SANS, 11, 1, 0, PANGO_ALIGN_LEFT);
    int lw, lhu;
    pango_layout_get_size(lab, &lw, &lhu);
    int own_line = (double)lw / PANGO_SCALE > LABEL_W; /* a long label gets a line of its own, the value below */
    if (!own_line) {
      pango_layout_set_width(lab, (int)(LABEL_W * PANGO_SCALE));
      pango_layout_set_alignment(lab, PANGO_ALIGN_RIGHT);
    } else {
      pango_layout_set_width(lab, (int)(w * PANGO_SCALE));
    }
    PangoLayout *val = doc_layout(cr, p->lines[i].value ? p->lines[i].value : "", SERIF, 12, 0, vw, PANGO_ALIGN_LEFT);
    double lh = doc_height(lab), vh = doc_height(val), h = own_line ? lh + 4 + vh : lh > vh ? lh : vh;
    doc_room(&pen, p, h);
    cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
    cairo_move_to(cr, MARGIN, pen.y + 1);
    pango_cairo_show_layout(cr, lab);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_move_to(cr, vx, own_line ? pen.y + lh + 4 : pen.y);
    pango_cairo_show_layout(cr, val);
    g_object_unref(lab);
    g_object_unref(val);
    pen.y += h + 9;
  }
  if (p->nlines && p->nparagraphs) pen.y += 10;
  for (int i = 0; i < p->nparagraphs; i++) {
    PangoLayout *l = doc_layout(cr, p->paragraphs[i], SERIF, 12, 0, w, PANGO_ALIGN_LEFT);
    pango_layout_set_justify(l, TRUE);
    double h = doc_height(l);
    doc_room(&pen, p, h);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_move_to(cr, MARGIN, pen.y);
    pango_cairo_show_layout(cr, l);
    g_object_unref(l);
    pen.y += h + 10;
  }
  cairo_show_page(cr);
  return 0;
}

int document_pdf(FILE *out, const DocPage *pages, int npages, char *err, size_t errlen) {
  if (npages < 1) return doc_fail(err, errlen, "no document to write");
  if (doclibs_load(err, errlen) < 0) return -1;
  cairo_surface_t *s = cairo_pdf_surface_create_for_stream(doc_write, out, PAGE_W, PAGE_H);
  if (pages[0].title) cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, pages[0].title);
  if (pages[0].header) cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, pages[0].header);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "certsh");
  cairo_t *cr = cairo_create(s);
  int rc = 0;
  for (int i = 0; i < npages && rc == 0; i++) rc = doc_page(cr, &pages[i], err, errlen);
  cairo_destroy(cr);
  cairo_surface_finish(s);
  cairo_status_t st = cairo_surface_status(s);
  cairo_surface_destroy(s);
  /* one document per run: let go of the font caches pango, cairo and fontconfig keep for the
   * process, so that a leak checker sees only what is really lost */
  pango_cairo_font_map_set_default(NULL);
  cairo_debug_reset_static_data();
  FcFini();
  if (rc == 0 && st != CAIRO_STATUS_SUCCESS) return doc_fail(err, errlen, "writing the PDF: %s", cairo_status_to_string(st));
  return rc;
}
