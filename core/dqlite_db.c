/* core/dqlite_db.c — the register on a dqlite cluster: a local copy read like a file, each
 * command's changes shipped to the leader in one transaction guarded by the log's head. */
#define _POSIX_C_SOURCE 200809L
#define SQLITE_ENABLE_SESSION 1 /* Debian's SQLite is built with the session extension */
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include "core/dqlite_db.h"
#include "core/dqlite_wire.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* How long a command waits for a leader (an election after a node is lost) or for the
 * cluster's write lock held by another office's command: $CERTSH_CLUSTER_WAIT seconds, else 20. */
#define DQDB_WAIT_MS dqdb_wait_ms()

static int dqdb_wait_ms(void) {
  const char *v = getenv("CERTSH_CLUSTER_WAIT");
  char *end;
  double s = v && *v ? strtod(v, &end) : 20;
  return v && *v && (*end || s < 0.1 || s > 3600) ? 20000 : (int)(s * 1000);
}

/* The table a copy creates first and drops in its last transaction: while it exists the
 * database is an unfinished copy, which certsh refuses to open. */
#define COPY_MARK "certsh_unfinished_copy"

/* The cluster's table of the changes certsh wrote there (made by certsh init and copy on a
 * cluster, not part of the register's schema): each command's changeset, with the log heads
 * before and after it, so that a copy at an earlier head catches up by applying them instead of
 * fetching the whole register. The last CHANGES_KEPT are kept. */
#define CHANGES "certsh_changes"
static const char CHANGES_DDL[] = "CREATE TABLE " CHANGES "(id INTEGER PRIMARY KEY, base_seq INTEGER NOT NULL, base_hash TEXT NOT NULL, "
                                  "seq INTEGER NOT NULL, hash TEXT NOT NULL, changeset BLOB NOT NULL)";
enum { CHANGES_KEPT = 10000 };

/* With $CERTSH_CLUSTER_TRACE set, one line on standard error saying how a command got its copy
 * of the register (fetched whole, taken from the kept copy, caught up by the cluster's changes). */
