/* dsl/host.c — the Duktape heap: capped allocator, time budget, protected evaluation,
 * module loader over the library, lazily loaded globals, print() and error conversion. */
#define _POSIX_C_SOURCE 200809L
#include "dsl/host.h"
#include "dsl/module.h"
#include "dsl/embedded.h"
#include "core/civil.h"

#include <csv.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- memory: a counting allocator with a cap (Duktape's doc/sandboxing.rst) -------------- */

typedef union AllocHeader { size_t size; max_align_t align; } AllocHeader;

/* Large allocations past the time budget (or after Ctrl-C) are refused: one long built-in call
 * (`new Array(3e7).join('x')`) never reaches the interpreter's time check, but it keeps
 * allocating, so it fails there and the time check then stops the script for good. */
#define HOST_BIG_ALLOC 4096
static int host_over_budget(Host *h, size_t size) {
  return size >= HOST_BIG_ALLOC && (h->deadline > 0 || h->interrupt) && certsh_exec_timeout_check(h);
}

static void *host_alloc(void *udata, duk_size_t size) {
  Host *h = udata;
  if (size == 0) return NULL;
  if (h->mem_cap && h->mem_used + size > h->mem_cap) { h->mem_exceeded = 1; return NULL; }
  if (host_over_budget(h, size)) return NULL;
  AllocHeader *p = malloc(sizeof(AllocHeader) + size);
  if (!p) return NULL;
  p->size = size;
  h->mem_used += size;
  return p + 1;
}

static void host_free(void *udata, void *ptr) {
  Host *h = udata;
  if (!ptr) return;
  AllocHeader *p = (AllocHeader *)ptr - 1;
  h->mem_used -= p->size;
  free(p);
}

static void *host_realloc(void *udata, void *ptr, duk_size_t size) {
  Host *h = udata;
  if (!ptr) return host_alloc(udata, size);
  if (size == 0) { host_free(udata, ptr); return NULL; }
  AllocHeader *p = (AllocHeader *)ptr - 1;
  size_t old = p->size;
  if (size > old && h->mem_cap && h->mem_used - old + size > h->mem_cap) { h->mem_exceeded = 1; return NULL; }
  if (size > old && host_over_budget(h, size)) return NULL;
  AllocHeader *q = realloc(p, sizeof(AllocHeader) + size);
  if (!q) return NULL;
  q->size = size;
  h->mem_used = h->mem_used - old + size;
  return q + 1;
}

/* ---- time budget and fatal errors (hooks named in the generated duk_config.h) ------------ */

double host_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Called by the interpreter every few thousand instructions: 1 stops the evaluation. Keeps
 * answering 1 until the top-level evaluation ends, so a script cannot catch its own stop. */
int certsh_exec_timeout_check(void *udata) {
  Host *h = udata;
  if (!h) return 0;
  if (h->interrupt) { h->stopped = HOST_INTERRUPT; return 1; }
  if (h->deadline > 0 && host_now() > h->deadline) { h->stopped = HOST_TIMEOUT; return 1; }
  return 0;
}

/* A broken invariant inside Duktape: never returns. */
void certsh_fatal_handler(void *udata, const char *msg) {
  (void)udata;
  fprintf(stderr, "certsh: fatal error in the script engine: %s\n", msg ? msg : "(no message)");
  fflush(stderr);
  abort();
}

/* SQLite's progress handler: a query running past the time budget, or stopped by Ctrl-C, is
 * interrupted like a script (one runaway recursive query must not hang the REPL). */
static int host_sql_progress(void *udata) { return certsh_exec_timeout_check(udata); }

Host *host_of(duk_context *ctx) {
  duk_memory_functions funcs;
  duk_get_memory_functions(ctx, &funcs);
  return funcs.udata;
}

/* ---- errors ----------------------------------------------------------------------------- */

duk_ret_t host_throw(duk_context *ctx, const char *code, const char *field, const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  duk_push_error_object(ctx, DUK_ERR_ERROR, "%s", msg);
  duk_push_string(ctx, code);
  duk_put_prop_string(ctx, -2, "code");
  if (field && *field) {
    duk_push_string(ctx, field);
    duk_put_prop_string(ctx, -2, "field");
  }
  (void)duk_throw(ctx);
  abort(); /* not reached */
}

duk_ret_t host_throw_core(duk_context *ctx, const CoreError *err) {
  CoreError e = *err; /* copy: the Db's buffer may be reused */
  host_throw(ctx, e.code[0] ? e.code : "error", e.field, "%s", e.message[0] ? e.message : "unknown error");
}

/* ---- values ------------------------------------------------------------------------------- */

/* What host_push_owned_safe copies. */
typedef struct HostOwned { const char *buf; size_t len; } HostOwned;

/* safe_call body of host_push_owned: push the bytes as a string. */
static duk_ret_t host_push_owned_safe(duk_context *ctx, void *udata) {
  HostOwned *o = udata;
  duk_push_lstring(ctx, o->buf, o->len);
  return 1;
}

