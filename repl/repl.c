/* repl/repl.c — the read-eval-print loop: libedit line editing and history on a terminal,
 * plain line reading when piped, multi-line input (keep reading while the parse error is at
 * the end of the input, Lua's trick), Ctrl-C that clears the line or stops the running
 * evaluation, and printing each value in the session's output mode (stdlib/format.js). */
#define _POSIX_C_SOURCE 200809L
#include "repl/session.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#define PROMPT "certsh> "
#define PROMPT_MORE "   ...> "
#define HISTORY_SIZE 2000

/* ---- Ctrl-C: the handler only sets flags (a signal cannot touch the interpreter) ---------- */

static Session *sigint_session;             /* the session the handler stops */
static volatile sig_atomic_t sigint_count;  /* Ctrl-C presses not yet handled by the loop */

/* SIGINT: at the prompt, make the line reader return; during an evaluation (whatever started
 * it: a line, .load, .why, completion), ask the host's timeout check (and SQLite) to stop it; a
 * third press while a stop is pending ends the process (a single built-in call that never
 * reaches the check). */
static void repl_on_sigint(int sig) {
  (void)sig;
  sigint_count++;
  if (!sigint_session || sigint_session->h.eval_depth == 0) return;
  sigint_session->h.interrupt = 1;
  if (sigint_session->h.db.sql) sqlite3_interrupt(sigint_session->h.db.sql);
  if (sigint_count >= 3) {
    static const char msg[] = "\ncertsh: the evaluation did not stop (a single long built-in call); leaving\n";
    if (write(2, msg, sizeof msg - 1) < 0) { /* nothing more to do */ }
    _exit(130);
  }
}

/* Install the handler without SA_RESTART, so that a blocked read() returns EINTR. */
static void repl_install_sigint(Session *s) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = repl_on_sigint;
  sigemptyset(&sa.sa_mask);
  sigint_session = s;
  sigaction(SIGINT, &sa, NULL);
}

/* ---- reporting ------------------------------------------------------------------------------ */

void session_error(Session *s, const char *fmt, ...) {
  char msg[8192];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  fflush(s->out);
  if (s->color) fputs("\033[31m", stderr);
  if (s->tty) fprintf(stderr, "error: %s", msg);
  else fprintf(stderr, "error: line %ld: %s", s->lineno, msg);
  if (s->color) fputs("\033[0m", stderr);
  fputc('\n', stderr);
  fflush(stderr);
}

/* Report the error message at stack top (its trace cleaned by the host) and pop it. */
static void session_report(Session *s, int interrupted) {
  if (interrupted) {
    if (s->tty) fputc('\n', stderr); /* after the terminal's ^C */
    session_error(s, "interrupted (Ctrl-C): the evaluation was stopped and its unfinished command rolled back");
  } else {
    session_error(s, "%s", host_top_text(&s->h));
  }
  host_pop(&s->h);
}

/* ---- evaluation and printing ---------------------------------------------------------------- */

/* Columns of the terminal on stdout ($COLUMNS when the terminal does not say), 0 when stdout is
 * not a terminal (a pipe or a file gets every table whole). */
static int session_columns(Session *s) {
  struct winsize ws;
  if (s->out != stdout || !isatty(1)) return 0;
  if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  const char *env = getenv("COLUMNS");
  int n = env ? atoi(env) : 0;
  return n > 0 ? n : 80;
}

/* Rows of the terminal on stdout, 0 when it is not one. */
static int session_rows(Session *s) {
  struct winsize ws;
  if (s->out != stdout || !isatty(1) || !s->tty) return 0;
  if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0) return ws.ws_row;
  const char *env = getenv("LINES");
  return env && atoi(env) > 0 ? atoi(env) : 24;
}

/* Write text (len bytes) to the session's output: through $PAGER (default less, with LESS=FRX
 * unless set, or more where less is not installed) when it is longer than a terminal's height,
 * else directly. Never in a pipe or to a file: session_rows is 0 there. */
