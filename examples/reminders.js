// examples/reminders.js — the reminder job operations staff run from cron.
//
//   certsh [--as-of DATE] [--known-on DATE] [-o FILE] run reminders [--horizon DAYS]
//          [--format table|csv|json|ics] [--record] [--all] [--again DAYS]
//
// For the as-of date (default today) and a horizon (default 30 days) it lists, per certificate
// and citing the clause and scheme version of each: surveillance windows opening, closing soon
// or missed; recertification applications due and certificates expiring; open nonconformities
// nearing or past their correction deadline; suspensions nearing or past their limit and
// verified causes whose suspension is due; non-acceptance notices, appeal and complaint answers
// nearing their deadlines; R6.2 events not acted upon (cnas-ecommerce). On a past as-of date
// it answers from the register as it stood then, and with --known-on from only what had been
// recorded by that day (q.past).
//
// The items and their rules are stdlib/reminders, which q.surveillance, q.overdueFindings and
// q.suspensions read too: this job chooses, formats and records. In CSV the rows are printed by
// sqlPrint, so no JavaScript runs per reported row.
//
// Plan, then apply: a run reports what is new or changed since the items last recorded; with
// --record it also logs what it reported (reminder.record), without it nothing is written.
// An overdue item (its date before the as-of date) is reported again once its last record is
// --again DAYS old (default 1: daily; 0: every run) until the act it waits for is recorded
// and it leaves the register's answer: one lost mail loses nothing. A --record run holds the
// register's write lock from its first query to its record (one transaction), so overlapping
// runs take turns and never report the same item twice. --all reports everything, recorded or
// not. Exit 0 whatever was found.
'use strict';

var ical = require('stdlib/ical');

// ---- options --------------------------------------------------------------------------------

var USAGE = 'usage: certsh [--as-of DATE] [-o FILE] run reminders [--horizon DAYS] ' +
  '[--format table|csv|json|ics] [--record] [--all] [--again DAYS]';

// usage(message): stop with a usage error naming what was wrong.
function usage(message) {
  var err = new Error(message + '\n' + USAGE);
  err.code = 'usage';
  throw err;
}

// parseArgs(list) → {horizon, format, record, all, again}
function parseArgs(list) {
  var o = { horizon: 30, format: 'table', record: false, all: false, again: 1 };
  for (var i = 0; i < list.length; i++) {
    var a = list[i], eq = a.indexOf('='), name = eq > 0 ? a.substring(0, eq) : a;
    var value = eq > 0 ? a.substring(eq + 1) : list[i + 1];
    if (name === '--horizon' || name === '--format' || name === '--again') {
      if (value === undefined) usage(name + ' needs a value');
      if (eq < 0) i++;
      if (name === '--horizon' || name === '--again') {
        if (!/^\d{1,4}$/.test(value)) usage(name + ' \'' + value + '\' must be a whole number of days from 0 to 9999');
        o[name.substring(2)] = Number(value);
      } else {
        if (['table', 'csv', 'json', 'ics'].indexOf(value) < 0) usage('--format \'' + value + '\' must be table, csv, json or ics');
        o.format = value;
      }
    } else if (a === '--record') o.record = true;
    else if (a === '--all') o.all = true;
    else usage('unknown argument \'' + a + '\'' + (/^--(as-of|known-on|db|timeout|mem|lib|output)$|^-o$/.test(name) ?
      ' (' + name + ' is an option of certsh itself: give it before run, e.g. certsh ' + name + ' VALUE run reminders)' : ''));
  }
  return o;
}

var opts = parseArgs(typeof args === 'undefined' ? [] : args);
var asOf = today();
var reminders = require('stdlib/reminders');
// on a past --as-of, or --known-on, the register's tables as they stood then (q.past); '' for today
// (a table or CSV prints each item's reasons as its clause and text: its answers need no more)
var run = new reminders.Run({ asOf: asOf, horizon: opts.horizon, past: q.past(reminders.TABLES),
  reasons: opts.format === 'csv' || opts.format === 'table' ? 'text' : opts.format === 'ics' ? 'lines' : 'list' });

// AGAIN: the last record date after which an overdue item is reported again (--again days ago).
var AGAIN = date.addDays(asOf, -opts.again);

// FRESH: an item is to be reported when it was never recorded, when its date or state differ
// from those it was last recorded with, or when it is overdue and was last recorded on or
// before AGAIN. (Dates are YYYY-MM-DD from date.addDays and today(): safe in the SQL text.)
var FRESH = 'NOT EXISTS (SELECT 1 FROM (SELECT json_extract(e.payload, \'$.fp\') AS fp, e.as_of AS at FROM events e' +
  ' WHERE e.subject = \'reminder:\' || uid ORDER BY e.seq DESC LIMIT 1) last' +
  ' WHERE last.fp = json_extract(answer, \'$.date\') || \'|\' || json_extract(answer, \'$.state\')' +
  ' AND NOT (json_extract(answer, \'$.date\') < \'' + asOf + '\' AND last.at <= \'' + AGAIN + '\'))';

