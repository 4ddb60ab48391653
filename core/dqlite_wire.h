/* core/dqlite_wire.h — a client of dqlite's wire protocol (version 1): finding the leader,
 * opening a database, preparing, executing and querying statements, interrupting a query,
 * dumping the files, and the membership requests `certsh serve --join` sends. Plain sockets:
 * this side needs no libdqlite. */
#ifndef CERTSH_CORE_DQLITE_WIRE_H
#define CERTSH_CORE_DQLITE_WIRE_H

#include <stddef.h>
#include <stdint.h>

/* dqlite's value types on the wire. */
enum { DQ_INTEGER = 1, DQ_FLOAT = 2, DQ_TEXT = 3, DQ_BLOB = 4, DQ_NULL = 5 };

/* One value of a parameter or a row: text and blob point into a buffer they do not own. */
typedef struct DqValue {
  int type;
  int64_t i;
  double f;
  const char *s; /* DQ_TEXT (NUL-terminated) or DQ_BLOB */
  size_t n;      /* DQ_BLOB length */
} DqValue;

/* A connection to the leader of a cluster, with one open database. */
typedef struct DqConn {
  int fd;
  char addresses[512]; /* the comma-separated addresses it was asked to reach */
  char leader[128];    /* the address it is connected to */
  uint32_t db;         /* the open database's id */
  int has_db;
  unsigned char *buf;  /* the last response's body */
  size_t cap, len, off;
  int type;            /* the last response's type */
  uint64_t code;       /* the last failure's code (SQLite's extended code), 0 when none */
  int answer_ms;       /* how long a request waits for its answer; 0: 15 s (a copy waits longer) */
  char err[512];       /* the last failure, a sentence */
} DqConn;

/* SQLite codes dqlite answers with when the node asked is not, or no longer, the leader. */
#define DQ_NOT_LEADER 10250      /* SQLITE_IOERR_NOT_LEADER */
#define DQ_LEADERSHIP_LOST 10506 /* SQLITE_IOERR_LEADERSHIP_LOST */

/* Connect to the leader of the cluster reached through addresses ("H:P[,H:P…]"), following a
 * node's answer to the leader, for at most timeout_ms. 0, or -1 with c->err. */
int dq_connect(DqConn *c, const char *addresses, int timeout_ms);
/* Close the connection (safe on one that failed). */
void dq_close(DqConn *c);
/* Open (creating it on first use) the database name. 0 or -1. */
int dq_open(DqConn *c, const char *name);
/* Execute sql (several statements allowed when n == 0) with n parameters; the last insert id
 * and rows changed when asked. 0 or -1. */
int dq_exec(DqConn *c, const char *sql, const DqValue *params, int n, uint64_t *last_id, uint64_t *changed);
/* Prepare sql once; *stmt names it for dq_exec_stmt and dq_finalize. 0 or -1. */
int dq_prepare(DqConn *c, const char *sql, uint32_t *stmt);
/* Execute the prepared statement with n parameters. 0 or -1. */
int dq_exec_stmt(DqConn *c, uint32_t stmt, const DqValue *params, int n, uint64_t *changed);
/* Forget a prepared statement. 0 or -1. */
int dq_finalize(DqConn *c, uint32_t stmt);
/* Called with each row (ncol values, columns' names); a non-zero return stops the query (the
 * rest is interrupted) and is returned by dq_query. */
typedef int (*DqRow)(void *ud, int ncol, const DqValue *row, char **names);
/* Run a query with n parameters, calling row for each row. 0, the callback's stop value, or -1. */
int dq_query(DqConn *c, const char *sql, const DqValue *params, int n, DqRow row, void *ud);
/* Called with each file of a dump: "NAME" and "NAME-wal". */
typedef int (*DqFile)(void *ud, const char *name, const unsigned char *data, size_t len);
/* Dump the files of database name. 0 or -1. */
int dq_dump(DqConn *c, const char *name, DqFile file, void *ud);
/* Membership: add node id at address, then give it role (0 voter, 1 stand-by, 2 spare). */
int dq_add(DqConn *c, uint64_t id, const char *address);
int dq_assign(DqConn *c, uint64_t id, uint64_t role);
/* The cluster's members as "id address role" lines into out. 0 or -1. */
int dq_cluster(DqConn *c, char *out, size_t n);

#endif
