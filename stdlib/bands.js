// stdlib/bands.js — declarative rule tables a scheme writes as object literals: band tables
// with open-ended continuation ("+1 per further 600", "follow the progression"), rounding to a
// stated step, grade bands with the document's words, and the audit-time rule built on them.
// check*(spec, field) return problems [{field, message}]; the other functions compute, taking
// cite(clause, text) → a why step of the calling scheme, or a stamp {scheme, version} (what the
// Scheme's cite adds to a step), from which C makes the steps without calling back. The computing is done in C
// (dsl/bind_bands.c, core.bands: issue 17, a rule call in JavaScript took 8-30 µs); the rules are
// documented here, with their checks.
'use strict';

// fail(code, field, message) → an Error with .code and .field, as the bindings throw.
function fail(code, field, message) {
  var e = new Error(message);
  e.code = code;
  e.field = field;
  return e;
}

// isNum(x) → true for a finite number (x - x is 0 for those and NaN for NaN and ±Infinity: no
// call to isFinite, issue 17)
function isNum(x) { return typeof x === 'number' && x - x === 0; }

// fmt(n) → n for a why text: at most 4 decimals, no trailing zeros ('0.6667', '1.5', '11')
function fmt(n) { return core.bands.fmt(n); }

// round(x, step, mode) → x rounded to a multiple of step; mode 'up', 'down' or 'nearest'
// (halves go up). A tiny tolerance keeps 3 × 0.1 from rounding up past 0.3.
function round(x, step, mode) { return core.bands.round(x, step, mode); }

// fields(o, known, required, fn) → o, refusing a field not in known (a misspelt field must not be
// ignored) and a required one that is missing, naming the field. Plain loops, no callbacks: it
// runs on every rule call (issue 17: a callback costs as much as the rest of a check)
function fields(o, known, required, fn) {
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw fail('invalid', 'input', fn + ': give an object {' + known.join(', ') + '}, got ' + JSON.stringify(o));
  var keys = Object.keys(o), n = known.length, i, j, k, v;
  for (i = 0; i < keys.length; i++) {
    k = keys[i];
    for (j = 0; j < n && known[j] !== k; j++); // (a loop, not known.indexOf: a native call per field)
    if (j === n) throw fail('invalid', k, fn + ": unknown field '" + k + "' (known: " + known.join(', ') + ')');
  }
  for (i = 0; required && i < required.length; i++) {
    v = o[required[i]];
    if (v === undefined || v === null) throw fail('invalid', required[i], fn + ': ' + required[i] + ' is required');
  }
  return o;
}

// problem(list, field, message): add one problem to list
function problem(list, field, message) { list.push({ field: field, message: message }); }

// checkClause(obj, field, list): a rule must cite its clause
function checkClause(obj, field, list) {
  if (!obj || typeof obj.clause !== 'string' || !obj.clause) problem(list, field + '.clause', 'a rule without a clause: every rule must cite the clause that states it');
}

// ---- band tables ------------------------------------------------------------------------------

// A band table: {clause, of, columns: [...], rows: [[from, to, v1, v2…]…], beyond}.
// rows are contiguous and ordered; beyond continues past the last row, either
//   {per: {column: [size, add]…}, count: 'started'|'completed', clause, text} — "+add per further size"
//   {growth: r, add: n, clause, text} — each further band's upper bound is the previous one × r
//     (rounded to a whole number), its value the previous value + n.

