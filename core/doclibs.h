/* core/doclibs.h — the libraries documents are drawn with (cairo, pango, fontconfig, libqrencode,
 * libxlsxwriter), loaded when the first document is made instead of when certsh starts: mapping
 * and relocating their 40-odd shared objects took about 15 million instructions and 10 ms of
 * every command's start-up (issue 17), though most commands draw nothing. core/document.c and
 * core/xlsx.c include this after the libraries' headers and call the functions by their usual
 * names, which the macros below turn into the pointers doclibs_load() fills. */
#ifndef CERTSH_DOCLIBS_H
#define CERTSH_DOCLIBS_H

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <qrencode.h>
#include <stddef.h>
#include <xlsxwriter.h>

/* DOCLIBS_FUNCTIONS(X): every library function the documents call. */
#define DOCLIBS_FUNCTIONS(X) \
  X(FcFini) \
  X(QRcode_encodeString) \
  X(QRcode_free) \
  X(cairo_create) \
  X(cairo_debug_reset_static_data) \
  X(cairo_destroy) \
  X(cairo_fill) \
  X(cairo_move_to) \
  X(cairo_pdf_surface_create_for_stream) \
  X(cairo_pdf_surface_set_metadata) \
  X(cairo_rectangle) \
  X(cairo_set_line_width) \
  X(cairo_set_source_rgb) \
  X(cairo_show_page) \
  X(cairo_status_to_string) \
  X(cairo_stroke) \
  X(cairo_surface_destroy) \
  X(cairo_surface_finish) \
  X(cairo_surface_status) \
  X(format_set_bg_color) \
  X(format_set_bold) \
  X(format_set_num_format) \
  X(g_object_unref) \
  X(lxw_strerror) \
  X(pango_cairo_create_layout) \
  X(pango_cairo_font_map_set_default) \
  X(pango_cairo_show_layout) \
  X(pango_font_description_free) \
  X(pango_font_description_new) \
  X(pango_font_description_set_absolute_size) \
  X(pango_font_description_set_family) \
  X(pango_font_description_set_weight) \
  X(pango_layout_get_size) \
  X(pango_layout_set_alignment) \
  X(pango_layout_set_font_description) \
  X(pango_layout_set_justify) \
  X(pango_layout_set_text) \
  X(pango_layout_set_width) \
  X(pango_layout_set_wrap) \
  X(workbook_add_format) \
  X(workbook_add_worksheet) \
  X(workbook_close) \
  X(workbook_new_opt) \
  X(worksheet_autofilter) \
  X(worksheet_freeze_panes) \
  X(worksheet_set_column) \
  X(worksheet_write_datetime) \
  X(worksheet_write_number) \
  X(worksheet_write_string)

typedef struct DocLibs {
#define DOCLIBS_POINTER(name) __typeof__(name) *name;
  DOCLIBS_FUNCTIONS(DOCLIBS_POINTER)
#undef DOCLIBS_POINTER
} DocLibs;
extern DocLibs doclibs;

/* Load the libraries and find each function (once per process): 0, or -1 with err saying which
 * library or function is missing. */
int doclibs_load(char *err, size_t errlen);

#ifndef DOCLIBS_DEFINING
#define FcFini (doclibs.FcFini)
#define QRcode_encodeString (doclibs.QRcode_encodeString)
#define QRcode_free (doclibs.QRcode_free)
#define cairo_create (doclibs.cairo_create)
#define cairo_debug_reset_static_data (doclibs.cairo_debug_reset_static_data)
#define cairo_destroy (doclibs.cairo_destroy)
#define cairo_fill (doclibs.cairo_fill)
#define cairo_move_to (doclibs.cairo_move_to)
#define cairo_pdf_surface_create_for_stream (doclibs.cairo_pdf_surface_create_for_stream)
#define cairo_pdf_surface_set_metadata (doclibs.cairo_pdf_surface_set_metadata)
#define cairo_rectangle (doclibs.cairo_rectangle)
#define cairo_set_line_width (doclibs.cairo_set_line_width)
#define cairo_set_source_rgb (doclibs.cairo_set_source_rgb)
#define cairo_show_page (doclibs.cairo_show_page)
#define cairo_status_to_string (doclibs.cairo_status_to_string)
#define cairo_stroke (doclibs.cairo_stroke)
#define cairo_surface_destroy (doclibs.cairo_surface_destroy)
#define cairo_surface_finish (doclibs.cairo_surface_finish)
#define cairo_surface_status (doclibs.cairo_surface_status)
#define format_set_bg_color (doclibs.format_set_bg_color)
#define format_set_bold (doclibs.format_set_bold)
#define format_set_num_format (doclibs.format_set_num_format)
#define g_object_unref (doclibs.g_object_unref)
#define lxw_strerror (doclibs.lxw_strerror)
#define pango_cairo_create_layout (doclibs.pango_cairo_create_layout)
#define pango_cairo_font_map_set_default (doclibs.pango_cairo_font_map_set_default)
#define pango_cairo_show_layout (doclibs.pango_cairo_show_layout)
#define pango_font_description_free (doclibs.pango_font_description_free)
#define pango_font_description_new (doclibs.pango_font_description_new)
#define pango_font_description_set_absolute_size (doclibs.pango_font_description_set_absolute_size)
#define pango_font_description_set_family (doclibs.pango_font_description_set_family)
#define pango_font_description_set_weight (doclibs.pango_font_description_set_weight)
#define pango_layout_get_size (doclibs.pango_layout_get_size)
#define pango_layout_set_alignment (doclibs.pango_layout_set_alignment)
#define pango_layout_set_font_description (doclibs.pango_layout_set_font_description)
#define pango_layout_set_justify (doclibs.pango_layout_set_justify)
#define pango_layout_set_text (doclibs.pango_layout_set_text)
#define pango_layout_set_width (doclibs.pango_layout_set_width)
#define pango_layout_set_wrap (doclibs.pango_layout_set_wrap)
#define workbook_add_format (doclibs.workbook_add_format)
#define workbook_add_worksheet (doclibs.workbook_add_worksheet)
#define workbook_close (doclibs.workbook_close)
#define workbook_new_opt (doclibs.workbook_new_opt)
#define worksheet_autofilter (doclibs.worksheet_autofilter)
#define worksheet_freeze_panes (doclibs.worksheet_freeze_panes)
#define worksheet_set_column (doclibs.worksheet_set_column)
#define worksheet_write_datetime (doclibs.worksheet_write_datetime)
#define worksheet_write_number (doclibs.worksheet_write_number)
#define worksheet_write_string (doclibs.worksheet_write_string)
#endif

#endif
