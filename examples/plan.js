// examples/plan.js — the body's audit plan for a period: who audits where, when, for how many
// man-days (issue 12). Each coming surveillance and recertification of the live certificates whose
// window is open some day of the period, with the scheme's man-days and a proposed team.
//
//   certsh [--as-of DATE] [-o FILE] run examples/plan.js [--from DATE] [--to DATE] [--format table|csv|ics]
//
// Default: the quarter starting on the as-of date. Writes nothing to the register.
'use strict';

var ical = require('stdlib/ical');
var USAGE = 'usage: certsh [--as-of DATE] run examples/plan.js [--from DATE] [--to DATE] [--format table|csv|ics]';

// usage(message): stop with a usage error naming what was wrong
function usage(message) { var e = new Error(message + '\n' + USAGE); e.code = 'usage'; throw e; }

var o = { from: today(), to: null, format: 'table' };
(function parse(list) {
  for (var i = 0; i < list.length; i++) {
    var k = list[i], v = list[i + 1];
    if (k !== '--from' && k !== '--to' && k !== '--format') usage("unknown argument '" + k + "'");
    if (v === undefined) usage(k + ' needs a value');
    if (k === '--format' && ['table', 'csv', 'ics'].indexOf(v) < 0) usage("--format '" + v + "' must be table, csv or ics");
    if (k !== '--format' && !date.isValid(v)) usage(k + " '" + v + "' must be a date YYYY-MM-DD");
    o[k.slice(2)] = v;
    i++;
  }
})(typeof args === 'undefined' ? [] : args);
o.to = o.to || date.addDays(date.addMonths(o.from, 3), -1);

var rows = q.plan(o.from, o.to);
var COLUMNS = [{ key: 'opens', title: 'opens' }, { key: 'latest', title: 'latest' }, { key: 'audit', title: 'audit' },
  { key: 'certificate', title: 'certificate' }, { key: 'holder', title: 'holder' }, { key: 'manDays', title: 'man-days' }, { key: 'team', title: 'team' },
  { key: 'sites', title: 'sites' }];
if (o.format === 'table') {
  print('Audit plan ' + o.from + ' to ' + o.to + ': ' + rows.length + ' audits');
  if (rows.length) print(format.table(rows, COLUMNS, { max: 30 }));
} else if (o.format === 'csv') {
  print(format.csv(rows, COLUMNS.concat([{ key: 'due', title: 'due' }])).replace(/\n$/, ''));
} else {
  print(ical.header({ name: 'certsh audit plan ' + o.from + ' to ' + o.to }).replace(/\n$/, ''));
  rows.forEach(function (r) {
    var ev = ical.event({ uid: 'plan-' + r.audit + '-' + (r.n || 'r') + '/' + r.certificate + '@certsh', date: r.opens, stamp: today(), categories: r.audit,
      summary: r.audit + (r.n ? ' ' + r.n : '') + ' — ' + r.certificate + ' ' + r.holder + (r.team ? ' (' + r.team + ')' : ''),
      description: 'window ' + r.opens + ' to ' + r.latest + ' (due ' + r.due + '), ' + (r.manDays === null ? 'man-days set by the team' : r.manDays + ' man-days') });
    print(ev.substring(0, ev.length - 1));
  });
  print(ical.footer().replace(/\n$/, ''));
}
undefined;
