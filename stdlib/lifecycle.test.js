// stdlib/lifecycle.test.js — the surveillance programme as the C core computes it
// (dsl/bind_lifecycle.c): what a scheme owner's programme gives, the errors a bad input gets, and
// the why steps made either by the Scheme (a stamp) or by a cite function of the caller's.
var life = require('stdlib/lifecycle');

// a programme of the shape cfc-sc14 and dni-aftersales state theirs (a fixture: its texts and
// clauses are its own, the schemes' programmes are tested in schemes/): first within 12 months
// of the decision, then 12 months after the previous, 15 with an approved extension, within its year
var P = {
  count: 2, clause: '§5.6.1',
  first: { from: 'decision', dueMonths: 12, clause: '§5.6.1', text: '第一次监督审核应在认证决定日期起12个月内进行' },
  next: { dueMonths: 12, latestMonths: 15, withinCalendarYear: true, latestNeedsApproval: true, clause: '§5.6.1',
    text: '两次监督审核的时间间隔通常情况下不超过12个月', latestClause: '§5.6.1', latestText: '经书面申请批准后可延长至15个月' },
  calendarYear: { clause: '§5.6.1', text: '此后，监督审核应至少每个日历年（应进行再认证的年份除外）进行一次' },
  notes: [{ clause: '§5.6.2', text: '𠀀 a note outside the BMP is kept as written' }]
};
var STAMP = { scheme: 'dni-aftersales', version: 'F/2' };
function cite(clause, text) { return { scheme: 'dni-aftersales', version: 'F/2', clause: clause, text: text }; }
function expiryOf(d) { return date.addDays(date.addYears(d, 3), -1); }
function run(input) { return life.surveillance(P, input, expiryOf, cite, STAMP); }

test('the first window counts from the decision; the second from the first\'s end', function () {
  var r = run({ decisionDate: '2025-03-10', audits: [{ type: 'surveillance', end: '2026-02-20' }], asOf: '2026-06-01' });
  assert.equal(r.windows.map(function (w) { return [w.n, w.due, w.end, w.status]; }),
    [[1, '2026-03-10', '2026-02-20', 'done'], [2, '2027-02-20', null, 'open']]); // no opensMonths: open from its anchor
  assert.ok(r.next === r.windows[1], 'next is the window itself');
  assert.equal(r.windows[1].why[0].text, '两次监督审核的时间间隔通常情况下不超过12个月: surveillance 2 counted from the end of surveillance 1, 2026-02-20, due within 12 months (2027-02-20)');
});

test('without an approved extension the latest is the due date; with one, 15 months within the calendar year', function () {
  var input = { decisionDate: '2025-03-10', audits: [{ type: 'surveillance', end: '2026-02-20' }], asOf: '2026-06-01' };
  assert.equal(run(input).windows[1].latest, '2027-02-20');
  input.extensions = [{ n: 2, reason: '客户经营场所搬迁', by: 1, approvedBy: 2, date: '2027-01-05' }];
  var w = run(input).windows[1];
  assert.equal([w.due, w.latest], ['2027-02-20', '2027-05-20']);
  assert.equal(w.why[1].text, '经书面申请批准后可延长至15个月: at the latest 15 months after (2027-05-20); extension approved by person 2 on 2027-01-05: 客户经营场所搬迁');
  input.audits[0].end = '2026-09-30'; // 15 months after reaches 2027-12-30, 12 months 2027-09-30
  input.decisionDate = '2025-09-01';
  w = run(input).windows[1];
  assert.equal(w.latest, '2027-12-30');
  input.audits[0].end = '2026-12-10';
  input.decisionDate = '2025-12-20';
  w = run(input).windows[1];
  assert.equal(w.latest, '2027-12-31', 'within the calendar year of the due date');
  assert.ok(/, and within the calendar year 2027 → 2027-12-31;/.test(w.why[1].text), w.why[1].text);
});

