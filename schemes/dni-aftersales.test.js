// schemes/dni-aftersales.test.js — the DNI rules (seed 003, F/2), case by case.
var s = scheme('dni-aftersales@F/2');

// Annex 3, every band at both edges: [effective staff, man-days].
test.table('Annex 3 total audit time', [
  [1, 2], [25, 2], [26, 3], [45, 3], [46, 4], [65, 4], [66, 5], [125, 5], [126, 6], [175, 6],
  [176, 7], [275, 7], [276, 8], [425, 8], [426, 9], [625, 9], [626, 10], [875, 10], [876, 11], [1175, 11],
  [1176, 12], [1550, 12], [1551, 13], [2025, 13], [2026, 14], [2675, 14], [2676, 15], [3450, 15],
  [3451, 16], [4350, 16], [4351, 17], [5450, 17], [5451, 18], [6800, 18], [6801, 19], [8500, 19],
  [8501, 20], [10700, 20]
], function (n, days) {
  var r = s.manDays({ employees: n, audit: 'initial' });
  assert.equal(r.total, days);
  assert.cites(r, 'Annex 3');
});

// ">10700 遵循上述递进规律": position — each further band ends 25% higher and adds 1.
test.table('Annex 3 past 10,700: the progression continues', [
  [10701, 21], [13375, 21], [13376, 22], [16719, 22], [16720, 23]
], function (n, days) {
  var r = s.manDays({ employees: n, audit: 'initial' });
  assert.equal(r.total, days);
  assert.ok(r.why.some(function (w) { return /^position: .*× 1.25/.test(w.text); }), 'the position is in why');
});

// §5.3.1.2 surveillance 1/3 and recertification 2/3 of the initial time; position: rounded up
// to the next half man-day.
test.table('§5.3.1.2 surveillance 1/3, recertification 2/3, rounded up to half days', [
  [2, 'surveillance', 1], [2, 'recertification', 1.5],
  [3, 'surveillance', 1], [3, 'recertification', 2],
  [6, 'surveillance', 2], [6, 'recertification', 4],
  [11, 'surveillance', 4], [11, 'recertification', 7.5],
  [20, 'surveillance', 7], [20, 'recertification', 13.5]
], function (initial, audit, expected) {
  var n = { 2: 1, 3: 26, 6: 126, 11: 876, 20: 8501 }[initial];
  var r = s.manDays({ employees: n, audit: audit });
  assert.equal(r.total, expected);
  assert.equal(r.initial, initial);
  assert.cites(r, '§5.3.1.2');
  assert.ok(r.why.some(function (w) { return /^position: .*rounds them up/.test(w.text); }), 'the rounding position is in why');
});

test('Annex 3 note 4: on site at least 80% of the total, rounded up to half days', function () {
  assert.equal(s.manDays({ employees: 8501, audit: 'initial' }).onsite, 16);
  assert.equal(s.manDays({ employees: 876, audit: 'initial' }).onsite, 9); // 8.8 → 9
  assert.equal(s.manDays({ employees: 10, audit: 'initial' }).onsite, 2); // 1.6 → 2, never above the total
});

test('Annex 3 note 5: each site at least 0.5 man-day', function () {
  var r = s.manDays({ employees: 10, audit: 'surveillance', sites: 4 });
  assert.equal(r.total, 2); // 1 from the ratio, raised to 4 × 0.5
  assert.cites(r, 'Annex 3 note 5');
  assert.equal(s.manDays({ employees: 10, audit: 'initial', sites: 3 }).total, 2);
  assert.throws(function () { s.manDays({ employees: 10, audit: 'initial', sites: 0 }); }, 'invalid');
});

// §5.3.3.7: fail below 70 or with 5 or more special deduction items; 达标级 ≥70, 三星级 ≥80,
// 四星级 ≥90, 五星级 ≥95.
test.table('§5.3.3.7 grade at both sides of every threshold', [
  [69.99, 0, false, '不合格', 0],
  [70, 0, true, '达标级', 0], [79.99, 4, true, '达标级', 0],
  [80, 0, true, '三星级', 3], [89.99, 0, true, '三星级', 3],
  [90, 0, true, '四星级', 4], [94.99, 0, true, '四星级', 4],
  [95, 0, true, '五星级', 5], [100, 4, true, '五星级', 5],
  [99, 5, false, '不合格', 0]
], function (score, items, pass, level, stars) {
  var g = s.grade({ score: score, deductionItems: items });
  assert.equal([g.pass, g.level, g.stars], [pass, level, stars]);
  assert.cites(g, '§5.3.3.7');
});

test('§5.3.3.7 final score = indicator score − special deductions + special bonus (at most one)', function () {
  var r = s.score({ indicators: [{ id: '5.1.1', points: 50, achieved: 45 }, { id: '5.2.4', points: 50, achieved: 40 },
    { id: '5.2.6', points: 10, achieved: 0, applicable: false }], specialDeductions: 3, specialBonuses: 2 });
  assert.equal([r.indicatorScore, r.score, r.deductionItems], [85, 83, 3]);
  assert.cites(r, '§5.3.3.7');
  var g = s.grade({ score: r.score, deductionItems: r.deductionItems });
  assert.equal(g.level, '三星级');
});