// fresh(uid, date, state) → FRESH for an item computed in JavaScript (the required actions).
function fresh(uid, d, state) {
  var last = sql('SELECT json_extract(payload, \'$.fp\') AS fp, as_of AS at FROM events WHERE subject = ? ORDER BY seq DESC LIMIT 1', 'reminder:' + uid);
  return !last.length || last[0].fp !== d + '|' + state || (d < asOf && last[0].at <= AGAIN);
}

// requiredActions() → the pending required actions (stdlib/reminders, from stdlib/actions) and the regulatory
// reports due (the CNCA month by the 10th, once the body's profile is set), leaving
// out those not fresh (as FRESH) unless --all.
function requiredActions() {
  return run.actions().concat(run.reports()).filter(function (a) { return opts.all || fresh(a.uid, a.date, a.state); });
}

// ---- output ---------------------------------------------------------------------------------

var COLUMNS = [
  { key: 'date', title: 'date' }, { key: 'days', title: 'days' }, { key: 'state', title: 'state' },
  { key: 'what', title: 'what' }, { key: 'certificate', title: 'certificate' }, { key: 'holder', title: 'holder' },
  { key: 'rule', title: 'scheme' }, { key: 'clause', title: 'clause' }
];
// CSV: the table's columns, then uid, kind (surveillance, correction, R6.2, action …), due (the
// last day for the act: a surveillance window's latest day, else the item's date) and why; sql:
// the column in the job's query (the rows sqlPrint writes)
var DUE_SQL = 'coalesce(json_extract(answer, \'$.latest\'), json_extract(answer, \'$.due\'), date)';
var CSV_COLUMNS = COLUMNS.concat([{ key: 'uid', title: 'uid' }, { key: 'kind', title: 'kind' },
  { key: 'due', title: 'due', sql: DUE_SQL }, { key: 'text', title: 'why' }]);

