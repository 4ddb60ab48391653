/* dsl/bind_sql.c — read-only SQL for scripts (`sql`, `sqlEach`) and `transaction(fn)`, which
 * makes a multi-step command one transaction. Writes go through the primitives only. */
#include "dsl/bind.h"

#include <math.h>
#include <stdlib.h>
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

/* Make the text parameters (n values from first on) UTF-8, before any statement is prepared
 * (converting allocates, and may throw). */
static void sql_params_utf8(duk_context *ctx, duk_idx_t first, duk_idx_t n) {
  for (duk_idx_t i = 0; i < n; i++)
    if (duk_is_string(ctx, first + i)) host_get_utf8(ctx, first + i, NULL);
}

/* Bind the n parameter values on the stack from first on, exactly as many as the statement
 * takes; finalizes st before any throw. */
static void sql_bind_params(duk_context *ctx, sqlite3_stmt *st, duk_idx_t first, duk_idx_t n, const char *fn) {
  int want = sqlite3_bind_parameter_count(st);
  if (n != want) {
    sqlite3_finalize(st);
    host_throw(ctx, "invalid", "params", "%s: the statement takes %d parameter%s, %d given", fn, want, want == 1 ? "" : "s", (int)n);
  }
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
      const char *s = duk_get_lstring(ctx, -1, &len); /* UTF-8 already: sql_params_utf8 */
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
  sqlite3_stmt *st = host_stmt_take(h, duk_get_string(ctx, 0), 1); /* checked when first prepared */
  if (st) return st;
  const char *text = host_get_utf8(ctx, 0, NULL);
  const char *tail = NULL;
  db_ready(&h->db); /* before the read-only authorizer, which would refuse its pragma */
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

/* Stash key of the error a script's SQL function threw, until the query that called it fails. */
#define SQLFN_ERROR "\xff" "sqlFunctionError"

/* Throw why stepping st (run by fn) failed — the error a script's SQL function threw, else
 * SQLite's — after finalizing st. */
static duk_ret_t sql_throw_step_error(duk_context *ctx, sqlite3_stmt *st, const char *fn) {
  Host *h = host_of(ctx);
  db_fail_sql(&h->db, fn); /* SQLite's reason, taken and the statement freed before any call that may throw */
  sqlite3_finalize(st);
  duk_push_global_stash(ctx);
  if (duk_get_prop_string(ctx, -1, SQLFN_ERROR)) {
    duk_del_prop_string(ctx, -2, SQLFN_ERROR);
    return duk_throw(ctx);
  }
  duk_pop_2(ctx);
  host_throw_core(ctx, &h->db.err);
  return 0;
}

/* sql(text, params…) → array of row objects; read-only; params bind ?, ?1 or :name in order */
static duk_ret_t sql_query(duk_context *ctx) {
  duk_idx_t first = 1, n = duk_get_top(ctx) - 1;
  if (n == 1 && duk_is_array(ctx, 1)) { first = duk_get_top(ctx); n = sql_spread_params(ctx, 1, "sql(text, params…)"); }
  duk_require_stack(ctx, 4); /* every allocation before the statement exists */
  duk_push_array(ctx);
  sql_params_utf8(ctx, first, n);
  sqlite3_stmt *st = sql_prepare_readonly(ctx, "sql(text, params…)");
  sql_bind_params(ctx, st, first, n, "sql(text, params…)");
  duk_uarridx_t rows = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (bind_append_row_safely(ctx, st, NULL, -1, rows++) < 0) { sqlite3_finalize(st); (void)duk_throw(ctx); }
  }
  if (rc != SQLITE_DONE) return sql_throw_step_error(ctx, st, "sql(text, params…)");
  host_stmt_give(host_of(ctx), st, duk_get_string(ctx, 0), 1);
  return 1;
}

/* sqlEach(text, [params], fn(row)) → rows seen; streams rows to fn one at a time (fn returning
 * false stops early), so a job over the whole register never holds it all in memory */
