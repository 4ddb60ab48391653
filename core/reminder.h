/* core/reminder.h — what the reminder job reported (examples/reminders.js --record): an event
 * `reminder.reported` per item in the record log, subject 'reminder:UID', so that a later run
 * reports only what is new or changed. The log is the only state: nothing else is written. */
#ifndef CERTSH_CORE_REMINDER_H
#define CERTSH_CORE_REMINDER_H

#include "core/db.h"

/* One reported item: its stable uid and a fingerprint of what was said (date, state). */
typedef struct ReminderItem {
  const char *uid;
  const char *fingerprint;
  const char *payload_json; /* the item as reported: {uid, fp, …} (JSON object text) */
} ReminderItem;

/* Record n reported items in one command; all or nothing. 0, or -1 with db->err. */
int reminder_record(Db *db, const ReminderItem *items, int n);

#endif
