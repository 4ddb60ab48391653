// schemes/cas-service.workflow.test.js — the CAS workflow (seed 001) through the register: for each
// guard, the case from the clause, the refused call with its guard and clause, and the allowed path;
// for each required action, the facts that raise it and the act that discharges it.
var kit = require('stdlib/testkit');
var S = 'cas-service';

// ---- §6.1.7, §6.5: the stages in order ----------------------------------------------------------------

test('§6.1.7 no audit before the written certification contract: the document review waits for it', function () {
  var c = kit.accepted(S, { contract: false }), lead = kit.auditor();
  var review = function () { return c.audit({ type: 'document', start: '2026-01-20', end: '2026-01-20', team: [{ person: lead, role: 'leader' }] }); };
  var e = kit.refusedWith(review, 'contract', '§6.1.7');
  assert.ok(/no certification contract/.test(e.message), e.message);
  c.contract({ date: '2026-01-21', number: 'CAS-HT-2026-017' });
  e = kit.refusedWith(review, 'contract', '§6.1.7'); // signed the day after the review: still out of order
  assert.equal(e.refusals[0].numbers, { contracted: '2026-01-21', start: '2026-01-20' });
  var late = cases.get(c.id);
  assert.equal([late.contracted, late.contractNumber], ['2026-01-21', 'CAS-HT-2026-017']);
  var a = c.audit({ type: 'document', start: '2026-01-22', end: '2026-01-22', team: [{ person: lead, role: 'leader' }] });
  assert.cites(a, '§6.1.7');
});

test('§6.5 the report, signed by the team leader, comes before the decision on the audit', function () {
  var c = kit.accepted(S), boss = kit.decider();
  kit.audited(c, 'initial', '2026-02-10'); // the kit reports every audit; a second, unreported one decides
  var lead = kit.auditor(), member = kit.auditor();
  var a = c.audit(kit.planned({ type: 'initial', start: '2026-02-20', end: '2026-02-21', team: [{ person: lead, role: 'leader' }, { person: member, role: 'member' }] }));
  a.score({ score: 92, deductionItems: 0 });
  kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01' }); }, 'report', '§6.5');
  assert.equal(assert.throws(function () { a.report({ date: '2026-02-22', by: member }); }, 'invalid').field, 'by'); // 应由审查组组长签字
  assert.equal(assert.throws(function () { a.report({ date: '2026-02-20' }); }, 'invalid').field, 'date'); // before the audit ended
  a.report({ date: '2026-03-02' });
  var e = kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01' }); }, 'report', '§6.5');
  assert.equal(e.refusals[0].numbers.reported, '2026-03-02');
  var d = c.decide({ by: [boss], outcome: 'certify', date: '2026-03-03' });
  assert.cites(d, '§6.5');
  assert.equal(audits.get(a.id).reportBy, lead.id);
});

