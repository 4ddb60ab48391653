// stdlib/ical.js — iCalendar (RFC 5545) text for deadlines: one all-day VEVENT per deadline,
// stable UIDs, TEXT values escaped (§3.3.11), lines folded at 75 octets without splitting a
// UTF-8 character (§3.1), CRLF line ends. Chinese text passes intact.
'use strict';

// fold(line) → the content line folded: at most 75 octets a line, continuations begin with a
// space, lines joined by CRLF (RFC 5545 §3.1); the octets counted in C (core.ical.fold).
function fold(line) { return core.ical.fold(line); }

// text(value) → value escaped as an iCalendar TEXT: backslash, semicolon, comma, newline (in C: core.ical.text).
function text(value) { return core.ical.text(textOf(value)); }

// basicDate('YYYY-MM-DD') → 'YYYYMMDD'; throws {code:'invalid', field} on anything else.
function basicDate(d, field) {
  if (typeof d !== 'string' || !date.isValid(d)) {
    var err = new Error('ical: ' + field + ' must be a date \'YYYY-MM-DD\', got ' + JSON.stringify(d));
    err.code = 'invalid';
    err.field = field;
    throw err;
  }
  return d.substring(0, 4) + d.substring(5, 7) + d.substring(8);
}

// ical.header({name, prodid}) → the lines opening a calendar (ends with CRLF).
function header(opts) {
  opts = opts || {};
  var lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:' + (opts.prodid || '-//certsh//reminders//EN'), 'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH'];
  if (opts.name) lines.push('X-WR-CALNAME:' + text(opts.name));
  return lines.map(fold).join('\r\n') + '\r\n';
}

// ical.footer() → the line closing a calendar (ends with CRLF).
function footer() { return 'END:VCALENDAR\r\n'; }

// ical.event({uid, date, summary, description, stamp, categories}) → one all-day VEVENT on
// `date` (DTEND the next day), stamped `stamp` (a date; makes the output reproducible), as
// folded lines ending with CRLF.
function event(e) {
  var c = component(e);
  return core.ical.lines(c[0], c[1]); // escaped, folded and ended with CRLF in C, in one call
}

// ical.printEvent(e): what print(ical.event(e)) prints less its last line end (the event's own
// CRLF ends it), written by C without making the event's text (a job prints one per reminder)
function printEvent(e) {
  var c = component(e);
  core.ical.write(c[0], c[1]);
}

// ical.eventSql(e) → an SQL expression giving the text ical.event(e) gives, e's uid, date,
// summary, description and categories SQL expressions over a query's columns (stamp a date, as
// for ical.event; description and categories written only when not empty, as there): for a
// query that writes its events with sqlWrite, no JavaScript per event. The lines component(e)
// makes, from the same TEXT_PROPERTIES and END_LINES, checked and made in C (ical.defineSql()
// defines certsh_ical_lines, certsh_ical_date and certsh_ical_uid for the queries that follow).
function eventSql(e) {
  var args = ['\'BEGIN:VEVENT\'', 'NULL', '\'UID:\'', 'certsh_ical_uid(' + e.uid + ')', '\'' + stampLine(e.stamp) + '\'', 'NULL', // the stamp checked: digits
    '\'DTSTART;VALUE=DATE:\' || certsh_ical_date(' + e.date + ', \'date\', 0)', 'NULL',
    '\'DTEND;VALUE=DATE:\' || certsh_ical_date(' + e.date + ', \'date\', 1)', 'NULL'];
  TEXT_PROPERTIES.forEach(function (p) {
    var value = e[p.key];
    if (!p.optional) args.push('\'' + p.head + '\'', 'coalesce(' + value + ', \'\')');
    else if (value !== undefined && value !== null) args.push('CASE WHEN coalesce(' + value + ', \'\') <> \'\' THEN \'' + p.head + '\' END', value);
  });
  return 'certsh_ical_lines(' + args.concat(END_LINES.map(function (h) { return '\'' + h + '\', NULL'; })).join(', ') + ')';
}

// ical.defineSql(): defines eventSql's functions on the register's connection (call it before the query)
function defineSql() { core.ical.defineSql(); }

// component(e) → [heads, values] of ical.event(e)'s lines, e checked
function component(e) {
  if (!e || typeof e.uid !== 'string' || !e.uid) {
    var err = new Error('ical.event({uid, date, summary, …}): uid must be non-empty text, got ' + JSON.stringify(e && e.uid));
    err.code = 'invalid';
    err.field = 'uid';
    throw err;
  }
  var day = dayLines(e.date);
  var heads = ['BEGIN:VEVENT', 'UID:', stampLine(e.stamp), day.start, day.end];
  var values = [null, e.uid, null, null, null];
  for (var i = 0; i < TEXT_PROPERTIES.length; i++) {
    var p = TEXT_PROPERTIES[i];
    if (!p.optional || e[p.key]) { heads.push(p.head); values.push(textOf(e[p.key])); }
  }
  return [heads.concat(END_LINES), values.concat(END_VALUES)];
}

// An event's TEXT properties after its dates, in order (an optional one written only when not
// empty), then its closing lines: component and eventSql make the same lines from them
var TEXT_PROPERTIES = [{ head: 'SUMMARY:', key: 'summary' }, { head: 'DESCRIPTION:', key: 'description', optional: true },
  { head: 'CATEGORIES:', key: 'categories', optional: true }];
var END_LINES = ['TRANSP:TRANSPARENT', 'END:VEVENT'];
var END_VALUES = END_LINES.map(function () { return null; }); // a closing line has no text value

// dayLines(date) → the DTSTART and DTEND lines of an event on date (DTEND the next day), and
// stampLine(date) the DTSTAMP line: made once per date and kept (a job prints thousands of events
// on a few hundred dates), each date checked by basicDate before it is kept
var DAY_LINES = {}, STAMP_LINES = {};
function dayLines(d) {
  var got = typeof d === 'string' ? DAY_LINES['$' + d] : undefined;
  if (got) return got;
  var day = basicDate(d, 'date');
  return (DAY_LINES['$' + d] = { start: 'DTSTART;VALUE=DATE:' + day, end: 'DTEND;VALUE=DATE:' + basicDate(date.addDays(d, 1), 'date') });
}
function stampLine(d) {
  var got = typeof d === 'string' ? STAMP_LINES['$' + d] : undefined;
  return got || (STAMP_LINES['$' + d] = 'DTSTAMP:' + basicDate(d, 'stamp') + 'T000000Z');
}

// textOf(value) → value as the text a TEXT property holds (null and undefined: empty)
function textOf(value) { return String(value === undefined || value === null ? '' : value); }

module.exports = { fold: fold, text: text, header: header, event: event, printEvent: printEvent, eventSql: eventSql, defineSql: defineSql, footer: footer };