void host_push_owned(duk_context *ctx, char *buf, size_t len) {
  HostOwned o = {buf, len};
  duk_int_t rc = duk_safe_call(ctx, host_push_owned_safe, &o, 0, 1);
  free(buf);
  if (rc != DUK_EXEC_SUCCESS) (void)duk_throw(ctx);
}

/* 1 when s holds a high surrogate encoded as 3 bytes (ED A0-AF): CESU-8 to convert. */
static int host_has_cesu(const unsigned char *s, size_t n) {
  for (size_t i = 0; i + 2 < n; i++)
    if (s[i] == 0xED && s[i + 1] >= 0xA0 && s[i + 1] <= 0xAF) return 1;
  return 0;
}

size_t host_cesu_to_utf8(const unsigned char *s, size_t n, unsigned char *out) {
  const unsigned char *first = memchr(s, 0xED, n); /* the bytes before the first ED pass as they are */
  if (!first) {
    if (out != s) memcpy(out, s, n);
    return n;
  }
  size_t o = (size_t)(first - s);
  if (out != s) memcpy(out, s, o);
  for (size_t i = o; i < n;) {
    /* a pair ED A0-AF xx ED B0-BF xx: one code point U+10000..U+10FFFF in four bytes */
    if (i + 5 < n && s[i] == 0xED && s[i + 1] >= 0xA0 && s[i + 1] <= 0xAF && s[i + 3] == 0xED && s[i + 4] >= 0xB0 &&
        s[i + 4] <= 0xBF) {
      unsigned hi = ((s[i + 1] & 0x0Fu) << 6) | (s[i + 2] & 0x3Fu), lo = ((s[i + 4] & 0x0Fu) << 6) | (s[i + 5] & 0x3Fu);
      unsigned cp = 0x10000u + (hi << 10) + lo;
      out[o++] = (unsigned char)(0xF0 | (cp >> 18));
      out[o++] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
      out[o++] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
      out[o++] = (unsigned char)(0x80 | (cp & 0x3F));
      i += 6;
    } else {
      out[o++] = s[i++];
    }
  }
  return o;
}

const char *host_get_utf8(duk_context *ctx, duk_idx_t idx, duk_size_t *len) {
  idx = duk_normalize_index(ctx, idx);
  duk_size_t n;
  const unsigned char *s = (const unsigned char *)duk_get_lstring(ctx, idx, &n);
  if (!s) return NULL;
  if (!host_has_cesu(s, n)) { if (len) *len = n; return (const char *)s; }
  unsigned char *out = duk_push_fixed_buffer(ctx, n); /* UTF-8 is never longer than CESU-8 */
  size_t o = host_cesu_to_utf8(s, n, out);
  duk_push_lstring(ctx, (const char *)out, o);
  duk_remove(ctx, -2);
  duk_replace(ctx, idx);
  return duk_get_lstring(ctx, idx, len);
}

void host_push_text(duk_context *ctx, const char *text, size_t n) {
  const unsigned char *s = (const unsigned char *)text;
  size_t four = 0;
  for (size_t i = 0; i < n; i++) four += s[i] >= 0xF0 && s[i] <= 0xF4;
  if (!four) { duk_push_lstring(ctx, text, n); return; }
  unsigned char *out = duk_push_fixed_buffer(ctx, n + 2 * four); /* 4 bytes become 6 */
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    if (s[i] >= 0xF0 && s[i] <= 0xF4 && i + 3 < n) {
      unsigned cp = ((s[i] & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
      if (cp >= 0x10000u && cp <= 0x10FFFFu) {
        unsigned v = cp - 0x10000u, hi = 0xD800u + (v >> 10), lo = 0xDC00u + (v & 0x3FFu);
        unsigned half[2] = {hi, lo};
        for (int k = 0; k < 2; k++) {
          out[o++] = (unsigned char)(0xE0 | (half[k] >> 12));
          out[o++] = (unsigned char)(0x80 | ((half[k] >> 6) & 0x3F));
          out[o++] = (unsigned char)(0x80 | (half[k] & 0x3F));
        }
        i += 4;
        continue;
      }
    }
    out[o++] = s[i++];
  }
  duk_push_lstring(ctx, (const char *)out, o);
  duk_remove(ctx, -2);
}

void host_push_row(duk_context *ctx, sqlite3_stmt *st, const char *const *json_columns) {
  int n = sqlite3_column_count(st);
  duk_push_object(ctx);
  for (int i = 0; i < n; i++) {
    const char *name = sqlite3_column_name(st, i);
    switch (sqlite3_column_type(st, i)) {
      case SQLITE_INTEGER: duk_push_number(ctx, (double)sqlite3_column_int64(st, i)); break;
      case SQLITE_FLOAT: duk_push_number(ctx, sqlite3_column_double(st, i)); break;
      case SQLITE_NULL: duk_push_null(ctx); break;
      case SQLITE_BLOB: {
        int len = sqlite3_column_bytes(st, i);
        void *buf = duk_push_fixed_buffer(ctx, (duk_size_t)len);
        if (len) memcpy(buf, sqlite3_column_blob(st, i), (size_t)len);
        break;
      }
      default: {
        const char *text = (const char *)sqlite3_column_text(st, i);
        int len = sqlite3_column_bytes(st, i);
        int decode = 0;
        for (const char *const *c = json_columns; c && *c && !decode; c++)
          decode = !strcmp(*c, name) && len > 0 && (text[0] == '[' || text[0] == '{');
        host_push_text(ctx, text, (size_t)len);
        if (decode) duk_json_decode(ctx, -1);
      }
    }
    /* defined, not assigned: a setter a script put on Object.prototype cannot intercept a column */
    duk_push_string(ctx, name);
    duk_insert(ctx, -2);
    duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_ENUMERABLE |
                              DUK_DEFPROP_SET_CONFIGURABLE);
  }
}

