// examples/walkthrough-cas.js — one after-sales case under CAS's rules (cas-service, seed 001),
// from application to recertification, each outcome printed with the clauses behind it.
//
//   certsh --db :memory: run examples/walkthrough-cas.js [--into-nonempty]
//
// It writes a made-up case: on a register that already holds records it stops (a usage error)
// unless given --into-nonempty.
'use strict';

var w = require('stdlib/walkthrough'), step = w.step, planned = require('stdlib/plans').planned;
w.guardEmpty('examples/walkthrough-cas.js', typeof args === 'undefined' ? [] : args, true);
var people_ = w.cast(), lead = people_.lead, decider = people_.decider;
var s = scheme('cas-service');
print('Scheme: ' + s.title + ' — ' + s + ', in force ' + s.effective + ', criteria ' + s.criteria.join(', '));

// 1. The application and its review (§6.1)
var org = orgs.create({ name: '杭州某某电器销售有限公司', uscc: '91110000600037341L', staff: 180, sites: 1, address: '杭州市西湖区',
  facts: { legalStatus: true, licence: true, orderedSuspension: false, seriousIllegalList: false, managementSystemMonths: 8 } });
w.list('What the application must include', s.requires('application'));
var c = cases.apply({ org: org, scheme: 'cas-service', scope: '家用电器的售后服务', date: '2025-01-06' });
var refused = s.eligibility({ legalStatus: true, licence: true, orderedSuspension: false, seriousIllegalList: false, managementSystemMonths: 2 });
step('An applicant whose management system has run only 2 months would be refused', refused, 'ok: ' + refused.ok);
step('Had this one been refused, it would have to be told by', s.deadline('nonAcceptanceNotice', '2025-01-08'), s.deadline('nonAcceptanceNotice', '2025-01-08').date);
c = c.accept({ date: '2025-01-08' });
step('Application review accepts the case (eligibility from the organisation\'s facts)', c, 'status ' + c.status);
w.refused('No audit before the written certification contract (§6.1.7 "在实施认证审查前…订立…书面认证合同")', function () {
  c.audit({ type: 'document', start: '2025-02-03', end: '2025-02-04', team: [{ person: lead, role: 'leader' }] });
});
c = c.contract({ date: '2025-01-15', number: 'CAS-HT-2025-001' });
print('\n   Contract ' + c.contractNumber + ' signed ' + c.contracted);

// 2. The initial audit: time from App. A, findings, the score (§6.2–6.5)
var doc = c.audit({ type: 'document', start: '2025-02-03', end: '2025-02-04', team: [{ person: lead, role: 'leader' }] });
step('Document review before the on-site audit (§6.3 "文件审查通过后，方可安排现场审查")', doc, 'done ' + doc.end);
var a = c.audit({ type: 'initial', plannedStart: '2025-02-17', plannedEnd: '2025-02-20', team: [{ person: lead, role: 'leader' }] });
w.refused('No on-site audit without its written plan (§6.2.5 "审查实施前，审查组应制定书面的审查计划")', function () {
  audits.get(a.id).complete({ start: '2025-02-17', end: '2025-02-20' });
});
a = a.plan({ date: '2025-02-10', items: [
  { activity: '首次会议', date: '2025-02-17', from: '09:00', to: '09:30', auditors: [lead], content: '确认审查计划、范围和准则' },
  { activity: '服务特性（顾客接触点）测评', date: '2025-02-17', from: '09:30', to: '17:00', auditors: [lead], content: '门店接待、报修、上门服务' },
  { activity: '服务管理审核', date: '2025-02-18', from: '09:00', to: '17:00', auditors: [lead], content: '5.1 服务管理、5.2 服务过程' },
  { activity: '服务管理审核', date: '2025-02-19', from: '09:00', to: '17:00', auditors: [lead], content: '5.3 服务评价与改进' },
  { activity: '末次会议', date: '2025-02-20', from: '15:00', to: '16:00', auditors: [lead], content: '审查结论' }] });
print('\n   The written audit plan of ' + a.plans()[0].date + ': ' + a.plans()[0].contents.items.length + ' activities');
a = a.complete({ start: '2025-02-17', end: '2025-02-20' });
step('Initial audit of 180 service staff', a, a.manDays + ' man-days on site');
var f = a.finding({ item: '5.2.4', kind: 'nonconformity', evidence: '维修记录未记录更换配件的来源' });
step('A nonconformity and its correction deadline', f, 'due ' + f.due);
var sc = a.score({ indicators: [
  { id: '5.1.1', points: 8, achieved: 8 }, { id: '5.1.2', points: 6, achieved: 5 }, { id: '5.1.3', points: 6, achieved: 6 },
  { id: '5.1.4', points: 6, achieved: 6 }, { id: '5.1.5', points: 6, achieved: 5 }, { id: '5.1.6', points: 6, achieved: 6 },
  { id: '5.1.7', points: 6, achieved: 6 }, { id: '5.2.1', points: 6, achieved: 6 }, { id: '5.2.2', points: 6, achieved: 6 },
  { id: '5.2.3', points: 8, achieved: 8 }, { id: '5.2.4', points: 8, achieved: 6 }, { id: '5.2.5', points: 8, achieved: 8 },
  { id: '5.2.6', points: 4, achieved: 0, applicable: false }, { id: '5.3.1', points: 8, achieved: 8 }, { id: '5.3.2', points: 8, achieved: 8 }
], specialDeductions: 1, specialBonuses: 1 });
step('Score (points are this body\'s own: GB/T 27922\'s weights are not public) and grade', sc,
  'score ' + Math.round(sc.score * 100) / 100 + ', ' + (sc.pass ? 'pass' : 'fail') + ', ' + sc.level);
