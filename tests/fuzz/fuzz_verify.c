/* tests/fuzz/fuzz_verify.c — libFuzzer target: `certsh verify` over a tampered register
 * (issue 11). A small register (the certification cycle, with child rows) is built once and
 * kept as a database image. Each input tampers with a copy: when its first byte is even, the
 * rest is SQL run on the copy with the log's guard triggers dropped (as a tamperer with the
 * file would); when odd, the rest is a list of (offset, byte) patches to the image's pages.
 * Then log_verify runs. It must never crash or leak, must pass when the SQL changed nothing,
 * and must fail when an event row was changed. A crash, a sanitizer report or a wrong verdict
 * is a finding. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dsl/host.h"
#include "core/log.h"

static const char CYCLE[] =
  "var org = core.org.create({name: '杭州某某电器有限公司', uscc: '91110000600037341L', staff: 120, shops: [{domain: 'a.example', platform: '天猫'}]});\n"
  "var lead = core.person.create({name: '张三', roles: ['auditor']});\n"
  "var boss = core.person.create({name: '李四', roles: ['decider']});\n"
  "var c = core.case.apply({org: org, scheme: 'cas-service', version: 'test', scope: '售后服务', date: '2026-01-05'});\n"
  "core.case.accept(c.id, {date: '2026-01-08'});\n"
  "var a = core.audit.create({case: c, type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [{person: lead, role: 'leader'}]});\n"
  "core.finding.create({audit: a, item: '5.3', kind: 'nonconformity', evidence: '维修记录不全', date: '2026-02-12', due: '2026-04-12'});\n"
  "core.score.record({audit: a, score: 92, deductionItems: 1, pass: true, level: '四星级', stars: 4, date: '2026-02-12'});\n"
  "var d = core.decision.create({case: c, audit: a, outcome: 'certify', positive: true, date: '2026-03-01', by: [boss]});\n"
  "var cert = core.certificate.issue({decision: d, number: 'CAS-2026-0001', stars: 4, issued: '2026-03-01', expires: '2029-02-28'});\n"
  "core.certificate.setStatus(cert.id, {status: 'suspended', date: '2026-06-01', cause: '逾期未整改', clause: '§9.3.2'});\n";

static unsigned char *image;
static sqlite3_int64 image_size;

/* Build the register once and keep its image. */
static void build_image(void) {
  Host h;
  if (host_open(&h, ":memory:", "2026-06-01", 32u << 20, 5.0, NULL, 0) < 0) abort();
  if (host_eval(&h, CYCLE, sizeof CYCLE - 1, "<cycle>") != 0) { fprintf(stderr, "%s\n", duk_safe_to_string(h.ctx, -1)); abort(); }
  duk_pop(h.ctx);
  unsigned char *p = sqlite3_serialize(h.db.sql, "main", &image_size, 0);
  if (!p) abort();
  image = malloc((size_t)image_size);
  memcpy(image, p, (size_t)image_size);
  sqlite3_free(p);
  host_close(&h);
}

/* FNV-1a digest of what query returns (one text column), 0 when it cannot run. */
static unsigned long long digest(sqlite3 *db, const char *query) {
  unsigned long long d = 1469598103934665603ULL;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, query, -1, &st, NULL) != SQLITE_OK) { sqlite3_finalize(st); return 0; }
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const unsigned char *t = sqlite3_column_text(st, 0);
    for (int i = 0, n = sqlite3_column_bytes(st, 0); i < n; i++) d = (d ^ t[i]) * 1099511628211ULL;
    d = (d ^ 0xff) * 1099511628211ULL;
  }
  sqlite3_finalize(st);
  return rc == SQLITE_DONE ? d : 0;
}

/* The events' bytes (hex, so that a NUL does not hide what follows it). */
#define EVENTS_DIGEST "SELECT hex(seq)||'|'||hex(as_of)||'|'||hex(wall)||'|'||hex(actor)||'|'||hex(kind)||'|'||" \
                      "hex(subject)||'|'||hex(payload)||'|'||hex(prev)||'|'||hex(hash) FROM events ORDER BY seq"
/* Everything but the rows: the schema (tables, indexes, triggers) and its version. */
#define SCHEMA_DIGEST "SELECT type||'|'||name||'|'||ifnull(sql,'') FROM sqlite_master UNION ALL " \
                      "SELECT user_version FROM pragma_user_version"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!image) build_image();
  if (size < 1) return 0;
  Host h;
  if (host_open(&h, ":memory:", "2026-06-01", 32u << 20, 1.0, NULL, 0) < 0) abort();
  for (int i = 0; i < DB_CACHED_STATEMENTS; i++) { sqlite3_finalize(h.db.cached[i]); h.db.cached[i] = NULL; }
  unsigned char *copy = sqlite3_malloc64((sqlite3_uint64)image_size);
  if (!copy) abort();
  memcpy(copy, image, (size_t)image_size);
  int sql_mode = data[0] % 2 == 0;
  if (!sql_mode) /* patches: 3 bytes of offset, 1 byte of value, repeated */
    for (size_t i = 1; i + 4 <= size; i += 4) {
      size_t off = ((size_t)data[i] << 16 | (size_t)data[i + 1] << 8 | data[i + 2]) % (size_t)image_size;
      copy[off] = data[i + 3];
    }
  if (sqlite3_deserialize(h.db.sql, "main", copy, image_size, image_size,
                          SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK)
    abort();
  unsigned long long before = 0, after = 0, schema_before = 0, schema_after = 0;
  int changed = 0, known = 0;
  if (sql_mode) {
    char *sql = malloc(size);
    memcpy(sql, data + 1, size - 1);
    sql[size - 1] = 0;
    before = digest(h.db.sql, EVENTS_DIGEST);
    schema_before = digest(h.db.sql, SCHEMA_DIGEST);
    /* drop the log's guards as a tamperer with the file would, and put the same ones back after */
    char *guards = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(h.db.sql, "SELECT group_concat(sql, ';') FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'",
                           -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
      guards = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_exec(h.db.sql, "DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete", NULL, NULL, NULL);
    int total = sqlite3_total_changes(h.db.sql);
    sqlite3_exec(h.db.sql, sql, NULL, NULL, NULL);
    free(sql);
    changed = sqlite3_total_changes(h.db.sql) != total;
    sqlite3_exec(h.db.sql, "DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete", NULL, NULL, NULL);
    if (guards) sqlite3_exec(h.db.sql, guards, NULL, NULL, NULL);
    free(guards);
    after = digest(h.db.sql, EVENTS_DIGEST);
    schema_after = digest(h.db.sql, SCHEMA_DIGEST);
    known = before && after && schema_before && schema_after && sqlite3_get_autocommit(h.db.sql);
  }
  LogReport r;
  int rc = log_verify(&h.db, &r);
  if (sql_mode && known && !changed && schema_before == schema_after && rc == 1) {
    fprintf(stderr, "FINDING: verify failed on an untouched register: %s\n", r.bad);
    abort();
  }
  if (sql_mode && known && before != after && rc == 0) {
    fprintf(stderr, "FINDING: verify passed a register whose events were changed\n");
    abort();
  }
  host_close(&h);
  return 0;
}