test('each calendar year but the recertification year needs a surveillance', function () {
  var p = JSON.parse(JSON.stringify(P)); // as cfc-sc14: 15 months with an extension, no calendar year of its own
  delete p.next.withinCalendarYear;
  var r = life.surveillance(p, { decisionDate: '2025-03-01', audits: [{ type: 'surveillance', end: '2025-11-01' }], asOf: '2026-03-01',
    extensions: [{ n: 2, reason: '停业整顿', approvedBy: 2, date: '2026-10-01' }] }, expiryOf, cite);
  assert.equal([r.windows[1].due, r.windows[1].latest], ['2026-11-01', '2026-12-31'], '15 months would reach 2027-02-01');
  assert.equal(r.windows[1].why[2].text, P.calendarYear.text + ': surveillance 1 was in 2025, so 2026 needs one: not after 2026-12-31');
  r = run({ decisionDate: '2024-01-15', audits: [{ type: 'surveillance', end: '2024-03-01' }], asOf: '2025-01-10', expires: '2025-02-01' });
  assert.equal(r.windows[1].why.map(function (w) { return w.text; }).slice(2), [
    P.calendarYear.text + ': 2025 is the recertification year (the certificate expires 2025-02-01): no calendar-year limit',
    "within the certificate's validity: not after 2025-02-01"]);
  assert.equal([r.windows[1].due, r.windows[1].latest, r.windows[1].status], ['2025-02-01', '2025-02-01', 'open']);
});

test('the why steps: the Scheme\'s stamp and a caller\'s cite give the same, each step a new object', function () {
  var input = { decisionDate: '2025-03-10', asOf: '2026-06-01' };
  var a = life.surveillance(P, input, expiryOf, cite, STAMP), b = life.surveillance(P, input, expiryOf, cite);
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  assert.equal(a.why[1], { scheme: 'dni-aftersales', version: 'F/2', clause: '§5.6.2', text: '𠀀 a note outside the BMP is kept as written' });
  assert.ok(a.why[0] !== life.surveillance(P, input, expiryOf, cite, STAMP).why[0], 'steps are not shared between results');
  assert.equal(a.why[2].text, 'next: surveillance 1, 2025-03-10 to 2026-03-10 (due 2026-03-10), overdue on 2026-06-01');
});

test('a bad input is refused naming the field and the value', function () {
  function refused(input, field, message) {
    var e = assert.throws(function () { run(input); }, 'invalid');
    assert.equal(e.field, field);
    assert.equal(e.message, message);
  }
  var fn = 'surveillance({decisionDate, expires, audits, asOf})';
  refused(null, 'decisionDate', fn + ': give an object');
  refused([], 'input', fn + ': give an object {decisionDate, expires, audits, asOf, extensions}, got []');
  refused({ decisionDate: '2025-01-01', asof: '2025-02-01' }, 'asof', fn + ": unknown field 'asof' (known: decisionDate, expires, audits, asOf, extensions)");
  refused({ asOf: '2025-02-01' }, 'decisionDate', fn + ': decisionDate is required');
  refused({ decisionDate: '2025-02-30' }, 'decisionDate', "date.check: decisionDate '2025-02-30' is not a real calendar date 'YYYY-MM-DD' (years 1900-2999)");
  refused({ decisionDate: '2025-01-01', audits: {} }, 'audits', fn + ': audits must be a list [{type, end}]');
  refused({ decisionDate: '2025-01-01', audits: [{ type: 'initial', end: '2024-12-01', by: 3 }] }, 'by', fn + ": audits[0]: unknown field 'by' (known: type, end)");
  refused({ decisionDate: '2025-01-01', audits: [{ type: 'initial' }] }, 'end', fn + ': audits[0]: end is required');
  refused({ decisionDate: '2025-01-01', audits: [{ type: 'initial', end: '2024-12-01' }, { type: '初审', end: '2024-12-01' }] }, 'audits',
    fn + ': audits[1].type must be document, initial, surveillance, recertification, special or extension, got "初审"');
  refused({ decisionDate: '2025-01-01', audits: [null] }, 'audits', fn + ': audits[0].type must be document, initial, surveillance, recertification, special or extension, got null');
  refused({ decisionDate: '2025-01-01', audits: [{ type: 'initial', end: '2024-12-1' }] }, 'audits[0].end', "date.check: audits[0].end '2024-12-1' is not a real calendar date 'YYYY-MM-DD' (years 1900-2999)");
  refused({ decisionDate: '2025-01-01', extensions: [{ n: 2, reason: 'x', approvedBy: 2 }] }, 'date', fn + ': extensions[0]: date is required');
  refused({ decisionDate: '2025-01-01', extensions: 'none' }, 'extensions', fn + ': extensions must list the approved extensions [{n, reason, by, approvedBy, date}]');
});

