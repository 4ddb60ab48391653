/* repl/dot.c — the REPL's dot-commands: one table {name, usage, help, handler} drives both
 * dispatch and .help, so the two cannot drift apart. */
#define _POSIX_C_SOURCE 200809L
#include "repl/session.h"
#include "repl/owners.h"
#include "core/civil.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

const char *const MODE_NAMES[MODE_COUNT] = {"table", "json", "csv", "line"};

#define MAX_ARGS 8

/* A dot-command gets its words (argv[0] is the command) and the raw text after the command. */
typedef struct DotCommand {
  const char *name;
  const char *usage;
  const char *help;
  int (*run)(Session *s, int argc, char **argv, const char *rest);
} DotCommand;

static int dot_help(Session *s, int argc, char **argv, const char *rest);

/* .schemes: every version of each scheme (id, version, in force from and until, where its rules
 * come from, document). */
static int dot_schemes(Session *s, int argc, char **argv, const char *rest) {
  (void)argc; (void)argv; (void)rest;
  if (session_call(s, "stdlib/queries", "schemes", 0) != 0) return 1;
  if (host_top_length(&s->h) == 0) {
    host_pop(&s->h);
    fputs("(no schemes are loaded)\n", s->out);
    return 0;
  }
  session_print_value(s);
  return 0;
}

/* A listing on one line: where it goes and how many names are on it. */
typedef struct DotLine { FILE *out; int n; } DotLine;

/* Print a table name of .tables, two spaces after the one before. */
static void dot_table_name(const char *name, void *ud) {
  DotLine *l = ud;
  fprintf(l->out, "%s%s", l->n++ ? "  " : "", name);
}

/* .tables: the register's tables. */
static int dot_tables(Session *s, int argc, char **argv, const char *rest) {
  (void)argc; (void)argv; (void)rest;
  if (session_call(s, "stdlib/queries", "tables", 0) != 0) return 1;
  DotLine line = {s->out, 0};
  host_top_strings(&s->h, dot_table_name, &line);
  if (line.n) fputc('\n', s->out);
  host_pop(&s->h);
  return 0;
}

/* Print one CREATE statement of .schema: written as one line with two-space separators, it is
 * broken there. */
static void dot_schema_statement(const char *sql, void *ud) {
  Session *s = ud;
  for (const char *p = sql; *p; p++) {
    if ((p[0] == ',' || p[0] == '(') && p[1] == ' ' && p[2] == ' ') { fprintf(s->out, "%c\n  ", p[0]); p += 2; }
    else fputc(*p, s->out);
  }
  fputs(";\n", s->out);
}

/* .schema [TABLE]: the CREATE statements, one clause a line. */
static int dot_schema(Session *s, int argc, char **argv, const char *rest) {
  (void)rest;
  host_push_args(&s->h, "s", argc > 1 ? argv[1] : NULL);
  if (session_call(s, "stdlib/queries", "schema", 1) != 0) return 1;
  if (host_top_length(&s->h) == 0 && argc > 1) {
    host_pop(&s->h);
    session_error(s, ".schema: there is no table '%s' (.tables lists them)", argv[1]);
    return 1;
  }
  host_top_strings(&s->h, dot_schema_statement, s);
  host_pop(&s->h);
  return 0;
}

/* .mode [MODE]: how results print. */
static int dot_mode(Session *s, int argc, char **argv, const char *rest) {
  (void)rest;
  if (argc < 2) { fprintf(s->out, "mode: %s\n", MODE_NAMES[s->mode]); return 0; }
  for (int m = 0; m < MODE_COUNT; m++) {
    if (!strcmp(argv[1], MODE_NAMES[m])) { s->mode = (OutputMode)m; return 0; }
  }
  session_error(s, ".mode: '%s' is not a mode; use table, json, csv or line", argv[1]);
  return 1;
}

/* .output [FILE]: send results (and print()) to FILE, or back to the terminal. */
static int dot_output(Session *s, int argc, char **argv, const char *rest) {
  (void)rest;
  FILE *f = stdout;
  if (argc > 1 && !(f = fopen(argv[1], "w"))) {
    session_error(s, ".output: cannot write to '%s'", argv[1]);
    return 1;
  }
  if (s->out != stdout) fclose(s->out);
  free(s->out_path);
  s->out_path = argc > 1 ? strdup(argv[1]) : NULL;
  s->out = s->h.out = f;
  return 0;
}