static void session_write_paged(Session *s, const char *text, size_t len) {
  int rows = session_rows(s);
  size_t lines = 0;
  for (size_t i = 0; i < len && rows > 0; i++) lines += text[i] == '\n';
  const char *pager = getenv("PAGER");
  if (!pager || !*pager) pager = "command -v less > /dev/null 2>&1 && exec less || exec more";
  FILE *p = NULL;
  if (rows > 0 && lines + 1 >= (size_t)rows && strcmp(pager, "cat") != 0) {
    setenv("LESS", "FRX", 0);
    fflush(s->out);
    p = popen(pager, "w");
  }
  if (!p) {
    fwrite(text, 1, len, s->out);
    if (len && text[len - 1] != '\n') fputc('\n', s->out);
    fflush(s->out);
    return;
  }
  void (*old)(int) = signal(SIGPIPE, SIG_IGN); /* the pager may be left before it read everything */
  fwrite(text, 1, len, p);
  if (len && text[len - 1] != '\n') fputc('\n', p);
  int rc = pclose(p);
  signal(SIGPIPE, old);
  sigint_count = 0; /* a Ctrl-C in the pager is the pager's */
  if (rc == -1 || (WIFEXITED(rc) && WEXITSTATUS(rc) == 127)) { /* no such pager: print it here */
    fprintf(stderr, "certsh: the pager '%s' could not be started ($PAGER); printing directly\n", pager);
    fwrite(text, 1, len, s->out);
    if (len && text[len - 1] != '\n') fputc('\n', s->out);
    fflush(s->out);
  }
}

/* The one way the REPL runs script code (its lines, .load, .why, the helpers it calls): call
 * the function below the nargs arguments at stack top under the time budget, Ctrl-C able to stop
 * it. 0 with the value on the stack, or 1 with the error reported. */
static int session_pcall(Session *s, int nargs) {
  sigint_count = 0;
  int rc = host_pcall(&s->h, nargs);
  s->h.interrupt = 0; /* a Ctrl-C that came as the call ended must not stop the next one */
  int interrupted = sigint_count > 0 || s->h.stopped == HOST_INTERRUPT;
  sigint_count = 0;
  if (rc) session_report(s, interrupted);
  return rc;
}

int session_run(Session *s, const char *source, size_t len, const char *name, unsigned flags) {
  if (host_compile(&s->h, source, len, name, flags)) { session_report(s, 0); return 1; }
  return session_pcall(s, 0);
}

int session_call(Session *s, const char *module, const char *fn, int nargs) {
  if (host_push_export(&s->h, module, fn, nargs)) { session_report(s, 0); return 1; }
  return session_pcall(s, nargs);
}

void session_print_value(Session *s) {
  if (host_top_is_undefined(&s->h)) { host_pop(&s->h); return; }
  char opts[64]; /* format.display's {mode, width} */
  snprintf(opts, sizeof opts, "{\"mode\": \"%s\", \"width\": %d}", MODE_NAMES[s->mode], session_columns(s));
  host_push_args(&s->h, "j", opts);
  if (session_call(s, "stdlib/format", "display", 2) != 0) return;
  size_t len;
  const char *text = host_top_ltext(&s->h, &len);
  session_write_paged(s, text, len);
  host_pop(&s->h);
}

int session_eval(Session *s, const char *source, size_t len, const char *name) {
  double t0 = host_now();
  int rc = session_run(s, source, len, name, 0);
  double elapsed = host_now() - t0;
  fflush(s->out);
  if (rc) {
    s->failed = 1;
  } else {
    if (!host_top_is_undefined(&s->h)) host_put_global(&s->h, "_"); /* _ holds the last value, as in node */
    session_print_value(s);
  }
  if (s->timer) fprintf(stderr, "time: %.3f s\n", elapsed);
  return rc;
}

/* ---- is the input complete? ------------------------------------------------------------------ */

/* 1 when source compiles or fails for a reason more input cannot fix; 0 when the parse error
 * is at the end of the input (an open bracket, string continuation, comment…). */
static int input_complete(Session *s, const char *source, size_t len) {
  char msg[1024];
  if (host_try_compile(&s->h, source, len, "<input>", msg, sizeof msg) == 0) return 1;
  int more = strstr(msg, "end of input") && !strstr(msg, "unterminated string");
  return !more;
}

/* Evaluate one complete input; an input starting with '{' is tried as an object literal first. */
static void repl_eval_input(Session *s, const char *src, size_t len, const char *name) {
  size_t lead = strspn(src, " \t\r\n");
  if (src[lead] == '{') {
    char *wrapped = malloc(len + 4);
    int n = snprintf(wrapped, len + 4, "(%.*s)", (int)len, src);
    int ok = host_try_compile(&s->h, wrapped, (size_t)n, name, NULL, 0) == 0;
    if (ok) { session_eval(s, wrapped, (size_t)n, name); free(wrapped); return; }
    free(wrapped);
  }
  session_eval(s, src, len, name);
}

