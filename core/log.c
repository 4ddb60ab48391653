/* core/log.c — appending to and verifying the hash-chained record log. */
#include "core/log.h"
#include "core/civil.h"
#include "core/dqlite_db.h"
#include "core/schema.h"
#include "core/register.h"

#include <nettle/hmac.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* A kind of subject: its state table and, optionally, one child table folded into its JSON. */
typedef struct LogSubject {
  const char *prefix, *table;
  const char *child, *child_fk, *child_key; /* child table, its foreign key, its order */
} LogSubject;

static const LogSubject LOG_SUBJECTS[] = {
  {"org", "orgs", NULL, NULL, NULL},
  {"person", "people", "registrations", "person_id", "id"},
  {"case", "cases", NULL, NULL, NULL},
  {"audit", "audits", "audit_team", "audit_id", "person_id"},
  {"finding", "findings", NULL, NULL, NULL},
  {"score", "scores", NULL, NULL, NULL},
  {"decision", "decisions", "decision_makers", "decision_id", "person_id"},
  {"certificate", "certificates", NULL, NULL, NULL},
  {"matter", "matters", NULL, NULL, NULL},
  {"site", "sites", NULL, NULL, NULL},
  {"competence", "competence", NULL, NULL, NULL},
  {"rules", "rules", NULL, NULL, NULL},
  {"body", "body", NULL, NULL, NULL},
  {"report", "reports", NULL, NULL, NULL},
  {"plan", "audit_plans", NULL, NULL, NULL},
};
#define LOG_NSUBJECTS (sizeof LOG_SUBJECTS / sizeof LOG_SUBJECTS[0])

/* Slots of db_cached owned by the log: the last event, the insert, one payload query per subject kind. */
enum { LOG_SLOT_LAST = 0, LOG_SLOT_INSERT = 1, LOG_SLOT_PAYLOAD = 2 /* .. 2 + LOG_NSUBJECTS - 1 */ };
_Static_assert(LOG_SLOT_PAYLOAD + LOG_NSUBJECTS <= DB_LOG_SLOTS, "the record log's statements overrun its db_cached slots");

const char *const log_subject_prefixes[] = {"org", "person", "case", "audit", "finding", "score",
                                            "decision", "certificate", "matter", "site", "competence", "rules", "body", "report", "plan", NULL};

/* Cached row-JSON expressions, built from the live schema once per process. */
static char *log_json_cache[2][LOG_NSUBJECTS];

/* The payload format of events certsh writes: 2 records REAL values exactly (17 digits where
 * the 15 SQLite's JSON prints would round); events without "format" were written before. */
#define LOG_FORMAT 2

/* Append "'col',alias.col," for every column of table to buf; exact: REAL columns exactly. */
static int log_columns(Db *db, const char *table, const char *alias, int exact, char *buf, size_t n) {
  char q[128];
  snprintf(q, sizeof q, "SELECT name, upper(type) = 'REAL' FROM pragma_table_info('%s') ORDER BY cid", table);
  int ro = db->readonly;
  db->readonly = 0;
  sqlite3_stmt *st = db_prepare(db, q);
  db->readonly = ro;
  if (!st) return -1;
  size_t used = strlen(buf);
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *c = (const char *)sqlite3_column_text(st, 0);
    const char *sep = used && buf[used - 1] != '(' ? "," : "";
    int w;
    if (exact && sqlite3_column_int(st, 1)) /* JSON prints reals with 15 digits: one needing more is given 17 */
      w = snprintf(buf + used, n - used,
                   "%s'%s',CASE WHEN typeof(%s.\"%s\") = 'real' AND CAST(printf('%%!.15g', %s.\"%s\") AS REAL) <> %s.\"%s\""
                   " THEN json(printf('%%!.17g', %s.\"%s\")) ELSE %s.\"%s\" END",
                   sep, c, alias, c, alias, c, alias, c, alias, c, alias, c);
    else
      w = snprintf(buf + used, n - used, "%s'%s',%s.\"%s\"", sep, c, alias, c);
    if (w < 0 || (size_t)w >= n - used) { sqlite3_finalize(st); return db_fail(db, "internal", "", "row JSON too long"); }
    used += (size_t)w;
  }
  sqlite3_finalize(st);
  return 0;
}

