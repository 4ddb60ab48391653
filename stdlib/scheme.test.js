// stdlib/scheme.test.js — the scheme language (dsl/scheme.js): validation when a scheme loads,
// versions side by side, re-evaluation under another version, lint.
var lang = require('dsl/scheme');

// A small valid definition; each test changes one thing.
function def(changes) {
  var d = {
    id: 'demo', version: '1', effective: '2020-01-01', title: 'Demo scheme',
    manDays: {
      table: { clause: 'T1', of: 'employees', columns: ['initial'], rows: [[1, 10, 2], [11, 50, 3]],
        beyond: { clause: 'T1', per: { initial: [100, 1] }, count: 'completed', text: 'completed blocks only' } },
      derived: { surveillance: { ratio: 0.5, clause: 'T2' }, recertification: { ratio: 0.75, clause: 'T2' } },
      rounding: { step: 0.5, mode: 'up', clause: 'T2', text: 'up' }
    },
    grade: { clause: 'G', pass: { minScore: 60, itemsBelow: 3, clause: 'G1' }, fail: 'fail',
      levels: [{ min: 60, level: 'pass', stars: 0 }, { min: 90, level: 'gold', stars: 5 }] },
    deadlines: { correction: { months: 1, clause: 'D' } }
  };
  Object.keys(changes || {}).forEach(function (k) { d[k] = changes[k]; });
  return d;
}

// problems(d) → the fields the validation names
function problems(d) { return lang.validate(d).map(function (p) { return p.field; }); }

test('a valid definition has no problems', function () {
  assert.equal(problems(def()), []);
});

test('overlapping, unordered and gapped bands are refused naming the row', function () {
  var d = def();
  d.manDays = JSON.parse(JSON.stringify(d.manDays));
  d.manDays.table.rows = [[1, 10, 2], [10, 50, 3]];
  assert.equal(problems(d), ['manDays.table.rows[1]']);
  d.manDays.table.rows = [[11, 50, 3], [1, 10, 2]];
  assert.ok(problems(d).indexOf('manDays.table.rows[1]') >= 0);
  d.manDays.table.rows = [[1, 10, 2], [12, 50, 3]];
  assert.ok(/gap/.test(lang.validate(d)[0].message));
  d.manDays.table.rows = [[1, 10, 3], [11, 50, 2]];
  assert.ok(/out of order/.test(lang.validate(d)[0].message));
});

test('grade thresholds out of order, or below the pass score, are refused', function () {
  var g = { clause: 'G', pass: { minScore: 60, clause: 'G1' }, fail: 'fail',
    levels: [{ min: 90, level: 'gold', stars: 5 }, { min: 80, level: 'silver', stars: 3 }] };
  assert.equal(problems(def({ grade: g })), ['grade.levels[1].min', 'grade.levels[1].stars']);
  g.levels = [{ min: 50, level: 'low', stars: 0 }];
  assert.equal(problems(def({ grade: g })), ['grade.levels[0].min']);
});

test('a rule without a clause is refused', function () {
  assert.equal(problems(def({ deadlines: { correction: { months: 2 } } })), ['deadlines.correction.clause']);
  var g = { pass: { minScore: 60 }, fail: 'x', levels: [{ min: 60, level: 'p', stars: 0 }] };
  assert.equal(problems(def({ grade: g })), ['grade.clause', 'grade.pass.clause']);
});

test('a version without a date in force is refused', function () {
  var e = assert.throws(function () { defineScheme(def({ effective: undefined, id: 'nodate' })); }, 'invalid-scheme');
  assert.equal(e.field, 'effective');
  assert.ok(/date in force/.test(e.message));
  assert.throws(function () { defineScheme(def({ effective: '2025-02-30', id: 'nodate' })); }, 'invalid-scheme');
});

test('every problem is listed, each with its field', function () {
  var e = assert.throws(function () { defineScheme(def({ id: 'Bad Id', colour: 'red', deadlines: { soon: { days: 1, clause: 'x' } } })); }, 'invalid-scheme');
  assert.equal(e.problems.map(function (p) { return p.field; }), ['id', 'deadlines.soon', 'colour']);
});

test('a table without a stated continuation refuses a value past its end', function () {
  var d = def({ id: 'short' });
  d.manDays = JSON.parse(JSON.stringify(d.manDays));
  delete d.manDays.table.beyond;
  var s = defineScheme(d);
  var e = assert.throws(function () { s.manDays({ employees: 51, audit: 'initial' }); }, 'range');
  assert.ok(/ends at 50/.test(e.message));
});

test('"completed" continuation counts only whole further blocks', function () {
  var s = defineScheme(def({ id: 'blocks' }));
  assert.equal([s.manDays({ employees: 149, audit: 'initial' }).total, s.manDays({ employees: 150, audit: 'initial' }).total], [3, 4]);
  assert.equal(s.manDays({ employees: 150, audit: 'recertification' }).total, 3); // 4 × 0.75
});

