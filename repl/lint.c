/* repl/lint.c — `certsh lint FILE…`: run a scheme file's body with defineScheme checking every
 * definition (dsl/scheme.js lint()) and print each problem as FILE: scheme: field: message. */
#define _POSIX_C_SOURCE 200809L
#include "repl/lint.h"
#include "dsl/host.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The file's text wrapped as a module function, as require() wraps library modules; malloc'd, or
 * NULL when the file cannot be read. */
static char *lint_read_wrapped(const char *path, size_t *len) {
  static const char head[] = "(function (exports, require, module) {", tail[] = "\n})";
  size_t n;
  char *src = host_read_file(path, &n);
  char *buf = src ? malloc(sizeof head - 1 + n + sizeof tail) : NULL;
  if (buf) {
    memcpy(buf, head, sizeof head - 1);
    memcpy(buf + sizeof head - 1, src, n);
    memcpy(buf + sizeof head - 1 + n, tail, sizeof tail); /* with its NUL */
    *len = sizeof head - 1 + n + sizeof tail - 1;
  }
  free(src);
  return buf;
}

/* Lint one file in h: print its problems; returns how many there were (a file that cannot be
 * read or compiled counts as one). */
static int lint_file(Host *h, const char *path) {
  size_t len = 0;
  char *src = lint_read_wrapped(path, &len);
  if (!src) { printf("%s: cannot read the file: %s\n", path, host_file_error(errno)); return 1; }
  int rc = host_eval(h, src, len, path);
  free(src);
  if (rc) { printf("%s: %s\n", path, duk_safe_to_string(h->ctx, -1)); duk_pop(h->ctx); return 1; }
  duk_put_global_string(h->ctx, "__lint_fn");
  duk_push_string(h->ctx, path);
  duk_put_global_string(h->ctx, "__lint_name");
  /* "problems warnings\nline…": a warning (a static check: an unreachable level, a clause outside
   * the outline) is printed and does not fail the file */
  static const char run[] =
    "(function () { var p = require('dsl/scheme').lint(__lint_fn, __lint_name);"
    " var bad = p.filter(function (x) { return !x.warning; }).length;"
    " return bad + ' ' + (p.length - bad) + '\\n' + p.map(function (x) { return __lint_name + ': ' + x.scheme + ': ' + (x.field || '(file)') + ': ' +"
    " (x.warning ? 'warning: ' : '') + x.message; }).join('\\n'); })()";
  if (host_eval(h, run, sizeof run - 1, "<lint>")) {
    printf("%s: %s\n", path, duk_safe_to_string(h->ctx, -1));
    duk_pop(h->ctx);
    return 1;
  }
  const char *out = duk_get_string(h->ctx, -1);
  int n = atoi(out), warnings = atoi(strchr(out, ' ') + 1);
  const char *lines = strchr(out, '\n') + 1;
  if (n || warnings) printf("%s\n", lines);
  if (!n && warnings) printf("%s: ok, %d warning%s\n", path, warnings, warnings == 1 ? "" : "s");
  else if (!n) printf("%s: ok\n", path);
  duk_pop(h->ctx);
  return n;
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