/* The row JSON expression of subject prefix (see log_row_json_sql); exact: REALs exactly, as
 * events of LOG_FORMAT record them. */
static const char *log_row_json(Db *db, const char *prefix, int exact) {
  for (size_t i = 0; i < LOG_NSUBJECTS; i++) {
    const LogSubject *s = &LOG_SUBJECTS[i];
    if (strcmp(s->prefix, prefix) != 0) continue;
    if (log_json_cache[exact][i]) return log_json_cache[exact][i];
    char buf[4096] = "json_object(";
    if (log_columns(db, s->table, "r", exact, buf, sizeof buf) < 0) return NULL;
    if (s->child) {
      char sub[2048] = "json_object(";
      if (log_columns(db, s->child, "c", exact, sub, sizeof sub) < 0) return NULL;
      size_t u = strlen(buf);
      snprintf(buf + u, sizeof buf - u,
               ",'%s',(SELECT json_group_array(json(j)) FROM (SELECT %s) AS j FROM %s c WHERE c.%s = r.id ORDER BY c.%s)))",
               s->child, sub, s->child, s->child_fk, s->child_key);
    } else {
      strncat(buf, ")", sizeof buf - strlen(buf) - 1);
    }
    log_json_cache[exact][i] = strdup(buf);
    return log_json_cache[exact][i];
  }
  return NULL;
}

const char *log_row_json_sql(Db *db, const char *prefix) { return log_row_json(db, prefix, 0); }

const char *log_subject_table(const char *prefix) {
  for (size_t i = 0; i < LOG_NSUBJECTS; i++)
    if (!strcmp(LOG_SUBJECTS[i].prefix, prefix)) return LOG_SUBJECTS[i].table;
  return NULL;
}

/* The table holding subjects of this prefix, or NULL. */
static const LogSubject *log_subject(const char *prefix) {
  for (size_t i = 0; i < LOG_NSUBJECTS; i++)
    if (!strcmp(LOG_SUBJECTS[i].prefix, prefix)) return &LOG_SUBJECTS[i];
  return NULL;
}

/* The layout of an event's hash inputs: format 1 (before effective dates) hashes eight fields,
 * format 2 adds the effective date as a ninth. New events are format 2. */
#define LOG_FORMAT 2

/* out = the digest md in lower-case hex, NUL-terminated; by hand (snprintf per byte was a sixth
 * of an imported row's instructions). */
static void log_hex(const uint8_t md[SHA256_DIGEST_SIZE], char out[65]) {
  static const char HEX[] = "0123456789abcdef";
  for (unsigned i = 0; i < SHA256_DIGEST_SIZE; i++) {
    out[2 * i] = HEX[md[i] >> 4];
    out[2 * i + 1] = HEX[md[i] & 15];
  }
  out[64] = 0;
}

/* Hex SHA-256 of the event's fields joined by unit separators (effective only in format 2).
 * len, when given, holds the byte lengths of as_of … payload, then effective
 * (sqlite3_column_bytes: every byte counts, also after a NUL); NULL measures them as C strings
 * (the same hash for text without NUL). */
static void log_hash(const char *prev, long long seq, const char *as_of, const char *wall, const char *actor,
                     const char *kind, const char *subject, const char *payload, const char *effective, int format,
                     const size_t *len, char out[65]) {
  uint8_t md[SHA256_DIGEST_SIZE];
  char num[32];
  reg_decimal(num, seq);
  const char *parts[9] = {prev, num, as_of, wall, actor, kind, subject, payload, effective};
  struct sha256_ctx ctx;
  sha256_init(&ctx);
  for (int i = 0; i < (format >= 2 ? 9 : 8); i++) {
    const char *p = parts[i] ? parts[i] : "";
    if (i) sha256_update(&ctx, 1, (const uint8_t *)"\x1f");
    sha256_update(&ctx, len && i >= 2 ? len[i - 2] : strlen(p), (const uint8_t *)p);
  }
  sha256_digest(&ctx, SHA256_DIGEST_SIZE, md);
  log_hex(md, out);
}

