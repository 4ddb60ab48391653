// stdlib/teach.js — the teaching mode (issue 15, `certsh teach SCHEME`): exercises generated from
// a scheme's own rules (a company of N staff, an audit's score, a certificate's dates), the
// trainee's answer checked against the rule and explained with its why and clause, and a summary
// per topic. Deterministic: the same --seed gives the same exercises.
//
//   var t = require('stdlib/teach').session('dni-aftersales', {seed: 7, count: 5})
//   t.next() → {n, topic, question, hint} or null;  t.answer(text) → {right, expected, explanation};
//   t.summary() → {topics: {topic: {right, asked}}, right, asked, text}
'use strict';

var fail = require('stdlib/bands').fail;

// rng(seed) → a function giving numbers in [0, 1): a linear congruential generator (glibc's), so
// that a seed gives the same session on every machine
function rng(seed) {
  var x = (seed >>> 0) || 1;
  return function () {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 1) / 2147483648;
  };
}

// pick(r, list) → one element
function pick(r, list) { return list[Math.floor(r() * list.length)]; }

// dateIn(r, year) → a day of that year, 'YYYY-MM-DD'
function dateIn(r, year) { return date.addDays(year + '-01-01', Math.floor(r() * 365)); }

// The topics: each makes one exercise from the scheme, or null when the scheme has no such rule.
// An exercise: {topic, question, hint, kind: 'number'|'word'|'date', expected, why}.
var TOPICS = {
  // man-days of an audit for a company of N staff on S sites
  manDays: function (s, r) {
    if (typeof s.manDays !== 'function') return null;
    var rows = s.definition.manDays && s.definition.manDays.table && s.definition.manDays.table.rows;
    var top = rows ? rows[rows.length - 1][1] : 1000;
    var staff = 1 + Math.floor(r() * Math.min(top, 3000)), sites = 1 + Math.floor(r() * 3), audit = pick(r, ['initial', 'surveillance', 'recertification']);
    var res = s.manDays({ employees: staff, audit: audit, sites: sites });
    return { topic: 'manDays', kind: 'number', expected: res.total, why: res.why,
      question: 'A company of ' + staff + ' effective staff on ' + sites + ' site' + (sites > 1 ? 's' : '') + ' is due its ' + audit +
        ' audit under ' + s + '. How many man-days in all?', hint: 'a number of man-days, e.g. 4.5' };
  },
  // the grade of a final score with its special deduction items
  grade: function (s, r) {
    var g = s.definition.grade;
    if (typeof s.grade !== 'function' || !g || typeof g !== 'object') return null;
    var edges = [g.pass.minScore].concat(g.levels.map(function (l) { return l.min; }));
    var edge = pick(r, edges), score = Math.max(0, Math.min(100, edge + pick(r, [-1, -0.5, 0, 0.5, 2]))), items = pick(r, [0, 1, 2, 4, 5]);
    var res = s.grade({ score: score, deductionItems: items });
    return { topic: 'grade', kind: 'word', expected: res.level, why: res.why,
      question: 'An audit under ' + s + ' ends with a final score of ' + score + ' and ' + items + ' ' + (g.pass.items || 'deduction items') +
        '. Which grade (the document\'s word)?', hint: g.levels.map(function (l) { return l.level; }).concat([g.fail]).join(' / ') };
  },
  // the last day of a certificate's validity
  validity: function (s, r) {
    if (typeof s.certificateExpiry !== 'function') return null;
    var d = dateIn(r, 2024 + Math.floor(r() * 3)), res = s.certificateExpiry(d);
    return { topic: 'validity', kind: 'date', expected: res.date, why: res.why,
      question: 'A certificate under ' + s + ' is granted by a decision of ' + d + '. What is its last day of validity?', hint: 'YYYY-MM-DD' };
  },
  // the first surveillance's due date
  window: function (s, r) {
    if (typeof s.surveillance !== 'function' || typeof s.certificateExpiry !== 'function') return null;
    var d = dateIn(r, 2024 + Math.floor(r() * 2)), res = s.surveillance({ decisionDate: d, asOf: d });
    if (!res.next || !res.next.due) return null;
    return { topic: 'window', kind: 'date', expected: res.next.due, why: res.why,
      question: 'A certificate under ' + s + ' was granted on ' + d + '. By what day is its first surveillance audit due?', hint: 'YYYY-MM-DD' };
  },
  // the last day of a suspension before withdrawal is due
  deadline: function (s, r) {
    if (typeof s.deadline !== 'function') return null;
    var d = dateIn(r, 2025), res = s.deadline('suspensionLimit', d);
    if (!res || !res.date) return null;
    return { topic: 'deadline', kind: 'date', expected: res.date, why: res.why,
      question: 'A certificate under ' + s + ' is suspended on ' + d + '. What is the last day of the suspension the rules allow?', hint: 'YYYY-MM-DD' };
  }
};

