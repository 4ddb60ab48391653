// stdlib/why.js — explanations: every rule outcome carries `why`, an array of
// {scheme, version, clause, text}; why(value) gathers the steps of a result (and of the results
// nested in it, e.g. surveillance().next) and prints them as one aligned line each.
'use strict';

var format = require('stdlib/format');

var STEP_FIELDS = { scheme: true, version: true, clause: true, text: true, applied: true };

// steps(value) → the why steps of value and of the objects nested in it, in order, each once.
function steps(value) {
  var out = [], seenText = {}, visited = [];
  function walk(v, depth) {
    if (v === null || typeof v !== 'object' || depth > 6 || visited.indexOf(v) >= 0) return;
    visited.push(v);
    if (Array.isArray(v)) {
      for (var i = 0; i < v.length; i++) walk(v[i], depth + 1);
      return;
    }
    if (Array.isArray(v.why)) {
      for (var k = 0; k < v.why.length; k++) {
        var step = v.why[k];
        if (step === null || typeof step !== 'object') continue;
        var key = JSON.stringify(step);
        if (seenText[key]) continue;
        seenText[key] = true;
        out.push(step);
      }
    }
    var keys = Object.keys(v);
    for (var j = 0; j < keys.length; j++) if (keys[j] !== 'why') walk(v[keys[j]], depth + 1);
  }
  walk(value, 0);
  return out;
}

// extras(step) → the step's other fields (the numbers used) as 'name=value' text.
function extras(step) {
  return Object.keys(step).filter(function (k) { return !STEP_FIELDS[k]; }).map(function (k) {
    var v = step[k];
    return k + '=' + (typeof v === 'string' ? v : JSON.stringify(v));
  }).join(' ');
}

// why(value) → the chain of clauses behind value, one line per step:
// 'scheme@version  clause  text [numbers]'; a value without any says so.
function why(value) {
  var list = steps(value);
  if (list.length === 0) return '(no why: this value carries no clauses)';
  var rows = list.map(function (s) {
    var more = extras(s);
    return {
      source: (s.scheme || '') + (s.version ? '@' + s.version : ''),
      clause: s.clause === undefined ? '' : String(s.clause),
      text: (s.text === undefined ? '' : String(s.text)) + (more ? ' [' + more + ']' : '') + (s.applied === false ? ' (did not apply here)' : '')
    };
  });
  var w1 = 0, w2 = 0;
  rows.forEach(function (r) { w1 = Math.max(w1, format.width(r.source)); w2 = Math.max(w2, format.width(r.clause)); });
  return rows.map(function (r) {
    return (format.pad(r.source, w1) + '  ' + format.pad(r.clause, w2) + '  ' + r.text).replace(/\s+$/, '');
  }).join('\n');
}

// isPosition(step) → true for a position the scheme file takes on an ambiguity of its document
// (shown by `.why full`; the compact view shows those that applied and counts the others).
function isPosition(step) { return /^position: /.test(String(step.text || '')); }

// decided(step) → true for a step the compact view shows: a rule's step, or a position that
// applied to this input (step.applied, from the position's applies(input, result))
function decided(step) { return !isPosition(step) || step.applied === true; }

// headline(value) → the outcome of a rule result in one line: 'pass · 四星级 · ★4', 'refused',
// 'total 5 · onsite 4'; '' when value has none of these fields.
function headline(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return '';
  var parts = [];
  if (typeof value.pass === 'boolean') parts.push(value.pass ? 'pass' : 'fail');
  if (typeof value.ok === 'boolean') parts.push(value.ok ? 'ok' : 'refused');
  ['level', 'grade', 'status', 'state'].forEach(function (k) { if (typeof value[k] === 'string' && value[k]) parts.push(value[k]); });
  if (typeof value.stars === 'number' && value.stars > 0) parts.push('★' + value.stars);
  ['total', 'onsite', 'manDays', 'score', 'date', 'due'].forEach(function (k) {
    if (typeof value[k] === 'number' || (typeof value[k] === 'string' && value[k])) parts.push(k + ' ' + value[k]);
  });
  return parts.join(' · ');
}

// rowKey(row, i) → how `.why` names a row of a table: its number, uid, id or name, else #i.
function rowKey(row, i) {
  var keys = ['number', 'uid', 'id', 'name', 'holder'];
  for (var k = 0; k < keys.length; k++) {
    var v = row && row[keys[k]];
    if (typeof v === 'string' && v || typeof v === 'number') return keys[k] + ' ' + v;
  }
  return '#' + (i + 1);
}

// compact(value, full) → what `.why` prints: the outcome's headline, then the steps that decided
// it: the rules' steps and the positions that applied to this input; the positions that did not
// apply, or that cannot tell, are left out unless full (a line says how many); for an array of
// rows (a table), each row under '— KEY —' (its number, uid, id or name).
function compact(value, full) {
  function one(v) {
    var list = steps(v), shown = full ? list : list.filter(decided);
    var head = headline(v), out = [];
    if (head) out.push(head);
    if (shown.length) out.push(why({ why: shown }));
    else if (!list.length) out.push('(no why: this value carries no clauses)');
    var left = list.length - shown.length, idle = list.filter(function (st) { return st.applied === false; }).length;
    if (left) out.push('(+ ' + left + ' position' + (left === 1 ? '' : 's') + ' of the scheme file' +
      (idle === left ? ' that did not apply here' : idle ? ', ' + idle + ' of them not applying here' : '') + ': .why full)');
    return out.join('\n');
  }
  if (Array.isArray(value) && value.length && value.every(function (r) { return r !== null && typeof r === 'object'; })) {
    return value.map(function (row, i) { return '— ' + rowKey(row, i) + ' —\n' + one(row); }).join('\n');
  }
  return one(value);
}

module.exports = { why: why, steps: steps, compact: compact, headline: headline };
