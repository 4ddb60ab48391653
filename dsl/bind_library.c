/* dsl/bind_library.c — the `library` global: which files the library holds (embedded, or
 * under --lib), so that schemes() can name every scheme without compiling one. */
#include "dsl/bind.h"
#include "dsl/embedded.h"

#include <stdlib.h>
#include <string.h>

/* The paths collected by library_collect, before any of them reaches the script heap. */
typedef struct LibraryPaths {
  const char *folder; /* "schemes" or "stdlib" */
  char **paths;
  size_t n, cap;
  int oom;            /* 1 when an allocation failed */
} LibraryPaths;

/* host_library_list callback: keep the .js paths directly inside the wanted folder. */
static void library_collect(const char *path, void *ud) {
  LibraryPaths *l = ud;
  size_t fl = strlen(l->folder);
  if (l->oom || strncmp(path, l->folder, fl) != 0 || path[fl] != '/' || strchr(path + fl + 1, '/')) return;
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 32;
    char **bigger = realloc(l->paths, cap * sizeof *bigger);
    if (!bigger) { l->oom = 1; return; }
    l->paths = bigger;
    l->cap = cap;
  }
  if (!(l->paths[l->n] = strdup(path))) { l->oom = 1; return; }
  l->n++;
}

/* safe_call body: the collected paths as an array of strings. */
static duk_ret_t library_push_paths(duk_context *ctx, void *udata) {
  LibraryPaths *l = udata;
  duk_idx_t arr = duk_push_array(ctx);
  for (size_t i = 0; i < l->n; i++) {
    duk_push_string(ctx, l->paths[i]);
    duk_put_prop_index(ctx, arr, (duk_uarridx_t)i);
  }
  return 1;
}

/* library.list(folder) → ['schemes/cas-service.js', …]: the .js files of 'schemes' or 'stdlib',
 * sorted, read from the directory listing only (nothing is compiled) */
static duk_ret_t library_list(duk_context *ctx) {
  const char *folder = duk_is_string(ctx, 0) ? duk_get_string(ctx, 0) : "";
  if (strcmp(folder, "schemes") != 0 && strcmp(folder, "stdlib") != 0)
    host_throw(ctx, "invalid", "folder", "library.list(folder): folder must be 'schemes' or 'stdlib', got %s",
               duk_safe_to_string(ctx, 0));
  LibraryPaths l = {folder, NULL, 0, 0, 0};
  host_library_list(host_of(ctx), library_collect, &l);
  /* copy into the heap in a protected call once the C list is complete, then free the list
   * before anything can throw */
  duk_int_t rc = l.oom ? DUK_EXEC_ERROR : duk_safe_call(ctx, library_push_paths, &l, 0, 1);
  for (size_t i = 0; i < l.n; i++) free(l.paths[i]);
  free(l.paths);
  if (l.oom) host_throw(ctx, "error", "folder", "library.list(folder): out of memory listing %s", folder);
  if (rc != DUK_EXEC_SUCCESS) (void)duk_throw(ctx);
  return 1;
}

/* library.read(path) → the source text of a library file ('schemes/x.js', 'stdlib/x.js', 'dsl/x.js'),
 * read without compiling it; null when there is none */
static duk_ret_t library_read(duk_context *ctx) {
  const char *path = duk_is_string(ctx, 0) ? duk_get_string(ctx, 0) : "";
  size_t n = strlen(path);
  if ((strncmp(path, "schemes/", 8) != 0 && strncmp(path, "stdlib/", 7) != 0 && strncmp(path, "dsl/", 4) != 0) ||
      strstr(path, "..") || n < 4 || strcmp(path + n - 3, ".js") != 0 || n > 200)
    host_throw(ctx, "invalid", "path", "library.read(path): path must be 'schemes/NAME.js', 'stdlib/NAME.js' or 'dsl/NAME.js', got %s",
               duk_safe_to_string(ctx, 0));
  size_t len = 0;
  char *src = host_library_source(host_of(ctx), path, &len);
  if (!src) { duk_push_null(ctx); return 1; }
  host_push_owned(ctx, src, len); /* frees src, also when the copy fails */
  return 1;
}

/* library.origin(path) → 'embedded' when the text require() loads for path is the library built
 * into certsh (also when --lib holds an identical copy), 'lib' when it comes from the --lib
 * folder and differs, null when there is no such file; the rules a register pins on its own
 * (stdlib/rules.js) are the embedded ones */
static duk_ret_t library_origin(duk_context *ctx) {
  const char *path = duk_is_string(ctx, 0) ? duk_get_string(ctx, 0) : "";
  const EmbeddedFile *e = NULL;
  for (const EmbeddedFile *f = embedded_files; f->path; f++)
    if (!strcmp(f->path, path)) e = f;
  size_t len = 0;
  char *src = host_library_source(host_of(ctx), path, &len);
  const char *origin = !src ? NULL : e && e->size == len && !memcmp(e->data, src, len) ? "embedded" : "lib";
  free(src); /* before anything can throw */
  if (origin) duk_push_string(ctx, origin);
  else duk_push_null(ctx);
  return 1;
}

static const duk_function_list_entry library_funcs[] = {
  {"origin", library_origin, 1},
  {"list", library_list, 1},
  {"read", library_read, 1},
  {NULL, NULL, 0}};

void bind_library_open(duk_context *ctx) { bind_namespace(ctx, "library", library_funcs); }