static duk_ret_t sql_each(duk_context *ctx) {
  duk_idx_t nargs = duk_get_top(ctx);
  if (nargs < 2 || !duk_is_function(ctx, nargs - 1))
    host_throw(ctx, "invalid", "fn", "sqlEach(text, [params], fn): the last argument must be a function");
  duk_idx_t fn = nargs - 1;
  if (nargs == 3 && !duk_is_array(ctx, 1))
    host_throw(ctx, "invalid", "params", "sqlEach(text, [params], fn): params must be an array");
  duk_idx_t first = duk_get_top(ctx), n = nargs == 3 ? sql_spread_params(ctx, 1, "sqlEach(text, [params], fn)") : 0;
  duk_require_stack(ctx, 4); /* room for the callback and its row while the statement runs */
  sql_params_utf8(ctx, first, n);
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
  if (rc != SQLITE_DONE) return sql_throw_step_error(ctx, st, "sqlEach");
  host_stmt_give(host_of(ctx), st, duk_get_string(ctx, 0), 1);
  duk_push_number(ctx, seen);
  return 1;
}

/* 1 when the main database's texts are UTF-8 (every text SQLite gives then is, as it converts
 * to the database's encoding), 0 for UTF-16 or when it cannot be asked */
static int sql_db_is_utf8(sqlite3 *db) {
  sqlite3_stmt *st = NULL;
  int utf8 = sqlite3_prepare_v2(db, "PRAGMA main.encoding", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
             strcmp((const char *)sqlite3_column_text(st, 0), "UTF-8") == 0;
  sqlite3_finalize(st);
  return utf8;
}

/* sql_column_bytes(st, c, utf8, &len) → column c's value as UTF-8 bytes (*len of them; NULL for
 * NULL): a text's bytes as SQLite keeps them in a UTF-8 database (utf8), as sqlite3_column_text
 * would copy a text read from a row only to end it with a NUL, not needed here (an eighth of the
 * job's text reads, issue 17); a number as its text */
static const char *sql_column_bytes(sqlite3_stmt *st, int c, int utf8, size_t *len) {
  int type = sqlite3_column_type(st, c);
  const char *v = type == SQLITE_NULL ? NULL
                : type == SQLITE_TEXT && utf8 ? (const char *)sqlite3_column_blob(st, c) : (const char *)sqlite3_column_text(st, c);
  *len = v ? (size_t)sqlite3_column_bytes(st, c) : 0;
  return v;
}

/* sql_write_rows(ctx, fn, csv) → rows written: sqlPrint (csv) or sqlWrite, named fn in errors */
static duk_ret_t sql_write_rows(duk_context *ctx, const char *fn, int csv) {
  Host *h = host_of(ctx);
  duk_idx_t nargs = duk_get_top(ctx);
  if (nargs > 2) host_throw(ctx, "invalid", "params", "%s: give the parameters as one array", fn);
  if (nargs == 2 && !duk_is_array(ctx, 1)) host_throw(ctx, "invalid", "params", "%s: params must be an array", fn);
  duk_idx_t first = duk_get_top(ctx), n = nargs == 2 ? sql_spread_params(ctx, 1, fn) : 0;
  sql_params_utf8(ctx, first, n);
  sqlite3_stmt *st = sql_prepare_readonly(ctx, fn);
  sql_bind_params(ctx, st, first, n, fn);
  int cols = sqlite3_column_count(st), rc;
  double printed = 0;
  /* each line made in a buffer on the value stack (freed however this ends) and written whole:
   * a character at a time through stdio was a twentieth of the reminder job (issue 17) */
  duk_size_t cap = 1024;
  duk_idx_t bi = duk_get_top(ctx);
  char *line = duk_push_dynamic_buffer(ctx, cap);
  int utf8 = sql_db_is_utf8(sqlite3_db_handle(st));
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    size_t o = 0;
    for (int c = 0; c < cols; c++) {
      size_t len;
      const char *v = sql_column_bytes(st, c, utf8, &len);
      if (o + 2 * len + 4 > cap) line = duk_resize_buffer(ctx, bi, cap = 2 * (o + 2 * len + 4)); /* quoted: at most 2n + 2 */
      if (csv && c) line[o++] = ',';
      if (!len) continue; /* NULL and empty text: nothing */
      if (csv) o += host_csv_put(line + o, v, len);
      else {
        memcpy(line + o, v, len);
        o += len;
      }
    }
    if (csv) line[o++] = '\n';
    fwrite(line, 1, o, h->out);
    printed++;
  }
  duk_pop(ctx);
  if (rc != SQLITE_DONE) return sql_throw_step_error(ctx, st, fn);
  host_stmt_give(host_of(ctx), st, duk_get_string(ctx, 0), 1);
  if (ferror(h->out)) host_throw(ctx, "io", "output", "%s: the output could not be written", fn);
  duk_push_number(ctx, printed);
  return 1;
}