/* .why [full] [EXPR]: the outcome and the clauses that decided EXPR's value, or the last value
 * (a table's rows each under its key); `full` adds the scheme file's positions. */
static int dot_why(Session *s, int argc, char **argv, const char *rest) {
  int full = argc > 1 && !strcmp(argv[1], "full");
  if (full) rest += 4 + strspn(rest + 4, " \t");
  if (*rest) {
    if (session_run(s, rest, strlen(rest), "<why>", DUK_COMPILE_EVAL)) return 1;
  } else {
    host_push_args(&s->h, "g", "_");
  }
  host_push_args(&s->h, "b", full);
  if (session_call(s, "stdlib/why", "compact", 2) != 0) return 1;
  fprintf(s->out, "%s\n", host_top_text(&s->h));
  host_pop(&s->h);
  return 0;
}

/* .as-of [DATE]: the date rules treat as today for the rest of the session. */
static int dot_as_of(Session *s, int argc, char **argv, const char *rest) {
  (void)rest;
  long day;
  if (argc > 1) {
    if (civil_parse(argv[1], &day) < 0) {
      session_error(s, ".as-of: '%s' is not a real calendar date YYYY-MM-DD", argv[1]);
      return 1;
    }
    civil_format(day, s->h.db.as_of);
  }
  fprintf(s->out, "as of %s\n", s->h.db.as_of);
  return 0;
}

/* .known-on [DATE|off]: past-date questions see only what had been recorded by DATE. */
static int dot_known_on(Session *s, int argc, char **argv, const char *rest) {
  (void)rest;
  long day;
  if (argc > 1 && !strcmp(argv[1], "off")) {
    s->h.db.known_on[0] = 0;
  } else if (argc > 1) {
    if (civil_parse(argv[1], &day) < 0) {
      session_error(s, ".known-on: '%s' is not a real calendar date YYYY-MM-DD (or off)", argv[1]);
      return 1;
    }
    civil_format(day, s->h.db.known_on);
  }
  if (s->h.db.known_on[0]) fprintf(s->out, "known on %s: only what had been recorded by then\n", s->h.db.known_on);
  else fprintf(s->out, "known on: everything recorded (off)\n");
  return 0;
}

/* .load FILE: run a script in this session (its globals stay); a scheme file (one that calls
 * defineScheme) is run as the library runs it, a module, and the versions it defines are named. */
static int dot_load(Session *s, int argc, char **argv, const char *rest) {
  (void)rest;
  if (argc < 2) { session_error(s, "usage: .load FILE"); return 1; }
  size_t len;
  char *src = host_read_file(argv[1], &len);
  if (!src) { session_error(s, ".load: cannot read '%s': %s", argv[1], host_file_error(errno)); return 1; }
  if (strstr(src, "defineScheme")) {
    host_push_args(&s->h, "tt", argv[1], strlen(argv[1]), src, len);
    free(src);
    if (session_call(s, "stdlib/owners", "load", 2) != 0) return 1;
    fprintf(s->out, "%s\n", host_top_text(&s->h));
    host_pop(&s->h);
    return 0;
  }
  int rc = session_run(s, src, len, argv[1], 0);
  free(src);
  if (!rc) host_pop(&s->h);
  return rc;
}

/* An answer for .teach: a line of the session's input after the prompt "answer> ". */
static int dot_teach_read(void *ud, char **line) {
  Session *s = ud;
  if (!s->tty) { fputs("answer> ", s->out); fflush(s->out); }
  s->prompt = "answer> ";
  int rc = session_read_line(s, line);
  s->prompt = NULL;
  return rc;
}

/* .teach SCHEME [--seed N] [--count N]: certsh teach in this session. */
static int dot_teach(Session *s, int argc, char **argv, const char *rest) {
  (void)rest;
  if (argc < 2) { session_error(s, "usage: .teach SCHEME [--seed N] [--count N]"); return 1; }
  return owners_teach(&s->h, s->out, argv + 1, argc - 1, dot_teach_read, s) ? 1 : 0;
}

/* .timer on|off: print how long each evaluation took. */
static int dot_timer(Session *s, int argc, char **argv, const char *rest) {
  (void)rest;
  if (argc < 2 || (strcmp(argv[1], "on") && strcmp(argv[1], "off"))) {
    session_error(s, "usage: .timer on|off");
    return 1;
  }
  s->timer = !strcmp(argv[1], "on");
  return 0;
}

