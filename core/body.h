/* core/body.h — what a body sends out (issue 16): the body's own profile, printed on its
 * certificates and letters, and the record of what was reported to a regulator. Both are
 * commands like the register's (core/register.h): validated first, one transaction, an event
 * in the record log. */
#ifndef CERTSH_CORE_BODY_H
#define CERTSH_CORE_BODY_H

#include "core/db.h"

/* The body's profile; NULL fields keep their value (all but the optional ones are required the
 * first time). */
typedef struct BodyInput {
  const char *name;         /* the body's name as its approval gives it */
  const char *name_en;      /* optional */
  const char *address;
  const char *approval;     /* 批准号 given by the CNCA, e.g. CNCA-R-2002-001 */
  const char *register_url; /* the public register entry of a certificate: holds {number} */
  const char *phone, *website, *signatory; /* optional */
} BodyInput;

/* Set the body's profile (one row, id 1); 0 or -1 naming the field. */
int body_set(Db *db, const BodyInput *in, const char *args_json);

/* Record that the items (JSON [{sheet, key, digest}]) of a report of kind (cnca, iaf) for
 * period (YYYY-MM, or FROM..TO) were sent on date; *id its id. 0 or -1. */
int report_record(Db *db, const char *kind, const char *period, const char *date, const char *items_json,
                  const char *args_json, long long *id);

#endif
