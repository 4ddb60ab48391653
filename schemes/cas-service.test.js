// schemes/cas-service.test.js — the CAS rules (seed 001), case by case: the clause's case, then
// the outcome.
var s = scheme('cas-service@1');

// App. A, every band at both edges: [employees, initial, surveillance, recertification as the
// table prints it]. Recertification is then raised to 70% of the initial time where the table
// is lower (§8.2; see the next table).
test.table('App. A man-days', [
  [1, 3, 1.5, 2], [20, 3, 1.5, 2],
  [21, 4, 1.5, 3], [50, 4, 1.5, 3],
  [51, 5, 2, 3.5], [80, 5, 2, 3.5],
  [81, 6, 2, 4], [100, 6, 2, 4],
  [101, 7, 2.5, 5], [200, 7, 2.5, 5],
  [201, 8, 3, 5.5], [300, 8, 3, 5.5],
  [301, 9, 3, 6.5], [500, 9, 3, 6.5],
  [501, 10, 3.5, 7], [1000, 10, 3.5, 7]
], function (n, initial, surveillance, recert) {
  assert.equal(s.manDays({ employees: n, audit: 'initial' }).total, initial);
  assert.equal(s.manDays({ employees: n, audit: 'surveillance' }).total, surveillance);
  var r = s.manDays({ employees: n, audit: 'recertification' });
  assert.equal(r.total, Math.max(recert, Math.ceil(initial * 0.7 * 2 - 1e-9) / 2));
  assert.cites(r, 'App. A');
});

// §8.2: "不应少于初始现场审查人日的70%" — where the table is below it, the time is raised.
test.table('§8.2 recertification never below 70% of the initial time', [
  [20, 2.5], [100, 4.5], [300, 6], [50, 3], [1000, 7]
], function (n, expected) {
  var r = s.manDays({ employees: n, audit: 'recertification' });
  assert.equal(r.total, expected);
  assert.cites(r, '§8.2');
});

// App. A "1001人及以上 每增加600人增加1人日": position — a started block counts.
test.table('App. A beyond 1000 staff: every started further block adds', [
  [1001, 11, 4, 8], [1600, 11, 4, 8], [1601, 12, 4, 8.5], [1900, 12, 4, 8.5], [1901, 12, 4.5, 8.5],
  [2200, 12, 4.5, 8.5], [2201, 13, 4.5, 9.5]
], function (n, initial, surveillance, recert) {
  assert.equal(s.manDays({ employees: n, audit: 'initial' }).total, initial, 'initial');
  assert.equal(s.manDays({ employees: n, audit: 'surveillance' }).total, surveillance, 'surveillance');
  assert.equal(s.manDays({ employees: n, audit: 'recertification' }).total, recert, 'recertification');
});

test('the position on 1001-1599 staff is shown in why', function () {
  var r = s.manDays({ employees: 1200, audit: 'initial' });
  assert.equal(r.total, 11);
  assert.ok(r.why.some(function (w) { return /started further 600/.test(w.text); }), 'continuation step');
  assert.ok(r.why.some(function (w) { return /^position: .*1001-1600 → 11/.test(w.text); }), 'position step');
});

test('§6.2.3 a reduction is capped at 30%; §6.2.4 experts are not counted; the table is on-site time', function () {
  var r = s.manDays({ employees: 150, audit: 'initial' });
  assert.equal(r.total, 7);
  assert.equal(r.onsite, 7);
  assert.equal(r.minimum, 5); // 7 × 0.7 = 4.9 → 5
  assert.cites(r, '§6.2.3');
  assert.cites(r, '§6.2.4');
});

test('bad input names the field and the value', function () {
  var e = assert.throws(function () { s.manDays({ employees: 0, audit: 'initial' }); }, 'invalid');
  assert.equal(e.field, 'employees');
  e = assert.throws(function () { s.manDays({ employees: 10, audit: 'annual' }); }, 'invalid');
  assert.equal(e.field, 'audit');
  assert.ok(/annual/.test(e.message));
  e = assert.throws(function () { s.manDays({ employees: 2.5, audit: 'initial' }); }, 'invalid');
  assert.equal(e.field, 'employees');
});

// §6.5: ≥70 (含) and 扣分项 < 5 (不含) passes; <70 or ≥5 items fails; ≥95 five-star.
test.table('§6.5 grade at both sides of every threshold', [
  [69.99, 0, false, '不通过现场审查', 0],
  [70, 0, true, '达标', 0],
  [94.99, 4, true, '达标', 0],
  [95, 4, true, '五星级', 5],
  [100, 0, true, '五星级', 5],
  [95, 5, false, '不通过现场审查', 0],
  [80, 4, true, '达标', 0]
], function (score, items, pass, level, stars) {
  var g = s.grade({ score: score, deductionItems: items });
  assert.equal([g.pass, g.level, g.stars], [pass, level, stars]);
  assert.cites(g, '§6.5');
});

test('§6.4.3 scores by GB/T 27922: achieved / applicable × 100', function () {
  var r = s.score({ indicators: [{ id: '5.1.1', points: 40, achieved: 30 }, { id: '5.3.2', points: 60, achieved: 60 }] });
  assert.equal(r.score, 90);
  assert.cites(r, '§6.4.3');
});

test('§5 certificates are valid three years from the decision', function () {
  assert.equal(s.certificateExpiry('2025-03-10').date, '2028-03-09');
  assert.equal(s.certificateExpiry('2024-02-29').date, '2027-02-27');
});

test('§6.1.5 a non-acceptance is notified within 5 days', function () {
  assert.equal(s.deadline('nonAcceptanceNotice', '2025-12-29').date, '2026-01-03');
});

