/* core/dqlite_wire.c — dqlite's wire protocol, version 1, as its documentation and Debian's
 * go-dqlite client write it: 8-byte little-endian words, a header (words, type, schema, extra)
 * and a body; strings NUL-terminated and padded to a word. */
#define _POSIX_C_SOURCE 200809L
#include "core/dqlite_wire.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { REQ_LEADER = 0, REQ_CLIENT = 1, REQ_OPEN = 3, REQ_PREPARE = 4, REQ_EXEC = 5, REQ_FINALIZE = 7,
       REQ_EXEC_SQL = 8, REQ_QUERY_SQL = 9, REQ_INTERRUPT = 10, REQ_ADD = 12, REQ_ASSIGN = 13,
       REQ_DUMP = 15, REQ_CLUSTER = 16 };
enum { RES_FAILURE = 0, RES_NODE = 1, RES_WELCOME = 2, RES_NODES = 3, RES_DB = 4, RES_STMT = 5,
       RES_RESULT = 6, RES_ROWS = 7, RES_EMPTY = 8, RES_FILES = 9 };

/* How long one request may wait for its answer (a Raft commit, a leader election). */
#define DQ_IO_TIMEOUT_MS 15000
/* How long a dump may take to come (the leader reads the files out of its memory first). */
#define DQ_DUMP_ANSWER_MS (5 * 60 * 1000)
/* A response buffer larger than this (a dump's) is freed once read. */
#define DQ_KEEP_BUFFER ((size_t)16 << 20)

/* A request being written. */
typedef struct Out { unsigned char *b; size_t n, cap; } Out;

static void out_room(Out *o, size_t k) {
  if (o->n + k <= o->cap) return;
  while (o->n + k > o->cap) o->cap = o->cap ? o->cap * 2 : 256;
  o->b = realloc(o->b, o->cap);
  if (!o->b) abort();
}

static void out_u8(Out *o, unsigned v) { out_room(o, 1); o->b[o->n++] = (unsigned char)v; }

static void out_u64(Out *o, uint64_t v) {
  out_room(o, 8);
  for (int i = 0; i < 8; i++) o->b[o->n++] = (unsigned char)(v >> (8 * i));
}

static void out_u32(Out *o, uint32_t v) {
  out_room(o, 4);
  for (int i = 0; i < 4; i++) o->b[o->n++] = (unsigned char)(v >> (8 * i));
}

static void out_pad(Out *o) { while (o->n % 8) out_u8(o, 0); }

static void out_bytes(Out *o, const void *p, size_t k) { out_room(o, k); memcpy(o->b + o->n, p, k); o->n += k; }

static void out_str(Out *o, const char *s) { out_bytes(o, s, strlen(s) + 1); out_pad(o); }

/* Parameters as schema 0 writes them: a count byte, a type byte each, padding, the values. */
static void out_params(Out *o, const DqValue *v, int n) {
  if (n == 0) return;
  out_u8(o, (unsigned)n);
  for (int i = 0; i < n; i++) out_u8(o, (unsigned)v[i].type);
  out_pad(o);
  for (int i = 0; i < n; i++) {
    switch (v[i].type) {
      case DQ_INTEGER: out_u64(o, (uint64_t)v[i].i); break;
      case DQ_FLOAT: { uint64_t u; memcpy(&u, &v[i].f, 8); out_u64(o, u); break; }
      case DQ_TEXT: out_str(o, v[i].s); break;
      case DQ_BLOB: out_u64(o, v[i].n); out_bytes(o, v[i].s, v[i].n); out_pad(o); break;
      default: out_u64(o, 0); break;
    }
  }
}

/* Fail with a sentence in c->err. */
static int dq_fail(DqConn *c, uint64_t code, const char *fmt, const char *a, const char *b) {
  c->code = code;
  snprintf(c->err, sizeof c->err, fmt, a ? a : "", b ? b : "");
  return -1;
}

/* Wait until fd is ready for events, at most ms. 1 ready, 0 timed out, -1 error. */
static int dq_wait(int fd, short events, int ms) {
  struct pollfd p = {fd, events, 0};
  int r;
  while ((r = poll(&p, 1, ms)) < 0 && errno == EINTR) {}
  return r;
}

