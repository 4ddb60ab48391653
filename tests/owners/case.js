// tests/owners/case.js — one DNI case applied, audited and certified under dni-aftersales@G/1 (a
// version of the tests, from a --lib folder), for tests/e2e_rules.sh.
var w = require('stdlib/walkthrough'), team = w.cast();
var facts = { legalStatus: true, licence: true, lawfulService: true, documentedSystem: true, majorAccidentThisYear: false,
  orderedSuspension: false, seriousIllegalList: false, seriousDishonesty: false, unresolvedSuspension: false };
var org = orgs.create({ name: '北京某某家居连锁有限公司', uscc: '91110000600037341L', staff: 900, sites: 3, address: '北京市朝阳区', facts: facts });
var c = cases.apply({ org: org, scheme: 'dni-aftersales@G/1', scope: '家具的售后服务（送货、安装、维修）', date: '2026-02-02' });
c = c.accept({ date: '2026-02-03' }).contract({ date: '2026-02-04', number: 'DNI-HT-2026-001' }); // §5.2.2
c.audit({ type: 'document', start: '2026-02-09', end: '2026-02-10', team: [{ person: team.lead, role: 'leader' }] });
var a = c.audit({ type: 'initial', start: '2026-02-23', end: '2026-02-27', team: [{ person: team.lead, role: 'leader' }],
  plan: { date: '2026-02-16', items: [{ activity: '现场审查', date: '2026-02-23', from: '09:00', to: '17:00', auditors: [team.lead], content: '售后服务体系' }] } }); // §5.3.1.4
a.score({ score: 91.5, deductionItems: 2 });
a.report({ date: '2026-02-28' }); // §5.3.3.7
var d = c.decide({ by: [team.decider], outcome: 'certify', date: '2026-03-20' });
print('case ' + c.id + ' decided under ' + c.rules() + ' rules ' + d.rules + ' certificate ' + d.certificate.number + ' ' + d.certificate.grade);
