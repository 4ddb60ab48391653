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