/* safe_call body: JSON-encode the value at -1 (indent given as udata). */
static duk_ret_t host_json_encode_safe(duk_context *ctx, void *udata) {
  (void)udata;
  duk_json_encode(ctx, -1);
  return 1;
}

const char *host_to_display(duk_context *ctx, duk_idx_t idx, int force_json) {
  idx = duk_normalize_index(ctx, idx);
  if (!force_json && duk_is_string(ctx, idx)) { duk_dup(ctx, idx); return host_get_utf8(ctx, -1, NULL); }
  if (duk_is_undefined(ctx, idx)) { duk_push_string(ctx, ""); return duk_get_string(ctx, -1); }
  duk_dup(ctx, idx);
  if (duk_safe_call(ctx, host_json_encode_safe, NULL, 1, 1) != DUK_EXEC_SUCCESS || !duk_is_string(ctx, -1)) {
    duk_pop(ctx);
    duk_dup(ctx, idx);
    duk_safe_to_string(ctx, -1);
  }
  return host_get_utf8(ctx, -1, NULL); /* what is shown is UTF-8 */
}

/* print(values…): write the values to standard output (or .output), space-separated, one line. */
static duk_ret_t host_print(duk_context *ctx) {
  Host *h = host_of(ctx);
  duk_idx_t n = duk_get_top(ctx);
  for (duk_idx_t i = 0; i < n; i++) {
    duk_size_t len = 9;
    const char *s = "undefined";
    if (!duk_is_undefined(ctx, i)) {
      host_to_display(ctx, i, 0);
      s = host_get_utf8(ctx, -1, &len);
    }
    fwrite(s, 1, len, h->out);
    if (i + 1 < n) fputc(' ', h->out);
    if (!duk_is_undefined(ctx, i)) duk_pop(ctx);
  }
  fputc('\n', h->out);
  return 0;
}

/* csv_quoted(s, n): the one quoting rule of both writers below: a field holding a comma, quote
 * or line end within its n bytes is quoted (s need not end in NUL: sqlPrint gives a text's bytes
 * as SQLite keeps them) */
static int csv_quoted(const char *s, size_t n) {
  if (n >= 16) /* a longer text: libc's memchr reads it a vector at a time */
    return memchr(s, ',', n) || memchr(s, '"', n) || memchr(s, '\n', n) || memchr(s, '\r', n);
  for (size_t i = 0; i < n; i++)
    if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n') return 1;
  return 0;
}

void host_csv_field(FILE *f, const char *s, size_t n) {
  if (csv_quoted(s, n)) csv_fwrite(f, s, n);
  else fwrite(s, 1, n, f);
}

size_t host_csv_put(char *dst, const char *s, size_t n) {
  if (csv_quoted(s, n)) return csv_write(dst, 2 * n + 2, s, n);
  memcpy(dst, s, n);
  return n;
}

/* today(): the date rules treat as today ('YYYY-MM-DD', from --as-of or the clock). */
static duk_ret_t host_today(duk_context *ctx) {
  duk_push_string(ctx, host_of(ctx)->db.as_of);
  return 1;
}

/* knownOn(): the --known-on date ('YYYY-MM-DD'): past-date questions see only what had been
 * recorded by then; null when everything recorded counts. */
static duk_ret_t host_known_on(duk_context *ctx) {
  const char *k = host_of(ctx)->db.known_on;
  if (*k) duk_push_string(ctx, k);
  else duk_push_null(ctx);
  return 1;
}

/* ---- the library: embedded or from --lib ------------------------------------------------ */

char *host_read_file(const char *path, size_t *len) {
  /* only regular files: a folder reads as nothing and a FIFO would block (issue 11, family 7) */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return NULL;
  struct stat sb;
  if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
    int e = fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode) ? EISDIR : EINVAL;
    close(fd);
    errno = e;
    return NULL;
  }
  FILE *f = fdopen(fd, "rb");
  if (!f) { close(fd); return NULL; }
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap + 1);
  size_t got;
  while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      char *bigger = realloc(buf, (cap *= 2) + 1);
      if (!bigger) { free(buf); buf = NULL; }
      buf = bigger;
    }
  }
  fclose(f);
  if (!buf) return NULL;
  buf[n] = 0;
  if (len) *len = n;
  return buf;
}

