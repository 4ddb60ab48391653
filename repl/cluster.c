/* repl/cluster.c — `certsh serve`: the command line of a dqlite node (core/dqlite_node.c). */
#define _POSIX_C_SOURCE 200809L
#include "repl/cluster.h"
#include "core/dqlite_node.h"
#include "core/dqlite_db.h"
#include "core/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A usage error naming the option or value; returns 2. */
static int cluster_usage(const char *what, const char *value) {
  fprintf(stderr, "certsh: serve: %s '%s'\nTry 'certsh --help'.\n", what, value ? value : "");
  return 2;
}

int cmd_serve(Options *o) {
  const char *address = NULL, *dir = NULL;
  unsigned long long id = 0;
  char join[512] = "";
  for (int i = 0; i < o->nargs; i++) {
    const char *a = o->args[i], *v = i + 1 < o->nargs ? o->args[i + 1] : NULL;
    if (!v && (!strcmp(a, "--id") || !strcmp(a, "--address") || !strcmp(a, "--join") || !strcmp(a, "--dir")))
      return cluster_usage("needs a value after", a);
    if (!strcmp(a, "--id")) {
      char *end;
      id = strtoull(v, &end, 10);
      if (*end || id == 0) return cluster_usage("--id must be a whole number from 1, not", v);
    } else if (!strcmp(a, "--address")) {
      if (!strchr(v, ':')) return cluster_usage("--address must be HOST:PORT, not", v);
      address = v;
    } else if (!strcmp(a, "--join")) {
      size_t k = strlen(join);
      if (k + strlen(v) + 2 > sizeof join) return cluster_usage("too many --join addresses at", v);
      snprintf(join + k, sizeof join - k, "%s%s", k ? "," : "", v);
    } else if (!strcmp(a, "--dir")) {
      dir = v;
    } else {
      return cluster_usage("takes --id N --address HOST:PORT [--join ADDR...] --dir DIR; unexpected", a);
    }
    i++;
  }
  if (!id) return cluster_usage("needs --id N (1 starts a new cluster)", "");
  if (!address) return cluster_usage("needs --address HOST:PORT", "");
  if (!dir) return cluster_usage("needs --dir DIR (the node's Raft log and snapshots)", "");
  char err[1024];
  if (dqnode_serve(id, address, join[0] ? join : NULL, dir, err, sizeof err) < 0) {
    fprintf(stderr, "error: serve: %s\n", err);
    return 1;
  }
  return 0;
}

/* Verify the register at path (a file or dqlite://): 0 with its report, else a message on
 * stderr naming what failed and -1. */
static int copy_verify(const char *path, LogReport *r) {
  Db db;
  CoreError err;
  if ((dqdb_is_url(path) ? db_open : db_open_readonly)(&db, path, &err) < 0) {
    fprintf(stderr, "error: copy: %s\n", err.message);
    return -1;
  }
  int rc = log_verify(&db, r);
  if (rc < 0) fprintf(stderr, "error: copy: %s: %s\n", path, db.err.message);
  else if (rc > 0) fprintf(stderr, "error: copy: '%s' does not verify: FAILED at %s; nothing was copied\n", path, r->bad);
  db_close(&db);
  return rc == 0 ? 0 : -1;
}

int cmd_copy(Options *o) {
  int unverified = 0, k = 0;
  for (int i = 0; i < o->nargs; i++) /* --unverified: a generated benchmark register (bench/gen.sh) has no real hashes */
    if (!strcmp(o->args[i], "--unverified")) unverified = 1;
    else o->args[k++] = o->args[i];
  o->nargs = k;
  if (o->nargs != 2) return cluster_usage("copy takes FROM TO (a file and a dqlite:// register); got", o->nargs ? o->args[0] : "nothing");
  const char *from = o->args[0], *to = o->args[1];
  if (dqdb_is_url(from) == dqdb_is_url(to))
    return cluster_usage("copy moves a register between a file and a cluster (one of FROM and TO is dqlite://…), not", to);
  LogReport before, after;
  CoreError err;
  if (!unverified && !dqdb_is_url(from) && copy_verify(from, &before) < 0) return 1;
  if ((dqdb_is_url(to) ? dqdb_copy_in(from, to, &err) : dqdb_copy_out(from, to, &err)) < 0) {
    fprintf(stderr, "error: copy: %s\n", err.message);
    return 1;
  }
  if (unverified) {
    printf("certsh: copied '%s' to '%s' without verifying it (--unverified)\n", from, to);
    return 0;
  }
  if (dqdb_is_url(from)) before.events = -1;
  if (copy_verify(to, &after) < 0) return 1;
  if (before.events >= 0 && (before.events != after.events || strcmp(before.head, after.head))) {
    fprintf(stderr, "error: copy: '%s' has %lld events (head %s) but '%s' has %lld (head %s)\n", from, before.events,
            before.head, to, after.events, after.head);
    return 1;
  }
  printf("certsh: copied '%s' to '%s' and verified it there: %lld events chained, %lld rows match\nhead: event %lld, hash %s\n",
         from, to, after.events, after.rows, after.events, after.events ? after.head : "(none)");
  return 0;
}
