/* repl/lint.h — `certsh lint FILE…`: the scheme language's checks on scheme files. */
#ifndef CERTSH_REPL_LINT_H
#define CERTSH_REPL_LINT_H

#include "repl/cli.h"

/* lint FILE…: print each problem of each scheme file with its field; 0 when none, 1 otherwise. */
int cmd_lint(Options *o);

#endif