var CSV_QUOTED = /[",\r\n]/;

// csvField(v) → v as an RFC 4180 field: quoted when it holds a comma, quote or line end.
function csvField(v) {
  var t = v === undefined || v === null ? '' : String(v);
  return CSV_QUOTED.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
}

var toRecord = [], emitted = 0, answers = {};

// JSON_KEYS: the columns emit reads for JSON (the others are not fetched: a reason's text is a
// JSON extract and a long text per row); CSV here only with --record, every column
var JSON_KEYS = ['uid', 'kind', 'what', 'state', 'date', 'days', 'certificate', 'holder', 'scheme', 'version', 'answer'];

// keep(row): with --record, what is recorded of a reported item
function keep(row) {
  if (opts.record) toRecord.push({ uid: row.uid, fp: row.date + '|' + row.state, kind: row.kind, date: row.date, state: row.state, certificate: row.certificate });
}

// emit(row): one item of report()'s rows as CSV (only when --record) or JSON.
function emit(row) {
  keep(row);
  emitted++;
  var ans = answers[row.answer] || (answers[row.answer] = JSON.parse(row.answer)); // items share answers
  var due = ans.latest || ans.due || row.date;
  if (opts.format === 'csv') print(CSV_COLUMNS.map(function (c) { return csvField(c.key === 'text' ? row.text : c.key === 'due' ? due : row[c.key]); }).join(','));
  else {
    if (emitted === 1) print('[');
    print((emitted === 1 ? '' : ',') + JSON.stringify({
      uid: row.uid, kind: row.kind, what: row.what, state: row.state, date: row.date, due: due, days: row.days,
      certificate: row.certificate, holder: row.holder, scheme: row.scheme, version: row.version, why: ans.why
    }));
  }
}

// ---- the run --------------------------------------------------------------------------------

// WINDOW: the rows a table aligns at a time. A report of up to WINDOW items is one table; a longer
// one is printed as tables of WINDOW rows, each aligned on its own, so that the job's memory does
// not grow with the report (the rows come sorted by date from SQLite, run.sorted).
var WINDOW = 1000;

// table(): the report as an aligned table sorted by date, its items counted in the title, or,
// past WINDOW items, in tables of WINDOW rows and counted after the last.
function table() {
  var title = 'Reminders as of ' + asOf + ', horizon ' + opts.horizon + ' days' + (opts.all ? '' : ' (new or changed since last recorded)');
  var rows = [], windows = 0;
  // flush(): print the rows held as one table
  function flush() {
    if (windows++ === 0) print(title + ': more than ' + WINDOW + ' items, in tables of ' + WINDOW + ' rows');
    else print('');
    print(format.table(rows, COLUMNS, { max: 36 }));
    rows = [];
  }
  run.each(reminders.SECTIONS, function (sections) {
    var q = run.sorted(sections, opts.all ? null : FRESH, requiredActions(), COLUMNS.map(function (c) { return c.key; }).concat(opts.record ? ['uid', 'kind'] : ['uid'])); // uid: the order's tie-break
    sqlEach(q.sql, q.params, function (row) {
      if (opts.record) toRecord.push({ uid: row.uid, fp: row.date + '|' + row.state, kind: row.kind, date: row.date, state: row.state, certificate: row.certificate });
      emitted++;
      if (rows.length === WINDOW) flush();
      rows.push(row);
    });
  });
  if (!windows) {
    print(title + ': ' + rows.length + ' items');
    if (rows.length) print(format.table(rows, COLUMNS, { max: 36 }));
  } else {
    flush();
    print(emitted + ' items');
  }
  if (run.skipped.length) print('Not checked: ' + run.skipped.join('; '));
  if (opts.record && toRecord.length) reminder.record(toRecord);
}

// writeEvents(sql, params): the calendar's event of each row of sql (run.query's columns, or the
// required actions' as json_each gives them), in the rows' order, each made by SQLite
// (ical.eventSql, the reasons' lines from the answer) and written by sqlWrite; with --record each
// also kept as it is printed
var icsEvent = null;
function writeEvents(sql, params) {
  icsEvent = icsEvent || ical.eventSql({ uid: 'uid || \'@certsh\'', date: 'date', stamp: asOf, categories: 'kind',
    summary: 'what || \' — \' || coalesce(certificate, \'\') || \' \' || coalesce(holder, \'\')',
    description: 'state || \' (\' || rule || \')\' || char(10) || coalesce(json_extract(answer, \'$.lines\'), \'\')' });
  if (!opts.record) {
    emitted += sqlWrite('SELECT ' + icsEvent + ' FROM (' + sql + ')', params);
    return;
  }
  sqlEach('SELECT uid, kind, date, state, certificate, ' + icsEvent + ' AS event FROM (' + sql + ')', params, function (row) {
    keep(row);
    emitted++;
    print(row.event.replace(/\r\n$/, '\r')); // print ends the line
  });
}

// ICS_EXTRA: the required actions (JSON, ?1) as rows of run.query's columns, in their order
var ICS_EXTRA = 'SELECT ' + ['uid', 'kind', 'date', 'state', 'what', 'certificate', 'holder', 'rule', 'answer'].map(function (c) {
  return 'json_extract(value, \'$.' + c + '\') AS ' + c; }).join(', ') + ' FROM json_each(?1) ORDER BY key';

// report(): the whole run, from the first query to the record of what it reported
function report() {
  if (opts.format === 'ics') {
    print(ical.header({ name: 'certsh reminders ' + asOf }).replace(/\n$/, ''));
    ical.defineSql(); // writeEvents' functions
  }
  if (opts.format === 'csv') print(CSV_COLUMNS.map(function (c) { return c.title; }).join(','));
  if (opts.format === 'table') return table();
  run.each(reminders.SECTIONS, function (sections) {
    sections.forEach(function (section) {
      var query = run.query(section, opts.all ? null : FRESH);
      if (opts.format === 'csv' && !opts.record) // printed by SQLite: no JavaScript per row
        emitted += sqlPrint('SELECT ' + CSV_COLUMNS.map(function (c) { return c.sql || c.key; }).join(', ') + ' FROM (' + query.sql + ')', query.params);
      else if (opts.format === 'ics') writeEvents(query.sql, query.params); // each event made and written in C
      else sqlEach(opts.format === 'csv' ? query.sql : 'SELECT ' + JSON_KEYS.join(', ') + ' FROM (' + query.sql + ')', query.params, emit);
    });
  });
  if (opts.format === 'ics') writeEvents(ICS_EXTRA, [JSON.stringify(requiredActions())]);
  else requiredActions().forEach(emit);

  if (opts.format === 'json') {
    print(emitted ? ']' : '[]');
  } else if (opts.format === 'ics') {
    print(ical.footer().replace(/\n$/, ''));
  }
  if (opts.record && toRecord.length) reminder.record(toRecord);
}

// With --record, one transaction: its write lock (BEGIN IMMEDIATE) is taken before the first
// query, so an overlapping --record run waits and then sees what this one recorded.
if (opts.record) transaction(report);
else report();
undefined;