const char *host_file_error(int errnum) {
  if (errnum == EISDIR) return "it is a folder, not a file";
  if (errnum == EINVAL) return "it is not a regular file (a FIFO, socket or device); certsh reads only regular files";
  return strerror(errnum);
}

char *host_library_source(Host *h, const char *path, size_t *len) {
  if (h->lib_dir) {
    char full[4096];
    snprintf(full, sizeof full, "%s/%s", h->lib_dir, path);
    char *src = host_read_file(full, len);
    if (src) return src;
  }
  for (const EmbeddedFile *f = embedded_files; f->path; f++) {
    if (strcmp(f->path, path) == 0) {
      char *copy = malloc(f->size + 1);
      if (!copy) return NULL;
      memcpy(copy, f->data, f->size);
      copy[f->size] = 0;
      if (len) *len = f->size;
      return copy;
    }
  }
  return NULL;
}

/* The embedded file at path when its build-time bytecode is what require() should load: it has
 * bytecode and --lib does not hold its own copy of the file. */
static const EmbeddedFile *host_embedded_bytecode(Host *h, const char *path) {
  if (h->lib_dir) {
    char full[4096];
    struct stat sb;
    snprintf(full, sizeof full, "%s/%s", h->lib_dir, path);
    if (stat(full, &sb) == 0) return NULL;
  }
  for (const EmbeddedFile *f = embedded_files; f->path; f++)
    if (strcmp(f->path, path) == 0) return f->bytecode ? f : NULL;
  return NULL;
}

static int host_cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

void host_library_list(Host *h, void (*fn)(const char *path, void *ud), void *ud) {
  static const char *const folders[] = {"stdlib", "schemes", "examples", NULL};
  char *paths[4096];
  size_t n = 0;
  for (const EmbeddedFile *f = embedded_files; f->path && n < 4096; f++) paths[n++] = strdup(f->path);
  for (int i = 0; h->lib_dir && folders[i]; i++) {
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", h->lib_dir, folders[i]);
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) && n < 4096) {
      size_t l = strlen(e->d_name);
      if (l < 4 || strcmp(e->d_name + l - 3, ".js") != 0) continue;
      char p[512];
      snprintf(p, sizeof p, "%s/%s", folders[i], e->d_name);
      int seen = 0;
      for (size_t k = 0; k < n && !seen; k++) seen = !strcmp(paths[k], p);
      if (!seen) paths[n++] = strdup(p);
    }
    if (d) closedir(d);
  }
  qsort(paths, n, sizeof *paths, host_cmp_str);
  for (size_t i = 0; i < n; i++) { fn(paths[i], ud); free(paths[i]); }
}

/* ---- require: CommonJS modules of the library only ---------------------------------------- */

/* Turn a module id into a library path, or return -1 when it is not one.
 * 'calendar' → stdlib/calendar.js; 'schemes/cas-service' → schemes/cas-service.js. */
static int host_module_path(const char *id, char *out, size_t n) {
  if (!id || !*id || strstr(id, "..") || id[0] == '/' || strchr(id, '\\') || strlen(id) > 200) return -1;
  const char *ext = strlen(id) > 3 && !strcmp(id + strlen(id) - 3, ".js") ? "" : ".js";
  if (!strncmp(id, "stdlib/", 7) || !strncmp(id, "schemes/", 8) || !strncmp(id, "dsl/", 4))
    snprintf(out, n, "%s%s", id, ext);
  else if (strchr(id, '/'))
    return -1;
  else
    snprintf(out, n, "stdlib/%s%s", id, ext);
  return 0;
}

