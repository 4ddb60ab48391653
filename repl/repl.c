/* repl/repl.c — the read-eval-print loop (minimal: one line, one evaluation). */
#include "repl/cli.h"
#include "dsl/host.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

int repl_main(Options *o) {
  Host h;
  if (host_open(&h, o->db, o->as_of, o->mem_mb << 20, o->timeout > 0 ? o->timeout : 0, o->lib) < 0) return 1;
  int tty = isatty(0), failed = 0;
  char line[65536];
  for (;;) {
    if (tty) { fputs("certsh> ", stdout); fflush(stdout); }
    if (!fgets(line, sizeof line, stdin)) break;
    if (!strcmp(line, ".exit\n")) break;
    if (line[strspn(line, " \t\r\n")] == 0) continue;
    if (host_eval(&h, line, strlen(line), "<repl>")) {
      fprintf(stderr, "error: %s\n", duk_safe_to_string(h.ctx, -1));
      failed = 1;
    } else if (!duk_is_undefined(h.ctx, -1)) {
      puts(host_to_display(h.ctx, -1, o->json));
      duk_pop(h.ctx);
    }
    duk_pop(h.ctx);
    fflush(stdout);
  }
  host_close(&h);
  return failed && !tty ? 1 : 0;
}
