// examples/walkthrough-cfc.js — one after-sales case under CFC's SC14 rules (cfc-sc14 C/1, seed
// 002), from application to recertification, each outcome printed with the clauses behind it.
//
//   certsh --db :memory: run examples/walkthrough-cfc.js [--into-nonempty]
//
// It writes a made-up case: on a register that already holds records it stops (a usage error)
// unless given --into-nonempty.
'use strict';

var w = require('stdlib/walkthrough'), step = w.step, planned = require('stdlib/plans').planned;
w.guardEmpty('examples/walkthrough-cfc.js', typeof args === 'undefined' ? [] : args, true);
var team = w.cast(), lead = team.lead, decider = team.decider;
var manager = people.create({ name: '赵方案（审查方案管理）', roles: ['decider'] }); // assigns the audit teams (§7.2.5)
var s = scheme('cfc-sc14');
print('Scheme: ' + s.title + ' — ' + s + ' (' + s.document + '), in force ' + s.effective + '; model: ' + s.model.activities.join(' + '));

// 1. Application (§6.1) and review (§6.2): CFC fixes the man-days here, there is no table
w.list('What the application must include', s.requires('application'));
var org = orgs.create({ name: '上海某某数码产品有限公司', uscc: '91110000600037341L', staff: 60, address: '上海市徐汇区', facts: { legalStatus: true } });
var c = cases.apply({ org: org, scheme: 'cfc-sc14', scope: '数码产品的售后服务', grade: '五星级', date: '2025-07-01' });
c = c.accept({ date: '2025-07-04' });
step('Accepted (§6.1 1): legal status)', c, 'status ' + c.status);
c = c.contract({ date: '2025-07-10', number: 'CFC-HT-2025-036' });
print('\n   The written certification contract (§6.2.3 "签订具有法律效力的书面认证合同"): ' + c.contractNumber + ', ' + c.contracted);
print('\n   No audit-time table in SC14: man-days are decided at application review (§6.2.1 5)), so the audit states them.');

// 2. Document review, initial audit, score and grade (§8)
var doc = c.audit({ type: 'document', start: '2025-07-28', end: '2025-07-29', team: [{ person: lead, role: 'leader' }] });
step('Document review before the on-site audit (§8.1 "在实施现场审查前…对服务管理文件进行审查")', doc, 'done ' + doc.end);
var a = c.audit({ type: 'initial', plannedStart: '2025-08-11', plannedEnd: '2025-08-13', manDays: 4, onsiteDays: 3.5, team: [{ person: lead, role: 'leader' }] });
a = a.assign({ date: '2025-08-01', by: manager, objectives: '确定申请组织的售后服务是否满足五星级要求', criteria: ['GB/T 27922-2011', 'CFC-SC14 商品售后服务认证实施规则'],
  scope: '数码产品的售后服务：上海市徐汇区总部' });
var given = a.plans()[0].contents;
print('\n   The assignment (§7.2.5 审查委任): ' + given.objectives + '; ' + given.criteria.join(', ') + '; ' + given.scope + '; on site ' + given.from + '..' + given.to +
  '; team ' + given.team.map(function (m) { return m.name + ' (' + m.role + ')'; }).join(', '));
w.refused('The leader\'s plan before the on-site audit (§7.3 "审查组长接到审查委任后编制现场审查计划")', function () {
  audits.get(a.id).complete({ start: '2025-08-11', end: '2025-08-13' });
});
a = a.plan({ date: '2025-08-04', items: [
  { activity: '首次会议', date: '2025-08-11', from: '09:00', to: '09:30', auditors: [lead], content: '确认审查计划' },
  { activity: '暗访/随机调查', date: '2025-08-11', from: '10:00', to: '17:00', auditors: [lead], content: '以顾客身份体验报修和退换货服务' },
  { activity: '初始审查', date: '2025-08-12', from: '09:00', to: '17:00', auditors: [lead], content: 'GB/T 27922 第5章 服务管理与服务过程' },
  { activity: '末次会议', date: '2025-08-13', from: '14:00', to: '15:00', auditors: [lead], content: '审查结论与推荐等级' }] });