/* ---- reading lines ------------------------------------------------------------------------- */

/* libedit's character reader: one multibyte character from stdin; -1 when Ctrl-C was pressed
 * (el_gets then returns NULL), 0 at end of input. */
static int repl_getc(EditLine *el, wchar_t *wc) {
  (void)el;
  mbstate_t st;
  memset(&st, 0, sizeof st);
  for (;;) {
    char c;
    ssize_t r = read(STDIN_FILENO, &c, 1);
    if (r < 0 && errno == EINTR) {
      if (sigint_count) return -1;
      continue;
    }
    if (r <= 0) return (int)r;
    size_t k = mbrtowc(wc, &c, 1, &st);
    if (k == (size_t)-2) continue;                    /* more bytes of this character */
    if (k == (size_t)-1) { *wc = (unsigned char)c; memset(&st, 0, sizeof st); }
    else if (k == 0) *wc = 0;
    return 1;
  }
}

static char *repl_prompt(EditLine *el) {
  Session *s;
  el_get(el, EL_CLIENTDATA, &s);
  return s->prompt ? (char *)s->prompt : s->continuing ? PROMPT_MORE : PROMPT;
}

/* Read one line (without its newline) into a malloc'd buffer: 1, 0 at end of input, -1 when
 * Ctrl-C was pressed. */
int session_read_line(Session *s, char **line) {
  *line = NULL;
  if (!s->tty) {
    size_t cap = 0;
    ssize_t n = getline(line, &cap, stdin);
    if (n < 0) { free(*line); *line = NULL; return 0; }
    while (n > 0 && ((*line)[n - 1] == '\n' || (*line)[n - 1] == '\r')) (*line)[--n] = 0;
    return 1;
  }
  el_resize(s->el);
  int count = 0;
  const char *got = el_gets(s->el, &count);
  if (sigint_count) { sigint_count = 0; return -1; }
  if (!got) return 0;
  size_t n = strlen(got);
  while (n > 0 && (got[n - 1] == '\n' || got[n - 1] == '\r')) n--;
  *line = strndup(got, n);
  return 1;
}

/* ---- the session ------------------------------------------------------------------------------ */

/* libedit and history on a terminal; the history file is ~/.certsh_history. */
static void repl_open_editor(Session *s) {
  s->el = el_init("certsh", stdin, stdout, stderr);
  el_set(s->el, EL_CLIENTDATA, s);
  el_set(s->el, EL_EDITOR, "emacs");
  el_set(s->el, EL_PROMPT, repl_prompt);
  el_set(s->el, EL_GETCFN, repl_getc);
  s->hist = history_init();
  HistEvent ev;
  history(s->hist, &ev, H_SETSIZE, HISTORY_SIZE);
  history(s->hist, &ev, H_SETUNIQUE, 1);
  el_set(s->el, EL_HIST, history, s->hist);
  el_set(s->el, EL_BIND, "^R", "em-inc-search-prev", NULL);
  el_set(s->el, EL_BIND, "^S", "em-inc-search-next", NULL);
  complete_install(s);
  el_source(s->el, NULL); /* the user's ~/.editrc, if any */
  const char *home = getenv("HOME");
  if (home && *home) {
    snprintf(s->hist_path, sizeof s->hist_path, "%s/.certsh_history", home);
    history(s->hist, &ev, H_LOAD, s->hist_path);
  }
}

/* Add a line to the history and save it at once, so that a crash loses nothing. */
static void repl_remember(Session *s, const char *line) {
  if (!s->hist || !line[strspn(line, " \t")]) return;
  HistEvent ev;
  history(s->hist, &ev, H_ENTER, line);
  if (s->hist_path[0]) history(s->hist, &ev, H_SAVE, s->hist_path);
}

/* The character type of the user's locale must be UTF-8 for libedit to take Chinese input and
 * for the table printer's widths; fall back to C.UTF-8. */
static void repl_set_locale(void) {
  if (!setlocale(LC_CTYPE, "") || strcmp(nl_langinfo(CODESET), "UTF-8") != 0) setlocale(LC_CTYPE, "C.UTF-8");
}

