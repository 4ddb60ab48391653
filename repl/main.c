/* repl/main.c — certsh's command line: options, one table of commands that drives both
 * dispatch and --help, and the batch commands (-e, run, test, verify). */
#define _POSIX_C_SOURCE 200809L
#include "repl/cli.h"
#include "repl/transfer.h"
#include "repl/lint.h"
#include "repl/owners.h"
#include "repl/document.h"
#include "repl/jobs.h"
#include "repl/cluster.h"
#include "core/civil.h"
#include "core/log.h"
#include "dsl/host.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <dirent.h>

#ifndef CERTSH_VERSION
#define CERTSH_VERSION "dev"
#endif

#define EXIT_OK 0
#define EXIT_FAIL 1
#define EXIT_USAGE 2
#define DEFAULT_BATCH_TIMEOUT 30.0
#define DEFAULT_TEST_TIMEOUT 120.0 /* per evaluation of `certsh test`: a file's tests run in one */

/* ---- shared helpers ------------------------------------------------------------------------ */

/* Print a usage error and return 2. */
static int usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "certsh: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\nTry 'certsh --help'.\n");
  return EXIT_USAGE;
}

/* Watchdog for -e and run: a single slow built-in call ignores the interpreter's time check,
 * so once the budget is well exceeded the process ends (SQLite rolls back the open transaction). */
static void watchdog_fire(int sig) {
  (void)sig;
  static const char msg[] = "error: timeout: the script overran its time budget inside a single built-in call and was stopped "
                            "(--timeout); nothing of the unfinished command was written\n";
  if (write(2, msg, sizeof msg - 1) < 0) { /* nothing more can be done */ }
  _exit(EXIT_FAIL);
}

static void watchdog_arm(double timeout) {
  if (timeout <= 0) return;
  double grace = timeout / 2 > 2 ? timeout / 2 : 2;
  double t = timeout + grace;
  struct itimerval it = {{0, 0}, {(time_t)t, (suseconds_t)((t - (double)(time_t)t) * 1e6)}};
  signal(SIGALRM, watchdog_fire);
  setitimer(ITIMER_REAL, &it, NULL);
}

/* Open the host for a command, applying the command's default time budget. */
static int open_host(Host *h, Options *o, const char *db, double default_timeout) {
  double timeout = o->timeout >= 0 ? o->timeout : default_timeout;
  if (host_open(h, db, o->as_of, o->mem_mb << 20, timeout, o->lib, o->read_only ? HOST_READ_ONLY : 0) < 0) return -1;
  if (o->known_on) snprintf(h->db.known_on, sizeof h->db.known_on, "%s", o->known_on);
  return 0;
}

/* --output FILE: point print() at FILE (moved into place by output_finish); 0 or -1. */
static int output_start(Host *h, Options *o, TransferOut *out) {
  if (transfer_out_open(out, o->output) < 0) return -1;
  h->out = out->f;
  return 0;
}

/* Finish the output of a command that ended with rc; returns rc, or 1 when writing failed. */
static int output_finish(TransferOut *out, int rc) {
  return transfer_out_close(out, rc == EXIT_OK) < 0 && rc == EXIT_OK ? EXIT_FAIL : rc;
}

/* Print the value at stack top as -e does: strings raw, the rest as JSON (--json: always). */
static void print_value(Host *h, int json) {
  if (host_top_is_undefined(h) && !json) return;
  char *s = host_pop_display(h, json);
  fputs(s ? s : "", h->out);
  fputc('\n', h->out);
  free(s);
}

/* ---- commands ------------------------------------------------------------------------------- */