test('a programme\'s months must be whole: date.addMonths refuses the rest', function () {
  var p = JSON.parse(JSON.stringify(P));
  p.first.dueMonths = 11.5;
  var e = assert.throws(function () { life.surveillance(p, { decisionDate: '2025-01-01' }, expiryOf, cite); }, 'invalid');
  assert.equal(e.message, 'date.addMonths(date, n): n must be a whole number between -20000 and 20000, got 11.5');
});

test('asOf defaults to today, expires to the validity the caller gives', function () {
  var realToday = today;
  try {
    today = function () { return '2026-02-28'; };
    var r = life.surveillance(P, { decisionDate: '2025-03-10' }, function (d) { return d === '2025-03-10' ? '2028-03-09' : 'wrong'; }, cite);
    assert.ok(/ on 2026-02-28$/.test(r.why[r.why.length - 1].text));
    assert.ok(/in the cycle 2025-03-10 to 2028-03-09$/.test(r.why[0].text));
  } finally {
    today = realToday;
  }
});

test('nextWindow and SQL\'s certsh_next_window give surveillance()\'s next window for any cycle, under every embedded programme', function () {
  core.lifecycle.defineSql();
  // a cycle drawn from a seeded sequence: a decision, a few audits of any type around it, a day asked about
  var seed = 20261203;
  function draw(n) { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; }
  var TYPES = ['document', 'initial', 'surveillance', 'recertification', 'special', 'extension'];
  var free = JSON.parse(JSON.stringify(P)); // a later limit that needs no approval: latest and due differ
  free.next.latestNeedsApproval = false;
  free.first.opensMonths = 2;
  var programmes = [{ name: 'the fixture', p: P, expiryOf: expiryOf }, { name: 'the fixture, no approval asked', p: free, expiryOf: expiryOf }];
  schemes().forEach(function (id) {
    var s = scheme(id);
    if (s.definition.surveillance && typeof s.definition.surveillance === 'object' && s.certificateExpiry)
      programmes.push({ name: String(s), p: s.definition.surveillance, expiryOf: function (d) { return s.certificateExpiry(d).date; } });
  });
  assert.ok(programmes.length >= 4, 'the embedded schemes state their programmes');
  var compared = 0, extended = 0;
  for (var i = 0; i < 400; i++) {
    var decision = date.addDays('2021-01-01', draw(1500)), audits = [], k = draw(6);
    for (var j = 0; j < k; j++) audits.push({ type: TYPES[draw(6)], end: date.addDays(decision, draw(1400) - 200) });
    var asOf = date.addDays(decision, draw(1600)), text = audits.map(function (a) { return a.type + ' ' + a.end; }).join(',') || null;
    // the extensions approved: none, or some of windows 1-3 (one of them recorded twice)
    var extensions = [], approved;
    [1, 2, 3].forEach(function (n) { if (draw(3) === 0) extensions.push({ n: n, reason: '客户停产', approvedBy: 7, date: decision }); });
    if (extensions.length && draw(2)) extensions.push(extensions[0]);
    approved = extensions.map(function (x) { return x.n; }).join(',') || null;
    programmes.forEach(function (g) {
      var whole = life.surveillance(g.p, { decisionDate: decision, audits: audits, asOf: asOf, extensions: extensions }, g.expiryOf, cite).next;
      var next = life.nextWindow(g.p, decision, g.expiryOf(decision), asOf, text, approved);
      var shown = whole && { n: whole.n, opens: whole.opens, due: whole.due, latest: whole.latest, end: null, status: whole.status };
      assert.equal(next, shown, g.name + ' ' + decision + ' ' + text + ' on ' + asOf + ', approved ' + approved);
      var bySql = sql('SELECT certsh_next_window(?, ?, ?, ?, ?, ?) AS next', core.lifecycle.programmeText(g.p), decision, g.expiryOf(decision), asOf, text, approved)[0].next;
      assert.equal(bySql, whole && whole.n + ' ' + whole.due + ' ' + whole.latest, 'SQL: ' + g.name + ' ' + decision + ' ' + text + ', approved ' + approved);
      if (whole && whole.latest !== whole.due && /extension approved/.test(whole.why.map(function (w) { return w.text; }).join())) extended++;
      compared++;
    });
  }
  assert.ok(compared >= 1600);
  assert.ok(extended >= 20, 'approved extensions moved the latest day of ' + extended + ' next windows');
});

