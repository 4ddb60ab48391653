/* repl/document.c — `certsh body`, `certsh certificate`, `certsh letter` and `certsh report`:
 * each gathers its options into an object `opts` and calls stdlib/documents.js (the same calls
 * a script or the REPL makes), whose document goes to -o FILE (written whole or not at all)
 * or to standard output when that is not a terminal. */
#define _POSIX_C_SOURCE 200809L
#include "repl/document.h"
#include "repl/transfer.h"
#include "dsl/host.h"

#include <stdio.h>
#include <string.h>

#define DOC_TIMEOUT 120.0 /* seconds: a month's report or a year of certificates */

/* One command's options: the flags taking a value, mapped to the names of `opts`. */
typedef struct DocFlag {
  const char *flag, *key;
  int boolean; /* takes no value: opts[key] = true */
} DocFlag;

/* Call stdlib/documents' command fn ('command.body') with the object at the top of the host's
 * stack as its opts, its document going to path (NULL: standard output); the value it gives (a
 * message) is printed on stderr. Closes the host. Returns the exit status. */
static int doc_eval(Host *h, const char *path, const char *fn) {
  TransferOut out;
  if (transfer_out_open(&out, path) < 0) { host_close(h); return 1; }
  h->out = out.f;
  int rc = host_push_export(h, "stdlib/documents", fn, 1) || host_pcall(h, 1);
  const char *msg = host_top_text(h);
  int usage_err = rc && !strncmp(msg, "usage: ", 7);
  if (rc) fprintf(stderr, "error: %s\n", msg);
  else if (*msg && strcmp(msg, "undefined") != 0) fprintf(stderr, "%s%s%s\n", msg, path ? " → " : "", path ? path : "");
  fflush(h->out);
  host_close(h);
  if (transfer_out_close(&out, rc == 0) < 0 && rc == 0) return 1;
  return usage_err ? 2 : rc ? 1 : 0;
}

/* Open the host for a document command. 0 or -1. */
static int doc_open(Host *h, Options *o) {
  double timeout = o->timeout >= 0 ? o->timeout : DOC_TIMEOUT;
  if (host_open(h, o->db, o->as_of, o->mem_mb << 20, timeout, o->lib, o->read_only ? HOST_READ_ONLY : 0) < 0) return -1;
  if (o->known_on) snprintf(h->db.known_on, sizeof h->db.known_on, "%s", o->known_on);
  return 0;
}

/* Call stdlib/documents' fn with `opts` built from the operands: each --flag VALUE in flags becomes
 * opts[key] = VALUE (a flag without a value: true), -o FILE the output, and the other operands
 * the list opts[list] (NULL: none allowed). Returns the exit status. */
static int doc_run(Options *o, const char *usage, const DocFlag *flags, const char *list, const char *fn) {
  Host h;
  const char *path = o->output;
  if (doc_open(&h, o) < 0) return 1;
  host_push_object(&h); /* opts */
  if (list) host_set(&h, list, "a", NULL, 0);
  for (int i = 0; i < o->nargs; i++) {
    const char *a = o->args[i];
    if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
      if (i + 1 >= o->nargs) { fprintf(stderr, "certsh: %s needs a FILE\n%s\n", a, usage); host_close(&h); return 2; }
      path = o->args[++i];
      continue;
    }
    const DocFlag *f = flags;
    for (; f && f->flag; f++) if (!strcmp(a, f->flag)) break;
    if (f && f->flag && f->boolean) {
      host_set(&h, f->key, "b", 1);
    } else if (f && f->flag) {
      if (i + 1 >= o->nargs) { fprintf(stderr, "certsh: %s needs a value\n%s\n", a, usage); host_close(&h); return 2; }
      host_set(&h, f->key, "s", o->args[++i]);
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "certsh: unknown option '%s'\n%s\n", a, usage);
      host_close(&h);
      return 2;
    } else if (list) {
      host_append(&h, list, "s", a);
    } else {
      fprintf(stderr, "certsh: unexpected '%s'\n%s\n", a, usage);
      host_close(&h);
      return 2;
    }
  }
  return doc_eval(&h, path, fn);
}

int export_register_page(Options *o, const char *path) {
  Host h;
  if (doc_open(&h, o) < 0) return 1;
  host_push_object(&h);
  return doc_eval(&h, path, "command.registerPage");
}

int cmd_body(Options *o) {
  static const DocFlag flags[] = {{"--name", "name", 0}, {"--name-en", "nameEn", 0}, {"--address", "address", 0},
                                  {"--approval", "approval", 0}, {"--url", "registerUrl", 0}, {"--phone", "phone", 0},
                                  {"--website", "website", 0}, {"--signatory", "signatory", 0}, {NULL, NULL, 0}};
  return doc_run(o, "usage: certsh body [--name N] [--name-en N] [--address A] [--approval 批准号] [--url 'https://…#{number}'] "
                    "[--phone P] [--website W] [--signatory S]",
                 flags, NULL, "command.body");
}

int cmd_certificate(Options *o) {
  static const DocFlag flags[] = {{"--from", "from", 0}, {"--to", "to", 0}, {NULL, NULL, 0}};
  return doc_run(o, "usage: certsh certificate NUMBER... | --from DATE [--to DATE]  [-o FILE.pdf]", flags, "numbers",
                 "command.certificate");
}

int cmd_letter(Options *o) {
  static const DocFlag flags[] = {{"--date", "date", 0}, {NULL, NULL, 0}};
  return doc_run(o, "usage: certsh letter refusal|non-acceptance|suspension|restoration|withdrawal NUMBER|CASE-ID [-o FILE.pdf]",
                 flags, "args", "command.letter");
}

int cmd_report(Options *o) {
  static const DocFlag flags[] = {{"--month", "month", 0}, {"--from", "from", 0}, {"--to", "to", 0}, {"--all", "all", 1},
                                  {"--dry-run", "dryRun", 1}, {NULL, NULL, 0}};
  return doc_run(o, "usage: certsh report cnca|iaf|statistics [--month YYYY-MM | --from D --to D] [--all] [--dry-run] [-o FILE.xlsx]",
                 flags, "args",
                 "command.report");
}