/* -e EXPR: evaluate, print the value. */
static int cmd_eval(Options *o) {
  Host h;
  TransferOut out;
  if (open_host(&h, o, o->db, DEFAULT_BATCH_TIMEOUT) < 0) return EXIT_FAIL;
  if (output_start(&h, o, &out) < 0) { host_close(&h); return EXIT_FAIL; }
  watchdog_arm(h.timeout);
  int rc = host_eval(&h, o->expr, strlen(o->expr), "<-e>");
  if (rc) fprintf(stderr, "error: %s\n", host_top_text(&h));
  else print_value(&h, o->json);
  fflush(h.out);
  host_close_at_exit(&h);
  return output_finish(&out, rc ? EXIT_FAIL : EXIT_OK);
}

/* run FILE|JOB [ARGS…]: run a batch job with `args`: a built-in job by name (certsh jobs), or a
 * script file. */
static int cmd_run(Options *o) {
  if (o->nargs < 1) return usage_error("%s", "run needs a FILE or a job's name: certsh run FILE|JOB [ARGS...] (certsh jobs lists the jobs)");
  size_t len;
  Host h;
  TransferOut out;
  const char *name = o->args[0];
  char job[256];
  if (open_host(&h, o, o->db, DEFAULT_BATCH_TIMEOUT) < 0) return EXIT_FAIL;
  int is_job = job_is_name(name);
  char *src = is_job ? job_source(&h, name, &len, job, sizeof job) : host_read_file(name, &len);
  if (!src) {
    int e = errno;
    host_close(&h);
    if (is_job) return usage_error("there is no built-in job '%s' (certsh jobs lists them; a script is run by its path, e.g. ./x.js)", name);
    fprintf(stderr, "error: cannot read script '%s': %s\n", name, host_file_error(e));
    const char *base = strrchr(name, '/');
    char guess[256];
    snprintf(guess, sizeof guess, "%s", base ? base + 1 : name);
    if (strlen(guess) > 3 && !strcmp(guess + strlen(guess) - 3, ".js")) guess[strlen(guess) - 3] = 0;
    if (job_is_name(guess) && open_host(&h, o, ":memory:", 0) == 0) { /* examples/reminders.js away from the source tree */
      char *builtin = job_source(&h, guess, &len, job, sizeof job);
      if (builtin) fprintf(stderr, "hint: the built-in job of that name runs from anywhere: certsh run %s\n", guess);
      free(builtin);
      host_close(&h);
    }
    return EXIT_FAIL;
  }
  if (is_job) name = job;
  if (output_start(&h, o, &out) < 0) { free(src); host_close(&h); return EXIT_FAIL; }
  host_put_global_strings(&h, "args", o->args + 1, o->nargs - 1);
  watchdog_arm(h.timeout);
  const char *body = src;
  if (len > 2 && src[0] == '#' && src[1] == '!') { /* keep line numbers: blank out a shebang */
    char *nl = strchr(src, '\n');
    for (char *p = src; p < (nl ? nl : src + len); p++) *p = ' ';
  }
  int rc = host_eval(&h, body, len, name);
  free(src);
  /* a job's own usage error (an Error with code 'usage', printed first) exits 2 like certsh's */
  int usage = rc && !strncmp(host_top_text(&h), "usage: ", 7);
  if (rc) fprintf(stderr, "error: %s\n", host_top_text(&h));
  fflush(h.out);
  host_close_at_exit(&h);
  return output_finish(&out, usage ? EXIT_USAGE : rc ? EXIT_FAIL : EXIT_OK);
}

/* The key of $CERTSH_HEAD_KEY (a file of at least 16 bytes) into key; its length, 0 when the
 * variable is unset, -1 after saying what is wrong. */
static long verify_head_key(uint8_t *key, size_t cap) {
  const char *path = getenv("CERTSH_HEAD_KEY");
  if (!path || !*path) return 0;
  FILE *f = fopen(path, "rb");
  if (!f) { fprintf(stderr, "error: CERTSH_HEAD_KEY '%s': %s\n", path, strerror(errno)); return -1; }
  size_t n = fread(key, 1, cap, f);
  fclose(f);
  if (n < 16) { fprintf(stderr, "error: CERTSH_HEAD_KEY '%s': a key needs at least 16 bytes, the file has %zu\n", path, n); return -1; }
  return (long)n;
}

