/* core/doclibs.c — loading the document libraries on first use (core/doclibs.h). */
#define DOCLIBS_DEFINING
#include "core/doclibs.h"

#include <dlfcn.h>
#include <stdio.h>

DocLibs doclibs;

/* The shared objects, by the names Debian 12's packages give them (libpangocairo-1.0-0,
 * libcairo2, libglib2.0-0, libfontconfig1, libqrencode4, libxlsxwriter4): the .deb depends on
 * these packages by name (CMakeLists.txt), since dpkg-shlibdeps cannot see a library opened here. */
static const char *const LIBRARIES[] = {"libpangocairo-1.0.so.0", "libpango-1.0.so.0", "libcairo.so.2", "libgobject-2.0.so.0",
                                        "libfontconfig.so.1", "libqrencode.so.4", "libxlsxwriter.so.4"};

int doclibs_load(char *err, size_t errlen) {
  static int loaded;
  if (loaded) return 0;
  for (size_t i = 0; i < sizeof LIBRARIES / sizeof *LIBRARIES; i++) {
    if (!dlopen(LIBRARIES[i], RTLD_NOW | RTLD_GLOBAL)) {
      const char *why = dlerror();
      snprintf(err, errlen, "documents need %s, which cannot be loaded: %s", LIBRARIES[i], why ? why : "not found");
      return -1;
    }
  }
#define DOCLIBS_FIND(name) \
  if (!(*(void **)&doclibs.name = dlsym(RTLD_DEFAULT, #name))) { \
    snprintf(err, errlen, "documents need the function %s, which the loaded libraries lack", #name); \
    return -1; \
  }
  DOCLIBS_FUNCTIONS(DOCLIBS_FIND)
#undef DOCLIBS_FIND
  loaded = 1;
  return 0;
}