static void dqdb_trace(const char *fmt, ...) {
  if (!getenv("CERTSH_CLUSTER_TRACE")) return;
  va_list ap;
  va_start(ap, fmt);
  fputs("certsh: cluster: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

/* The cluster side of an open Db. */
typedef struct DqRemote {
  DqConn conn;
  char addresses[512];
  char name[128];
  char dir[256];           /* the private folder holding the local copy */
  long long base_seq;      /* the log's head the copy holds */
  char base_hash[80];
  sqlite3_session *session;
} DqRemote;

int dqdb_is_url(const char *path) { return path && !strncmp(path, "dqlite://", 9); }

int dqdb_is_own_object(const char *type_name, const char *sql) {
  return type_name && sql && !strcmp(type_name, "table " CHANGES) && !strcmp(sql, CHANGES_DDL);
}

/* Split "dqlite://A,B/NAME" into addresses and name. 0 or -1. */
static int dqdb_parse(const char *url, char *addrs, size_t na, char *name, size_t nn) {
  const char *p = url + 9, *slash = strchr(p, '/');
  if (!slash || slash == p || !slash[1] || (size_t)(slash - p) >= na) return -1;
  snprintf(addrs, na, "%.*s", (int)(slash - p), p);
  snprintf(name, nn, "%s", slash + 1);
  for (const char *s = name; *s; s++)
    if (!(( *s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' || *s == '.'))
      return -1;
  return name[0] == '.' ? -1 : 0;
}

/* Fill a CoreError. */
static int dqdb_err(CoreError *e, const char *code, const char *field, const char *msg) {
  snprintf(e->code, sizeof e->code, "%s", code);
  snprintf(e->field, sizeof e->field, "%s", field);
  size_t k = strlen(msg) < sizeof e->message ? strlen(msg) : sizeof e->message - 1; /* cut, not refused */
  memcpy(e->message, msg, k);
  e->message[k] = 0;
  return -1;
}

/* Connect to the leader and open the database: 0, -1 when no leader was reached in the time
 * allowed, -2 when the leader reached failed to open it (c->err and c->code say why). dqlite's
 * VFS cannot take pages spilled to the WAL before COMMIT (a large transaction failed with a disk
 * I/O error): the leader's connection keeps them in memory (cache_spill off). */
static int dqdb_connect(DqConn *c, const char *addresses, const char *name) {
  if (dq_connect(c, addresses, DQDB_WAIT_MS) < 0) return -1;
  if (dq_open(c, name) < 0 || dq_exec(c, "PRAGMA cache_spill = OFF", NULL, 0, NULL, NULL) < 0) {
    char keep[512];
    uint64_t code = c->code;
    snprintf(keep, sizeof keep, "%s", c->err);
    dq_close(c);
    snprintf(c->err, sizeof c->err, "%s", keep);
    c->code = code;
    return -2;
  }
  return 0;
}

/* A dump's file written into a folder. */
typedef struct DumpTo { const char *dir; int files; } DumpTo;

/* Write len bytes of data to fd. 0 or -1. */
static int dqdb_write_all(int fd, const unsigned char *data, size_t len) {
  while (len) {
    ssize_t k = write(fd, data, len);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return -1;
    data += k;
    len -= (size_t)k;
  }
  return 0;
}

static int dqdb_write_file(void *ud, const char *name, const unsigned char *data, size_t len) {
  DumpTo *t = ud;
  char path[512];
  if (strchr(name, '/')) return -1;
  snprintf(path, sizeof path, "%s/%s", t->dir, name);
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return -1;
  int rc = dqdb_write_all(fd, data, len);
  close(fd);
  if (rc == 0) t->files++;
  return rc;
}

/* Remove the files of a dump in dir (NAME, NAME-wal, NAME-shm). */
static void dqdb_unlink(const char *dir, const char *name) {
  static const char *const SUFFIX[] = {"", "-wal", "-shm", "-journal"};
  char path[1024];
  for (int i = 0; i < 4; i++) {
    snprintf(path, sizeof path, "%s/%s%s", dir, name, SUFFIX[i]);
    unlink(path);
  }
}

/* One row of a head query: seq and hash. */
typedef struct Head { long long seq; char hash[80]; int rows; } Head;

static int dqdb_head_row(void *ud, int ncol, const DqValue *v, char **names) {
  Head *h = ud;
  (void)names;
  if (ncol >= 2) {
    h->seq = v[0].type == DQ_INTEGER ? v[0].i : 0;
    snprintf(h->hash, sizeof h->hash, "%s", v[1].type == DQ_TEXT ? v[1].s : "");
  }
  h->rows++;
  return 0;
}

static const char HEAD_SQL[] = "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1";

/* The cluster's log head; 0 or -1 (c->err). */
static int dqdb_remote_head(DqConn *c, Head *h) {
  memset(h, 0, sizeof *h);
  return dq_query(c, HEAD_SQL, NULL, 0, dqdb_head_row, h) < 0 ? -1 : 0;
}

/* The local copy's log head. */
static void dqdb_local_head(sqlite3 *sql, Head *h) {
  sqlite3_stmt *st = NULL;
  memset(h, 0, sizeof *h);
  if (sqlite3_prepare_v2(sql, HEAD_SQL, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    h->seq = sqlite3_column_int64(st, 0);
    snprintf(h->hash, sizeof h->hash, "%s", (const char *)sqlite3_column_text(st, 1));
  }
  sqlite3_finalize(st);
}

/* An integer answer of the cluster (one row, one column). */
static int dqdb_int_row(void *ud, int ncol, const DqValue *v, char **names) {
  (void)names;
  if (ncol >= 1 && v[0].type == DQ_INTEGER) *(long long *)ud = v[0].i;
  return 0;
}

/* Milliseconds on a clock that only goes forward. */
static long long dqdb_now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Whether the last failure on c is one another try can mend: the connection lost or not
 * answering (the node died or was cut off), the node not or no longer the leader, or busy. */
static int dqdb_transient(const DqConn *c) {
  return c->code == 0 || c->code == DQ_NOT_LEADER || c->code == DQ_LEADERSHIP_LOST || (c->code & 0xff) == SQLITE_BUSY;
}

/* One step of talking to the cluster: 0 done, -1 failed for good, 1 failed in a way another try
 * may mend (db->err set in both). */
typedef int (*DqStep)(Db *db, void *ud);

/* Run step until it is done, fails for good, or the wait for a leader is over; between tries
 * the connection is closed, so the next try finds the leader again. 0 or -1 (db->err). */
static int dqdb_retry(Db *db, DqStep step, void *ud) {
  DqRemote *r = db->remote;
  long long deadline = dqdb_now_ms() + DQDB_WAIT_MS;
  int pause = 5;
  for (;;) {
    int rc = step(db, ud);
    if (rc <= 0) return rc;
    if (dqdb_now_ms() > deadline) return -1;
    dq_close(&r->conn);
    struct timespec ts = {0, pause * 1000000L};
    nanosleep(&ts, NULL);
    if (pause < 200) pause *= 2;
  }
}

/* The failure of a step on the cluster: 1 when another try may mend it, else -1. */
static int dqdb_step_fail(Db *db, const char *code, const char *fmt, const char *url) {
  DqRemote *r = db->remote;
  db_fail(db, code, "--db", fmt, url, r->conn.err);
  return dqdb_transient(&r->conn) ? 1 : -1;
}

/* ---- the copies kept between commands ------------------------------------------------------
 * Fetching a register costs what dqlite 1.11's dump costs (the leader reads its files out of
 * memory: about 25 s for 1.3 GB), so the last copy fetched is kept, named by the log head it
 * holds, read from the copy itself: a command whose cluster is still at that head copies it
 * instead of fetching. Every write appends an event, so an unchanged head is an unchanged
 * register. */

/* The folder of the kept copies: $CERTSH_CLUSTER_CACHE ("off": none kept), else
 * $XDG_CACHE_HOME/certsh, else $HOME/.cache/certsh. 0, or -1 when there is none. */
static int dqdb_cache_dir(char *out, size_t n) {
  const char *set = getenv("CERTSH_CLUSTER_CACHE"), *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
  if (set && *set) {
    if (!strcmp(set, "off")) return -1;
    snprintf(out, n, "%s", set);
  } else if (xdg && *xdg) {
    snprintf(out, n, "%s/certsh", xdg);
  } else if (home && *home) {
    snprintf(out, n, "%s/.cache/certsh", home);
  } else {
    return -1;
  }
  /* the folder and its parent made when missing, for this user only */
  char parent[300];
  snprintf(parent, sizeof parent, "%s", out);
  char *slash = strrchr(parent, '/');
  if (slash && slash != parent) { *slash = 0; mkdir(parent, 0700); }
  return mkdir(out, 0700) == 0 || errno == EEXIST ? 0 : -1;
}

/* The kept copies' name for this register: NAME and a hash of the addresses it was reached by. */
static void dqdb_cache_key(const DqRemote *r, char *out, size_t n) {
  uint64_t h = 14695981039346656037ULL; /* FNV-1a */
  for (const char *p = r->addresses; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ULL;
  snprintf(out, n, "%s-%016llx", r->name, (unsigned long long)h);
}

/* Copy the file from to the new file to. 0, 1 when from is missing, -1 failure. */
static int dqdb_copy_file(const char *from, const char *to) {
  int in = open(from, O_RDONLY | O_CLOEXEC);
  if (in < 0) return errno == ENOENT ? 1 : -1;
  int out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600), rc = out < 0 ? -1 : 0;
  static unsigned char buf[1 << 20];
  ssize_t k;
  while (rc == 0 && (k = read(in, buf, sizeof buf)) != 0) {
    if (k < 0) { if (errno != EINTR) rc = -1; continue; }
    rc = dqdb_write_all(out, buf, (size_t)k);
  }
  close(in);
  if (out >= 0 && close(out) < 0) rc = -1;
  return rc;
}

/* A kept copy's folder: KEY@SEQ-HASH (the first 16 characters of the head's hash). */
static void dqdb_cache_entry(const char *key, const Head *h, char *out, size_t n) {
  snprintf(out, n, "%s@%lld-%.16s", key, h->seq, h->hash);
}

/* Keep the copy just fetched into folder dir, under the head it holds, as the only copy of this
 * register kept. Failing to keep it changes nothing but the next command's speed. */
static void dqdb_cache_store(DqRemote *r, const char *dir) {
  char cache[300], key[200], entry[300], from[600], path[600], tmp[600], to[1024];
  Head h;
  sqlite3 *copy = NULL;
  snprintf(from, sizeof from, "%s/%s", dir, r->name);
  if (dqdb_cache_dir(cache, sizeof cache) < 0) return;
  /* one file kept, its WAL checkpointed into it: a copy taken is never a file without its WAL */
  if (sqlite3_open_v2(from, &copy, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_exec(copy, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) != SQLITE_OK) {
    sqlite3_close(copy);
    return;
  }
  dqdb_local_head(copy, &h);
  sqlite3_close(copy);
  dqdb_cache_key(r, key, sizeof key);
  dqdb_cache_entry(key, &h, entry, sizeof entry);
  snprintf(path, sizeof path, "%s/%s", cache, entry);
  struct stat sb;
  if (stat(path, &sb) == 0) return; /* kept already */
  snprintf(tmp, sizeof tmp, "%s/.%s-XXXXXX", cache, key);
  if (!mkdtemp(tmp)) return;
  snprintf(to, sizeof to, "%s/%s", tmp, r->name);
  if (dqdb_copy_file(from, to) != 0 || rename(tmp, path) < 0) { /* another command kept it first */
    dqdb_unlink(tmp, r->name);
    rmdir(tmp);
    return;
  }
  /* the copies kept at earlier heads go */
  DIR *d = opendir(cache);
  struct dirent *e;
  size_t k = strlen(key);
  while (d && (e = readdir(d))) {
    if (strncmp(e->d_name, key, k) || e->d_name[k] != '@' || !strcmp(e->d_name, entry)) continue;
    snprintf(path, sizeof path, "%s/%s", cache, e->d_name);
    dqdb_unlink(path, r->name);
    rmdir(path);
  }
  if (d) closedir(d);
}

/* Copy the copy kept of this register, at whatever head, into the private folder: 1 done, 0
 * none kept. */
static int dqdb_cache_take(DqRemote *r) {
  char cache[300], key[200];
  if (dqdb_cache_dir(cache, sizeof cache) < 0) return 0;
  dqdb_cache_key(r, key, sizeof key);
  DIR *d = opendir(cache);
  struct dirent *e;
  size_t k = strlen(key);
  int took = 0;
  while (d && !took && (e = readdir(d))) {
    if (strncmp(e->d_name, key, k) || e->d_name[k] != '@') continue;
    char from[900], to[700];
    snprintf(from, sizeof from, "%s/%s/%s", cache, e->d_name, r->name);
    snprintf(to, sizeof to, "%s/%s", r->dir, r->name);
    took = dqdb_copy_file(from, to) == 0;
    if (!took) dqdb_unlink(r->dir, r->name);
  }
  if (d) closedir(d);
  return took;
}

/* ---- catching up by the cluster's changes --------------------------------------------------- */

/* Where a catch-up stands: the copy and the head it has reached. */
typedef struct CatchUp { sqlite3 *copy; Head at; int broken, applied; } CatchUp;

static int dqdb_abort_on_conflict(void *ud, int why, sqlite3_changeset_iter *it) {
  (void)ud; (void)why; (void)it;
  return SQLITE_CHANGESET_ABORT;
}

/* One change of the cluster applied to the copy, if it starts where the copy stands. */
static int dqdb_catch_up_row(void *ud, int ncol, const DqValue *v, char **names) {
  CatchUp *u = ud;
  (void)names;
  if (ncol < 5 || v[0].type != DQ_INTEGER || v[1].type != DQ_TEXT || v[2].type != DQ_INTEGER || v[3].type != DQ_TEXT ||
      v[4].type != DQ_BLOB || v[0].i != u->at.seq || strcmp(v[1].s, u->at.hash) ||
      sqlite3changeset_apply(u->copy, (int)v[4].n, (void *)v[4].s, NULL, dqdb_abort_on_conflict, NULL) != SQLITE_OK) {
    u->broken = 1;
    return 1;
  }
  u->at.seq = v[2].i;
  snprintf(u->at.hash, sizeof u->at.hash, "%s", v[3].s);
  u->applied++;
  return 0;
}

/* Bring the copy from its head to the cluster's head (remote) by the changes the cluster keeps,
 * in one transaction of the copy, its triggers off (a change holds what the triggers wrote where
 * it was made). 0 caught up, -1 not (the copy as it was: the changes did not reach back to its
 * head, or it is open for reading). */
static int dqdb_catch_up(DqConn *c, sqlite3 *copy, const Head *remote) {
  CatchUp u = {copy, {0}, 0, 0};
  dqdb_local_head(copy, &u.at);
  if (u.at.seq == remote->seq && !strcmp(u.at.hash, remote->hash)) return 0;
  if (u.at.seq > remote->seq || sqlite3_exec(copy, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) return -1;
  int triggers = 1, ignored;
  sqlite3_db_config(copy, SQLITE_DBCONFIG_ENABLE_TRIGGER, -1, &triggers);
  sqlite3_db_config(copy, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, &ignored);
  DqValue p = {.type = DQ_INTEGER, .i = u.at.seq};
  int rc = dq_query(c, "SELECT base_seq, base_hash, seq, hash, changeset FROM " CHANGES " WHERE seq > ? ORDER BY id", &p, 1,
                    dqdb_catch_up_row, &u);
  sqlite3_db_config(copy, SQLITE_DBCONFIG_ENABLE_TRIGGER, triggers, &ignored);
  if (rc == 0 && !u.broken && u.at.seq == remote->seq && !strcmp(u.at.hash, remote->hash) &&
      sqlite3_exec(copy, "COMMIT", NULL, NULL, NULL) == SQLITE_OK) {
    dqdb_trace("caught up from event %lld to %lld by %d changes", p.i, remote->seq, u.applied);
    return 0;
  }
  sqlite3_exec(copy, "ROLLBACK", NULL, NULL, NULL);
  dqdb_trace("cannot catch up from event %lld to %lld by the cluster's changes", p.i, remote->seq);
  return -1;
}

/* The copy kept of this register, taken into the private folder and caught up to the cluster's
 * head: 1 done (and kept again at its new head), 0 not (nothing left in the folder). */
static int dqdb_take_kept(DqRemote *r, const Head *remote) {
  char path[600];
  sqlite3 *copy = NULL;
  if (!dqdb_cache_take(r)) return 0;
  snprintf(path, sizeof path, "%s/%s", r->dir, r->name);
  int ok = sqlite3_open_v2(path, &copy, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK && dqdb_catch_up(&r->conn, copy, remote) == 0;
  sqlite3_close(copy);
  if (!ok) { dqdb_unlink(r->dir, r->name); return 0; }
  dqdb_trace("took the kept copy, at event %lld now", remote->seq);
  dqdb_cache_store(r, r->dir);
  return 1;
}

/* Open's step: reach the leader, check that NAME holds a register of this schema, and fetch
 * its files into the private folder. */
static int dqdb_fetch(Db *db, void *ud) {
  DqRemote *r = db->remote;
  const char *url = ud;
  int reached = r->conn.fd >= 0 ? 0 : dqdb_connect(&r->conn, r->addresses, r->name);
  if (reached == -1) return db_fail(db, "open", "--db", "cannot reach the register '%s': %s; nothing was written", url, r->conn.err);
  if (reached == -2) return dqdb_step_fail(db, "open", "cannot reach the register '%s': %s", url);
  long long version = 0, tables = 0;
  if (dq_query(&r->conn, "PRAGMA user_version", NULL, 0, dqdb_int_row, &version) < 0 ||
      dq_query(&r->conn, "SELECT count(*) FROM sqlite_master", NULL, 0, dqdb_int_row, &tables) < 0)
    return dqdb_step_fail(db, "open", "the register '%s': %s", url);
  if (tables == 0) {
    db_fail(db, "not-found", "--db", "there is no register at '%s'; nothing was created. To start an empty register there, "
            "run: certsh init %s (or certsh copy FILE %s)", url, url, url);
    return -1;
  }
  long long unfinished = 0;
  if (version != db_schema_version() &&
      dq_query(&r->conn, "SELECT count(*) FROM sqlite_master WHERE name = '" COPY_MARK "'", NULL, 0, dqdb_int_row, &unfinished) < 0)
    return dqdb_step_fail(db, "open", "the register '%s': %s", url);
  if (unfinished) {
    db_fail(db, "unfinished", "--db", "'%s' is an unfinished copy (certsh copy is still sending it, or stopped before its last "
            "transaction): it cannot be opened; wait for the copy, or copy the file again to another NAME", url);
    return -1;
  }
  if (version != db_schema_version()) {
    db_fail(db, "schema", "--db", "the register '%s' has schema version %lld and this certsh needs %d; a register on a "
            "cluster is not migrated in place: copy it to a file (certsh copy), migrate that, and copy it to a new NAME",
            url, version, db_schema_version());
    return -1;
  }
  Head head;
  DumpTo t = {r->dir, 0};
  dqdb_unlink(r->dir, r->name); /* what an earlier try wrote */
  if (dqdb_remote_head(&r->conn, &head) < 0) return dqdb_step_fail(db, "open", "the register '%s': %s", url);
  if (dqdb_take_kept(r, &head)) return 0;
  if (dq_dump(&r->conn, r->name, dqdb_write_file, &t) < 0) return dqdb_step_fail(db, "open", "cannot fetch the register '%s': %s", url);
  if (t.files == 0) {
    db_fail(db, "open", "--db", "cannot fetch the register '%s': the dump was empty", url);
    return -1;
  }
  dqdb_trace("fetched the whole register at event %lld", head.seq);
  dqdb_cache_store(r, r->dir);
  return 0;
}

int dqdb_open(Db *db, const char *url, char *local, size_t n) {
  DqRemote *r = calloc(1, sizeof *r);
  if (!r) return db_fail(db, "out-of-memory", "", "out of memory");
  r->conn.fd = -1;
  db->remote = r;
  if (dqdb_parse(url, r->addresses, sizeof r->addresses, r->name, sizeof r->name) < 0)
    return db_fail(db, "usage", "--db", "'%s' is not a cluster address: write dqlite://HOST:PORT[,HOST:PORT…]/NAME (NAME of letters, digits, '-', '_', '.')", url);
  const char *tmp = getenv("TMPDIR");
  snprintf(r->dir, sizeof r->dir, "%s/certsh-dqlite-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(r->dir)) {
    r->dir[0] = 0;
    return db_fail(db, "open", "TMPDIR", "cannot make a folder for the local copy of '%s' under '%s': %s", url,
                   tmp && *tmp ? tmp : "/tmp", strerror(errno));
  }
  if (dqdb_retry(db, dqdb_fetch, (void *)url) < 0) return -1;
  snprintf(local, n, "%s/%s", r->dir, r->name);
  return 0;
}

/* Replace the local copy's content by the cluster's files (the backup API into the open
 * connection, so its prepared statements stay valid). 0 or -1. */
static int dqdb_refresh(Db *db) {
  DqRemote *r = db->remote;
  char fresh[300];
  snprintf(fresh, sizeof fresh, "%s/fresh", r->dir);
  if (mkdir(fresh, 0700) < 0 && errno != EEXIST) return db_fail(db, "open", "TMPDIR", "cannot refresh the local copy: %s", strerror(errno));
  DumpTo t = {fresh, 0};
  int rc = -1;
  if (dq_dump(&r->conn, r->name, dqdb_write_file, &t) < 0) {
    db_fail(db, "cluster", "--db", "cannot fetch the register '%s': %s", db->path, r->conn.err);
  } else {
    char path[512];
    sqlite3 *src = NULL;
    dqdb_trace("fetched the whole register again");
    dqdb_cache_store(r, fresh);
    snprintf(path, sizeof path, "%s/%s", fresh, r->name);
    if (sqlite3_open_v2(path, &src, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK) {
      sqlite3_backup *b = sqlite3_backup_init(db->sql, "main", src, "main");
      if (b && sqlite3_backup_step(b, -1) == SQLITE_DONE) rc = 0;
      if (b) sqlite3_backup_finish(b);
    }
    if (rc < 0) db_fail(db, "cluster", "--db", "cannot refresh the local copy of '%s': %s", db->path, sqlite3_errmsg(db->sql));
    sqlite3_close_v2(src);
  }
  dqdb_unlink(fresh, r->name);
  rmdir(fresh);
  return rc;
}

/* Reconnect after the leader was lost. 0 or -1 (db->err). */
static int dqdb_reconnect(Db *db) {
  DqRemote *r = db->remote;
  dq_close(&r->conn);
  if (dqdb_connect(&r->conn, r->addresses, r->name) < 0)
    return db_fail(db, "cluster", "--db", "the register '%s': %s", db->path, r->conn.err);
  return 0;
}

/* Begin's step: the cluster's log head, from the leader. */
static int dqdb_head_step(Db *db, void *ud) {
  DqRemote *r = db->remote;
  if (r->conn.fd < 0) {
    int reached = dqdb_connect(&r->conn, r->addresses, r->name);
    if (reached == -1) return db_fail(db, "cluster", "--db", "the register '%s': %s", db->path, r->conn.err);
    if (reached == -2) return dqdb_step_fail(db, "cluster", "the register '%s': %s", db->path);
  }
  return dqdb_remote_head(&r->conn, ud) < 0 ? dqdb_step_fail(db, "cluster", "the register '%s': %s", db->path) : 0;
}

int dqdb_begin(Db *db) {
  DqRemote *r = db->remote;
  Head remote, mine;
  dqdb_rollback(db); /* a session left by a begin that failed after this */
  if (dqdb_retry(db, dqdb_head_step, &remote) < 0) return -1;
  dqdb_local_head(db->sql, &mine);
  /* a copy that cannot be refreshed now (a query of the script still reading it) stays as it
   * is: the commit's guard then refuses the command if the cluster moved on */
  if ((remote.seq != mine.seq || strcmp(remote.hash, mine.hash)) && dqdb_catch_up(&r->conn, db->sql, &remote) < 0) dqdb_refresh(db);
  dqdb_local_head(db->sql, &mine);
  r->base_seq = mine.seq;
  snprintf(r->base_hash, sizeof r->base_hash, "%s", mine.hash);
  if (sqlite3session_create(db->sql, "main", &r->session) != SQLITE_OK || sqlite3session_attach(r->session, NULL) != SQLITE_OK) {
    dqdb_rollback(db);
    return db_fail(db, "internal", "", "cannot record the command's changes (SQLite session)");
  }
  return 0;
}

void dqdb_rollback(Db *db) {
  DqRemote *r = db->remote;
  if (r && r->session) sqlite3session_delete(r->session);
  if (r) r->session = NULL;
}

/* A SQLite value as a wire value (text and blob point into the value). */
static DqValue dqdb_value(sqlite3_value *v) {
  DqValue d = {0};
  switch (v ? sqlite3_value_type(v) : SQLITE_NULL) {
    case SQLITE_INTEGER: d.type = DQ_INTEGER; d.i = sqlite3_value_int64(v); break;
    case SQLITE_FLOAT: d.type = DQ_FLOAT; d.f = sqlite3_value_double(v); break;
    case SQLITE_TEXT: d.type = DQ_TEXT; d.s = (const char *)sqlite3_value_text(v); break;
    case SQLITE_BLOB: d.type = DQ_BLOB; d.s = sqlite3_value_blob(v); d.n = (size_t)sqlite3_value_bytes(v); break;
    default: d.type = DQ_NULL; break;
  }
  return d;
}

/* The name of column i of table t in the local copy, quoted into out. */
static void dqdb_column(sqlite3 *sql, const char *t, int i, char *out, size_t n) {
  sqlite3_stmt *st = NULL;
  out[0] = 0;
  if (sqlite3_prepare_v2(sql, "SELECT name FROM pragma_table_info(?) WHERE cid = ?", -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, i);
    if (sqlite3_step(st) == SQLITE_ROW) snprintf(out, n, "\"%s\"", (const char *)sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
}

/* Send one change of the changeset as a statement; a row that is not as this command saw it
 * (rows changed != 1) is a conflict. 0, 1 conflict, -1 failure (c->err). */
static int dqdb_apply_one(Db *db, sqlite3_changeset_iter *it) {
  DqRemote *r = db->remote;
  const char *t;
  int ncol, op, indirect;
  unsigned char *pk;
  sqlite3changeset_op(it, &t, &ncol, &op, &indirect);
  sqlite3changeset_pk(it, &pk, &ncol);
  /* each case's cycle facts (migration 12) are derived: the audits' triggers keep them where the
   * audits' changes are applied, so their own rows are not sent (they would be written twice) */
  if (!strcmp(t, "cycles")) return 0;
  if (ncol > 120) return db_fail(db, "internal", "", "table %s has %d columns, more than a cluster write carries", t, ncol);
  sqlite3_str *s = sqlite3_str_new(db->sql);
  DqValue p[250];
  int np = 0;
  char col[160];
  if (op == SQLITE_INSERT) {
    sqlite3_str_appendf(s, "INSERT INTO \"%w\" VALUES(", t);
    for (int i = 0; i < ncol; i++) {
      sqlite3_value *v = NULL;
      sqlite3changeset_new(it, i, &v);
      p[np++] = dqdb_value(v);
      sqlite3_str_appendall(s, i ? ",?" : "?");
    }
    sqlite3_str_appendall(s, ")");
  } else {
    if (op == SQLITE_UPDATE) {
      sqlite3_str_appendf(s, "UPDATE \"%w\" SET ", t);
      int k = 0;
      for (int i = 0; i < ncol; i++) {
        sqlite3_value *v = NULL;
        sqlite3changeset_new(it, i, &v);
        if (!v) continue;
        dqdb_column(db->sql, t, i, col, sizeof col);
        sqlite3_str_appendf(s, "%s%s=?", k++ ? "," : "", col);
        p[np++] = dqdb_value(v);
      }
    } else {
      sqlite3_str_appendf(s, "DELETE FROM \"%w\"", t);
    }
    sqlite3_str_appendall(s, " WHERE 1");
    for (int i = 0; i < ncol; i++) { /* the key, and each old value the change replaced */
      sqlite3_value *v = NULL;
      sqlite3changeset_old(it, i, &v);
      if (!v) continue;
      dqdb_column(db->sql, t, i, col, sizeof col);
      sqlite3_str_appendf(s, " AND %s IS ?", col);
      p[np++] = dqdb_value(v);
    }
  }
  char *sql = sqlite3_str_finish(s);
  uint64_t changed = 0;
  int rc = sql ? dq_exec(&r->conn, sql, p, np, NULL, &changed) : -1;
  sqlite3_free(sql);
  if (rc < 0) return -1;
  return changed == 1 ? 0 : 1;
}

/* Ship the changeset in one transaction on the leader. 0 written, 1 conflict, 2 busy or the
 * leader lost before COMMIT (nothing written: try again), 3 COMMIT's outcome unknown, -1
 * refused by the cluster (db->err). */
static int dqdb_ship(Db *db, int n, void *set, const Head *mine) {
  DqRemote *r = db->remote;
  DqConn *c = &r->conn;
  Head h;
  if (dq_exec(c, "BEGIN", NULL, 0, NULL, NULL) < 0) return 2;
  if (dqdb_remote_head(c, &h) < 0) goto retry;
  if (h.seq != r->base_seq || strcmp(h.hash, r->base_hash)) {
    dq_exec(c, "ROLLBACK", NULL, 0, NULL, NULL);
    return 1;
  }
  sqlite3_changeset_iter *it = NULL;
  if (sqlite3changeset_start(&it, n, set) != SQLITE_OK) {
    dq_exec(c, "ROLLBACK", NULL, 0, NULL, NULL);
    return db_fail(db, "internal", "", "cannot read the command's changes (SQLite session)");
  }
  int rc = 0;
  while (rc == 0 && sqlite3changeset_next(it) == SQLITE_ROW) rc = dqdb_apply_one(db, it);
  sqlite3changeset_finalize(it);
  if (rc == 1) { dq_exec(c, "ROLLBACK", NULL, 0, NULL, NULL); return 1; }
  if (rc < 0) goto retry;
  /* the change kept for the copies of other offices to catch up by, the oldest let go */
  DqValue change[5] = {{.type = DQ_INTEGER, .i = r->base_seq}, {.type = DQ_TEXT, .s = r->base_hash}, {.type = DQ_INTEGER, .i = mine->seq},
                       {.type = DQ_TEXT, .s = mine->hash}, {.type = DQ_BLOB, .s = set, .n = (size_t)n}};
  uint64_t id = 0;
  if (dq_exec(c, "INSERT INTO " CHANGES "(base_seq, base_hash, seq, hash, changeset) VALUES(?, ?, ?, ?, ?)", change, 5, &id, NULL) < 0)
    goto retry;
  DqValue oldest = {.type = DQ_INTEGER, .i = (int64_t)id - CHANGES_KEPT};
  if (id > CHANGES_KEPT && dq_exec(c, "DELETE FROM " CHANGES " WHERE id <= ?", &oldest, 1, NULL, NULL) < 0) goto retry;
  if (dq_exec(c, "COMMIT", NULL, 0, NULL, NULL) < 0) return 3;
  return 0;
retry:
  if (dqdb_transient(c)) {
    dq_exec(c, "ROLLBACK", NULL, 0, NULL, NULL);
    return 2;
  }
  db_fail(db, "cluster", "", "the cluster refused the command's changes: %s; nothing was written", c->err);
  dq_exec(c, "ROLLBACK", NULL, 0, NULL, NULL);
  return -1;
}

/* After COMMIT got no answer (the leader died or lost office): ask the new leader whether the
 * command's last event (mine) is in the log. A new dqlite leader answers only after its own
 * barrier, so what it says is final. 0 committed, 1 others wrote (nothing of it written), 2 not
 * written and the log unmoved (try again), 4 no leader answered yet (still unknown). */
static int dqdb_resolve(Db *db, const Head *mine) {
  DqRemote *r = db->remote;
  Head now, at = {0};
  DqValue p = {.type = DQ_INTEGER, .i = mine->seq};
  if (dqdb_reconnect(db) < 0 || dqdb_remote_head(&r->conn, &now) < 0) return 4;
  if (dq_query(&r->conn, "SELECT seq, hash FROM events WHERE seq = ?", &p, 1, dqdb_head_row, &at) < 0) return 4;
  if (at.rows && !strcmp(at.hash, mine->hash)) return 0;
  return now.seq != r->base_seq || strcmp(now.hash, r->base_hash) ? 1 : 2;
}

int dqdb_commit(Db *db) {
  DqRemote *r = db->remote;
  int n = 0;
  void *set = NULL;
  if (!r->session) return db_fail(db, "internal", "", "commit on the cluster without its changes recorded");
  int rc = sqlite3session_changeset(r->session, &n, &set);
  dqdb_rollback(db);
  if (rc != SQLITE_OK) return db_fail(db, "internal", "", "cannot collect the command's changes (SQLite session)");
  if (n == 0) { sqlite3_free(set); return 0; }
  Head mine; /* the head this command writes: how an unknown outcome is told */
  dqdb_local_head(db->sql, &mine);
  long long deadline = dqdb_now_ms() + DQDB_WAIT_MS;
  int pause = 5;
  int unknown = 0; /* a COMMIT went unanswered and no leader has said yet what became of it */
  for (;;) {
    if (unknown) rc = dqdb_resolve(db, &mine);
    else rc = r->conn.fd >= 0 || dqdb_reconnect(db) == 0 ? dqdb_ship(db, n, set, &mine) : 2;
    if (rc == 3) rc = dqdb_resolve(db, &mine);
    unknown = rc == 4;
    if (unknown) rc = 2;
    if (rc != 2 || dqdb_now_ms() > deadline) break;
    if ((r->conn.code & 0xff) != SQLITE_BUSY) dq_close(&r->conn); /* lost or not the leader: find it again */
    struct timespec ts = {0, pause * 1000000L};
    nanosleep(&ts, NULL);
    if (pause < 200) pause *= 2;
  }
  sqlite3_free(set);
  if (rc == 0) { r->base_seq = mine.seq; snprintf(r->base_hash, sizeof r->base_hash, "%s", mine.hash); return 0; }
  if (rc == 1)
    return db_fail(db, "conflict", "--db", "the register '%s' changed on the cluster while this command ran (another office wrote); "
                   "nothing of it was written: run the command again", db->path);
  if (rc == 2 && unknown)
    return db_fail(db, "cluster", "--db", "the register '%s': the leader took the command's COMMIT and was lost, and no new leader "
                   "answered within %d s, so whether it was written is not known: look for event %lld (hash %.16s…) before "
                   "running it again", db->path, DQDB_WAIT_MS / 1000, mine.seq, mine.hash);
  if (rc == 2)
    return db_fail(db, "cluster", "--db", "the register '%s': no leader took the command within %d s (%s); nothing of it was written",
                   db->path, DQDB_WAIT_MS / 1000, r->conn.err);
  return -1;
}

void dqdb_close(Db *db) {
  DqRemote *r = db->remote;
  if (!r) return;
  dqdb_rollback(db);
  dq_close(&r->conn);
  if (r->dir[0]) {
    dqdb_unlink(r->dir, r->name);
    rmdir(r->dir);
  }
  free(r);
  db->remote = NULL;
}

/* A value appended to s as an SQL literal that reads back the same: text quoted, a blob as
 * X'…', a real with 17 digits and a decimal point. */
static void dqdb_literal(sqlite3_str *s, sqlite3_value *v) {
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER: sqlite3_str_appendf(s, "%lld", sqlite3_value_int64(v)); break;
    case SQLITE_FLOAT: {
      char num[40];
      double d = sqlite3_value_double(v);
      if (d != d) { sqlite3_str_appendall(s, "NULL"); break; }
      if (d > 1.7976931348623157e308 || d < -1.7976931348623157e308) { sqlite3_str_appendall(s, d > 0 ? "9e999" : "-9e999"); break; }
      snprintf(num, sizeof num, "%.17g", d);
      sqlite3_str_appendall(s, num);
      if (!strpbrk(num, ".e")) sqlite3_str_appendall(s, ".0");
      break;
    }
    case SQLITE_TEXT: sqlite3_str_appendf(s, "%Q", (const char *)sqlite3_value_text(v)); break;
    case SQLITE_BLOB: {
      const unsigned char *b = sqlite3_value_blob(v);
      int k = sqlite3_value_bytes(v);
      sqlite3_str_appendall(s, "X'");
      for (int i = 0; i < k; i++) sqlite3_str_appendf(s, "%02x", b[i]);
      sqlite3_str_appendall(s, "'");
      break;
    }
    default: sqlite3_str_appendall(s, "NULL"); break;
  }
}

/* How many rows, and how many bytes of SQL, one request of a copy carries at most (a row per
 * request took 20 minutes for a 1.3 GB register, a round trip each), and how many bytes one of
 * its transactions: dqlite 1.11 builds a transaction's Raft entry on the leader's one thread,
 * and a 1.3 GB copy in one transaction cost the leader its office (code 10506) before COMMIT. */
enum { COPY_ROWS = 500, COPY_BYTES = 1 << 20, COPY_TRANSACTION_BYTES = 8 << 20 };
/* How long one request of a copy (the COMMIT of a large transaction) may take. */
enum { COPY_ANSWER_MS = 30 * 60 * 1000 };

/* The tables of a register a copy sends (the cluster's own table of changes is not sent). */
#define COPY_TABLES "FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '" CHANGES "' ORDER BY rowid"

/* Run one statement of a copy; 0 or -1 (c->err). */
static int dqdb_copy_exec(DqConn *c, const char *sql) { return dq_exec(c, sql, NULL, 0, NULL, NULL); }

/* Send the rows of table t of src to the cluster as multi-row INSERTs, each request checked for
 * the rows it wrote, committing and beginning again when the open transaction holds
 * COPY_TRANSACTION_BYTES (*held counts them). 0 or -1 (c->err). */
static int dqdb_copy_rows(sqlite3 *src, DqConn *c, const char *t, size_t *held) {
  char *sel = sqlite3_mprintf("SELECT * FROM \"%w\"", t);
  sqlite3_stmt *rows = NULL;
  int rc = sel && sqlite3_prepare_v2(src, sel, -1, &rows, NULL) == SQLITE_OK ? 0 : -1;
  sqlite3_free(sel);
  if (rc < 0) snprintf(c->err, sizeof c->err, "cannot read it: %s", sqlite3_errmsg(src));
  int ncol = rows ? sqlite3_column_count(rows) : 0, more = rc == 0 && sqlite3_step(rows) == SQLITE_ROW;
  while (rc == 0 && more) {
    sqlite3_str *s = sqlite3_str_new(src);
    uint64_t batch = 0, changed = 0;
    sqlite3_str_appendf(s, "INSERT INTO \"%w\" VALUES", t);
    while (more && batch < COPY_ROWS && sqlite3_str_length(s) < COPY_BYTES) {
      sqlite3_str_appendall(s, batch++ ? ",(" : "(");
      for (int i = 0; i < ncol; i++) {
        if (i) sqlite3_str_appendall(s, ",");
        dqdb_literal(s, sqlite3_column_value(rows, i));
      }
      sqlite3_str_appendall(s, ")");
      more = sqlite3_step(rows) == SQLITE_ROW;
    }
    *held += (size_t)sqlite3_str_length(s);
    char *ins = sqlite3_str_finish(s);
    rc = ins ? dq_exec(c, ins, NULL, 0, NULL, &changed) : -1;
    sqlite3_free(ins);
    if (rc == 0 && changed != batch) {
      snprintf(c->err, sizeof c->err, "%llu of %llu rows written by one request", (unsigned long long)changed, (unsigned long long)batch);
      rc = -1;
    }
    if (rc == 0 && *held >= COPY_TRANSACTION_BYTES) {
      rc = dqdb_copy_exec(c, "COMMIT") < 0 || dqdb_copy_exec(c, "BEGIN") < 0 ? -1 : 0;
      *held = 0;
    }
  }
  sqlite3_finalize(rows);
  return rc;
}

/* Run each statement a query of src returns (its first column) on the cluster. 0 or -1. */
static int dqdb_copy_each(sqlite3 *src, DqConn *c, const char *query) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(src, query, -1, &st, NULL) == SQLITE_OK ? 0 : -1;
  if (rc < 0) snprintf(c->err, sizeof c->err, "cannot read the schema: %s", sqlite3_errmsg(src));
  while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) rc = dqdb_copy_exec(c, (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  return rc;
}

/* The copy's transactions: the tables, their indexes and the mark; the rows, in transactions of
 * bounded size; then the triggers and views (a trigger would refuse rows), the schema version,
 * the planner's statistics as the file has them (an ANALYZE there would hold the leader's thread
 * for minutes), and the mark dropped. 0, or -1 (c->err) with *marked telling whether the first
 * transaction committed. */
static int dqdb_copy_transactions(sqlite3 *src, DqConn *c, int *marked) {
  static const char TABLES[] = "SELECT sql " COPY_TABLES;
  static const char INDEXES[] = "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid";
  static const char REST[] = "SELECT sql FROM sqlite_master WHERE type IN ('trigger', 'view') AND sql IS NOT NULL ORDER BY rowid";
  static const char STATS[] = "SELECT 'INSERT INTO sqlite_stat1 VALUES(' || quote(tbl) || ',' || quote(idx) || ',' || quote(stat) || ')' FROM sqlite_stat1";
  if (dqdb_copy_exec(c, "BEGIN") < 0 || dqdb_copy_exec(c, "CREATE TABLE " COPY_MARK "(since TEXT)") < 0 ||
      dqdb_copy_exec(c, CHANGES_DDL) < 0 ||
      dqdb_copy_each(src, c, TABLES) < 0 || dqdb_copy_each(src, c, INDEXES) < 0 || dqdb_copy_exec(c, "COMMIT") < 0)
    return -1;
  *marked = 1;
  size_t held = 0;
  sqlite3_stmt *t = NULL;
  int rc = dqdb_copy_exec(c, "BEGIN");
  if (rc == 0 && sqlite3_prepare_v2(src, "SELECT name " COPY_TABLES, -1, &t, NULL) != SQLITE_OK) rc = -1;
  while (rc == 0 && sqlite3_step(t) == SQLITE_ROW) {
    rc = dqdb_copy_rows(src, c, (const char *)sqlite3_column_text(t, 0), &held);
    if (rc < 0) {
      char keep[400];
      snprintf(keep, sizeof keep, "%.380s", c->err);
      snprintf(c->err, sizeof c->err, "copying table %.60s: %s", (const char *)sqlite3_column_text(t, 0), keep);
    }
  }
  sqlite3_finalize(t);
  if (rc < 0) return -1;
  char pragma[64] = "PRAGMA user_version = 0";
  sqlite3_stmt *uv = NULL;
  if (sqlite3_prepare_v2(src, "PRAGMA user_version", -1, &uv, NULL) == SQLITE_OK && sqlite3_step(uv) == SQLITE_ROW)
    snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", sqlite3_column_int(uv, 0));
  sqlite3_finalize(uv);
  sqlite3_stmt *stat = NULL;
  int analyzed = sqlite3_prepare_v2(src, "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'", -1, &stat, NULL) == SQLITE_OK &&
                 sqlite3_step(stat) == SQLITE_ROW;
  sqlite3_finalize(stat);
  if (dqdb_copy_each(src, c, REST) < 0 || dqdb_copy_exec(c, pragma) < 0 ||
      (analyzed && (dqdb_copy_exec(c, "ANALYZE " COPY_MARK) < 0 || dqdb_copy_exec(c, "DELETE FROM sqlite_stat1") < 0 ||
                    dqdb_copy_each(src, c, STATS) < 0)) ||
      dqdb_copy_exec(c, "DROP TABLE " COPY_MARK) < 0 || dqdb_copy_exec(c, "COMMIT") < 0)
    return -1;
  return 0;
}

int dqdb_copy_in(const char *path, const char *url, CoreError *err) {
  char addrs[512], name[128], msg[900];
  if (!dqdb_is_url(url) || dqdb_parse(url, addrs, sizeof addrs, name, sizeof name) < 0)
    return dqdb_err(err, "usage", "TARGET", "the target is not a cluster address: write dqlite://HOST:PORT[,HOST:PORT…]/NAME");
  sqlite3 *src = NULL;
  if (sqlite3_open_v2(path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
    snprintf(msg, sizeof msg, "cannot open '%s': %s", path, sqlite3_errmsg(src));
    sqlite3_close(src);
    return dqdb_err(err, "open", "FILE", msg);
  }
  DqConn c;
  if (dqdb_connect(&c, addrs, name) < 0) {
    snprintf(msg, sizeof msg, "cannot reach '%s': %s", url, c.err);
    sqlite3_close(src);
    return dqdb_err(err, "open", "TARGET", msg);
  }
  c.answer_ms = COPY_ANSWER_MS;
  long long tables = -1;
  int rc = -1, marked = 0;
  if (dq_query(&c, "SELECT count(*) FROM sqlite_master", NULL, 0, dqdb_int_row, &tables) < 0 || tables != 0) {
    snprintf(msg, sizeof msg, tables > 0 ? "'%s' already holds a database; certsh copy writes only into a new NAME" : "'%s': %s", url, c.err);
    dqdb_err(err, tables > 0 ? "exists" : "cluster", "TARGET", msg);
  } else if (dqdb_copy_transactions(src, &c, &marked) == 0) {
    rc = 0;
  } else {
    /* what was written is taken away again: the tables of the copy, its mark last */
    char why[512];
    snprintf(why, sizeof why, "%s", c.err);
    dq_exec(&c, "ROLLBACK", NULL, 0, NULL, NULL);
    int removed = !marked;
    /* the leader may be the one lost: find the cluster's leader again */
    if (marked) { dq_close(&c); if (dqdb_connect(&c, addrs, name) == 0) c.answer_ms = COPY_ANSWER_MS; }
    if (marked && c.fd >= 0 && dqdb_copy_exec(&c, "BEGIN") == 0) {
      removed = dqdb_copy_each(src, &c, "SELECT 'DROP TABLE IF EXISTS \"' || replace(name, '\"', '\"\"') || '\"' " COPY_TABLES) == 0 &&
                dqdb_copy_exec(&c, "DROP TABLE IF EXISTS " CHANGES) == 0 && dqdb_copy_exec(&c, "DROP TABLE " COPY_MARK) == 0 &&
                dqdb_copy_exec(&c, "COMMIT") == 0;
      if (!removed) dq_exec(&c, "ROLLBACK", NULL, 0, NULL, NULL);
    }
    if (removed) snprintf(msg, sizeof msg, "copying to '%s': %s; nothing was written", url, why);
    else snprintf(msg, sizeof msg, "copying to '%s': %s; what was sent could not be taken away again, so '%s' holds an unfinished "
                  "copy, which certsh refuses to open: copy the file again to another NAME", url, why, url);
    dqdb_err(err, "cluster", "TARGET", msg);
  }
  dq_close(&c);
  sqlite3_close(src);
  return rc;
}

int dqdb_copy_out(const char *url, const char *path, CoreError *err) {
  Db db;
  char local[512], msg[700];
  struct stat sb;
  if (stat(path, &sb) == 0) {
    snprintf(msg, sizeof msg, "'%s' already exists; certsh copy writes only a new file", path);
    return dqdb_err(err, "exists", "TARGET", msg);
  }
  memset(&db, 0, sizeof db);
  snprintf(db.path, sizeof db.path, "%s", url);
  int rc = dqdb_open(&db, url, local, sizeof local);
  if (rc == 0) {
    sqlite3 *src = NULL, *dst = NULL;
    rc = -1;
    if (sqlite3_open_v2(local, &src, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
        sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK) {
      sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
      if (b && sqlite3_backup_step(b, -1) == SQLITE_DONE) rc = 0;
      if (b) sqlite3_backup_finish(b);
      /* the cluster's own table of changes is not the register's: a file has none */
      if (rc == 0 && sqlite3_exec(dst, "DROP TABLE IF EXISTS " CHANGES "; PRAGMA journal_mode=WAL", NULL, NULL, NULL) != SQLITE_OK) rc = -1;
    }
    if (rc < 0) {
      snprintf(msg, sizeof msg, "cannot write '%s': %s", path, sqlite3_errmsg(dst ? dst : src));
      dqdb_err(err, "open", "TARGET", msg);
    }
    sqlite3_close(src);
    sqlite3_close(dst);
    if (rc < 0) unlink(path);
  } else {
    *err = db.err;
  }
  dqdb_close(&db);
  return rc;
}
