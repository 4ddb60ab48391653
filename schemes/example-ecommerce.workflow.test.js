// schemes/example-ecommerce.workflow.test.js — the CNAS e-commerce draft's workflow (seed 000:
// C3.6-C3.8, R5, R6.2) as the template body scheme example-ecommerce inherits it, through the
// register: for each guard, the case from the clause, the refused call with its guard and clause,
// and the allowed path; for R6.2, the actions it requires and the acts that discharge them.
var kit = require('stdlib/testkit');
var S = 'example-ecommerce', s = scheme(S);
var FACTS = { legalStatus: true, licence: true, itSystem: true, complaintMechanism: true, safetyCommitment: true, privacyCommitment: true,
  seriousDishonestyList: false, tangibleGoods: true, model: 'B2C' };
var SHOPS = [{ domain: 'shop.example.cn', platform: '天猫' }];

// seller(modes, shops) → an accepted case of an online seller with initial audits in those modes
function seller(modes, shops) {
  var c = kit.accepted(S, { org: { facts: FACTS, shops: shops }, shops: shops, scope: '家用电器网络零售', applied: '2025-01-06' });
  modes.forEach(function (m, i) { kit.audited(c, 'initial', date.addDays('2025-02-10', 4 * i), undefined, 0, m); });
  return c;
}
// conclusion(ok) → the conformity conclusion of both activities
function conclusion(ok) {
  return s.conclusion({ audit: 'initial', results: { 'management-audit': { conforms: true },
    'requirement-assessment': ok ? { conforms: true } : { conforms: false, reason: '退货申请7日未处理' } } });
}

test('C3.8 an initial certification rests on both activities as recorded: the on-site audit alone is refused', function () {
  var c = seller(['onsite'], SHOPS), boss = kit.decider();
  var e = kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'certify', date: '2025-03-10', conclusion: conclusion(true) }); }, 'activities', 'C3.8');
  assert.equal(e.refusals[0].numbers.missing, ['requirement-assessment']);
});

test('C3.5 9) no conformity conclusion, no certificate', function () {
  var c = seller(['onsite', 'online'], SHOPS);
  kit.refusedWith(function () { c.decide({ by: [kit.decider()], outcome: 'certify', date: '2025-03-10' }); }, 'evaluated', 'ISO/IEC 17065 §7.4');
});

test('C3.7.1 3) the certificate names each shop\'s domain and platform: a case without shops is refused', function () {
  var c = seller(['onsite', 'online'], []);
  kit.refusedWith(function () { c.decide({ by: [kit.decider()], outcome: 'certify', date: '2025-03-10', conclusion: conclusion(true) }); }, 'shops', 'C3.7.1 3)');
});

test('C3.6.2 certified on a conforming conclusion, with no grade; a refusal states in writing why', function () {
  var c = seller(['onsite', 'online'], SHOPS), boss = kit.decider();
  kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'certify', date: '2025-03-10', conclusion: conclusion(false) }); }, 'passes', 'C3.6.2');
  kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'refuse', date: '2025-03-10', conclusion: conclusion(false) }); }, 'reason', 'C3.6.2');
  kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'certify', date: '2025-03-10', conclusion: conclusion(true), grade: '五星级' }); }, 'grade', 'ISO/IEC 17065 §7.6');
  var cert = c.decide({ by: [boss], outcome: 'certify', date: '2025-03-10', conclusion: conclusion(true) }).certificate;
  assert.equal([cert.grade, cert.stars, cert.shops], [null, 0, SHOPS]);
});

test('R5 the IAF-MLA/CNAS combined mark is not used for e-commerce certificates', function () {
  var cert = { body: '示例认证机构', bodyAddress: '杭州', certificationMark: '服务认证标志', holder: '杭州示例电子商务有限公司', shops: SHOPS,
    scope: '家用电器网络零售', standards: 'GB/T 31524', issued: '2025-03-10', number: 'EX-ECS-2025-00001' };
  assert.equal(s.checkCertificate(Object.assign({ accreditationMark: 'CNAS 认可标识' }, cert)).ok, true);
  var r = s.checkCertificate(Object.assign({ accreditationMark: 'IAF-MLA/CNAS 联合标识' }, cert));
  assert.equal([r.ok, r.missing[0].clause], [false, 'R5']);
  assert.cites(r, 'R5');
});

test('R6.2 an event obliges the body to act and to report to CNAS, each within 5 working days (example §9.1)', function () {
  var c = seller(['onsite', 'online'], SHOPS), boss = kit.decider();
  var cert = c.decide({ by: [boss], outcome: 'certify', date: '2025-03-10', conclusion: conclusion(true) }).certificate;
  var m = matters.open({ kind: 'incident', certificate: cert, cause: 'major-incident', text: '信息安全事故：顾客数据泄露', date: '2025-09-01' });
  var due = calendar.addWorkingDays('2025-09-01', 5);
  assert.equal(cert.actions('2025-09-02').map(function (a) { return [a.code, a.do, a.to, a.due]; }),
    [['r62-report', 'report', 'CNAS', due], ['r62-measures', 'suspend', null, due]]);
  assert.ok(q.actions('2025-09-02').some(function (a) { return a.code === 'r62-report' && a.certificate === cert.number; }), 'q.actions lists it');
  m = m.report({ to: 'CNAS', date: '2025-09-03' });
  assert.equal([m.reported, m.reportedTo], ['2025-09-03', 'CNAS']);
  cert.suspend({ cause: 'r62-event', date: '2025-09-03' });
  m.close({ date: '2025-09-03', outcome: 'suspend-until-remedied' });
  assert.equal(kit.pendingCodes(cert, '2025-09-04'), []);
});
