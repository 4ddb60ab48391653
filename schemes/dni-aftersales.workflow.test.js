// schemes/dni-aftersales.workflow.test.js — the DNI workflow (seed 003) through the register: for
// each guard, the case from the clause, the refused call with its guard and clause, and the allowed
// path; for each required action, the facts that raise it and the act that discharges it.
var kit = require('stdlib/testkit');
var S = 'dni-aftersales';

// ---- §5.3.3.6-§5.4: the three recommendations and the decision ---------------------------------------

test('§5.3.1.3 and 附件二 专业代码 02.03.01: the team brings the after-sales field, or a technical expert', function () {
  var c = kit.accepted(S);
  c.audit({ type: 'document', start: '2026-02-01', end: '2026-02-01', team: [{ person: kit.auditor(), role: 'leader' }] });
  var other = kit.auditor('01.02.03');
  var e = kit.refusedWith(function () { c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [{ person: other, role: 'leader' }] })); },
    'technical-competence', '§5.3.1.3');
  assert.ok(/field 02\.03\.01/.test(e.message), e.message);
  c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [{ person: kit.auditor(), role: 'leader' }] }));
});

test('Annex 3 note 4: at least 80% of the recorded time on site', function () {
  var c = kit.accepted(S);
  c.audit({ type: 'document', start: '2026-02-01', end: '2026-02-01', team: [{ person: kit.auditor(), role: 'leader' }] });
  var table = c.rules().manDays({ employees: c.org().staff, audit: 'initial', sites: 1 });
  var team = [{ person: kit.auditor(), role: 'leader' }];
  var record = function (onsite) { return c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', manDays: table.total, onsiteDays: onsite, team: team })); };
  var e = kit.refusedWith(function () { record(table.onsite - 0.5); }, 'audit-time', 'Annex 3');
  assert.equal(e.refusals[0].field, 'onsiteDays');
  assert.equal(record(table.onsite).onsiteDays, table.onsite);
});

test('§5.3.3.6 推迟推荐认证注册: postponed with its reasons, the case stays accepted and is certified later', function () {
  var c = kit.accepted(S, { applied: '2025-10-06' });
  kit.audited(c, 'initial', '2025-11-10', 82);
  var boss = kit.decider();
  kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'postpone', date: '2025-11-20' }); }, 'reason', '§5.3.3.6');
  var p = c.decide({ by: [boss], outcome: 'postpone', date: '2025-11-20', reason: '关键指标存在不符合，待整改验证' });
  assert.equal([p.outcome, p.positive, p.reason, cases.get(c.id).status, c.certificate()], ['postpone', false, '关键指标存在不符合，待整改验证', 'accepted', null]);
  assert.cites(p, '§5.3.3.6');
  var cert = c.decide({ by: [boss], outcome: 'certify', date: '2025-12-15' }).certificate;
  assert.equal([cert.grade, cert.stars], ['三星级', 3]);
});

test('§5.3.3.7 the grade is the one the score reaches: 91 gives 四星级, not the 五星级 asked for', function () {
  var c = kit.accepted(S, { grade: '五星级', applied: '2025-10-06' });
  kit.audited(c, 'initial', '2025-11-10', 91);
  var boss = kit.decider();
  kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'certify', date: '2025-12-01', grade: '五星级' }); }, 'grade', '§5.3.3.4');
  assert.equal(c.decide({ by: [boss], outcome: 'certify', date: '2025-12-01' }).certificate.grade, '四星级');
});

test('§5.3.3.6 拒绝推荐: below 70 not certified; §5.4 the refusal is told with its reasons', function () {
  var c = kit.accepted(S, { applied: '2025-10-06' });
  kit.audited(c, 'initial', '2025-11-10', 68);
  var boss = kit.decider();
  kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'certify', date: '2025-12-01' }); }, 'passes', '§5.3.3.6');
  kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'refuse', date: '2025-12-01' }); }, 'reason', '§5.4');
  assert.equal(cases.get(c.decide({ by: [boss], outcome: 'refuse', date: '2025-12-01', reason: '得分68分' }).caseId).status, 'refused');
});

