/* core/dqlite_node.h — one node of a replicated register: libdqlite's dqlite_node, run until
 * SIGTERM or SIGINT (`certsh serve`). */
#ifndef CERTSH_CORE_DQLITE_NODE_H
#define CERTSH_CORE_DQLITE_NODE_H

#include <stddef.h>

/* Run node id at address ("HOST:PORT") keeping its Raft log and snapshots in dir (created if
 * missing). Node 1 starts a new cluster when dir is empty; another node asks the cluster reached
 * through join ("H:P[,H:P…]", or NULL when already a member) to add it as a voter. Says on
 * stdout when it serves, returns on SIGTERM/SIGINT: 0, or -1 with a sentence in err. */
int dqnode_serve(unsigned long long id, const char *address, const char *join, const char *dir, char *err, size_t n);

#endif
