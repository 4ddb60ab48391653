// stdlib/whatif.test.js — whatIf (stdlib/whatif.js) at the grade edges of each scheme with a
// grade: the least change it names really changes the outcome (asked of grade() itself), a
// smaller one does not, and each change cites the clause that sets the edge.

// up(r, name) → the change whatIf names in input name that moves the grade up (more score, fewer items)
function up(r, name) { return r.changes.filter(function (c) { return c.input === name && (name === 'score' ? c.by > 0 : c.by < 0); })[0]; }

// [scheme, score, deductionItems, the level the score reaches next, its threshold, the clause]
// (the thresholds: DNI §5.3.3.7, CAS §6.5, CFC's position on §5: SCHEMES.md)
test.table('whatIf: the score to gain to reach the next grade', [
  ['dni-aftersales@F/2', 89.5, 2, '四星级', 90, '§5.3.3.7'],
  ['dni-aftersales@F/2', 69.9, 0, '达标级', 70, '§5.3.3.7'],
  ['dni-aftersales@F/2', 94, 4, '五星级', 95, '§5.3.3.7'],
  ['cas-service@1', 94.5, 1, '五星级', 95, '§6.5'],
  ['cas-service@1', 60, 0, '达标', 70, '§6.5'],
  ['cfc-sc14@C/1', 79, 0, '三星级', 80, '§5'],
  ['cfc-sc14@C/1', 89.75, 3, '四星级', 90, '§5'],
  ['cfc-sc14@C/1', 68, 1, '一星级', 70, '§8.5.5']
], function (id, score, items, level, min, clause) {
  var s = scheme(id), r = s.whatIf('grade', { score: score, deductionItems: items });
  assert.equal(r.now.level, s.grade({ score: score, deductionItems: items }).level, 'now is what grade() says');
  var c = up(r, 'score');
  assert.ok(c, 'a score change is named');
  assert.near(c.by, min - score, 1e-9);
  assert.equal(c.gives, level);
  assert.equal(c.clause, clause);
  assert.equal(s.grade({ score: score + c.by, deductionItems: items }).level, level, 'grade() agrees at the edge');
  assert.notEqual(s.grade({ score: score + c.by - 0.01, deductionItems: items }).level, level, 'less is not enough');
  assert.cites(r, clause);
});

// The pass rule's item limit (fewer than 5 特别扣分项: DNI §5.3.3.7, CFC §8.5.5, CAS §6.5): with 5
// or more the score alone cannot pass; clearing items passes, and since GB/T 27922 §6.2-6.3 costs a
// point per special deduction item, each item cleared raises the score by one.
test.table('whatIf: the deduction items to clear to pass, each giving its point back', [
  ['dni-aftersales@F/2', 88, 5, 1, 89, '三星级'],
  ['dni-aftersales@F/2', 69.5, 6, 2, 71.5, '达标级'],
  ['cfc-sc14@C/1', 89.5, 5, 1, 90.5, '四星级'],
  ['cas-service@1', 94, 5, 1, 95, '五星级']
], function (id, score, items, k, raised, level) {
  var s = scheme(id), r = s.whatIf('grade', { score: score, deductionItems: items });
  assert.equal(r.now.pass, false);
  assert.ok(!up(r, 'score'), 'no score change alone passes while the items fail');
  var c = up(r, 'deductionItems');
  assert.equal(c.by, -k);
  assert.equal(c.gives, level);
  assert.equal(s.grade({ score: raised, deductionItems: items - k }).level, level, 'grade() with the items cleared and their points back');
  assert.ok(/each giving its 1 point back \[§6\.2-6\.3\]/.test(c.text), c.text);
});

test('whatIf: fewer special deduction items raise the score to the next level before the score itself is', function () {
  var s = scheme('dni-aftersales@F/2'), r = s.whatIf('grade', { score: 88.5, deductionItems: 3 });
  var c = up(r, 'deductionItems');
  assert.equal(c.by, -2, 'two items cleared give 2 points: 90.5');
  assert.equal(c.gives, '四星级');
  assert.equal(s.grade({ score: 88.5 + 2, deductionItems: 1 }).level, '四星级');
  assert.equal(c.clause, '§6.2-6.3');
});

test('whatIf: the fall that loses the level held, and the items that fail', function () {
  var s = scheme('dni-aftersales@F/2'), r = s.whatIf('grade', { score: 91, deductionItems: 1 });
  var down = r.changes.filter(function (c) { return c.below; })[0];
  assert.equal(down.to, 90);
  assert.equal(down.gives, '三星级');
  assert.equal(s.grade({ score: 89.99, deductionItems: 1 }).level, '三星级');
  var items = r.changes.filter(function (c) { return c.input === 'deductionItems' && c.by > 0; })[0];
  assert.equal(items.by, 4);
  assert.equal(s.grade({ score: 91, deductionItems: 1 + items.by }).pass, false);
});

test.table('whatIf: the last day to act before the suspension limit', [
  ['dni-aftersales@F/2', '2026-03-31', '2026-09-30'],
  ['cfc-sc14@C/1', '2026-08-31', '2027-02-28'],
  ['cas-service@1', '2026-01-15', '2026-07-15']
], function (id, from, last) {
  var s = scheme(id), r = s.whatIf('suspensionLimit', { from: from });
  assert.equal(r.now.limit, s.deadline('suspensionLimit', from).date);
  assert.equal(r.now.limit, last);
  assert.equal(r.changes[0].gives, 'restore');
  assert.equal(r.changes[1].to, date.addDays(last, 1));
  assert.equal(r.changes[1].gives, 'withdraw');
  assert.cites(r, s.deadline('suspensionLimit', from).why[0].clause);
});

test('whatIf refuses an unknown rule, naming the known ones', function () {
  assert.throws(function () { scheme('cas-service').whatIf('manDays', {}); }, /rule must be one of grade, suspensionLimit/);
});
