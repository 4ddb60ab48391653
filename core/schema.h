/* core/schema.h — the ordered migrations that build the register. */
#ifndef CERTSH_CORE_SCHEMA_H
#define CERTSH_CORE_SCHEMA_H
/* NULL-terminated; entry i migrates from user_version i to i+1. */
extern const char *const schema_migrations[];
#endif
