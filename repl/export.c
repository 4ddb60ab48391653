/* repl/export.c — `certsh export orgs|people|certificates [--format csv|json|html|xlsx] [--encoding E] [--history] [FILE]`:
 * the public register (certificate number, holder, scope, grade, status, dates) and the
 * organisations and people, as CSV (re-importable with `certsh import`), JSON, .xlsx
 * (repl/export_xlsx.c), or one static HTML page whose search box works offline (for
 * certificates the public register page of stdlib/directory.js); --history gives every state each certificate has
 * had, which import turns back into the same certificates with their own dates. Reads only. */
#define _POSIX_C_SOURCE 200809L
#include "repl/transfer.h"
#include "repl/csvio.h"
#include "repl/document.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* The deciders of decision D as import reads them back: each "name(key)", the key being the
 * person's registration (the one the people export writes) or "#id" without one, so that two
 * people of the same name stay apart. */
#define EXPORT_DECIDERS(D)                                                                                    \
  "(SELECT group_concat(p.name || '(' || coalesce((SELECT r.number FROM registrations r WHERE r.person_id = p.id" \
  "   ORDER BY r.valid_to DESC, r.id DESC LIMIT 1), '#' || p.id) || ')', ';') FROM decision_makers m"            \
  "   JOIN people p ON p.id = m.person_id WHERE m.decision_id = " D ") AS deciders"

/* The query behind each export; its column names are the CSV header (TRANSFER_KINDS order). */
static const char *const EXPORT_SQL[] = {
  /* orgs */
  "SELECT name, uscc, address, staff, sites, shops FROM orgs ORDER BY id",
  /* people: one row per person, with the registration valid longest */
  "SELECT p.name, (SELECT group_concat(value, ';') FROM json_each(p.roles)) AS roles,"
  " r.number AS registration, r.field_code, r.valid_from, r.valid_to"
  " FROM people p LEFT JOIN registrations r ON r.id = (SELECT id FROM registrations x WHERE x.person_id = p.id"
  "   ORDER BY valid_to DESC, id DESC LIMIT 1) ORDER BY p.id",
  /* certificates: the public register */
  "SELECT c.number, o.name AS holder, o.uscc, c.scheme, c.version, c.scope, c.shops, c.grade, c.stars, c.status,"
  " c.issued, c.expires, c.status_date, c.status_cause, c.status_clause, c.status_code, c.status_until, "
  EXPORT_DECIDERS("c.decision_id")
  " FROM certificates c JOIN orgs o ON o.id = c.org_id ORDER BY c.number",
};

/* certificates --history: one row per state each certificate has had, from its events, oldest
 * first; import reads the rows of one number as its history (issue, status changes, renewals). */
static const char EXPORT_CERT_HISTORY[] =
  "WITH h AS (SELECT c.id AS cid, e.seq, json_extract(e.payload, '$.state') AS s FROM certificates c"
  "  JOIN events e ON e.subject = 'certificate:' || c.id WHERE e.kind LIKE 'certificate.%')"
  " SELECT json_extract(s, '$.number') AS number, o.name AS holder, o.uscc, json_extract(s, '$.scheme') AS scheme,"
  " json_extract(s, '$.version') AS version, json_extract(s, '$.scope') AS scope, json_extract(s, '$.shops') AS shops,"
  " json_extract(s, '$.grade') AS grade,"
  " json_extract(s, '$.stars') AS stars, json_extract(s, '$.status') AS status, json_extract(s, '$.issued') AS issued,"
  " json_extract(s, '$.expires') AS expires, json_extract(s, '$.status_date') AS status_date,"
  " json_extract(s, '$.status_cause') AS status_cause, json_extract(s, '$.status_clause') AS status_clause,"
  " json_extract(s, '$.status_code') AS status_code, json_extract(s, '$.status_until') AS status_until, "
  EXPORT_DECIDERS("json_extract(s, '$.decision_id')")
  " FROM h JOIN certificates c ON c.id = h.cid JOIN orgs o ON o.id = c.org_id ORDER BY c.number, h.seq";

