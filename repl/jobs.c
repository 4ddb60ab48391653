/* repl/jobs.c — the batch jobs built into certsh: the scripts of examples/, embedded like the
 * stdlib (or read from --lib DIR/examples/), so that `certsh run reminders` works from any
 * directory and from cron; `certsh jobs` lists them with their arguments, read from each job's
 * own header comment (one source for the job's usage). */
#define _POSIX_C_SOURCE 200809L
#include "repl/jobs.h"
#include "dsl/host.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define JOB_FOLDER "examples/"

int job_is_name(const char *name) {
  size_t n = strlen(name);
  struct stat sb;
  if (stat(name, &sb) == 0) return 0; /* a file or folder of that name here is what was meant */
  if (!n || n > 100 || strchr(name, '/')) return 0;
  if (n > 3 && !strcmp(name + n - 3, ".js")) return 0;
  for (const char *p = name; *p; p++)
    if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_') return 0;
  return 1;
}

char *job_source(Host *h, const char *name, size_t *len, char *path, size_t pathlen) {
  snprintf(path, pathlen, JOB_FOLDER "%s.js", name);
  return host_library_source(h, path, len);
}

/* The header comment of a job: its leading lines starting with "//", as one buffer of lines
 * without the "//" (malloc'd). */
static char *job_header(const char *src) {
  size_t cap = strlen(src) + 1, k = 0;
  char *out = malloc(cap);
  if (!out) return NULL;
  for (const char *line = src; line[0] == '/' && line[1] == '/';) {
    const char *nl = strchr(line, '\n');
    size_t n = nl ? (size_t)(nl - line) : strlen(line);
    memcpy(out + k, line + 2, n - 2);
    k += n - 2;
    out[k++] = '\n';
    if (!nl) break;
    line = nl + 1;
  }
  out[k] = 0;
  return out;
}

/* Append the words of s[0..n) to out (capacity cap), single-spaced. */
static void job_append_words(char *out, size_t cap, const char *s, size_t n) {
  size_t k = strlen(out);
  for (size_t i = 0; i < n && k + 2 < cap; i++) {
    if (isspace((unsigned char)s[i])) {
      if (k && out[k - 1] != ' ') out[k++] = ' ';
    } else {
      out[k++] = s[i];
    }
  }
  out[k] = 0;
}

/* From a job's header (job_header): what it does (the first line's text after " — " and the
 * lines continuing it, up to the end of its first sentence) and its arguments (what follows
 * "run examples/NAME.js" on the usage line and its indented continuation lines). */
static void job_describe(const char *header, const char *path, char *what, size_t wcap, char *argv, size_t acap) {
  what[0] = argv[0] = 0;
  const char *dash = strstr(header, " \xe2\x80\x94 "); /* " — " */
  if (dash) {
    const char *p = dash + 5, *end = p;
    while (*end && !(end[0] == '.' && (end[1] == ' ' || end[1] == '\n' || !end[1])) && !(end[0] == '\n' && end[1] == ' ' && end[2] == '\n') &&
           !(end[0] == '\n' && end[1] == '\n'))
      end++;
    job_append_words(what, wcap, p, (size_t)(end - p) + (*end == '.'));
  }
  char usage[600];
  snprintf(usage, sizeof usage, "run %s", path); /* "run examples/NAME.js", or "run NAME" */
  const char *u = strstr(header, usage);
  if (!u) {
    size_t flen = strlen(JOB_FOLDER);
    snprintf(usage, sizeof usage, "run %.*s ", (int)(strlen(path) - flen - 3), path + flen);
    u = strstr(header, usage);
  }
  if (!u) return;
  const char *p = u + strlen(usage);
  for (;;) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    job_append_words(argv, acap, p, n);
    /* a continuation line is indented deeper than the usage line's three spaces */
    if (!nl || strncmp(nl + 1, "      ", 6) != 0) break;
    p = nl + 1;
  }
  size_t k = strlen(argv);
  while (k && argv[k - 1] == ' ') argv[--k] = 0;
  if (argv[0] == ' ') memmove(argv, argv + 1, k);
}

typedef struct JobList { Host *h; int n; } JobList;

/* host_library_list callback: print each job of examples/ with its arguments and what it does. */
static void job_print(const char *path, void *ud) {
  JobList *l = ud;
  size_t plen = strlen(path), flen = strlen(JOB_FOLDER);
  if (strncmp(path, JOB_FOLDER, flen) != 0 || plen < flen + 4 || strcmp(path + plen - 3, ".js") != 0 ||
      strchr(path + flen, '/'))
    return;
  size_t len;
  char *src = host_library_source(l->h, path, &len);
  char *header = src ? job_header(src) : NULL;
  char what[1024], args[1024];
  if (header) job_describe(header, path, what, sizeof what, args, sizeof args);
  else what[0] = args[0] = 0;
  printf("  %-18.*s %s\n", (int)(plen - flen - 3), path + flen, args);
  /* what it does, wrapped under the name at 100 columns */
  const char *p = what;
  while (*p) {
    size_t n = strlen(p);
    if (n > 78) {
      n = 78;
      while (n > 20 && p[n] != ' ') n--;
    }
    printf("  %-18s %.*s\n", "", (int)n, p);
    p += n;
    while (*p == ' ') p++;
  }
  free(header);
  free(src);
  l->n++;
}

int cmd_jobs(Options *o) {
  if (o->nargs) {
    fprintf(stderr, "certsh: jobs takes no arguments; unexpected '%s'\nTry 'certsh --help'.\n", o->args[0]);
    return 2;
  }
  Host h;
  if (host_open(&h, ":memory:", NULL, o->mem_mb << 20, 0, o->lib, 0) < 0) return 1;
  printf("Built-in jobs: certsh [OPTIONS] run NAME [ARGS...] (a path to a .js file runs your own script)\n\n");
  JobList l = {&h, 0};
  host_library_list(&h, job_print, &l);
  host_close(&h);
  if (!l.n) printf("  (none)\n");
  return 0;
}