static int dq_write_all(DqConn *c, const unsigned char *p, size_t n) {
  while (n) {
    if (dq_wait(c->fd, POLLOUT, c->answer_ms ? c->answer_ms : DQ_IO_TIMEOUT_MS) <= 0) return dq_fail(c, 0, "dqlite node %s: write timed out%s", c->leader, NULL);
    ssize_t k = send(c->fd, p, n, MSG_NOSIGNAL);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return dq_fail(c, 0, "dqlite node %s: connection lost (%s)", c->leader, strerror(errno));
    p += k;
    n -= (size_t)k;
  }
  return 0;
}

static int dq_read_all(DqConn *c, unsigned char *p, size_t n) {
  while (n) {
    if (dq_wait(c->fd, POLLIN, c->answer_ms ? c->answer_ms : DQ_IO_TIMEOUT_MS) <= 0) return dq_fail(c, 0, "dqlite node %s: no answer within the time allowed%s", c->leader, NULL);
    ssize_t k = recv(c->fd, p, n, 0);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return dq_fail(c, 0, "dqlite node %s: connection lost%s", c->leader, k == 0 ? " (closed)" : "");
    p += k;
    n -= (size_t)k;
  }
  return 0;
}

/* Send the request body o as type; frees nothing. */
static int dq_send(DqConn *c, int type, Out *o) {
  unsigned char h[8];
  uint32_t words = (uint32_t)(o->n / 8);
  for (int i = 0; i < 4; i++) h[i] = (unsigned char)(words >> (8 * i));
  h[4] = (unsigned char)type;
  h[5] = h[6] = h[7] = 0;
  if (dq_write_all(c, h, 8) < 0) return -1;
  return dq_write_all(c, o->b, o->n);
}

static uint64_t in_u64(DqConn *c) {
  uint64_t v = 0;
  if (c->off + 8 > c->len) { c->off = c->len + 1; return 0; }
  for (int i = 0; i < 8; i++) v |= (uint64_t)c->buf[c->off + (size_t)i] << (8 * i);
  c->off += 8;
  return v;
}

static uint32_t in_u32(DqConn *c) {
  uint32_t v = 0;
  if (c->off + 4 > c->len) { c->off = c->len + 1; return 0; }
  for (int i = 0; i < 4; i++) v |= (uint32_t)c->buf[c->off + (size_t)i] << (8 * i);
  c->off += 4;
  return v;
}

/* A string of the body, in place (the body keeps its NUL); "" past the end. */
static const char *in_str(DqConn *c) {
  if (c->off >= c->len) { c->off = c->len + 1; return ""; }
  const char *s = (const char *)c->buf + c->off;
  size_t k = strnlen(s, c->len - c->off);
  if (c->off + k >= c->len) { c->off = c->len + 1; return ""; }
  c->off += (k + 1 + 7) / 8 * 8;
  return s;
}

/* Receive one response into c->buf; a failure response becomes -1 with c->code and c->err. */
static int dq_recv(DqConn *c) {
  unsigned char h[8];
  if (dq_read_all(c, h, 8) < 0) return -1;
  size_t words = (size_t)h[0] | (size_t)h[1] << 8 | (size_t)h[2] << 16 | (size_t)h[3] << 24;
  c->type = h[4];
  if (words * 8 + 1 > c->cap) {
    c->cap = words * 8 + 1;
    c->buf = realloc(c->buf, c->cap);
    if (!c->buf) abort();
  }
  c->len = words * 8;
  c->off = 0;
  if (dq_read_all(c, c->buf, c->len) < 0) return -1;
  c->buf[c->len] = 0;
  if (c->type == RES_FAILURE) {
    uint64_t code = in_u64(c);
    char num[24];
    snprintf(num, sizeof num, "%llu", (unsigned long long)code);
    return dq_fail(c, code, "dqlite: %s (code %s)", in_str(c), num);
  }
  c->code = 0;
  return 0;
}

