// stdlib/lifecycle.js — the periods and lists a scheme declares: deadlines in calendar days,
// months or working days, the surveillance programme, coded causes, eligibility checks and
// required contents (the workflow itself is stdlib/workflow.js). Each check* returns problems
// [{field, message}]; the other functions compute with cite(clause, text).
'use strict';

var bands = require('stdlib/bands');
var fail = bands.fail, checkClause = bands.checkClause;

// problem(list, field, message)
function problem(list, field, message) { list.push({ field: field, message: message }); }

// ---- deadlines -------------------------------------------------------------------------------

// The names of the deadlines the register asks for.
var DEADLINES = ['nonAcceptanceNotice', 'correction', 'suspendWithin', 'suspensionLimit', 'withdrawWithin',
  'appealAnswer', 'complaintAnswer', 'recertApplication'];
var UNITS = ['days', 'months', 'workingDays', 'monthsBefore'];

// checkDeadlines(d, field) → problems; each rule {days|months|workingDays|monthsBefore: n,
// clause, text, exceptions: {name: {causes: [cause code…], clause, text}}}: an exception lifts the
// period for the causes it lists (e.g. a suspension for a licence under renewal)
function checkDeadlines(d, field) {
  var list = [];
  Object.keys(d || {}).forEach(function (name) {
    var r = d[name], f = field + '.' + name;
    if (DEADLINES.indexOf(name) < 0) problem(list, f, "unknown deadline '" + name + "' (known: " + DEADLINES.join(', ') + ')');
    checkClause(r, f, list);
    var units = UNITS.filter(function (u) { return r && r[u] !== undefined; });
    if (units.length !== 1) problem(list, f, 'must give exactly one of ' + UNITS.join(', '));
    else if (typeof r[units[0]] !== 'number' || r[units[0]] <= 0 || r[units[0]] !== Math.floor(r[units[0]])) problem(list, f + '.' + units[0], 'must be a whole number > 0');
    Object.keys((r && r.exceptions) || {}).forEach(function (x) {
      checkClause(r.exceptions[x], f + '.exceptions.' + x, list);
      var c = r.exceptions[x] && r.exceptions[x].causes;
      if (!Array.isArray(c) || !c.length || c.some(function (k) { return typeof k !== 'string'; })) problem(list, f + '.exceptions.' + x + '.causes', 'must list the cause codes the exception applies to');
    });
  });
  return list;
}

// when(rule, from, cite) → {date, why}: the date the rule's period ends, counted from `from`
// (the day of the event not counted: Civil Code Art. 201; months end on the same day of the
// month, or its last day when it has none: Art. 202)
function when(rule, from, cite) {
  var d, how;
  if (rule.days !== undefined) { d = date.addDays(from, rule.days); how = rule.days + ' days after ' + from; }
  else if (rule.months !== undefined) { d = date.addMonths(from, rule.months); how = rule.months + ' months after ' + from + ' (a month without that day ends on its last day, Civil Code Art. 202)'; }
  else if (rule.workingDays !== undefined) {
    var w = calendar.deadline(from, rule.workingDays);
    return { date: w.date, why: [cite(rule.clause, (rule.text ? rule.text + ': ' : '') + rule.workingDays + ' working days after ' + from + ' → ' + w.date)].concat(w.why) };
  } else { d = date.addMonths(from, -rule.monthsBefore); how = rule.monthsBefore + ' months before ' + from; }
  return { date: d, why: [cite(rule.clause, (rule.text ? rule.text + ': ' : '') + how + ' → ' + d)] };
}

// deadline(d, name, from, {cause}, cite) → {date, why}; null when the scheme states no such
// deadline; {date: null, exception, why} when an exception listing the cause code lifts it
function deadline(d, name, from, opts, cite) {
  var fn = 'deadline(name, from, {cause})';
  if (DEADLINES.indexOf(name) < 0) throw fail('invalid', 'name', fn + ": unknown deadline '" + name + "' (known: " + DEADLINES.join(', ') + ')');
  date.check(from, 'from');
  opts = bands.fields(opts === undefined ? {} : opts, ['cause'], [], fn);
  var rule = d[name];
  if (!rule) return null;
  var ex = rule.exceptions || {};
  var keys = Object.keys(ex);
  for (var i = 0; i < keys.length; i++) {
    if (opts.cause !== undefined && ex[keys[i]].causes.indexOf(opts.cause) >= 0) {
      return { date: null, exception: keys[i], why: [cite(rule.clause, (rule.text ? rule.text + ': ' : '') + 'except for cause ' + opts.cause), cite(ex[keys[i]].clause, ex[keys[i]].text)] };
    }
  }
  return when(rule, from, cite);
}

