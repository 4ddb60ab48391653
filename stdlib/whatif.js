// stdlib/whatif.js — "what would it take" (issue 15): for a rule's input, the least change in
// each input that changes the outcome, with the clause that sets the edge. Scheme.whatIf(rule,
// input) calls these; nothing is written.
//
//   grade(s, {score, deductionItems}) → {now, changes: [{input, by, to, gives, clause, text}], why}
//     the score to gain (or lose) to reach the next level up (or fall below the level held), and
//     the special deduction items to clear to pass: each item cleared also gives its point back
//     when the scheme's criteria deduct a point per item (GB/T 27922 §6.2-6.3), so clearing
//     items raises the score too
//   suspensionLimit(s, {from, cause}) → {now, changes, why}: the last day to restore before the
//     limit, and the day after which the withdrawal is due
'use strict';

var fail = require('stdlib/bands').fail;

// round(x) → x with the float noise of a difference removed (two decimals are what scores use)
function round(x) { return Math.round(x * 100) / 100; }

// costPerItem(s) → {points, clause} each special deduction item costs in the scheme's score, or null
function costPerItem(s) {
  var sc = s.definition.score;
  if (!sc || typeof sc !== 'object' || typeof sc.criteria !== 'string') return null;
  var c = criteria(sc.criteria);
  return c.specialDeduction && typeof c.specialDeduction.points === 'number' ? c.specialDeduction : null;
}

// grade(s, input) → {now, changes, why}
function grade(s, input) {
  if (typeof s.grade !== 'function' || !s.definition.grade || typeof s.definition.grade !== 'object') {
    throw fail('unsupported', 'grade', s + ' has no declarative grade rule to ask what it would take');
  }
  var g = s.definition.grade, p = g.pass, now = s.grade(input);
  var score = input.score, items = input.deductionItems || 0, changes = [];
  var cite = function (clause, text) { return { scheme: s.id, version: s.version, clause: clause, text: text }; };
  var itemsOk = p.itemsBelow === undefined || items < p.itemsBelow;
  // levels above the score's, each with the points it takes (the pass line first when failing)
  var targets = [];
  if (score < p.minScore) targets.push({ min: p.minScore, level: g.levels[0].min <= p.minScore ? g.levels[0].level : 'pass', clause: p.clause });
  g.levels.forEach(function (l) { if (l.min > score && l.min > p.minScore) targets.push({ min: l.min, level: l.level, clause: l.clause || g.clause }); });
  if (itemsOk && targets.length) {
    var t = targets[0];
    changes.push({ input: 'score', by: round(t.min - score), to: t.min, gives: t.level, clause: t.clause,
      text: 'score ' + score + ' + ' + round(t.min - score) + ' = ' + t.min + ' reaches ' + t.level });
  }
  if (now.pass) { // the least fall that loses the level held
    var held = null;
    g.levels.forEach(function (l) { if (score >= l.min) held = l; });
    var floor = held ? held.min : p.minScore;
    var below = null;
    g.levels.forEach(function (l) { if (l.min < floor && l.min >= p.minScore) below = l; });
    changes.push({ input: 'score', by: -round(score - floor), to: floor, below: true, gives: below ? below.level : g.fail,
      clause: held ? held.clause || g.clause : p.clause, text: 'below ' + floor + ' (a fall of more than ' + round(score - floor) + ') gives ' + (below ? below.level : g.fail) });
    if (p.itemsBelow !== undefined) {
      changes.push({ input: 'deductionItems', by: p.itemsBelow - items, to: p.itemsBelow, gives: g.fail, clause: p.clause,
        text: (p.itemsBelow - items) + ' more ' + (p.items || 'deduction items') + ' (' + p.itemsBelow + ' in all) fail' });
    }
  }
  var cost = costPerItem(s);
  if (!itemsOk) { // clear items until fewer than itemsBelow; each cleared item gives its point back
    var k = items - p.itemsBelow + 1, raised = cost ? round(score + k * cost.points) : score;
    var r = s.grade({ score: Math.min(raised, 100), deductionItems: items - k });
    changes.push({ input: 'deductionItems', by: -k, to: items - k, gives: r.level, clause: p.clause,
      text: k + ' fewer ' + (p.items || 'deduction items') + ' (' + (items - k) + ' < ' + p.itemsBelow + ')' +
        (cost ? ', each giving its ' + cost.points + ' point back [' + cost.clause + ']: score ' + raised : '') + ' → ' + r.level });
  } else if (cost && items > 0) { // clearing items raises the score: how many reach the next level
    var next = targets[0];
    if (next) {
      var need = Math.ceil(round((next.min - score) / cost.points));
      if (need <= items) {
        changes.push({ input: 'deductionItems', by: -need, to: items - need, gives: next.level, clause: cost.clause,
          text: need + ' fewer special deduction item' + (need > 1 ? 's' : '') + ': each gives its ' + cost.points + ' point back, score ' +
            round(score + need * cost.points) + ' reaches ' + next.level });
      }
    }
  }
  return { now: { pass: now.pass, level: now.level, stars: now.stars }, changes: changes,
    why: now.why.concat(changes.map(function (c) { return cite(c.clause, 'what if: ' + c.text); })) };
}

// suspensionLimit(s, {from, cause}) → {now, changes, why}: the last day to act before the limit
function suspensionLimit(s, input) {
  if (!input || !date.isValid(input.from)) throw fail('invalid', 'from', "whatIf('suspensionLimit', {from, cause}): from must be the suspension's date YYYY-MM-DD");
  var d = typeof s.deadline === 'function' ? s.deadline('suspensionLimit', input.from, input.cause ? { cause: input.cause } : {}) : null;
  if (!d) throw fail('unsupported', 'suspensionLimit', s + ' states no suspension limit');
  if (!d.date) return { now: { limit: null, exception: d.exception }, changes: [], why: d.why };
  var cite = d.why[0];
  return { now: { limit: d.date }, changes: [
    { input: 'date', to: d.date, gives: 'restore', clause: cite.clause, text: 'restore on or before ' + d.date + ' (corrections verified)' },
    { input: 'date', to: date.addDays(d.date, 1), gives: 'withdraw', clause: cite.clause, text: 'from ' + date.addDays(d.date, 1) + ' the limit is past: withdrawal is due' }],
    why: d.why };
}

var RULES = { grade: grade, suspensionLimit: suspensionLimit };

// whatIf(s, rule, input) → the least changes for rule ('grade', 'suspensionLimit')
function whatIf(s, rule, input) {
  if (!RULES[rule]) throw fail('invalid', 'rule', "whatIf(rule, input): rule must be one of " + Object.keys(RULES).join(', ') + ', got ' + JSON.stringify(rule));
  return RULES[rule](s, input);
}

exports.whatIf = whatIf;
exports.grade = grade;
exports.suspensionLimit = suspensionLimit;