// checkTable(t, field) → problems
function checkTable(t, field) {
  var list = [];
  if (!t || typeof t !== 'object') { problem(list, field, 'must be a band table {clause, of, columns, rows}'); return list; }
  checkClause(t, field, list);
  if (!Array.isArray(t.columns) || !t.columns.length) problem(list, field + '.columns', 'must name the columns, e.g. [\'initial\']');
  if (!Array.isArray(t.rows) || !t.rows.length) { problem(list, field + '.rows', 'must list the bands [from, to, value…]'); return list; }
  var ncol = Array.isArray(t.columns) ? t.columns.length : 0;
  t.rows.forEach(function (r, i) {
    var f = field + '.rows[' + i + ']';
    if (!Array.isArray(r) || r.length !== 2 + ncol) { problem(list, f, 'must be [from, to, ' + (t.columns || []).join(', ') + ']'); return; }
    if (!isNum(r[0]) || !isNum(r[1]) || r[0] !== Math.floor(r[0]) || r[1] !== Math.floor(r[1]) || r[0] > r[1]) {
      problem(list, f, 'band ' + r[0] + '-' + r[1] + ' must have whole numbers from ≤ to');
      return;
    }
    for (var c = 2; c < r.length; c++) if (!isNum(r[c]) || r[c] < 0) problem(list, f, (t.columns[c - 2]) + ' must be a number ≥ 0, got ' + r[c]);
    if (i === 0) return;
    var p = t.rows[i - 1];
    if (!Array.isArray(p) || !isNum(p[1])) return;
    if (r[0] <= p[1]) problem(list, f, 'band ' + r[0] + '-' + r[1] + ' overlaps or precedes band ' + p[0] + '-' + p[1] + ': bands must be in order without overlap');
    else if (r[0] !== p[1] + 1) problem(list, f, 'band ' + r[0] + '-' + r[1] + ' leaves a gap after band ' + p[0] + '-' + p[1]);
    for (var k = 2; k < r.length; k++) {
      if (isNum(r[k]) && isNum(p[k]) && r[k] < p[k]) problem(list, f, (t.columns[k - 2]) + ' ' + r[k] + ' is less than the previous band\'s ' + p[k] + ': values out of order');
    }
  });
  if (t.beyond !== undefined) {
    var b = t.beyond, bf = field + '.beyond';
    checkClause(b, bf, list);
    if (b.per) {
      (t.columns || []).forEach(function (c) {
        var p = b.per[c];
        if (!Array.isArray(p) || !isNum(p[0]) || p[0] <= 0 || !isNum(p[1]) || p[1] < 0) problem(list, bf + '.per.' + c, 'must be [size, add]: "+add per further size"');
      });
      if (b.count !== 'started' && b.count !== 'completed') problem(list, bf + '.count', "must be 'started' or 'completed': whether a part of a further block counts (the document's ambiguity, stated)");
    } else if (b.growth !== undefined) {
      if (!isNum(b.growth) || b.growth <= 1) problem(list, bf + '.growth', 'must be a number > 1');
      if (!isNum(b.add) || b.add <= 0) problem(list, bf + '.add', 'must be a number > 0');
    } else {
      problem(list, bf, 'must give per: {column: [size, add]} or growth and add');
    }
    if (typeof b.text !== 'string' || !b.text) problem(list, bf + '.text', 'must say in words how the table continues (the position taken)');
  }
  return list;
}

// lookup(t, n, column, cite, bare) → {value, from, to, why}: the band of t holding n, continued by
// t.beyond past the last row; throws {code:'range'} when n is past a table with no beyond. bare:
// the value alone, no why built (the same checks and errors)
function lookup(t, n, column, cite, bare) { return core.bands.lookup(t, n, column, cite, bare); }

// ---- grade bands -----------------------------------------------------------------------------

// A grade rule: {clause, pass: {minScore, itemsBelow, items, clause}, levels: [{min, level,
// stars, clause?}…] in ascending order, fail: 'the document's word for a fail', notes: [{clause, text}]}.

// checkGrade(g, field) → problems
function checkGrade(g, field) {
  var list = [];
  if (!g || typeof g !== 'object') { problem(list, field, 'must be a grade rule {clause, pass, levels}'); return list; }
  checkClause(g, field, list);
  var p = g.pass;
  if (!p || typeof p !== 'object') problem(list, field + '.pass', 'must state the pass rule {minScore, itemsBelow, clause}');
  else {
    checkClause(p, field + '.pass', list);
    if (!isNum(p.minScore) || p.minScore < 0 || p.minScore > 100) problem(list, field + '.pass.minScore', 'must be a score 0-100, got ' + p.minScore);
    if (p.itemsBelow !== undefined && (!isNum(p.itemsBelow) || p.itemsBelow < 1)) problem(list, field + '.pass.itemsBelow', 'must be a count ≥ 1, got ' + p.itemsBelow);
  }
  if (!Array.isArray(g.levels) || !g.levels.length) { problem(list, field + '.levels', 'must list the grade levels [{min, level, stars}]'); return list; }
  g.levels.forEach(function (l, i) {
    var f = field + '.levels[' + i + ']';
    if (!l || typeof l.level !== 'string' || !l.level) problem(list, f + '.level', "must be the document's word for the level");
    if (!l || !isNum(l.min) || l.min < 0 || l.min > 100) { problem(list, f + '.min', 'must be a score 0-100'); return; }
    if (!isNum(l.stars) || l.stars < 0 || l.stars > 5 || l.stars !== Math.floor(l.stars)) problem(list, f + '.stars', 'must be 0-5');
    if (p && isNum(p.minScore) && l.min < p.minScore) problem(list, f + '.min', 'threshold ' + l.min + ' is below the pass score ' + p.minScore);
    var prev = g.levels[i - 1];
    if (prev && isNum(prev.min) && l.min <= prev.min) problem(list, f + '.min', 'threshold ' + l.min + ' is not above the previous level\'s ' + prev.min + ': thresholds out of order');
    if (prev && isNum(prev.stars) && isNum(l.stars) && l.stars < prev.stars) problem(list, f + '.stars', 'stars ' + l.stars + ' below the previous level\'s ' + prev.stars);
  });
  if (typeof g.fail !== 'string' || !g.fail) problem(list, field + '.fail', "must be the document's word for a fail");
  return list;
}