/* sqlPrint(text, [params]) → rows printed; writes each row where print() writes, as one CSV
 * line (RFC 4180, a field quoted only when it holds a comma, quote or line end; NULL empty),
 * without calling JavaScript per row: a job's output over the whole register stays in C */
static duk_ret_t sql_print(duk_context *ctx) { return sql_write_rows(ctx, "sqlPrint(text, [params])", 1); }

/* sqlWrite(text, [params]) → rows written; writes each row's values where print() writes, as
 * they are, one after the other (no separator, no line end; NULL nothing): for output a query
 * makes whole, such as an iCalendar event a row (certsh_ical_lines), with no JavaScript per row */
static duk_ret_t sql_write(duk_context *ctx) { return sql_write_rows(ctx, "sqlWrite(text, [params])", 0); }

/* ---- sqlFunctions: a script's function callable from SQL, memoised on its arguments ---- */

/* One remembered answer: the arguments (encoded) and the value the function gave for them. */
typedef struct MemoEntry {
  unsigned char *key; /* NULL: an empty slot */
  size_t klen;
  unsigned long long hash;
  int type;           /* SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT or SQLITE_TEXT */
  sqlite3_int64 i;
  double d;
  char *text;
  size_t tlen;
  int given_static;   /* text is the memo's own copy, ending at its first NUL: given as SQLITE_STATIC (sqlfn_result) */
} MemoEntry;

/* A script function registered with SQLite for the body of one sqlFunctions call. */
typedef struct SqlFunction {
  duk_context *ctx;
  char name[64];
  void *fn;               /* the function (kept alive from the global stash) */
  MemoEntry *slots;       /* open addressing, capacity a power of two */
  size_t cap, count, bytes, max_bytes;
  unsigned char *keybuf;  /* the current call's encoded arguments */
  size_t keycap;
} SqlFunction;

/* Free a SqlFunction and its memo (SQLite's destructor when the function is removed). */
static void sqlfn_free(void *p) {
  SqlFunction *f = p;
  for (size_t i = 0; i < f->cap; i++) {
    free(f->slots[i].key);
    free(f->slots[i].text);
  }
  free(f->slots);
  free(f->keybuf);
  free(f);
}

/* Append n bytes to the key buffer; 0, or -1 when out of memory. */
static int sqlfn_key_put(SqlFunction *f, size_t *len, const void *bytes, size_t n) {
  if (*len + n > f->keycap) {
    size_t cap = (*len + n) * 2 + 64;
    unsigned char *b = realloc(f->keybuf, cap);
    if (!b) return -1;
    f->keybuf = b;
    f->keycap = cap;
  }
  memcpy(f->keybuf + *len, bytes, n);
  *len += n;
  return 0;
}

