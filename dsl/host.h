/* dsl/host.h — the Duktape host: one heap per process, sandboxed, with a memory cap, a time
 * budget per top-level evaluation, a module loader over the library, and the bindings.
 * This is the only layer that speaks Duktape. */
#ifndef CERTSH_DSL_HOST_H
#define CERTSH_DSL_HOST_H

#include <signal.h>
#include <stdio.h>

#include "core/db.h"
#include "duktape.h"

/* Why the running evaluation was stopped, if it was. */
typedef enum HostStop { HOST_RUNNING = 0, HOST_TIMEOUT, HOST_INTERRUPT } HostStop;

/* Statements kept prepared between the calls that run them (host_stmt_take, host_stmt_give). */
#define HOST_STMT_CACHE 32
typedef struct HostStmt {
  sqlite3_stmt *st; /* NULL: an empty slot */
  char *sql;        /* the text it was prepared from */
  int checked;      /* 1: prepared by the read-only path (one statement, no writes) */
  unsigned long long used; /* when last given back: the least recent is evicted */
} HostStmt;

/* Everything one certsh process holds: the heap, the register, limits and output. */
typedef struct Host {
  duk_context *ctx;
  Db db;                          /* the open register */
  const char *lib_dir;            /* --lib / $CERTSH_PATH, or NULL for the embedded library */
  size_t mem_cap;                 /* bytes the heap may hold (--mem) */
  size_t mem_used;                /* bytes the heap holds now */
  double timeout;                 /* seconds per top-level evaluation, 0 = none (--timeout) */
  double deadline;                /* monotonic seconds when the running evaluation must stop */
  volatile sig_atomic_t interrupt; /* set by Ctrl-C: stop the running evaluation */
  HostStop stopped;               /* why the last evaluation was stopped */
  int mem_exceeded;               /* 1 once an allocation was refused by the cap */
  FILE *out;                      /* where print() writes */
  volatile sig_atomic_t eval_depth; /* >0 while a top-level evaluation runs (the budget is per top
                                     level; Ctrl-C stops only a running evaluation) */
  char error_field[64];            /* the field the last error described names (its .field), or "" */
  int txn_base;                      /* the transaction depth a top-level evaluation began at (a C caller's own) */
  HostStmt stmts[HOST_STMT_CACHE];   /* statements prepared before, idle (host_stmt_take) */
  unsigned long long stmt_clock;
} Host;

/* host_open's flags. */
#define HOST_READ_ONLY 1u /* open the register read-only (--read-only): every write is refused */

/* Create the heap and open the register at db_path; 0, or -1 with a message on stderr. */
int host_open(Host *h, const char *db_path, const char *as_of, size_t mem_cap, double timeout, const char *lib_dir,
              unsigned flags);
/* Free the heap and close the register. */
void host_close(Host *h);
/* host_close at the end of the process (certsh -e, certsh run): the register is closed as by
 * host_close, the script heap is left to the exit, which frees it at once (destroying it object
 * by object was a fifth of `certsh -e 1`, issue 17); kept reachable, it is no leak. A sanitizer
 * build destroys it, so that its leak check still sees every allocation. */
void host_close_at_exit(Host *h);

/* Evaluate source (named name for traces) as a program with the time budget. On success
 * returns 0 and leaves the completion value on the stack; on error returns 1 and leaves a
 * printable message string (with the stack trace when useful) on the stack. */
int host_eval(Host *h, const char *source, size_t len, const char *name);
/* Compile source (flags: 0 for a program, DUK_COMPILE_EVAL for an expression) into a function
 * left on the stack: 0, or 1 with the printable message on the stack instead. */
int host_compile(Host *h, const char *source, size_t len, const char *name, unsigned flags);
/* Call the function at stack top (with nargs args above it) under the time budget, like
 * host_eval. */
int host_pcall(Host *h, int nargs);

/* ---- the front door's calls (dsl/call.c): C values in, C values out ---------------------- */