test('versions side by side; a plain id is the version in force on today()', function () {
  var v1 = defineScheme(def({ id: 'twin', version: 'A/1', effective: '2020-01-01' }));
  var v2 = defineScheme(def({ id: 'twin', version: 'A/2', effective: '2026-03-01', extends: v1,
    deadlines: { correction: { months: 3, clause: 'D2' } } }));
  var realToday = today;
  try {
    today = function () { return '2026-02-28'; };
    assert.equal(String(scheme('twin')), 'twin@A/1');
    today = function () { return '2026-03-01'; };
    assert.equal(String(scheme('twin')), 'twin@A/2');
    today = function () { return '2019-12-31'; };
    assert.throws(function () { scheme('twin'); }, 'not-in-force');
  } finally {
    today = realToday;
  }
  assert.equal(scheme('twin@A/1'), v1);
  assert.equal(v2.manDays({ employees: 5, audit: 'initial' }).total, 2); // inherited from A/1
  assert.throws(function () { scheme('twin@A/9'); }, 'not-found');
  assert.throws(function () { defineScheme(def({ id: 'twin', version: 'A/1' })); }, 'duplicate');
});

test('compare lists what would change under another version', function () {
  var a = defineScheme(def({ id: 'cmp', version: '1' }));
  var b = defineScheme(def({ id: 'cmp', version: '2', effective: '2024-01-01', extends: a,
    grade: { clause: 'G', pass: { minScore: 70, itemsBelow: 3, clause: 'G1' }, fail: 'fail', levels: [{ min: 70, level: 'pass', stars: 0 }] } }));
  var r = a.compare(b, { grade: [{ score: 65 }, { score: 95 }, { score: 75 }], manDays: { employees: 20, audit: 'initial' }, deadlines: { correction: '2025-01-31' } });
  assert.equal(r.changes.map(function (c) { return c.input.score; }), [65, 95]);
  assert.equal(r.changes[0].before, { pass: true, level: 'pass', stars: 0 });
  assert.equal(r.changes[0].after, { pass: false, level: 'fail', stars: 0 });
  assert.equal(r.same.length, 3);
  assert.equal([r.from, r.to], ['cmp@1', 'cmp@2']);
});

test('a scheme is frozen', function () {
  var s = scheme('cas-service@1');
  assert.ok(Object.isFrozen(s));
  s.grade = null;
  assert.equal(typeof s.grade, 'function');
});

test('schemes() names the library\'s schemes, not the criteria nor the tests', function () {
  var ids = schemes();
  ['cas-service', 'cfc-sc14', 'dni-aftersales'].forEach(function (id) { assert.ok(ids.indexOf(id) >= 0, id); });
  assert.equal(ids.indexOf('gbt27922'), -1);
  assert.equal(ids.indexOf('gbt31524'), -1);
  assert.throws(function () { scheme('no-such-scheme'); }, 'not-found');
  assert.throws(function () { scheme('../stdlib/test'); }, 'invalid');
});

test('criteria: the GB/T 27922 tree has 3 first-level and 15 second-level indicators', function () {
  var c = criteria('gbt27922');
  assert.equal(c.tree.length, 3);
  assert.equal(c.indicators().length, 15);
  assert.equal(c.weights, null);
});

test('lint reports every problem of a file without registering anything', function () {
  var found = lang.lint(function () {
    defineScheme(def({ id: 'linted', effective: 'soon' }));
    defineScheme(def({ id: 'linted', version: '2', deadlines: { correction: { months: 1 } } }));
  }, 'linted.js');
  assert.equal(found.map(function (p) { return p.scheme + ' ' + p.field; }), ['linted@1 effective', 'linted@2 deadlines.correction.clause']);
  assert.throws(function () { scheme('linted'); }, 'not-found');
  assert.equal(lang.lint(function () {}, 'empty.js')[0].message, 'the file defines no scheme (call defineScheme({...}))');
});

test('a position may say when it applied (applies(input, result)); its why step carries applied', function () {
  var s = defineScheme(def({ id: 'positioned', positions: [
    { topic: 'manDays', clause: 'T1', text: 'past 100: completed blocks', applies: function (input) { return input.employees > 100; } },
    { topic: 'manDays', clause: 'T2', text: 'halves rounded up' }] }));
  var small = s.manDays({ employees: 20, audit: 'initial' }).why, big = s.manDays({ employees: 250, audit: 'initial' }).why;
  var of = function (why, clause) { return why.filter(function (w) { return /^position: /.test(w.text) && w.clause === clause; })[0]; };
  assert.equal(of(small, 'T1').applied, false);
  assert.equal(of(big, 'T1').applied, true);
  assert.ok(!('applied' in of(small, 'T2')), 'a position without applies does not say');
  assert.equal(problems(def({ positions: [{ topic: 'manDays', clause: 'T1', text: 'x', applies: 'when big' }] })), ['positions[0].applies']);
});

test('only the files built in load unchecked (the build ran certsh lint on them); the same text from anywhere else is checked', function () {
  assert.equal(scheme('cas-service').source().origin, 'embedded');
  var text = library.read('schemes/cas-service.js').replace("stars: 5, clause: '§6.5' }", "stars: 7, clause: '§6.5' }")
    .replace("id: 'cas-service'", "id: 'cas-broken'");
  var e = assert.throws(function () { lang.loadFile('cas-broken.js', text); }, 'invalid-scheme');
  assert.ok(/grade\.levels\[1\]\.stars/.test(e.message), e.message);
  var pinned = JSON.stringify({ entry: 'schemes/cas-broken.js', files: { 'schemes/cas-broken.js': text, 'schemes/gbt27922.js': library.read('schemes/gbt27922.js') } });
  assert.throws(function () { lang.fromSource(pinned, 'cas-broken', '1'); }, 'invalid-scheme');
});
