/* repl/csvio.c — CSV files in and out: detect the encoding, convert GBK/GB18030 with iconv,
 * parse with libcsv (strict quoting), and quote fields on output with libcsv's writer. */
#define _POSIX_C_SOURCE 200809L
#include "repl/csvio.h"
#include "dsl/host.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* What the libcsv callbacks build up: the fields of the record being read. */
typedef struct CsvState {
  char *buf;           /* the fields' bytes, each NUL-terminated */
  size_t used, cap;
  size_t *offs;        /* where each field starts in buf */
  const char **fields; /* pointers handed to the row callback */
  int n, capn;
  long number;         /* records completed */
  size_t done, total;
  CsvRowFn fn;
  void *ud;
  int stop;            /* the callback asked to stop */
  int nomem;
} CsvState;

/* Print a sentence into err; returns -1. */
static int csv_fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int csv_fail(char *err, size_t errlen, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
  return -1;
}

/* libcsv: one field ended; keep a copy (s is NUL-terminated with CSV_APPEND_NULL). */
static void csv_on_field(void *s, size_t len, void *data) {
  CsvState *st = data;
  if (st->stop || st->nomem) return;
  if (st->n == st->capn) {
    int cap = st->capn ? st->capn * 2 : 16;
    size_t *o = realloc(st->offs, sizeof *o * (size_t)cap);
    if (o) st->offs = o;
    const char **f = realloc(st->fields, sizeof *f * (size_t)cap);
    if (f) st->fields = f;
    if (!o || !f) { st->nomem = 1; return; }
    st->capn = cap;
  }
  if (st->used + len + 1 > st->cap) {
    size_t cap = (st->used + len + 1) * 2;
    char *b = realloc(st->buf, cap);
    if (!b) { st->nomem = 1; return; }
    st->buf = b;
    st->cap = cap;
  }
  memcpy(st->buf + st->used, s ? s : "", len);
  st->buf[st->used + len] = 0;
  st->offs[st->n++] = st->used;
  st->used += len + 1;
}

/* libcsv: one record ended; hand it to the row callback. */
static void csv_on_row(int c, void *data) {
  (void)c;
  CsvState *st = data;
  if (st->stop || st->nomem) return;
  for (int i = 0; i < st->n; i++) st->fields[i] = st->buf + st->offs[i];
  CsvRow row = {++st->number, st->n, st->fields, st->done, st->total};
  if (st->fn(&row, st->ud)) st->stop = 1;
  st->n = 0;
  st->used = 0;
}

/* Length of the valid UTF-8 prefix of s (== len when all of it is valid). */
static size_t utf8_valid_prefix(const unsigned char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    unsigned char c = s[i];
    if (c < 0x80) { i++; continue; }
    size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || c == 0xC0 || c == 0xC1 || c > 0xF4 || i + n > len) return i;
    for (size_t k = 1; k < n; k++)
      if ((s[i + k] & 0xC0) != 0x80) return i;
    if (n == 3 && c == 0xE0 && s[i + 1] < 0xA0) return i;  /* overlong */
    if (n == 3 && c == 0xED && s[i + 1] >= 0xA0) return i; /* surrogate */
    if (n == 4 && c == 0xF0 && s[i + 1] < 0x90) return i;  /* overlong */
    if (n == 4 && c == 0xF4 && s[i + 1] >= 0x90) return i; /* beyond U+10FFFF */
    i += n;
  }
  return len;
}

/* The first line (1-based) of s that holds non-ASCII text and is valid UTF-8 with at least one
 * three- or four-byte character (as Chinese is in UTF-8, and GBK text almost never is), or 0. */
static long utf8_line(const unsigned char *s, size_t len) {
  long line = 1;
  for (size_t start = 0; start < len; line++) {
    const unsigned char *nl = memchr(s + start, '\n', len - start);
    size_t end = nl ? (size_t)(nl - s) : len;
    int wide = 0;
    for (size_t i = start; i < end && !wide; i++) wide = s[i] >= 0xE0;
    if (wide && utf8_valid_prefix(s + start, end - start) == end - start) return line;
    start = end + 1;
  }
  return 0;
}

