/* repl/import.c — `certsh import orgs|people|certificates FILE.csv [--encoding E] [--max-errors N]`:
 * every row goes through the core primitives (validated and logged) inside one transaction;
 * a file with any bad row is refused whole, its errors listed by row, column and value, and
 * nothing is imported. A progress bar is drawn on a terminal. */
#define _POSIX_C_SOURCE 200809L
#include "repl/transfer.h"
#include "repl/csvio.h"
#include "core/register.h"
#include "dsl/host.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_COLUMNS 64
#define DEFAULT_MAX_ERRORS 50

/* A scheme id seen in the file and what `scheme(id)` said of it. */
typedef struct SchemeSeen { char id[64]; char version[64]; char error[300]; } SchemeSeen;

/* Everything one import run holds. */
typedef struct Import {
  Host h;
  int kind;
  const char *path;
  int col_of[MAX_COLUMNS]; /* file column → kind column, -1 ignored */
  const char *headers[MAX_COLUMNS];
  char *header_text[MAX_COLUMNS];
  int ncols;
  long imported, errors, max_errors, last_row;
  int progress;            /* draw a progress bar on stderr */
  int last_pct;
  SchemeSeen schemes[32];
  int nschemes;
  char *split;             /* split_list's buffer, grown to fit a cell */
  char *shops;             /* the current row's shops as JSON (shops_json), or NULL */
  char *args;              /* the current row's event args (row_args) */
  size_t args_size;        /* bytes allocated for args: the file's quoted name and a row number */
  size_t args_head;        /* the length of args before the row's number: {"import":FILE,"row": */
  char *path_json;         /* the file's name as a JSON string (row_args), or NULL until the first row */
  int guarded;             /* 1: every organisation in its own savepoint (see import_org) */
  long again;              /* the row whose failure left rows behind (import_org): read the file again from 0 */
  long shown;              /* errors of rows before this one were shown by the first reading: not again */
} Import;