// deadlineBounds(d, name) → {minDays, maxDays}: the fewest and most calendar days after its
// start that deadline `name` can end (months by Civil Code Art. 202; working days at least as
// many calendar days, with no upper bound the rule's data gives: maxDays null; monthsBefore as
// negative days), for a job to pick its candidates in SQL; null when the scheme states no such
// deadline. An exception that lifts the period is not a bound: the rule says so per cause.
function deadlineBounds(d, name) {
  if (DEADLINES.indexOf(name) < 0) throw fail('invalid', 'name', "deadlineBounds(name): unknown deadline '" + name + "' (known: " + DEADLINES.join(', ') + ')');
  var r = d[name];
  if (!r) return null;
  if (r.days !== undefined) return { minDays: r.days, maxDays: r.days };
  if (r.months !== undefined) { var m = monthSpan(r.months); return { minDays: m[0], maxDays: m[1] }; }
  if (r.workingDays !== undefined) return { minDays: r.workingDays, maxDays: null };
  var b = monthSpan(r.monthsBefore);
  return { minDays: -b[1], maxDays: -b[0] };
}

// ---- surveillance ----------------------------------------------------------------------------

// A programme: {count, clause, first: {from: 'decision'|'initialAudit', opensMonths?, dueMonths,
// clause, text}, next: {opensMonths?, dueMonths, latestMonths?, latestClause?, latestText?,
// latestNeedsApproval?, withinCalendarYear?, clause, text}, calendarYear: {clause, text}?,
// notes: [{clause, text}]}. latestNeedsApproval: the later limit holds only for a window whose
// extension was approved and recorded (input.extensions: [{n, reason, by, approvedBy, date}]);
// calendarYear: after the first, at least one surveillance in each calendar year except the
// recertification year (the year the certificate expires).

// checkSurveillance(s, field) → problems
function checkSurveillance(s, field) {
  var list = [];
  if (!s || typeof s !== 'object') { problem(list, field, 'must be a surveillance programme {count, first, next}'); return list; }
  checkClause(s, field, list);
  if (typeof s.count !== 'number' || s.count < 1) problem(list, field + '.count', 'must be the number of surveillance audits per cycle');
  ['first', 'next'].forEach(function (k) {
    var w = s[k], f = field + '.' + k;
    if (!w) { problem(list, f, 'must give the window {dueMonths, clause}'); return; }
    checkClause(w, f, list);
    if (typeof w.dueMonths !== 'number' || w.dueMonths <= 0) problem(list, f + '.dueMonths', 'must be a number of months > 0');
    if (w.opensMonths !== undefined && !(w.opensMonths >= 0 && w.opensMonths <= w.dueMonths)) problem(list, f + '.opensMonths', 'must be between 0 and dueMonths: thresholds out of order');
    if (w.latestMonths !== undefined && !(w.latestMonths >= w.dueMonths)) problem(list, f + '.latestMonths', 'must be ≥ dueMonths: thresholds out of order');
    if (w.latestMonths !== undefined && !w.latestClause) problem(list, f + '.latestClause', 'a rule without a clause: cite the clause of the extension');
  });
  if (s.first && s.first.from !== 'decision' && s.first.from !== 'initialAudit') problem(list, field + '.first.from', "must be 'decision' or 'initialAudit'");
  (s.notes || []).forEach(function (n, i) { checkClause(n, field + '.notes[' + i + ']', list); });
  if (s.calendarYear !== undefined) checkClause(s.calendarYear, field + '.calendarYear', list);
  if (s.next && s.next.latestNeedsApproval && !s.next.latestMonths) problem(list, field + '.next.latestNeedsApproval', 'an approval of what? give latestMonths, the limit an approved extension reaches');
  return list;
}

// surveillance(p, input, expiryOf, cite) → {next, windows, why}: the windows of input's cycle
// {decisionDate, expires, audits, asOf, extensions} under programme p, computed in C
// (dsl/bind_lifecycle.c, issue 17: in JavaScript it took 20-37 µs a call) with the messages and
// texts it had here. expiryOf(decisionDate) → the last valid day when input gives no expires;
// each why step is cite(clause, text), or, when cite is a stamp {scheme, version} (what a Scheme's
// own cite adds, as stdlib/bands.js takes it), made in C without calling back.
function surveillance(p, input, expiryOf, cite) { return core.lifecycle.surveillance(p, expiryOf, cite, input); }

