/* repl/transfer.h — what `certsh import` and `certsh export` share: the three kinds of file
 * (orgs, people, certificates), their columns with English and Chinese header names, and an
 * output file that appears only when it was written whole. */
#ifndef CERTSH_REPL_TRANSFER_H
#define CERTSH_REPL_TRANSFER_H

#include "core/db.h"
#include "repl/cli.h"

#include <stdio.h>

typedef enum TransferFormat { FORMAT_NONE = 0, FORMAT_CSV, FORMAT_JSON, FORMAT_HTML, FORMAT_XLSX } TransferFormat;

/* One column of a kind's CSV file: its English name and the Chinese names accepted for it. */
typedef struct TransferColumn {
  const char *name;    /* English header, as export writes it */
  const char *zh;      /* the Chinese header shown in the HTML page */
  const char *aliases; /* other accepted headers, '|'-separated */
  int required;        /* import refuses a file without this column */
} TransferColumn;

typedef struct TransferKind {
  const char *name;                /* orgs, people, certificates */
  const char *title;               /* page title */
  const TransferColumn *columns;   /* ended by {NULL} */
} TransferKind;

enum { KIND_ORGS = 0, KIND_PEOPLE, KIND_CERTIFICATES, KIND_COUNT };
extern const TransferKind TRANSFER_KINDS[KIND_COUNT];

/* Index of the kind called name, or -1. */
int transfer_kind(const char *name);
/* Index of the column of kind that header names (English, Chinese or an alias), or -1. */
int transfer_column(int kind, const char *header);
/* "English / 中文" for a column name of kind (the name itself when it has no Chinese). */
const char *transfer_heading(int kind, const char *name);
/* Set db->as_of from --as-of, or today. */
void transfer_set_as_of(Db *db, const char *as_of);

/* An output: stdout, or FILE written as FILE.tmp-PID and renamed only when complete. */
typedef struct TransferOut {
  FILE *f;
  const char *path; /* NULL for stdout; the file a symbolic link names when path is one */
  char tmp[4096];   /* the file written, moved onto path when complete; "" when path is written itself */
  char real[4032];  /* a symbolic link's target, what path then points to */
} TransferOut;
/* Open the output (path NULL or "-" = stdout; a path that is no regular file, such as /dev/null
 * or a pipe, written itself, never replaced; a symbolic link: the file it names replaced, the
 * link kept); 0, or -1 with a message on stderr. */
int transfer_out_open(TransferOut *o, const char *path);
/* Finish: when ok, flush and move the file into place; else remove it. 0, or -1. */
int transfer_out_close(TransferOut *o, int ok);

/* The commands (repl/import.c, repl/export.c). */
int cmd_import(Options *o);
int cmd_export(Options *o);
/* The rows of st (an export query of kind) as a one-sheet .xlsx on f (repl/export_xlsx.c):
 * rows written, or -1 with db->err. */
long export_xlsx(Db *db, sqlite3_stmt *st, int kind, FILE *f);

#endif
