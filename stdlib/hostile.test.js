// Hostile arguments, round 2 (issue 11): a binding acts on one plain copy of its arguments
// (family 1 and the second half of 9), a read-only query cannot write (4), text keeps its
// bytes (5), nothing is left behind by a failed call (6), and the built-ins rules rely on
// cannot be changed (9). The disk-full cases are in tests/e2e_diskfull.sh, tampering in
// tests/e2e_tamper.sh.

// eventCount() → the number of events in the record log
function eventCount() { return sql('SELECT count(*) AS n FROM events')[0].n; }

var serial = 0;
// newUscc() → a valid Unified Social Credit Code not used before in this file
function newUscc() {
  var base = '91110000' + ('000000000' + (++serial)).slice(-9);
  return base + uscc.check(base + '0').expected;
}

// lastEvent() → the newest event, payload decoded
function lastEvent() {
  var e = sql('SELECT subject, kind, payload FROM events ORDER BY seq DESC LIMIT 1')[0];
  e.payload = JSON.parse(e.payload);
  return e;
}

// changing(value…) → an object whose property `name` gives the next value on every read
function changing(values, extra) {
  var o = extra || {}, n = 0;
  Object.defineProperty(o, 'name', { enumerable: true, get: function () { return values[Math.min(n++, values.length - 1)]; } });
  o.reads = function () { return n; };
  return o;
}

// ---- family 1: one plain copy at entry ----

test('reminder.record with a uid getter giving a new long string each read: logged intact, read once', function () {
  var reads = 0, seen = [];
  var item = Object.defineProperty({ fp: 'f' }, 'uid', {
    enumerable: true, get: function () { reads++; var s = new Array(150).join('A') + Math.random(); seen.push(s); return s; }
  });
  assert.equal(reminder.record([item]), 1);
  assert.equal(reads, 1, 'the getter ran once');
  var e = lastEvent();
  assert.equal(e.subject, 'reminder:' + seen[0]);
  assert.equal(e.payload.uid, seen[0], 'the logged item is the one acted on');
  assert.equal(log.verify().ok, true);
});

test.table('reminder.record: getters that change their answer cannot split what is validated from what is written', [
  [function () { return [{ get uid() { return 'u1'; }, fp: 'x' }]; }, 'u1'],
  [function () { var n = 0; return [Object.defineProperty({ fp: 'x' }, 'uid', { enumerable: true, get: function () { return n++ ? '' : 'first'; } })]; }, 'first'],
  [function () { var n = 0; return [Object.defineProperty({ fp: 'x' }, 'uid', { enumerable: true, get: function () { return n++ ? 'second' : 7; } })]; }, '7']
], function (make, uid) {
  reminder.record(make());
  assert.equal(lastEvent().subject, 'reminder:' + uid);
});

test('org.create with a name getter changing on each read: the stored, the logged and the validated name agree', function () {
  var o = changing(['甲公司', '   ', 'CHANGED'], { uscc: newUscc(), staff: 3 });
  delete o.reads;
  var reads = 0;
  Object.defineProperty(o, 'staff', { enumerable: true, get: function () { reads++; return reads === 1 ? 3 : 0; } });
  var org = core.org.create(o);
  assert.equal(org.name, '甲公司');
  assert.equal(org.staff, 3);
  assert.equal(reads, 1);
  var e = lastEvent();
  assert.equal(e.payload.args.name, '甲公司', 'the logged args are what was acted on: ' + JSON.stringify(e.payload.args));
  assert.equal(e.payload.args.staff, 3);
});

test('a Proxy as options is read once per field, and the log holds what was acted on', function () {
  var gets = {};
  var target = { name: '乙公司', uscc: newUscc(), staff: 5 };
  var p = new Proxy(target, { get: function (t, k) { gets[k] = (gets[k] || 0) + 1; return gets[k] > 1 && k === 'name' ? 'OTHER' : t[k]; } });
  var org = core.org.create(p);
  assert.equal(org.name, '乙公司');
  assert.equal(lastEvent().payload.args.name, '乙公司');
  assert.ok(!(gets.name > 1), 'name read ' + gets.name + ' times');
});

