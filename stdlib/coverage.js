// stdlib/coverage.js — `certsh test --coverage` (issue 15): which bands, grade levels, deadlines
// and guards of each scheme the tests reach. Each test file runs in a heap of its own: start()
// watches the Schemes' rules there (dsl/scheme.js observe), dump() hands what was reached to the
// runner as JSON, and report(dumps) merges the files' dumps into one report.
'use strict';

var seen = null; // 'id@version' → {all: [key], hit: {key: n}}

// universe(s) → the keys a scheme's tests can reach: each band row, level and deadline (and its
// exceptions), and each guard of the transitions the scheme states (refused at least once)
function universe(s) {
  var d = s.definition, keys = [];
  var md = d.manDays;
  if (md && typeof md === 'object' && md.table && Array.isArray(md.table.rows)) {
    md.table.rows.forEach(function (r) { keys.push('band ' + r[0] + '-' + r[1]); });
    if (md.table.beyond) keys.push('band beyond ' + md.table.rows[md.table.rows.length - 1][1]);
  }
  var g = d.grade;
  if (g && typeof g === 'object' && Array.isArray(g.levels)) {
    g.levels.forEach(function (l) { keys.push('level ' + l.level); });
    keys.push('level ' + g.fail + ' (fail)');
  }
  Object.keys(d.deadlines && typeof d.deadlines === 'object' ? d.deadlines : {}).forEach(function (k) {
    keys.push('deadline ' + k);
    Object.keys(d.deadlines[k].exceptions || {}).forEach(function (x) { keys.push('deadline ' + k + ' except ' + x); });
  });
  Object.keys((d.workflow && d.workflow.transitions) || {}).forEach(function (t) {
    ((s.workflow.transitions[t] || {}).guards || []).forEach(function (gd) { keys.push('guard ' + t + '/' + gd.code + ' refuses'); });
  });
  return keys;
}

// reached(s, rule, args, r) → the keys one rule result reaches
function reached(s, rule, args, r) {
  var d = s.definition, out = [];
  if (rule === 'manDays' && d.manDays && d.manDays.table && args[0] && typeof args[0].employees === 'number') {
    var rows = d.manDays.table.rows, n = args[0].employees, hit = null;
    rows.forEach(function (row) { if (n >= row[0] && n <= row[1]) hit = 'band ' + row[0] + '-' + row[1]; });
    out.push(hit || 'band beyond ' + rows[rows.length - 1][1]);
  } else if (rule === 'grade' && r && d.grade && typeof d.grade === 'object') {
    out.push(r.pass ? 'level ' + r.level : 'level ' + d.grade.fail + ' (fail)');
  } else if (rule === 'deadline' && r) {
    out.push('deadline ' + args[0] + (r.exception ? ' except ' + r.exception : ''));
  } else if (rule === 'transition' && r) {
    (r.refusals || []).forEach(function (x) { out.push('guard ' + args[0] + '/' + x.code + ' refuses'); });
  }
  return out;
}

// record(s, rule, args, r): what one rule call reached
function record(s, rule, args, r) {
  var k = String(s), e = seen[k] || (seen[k] = { all: universe(s), hit: {} });
  reached(s, rule, args, r).forEach(function (x) { e.hit[x] = (e.hit[x] || 0) + 1; });
}

// start(): watch every rule call of this heap
function start() {
  seen = {};
  require('dsl/scheme').observe(record);
}

// dump() → JSON of what this heap's tests reached
function dump() { return JSON.stringify(seen || {}); }

// report(text) → the report of the dumps (one JSON per line): per scheme, what no test reached
function report(text) {
  var all = {};
  String(text).split('\n').forEach(function (line) {
    if (!line) return;
    var d = JSON.parse(line);
    Object.keys(d).forEach(function (k) {
      var e = all[k] || (all[k] = { all: d[k].all, hit: {} });
      Object.keys(d[k].hit).forEach(function (x) { e.hit[x] = (e.hit[x] || 0) + d[k].hit[x]; });
    });
  });
  var lines = ['coverage: what the tests reached of each scheme (bands, levels, deadlines, guards refusing)'];
  Object.keys(all).sort().forEach(function (k) {
    var e = all[k], missed = e.all.filter(function (x) { return !e.hit[x]; });
    lines.push(k + ': ' + (e.all.length - missed.length) + ' of ' + e.all.length + ' reached' + (missed.length ? '; not reached:' : ''));
    missed.forEach(function (x) { lines.push('  ' + x); });
  });
  return lines.join('\n');
}

exports.start = start;
exports.dump = dump;
exports.report = report;
exports.universe = universe;
