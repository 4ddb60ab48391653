// schemes/cfc-sc14.workflow.test.js — the CFC SC14 workflow (seed 002) through the register: for
// each guard, the case from the clause, the refused call with its guard and clause, and the allowed
// path; for each required action, the facts that raise it and the act that discharges it.
var kit = require('stdlib/testkit');
var S = 'cfc-sc14';

// ---- §6.2.3, §7.2, §8.6.3: the stages and the team ---------------------------------------------------

test('§6.2.3 the written contract after acceptance, before any audit; §8.6.3 the leader\'s complete report before the decision', function () {
  var c = kit.accepted(S, { grade: '四星级', contract: false }), lead = kit.auditor(), boss = kit.decider();
  var initial = function () { return c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', manDays: 3, team: [{ person: lead, role: 'leader' }] })); };
  kit.refusedWith(initial, 'contract', '§6.2.3');
  c.contract({ date: '2026-01-20', number: 'CFC-HT-2026-009' });
  kit.refusedWith(initial, 'document-review', '§8.1'); // 在实施现场审查前…对服务管理文件进行审查
  c.audit({ type: 'document', start: '2026-01-27', end: '2026-01-27', team: [{ person: lead, role: 'leader' }] });
  var a = initial();
  a.score({ score: 91, deductionItems: 0 });
  kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01' }); }, 'report', '§8.6.3');
  a.report({ date: '2026-02-16' });
  assert.equal(c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01' }).certificate.grade, '四星级');
});

test('§7.2.2 every auditor registered on the audit\'s days; §7.2.4 a technical expert works under the auditors and is not one', function () {
  var c = kit.accepted(S), expert = people.create({ name: '技术专家', roles: ['expert'] });
  var unregistered = people.create({ name: '未注册人员', roles: ['auditor'] });
  c.audit({ type: 'document', start: '2026-01-27', end: '2026-01-27', team: [{ person: kit.auditor(), role: 'leader' }] });
  var audit = function (team) { return c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', manDays: 3, team: team })); };
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

// ---- §7.2.5, §7.3: the assignment and the audit plan ---------------------------------------------------

test('§7.2.5 审查委任 before the on-site audit, stating its five contents; §7.3 the leader plans after it, each auditor with a part', function () {
  var c = kit.accepted(S, { grade: '四星级' }), lead = kit.auditor(), member = kit.auditor(), boss = kit.manager();
  c.audit({ type: 'document', start: '2026-01-27', end: '2026-01-27', team: [{ person: lead, role: 'leader' }] });
  var a = c.audit({ type: 'initial', plannedStart: '2026-02-10', plannedEnd: '2026-02-12', manDays: 3, team: [{ person: lead, role: 'leader' }, { person: member, role: 'member' }] });
  var done = function () { return audits.get(a.id).complete({ start: '2026-02-10', end: '2026-02-12' }); };
  kit.refusedWith(done, 'assignment', '§7.2.5');
  // the assignment's contents are checked field by field: a misspelt or missing one is refused
  assert.equal(assert.throws(function () { a.assign({ date: '2026-02-01', by: boss, objective: '…' }); }, 'invalid').field, 'objective');
  assert.equal(assert.throws(function () { a.assign({ date: '2026-02-01', by: boss, criteria: 'GB/T 27922', scope: '售后服务' }); }, 'invalid').field, 'objectives');
  a.assign({ date: '2026-02-11', by: boss, objectives: '确定申请组织是否满足四星级要求', criteria: ['GB/T 27922-2011', 'CFC-SC14 认证规则'], scope: '家用电器的售后服务，总部及其服务网点' });
  kit.refusedWith(done, 'assignment', '§7.2.5'); // assigned the day after the audit began: too late
  a.assign({ date: '2026-02-01', by: boss, objectives: '确定申请组织是否满足四星级要求', criteria: ['GB/T 27922-2011', 'CFC-SC14 认证规则'], scope: '家用电器的售后服务，总部及其服务网点' });
  var e = kit.refusedWith(done, 'plan', '§7.3');
  assert.ok(/no written audit plan/.test(e.message), e.message);
  var items = function (who) {
    return [{ activity: '首次会议', date: '2026-02-10', from: '09:00', to: '09:30', auditors: [lead], content: '确认审查计划' },
      { activity: '服务管理审核', date: '2026-02-10', from: '09:30', to: '17:00', auditors: who, content: '4.2 服务体系, 4.3 服务过程' }];
  };
  assert.equal(assert.throws(function () { a.plan({ date: '2026-02-05', items: items([kit.auditor()]) }); }, 'invalid').field, 'items[1].auditors'); // not on the team
  assert.equal(assert.throws(function () { a.plan({ date: '2026-02-05', items: [{ activity: '末次会议', date: '2026-02-12', from: '16:00', to: '15:00', auditors: [lead], content: '审查结论' }] }); }, 'invalid').field, 'items[0].to');
  a.plan({ date: '2026-01-30', items: items([lead, member]) }); // before the assignment of 2026-02-01
  kit.refusedWith(done, 'plan', '§7.3');
  a.plan({ date: '2026-02-05', by: member, items: items([lead, member]) }); // 审查组长…编制: drawn up by a member
  e = kit.refusedWith(done, 'plan', '§7.3');
  assert.ok(/not by the team's leader/.test(e.message), e.message);
  a.plan({ date: '2026-02-06', items: items([lead]) }); // the member has no part
  e = kit.refusedWith(done, 'plan', '§7.3');
  assert.ok(/gives no part to person/.test(e.message), e.message);
  a.plan({ date: '2026-02-07', items: items([member]) });
  var third = kit.auditor();
  a.addMember({ person: third, role: 'member' }); // joins after the assignment: 审查组成员信息 is out of date
  e = kit.refusedWith(done, 'assignment', '§7.2.5');
  assert.ok(/assign it again/.test(e.message), e.message);
  a.assign({ date: '2026-02-08', by: boss, objectives: '确定申请组织是否满足四星级要求', criteria: ['GB/T 27922-2011'], scope: '家用电器的售后服务，总部及其服务网点' });
  kit.refusedWith(done, 'plan', '§7.3'); // and the plan gives the newcomer no part yet
  a.plan({ date: '2026-02-09', items: items([member, third]) });
  var ok = done();
  assert.cites(ok, '§7.2.5');
  assert.cites(ok, '§7.3');
  var recorded = audits.get(a.id).plans();
  assert.equal(recorded.map(function (p) { return p.kind + ' ' + p.date; }),
    ['plan 2026-01-30', 'assignment 2026-02-01', 'plan 2026-02-05', 'plan 2026-02-06', 'plan 2026-02-07', 'assignment 2026-02-08', 'plan 2026-02-09', 'assignment 2026-02-11']);
  assert.equal(recorded[1].contents.team.map(function (m) { return m.role; }), ['leader', 'member'], '审查组成员信息 as the team stood');
  assert.equal([recorded[1].contents.from, recorded[1].contents.to], ['2026-02-10', '2026-02-12'], '现场审查活动时间: the planned days');
});

test('§6.1-§8.8: the stages in order as CFC\'s guards declare them, each with its clause', function () {
  var st = scheme(S).stages();
  assert.equal(st.map(function (x) { return x.stage + ' ' + x.clause; }), ['application review §6.1', 'contract §6.2.3', 'document review §8.1',
    'assignment §7.2.5', 'audit plan §7.3', 'on-site audit ISO/IEC 17065 §7.4', 'report §8.6.3', 'decision §8.8.2']);
  // CAS declares no assignment: its stages skip it
  assert.equal(scheme('cas-service').stages().map(function (x) { return x.stage; }).indexOf('assignment'), -1);
});