test('§6.2.4 审查组中至少有1名成员具备专业技术能力: an auditor with a professional field, or a technical expert', function () {
  var c = kit.accepted(S);
  c.audit({ type: 'document', start: '2026-02-01', end: '2026-02-01', team: [{ person: kit.auditor(), role: 'leader' }] });
  var plain = kit.auditor(''), expert = people.create({ name: '技术专家', roles: ['expert'] });
  var onsite = function (team) { return c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', team: team })); };
  kit.refusedWith(function () { onsite([{ person: plain, role: 'leader' }]); }, 'technical-competence', '§6.2.4');
  var a = onsite([{ person: plain, role: 'leader' }, { person: expert, role: 'expert' }]); // 必要时可以选择技术专家参加审查组
  assert.cites(a, '§6.2.4');
  plain.assess({ kind: 'evaluation', activity: 'audit', fieldCode: '02.03.01', date: '2026-01-15', result: 'competent', by: kit.evaluator() });
  onsite([{ person: plain, role: 'leader' }]); // now evaluated in a professional field
});

// ---- §6.5 / §6.6: the initial decision -------------------------------------------------------------

test('§6.5 no score, no certificate: a case with no scored audit is not certified', function () {
  var c = kit.accepted(S, { grade: '五星级' });
  kit.audited(c, 'initial', '2026-02-10'); // took place, never scored
  kit.refusedWith(function () { c.decide({ by: [kit.decider()], outcome: 'certify', date: '2026-03-01' }); }, 'evaluated', 'ISO/IEC 17065 §7.4');
  assert.equal(c.certificate(), null);
});

test('§6.5 applied for 五星级, scored 80: certified 达标 with no stars, never the grade applied for', function () {
  var c = kit.accepted(S, { grade: '五星级' });
  kit.audited(c, 'initial', '2026-02-10', 80);
  var boss = kit.decider();
  var e = kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01', grade: '五星级' }); }, 'grade', '§6.5');
  assert.equal(e.refusals[0].numbers.score, 80);
  var cert = c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01' }).certificate;
  assert.equal([cert.grade, cert.stars], ['达标', 0]);
  assert.cites(cert, '§6.5');
});

test('§6.5 95 and more: 五星级, 5 stars', function () {
  var cert = kit.certified(S, { grade: '五星级', score: 95 }).certificate;
  assert.equal([cert.grade, cert.stars], ['五星级', 5]);
});

test('§6.5 below 70, or 5 扣分项: not certified; §6.6 the refusal states its reasons in writing', function () {
  [[69.5, 0], [90, 5]].forEach(function (r) {
    var c = kit.accepted(S);
    kit.audited(c, 'initial', '2026-02-10', r[0], r[1]);
    var boss = kit.decider();
    var e = kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01' }); }, 'passes', '§6.5');
    assert.equal([e.refusals[0].numbers.score, e.refusals[0].numbers.deductionItems], r);
    kit.refusedWith(function () { c.decide({ by: [boss], outcome: 'refuse', date: '2026-03-01' }); }, 'reason', '§6.6');
    var d = c.decide({ by: [boss], outcome: 'refuse', date: '2026-03-01', reason: '综合评分未达到70分' });
    assert.equal([d.positive, d.reason, cases.get(c.id).status], [false, '综合评分未达到70分', 'refused']);
  });
});

test('§6.1.5 an application not accepted is told why: no reason, no rejection', function () {
  var c = cases.apply({ org: kit.org(), scheme: S, scope: '家用电器的售后服务', date: '2026-01-05' });
  kit.refusedWith(function () { c.reject({ date: '2026-01-07' }); }, 'reason', '§6.1.5');
  assert.equal(c.reject({ date: '2026-01-07', reason: '服务管理体系运行不足3个月' }).noticeBy, '2026-01-12');
});

test('§6.1.4 an applicant under an ordered suspension is not accepted', function () {
  var c = cases.apply({ org: kit.org({ facts: { orderedSuspension: true } }), scheme: S, scope: '家用电器的售后服务', date: '2026-01-05' });
  var e = assert.throws(function () { c.accept({ date: '2026-01-07' }); }, 'ineligible');
  assert.equal(e.refusals[0].clause, '§6.1.4');
});

// ---- §7.5: surveillance decisions -------------------------------------------------------------------

test('§7.5 a surveillance scored 60 with 7 特别扣分项 is not "合格": maintain is refused, and suspension is required', function () {
  var k = kit.certified(S);
  kit.audited(k.case, 'surveillance', '2026-12-01', 60, 7);
  kit.refusedWith(function () { k.case.decide({ by: [k.boss], outcome: 'maintain', date: '2026-12-10' }); }, 'passes', '§7.5');
  assert.equal(kit.pendingCodes(k.certificate, '2026-12-10'), ['surveillance-failed']);
  var s = k.certificate.suspend({ cause: 'nonconformity', date: '2026-12-10' });
  assert.equal([s.status, s.statusCode, s.until], ['suspended', 'nonconformity', '2027-06-10']);
  assert.equal(kit.pendingCodes(s, '2026-12-11'), []);
});

test('§7.5 a five-star certificate whose surveillance scores 90.5 loses 五星级: the action is listed, maintain applies it', function () {
  var k = kit.certified(S, { grade: '五星级', score: 97 });
  assert.equal(k.certificate.stars, 5);
  kit.audited(k.case, 'surveillance', '2026-12-01', 90.5);
  var pending = k.certificate.actions('2026-12-05');
  assert.equal(pending.map(function (a) { return [a.code, a.do, a.due, a.clause]; }), [['five-star-withdrawal', 'maintain', '2026-12-03', '§7.5']]);
  assert.ok(q.actions('2026-12-05').some(function (a) { return a.certificate === k.certificate.number && a.code === 'five-star-withdrawal'; }), 'q.actions lists it');
  var d = k.case.decide({ by: [k.boss], outcome: 'maintain', date: '2026-12-10' });
  assert.equal([d.certificate.grade, d.certificate.stars, d.certificate.status], ['达标', 0, 'active']);
  assert.cites(d, '§7.5');
  var last = certificates.get(k.certificate.id).history().pop();
  assert.equal([last.kind, last.effective], ['certificate.downgrade', '2026-12-10'], 'the downgrade takes effect on the decision\'s date');
  assert.equal(q.stateOn(k.certificate.number, '2026-12-09', null).stars, 5, 'still five stars the day before');
  assert.equal(kit.pendingCodes(k.certificate, '2026-12-11'), []);
});

test('§7.5 a surveillance at 96 keeps 五星级', function () {
  var k = kit.certified(S, { grade: '五星级', score: 97 });
  kit.audited(k.case, 'surveillance', '2026-12-01', 96);
  assert.equal(k.case.decide({ by: [k.boss], outcome: 'maintain', date: '2026-12-10' }).certificate.grade, '五星级');
});

test('§7.5 a nonconformity not corrected within 2 months stops the certificate: suspension is required, maintain refused', function () {
  var k = kit.certified(S);
  var a = kit.audited(k.case, 'surveillance', '2026-12-01', 88);
  var f = a.finding({ item: '5.3', kind: 'nonconformity', evidence: '维修记录不全' });
  assert.equal(f.due, '2027-02-03');
  assert.equal(kit.pendingCodes(k.certificate, '2027-02-03'), []);
  var late = k.certificate.actions('2027-02-04');
  assert.equal(late.map(function (x) { return [x.code, x.do, x.due]; }), [['correction-overdue', 'suspend', '2027-02-03']]);
  kit.refusedWith(function () { k.case.decide({ by: [k.boss], outcome: 'maintain', date: '2027-02-04' }); }, 'no-pending-action', 'ISO/IEC 17065 §7.11');
  f.close({ date: '2027-02-05' });
  assert.equal(kit.pendingCodes(k.certificate, '2027-02-06'), []);
  assert.equal(k.case.decide({ by: [k.boss], outcome: 'maintain', date: '2027-02-06' }).certificate.status, 'active');
});

// ---- App. A note 5, §8: recertification sets the grade anew ----------------------------------------

test('App. A note 5: recertification scored 85 takes a 五星级 certificate down to 达标; scored 96 takes a 达标 one up', function () {
  var five = kit.certified(S, { grade: '五星级', score: 97 });
  kit.audited(five.case, 'recertification', '2028-12-01', 85);
  var r = five.case.decide({ by: [five.boss], outcome: 'recertify', date: '2028-12-20' }).certificate;
  assert.equal([r.number, r.grade, r.stars, r.issued], [five.certificate.number, '达标', 0, '2028-12-20']);
  assert.cites(r, 'App. A note 5');
  var plain = kit.certified(S, { score: 80 });
  kit.audited(plain.case, 'recertification', '2028-12-01', 96);
  var up = plain.case.decide({ by: [plain.boss], outcome: 'recertify', date: '2028-12-20' }).certificate;
  assert.equal([up.grade, up.stars], ['五星级', 5]);
});

test('§8.2 a recertification that fails is not renewed', function () {
  var k = kit.certified(S);
  kit.audited(k.case, 'recertification', '2028-12-01', 65);
  kit.refusedWith(function () { k.case.decide({ by: [k.boss], outcome: 'recertify', date: '2028-12-20' }); }, 'passes', '§8.2');
});

test('the grade is not edited by hand: certificate.change refuses grade and stars', function () {
  var k = kit.certified(S);
  kit.refusedWith(function () { k.certificate.change({ grade: '五星级', stars: 5 }); }, 'grade-by-evaluation', 'ISO/IEC 17065 §7.10');
  assert.equal(k.certificate.change({ scope: '家用电器和厨房电器的售后服务' }).scope, '家用电器和厨房电器的售后服务');
});

// ---- §9.3: suspension, restoration, withdrawal ---------------------------------------------------------

test('§9.3.2.2 a suspension of 2026-06-01 lasts at most until 2026-12-01: restoring on 2027-01-15 is refused, withdrawal required', function () {
  var k = kit.certified(S);
  var s = k.certificate.suspend({ cause: 'nonconformity', date: '2026-06-01' });
  assert.equal([s.until, s.statusUntil], ['2026-12-01', '2026-12-01']);
  var e = kit.refusedWith(function () { s.restore({ date: '2027-01-15' }); }, 'within-limit', '§9.3.2.2');
  assert.equal(e.refusals.map(function (x) { return x.code; }), ['within-limit']);
  var pending = s.actions('2027-01-15');
  assert.equal(pending.map(function (a) { return [a.code, a.do, a.due, a.clause]; }), [['suspension-limit', 'withdraw', '2026-12-01', '§9.3.3.1 (5)']]);
  var w = s.withdraw({ cause: 'suspension-expired', date: '2027-01-15' });
  assert.equal([w.status, w.statusCode], ['withdrawn', 'suspension-expired']);
});

test('§9.3.2.2 restored within the limit', function () {
  var k = kit.certified(S);
  var s = k.certificate.suspend({ cause: 'nonconformity', date: '2026-06-01' });
  assert.equal(s.restore({ date: '2026-12-01' }).status, 'active');
});

test('§9.3.2.1 (5) a licence under renewal: the suspension lasts until the licensing decision, with no fixed end', function () {
  var k = kit.certified(S);
  var s = k.certificate.suspend({ cause: 'licence-renewal', date: '2026-06-01' });
  assert.equal([s.until, s.statusUntil, s.statusCode], [null, null, 'licence-renewal']);
  assert.cites(s, '§9.3.2.2');
  assert.equal(kit.pendingCodes(s, '2027-06-01'), []);
  assert.equal(s.restore({ date: '2027-03-01' }).status, 'active');
});

test('§9.3.2.1 a suspension names one of its causes', function () {
  var k = kit.certified(S);
  kit.refusedWith(function () { k.certificate.suspend({ date: '2026-06-01' }); }, 'cause', 'ISO/IEC 17065 §7.11.1');
  assert.equal(assert.throws(function () { k.certificate.suspend({ cause: 'bored', date: '2026-06-01' }); }, 'invalid').field, 'cause');
  assert.equal(assert.throws(function () { k.certificate.suspend({ cause: 'nonconformity', date: '2026-06-01', licenceRenewal: true }); }, 'invalid').field, 'licenceRenewal');
});

test('§9.3.2.1 a verified cause: suspension due within 5 working days', function () {
  var k = kit.certified(S);
  matters.open({ kind: 'incident', certificate: k.certificate, cause: 'incident', text: '媒体曝光：售后服务问题', date: '2026-09-25' });
  var a = k.certificate.actions('2026-10-09');
  assert.equal(a.map(function (x) { return [x.code, x.do, x.due]; }), [['verified-cause', 'suspend', calendar.addWorkingDays('2026-09-25', 5)]]);
  assert.cites(a[0], '§9.3.2.1');
});

// ---- §6.6: who decides -------------------------------------------------------------------------------

test('§6.6 a person whose only role is auditor does not decide; a decider who audited the case is refused by core', function () {
  var c = kit.accepted(S);
  var a = kit.audited(c, 'initial', '2026-02-10', 92);
  var auditorOnly = kit.auditor();
  var e = kit.refusedWith(function () { c.decide({ by: [auditorOnly], outcome: 'certify', date: '2026-03-01' }); }, 'deciders', 'ISO/IEC 17065 §7.6.2');
  assert.equal(e.field, 'by');
  var lead = people.get(a.team[0].personId);
  assert.throws(function () { c.decide({ by: [people.create({ name: '兼任者', roles: ['decider'] }), lead], outcome: 'certify', date: '2026-03-01' }); }, 'refused');
  assert.equal(c.decide({ by: [kit.decider()], outcome: 'certify', date: '2026-03-01' }).positive, true);
});

// ---- import: certificates taken over from another register -----------------------------------------

test('import: a certificate from another register is recorded as imported, checked by the scheme first', function () {
  var o = kit.org(), boss = kit.decider();
  var c = certificates.import({ org: o, scheme: S, number: 'OLD-2024-1', scope: '家用电器的售后服务', grade: '五星级', stars: 5,
    issued: '2024-05-01', expires: '2027-04-30', by: [boss] });
  assert.equal([c.grade, c.stars, c.status, c.history().map(function (e) { return e.kind; })], ['五星级', 5, 'active', ['certificate.import']]);
  assert.equal(decisions(c), ['import']);
  kit.refusedWith(function () { certificates.import({ org: o, scheme: S, number: 'OLD-2', scope: 'x', grade: '四星级', stars: 4, issued: '2024-05-01', expires: '2027-04-30', by: [boss] }); },
    'grade-known', 'ISO/IEC 17065 §7.7.1');
  kit.refusedWith(function () { certificates.import({ org: o, scheme: S, number: 'OLD-3', scope: 'x', grade: '五星级', stars: 3, issued: '2024-05-01', expires: '2027-04-30', by: [boss] }); },
    'grade-known', 'ISO/IEC 17065 §7.7.1');
  kit.refusedWith(function () { certificates.import({ org: o, scheme: S, number: 'OLD-4', scope: 'x', grade: '达标', issued: '2024-05-01', expires: '2028-04-30', by: [boss] }); },
    'within-validity', 'ISO/IEC 17065 §7.7.1');
  kit.refusedWith(function () { certificates.import({ org: o, scheme: S, number: 'OLD-5', scope: 'x', grade: '达标', issued: '2024-05-01', expires: '2027-04-30', status: 'suspended', statusDate: '2026-10-01', by: [boss] }); },
    'cause', 'ISO/IEC 17065 §7.11.1');
  var s = certificates.import({ org: o, scheme: S, number: 'OLD-6', scope: 'x', grade: '达标', issued: '2024-05-01', expires: '2027-04-30',
    status: 'suspended', statusDate: '2026-10-01', cause: 'nonconformity', by: [boss] });
  assert.equal([s.statusCode, s.statusUntil], ['nonconformity', '2027-04-01'], '§9.3.2.2: its limit, from the scheme');
  assert.equal(kit.pendingCodes(s, '2027-04-02'), ['suspension-limit']);
  assert.equal(log.verify().ok, true);
});

// decisions(cert) → the outcomes of the decisions on the certificate's case
function decisions(cert) { return sql('SELECT outcome FROM decisions WHERE case_id = ? ORDER BY id', cert.caseId).map(function (r) { return r.outcome; }); }

// ---- §3.1, §6.2-§6.3: who audits, for how long, and in what order (issue 12) -----------------------

// registered(from, to) → an auditor whose registration runs from..to
function registered(from, to) { return people.create({ name: '审核员', roles: ['auditor'], registrations: [{ number: 'CCAA-X', fieldCode: '02.03.01', from: from, to: to }] }); }

test('§3.1 the auditors hold a registration valid on every day of the audit: one ending the day before is refused', function () {
  var c = kit.accepted(S);
  var ok = registered('2025-01-01', '2026-02-12'), late = registered('2025-01-01', '2026-02-11');
  c.audit({ type: 'document', start: '2026-02-01', end: '2026-02-01', team: [{ person: ok, role: 'leader' }] });
  var e = kit.refusedWith(function () { c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [{ person: late, role: 'leader' }] })); }, 'registered-auditors', '§3.1');
  assert.ok(/2025-01-01\.\.2026-02-11/.test(e.message), e.message);
  kit.refusedWith(function () { c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [{ person: kit.decider(), role: 'leader' }] })); }, 'registered-auditors', '§3.1');
  assert.equal(c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [{ person: ok, role: 'leader' }] })).status, 'done');
});

