/* repl/owners.h — the scheme owners' commands (issue 15): adopt, replay, diff, doc, teach. */
#ifndef CERTSH_REPL_OWNERS_H
#define CERTSH_REPL_OWNERS_H

#include "repl/cli.h"
#include "dsl/host.h"

#include <stdio.h>

/* certsh adopt FILE --by NAME: pin the rules of a body's own scheme file in the register. */
int cmd_adopt(Options *o);
/* certsh replay CASE: re-run each recorded decision of CASE under its stored rules. */
int cmd_replay(Options *o);
/* certsh diff A B: every rule that changed between two scheme versions, and the register's impact. */
int cmd_diff(Options *o);
/* certsh doc SCHEME [--format md|html]: the scheme's documentation, clause by clause, with coverage. */
int cmd_doc(Options *o);
/* certsh teach SCHEME [--seed N] [--count N]: exercises from the scheme, answers read from stdin. */
int cmd_teach(Options *o);
/* The teaching session of args (SCHEME [--seed N] [--count N]) in h: each question printed to out,
 * each answer read by read_answer (1 with a malloc'd line, 0 at the end), then the summary; 0,
 * 1 (an error, printed) or 2 (bad arguments). certsh teach and the REPL's .teach share it. */
int owners_teach(Host *h, FILE *out, char *const *args, int nargs, int (*read_answer)(void *ud, char **line), void *ud);

#endif