/* Push one argument per letter of fmt: s text (const char *, NULL for null), t text of a length
 * (const char *, size_t), i int, b boolean (int), d double, g the global named (const char *),
 * G the global object, j the value of a JSON text (const char *), a an array of texts
 * (char *const *, int n). */
void host_push_args(Host *h, const char *fmt, ...);
/* Put require(module)[fn] (the global fn when module is NULL; fn may name a member's member,
 * 'command.body', 'certificates.import') under the nargs values at the stack top: 0, or 1 with the printable message in
 * their place. */
int host_push_export(Host *h, const char *module, const char *fn, int nargs);
/* Call require(module)[fn] (the global fn when module is NULL) with the arguments fmt gives
 * (host_push_args) under the time budget: 0 with its value at the stack top, or 1 with the
 * printable message there. */
int host_call(Host *h, const char *module, const char *fn, const char *fmt, ...);
/* The value at the stack top as text (valid until it is popped). */
const char *host_top_text(Host *h);
/* The value at the stack top as text of *len bytes (which may hold NULs), valid until popped. */
const char *host_top_ltext(Host *h, size_t *len);
/* The value at the stack top as `certsh -e` prints it (strings raw, the rest as JSON; json: always
 * JSON; undefined as null), malloc'd, the value popped. */
char *host_pop_display(Host *h, int json);
/* Set the global name to the value at the stack top (which stays). */
void host_put_global(Host *h, const char *name);
/* Set the global name to an array of the n strings items. */
void host_put_global_strings(Host *h, const char *name, char *const *items, int n);
/* Compile source without running it (the REPL asks whether an input is complete): 0 when it
 * compiles, else 1 with the engine's message in msg (n bytes, may be NULL). Nothing stays. */
int host_try_compile(Host *h, const char *source, size_t len, const char *name, char *msg, size_t n);
/* The value at the stack top as malloc'd text, popped. */
char *host_pop_text(Host *h);
/* Pop the value at the stack top. */
void host_pop(Host *h);
/* How many values the stack holds, and dropping those above that depth (a caller's cleanup). */
size_t host_depth(Host *h);
void host_unwind(Host *h, size_t depth);
/* 1 when the value at the stack top is undefined; is null. */
int host_top_is_undefined(Host *h);
int host_top_is_null(Host *h);
/* Property prop of the value at the stack top, as a truth value. */
int host_top_flag(Host *h, const char *prop);
/* Build an object argument: push a new object; set its key to the one value fmt gives
 * (host_push_args); append such a value to its array key (made when absent). */
void host_push_object(Host *h);
void host_set(Host *h, const char *key, const char *fmt, ...);
void host_append(Host *h, const char *key, const char *fmt, ...);
/* Property prop of the object at the stack top as a number; NaN when it is not one. */
double host_top_number(Host *h, const char *prop);
/* Property prop of the value at the stack top as malloc'd text. */
char *host_top_prop_text(Host *h, const char *prop);
/* The length of the array (or string) at the stack top; 0 for other values. */
size_t host_top_length(Host *h);
/* each(item, ud) for every string item of the array at the stack top (which stays). */
void host_top_strings(Host *h, void (*each)(const char *s, void *ud), void *ud);
/* A script's text src (n bytes) wrapped as a module function (dsl/module.h), malloc'd and
 * NUL-terminated, its length in *len; NULL when memory runs out. */
char *host_wrap_module(const char *src, size_t n, size_t *len);
/* A statement prepared before from exactly sql (with checked: by the read-only path), taken out of
 * the cache and reset, or NULL: the caller prepares it. Preparing costs more than most of the
 * queries scripts run per row (about 100,000 instructions against the register's schema). */
sqlite3_stmt *host_stmt_take(Host *h, const char *sql, int checked);
/* Give st (prepared from sql; checked as for host_stmt_take) back to the cache, reset, for the
 * next caller of the same text; the least recently used is finalized when the cache is full. */