test('§6.2.4 a technical expert does not audit: an expert-only team, or an expert leading, is refused; an expert beside auditors is welcome', function () {
  var c = kit.accepted(S);
  kit.audited(c, 'document', '2026-02-01');
  var expert = people.create({ name: '技术专家', roles: ['expert'] });
  kit.refusedWith(function () { c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [{ person: expert, role: 'expert' }] })); }, 'leader', '§6.3');
  kit.refusedWith(function () { c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [{ person: expert, role: 'leader' }] })); }, 'registered-auditors', '§3.1');
  kit.refusedWith(function () { c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [] })); }, 'registered-auditors', '§3.1');
  var a = c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [{ person: kit.auditor(), role: 'leader' }, { person: expert, role: 'expert' }] }));
  assert.equal(a.team.length, 2);
});

test('§6.3 no on-site initial audit before the document review', function () {
  var c = kit.accepted(S), lead = kit.auditor();
  kit.refusedWith(function () { c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [{ person: lead, role: 'leader' }] })); }, 'document-review', '§6.3');
  c.audit({ type: 'document', start: '2026-02-11', end: '2026-02-11', team: [{ person: lead, role: 'leader' }] });
  kit.refusedWith(function () { c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [{ person: lead, role: 'leader' }] })); }, 'document-review', '§6.3');
  assert.equal(c.audit(kit.planned({ type: 'initial', start: '2026-02-12', end: '2026-02-13', team: [{ person: lead, role: 'leader' }] })).type, 'initial');
});