/* Write s with HTML's five special characters escaped. */
static void html_put(FILE *f, const char *s) {
  for (; s && *s; s++) {
    switch (*s) {
      case '&': fputs("&amp;", f); break;
      case '<': fputs("&lt;", f); break;
      case '>': fputs("&gt;", f); break;
      case '"': fputs("&quot;", f); break;
      case '\'': fputs("&#39;", f); break;
      default: fputc(*s, f);
    }
  }
}

/* The page around the table: a search box filtering rows as one types, no network needed. */
static const char HTML_HEAD[] =
  "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%s</title>\n"
  "<style>body{font-family:system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%%}"
  "th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;font-size:.9em}th{background:#f0f0f0;position:sticky;top:0}"
  "input{font-size:1.1em;padding:.3em;width:30em;max-width:100%%}#count{margin-left:1em;color:#555}</style>\n</head>\n<body>\n"
  "<h1>%s</h1>\n<p>As of %s. <label>Search / 搜索: <input id=\"q\" type=\"search\" autofocus "
  "placeholder=\"certificate number, holder, USCC, scope…\"></label><span id=\"count\"></span></p>\n<table id=\"t\">\n";
static const char HTML_TAIL[] =
  "</tbody>\n</table>\n<script>\n(function(){var q=document.getElementById('q'),c=document.getElementById('count'),"
  "rows=document.getElementById('t').tBodies[0].rows,timer=null;\n"
  "function run(){var w=q.value.toLowerCase().split(/\\s+/).filter(Boolean),n=0;for(var i=0;i<rows.length;i++){"
  "var t=rows[i].textContent.toLowerCase(),ok=true;for(var k=0;k<w.length&&ok;k++)ok=t.indexOf(w[k])>=0;"
  "rows[i].style.display=ok?'':'none';if(ok)n++;}c.textContent=n+' / '+rows.length;}\n"
  "q.addEventListener('input',function(){clearTimeout(timer);timer=setTimeout(run,120);});run();})();\n"
  "</script>\n</body>\n</html>\n";

/* Write the rows of st to f in format fmt; returns rows written, or -1 on a database error. */
static long export_rows(Db *db, sqlite3_stmt *st, TransferFormat fmt, int kind, FILE *f) {
  int ncol = sqlite3_column_count(st);
  long n = 0;
  if (fmt == FORMAT_CSV) {
    for (int i = 0; i < ncol; i++) csv_put(f, sqlite3_column_name(st, i), i == ncol - 1);
  } else if (fmt == FORMAT_HTML) {
    const char *title = TRANSFER_KINDS[kind].title;
    fprintf(f, HTML_HEAD, title, title, db->as_of);
    fputs("<thead><tr>", f);
    for (int i = 0; i < ncol; i++) {
      fputs("<th>", f);
      html_put(f, transfer_heading(kind, sqlite3_column_name(st, i)));
      fputs("</th>", f);
    }
    fputs("</tr></thead>\n<tbody>\n", f);
  } else {
    fputs("[", f);
  }
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (fmt == FORMAT_CSV) {
      for (int i = 0; i < ncol; i++) csv_put(f, (const char *)sqlite3_column_text(st, i), i == ncol - 1);
    } else if (fmt == FORMAT_HTML) {
      fputs("<tr>", f);
      for (int i = 0; i < ncol; i++) {
        fputs("<td>", f);
        html_put(f, (const char *)sqlite3_column_text(st, i));
        fputs("</td>", f);
      }
      fputs("</tr>\n", f);
    } else {
      fputs(n ? ",\n" : "\n", f);
      fputs((const char *)sqlite3_column_text(st, ncol - 1), f); /* the row as JSON, made by SQLite */
    }
    n++;
  }
  if (rc != SQLITE_DONE) return db_fail_sql(db, "export");
  if (fmt == FORMAT_HTML) fputs(HTML_TAIL, f);
  else if (fmt == FORMAT_JSON) fputs(n ? "\n]\n" : "]\n", f);
  return n;
}

