// The sandbox (DESIGN.md "Scripts are sandboxed"; issue 6 "Hostile scripts"): a script cannot
// reach files, the network, processes or engine internals, cannot write to the register except
// through the primitives, and every misuse of a binding ends in a clear, catchable error.
// The cases that end an evaluation (time budget, memory cap) are in tests/e2e_hostile.sh.

var globalObject = Function('return this')();

// eventCount() → the number of events in the record log
function eventCount() { return sql('SELECT count(*) AS n FROM events')[0].n; }

test.table('require refuses paths outside the library', [
  ['../x'], ['/etc/passwd'], ['stdlib/../../etc/passwd'], ['schemes/../../../etc/passwd'],
  ['..\\..\\etc\\passwd'], ['some/other/place'], ['file:///etc/passwd']
], function (id) {
  var e = assert.throws(function () { require(id); }, 'not-found');
  assert.equal(e.field, 'require');
  assert.ok(e.message.indexOf(id) >= 0, 'the message names the id: ' + e.message);
});

test('require of a module the library does not have is a clear error, and is not cached', function () {
  assert.throws(function () { require('no-such-module'); }, /no module stdlib\/no-such-module\.js/);
  assert.throws(function () { require('no-such-module'); }, 'not-found');
});

test('engine internals are not reachable: no Duktape object, by any route', function () {
  assert.equal(typeof Duktape, 'undefined');
  assert.equal(typeof globalObject.Duktape, 'undefined');
  assert.equal(Function('return typeof Duktape')(), 'undefined');
  assert.equal((0, eval)('typeof Duktape'), 'undefined');
  assert.equal(Object.getOwnPropertyNames(globalObject).indexOf('Duktape'), -1);
});

test.table('no global gives access to files, network or processes', [
  ['process'], ['os'], ['fs'], ['require.resolve'], ['load'], ['readFile'], ['writeFile'], ['XMLHttpRequest'],
  ['fetch'], ['socket'], ['system'], ['exec'], ['spawn'], ['importScripts'], ['Packages'], ['java']
], function (name) {
  var parts = name.split('.'), v = globalObject;
  for (var i = 0; i < parts.length && v !== undefined; i++) v = v[parts[i]];
  assert.equal(v, undefined, name);
});

// The binding namespaces: global objects whose properties are host (native) functions.
function bindingNamespaces() {
  var builtins = ['JSON', 'Math', 'Reflect', 'CBOR', 'performance', 'globalThis'];
  var found = [];
  Object.getOwnPropertyNames(globalObject).forEach(function (name) {
    var d = Object.getOwnPropertyDescriptor(globalObject, name);
    if (!d || d.get || builtins.indexOf(name) >= 0) return; // lazy JS globals load on demand
    var v = d.value;
    if (v === null || typeof v !== 'object' || v === globalObject) return;
    var natives = Object.getOwnPropertyNames(v).filter(function (k) {
      return typeof v[k] === 'function' && /\[native code\]/.test(String(v[k]));
    });
    if (natives.length) found.push(name);
  });
  return found;
}

test('every binding namespace is frozen: its functions cannot be replaced or removed', function () {
  var names = bindingNamespaces();
  assert.ok(names.indexOf('log') >= 0 && names.indexOf('uscc') >= 0, 'found ' + names.join(', '));
  names.forEach(function (name) {
    var ns = globalObject[name];
    assert.ok(Object.isFrozen(ns), name + ' is frozen');
    Object.getOwnPropertyNames(ns).forEach(function (k) {
      var before = ns[k];
      // a data property is not writable; an accessor (uscc.division, loaded on first use) has no setter
      assert.throws(function () { 'use strict'; ns[k] = function () { return 'hijacked'; }; }, /not writable|setter undefined/, name + '.' + k);
      assert.throws(function () { 'use strict'; delete ns[k]; }, /not configurable/, name + '.' + k);
      assert.ok(ns[k] === before, name + '.' + k + ' unchanged');
    });
  });
});