// nextWindow(p, decisionDate, expires, asOf, audits, approved) → {n, opens, due, latest, end, status},
// or null when every surveillance of the cycle is done: surveillance()'s next, computed by the same C
// (core/windows.c) without the reasons or the other windows, the audits done given as one text
// 'type end,type end' (what SQL's group_concat makes: no object per audit) or null, and the
// windows whose extension was approved (surveillance()'s extensions, by n) as 'n,n' or null. For
// comparing a whole register's programmes (stdlib/reevaluate), where most certificates' next
// window does not move and their reasons would be read by no one; SQL asks the same of each row
// as certsh_next_window(core.lifecycle.programmeText(p), decisionDate, expires, asOf, audits[, approved]) →
// 'n due latest' (core.lifecycle.defineSql() defines it on the register's connection).
// (The C function itself: no call of a wrapper's per certificate.)
var nextWindow = core.lifecycle.nextWindow;

// monthSpan(m) → [min, max]: the fewest and most days that m months after a day can be (month
// ends shorten them, Civil Code Art. 202), found over every day of a 4-year leap cycle
var spans = {};
function monthSpan(m) {
  if (spans[m]) return spans[m];
  var lo = Infinity, hi = -Infinity, d = '2020-01-01';
  for (var i = 0; i < 1461; i++, d = date.addDays(d, 1)) {
    var n = date.diffDays(d, date.addMonths(d, m));
    if (n < lo) lo = n;
    if (n > hi) hi = n;
  }
  return (spans[m] = [lo, hi]);
}

// surveillanceBounds(p, cite) → {aMin, aMax, bMin, nMax, why}: in days after a window's anchor
// (the last audit's end, or the decision), the earliest and latest a window of programme p opens
// (a) and the earliest it closes (b, its due date), and the audits in a cycle (n): what a job
// needs to pick its candidates in SQL before asking surveillance() about each. Read from the
// programme's months, not probed.
function surveillanceBounds(p, cite) {
  var a = [], b = [];
  [p.first, p.next].forEach(function (w) {
    var o = monthSpan(w.opensMonths || 0), d = monthSpan(w.dueMonths);
    a.push(o[0], o[1]);
    b.push(d[0]);
  });
  var r = { aMin: Math.min.apply(null, a), aMax: Math.max.apply(null, a), bMin: Math.min.apply(null, b), nMax: p.count };
  r.why = [cite(p.clause, 'windows open ' + r.aMin + '-' + r.aMax + ' days after their anchor and close from ' + r.bMin + ' days; ' + r.nMax + ' per cycle')];
  return r;
}

// ---- causes, eligibility, required contents ----------------------------------------------------

var CAUSE_KINDS = ['suspension', 'withdrawal', 'cancellation', 'restoration', 'incident'];

// checkCauses(c, field) → problems; c: {kind: [{code, clause, text}]}
function checkCauses(c, field) {
  var list = [];
  Object.keys(c || {}).forEach(function (kind) {
    var f = field + '.' + kind;
    if (CAUSE_KINDS.indexOf(kind) < 0) problem(list, f, "unknown kind '" + kind + "' (known: " + CAUSE_KINDS.join(', ') + ')');
    if (!Array.isArray(c[kind])) { problem(list, f, 'must list the causes [{code, clause, text}]'); return; }
    var seen = {};
    c[kind].forEach(function (x, i) {
      var g = f + '[' + i + ']';
      if (!x || typeof x.code !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(x.code)) problem(list, g + '.code', 'must be a code in lower case with hyphens');
      else if (seen[x.code]) problem(list, g + '.code', "code '" + x.code + "' is listed twice");
      else seen[x.code] = true;
      checkClause(x, g, list);
      if (!x || typeof x.text !== 'string' || !x.text) problem(list, g + '.text', "must give the document's words");
    });
  });
  return list;
}

