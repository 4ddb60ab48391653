/* repl/owners.c — the scheme owners' commands (issue 15): each opens the register, hands its
 * operands (and for adopt the file's text, which scripts cannot read) to stdlib/owners.js, and
 * prints the text it returns; the command fails (exit 1) when the answer says so. */
#define _POSIX_C_SOURCE 200809L
#include "repl/owners.h"
#include "dsl/host.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Run require('stdlib/owners').command(name, args, text) on the register of o: args are the
 * operands, text a file's contents (or NULL). Prints the answer's text; 0, 1 (the answer's
 * verdict or an error) or 2 (usage, an error with code 'usage'). */
static int owners_run(Options *o, const char *name, const char *text, size_t len) {
  Host h;
  const char *db = !strcmp(name, "doc") ? ":memory:" : o->db; /* a page of the rules reads no register */
  if (host_open(&h, db, o->as_of, o->mem_mb << 20, o->timeout >= 0 ? o->timeout : 60.0, o->lib,
                o->read_only ? HOST_READ_ONLY : 0) < 0) return 1;
  if (o->known_on) snprintf(h.db.known_on, sizeof h.db.known_on, "%s", o->known_on);
  duk_context *ctx = h.ctx;
  duk_push_global_object(ctx);
  duk_idx_t arr = duk_push_array(ctx);
  for (int i = 0; i < o->nargs; i++) {
    host_push_text(ctx, o->args[i], strlen(o->args[i]));
    duk_put_prop_index(ctx, arr, (duk_uarridx_t)i);
  }
  duk_put_prop_string(ctx, -2, "__owners_args");
  if (text) host_push_text(ctx, text, len);
  else duk_push_null(ctx);
  duk_put_prop_string(ctx, -2, "__owners_text");
  duk_push_string(ctx, name);
  duk_put_prop_string(ctx, -2, "__owners_name");
  duk_pop(ctx);
  static const char call[] =
    "(function () { var r = require('stdlib/owners').command(__owners_name, __owners_args, __owners_text);"
    " return (r.ok ? '0' : '1') + r.text; })()";
  int rc;
  if (host_eval(&h, call, sizeof call - 1, name)) { /* the error as a message "code: text" */
    rc = !strncmp(duk_safe_to_string(ctx, -1), "usage: ", 7) ? 2 : 1;
    fprintf(stderr, "error: %s\n", duk_safe_to_string(ctx, -1));
    if (rc == 2) fprintf(stderr, "Try 'certsh --help'.\n");
  } else {
    const char *out = duk_get_string(ctx, -1);
    rc = out && out[0] == '0' ? 0 : 1;
    if (out && out[1]) printf("%s\n", out + 1);
  }
  fflush(stdout);
  host_close(&h);
  return rc;
}

int cmd_adopt(Options *o) {
  if (o->nargs < 1) {
    fprintf(stderr, "certsh: adopt needs a FILE: certsh adopt FILE --by NAME\nTry 'certsh --help'.\n");
    return 2;
  }
  size_t len;
  char *src = host_read_file(o->args[0], &len);
  if (!src) { fprintf(stderr, "error: cannot read '%s': %s\n", o->args[0], host_file_error(errno)); return 1; }
  int rc = owners_run(o, "adopt", src, len);
  free(src);
  return rc;
}

int cmd_replay(Options *o) { return owners_run(o, "replay", NULL, 0); }

int cmd_diff(Options *o) { return owners_run(o, "diff", NULL, 0); }

int cmd_doc(Options *o) { return owners_run(o, "doc", NULL, 0); }

/* Evaluate expr in h and print the string it gives to out (nothing for null); 1 when it failed
 * (printed), 2 when it gave null, else 0. */
static int teach_step(Host *h, FILE *out, const char *expr) {
  if (host_eval(h, expr, strlen(expr), "<teach>")) {
    fprintf(stderr, "error: %s\n", duk_safe_to_string(h->ctx, -1));
    duk_pop(h->ctx);
    return 1;
  }
  int rc = duk_is_null(h->ctx, -1) ? 2 : 0;
  if (!rc) fprintf(out, "%s\n", duk_safe_to_string(h->ctx, -1));
  duk_pop(h->ctx);
  fflush(out);
  return rc;
}

int owners_teach(Host *h, FILE *out, char *const *args, int nargs, int (*read_answer)(void *ud, char **line), void *ud) {
  duk_push_global_object(h->ctx);
  duk_idx_t arr = duk_push_array(h->ctx);
  for (int i = 0; i < nargs; i++) {
    host_push_text(h->ctx, args[i], strlen(args[i]));
    duk_put_prop_index(h->ctx, arr, (duk_uarridx_t)i);
  }
  duk_put_prop_string(h->ctx, -2, "__teach_args");
  duk_pop(h->ctx);
  static const char start[] = "require('stdlib/owners').teachStart(__teach_args)";
  if (host_eval(h, start, sizeof start - 1, "<teach>")) {
    const char *msg = duk_safe_to_string(h->ctx, -1);
    int usage = !strncmp(msg, "usage: ", 7);
    fprintf(stderr, "error: %s\n", msg);
    duk_pop(h->ctx);
    return usage ? 2 : 1;
  }
  fprintf(out, "%s\n", duk_safe_to_string(h->ctx, -1));
  duk_pop(h->ctx);
  int rc;
  while ((rc = teach_step(h, out, "require('stdlib/owners').teachNext()")) == 0) { /* one question, one answer */
    char *line = NULL;
    if (read_answer(ud, &line) <= 0) { free(line); fputc('\n', out); break; }
    duk_push_global_object(h->ctx);
    host_push_text(h->ctx, line, strlen(line));
    free(line);
    duk_put_prop_string(h->ctx, -2, "__teach_answer");
    duk_pop(h->ctx);
    if ((rc = teach_step(h, out, "require('stdlib/owners').teachAnswer(__teach_answer)")) == 1) break;
  }
  if (rc != 1) rc = teach_step(h, out, "require('stdlib/owners').teachSummary()");
  return rc == 1 ? 1 : 0;
}

/* An answer from standard input, after the prompt "answer> ": 1, or 0 at its end. */
static int teach_read_stdin(void *ud, char **line) {
  (void)ud;
  size_t cap = 0;
  fputs("answer> ", stdout);
  fflush(stdout);
  ssize_t n = getline(line, &cap, stdin);
  if (n < 0) return 0;
  while (n > 0 && ((*line)[n - 1] == '\n' || (*line)[n - 1] == '\r')) (*line)[--n] = 0;
  return 1;
}

int cmd_teach(Options *o) {
  Host h;
  if (host_open(&h, ":memory:", o->as_of, o->mem_mb << 20, o->timeout >= 0 ? o->timeout : 60.0, o->lib, 0) < 0) return 1;
  int rc = owners_teach(&h, stdout, o->args, o->nargs, teach_read_stdin, NULL);
  host_close(&h);
  return rc;
}
