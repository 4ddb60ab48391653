// stdlib/test.js — the test runner behind `certsh test`: test(name, fn), test.table(…),
// assert.*, and run(file), which runs what a file registered and prints each failure.
'use strict';

var registered = [];

// AssertionError: a failed expectation, with what was expected and what came.
function AssertionError(message) {
  this.name = 'AssertionError';
  this.message = message;
}
AssertionError.prototype = Object.create(Error.prototype);
AssertionError.prototype.constructor = AssertionError;

// show(value) → a short readable form for failure messages.
function show(v) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'function') return 'function';
  try { return JSON.stringify(v); } catch (e) { return String(v); }
}

// sameValue(a, b) → true when a and b are equal, comparing arrays and objects by content.
function sameValue(a, b) {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return isNaN(a) && isNaN(b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  var ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (var i = 0; i < ka.length; i++) {
    if (!Object.prototype.hasOwnProperty.call(b, ka[i]) || !sameValue(a[ka[i]], b[ka[i]])) return false;
  }
  return true;
}

function fail(message, note) {
  throw new AssertionError((note ? note + ': ' : '') + message);
}

var assert = {
  // assert.ok(value, note): value is truthy
  ok: function (value, note) { if (!value) fail('expected a true value, got ' + show(value), note); },
  // assert.equal(actual, expected, note): equal by content (arrays and objects compared deeply)
  equal: function (actual, expected, note) {
    if (!sameValue(actual, expected)) fail('expected ' + show(expected) + ', got ' + show(actual), note);
  },
  // assert.notEqual(actual, unexpected, note)
  notEqual: function (actual, unexpected, note) {
    if (sameValue(actual, unexpected)) fail('expected anything but ' + show(unexpected), note);
  },
  // assert.near(actual, expected, tolerance, note): numbers within tolerance (default 1e-9)
  near: function (actual, expected, tolerance, note) {
    var tol = tolerance === undefined ? 1e-9 : tolerance;
    if (typeof actual !== 'number' || Math.abs(actual - expected) > tol) {
      fail('expected ' + expected + ' ± ' + tol + ', got ' + show(actual), note);
    }
  },
  // assert.throws(fn, expect, note) → the error; expect is required: a code ('invalid') or a
  // RegExp for the message. A failed assertion inside fn is its own failure, never "the error".
  throws: function (fn, expect, note) {
    if (!(expect instanceof RegExp) && !(typeof expect === 'string' && expect !== '')) {
      fail('assert.throws needs an expectation: an error code such as \'invalid\' or a RegExp for the message, got ' +
           show(expect), note);
    }
    var err = null, threw = false;
    try { fn(); } catch (e) { err = e; threw = true; }
    if (!threw) fail('expected an error (' + String(expect) + '), none was thrown', note);
    if (err instanceof AssertionError) throw err;
    if (expect instanceof RegExp) {
      if (!expect.test(String(err && err.message !== undefined ? err.message : err))) {
        fail('error message ' + show(err && err.message) + ' does not match ' + String(expect), note);
      }
    } else if (!err || err.code !== expect) {
      fail('expected error code ' + show(expect) + ', got ' + show(err && err.code) + ' (' + (err && err.message) + ')', note);
    }
    return err;
  },
  // assert.cites(result, clause, note): result.why has a step citing clause (e.g. '§6.5')
  cites: function (result, clause, note) {
    var why = result && result.why;
    if (!Array.isArray(why)) fail('result has no why', note);
    for (var i = 0; i < why.length; i++) if (why[i].clause === clause) return;
    fail('no why step cites ' + show(clause) + '; cited ' + show(why.map(function (w) { return w.clause; })), note);
  }
};

// test(name, fn): register a test; fn runs later, inside run().
function test(name, fn) {
  if (typeof name !== 'string' || typeof fn !== 'function') {
    throw new TypeError('test(name, fn): name must be text and fn a function');
  }
  registered.push({ name: name, fn: fn });
}

// test.table(title, rows, fn): one test per row; fn receives the row's cells as arguments.
// Rows read like the rule document's table: [[20, 'initial', 3], [21, 'initial', 4], …].
test.table = function (title, rows, fn) {
  rows.forEach(function (row) {
    var cells = Array.isArray(row) ? row : [row];
    test(title + ' ' + show(cells), function () { return fn.apply(null, cells); });
  });
};

exports.assert = assert;
exports.test = test;
exports.AssertionError = AssertionError;

// install(global): give a test file its globals.
exports.install = function (g) {
  g.test = test;
  g.assert = assert;
  require('stdlib/rules').scratchRegister('certsh test'); // the tests' register is in memory: a --lib scheme is adopted on use
};

// run(file) → {passed, failed}: run the registered tests in order, printing failures.
exports.run = function (file) {
  var passed = 0, failed = 0;
  if (registered.length === 0) { // a file that tests nothing must not read as a pass
    print('FAIL ' + file + ': the file registered no test (call test(name, fn))');
    failed++;
  }
  registered.forEach(function (t) {
    try {
      t.fn();
      passed++;
    } catch (e) {
      failed++;
      var msg = e && e.message !== undefined ? e.message : String(e);
      print('FAIL ' + file + ': ' + t.name + ': ' + msg);
    }
  });
  print((failed ? 'not ok ' : 'ok ') + file + ' (' + passed + ' passed, ' + failed + ' failed)');
  registered = [];
  return { passed: passed, failed: failed };
};