/* Send a request and receive its response, which must be of type want. */
static int dq_call(DqConn *c, int type, Out *o, int want) {
  int rc = dq_send(c, type, o);
  free(o->b);
  o->b = NULL;
  if (rc < 0 || dq_recv(c) < 0) return -1;
  if (c->type != want) {
    char a[16], b[16];
    snprintf(a, sizeof a, "%d", c->type);
    snprintf(b, sizeof b, "%d", want);
    return dq_fail(c, 0, "dqlite: unexpected response type %s (wanted %s)", a, b);
  }
  return 0;
}

/* Open a TCP connection to "HOST:PORT" and send the protocol version. The fd or -1. */
static int dq_dial(const char *address, int timeout_ms) {
  char host[128], *colon;
  snprintf(host, sizeof host, "%s", address);
  if (!(colon = strrchr(host, ':'))) return -1;
  *colon = 0;
  struct addrinfo hints = {0}, *ai = NULL;
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  if (getaddrinfo(host, colon + 1, &hints, &ai) != 0 || !ai) return -1;
  int fd = socket(ai->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd >= 0 && connect(fd, ai->ai_addr, ai->ai_addrlen) < 0) {
    int err = 0;
    socklen_t len = sizeof err;
    if (errno != EINPROGRESS || dq_wait(fd, POLLOUT, timeout_ms) <= 0 ||
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0 || err) {
      close(fd);
      fd = -1;
    }
  }
  freeaddrinfo(ai);
  if (fd < 0) return -1;
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  unsigned char v[8] = {1, 0, 0, 0, 0, 0, 0, 0}; /* protocol version 1 */
  DqConn tmp = {.fd = fd};
  if (dq_write_all(&tmp, v, 8) < 0) { close(fd); return -1; }
  return fd;
}

/* Milliseconds on a clock that only goes forward. */
static long long dq_now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Ask the node on c->fd for the leader: 1 it is this node, 0 none known or elsewhere (into
 * leader), -1 failure. */
static int dq_ask_leader(DqConn *c, char *leader, size_t n) {
  Out o = {0};
  out_u64(&o, 0);
  if (dq_call(c, REQ_LEADER, &o, RES_NODE) < 0) return -1;
  in_u64(c);
  snprintf(leader, n, "%s", in_str(c));
  return leader[0] && !strcmp(leader, c->leader);
}

int dq_connect(DqConn *c, const char *addresses, int timeout_ms) {
  memset(c, 0, sizeof *c);
  c->fd = -1;
  snprintf(c->addresses, sizeof c->addresses, "%s", addresses);
  long long deadline = dq_now_ms() + timeout_ms;
  int pause = 20;
  do {
    char list[512], *save = NULL;
    snprintf(list, sizeof list, "%s", addresses);
    for (char *a = strtok_r(list, ",", &save); a; a = strtok_r(NULL, ",", &save)) {
      char leader[128] = "";
      snprintf(c->leader, sizeof c->leader, "%s", a);
      if ((c->fd = dq_dial(a, 1000)) < 0) continue;
      int r = dq_ask_leader(c, leader, sizeof leader);
      if (r == 0 && leader[0]) { /* redirected: ask the leader itself */
        close(c->fd);
        snprintf(c->leader, sizeof c->leader, "%s", leader);
        if ((c->fd = dq_dial(leader, 1000)) >= 0) r = dq_ask_leader(c, leader, sizeof leader);
      }
      if (r == 1) {
        Out o = {0};
        out_u64(&o, 0);
        if (dq_call(c, REQ_CLIENT, &o, RES_WELCOME) == 0) return 0;
      }
      if (c->fd >= 0) close(c->fd);
      c->fd = -1;
    }
    struct timespec ts = {0, pause * 1000000L};
    nanosleep(&ts, NULL);
    if (pause < 500) pause *= 2;
  } while (dq_now_ms() < deadline);
  free(c->buf);
  c->buf = NULL;
  c->cap = 0;
  return dq_fail(c, 0, "no dqlite leader reachable at %s (tried for the time allowed)%s", addresses, NULL);
}

