/* core/db.h — the register's database: opening, migrations, transactions, errors.
 * core/ is plain C over SQLite; nothing here knows Duktape. */
#ifndef CERTSH_CORE_DB_H
#define CERTSH_CORE_DB_H

#include <sqlite3.h>
#include <stddef.h>

/* How many statements db_cached keeps prepared per connection. */
#define DB_CACHED_STATEMENTS 32
/* Owners of db_cached slots: 0 .. DB_LOG_SLOTS - 1 the record log (core/log.c, which asserts
 * that its subjects fit), then these. */
enum { DB_LOG_SLOTS = 24, DB_SLOT_SAVEPOINT = DB_LOG_SLOTS, DB_SLOT_RELEASE, DB_SLOT_ORG_USCC, DB_SLOT_ORG_INSERT };

/* A failure a script can fix: a stable code, the field at fault and a full sentence. */
typedef struct CoreError {
  char code[32];     /* stable identifier, e.g. "invalid", "not-found", "illegal-transition" */
  char field[64];    /* the field or argument at fault, "" when none applies */
  char message[512]; /* English sentence naming the field and the value */
} CoreError;

/* One open register and the session facts every write records. */
typedef struct Db {
  sqlite3 *sql;
  char as_of[11];  /* the date rules and events treat as today, YYYY-MM-DD */
  char actor[128]; /* who is acting; recorded in each event */
  char effective[11]; /* the business date of the running command's events (db_effective); "" = as_of */
  char known_on[11];  /* --known-on: past-date questions see only events recorded by then; "" = all */
  int depth;       /* nesting of db_begin: 0 outside a transaction */
  struct DqRemote *remote; /* the cluster behind a dqlite:// register (core/dqlite_db.c), NULL for a file */
  int readonly;    /* 1 while ad-hoc SQL runs under the read-only authorizer */
  int in_function; /* >0 while a script's SQL function runs inside a query: no writes then */
  int readonly_file; /* 1 when the file was opened read-only (not writable, or --read-only): writes refused */
  int readonly_asked; /* 1 under --read-only (db_open_readonly): writes refused whatever the file allows */
  char path[512];  /* the path it was opened from, for messages */
  long long memory_limit; /* bytes SQLite may hold (db_limit_memory), 0 = none */
  int lost;        /* 1 when the open transaction was lost to a disk-full or I/O error (db_begin) */
  int sync_pending; /* 1 until synchronous=NORMAL is set, before the first statement (db_ready) */
  CoreError err;   /* the last failure */
  int bare;        /* 1 while a nested db_begin takes no savepoint (db_bare) */
  unsigned bare_levels; /* the levels begun so (bit n: depth n) */
  long long bare_mark[32]; /* sqlite3_total_changes64 when each of them began */
  int spoiled;     /* 1 when such a level was rolled back after it wrote rows: they stay (db_bare) */
  long long wall_time; /* the second db->wall and db->wall_day were formatted for (log_append) */
  char wall[32], wall_day[11]; /* that second as an event's wall time (UTC) and its date */
  long long head_seq; /* the record log's last event as this transaction wrote it (log_append), 0 = ask the table */
  char head_hash[65]; /* its hash */
  sqlite3_stmt *cached[DB_CACHED_STATEMENTS]; /* statements kept prepared (db_cached), finalized by db_close */
} Db;

/* Before the connection's first statement: what opening left for it (synchronous=NORMAL, whose
 * pragma makes SQLite parse the schema, which a command reading no table never needs). Until
 * then the connection syncs as SQLite's default, FULL: never less durable. Cheap when done. */
void db_ready(Db *db);

/* Open (and migrate) the existing database at path; ":memory:" works. A path that does not
 * exist is refused (err "not-found") and nothing is created. 0 or -1 with err. */
int db_open(Db *db, const char *path, CoreError *err);
/* Open the existing database at path read-only (--read-only, analysts): it is never migrated
 * (an older schema is refused) and every write is refused, naming --read-only. 0 or -1 with err. */
int db_open_readonly(Db *db, const char *path, CoreError *err);
/* Create an empty register at path (refused when path exists), migrated and closed: the one way
 * a register comes into being (`certsh init`). 0 or -1 with err. */
int db_init(const char *path, CoreError *err);
/* Close the database; safe on a Db that failed to open. */
void db_close(Db *db);

/* Begin a command: BEGIN IMMEDIATE when outermost, a savepoint when nested. Refused (code
 * "aborted") once the open transaction was lost to a disk-full or I/O error, until the
 * outermost level is rolled back; db_commit of a lost transaction rolls back and fails. */
int db_begin(Db *db);
/* Commit the innermost level. */
int db_commit(Db *db);
/* The business date the running command's events take effect on (the decision, suspension,
 * audit end …), set by each primitive after db_begin (which clears it); NULL or "" = as_of. */
void db_effective(Db *db, const char *date);
/* Roll back the innermost level; never fails visibly. */
void db_rollback(Db *db);
/* While on, a nested db_begin takes no savepoint (a savepoint's statement journal copies every
 * page its command touches: a fifth of an imported row): its commit costs nothing and its
 * rollback undoes nothing. A level rolled back after it wrote rows (sqlite3_total_changes64
 * counts them) sets db->spoiled: those rows stay, and the caller must roll back the enclosing
 * level and do its work again with savepoints. Only around commands whose writes are rows. */
void db_bare(Db *db, int on);

/* Record a failure in db->err and return -1. fmt describes the problem. */
int db_fail(Db *db, const char *code, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Record SQLite's last error (with context) in db->err and return -1. */
int db_fail_sql(Db *db, const char *context);

/* Prepare a statement or fail with context; returns NULL on failure (db->err set). */
sqlite3_stmt *db_prepare(Db *db, const char *sql);
/* The statement in cache slot `slot` (0 .. DB_CACHED_STATEMENTS-1), prepared from sql on first
 * use and kept; it comes back reset, with bindings cleared. NULL on failure (db->err set).
 * Each slot belongs to one caller and one SQL text. Do not finalize it. sql may
 * be NULL once the slot holds its statement (db->cached[slot]). */
sqlite3_stmt *db_cached(Db *db, int slot, const char *sql);

/* Run SQL without results (may hold several statements); 0 or -1. */
int db_exec(Db *db, const char *sql);
/* Last inserted rowid. */
long long db_last_id(Db *db);

/* Bound the memory SQLite may allocate (its temporary tables and sorts are kept in memory,
 * temp_store=MEMORY, so this bounds them too): a query past it fails "out-of-memory". The limit
 * is SQLite's, for the whole process. */
void db_limit_memory(Db *db, long long bytes);

/* The schema version this build migrates to. */
int db_schema_version(void);

/* Allow only reading statements until db_readonly_end (ad-hoc SQL from scripts). */
void db_readonly_begin(Db *db);
void db_readonly_end(Db *db);

#endif
