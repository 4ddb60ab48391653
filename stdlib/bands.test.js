// stdlib/bands.test.js — the declarative rules as their C cores compute them (dsl/bind_bands.c):
// band tables and their continuation, rounding and the numbers of why texts, the audit-time rule
// a scheme owner writes without a function, and the errors a bad input or table gets.
var bands = require('stdlib/bands');
function cite(clause, text) { return { scheme: 'example', version: '1', clause: clause, text: text }; }
var STAMP = { scheme: 'example', version: '1' };

var TABLE = { clause: '附录A', of: 'employees', columns: ['initial', 'surveillance'],
  rows: [[1, 20, 3, 1.5], [21, 50, 4, 1.5], [51, 100, 5, 2]],
  beyond: { clause: '附录A', count: 'started', per: { initial: [600, 1], surveillance: [900, 0.5] }, text: 'position: each started block counts' } };

test('a band table gives the row holding n, at both edges of every row', function () {
  [[1, 3], [20, 3], [21, 4], [50, 4], [51, 5], [100, 5]].forEach(function (x) {
    assert.equal(bands.lookup(TABLE, x[0], 'initial', cite).value, x[1], 'employees ' + x[0]);
  });
  var r = bands.lookup(TABLE, 37, 'surveillance', cite);
  assert.equal([r.value, r.from, r.to], [1.5, 21, 50]);
  assert.equal(r.why, [cite('附录A', 'employees 37 is in band 21-50: surveillance 1.5')]);
  assert.equal(bands.lookup(TABLE, 37, 'surveillance', cite, true), 1.5, 'bare: the value alone');
});

test('past the last row: "+1 per started further 600", with the position taken', function () {
  var r = bands.lookup(TABLE, 701, 'initial', cite);
  assert.equal([r.value, r.from, r.to], [7, 701, 1300]);
  assert.equal(r.why.map(function (w) { return w.text; }), ['employees 701 is 601 past 100: initial 5 + 1 per started further 600 × 2 = 7 (band 701-1300)',
    'position: each started block counts']);
  var completed = JSON.parse(JSON.stringify(TABLE));
  completed.beyond.count = 'completed';
  assert.equal(bands.lookup(completed, 701, 'initial', cite).value, 6, 'completed blocks only: 601 is one block');
});

test('a progression continues a table: each band 25% longer, +1 man-day', function () {
  var t = { clause: 'Annex 3', columns: ['initial'], rows: [[1, 100, 2], [101, 200, 3]],
    beyond: { clause: 'Annex 3', growth: 1.25, add: 1, text: 'position: 25% further each band' } };
  var r = bands.lookup(t, 260, 'initial', cite);
  assert.equal([r.value, r.from, r.to], [5, 251, 313]);
  assert.equal(r.why[0].text, 'value 260 is past 200: continued band 251-313 gives initial 5');
});

test('a table refuses what it cannot answer, naming it', function () {
  var e = assert.throws(function () { bands.lookup(TABLE, 0, 'initial', cite); }, 'range');
  assert.equal([e.field, e.message], ['employees', 'employees 0 is below the table of 附录A, which starts at 1']);
  var bounded = JSON.parse(JSON.stringify(TABLE));
  delete bounded.beyond;
  e = assert.throws(function () { bands.lookup(bounded, 101, 'initial', cite); }, 'range');
  assert.equal(e.message, 'employees 101 is past the table of 附录A, which ends at 100 and states no continuation');
  e = assert.throws(function () { bands.lookup(TABLE, 5, 'recertification', cite); }, 'invalid');
  assert.equal([e.field, e.message], ['column', "the table of 附录A has no column 'recertification' (it has initial, surveillance)"]);
  e = assert.throws(function () { bands.lookup(TABLE, '5', 'initial', cite); }, 'invalid');
  assert.equal(e.message, 'lookup(t, n, column): n must be a number, got 5');
});

test('rounding to a stated step, and the numbers a why text shows', function () {
  assert.equal([bands.round(2.1, 0.5, 'up'), bands.round(2.1, 0.5, 'down'), bands.round(2.25, 0.5, 'nearest'), bands.round(0.3, 0.1, 'up')],
    [2.5, 2, 2.5, 0.3]);
  assert.equal([bands.fmt(11), bands.fmt(1.5), bands.fmt(2 / 3), bands.fmt(-0.5), bands.fmt(0.00004)], ['11', '1.5', '0.6667', '-0.5', '0']);
  var e = assert.throws(function () { bands.round(1, 0, 'up'); }, 'invalid');
  assert.equal([e.field, e.message], ['step', 'round(x, step, mode): step must be a positive number, got 0']);
  e = assert.throws(function () { bands.round(1, 0.5, 'half'); }, 'invalid');
  assert.equal([e.field, e.message], ['mode', "round(x, step, mode): mode must be 'up', 'down' or 'nearest', got half"]);
});