void host_stmt_give(Host *h, sqlite3_stmt *st, const char *sql, int checked);
/* Finalize every cached statement (before the register closes). */
void host_stmt_flush(Host *h);

/* The Host owning ctx. */
Host *host_of(duk_context *ctx);
/* Monotonic seconds. */
double host_now(void);

/* Read a whole file (the command line's scripts, --lib files) into a malloc'd, NUL-terminated
 * buffer (caller frees); *len gets its length when len is not NULL. NULL when it cannot be read. */
char *host_read_file(const char *path, size_t *len);
/* Why host_read_file failed, from its errno: a folder, a FIFO or device, or the system's reason. */
const char *host_file_error(int errnum);

/* Write one CSV field to f (RFC 4180: quoted only when it holds a comma, quote or line end);
 * the one quoting rule of sqlPrint and `certsh export`. */
void host_csv_field(FILE *f, const char *s, size_t n);
/* The same field put at dst, which has room for 2n + 2 bytes (libcsv's csv_write); → its length. */
size_t host_csv_put(char *dst, const char *s, size_t n);

/* Source of a library file ("stdlib/x.js"): embedded or from lib_dir. Returns a malloc'd
 * NUL-terminated buffer (caller frees) and its length, or NULL when there is none. */
char *host_library_source(Host *h, const char *path, size_t *len);
/* Call fn for each library path (embedded, or files under lib_dir's stdlib/ schemes/). */
void host_library_list(Host *h, void (*fn)(const char *path, void *ud), void *ud);

/* Push the malloc'd bytes buf (len of them) as a string and free buf, also when the push fails
 * for want of memory (the error is then thrown): no C buffer is held across a throw. */
void host_push_owned(duk_context *ctx, char *buf, size_t len);

/* Make the built-ins the rules rely on read-only (dsl/freeze.c); 0, or -1 with the error on the stack. */
int host_freeze_builtins(duk_context *ctx);

/* require(id) as a C function: [id] → the exports of the library module id, loaded once. */
duk_ret_t host_require(duk_context *ctx);

/* Throw a JavaScript Error with .code and .field. Never returns. */
duk_ret_t host_throw(duk_context *ctx, const char *code, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5), noreturn));
/* Throw db->err as a JavaScript Error. Never returns. */
duk_ret_t host_throw_core(duk_context *ctx, const CoreError *err) __attribute__((noreturn));

/* Push the current row of st as a plain object (column name → value). Columns named in
 * json_columns (NULL-terminated, may be NULL) holding JSON text are decoded. */
void host_push_row(duk_context *ctx, sqlite3_stmt *st, const char *const *json_columns);
/* Text between the engine and the rest: Duktape holds a character outside the BMP as a
 * surrogate pair, each half 3 bytes (CESU-8); SQLite, files and the terminal want real UTF-8.
 * host_get_utf8: the string at idx as UTF-8 (the value at idx is replaced when it had to be
 * converted), its byte length in *len; NULL when it is not a string. host_push_text: push
 * UTF-8 text of n bytes as an engine string (characters outside the BMP as surrogate pairs). */
const char *host_get_utf8(duk_context *ctx, duk_idx_t idx, duk_size_t *len);
/* host_cesu_to_utf8: the n bytes of Duktape's text s (CESU-8: a character outside the BMP as two
 * 3-byte surrogates) written to out as UTF-8 (never longer); returns the length written (in place,
 * out == s, works). */
size_t host_cesu_to_utf8(const unsigned char *s, size_t n, unsigned char *out);
void host_push_text(duk_context *ctx, const char *s, size_t n);

/* Format the value at idx for printing: strings raw, undefined as "", the rest as JSON. */
const char *host_to_display(duk_context *ctx, duk_idx_t idx, int force_json);

/* Open every binding module (dsl/modules.c). */
void host_open_bindings(duk_context *ctx);

#endif