void dq_close(DqConn *c) {
  if (c->fd >= 0) close(c->fd);
  c->fd = -1;
  free(c->buf);
  c->buf = NULL;
  c->cap = 0;
  c->has_db = 0;
}

int dq_open(DqConn *c, const char *name) {
  Out o = {0};
  out_str(&o, name);
  out_u64(&o, 0);
  out_str(&o, "volatile");
  if (dq_call(c, REQ_OPEN, &o, RES_DB) < 0) return -1;
  c->db = in_u32(c);
  c->has_db = 1;
  return 0;
}

int dq_exec(DqConn *c, const char *sql, const DqValue *params, int n, uint64_t *last_id, uint64_t *changed) {
  Out o = {0};
  out_u64(&o, c->db);
  out_str(&o, sql);
  out_params(&o, params, n);
  if (dq_call(c, REQ_EXEC_SQL, &o, RES_RESULT) < 0) return -1;
  uint64_t id = in_u64(c), k = in_u64(c);
  if (last_id) *last_id = id;
  if (changed) *changed = k;
  return 0;
}

int dq_prepare(DqConn *c, const char *sql, uint32_t *stmt) {
  Out o = {0};
  out_u64(&o, c->db);
  out_str(&o, sql);
  if (dq_call(c, REQ_PREPARE, &o, RES_STMT) < 0) return -1;
  in_u32(c);
  *stmt = in_u32(c);
  return 0;
}

int dq_exec_stmt(DqConn *c, uint32_t stmt, const DqValue *params, int n, uint64_t *changed) {
  Out o = {0};
  out_u32(&o, c->db);
  out_u32(&o, stmt);
  out_params(&o, params, n);
  out_pad(&o);
  if (dq_call(c, REQ_EXEC, &o, RES_RESULT) < 0) return -1;
  in_u64(c);
  uint64_t k = in_u64(c);
  if (changed) *changed = k;
  return 0;
}

int dq_finalize(DqConn *c, uint32_t stmt) {
  Out o = {0};
  out_u32(&o, c->db);
  out_u32(&o, stmt);
  return dq_call(c, REQ_FINALIZE, &o, RES_EMPTY);
}

/* Abandon a query whose rows are still coming: interrupt, then read to the empty answer. */
static int dq_interrupt(DqConn *c) {
  Out o = {0};
  out_u64(&o, c->db);
  if (dq_send(c, REQ_INTERRUPT, &o) < 0) { free(o.b); return -1; }
  free(o.b);
  for (;;) {
    if (dq_recv(c) < 0) return -1;
    if (c->type == RES_EMPTY) return 0;
  }
}