test.table('arguments nested too deeply or referring to themselves are refused before anything is written', [
  [function () { var a = {}; a.self = a; return { name: 'x', uscc: newUscc(), staff: 1, facts: a }; }],
  [function () { var d = []; for (var i = 0; i < 1500; i++) d = [d]; return { name: 'x', uscc: newUscc(), staff: 1, facts: { d: d } }; }],
  [function () { var d = {}; for (var i = 0; i < 40; i++) d = { d: d }; return { name: 'x', uscc: newUscc(), staff: 1, facts: d }; }]
], function (make) {
  var before = eventCount();
  var e = assert.throws(function () { core.org.create(make()); }, 'invalid');
  assert.ok(/nested|deeper/.test(e.message), e.message);
  assert.equal(eventCount(), before);
});

test('sql() parameters are read once: a getter on the params array cannot change the bound value', function () {
  var reads = 0, params = [];
  Object.defineProperty(params, 0, { enumerable: true, get: function () { reads++; return reads === 1 ? 'a' : 'b'; } });
  assert.equal(sql('SELECT ? AS v', params)[0].v, 'a');
  assert.equal(reads, 1);
});

// ---- family 4: a read-only query cannot write ----

test.table('table-valued pragmas that write or run checks are refused; sqlite_stat1 never appears', [
  ['SELECT * FROM pragma_optimize'], ['SELECT * FROM PRAGMA_OPTIMIZE(0x10002)'], ['SELECT * FROM main.pragma_optimize'],
  ['SELECT (SELECT count(*) FROM pragma_optimize) AS n'], ['WITH x AS (SELECT * FROM pragma_optimize) SELECT * FROM x'],
  ['SELECT * FROM pragma_integrity_check'], ['SELECT * FROM pragma_quick_check'], ['SELECT * FROM pragma_analysis_limit'],
  ['SELECT * FROM pragma_journal_mode'], ['SELECT * FROM pragma_database_list']
], function (text) {
  sql("SELECT id FROM certificates WHERE status = 'active'");
  assert.throws(function () { sql(text); }, 'read-only');
  assert.equal(sql("SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'")[0].n, 0);
});

test('the harmless introspection pragmas still answer', function () {
  assert.ok(sql("SELECT name FROM pragma_table_info('orgs')").length > 3);
  assert.ok(sql("SELECT name FROM Pragma_Table_Info('orgs')").length > 3);
  assert.ok(sql("SELECT * FROM pragma_index_list('orgs')").length >= 1);
});

// ---- family 6: nothing left behind ----

// sqlFunctionNamed(name) → true when SQL can call a function called name
function sqlFunctionNamed(name) { return sql('SELECT count(*) AS n FROM pragma_function_list WHERE name = ?', [name.toLowerCase()])[0].n > 0; }

test.table('sqlFunctions whose argument object throws while being read registers nothing', [
  [function () { var o = { okA: function () { return 1; } }; Object.defineProperty(o, 'bad', { enumerable: true, get: function () { throw new Error('boom'); } }); return o; }, /boom/],
  [function () { return new Proxy({ okA: function () { return 1; }, okB: function () { return 2; } }, { ownKeys: function () { throw new Error('proxy boom'); } }); }, /proxy boom/],
  [function () { var o = { okA: function () { return 1; }, okB: function () { return 2; } }; Object.defineProperty(o, 'z', { enumerable: true, get: function () { throw new RangeError('late boom'); } }); return o; }, /late boom/],
  [function () { return { okA: function () { return 1; }, okB: 5 }; }, /must be a function/],
  [function () { return { okA: function () { return 1; }, 'no way': function () {} }; }, /must be a name/]
], function (make, message) {
  var ran = false;
  assert.throws(function () { sqlFunctions(make(), function () { ran = true; }); }, message);
  assert.equal(ran, false);
  assert.equal(sqlFunctionNamed('okA'), false, 'okA left registered');
  assert.equal(sqlFunctionNamed('okB'), false, 'okB left registered');
  assert.equal(sqlFunctions({ okA: function () { return 42; } }, function () { return sql('SELECT okA() AS v')[0].v; }), 42);
});