// ---- §5.6.5: surveillance ------------------------------------------------------------------------------

test('§5.6.5 a surveillance that is not 合格 is not maintained; suspension is required (§6.7.1)', function () {
  var k = kit.certified(S, { decided: '2026-03-01' });
  kit.audited(k.case, 'surveillance', '2026-12-01', 60, 7);
  kit.refusedWith(function () { k.case.decide({ by: [k.boss], outcome: 'maintain', date: '2026-12-10' }); }, 'passes', '§5.6.5');
  assert.equal(kit.pendingCodes(k.certificate, '2026-12-10'), ['surveillance-failed']);
});

test('§5.6.5 a passed surveillance keeps the grade held (position: the document grades at the initial audit)', function () {
  var k = kit.certified(S, { score: 96 });
  kit.audited(k.case, 'surveillance', '2026-12-01', 85);
  var d = k.case.decide({ by: [k.boss], outcome: 'maintain', date: '2026-12-10' });
  assert.equal(d.certificate.grade, '五星级');
  assert.ok(d.why.some(function (w) { return w.clause === '§5.6.5' && /^position:/.test(w.text); }), 'the position is in the why');
});

test('§5.6.5 a nonconformity not corrected within 2 months: suspension required; recertification refused meanwhile', function () {
  var k = kit.certified(S);
  var a = kit.audited(k.case, 'surveillance', '2026-12-01', 85);
  a.finding({ item: '4.2', kind: 'nonconformity', evidence: '回访记录缺失' });
  var late = k.certificate.actions('2027-02-04');
  assert.equal(late.map(function (x) { return [x.code, x.do, x.clause]; }), [['correction-overdue', 'suspend', '§5.6.5']]);
  kit.audited(k.case, 'recertification', '2027-02-10', 88);
  kit.refusedWith(function () { k.case.decide({ by: [k.boss], outcome: 'recertify', date: '2027-02-20' }); }, 'no-pending-action', 'ISO/IEC 17065 §7.11');
});

// ---- §6.7-§6.9: suspension, restoration, withdrawal ------------------------------------------------------

test('§6.8.2 1) restoration is requested before the suspension ends: a late restoration on a request made in time is allowed', function () {
  var k = kit.certified(S);
  var s = k.certificate.suspend({ cause: 'misuse', date: '2026-06-01' });
  assert.equal(s.until, '2026-12-01');
  var e = kit.refusedWith(function () { s.restore({ cause: 'corrected', date: '2026-12-20' }); }, 'within-limit', '§6.8.2 1)');
  assert.ok(/no request made before it/.test(e.message), e.message);
  kit.refusedWith(function () { s.restore({ cause: 'corrected', date: '2026-12-20', request: { date: '2026-12-05' } }); }, 'within-limit', '§6.8.2 1)');
  var ok = s.restore({ cause: 'corrected', date: '2026-12-20', request: { date: '2026-11-25', text: '提交纠正措施及有效性验证材料，申请恢复' } });
  assert.equal(ok.status, 'active');
  assert.equal(certificates.get(ok.id).history().pop().payload.args.request.date, '2026-11-25', 'the request is recorded in the log');
});

test('§6.7.3, §6.9.1 a suspension past 6 months without a request: withdrawal is required', function () {
  var k = kit.certified(S);
  var s = k.certificate.suspend({ cause: 'misuse', date: '2026-06-01' });
  assert.equal(s.actions('2026-12-02').map(function (a) { return [a.code, a.do, a.due, a.clause]; }), [['suspension-limit', 'withdraw', '2026-12-01', '§6.9.1']]);
  assert.equal(s.withdraw({ cause: 'suspension-unresolved', date: '2026-12-02' }).statusCode, 'suspension-unresolved');
});

// ---- §5.6.1: the surveillance programme, its approved extension, a missed surveillance (issue 12) ------

