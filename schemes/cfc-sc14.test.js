// schemes/cfc-sc14.test.js — the CFC SC14 rules (seed 002, C/1), case by case.
var s = scheme('cfc-sc14@C/1');

test('§6.2.1 5) man-days are decided at application review: the scheme has no table', function () {
  assert.equal(typeof s.manDays, 'undefined');
});

// §5 names 一星级 … 五星级 without thresholds; position: 一星级 = the pass line 70, 三/四/五星级
// at 80/90/95 (GB/T 27922 practice), 二星级 never from a score.
test.table('§5 grades at both sides of every threshold (position)', [
  [69.99, 0, false, '不推荐认证注册', 0],
  [70, 0, true, '一星级', 1], [79.99, 0, true, '一星级', 1],
  [80, 0, true, '三星级', 3], [89.99, 0, true, '三星级', 3],
  [90, 0, true, '四星级', 4], [94.99, 0, true, '四星级', 4],
  [95, 4, true, '五星级', 5], [95, 5, false, '不推荐认证注册', 0]
], function (score, items, pass, level, stars) {
  var g = s.grade({ score: score, deductionItems: items });
  assert.equal([g.pass, g.level, g.stars], [pass, level, stars]);
  assert.ok(g.why.some(function (w) { return /^position: CFC names 一星级 to 五星级/.test(w.text); }), 'the position is in why');
});

test('no score yields 二星级', function () {
  for (var x = 70; x <= 100; x += 0.5) assert.notEqual(s.grade({ score: x }).level, '二星级');
});

test('§7.1.1 / §9.1 three years from the decision', function () {
  assert.equal(s.certificateExpiry('2025-06-15').date, '2028-06-14');
});

test('§8.10.1 first surveillance within 12 months of certification', function () {
  var r = s.surveillance({ decisionDate: '2025-08-31', asOf: '2025-09-01' });
  assert.equal([r.next.n, r.next.due, r.next.latest], [1, '2026-08-31', '2026-08-31']);
});

var EXT = [{ n: 2, reason: '客户经营场所搬迁', by: 1, approvedBy: 2, date: '2027-04-01' }];

test('§8.10.1 second within 12 months of the first\'s end; up to 15 only as a recorded special case (position over §7.1.3)', function () {
  var r = s.surveillance({ decisionDate: '2025-08-31', audits: [{ type: 'surveillance', end: '2026-05-31' }], asOf: '2026-06-01' });
  assert.equal([r.next.due, r.next.latest], ['2027-05-31', '2027-05-31'], 'no extension recorded: 12 months');
  assert.ok(r.why.some(function (w) { return /^position: §7.1.3/.test(w.text); }));
  r = s.surveillance({ decisionDate: '2025-08-31', audits: [{ type: 'surveillance', end: '2026-05-31' }], asOf: '2026-06-01', extensions: EXT });
  assert.equal([r.next.due, r.next.latest], ['2027-05-31', '2027-08-31']);
  assert.equal(s.surveillance({ decisionDate: '2025-08-31', audits: [{ type: 'surveillance', end: '2026-05-31' }], asOf: '2027-06-01' }).next.status, 'overdue',
    '12 months + 1 day without an approval is overdue');
});

test('§8.10.1 at least once every calendar year but the recertification year: surveillance 1 ending 2026-11-20 leaves 2027 its own', function () {
  var r = s.surveillance({ decisionDate: '2025-12-01', audits: [{ type: 'surveillance', end: '2026-11-20' }], asOf: '2026-12-01', extensions: EXT });
  assert.equal([r.next.due, r.next.latest], ['2027-11-20', '2027-12-31'], '15 months would be 2028-02-20');
  assert.cites(r.next, '§8.10.1 1)');
  var recert = s.surveillance({ decisionDate: '2025-08-31', audits: [{ type: 'surveillance', end: '2027-01-15' }], asOf: '2027-02-01', extensions: EXT });
  assert.ok(recert.next.why.some(function (w) { return /2028 is the recertification year/.test(w.text); }), 'the exception is stated');
});

test('§9.5.1 suspension at most 6 months; restoration after verified correction', function () {
  assert.equal(s.deadline('suspensionLimit', '2026-02-28').date, '2026-08-28');
  assert.equal(s.cause('restoration', 'corrected').clause, '§9.5.1');
});

test('§12 appeals and complaints answered in writing within 30 days', function () {
  assert.equal(s.deadline('appealAnswer', '2026-01-31').date, '2026-03-02');
  assert.equal(s.deadline('complaintAnswer', '2026-01-31').date, '2026-03-02');
});

test('§8.11 recertification 3 months before expiry; no fixed non-acceptance or correction period', function () {
  assert.equal(s.deadline('recertApplication', '2028-06-14').date, '2028-03-14');
  assert.equal(s.deadline('nonAcceptanceNotice', '2026-01-01'), null);
  assert.equal(s.deadline('correction', '2026-01-01'), null);
});

test('§9.5.2 withdrawal a-e and §9.5.3 cancellation a-c', function () {
  assert.equal(s.causes('withdrawal').map(function (c) { return c.clause; }), ['§9.5.2 a)', '§9.5.2 b)', '§9.5.2 c)', '§9.5.2 d)', '§9.5.2 e)']);
  assert.equal(s.cause('cancellation', 'expired').clause, '§9.5.3 b)');
  var e = assert.throws(function () { s.cause('cancellation', 'lapsed'); }, 'invalid');
  assert.ok(/criteria-change/.test(e.message));
});

test('§8.6.2 report contents and §9.2 certificate contents', function () {
  assert.equal(s.requires('report').length, 7);
  assert.ok(s.requires('certificate').some(function (x) { return x.item === '认证级别'; }));
  assert.equal(s.certificateNumber({ year: 2025, seq: 1 }).number, 'CFC-SC14-2025-00001');
});
