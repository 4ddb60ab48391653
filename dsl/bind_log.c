/* dsl/bind_log.c — the `log` global: verify the record log and read a subject's history. */
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

/* log.history(subject) → the events of subject ('certificate:12'), oldest first, payload decoded */
static duk_ret_t log_history(duk_context *ctx) {
  const char *subject = bind_string_arg(ctx, 0, "subject", "log.history(subject)");
  static const char *const json_cols[] = {"payload", NULL};
  bind_query(ctx, "SELECT seq, as_of, wall, actor, kind, subject, payload FROM events WHERE subject = ?1 ORDER BY seq", 0,
             json_cols, 1, &subject);
  return 1;
}

/* log.stateOn(subject, date) → the subject's state as recorded by its last event with as_of <= date, or null */
static duk_ret_t log_state_on(duk_context *ctx) {
  const char *params[2];
  params[0] = bind_string_arg(ctx, 0, "subject", "log.stateOn(subject, date)");
  bind_date_arg(ctx, 1, "log.stateOn(subject, date)", "date");
  params[1] = duk_get_string(ctx, 1);
  static const char *const json_cols[] = {"state", NULL};
  bind_query(ctx, "SELECT seq, as_of, kind, json_extract(payload, '$.state') AS state FROM events"
                  " WHERE subject = ?1 AND as_of <= ?2 ORDER BY seq DESC LIMIT 1", 1, json_cols, 2, params);
  if (duk_is_null(ctx, -1)) return 1;
  duk_get_prop_string(ctx, -1, "state");
  return 1;
}

static const duk_function_list_entry log_funcs[] = {
  {"verify", log_verify_js, 0},
  {"history", log_history, 1},
  {"stateOn", log_state_on, 2},
  {NULL, NULL, 0}};

void bind_log_open(duk_context *ctx) { bind_namespace(ctx, "log", log_funcs); }
