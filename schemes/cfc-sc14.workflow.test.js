// schemes/cfc-sc14.workflow.test.js — the CFC SC14 workflow (seed 002) through the register: for
// each guard, the case from the clause, the refused call with its guard and clause, and the allowed
// path; for each required action, the facts that raise it and the act that discharges it.
var kit = require('stdlib/testkit');
var S = 'cfc-sc14';

// ---- §6.2.3, §7.2, §8.6.3: the stages and the team ---------------------------------------------------

test('§6.2.3 the written contract after acceptance, before any audit; §8.6.3 the leader\'s complete report before the decision', function () {
  var c = kit.accepted(S, { grade: '四星级', contract: false }), lead = kit.auditor(), boss = kit.decider();
  var initial = function () { return c.audit({ type: 'initial', start: '2026-02-10', end: '2026-02-12', manDays: 3, team: [{ person: lead, role: 'leader' }] }); };
  kit.refusedWith(initial, 'contract', '§6.2.3');
  c.contract({ date: '2026-01-20', number: 'CFC-HT-2026-009' });
  var a = initial();
  a.score({ score: 91, deductionItems: 0 });
  kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01' }); }, 'report', '§8.6.3');
  a.report({ date: '2026-02-16' });
  assert.equal(c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01' }).certificate.grade, '四星级');
});

test('§7.2.2 every auditor registered on the audit\'s days; §7.2.4 a technical expert works under the auditors and is not one', function () {
  var c = kit.accepted(S), expert = people.create({ name: '技术专家', roles: ['expert'] });
  var unregistered = people.create({ name: '未注册人员', roles: ['auditor'] });
  var audit = function (team) { return c.audit({ type: 'initial', start: '2026-02-10', end: '2026-02-12', manDays: 3, team: team }); };
  kit.refusedWith(function () { audit([{ person: unregistered, role: 'leader' }]); }, 'registered-auditors', '§7.2.2');
  kit.refusedWith(function () { audit([{ person: expert, role: 'leader' }]); }, 'registered-auditors', '§7.2.2'); // an expert does not lead
  var a = audit([{ person: kit.auditor(), role: 'leader' }, { person: expert, role: 'expert' }]);
  assert.cites(a, '§7.2.4');
});

test('§8.10.1 1) the second surveillance by 2027-12-31 on an approved extension, not into 2028: 31 December is the edge', function () {
  var k = kit.certified(S, { grade: '四星级', score: 91, decided: '2026-03-01' });
  kit.audited(k.case, 'surveillance', '2026-11-18', 91); // ends 2026-11-20
  assert.equal(kit.pendingCodes(k.certificate, '2027-11-21'), ['surveillance-missed'], '12 months + 1 day without an approval');
  var c = k.certificate.extendSurveillance({ n: 2, reason: '特殊情况：门店改造', by: kit.auditor(), approvedBy: kit.decider(), date: '2027-10-01' });
  assert.equal(c.programme('2027-11-21').next.latest, '2027-12-31', '15 months would be 2028-02-20');
  assert.equal(kit.pendingCodes(c, '2027-12-31'), []);
  assert.equal(kit.pendingCodes(c, '2028-01-01'), ['surveillance-missed']);
});

// ---- §8.5.5, §8.8.2: the initial decision recommends the grade applied for --------------------------

test('§8.5.5 1) applied for 三星级 and scored 98: 三星级 is recommended, never 五星级', function () {
  var cert = kit.certified(S, { grade: '三星级', score: 98 }).certificate;
  assert.equal([cert.grade, cert.stars], ['三星级', 3]);
  assert.cites(cert, '§8.5.5 1)');
});

test('§8.5.5 2) applied for 五星级 and scored 91: 四星级 only on the applicant\'s request', function () {
  var c = kit.accepted(S, { grade: '五星级' });
  kit.audited(c, 'initial', '2026-02-10', 91);
  var boss = kit.decider();
  var e = kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01' }); }, 'grade', '§8.5.5 2)');
  assert.equal([e.refusals[0].numbers.score, e.refusals[0].numbers.applied], [91, '五星级']);
  var cert = c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01', request: { date: '2026-02-25', text: '申请降级为四星级' } }).certificate;
  assert.equal([cert.grade, cert.stars], ['四星级', 4]);
  assert.ok(cert.why.some(function (w) { return /on the applicant's request of 2026-02-25/.test(w.text); }), 'the request is in the why');
});

test('§8.5.5 3), §8.8.2 below the lowest star level: not certified, and the refusal gives its reasons', function () {
  var c = kit.accepted(S, { grade: '三星级' });
  kit.audited(c, 'initial', '2026-02-10', 65);
  var boss = kit.decider();
  kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01' }); }, 'passes', '§8.8.2');
  kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'refuse', date: '2026-03-01' }); }, 'reason', '§8.8.2');
  assert.equal(c.decide({ by: [boss], outcome: 'refuse', date: '2026-03-01', reason: '总分65分，达不到最低星级要求' }).reason, '总分65分，达不到最低星级要求');
});

