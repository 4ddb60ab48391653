/* repl/csvio.h — reading and writing the CSV files of `certsh import` and `certsh export`:
 * libcsv parses and quotes, iconv turns GBK/GB18030 (as Chinese spreadsheet programs save)
 * into UTF-8; a UTF-8 byte-order mark is skipped. */
#ifndef CERTSH_REPL_CSVIO_H
#define CERTSH_REPL_CSVIO_H

#include <stdio.h>
#include <stddef.h>

/* One parsed record: fields are NUL-terminated UTF-8, valid until the callback returns. */
typedef struct CsvRow {
  long number;          /* 1 = the header row; as a spreadsheet numbers rows */
  int nfields;
  const char **fields;
  size_t done, total;   /* bytes parsed so far and in all (for a progress bar) */
} CsvRow;

/* Called once per record; return 0 to go on, non-zero to stop reading. */
typedef int (*CsvRowFn)(const CsvRow *row, void *ud);

/* 1 when import reads files in encoding (utf-8, gbk, gb18030, gb2312; any case). */
int csv_encoding_known(const char *encoding);
/* Read the CSV file at path (its encoding: "utf-8", "gbk", "gb18030", or NULL to detect:
 * UTF-8 with or without BOM, otherwise GB18030) and call fn for each record. Returns 0, or -1
 * with a sentence in err. *encoding_used (may be NULL) receives the encoding read. */
int csv_read_file(const char *path, const char *encoding, CsvRowFn fn, void *ud, char *err, size_t errlen,
                  const char **encoding_used);

/* Write len bytes of UTF-8 text s to f in encoding: "utf-8" as they are, "utf-8-bom" after a
 * byte-order mark (Excel then reads UTF-8), "gbk" converted (Excel on Chinese Windows). 0, or
 * -1 with a sentence in err naming the line and the character GBK cannot hold (GBK is
 * converted whole before anything is written, so nothing of s reaches f then). */
int csv_write_encoded(FILE *f, const char *encoding, const char *s, size_t len, char *err, size_t errlen);
/* Write one field (quoted when it needs to be) followed by a comma, or by CRLF when last. */
void csv_put(FILE *f, const char *text, int last);

#endif