/* Encode the arguments as the memo key (type, length, bytes each); its length, or 0 on no memory. */
static size_t sqlfn_key(SqlFunction *f, int argc, sqlite3_value **argv) {
  size_t len = 0;
  for (int i = 0; i < argc; i++) {
    unsigned char type = (unsigned char)sqlite3_value_type(argv[i]);
    int bad = sqlfn_key_put(f, &len, &type, 1);
    if (type == SQLITE_INTEGER) {
      sqlite3_int64 v = sqlite3_value_int64(argv[i]);
      bad |= sqlfn_key_put(f, &len, &v, sizeof v);
    } else if (type == SQLITE_FLOAT) {
      double v = sqlite3_value_double(argv[i]);
      bad |= sqlfn_key_put(f, &len, &v, sizeof v);
    } else if (type != SQLITE_NULL) {
      /* a text's bytes as SQLite keeps them (in the database's encoding, whichever way the value
       * came): sqlite3_value_text would copy a function's result, such as the audits'
       * json_group_array, only to end it with a NUL */
      const void *b = sqlite3_value_blob(argv[i]);
      size_t n = (size_t)sqlite3_value_bytes(argv[i]);
      bad |= sqlfn_key_put(f, &len, &n, sizeof n);
      if (n) bad |= sqlfn_key_put(f, &len, b, n);
    }
    if (bad) return 0;
  }
  return len ? len : 0;
}

/* A hash of the key, eight bytes at a time (a multiply and a shift each; FNV-1a's byte at a time
 * was a tenth of a remembered call over the job's keys of some 200 bytes), the last bytes one by one. */
static unsigned long long sqlfn_hash(const unsigned char *k, size_t n) {
  unsigned long long h = 1469598103934665603ULL ^ n, w;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    memcpy(&w, k + i, 8);
    h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
  }
  for (; i < n; i++) h = (h ^ k[i]) * 1099511628211ULL;
  return h ^ (h >> 32);
}

/* The slot holding key, or the empty slot where it would go. */
static MemoEntry *sqlfn_slot(SqlFunction *f, const unsigned char *key, size_t klen, unsigned long long hash) {
  size_t i = (size_t)hash & (f->cap - 1);
  while (f->slots[i].key &&
         !(f->slots[i].hash == hash && f->slots[i].klen == klen && memcmp(f->slots[i].key, key, klen) == 0))
    i = (i + 1) & (f->cap - 1);
  return &f->slots[i];
}

/* Double the memo's capacity; 0, or -1 when out of memory (the memo stays as it was). */
static int sqlfn_grow(SqlFunction *f) {
  size_t cap = f->cap ? f->cap * 2 : 1024;
  MemoEntry *slots = calloc(cap, sizeof *slots), *old = f->slots;
  if (!slots) return -1;
  size_t oldcap = f->cap;
  f->slots = slots;
  f->cap = cap;
  for (size_t i = 0; i < oldcap; i++)
    if (old[i].key) *sqlfn_slot(f, old[i].key, old[i].klen, old[i].hash) = old[i];
  free(old);
  return 0;
}

/* Give SQLite the value of e. A text the memo keeps is given as SQLITE_STATIC (it outlives every
 * statement that can read it: the memo is freed only when the function is removed, which SQLite
 * refuses while a statement runs, and a statement's registers are released when it ends), and
 * NUL-terminated: each reference to a subquery's column then copies a pointer, not the text, and
 * a function reading it (json_extract) needs no copy to add the terminator. The job's answers
 * cross two or three subqueries and are read some ten times each (issue 17). */
static void sqlfn_result(sqlite3_context *sc, const MemoEntry *e) {
  switch (e->type) {
    case SQLITE_INTEGER: sqlite3_result_int64(sc, e->i); break;
    case SQLITE_FLOAT: sqlite3_result_double(sc, e->d); break;
    case SQLITE_TEXT:
      if (e->given_static) sqlite3_result_text(sc, e->text, -1, SQLITE_STATIC);
      else sqlite3_result_text(sc, e->text, (int)e->tlen, SQLITE_TRANSIENT);
      break;
    default: sqlite3_result_null(sc);
  }
}

/* What sqlfn_call_safe needs: the function and SQLite's arguments. */
typedef struct SqlFnCall {
  SqlFunction *f;
  int argc;
  sqlite3_value **argv;
} SqlFnCall;

/* Inside duk_safe_call: call the function with the arguments as JavaScript values and leave
 * its result as null, a number or a string (objects and arrays JSON-encoded). */