/* After a good verify: check that the chain ends at the head kept elsewhere (--head HASH, or
 * HASH:SIGNATURE as printed with a key): neither rewritten (the head is gone) nor appended to
 * since (events after it); then print the head to keep, signed when $CERTSH_HEAD_KEY names a
 * key file. 0 or 1. */
static int verify_head(Db *db, const LogReport *r, const char *kept) {
  uint8_t key[4096];
  long keylen = verify_head_key(key, sizeof key);
  if (keylen < 0) return 1;
  char mac[65];
  if (kept) {
    char hash[65] = "";
    const char *colon = strchr(kept, ':');
    size_t hl = colon ? (size_t)(colon - kept) : strlen(kept);
    if (hl != 64 || strspn(kept, "0123456789abcdef") < 64) {
      fprintf(stderr, "verify: --head '%s' must be the 64 hex digits of a head hash (HASH or HASH:SIGNATURE)\n", kept);
      return 1;
    }
    memcpy(hash, kept, 64);
    long long seq = log_find_hash(db, hash);
    if (seq < 0) { fprintf(stderr, "error: %s\n", db->err.message); return 1; }
    if (seq == 0) {
      fprintf(stderr, "verify: FAILED: the head kept elsewhere (%s) is not in the chain: the record log was rewritten or replaced\n", hash);
      return 1;
    }
    if (colon) {
      if (!keylen) { fprintf(stderr, "verify: --head has a signature; set CERTSH_HEAD_KEY to the key file to check it\n"); return 1; }
      log_head_mac(key, (size_t)keylen, seq, hash, mac);
      if (strcmp(mac, colon + 1) != 0) {
        fprintf(stderr, "verify: FAILED: the signature of the kept head (event %lld) is not the key's: the head was forged\n", seq);
        return 1;
      }
    }
    if (seq < r->events) { /* appended since: perhaps forged with recomputed hashes */
      sqlite3_stmt *st = db_prepare(db, "SELECT kind || ' ' || subject FROM events WHERE seq = ?1");
      if (st) sqlite3_bind_int64(st, 1, seq + 1);
      const char *what = st && sqlite3_step(st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : "?";
      fprintf(stderr, "verify: FAILED: %lld event%s came after the kept head (event %lld), from event %lld (%s): "
                      "the record log was written to since that head was kept\n",
              r->events - seq, r->events - seq == 1 ? "" : "s", seq, seq + 1, what);
      sqlite3_finalize(st);
      return 1;
    }
    printf("kept head: event %lld is the head of the chain%s\n", seq, colon ? ", and its signature holds" : "");
  }
  if (!r->events) return 0;
  if (keylen) {
    log_head_mac(key, (size_t)keylen, r->events, r->head, mac);
    printf("signed head: %s:%s\n", r->head, mac);
  }
  return 0;
}

/* verify [--head HASH[:SIGNATURE]]: recompute the record log; exit 1 naming the first bad record. */
static int cmd_verify(Options *o) {
  const char *kept = NULL;
  for (int i = 0; i < o->nargs; i++) {
    if (!strcmp(o->args[i], "--head") && i + 1 < o->nargs) kept = o->args[++i];
    else return usage_error("verify takes only --head HASH[:SIGNATURE]; unexpected '%s'", o->args[i]);
  }
  Db db;
  CoreError err;
  if ((o->read_only ? db_open_readonly : db_open)(&db, o->db, &err) < 0) { fprintf(stderr, "error: %s\n", err.message); return EXIT_FAIL; }
  db_limit_memory(&db, (long long)o->mem_mb << 20);
  LogReport r;
  int rc = log_verify(&db, &r);
  if (rc < 0) fprintf(stderr, "error: %s\n", db.err.message);
  else if (rc > 0) fprintf(stderr, "verify: FAILED at %s\n", r.bad);
  else printf("verify: ok, %lld events chained, %lld rows match their last event\nhead: event %lld, hash %s\n", r.events, r.rows, r.events, r.events ? r.head : "(none)");
  if (rc == 0) rc = verify_head(&db, &r, kept);
  db_close(&db);
  return rc == 0 ? EXIT_OK : EXIT_FAIL;
}

/* init [FILE]: create an empty register at FILE (default --db); the only command that creates one. */
static int cmd_init(Options *o) {
  const char *path = o->nargs ? o->args[0] : o->db;
  CoreError err;
  if (db_init(path, &err) < 0) { fprintf(stderr, "error: %s\n", err.message); return EXIT_FAIL; }
  printf("certsh: created an empty register at '%s' (schema version %d)\n", path, db_schema_version());
  return EXIT_OK;
}

/* ---- test: run *.test.js files, each in a fresh heap on an in-memory register -------------- */

typedef struct TestList { char **paths; int n, cap; int from_library; } TestList;

static void test_list_add(TestList *t, const char *p) {
  if (t->n == t->cap) {
    t->cap = t->cap ? t->cap * 2 : 64;
    t->paths = realloc(t->paths, sizeof *t->paths * (size_t)t->cap);
  }
  t->paths[t->n++] = strdup(p);
}

static int ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcmp(s + a - b, suffix) == 0;
}

