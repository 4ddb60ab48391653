/* core/doclibs.c — loading the document libraries on first use (core/doclibs.h). */
#define DOCLIBS_DEFINING
#include "core/doclibs.h"

#include "core/dynlib.h"

DocLibs doclibs;

/* The shared objects, by the names Debian 12's packages give them (libpangocairo-1.0-0,
 * libcairo2, libglib2.0-0, libfontconfig1, libqrencode4, libxlsxwriter4): the .deb depends on
 * these packages by name (CMakeLists.txt), since dpkg-shlibdeps cannot see a library opened here. */
static const char *const LIBRARIES[] = {"libpangocairo-1.0.so.0", "libpango-1.0.so.0", "libcairo.so.2", "libgobject-2.0.so.0",
                                        "libfontconfig.so.1", "libqrencode.so.4", "libxlsxwriter.so.4"};

int doclibs_load(char *err, size_t errlen) {
  static int loaded;
#define DOCLIBS_NAME(name) #name,
#define DOCLIBS_SLOT(name) (void **)&doclibs.name,
  static const char *const names[] = {DOCLIBS_FUNCTIONS(DOCLIBS_NAME)};
  static void **const slots[] = {DOCLIBS_FUNCTIONS(DOCLIBS_SLOT)};
#undef DOCLIBS_NAME
#undef DOCLIBS_SLOT
  if (loaded) return 0;
  if (dynlib_load("documents need", LIBRARIES, sizeof LIBRARIES / sizeof *LIBRARIES, names, slots, sizeof names / sizeof *names,
                  err, errlen) < 0)
    return -1;
  loaded = 1;
  return 0;
}