test('§7.5 nonconformities are corrected within two months, ending at a month end when the day is missing', function () {
  assert.equal(s.deadline('correction', '2025-06-15').date, '2025-08-15');
  assert.equal(s.deadline('correction', '2025-12-31').date, '2026-02-28');
  assert.equal(s.deadline('correction', '2023-12-29').date, '2024-02-29');
});

test('§9.3.2.1 suspension within 5 working days of the verified cause, across National Day', function () {
  var d = s.deadline('suspendWithin', '2025-09-26');
  assert.equal(d.date, '2025-10-10');
  assert.cites(d, '§9.3.2.1');
});

test('§9.3.3.1 withdrawal within 5 working days, across the Spring Festival', function () {
  assert.equal(s.deadline('withdrawWithin', '2026-02-13').date, calendar.addWorkingDays('2026-02-13', 5));
});

test('§9.3.2.2 a suspension lasts at most 6 months, except a licence under renewal (§9.3.2.1 (5))', function () {
  assert.equal(s.deadline('suspensionLimit', '2025-08-31').date, '2026-02-28');
  assert.equal(s.deadline('suspensionLimit', '2025-08-31', { cause: 'nonconformity' }).date, '2026-02-28');
  var r = s.deadline('suspensionLimit', '2025-08-31', { cause: 'licence-renewal' });
  assert.equal(r.date, null);
  assert.equal(r.exception, 'licenceRenewal');
  assert.cites(r, '§9.3.2.2');
  assert.throws(function () { s.deadline('suspensionLimit', '2025-08-31', { licenceRenewal: true }); }, 'invalid');
});

test('rule inputs are strict: a misspelt or missing field is refused, naming it', function () {
  var e = assert.throws(function () { s.grade({ score: 92, deductionitems: 7 }); }, 'invalid');
  assert.equal(e.field, 'deductionitems');
  e = assert.throws(function () { s.manDays({ employees: 60 }); }, 'invalid');
  assert.equal(e.field, 'audit');
  e = assert.throws(function () { s.manDays({ employees: 60, audit: 'initial', site: 2 }); }, 'invalid');
  assert.equal(e.field, 'site');
  e = assert.throws(function () { s.surveillance({ decisionDate: '2026-01-01', asof: '2026-05-01' }); }, 'invalid');
  assert.equal(e.field, 'asof');
});

test('§10 appeals are answered in writing within 60 days; complaints have no stated deadline', function () {
  assert.equal(s.deadline('appealAnswer', '2025-01-01').date, '2025-03-02');
  assert.equal(s.deadline('complaintAnswer', '2025-01-01'), null);
  assert.throws(function () { s.deadline('appeal', '2025-01-01'); }, 'invalid');
});

test('§8.1 recertification is applied for three months before expiry', function () {
  assert.equal(s.deadline('recertApplication', '2028-05-31').date, '2028-02-29');
});

test('§7.1 surveillance 9-12 months after the initial audit, then after the first surveillance', function () {
  var r = s.surveillance({ decisionDate: '2025-03-20', audits: [{ type: 'initial', end: '2025-02-28' }], asOf: '2025-12-01' });
  assert.equal([r.next.n, r.next.opens, r.next.due], [1, '2025-11-28', '2026-02-28']);
  assert.equal(r.next.status, 'open');
  r = s.surveillance({ decisionDate: '2025-03-20', audits: [{ type: 'initial', end: '2025-02-28' }, { type: 'surveillance', end: '2026-01-31' }], asOf: '2026-06-01' });
  assert.equal([r.next.n, r.next.opens, r.next.due], [2, '2026-10-31', '2027-01-31']);
  assert.equal(r.next.status, 'upcoming');
  assert.cites(r, '§7.1');
});

test('§7.1 a missed surveillance shows as overdue (a suspension cause, §9.3.2.1 (4))', function () {
  var r = s.surveillance({ decisionDate: '2024-05-31', audits: [{ type: 'initial', end: '2024-05-31' }], asOf: '2025-06-01' });
  assert.equal([r.next.due, r.next.status], ['2025-05-31', 'overdue']);
  assert.equal(s.cause('suspension', 'audit-missed').clause, '§9.3.2.1 (4)');
});

test('causes are coded with their clauses; an unknown code lists the valid ones', function () {
  assert.equal(s.causes('withdrawal').length, 10);
  var e = assert.throws(function () { s.cause('suspension', 'late'); }, 'invalid');
  assert.equal(e.field, 'cause');
  assert.ok(/voluntary/.test(e.message));
  assert.throws(function () { s.cause('cancellation', 'voluntary'); }, 'invalid');
});

test('§6.1.4 / §6.1.2 (6) eligibility: ordered suspension, the serious-illegal list, a system running under 3 months', function () {
  var r = s.eligibility({ legalStatus: true, licence: true, orderedSuspension: false, seriousIllegalList: true, managementSystemMonths: 2 });
  assert.equal(r.ok, false);
  assert.equal(r.refusals.map(function (x) { return x.clause; }), ['§6.1.4', '§6.1.2 (6)']);
  r = s.eligibility({ legalStatus: true, licence: true, orderedSuspension: false, seriousIllegalList: false, managementSystemMonths: 3 });
  assert.equal([r.ok, r.unchecked], [true, []]);
  assert.equal(s.eligibility({}).unchecked.length, 5);
});

test('required contents of the report (§6.5) and the certificate (§6.7.1)', function () {
  assert.equal(s.requires('report').length, 9);
  assert.ok(s.requires('certificate').some(function (x) { return /cnca/.test(x.item); }));
  assert.throws(function () { s.requires('contract'); }, 'invalid');
});

test('certificate numbers follow the stated pattern', function () {
  assert.equal(s.certificateNumber({ year: 2025, seq: 7 }).number, 'CAS-SV-2025-00007');
});
