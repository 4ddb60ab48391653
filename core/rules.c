/* core/rules.c — the rules pinned in the register (issue 15): the text of the files that define
 * a scheme version, stored with its SHA-256 the first time the version governs a case (or when
 * a body adopts its own file), one text per version, so that the register never depends on
 * files that may be gone or changed. */
#include "core/register.h"
#include "core/log.h"

#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>

static const char *const RULES_ORIGINS[] = {"embedded", "adopted", NULL};

void rules_hash(const char *text, size_t len, char out[65]) {
  uint8_t md[SHA256_DIGEST_SIZE];
  struct sha256_ctx ctx;
  sha256_init(&ctx);
  sha256_update(&ctx, len, (const uint8_t *)text);
  sha256_digest(&ctx, SHA256_DIGEST_SIZE, md);
  for (unsigned i = 0; i < SHA256_DIGEST_SIZE; i++) snprintf(out + 2 * i, 3, "%02x", md[i]);
  out[64] = 0;
}

int rules_pin(Db *db, const RulesInput *in, const char *args, long long *id) {
  if (reg_text(db, "scheme", in->scheme) < 0 || reg_text(db, "version", in->version) < 0 ||
      reg_word(db, "origin", in->origin, RULES_ORIGINS) < 0 || reg_json(db, "source", in->source_json, '{') < 0 ||
      reg_date(db, "date", in->date, 1) < 0)
    return -1;
  if (!strcmp(in->origin, "adopted") && reg_text(db, "by", in->by) < 0) return -1;
  char hash[65], have[65] = "";
  rules_hash(in->source_json, strlen(in->source_json), hash);
  if (db_begin(db) < 0) return -1;
  sqlite3_stmt *st = db_prepare(db, "SELECT id, hash FROM rules WHERE scheme = ?1 AND version = ?2");
  if (!st) return reg_abort(db);
  sqlite3_bind_text(st, 1, in->scheme, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st, 2, in->version, -1, SQLITE_TRANSIENT);
  *id = 0;
  if (sqlite3_step(st) == SQLITE_ROW) {
    *id = sqlite3_column_int64(st, 0);
    snprintf(have, sizeof have, "%s", (const char *)sqlite3_column_text(st, 1));
  }
  sqlite3_finalize(st);
  if (*id && strcmp(have, hash) != 0) {
    db_fail(db, "conflict", "source",
            "%s@%s is pinned in this register with other rules (sha256 %.12s…, now %.12s…): a changed rule is a new version",
            in->scheme, in->version, have, hash);
    return reg_abort(db);
  }
  if (*id) return db_commit(db); /* pinned already, with these rules */
  db_effective(db, in->date);
  int ok = reg_run(db, "INSERT INTO rules(scheme, version, hash, source, origin, adopted_by, pinned) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                   "ttttttt", in->scheme, in->version, hash, in->source_json, in->origin, in->by, in->date) == 0;
  *id = db_last_id(db);
  if (!ok || log_record(db, !strcmp(in->origin, "adopted") ? "rules.adopt" : "rules.pin", "rules", *id, args) < 0)
    return reg_abort(db);
  return db_commit(db);
}