/* .exit: leave. */
static int dot_exit(Session *s, int argc, char **argv, const char *rest) {
  (void)argc; (void)argv; (void)rest;
  s->quit = 1;
  return 0;
}

static const DotCommand DOT_COMMANDS[] = {
  {".help", ".help [NAME]", "this text; with NAME (q.certificates, format…) what it does", dot_help},
  {".schemes", ".schemes", "every version of each scheme: id, version, in force from/until, origin, document", dot_schemes},
  {".tables", ".tables", "the register's tables", dot_tables},
  {".schema", ".schema [TABLE]", "CREATE statements of every table, or of TABLE", dot_schema},
  {".mode", ".mode [MODE]", "print results as table (default), json, csv or line", dot_mode},
  {".output", ".output [FILE]", "write results to FILE; without FILE back to the screen", dot_output},
  {".why", ".why [full] [EXPR]", "the outcome and the clauses behind the last value (or EXPR); full: every step", dot_why},
  {".as-of", ".as-of [DATE]", "the date rules treat as today in this session: what is now known to have been true then", dot_as_of},
  {".known-on", ".known-on [DATE|off]", "answer with only what had been recorded by DATE (off: everything)", dot_known_on},
  {".load", ".load FILE", "run a JavaScript file in this session (a scheme file defines its versions)", dot_load},
  {".teach", ".teach SCHEME [--seed N]", "exercises from the scheme's rules, each answer checked with its clause (as certsh teach)", dot_teach},
  {".timer", ".timer on|off", "print the time each evaluation takes", dot_timer},
  {".exit", ".exit", "leave (also Ctrl-D)", dot_exit},
};
#define DOT_N (sizeof DOT_COMMANDS / sizeof DOT_COMMANDS[0])

/* .help [NAME]: every command, its usage and what it does; with NAME (an expression such as
 * q.certificates or format), what help(NAME) says: its doc comment. */
static int dot_help(Session *s, int argc, char **argv, const char *rest) {
  (void)argv;
  if (argc > 1) {
    if (session_run(s, rest, strlen(rest), "<help>", DUK_COMPILE_EVAL)) return 1;
    if (session_call(s, "stdlib/help", "help", 1) != 0) return 1;
    fprintf(s->out, "%s\n", host_top_text(&s->h));
    host_pop(&s->h);
    return 0;
  }
  fputs("Type JavaScript; its value is printed (multi-line input continues while incomplete).\n"
        "Tab completes names, properties, scheme ids and commands; Ctrl-R searches the history;\n"
        "Ctrl-C clears the line or stops a running evaluation. The last value is `_`.\n\n", s->out);
  for (size_t i = 0; i < DOT_N; i++) fprintf(s->out, "%-22s %s\n", DOT_COMMANDS[i].usage, DOT_COMMANDS[i].help);
  fputs("\nIn JavaScript: q.<Tab> (analyst queries), sql(text, params...), why(value), help(x),\n"
        "scheme(id), format.table(rows) / format.csv(rows). See docs/repl.md.\n", s->out);
  return 0;
}

void dot_names(void (*fn)(const char *name, void *ud), void *ud) {
  for (size_t i = 0; i < DOT_N; i++) fn(DOT_COMMANDS[i].name, ud);
}

int dot_run(Session *s, const char *line) {
  char *copy = strdup(line);
  size_t n = strlen(copy);
  while (n && isspace((unsigned char)copy[n - 1])) copy[--n] = 0;
  char *name_end = copy + strcspn(copy, " \t");
  const char *rest = name_end + strspn(name_end, " \t");
  char *restcopy = strdup(rest);
  char *argv[MAX_ARGS + 1];
  int argc = 0;
  for (char *tok = strtok(copy, " \t"); tok && argc < MAX_ARGS; tok = strtok(NULL, " \t")) argv[argc++] = tok;
  argv[argc] = NULL;
  int rc = 1;
  size_t i;
  for (i = 0; i < DOT_N && strcmp(DOT_COMMANDS[i].name, argv[0]); i++) {}
  if (i == DOT_N) session_error(s, "unknown command '%s'; .help lists the commands", argv[0]);
  else rc = DOT_COMMANDS[i].run(s, argc, argv, restcopy);
  free(restcopy);
  free(copy);
  return rc;
}
