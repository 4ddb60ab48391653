/* dsl/bind_sql.c — read-only SQL for scripts (`sql`, `sqlEach`) and `transaction(fn)`, which
 * makes a multi-step command one transaction. Writes go through the primitives only. */
#include "dsl/bind.h"

#include <math.h>
#include <string.h>

/* SQLite's default limit on the number of parameters of one statement. */
#define SQL_MAX_PARAMS 32766

/* Push the elements of the params array at idx as plain values and return how many. Done
 * before any statement is prepared: reading them may run a script's getters, which may throw. */
static duk_idx_t sql_spread_params(duk_context *ctx, duk_idx_t idx, const char *fn) {
  duk_size_t n = duk_get_length(ctx, idx);
  if (n > SQL_MAX_PARAMS)
    host_throw(ctx, "invalid", "params", "%s: %lu parameters given; a statement takes at most %d", fn, (unsigned long)n,
               SQL_MAX_PARAMS);
  duk_require_stack(ctx, (duk_idx_t)n);
  for (duk_size_t i = 0; i < n; i++) duk_get_prop_index(ctx, idx, (duk_uarridx_t)i);
  return (duk_idx_t)n;
}

/* Bind the n parameter values on the stack from first on; finalizes st before any throw. */
static void sql_bind_params(duk_context *ctx, sqlite3_stmt *st, duk_idx_t first, duk_idx_t n, const char *fn) {
  for (int i = 0; i < n; i++) {
    duk_dup(ctx, first + i);
    if (duk_is_number(ctx, -1)) {
      double v = duk_get_number(ctx, -1);
      if (v == floor(v) && fabs(v) < 9.007199254740992e15) sqlite3_bind_int64(st, i + 1, (sqlite3_int64)v);
      else sqlite3_bind_double(st, i + 1, v);
    } else if (duk_is_boolean(ctx, -1)) {
      sqlite3_bind_int(st, i + 1, duk_get_boolean(ctx, -1));
    } else if (duk_is_null_or_undefined(ctx, -1)) {
      sqlite3_bind_null(st, i + 1);
    } else if (duk_is_string(ctx, -1)) {
      duk_size_t len;
      const char *s = duk_get_lstring(ctx, -1, &len);
      sqlite3_bind_text(st, i + 1, s, (int)len, SQLITE_TRANSIENT);
    } else {
      char msg[160];
      snprintf(msg, sizeof msg, "%s: parameter %d must be text, a number, a boolean or null", fn, i + 1);
      sqlite3_finalize(st);
      host_throw(ctx, "invalid", "params", "%s, got %s", msg, duk_safe_to_string(ctx, -1));
    }
    duk_pop(ctx);
  }
}

/* Prepare text read-only; throws (naming fn) when it would write or is not one statement. */
static sqlite3_stmt *sql_prepare_readonly(duk_context *ctx, const char *fn) {
  Host *h = host_of(ctx);
  if (!duk_is_string(ctx, 0))
    host_throw(ctx, "invalid", "text", "%s: text must be one SQL statement, got %s", fn,
               duk_is_undefined(ctx, 0) ? "nothing" : duk_safe_to_string(ctx, 0));
  const char *text = duk_get_string(ctx, 0);
  const char *tail = NULL;
  sqlite3_stmt *st = NULL;
  db_readonly_begin(&h->db);
  int rc = sqlite3_prepare_v2(h->db.sql, text, -1, &st, &tail);
  db_readonly_end(&h->db);
  if (rc != SQLITE_OK) {
    int denied = rc == SQLITE_AUTH;
    char msg[600];
    snprintf(msg, sizeof msg, "%s", sqlite3_errmsg(h->db.sql));
    sqlite3_finalize(st);
    if (denied) host_throw(ctx, "read-only", "sql", "%s: queries are read-only; writes go through the primitives (orgs, cases, certificates…)", fn);
    host_throw(ctx, "sql", "sql", "%s: %s", fn, msg);
  }
  if (!st) host_throw(ctx, "sql", "sql", "%s: the text holds no statement", fn);
  while (tail && (*tail == ' ' || *tail == '\n' || *tail == '\t' || *tail == ';' || *tail == '\r')) tail++;
  if (tail && *tail) {
    sqlite3_finalize(st);
    host_throw(ctx, "sql", "sql", "%s: one statement at a time", fn);
  }
  if (!sqlite3_stmt_readonly(st)) {
    sqlite3_finalize(st);
    host_throw(ctx, "read-only", "sql", "%s: queries are read-only; writes go through the primitives", fn);
  }
  return st;
}