// same(kind, answer, expected) → the trainee's answer text is the expected value
function same(kind, answer, expected) {
  var a = String(answer).trim();
  if (kind === 'number') return a !== '' && !isNaN(Number(a)) && Math.abs(Number(a) - expected) < 1e-9;
  return a === String(expected);
}

// session(id, {seed, count, topics}) → a teaching session over the scheme's rules
function session(id, o) {
  o = o || {};
  var s = typeof id === 'string' ? scheme(id) : id, seed = o.seed === undefined ? 1 : o.seed, count = o.count === undefined ? 6 : o.count;
  if (typeof seed !== 'number' || seed !== Math.floor(seed) || seed < 0) throw fail('invalid', 'seed', 'teach: seed must be a whole number ≥ 0, got ' + JSON.stringify(seed));
  if (typeof count !== 'number' || count !== Math.floor(count) || count < 1 || count > 100) throw fail('invalid', 'count', 'teach: count must be a whole number 1-100, got ' + JSON.stringify(count));
  var r = rng(seed), names = (o.topics || Object.keys(TOPICS)).filter(function (k) {
    if (!TOPICS[k]) throw fail('invalid', 'topics', 'teach: unknown topic ' + JSON.stringify(k) + ' (known: ' + Object.keys(TOPICS).join(', ') + ')');
    return true;
  });
  var list = [];
  for (var i = 0, tries = 0; list.length < count && tries < count * 10; tries++, i++) {
    var ex = TOPICS[names[i % names.length]](s, r);
    if (ex) list.push(ex);
  }
  if (!list.length) throw fail('unsupported', 'scheme', 'teach: ' + s + ' has none of the rules the exercises use (' + names.join(', ') + ')');
  var at = -1, tally = {};
  return {
    scheme: String(s),
    // next() → the next exercise {n, of, topic, question, hint}, or null at the end
    next: function () {
      if (at + 1 >= list.length) return null;
      var ex = list[++at];
      return { n: at + 1, of: list.length, topic: ex.topic, question: ex.question, hint: ex.hint };
    },
    // answer(text) → {right, expected, explanation: [lines]} for the current exercise
    answer: function (text) {
      var ex = list[at];
      if (!ex) throw fail('invalid', 'answer', 'teach: there is no question to answer');
      var t = tally[ex.topic] || (tally[ex.topic] = { right: 0, asked: 0, skipped: 0 }), steps = ex.why.map(function (w) { return '  [' + w.clause + '] ' + w.text; });
      if (String(text).trim() === '') { // skipped: shown, not counted
        t.skipped++;
        return { right: null, expected: ex.expected, why: ex.why, explanation: ['skipped: the answer is ' + ex.expected].concat(steps) };
      }
      var right = same(ex.kind, text, ex.expected);
      t.asked++;
      if (right) t.right++;
      return { right: right, expected: ex.expected, why: ex.why,
        explanation: [(right ? 'right: ' : 'not quite: the answer is ') + ex.expected + (right ? '' : ' (you said ' + String(text).trim() + ')')].concat(steps) };
    },
    // summary() → {topics, right, asked, text}
    summary: function () {
      var right = 0, asked = 0, lines = [];
      Object.keys(tally).forEach(function (k) {
        right += tally[k].right; asked += tally[k].asked;
        lines.push('  ' + k + ': ' + tally[k].right + ' of ' + tally[k].asked + (tally[k].skipped ? ', ' + tally[k].skipped + ' skipped' : ''));
      });
      return { topics: tally, right: right, asked: asked, text: ['session summary (' + s + '): ' + right + ' of ' + asked + ' right'].concat(lines).join('\n') };
    }
  };
}

exports.session = session;
exports.rng = rng;
exports.topics = Object.keys(TOPICS);
