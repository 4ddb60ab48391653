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

test('the compact why shows the positions that applied and leaves out those that did not', function () {
  var w = require('stdlib/why');
  var g = { total: 5, why: [
    { scheme: 's', version: '1', clause: 'T1', text: 'band 51-80: 5' },
    { scheme: 's', version: '1', clause: 'T2', text: 'position: halves rounded up', applied: true },
    { scheme: 's', version: '1', clause: 'T3', text: 'position: past 1000 staff', applied: false },
    { scheme: 's', version: '1', clause: 'T4', text: 'position: a reading of the whole table' }] };
  var lines = w.compact(g).split('\n');
  assert.equal(lines, ['total 5', 's@1  T1  band 51-80: 5', 's@1  T2  position: halves rounded up',
    '(+ 2 positions of the scheme file, 1 of them not applying here: .why full)']);
  assert.equal(w.compact({ why: [g.why[2]] }).split('\n').pop(), '(+ 1 position of the scheme file that did not apply here: .why full)');
  var full = w.compact(g, true);
  assert.ok(full.indexOf('s@1  T3  position: past 1000 staff (did not apply here)') >= 0, full);
  assert.ok(full.indexOf('applied=') < 0, 'applied is not printed as a number used: ' + full);
});

test('real results: the 1001+ staff position only past 1000 staff, §8.2 only at recertification', function () {
  var w = require('stdlib/why'), cas = scheme('cas-service');
  var small = w.compact(cas.manDays({ employees: 60, audit: 'initial' }));
  assert.ok(small.indexOf('position') < 0 || /^\(\+ 2 positions of the scheme file that did not apply here/m.test(small), small);
  assert.ok(small.indexOf('1001人及以上') < 0 && small.indexOf('不应少于70%') < 0, small);
  var big = w.compact(cas.manDays({ employees: 1500, audit: 'recertification' }));
  assert.ok(big.indexOf('position: "1001人及以上') > 0 && big.indexOf('§8.2    position:') > 0, big);
  var dni = scheme('dni-aftersales');
  assert.ok(w.compact(dni.manDays({ employees: 60, audit: 'initial' })).indexOf('1/3 (2/3)') < 0);
  assert.ok(w.compact(dni.manDays({ employees: 60, audit: 'surveillance' })).indexOf('1/3 (2/3)') > 0);
  assert.ok(w.compact(dni.manDays({ employees: 12000, audit: 'initial' })).indexOf('>10700') > 0);
  assert.ok(w.compact(dni.manDays({ employees: 60, audit: 'initial' })).indexOf('>10700') < 0);
  var pass = w.compact(cas.grade({ score: 80, deductionItems: 1 })), top = w.compact(cas.grade({ score: 96, deductionItems: 0 }));
  assert.ok(pass.indexOf('scores 70-94.99 are 达标') > 0 && top.indexOf('scores 70-94.99 are 达标') < 0, pass + '\n' + top);
});
