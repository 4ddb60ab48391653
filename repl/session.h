/* repl/session.h — the REPL's session: all of its state in one struct (SQLite shell's way),
 * shared by the loop (repl.c), the dot-commands (dot.c) and tab completion (complete.c). */
#ifndef CERTSH_REPL_SESSION_H
#define CERTSH_REPL_SESSION_H

#include "repl/cli.h"
#include "dsl/host.h"

#include <histedit.h>

/* How results are printed; MODE_NAMES in dot.c is the parallel table of names. */
typedef enum OutputMode { MODE_TABLE = 0, MODE_JSON, MODE_CSV, MODE_LINE, MODE_COUNT } OutputMode;
extern const char *const MODE_NAMES[MODE_COUNT];

typedef struct Session {
  Host h;               /* the heap and the register */
  Options *opts;        /* the command line */
  int tty;              /* stdin is a terminal: prompt, line editing, history */
  int color;            /* stderr is a terminal and NO_COLOR is unset: errors in red */
  OutputMode mode;      /* .mode */
  FILE *out;            /* where results and print() go: stdout, or the .output file */
  char *out_path;       /* the .output file's name (malloc'd), NULL for stdout */
  int timer;            /* .timer on: print each evaluation's time */
  int failed;           /* an evaluation failed (the exit status when not a terminal) */
  int quit;             /* .exit was given */
  long lineno;          /* line number of the input (errors in piped input name it) */
  int continuing;       /* the input read so far is an incomplete expression */
  const char *prompt;   /* the prompt in place of certsh>'s while a command reads lines (.teach), or NULL */
  EditLine *el;         /* libedit, when tty */
  History *hist;        /* libedit history, when tty */
  char hist_path[4096]; /* ~/.certsh_history, "" when HOME is unset */
} Session;

/* Compile source (flags as host_compile) and run it as every REPL evaluation runs: time budget,
 * Ctrl-C. 0 with the value on the stack, or 1 with the error reported (nothing left). */
int session_run(Session *s, const char *source, size_t len, const char *name, unsigned flags);
/* Evaluate source as the REPL does (value printed in the current mode); 0 ok, 1 failed. */
int session_eval(Session *s, const char *source, size_t len, const char *name);
/* Print the value at stack top in the current mode and pop it. */
void session_print_value(Session *s);
/* Report an error message (stderr, red on a terminal, with the line number when piped). */
void session_error(Session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Call require(module)[fn](args at the top nargs slots) under the time budget; on success
 * the result replaces them and 0 is returned, else the error is reported and 1 returned. */
int session_call(Session *s, const char *module, const char *fn, int nargs);

/* Read one line of input (without its newline) into *line (malloc'd): 1, 0 at end of input, -1
 * when Ctrl-C was pressed. On a terminal with line editing, prompted by s->prompt or certsh>'s. */
int session_read_line(Session *s, char **line);
/* Run a line starting with '.'; returns 0, or 1 when the command failed. */
int dot_run(Session *s, const char *line);
/* Call fn for each dot-command name (".help", ...), for completion. */
void dot_names(void (*fn)(const char *name, void *ud), void *ud);

/* Install tab completion on s->el. */
void complete_install(Session *s);

#endif
