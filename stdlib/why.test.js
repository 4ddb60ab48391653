// stdlib/why.test.js — why(value) prints each clause behind a result once, nested results too.
var explain = require('stdlib/why');

var manDays = { total: 5, why: [{ scheme: 'cas-service', version: '2019', clause: 'App. A', text: '51-80 employees: 5 man-days' }] };

test('one aligned line per step: scheme@version, clause, text', function () {
  var r = { pass: true, why: [
    { scheme: 'dni-aftersales', version: 'F/2', clause: '§5.3.3.7', text: 'score 91.5 ≥ 90: 四星级' },
    { scheme: 'dni-aftersales', version: 'F/2', clause: '§5.3', text: '2 special deduction items < 5' }] };
  assert.equal(explain.why(r), 'dni-aftersales@F/2  §5.3.3.7  score 91.5 ≥ 90: 四星级\n' +
                               'dni-aftersales@F/2  §5.3      2 special deduction items < 5');
});

test('steps nested in the result (surveillance().next) are gathered, each once', function () {
  var r = { next: { n: 1, why: manDays.why }, windows: [{ why: manDays.why }], why: [] };
  assert.equal(explain.steps(r).length, 1);
  assert.equal(explain.why([manDays, manDays]), 'cas-service@2019  App. A  51-80 employees: 5 man-days');
});

test('the numbers a step carries beside its text are shown', function () {
  var r = { why: [{ scheme: 'cas-service', version: '2019', clause: '§7.4', text: 'surveillance ≥ 30% of initial', initial: 5, result: 1.5 }] };
  assert.equal(explain.why(r), 'cas-service@2019  §7.4  surveillance ≥ 30% of initial [initial=5 result=1.5]');
});

test('a value without clauses says so', function () {
  assert.equal(explain.why(42), '(no why: this value carries no clauses)');
  assert.equal(explain.why({ why: [] }), '(no why: this value carries no clauses)');
});

test('the compact why: the outcome in one line, the deciding steps, positions counted', function () {
  var w = require('stdlib/why');
  var g = { pass: true, level: '四星级', stars: 4, why: [
    { scheme: 'dni-aftersales', version: 'F/2', clause: '§5.3.3.7', text: 'score 91.5 ≥ 90: 四星级' },
    { scheme: 'dni-aftersales', version: 'F/2', clause: 'Annex 3', text: 'position: rounding up' }] };
  var lines = w.compact(g).split('\n');
  assert.equal(lines[0], 'pass · 四星级 · ★4');
  assert.equal(lines.length, 3);
  assert.equal(lines[2], '(+ 1 position of the scheme file: .why full)');
  assert.ok(w.compact(g, true).indexOf('position: rounding up') >= 0);
  var rows = w.compact([{ number: 'CAS-1', why: g.why }, { uid: 'x/1', why: [] }]).split('\n');
  assert.equal(rows[0], '— number CAS-1 —');
  assert.ok(rows.indexOf('— uid x/1 —') > 0, rows.join('\n'));
});

test('a real grade reads compactly', function () {
  var text = require('stdlib/why').compact(scheme('dni-aftersales').grade({ score: 91.5, deductionItems: 2 }));
  assert.equal(text.split('\n')[0], 'pass · 四星级 · ★4');
  assert.ok(text.indexOf('§5.3.3.7') > 0, text);
});