// an audit-time rule as a scheme owner writes one (a fixture: its clauses are its own, no
// scheme's; the schemes' rules are tested in schemes/): surveillance a third of the initial time,
// rounded to the nearest half day, at least half a day per site, 80% on site
var RULE = { table: { clause: '附录A', of: 'staff', columns: ['initial'], rows: [[1, 20, 3], [21, 50, 4.5]] },
  derived: { surveillance: { ratio: 1 / 3, ratioText: '1/3', clause: '§5.3' }, recertification: { ratio: 2 / 3, clause: '§5.4' } },
  rounding: { step: 0.5, mode: 'nearest', clause: '§5.3', text: 'to the nearest half day' },
  perSite: { min: 0.5, clause: '§5.5' }, onsite: { share: 0.8, clause: '§5.6', text: '其余用于策划和报告' } };

test('derived audit time: a third of the initial, rounded as the rule states, the sites\' minimum, the share on site', function () {
  var r = bands.manDays(RULE, { staff: 30, audit: 'surveillance', sites: 4 }, STAMP);
  assert.equal([r.total, r.onsite, r.minimum, r.initial], [2, 2, 2, 4.5]); // 80% of 2 = 1.6, up to the next half day
  assert.equal(r.why.map(function (w) { return w.clause + ' ' + w.text; }), [
    '附录A staff 30 is in band 21-50: initial 4.5',
    '§5.3 surveillance time = 1/3 of the initial 4.5 = 1.5',
    '§5.3 rounded nearest to a multiple of 0.5: 1.5 — to the nearest half day',
    '§5.5 4 sites × at least 0.5 = 2: raised from 1.5 to 2',
    '§5.6 on site 2 of 2 (at least 80%; 其余用于策划和报告)']);
  assert.equal(bands.manDays(RULE, { staff: 30, audit: 'recertification' }, cite).why[1].text, 'recertification time = 0.6667 of the initial 4.5 = 3',
    'no ratioText: the ratio as a number');
  assert.equal(JSON.stringify(bands.manDays(RULE, { staff: 30, audit: 'surveillance', sites: 4 }, cite)), JSON.stringify(r), 'a cite function gives the same steps as the stamp');
});

test('the audit-time rule refuses a bad input naming the field and the value', function () {
  function refused(input, field, message) {
    var e = assert.throws(function () { bands.manDays(RULE, input, STAMP); }, 'invalid');
    assert.equal([e.field, e.message], [field, message]);
  }
  var fn = 'manDays({employees, audit, sites})';
  refused({ staff: 30, audit: 'surveillance', site: 2 }, 'site', fn + ": unknown field 'site' (known: staff, audit, sites, initialOnsite)");
  refused({ audit: 'surveillance' }, 'staff', fn + ': staff is required');
  refused({ staff: 2.5, audit: 'initial' }, 'staff', fn + ': staff must be a whole number ≥ 1, got 2.5');
  refused({ staff: 30, audit: 'annual' }, 'audit', fn + ": audit must be 'initial', 'surveillance' or 'recertification', got \"annual\"");
  refused({ staff: 30, audit: 'initial', sites: 0 }, 'sites', fn + ': sites must be a whole number ≥ 1, got 0');
});

test('a grade rule: the pass line, its items, then the highest level reached', function () {
  var g = { clause: '§6', pass: { minScore: 70, itemsBelow: 3, items: '严重项', clause: '§6.1' },
    levels: [{ min: 70, level: '合格', stars: 0 }, { min: 90, level: '优秀', stars: 5, clause: '§6.2' }], fail: '不合格' };
  var r = bands.grade(g, { score: 92.5, deductionItems: 1 }, STAMP);
  assert.equal([r.pass, r.level, r.stars], [true, '优秀', 5]);
  assert.equal(r.why.map(function (w) { return w.clause + ' ' + w.text; }), ['§6.1 score 92.5 ≥ 70 and 1 严重项 < 3: pass', '§6.2 score 92.5 ≥ 90: 优秀']);
  r = bands.grade(g, { score: 92.5, deductionItems: 3 }, STAMP);
  assert.equal([r.pass, r.level, r.stars, r.why[0].text], [false, '不合格', 0, 'score 92.5 ≥ 70 and 3 严重项 ≥ 3: 不合格']);
  assert.equal(bands.grade(g, { score: 75 }, cite).why[1], cite('§6', 'score 75 ≥ 70: 合格'), 'a level without a clause cites the rule\'s');
  var e = assert.throws(function () { bands.grade(g, { score: 101.5 }, STAMP); }, 'invalid');
  assert.equal([e.field, e.message], ['score', 'grade({score, deductionItems}): score must be a number 0-100, got 101.5']);
});
