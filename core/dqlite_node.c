/* core/dqlite_node.c — `certsh serve`: a dqlite node (libdqlite's dqlite_node API on libraft)
 * holding the replicated register, and its joining the cluster through the wire protocol. */
#define _POSIX_C_SOURCE 200809L
#include "core/dqlite_node.h"
#include "core/dqlite_wire.h"
#include "core/dynlib.h"

#include <dqlite.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* libdqlite (and libraft, libuv, liblz4 under it), opened when a node is served rather than
 * mapped and relocated at every start-up (issue 17: some 1.6 million instructions of each
 * command), as core/doclibs.c does for the document libraries. The package depends on
 * libdqlite0 by name (CMakeLists.txt), since dpkg-shlibdeps cannot see a library opened here. */
#define DQNODE_FUNCTIONS(X) \
  X(dqlite_node_create) X(dqlite_node_set_bind_address) X(dqlite_node_start) X(dqlite_node_errmsg) \
  X(dqlite_node_stop) X(dqlite_node_destroy)
static struct {
#define DQNODE_POINTER(name) __typeof__(name) *name;
  DQNODE_FUNCTIONS(DQNODE_POINTER)
#undef DQNODE_POINTER
} dqlib;

/* Open libdqlite and find its functions (once): 0, or -1 with err saying what is missing. */
static int dqnode_load(char *err, size_t n) {
  static int loaded;
  static const char *const libs[] = {"libdqlite.so.0"};
#define DQNODE_NAME(name) #name,
#define DQNODE_SLOT(name) (void **)&dqlib.name,
  static const char *const names[] = {DQNODE_FUNCTIONS(DQNODE_NAME)};
  static void **const slots[] = {DQNODE_FUNCTIONS(DQNODE_SLOT)};
#undef DQNODE_NAME
#undef DQNODE_SLOT
  if (loaded) return 0;
  if (dynlib_load("serving a node needs", libs, 1, names, slots, sizeof names / sizeof *names, err, n) < 0) return -1;
  loaded = 1;
  return 0;
}

/* How long a joining node keeps asking the cluster to take it in. */
#define DQNODE_JOIN_TIMEOUT_MS 30000

/* mkdir -p dir. 0 or -1. */
static int dqnode_mkdirs(const char *dir) {
  char p[1024];
  snprintf(p, sizeof p, "%s", dir);
  for (char *s = p + 1; *s; s++)
    if (*s == '/') { *s = 0; if (mkdir(p, 0700) < 0 && errno != EEXIST) return -1; *s = '/'; }
  return mkdir(p, 0700) < 0 && errno != EEXIST ? -1 : 0;
}

/* Ask the cluster at join to add node id at address as a voter; a node already a member (it
 * restarted) is fine. A change already in progress (another node joining) is waited out.
 * 0 or -1 with err. */
static int dqnode_join(unsigned long long id, const char *address, const char *join, char *err, size_t n) {
  struct timespec start, now, pause = {0, 200 * 1000000L};
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (;;) {
    DqConn c;
    if (dq_connect(&c, join, DQNODE_JOIN_TIMEOUT_MS) < 0) { snprintf(err, n, "--join: %s", c.err); return -1; }
    char members[4096] = "", mine[160];
    snprintf(mine, sizeof mine, "%llu %s ", id, address);
    int rc = dq_cluster(&c, members, sizeof members);
    const char *me = rc == 0 ? strstr(members, mine) : NULL;
    if (rc == 0 && !me) rc = dq_add(&c, id, address);
    if (rc == 0 && !(me && !strncmp(me + strlen(mine), "voter", 5))) rc = dq_assign(&c, id, 0);
    if (rc < 0) snprintf(err, n, "--join %s: adding node %llu at %s: %s", join, id, address, c.err);
    dq_close(&c);
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (rc == 0 || (now.tv_sec - start.tv_sec) * 1000 > DQNODE_JOIN_TIMEOUT_MS) return rc;
    nanosleep(&pause, NULL); /* a configuration change in progress, a leader being elected */
  }
}

int dqnode_serve(unsigned long long id, const char *address, const char *join, const char *dir, char *err, size_t n) {
  dqlite_node *node = NULL;
  if (dqnode_load(err, n) < 0) return -1;
  if (dqnode_mkdirs(dir) < 0) { snprintf(err, n, "--dir: cannot create '%s': %s", dir, strerror(errno)); return -1; }
  /* block the stop signals before libdqlite starts its thread, so that only sigwait sees them */
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop, NULL);
  signal(SIGPIPE, SIG_IGN); /* a peer that died mid-write is Raft's to handle, not a reason to die */
  int rc = dqlib.dqlite_node_create(id, address, dir, &node);
  if (rc == 0) rc = dqlib.dqlite_node_set_bind_address(node, address);
  if (rc == 0) rc = dqlib.dqlite_node_start(node);
  if (rc != 0) {
    snprintf(err, n, "node %llu at %s (dir %s): %s", id, address, dir, node ? dqlib.dqlite_node_errmsg(node) : "cannot create");
    if (node) dqlib.dqlite_node_destroy(node);
    return -1;
  }
  if (join && *join && dqnode_join(id, address, join, err, n) < 0) {
    dqlib.dqlite_node_stop(node);
    dqlib.dqlite_node_destroy(node);
    return -1;
  }
  printf("certsh: node %llu serving at %s (dir %s)\n", id, address, dir);
  fflush(stdout);
  int sig = 0;
  sigwait(&stop, &sig);
  dqlib.dqlite_node_stop(node);
  dqlib.dqlite_node_destroy(node);
  printf("certsh: node %llu stopped (%s)\n", id, sig == SIGINT ? "SIGINT" : "SIGTERM");
  return 0;
}
