/* core/schema.h — the ordered migrations that build the register. */
#ifndef CERTSH_CORE_SCHEMA_H
#define CERTSH_CORE_SCHEMA_H
/* NULL-terminated; entry i migrates from user_version i to i+1. */
extern const char *const schema_migrations[];

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
#endif
