/* core/db.c — opening the register, migrating its schema, transactions and errors. */
#define _POSIX_C_SOURCE 200809L
#include "core/db.h"
#include "core/schema.h"
#include "core/dqlite_db.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <stdlib.h>
#include <unistd.h>

/* Busy waits are bounded: a writer waits this long for the lock, then fails clearly. */
#define DB_BUSY_TIMEOUT_MS 10000

/* The page size of a register certsh init creates (a register keeps the size it was made with).
 * 16 KB, not SQLite's 4 KB: the jobs read the whole register, and read it in a quarter of the
 * calls (the reminder job at a million certificates: 215,478 reads of 4 KB, a fifth of its time
 * in the kernel); a
 * small command writes more to the WAL (one organisation: 164 KB against 58 KB), in no more
 * calls and as many syncs, so the writers' rate is the same (bench/run; docs/jobs.md, issue 17). */
#define DB_PAGE_SIZE "16384"

int db_fail(Db *db, const char *code, const char *field, const char *fmt, ...) {
  va_list ap;
  snprintf(db->err.code, sizeof db->err.code, "%s", code);
  snprintf(db->err.field, sizeof db->err.field, "%s", field ? field : "");
  va_start(ap, fmt);
  vsnprintf(db->err.message, sizeof db->err.message, fmt, ap);
  va_end(ap);
  return -1;
}

/* The refusal of a write to a register opened read-only. */
static int db_fail_readonly(Db *db) {
  if (db->readonly_asked)
    return db_fail(db, "read-only", "--read-only", "the register '%s' is open read-only (--read-only): it can be read, "
                   "verified and exported, but nothing can be written; nothing was written", db->path);
  return db_fail(db, "read-only", "--db", "the register '%s' is open read-only (the file or its folder is not writable): "
                 "it can be read, verified and exported, but nothing can be written; nothing was written", db->path);
}

int db_fail_sql(Db *db, const char *context) {
  int rc = sqlite3_extended_errcode(db->sql);
  const char *msg = sqlite3_errmsg(db->sql);
  int primary = rc & 0xff;
  /* after these SQLite may have rolled back by itself; either way the command cannot be whole */
  if (db->depth > 0 && (primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_NOMEM ||
                        primary == SQLITE_CORRUPT || sqlite3_get_autocommit(db->sql)))
    db->lost = 1;
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED || (rc & 0xff) == SQLITE_BUSY)
    return db_fail(db, "busy", "", "%s: the database stayed locked by another process for %d s; nothing was written",
                   context, DB_BUSY_TIMEOUT_MS / 1000);
  if ((rc & 0xff) == SQLITE_CONSTRAINT) {
    /* Trigger messages are already sentences; name the constraint otherwise. */
    if (strncmp(msg, "impartiality", 12) == 0 || strncmp(msg, "the record log", 14) == 0)
      return db_fail(db, "refused", "", "%s", msg);
    return db_fail(db, "constraint", "", "%s: %s", context, msg);
  }
  if (rc == SQLITE_INTERRUPT) return db_fail(db, "interrupted", "", "%s: interrupted", context);
  if ((rc & 0xff) == SQLITE_READONLY) return db_fail_readonly(db);
  if ((rc & 0xff) == SQLITE_NOMEM && db->memory_limit)
    return db_fail(db, "out-of-memory", "", "%s: SQLite needed more than its cap of %lld MB (--mem; its temporary "
                   "tables and sorts are held in memory under that cap); nothing was written", context, db->memory_limit >> 20);
  if ((rc & 0xff) == SQLITE_NOMEM) return db_fail(db, "out-of-memory", "", "%s: out of memory; nothing was written", context);
  return db_fail(db, "sqlite", "", "%s: %s", context, msg);
}

void db_ready(Db *db) {
  if (!db->sync_pending) return;
  db->sync_pending = 0; /* failing (a busy or broken file) leaves FULL, and the statement says why */
  sqlite3_exec(db->sql, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
}

sqlite3_stmt *db_prepare(Db *db, const char *sql) {
  sqlite3_stmt *st = NULL;
  db_ready(db);
  if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK) {
    db_fail_sql(db, "prepare");
    sqlite3_finalize(st);
    return NULL;
  }
  return st;
}