static void repl_close(Session *s) {
  if (s->el) el_end(s->el);
  if (s->hist) history_end(s->hist);
  if (s->out != stdout) fclose(s->out);
  free(s->out_path);
  host_close(&s->h);
}

/* The REPL on a register that does not exist: on a terminal, offer to create it (certsh init);
 * otherwise leave it to host_open to refuse. 0 to go on, -1 to stop. */
static int repl_offer_init(Session *s, const char *path) {
  struct stat sb;
  if (!s->tty || s->opts->read_only || !strcmp(path, ":memory:") || !strncmp(path, "file:", 5) || stat(path, &sb) == 0) return 0;
  printf("There is no register at '%s'. Create an empty one there? [y/N] ", path);
  fflush(stdout);
  char answer[16];
  if (!fgets(answer, sizeof answer, stdin) || (answer[0] != 'y' && answer[0] != 'Y')) {
    fprintf(stderr, "certsh: nothing was created (certsh init %s creates an empty register)\n", path);
    return -1;
  }
  CoreError err;
  if (db_init(path, &err) < 0) { fprintf(stderr, "error: %s\n", err.message); return -1; }
  printf("created an empty register at '%s'\n", path);
  return 0;
}

int repl_main(Options *o) {
  Session session, *s = &session;
  memset(s, 0, sizeof *s);
  s->opts = o;
  s->out = stdout;
  s->tty = isatty(0) && isatty(1);
  s->color = isatty(2) && s->tty && !getenv("NO_COLOR");
  s->mode = o->json ? MODE_JSON : MODE_TABLE;
  repl_set_locale();
  if (repl_offer_init(s, o->db) < 0) return 1;
  if (host_open(&s->h, o->db, o->as_of, o->mem_mb << 20, o->timeout > 0 ? o->timeout : 0, o->lib,
                o->read_only ? HOST_READ_ONLY : 0) < 0) return 1;
  if (o->known_on) snprintf(s->h.db.known_on, sizeof s->h.db.known_on, "%s", o->known_on);
  if (s->tty) {
    repl_open_editor(s);
    repl_install_sigint(s);
    printf("certsh %s on %s, as of %s%s%s. Type .help for help, .exit or Ctrl-D to leave.\n", CERTSH_VERSION, o->db,
           s->h.db.as_of, s->h.db.known_on[0] ? ", known on " : "", s->h.db.known_on);
  }
  char *pending = NULL; /* the input of an incomplete expression so far */
  size_t plen = 0;
  long first_line = 0; /* where the pending input started */
  int warned_exit = 0; /* Ctrl-C at an empty prompt once: the next one leaves */
  while (!s->quit) {
    char *line;
    int got = session_read_line(s, &line);
    if (got < 0) { /* Ctrl-C: drop what was typed */
      int empty = plen == 0;
      free(pending);
      pending = NULL;
      plen = 0;
      s->continuing = 0;
      if (empty && warned_exit) { fputc('\n', stdout); break; }
      fputs(empty ? "\n(press Ctrl-C again, Ctrl-D or type .exit to leave)\n" : "\n", stdout);
      warned_exit = empty;
      continue;
    }
    warned_exit = 0;
    if (got == 0) { /* end of input: an unfinished expression still gets its error */
      if (plen) repl_eval_input(s, pending, plen, "<repl>");
      if (s->tty) fputc('\n', stdout);
      break;
    }
    s->lineno++;
    if (s->tty) repl_remember(s, line);
    size_t lead = strspn(line, " \t");
    if (!plen && line[lead] == '.' && line[lead + 1] >= 'a' && line[lead + 1] <= 'z') {
      if (dot_run(s, line + lead) != 0) s->failed = 1;
      free(line);
      continue;
    }
    size_t n = strlen(line);
    if (!plen && !line[lead]) { free(line); continue; }
    if (!plen) first_line = s->lineno;
    pending = realloc(pending, plen + n + 2);
    memcpy(pending + plen, line, n);
    plen += n;
    pending[plen++] = '\n';
    pending[plen] = 0;
    free(line);
    if (!input_complete(s, pending, plen)) { s->continuing = 1; continue; }
    s->continuing = 0;
    long at = s->lineno;
    s->lineno = first_line;
    repl_eval_input(s, pending, plen, "<repl>");
    s->lineno = at;
    free(pending);
    pending = NULL;
    plen = 0;
  }
  free(pending);
  fflush(s->out);
  repl_close(s);
  return s->failed && !s->tty ? 1 : 0;
}