static duk_ret_t sqlfn_call_safe(duk_context *ctx, void *udata) {
  SqlFnCall *c = udata;
  duk_require_stack(ctx, c->argc + 2);
  duk_push_heapptr(ctx, c->f->fn);
  for (int i = 0; i < c->argc; i++) {
    sqlite3_value *v = c->argv[i];
    switch (sqlite3_value_type(v)) {
      case SQLITE_INTEGER: duk_push_number(ctx, (double)sqlite3_value_int64(v)); break;
      case SQLITE_FLOAT: duk_push_number(ctx, sqlite3_value_double(v)); break;
      case SQLITE_NULL: duk_push_null(ctx); break;
      default: host_push_text(ctx, (const char *)sqlite3_value_text(v), (size_t)sqlite3_value_bytes(v));
    }
  }
  duk_call(ctx, c->argc);
  if (duk_is_boolean(ctx, -1)) {
    int b = duk_get_boolean(ctx, -1);
    duk_pop(ctx);
    duk_push_int(ctx, b);
  } else if (duk_is_null_or_undefined(ctx, -1)) {
    duk_pop(ctx);
    duk_push_null(ctx);
  } else if (duk_is_object(ctx, -1) && !duk_is_function(ctx, -1)) {
    duk_json_encode(ctx, -1);
  } else if (!duk_is_number(ctx, -1)) {
    duk_to_string(ctx, -1);
  }
  if (duk_is_string(ctx, -1)) host_get_utf8(ctx, -1, NULL); /* SQLite's text is UTF-8 */
  return 1;
}

/* What sqlfn_stash_error_safe fills in: the function's name and the message for SQLite. */
typedef struct SqlFnError { const char *name; char msg[600]; } SqlFnError;

/* Inside duk_safe_call: describe the error at -1 for SQLite and keep it in the stash for the
 * binding running the query to throw unchanged. */
static duk_ret_t sqlfn_stash_error_safe(duk_context *ctx, void *udata) {
  SqlFnError *e = udata;
  duk_dup(ctx, -1);
  snprintf(e->msg, sizeof e->msg, "%s(): %s", e->name, duk_safe_to_string(ctx, -1));
  duk_pop(ctx);
  duk_push_global_stash(ctx);
  duk_dup(ctx, -2);
  duk_put_prop_string(ctx, -2, SQLFN_ERROR);
  duk_pop(ctx);
  return 1;
}

/* The SQL function: the remembered answer for these arguments, else the script's (then
 * remembered). An error the script throws fails the query and is stashed for the binding that
 * runs it to throw unchanged. */
