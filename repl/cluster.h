/* repl/cluster.h — the commands of a replicated register: `certsh serve` runs a dqlite node,
 * `certsh copy` moves a register between a file and a cluster, verified. */
#ifndef CERTSH_REPL_CLUSTER_H
#define CERTSH_REPL_CLUSTER_H

#include "repl/cli.h"

/* serve --id N --address HOST:PORT [--join ADDR…] --dir DIR: run a node until SIGTERM. */
int cmd_serve(Options *o);
/* copy FROM TO: a register file to an empty dqlite:// NAME, or a cluster's register to a new
 * file (a backup), verified before and after, the log's head compared. */
int cmd_copy(Options *o);

#endif
