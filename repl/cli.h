/* repl/cli.h — the command line's shared session options and its commands. */
#ifndef CERTSH_REPL_CLI_H
#define CERTSH_REPL_CLI_H

#include <stddef.h>

/* Options given on the command line (see `certsh --help`). */
typedef struct Options {
  const char *db;     /* --db FILE, $CERTSH_DB, or ./certsh.db */
  const char *as_of;  /* --as-of DATE, NULL = today */
  const char *known_on; /* --known-on DATE: past-date questions see only what was recorded by then; NULL = all */
  const char *lib;    /* --lib DIR or $CERTSH_PATH, NULL = embedded library */
  const char *expr;   /* -e EXPR */
  const char *output; /* -o/--output FILE for what -e and run print, NULL = stdout */
  int json;           /* --json: print values as JSON, whatever they are */
  int read_only;      /* --read-only: open the register read-only, every write refused */
  double timeout;     /* --timeout SECONDS; <0 = the command's default */
  size_t mem_mb;      /* --mem MB */
  char **args;        /* operands after the command word */
  int nargs;
} Options;

/* The REPL (repl/repl.c): returns the process exit status. */
int repl_main(Options *o);

#endif