/* Report one error of the file (up to the limit); returns 1 when the limit is reached. */
static int import_error(Import *im, long row, int filecol, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int import_error(Import *im, long row, int filecol, const char *fmt, ...) {
  im->errors++;
  if (im->errors <= im->max_errors && row >= im->shown) {
    char msg[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (im->progress) fputs("\r\033[K", stderr);
    if (filecol >= 0) fprintf(stderr, "%s: row %ld, column %d (%s): %s\n", im->path, row, filecol + 1, im->header_text[filecol], msg);
    else fprintf(stderr, "%s: row %ld: %s\n", im->path, row, msg);
  }
  return im->errors >= im->max_errors;
}

/* The file column holding kind column name, or -1. */
static int file_col(const Import *im, const char *name) {
  const TransferColumn *c = TRANSFER_KINDS[im->kind].columns;
  for (int i = 0; i < im->ncols; i++)
    if (im->col_of[i] >= 0 && !strcmp(c[im->col_of[i]].name, name)) return i;
  return -1;
}

/* The value of column name in row, trimmed of spaces; NULL when absent or empty. */
static const char *cell(const Import *im, const CsvRow *row, const char *name) {
  int i = file_col(im, name);
  if (i < 0 || i >= row->nfields) return NULL;
  char *s = (char *)row->fields[i]; /* our copy (csvio), safe to trim in place */
  while (*s == ' ' || *s == '\t') s++;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) s[--n] = 0;
  return *s ? s : NULL;
}

/* Parse a whole number cell; 0 and *out, or -1 after reporting the error. */
static int cell_int(Import *im, const CsvRow *row, const char *name, long long *out) {
  const char *v = cell(im, row, name);
  if (!v) { *out = 0; return 0; }
  char *end;
  errno = 0;
  long long n = strtoll(v, &end, 10);
  if (errno || *end || end == v) {
    import_error(im, row->number, file_col(im, name), "'%s' is not a whole number", v);
    return -1;
  }
  *out = n;
  return 0;
}

/* The args of each row's event, where it came from ({"import": FILE, "row": N}), into im->args;
 * NULL when they could not be built. The file's name is quoted by SQLite once (json_quote, as
 * json_object quotes it) and kept with the text before the row's number, written here for each
 * row: preparing a statement per row was an eighth of an import's time, an snprintf a hundredth. */
static const char *row_args(Import *im, long row) {
  if (!im->args) { /* at the first row: the name quoted, and a buffer any row's args fit */
    sqlite3_stmt *st = db_prepare(&im->h.db, "SELECT json_quote(?1)");
    if (!st) return NULL;
    sqlite3_bind_text(st, 1, im->path, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) im->path_json = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    if (!im->path_json) return NULL;
    im->args_size = strlen(im->path_json) + 48;
    if (!(im->args = malloc(im->args_size))) return NULL;
    im->args_head = (size_t)snprintf(im->args, im->args_size, "{\"import\":%s,\"row\":", im->path_json);
  }
  size_t n = im->args_head + reg_decimal(im->args + im->args_head, row);
  memcpy(im->args + n, "}", 2);
  return im->args;
}

/* Report the primitive's failure, at the column its field names when there is one. */
static void row_failed(Import *im, const CsvRow *row) {
  const CoreError *e = &im->h.db.err;
  static const char *const FIELD_COLUMN[][2] = {{"valid_from", "valid_from"}, {"validFrom", "valid_from"},
                                                {"validTo", "valid_to"}, {"valid_to", "valid_to"},
                                                {"number", "number"}, {"fieldCode", "field_code"}};
  const char *col = e->field;
  for (size_t i = 0; i < sizeof FIELD_COLUMN / sizeof FIELD_COLUMN[0]; i++)
    if (!strcmp(e->field, FIELD_COLUMN[i][0])) col = FIELD_COLUMN[i][1];
  int fc = *col ? file_col(im, col) : -1;
  if (fc >= 0 && fc < row->nfields) import_error(im, row->number, fc, "value '%.200s': %s", row->fields[fc], e->message);
  else import_error(im, row->number, -1, "%s", e->message);
}

/* Report that the row could not be read for want of memory. */
static void row_failed_nomem(Import *im, const CsvRow *row) { import_error(im, row->number, -1, "out of memory reading the row"); }

/* The cell v with every list separator (；，、;, and space) made ';', for strtok_r, in the run's
 * buffer (grown to fit: separators only shrink, so nothing is ever cut); NULL when out of memory. */
static char *split_list(Import *im, const char *v) {
  static const char *const SEPS[] = {"；", "，", "、", ";", ",", " "};
  char *out = realloc(im->split, strlen(v) + 1);
  if (!out) return NULL;
  im->split = out;
  size_t u = 0;
  while (*v) {
    size_t k, len = 0;
    for (k = 0; k < sizeof SEPS / sizeof SEPS[0]; k++)
      if (!strncmp(v, SEPS[k], len = strlen(SEPS[k]))) break;
    if (k < sizeof SEPS / sizeof SEPS[0]) { out[u++] = ';'; v += len; }
    else out[u++] = *v++;
  }
  out[u] = 0;
  return out;
}

/* shops cell: a JSON array, or "domain@platform; domain@platform" → im->shops, the JSON array
 * built by SQLite (NULL when the cell is empty). 0, or -1 after reporting. */
static int shops_json(Import *im, const CsvRow *row) {
  const char *v = cell(im, row, "shops");
  free(im->shops);
  im->shops = NULL;
  if (!v) return 0;
  if (v[0] == '[') return (im->shops = strdup(v)) ? 0 : (row_failed_nomem(im, row), -1);
  char *list = split_list(im, v), *save = NULL;
  sqlite3_stmt *st = list ? db_prepare(&im->h.db, "SELECT json_insert(?1, '$[#]', json_object('domain', ?2, 'platform', ?3))") : NULL;
  char *acc = st ? strdup("[]") : NULL;
  if (!acc) { if (st) sqlite3_finalize(st); row_failed_nomem(im, row); return -1; }
  for (char *t = strtok_r(list, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
    while (*t == ' ') t++;
    char *at = strchr(t, '@');
    if (!at || at == t || !at[1]) {
      import_error(im, row->number, file_col(im, "shops"), "'%s' must be domain@platform, several separated by ';' (or a JSON array)", t);
      sqlite3_finalize(st);
      free(acc);
      return -1;
    }
    *at = 0;
    sqlite3_bind_text(st, 1, acc, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, t, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, at + 1, -1, SQLITE_TRANSIENT);
    char *next = sqlite3_step(st) == SQLITE_ROW ? strdup((const char *)sqlite3_column_text(st, 0)) : NULL;
    sqlite3_reset(st);
    free(acc);
    if (!(acc = next)) { sqlite3_finalize(st); row_failed_nomem(im, row); return -1; }
  }
  sqlite3_finalize(st);
  im->shops = acc;
  return 0;
}

/* orgs: one organisation per row. */
static void import_org(Import *im, const CsvRow *row, const char *args) {
  OrgInput in = {0};
  in.name = cell(im, row, "name");
  in.uscc = cell(im, row, "uscc");
  in.address = cell(im, row, "address");
  /* every cell read here is checked on its own; a bad one is replaced by a valid stand-in so
   * that the register's checks still report what else is wrong with the row */
  int bad = 0;
  if (cell_int(im, row, "staff", &in.staff) < 0) bad = 1, in.staff = 1;
  if (cell_int(im, row, "sites", &in.sites) < 0) bad = 1, in.sites = 0;
  if (shops_json(im, row) < 0) bad = 1;
  in.shops_json = im->shops;
  long long id;
  Db *db = &im->h.db;
  if (!bad) {
    /* a good row takes no savepoint of its own (its statement journal was a seventh of the row):
     * a refusal comes before anything is written. Should a row fail after writing, its rows stay;
     * the file is then read again from the start, every row in its savepoint (cmd_import) */
    db_bare(db, !im->guarded);
    int rc = org_create(db, &in, args, &id);
    db_bare(db, 0);
    if (db->spoiled && !db->lost) { im->again = row->number; return; }
    if (rc < 0) row_failed(im, row);
    else im->imported++;
    return;
  }
  /* a refused row: ask the register what else is wrong, then undo what it created */
  if (db_begin(db) < 0) { row_failed(im, row); return; }
  if (org_create(db, &in, args, &id) < 0) {
    CoreError keep = db->err;
    db_rollback(db);
    db->err = keep;
    row_failed(im, row);
  } else db_rollback(db);
}

/* people: one person per row with at most one registration; roles in English or Chinese. */
static void import_person(Import *im, const CsvRow *row, const char *args) {
  static const char *const ROLE_NAMES[][2] = {{"auditor", "auditor"}, {"审核员", "auditor"}, {"检查员", "auditor"},
                                              {"expert", "expert"}, {"技术专家", "expert"}, {"专家", "expert"},
                                              {"decider", "decider"}, {"决定人员", "decider"}, {"认证决定人员", "decider"}};
  char roles[512] = "[";
  int bad = 0;
  const char *v = cell(im, row, "roles");
  char *list = v ? split_list(im, v) : NULL;
  if (v && !list) { row_failed_nomem(im, row); return; }
  if (list) {
    char *save = NULL;
    for (char *t = strtok_r(list, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
      const char *role = NULL;
      for (size_t i = 0; i < sizeof ROLE_NAMES / sizeof ROLE_NAMES[0]; i++)
        if (!strcmp(t, ROLE_NAMES[i][0])) role = ROLE_NAMES[i][1];
      if (!role) { /* reported; the rest of the row is still checked (without this role) */
        import_error(im, row->number, file_col(im, "roles"), "role '%s' is not auditor/审核员, expert/技术专家 or decider/决定人员", t);
        bad = 1;
        continue;
      }
      char quoted[24];
      snprintf(quoted, sizeof quoted, "\"%s\"", role);
      if (strstr(roles, quoted)) continue; /* a role named twice counts once: roles stays small */
      if (roles[1]) strcat(roles, ",");
      strcat(roles, quoted);
    }
  }
  strcat(roles, "]");
  const char *reg = cell(im, row, "registration"), *from = cell(im, row, "valid_from"), *to = cell(im, row, "valid_to");
  Db *db = &im->h.db;
  long long id;
  if (db_begin(db) < 0) { row_failed(im, row); return; }
  int ok = person_create(db, cell(im, row, "name"), roles, args, &id) == 0;
  if (ok && (reg || from || to))
    ok = person_register(db, id, reg, cell(im, row, "field_code"), from, to, args) == 0;
  if (!ok) { CoreError keep = db->err; db_rollback(db); db->err = keep; row_failed(im, row); return; }
  if (bad) { db_rollback(db); return; } /* the row is refused: what it created goes */
  if (db_commit(db) < 0) { row_failed(im, row); return; }
  im->imported++;
}

/* The version of scheme id a row names: `version` when the scheme has it, else (NULL) the
 * version in force; asked of `scheme(id@version)` once per pair; NULL after reporting. */
static const char *scheme_version(Import *im, const CsvRow *row, const char *id, const char *version) {
  char key[sizeof im->schemes[0].id];
  snprintf(key, sizeof key, "%s%s%s", id, version ? "@" : "", version ? version : "");
  SchemeSeen *s = NULL;
  for (int i = 0; i < im->nschemes; i++)
    if (!strcmp(im->schemes[i].id, key)) s = &im->schemes[i];
  if (!s && im->nschemes < (int)(sizeof im->schemes / sizeof im->schemes[0])) {
    s = &im->schemes[im->nschemes++];
    snprintf(s->id, sizeof s->id, "%s", key);
    if (host_call(&im->h, NULL, "scheme", "s", key) != 0) {
      snprintf(s->error, sizeof s->error, "%s", host_top_text(&im->h));
    } else {
      char *v = host_top_prop_text(&im->h, "version");
      snprintf(s->version, sizeof s->version, "%s", v ? v : "");
      free(v);
    }
    host_pop(&im->h);
  }
  int col = file_col(im, version ? "version" : "scheme");
  if (!s) { import_error(im, row->number, col, "too many different schemes in one file"); return NULL; }
  if (s->error[0]) { import_error(im, row->number, col, "scheme '%s': %s", key, s->error); return NULL; }
  return s->version;
}

/* The person a decider token names: "name", or "name(key)" / "name（key）" where key is a
 * registration number or "#id" (as export writes them, so that namesakes stay apart). The id,
 * or 0 after reporting. */
static long long decider_id(Import *im, const CsvRow *row, char *t) {
  int fc = file_col(im, "deciders");
  char *key = strstr(t, "（"), *close;
  if (key) { *key = 0; key += strlen("（"); close = strstr(key, "）"); }
  else if ((key = strchr(t, '(')) != NULL) { *key++ = 0; close = strchr(key, ')'); }
  else close = NULL;
  if (key && close) *close = 0;
  else if (key) return import_error(im, row->number, fc, "'%s(%s': the bracket is not closed", t, key), 0;
  const char *sql = !key ? "SELECT id FROM people WHERE name = ?1 ORDER BY id LIMIT 2"
                  : key[0] == '#' ? "SELECT id FROM people WHERE name = ?1 AND id = CAST(substr(?2, 2) AS INTEGER)"
                  : "SELECT DISTINCT p.id FROM people p JOIN registrations r ON r.person_id = p.id WHERE p.name = ?1 AND r.number = ?2 LIMIT 2";
  sqlite3_stmt *st = db_prepare(&im->h.db, sql);
  if (!st) return row_failed(im, row), 0;
  sqlite3_bind_text(st, 1, t, -1, SQLITE_TRANSIENT);
  if (key) sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
  long long id = 0;
  int found = 0;
  while (sqlite3_step(st) == SQLITE_ROW) id = sqlite3_column_int64(st, 0), found++;
  sqlite3_finalize(st);
  if (found == 1) return id;
  if (key) return import_error(im, row->number, fc, found ? "'%s(%s)' names more than one person" :
                               key[0] == '#' ? "no person '%s' has id %s (import the people first)" :
                               "no person '%s' has registration %s (import the people first)", t, key[0] == '#' ? key + 1 : key), 0;
  return import_error(im, row->number, fc, found ? "'%s' names more than one person; give name(registration) or name(#id)" :
                                                  "no person is called '%s' (import the people first)", t), 0;
}

/* The deciders column: people (imported before) separated by ';', each a name or
 * name(registration) / name(#id); their ids into ids. Returns how many, or -1 after reporting. */
static int deciders(Import *im, const CsvRow *row, long long *ids, int max) {
  const char *v = cell(im, row, "deciders");
  int fc = file_col(im, "deciders");
  if (!v) return import_error(im, row->number, fc, "deciders is required: the names of the people who decided the certificate"), -1;
  char *list = split_list(im, v);
  if (!list) return row_failed_nomem(im, row), -1;
  char *tokens[64];
  int nt = 0;
  char *save = NULL;
  for (char *t = strtok_r(list, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
    if (nt && (t[0] == '(' || !strncmp(t, "（", strlen("（")))) { /* "name (key)": the key joins its name */
      memmove(tokens[nt - 1] + strlen(tokens[nt - 1]), t, strlen(t) + 1);
      continue;
    }
    if (nt == (int)(sizeof tokens / sizeof tokens[0])) return import_error(im, row->number, fc, "more than %d deciders", max), -1;
    tokens[nt++] = t;
  }
  if (nt > max) return import_error(im, row->number, fc, "more than %d deciders", max), -1;
  for (int i = 0; i < nt; i++)
    if (!(ids[i] = decider_id(im, row, tokens[i]))) return -1;
  return nt;
}

/* Status words in English or Chinese → the register's word. */
static const char *status_word(const char *v) {
  static const char *const STATUS[][2] = {{"active", "active"}, {"有效", "active"}, {"suspended", "suspended"},
                                          {"暂停", "suspended"}, {"withdrawn", "withdrawn"}, {"撤销", "withdrawn"},
                                          {"cancelled", "cancelled"}, {"注销", "cancelled"}, {"expired", "expired"},
                                          {"过期", "expired"}, {"失效", "expired"}};
  for (size_t i = 0; i < sizeof STATUS / sizeof STATUS[0]; i++)
    if (!strcmp(v, STATUS[i][0])) return STATUS[i][1];
  return NULL;
}

/* The certificate numbered number already in the register: its id, case, issue date and
 * status into the arguments; 0 when there is none. */
static long long known_certificate(Db *db, const char *number, long long *case_id, char issued[16], char status[16]) {
  sqlite3_stmt *st = db_prepare(db, "SELECT id, case_id, issued, status FROM certificates WHERE number = ?1");
  long long id = 0;
  if (!st) return -1;
  sqlite3_bind_text(st, 1, number ? number : "", -1, SQLITE_TRANSIENT);
  if (sqlite3_step(st) == SQLITE_ROW) {
    id = sqlite3_column_int64(st, 0);
    *case_id = sqlite3_column_int64(st, 1);
    snprintf(issued, 16, "%s", (const char *)sqlite3_column_text(st, 2));
    snprintf(status, 16, "%s", (const char *)sqlite3_column_text(st, 3));
  }
  sqlite3_finalize(st);
  return id;
}

/* A later row of a certificate already in the register (a history, as export --history writes
 * it): a new issue date is a recertification (a positive decision on the same case, then the
 * renewal), a new status a status change on status_date; a changed scope, grade or stars a
 * change. Each takes effect on its own date. 0 or -1 (db->err). */
static int certificate_history_row(Import *im, const CsvRow *row, const char *args, long long cert, long long case_id,
                                   const char *was_issued, const char *was_status, const char *word, long long stars,
                                   const char *shops, const long long *makers, int nmakers) {
  Db *db = &im->h.db;
  const char *issued = cell(im, row, "issued"), *date = cell(im, row, "status_date");
  const char *scope = cell(im, row, "scope"), *grade = cell(im, row, "grade");
  int renewed = issued && strcmp(issued, was_issued) != 0;
  if (renewed) {
    DecisionInput d = {.case_id = case_id, .outcome = "recertify", .positive = 1, .grade = grade, .date = issued,
                       .why_json = "[]", .makers = makers, .nmakers = nmakers};
    long long decision;
    if (decision_create(db, &d, args, &decision) < 0 ||
        certificate_renew(db, cert, decision, issued, cell(im, row, "expires"), grade, (int)stars, args) < 0)
      return -1;
    was_status = "active";
  }
  if (strcmp(word, was_status) != 0)
    return certificate_set_status(db, cert, &(StatusInput){.to = word, .date = date ? date : issued, .code = cell(im, row, "status_code"),
                                  .cause = cell(im, row, "status_cause"), .clause = cell(im, row, "status_clause"),
                                  .until = cell(im, row, "status_until")}, args);
  sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM certificates WHERE id = ?1 AND (scope IS NOT ?2 OR grade IS NOT ?3 OR stars <> ?4"
                                    " OR (?5 IS NOT NULL AND json(shops) IS NOT json(?5)))");
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, cert);
  sqlite3_bind_text(st, 2, scope, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 3, grade, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(st, 4, stars);
  if (shops) sqlite3_bind_text(st, 5, shops, -1, SQLITE_TRANSIENT);
  int changed = sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  return changed ? certificate_change(db, cert, scope, grade, (int)stars, shops, NULL, cell(im, row, "status_date"), args) : 0;
}

/* The file column of a field certificates.import names in a refusal. */
static int import_field_col(const Import *im, const char *field) {
  static const char *const COLUMN[][2] = {{"org", "uscc"}, {"statusDate", "status_date"}, {"cause", "status_code"}, {"by", "deciders"},
                                          {"deciders", "deciders"}, {"decided", "issued"}, {"until", "status_until"}};
  for (size_t i = 0; field && i < sizeof COLUMN / sizeof COLUMN[0]; i++)
    if (!strcmp(field, COLUMN[i][0])) return file_col(im, COLUMN[i][1]);
  return field ? file_col(im, field) : -1;
}

/* A certificate new to the register, through certificates.import (stdlib/register.js): the
 * scheme's workflow checks it (its import transition: the grade a level of the scheme, the
 * validity, a coded cause, the suspension's limit from the scheme) before core records the case,
 * decision and certificate as imported, in one transaction. The cause is the status_code column
 * (or else status_cause). 0, or -1 after reporting. */
static int import_new_certificate(Import *im, const CsvRow *row, long long org, const char *scheme, const char *version,
                                  const char *word, long long stars, const char *shops, const long long *makers, int nmakers) {
  Host *h = &im->h;
  const char *code = cell(im, row, "status_code"), *cause = code ? code : cell(im, row, "status_cause");
  static const char *const TEXT[][2] = {{"number", "number"}, {"scope", "scope"}, {"grade", "grade"}, {"issued", "issued"},
                                        {"expires", "expires"}, {"statusDate", "status_date"}};
  char id[256];
  snprintf(id, sizeof id, "%s@%s", scheme, version);
  host_push_object(h); /* certificates.import's {org, scheme, number, …, by} */
  host_set(h, "org", "d", (double)org);
  host_set(h, "scheme", "s", id);
  for (size_t i = 0; i < sizeof TEXT / sizeof TEXT[0]; i++) {
    const char *v = cell(im, row, TEXT[i][1]);
    if (v) host_set(h, TEXT[i][0], "s", v);
  }
  if (cell(im, row, "stars")) host_set(h, "stars", "d", (double)stars);
  if (shops) host_set(h, "shops", "j", shops);
  host_set(h, "status", "s", word);
  if (cause && strcmp(word, "active") != 0) host_set(h, "cause", "s", cause);
  host_set(h, "by", "a", NULL, 0);
  for (int i = 0; i < nmakers; i++) host_append(h, "by", "d", (double)makers[i]);
  int rc = host_push_export(h, NULL, "certificates.import", 1) || host_pcall(h, 1);
  if (rc != 0) {
    int col = import_field_col(im, h->error_field[0] ? h->error_field : NULL);
    const char *msg = host_top_text(h);
    import_error(im, row->number, col, "%s", !strncmp(msg, "Error: ", 7) ? msg + 7 : msg);
  }
  host_pop(h);
  return rc ? -1 : 0;
}

/* certificates: holder found by USCC; a certificate new to the register is imported through
 * the register API (import_new_certificate); a row whose number is already in the register
 * continues that certificate's history (certificate_history_row), each on its own date. */
static void import_certificate(Import *im, const CsvRow *row, const char *args) {
  Db *db = &im->h.db;
  const char *uscc = cell(im, row, "uscc"), *scheme = cell(im, row, "scheme"), *version = cell(im, row, "version");
  const char *status = cell(im, row, "status");
  /* the cells read here are each checked on their own, all reported; then the register's checks */
  int bad = 0;
  long long stars = 0;
  if (cell_int(im, row, "stars", &stars) < 0) bad = 1;
  if (shops_json(im, row) < 0) bad = 1;
  const char *shops = im->shops;
  const char *word = status ? status_word(status) : "active";
  if (!word) {
    import_error(im, row->number, file_col(im, "status"), "'%s' is not active/有效, suspended/暂停, withdrawn/撤销, cancelled/注销 or expired/过期", status);
    bad = 1;
  }
  if (!scheme) import_error(im, row->number, file_col(im, "scheme"), "scheme is required"), bad = 1;
  else if (!(version = scheme_version(im, row, scheme, version))) bad = 1;
  long long org = 0;
  if (!uscc) import_error(im, row->number, file_col(im, "uscc"), "the holder's uscc is required"), bad = 1;
  else {
    sqlite3_stmt *st = db_prepare(db, "SELECT id FROM orgs WHERE uscc = ?1");
    if (!st) { row_failed(im, row); return; }
    sqlite3_bind_text(st, 1, uscc, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) org = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (!org) {
      import_error(im, row->number, file_col(im, "uscc"), "no organisation has uscc '%s' (import the organisations first)", uscc);
      bad = 1;
    }
  }
  long long makers[16];
  int nmakers = deciders(im, row, makers, 16);
  if (nmakers < 0 || bad) return;
  long long case_id = 0, cert;
  char was_issued[16] = "", was_status[16] = "";
  if ((cert = known_certificate(db, cell(im, row, "number"), &case_id, was_issued, was_status)) < 0) { row_failed(im, row); return; }
  if (cert == 0) {
    if (import_new_certificate(im, row, org, scheme, version, word, stars, shops, makers, nmakers) == 0) im->imported++;
    return;
  }
  if (db_begin(db) < 0) { row_failed(im, row); return; }
  int ok = certificate_history_row(im, row, args, cert, case_id, was_issued, was_status, word, stars, shops, makers, nmakers) == 0;
  if (!ok) { CoreError keep = db->err; db_rollback(db); db->err = keep; row_failed(im, row); return; }
  if (db_commit(db) < 0) { row_failed(im, row); return; }
  im->imported++;
}

/* The header row: map each column; refuse unknown headers and missing required columns. */
static int import_header(Import *im, const CsvRow *row) {
  const TransferColumn *cols = TRANSFER_KINDS[im->kind].columns;
  if (row->nfields > MAX_COLUMNS) return import_error(im, 1, -1, "%d columns; at most %d", row->nfields, MAX_COLUMNS), 1;
  im->ncols = row->nfields;
  for (int i = 0; i < row->nfields; i++) {
    im->header_text[i] = strdup(row->fields[i]);
    im->col_of[i] = transfer_column(im->kind, row->fields[i]);
  }
  for (int i = 0; i < row->nfields; i++) {
    if (im->col_of[i] < 0 && row->fields[i][0]) {
      char known[1024] = "";
      for (int k = 0; cols[k].name; k++)
        snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s/%s", k ? ", " : "", cols[k].name, cols[k].zh);
      import_error(im, 1, i, "unknown column '%s'; the columns of %s are %s", row->fields[i], TRANSFER_KINDS[im->kind].name, known);
    }
    for (int j = 0; j < i; j++)
      if (im->col_of[i] >= 0 && im->col_of[j] == im->col_of[i])
        import_error(im, 1, i, "column '%s' repeats column %d", row->fields[i], j + 1);
  }
  for (int k = 0; cols[k].name; k++)
    if (cols[k].required && file_col(im, cols[k].name) < 0)
      import_error(im, 1, -1, "the required column %s (%s) is missing", cols[k].name, cols[k].zh);
  return im->errors > 0;
}

/* Draw the progress bar (on a terminal) when the percentage moved. */
static void import_progress(Import *im, const CsvRow *row) {
  int pct = row->total ? (int)(100.0 * (double)row->done / (double)row->total) : 100;
  if (pct == im->last_pct) return;
  im->last_pct = pct;
  char bar[41];
  memset(bar, '#', 40);
  memset(bar + pct * 40 / 100, '.', 40 - (size_t)(pct * 40 / 100));
  bar[40] = 0;
  fprintf(stderr, "\rimport [%s] %3d%%  %ld rows", bar, pct, row->number - 1);
}

/* One CSV record. */
static int import_row(const CsvRow *row, void *ud) {
  Import *im = ud;
  im->last_row = row->number;
  if (row->number == 1) return import_header(im, row);
  if (im->progress) import_progress(im, row);
  int blank = 1;
  for (int i = 0; i < row->nfields; i++) blank &= row->fields[i][0] == 0;
  if (blank) return 0;
  if (row->nfields != im->ncols) {
    return import_error(im, row->number, -1, "%d fields where the header has %d (a comma inside a value needs quotes)",
                        row->nfields, im->ncols);
  }
  const char *args = row_args(im, row->number);
  if (!args) { row_failed_nomem(im, row); return im->errors >= im->max_errors; }
  if (im->kind == KIND_ORGS) import_org(im, row, args);
  else if (im->kind == KIND_PEOPLE) import_person(im, row, args);
  else import_certificate(im, row, args);
  return im->errors >= im->max_errors || im->h.db.lost /* disk full: the import cannot go on */ || im->again;
}

/* The file read again from the start after row im->again failed leaving rows behind: the
 * transaction rolled back and begun anew, every row in its own savepoint, the errors of the rows
 * before that one (shown already, the same) counted but not shown again. As csv_read_file. */
static int import_again(Import *im, const char *encoding, char *err, size_t errlen, const char **enc) {
  Db *db = &im->h.db;
  db_rollback(db);
  db->spoiled = 0;
  for (int i = 0; i < im->ncols; i++) free(im->header_text[i]);
  im->ncols = 0;
  im->imported = im->errors = im->last_row = 0;
  im->last_pct = -1;
  im->guarded = 1;
  im->shown = im->again;
  im->again = 0;
  if (db_begin(db) < 0) {
    snprintf(err, errlen, "%s", db->err.message);
    return -1;
  }
  return csv_read_file(im->path, encoding, import_row, im, err, errlen, enc);
}

/* import KIND FILE [--encoding E] [--max-errors N] */
int cmd_import(Options *o) {
  const char *usage = "usage: certsh import orgs|people|certificates FILE.csv [--encoding utf-8|gbk|gb18030] [--max-errors N]";
  const char *kind_name = NULL, *path = NULL, *encoding = NULL;
  long max_errors = DEFAULT_MAX_ERRORS;
  for (int i = 0; i < o->nargs; i++) {
    const char *a = o->args[i];
    if (!strcmp(a, "--encoding") && i + 1 < o->nargs) encoding = o->args[++i];
    else if (!strcmp(a, "--max-errors") && i + 1 < o->nargs) {
      char *end;
      max_errors = strtol(o->args[++i], &end, 10);
      if (*end || max_errors < 1) { fprintf(stderr, "certsh: --max-errors '%s' must be a whole number ≥ 1\n", o->args[i]); return 2; }
    } else if (a[0] == '-' && a[1]) { fprintf(stderr, "certsh: unknown import option '%s'\n%s\n", a, usage); return 2; }
    else if (!kind_name) kind_name = a;
    else if (!path) path = a;
    else { fprintf(stderr, "certsh: unexpected '%s'\n%s\n", a, usage); return 2; }
  }
  int kind = kind_name ? transfer_kind(kind_name) : -1;
  if (kind < 0 || !path) { fprintf(stderr, "certsh: import what, from which file?\n%s\n", usage); return 2; }
  if (encoding && !csv_encoding_known(encoding)) {
    fprintf(stderr, "certsh: --encoding '%s' must be utf-8, gbk, gb18030 or gb2312\n%s\n", encoding, usage);
    return 2;
  }

  Import *im = calloc(1, sizeof *im);
  if (!im) return 1;
  im->kind = kind;
  im->path = path;
  im->max_errors = max_errors;
  im->progress = isatty(2);
  im->last_pct = -1;
  double timeout = o->timeout >= 0 ? o->timeout : 0;
  if (host_open(&im->h, o->db, o->as_of, o->mem_mb << 20, timeout, o->lib, o->read_only ? HOST_READ_ONLY : 0) < 0) { free(im); return 1; }
  Db *db = &im->h.db;
  int rc = 1;
  char err[600];
  const char *enc = NULL;
  if (db_begin(db) < 0) {
    fprintf(stderr, "error: %s\n", db->err.message);
  } else {
    int read = csv_read_file(path, encoding, import_row, im, err, sizeof err, &enc);
    if (im->again) read = import_again(im, encoding, err, sizeof err, &enc);
    if (im->progress && im->last_pct >= 0) fputs("\r\033[K", stderr);
    if (read < 0) fprintf(stderr, "%s: %s\n", path, err);
    if (read == 0 && im->last_row == 0) { fprintf(stderr, "%s: the file is empty (a header row is needed)\n", path); read = -1; }
    if (read < 0 || im->errors) {
      db_rollback(db);
      if (im->errors > im->max_errors) fprintf(stderr, "%s: … %ld more errors in that row not shown\n", path, im->errors - im->max_errors);
      if (im->errors >= im->max_errors) fprintf(stderr, "%s: stopped at row %ld after %ld errors (--max-errors)\n", path, im->last_row, im->max_errors);
      fprintf(stderr, "import: %s refused: nothing was imported\n", path);
    } else if (db_commit(db) < 0) {
      fprintf(stderr, "error: %s; nothing was imported\n", db->err.message);
    } else {
      fprintf(stderr, "import: %ld %s imported from %s (%s)\n", im->imported, TRANSFER_KINDS[kind].name, path, enc);
      rc = 0;
    }
  }
  for (int i = 0; i < im->ncols; i++) free(im->header_text[i]);
  free(im->split);
  free(im->shops);
  free(im->args);
  free(im->path_json);
  host_close(&im->h);
  free(im);
  return rc;
}
