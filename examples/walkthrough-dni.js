// examples/walkthrough-dni.js — one after-sales case under DNI's rules (dni-aftersales F/2, seed
// 003), from application to recertification, each outcome printed with the clauses behind it.
//
//   certsh --db :memory: run examples/walkthrough-dni.js [--into-nonempty]
//
// It writes a made-up case: on a register that already holds records it stops (a usage error)
// unless given --into-nonempty.
'use strict';

var w = require('stdlib/walkthrough'), step = w.step, planned = require('stdlib/plans').planned;
w.guardEmpty('examples/walkthrough-dni.js', typeof args === 'undefined' ? [] : args, true);
var team = w.cast(), lead = team.lead, decider = team.decider;
var s = scheme('dni-aftersales');
print('Scheme: ' + s.title + ' — ' + s + ' (' + s.document + '), in force ' + s.effective + ', field ' + s.fieldCode +
  ', modes ' + s.model.initial + ' (' + s.model.modes.A + ' + ' + s.model.modes.G + ')');

// 1. Application review: conditions A-I of §5.1, notice of non-acceptance within 15 days
var facts = { legalStatus: true, licence: true, lawfulService: true, documentedSystem: true, majorAccidentThisYear: false,
  orderedSuspension: false, seriousIllegalList: false, seriousDishonesty: false, unresolvedSuspension: false };
var org = orgs.create({ name: '北京某某家居连锁有限公司', uscc: '91110000600037341L', staff: 900, sites: 3, address: '北京市朝阳区', facts: facts });
var c = cases.apply({ org: org, scheme: 'dni-aftersales', scope: '家具的售后服务（送货、安装、维修）', date: '2025-09-01' });
var bad = s.eligibility({ legalStatus: true, seriousDishonesty: true, unresolvedSuspension: true });
step('An applicant with a 严重失信 record and an unresolved suspension would be refused (facts not given stay unchecked)', bad,
  'ok: ' + bad.ok + '; unchecked: ' + bad.unchecked.join(', '));
step('Its notice would be due within 15 days', s.deadline('nonAcceptanceNotice', '2025-09-03'), s.deadline('nonAcceptanceNotice', '2025-09-03').date);
c = c.accept({ date: '2025-09-03' });
step('This applicant is accepted', c, 'status ' + c.status);
c = c.contract({ date: '2025-09-08', number: 'DNI-HT-2025-112' });
print('\n   The 《服务认证合同》 signed (§5.2.2): ' + c.contractNumber + ', ' + c.contracted);

// 2. The initial audit: Annex 3 time for 900 staff on 3 sites, 80% on site
var doc = c.audit({ type: 'document', start: '2025-10-09', end: '2025-10-10', team: [{ person: lead, role: 'leader' }] });
step('Document review before the on-site audit (§5.3.2)', doc, 'done ' + doc.end);
var a = c.audit(planned({ type: 'initial', start: '2025-10-20', end: '2025-10-24', team: [{ person: lead, role: 'leader' }] }, s));
step('Initial audit (modes A+G)', a, a.manDays + ' man-days, ' + a.onsiteDays + ' on site');
var sc = a.score({ score: 91.5, deductionItems: 2 });
step('Final score and grade (§5.3.3.7)', sc, sc.score + ' → ' + sc.level);
var f = a.finding({ item: '5.2.3', kind: 'nonconformity', evidence: '送货安装回访记录缺失' });
step('A nonconformity must be corrected within two months', f, 'due ' + f.due);
f.close({ date: '2025-11-20' });
a.report({ date: '2025-10-27' }); // §5.3.3.7: the leader's 《服务认证审查报告》

// 3. Decision and certificate (§5.4, §5.5)
var d = c.decide({ by: [decider], outcome: 'certify', date: '2025-11-28' });
var cert = d.certificate;
step('Decision by someone who did not audit; the certificate', d, cert.number + ', ' + cert.grade + ', ' + cert.issued + ' to ' + cert.expires);
w.list('What the certificate must show', s.requires('certificate'));

// 4. Surveillance: 1/3 of the initial time; the first within 12 months of the decision
var prog = s.surveillance({ decisionDate: cert.issued, expires: cert.expires, asOf: '2025-11-28' });
step('The surveillance programme', prog, 'first due ' + prog.next.due);
var s1 = c.audit(planned({ type: 'surveillance', start: '2026-09-14', end: '2026-09-15', team: [{ person: lead, role: 'leader' }] }, s));
step('First surveillance: 1/3 of 11, rounded up to half days', s1, s1.manDays + ' man-days');
s1.score({ score: 90.5, deductionItems: 1 });
s1.report({ date: '2026-09-16' });
c.decide({ by: [decider], outcome: 'maintain', date: '2026-09-25' });
prog = s.surveillance({ decisionDate: cert.issued, expires: cert.expires, audits: [{ type: 'surveillance', end: '2026-09-15' }], asOf: '2026-09-25' });
step('The second: within 12 months, or on written request 15 months inside that calendar year', prog,
  'due ' + prog.next.due + ', latest ' + prog.next.latest);

// 5. Suspension at most 6 months (§6.7.3); restoration on request before it ends (§6.8)
var susp = cert.suspend({ cause: 'fees-unpaid', date: '2027-03-31' });
step('Suspension', susp, 'until ' + susp.until + ' at the latest');
cert = certificates.get(cert.id).restore({ cause: 'corrected', date: '2027-05-10' });
step('Restoration', cert, cert.status);

var s2 = c.audit(planned({ type: 'surveillance', start: '2027-08-16', end: '2027-08-17', team: [{ person: lead, role: 'leader' }] }, s));
s2.score({ score: 92, deductionItems: 0 });
s2.report({ date: '2027-08-18' });
c.decide({ by: [decider], outcome: 'maintain', date: '2027-08-27' });

// 6. Recertification: applied for 3 months before expiry, 2/3 of the initial time (§5.7)
step('The recertification application is due by', s.deadline('recertApplication', cert.expires), s.deadline('recertApplication', cert.expires).date);
var r = c.audit(planned({ type: 'recertification', start: '2028-09-18', end: '2028-09-21', team: [{ person: lead, role: 'leader' }] }, s));
step('Recertification: 2/3 of 11, rounded up to half days', r, r.manDays + ' man-days');
r.score({ score: 95.5, deductionItems: 0 });
r.report({ date: '2028-09-22' });
var rd = c.decide({ by: [decider], outcome: 'recertify', date: '2028-10-16' });
step('Recertified: same number, a new 3-year cycle', rd, rd.certificate.number + ', ' + rd.certificate.grade + ', to ' + rd.certificate.expires);

// 7. What would change under another reading? compare() evaluates both and lists differences.
var other = defineScheme({ extends: s, version: 'F/2-down', effective: '2025-08-15',
  manDays: Object.assign({}, s.definition.manDays, { rounding: { step: 0.5, mode: 'down', clause: '§5.3.1.2', text: 'rounded down instead' } }) });
var cmp = s.compare(other, { manDays: [{ employees: 900, audit: 'surveillance' }, { employees: 900, audit: 'recertification' }, { employees: 30, audit: 'surveillance' }] });
print('\n== Re-evaluation: ' + cmp.from + ' against ' + cmp.to + ' (rounding 1/3 and 2/3 down)');
cmp.changes.concat(cmp.same).forEach(function (x) {
  print('   ' + x.input.employees + ' staff, ' + x.input.audit + ': ' + x.before.total + ' → ' + x.after.total + (x.why ? '  (changed)' : ''));
});
print('\nRecord log: ' + JSON.stringify(log.verify()));
