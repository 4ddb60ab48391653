/* core/reminder.c — recording what the reminder job reported, in the record log only. */
#include "core/reminder.h"
#include "core/log.h"

#include <stdio.h>
#include <string.h>

/* Validate one item; 0 or -1 naming the field and the item. */
static int reminder_check(Db *db, const ReminderItem *it, int i) {
  if (!it->uid || !*it->uid || strlen(it->uid) > 200)
    return db_fail(db, "invalid", "uid", "item %d: uid must be text of 1 to 200 characters", i);
  if (!it->fingerprint || !*it->fingerprint)
    return db_fail(db, "invalid", "fp", "item %d (%s): fp (what was reported) is required", i, it->uid);
  if (!it->payload_json || it->payload_json[0] != '{')
    return db_fail(db, "invalid", "item", "item %d (%s): the item must be an object", i, it->uid);
  return 0;
}

int reminder_record(Db *db, const ReminderItem *items, int n) {
  for (int i = 0; i < n; i++)
    if (reminder_check(db, &items[i], i) < 0) return -1;
  if (db_begin(db) < 0) return -1;
  for (int i = 0; i < n; i++) {
    char subject[256];
    snprintf(subject, sizeof subject, "reminder:%s", items[i].uid);
    if (log_append(db, "reminder.reported", subject, items[i].payload_json) < 0) {
      CoreError keep = db->err;
      db_rollback(db);
      db->err = keep;
      return -1;
    }
  }
  return db_commit(db);
}