/* sql(text, params…) → array of row objects; read-only; params bind ?, ?1 or :name in order */
static duk_ret_t sql_query(duk_context *ctx) {
  Host *h = host_of(ctx);
  duk_idx_t first = 1, n = duk_get_top(ctx) - 1;
  if (n == 1 && duk_is_array(ctx, 1)) { first = duk_get_top(ctx); n = sql_spread_params(ctx, 1, "sql(text, params…)"); }
  sqlite3_stmt *st = sql_prepare_readonly(ctx, "sql(text, params…)");
  sql_bind_params(ctx, st, first, n, "sql(text, params…)");
  duk_push_array(ctx);
  duk_uarridx_t rows = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (bind_append_row_safely(ctx, st, NULL, -1, rows++) < 0) { sqlite3_finalize(st); (void)duk_throw(ctx); }
  }
  if (rc != SQLITE_DONE) {
    db_fail_sql(&h->db, "sql(text, params…)");
    sqlite3_finalize(st);
    host_throw_core(ctx, &h->db.err);
  }
  sqlite3_finalize(st);
  return 1;
}

/* sqlEach(text, [params], fn(row)) → rows seen; streams rows to fn one at a time (fn returning
 * false stops early), so a job over the whole register never holds it all in memory */
static duk_ret_t sql_each(duk_context *ctx) {
  Host *h = host_of(ctx);
  duk_idx_t nargs = duk_get_top(ctx);
  if (nargs < 2 || !duk_is_function(ctx, nargs - 1))
    host_throw(ctx, "invalid", "fn", "sqlEach(text, [params], fn): the last argument must be a function");
  duk_idx_t fn = nargs - 1;
  if (nargs == 3 && !duk_is_array(ctx, 1))
    host_throw(ctx, "invalid", "params", "sqlEach(text, [params], fn): params must be an array");
  duk_idx_t first = duk_get_top(ctx), n = nargs == 3 ? sql_spread_params(ctx, 1, "sqlEach(text, [params], fn)") : 0;
  sqlite3_stmt *st = sql_prepare_readonly(ctx, "sqlEach(text, [params], fn)");
  sql_bind_params(ctx, st, first, n, "sqlEach(text, [params], fn)");
  double seen = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    duk_dup(ctx, fn);
    if (bind_push_row_safely(ctx, st, NULL) < 0) { sqlite3_finalize(st); (void)duk_throw(ctx); }
    seen++;
    if (duk_pcall(ctx, 1) != DUK_EXEC_SUCCESS) { sqlite3_finalize(st); (void)duk_throw(ctx); }
    int stop = duk_is_boolean(ctx, -1) && !duk_get_boolean(ctx, -1);
    duk_pop(ctx);
    if (stop) { rc = SQLITE_DONE; break; }
  }
  if (rc != SQLITE_DONE) {
    db_fail_sql(&h->db, "sqlEach");
    sqlite3_finalize(st);
    host_throw_core(ctx, &h->db.err);
  }
  sqlite3_finalize(st);
  duk_push_number(ctx, seen);
  return 1;
}

/* transaction(fn) → fn's value; everything fn writes is committed together, or nothing is
 * when fn throws (the error is thrown on) */
static duk_ret_t sql_transaction(duk_context *ctx) {
  Host *h = host_of(ctx);
  if (!duk_is_function(ctx, 0)) host_throw(ctx, "invalid", "fn", "transaction(fn): fn must be a function");
  if (db_begin(&h->db) < 0) host_throw_core(ctx, &h->db.err);
  duk_dup(ctx, 0);
  if (duk_pcall(ctx, 0) != DUK_EXEC_SUCCESS) {
    db_rollback(&h->db);
    (void)duk_throw(ctx);
  }
  if (db_commit(&h->db) < 0) host_throw_core(ctx, &h->db.err);
  return 1;
}

static const duk_function_list_entry sql_globals[] = {
  {"sql", sql_query, DUK_VARARGS},
  {"sqlEach", sql_each, DUK_VARARGS},
  {"transaction", sql_transaction, 1},
  {NULL, NULL, 0}};

void bind_sql_open(duk_context *ctx) {
  duk_push_global_object(ctx);
  duk_put_function_list(ctx, -1, sql_globals);
  duk_pop(ctx);
}
