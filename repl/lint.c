/* repl/lint.c — `certsh lint FILE…`: run a scheme file's body with defineScheme checking every
 * definition (dsl/scheme.js lint()) and print each problem as FILE: scheme: field: message. */
#define _POSIX_C_SOURCE 200809L
#include "repl/lint.h"
#include "dsl/host.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Lint one file in h: print its problems; returns how many there were (a file that cannot be
 * read or compiled counts as one). */
static int lint_file(Host *h, const char *path) {
  size_t n = 0, len = 0;
  char *src = host_read_file(path, &n);
  int err = errno;
  char *wrapped = src ? host_wrap_module(src, n, &len) : NULL; /* run as require() runs a module */
  free(src);
  if (!wrapped) { printf("%s: cannot read the file: %s\n", path, host_file_error(src ? ENOMEM : err)); return 1; }
  int rc = host_eval(h, wrapped, len, path);
  free(wrapped);
  if (!rc) { /* the module function; dsl/scheme.js lintReport runs it */
    host_push_args(h, "s", path);
    rc = host_push_export(h, "dsl/scheme", "lintReport", 2) || host_pcall(h, 2);
  }
  if (rc) { printf("%s: %s\n", path, host_top_text(h)); host_pop(h); return 1; }
  int problems = (int)host_top_number(h, "problems"), warnings = (int)host_top_number(h, "warnings");
  char *text = host_top_prop_text(h, "text");
  host_pop(h);
  if (problems || warnings) printf("%s\n", text);
  if (!problems && warnings) printf("%s: ok, %d warning%s\n", path, warnings, warnings == 1 ? "" : "s");
  else if (!problems) printf("%s: ok\n", path);
  free(text);
  return problems;
}

int cmd_lint(Options *o) {
  if (o->nargs < 1) {
    fprintf(stderr, "certsh: lint needs a FILE: certsh lint FILE...\nTry 'certsh --help'.\n");
    return 2;
  }
  int problems = 0;
  for (int i = 0; i < o->nargs; i++) {
    Host h; /* a fresh heap per file: nothing one file defines is seen by the next */
    if (host_open(&h, ":memory:", o->as_of, o->mem_mb << 20, o->timeout >= 0 ? o->timeout : 30.0, o->lib, 0) < 0) return 1;
    problems += lint_file(&h, o->args[i]);
    host_close(&h);
  }
  fflush(stdout);
  return problems ? 1 : 0;
}