test('GB/T 27922 weights are not public: a score without points is refused naming the indicator', function () {
  var e = assert.throws(function () { s.score({ indicators: [{ id: '5.1.1', achieved: 3 }] }); }, 'invalid');
  assert.equal(e.field, 'indicators[0].points');
  e = assert.throws(function () { s.score({ indicators: [{ id: '9.9', points: 1, achieved: 1 }] }); }, 'invalid');
  assert.equal(e.field, 'indicators[0].id');
});

test('§5.5.2 at most 3 years from the decision', function () {
  assert.equal(s.certificateExpiry('2025-08-15').date, '2028-08-14');
});

test('§5.2.1 non-acceptance notified within 15 days; §5.6.5 correction within 2 months', function () {
  assert.equal(s.deadline('nonAcceptanceNotice', '2025-12-20').date, '2026-01-04');
  assert.equal(s.deadline('correction', '2025-12-31').date, '2026-02-28');
  assert.equal(s.deadline('correction', '2027-12-31').date, '2028-02-29');
});

test('§6.7.3 suspension at most 6 months, with no licence exception', function () {
  assert.equal(s.deadline('suspensionLimit', '2025-08-29').date, '2026-02-28');
  assert.equal(s.deadline('suspensionLimit', '2025-08-29', { cause: 'licence-renewal' }).date, '2026-02-28');
  assert.equal(s.deadline('suspendWithin', '2025-08-29'), null);
});

test('§5.7.1 recertification applied for 3 months before expiry', function () {
  assert.equal(s.deadline('recertApplication', '2028-08-14').date, '2028-05-14');
});

test('§5.6.1 first surveillance within 12 months of the decision', function () {
  var r = s.surveillance({ decisionDate: '2024-02-29', asOf: '2024-06-01' });
  assert.equal([r.next.n, r.next.due], [1, '2025-02-28']);
  assert.cites(r, '§5.6.1');
});

test('§5.6.1 second within 12 months of the first; extended to 15 months inside that calendar year only on an approved written request', function () {
  var ext = [{ n: 2, reason: '书面申请：旺季延后', by: 1, approvedBy: 2, date: '2027-01-10' }];
  var r = s.surveillance({ decisionDate: '2025-03-10', audits: [{ type: 'surveillance', end: '2026-02-20' }], asOf: '2026-03-01' });
  assert.equal([r.next.n, r.next.due, r.next.latest], [2, '2027-02-20', '2027-02-20'], 'no approval recorded');
  assert.ok(r.next.why.some(function (w) { return /no approved extension/.test(w.text); }));
  assert.equal(s.surveillance({ decisionDate: '2025-03-10', audits: [{ type: 'surveillance', end: '2026-02-20' }], asOf: '2027-02-21' }).next.status, 'overdue',
    '12 months + 1 day without an approval');
  r = s.surveillance({ decisionDate: '2025-03-10', audits: [{ type: 'surveillance', end: '2026-02-20' }], asOf: '2026-03-01', extensions: ext });
  assert.equal([r.next.n, r.next.due, r.next.latest], [2, '2027-02-20', '2027-05-20']);
  r = s.surveillance({ decisionDate: '2025-01-10', audits: [{ type: 'surveillance', end: '2025-11-30' }], asOf: '2026-03-01', extensions: ext });
  assert.equal([r.next.due, r.next.latest], ['2026-11-30', '2026-12-31']); // 15 months would be 2027-02-28
  r = s.surveillance({ decisionDate: '2025-01-10', audits: [{ type: 'surveillance', end: '2025-11-30' }], asOf: '2027-01-01' });
  assert.equal(r.next.status, 'overdue');
});

test('§5.6.1 both surveillance audits done: recertification is next', function () {
  var r = s.surveillance({ decisionDate: '2025-03-10', audits: [{ type: 'surveillance', end: '2026-02-20' }, { type: 'surveillance', end: '2027-01-15' }], asOf: '2027-06-01' });
  assert.equal(r.next, null);
  assert.equal(r.windows.map(function (w) { return w.status; }), ['done', 'done']);
});

test('§5.1 A-I eligibility refusals', function () {
  var r = s.eligibility({ legalStatus: true, licence: false, majorAccidentThisYear: true, seriousDishonesty: true, unresolvedSuspension: true });
  assert.equal(r.refusals.map(function (x) { return x.clause; }), ['§5.1 B)', '§5.1 E)', '§5.1 H)', '§5.1 I)']);
  assert.ok(r.unchecked.indexOf('orderedSuspension') >= 0);
});

test('§6.7.1 / §6.9.1 / §6.8.1 coded causes; DNI lists no cancellation', function () {
  assert.equal(s.cause('withdrawal', 'suspension-unresolved').clause, '§6.9.1');
  assert.equal(s.cause('restoration', 'corrected').clause, '§6.8.1');
  assert.equal(s.causes('suspension').length, 19);
  assert.throws(function () { s.cause('cancellation', 'voluntary'); }, 'invalid');
});

test('identity: the field code, modes A+G, the document', function () {
  assert.equal([s.fieldCode, s.model.initial, s.document, s.effective], ['02.03.01', 'A+G', 'DNI-GZ-JS-14', '2025-08-15']);
  assert.equal(s.requires('report').length, 8);
  assert.equal(s.certificateNumber({ year: 2026, seq: 12 }).number, 'DNI-SPSHFW-2026-00012');
});