int log_append(Db *db, const char *kind, const char *subject, const char *payload) {
  if (db->depth <= 0) return db_fail(db, "internal", "", "log_append outside a transaction");
  char prev[65] = GENESIS, hash[65], wall[32], as_of[11];
  long long seq = 1;
  sqlite3_stmt *st;
  if (db->head_seq > 0) { /* this transaction's own last event (db_begin and db_rollback forget it) */
    seq = db->head_seq + 1;
    memcpy(prev, db->head_hash, sizeof prev);
  } else {
    if (!(st = db_cached(db, LOG_SLOT_LAST, "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"))) return -1;
    if (sqlite3_step(st) == SQLITE_ROW) {
      seq = sqlite3_column_int64(st, 0) + 1;
      snprintf(prev, sizeof prev, "%s", (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_reset(st);
  }
  time_t now = time(NULL);
  if (now != db->wall_time || !db->wall[0]) { /* formatted once a second (an import logs thousands) */
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(db->wall, sizeof db->wall, "%Y-%m-%dT%H:%M:%SZ", &tm);
    strftime(db->wall_day, sizeof db->wall_day, "%Y-%m-%d", &tm);
    db->wall_time = now;
  }
  memcpy(wall, db->wall, sizeof db->wall);
  memcpy(as_of, db->as_of[0] ? db->as_of : db->wall_day, sizeof as_of);
  const char *effective = db->effective[0] ? db->effective : as_of;
  log_hash(prev, seq, as_of, wall, db->actor, kind, subject, payload, effective, LOG_FORMAT, NULL, hash);
  st = db_cached(db, LOG_SLOT_INSERT, "INSERT INTO events(seq, as_of, wall, actor, kind, subject, payload, prev, hash,"
                                      " effective, format) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, seq);
  sqlite3_bind_text(st, 2, as_of, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 3, wall, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 4, db->actor, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 5, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 6, subject, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 7, payload, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 8, prev, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 9, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 10, effective, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 11, LOG_FORMAT);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st); /* bound without a copy (SQLITE_STATIC): no pointer outlives this call */
  if (rc != SQLITE_DONE) return db_fail_sql(db, "record log");
  db->head_seq = seq;
  memcpy(db->head_hash, hash, sizeof hash);
  return 0;
}

int log_record(Db *db, const char *kind, const char *prefix, long long id, const char *args) {
  const LogSubject *s = log_subject(prefix);
  if (!s) return db_fail(db, "internal", "", "unknown log subject '%s'", prefix);
  int slot = LOG_SLOT_PAYLOAD + (int)(s - LOG_SUBJECTS);
  sqlite3_stmt *st = db->cached[slot] ? db_cached(db, slot, NULL) : NULL;
  if (!st) { /* the args (json() checks and minifies them) and the row's state: the object around
                them is written here, as json_object writes it (re-parsing the state was a tenth
                of an imported row) */
    const char *rowjson = log_row_json(db, prefix, 1);
    if (!rowjson) return -1;
    size_t n = strlen(rowjson) + 256;
    char *q = malloc(n);
    if (!q) return db_fail(db, "nomem", "", "out of memory");
    snprintf(q, n, "SELECT json(?1), %s FROM %s r WHERE r.id = ?2", rowjson, s->table);
    st = db_cached(db, slot, q);
    free(q);
    if (!st) return -1;
  }
  sqlite3_bind_text(st, 1, args && *args ? args : "{}", -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, id);
  int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) {
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? db_fail(db, "internal", "", "log: %s %lld has no row", prefix, id)
                             : db_fail_sql(db, "record log payload");
  }
  /* {"args":A,"state":S,"format":F}: json_object's own text for these members */
  static const char ARGS[] = "{\"args\":", STATE[] = ",\"state\":", FORMAT[] = ",\"format\":";
  size_t na = (size_t)sqlite3_column_bytes(st, 0), ns = (size_t)sqlite3_column_bytes(st, 1);
  const char *a = (const char *)sqlite3_column_text(st, 0), *j = (const char *)sqlite3_column_text(st, 1);
  char *payload = a && j ? malloc(na + ns + 64) : NULL;
  if (payload) {
    char *p = payload;
    memcpy(p, ARGS, sizeof ARGS - 1), p += sizeof ARGS - 1;
    memcpy(p, a, na), p += na;
    memcpy(p, STATE, sizeof STATE - 1), p += sizeof STATE - 1;
    memcpy(p, j, ns), p += ns;
    memcpy(p, FORMAT, sizeof FORMAT - 1), p += sizeof FORMAT - 1;
    p += reg_decimal(p, LOG_FORMAT);
    memcpy(p, "}", 2);
  }
  sqlite3_reset(st);
  sqlite3_clear_bindings(st); /* args bound without a copy */
  if (!payload) return db_fail(db, "nomem", "", "out of memory");
  char subject[96]; /* PREFIX:ID (prefixes are short words of LOG_SUBJECTS) */
  size_t np = strlen(prefix);
  memcpy(subject, prefix, np);
  subject[np] = ':';
  reg_decimal(subject + np + 1, id);
  rc = log_append(db, kind, subject, payload);
  free(payload);
  return rc;
}

/* Check the chain: contiguous sequence, each prev the hash before, each hash its contents. */
static int log_verify_chain(Db *db, LogReport *r) {
  sqlite3_stmt *st = db_prepare(db, "SELECT seq, as_of, wall, actor, kind, subject, payload, prev, hash, effective, format,"
                                    " CASE WHEN format = 1 THEN " SCHEMA_EFFECTIVE_V1 " END FROM events ORDER BY seq");
  if (!st) return -1;
  char prev[65] = GENESIS, hash[65];
  long long want = 1;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    long long seq = sqlite3_column_int64(st, 0);
    const char *f[11];
    size_t len[11];
    for (int i = 0; i < 11; i++) {
      f[i] = (const char *)sqlite3_column_text(st, i + 1);
      len[i] = (size_t)sqlite3_column_bytes(st, i + 1);
    }
    int format = sqlite3_column_int(st, 10);
    size_t hashed[7] = {len[0], len[1], len[2], len[3], len[4], len[5], len[8]}; /* as_of … payload, effective */
    r->events++;
    if (seq != want) {
      r->bad_seq = seq;
      snprintf(r->bad, sizeof r->bad, "event %lld: expected event %lld here; events %lld to %lld are missing", seq, want,
               want, seq - 1);
      break;
    }
    if (!f[6] || len[6] != 64 || strcmp(f[6], prev) != 0) {
      r->bad_seq = seq;
      snprintf(r->bad, sizeof r->bad, "event %lld (%s %s): its previous-hash does not match event %lld; events were inserted, removed or reordered",
               seq, f[3] ? f[3] : "?", f[4] ? f[4] : "?", seq - 1);
      break;
    }
    if (format != 1 && format != LOG_FORMAT) {
      r->bad_seq = seq;
      snprintf(r->bad, sizeof r->bad, "event %lld (%s %s): unknown format %d", seq, f[3] ? f[3] : "?", f[4] ? f[4] : "?", format);
      break;
    }
    log_hash(prev, seq, f[0], f[1], f[2], f[3], f[4], f[5], f[8], format, hashed, hash);
    if (!f[7] || len[7] != 64 || strcmp(f[7], hash) != 0) {
      r->bad_seq = seq;
      snprintf(r->bad, sizeof r->bad, "event %lld (%s %s): its hash does not match its contents; the event was changed after it was written",
               seq, f[3] ? f[3] : "?", f[4] ? f[4] : "?");
      break;
    }
    if (format == 1 && (!f[8] || !f[10] || strcmp(f[8], f[10]) != 0)) { /* derived by migration 7 from hashed fields */
      r->bad_seq = seq;
      snprintf(r->bad, sizeof r->bad, "event %lld (%s %s): its effective date %s is not the date its own payload gives (%s); it was changed after it was written",
               seq, f[3] ? f[3] : "?", f[4] ? f[4] : "?", f[8] ? f[8] : "(none)", f[10] ? f[10] : "(none)");
      break;
    }
    memcpy(prev, f[7], 65);
    memcpy(r->head, f[7], 65);
    want++;
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail_sql(db, "verify");
  return r->bad[0] ? 1 : 0;
}

/* Compare each state row with the state its last event recorded; and find events whose row is gone. */
static int log_verify_rows(Db *db, LogReport *r) {
  for (size_t i = 0; i < LOG_NSUBJECTS; i++) {
    const LogSubject *s = &LOG_SUBJECTS[i];
    const char *legacy = log_row_json(db, s->prefix, 0), *exact = log_row_json(db, s->prefix, 1);
    if (!legacy || !exact) return -1;
    size_t n = strlen(legacy) + strlen(exact) + 1024;
    char *q = malloc(n);
    if (!q) return db_fail(db, "nomem", "", "out of memory");
    /* the last event of each subject of this kind, joined to its row both ways; the row is
     * rendered as that event's format recorded it (older events: REALs with 15 digits) */
    snprintf(q, n,
             /* each row's last event found through the events_subject index (a join on a
                computed id scanned every event for every row: quadratic) */
             "WITH cur AS (SELECT r.id, e.seq, e.payload,"
             "   CASE WHEN json_extract(e.payload, '$.format') >= %d THEN %s ELSE %s END AS now"
             "   FROM %s r LEFT JOIN events e ON e.seq = (SELECT max(seq) FROM events WHERE subject = '%s:' || r.id)),"
             " last AS (SELECT CAST(substr(subject, %d) AS INTEGER) AS id, max(seq) AS seq FROM events"
             "          WHERE subject >= '%s:' AND subject < '%s;' GROUP BY subject)"
             " SELECT cur.id, cur.seq, 'row' FROM cur"
             /* a column added by a later migration is null in the row and absent from older
                events: both sides compared without their null members (json_patch) */
             "   WHERE cur.seq IS NULL OR json_patch('{}', json_extract(cur.payload, '$.state')) IS NOT json_patch('{}', cur.now)"
             " UNION ALL SELECT last.id, last.seq, 'gone' FROM last WHERE NOT EXISTS (SELECT 1 FROM %s x WHERE x.id = last.id)"
             " ORDER BY 2 LIMIT 1",
             LOG_FORMAT, exact, legacy, s->table, s->prefix, (int)strlen(s->prefix) + 2, s->prefix, s->prefix, s->table);
    sqlite3_stmt *st = db_prepare(db, q);
    free(q);
    if (!st) return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
      long long id = sqlite3_column_int64(st, 0);
      long long seq = sqlite3_column_type(st, 1) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, 1);
      const char *how = (const char *)sqlite3_column_text(st, 2);
      if (!strcmp(how, "gone"))
        snprintf(r->bad, sizeof r->bad, "%s:%lld: the row in %s was deleted without an event (last event %lld)", s->prefix,
                 id, s->table, seq);
      else if (seq == 0)
        snprintf(r->bad, sizeof r->bad, "%s:%lld: the row in %s has no event in the record log (inserted behind its back)",
                 s->prefix, id, s->table);
      else
        snprintf(r->bad, sizeof r->bad, "%s:%lld: the row in %s differs from what event %lld recorded (changed behind the log's back)",
                 s->prefix, id, s->table, seq);
      r->bad_seq = seq;
    } else if (rc != SQLITE_DONE) {
      sqlite3_finalize(st);
      return db_fail_sql(db, "verify rows");
    }
    sqlite3_finalize(st);
    if (r->bad[0]) return 1;
    char cq[96];
    snprintf(cq, sizeof cq, "SELECT count(*) FROM %s", s->table);
    st = db_prepare(db, cq);
    if (st && sqlite3_step(st) == SQLITE_ROW) r->rows += sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
  }
  return 0;
}

