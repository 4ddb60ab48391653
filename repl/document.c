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
} DocFlag;

/* Run expr with `opts` built from the operands: each --flag VALUE in flags becomes
 * opts[key] = VALUE, -o FILE the output, and the other operands the list opts[list] (NULL: none
 * allowed). Prints the value of expr (a message) on stderr. Returns the exit status. */
static int doc_run(Options *o, const char *usage, const DocFlag *flags, const char *list, const char *expr) {
  Host h;
  const char *path = o->output;
  double timeout = o->timeout >= 0 ? o->timeout : DOC_TIMEOUT;
  if (host_open(&h, o->db, o->as_of, o->mem_mb << 20, timeout, o->lib) < 0) return 1;
  if (o->known_on) snprintf(h.db.known_on, sizeof h.db.known_on, "%s", o->known_on);
  duk_context *ctx = h.ctx;
  duk_push_object(ctx);
  duk_idx_t opts = duk_get_top_index(ctx);
  if (list) { duk_push_array(ctx); duk_put_prop_string(ctx, opts, list); }
  int nlist = 0;
  for (int i = 0; i < o->nargs; i++) {
    const char *a = o->args[i];
    if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
      if (i + 1 >= o->nargs) { fprintf(stderr, "certsh: %s needs a FILE\n%s\n", a, usage); host_close(&h); return 2; }
      path = o->args[++i];
      continue;
    }
    const DocFlag *f = flags;
    for (; f && f->flag; f++) if (!strcmp(a, f->flag)) break;
    if (f && f->flag) {
      if (i + 1 >= o->nargs) { fprintf(stderr, "certsh: %s needs a value\n%s\n", a, usage); host_close(&h); return 2; }
      duk_push_string(ctx, o->args[++i]);
      duk_put_prop_string(ctx, opts, f->key);
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "certsh: unknown option '%s'\n%s\n", a, usage);
      host_close(&h);
      return 2;
    } else if (list) {
      duk_get_prop_string(ctx, opts, list);
      duk_push_string(ctx, a);
      duk_put_prop_index(ctx, -2, (duk_uarridx_t)nlist++);
      duk_pop(ctx);
    } else {
      fprintf(stderr, "certsh: unexpected '%s'\n%s\n", a, usage);
      host_close(&h);
      return 2;
    }
  }
  duk_put_global_string(ctx, "opts");
  TransferOut out;
  if (transfer_out_open(&out, path) < 0) { host_close(&h); return 1; }
  h.out = out.f;
  int rc = host_eval(&h, expr, strlen(expr), "<document>");
  const char *msg = duk_safe_to_string(ctx, -1);
  int usage_err = rc && !strncmp(msg, "usage: ", 7);
  if (rc) fprintf(stderr, "error: %s\n", msg);
  else if (*msg && strcmp(msg, "undefined") != 0) fprintf(stderr, "%s%s%s\n", msg, path ? " → " : "", path ? path : "");
  fflush(h.out);
  host_close(&h);
  if (transfer_out_close(&out, rc == 0) < 0 && rc == 0) return 1;
  return usage_err ? 2 : rc ? 1 : 0;
}

int cmd_body(Options *o) {
  static const DocFlag flags[] = {{"--name", "name"}, {"--name-en", "nameEn"}, {"--address", "address"},
                                  {"--approval", "approval"}, {"--url", "registerUrl"}, {"--phone", "phone"},
                                  {"--website", "website"}, {"--signatory", "signatory"}, {NULL, NULL}};
  return doc_run(o, "usage: certsh body [--name N] [--name-en N] [--address A] [--approval 批准号] [--url 'https://…#{number}'] "
                    "[--phone P] [--website W] [--signatory S]",
                 flags, NULL, "require('stdlib/documents').command.body(opts)");
}

int cmd_certificate(Options *o) {
  static const DocFlag flags[] = {{"--from", "from"}, {"--to", "to"}, {NULL, NULL}};
  return doc_run(o, "usage: certsh certificate NUMBER... | --from DATE [--to DATE]  [-o FILE.pdf]", flags, "numbers",
                 "require('stdlib/documents').command.certificate(opts)");
}

int cmd_letter(Options *o) {
  static const DocFlag flags[] = {{"--date", "date"}, {NULL, NULL}};
  return doc_run(o, "usage: certsh letter refusal|non-acceptance|suspension|restoration|withdrawal NUMBER|CASE-ID [-o FILE.pdf]",
                 flags, "args", "require('stdlib/documents').command.letter(opts)");
}

int cmd_report(Options *o) {
  static const DocFlag flags[] = {{"--month", "month"}, {NULL, NULL}};
  return doc_run(o, "usage: certsh report cnca --month YYYY-MM [-o FILE.xlsx]", flags, "args",
                 "require('stdlib/documents').command.report(opts)");
}