/* require(id): the exports of a stdlib or scheme module, loaded once. */
duk_ret_t host_require(duk_context *ctx) {
  Host *h = host_of(ctx);
  if (!duk_is_string(ctx, 0))
    host_throw(ctx, "invalid", "require", "require(id): id must be text such as 'stdlib/format', got %s",
               duk_is_undefined(ctx, 0) ? "nothing" : duk_safe_to_string(ctx, 0));
  const char *id = duk_get_string(ctx, 0);
  char path[256];
  if (host_module_path(id, path, sizeof path) < 0)
    host_throw(ctx, "not-found", "require", "require('%s'): only modules of the library (stdlib/, schemes/) can be loaded", id);
  duk_set_top(ctx, 1);
  duk_push_global_stash(ctx);
  duk_get_prop_string(ctx, -1, "modules"); /* at index 2 */
  if (duk_get_prop_string(ctx, -1, path)) {
    duk_get_prop_string(ctx, -1, "exports");
    return 1;
  }
  duk_pop(ctx);
  size_t len = 0;
  const EmbeddedFile *compiled = host_embedded_bytecode(h, path);
  char *src = compiled ? NULL : host_library_source(h, path, &len);
  if (!compiled && !src) host_throw(ctx, "not-found", "require", "require('%s'): there is no module %s in the library", id, path);
  if (src) host_push_owned(ctx, src, len); /* into the heap first: no C buffer is held across a throw */
  duk_idx_t source = duk_get_top_index(ctx);
  /* module object, cached before running so that cycles see partial exports */
  duk_push_object(ctx);
  duk_push_string(ctx, path);
  duk_put_prop_string(ctx, -2, "id");
  duk_push_object(ctx);
  duk_put_prop_string(ctx, -2, "exports");
  duk_dup(ctx, -1);
  duk_put_prop_string(ctx, 2, path); /* modules[path] = module */
  duk_idx_t module = duk_get_top_index(ctx);
  if (compiled) { /* the wrapper as compiled at build time (cmake/jsc.c) */
    void *buf = duk_push_fixed_buffer(ctx, compiled->bytecode_size);
    memcpy(buf, compiled->bytecode, compiled->bytecode_size);
    duk_load_function(ctx);
  } else {
  duk_push_string(ctx, MODULE_HEAD);
  duk_dup(ctx, source);
  duk_push_string(ctx, MODULE_TAIL);
  duk_concat(ctx, 3);
  duk_push_string(ctx, path);
  if (duk_pcompile(ctx, DUK_COMPILE_EVAL) != 0) {
    duk_del_prop_string(ctx, 2, path);
    (void)duk_throw(ctx);
  }
  duk_call(ctx, 0); /* the wrapper function */
  }
  duk_get_prop_string(ctx, module, "exports");
  duk_push_c_function(ctx, host_require, 1);
  duk_dup(ctx, module);
  if (duk_pcall(ctx, 3) != 0) { /* uncache a module that failed, then rethrow */
    duk_push_global_stash(ctx);
    duk_get_prop_string(ctx, -1, "modules");
    duk_del_prop_string(ctx, -1, path);
    duk_pop_2(ctx);
    (void)duk_throw(ctx);
  }
  duk_pop(ctx);
  duk_get_prop_string(ctx, module, "exports");
  return 1;
}

/* ---- lazily loaded globals: compiled on first use, so start-up stays instant ------------- */

/* global name → module and export (NULL export: the whole module). Keep sorted by module. */
static const struct { const char *global, *module, *export; } LAZY_GLOBALS[] = {
#include "dsl/globals.inc"
};
#define LAZY_N (sizeof LAZY_GLOBALS / sizeof LAZY_GLOBALS[0])

/* Getter of a lazy global: require its module, then make the global a plain value. */
static duk_ret_t host_lazy_get(duk_context *ctx) {
  int i = duk_get_current_magic(ctx);
  duk_push_c_function(ctx, host_require, 1);
  duk_push_string(ctx, LAZY_GLOBALS[i].module);
  duk_call(ctx, 1);
  if (LAZY_GLOBALS[i].export) duk_get_prop_string(ctx, -1, LAZY_GLOBALS[i].export);
  duk_push_global_object(ctx);
  duk_push_string(ctx, LAZY_GLOBALS[i].global);
  duk_dup(ctx, -3);
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_CONFIGURABLE |
                            DUK_DEFPROP_CLEAR_ENUMERABLE);
  duk_pop(ctx);
  return 1;
}

/* Setter of a lazy global: a script may shadow it with its own value. */
static duk_ret_t host_lazy_set(duk_context *ctx) {
  int i = duk_get_current_magic(ctx);
  duk_push_global_object(ctx);
  duk_push_string(ctx, LAZY_GLOBALS[i].global);
  duk_dup(ctx, 0);
  duk_def_prop(ctx, -3, DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_SET_WRITABLE | DUK_DEFPROP_SET_CONFIGURABLE |
                            DUK_DEFPROP_SET_ENUMERABLE);
  return 0;
}

static void host_define_lazy_globals(duk_context *ctx) {
  duk_push_global_object(ctx);
  for (size_t i = 0; i < LAZY_N; i++) {
    duk_push_string(ctx, LAZY_GLOBALS[i].global);
    duk_push_c_function(ctx, host_lazy_get, 0);
    duk_set_magic(ctx, -1, (int)i);
    duk_push_c_function(ctx, host_lazy_set, 1);
    duk_set_magic(ctx, -1, (int)i);
    duk_def_prop(ctx, -4, DUK_DEFPROP_HAVE_GETTER | DUK_DEFPROP_HAVE_SETTER | DUK_DEFPROP_SET_CONFIGURABLE |
                              DUK_DEFPROP_CLEAR_ENUMERABLE);
  }
  duk_pop(ctx);
}

/* ---- evaluation -------------------------------------------------------------------------- */


/* Replace the stack trace at -1 by the lines a script writer can use: frames inside the
 * engine's C sources are dropped, and Duktape's frame flags (internal, preventsyield…) cut; so is
 * the REPL input's own frame (at global (<repl>:N)), which says nothing the message does not.
 * The one place traces are cleaned. */