a = a.complete({ start: '2025-08-11', end: '2025-08-13' });
step('The initial audit, assigned and planned', a, a.manDays + ' man-days, ' + a.onsiteDays + ' on site');
var sc = a.score({ score: 82.5, deductionItems: 1 });
a.report({ date: '2025-08-15' }); // §8.6.3: the leader submits the complete report
step('Applied for 五星级; the audit reaches', sc, sc.score + ' → ' + sc.level + ' (a lower grade than applied for is recommended only on request, §8.5.5 2))');
w.refused('Certify at 五星级 as applied for? Not on 82.5 without the applicant\'s request', function () {
  c.decide({ by: [decider], outcome: 'certify', date: '2025-09-01' });
});
var d = c.decide({ by: [decider], outcome: 'certify', date: '2025-09-01', request: { date: '2025-08-20', text: '申请按三星级认证注册 (推荐降级认证注册)' } });
var cert = d.certificate;
step('Certificate', d, cert.number + ', ' + cert.grade + ', ' + cert.issued + ' to ' + cert.expires);

// 3. Surveillance: the first within 12 months, the second 12 (at most 15) after the first's end
var prog = s.surveillance({ decisionDate: cert.issued, expires: cert.expires, asOf: '2025-09-01' });
step('The surveillance programme', prog, 'first due ' + prog.next.due);
var s1 = c.audit(planned({ type: 'surveillance', start: '2026-05-18', end: '2026-05-19', manDays: 1.5, team: [{ person: lead, role: 'leader' }] }, s, manager));
s1.score({ score: 84, deductionItems: 0 });
s1.report({ date: '2026-05-20' });
c.decide({ by: [decider], outcome: 'maintain', date: '2026-05-29' });
prog = s.surveillance({ decisionDate: cert.issued, expires: cert.expires, audits: [{ type: 'surveillance', end: '2026-05-19' }], asOf: '2026-06-01' });
step('The second surveillance', prog, 'due ' + prog.next.due + ', never after ' + prog.next.latest);

// 4. Suspension (§9.5.1), appeal (§12)
var susp = cert.suspend({ cause: 'misuse', date: '2026-08-31' });
step('Suspended for misuse of the mark, at most 6 months', susp, 'until ' + susp.until);
var appeal = matters.open({ kind: 'appeal', certificate: cert, text: '对暂停决定有异议', date: '2026-09-07' });
step('The holder appeals: a written answer within 30 days', appeal, 'due ' + appeal.due);
cert = certificates.get(cert.id).restore({ cause: 'corrected', date: '2026-10-12' });
step('Restored after verified correction', cert, cert.status);
var s2 = c.audit(planned({ type: 'surveillance', start: '2027-04-19', end: '2027-04-20', manDays: 1.5, team: [{ person: lead, role: 'leader' }] }, s, manager));
s2.score({ score: 86, deductionItems: 0 });
s2.report({ date: '2027-04-21' });
c.decide({ by: [decider], outcome: 'maintain', date: '2027-04-30' });

// 5. Recertification 3 months before expiry (§8.11); cancellation if none is applied for (§9.5.3 b))
step('Recertification application due by', s.deadline('recertApplication', cert.expires), s.deadline('recertApplication', cert.expires).date);
var r = c.audit(planned({ type: 'recertification', start: '2028-06-05', end: '2028-06-07', manDays: 3, team: [{ person: lead, role: 'leader' }] }, s, manager));
r.score({ score: 90, deductionItems: 0 });
r.report({ date: '2028-06-08' });
var rd = c.decide({ by: [decider], outcome: 'recertify', date: '2028-07-03' });
step('Recertified on the same number', rd, rd.certificate.number + ', to ' + rd.certificate.expires);
step('Had it not applied, the certificate would be cancelled', s.cause('cancellation', 'expired'), s.cause('cancellation', 'expired').clause);
print('\nRecord log: ' + JSON.stringify(log.verify()));
