// schemes/cnas-ecommerce.competence.test.js — CNAS C2.2 "认证机构应建立、实施并持续改进其形成文件的
// 能力评价过程": 1) 能力评价…确保所使用的人员仅从事已经证实其具备能力的特定活动; 2) 能力的持续监控;
// 3) 识别能力差异…提供培训. C2.5: 做出认证决定的小组或个人…经证实有能力做出认证决定. Competence records
// are the body's own, beside the registrations; example-ecommerce inherits the draft's guards.
var kit = require('stdlib/testkit');
var S = 'example-ecommerce';

// seller() → an accepted, contracted case of an online seller
function seller() {
  return kit.accepted(S, { org: { shops: [{ domain: 'shop.example.cn', platform: '天猫' }], facts: { legalStatus: true, licence: true, itSystem: true,
    complaintMechanism: true, safetyCommitment: true, privacyCommitment: true, seriousDishonestyList: false, tangibleGoods: true, model: 'B2C' } },
    shops: [{ domain: 'shop.example.cn', platform: '天猫' }] });
}
// audit(c, lead) → the online requirement assessment led by lead
function audit(c, lead) {
  return c.audit({ type: 'initial', mode: 'online', start: '2026-02-10', end: '2026-02-11', manDays: 2, team: [{ person: lead, role: 'leader' }] });
}

test('C2.2 1): only a person evaluated competent for the activity audits; the evaluation is a record with its history', function () {
  var c = seller(), p = people.create({ name: '新审核员', roles: ['auditor'] });
  var e = kit.refusedWith(function () { audit(c, p); }, 'competent', 'C2.2 1)');
  assert.ok(/no evaluation of person/.test(e.message), e.message);
  p.assess({ kind: 'training', activity: 'audit', date: '2026-01-10', result: 'completed', by: kit.evaluator(), text: '电子商务法与GB/T 31524培训' });
  kit.refusedWith(function () { audit(c, p); }, 'competent', 'C2.2 1)'); // 3) training is not an evaluation
  p.assess({ kind: 'evaluation', activity: 'audit', scheme: S, date: '2026-01-20', result: 'competent', validTo: '2027-01-19', by: kit.evaluator() });
  var a = audit(c, p);
  assert.cites(a, 'C2.2 1)');
  var standing = p.competence('audit', S, '2026-02-10');
  assert.equal([standing.competent, standing.record.date, standing.trainings.length], [true, '2026-01-20', 1]);
});

test('C2.2 2): continual monitoring that finds the person not competent stops them; the earlier evaluation stays in the history', function () {
  var c = seller(), p = kit.auditor();
  p.assess({ kind: 'monitoring', activity: 'audit', date: '2026-01-31', result: 'not-competent', by: kit.evaluator(), text: '见证评审发现对电子商务平台规则理解不足' });
  kit.refusedWith(function () { audit(c, p); }, 'competent', 'C2.2 1)');
  assert.equal(p.competence('audit', S, '2026-01-30').competent, true, 'competent the day before');
  assert.equal(sql('SELECT count(*) n FROM competence WHERE person_id = ?', p.id)[0].n, 3, 'audit, lead, and the monitoring: nothing rewritten');
});

test('an evaluation that has lapsed (validTo) no longer holds; one person never evaluates themselves', function () {
  var p = people.create({ name: '审核员丙', roles: ['auditor'] });
  p.assess({ kind: 'evaluation', activity: 'audit', date: '2024-01-01', result: 'competent', validTo: '2025-12-31', by: kit.evaluator() });
  assert.equal(p.competence('audit', S, '2025-12-31').competent, true);
  assert.ok(/lapsed on 2025-12-31/.test(p.competence('audit', S, '2026-01-01').text));
  assert.equal(assert.throws(function () { p.assess({ kind: 'evaluation', activity: 'audit', result: 'competent', by: p }); }, 'invalid').field, 'by');
  assert.equal(assert.throws(function () { p.assess({ kind: 'training', activity: 'audit', result: 'competent', by: kit.evaluator() }); }, 'invalid').field, 'result');
  assert.equal(assert.throws(function () { p.assess({ kind: 'evaluation', activity: 'sell', result: 'competent', by: kit.evaluator() }); }, 'invalid').field, 'activity');
});

test('C2.5: the decider is evaluated competent to decide', function () {
  var c = seller(), lead = kit.auditor();
  audit(c, lead).report({ date: '2026-02-12' });
  c.audit({ type: 'initial', mode: 'onsite', start: '2026-02-13', end: '2026-02-13', manDays: 1, team: [{ person: lead, role: 'leader' }] }).report({ date: '2026-02-14' });
  var cc = scheme(S).conclusion({ audit: 'initial', results: { 'management-audit': { conforms: true }, 'requirement-assessment': { conforms: true } } });
  var boss = people.create({ name: '决定人丁', roles: ['decider'] });
  kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01', conclusion: cc }); }, 'decider-competent', 'C2.5');
  kit.competent(boss, ['decide'], '2026-02-01');
  var d = c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01', conclusion: cc });
  assert.cites(d, 'C2.5');
});
