/* repl/owners.h — the scheme owners' commands (issue 15): adopt, replay, diff. */
#ifndef CERTSH_REPL_OWNERS_H
#define CERTSH_REPL_OWNERS_H

#include "repl/cli.h"

/* certsh adopt FILE --by NAME: pin the rules of a body's own scheme file in the register. */
int cmd_adopt(Options *o);
/* certsh replay CASE: re-run each recorded decision of CASE under its stored rules. */
int cmd_replay(Options *o);
/* certsh diff A B: every rule that changed between two scheme versions, and the register's impact. */
int cmd_diff(Options *o);

#endif