static void test_collect_library(const char *path, void *ud) {
  if (ends_with(path, ".test.js")) test_list_add(ud, path);
}

static int cmp_paths(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Add path: a .test.js file, or every .test.js below a folder. */
static void test_collect_path(TestList *t, const char *path) {
  struct stat sb;
  if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
    DIR *d = opendir(path);
    struct dirent *e;
    int first = t->n;
    while (d && (e = readdir(d))) {
      if (e->d_name[0] == '.') continue;
      char p[4096];
      snprintf(p, sizeof p, "%s/%s", path, e->d_name);
      if (ends_with(e->d_name, ".test.js")) test_list_add(t, p);
      else if (stat(p, &sb) == 0 && S_ISDIR(sb.st_mode)) test_collect_path(t, p);
    }
    if (d) closedir(d);
    qsort(t->paths + first, (size_t)(t->n - first), sizeof *t->paths, cmp_paths);
  } else {
    test_list_add(t, path);
  }
}

/* certsh test --coverage: what each file's tests reached (stdlib/coverage.js), one JSON a line. */
static char *test_coverage;
static size_t test_coverage_len;
static int test_cover;

/* Append the coverage the file run in h reached to test_coverage. */
static void test_keep_coverage(Host *h) {
  if (host_call(h, "stdlib/coverage", "dump", "")) { host_pop(h); return; }
  char *j = host_pop_text(h);
  size_t n = j ? strlen(j) : 0;
  char *bigger = j ? realloc(test_coverage, test_coverage_len + n + 2) : NULL;
  if (bigger) {
    memcpy(bigger + test_coverage_len, j, n);
    bigger[test_coverage_len + n] = '\n';
    bigger[test_coverage_len + n + 1] = 0;
    test_coverage = bigger;
    test_coverage_len += n + 1;
  }
  free(j);
}

/* Print the report of the coverage kept, from a fresh heap. */
static void test_report_coverage(Options *o) {
  Host h;
  if (open_host(&h, o, ":memory:", DEFAULT_TEST_TIMEOUT) < 0) return;
  int rc = host_call(&h, "stdlib/coverage", "report", "t", test_coverage ? test_coverage : "", test_coverage_len);
  printf("%s%s\n", rc ? "coverage: " : "", host_top_text(&h));
  host_pop(&h);
  host_close(&h);
}