// cause(c, kind, code, cite) → {kind, code, clause, text, why}
function cause(c, kind, code, cite) {
  if (CAUSE_KINDS.indexOf(kind) < 0) throw fail('invalid', 'kind', "cause(kind, code): kind must be one of " + CAUSE_KINDS.join(', ') + ', got ' + JSON.stringify(kind));
  var list = c[kind];
  if (!list) throw fail('invalid', 'kind', 'cause(kind, code): the scheme lists no causes of ' + kind);
  for (var i = 0; i < list.length; i++) {
    if (list[i].code === code) return { kind: kind, code: code, clause: list[i].clause, text: list[i].text, why: [cite(list[i].clause, kind + ' cause ' + code + ': ' + list[i].text)] };
  }
  throw fail('invalid', 'cause', 'cause(kind, code): unknown ' + kind + ' cause ' + JSON.stringify(code) + '; valid: ' +
    list.map(function (x) { return x.code + ' (' + x.clause + ')'; }).join(', '));
}

// checkEligibility(e, field) → problems; e: [{code, fact, refuseIf: value | below: n, clause, text}]
function checkEligibility(e, field) {
  var list = [];
  if (!Array.isArray(e)) { problem(list, field, 'must list the checks [{code, fact, refuseIf|below, clause, text}]'); return list; }
  e.forEach(function (x, i) {
    var f = field + '[' + i + ']';
    checkClause(x, f, list);
    if (!x || typeof x.code !== 'string' || !x.code) problem(list, f + '.code', 'must be a code');
    if (!x || typeof x.fact !== 'string' || !x.fact) problem(list, f + '.fact', 'must name the fact checked (a key of org.facts)');
    if (x && x.refuseIf === undefined && typeof x.below !== 'number') problem(list, f, 'must give refuseIf (the value that refuses) or below (a minimum)');
  });
  return list;
}

// eligibility(e, facts, cite) → {ok, refusals, unchecked, why}: facts not given are listed as
// unchecked (the reviewer must check them), never assumed either way
function eligibility(e, facts, cite) {
  if (facts === undefined || facts === null) facts = {};
  if (typeof facts !== 'object') throw fail('invalid', 'facts', 'eligibility(facts): facts must be an object, e.g. {licence: true}');
  var refusals = [], unchecked = [], why = [];
  e.forEach(function (x) {
    var v = facts[x.fact];
    if (v === undefined || v === null) { unchecked.push(x.fact); why.push(cite(x.clause, x.fact + ' not stated: check ' + x.text)); return; }
    var refused = x.below !== undefined ? !(v >= x.below) : v === x.refuseIf;
    why.push(cite(x.clause, x.fact + ' = ' + JSON.stringify(v) + ': ' + (refused ? 'refused — ' : 'ok — ') + x.text));
    if (refused) refusals.push({ code: x.code, clause: x.clause, text: x.text });
  });
  return { ok: refusals.length === 0, refusals: refusals, unchecked: unchecked, why: why };
}

var ACTIVITIES = ['application', 'report', 'certificate'];

// checkRequires(r, field) → problems; r: {activity: [{item, clause}]}
function checkRequires(r, field) {
  var list = [];
  Object.keys(r || {}).forEach(function (a) {
    var f = field + '.' + a;
    if (ACTIVITIES.indexOf(a) < 0) problem(list, f, "unknown activity '" + a + "' (known: " + ACTIVITIES.join(', ') + ')');
    if (!Array.isArray(r[a])) { problem(list, f, 'must list [{item, clause}]'); return; }
    r[a].forEach(function (x, i) {
      checkClause(x, f + '[' + i + ']', list);
      if (!x || typeof x.item !== 'string' || !x.item) problem(list, f + '[' + i + '].item', 'must say what is required');
    });
  });
  return list;
}

// requires(r, activity) → [{item, clause}] (a copy)
function requires(r, activity) {
  if (ACTIVITIES.indexOf(activity) < 0) throw fail('invalid', 'activity', 'requires(activity): activity must be one of ' + ACTIVITIES.join(', ') + ', got ' + JSON.stringify(activity));
  return (r[activity] || []).map(function (x) { return { item: x.item, clause: x.clause }; });
}

exports.DEADLINES = DEADLINES;
exports.checkDeadlines = checkDeadlines;
exports.when = when;
exports.deadline = deadline;
exports.checkSurveillance = checkSurveillance;
exports.surveillance = surveillance;
exports.nextWindow = nextWindow;
exports.surveillanceBounds = surveillanceBounds;
exports.deadlineBounds = deadlineBounds;
exports.CAUSE_KINDS = CAUSE_KINDS;
exports.checkCauses = checkCauses;
exports.cause = cause;
exports.checkEligibility = checkEligibility;
exports.eligibility = eligibility;
exports.checkRequires = checkRequires;
exports.requires = requires;
