/* core/register.c — validation and statement helpers the primitives share (core/org.c …). */
#include "core/register.h"
#include "core/civil.h"
#include "core/log.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int reg_date(Db *db, const char *field, const char *text, int required) {
  long day;
  if (!text) return required ? db_fail(db, "invalid", field, "%s is required (a date 'YYYY-MM-DD')", field) : 0;
  if (civil_parse(text, &day) < 0)
    return db_fail(db, "invalid", field, "%s '%s' is not a real calendar date 'YYYY-MM-DD'", field, text);
  return 0;
}

int reg_order(Db *db, const char *start_field, const char *start, const char *end_field, const char *end) {
  if (start && end && strcmp(end, start) < 0)
    return db_fail(db, "invalid", end_field, "%s %s is before %s %s", end_field, end, start_field, start);
  return 0;
}

int reg_text(Db *db, const char *field, const char *text) {
  const char *p = text;
  while (p && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
  if (!p || !*p) return db_fail(db, "invalid", field, "%s is required and must not be blank", field);
  return 0;
}

int reg_word(Db *db, const char *field, const char *text, const char *const *words) {
  char list[256] = "";
  for (const char *const *w = words; *w; w++) {
    if (text && !strcmp(text, *w)) return 0;
    snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", w == words ? "" : ", ", *w);
  }
  if (!text) return db_fail(db, "invalid", field, "%s is required (one of %s)", field, list);
  return db_fail(db, "invalid", field, "%s '%s' is not one of %s", field, text, list);
}

/* How deeply the JSON of a stored field may nest (deeper text could not be read back). */
#define REG_JSON_MAX_DEPTH 32

/* The deepest nesting of arrays and objects in json text (strings skipped). */
static int reg_json_depth(const char *json) {
  int depth = 0, max = 0, in_string = 0;
  for (const char *p = json; *p; p++) {
    if (in_string) {
      if (*p == '\\' && p[1]) p++;
      else if (*p == '"') in_string = 0;
    } else if (*p == '"') in_string = 1;
    else if (*p == '[' || *p == '{') { if (++depth > max) max = depth; }
    else if (*p == ']' || *p == '}') depth--;
  }
  return max;
}

int reg_json(Db *db, const char *field, const char *json, char kind) {
  if (!json) return 0;
  if (reg_json_depth(json) > REG_JSON_MAX_DEPTH)
    return db_fail(db, "invalid", field, "%s nests deeper than %d levels: %.200s", field, REG_JSON_MAX_DEPTH, json);
  sqlite3_stmt *st = db_prepare(db, "SELECT json_valid(?1) AND json_type(?1) = ?2");
  if (!st) return -1;
  sqlite3_bind_text(st, 1, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 2, kind == '[' ? "array" : "object", -1, SQLITE_STATIC);
  int ok = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
  sqlite3_finalize(st);
  if (!ok) return db_fail(db, "invalid", field, "%s must be %s, got %.200s", field, kind == '[' ? "an array" : "an object", json);
  return 0;
}

int reg_shops(Db *db, const char *field, const char *json) {
  if (!json) return 0;
  if (reg_json(db, field, json, '[') < 0) return -1;
  /* the first element that is not exactly {domain, platform} with both non-blank text */
  sqlite3_stmt *st = db_prepare(db, "SELECT e.key, e.value FROM json_each(?1) e WHERE e.type <> 'object'"
                                    " OR (SELECT count(*) FROM json_each(e.value)) <> 2"
                                    " OR json_type(e.value, '$.domain') IS NOT 'text' OR json_type(e.value, '$.platform') IS NOT 'text'"
                                    " OR trim(json_extract(e.value, '$.domain')) = '' OR trim(json_extract(e.value, '$.platform')) = ''"
                                    " ORDER BY e.key LIMIT 1");
  if (!st) return -1;
  sqlite3_bind_text(st, 1, json, -1, SQLITE_TRANSIENT);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    db_fail(db, "invalid", field, "%s[%d] must be {domain, platform} with both given as text, got %.200s", field,
            sqlite3_column_int(st, 0), sqlite3_column_type(st, 1) == SQLITE_NULL ? "null" : (const char *)sqlite3_column_text(st, 1));
    sqlite3_finalize(st);
    return -1;
  }
  sqlite3_finalize(st);
  return rc == SQLITE_DONE ? 0 : db_fail_sql(db, field);
}