/* Run one test file; add its counts. */
static void test_run_file(Options *o, const char *path, int from_library, long *passed, long *failed) {
  size_t len = 0;
  char *src = NULL;
  Host h;
  if (open_host(&h, o, ":memory:", DEFAULT_TEST_TIMEOUT) < 0) { (*failed)++; return; }
  src = from_library ? host_library_source(&h, path, &len) : host_read_file(path, &len);
  if (!src) {
    printf("FAIL %s: cannot read the file: %s\n", path, from_library ? "not in the library" : host_file_error(errno));
    (*failed)++;
    host_close(&h);
    return;
  }
  /* stdlib/test.js defines test(), assert… on the global object; run(file) runs what the file registered */
  int rc = host_call(&h, "stdlib/test", "install", "G");
  if (!rc && test_cover) { host_pop(&h); rc = host_call(&h, "stdlib/coverage", "start", ""); }
  if (!rc) { host_pop(&h); rc = host_eval(&h, src, len, path); }
  if (!rc) { host_pop(&h); rc = host_call(&h, "stdlib/test", "run", "s", path); }
  if (rc) {
    printf("FAIL %s: %s\n", path, host_top_text(&h));
    (*failed)++;
  } else {
    *passed += (long)host_top_number(&h, "passed");
    *failed += (long)host_top_number(&h, "failed");
  }
  host_pop(&h);
  if (!rc && test_cover) test_keep_coverage(&h);
  fflush(stdout);
  free(src);
  host_close(&h);
}

static int cmd_test(Options *o) {
  TestList t = {0};
  int k = 0;
  for (int i = 0; i < o->nargs; i++) { /* --coverage: report what the tests reach */
    if (!strcmp(o->args[i], "--coverage")) test_cover = 1;
    else if (o->args[i][0] == '-' && o->args[i][1]) return usage_error("test takes --coverage and PATHs; unknown option '%s'", o->args[i]);
    else o->args[k++] = o->args[i];
  }
  o->nargs = k;
  if (o->nargs == 0) {
    Host h;
    if (open_host(&h, o, ":memory:", 0) < 0) return EXIT_FAIL;
    host_library_list(&h, test_collect_library, &t);
    host_close(&h);
    t.from_library = 1;
  }
  for (int i = 0; i < o->nargs; i++) test_collect_path(&t, o->args[i]);
  long passed = 0, failed = 0;
  for (int i = 0; i < t.n; i++) {
    test_run_file(o, t.paths[i], t.from_library, &passed, &failed);
    free(t.paths[i]);
  }
  free(t.paths);
  if (t.n == 0) { fprintf(stderr, "certsh test: no *.test.js files found\n"); failed++; }
  if (test_cover) test_report_coverage(o);
  free(test_coverage);
  printf("%ld passed, %ld failed\n", passed, failed);
  return failed ? EXIT_FAIL : EXIT_OK;
}

/* ---- the command table: dispatch and help from one place ---------------------------------- */

static int cmd_repl(Options *o) { return repl_main(o); }
static int cmd_help(Options *o);

typedef struct Command {
  const char *name;  /* the word after the options; "" for none */
  const char *usage;
  const char *help;
  int (*run)(Options *o);
} Command;