test('surveillanceNext gives surveillance()\'s next window with the same reasons, and the same errors, for any cycle', function () {
  var r = require('stdlib/teach').rng(20261204);
  function draw(n) { return Math.floor(r() * n); }
  var TYPES = ['document', 'initial', 'surveillance', 'recertification', 'special', 'extension'];
  var list = schemes().map(function (id) { return scheme(id); }).filter(function (s) { return typeof s.surveillanceNext === 'function'; });
  assert.ok(list.length >= 3, 'the embedded declarative programmes offer it');
  assert.equal(list.filter(function (s) { return typeof s.definition.surveillance !== 'object'; }), [], 'only declarative programmes');
  var compared = 0, nulls = 0, errors = 0;
  for (var i = 0; i < 300; i++) {
    var decision = date.addDays('2021-01-01', draw(1500)), audits = [], k = draw(6), extensions = [];
    for (var j = 0; j < k; j++) audits.push({ type: TYPES[draw(6)], end: date.addDays(decision, draw(1400) - 200) });
    if (draw(3) === 0) extensions.push({ n: 1 + draw(3), reason: '书面申请', approvedBy: 7, date: decision });
    var input = { decisionDate: decision, audits: audits, asOf: date.addDays(decision, draw(1600)), extensions: extensions };
    if (draw(5) === 0) input.expires = date.addDays(decision, 300 + draw(900));
    if (draw(40) === 0) input.audits = [{ type: 'initial', ned: decision }]; // misspelt: both refuse it alike
    list.concat([null]).forEach(function (s) {
      var whole, next;
      var both = s ? [function () { return s.surveillance(input); }, function () { return s.surveillanceNext(input); }] :
        [function () { return life.surveillance(P, input, expiryOf, cite); }, function () { return core.lifecycle.surveillanceNext(P, expiryOf, cite, input); }];
      try { whole = both[0]().next; } catch (e) { whole = 'E ' + e.code + ' ' + e.field + ' ' + e.message; }
      try { next = both[1](); } catch (e) { next = 'E ' + e.code + ' ' + e.field + ' ' + e.message; }
      assert.equal(JSON.stringify(next), JSON.stringify(whole), (s || 'the fixture') + ' ' + JSON.stringify(input));
      if (whole === null) nulls++;
      else if (typeof whole === 'string') errors++;
      compared++;
    });
  }
  assert.ok(compared >= 1200 && nulls >= 10 && errors >= 3, compared + ' compared, ' + nulls + ' with every surveillance done, ' + errors + ' refused');
});