/* Line number (1-based) of byte offset off in s. */
static long line_of(const unsigned char *s, size_t off) {
  long line = 1;
  for (size_t i = 0; i < off; i++) line += s[i] == '\n';
  return line;
}

/* Convert len bytes of s from the encoding from to UTF-8 into a malloc'd buffer. */
static char *to_utf8(const char *from, const unsigned char *s, size_t len, size_t *outlen, char *err, size_t errlen) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1) { csv_fail(err, errlen, "encoding '%s' is not known to iconv", from); return NULL; }
  size_t cap = len * 2 + 16;
  char *out = malloc(cap);
  if (!out) { iconv_close(cd); csv_fail(err, errlen, "out of memory converting the file"); return NULL; }
  char *in = (char *)s, *o = out;
  size_t inleft = len, outleft = cap;
  if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
    size_t at = (size_t)(in - (char *)s);
    csv_fail(err, errlen, "line %ld: byte 0x%02X at offset %zu is not valid %s (give the file's encoding with --encoding)",
             line_of(s, at), at < len ? s[at] : 0, at, from);
    free(out);
    iconv_close(cd);
    return NULL;
  }
  iconv_close(cd);
  *outlen = cap - outleft;
  return out;
}

int csv_write_encoded(FILE *f, const char *encoding, const char *s, size_t len, char *err, size_t errlen) {
  if (!strcasecmp(encoding, "utf-8-bom")) fputs("\xEF\xBB\xBF", f);
  if (strcasecmp(encoding, "gbk")) return fwrite(s, 1, len, f) == len ? 0 : csv_fail(err, errlen, "cannot write the file");
  iconv_t cd = iconv_open("GBK", "UTF-8");
  if (cd == (iconv_t)-1) return csv_fail(err, errlen, "encoding 'gbk' is not known to iconv");
  size_t cap = len + 16, outleft = cap, inleft = len; /* GBK never takes more bytes than UTF-8 */
  char *out = malloc(cap), *o = out, *in = (char *)s;
  int rc = 0;
  if (!out) rc = csv_fail(err, errlen, "out of memory converting the export to GBK");
  else if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) { /* converted whole first: nothing is written */
    size_t at = (size_t)(in - s), n = 1;
    while (n < 4 && at + n < len && ((unsigned char)s[at + n] & 0xC0) == 0x80) n++;
    rc = csv_fail(err, errlen, "line %ld: '%.*s' has no GBK code (Excel's Chinese encoding); nothing was written "
                  "(--encoding utf-8-bom keeps every character and opens in Excel too)", line_of((const unsigned char *)s, at), (int)n, s + at);
  } else if (fwrite(out, 1, cap - outleft, f) != cap - outleft) {
    rc = csv_fail(err, errlen, "cannot write the file");
  }
  free(out);
  iconv_close(cd);
  return rc;
}

int csv_encoding_known(const char *encoding) {
  return !strcasecmp(encoding, "utf-8") || !strcasecmp(encoding, "utf8") || !strcasecmp(encoding, "gbk") ||
         !strcasecmp(encoding, "gb18030") || !strcasecmp(encoding, "gb2312");
}