/* Prepare the export query of kind; for JSON a last column holds each row as a JSON object. */
static sqlite3_stmt *export_prepare(Db *db, int kind, TransferFormat fmt, int history) {
  const char *base = history ? EXPORT_CERT_HISTORY : EXPORT_SQL[kind];
  if (fmt != FORMAT_JSON) return db_prepare(db, base);
  /* wrap: SELECT *, json_object('col', col, …) FROM (base) — names from the base statement */
  sqlite3_stmt *probe = db_prepare(db, base);
  if (!probe) return NULL;
  size_t cap = strlen(base) + 4096, used = 0;
  char *q = malloc(cap);
  if (!q) { sqlite3_finalize(probe); db_fail(db, "nomem", "", "out of memory"); return NULL; }
  used += (size_t)snprintf(q, cap, "SELECT *, json_object(");
  int ncol = sqlite3_column_count(probe);
  for (int i = 0; i < ncol; i++) {
    const char *c = sqlite3_column_name(probe, i);
    int json_col = !strcmp(c, "shops");
    used += (size_t)snprintf(q + used, cap - used, "%s'%s', %s\"%s\"%s", i ? ", " : "", c, json_col ? "json(" : "", c,
                             json_col ? ")" : "");
  }
  snprintf(q + used, cap - used, ") FROM (%s)", base);
  sqlite3_finalize(probe);
  sqlite3_stmt *st = db_prepare(db, q);
  free(q);
  return st;
}

/* Write the export (rows of st) to f: CSV in encoding (utf-8, utf-8-bom, gbk; GBK is converted
 * from the whole text at once, so a character GBK lacks writes nothing), JSON and HTML as UTF-8,
 * xlsx as a workbook (repl/export_xlsx.c).
 * Returns rows written, or -1 with the reason on stderr. */
static long export_write(Db *db, sqlite3_stmt *st, TransferFormat fmt, int kind, const char *encoding, FILE *f) {
  if (fmt == FORMAT_XLSX) {
    long n = export_xlsx(db, st, kind, f);
    if (n < 0) fprintf(stderr, "error: %s\n", db->err.message);
    return n;
  }
  if (fmt != FORMAT_CSV || !strcasecmp(encoding, "utf-8")) {
    long n = export_rows(db, st, fmt, kind, f);
    if (n < 0) fprintf(stderr, "error: %s\n", db->err.message);
    return n;
  }
  if (!strcasecmp(encoding, "utf-8-bom")) {
    char err[8];
    csv_write_encoded(f, encoding, "", 0, err, sizeof err);
    long n = export_rows(db, st, fmt, kind, f);
    if (n < 0) fprintf(stderr, "error: %s\n", db->err.message);
    return n;
  }
  char *buf = NULL, err[600];
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  if (!mem) { fprintf(stderr, "error: out of memory\n"); return -1; }
  long n = export_rows(db, st, fmt, kind, mem);
  fclose(mem);
  if (n < 0) fprintf(stderr, "error: %s\n", db->err.message);
  else if (csv_write_encoded(f, encoding, buf, len, err, sizeof err) < 0) { fprintf(stderr, "export: %s\n", err); n = -1; }
  free(buf);
  return n;
}

