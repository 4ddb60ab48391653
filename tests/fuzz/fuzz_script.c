/* tests/fuzz/fuzz_script.c — libFuzzer target: the script host (compiler, module loader,
 * bindings, error description) on arbitrary JavaScript, as a scheme file or job would bring
 * it. Each run evaluates the input in a fresh sandboxed heap on an in-memory register with a
 * short time budget and a small memory cap; afterwards the record log must still verify. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dsl/host.h"
#include "core/log.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  Host h;
  if (host_open(&h, ":memory:", "2024-06-01", 32u << 20, 0.2, NULL, 0) < 0) abort();
  h.out = fopen("/dev/null", "w");
  host_eval(&h, (const char *)data, size, "<fuzz>");
  duk_pop(h.ctx);
  LogReport r;
  if (log_verify(&h.db, &r) != 0) abort(); /* a script broke the record log */
  fclose(h.out);
  host_close(&h);
  return 0;
}