static void sqlfn_call(sqlite3_context *sc, int argc, sqlite3_value **argv) {
  SqlFunction *f = sqlite3_user_data(sc);
  duk_context *ctx = f->ctx;
  Host *h = host_of(ctx);
  size_t klen = sqlfn_key(f, argc, argv);
  unsigned long long hash = klen ? sqlfn_hash(f->keybuf, klen) : 0;
  if (klen && f->cap) {
    MemoEntry *e = sqlfn_slot(f, f->keybuf, klen, hash);
    if (e->key) { sqlfn_result(sc, e); return; }
  }
  SqlFnCall call = {f, argc, argv};
  /* inside SQLite's callback nothing may throw: check the room first, and call only in
   * protected calls */
  if (!duk_check_stack(ctx, 4)) { sqlite3_result_error_nomem(sc); return; }
  h->db.in_function++;
  duk_int_t rc = duk_safe_call(ctx, sqlfn_call_safe, &call, 0, 1);
  h->db.in_function--;
  if (rc != DUK_EXEC_SUCCESS) {
    SqlFnError e = {f->name, ""};
    if (duk_safe_call(ctx, sqlfn_stash_error_safe, &e, 1, 1) != DUK_EXEC_SUCCESS)
      snprintf(e.msg, sizeof e.msg, "%s(): failed, and its error could not be kept (out of memory)", f->name);
    duk_pop(ctx);
    sqlite3_result_error(sc, e.msg, -1);
    return;
  }
  MemoEntry v = {0};
  if (duk_is_null(ctx, -1)) v.type = SQLITE_NULL;
  else if (duk_is_number(ctx, -1)) {
    double d = duk_get_number(ctx, -1);
    if (d == floor(d) && fabs(d) < 9.007199254740992e15) { v.type = SQLITE_INTEGER; v.i = (sqlite3_int64)d; }
    else { v.type = SQLITE_FLOAT; v.d = d; }
  } else {
    duk_size_t n;
    const char *s = duk_get_lstring(ctx, -1, &n); /* UTF-8 already: sqlfn_call_safe */
    v.type = SQLITE_TEXT;
    v.text = (char *)s;
    v.tlen = n;
  }
  /* remember it, while the memo stays within its share of the memory cap; SQLite is given the
   * memo's copy, or else (not remembered) a copy of its own, before the string is popped */
  const MemoEntry *given = &v;
  size_t cost = klen + v.tlen + sizeof v;
  if (klen && f->bytes + cost <= f->max_bytes && ((f->count + 1) * 2 <= f->cap || sqlfn_grow(f) == 0)) {
    MemoEntry kept = v;
    kept.key = malloc(klen);
    char *text = v.type == SQLITE_TEXT ? malloc(v.tlen + 1) : NULL;
    if (kept.key && (text || v.type != SQLITE_TEXT)) {
      memcpy(kept.key, f->keybuf, klen);
      kept.klen = klen;
      kept.hash = hash;
      if (text) {
        memcpy(text, v.text, v.tlen);
        text[v.tlen] = 0;
        kept.given_static = strlen(text) == v.tlen; /* a text holding NUL is given with its length */
      }
      kept.text = text;
      MemoEntry *slot = sqlfn_slot(f, kept.key, klen, hash);
      *slot = kept;
      f->count++;
      f->bytes += cost;
      given = slot;
    } else {
      free(kept.key);
      free(text);
    }
  }
  sqlfn_result(sc, given);
  duk_pop(ctx);
}

/* Remove the functions registered by one sqlFunctions call (names at idx, an array). */
static void sqlfn_remove_all(duk_context *ctx, duk_idx_t names) {
  Host *h = host_of(ctx);
  duk_size_t n = duk_get_length(ctx, names);
  duk_push_global_stash(ctx);
  for (duk_size_t i = 0; i < n; i++) {
    duk_get_prop_index(ctx, names, (duk_uarridx_t)i);
    const char *name = duk_get_string(ctx, -1);
    sqlite3_create_function_v2(h->db.sql, name, -1, SQLITE_UTF8, NULL, NULL, NULL, NULL, NULL);
    duk_push_sprintf(ctx, "\xffsqlfn:%s", name);
    duk_del_prop(ctx, -3);
    duk_pop(ctx);
  }
  duk_pop(ctx);
}

/* Inside duk_safe_call: run the body (the function at index 1) with no arguments. */
static duk_ret_t sqlfn_body_safe(duk_context *ctx, void *udata) {
  (void)udata;
  duk_dup(ctx, 1);
  duk_call(ctx, 0);
  return 1;
}

/* Inside duk_safe_call (from sql_functions, sharing its stack: 0 the functions, 2 the names):
 * register each function with SQLite, recording its name in 2 first. */
