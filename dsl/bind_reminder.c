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

/* reminder.record(items) → items recorded; items: [{uid, fp, …}], each logged as a
 * `reminder.reported` event with subject 'reminder:UID', all in one transaction */
static duk_ret_t reminder_record_js(duk_context *ctx) {
  const char *fn = "reminder.record(items)";
  if (!duk_is_array(ctx, 0)) host_throw(ctx, "invalid", "items", "%s: items must be an array of {uid, fp, …}", fn);
  duk_size_t n = duk_get_length(ctx, 0);
  if (n > 10000000) host_throw(ctx, "invalid", "items", "%s: too many items (%lu)", fn, (unsigned long)n);
  /* validate and encode everything first (the strings stay on the value stack) */
  duk_idx_t base = duk_get_top(ctx);
  for (duk_size_t i = 0; i < n; i++) {
    duk_get_prop_index(ctx, 0, (duk_uarridx_t)i);
    if (!duk_is_object(ctx, -1) || duk_is_array(ctx, -1))
      host_throw(ctx, "invalid", "items", "%s: item %lu must be an object {uid, fp, …}", fn, (unsigned long)i);
    duk_idx_t obj = duk_get_top_index(ctx);
    bind_prop_string(ctx, obj, "uid", 1, fn);
    bind_prop_string(ctx, obj, "fp", 1, fn);
    duk_pop_2(ctx);
    duk_json_encode(ctx, obj); /* at base + i */
  }
  ReminderItem *items = n ? calloc(n, sizeof *items) : NULL;
  if (n && !items) host_throw(ctx, "nomem", "", "%s: out of memory", fn);
  for (duk_size_t i = 0; i < n; i++) {
    duk_get_prop_index(ctx, 0, (duk_uarridx_t)i);
    duk_get_prop_string(ctx, -1, "uid");
    items[i].uid = duk_get_string(ctx, -1);
    duk_get_prop_string(ctx, -2, "fp");
    items[i].fingerprint = duk_get_string(ctx, -1);
    items[i].payload_json = duk_get_string(ctx, base + (duk_idx_t)i);
    duk_pop_3(ctx); /* the item object stays referenced from the array, so its strings live */
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