test('§6.2.3 a reduction needs its reasons and never exceeds 30%: 150 staff, App. A 7 man-days, at least 5 (4.9 up)', function () {
  var c = kit.accepted(S, { org: { staff: 150 } }), lead = kit.auditor(), boss = kit.decider();
  kit.audited(c, 'document', '2026-02-01');
  var team = [{ person: lead, role: 'leader' }];
  var dev = { reason: '服务场所集中，服务类别单一', by: lead, approvedBy: boss, date: '2026-02-05' };
  kit.refusedWith(function () { c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', manDays: 6, team: team })); }, 'audit-time', '§6.2.3');
  var e = kit.refusedWith(function () { c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', manDays: 4.5, team: team, deviation: dev })); }, 'audit-time', '§6.2.3');
  assert.equal([e.refusals[0].numbers.minimum, e.refusals[0].numbers.total], [5, 7]);
  assert.equal(assert.throws(function () { c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', manDays: 5, team: team, deviation: { reason: 'x' } })); }, 'invalid').field, 'deviation.by');
  var a = c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', manDays: 5, team: team, deviation: dev }));
  assert.equal(a.manDays, 5);
  assert.ok(a.why.some(function (w) { return w.clause === '§6.2.3' && /reduced from 7 to 5/.test(w.text) && /服务场所集中/.test(w.text); }), 'the deviation is in the why');
});

test('§8.2 recertification at least 70% of the initial on-site time actually spent; §7.4 surveillance 30%', function () {
  var s = scheme(S);
  assert.equal(s.manDays({ employees: 150, audit: 'recertification' }).minimum, 5, '70% of 7 = 4.9 → 5, not the 30% cut of App. A\'s 5 (3.5)');
  assert.equal(s.manDays({ employees: 150, audit: 'recertification', initialOnsite: 9 }).minimum, 6.5, '70% of 9 actually spent = 6.3 → 6.5');
  assert.equal(s.manDays({ employees: 150, audit: 'surveillance', initialOnsite: 9 }).total, 3, '30% of 9 = 2.7 → 3 raises App. A\'s 2.5');
});

test('§6.1.4-§6.1.5 eligibility facts are stated before acceptance, or the reviewer who checked them is named', function () {
  var c = cases.apply({ org: kit.org({ facts: { legalStatus: true, licence: true } }), scheme: S, scope: '家用电器的售后服务', date: '2026-01-05' });
  var e = kit.refusedWith(function () { c.accept({ date: '2026-01-07' }); }, 'facts-stated', '§6.1.5');
  assert.equal(e.refusals[0].numbers.unchecked, ['orderedSuspension', 'seriousIllegalList', 'managementSystemMonths']);
  var boss = kit.decider(), ok = c.accept({ date: '2026-01-07', checkedBy: boss });
  assert.equal(ok.status, 'accepted');
  assert.ok(ok.why.some(function (w) { return w.clause === '§6.1.5' && /checked by person/.test(w.text); }), 'who checked is in the why');
  assert.equal(cases.get(c.id).history().pop().payload.args.checkedBy, boss.id, 'and in the log');
  var all = cases.apply({ org: kit.org({ facts: { legalStatus: true, licence: true, orderedSuspension: false, seriousIllegalList: false, managementSystemMonths: 6 } }),
    scheme: S, scope: '家用电器的售后服务', date: '2026-01-05' });
  assert.equal(all.accept({ date: '2026-01-07' }).status, 'accepted');
});

// ---- the audit programme proposed (issue 12) ---------------------------------------------------------

test('§7.1, App. A: the programme proposes each coming audit with its window, man-days and a registered team in rotation', function () {
  var k = kit.certified(S);
  var lastLeader = sql("SELECT t.person_id AS id FROM audit_team t JOIN audits a ON a.id = t.audit_id WHERE a.case_id = ? AND t.role = 'leader' ORDER BY a.actual_end DESC LIMIT 1", k.case.id)[0].id;
  var other = kit.auditor();
  var plan = k.certificate.plan('2026-03-02');
  assert.equal(plan.map(function (a) { return [a.audit, a.n, a.opens, a.due]; }),
    [['surveillance', 1, '2026-11-12', '2027-02-12'], ['surveillance', 2, '2027-11-12', '2028-02-12'], ['recertification', null, '2028-11-28', '2029-02-28']]);
  assert.equal([plan[0].manDays, plan[2].manDays], [2, 3.5], 'App. A for 60 staff: surveillance 2, recertification 3.5');
  assert.ok(plan[0].leader !== lastLeader, 'not the leader of the last audit');
  assert.ok(plan.every(function (a) { return a.leader && a.leader !== k.boss.id; }), 'never the case\'s decider');
  assert.cites(plan[0], '§3.1');
  assert.cites(plan[0], '§7.1');
  assert.ok(q.plan('2026-11-01', '2027-01-31').some(function (a) { return a.certificate === k.certificate.number && a.n === 1; }), 'q.plan lists it');
});

// ---- §6.2.5: the written audit plan ---------------------------------------------------------------

test('§6.2.5 审查实施前…书面的审查计划: a plan dated the day the audit begins will do, the day after will not; a change is told to the auditee in writing', function () {
  var c = kit.accepted(S), lead = kit.auditor();
  c.audit({ type: 'document', start: '2026-02-01', end: '2026-02-01', team: [{ person: lead, role: 'leader' }] });
  var item = { activity: '服务管理审核', date: '2026-02-10', from: '09:00', to: '17:00', auditors: [lead], content: '服务管理体系' };
  var onsite = function (plan) { return c.audit({ type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [{ person: lead, role: 'leader' }], plan: plan }); };
  kit.refusedWith(function () { c.audit({ type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [{ person: lead, role: 'leader' }] }); }, 'plan', '§6.2.5');
  kit.refusedWith(function () { onsite({ date: '2026-02-11', items: [item] }); }, 'plan', '§6.2.5'); // written during the audit
  assert.equal(assert.throws(function () { onsite({ date: '2026-02-10', itemz: [item] }); }, 'invalid').field, 'itemz');
  var a = onsite({ date: '2026-02-10', items: [item] });
  assert.cites(a, '§6.2.5');
  assert.equal(a.plans()[0].by, lead.id, 'drawn up by the leader unless by is given');
  // a planned audit whose plan changes: the revision names the day the auditee was told (临时变更计划…书面通知受审查方)
  var b = c.audit({ type: 'initial', plannedStart: '2026-03-10', plannedEnd: '2026-03-11', team: [{ person: lead, role: 'leader' }] });
  b.plan({ date: '2026-03-01', items: [{ activity: '服务管理审核', date: '2026-03-10', from: '09:00', to: '17:00', auditors: [lead], content: '服务管理体系' }] });
  b.plan({ date: '2026-03-08', items: [{ activity: '服务管理审核', date: '2026-03-11', from: '09:00', to: '17:00', auditors: [lead], content: '服务管理体系（改期）' }] });
  var e = kit.refusedWith(function () { audits.get(b.id).complete({ start: '2026-03-10', end: '2026-03-11' }); }, 'plan', '§6.2.5');
  assert.ok(/without the auditee being told/.test(e.message), e.message);
  assert.equal(assert.throws(function () { b.plan({ date: '2026-03-09', notified: '2026-03-08', items: [item] }); }, 'invalid').field, 'notified'); // told before it was written
  b.plan({ date: '2026-03-09', notified: '2026-03-09', items: [{ activity: '服务管理审核', date: '2026-03-11', from: '09:00', to: '17:00', auditors: [lead], content: '服务管理体系（改期）' }] });
  e = kit.refusedWith(function () { audits.get(b.id).complete({ start: '2026-03-10', end: '2026-03-11' }); }, 'plan', '§6.2.5');
  assert.ok(/revised on 2026-03-08/.test(e.message), 'each revision is told: ' + e.message);
});