test('§6.2.3 an application not accepted: the reasons are recorded and told', function () {
  var c = cases.apply({ org: kit.org({ facts: { legalStatus: true } }), scheme: S, scope: '数码产品的售后服务', date: '2026-01-05' });
  kit.refusedWith(function () { c.reject({ date: '2026-01-07' }); }, 'reason', '§6.2.3');
  assert.equal(c.reject({ date: '2026-01-07', reason: '暂不具备相应资源和能力' }).status, 'rejected');
});

// ---- §8.10.3: surveillance conclusions -----------------------------------------------------------------

test('§8.10.3 1) a surveillance meeting the held grade keeps it', function () {
  var k = kit.certified(S, { grade: '四星级', score: 92 });
  kit.audited(k.case, 'surveillance', '2026-12-01', 93);
  var d = k.case.decide({ by: [k.boss], outcome: 'maintain', date: '2026-12-10' });
  assert.equal([d.certificate.grade, d.certificate.status], ['四星级', 'active']);
});

test('§8.10.3 2) b) below the held 四星级 but above the lowest: not maintained as it is; downgraded, with reasons, to 三星级', function () {
  var k = kit.certified(S, { grade: '四星级', score: 92 });
  kit.audited(k.case, 'surveillance', '2026-12-01', 85);
  assert.equal(k.certificate.actions('2026-12-05').map(function (a) { return [a.code, a.do, a.clause]; }), [['below-held-grade', 'downgrade', '§8.10.3 2)']]);
  kit.refusedWith(function () { k.case.decide({ by: [k.boss], outcome: 'maintain', date: '2026-12-10' }); }, 'no-pending-action', 'ISO/IEC 17065 §7.11');
  kit.refusedWith(function () { k.case.decide({ by: [k.boss], outcome: 'downgrade', date: '2026-12-10' }); }, 'reason', '§8.10.3 2)');
  var d = k.case.decide({ by: [k.boss], outcome: 'downgrade', date: '2026-12-10', reason: '总分85分低于四星级要求，整改后满足三星级要求' });
  assert.equal([d.certificate.grade, d.certificate.stars, d.reason], ['三星级', 3, '总分85分低于四星级要求，整改后满足三星级要求']);
  assert.equal(certificates.get(k.certificate.id).history().pop().kind, 'certificate.downgrade');
  assert.equal(kit.pendingCodes(k.certificate, '2026-12-11'), []);
});

test('§8.10.3 2) c) below the lowest grade: withdrawal is required; neither maintain nor downgrade', function () {
  var k = kit.certified(S, { grade: '三星级', score: 85 });
  kit.audited(k.case, 'surveillance', '2026-12-01', 60);
  assert.equal(kit.pendingCodes(k.certificate, '2026-12-05'), ['below-lowest']);
  kit.refusedWith(function () { k.case.decide({ by: [k.boss], outcome: 'maintain', date: '2026-12-10' }); }, 'passes', '§8.10.3 1)');
  kit.refusedWith(function () { k.case.decide({ by: [k.boss], outcome: 'downgrade', date: '2026-12-10', reason: 'x' }); }, 'passes', '§8.10.3 2) c)');
  assert.equal(k.certificate.withdraw({ cause: 'correction-failed', date: '2026-12-10' }).status, 'withdrawn');
});

// ---- §9.5: suspension and restoration -------------------------------------------------------------------

test('§9.5.1 restored after a verified correction, within 6 months; without it, or later, not', function () {
  var k = kit.certified(S, { grade: '三星级', score: 85 });
  var s = k.certificate.suspend({ cause: 'misuse', date: '2026-06-01' });
  assert.equal(s.until, '2026-12-01');
  kit.refusedWith(function () { s.restore({ date: '2026-07-01' }); }, 'cause', '§9.5.1');
  kit.refusedWith(function () { s.restore({ cause: 'corrected', date: '2026-12-02' }); }, 'within-limit', '§9.5.1');
  assert.equal(kit.pendingCodes(s, '2026-12-02'), ['suspension-limit']);
  assert.equal(s.restore({ cause: 'corrected', date: '2026-11-30' }).status, 'active');
});