sqlite3_stmt *db_cached(Db *db, int slot, const char *sql) {
  if (slot < 0 || slot >= DB_CACHED_STATEMENTS) {
    db_fail(db, "internal", "", "statement cache slot %d out of range", slot);
    return NULL;
  }
  sqlite3_stmt *st = db->cached[slot];
  if (st) {
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return st;
  }
  db_ready(db);
  if (sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
    db_fail_sql(db, "prepare");
    sqlite3_finalize(st);
    return NULL;
  }
  return db->cached[slot] = st;
}

int db_exec(Db *db, const char *sql) {
  char *msg = NULL;
  db_ready(db);
  if (sqlite3_exec(db->sql, sql, NULL, NULL, &msg) != SQLITE_OK) {
    sqlite3_free(msg);
    return db_fail_sql(db, "exec");
  }
  return 0;
}

long long db_last_id(Db *db) { return (long long)sqlite3_last_insert_rowid(db->sql); }

int db_schema_version(void) {
  int n = 0;
  while (schema_migrations[n]) n++;
  return n;
}

/* Read PRAGMA user_version, or -1. */
static int db_user_version(Db *db) {
  sqlite3_stmt *st = db_prepare(db, "PRAGMA user_version");
  int v = -1;
  if (st && sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return v;
}

/* Make the empty register in memory a copy of the fresh register's bytes (schema_fresh_image,
 * made at build time by running schema_fresh): the same tables, triggers and user_version as
 * running the schema here, which took 12 million instructions of every `--db :memory:` start
 * (issue 17). 0, or -1 (nothing changed: the caller runs the schema instead). */
static int db_memory_fresh(Db *db) {
  unsigned char *copy = sqlite3_malloc64(schema_fresh_image_size);
  if (!copy) return -1;
  memcpy(copy, schema_fresh_image, schema_fresh_image_size);
  if (sqlite3_deserialize(db->sql, "main", copy, (sqlite3_int64)schema_fresh_image_size, (sqlite3_int64)schema_fresh_image_size,
                          SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK)
    return -1; /* (SQLite frees copy) */
  sqlite3_int64 no_cap = INT64_MAX; /* like any :memory: database: no size limit but memory's (--mem) */
  sqlite3_file_control(db->sql, "main", SQLITE_FCNTL_SIZE_LIMIT, &no_cap);
  return 0;
}

/* Create the whole schema of a new, empty register in one transaction from schema_fresh (the
 * schema the migrations build, generated and checked against them at build time): 0 when done,
 * 1 when the register is not empty after all (another process created it first), -1 on error. */
static int db_create_fresh(Db *db) {
  char pragma[64];
  if (!strcmp(db->path, ":memory:") && db_memory_fresh(db) == 0) return 0;
  if (db_exec(db, "BEGIN IMMEDIATE") < 0) return -1;
  sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM sqlite_master");
  int empty = st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 0;
  sqlite3_finalize(st);
  if (!empty || db_user_version(db) != 0) {
    db_exec(db, "ROLLBACK");
    return st ? 1 : -1;
  }
  snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", schema_fresh_version);
  if (db_exec(db, schema_fresh) < 0 || db_exec(db, pragma) < 0 || db_exec(db, "COMMIT") < 0) {
    CoreError keep = db->err;
    sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
    db->err = keep;
    return -1;
  }
  return 0;
}

/* Bring the schema up to date, each step in its own transaction (a new register in one step). */
static int db_migrate(Db *db) {
  int have = db_user_version(db), want = db_schema_version();
  if (have < 0) return -1;
  if (have == 0 && want == schema_fresh_version) {
    int rc = db_create_fresh(db);
    if (rc <= 0) return rc;
    have = db_user_version(db);
    if (have < 0) return -1;
  }
  if (have > want)
    return db_fail(db, "schema", "", "the database has schema version %d but this certsh knows only up to %d; use a newer certsh",
                   have, want);
  for (int v = have; v < want; v++) {
    char pragma[64];
    if (db_exec(db, "BEGIN IMMEDIATE") < 0) return -1;
    if (db_user_version(db) != v) { /* another process migrated meanwhile */
      db_exec(db, "ROLLBACK");
      return db_migrate(db);
    }
    snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", v + 1);
    if (db_exec(db, schema_migrations[v]) < 0 || db_exec(db, pragma) < 0 || db_exec(db, "COMMIT") < 0) {
      CoreError keep = db->err;
      sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
      db->err = keep;
      return -1;
    }
  }
  return 0;
}

/* 1 when pragma name only reads the schema (introspection a query may use). */
static int db_pragma_harmless(const char *name) {
  static const char *const HARMLESS[] = {"table_info", "table_xinfo", "index_list", "index_info", "index_xinfo",
                                         "foreign_key_list", "function_list", "user_version", NULL};
  for (const char *const *p = HARMLESS; name && *p; p++)
    if (!strcasecmp(name, *p)) return 1;
  return 0;
}

/* Authorizer that allows reading only (as Fossil's report.c does). */
static int db_authorize_read(void *ud, int action, const char *a, const char *b, const char *c, const char *d) {
  Db *db = ud;
  (void)b; (void)c; (void)d;
  if (!db->readonly) return SQLITE_OK;
  switch (action) {
    case SQLITE_READ: /* a table-valued pragma (pragma_optimize) runs its PRAGMA only when stepped, after
                         this authorizer is off: refuse all but the harmless ones here */
      if (a && !strncasecmp(a, "pragma_", 7) && !db_pragma_harmless(a + 7)) return SQLITE_DENY;
      return SQLITE_OK;
    case SQLITE_SELECT: case SQLITE_FUNCTION: case SQLITE_RECURSIVE:
      return SQLITE_OK;
    case SQLITE_PRAGMA: /* only harmless introspection */
      return db_pragma_harmless(a) && !c ? SQLITE_OK : SQLITE_DENY;
    case SQLITE_UPDATE: /* asked when a table-valued function (json_each, json_tree) declares its
                           columns; a real write is refused anyway: sqlite3_stmt_readonly */
      return a && !strcmp(a, "sqlite_master") && !d ? SQLITE_OK : SQLITE_DENY;
    default:
      return SQLITE_DENY;
  }
}

void db_readonly_begin(Db *db) { db->readonly = 1; }
void db_readonly_end(Db *db) { db->readonly = 0; }

/* Configure SQLite once, before its first use: certsh calls it from one thread only, so no
 * mutexes. Memory statistics stay on: the hard heap limit (db_limit_memory) needs them. */
static void db_configure_once(void) {
  static int done;
  if (done) return;
  done = 1;
  sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 1);
}

void db_limit_memory(Db *db, long long bytes) {
  db->memory_limit = bytes;
  sqlite3_hard_heap_limit64(bytes);
}

/* 1 when path names a file on disk (not ":memory:" or a "file:" URI, which SQLite resolves). */
static int db_is_plain_path(const char *path) {
  return strcmp(path, ":memory:") != 0 && strncmp(path, "file:", 5) != 0;
}

/* "file:" URI of a plain path for a read-only open: '%', '?' and '#' escaped; immutable=1
 * when the folder is not writable (SQLite could not create the -shm file a WAL reader needs). */
static void db_readonly_uri(char *out, size_t n, const char *path, int immutable) {
  size_t k = (size_t)snprintf(out, n, "file:");
  for (const char *p = path; *p && k + 4 < n; p++) {
    if (*p == '%' || *p == '?' || *p == '#') k += (size_t)snprintf(out + k, n - k, "%%%02X", (unsigned char)*p);
    else out[k++] = *p;
  }
  snprintf(out + k, n - k, "?mode=ro%s", immutable ? "&immutable=1" : "");
}

/* 1 when SQLite's error (rc) means the file or its folder cannot be written. */
static int db_rc_readonly(int rc) {
  return (rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_PERM;
}

/* Connect to path: read-write, or read-only when the file or its folder is not writable
 * (issue 11, family 7: verify and export work on a register on a read-only medium) or when
 * db->readonly_asked (--read-only: SQLite itself then refuses every write). */
static int db_connect(Db *db, const char *path, int create) {
  int rc = SQLITE_OK;
  if (!(db->readonly_asked && db_is_plain_path(path))) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI | (create ? SQLITE_OPEN_CREATE : 0);
    rc = sqlite3_open_v2(path, &db->sql, flags, NULL);
    if (db->sql) sqlite3_busy_timeout(db->sql, DB_BUSY_TIMEOUT_MS); /* the probe may meet a writer */
  }
  if (rc == SQLITE_OK && !create && db_is_plain_path(path)) {
    if (db->sql) {
      /* a first read proves the connection: WAL needs -shm beside the file */
      rc = sqlite3_exec(db->sql, "PRAGMA user_version", NULL, NULL, NULL);
      if (rc == SQLITE_OK && !sqlite3_db_readonly(db->sql, "main")) return 0;
      if (rc != SQLITE_OK && !db_rc_readonly(sqlite3_extended_errcode(db->sql))) goto failed;
      sqlite3_close_v2(db->sql);
      db->sql = NULL;
    }
    char uri[4200], wal[4100];
    struct stat sb;
    snprintf(wal, sizeof wal, "%s-wal", path);
    for (int immutable = 0; immutable <= 1; immutable++) {
      /* immutable ignores a -wal file: only when there is none with changes in it */
      if (immutable && stat(wal, &sb) == 0 && sb.st_size > 0) break;
      db_readonly_uri(uri, sizeof uri, path, immutable);
      rc = sqlite3_open_v2(uri, &db->sql, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
      if (db->sql) sqlite3_busy_timeout(db->sql, DB_BUSY_TIMEOUT_MS);
      if (rc == SQLITE_OK) rc = sqlite3_exec(db->sql, "PRAGMA user_version", NULL, NULL, NULL);
      if (rc == SQLITE_OK) { db->readonly_file = 1; return 0; }
      if (immutable == 0 && db->sql) { sqlite3_close_v2(db->sql); db->sql = NULL; }
    }
  }
  if (rc == SQLITE_OK) return 0;
failed:
  db_fail(db, "open", "--db", "cannot open database '%s': %s", path,
          db->sql ? sqlite3_errmsg(db->sql) : sqlite3_errstr(rc));
  return -1;
}

/* 1 when the file at path is an SQLite database already in WAL mode (its header's read and
 * write versions are 2: SQLite keeps a database in WAL mode across connections by itself). */
static int db_file_is_wal(const char *path) {
  unsigned char h[20];
  FILE *f = fopen(path, "rb");
  if (!f) return 0;
  size_t n = fread(h, 1, sizeof h, f);
  fclose(f);
  return n == sizeof h && !memcmp(h, "SQLite format 3", 16) && h[18] == 2 && h[19] == 2;
}

/* Open path (creating it only when create is 1), configure and migrate it. */
static int db_open_as(Db *db, const char *path, int create, int readonly, CoreError *err) {
  db_configure_once();
  memset(db, 0, sizeof *db);
  db->readonly_asked = readonly;
  snprintf(db->actor, sizeof db->actor, "certsh");
  snprintf(db->path, sizeof db->path, "%s", path);
  struct stat sb;
  char local[512];
  int sync = 0; /* synchronous=NORMAL to set (db_ready) */
  if (dqdb_is_url(path)) { /* a register on a cluster: open the local copy of it */
    if (create) { db_fail(db, "usage", "--db", "a register on a cluster is created by certsh init or copy"); goto fail; }
    if (dqdb_open(db, path, local, sizeof local) < 0) goto fail;
    path = local;
  }
  if (db_is_plain_path(path) && !create && stat(path, &sb) != 0) {
    /* a typo must not make an empty register (issue 11, family 8): only `certsh init` creates */
    db_fail(db, "not-found", "--db", "there is no register at '%s' (%s); nothing was created. "
            "To start an empty register there, run: certsh init %s", path, strerror(errno), path);
    goto fail;
  }
  if (db_is_plain_path(path) && !create && !S_ISREG(sb.st_mode)) {
    db_fail(db, "open", "--db", "'%s' is not a register: it is %s, not a regular file", path,
            S_ISDIR(sb.st_mode) ? "a folder" : "a FIFO, socket or device");
    goto fail;
  }
  /* read before connecting: a register in WAL mode never leaves it, so the connection's first read
   * sees it too (read after, a file another process was still making could look WAL to us while
   * our connection had read it empty: e2e_concurrency lost writes) */
  int wal = !create && db_is_plain_path(path) && db_file_is_wal(path);
  if (db_connect(db, path, create) < 0) goto fail;
  /* before the first write (here: the journal mode), or it no longer changes */
  if (create && db_is_plain_path(path) && db_exec(db, "PRAGMA page_size=" DB_PAGE_SIZE) < 0) goto fail;
  sqlite3_extended_result_codes(db->sql, 1);
  sqlite3_busy_timeout(db->sql, DB_BUSY_TIMEOUT_MS);
  if (db_exec(db, "PRAGMA foreign_keys=ON") < 0) goto fail;
  if (strcmp(path, ":memory:") != 0 && !db->readonly_file) {
    /* SQLite does not always call the busy handler for a journal-mode change (another process
     * creating or migrating the register holds its lock): retry it for the busy timeout. A
     * register already in WAL mode (every one after its first opening) needs no change: asking
     * for it anyway made SQLite parse the whole schema at every start-up (issue 17: 2.3 million
     * instructions, a command such as -e 1 that reads no table then parses none). */
    int rc = wal ? SQLITE_ROW : SQLITE_BUSY;
    for (int waited = 0; (rc & 0xff) == SQLITE_BUSY && waited <= DB_BUSY_TIMEOUT_MS; waited += 10) {
      if (waited) sqlite3_sleep(10);
      sqlite3_stmt *st = db_prepare(db, "PRAGMA journal_mode=WAL");
      if (!st) {
        if ((sqlite3_extended_errcode(db->sql) & 0xff) == SQLITE_BUSY) continue;
        goto fail;
      }
      rc = sqlite3_step(st);
      sqlite3_finalize(st);
    }
    if (rc != SQLITE_ROW) {
      db_fail(db, "open", "--db", "'%s' is not a usable certsh database: %s", path, sqlite3_errmsg(db->sql));
      goto fail;
    }
    sync = 1; /* set before the first statement after opening (db_ready): its pragma parses the schema */
  }
  /* temporary tables, indexes and sorts stay in memory, where SQLite's heap limit bounds them:
   * temporary files had no bound at all (issue 11, family 7) */
  if (db_exec(db, "PRAGMA temp_store=MEMORY") < 0) goto fail;
  if (db->readonly_file) {
    int have = db_user_version(db), want = db_schema_version();
    if (have != want) {
      db_fail(db, "read-only", db->readonly_asked ? "--read-only" : "--db", "the register '%s' has schema version %d and this "
              "certsh needs %d, but it is open read-only (%s), so it cannot be migrated", path, have, want,
              db->readonly_asked ? "--read-only" : "the file or its folder is not writable");
      goto fail;
    }
  } else if (db_migrate(db) < 0) goto fail;
  sqlite3_set_authorizer(db->sql, db_authorize_read, db);
  db->sync_pending = sync;
  return 0;
fail:
  if (err) *err = db->err;
  db_close(db);
  return -1;
}

int db_open(Db *db, const char *path, CoreError *err) { return db_open_as(db, path, 0, 0, err); }

int db_open_readonly(Db *db, const char *path, CoreError *err) { return db_open_as(db, path, 0, 1, err); }

int db_init(const char *path, CoreError *err) {
  Db db;
  struct stat sb;
  if (dqdb_is_url(path)) { /* on a cluster: an empty register made in a private file, copied there */
    const char *tmp = getenv("TMPDIR");
    char dir[300], file[340];
    snprintf(dir, sizeof dir, "%s/certsh-init-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
      snprintf(err->code, sizeof err->code, "open");
      snprintf(err->field, sizeof err->field, "TMPDIR");
      snprintf(err->message, sizeof err->message, "cannot make a temporary folder under '%s': %s", tmp && *tmp ? tmp : "/tmp", strerror(errno));
      return -1;
    }
    snprintf(file, sizeof file, "%s/register.db", dir);
    int rc = db_init(file, err);
    if (rc == 0) rc = dqdb_copy_in(file, path, err);
    static const char *const SUFFIX[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
      char f[360];
      snprintf(f, sizeof f, "%s%s", file, SUFFIX[i]);
      unlink(f);
    }
    rmdir(dir);
    return rc;
  }
  if (db_is_plain_path(path) && stat(path, &sb) == 0) {
    snprintf(err->code, sizeof err->code, "exists");
    snprintf(err->field, sizeof err->field, "FILE");
    snprintf(err->message, sizeof err->message, "'%s' already exists; certsh init creates only a new register", path);
    return -1;
  }
  if (db_open_as(&db, path, 1, 0, err) < 0) return -1;
  db_close(&db);
  return 0;
}

void db_close(Db *db) {
  for (int i = 0; i < DB_CACHED_STATEMENTS; i++) {
    sqlite3_finalize(db->cached[i]);
    db->cached[i] = NULL;
  }
  if (db->sql) sqlite3_close_v2(db->sql);
  db->sql = NULL;
  dqdb_close(db);
}

/* Run a statement kept prepared in slot (savepoints: one per command, a million in an import). */
static int db_step_cached(Db *db, int slot, const char *sql) {
  sqlite3_stmt *st = db_cached(db, slot, sql);
  if (!st) return -1;
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  return rc == SQLITE_DONE ? 0 : db_fail_sql(db, "exec");
}

/* 1 when the transaction db_begin opened is gone: SQLite rolled it back by itself (it may on
 * SQLITE_FULL, IOERR or NOMEM; a later SAVEPOINT would then start a new one), or a disk-full or
 * I/O error struck inside it. Nothing more may be written until the outermost level ends. */
static int db_lost(Db *db) {
  if (db->depth > 0 && sqlite3_get_autocommit(db->sql)) db->lost = 1;
  return db->lost;
}

/* Fail because the enclosing transaction is lost (see db_lost). */
static int db_fail_lost(Db *db) {
  return db_fail(db, "aborted", "", "the command's transaction was rolled back after a disk-full or I/O error; nothing of it was written");
}

/* 1 when the innermost level was begun without a savepoint (db_bare). */
static int db_level_bare(const Db *db) { return db->depth > 1 && db->depth < 32 && (db->bare_levels >> db->depth & 1u); }

void db_bare(Db *db, int on) { db->bare = on; }

int db_begin(Db *db) {
  if (db->in_function)
    return db_fail(db, "read-only", "sql", "a SQL function (sqlFunctions) runs inside a query and cannot change the register");
  if (db->readonly_file || db->readonly_asked) return db_fail_readonly(db);
  if (db_lost(db)) return db_fail_lost(db);
  if (db->known_on[0])
    return db_fail(db, "read-only", "--known-on", "--known-on %s shows the register as it was known then; nothing can be written in it",
                   db->known_on);
  if (db->depth == 0) db->head_seq = 0; /* another process may have written since */
  if (db->depth == 0 && db->remote && dqdb_begin(db) < 0) return -1;
  int level = db->depth + 1;
  if (db->depth > 0 && db->bare && level < 32) { /* no savepoint: what it writes is counted */
    db->bare_levels |= 1u << level;
    db->bare_mark[level] = sqlite3_total_changes64(db->sql);
  } else if ((db->depth == 0 ? db_exec(db, "BEGIN IMMEDIATE") : db_step_cached(db, DB_SLOT_SAVEPOINT, "SAVEPOINT cmd")) < 0) {
    return -1;
  }
  db->depth++;
  db->effective[0] = 0; /* each command names its own business date */
  return 0;
}

void db_effective(Db *db, const char *date) { snprintf(db->effective, sizeof db->effective, "%s", date ? date : ""); }

int db_commit(Db *db) {
  if (db->depth <= 0) return db_fail(db, "internal", "", "commit without a transaction");
  if (db_lost(db)) {
    db_rollback(db);
    return db_fail_lost(db);
  }
  if (db->depth == 1 && db->remote && dqdb_commit(db) < 0) {
    CoreError keep = db->err;
    db_rollback(db);
    db->err = keep;
    return -1;
  }
  if (db_level_bare(db)) {
    db->bare_levels &= ~(1u << db->depth);
    db->depth--;
    return 0;
  }
  if ((db->depth == 1 ? db_exec(db, "COMMIT") : db_step_cached(db, DB_SLOT_RELEASE, "RELEASE cmd")) < 0) {
    CoreError keep = db->err;
    db_rollback(db);
    db->err = keep;
    return -1;
  }
  db->depth--;
  return 0;
}

void db_rollback(Db *db) {
  if (db->depth <= 0) return;
  db->head_seq = 0; /* the events it wrote are gone */
  if (db_level_bare(db)) { /* nothing to undo it with: its rows stay */
    if (sqlite3_total_changes64(db->sql) != db->bare_mark[db->depth]) db->spoiled = 1;
    if (sqlite3_get_autocommit(db->sql)) db->lost = 1;
    db->bare_levels &= ~(1u << db->depth);
  } else if (!sqlite3_get_autocommit(db->sql)) { /* else SQLite rolled everything back already */
    if (db->depth == 1)
      sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
    else
      sqlite3_exec(db->sql, "ROLLBACK TO cmd; RELEASE cmd", NULL, NULL, NULL);
  } else {
    db->lost = 1;
  }
  if (db->depth == 1 && db->remote) dqdb_rollback(db);
  if (--db->depth == 0) db->lost = 0;
}
