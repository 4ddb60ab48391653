/* core/dynlib.c — opening shared libraries on first use (core/dynlib.h). */
#include "core/dynlib.h"

#include <dlfcn.h>
#include <stdio.h>

int dynlib_load(const char *purpose, const char *const *libs, size_t nlibs, const char *const *names, void **const *slots,
                size_t nnames, char *err, size_t errlen) {
  for (size_t i = 0; i < nlibs; i++) {
    if (!dlopen(libs[i], RTLD_NOW | RTLD_GLOBAL)) {
      const char *why = dlerror();
      snprintf(err, errlen, "%s %s, which cannot be loaded: %s", purpose, libs[i], why ? why : "not found");
      return -1;
    }
  }
  for (size_t i = 0; i < nnames; i++) {
    if (!(*slots[i] = dlsym(RTLD_DEFAULT, names[i]))) {
      snprintf(err, errlen, "%s the function %s, which the loaded libraries lack", purpose, names[i]);
      return -1;
    }
  }
  return 0;
}