int reg_exists(Db *db, const char *field, const char *table, long long id) {
  char q[128];
  snprintf(q, sizeof q, "SELECT 1 FROM %s WHERE id = ?1", table);
  sqlite3_stmt *st = db_prepare(db, q);
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, id);
  int found = sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  if (!found) return db_fail(db, "not-found", field, "%s %lld does not exist", field, id);
  return 0;
}

int reg_column(Db *db, const char *table, const char *column, long long id, const char *field, char *out, size_t n) {
  char q[160];
  snprintf(q, sizeof q, "SELECT %s FROM %s WHERE id = ?1", column, table);
  sqlite3_stmt *st = db_prepare(db, q);
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    const char *v = (const char *)sqlite3_column_text(st, 0);
    snprintf(out, n, "%s", v ? v : "");
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW) return db_fail(db, "not-found", field, "%s %lld does not exist", field, id);
  return 0;
}

/* Run sql with the values in ap bound by types: prepared for this once (slot < 0) or kept in
 * db_cached slot `slot`; 0 or -1 (db->err set). */
static int reg_vrun(Db *db, int slot, const char *sql, const char *types, va_list ap) {
  sqlite3_stmt *st = slot < 0 ? db_prepare(db, sql) : db_cached(db, slot, sql);
  if (!st) return -1;
  for (int i = 0; types[i]; i++) {
    if (types[i] == 't') {
      const char *s = va_arg(ap, const char *);
      if (s) sqlite3_bind_text(st, i + 1, s, -1, SQLITE_STATIC); else sqlite3_bind_null(st, i + 1);
    } else if (types[i] == 'i' || types[i] == 'I') {
      long long v = va_arg(ap, long long);
      if (types[i] == 'I' && v == 0) sqlite3_bind_null(st, i + 1); else sqlite3_bind_int64(st, i + 1, v);
    } else {
      double v = va_arg(ap, double);
      if (isnan(v)) sqlite3_bind_null(st, i + 1); else sqlite3_bind_double(st, i + 1, v);
    }
  }
  int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail_sql(db, "write");
  if (slot < 0) sqlite3_finalize(st);
  else sqlite3_reset(st), sqlite3_clear_bindings(st); /* texts bound without a copy: none outlives the call */
  return rc;
}

int reg_run(Db *db, const char *sql, const char *types, ...) {
  va_list ap;
  va_start(ap, types);
  int rc = reg_vrun(db, -1, sql, types, ap);
  va_end(ap);
  return rc;
}

int reg_run_cached(Db *db, int slot, const char *sql, const char *types, ...) {
  va_list ap;
  va_start(ap, types);
  int rc = reg_vrun(db, slot, sql, types, ap);
  va_end(ap);
  return rc;
}

size_t reg_decimal(char *out, long long v) {
  char tmp[20];
  unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
  size_t n = 0, k = 0;
  do tmp[n++] = (char)('0' + u % 10); while ((u /= 10) != 0);
  if (v < 0) out[k++] = '-';
  while (n) out[k++] = tmp[--n];
  out[k] = 0;
  return k;
}

int reg_abort(Db *db) {
  CoreError keep = db->err;
  db_rollback(db);
  db->err = keep;
  return -1;
}

int reg_get_json(Db *db, const char *prefix, long long id, char **out) {
  const char *table = log_subject_table(prefix);
  const char *rowjson = table ? log_row_json_sql(db, prefix) : NULL;
  if (!rowjson) return table ? -1 : db_fail(db, "internal", "", "unknown subject '%s'", prefix);
  size_t n = strlen(rowjson) + 96;
  char *q = malloc(n);
  if (!q) return db_fail(db, "nomem", "", "out of memory");
  snprintf(q, n, "SELECT %s FROM %s r WHERE r.id = ?1", rowjson, table);
  sqlite3_stmt *st = db_prepare(db, q);
  free(q);
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, id);
  int rc = sqlite3_step(st);
  *out = rc == SQLITE_ROW ? strdup((const char *)sqlite3_column_text(st, 0)) : NULL;
  sqlite3_finalize(st);
  if (rc == SQLITE_DONE) return db_fail(db, "not-found", prefix, "%s %lld does not exist", prefix, id);
  if (rc != SQLITE_ROW) return db_fail_sql(db, "read");
  return *out ? 0 : db_fail(db, "nomem", "", "out of memory");
}