test('shared prototypes cannot be tampered with, and the bindings return intact rows', function () {
  'use strict';
  assert.throws(function () { Object.prototype.toJSON = function () { throw new Error('tampered toJSON'); }; }, /not extensible|read-only/);
  assert.throws(function () { Array.prototype.push = function () { throw new Error('tampered push'); }; }, /not writable/);
  assert.throws(function () {
    Object.defineProperty(Object.prototype, 'n', { set: function () { throw new Error('tampered setter'); }, configurable: true });
  }, /not extensible/);
  var rows = sql('SELECT 1 AS n UNION ALL SELECT 2 ORDER BY 1');
  assert.ok(rows.length === 2 && rows[0].n === 1 && rows[1].n === 2, 'rows read back intact');
  assert.equal(log.verify().ok, true);
});

test.table('sql() refuses every kind of write, and the register is unchanged', [
  ['DELETE FROM events'], ['UPDATE events SET kind = 1'], ['INSERT INTO orgs(name) VALUES (1)'],
  ['DROP TABLE events'], ['DROP TRIGGER events_no_update'], ['CREATE TABLE x(a)'], ['CREATE TEMP TABLE x(a)'],
  ['ATTACH DATABASE \'/tmp/certsh-hostile.db\' AS x'], ['PRAGMA writable_schema = 1'], ['PRAGMA journal_mode = DELETE'],
  ['PRAGMA foreign_keys = OFF'], ['VACUUM INTO \'/tmp/certsh-hostile.db\''], ['REINDEX'], ['ANALYZE'],
  ['BEGIN'], ['COMMIT'], ['SAVEPOINT x'], ['SELECT load_extension(\'/tmp/x\')'], ['SELECT writefile(\'/tmp/x\', 1)'],
  ['SELECT 1; DELETE FROM events']
], function (text) {
  var before = eventCount();
  var e = assert.throws(function () { sql(text); }, /^sql(Each)?\(text/);
  assert.ok(/^(read-only|sql|sqlite)$/.test(e.code), 'code ' + e.code + ': ' + e.message);
  assert.ok(/^sql(Each)?\(text/.test(e.message), 'the message names the function: ' + e.message);
  assert.equal(eventCount(), before);
  assert.equal(log.verify().ok, true);
});

test.table('bindings called with wrong types throw a catchable error naming the function', [
  [function () { sql({}); }, 'invalid'],
  [function () { sql('SELECT ?', {}); }, 'invalid'],
  [function () { sql('SELECT ?', [function () {}]); }, 'invalid'],
  [function () { sqlEach('SELECT 1', 5); }, 'invalid'],
  [function () { sqlEach('SELECT ?', 5, function () {}); }, 'invalid'],
  [function () { transaction(5); }, 'invalid'],
  [function () { transaction(); }, 'invalid'],
  [function () { log.stateOn('org:1', 'not a date'); }, 'invalid'],
  [function () { log.stateOn('org:1', '2023-02-30'); }, 'invalid'],
  [function () { log.history(); }, 'invalid'],
  [function () { log.history(5); }, 'invalid'],
  [function () { log.stateOn({}, '2024-01-01'); }, 'invalid'],
  [function () { uscc.check(5); }, 'invalid'],
  [function () { require(5); }, 'invalid'],
  [function () { sql('SELECT ?', 1, 2); }, 'invalid'],
  [function () { sql('SELECT ?'); }, 'invalid'],
  [function () { sqlEach('SELECT ?', [1, 2], function () {}); }, 'invalid'],
  [function () { sqlPrint('SELECT ?', []); }, 'invalid'],
  [function () { sqlWrite('SELECT ?', []); }, 'invalid'],
  [function () { sqlFunctions({ f: function () {} }); }, 'invalid']
], function (fn, code) {
  var e = assert.throws(fn, code);
  assert.ok(e instanceof Error, 'an Error, not ' + typeof e);
  assert.equal(sql('SELECT 1 AS ok')[0].ok, 1, 'the host still answers');
});

test('huge arguments are handled, not crashed on', function () {
  var big = new Array(1 << 20).join('9'); // a megabyte of digits
  assert.equal(uscc.isValid(big), false);
  assert.equal(sql('SELECT length(?) AS n', big + 'x')[0].n, 1 << 20);
  assert.equal(log.history(big).length, 0);
  assert.throws(function () { log.stateOn(big, big); }, 'invalid');
  var many = [];
  for (var i = 0; i < 40000; i++) many.push(i);
  var e = assert.throws(function () { sql('SELECT ?', many); }, 'invalid'); // more than SQLite takes
  assert.ok(/40000 parameters/.test(e.message), e.message);
  assert.throws(function () { sql(big); }, 'sql');
  assert.throws(function () { sql('SELECT zeroblob(2000000000)'); }, /too big/); // beyond the --mem cap
});

test('a parameter getter that throws while sql() binds leaves no statement behind', function () {
  var params = [];
  Object.defineProperty(params, 0, { get: function () { throw new Error('getter refuses'); }, enumerable: true });
  assert.throws(function () { sql('SELECT ? AS a', params); }, /getter refuses/);
  assert.throws(function () { sqlEach('SELECT ? AS a', params, function () {}); }, /getter refuses/);
  assert.equal(sql('SELECT 2 AS a')[0].a, 2);
});

test('non-Error values thrown through the host arrive unchanged', function () {
  [42, 'text', null, undefined, { code: 'mine' }, [1, 2]].forEach(function (v) {
    var got = 'nothing';
    try { transaction(function () { throw v; }); } catch (e) { got = e; }
    assert.ok(got === v, 'transaction rethrew ' + JSON.stringify(v));
    got = 'nothing';
    try { sqlEach('SELECT 1 AS a UNION ALL SELECT 2', function () { throw v; }); } catch (e) { got = e; }
    assert.ok(got === v, 'sqlEach rethrew ' + JSON.stringify(v));
  });
  assert.equal(sql('SELECT 3 AS a')[0].a, 3);
});

test('re-entrancy: callbacks may call back into the host during sqlEach and transaction', function () {
  var seen = [];
  var value = transaction(function () {
    sqlEach('SELECT 1 AS a UNION ALL SELECT 2 UNION ALL SELECT 3', function (r) {
      seen.push(r.a + sql('SELECT count(*) AS n FROM events')[0].n);
      sqlEach('SELECT 10 AS b', function (q) { seen.push(q.b); });
      transaction(function () { seen.push(log.verify().ok); });
    });
    try { transaction(function () { throw new Error('inner fails'); }); } catch (e) { seen.push(e.message); }
    return 'outer done';
  });
  assert.equal(value, 'outer done');
  assert.equal(seen, [1, 10, true, 2, 10, true, 3, 10, true, 'inner fails']);
});

test('a callback stopping sqlEach early, or throwing, leaves the host usable', function () {
  var n = sqlEach('SELECT 1 AS a UNION ALL SELECT 2 UNION ALL SELECT 3', function (r) { return r.a < 2; });
  assert.equal(n, 2);
  assert.throws(function () { sqlEach('SELECT 1 AS a', function () { null.x; }); }, /null|undefined/);
  assert.equal(sql('SELECT 4 AS a')[0].a, 4);
});

test('deep recursion is a catchable RangeError, and the heap lives on', function () {
  function down(n) { return 1 + down(n + 1); }
  var e = assert.throws(function () { down(0); }, /callstack limit/);
  assert.ok(e instanceof RangeError, String(e));
  var nested = [];
  for (var i = 0; i < 100000; i++) nested = [nested];
  assert.throws(function () { JSON.stringify(nested); }, /recursion limit/);
  assert.equal(sql('SELECT 5 AS a')[0].a, 5);
});

test('the Function constructor and eval run with the same sandboxed globals', function () {
  assert.equal(Function('return typeof sql')(), 'function');
  assert.equal(Function('return typeof Duktape')(), 'undefined');
  assert.throws(function () { Function('return sql("DELETE FROM events")')(); }, 'read-only');
  assert.throws(function () { (0, eval)('require("../../etc/passwd")'); }, 'not-found');
});