static void host_clean_stack(duk_context *ctx) {
  duk_size_t len;
  const char *s = duk_get_lstring(ctx, -1, &len);
  char *out = malloc(len + 1);
  if (!out) return;
  size_t n = 0;
  for (const char *line = s; line < s + len;) {
    const char *nl = memchr(line, '\n', (size_t)(s + len - line));
    const char *end = nl ? nl : s + len;
    const char *close = end;
    while (close > line && close[-1] != ')') close--;
    int engine = 0; /* a frame such as "at [anon] (duk_js_compiler.c:3797) internal" */
    for (const char *p = line; p + 5 <= end && !engine; p++)
      engine = !strncmp(p, "(duk_", 5) || (line != s && p + 18 <= end && !strncmp(p, "at global (<repl>:", 18));
    if (!engine) {
      const char *keep = line == s || close == line ? end : close;
      if (n) out[n++] = '\n';
      memcpy(out + n, line, (size_t)(keep - line));
      n += (size_t)(keep - line);
    }
    line = nl ? nl + 1 : s + len;
  }
  duk_pop(ctx);
  host_push_owned(ctx, out, n);
}

/* safe_call body of host_describe_error: the error's code, message and stack may be getters a
 * script defined, so reading them runs script code that can throw or loop. */
static duk_ret_t host_describe_safe(duk_context *ctx, void *udata) {
  Host *h = udata;
  if (duk_is_error(ctx, -1)) {
    if (duk_get_prop_string(ctx, -1, "field") && duk_is_string(ctx, -1))
      snprintf(h->error_field, sizeof h->error_field, "%s", duk_get_string(ctx, -1));
    duk_pop(ctx);
    /* Errors with a code from the bindings read best as "code: message"; others show the trace. */
    if (duk_get_prop_string(ctx, -1, "code") && duk_is_string(ctx, -1)) {
      duk_get_prop_string(ctx, -2, "message");
      duk_push_sprintf(ctx, "%s: %s", duk_get_string(ctx, -2), duk_safe_to_string(ctx, -1));
      return 1;
    }
    duk_pop(ctx);
    duk_get_prop_string(ctx, -1, "stack");
    if (duk_is_string(ctx, -1)) {
      host_clean_stack(ctx);
      return 1;
    }
    duk_pop(ctx);
    duk_safe_to_string(ctx, -1);
    return 1;
  }
  duk_push_sprintf(ctx, "uncaught value thrown: %s", host_to_display(ctx, -1, 1));
  return 1;
}

/* Inside duk_safe_call: true when the value at -1 is the engine's allocation failure, not an
 * error thrown later (after a script caught an out-of-memory error and went on). Reads the
 * own data property `message` only: no getter runs. */
static duk_ret_t host_is_alloc_failure_safe(duk_context *ctx, void *udata) {
  (void)udata;
  int yes = 0;
  if (duk_is_error(ctx, -1)) {
    duk_push_string(ctx, "message");
    duk_get_prop_desc(ctx, -2, 0);
    if (duk_is_object(ctx, -1)) {
      duk_get_prop_string(ctx, -1, "value");
      yes = duk_is_string(ctx, -1) && strstr(duk_get_string(ctx, -1), "alloc failed") != NULL;
    }
  }
  duk_push_boolean(ctx, yes);
  return 1;
}

/* 1 when the error at -1 is the allocation failure (see host_is_alloc_failure_safe). */
static int host_is_alloc_failure(duk_context *ctx) {
  duk_dup_top(ctx);
  int yes = duk_safe_call(ctx, host_is_alloc_failure_safe, NULL, 1, 1) == DUK_EXEC_SUCCESS && duk_get_boolean(ctx, -1);
  duk_pop(ctx);
  return yes;
}

/* Replace the error at -1 with a printable message. */
static void host_describe_error(Host *h, duk_context *ctx) {
  h->error_field[0] = 0;
  if (h->stopped == HOST_TIMEOUT) {
    duk_pop(ctx);
    duk_push_sprintf(ctx, "timeout: the evaluation ran longer than its time budget of %g s (--timeout)", h->timeout);
    return;
  }
  if (h->stopped == HOST_INTERRUPT) {
    duk_pop(ctx);
    duk_push_string(ctx, "interrupted");
    return;
  }
  if (h->mem_exceeded && host_is_alloc_failure(ctx)) {
    duk_pop(ctx);
    duk_push_sprintf(ctx, "out of memory: the script needed more than the cap of %zu MB (--mem)", h->mem_cap >> 20);
    return;
  }
  if (duk_safe_call(ctx, host_describe_safe, h, 1, 1) == DUK_EXEC_SUCCESS) return;
  /* a getter of the thrown value threw or was stopped: say so, never abort */
  if (h->stopped != HOST_RUNNING) { host_describe_error(h, ctx); return; }
  duk_pop(ctx);
  duk_push_string(ctx, "an error was thrown whose description could not be read (a getter on it threw)");
}