static const Command COMMANDS[] = {
  {"", "certsh [OPTIONS]", "open the REPL on the register", cmd_repl},
  {"-e", "certsh [OPTIONS] -e EXPR", "evaluate EXPR and print its value (strings raw, the rest as JSON)", cmd_eval},
  {"run", "certsh [OPTIONS] run FILE|JOB [ARGS...]", "run a script FILE, or a built-in JOB by name; ARGS reach it as `args`", cmd_run},
  {"jobs", "certsh jobs", "list the built-in jobs (run reminders, …) with their arguments", cmd_jobs},
  {"test", "certsh [OPTIONS] test [--coverage] [PATH...]", "run *.test.js files (default: every test of stdlib and schemes); --coverage: the bands, levels, deadlines and guards no test reaches", cmd_test},
  {"verify", "certsh [OPTIONS] verify [--head HASH[:SIGNATURE]]", "check the schema, the record log's hash chain and every row against it (and a head kept elsewhere)", cmd_verify},
  {"init", "certsh [OPTIONS] init [FILE]", "create an empty register at FILE (default: --db); the only command that creates one", cmd_init},
  {"import", "certsh [OPTIONS] import orgs|people|certificates FILE.csv [--encoding E]", "import a CSV file in one transaction; a bad file is refused whole", cmd_import},
  {"export", "certsh [OPTIONS] export orgs|people|certificates [--format csv|json|html|xlsx] [--encoding utf-8|utf-8-bom|gbk] [--history] [FILE]", "export the register (the public register of certificates, organisations, people)", cmd_export},
  {"body", "certsh [OPTIONS] body [--name N --address A --approval X --url PATTERN ...]", "show or set the body's profile printed on its certificates and letters", cmd_body},
  {"certificate", "certsh [OPTIONS] certificate NUMBER... | --from D [--to D] [-o FILE.pdf]", "write certificate documents as PDF, laid out as each scheme requires, with a QR code to the public register", cmd_certificate},
  {"letter", "certsh [OPTIONS] letter KIND NUMBER|CASE [-o FILE.pdf]", "write a decision letter (refusal, non-acceptance, suspension, restoration, withdrawal) as PDF", cmd_letter},
  {"report", "certsh [OPTIONS] report cnca|iaf|statistics [--month YYYY-MM] [-o FILE.xlsx]", "write a report (CNCA's monthly sheets, IAF CertSearch, statistics by scope) as .xlsx, only what is new, and record it", cmd_report},
  {"lint", "certsh [OPTIONS] lint FILE...", "check scheme files as defineScheme does, printing each problem with its field", cmd_lint},
  {"adopt", "certsh [OPTIONS] adopt FILE --by NAME", "pin a body's own scheme file in the register (its rules, hash and who adopted them)", cmd_adopt},
  {"replay", "certsh [OPTIONS] replay CASE", "re-run each decision of CASE under the rules it recorded, and show it gives the same", cmd_replay},
  {"diff", "certsh [OPTIONS] diff A B", "every rule that changed from scheme version A to B, by clause, then the register's impact", cmd_diff},
  {"doc", "certsh [OPTIONS] doc SCHEME [--format md|html]", "the scheme's documentation: per clause its rules, positions, tests and tables, then coverage", cmd_doc},
  {"teach", "certsh [OPTIONS] teach SCHEME [--seed N] [--count N]", "exercises from the scheme's rules; each answer checked and explained with its clause, then a summary", cmd_teach},
  {"serve", "certsh serve --id N --address HOST:PORT [--join ADDR...] --dir DIR", "run a node of a replicated register (dqlite); node 1 starts the cluster, others --join it", cmd_serve},
  {"copy", "certsh copy [--unverified] FROM TO", "copy a register between a file and a cluster (dqlite://HOST:PORT[,…]/NAME), verified on both sides (--unverified: a generated benchmark register)", cmd_copy},
  {"help", "certsh --help", "this text", cmd_help},
};
#define NCOMMANDS (sizeof COMMANDS / sizeof COMMANDS[0])

/* The options: one table drives parsing and --help (and, through --help, the manual page's
 * test and the shell completion). */
typedef enum OptionId { OPT_DB, OPT_AS_OF, OPT_KNOWN_ON, OPT_READ_ONLY, OPT_JSON, OPT_TIMEOUT, OPT_MEM, OPT_OUTPUT, OPT_LIB,
                        OPT_HELP, OPT_VERSION } OptionId;
typedef struct OptionSpec {
  OptionId id;
  const char *name, *alias; /* "--db"; a short alias or NULL */
  const char *arg;          /* the value's placeholder, NULL for a flag */
  const char *help;         /* lines after the first are indented under it */
} OptionSpec;

