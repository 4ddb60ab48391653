// stdlib/diff.js — what changed between two versions of a scheme, rule by rule (issue 15):
// every changed field of the two definitions (as extends merged them), with the clause that
// states it, then the register's impact (stdlib/reevaluate) of the new version on the cases the
// old one governs. Nothing is written.
//
//   require('stdlib/diff').diff('dni-aftersales@F/2', 'dni-aftersales@G/1', {impact: true})
//     → {from, to, changes: [{section, path, clause, before, after, kind}], impact: {cases, rules, list}}
'use strict';

var fail = require('stdlib/bands').fail;

// Identity fields compared as rules are (a new version has its own version and date).
var IDENTITY = ['title', 'owner', 'document', 'criteria', 'fieldCode', 'model'];
// Array members matched by key rather than by position, first key an element has wins.
var KEYS = ['code', 'topic', 'item'];

// keyOf(x) → the key an array element is matched by ('code=passes'), or null
function keyOf(x) {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return null;
  for (var i = 0; i < KEYS.length; i++) if (typeof x[KEYS[i]] === 'string') return KEYS[i] + '=' + x[KEYS[i]];
  return null;
}

// shown(v) → a value as the report shows it (a function as its kind: its code is not kept)
function shown(v) {
  if (typeof v === 'function') return '(a function of the scheme\'s own)';
  if (v === undefined) return '(none)';
  return JSON.stringify(v);
}

// walk(a, b, path, clause, out): push every difference between a and b below path; clause is
// the nearest clause stated above (a node's own clause wins)
function walk(a, b, path, clause, out) {
  if (a === b) return;
  var here = (b && typeof b === 'object' && typeof b.clause === 'string' && b.clause) ||
    (a && typeof a === 'object' && typeof a.clause === 'string' && a.clause) || clause;
  if (typeof a === 'function' || typeof b === 'function' || a === null || b === null || typeof a !== 'object' || typeof b !== 'object' ||
      Array.isArray(a) !== Array.isArray(b)) {
    if (JSON.stringify(a) === JSON.stringify(b) && typeof a !== 'function' && typeof b !== 'function') return;
    out.push({ path: path, clause: here, before: a, after: b, kind: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed' });
    return;
  }
  if (Array.isArray(a)) {
    var keyed = a.concat(b).length > 0 && a.concat(b).every(function (x) { return keyOf(x) !== null; });
    if (keyed) {
      var ka = {}, kb = {}, order = [];
      a.forEach(function (x) { ka[keyOf(x)] = x; order.push(keyOf(x)); });
      b.forEach(function (x) { kb[keyOf(x)] = x; if (!(keyOf(x) in ka)) order.push(keyOf(x)); });
      order.forEach(function (k) { walk(ka[k], kb[k], path + '[' + k + ']', here, out); });
    } else {
      for (var i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], path + '[' + i + ']', here, out);
    }
    return;
  }
  var keys = Object.keys(a);
  Object.keys(b).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); });
  keys.forEach(function (k) { if (k !== 'clause' || a.clause !== b.clause) walk(a[k], b[k], path + '.' + k, here, out); });
}

// changes(a, b) → [{section, path, clause, before, after, kind}]: each changed field of b's rules
function changes(a, b) {
  var da = a.definition, db = b.definition, out = [];
  var sections = [];
  Object.keys(da).concat(Object.keys(db)).forEach(function (k) {
    if (sections.indexOf(k) < 0 && k !== 'extends' && k !== 'id' && k !== 'version' && k !== 'effective') sections.push(k);
  });
  sections.forEach(function (k) {
    if (IDENTITY.indexOf(k) < 0 && da[k] === db[k]) return; // inherited as it is
    var list = [];
    walk(da[k], db[k], k, '', list);
    list.forEach(function (c) { c.section = k; out.push(c); });
  });
  return out;
}

// impact(a, b) → {cases, rules: {rule: n}, list: [{case, org, changes}]}: the cases a governs
// whose man-days, grades, expiry, surveillance or deadlines b would change (stdlib/reevaluate)
function impact(a, b) {
  var all = require('stdlib/reevaluate').register(String(b), { all: true }).filter(function (r) { return r.from === String(a); });
  var rules = {}, list = all.filter(function (r) { return r.changes.length; });
  list.forEach(function (r) { r.changes.forEach(function (c) { rules[c.rule] = (rules[c.rule] || 0) + 1; }); });
  return { evaluated: all.length, cases: list.length, rules: rules, list: list };
}

// diff(from, to, o) → {from, to, changes, impact}: from and to are Schemes or 'id@version';
// o.impact: also the register's impact
function diff(from, to, o) {
  var a = typeof from === 'string' ? scheme(from) : from, b = typeof to === 'string' ? scheme(to) : to;
  if (!a || !a.definition || !b || !b.definition) throw fail('invalid', 'scheme', "diff(from, to): give two scheme versions such as 'dni-aftersales@F/2'");
  if (a.id !== b.id) throw fail('invalid', 'to', 'diff(from, to): ' + a + ' and ' + b + ' are different schemes; diff compares two versions of one');
  var out = { from: String(a), to: String(b), effective: [a.effective, b.effective], changes: changes(a, b) };
  if (o && o.impact) out.impact = impact(a, b);
  return out;
}

// text(d) → the diff as lines: each change with its clause, then the impact's counts and list
function text(d) {
  var lines = [d.from + ' (in force ' + d.effective[0] + ') → ' + d.to + ' (in force ' + d.effective[1] + '): ' +
    d.changes.length + ' rule' + (d.changes.length === 1 ? '' : 's') + ' changed'];
  d.changes.forEach(function (c) {
    lines.push('  ' + c.path + (c.clause ? ' [' + c.clause + ']' : '') + ': ' + (c.kind === 'added' ? 'added ' + shown(c.after) :
      c.kind === 'removed' ? 'removed (was ' + shown(c.before) + ')' : shown(c.before) + ' → ' + shown(c.after)));
  });
  if (d.impact) {
    var m = d.impact;
    lines.push('impact on the register: ' + m.cases + ' of ' + m.evaluated + ' case' + (m.evaluated === 1 ? '' : 's') + ' under ' + d.from +
      ' would change' + (Object.keys(m.rules).length ? ' (' + Object.keys(m.rules).sort().map(function (k) { return k + ': ' + m.rules[k]; }).join(', ') + ')' : ''));
    m.list.forEach(function (r) {
      r.changes.forEach(function (c) {
        lines.push('  case ' + r.case + ' (org ' + r.org + '): ' + c.rule + ' ' + JSON.stringify(c.input) + ': ' + JSON.stringify(c.before) + ' → ' + JSON.stringify(c.after));
      });
    });
  }
  return lines.join('\n');
}

exports.diff = diff;
exports.changes = changes;
exports.impact = impact;
exports.text = text;