/* Start the time budget of a top-level evaluation. */
static void host_budget_begin(Host *h) {
  if (h->eval_depth++ == 0) {
    h->txn_base = h->db.depth;
    h->stopped = HOST_RUNNING;
    h->mem_exceeded = 0;
    h->deadline = h->timeout > 0 ? host_now() + h->timeout : 0;
  }
}

/* End it; an evaluation leaves no transaction of its own open (a C caller's, begun before it, stays). */
static void host_budget_end(Host *h) {
  if (--h->eval_depth == 0) {
    h->deadline = 0;
    h->interrupt = 0;
    while (h->db.depth > h->txn_base) db_rollback(&h->db);
  }
}

int host_pcall(Host *h, int nargs) {
  host_budget_begin(h);
  int rc = duk_pcall(h->ctx, nargs) == DUK_EXEC_SUCCESS ? 0 : 1;
  if (rc) host_describe_error(h, h->ctx);
  host_budget_end(h);
  return rc;
}

/* ES6 forms Duktape 2.7 does not parse, each with the ES5 form to write instead: a POSIX
 * extended regular expression matched against the line a syntax error names. */
static const struct { const char *pattern, *hint; } HOST_ES6_FORMS[] = {
  {"(^|[^A-Za-z0-9_$.])let[[:space:]]+[A-Za-z_$[{]", "write `var x = …` instead of `let`"},
  {"=>", "write `function (x) { return …; }` instead of an arrow function `x => …`"},
  {"`", "write 'text ' + value instead of a template literal `text ${value}`"},
  {"(^|[^A-Za-z0-9_$.])class[[:space:]]+[A-Za-z_$]", "write a constructor function and its prototype instead of `class`"},
  {"for[[:space:]]*\\([^;]*[[:space:]]of[[:space:]]", "write `list.forEach(function (x) { … })` or an indexed for loop instead of `for … of`"},
  {"(var|let|const)[[:space:]]*[[{]", "write `var a = o.a, b = o.b` instead of destructuring"},
  {"\\.\\.\\.[A-Za-z_$[]", "write `f.apply(null, list)` or `a.concat(b)` instead of the spread `...list`"},
  {"function[[:space:]]*[A-Za-z_$]*[[:space:]]*\\([^)]*=", "write `if (x === undefined) x = …;` in the body instead of a default parameter"},
};

/* The ES5 forms to write for the ES6 syntax on line `line` of source ("" when none is seen),
 * for a syntax error's message: scripts are ES5.1 plus what Duktape 2.7 supports. */
static void host_es5_hint(const char *source, size_t len, long line, char *out, size_t n) {
  out[0] = 0;
  const char *p = source, *end = source + len;
  for (long l = 1; l < line && p < end; l++) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) return;
    p = nl + 1;
  }
  const char *nl = memchr(p, '\n', (size_t)(end - p));
  size_t k = 0, linelen = nl ? (size_t)(nl - p) : (size_t)(end - p);
  char *text = strndup(p, linelen);
  if (!text) return;
  char quote = 0; /* blank out '…' and "…" strings and a // comment: ES6 forms only in code */
  for (char *q = text; *q; q++) {
    if (quote) {
      if (*q == '\\' && q[1]) { *q++ = ' '; *q = ' '; continue; }
      if (*q == quote) quote = 0; else *q = ' ';
    } else if (*q == '\'' || *q == '"') {
      quote = *q;
    } else if (q[0] == '/' && q[1] == '/') {
      *q = 0;
      break;
    }
  }
  for (size_t i = 0; i < sizeof HOST_ES6_FORMS / sizeof HOST_ES6_FORMS[0] && k + 1 < n; i++) {
    regex_t re;
    if (regcomp(&re, HOST_ES6_FORMS[i].pattern, REG_EXTENDED | REG_NOSUB) != 0) continue;
    if (regexec(&re, text, 0, NULL, 0) == 0)
      k += (size_t)snprintf(out + k, n - k, "%s%s", k ? "; " : "", HOST_ES6_FORMS[i].hint);
    regfree(&re);
  }
  free(text);
}

/* After a failed compile of source: when the error at stack top is a SyntaxError on a line
 * holding ES6 syntax, replace it with its message and a hint naming the ES5 form to write. */
static void host_hint_syntax(duk_context *ctx, const char *source, size_t len) {
  const char *msg = duk_safe_to_string(ctx, -1);
  const char *at = strstr(msg, "(line ");
  if (strncmp(msg, "SyntaxError", 11) != 0 || !at) return;
  char hint[1024];
  host_es5_hint(source, len, strtol(at + 6, NULL, 10), hint, sizeof hint);
  if (!hint[0]) return;
  const char *nl = strchr(msg, '\n'); /* the hint under the message's first line, before any trace */
  int first = nl ? (int)(nl - msg) : (int)strlen(msg);
  duk_push_sprintf(ctx, "%.*s\nhint: certsh scripts are ES5.1 (Duktape 2.7): %s%s", first, msg, hint, nl ? nl : "");
  duk_replace(ctx, -2);
}

