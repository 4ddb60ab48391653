/* core/dqlite_db.h — a register held by a dqlite cluster (--db dqlite://HOST:PORT[,…]/NAME)
 * behind the same Db the rest of certsh uses.
 *
 * Every command reads a local copy of the register: the leader's files (the wire protocol's
 * dump), fetched at open and again before a command writes when the cluster's log has moved on.
 * So every query, rule, SQL function (sqlFunctions) and the read-only authorizer run locally,
 * as on a file. A command's writes are recorded by SQLite's session extension while it runs;
 * its commit sends them to the leader as one transaction that first checks that the cluster's
 * record log still ends where the copy's did (else nothing is written and the command is
 * refused, code "conflict"), and is acknowledged only once Raft has it on a majority. */
#ifndef CERTSH_CORE_DQLITE_DB_H
#define CERTSH_CORE_DQLITE_DB_H

#include "core/db.h"

/* 1 when path is a dqlite:// address. */
int dqdb_is_url(const char *path);
/* 1 when a schema object ("table NAME" and its SQL) is the cluster's own table of changes, which
 * certsh makes on a cluster beside the register's schema (verify accepts it there and in a
 * node's files). */
int dqdb_is_own_object(const char *type_name, const char *sql);
/* Connect to the cluster of url and fetch the register's files into a private temporary folder;
 * local receives the path of the copy to open. The register must exist (certsh init) and have
 * this build's schema version. 0 or -1 with db->err. */
int dqdb_open(Db *db, const char *url, char *local, size_t n);
/* The outermost db_begin: refresh the copy when the cluster's log moved, record the changes. */
int dqdb_begin(Db *db);
/* The outermost db_commit, before the local COMMIT: send the changes to the cluster. 0 or -1. */
int dqdb_commit(Db *db);
/* The outermost rollback: forget the recorded changes. */
void dqdb_rollback(Db *db);
/* Disconnect and remove the local copy. */
void dqdb_close(Db *db);
/* Copy the register in the file at path (verified by the caller) to an empty database at url,
 * schema, rows, log and user_version, in one transaction. 0 or -1 with err. */
int dqdb_copy_in(const char *path, const char *url, CoreError *err);
/* Write the cluster's register at url to a new file at path (refused when path exists). */
int dqdb_copy_out(const char *url, const char *path, CoreError *err);

#endif