test.table('shops are validated in core: a list of {domain, platform} text', [
  [[1, 'a', null]], [['a.com']], [[{ domain: 'a.com' }]], [[{ domain: 'a.com', platform: 7 }]],
  [[{ domain: 'a.com', platform: 'x', extra: 1 }]], [[{ domain: ' ', platform: 'x' }]], [[[{ domain: 'a', platform: 'b' }]]],
  [{ domain: 'a.com', platform: 'x' }]
], function (shops) {
  var before = eventCount();
  var e = assert.throws(function () { core.org.create({ name: '丙', uscc: newUscc(), staff: 1, shops: shops }); }, 'invalid');
  assert.equal(e.field, 'shops');
  assert.equal(eventCount(), before);
  var org = core.org.create({ name: '丙', uscc: newUscc(), staff: 1, shops: [{ domain: 'shop.example.com', platform: '天猫' }] });
  assert.throws(function () { core.org.update(org.id, { shops: shops }); }, 'invalid');
  assert.equal(core.org.get(org.id).shops, [{ domain: 'shop.example.com', platform: '天猫' }]);
});

// ---- family 9: the built-ins rules rely on are read-only ----

var dni = scheme('dni-aftersales@F/2');
// dniDays() → DNI's surveillance and initial man-days for 876 staff (8.8 rounded up: Math.ceil)
function dniDays() {
  var a = dni.manDays({ employees: 876, audit: 'initial' }), b = dni.manDays({ employees: 876, audit: 'surveillance' });
  return [a.total, a.onsite, b.total];
}
var DNI_BEFORE = dniDays();
// sloppy(src) → runs src as non-strict code (where a refused assignment is silently ignored)
var sloppy = Function('src', 'return (0, eval)(src);');

test.table('patching a built-in is refused, strictly or silently, and the rule\'s answer is unchanged', [
  ['Math.ceil = function () { return 0; }'],
  ['Math.floor = function () { return 0; }; Math.round = Math.floor'],
  ['Array.prototype.forEach = function () {}'],
  ['Array.prototype.map = function () { return []; }; Array.prototype.filter = Array.prototype.map'],
  ['Array.prototype.some = function () { return false; }; Array.prototype.indexOf = function () { return -1; }'],
  ['Object.keys = function () { return []; }'],
  ['Object.prototype.hasOwnProperty = function () { return false; }'],
  ['String.prototype.indexOf = function () { return -1; }'],
  ['Number.prototype.toFixed = function () { return "0"; }'],
  ['Date.prototype.getTime = function () { return 0; }; Date.now = function () { return 0; }'],
  ['JSON.stringify = function () { return "{}"; }'],
  ['Math = { ceil: function () { return 0; } }'],
  ['Array = function () {}'],
  ['delete Math.ceil'],
  ['Object.defineProperty(Math, "ceil", { value: function () { return 0; } })']
], function (patch) {
  var strictError = null;
  try { Function("'use strict'; " + patch)(); } catch (e) { strictError = e; }
  assert.ok(strictError instanceof TypeError, 'strict code: a TypeError, got ' + strictError);
  try { sloppy(patch); } catch (e) { assert.ok(e instanceof TypeError, 'sloppy code: ignored or a TypeError, got ' + e); }
  assert.equal(dniDays(), DNI_BEFORE);
  assert.equal(Math.ceil(8.8), 9);
  assert.equal([3, 1, 2].map(function (x) { return x * 2; }), [6, 2, 4]);
  assert.equal(scheme('dni-aftersales@F/2').id, 'dni-aftersales');
});