int host_compile(Host *h, const char *source, size_t len, const char *name, unsigned flags) {
  duk_context *ctx = h->ctx;
  duk_push_string(ctx, name);
  if (duk_pcompile_lstring_filename(ctx, flags, source, len) != 0) {
    host_describe_error(h, ctx);
    host_hint_syntax(ctx, source, len);
    return 1;
  }
  return 0;
}

int host_eval(Host *h, const char *source, size_t len, const char *name) {
  return host_compile(h, source, len, name, 0) ? 1 : host_pcall(h, 0);
}

/* ---- opening and closing ----------------------------------------------------------------- */

static const duk_function_list_entry HOST_GLOBALS[] = {
  {"print", host_print, DUK_VARARGS},
  {"today", host_today, 0},
  {"knownOn", host_known_on, 0},
  {"require", host_require, 1},
  {NULL, NULL, 0}};

int host_open(Host *h, const char *db_path, const char *as_of, size_t mem_cap, double timeout, const char *lib_dir,
              unsigned flags) {
  memset(h, 0, sizeof *h);
  h->out = stdout;
  h->mem_cap = mem_cap;
  h->timeout = timeout;
  h->lib_dir = lib_dir;
  CoreError err;
  if ((flags & HOST_READ_ONLY ? db_open_readonly : db_open)(&h->db, db_path, &err) < 0) {
    fprintf(stderr, "error: %s\n", err.message);
    return -1;
  }
  if (as_of) {
    snprintf(h->db.as_of, sizeof h->db.as_of, "%s", as_of);
  } else {
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(h->db.as_of, sizeof h->db.as_of, "%Y-%m-%d", &tm);
  }
  sqlite3_progress_handler(h->db.sql, 4096, host_sql_progress, h);
  if (mem_cap && mem_cap < 1000000000) /* no single SQL value larger than the script heap's cap */
    sqlite3_limit(h->db.sql, SQLITE_LIMIT_LENGTH, (int)mem_cap);
  if (mem_cap) db_limit_memory(&h->db, (long long)mem_cap); /* and SQLite's heap, temporary tables included */
  h->ctx = duk_create_heap(host_alloc, host_realloc, host_free, h, NULL);
  if (!h->ctx) {
    fprintf(stderr, "error: cannot create the script heap (memory cap %zu MB too small?)\n", mem_cap >> 20);
    db_close(&h->db);
    return -1;
  }
  duk_context *ctx = h->ctx;
  duk_push_global_stash(ctx);
  duk_push_object(ctx);
  duk_put_prop_string(ctx, -2, "modules");
  duk_pop(ctx);
  duk_push_global_object(ctx);
  duk_put_function_list(ctx, -1, HOST_GLOBALS);
  duk_del_prop_string(ctx, -1, "Duktape"); /* sandbox: no engine internals for scripts */
  duk_pop(ctx);
  host_open_bindings(ctx);
  host_define_lazy_globals(ctx);
  if (host_freeze_builtins(ctx) < 0) {
    fprintf(stderr, "error: cannot freeze the built-ins: %s\n", duk_safe_to_string(ctx, -1));
    host_close(h);
    return -1;
  }
  return 0;
}

void host_close(Host *h) {
  if (h->ctx) duk_destroy_heap(h->ctx);
  h->ctx = NULL;
  host_stmt_flush(h);
  db_close(&h->db);
}

#if !defined(CERTSH_SANITIZED)
static duk_context *volatile host_left; /* the heap left to the exit, still reachable */
#endif

void host_close_at_exit(Host *h) {
#if !defined(CERTSH_SANITIZED)
  host_left = h->ctx;
  h->ctx = NULL;
#endif
  host_close(h);
}

sqlite3_stmt *host_stmt_take(Host *h, const char *sql, int checked) {
  for (int i = 0; i < HOST_STMT_CACHE; i++) {
    HostStmt *c = &h->stmts[i];
    if (c->st && c->checked >= checked && strcmp(c->sql, sql) == 0) {
      sqlite3_stmt *st = c->st;
      free(c->sql);
      c->st = NULL, c->sql = NULL;
      return st;
    }
  }
  return NULL;
}

void host_stmt_give(Host *h, sqlite3_stmt *st, const char *sql, int checked) {
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  HostStmt *slot = &h->stmts[0];
  for (int i = 0; i < HOST_STMT_CACHE; i++) {
    HostStmt *c = &h->stmts[i];
    if (!c->st) { slot = c; break; }
    if (c->used < slot->used) slot = c;
  }
  char *copy = strdup(sql);
  if (!copy) { sqlite3_finalize(st); return; }
  if (slot->st) { sqlite3_finalize(slot->st); free(slot->sql); }
  slot->st = st, slot->sql = copy, slot->checked = checked, slot->used = ++h->stmt_clock;
}

void host_stmt_flush(Host *h) {
  for (int i = 0; i < HOST_STMT_CACHE; i++) {
    sqlite3_finalize(h->stmts[i].st);
    free(h->stmts[i].sql);
    h->stmts[i].st = NULL, h->stmts[i].sql = NULL;
  }
}