int dq_query(DqConn *c, const char *sql, const DqValue *params, int n, DqRow row, void *ud) {
  Out o = {0};
  out_u64(&o, c->db);
  out_str(&o, sql);
  out_params(&o, params, n);
  if (dq_call(c, REQ_QUERY_SQL, &o, RES_ROWS) < 0) return -1;
  for (;;) { /* one response: columns, rows, then 0xff (done) or 0xee (more follows) */
    uint64_t ncol = in_u64(c);
    if (ncol > 4096) return dq_fail(c, 0, "dqlite: a rows response with %s columns%s", "too many", NULL);
    char **names = calloc(ncol + 1, sizeof *names);
    DqValue *v = calloc(ncol + 1, sizeof *v);
    int *types = calloc(ncol + 1, sizeof *types);
    if (!names || !v || !types) abort();
    for (uint64_t i = 0; i < ncol; i++) names[i] = (char *)in_str(c);
    int more = 0, stop = 0, bad = 0;
    for (;;) {
      size_t head = (ncol * 4 + 63) / 64 * 8;
      if (c->off >= c->len) { bad = 1; break; }
      if (c->buf[c->off] == 0xff) break;
      if (c->buf[c->off] == 0xee) { more = 1; break; }
      if (c->off + head > c->len) { bad = 1; break; }
      for (uint64_t i = 0; i < ncol; i++) {
        unsigned char slot = c->buf[c->off + i / 2];
        types[i] = i % 2 ? slot >> 4 : slot & 0x0f;
      }
      c->off += head;
      for (uint64_t i = 0; i < ncol; i++) {
        memset(&v[i], 0, sizeof v[i]);
        v[i].type = types[i];
        switch (types[i]) {
          case DQ_INTEGER: case 11: v[i].type = DQ_INTEGER; v[i].i = (int64_t)in_u64(c); break;
          case DQ_FLOAT: { uint64_t u = in_u64(c); memcpy(&v[i].f, &u, 8); break; }
          case DQ_TEXT: case 10: v[i].type = DQ_TEXT; v[i].s = in_str(c); break;
          case DQ_BLOB: v[i].n = (size_t)in_u64(c);
            v[i].s = (const char *)c->buf + c->off;
            c->off += (v[i].n + 7) / 8 * 8;
            break;
          case DQ_NULL: in_u64(c); break;
          default: bad = 1; break;
        }
      }
      if (bad || c->off > c->len) { bad = 1; break; }
      if ((stop = row ? row(ud, (int)ncol, v, names) : 0)) break;
    }
    free(names);
    free(v);
    free(types);
    if (bad) return dq_fail(c, 0, "dqlite: a malformed rows response to '%s'%s", sql, NULL);
    if (stop) {
      if (more && dq_interrupt(c) < 0) return -1;
      return stop;
    }
    if (!more) return 0;
    if (dq_recv(c) < 0) return -1;
    if (c->type != RES_ROWS) return dq_fail(c, 0, "dqlite: the rest of the rows of '%s' did not come%s", sql, NULL);
  }
}

int dq_dump(DqConn *c, const char *name, DqFile file, void *ud) {
  Out o = {0};
  out_str(&o, name);
  /* the leader reads a large database out of its memory before it answers (39 s for 1.3 GB) */
  int wait = c->answer_ms;
  if (c->answer_ms < DQ_DUMP_ANSWER_MS) c->answer_ms = DQ_DUMP_ANSWER_MS;
  int rc = dq_call(c, REQ_DUMP, &o, RES_FILES);
  c->answer_ms = wait;
  uint64_t n = rc < 0 ? 0 : in_u64(c);
  for (uint64_t i = 0; i < n && rc == 0; i++) {
    const char *fname = in_str(c);
    uint64_t len = in_u64(c);
    if (c->off > c->len || len > c->len - c->off) rc = dq_fail(c, 0, "dqlite: a malformed dump of '%s'%s", name, NULL);
    else if (file(ud, fname, c->buf + c->off, (size_t)len) < 0) rc = -1;
    else c->off += (size_t)(len + 7) / 8 * 8;
  }
  if (c->cap > DQ_KEEP_BUFFER) { /* a dump's buffer, as large as the register: not kept for the command's run */
    free(c->buf);
    c->buf = NULL;
    c->cap = c->len = c->off = 0;
  }
  return rc;
}

int dq_add(DqConn *c, uint64_t id, const char *address) {
  Out o = {0};
  out_u64(&o, id);
  out_str(&o, address);
  return dq_call(c, REQ_ADD, &o, RES_EMPTY);
}

int dq_assign(DqConn *c, uint64_t id, uint64_t role) {
  Out o = {0};
  out_u64(&o, id);
  out_u64(&o, role);
  return dq_call(c, REQ_ASSIGN, &o, RES_EMPTY);
}

int dq_cluster(DqConn *c, char *out, size_t n) {
  Out o = {0};
  out_u64(&o, 1); /* format 1: id, address, role */
  if (dq_call(c, REQ_CLUSTER, &o, RES_NODES) < 0) return -1;
  uint64_t k = in_u64(c);
  size_t w = 0;
  out[0] = 0;
  for (uint64_t i = 0; i < k && w < n; i++) {
    uint64_t id = in_u64(c);
    const char *addr = in_str(c);
    uint64_t role = in_u64(c);
    w += (size_t)snprintf(out + w, n - w, "%llu %s %s\n", (unsigned long long)id, addr,
                          role == 0 ? "voter" : role == 1 ? "stand-by" : "spare");
  }
  return 0;
}
