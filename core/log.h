/* core/log.h — the append-only, hash-chained record log (CAS §11: electronic records in a
 * non-editable form). Every write appends an event in the same transaction as the state
 * change; each event carries the subject's whole row as it became, so that verify can tell
 * a row edited behind the log's back. */
#ifndef CERTSH_CORE_LOG_H
#define CERTSH_CORE_LOG_H

#include "core/db.h"

#include <stdint.h>

/* Append an event recording that subject PREFIX:ID changed by command KIND (e.g.
 * "certificate.suspend"). args_json is what the command was given (JSON text, or NULL).
 * The payload is {"args":…, "state": the row (and its child rows) as now stored}.
 * Call inside db_begin/db_commit, after the change. 0 or -1 with db->err. */
int log_record(Db *db, const char *kind, const char *prefix, long long id, const char *args_json);

/* Append an event with an explicit subject and payload (JSON text). 0 or -1. */
int log_append(Db *db, const char *kind, const char *subject, const char *payload_json);

/* What verify found. */
typedef struct LogReport {
  long long events;    /* events checked */
  long long rows;      /* state rows checked */
  long long bad_seq;   /* first bad event, 0 when the chain is good */
  char bad[512];       /* sentence naming the first bad record, "" when all is well */
  char head[65];       /* hash of the last event checked: keep it elsewhere to detect a re-hashed forgery */
} LogReport;

/* Compare the schema with the one the migrations create, recompute the chain (every byte of
 * every field), find child rows without their subject, and compare every state row with its
 * last event (reals exactly). 0 when all is well, 1 when something is bad (report->bad names
 * it), -1 on error (db->err). */
int log_verify(Db *db, LogReport *report);

/* The seq of the event whose hash is hash (a head kept elsewhere), 0 when none, -1 on error. */
long long log_find_hash(Db *db, const char *hash);
/* Hex HMAC-SHA256 under key of the chain head (seq, hash): a signed head, which only the
 * holder of the key can make (`certsh verify` with $CERTSH_HEAD_KEY). */
void log_head_mac(const uint8_t *key, size_t keylen, long long seq, const char *hash, char out[65]);

/* The SQL expression giving the row JSON of subject PREFIX for the row aliased "r", or NULL
 * for an unknown prefix. The returned string lives until db_close. */
const char *log_row_json_sql(Db *db, const char *prefix);
/* The state table of subjects with this prefix ("org" → "orgs"), or NULL. */
const char *log_subject_table(const char *prefix);

/* The subject prefixes that have state rows, NULL-terminated. */
extern const char *const log_subject_prefixes[];

#endif