static const OptionSpec OPTIONS[] = {
  {OPT_DB, "--db", NULL, "FILE", "the register (default ./certsh.db, or $CERTSH_DB); :memory: works;\n"
                                 "a path that does not exist is refused (certsh init creates it);\n"
                                 "dqlite://HOST:PORT[,HOST:PORT...]/NAME: a register on a cluster (certsh serve)"},
  {OPT_AS_OF, "--as-of", NULL, "YYYY-MM-DD", "the date rules treat as today (default: today): what is now known to\n"
                                             "have been true then; new events are recorded on it"},
  {OPT_KNOWN_ON, "--known-on", NULL, "YYYY-MM-DD", "only what had been recorded by that date (past-date questions)"},
  {OPT_READ_ONLY, "--read-only", NULL, NULL, "open the register read-only (analysts): every write is refused"},
  {OPT_JSON, "--json", NULL, NULL, "print values as JSON, whatever they are"},
  {OPT_TIMEOUT, "--timeout", NULL, "SECONDS", "time budget per evaluation (default 30 in -e and run, 120 per test file,\n"
                                              "none in the REPL)"},
  {OPT_MEM, "--mem", NULL, "MB", "memory cap of the script heap, and of SQLite's (default 256)"},
  {OPT_OUTPUT, "--output", "-o", "FILE", "write what -e and run print to FILE (only when they succeed)"},
  {OPT_LIB, "--lib", NULL, "DIR", "load stdlib/, schemes/ and the jobs of examples/ from DIR (or $CERTSH_PATH)\n"
                                     "before the embedded ones"},
  {OPT_HELP, "--help", "-h", NULL, "print this text"},
  {OPT_VERSION, "--version", NULL, NULL, "print the version"},
};
#define NOPTIONS (sizeof OPTIONS / sizeof OPTIONS[0])

/* The option spelled a (its name or alias), or NULL. */
static const OptionSpec *option_find(const char *a) {
  for (size_t i = 0; i < NOPTIONS; i++)
    if (!strcmp(a, OPTIONS[i].name) || (OPTIONS[i].alias && !strcmp(a, OPTIONS[i].alias))) return &OPTIONS[i];
  return NULL;
}

static int cmd_help(Options *o) {
  (void)o;
  printf("certsh %s: a certification body's register, scripted in JavaScript\n\nUsage:\n", CERTSH_VERSION);
  for (size_t i = 0; i < NCOMMANDS; i++) { /* a long usage on its own line, its help under it */
    if (strlen(COMMANDS[i].usage) > 40) printf("  %s\n  %-40s %s\n", COMMANDS[i].usage, "", COMMANDS[i].help);
    else printf("  %-40s %s\n", COMMANDS[i].usage, COMMANDS[i].help);
  }
  printf("\nOptions:\n");
  for (size_t i = 0; i < NOPTIONS; i++) {
    const OptionSpec *op = &OPTIONS[i];
    char head[64];
    snprintf(head, sizeof head, "%s%s%s%s%s", op->alias ? op->alias : "", op->alias ? ", " : "", op->name,
             op->arg ? " " : "", op->arg ? op->arg : "");
    printf("  %-22s ", head);
    for (const char *p = op->help; *p; p++) {
      putchar(*p);
      if (*p == '\n') printf("  %-22s ", "");
    }
    putchar('\n');
  }
  printf("\nEnvironment: CERTSH_DB (the register), CERTSH_PATH (--lib), CERTSH_HEAD_KEY (verify's key file),\n"
         "COLUMNS and LINES (the terminal's size), PAGER (long REPL results), NO_COLOR, HOME (~/.certsh_history).\n"
         "\nExit status: 0 ok, 1 script or rule error (message on stderr), 2 usage error.\n");
  return EXIT_OK;
}