static duk_ret_t sqlfn_register_safe(duk_context *ctx, void *udata) {
  (void)udata;
  Host *h = host_of(ctx);
  const char *fn = "sqlFunctions({name: fn, …}, body)";
  duk_enum(ctx, 0, DUK_ENUM_OWN_PROPERTIES_ONLY);
  duk_uarridx_t count = 0;
  while (duk_next(ctx, -1, 1)) {
    const char *name = duk_get_string(ctx, -2);
    size_t len = strlen(name);
    int ok = len > 0 && len < 64 && strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789") == len &&
             !(name[0] >= '0' && name[0] <= '9');
    const char *why = NULL;
    if (!ok) why = "must be a name of letters, digits and _ (not starting with a digit), at most 63 characters";
    else if (sqlite3_keyword_check(name, (int)len)) why = "is an SQL keyword";
    else if (!duk_is_function(ctx, -1)) why = "must be a function";
    else {
      sqlite3_stmt *st = NULL;
      int exists = 0;
      if (sqlite3_prepare_v2(h->db.sql, "SELECT 1 FROM pragma_function_list WHERE name = lower(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
        exists = sqlite3_step(st) == SQLITE_ROW;
      }
      sqlite3_finalize(st);
      if (exists) why = "is already a SQL function";
    }
    if (!why) { /* kept alive, and named for removal, before SQLite holds it */
      duk_push_global_stash(ctx);
      duk_push_sprintf(ctx, "\xffsqlfn:%s", name);
      duk_dup(ctx, -3);
      duk_put_prop(ctx, -3);
      duk_pop(ctx);
      duk_push_string(ctx, name);
      duk_put_prop_index(ctx, 2, count++);
    }
    SqlFunction *f = why ? NULL : calloc(1, sizeof *f);
    if (!why && !f) why = "could not be registered: out of memory";
    if (f) {
      f->ctx = ctx;
      snprintf(f->name, sizeof f->name, "%s", name);
      f->fn = duk_get_heapptr(ctx, -1);
      f->max_bytes = h->mem_cap / 4;
      if (sqlite3_create_function_v2(h->db.sql, name, -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, f, sqlfn_call, NULL, NULL,
                                     sqlfn_free) != SQLITE_OK)
        why = sqlite3_errmsg(h->db.sql); /* SQLite freed f */
    }
    if (why) host_throw(ctx, "invalid", "functions", "%s: '%s' %s", fn, name, why);
    duk_pop_2(ctx);
  }
  duk_pop(ctx);
  duk_push_undefined(ctx);
  return 1;
}

/* sqlFunctions({name: fn, …}, body) → body's value; while body runs, SQL run by the script
 * (sql, sqlEach, sqlPrint) can call each fn by its name. fn must give the same answer for the
 * same arguments: it is called once per distinct argument list and its answers are remembered
 * (objects and arrays come back as JSON text, booleans as 1 or 0). fn cannot change the
 * register; what it throws fails the query and is thrown on unchanged. */
static duk_ret_t sql_functions(duk_context *ctx) {
  Host *h = host_of(ctx);
  const char *fn = "sqlFunctions({name: fn, …}, body)";
  if (!duk_is_object(ctx, 0) || duk_is_array(ctx, 0) || duk_is_function(ctx, 0))
    host_throw(ctx, "invalid", "functions", "%s: the first argument must be an object of functions by name", fn);
  if (!duk_is_function(ctx, 1)) host_throw(ctx, "invalid", "body", "%s: body must be a function", fn);
  /* SQLite cannot remove a function while a statement runs: refuse rather than leave it behind */
  for (sqlite3_stmt *st = sqlite3_next_stmt(h->db.sql, NULL); st; st = sqlite3_next_stmt(h->db.sql, st))
    if (sqlite3_stmt_busy(st))
      host_throw(ctx, "invalid", "functions", "%s: cannot be called while a query runs (inside sqlEach or a SQL function); call it before", fn);
  duk_set_top(ctx, 2);
  duk_push_array(ctx); /* 2: the names registered so far */
  /* registering allocates (and may run out of memory) between SQLite calls: in a protected call,
   * so that whatever was registered before a failure is removed again */
  if (duk_safe_call(ctx, sqlfn_register_safe, NULL, 0, 1) != DUK_EXEC_SUCCESS) {
    sqlfn_remove_all(ctx, 2);
    return duk_throw(ctx);
  }
  duk_pop(ctx);
  duk_int_t rc = duk_safe_call(ctx, sqlfn_body_safe, NULL, 0, 1);
  sqlfn_remove_all(ctx, 2);
  if (rc != DUK_EXEC_SUCCESS) return duk_throw(ctx);
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
  {"sqlPrint", sql_print, DUK_VARARGS},
  {"sqlWrite", sql_write, DUK_VARARGS},
  {"sqlFunctions", sql_functions, 2},
  {"transaction", sql_transaction, 1},
  {NULL, NULL, 0}};

void bind_sql_open(duk_context *ctx) {
  duk_push_global_object(ctx);
  bind_put_functions(ctx, -1, sql_globals);
  duk_pop(ctx);
}
