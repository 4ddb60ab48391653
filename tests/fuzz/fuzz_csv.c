/* tests/fuzz/fuzz_csv.c — libFuzzer target: the CSV importer (`certsh import`) on hostile
 * files. The first byte picks the kind (orgs, people, certificates) and the encoding; the rest
 * is the file. Each run imports into a fresh in-memory register; a crash, a sanitizer report,
 * or a register that fails verify after the import is a finding. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "repl/cli.h"
#include "core/db.h"
#include "core/log.h"

int cmd_import(Options *o);

static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc; (void)argv;
  snprintf(path, sizeof path, "/tmp/certsh-fuzz-csv-%d.csv", (int)getpid());
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const kinds[] = {"orgs", "people", "certificates"};
  static const char *const encodings[] = {NULL, "utf-8", "gbk", "gb18030"};
  if (size < 1) return 0;
  FILE *f = fopen(path, "wb");
  if (!f) abort();
  fwrite(data + 1, 1, size - 1, f);
  fclose(f);
  char *args[4] = {(char *)kinds[data[0] % 3], path, NULL, NULL};
  int nargs = 2;
  const char *enc = encodings[(data[0] / 3) % 4];
  if (enc) { args[2] = "--encoding"; args[3] = (char *)enc; nargs = 4; }
  Options o = {0};
  o.db = ":memory:";
  o.as_of = "2024-06-01";
  o.timeout = 0;
  o.mem_mb = 64;
  o.args = args;
  o.nargs = nargs;
  int rc = cmd_import(&o);
  if (rc != 0 && rc != 1 && rc != 2) abort(); /* exit statuses are 0, 1 or 2 */
  return 0;
}
