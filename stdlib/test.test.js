// The test runner's own assertions (stdlib/test.js, issue 11 family 11): assert.throws needs
// an expectation, and a failed assertion inside its function is never taken as the error.

var AssertionError = require('stdlib/test').AssertionError;

// failure(fn) → the AssertionError fn throws (itself an assertion that it throws one)
function failure(fn) {
  try { fn(); } catch (e) {
    if (e instanceof AssertionError) return e;
    throw new Error('expected an AssertionError, got ' + e);
  }
  throw new Error('expected an AssertionError, none was thrown');
}

test.table('assert.throws refuses a missing or meaningless expectation', [
  [undefined], [null], [''], [42], [true], [{}], [function () {}]
], function (expect) {
  var e = failure(function () { assert.throws(function () { throw new Error('anything'); }, expect); });
  assert.ok(/needs an expectation/.test(e.message), e.message);
});

test('assert.throws refuses a missing expectation even when nothing is thrown', function () {
  var e = failure(function () { assert.throws(function () {}); });
  assert.ok(/needs an expectation/.test(e.message), e.message);
});

test.table('a failed assertion inside the function is reported as itself', [
  [function () { assert.equal(1, 2); }, /expected/, /^expected 2, got 1$/],
  [function () { assert.ok(false, 'inner'); }, 'invalid', /^inner: expected a true value/],
  [function () { assert.throws(function () {}, 'x'); }, /none was thrown/, /none was thrown/]
], function (fn, expect, want) {
  var e = failure(function () { assert.throws(fn, expect); });
  assert.ok(want.test(e.message), e.message);
});

test('assert.throws returns the error that matches a code or a RegExp', function () {
  var e = assert.throws(function () { date.addDays('2026-02-30', 1); }, 'invalid');
  assert.equal(e.code, 'invalid');
  var t = assert.throws(function () { null.x; }, /null|undefined/);
  assert.ok(t instanceof TypeError, String(t));
});

test.table('a wrong code or a message that does not match fails', [
  [function () { date.addDays('2026-02-30', 1); }, 'not-found', /expected error code "not-found", got "invalid"/],
  [function () { throw new Error('abc'); }, /xyz/, /does not match \/xyz\//],
  [function () { throw 'a string'; }, 'invalid', /expected error code/]
], function (fn, expect, want) {
  var e = failure(function () { assert.throws(fn, expect); });
  assert.ok(want.test(e.message), e.message);
});
