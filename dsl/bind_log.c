/* dsl/bind_log.c — the `log` global: verify the record log and read a subject's history and
 * its state on a past date, on both time axes (effective and recorded). */
#include "dsl/bind.h"
#include "core/log.h"

#include <stdio.h>

/* log.verify() → {ok, events, rows, badSeq, bad}: the chain recomputed, every row compared */
static duk_ret_t log_verify_js(duk_context *ctx) {
  Host *h = host_of(ctx);
  LogReport r;
  int rc = log_verify(&h->db, &r);
  if (rc < 0) host_throw_core(ctx, &h->db.err);
  duk_push_object(ctx);
  duk_push_boolean(ctx, rc == 0); duk_put_prop_string(ctx, -2, "ok");
  duk_push_number(ctx, (double)r.events); duk_put_prop_string(ctx, -2, "events");
  duk_push_number(ctx, (double)r.rows); duk_put_prop_string(ctx, -2, "rows");
  duk_push_number(ctx, (double)r.bad_seq); duk_put_prop_string(ctx, -2, "badSeq");
  duk_push_string(ctx, r.bad); duk_put_prop_string(ctx, -2, "bad");
  return 1;
}

/* How many days after its effective date an event was recorded (0 when on time or ahead). */
#define LOG_BACKDATED "max(0, CAST(julianday(as_of) - julianday(effective) AS INTEGER)) AS backdated"

/* log.history(subject) → the events of subject ('certificate:12'), oldest first, payload decoded;
 * each with effective (when it took effect), as_of (when it was recorded) and backdated (days between) */
static duk_ret_t log_history(duk_context *ctx) {
  const char *subject = bind_string_arg(ctx, 0, "subject", "log.history(subject)");
  static const char *const json_cols[] = {"payload", NULL};
  bind_query(ctx, "SELECT seq, effective, as_of, " LOG_BACKDATED ", wall, actor, kind, subject, payload FROM events"
                  " WHERE subject = ?1 ORDER BY seq", 0, json_cols, 1, &subject);
  return 1;
}

/* The known-on date argument at idx: undefined → the session's (--known-on, or none), null →
 * none (everything recorded), else a date. NULL for none. */
static const char *log_known_on_arg(duk_context *ctx, duk_idx_t idx, const char *fn) {
  if (duk_is_undefined(ctx, idx)) {
    const char *k = host_of(ctx)->db.known_on;
    return *k ? k : NULL;
  }
  if (duk_is_null(ctx, idx)) return NULL;
  bind_date_arg(ctx, idx, fn, "knownOn");
  return duk_get_string(ctx, idx);
}

/* log.stateOn(subject, date, knownOn) → the subject's state on date: what its last event in
 * force by then (effective <= date) recorded, counting only events recorded by knownOn
 * (default --known-on, null: all); null when it did not exist then */
static duk_ret_t log_state_on(duk_context *ctx) {
  static const char fn[] = "log.stateOn(subject, date, knownOn)";
  const char *params[3];
  params[0] = bind_string_arg(ctx, 0, "subject", fn);
  bind_date_arg(ctx, 1, fn, "date");
  params[1] = duk_get_string(ctx, 1);
  params[2] = log_known_on_arg(ctx, 2, fn);
  static const char *const json_cols[] = {"state", NULL};
  bind_query(ctx, "SELECT seq, effective, as_of, kind, json_extract(payload, '$.state') AS state FROM events"
                  " WHERE subject = ?1 AND effective <= ?2 AND (?3 IS NULL OR as_of <= ?3) ORDER BY seq DESC LIMIT 1",
             1, json_cols, 3, params);
  if (duk_is_null(ctx, -1)) return 1;
  duk_get_prop_string(ctx, -1, "state");
  return 1;
}

static const duk_function_list_entry log_funcs[] = {
  {"verify", log_verify_js, 0},
  {"history", log_history, 1},
  {"stateOn", log_state_on, 3},
  {NULL, NULL, 0}};

void bind_log_open(duk_context *ctx) { bind_namespace(ctx, "log", log_funcs); }
