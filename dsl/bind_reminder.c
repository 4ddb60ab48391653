/* dsl/bind_reminder.c — the `reminder` global: what the reminder job reported before, and
 * recording what it reports now (examples/reminders.js --record). */
#include "dsl/bind.h"
#include "core/reminder.h"

#include <stdlib.h>
#include <string.h>

/* reminder.recorded() → {uid: fp}: the last fingerprint recorded for each reminder uid */
static duk_ret_t reminder_recorded(duk_context *ctx) {
  bind_query(ctx, "SELECT substr(e.subject, 10) AS uid, json_extract(e.payload, '$.fp') AS fp FROM events e"
                  " JOIN (SELECT max(seq) AS seq FROM events WHERE subject >= 'reminder:' AND subject < 'reminder;'"
                  "       GROUP BY subject) l ON l.seq = e.seq", 0, NULL, 0, NULL);
  duk_push_object(ctx);
  duk_size_t n = duk_get_length(ctx, -2);
  for (duk_size_t i = 0; i < n; i++) {
    duk_get_prop_index(ctx, -2, (duk_uarridx_t)i);
    duk_get_prop_string(ctx, -1, "fp");
    duk_get_prop_string(ctx, -2, "uid");
    duk_swap_top(ctx, -2);
    duk_put_prop(ctx, -4);
    duk_pop(ctx);
  }
  return 1;
}

/* safe_call body over one item (the argument): leave uid, fp and the item's JSON on the stack
 * and point the ReminderItem at them. */
static duk_ret_t reminder_item_safe(duk_context *ctx, void *udata) {
  ReminderItem *it = udata;
  const char *fn = "reminder.record(items)";
  duk_idx_t item = duk_get_top_index(ctx); /* a safe_call has no frame of its own */
  it->uid = bind_prop_string(ctx, item, "uid", 1, fn);
  it->fingerprint = bind_prop_string(ctx, item, "fp", 1, fn);
  duk_dup(ctx, item);
  it->payload_json = duk_json_encode(ctx, -1);
  return 3;
}

/* reminder.record(items) → items recorded; items: [{uid, fp, …}], each logged as a
 * `reminder.reported` event with subject 'reminder:UID', all in one transaction */
static duk_ret_t reminder_record_js(duk_context *ctx) {
  const char *fn = "reminder.record(items)";
  if (!duk_is_array(ctx, 0)) host_throw(ctx, "invalid", "items", "%s: items must be an array of {uid, fp, …}", fn);
  duk_size_t n = duk_get_length(ctx, 0);
  if (n > 10000000) host_throw(ctx, "invalid", "items", "%s: too many items (%lu)", fn, (unsigned long)n);
  ReminderItem *items = n ? calloc(n, sizeof *items) : NULL;
  if (n && !items) host_throw(ctx, "nomem", "", "%s: out of memory", fn);
  /* validate and encode everything first; the strings used are the ones validated, and they
   * stay on the value stack (the items are plain copies: bind_plain_args) */
  for (duk_size_t i = 0; i < n; i++) {
    if (!duk_check_stack(ctx, 4)) { free(items); host_throw(ctx, "nomem", "", "%s: out of memory", fn); }
    duk_get_prop_index(ctx, 0, (duk_uarridx_t)i);
    if (!duk_is_object(ctx, -1) || duk_is_array(ctx, -1) || duk_is_function(ctx, -1)) {
      free(items);
      host_throw(ctx, "invalid", "items", "%s: item %lu must be an object {uid, fp, …}", fn, (unsigned long)i);
    }
    if (duk_safe_call(ctx, reminder_item_safe, items + i, 1, 3) != DUK_EXEC_SUCCESS) {
      free(items);
      duk_pop_2(ctx); /* the error is the first of the three results */
      (void)duk_throw(ctx);
    }
  }
  Host *h = host_of(ctx);
  int rc = reminder_record(&h->db, items, (int)n);
  free(items);
  if (rc < 0) host_throw_core(ctx, &h->db.err);
  duk_push_number(ctx, (double)n);
  return 1;
}

static const duk_function_list_entry reminder_funcs[] = {
  {"recorded", reminder_recorded, 0},
  {"record", reminder_record_js, 1},
  {NULL, NULL, 0}};

void bind_reminder_open(duk_context *ctx) { bind_namespace(ctx, "reminder", reminder_funcs); }
