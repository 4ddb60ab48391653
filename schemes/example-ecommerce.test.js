// 示例认证机构电子商务交易服务认证实施规则 (the template body scheme under the CNAS draft): each
// test is a case from the body's rule (example §N) or the draft clause it inherits, then the answer.
var kit = require('stdlib/testkit');
var s = scheme('example-ecommerce');

test('the body\'s scheme extends the CNAS draft and states what the draft leaves open (C1.2, C3.9.1 注)', function () {
  assert.equal([s.id, s.version, s.title], ['example-ecommerce', 'A/0', '示例认证机构电子商务交易服务认证实施规则']);
  assert.equal(s.criteria, ['gbt31524']);
  // inherited from the draft: eligibility, required contents, R6.2 measures, the evaluation and conclusion
  assert.equal(s.requires('certificate')[2].clause, 'C3.7.1 3)');
  assert.equal(s.measures('consumer-harm').event.clause, 'R6.2 3)');
  // a conformity statement, not a score (C3.5 9))
  assert.equal([typeof s.score, typeof s.grade], ['undefined', 'undefined']);
  assert.ok(s.positions.some(function (p) { return p.topic === 'decision' && p.clause === 'C3.5 9)'; }));
});

// ---- example §7: the certificate ----

test('example §7.1: a certificate decided on 2025-03-10 is valid three years, to 2028-03-09', function () {
  var r = s.certificateExpiry('2025-03-10');
  assert.equal(r.date, '2028-03-09');
  assert.cites(r, 'example §7.1');
});

test('example §7.2: the 12th certificate of 2026 is EX-ECS-2026-00012', function () {
  var r = s.certificateNumber({ year: 2026, seq: 12 });
  assert.equal(r.number, 'EX-ECS-2026-00012');
  assert.cites(r, 'example §7.2');
});

// ---- example §5, §6, §9, §10, §11: deadlines ----

test.table('the body\'s deadlines, each from its clause', [
  ['nonAcceptanceNotice', '2026-01-26', '2026-02-05', 'example §5.2'],      // 10 days
  ['correction', '2025-12-31', '2026-02-28', 'example §6.5'],               // 2 months, month end
  ['suspendWithin', '2026-09-28', '2026-10-10', 'example §9.1'],           // 5 working days across National Day (10 Oct is a working Saturday)
  ['suspensionLimit', '2025-08-31', '2026-02-28', 'example §9.2'],         // 6 months, capped by the body
  ['withdrawWithin', '2026-02-13', '2026-02-27', 'example §9.3'],          // 5 working days across the Spring Festival (off 15–23 Feb; 14 Feb a working Saturday)
  ['appealAnswer', '2026-03-01', '2026-04-30', 'example §11.1'],           // 60 days
  ['complaintAnswer', '2026-03-01', '2026-03-31', 'example §11.2'],        // 30 days
  ['recertApplication', '2028-03-09', '2027-12-09', 'example §10.1']       // 3 months before expiry
], function (name, from, due, clause) {
  var r = s.deadline(name, from);
  assert.equal(r.date, due, name + ' from ' + from);
  assert.cites(r, clause);
});

test('R6.2 注 and example §9.2: the draft suspends until remedied; the body caps it at 6 months and says so', function () {
  var r = s.deadline('suspensionLimit', '2026-01-15');
  assert.equal(r.date, '2026-07-15');
  assert.ok(r.why.some(function (w) { return w.clause === 'R6.2 注' && /^position:/.test(w.text); }), JSON.stringify(r.why));
});

// ---- example §8: surveillance ----

test('example §8.1: the first surveillance is due within 12 months of the decision', function () {
  var r = s.surveillance({ decisionDate: '2025-03-10', audits: [{ type: 'initial', end: '2025-02-20' }], asOf: '2025-06-01' });
  assert.equal([r.next.n, r.next.opens, r.next.due, r.next.status], [1, '2025-03-10', '2026-03-10', 'open']);
  assert.cites(r, 'example §8.1');
  assert.cites(r, 'C3.9.1 注');
});

test('example §8.2: the second follows within 12 months of the first, at most 15 and inside that calendar year', function () {
  var ext = [{ n: 2, reason: '经批准延期', by: 1, approvedBy: 2, date: '2025-12-01' }];
  var r = s.surveillance({ decisionDate: '2024-03-10', audits: [{ type: 'initial', end: '2024-02-20' }, { type: 'surveillance', end: '2025-01-20' }], asOf: '2025-06-01', extensions: ext });
  assert.equal([r.next.n, r.next.due, r.next.latest], [2, '2026-01-20', '2026-04-20']);
  var plain = s.surveillance({ decisionDate: '2024-03-10', audits: [{ type: 'initial', end: '2024-02-20' }, { type: 'surveillance', end: '2025-01-20' }], asOf: '2025-06-01' });
  assert.equal(plain.next.latest, '2026-01-20', 'without an approval: 12 months');
  var late = s.surveillance({ decisionDate: '2024-03-10', audits: [{ type: 'surveillance', end: '2025-10-20' }], asOf: '2025-12-01', extensions: ext });
  assert.equal([late.next.due, late.next.latest], ['2026-10-20', '2026-12-31'], '15 months would be 2027-01-20: the calendar year ends first');
  var missed = s.surveillance({ decisionDate: '2024-03-10', audits: [], asOf: '2025-03-11' });
  assert.equal(missed.next.status, 'overdue');
});