test('ordinary code still defines its own constructor, toString, valueOf and toJSON', function () {
  'use strict';
  function Money(n) { this.n = n; }
  Money.prototype.toString = function () { return this.n + ' 元'; };
  Money.prototype.valueOf = function () { return this.n; };
  Money.prototype.toJSON = function () { return { yuan: this.n }; };
  Money.prototype.constructor = Money;
  var m = new Money(5);
  assert.equal(String(m), '5 元');
  assert.equal(m + 1, 6);
  assert.equal(JSON.stringify({ m: m }), '{"m":{"yuan":5}}');
  var o = {};
  o.toString = function () { return 'mine'; };
  assert.equal('' + o, 'mine');
  assert.equal(Object.prototype.toString.call([]), '[object Array]');
  assert.throws(function () { Object.prototype.toString = function () { return 'x'; }; }, /read-only/);
  assert.equal({}.toString(), '[object Object]');
});

// ---- family 5: text keeps its bytes ----

test.table('text outside the BMP goes into SQLite as UTF-8 and comes back equal', [
  ['😀'], ['𠀀𠀁'], ['家电 🏠 维修'], ['\ud83d\ude00'], ['a😀b😀c']
], function (text) {
  var org = core.org.create({ name: text, uscc: newUscc(), staff: 1, facts: { note: text } });
  assert.equal(org.name, text);
  assert.equal(org.name.length, text.length, 'UTF-16 length kept');
  assert.equal(org.facts.note, text);
  var row = sql('SELECT name, hex(name) AS h, length(name) AS n FROM orgs WHERE id = ?', [org.id])[0];
  assert.equal(row.name, text);
  assert.ok(!/ED[AB][0-9A-F]/.test(row.h), 'no surrogate halves stored: ' + row.h);
  assert.equal(sql('SELECT max(id) AS id FROM orgs WHERE name = ?', [text])[0].id, org.id);
  assert.equal(sql("SELECT max(id) AS id FROM orgs WHERE name = '" + text + "'")[0].id, org.id, 'a literal in the SQL text too');
  assert.equal(sqlFunctions({ echo: function (s) { return s; } }, function () {
    return sql('SELECT echo(name) = name AS same FROM orgs WHERE id = ?', [org.id])[0].same;
  }), 1, 'through a SQL function and back');
  assert.equal(lastEvent().payload.args.name, text, 'the logged args hold the same text');
  assert.equal(log.verify().ok, true);
});

test.table('a NUL in a text field or a date is refused, naming the field and the value', [
  [function () { core.org.create({ name: 'AB\u0000CD', uscc: newUscc(), staff: 1 }); }, 'name', /AB\\u0000CD/],
  [function () { core.org.create({ name: '甲', uscc: newUscc() + '\u0000', staff: 1 }); }, 'uscc', /NUL/],
  [function () { core.org.create({ name: '甲', uscc: newUscc(), staff: 1, address: '杭州\u0000西湖' }); }, 'address', /杭州\\u0000西湖/],
  [function () { core.person.create({ name: '张\u0000三', roles: ['auditor'] }); }, 'name', /NUL/],
  [function () { log.stateOn('org:1', '2026-02-03\u0000x'); }, 'date', /2026-02-03\\u0000x/],
  [function () { log.history('org:1\u0000x'); }, 'subject', /NUL/],
  [function () { reminder.record([{ uid: 'u\u0000v', fp: 'f' }]); }, 'uid', /NUL/],
  [function () { date.addDays('2026-01-01\u0000', 1); }, 'date', /NUL/]
], function (fn, field, message) {
  var before = eventCount();
  var e = assert.throws(fn, message);
  assert.equal(e.code, 'invalid');
  assert.equal(e.field, field);
  assert.equal(eventCount(), before);
});
