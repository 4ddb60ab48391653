/* tests/fuzz/fuzz_json.c — libFuzzer target: JSON payloads entering core. The input, parsed as
 * JSON when it is JSON (kept as text otherwise), becomes an organisation's shops and facts and
 * a command's arguments; core stores them, logs the row's full state, and the log must verify
 * and read back. A crash, a sanitizer report or a failed verify is a finding. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dsl/host.h"

static const char HARNESS[] =
  "var v; try { v = JSON.parse(input); } catch (e) { v = input; }\n"
  "var ok = true;\n"
  "try {\n"
  "  transaction(function () {\n"
  "    var o = core.org.create({ name: typeof v === 'string' ? v || 'x' : 'x', uscc: '91110000000000001H', staff: 1,\n"
  "      shops: Array.isArray(v) ? v : [v], facts: v && typeof v === 'object' && !Array.isArray(v) ? v : { v: v } });\n"
  "    core.org.update(o.id, { facts: { again: v } });\n"
  "  });\n"
  "} catch (e) { ok = false; }\n"
  "var check = log.verify();\n"
  "if (!check.ok) throw new Error('FINDING: ' + check.bad);\n"
  "if (ok) log.history('org:1').forEach(function (e) { if (!e.payload || !e.payload.state) throw new Error('FINDING: no state'); });\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  Host h;
  if (host_open(&h, ":memory:", "2024-06-01", 32u << 20, 1.0, NULL, 0) < 0) abort();
  duk_push_lstring(h.ctx, (const char *)data, size);
  duk_put_global_string(h.ctx, "input");
  if (host_eval(&h, HARNESS, sizeof HARNESS - 1, "<fuzz-json>") != 0) {
    const char *msg = duk_safe_to_string(h.ctx, -1);
    if (strstr(msg, "FINDING")) { fprintf(stderr, "%s\n", msg); abort(); }
  }
  duk_pop(h.ctx);
  host_close(&h);
  return 0;
}