// grade(g, input, cite) → {pass, level, stars, why}: the pass rule first ('score 72 ≥ 70 and 3
// 扣分项 < 5: pass'), the rule's notes, then the highest level the score reaches
function grade(g, input, cite) { return core.bands.grade(g, input, cite); }

// ---- audit time ------------------------------------------------------------------------------

// An audit-time rule: {of: 'employees', table, derived: {audit: {ratio, ratioText, clause}},
// rounding: {step, mode, clause, text}, minimumOfInitial: {audit: {ratio, clause}},
// onsite: {share, clause, text}, perSite: {min, clause}, reduction: {max, clause},
// experts: {clause, text}}. Audits: initial, surveillance, recertification.

var AUDITS = ['initial', 'surveillance', 'recertification'];

// checkManDays(m, field) → problems
function checkManDays(m, field) {
  var list = [];
  if (!m || typeof m !== 'object') { problem(list, field, 'must be an audit-time rule {table, …}'); return list; }
  list = list.concat(checkTable(m.table, field + '.table'));
  var cols = m.table && Array.isArray(m.table.columns) ? m.table.columns : [];
  AUDITS.forEach(function (a) {
    var d = m.derived && m.derived[a];
    if (cols.indexOf(a) < 0 && !d) problem(list, field + '.derived.' + a, 'the table has no ' + a + ' column: give {ratio, clause} of the initial time');
    if (d) {
      checkClause(d, field + '.derived.' + a, list);
      if (!isNum(d.ratio) || d.ratio <= 0 || d.ratio > 1) problem(list, field + '.derived.' + a + '.ratio', 'must be a ratio in (0, 1], got ' + d.ratio);
      if (!m.rounding) problem(list, field + '.rounding', 'a ratio of the initial time needs an explicit rounding {step, mode, clause, text}');
    }
    var mi = m.minimumOfInitial && m.minimumOfInitial[a];
    if (mi) {
      checkClause(mi, field + '.minimumOfInitial.' + a, list);
      if (!isNum(mi.ratio) || mi.ratio <= 0 || mi.ratio > 1) problem(list, field + '.minimumOfInitial.' + a + '.ratio', 'must be a ratio in (0, 1]');
    }
  });
  var rounds = (m.minimumOfInitial && Object.keys(m.minimumOfInitial).length) || (m.onsite && m.onsite.share < 1) || m.reduction;
  if (rounds && !m.rounding) problem(list, field + '.rounding', 'minimums, on-site shares and reductions give fractions: state the rounding {step, mode, clause, text}');
  if (m.rounding) {
    checkClause(m.rounding, field + '.rounding', list);
    if (!isNum(m.rounding.step) || m.rounding.step <= 0) problem(list, field + '.rounding.step', 'must be a positive number, e.g. 0.5');
    if (['up', 'down', 'nearest'].indexOf(m.rounding.mode) < 0) problem(list, field + '.rounding.mode', "must be 'up', 'down' or 'nearest'");
  }
  if (m.onsite) {
    checkClause(m.onsite, field + '.onsite', list);
    if (!isNum(m.onsite.share) || m.onsite.share <= 0 || m.onsite.share > 1) problem(list, field + '.onsite.share', 'must be a share in (0, 1]');
  }
  if (m.perSite) {
    checkClause(m.perSite, field + '.perSite', list);
    if (!isNum(m.perSite.min) || m.perSite.min <= 0) problem(list, field + '.perSite.min', 'must be a positive number of man-days');
  }
  if (m.reduction) {
    checkClause(m.reduction, field + '.reduction', list);
    if (!isNum(m.reduction.max) || m.reduction.max < 0 || m.reduction.max >= 1) problem(list, field + '.reduction.max', 'must be a share in [0, 1)');
  }
  if (m.experts) checkClause(m.experts, field + '.experts', list);
  return list;
}

// manDays(m, input, cite) → {total, onsite, minimum, initial, why}: the table's time for the audit
// (or the initial time × the derived ratio, rounded), raised to the minimum of the initial time,
// to the sites' minimum; the share on site; the floor a reduction may reach; the experts' note
function manDays(m, input, cite) { return core.bands.manDays(m, input, cite); }

exports.round = round;
exports.fmt = fmt;
exports.fail = fail;
exports.fields = fields;
exports.checkClause = checkClause;
exports.checkTable = checkTable;
exports.lookup = lookup;
exports.checkGrade = checkGrade;
exports.grade = grade;
exports.checkManDays = checkManDays;
exports.manDays = manDays;
exports.AUDITS = AUDITS;