test('§5.6.1 the second surveillance 12 months after the first; 15 only on an approved written request; missed: suspension (§6.7.1)', function () {
  var k = kit.certified(S, { decided: '2026-03-01' });
  kit.audited(k.case, 'surveillance', '2026-12-01', 88);
  assert.equal(k.certificate.programme('2026-12-10').next.latest, '2027-12-03');
  assert.equal(kit.pendingCodes(k.certificate, '2027-12-04'), ['surveillance-missed'], '12 months + 1 day without an approval');
  var boss = kit.decider(), lead = kit.auditor();
  assert.equal(assert.throws(function () { k.certificate.extendSurveillance({ n: 2, reason: '书面申请', by: lead, approvedBy: boss, date: '2027-12-05' }); }, 'refused').field, 'date');
  var c = k.certificate.extendSurveillance({ n: 2, reason: '客户书面申请：经营场所搬迁', by: lead, approvedBy: boss, date: '2027-11-01' });
  assert.equal(c.programme('2027-12-04').next.latest, '2027-12-31', '15 months (2028-03-03), inside the calendar year 2027');
  assert.cites(c.programme('2027-12-04').next, '§5.6.1');
  assert.equal(kit.pendingCodes(c, '2027-12-04'), []);
  assert.equal(kit.pendingCodes(c, '2028-01-01'), ['surveillance-missed']);
  assert.ok(sql("SELECT 1 FROM events WHERE kind = 'deviation.record' AND subject = ?", 'deviation:certificate-' + c.id).length, 'the approval is in the log');
  assert.equal(log.verify().ok, true);
});

test('§4 the competence matrix: who may lead, audit or decide on a date, as the guards read roles and registrations', function () {
  var a = people.create({ name: '在册审核员', roles: ['auditor'], registrations: [{ number: 'CCAA-7', from: '2026-01-01', to: '2026-12-31' }] });
  var d = kit.decider();
  var row = function (on, p) { return q.competence(S, on).filter(function (x) { return x.person === p.id; })[0]; };
  assert.equal([row('2026-06-01', a).lead, row('2026-06-01', a).decide], [true, false]);
  assert.equal(row('2027-01-01', a).lead, false, 'the registration ended on 2026-12-31');
  assert.equal([row('2026-06-01', d).lead, row('2026-06-01', d).decide], [false, true]);
  assert.cites(row('2026-06-01', a), '§4');
  // 附件二 02.03.01: the field the team must bring (§5.3.1.3), from a registration or an evaluation
  assert.equal(row('2026-06-01', a).field, false, 'registered without a field code');
  a.assess({ kind: 'evaluation', activity: 'audit', fieldCode: '02.03.01', date: '2026-07-01', result: 'competent', by: kit.evaluator() });
  assert.equal([row('2026-06-30', a).field, row('2026-07-01', a).field], [false, true]);
  assert.equal(q.competence(S, '2026-07-01', '01.01.01').filter(function (x) { return x.person === a.id; })[0].field, false);
  assert.cites(row('2026-06-01', a), '§5.3.1.3');
});

test('§5.3.1.4 审查实施前，审查组织制定书面的审查计划: no plan, no on-site audit; the plan of the first day will do', function () {
  var c = kit.accepted(S), lead = kit.auditor();
  c.audit({ type: 'document', start: '2026-02-01', end: '2026-02-01', team: [{ person: lead, role: 'leader' }] }); // §5.3.2
  var a = c.audit({ type: 'initial', plannedStart: '2026-02-10', plannedEnd: '2026-02-11', team: [{ person: lead, role: 'leader' }] });
  var done = function () { return audits.get(a.id).complete({ start: '2026-02-10', end: '2026-02-11' }); };
  kit.refusedWith(done, 'plan', '§5.3.1.4');
  a.plan({ date: '2026-02-10', items: [{ activity: '现场审查', date: '2026-02-10', from: '08:30', to: '17:30', auditors: [lead], content: '售后服务体系、服务过程' }] });
  assert.cites(done(), '§5.3.1.4');
});
