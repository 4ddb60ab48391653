/* core/dynlib.h — opening shared libraries on first use and finding their functions: what
 * core/doclibs.c (the document libraries) and core/dqlite_node.c (libdqlite) share, so that a
 * library only some commands need is not mapped at every start-up (issue 17). */
#ifndef CERTSH_CORE_DYNLIB_H
#define CERTSH_CORE_DYNLIB_H

#include <stddef.h>

/* Open each of libs (dlopen, RTLD_NOW | RTLD_GLOBAL), then find each of names into *slots[i].
 * 0, or -1 with err saying, after purpose ("documents need"), the library or function missing. */
int dynlib_load(const char *purpose, const char *const *libs, size_t nlibs, const char *const *names, void **const *slots,
                size_t nnames, char *err, size_t errlen);

#endif