test('example §8.3: a surveillance is the online assessment, plus the management audit when C3.9.2 calls for a review', function () {
  assert.equal(s.surveillancePlan({ complexity: 'high' }).activities, ['requirement-assessment']);
  var r = s.surveillancePlan({ platformPenalties: 2 });
  assert.equal(r.activities, ['requirement-assessment', 'management-audit']);
  assert.cites(r, 'example §8.3');
  assert.cites(r, 'C3.9.2');
});

// ---- C3.8 and example §6.1: the evaluation as recorded ----

test('C3.8: an initial certification recorded with only the on-site audit is incomplete; with the online assessment it is complete', function () {
  var one = s.recordedEvaluation({ audit: 'initial', audits: [{ type: 'initial', mode: 'onsite' }] });
  assert.equal([one.ok, one.missing], [false, ['requirement-assessment']]);
  assert.cites(one, 'C3.8');
  assert.cites(one, 'example §6.1');
  var both = s.recordedEvaluation({ audit: 'initial', audits: [{ type: 'initial', mode: 'onsite' }, { type: 'initial', mode: 'online' },
    { type: 'surveillance', mode: 'online' }] });
  assert.equal([both.ok, both.activities], [true, ['management-audit', 'requirement-assessment']]);
  assert.equal(assert.throws(function () { s.recordedEvaluation({ audit: 'initial', audits: [{ type: 'initial', mode: 'video' }] }); }, 'invalid').field, 'audits[0].mode');
});

// ---- the lifecycle through the register: a seller with two shops, decided on its conclusion ----

test('an online seller\'s cycle: both activities, the conclusion, a certificate naming its shops, an R6.2 suspension', function () {
  var base = '91330106MA2EC0019';
  var o = orgs.create({ name: '杭州示例电子商务有限公司', uscc: base + uscc.check(base + '0').expected, staff: 40,
    shops: [{ domain: 'shop.example.cn', platform: '天猫' }, { domain: 'mall.example.cn', platform: '京东' }],
    facts: { legalStatus: true, licence: true, itSystem: true, complaintMechanism: true, safetyCommitment: true, privacyCommitment: true,
      seriousDishonestyList: false, tangibleGoods: true, model: 'B2C' } });
  var c = o.apply({ scheme: 'example-ecommerce', scope: '家用电器网络零售', shops: o.shops, date: '2025-01-06' }).accept({ date: '2025-01-08' }).contract({ date: '2025-01-09', number: 'HT-1' });
  var lead = kit.competent(people.create({ name: '审核员甲', roles: ['auditor'] }), ['audit']); // C2.2 1)
  var boss = kit.competent(people.create({ name: '决定人乙', roles: ['decider'] }), ['decide']); // C2.5
  c.audit({ type: 'initial', mode: 'onsite', start: '2025-02-10', end: '2025-02-11', team: [{ person: lead, role: 'leader' }] });
  // a conclusion without the online assessment is not possible (C3.8)
  assert.throws(function () { s.conclusion({ audit: 'initial', results: { 'management-audit': { conforms: true } } }); }, 'incomplete');
  c.audit({ type: 'initial', mode: 'online', start: '2025-02-12', end: '2025-02-14', team: [{ person: lead, role: 'leader' }] }).report({ date: '2025-02-15' });
  var audits = sql('SELECT type, mode FROM audits WHERE case_id = ?', c.id);
  assert.equal(s.recordedEvaluation({ audit: 'initial', audits: audits }).ok, true);
  var bad = s.conclusion({ audit: 'initial', results: { 'management-audit': { conforms: true }, 'requirement-assessment': { conforms: false, reason: '退货申请7日未处理' } } });
  assert.equal(assert.throws(function () { c.decide({ by: [boss], outcome: 'certify', date: '2025-03-10', conclusion: bad }); }, 'refused').field, 'conclusion');
  var good = s.conclusion({ audit: 'initial', results: { 'management-audit': { conforms: true }, 'requirement-assessment': { conforms: true } } });
  var d = c.decide({ by: [boss], outcome: 'certify', date: '2025-03-10', conclusion: good });
  var cert = d.certificate;
  assert.equal([cert.expires, cert.grade, cert.number.indexOf('EX-ECS-2025-')], ['2028-03-09', null, 0]);
  assert.equal(cert.shops.map(function (x) { return x.platform; }), ['天猫', '京东'], 'C3.7.1 3): every shop and its platform');
  assert.cites(d, 'C3.5 9)');
  assert.cites(d, 'example §7.1');
  // R6.2 2): a major incident; the body suspends until remedied, within its 6-month cap
  var ev = matters.open({ kind: 'incident', certificate: cert, cause: 'major-incident', text: '信息安全事故：顾客数据泄露', date: '2025-09-01' });
  var sus = cert.suspend({ cause: 'r62-event', date: '2025-09-03' });
  assert.equal([sus.status, sus.until], ['suspended', '2026-03-03']);
  ev.close({ date: '2025-09-03', outcome: 'suspend-until-remedied' });
  var back = sus.restore({ cause: 'remedied', date: '2025-11-20' });
  assert.equal([back.status, back.statusClause], ['active', 'R6.2 注']);
});