w.list('What the report must contain before it is finalised', s.requires('report'));
f.close({ date: '2025-03-05' });
a = a.report({ date: '2025-03-06' });
print('\n   The audit report, signed by the team leader (§6.5 "应由审查组组长签字"): ' + a.reported);

// 3. The decision by someone who did not audit, and the certificate (§6.6, §6.7)
var d = c.decide({ by: [decider], outcome: 'certify', date: '2025-03-10' });
var cert = d.certificate;
step('Certification decision and certificate', d, cert.number + ', ' + cert.grade + ', valid ' + cert.issued + ' to ' + cert.expires);

// 4. Surveillance 9-12 months after the initial audit, then after the first (§7.1, §7.4)
var prog = s.surveillance({ decisionDate: cert.issued, expires: cert.expires, audits: [{ type: 'initial', end: '2025-02-20' }], asOf: '2025-03-10' });
step('The surveillance programme', prog, 'next: ' + prog.next.opens + ' to ' + prog.next.due);
var s1 = c.audit(planned({ type: 'surveillance', start: '2025-12-01', end: '2025-12-02', team: [{ person: lead, role: 'leader' }] }, s));
step('First surveillance audit', s1, s1.manDays + ' man-days');
s1.score({ score: 88, deductionItems: 2 });
s1.report({ date: '2025-12-03' });
try {
  c.decide({ by: [lead], outcome: 'maintain', date: '2025-12-15' });
} catch (e) {
  print('\n   The audit team lead cannot decide the case (§6.6): ' + e.code + ': ' + e.message);
}
c.decide({ by: [decider], outcome: 'maintain', date: '2025-12-15' });

// 5. Suspension within 5 working days of a verified cause, at most 6 months (§9.3.2)
step('A cause verified on Friday 26 September must lead to suspension by', s.deadline('suspendWithin', '2025-09-26'), s.deadline('suspendWithin', '2025-09-26').date);
var susp = cert.suspend({ cause: 'nonconformity', date: '2026-03-02' });
step('Suspension', susp, 'suspended until ' + susp.until + ' at the latest');
w.refused('Restoring ten days after that limit is refused (§9.3.2.2); withdrawal would be required (§9.3.3.1 (5))', function () {
  certificates.get(cert.id).restore({ date: date.addDays(susp.until, 10) });
});
cert = certificates.get(cert.id).restore({ date: '2026-04-15' });
print('\n   Restored on ' + cert.statusDate + ': ' + cert.status);

prog = s.surveillance({ decisionDate: cert.issued, expires: cert.expires, audits: [{ type: 'initial', end: '2025-02-20' }, { type: 'surveillance', end: '2025-12-02' }], asOf: '2026-04-15' });
step('Second surveillance window', prog, prog.next.opens + ' to ' + prog.next.due);
var s2 = c.audit(planned({ type: 'surveillance', start: '2026-10-12', end: '2026-10-13', team: [{ person: lead, role: 'leader' }] }, s));
s2.score({ score: 90, deductionItems: 1 });
s2.report({ date: '2026-10-14' });
c.decide({ by: [decider], outcome: 'maintain', date: '2026-10-20' });

// 6. Recertification: applied for 3 months before expiry, at least 70% of the initial time (§8)
step('The recertification application is due by', s.deadline('recertApplication', cert.expires), s.deadline('recertApplication', cert.expires).date);
var r = c.audit(planned({ type: 'recertification', start: '2027-12-06', end: '2027-12-08', team: [{ person: lead, role: 'leader' }] }, s));
step('Recertification audit', r, r.manDays + ' man-days');
r.score({ score: 96, deductionItems: 0 });
r.report({ date: '2027-12-09' });
var rd = c.decide({ by: [decider], outcome: 'recertify', date: '2028-01-10' });
step('Recertification decision: same number, a new cycle', rd, rd.certificate.number + ', ' + rd.certificate.grade + ', valid to ' + rd.certificate.expires);
print('\nRecord log: ' + JSON.stringify(log.verify()));
