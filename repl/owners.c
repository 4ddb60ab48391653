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
  int rc = text ? host_call(&h, "stdlib/owners", "command", "sat", name, o->args, o->nargs, text, len)
                : host_call(&h, "stdlib/owners", "command", "sas", name, o->args, o->nargs, NULL);
  if (rc) { /* the error as a message "code: text" */
    rc = !strncmp(host_top_text(&h), "usage: ", 7) ? 2 : 1;
    fprintf(stderr, "error: %s\n", host_top_text(&h));
    if (rc == 2) fprintf(stderr, "Try 'certsh --help'.\n");
  } else { /* {ok, text} */
    rc = host_top_flag(&h, "ok") ? 0 : 1;
    char *out = host_top_prop_text(&h, "text");
    if (out && *out) printf("%s\n", out);
    free(out);
  }
  host_pop(&h);
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

/* After a call of the teaching session (rc its result): print the text it gave to out (nothing
 * for null) and pop it; 1 when it failed (printed), 2 when it gave null, else 0. */
static int teach_step(Host *h, FILE *out, int rc) {
  if (rc) {
    fprintf(stderr, "error: %s\n", host_top_text(h));
    host_pop(h);
    return 1;
  }
  rc = host_top_is_null(h) ? 2 : 0;
  if (!rc) fprintf(out, "%s\n", host_top_text(h));
  host_pop(h);
  fflush(out);
  return rc;
}

int owners_teach(Host *h, FILE *out, char *const *args, int nargs, int (*read_answer)(void *ud, char **line), void *ud) {
  if (host_call(h, "stdlib/owners", "teachStart", "a", args, nargs)) {
    int usage = !strncmp(host_top_text(h), "usage: ", 7);
    fprintf(stderr, "error: %s\n", host_top_text(h));
    host_pop(h);
    return usage ? 2 : 1;
  }
  fprintf(out, "%s\n", host_top_text(h));
  host_pop(h);
  int rc;
  while ((rc = teach_step(h, out, host_call(h, "stdlib/owners", "teachNext", ""))) == 0) { /* one question, one answer */
    char *line = NULL;
    if (read_answer(ud, &line) <= 0) { free(line); fputc('\n', out); break; }
    int failed = host_call(h, "stdlib/owners", "teachAnswer", "t", line, strlen(line));
    free(line);
    if ((rc = teach_step(h, out, failed)) == 1) break;
  }
  if (rc != 1) rc = teach_step(h, out, host_call(h, "stdlib/owners", "teachSummary", ""));
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