int main(int argc, char **argv) {
  Options o = {0};
  o.db = getenv("CERTSH_DB") && *getenv("CERTSH_DB") ? getenv("CERTSH_DB") : "certsh.db";
  o.lib = getenv("CERTSH_PATH") && *getenv("CERTSH_PATH") ? getenv("CERTSH_PATH") : NULL;
  o.timeout = -1;
  o.mem_mb = 256;
  const Command *cmd = &COMMANDS[0];
  char *operands[argc + 1]; /* the operands after the command word */
  int nops = 0, seen_cmd = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int has_value = i + 1 < argc;
    if (seen_cmd && cmd->run == cmd_run && nops >= 1) { operands[nops++] = argv[i]; continue; } /* script args */
    const OptionSpec *op = option_find(a);
    if (op && op->id == OPT_OUTPUT && seen_cmd) op = NULL; /* after the command, -o is the command's */
    if (!op && !strcmp(a, "-e") && !seen_cmd) {
      if (!has_value) return usage_error("option %s needs a value", a);
      o.expr = argv[++i];
      cmd = &COMMANDS[1];
      seen_cmd = 1;
      continue;
    }
    if (op && op->arg && !has_value) return usage_error("option %s needs a value", a);
    const char *v = op && op->arg ? argv[++i] : NULL;
    long day;
    char *end;
    if (op) switch (op->id) {
      case OPT_HELP: cmd = &COMMANDS[NCOMMANDS - 1]; seen_cmd = 1; break;
      case OPT_VERSION: printf("certsh %s (Duktape %ld, SQLite %s)\n", CERTSH_VERSION, (long)DUK_VERSION, sqlite3_libversion()); return EXIT_OK;
      case OPT_JSON: o.json = 1; break;
      case OPT_READ_ONLY: o.read_only = 1; break;
      case OPT_OUTPUT: o.output = v; break;
      case OPT_DB: o.db = v; break;
      case OPT_LIB: o.lib = v; break;
      case OPT_AS_OF:
        if (civil_parse(v, &day) < 0) return usage_error("--as-of '%s' is not a real calendar date YYYY-MM-DD", v);
        o.as_of = v;
        break;
      case OPT_KNOWN_ON:
        if (civil_parse(v, &day) < 0) return usage_error("--known-on '%s' is not a real calendar date YYYY-MM-DD", v);
        o.known_on = v;
        break;
      case OPT_TIMEOUT:
        o.timeout = strtod(v, &end);
        if (*end || o.timeout < 0 || o.timeout > 1e6) return usage_error("--timeout '%s' must be a number of seconds (0 = none)", v);
        break;
      case OPT_MEM: {
        double mb = strtod(v, &end);
        if (*end || mb < 8 || mb > 65536) return usage_error("--mem '%s' must be a number of megabytes from 8 to 65536", v);
        o.mem_mb = (size_t)mb;
        break;
      }
    }
    else if (a[0] == '-' && a[1] && !seen_cmd) {
      return usage_error("unknown option '%s'", a);
    } else if (!seen_cmd) {
      size_t k;
      for (k = 2; k < NCOMMANDS && strcmp(COMMANDS[k].name, a) != 0; k++) {}
      if (k == NCOMMANDS || !strcmp(a, "help")) { return usage_error("unknown command '%s'", a); }
      cmd = &COMMANDS[k];
      seen_cmd = 1;
    } else {
      operands[nops++] = argv[i];
    }
  }
  if (cmd->run == cmd_eval && nops) { return usage_error("-e takes one expression; unexpected '%s'", operands[0]); }
  if (cmd->run == cmd_init && nops > 1) { return usage_error("init takes one FILE; unexpected '%s'", operands[1]); }
  if (o.known_on && !o.as_of) o.as_of = o.known_on; /* the register as it stood that day, on both axes */
  o.args = operands;
  o.nargs = nops;
  int rc = cmd->run(&o);
  return rc;
}