/* Step st; 1 with a row, 0 at the end, -1 on error. */
static int log_step(sqlite3_stmt *st) {
  int rc = sqlite3_step(st);
  return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Compare the register's schema (tables, indexes, triggers, views) with the one certsh's
 * migrations create, built afresh in memory: a dropped trigger, an added table or a changed
 * index is a change behind the log's back. SQLite's statistics tables are left out. */
static int log_verify_schema(Db *db, LogReport *r) {
  static const char q[] = "SELECT type || ' ' || name, coalesce(sql, '') FROM sqlite_master"
                          " WHERE name NOT LIKE 'sqlite_stat%' ORDER BY 1";
  Db fresh;
  CoreError err;
  if (db_open(&fresh, ":memory:", &err) < 0) {
    db->err = err;
    return -1;
  }
  sqlite3_stmt *want = db_prepare(&fresh, q), *have = want ? db_prepare(db, q) : NULL;
  if (!want) db->err = fresh.err;
  int w = want && have ? log_step(want) : -1, h = want && have ? log_step(have) : -1;
  while (w >= 0 && h >= 0 && (w || h)) {
    const char *wn = w ? (const char *)sqlite3_column_text(want, 0) : NULL;
    const char *hn = h ? (const char *)sqlite3_column_text(have, 0) : NULL;
    int cmp = !w ? 1 : !h ? -1 : strcmp(wn, hn);
    if (cmp > 0 && dqdb_is_own_object(hn, (const char *)sqlite3_column_text(have, 1))) { /* a cluster's table of changes */
      h = log_step(have);
      continue;
    }
    if (cmp < 0)
      snprintf(r->bad, sizeof r->bad, "schema: %s is missing (dropped behind certsh's back)", wn);
    else if (cmp > 0)
      snprintf(r->bad, sizeof r->bad, "schema: %s is not certsh's (created behind its back)", hn);
    else if (strcmp((const char *)sqlite3_column_text(want, 1), (const char *)sqlite3_column_text(have, 1)) != 0)
      snprintf(r->bad, sizeof r->bad, "schema: %s differs from what certsh's migrations create (changed behind its back)", wn);
    if (r->bad[0]) break;
    w = log_step(want);
    h = log_step(have);
  }
  int rc = r->bad[0] ? 1 : 0;
  if (!rc && want && have && (w < 0 || h < 0)) {
    rc = db_fail_sql(w < 0 ? &fresh : db, "verify schema");
    if (w < 0) db->err = fresh.err;
  } else if (!want || !have) {
    rc = -1;
  }
  sqlite3_finalize(want);
  sqlite3_finalize(have);
  db_close(&fresh);
  return rc;
}

/* Find child rows (deciders, audit teams, registrations) whose subject does not exist: rows
 * inserted behind the log, which a later command creating that subject would adopt. */
static int log_verify_orphans(Db *db, LogReport *r) {
  for (size_t i = 0; i < LOG_NSUBJECTS; i++) {
    const LogSubject *s = &LOG_SUBJECTS[i];
    if (!s->child) continue;
    char q[256];
    snprintf(q, sizeof q, "SELECT c.%s FROM %s c WHERE NOT EXISTS (SELECT 1 FROM %s p WHERE p.id = c.%s) LIMIT 1",
             s->child_fk, s->child, s->table, s->child_fk);
    sqlite3_stmt *st = db_prepare(db, q);
    if (!st) return -1;
    int rc = log_step(st);
    if (rc > 0)
      snprintf(r->bad, sizeof r->bad, "%s: a row for %s %lld, which does not exist (inserted behind the log's back)",
               s->child, s->prefix, (long long)sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    if (rc < 0) return db_fail_sql(db, "verify");
    if (rc > 0) return 1;
  }
  return 0;
}

/* Each pinned rules row's hash is the SHA-256 of its source as stored (issue 15): rules edited
 * in place, with the row and its event forged alike, still fail here. */
static int log_verify_rules(Db *db, LogReport *r) {
  sqlite3_stmt *st = db_prepare(db, "SELECT id, scheme, version, hash, source FROM rules ORDER BY id");
  if (!st) return -1;
  int rc;
  while ((rc = log_step(st)) > 0) {
    char want[65];
    const char *have = (const char *)sqlite3_column_text(st, 3);
    rules_hash((const char *)sqlite3_column_text(st, 4), (size_t)sqlite3_column_bytes(st, 4), want);
    if (!have || strcmp(have, want) != 0) {
      snprintf(r->bad, sizeof r->bad, "rules:%lld: the pinned rules of %s@%s do not match their hash (sha256 %.12s…, stored %.12s…): they were changed after they were pinned",
               (long long)sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
               (const char *)sqlite3_column_text(st, 2), want, have ? have : "");
      break;
    }
  }
  sqlite3_finalize(st);
  if (rc < 0) return db_fail_sql(db, "verify rules");
  return r->bad[0] ? 1 : 0;
}

long long log_find_hash(Db *db, const char *hash) {
  sqlite3_stmt *st = db_prepare(db, "SELECT seq FROM events WHERE hash = ?1 ORDER BY seq LIMIT 1");
  if (!st) return -1;
  sqlite3_bind_text(st, 1, hash, -1, SQLITE_TRANSIENT);
  int rc = log_step(st);
  long long seq = rc > 0 ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_finalize(st);
  return rc < 0 ? db_fail_sql(db, "verify") : seq;
}

void log_head_mac(const uint8_t *key, size_t keylen, long long seq, const char *hash, char out[65]) {
  struct hmac_sha256_ctx ctx;
  uint8_t md[SHA256_DIGEST_SIZE];
  char msg[128];
  int n = snprintf(msg, sizeof msg, "certsh head %lld %s", seq, hash);
  hmac_sha256_set_key(&ctx, keylen, key);
  hmac_sha256_update(&ctx, (size_t)n, (const uint8_t *)msg);
  hmac_sha256_digest(&ctx, SHA256_DIGEST_SIZE, md);
  log_hex(md, out);
}

/* Check the cycle facts kept with the audits (table cycles, migration 12) against the aggregate
 * of the audits they stand for: a row changed, missing or extra was written behind the triggers. */
static int log_verify_cycles(Db *db, LogReport *r) {
  static const char q[] = "WITH want(case_id, start, ref, surveillances) AS (" SCHEMA_CYCLES_SELECT("") ")"
                          " SELECT case_id FROM (SELECT * FROM want EXCEPT SELECT * FROM cycles"
                          "   UNION ALL SELECT * FROM (SELECT * FROM cycles EXCEPT SELECT * FROM want)) ORDER BY case_id LIMIT 1";
  sqlite3_stmt *st = db_prepare(db, q);
  if (!st) return -1;
  int rc = log_step(st);
  if (rc > 0)
    snprintf(r->bad, sizeof r->bad, "cycles: the row of case %lld differs from its audits (written behind the log's back)",
             (long long)sqlite3_column_int64(st, 0));
  sqlite3_finalize(st);
  if (rc < 0) return db_fail_sql(db, "verify");
  return rc;
}

int log_verify(Db *db, LogReport *r) {
  memset(r, 0, sizeof *r);
  int own = db->depth == 0; /* inside a command, its transaction is already one snapshot */
  if (own && db_exec(db, "BEGIN") < 0) return -1; /* one consistent snapshot */
  int rc = log_verify_schema(db, r);
  if (rc == 0) rc = log_verify_chain(db, r);
  if (rc == 0) rc = log_verify_orphans(db, r);
  if (rc == 0) rc = log_verify_cycles(db, r);
  if (rc == 0) rc = log_verify_rows(db, r);
  if (rc == 0) rc = log_verify_rules(db, r);
  if (own) sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL);
  return rc;
}