/* export KIND [--format csv|json|html|xlsx] [--encoding utf-8|utf-8-bom|gbk] [--history] [FILE] */
int cmd_export(Options *o) {
  const char *usage = "usage: certsh export orgs|people|certificates [--format csv|json|html|xlsx] [--encoding utf-8|utf-8-bom|gbk] "
                      "[--history] [FILE]";
  const char *kind_name = NULL, *path = NULL, *format = "csv", *encoding = "utf-8";
  int history = 0;
  for (int i = 0; i < o->nargs; i++) {
    const char *a = o->args[i];
    if (!strcmp(a, "--history")) history = 1;
    else if (!strcmp(a, "--format") && i + 1 < o->nargs) format = o->args[++i];
    else if (!strncmp(a, "--format=", 9)) format = a + 9;
    else if (!strcmp(a, "--encoding") && i + 1 < o->nargs) encoding = o->args[++i];
    else if (!strncmp(a, "--encoding=", 11)) encoding = a + 11;
    else if (a[0] == '-' && a[1]) { fprintf(stderr, "certsh: unknown export option '%s'\n%s\n", a, usage); return 2; }
    else if (!kind_name) kind_name = a;
    else if (!path) path = a;
    else { fprintf(stderr, "certsh: unexpected '%s'\n%s\n", a, usage); return 2; }
  }
  int kind = kind_name ? transfer_kind(kind_name) : -1;
  if (kind < 0) { fprintf(stderr, "certsh: export what? '%s'\n%s\n", kind_name ? kind_name : "", usage); return 2; }
  TransferFormat fmt = !strcmp(format, "csv") ? FORMAT_CSV : !strcmp(format, "json") ? FORMAT_JSON
                       : !strcmp(format, "html") ? FORMAT_HTML : !strcmp(format, "xlsx") ? FORMAT_XLSX : FORMAT_NONE;
  if (fmt == FORMAT_NONE) { fprintf(stderr, "certsh: --format '%s' must be csv, json, html or xlsx\n%s\n", format, usage); return 2; }
  if (strcasecmp(encoding, "utf-8") && strcasecmp(encoding, "utf-8-bom") && strcasecmp(encoding, "gbk")) {
    fprintf(stderr, "certsh: --encoding '%s' must be utf-8, utf-8-bom or gbk\n%s\n", encoding, usage);
    return 2;
  }
  if (fmt != FORMAT_CSV && strcasecmp(encoding, "utf-8")) {
    fprintf(stderr, "certsh: --encoding is for CSV; %s is always UTF-8\n%s\n", format, usage);
    return 2;
  }
  if (history && kind != KIND_CERTIFICATES) { fprintf(stderr, "certsh: --history is for certificates\n%s\n", usage); return 2; }
  if (history && fmt == FORMAT_HTML) { fprintf(stderr, "certsh: --history is for csv, json or xlsx: the HTML page is the public register, as it stands\n%s\n", usage); return 2; }
  if (kind == KIND_CERTIFICATES && fmt == FORMAT_HTML) return export_register_page(o, path); /* the public page */
  if (fmt == FORMAT_XLSX && (!path || !strcmp(path, "-")) && isatty(1)) {
    fprintf(stderr, "certsh: will not write a workbook to a terminal: give the FILE.xlsx\n%s\n", usage);
    return 2;
  }

  Db db;
  CoreError err;
  if ((o->read_only ? db_open_readonly : db_open)(&db, o->db, &err) < 0) { fprintf(stderr, "error: %s\n", err.message); return 1; }
  db_limit_memory(&db, (long long)o->mem_mb << 20);
  transfer_set_as_of(&db, o->as_of);
  TransferOut out;
  int rc = 1;
  sqlite3_stmt *st = NULL;
  if (db_exec(&db, "BEGIN") < 0 || !(st = export_prepare(&db, kind, fmt, history))) {
    fprintf(stderr, "error: %s\n", db.err.message);
  } else if (transfer_out_open(&out, path) == 0) {
    long n = export_write(&db, st, fmt, kind, encoding, out.f);
    rc = transfer_out_close(&out, n >= 0) == 0 && n >= 0 ? 0 : 1;
    if (rc == 0 && path) fprintf(stderr, "export: %ld %s written to %s\n", n, TRANSFER_KINDS[kind].name, path);
  }
  sqlite3_finalize(st);
  sqlite3_exec(db.sql, "COMMIT", NULL, NULL, NULL);
  db_close(&db);
  return rc;
}