test('nextWindow refuses audits it cannot read, naming the item', function () {
  var fn = 'nextWindow(p, decisionDate, expires, asOf, audits, approved)';
  function refused(audits, message) {
    var e = assert.throws(function () { life.nextWindow(P, '2025-03-10', '2028-03-09', '2026-01-01', audits); }, 'invalid');
    assert.equal([e.field, e.message], ['audits', message]);
  }
  refused('initial 2025-01-01,初审 2025-02-01', fn + ": audits[1] must be 'type YYYY-MM-DD' with type document, initial, surveillance, recertification, special or extension, got '初审 2025-02-01'");
  refused('surveillance 2025-02-30', fn + ": audits[0] must be 'type YYYY-MM-DD' with type document, initial, surveillance, recertification, special or extension, got 'surveillance 2025-02-30'");
  refused('surveillance', fn + ": audits[0] must be 'type YYYY-MM-DD' with type document, initial, surveillance, recertification, special or extension, got 'surveillance'");
  refused([{ type: 'initial', end: '2025-01-01' }], fn + ": audits must be a text 'type end,type end' or null, got [{\"type\":\"initial\",\"end\":\"2025-01-01\"}]");
  assert.equal(life.nextWindow(P, '2025-03-10', '2028-03-09', '2026-01-01', '').n, 1, "'' is no audit");
  ['1,', ',1', '0', '01', 'one', '1,,2', '1 2', '1234567890'].forEach(function (approved) {
    var e = assert.throws(function () { life.nextWindow(P, '2025-03-10', '2028-03-09', '2026-01-01', null, approved); }, 'invalid');
    assert.equal([e.field, e.message], ['approved', fn + ": approved must list the windows whose extension was approved, 'n,n', or be null, got " + JSON.stringify(approved)]);
  });
  assert.throws(function () { life.nextWindow(P, '2025-03-10', '2028-03-09', '2026-01-01', null, [2]); }, 'invalid', 'a list is not the text');
  assert.equal(life.nextWindow(P, '2025-03-10', '2028-03-09', '2026-01-01', 'surveillance 2026-02-01,surveillance 2027-01-10'), null, 'both done: null');
});

test('SQL\'s certsh_next_window and certsh_day_of refuse what they cannot read, naming it', function () {
  core.lifecycle.defineSql();
  var text = core.lifecycle.programmeText(P);
  function refused(args, message) {
    var e = assert.throws(function () { sql.apply(null, ['SELECT certsh_next_window(?, ?, ?, ?, ?) AS next'].concat(args)); }, 'sqlite');
    assert.ok(e.message.indexOf(message) >= 0, e.message);
  }
  refused(['every 12 months', '2025-03-10', '2028-03-09', '2026-01-01', null], 'certsh_next_window: the programme must be a programme_text');
  refused([text, '2025-02-30', '2028-03-09', '2026-01-01', null], "certsh_next_window: decisionDate must be a date 'YYYY-MM-DD', got 2025-02-30");
  refused([text, '2025-03-10', null, '2026-01-01', null], "certsh_next_window: expires must be a date 'YYYY-MM-DD', got null");
  refused([text, '2025-03-10', '2028-03-09', '2026-01-01', 'initial 2025-01-01,初审 2025-02-01'], "certsh_next_window: audits[1] must be 'type YYYY-MM-DD'");
  var e = assert.throws(function () { sql('SELECT certsh_next_window(?, ?, ?, ?, ?, ?) AS next', text, '2025-03-10', '2028-03-09', '2026-01-01', null, '2,'); }, 'sqlite');
  assert.ok(e.message.indexOf("certsh_next_window: approved must list the windows extended, 'n,n', got '2,'") >= 0, e.message);
  assert.equal(sql('SELECT certsh_next_window(?, ?, ?, ?, ?) AS next', text, '2025-03-10', '2028-03-09', '2026-01-01', null)[0].next, '1 2026-03-10 2026-03-10');
  var map = '2025-03-10 2028-03-09,2024-02-29 2027-02-27';
  assert.equal(sql('SELECT certsh_day_of(?, ?) AS a, certsh_day_of(?, ?) AS b, certsh_day_of(?, ?) AS c', map, '2024-02-29', map, '2025-03-10', map, '2025-03-11')[0],
    { a: '2027-02-27', b: '2028-03-09', c: null }, "certsh_day_of: the day the map gives, or null");
  refused2('2025-03-10 2028-03-09,2024-02-29', 'certsh_day_of: the map must be a text');
  function refused2(m, message) {
    var e = assert.throws(function () { sql('SELECT certsh_day_of(?, ?) AS a', m, '2025-03-10'); }, 'sqlite');
    assert.ok(e.message.indexOf(message) >= 0, e.message);
  }
  var p = JSON.parse(JSON.stringify(P));
  p.next.dueMonths = 11.5;
  assert.equal(assert.throws(function () { core.lifecycle.programmeText(p); }, 'invalid').message,
    'date.addMonths(date, n): n must be a whole number between -20000 and 20000, got 11.5', 'a programme the rule refuses has no text');
});