int csv_read_file(const char *path, const char *encoding, CsvRowFn fn, void *ud, char *err, size_t errlen,
                  const char **encoding_used) {
  if (encoding && !csv_encoding_known(encoding))
    return csv_fail(err, errlen, "--encoding '%s' must be utf-8, gbk, gb18030 or gb2312", encoding);
  int fd = open(path, O_RDONLY | O_NONBLOCK); /* a FIFO must not block the open: it is refused below */
  if (fd < 0) return csv_fail(err, errlen, "cannot open '%s': %s", path, strerror(errno));
  struct stat sb;
  if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
    close(fd);
    return csv_fail(err, errlen, "'%s' is not a regular file (it is %s); import reads only regular files", path,
                    S_ISDIR(sb.st_mode) ? "a folder" : "a FIFO, socket or device");
  }
  size_t len = (size_t)sb.st_size;
  const unsigned char *map = len ? mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0) : (const unsigned char *)"";
  close(fd);
  if (map == MAP_FAILED) return csv_fail(err, errlen, "cannot read '%s': %s", path, strerror(errno));

  const unsigned char *text = map;
  size_t textlen = len;
  char *converted = NULL;
  int is_utf8 = encoding ? !strncasecmp(encoding, "utf", 3) : 1;
  if (textlen >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) { text += 3; textlen -= 3; is_utf8 = 1; }
  const char *used = "utf-8";
  int rc = 0;
  if (is_utf8) {
    size_t ok = utf8_valid_prefix(text, textlen);
    if (ok < textlen) {
      if (encoding) rc = csv_fail(err, errlen, "line %ld: byte 0x%02X at offset %zu is not valid UTF-8 (is the file GBK? try --encoding gbk)",
                                  line_of(text, ok), text[ok], ok);
      else is_utf8 = 0; /* not UTF-8: spreadsheet programs in China save GBK, which GB18030 contains */
    }
  }
  if (!rc && !is_utf8) {
    /* a file that is not UTF-8 throughout but has UTF-8 lines mixes encodings: converting it
     * would garble those lines, so it is refused, naming both lines */
    long u = utf8_line(text, textlen);
    size_t bad = utf8_valid_prefix(text, textlen);
    if (u && bad < textlen)
      rc = csv_fail(err, errlen, "the file mixes encodings: line %ld is UTF-8 but line %ld is not (byte 0x%02X); save it in one "
                                 "encoding (UTF-8, or GBK throughout)", u, line_of(text, bad), text[bad]);
  }
  if (!rc && !is_utf8) {
    used = encoding ? encoding : "gb18030";
    converted = to_utf8(!strcasecmp(used, "gbk") || !strcasecmp(used, "gb2312") ? "GB18030" : used, text, textlen,
                        &textlen, err, errlen);
    if (!converted) rc = -1;
    else text = (const unsigned char *)converted;
  }
  if (encoding_used) *encoding_used = used;

  struct csv_parser p;
  CsvState st = {0};
  st.fn = fn;
  st.ud = ud;
  st.total = textlen;
  if (!rc && csv_init(&p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0) rc = csv_fail(err, errlen, "out of memory");
  else if (!rc) {
    const size_t chunk = 1 << 16;
    for (size_t off = 0; off < textlen && !st.stop && !st.nomem; off += chunk) {
      size_t n = textlen - off < chunk ? textlen - off : chunk;
      st.done = off;
      if (csv_parse(&p, text + off, n, csv_on_field, csv_on_row, &st) != n) {
        rc = csv_fail(err, errlen, "row %ld: %s (a quote inside a field must be doubled, and a quoted field closed)",
                      st.number + 1, csv_strerror(csv_error(&p)));
        break;
      }
    }
    st.done = textlen;
    if (!rc && !st.stop && csv_fini(&p, csv_on_field, csv_on_row, &st) != 0)
      rc = csv_fail(err, errlen, "row %ld: %s (the file ends inside a quoted field)", st.number + 1,
                    csv_strerror(csv_error(&p)));
    csv_free(&p);
  }
  if (!rc && st.nomem) rc = csv_fail(err, errlen, "out of memory reading '%s'", path);
  free(st.buf);
  free(st.offs);
  free(st.fields);
  free(converted);
  if (len) munmap((void *)map, len);
  return rc;
}

void csv_put(FILE *f, const char *text, int last) {
  const char *s = text ? text : "";
  host_csv_field(f, s, strlen(s));
  fputs(last ? "\r\n" : ",", f);
}
