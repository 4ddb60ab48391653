/* repl/complete.c — tab completion on libedit: dot-commands and their arguments, scheme ids
 * inside scheme('…, properties of the live value before a dot, and globals and keywords. */
#define _POSIX_C_SOURCE 200809L
#include "repl/session.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* The names that match the word being completed. */
typedef struct Matches {
  const char *word; /* what is typed so far */
  size_t wlen;
  char **names;     /* malloc'd, sorted and unique after complete_finish */
  size_t n, cap;
} Matches;

/* Add name when it starts with the typed word. */
static void matches_add(const char *name, void *ud) {
  Matches *m = ud;
  if (strncmp(name, m->word, m->wlen) != 0) return;
  if (m->n == m->cap) {
    m->cap = m->cap ? m->cap * 2 : 32;
    m->names = realloc(m->names, sizeof *m->names * m->cap);
  }
  m->names[m->n++] = strdup(name);
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void matches_free(Matches *m) {
  for (size_t i = 0; i < m->n; i++) free(m->names[i]);
  free(m->names);
}

static const char *const JS_KEYWORDS[] = {"break", "case", "catch", "continue", "default", "delete", "do",
  "else", "false", "finally", "for", "function", "if", "in", "instanceof", "new", "null", "return", "switch",
  "this", "throw", "true", "try", "typeof", "var", "void", "while", NULL};

/* Add the names of stdlib/help names(value, all) for the value of chain (an identifier chain
 * a.b.c, or NULL for the global object) that start with the typed word: evaluated, and listed,
 * with a short time budget (a getter or a proxy may loop). */
static void complete_names(Session *s, const char *chain, Matches *m) {
  double saved = s->h.timeout;
  s->h.timeout = 1.0;
  int rc = chain ? host_eval(&s->h, chain, strlen(chain), "<completion>") : (host_push_args(&s->h, "G"), 0);
  if (!rc) {
    host_push_args(&s->h, "b", m->wlen > 0); /* Object.prototype's names once a letter is typed */
    rc = host_push_export(&s->h, "stdlib/help", "names", 2) || host_pcall(&s->h, 2);
  }
  s->h.timeout = saved;
  if (!rc) host_top_strings(&s->h, matches_add, m);
  host_pop(&s->h);
}

/* Call a helper of stdlib/queries returning an array of names; add those matching. */
static void complete_from_helper(Session *s, const char *fn, Matches *m) {
  if (host_call(&s->h, "stdlib/queries", fn, "") == 0) host_top_strings(&s->h, matches_add, m);
  host_pop(&s->h);
}

/* File names for .load and .output: entries of the typed folder. */
static void complete_files(Matches *m) {
  const char *slash = strrchr(m->word, '/');
  char dir[4096];
  if (slash) snprintf(dir, sizeof dir, "%.*s", (int)(slash - m->word + 1), m->word);
  else dir[0] = 0;
  DIR *d = opendir(dir[0] ? dir : ".");
  struct dirent *e;
  while (d && (e = readdir(d))) {
    if (e->d_name[0] == '.' && !(slash ? slash[1] == '.' : m->word[0] == '.')) continue;
    char path[4352];
    snprintf(path, sizeof path, "%s%s", dir, e->d_name);
    matches_add(path, m);
  }
  if (d) closedir(d);
}

/* Fill m for the text left of the cursor; *suffix is added after a single match. */
static void complete_collect(Session *s, const char *text, Matches *m, const char **suffix) {
  size_t lead = strspn(text, " \t");
  *suffix = "";
  if (!s->continuing && text[lead] == '.') { /* a dot-command or its argument */
    const char *space = strpbrk(text + lead, " \t");
    if (!space) {
      m->word = text + lead;
      m->wlen = strlen(m->word);
      dot_names(matches_add, m);
      *suffix = " ";
      return;
    }
    m->word = strrchr(text, ' ') ? strrchr(text, ' ') + 1 : space + 1;
    m->wlen = strlen(m->word);
    size_t cmdlen = (size_t)(space - (text + lead));
    const char *cmd = text + lead;
    if (!strncmp(cmd, ".mode", cmdlen) && cmdlen == 5) for (int i = 0; i < MODE_COUNT; i++) matches_add(MODE_NAMES[i], m);
    else if (!strncmp(cmd, ".schema", cmdlen) && cmdlen == 7) complete_from_helper(s, "tables", m);
    else if (!strncmp(cmd, ".timer", cmdlen) && cmdlen == 6) { matches_add("on", m); matches_add("off", m); }
    else if ((!strncmp(cmd, ".load", cmdlen) && cmdlen == 5) || (!strncmp(cmd, ".output", cmdlen) && cmdlen == 7))
      complete_files(m);
    return;
  }
  /* inside scheme('… or scheme("…: the loaded scheme ids */
  size_t n = strlen(text);
  size_t w = n;
  while (w > 0 && text[w - 1] != '\'' && text[w - 1] != '"' && text[w - 1] != '(' && !isspace((unsigned char)text[w - 1])) w--;
  if (w > 0 && (text[w - 1] == '\'' || text[w - 1] == '"')) {
    size_t p = w - 1;
    while (p > 0 && isspace((unsigned char)text[p - 1])) p--;
    if (p >= 7 && !strncmp(text + p - 7, "scheme(", 7)) {
      m->word = text + w;
      m->wlen = n - w;
      complete_from_helper(s, "schemeIds", m);
      *suffix = text[w - 1] == '\'' ? "')" : "\")";
      return;
    }
  }
  /* an identifier chain: complete its last part */
  w = n;
  while (w > 0 && (isalnum((unsigned char)text[w - 1]) || text[w - 1] == '_' || text[w - 1] == '$' || text[w - 1] == '.')) w--;
  const char *chain = text + w;
  if (isdigit((unsigned char)chain[0])) return;
  const char *dot = strrchr(chain, '.');
  if (dot) {
    m->word = dot + 1;
    m->wlen = strlen(m->word);
    char *base = strndup(chain, (size_t)(dot - chain));
    if (*base && base[strlen(base) - 1] != '.' && !strstr(base, "..") && base[0] != '.') complete_names(s, base, m);
    free(base);
    return;
  }
  m->word = chain;
  m->wlen = strlen(chain);
  complete_names(s, NULL, m);
  for (int i = 0; JS_KEYWORDS[i]; i++) matches_add(JS_KEYWORDS[i], m);
}

/* Print the matches in columns below the line. */
static void complete_list(Matches *m) {
  struct winsize ws;
  int cols = ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col ? ws.ws_col : 80;
  size_t width = 0;
  for (size_t i = 0; i < m->n; i++) if (strlen(m->names[i]) > width) width = strlen(m->names[i]);
  width += 2;
  size_t per_row = (size_t)cols / width ? (size_t)cols / width : 1;
  size_t rows = (m->n + per_row - 1) / per_row;
  fputc('\n', stdout);
  for (size_t r = 0; r < rows; r++) {
    for (size_t c = 0; c < per_row; c++) {
      size_t i = c * rows + r;
      if (i < m->n) printf("%-*s", (int)width, m->names[i]);
    }
    fputc('\n', stdout);
  }
  fflush(stdout);
}

/* Bound to Tab: insert the single match, or the common prefix, or list the matches. */
static unsigned char complete_key(EditLine *el, int ch) {
  (void)ch;
  Session *s;
  el_get(el, EL_CLIENTDATA, &s);
  const LineInfo *li = el_line(el);
  char *text = strndup(li->buffer, (size_t)(li->cursor - li->buffer));
  Matches m = {0};
  m.word = "";
  const char *suffix;
  size_t depth = host_depth(&s->h);
  complete_collect(s, text, &m, &suffix);
  host_unwind(&s->h, depth);
  unsigned char rc = CC_REFRESH_BEEP;
  if (m.n) {
    qsort(m.names, m.n, sizeof *m.names, cmp_names);
    size_t u = 1;
    for (size_t i = 1; i < m.n; i++) {
      if (strcmp(m.names[i], m.names[u - 1])) m.names[u++] = m.names[i];
      else free(m.names[i]);
    }
    m.n = u;
    size_t common = strlen(m.names[0]);
    for (size_t i = 1; i < m.n; i++) {
      size_t k = 0;
      while (k < common && m.names[i][k] == m.names[0][k]) k++;
      common = k;
    }
    if (m.n == 1) {
      el_insertstr(el, m.names[0] + m.wlen);
      if (*suffix) el_insertstr(el, suffix);
      rc = CC_REFRESH;
    } else if (common > m.wlen) {
      char *more = strndup(m.names[0] + m.wlen, common - m.wlen);
      el_insertstr(el, more);
      free(more);
      rc = CC_REFRESH;
    } else {
      complete_list(&m);
      rc = CC_REDISPLAY;
    }
  }
  matches_free(&m);
  free(text);
  return rc;
}

void complete_install(Session *s) {
  /* el_wset with static wide strings: el_set would copy them and never free the copies */
  el_wset(s->el, EL_ADDFN, L"certsh-complete", L"complete a name, property, scheme id or command", complete_key);
  el_set(s->el, EL_BIND, "^I", "certsh-complete", NULL);
}
