/* core/schema.h — the ordered migrations that build the register. */
#ifndef CERTSH_CORE_SCHEMA_H
#define CERTSH_CORE_SCHEMA_H
/* NULL-terminated; entry i migrates from user_version i to i+1. */
extern const char *const schema_migrations[];
/* The schema all the migrations build, as one script (generated at build time by
 * cmake/schema_dump.c, which checks it against them), and their number: what a new, empty
 * register is created with in one step. */
extern const char schema_fresh[];
extern const int schema_fresh_version;
/* That new register's bytes (the schema run, its user_version set), made by cmake/schema_dump.c
 * with the same SQLite: a register in memory is a copy of them (core/db.c). */
extern const unsigned char schema_fresh_image[];
extern const unsigned long schema_fresh_image_size;

/* The effective date of an event written before events had one (format 1), from the event's
 * own arguments and state: migration 7 stored it and `certsh verify` checks it against this,
 * so a format-1 event's date cannot change unseen. Part of a released step: never edit. */
#define SCHEMA_EFFECTIVE_V1                                                                          \
  "coalesce(CASE"                                                                                    \
  " WHEN kind IN ('certificate.issue','certificate.renew','certificate.import') THEN json_extract(payload, '$.state.issued')" \
  " WHEN kind IN ('certificate.suspend','certificate.restore','certificate.withdraw','certificate.cancel'," \
  "  'certificate.expire') THEN json_extract(payload, '$.state.status_date')"                          \
  " WHEN kind IN ('audit.create','audit.complete') THEN json_extract(payload, '$.state.actual_end')"   \
  " WHEN kind = 'finding.create' THEN json_extract(payload, '$.state.raised')"                        \
  " WHEN kind = 'finding.close' THEN json_extract(payload, '$.state.closed')"                         \
  " WHEN kind IN ('score.record','decision.create','decision.import') THEN json_extract(payload, '$.state.date')" \
  " WHEN kind IN ('case.apply','case.import') THEN json_extract(payload, '$.state.applied')"          \
  " WHEN kind IN ('case.accept','case.reject') THEN json_extract(payload, '$.state.reviewed')"        \
  " WHEN kind IN ('case.certify','case.refuse','case.close') THEN json_extract(payload, '$.args.date')" \
  " WHEN kind = 'matter.open' THEN json_extract(payload, '$.state.received')"                         \
  " WHEN kind = 'matter.close' THEN json_extract(payload, '$.state.closed')"                          \
  " WHEN kind = 'matter.report' THEN json_extract(payload, '$.state.reported')"                       \
  " WHEN kind = 'deviation.record' THEN json_extract(payload, '$.date')"                               \
  " END, as_of)"

/* Each case's current cycle from its audits (migration 12's table cycles: case_id, start, ref,
 * surveillances), for the audits of a that `where` selects ("" or a condition followed by AND):
 * the last initial or recertification audit done, the last audit done and the surveillances
 * done since that start. `certsh verify` checks the table against it. Part of a released step:
 * never edit. */
#define SCHEMA_CYCLES_SELECT(where)                                                                  \
  "SELECT a.case_id, max(CASE WHEN a.type <> 'surveillance' THEN a.actual_end END), max(a.actual_end)," \
  " (SELECT count(*) FROM audits s WHERE s.case_id = a.case_id AND s.status = 'done' AND s.type = 'surveillance'" \
  "   AND s.actual_end >= (SELECT max(t.actual_end) FROM audits t WHERE t.case_id = a.case_id AND t.status = 'done'" \
  "     AND t.type IN ('initial', 'recertification')))"                                               \
  " FROM audits a WHERE " where " a.status = 'done' AND a.type IN ('initial', 'surveillance', 'recertification')" \
  " GROUP BY a.case_id"
/* The statements of migration 12's triggers bringing the cycle of case `id` (SQL) up to date. */
#define SCHEMA_CYCLES_OF(id)                                                                         \
  "DELETE FROM cycles WHERE case_id = " id "; INSERT INTO cycles(case_id, start, ref, surveillances) " \
  SCHEMA_CYCLES_SELECT("a.case_id = " id " AND") ";"
#endif
