/* dsl/embedded.h — the JavaScript library compiled into the binary (see cmake/jsc.c). */
#ifndef CERTSH_DSL_EMBEDDED_H
#define CERTSH_DSL_EMBEDDED_H
#include <stddef.h>
typedef struct EmbeddedFile {
  const char *path; /* relative to the source root, e.g. "stdlib/calendar.js" */
  const char *data; /* UTF-8 source, NUL-terminated */
  size_t size;      /* bytes, without the NUL */
  const unsigned char *bytecode; /* module wrapper compiled by cmake/jsc.c, or NULL (tests) */
  size_t bytecode_size;
} EmbeddedFile;
/* Terminated by an entry whose path is NULL. */
extern const EmbeddedFile embedded_files[];
#endif
