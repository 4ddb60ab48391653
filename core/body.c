/* core/body.c — the body's profile and the record of what was reported (core/body.h). */
#include "core/body.h"
#include "core/register.h"
#include "core/log.h"

#include <string.h>

static const char *const REPORT_KINDS[] = {"cnca", "iaf", "statistics", NULL};

/* text, when given, is not blank; 0 or -1 naming field. */
static int body_optional(Db *db, const char *field, const char *text) {
  return text ? reg_text(db, field, text) : 0;
}

int body_set(Db *db, const BodyInput *in, const char *args) {
  if (body_optional(db, "name", in->name) < 0 || body_optional(db, "address", in->address) < 0 ||
      body_optional(db, "approval", in->approval) < 0 || body_optional(db, "registerUrl", in->register_url) < 0)
    return -1;
  if (in->register_url && (!strstr(in->register_url, "{number}") ||
                           (strncmp(in->register_url, "https://", 8) != 0 && strncmp(in->register_url, "http://", 7) != 0)))
    return db_fail(db, "invalid", "registerUrl",
                   "registerUrl '%s' must be an http(s) URL holding {number}, e.g. https://example.cn/register.html#{number}",
                   in->register_url);
  if (db_begin(db) < 0) return -1;
  char have[8];
  int exists = reg_column(db, "body", "'y'", 1, "body", have, sizeof have) == 0;
  if (!exists) {
    const char *missing = !in->name ? "name" : !in->address ? "address" : !in->approval ? "approval"
                        : !in->register_url ? "registerUrl" : NULL;
    if (missing) {
      db_fail(db, "missing", missing, "the body's profile is not set yet: %s is required (name, address, approval, registerUrl)", missing);
      return reg_abort(db);
    }
  }
  const char *today = db->as_of[0] ? db->as_of : NULL;
  int rc = exists ? reg_run(db, "UPDATE body SET name = coalesce(?1, name), name_en = coalesce(?2, name_en),"
                                " address = coalesce(?3, address), approval = coalesce(?4, approval),"
                                " register_url = coalesce(?5, register_url), phone = coalesce(?6, phone),"
                                " website = coalesce(?7, website), signatory = coalesce(?8, signatory),"
                                " changed = coalesce(?9, date('now')) WHERE id = 1",
                            "ttttttttt", in->name, in->name_en, in->address, in->approval, in->register_url, in->phone,
                            in->website, in->signatory, today)
                  : reg_run(db, "INSERT INTO body(id, name, name_en, address, approval, register_url, phone, website, signatory,"
                                " changed) VALUES(1, ?1, coalesce(?2, ''), ?3, ?4, ?5, coalesce(?6, ''), coalesce(?7, ''),"
                                " coalesce(?8, ''), coalesce(?9, date('now')))",
                            "ttttttttt", in->name, in->name_en, in->address, in->approval, in->register_url, in->phone,
                            in->website, in->signatory, today);
  if (rc < 0 || log_record(db, "body.set", "body", 1, args) < 0)
    return reg_abort(db);
  return db_commit(db);
}

int report_record(Db *db, const char *kind, const char *period, const char *date, const char *items, const char *args,
                  long long *id) {
  if (reg_word(db, "kind", kind, REPORT_KINDS) < 0 || reg_text(db, "period", period) < 0 || reg_date(db, "date", date, 1) < 0 ||
      reg_json(db, "items", items, '[') < 0)
    return -1;
  if (!items) return db_fail(db, "missing", "items", "a report records the items it sent: items [{sheet, key, digest}]");
  if (db_begin(db) < 0) return -1;
  db_effective(db, date);
  if (reg_run(db, "INSERT INTO reports(kind, period, date, items) VALUES(?1, ?2, ?3, ?4)", "tttt", kind, period, date, items) < 0)
    return reg_abort(db);
  *id = db_last_id(db);
  if (log_record(db, "report.record", "report", *id, args) < 0) return reg_abort(db);
  return db_commit(db);
}
