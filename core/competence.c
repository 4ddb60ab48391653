/* core/competence.c — what a body knows of its people's competence beyond their registrations:
 * evaluations, continual monitoring and training (CNAS C2.2 1)-3), C2.3), each a record with its
 * date, the activity (audit, lead, decide), the scheme (NULL: every scheme), the result, who
 * evaluated and, for an evaluation, how long it holds. Records are never changed: a later one
 * supersedes, so the history stays (competence.record events). */
#include "core/register.h"
#include "core/log.h"

#include <string.h>

static const char *const KINDS[] = {"evaluation", "monitoring", "training", NULL};
static const char *const ACTIVITIES[] = {"audit", "lead", "decide", NULL};
static const char *const RESULTS[] = {"competent", "not-competent", "completed", NULL};

int competence_record(Db *db, const CompetenceInput *in, const char *args, long long *id) {
  if (reg_word(db, "kind", in->kind, KINDS) < 0 || reg_word(db, "activity", in->activity, ACTIVITIES) < 0 ||
      reg_word(db, "result", in->result, RESULTS) < 0 || reg_date(db, "date", in->date, 1) < 0 ||
      reg_date(db, "validTo", in->valid_to, 0) < 0 || reg_order(db, "date", in->date, "validTo", in->valid_to) < 0 ||
      (in->scheme && reg_text(db, "scheme", in->scheme) < 0) || (in->text && reg_text(db, "text", in->text) < 0))
    return -1;
  int training = !strcmp(in->kind, "training");
  if (training != !strcmp(in->result, "completed"))
    return db_fail(db, "invalid", "result", "a %s has the result %s, not '%s'", in->kind, training ? "'completed'" : "'competent' or 'not-competent'",
                   in->result);
  if (in->by == in->person) return db_fail(db, "invalid", "by", "person %lld cannot evaluate their own competence", in->person);
  if (db_begin(db) < 0) return -1;
  db_effective(db, in->date);
  if (reg_exists(db, "person", "people", in->person) < 0 || reg_exists(db, "by", "people", in->by) < 0) return reg_abort(db);
  if (reg_run(db, "INSERT INTO competence(person_id, kind, activity, scheme, field_code, date, result, valid_to, by, text, created)"
                  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, coalesce(?10, ''), ?11)",
              "itttttttitt", in->person, in->kind, in->activity, in->scheme, in->field_code, in->date, in->result, in->valid_to, in->by,
              in->text, db->as_of) < 0)
    return reg_abort(db);
  *id = db_last_id(db);
  if (log_record(db, "competence.record", "competence", *id, args) < 0) return reg_abort(db);
  return db_commit(db);
}
