// tests/owners/cfc-cases.js — two CFC cases under cfc-sc14@C/1 with their initial audit scored (89
// and 92 points), for the register impact of certsh diff in tests/e2e_owners.sh.
var w = require('stdlib/walkthrough'), team = w.cast();
[['杭州某某电器服务有限公司', '91330106MA2B0QXR7D', 89], ['上海某某家电维修有限公司', '91310000MA1FL0XX2F', 92]].forEach(function (x) {
  var org = orgs.create({ name: x[0], uscc: x[1], staff: 120, facts: { legalStatus: true } });
  var c = cases.apply({ org: org, scheme: 'cfc-sc14@C/1', scope: '家用电器的售后服务', grade: '四星级', date: '2026-03-02' }).accept({ date: '2026-03-03' })
    .contract({ date: '2026-03-04', number: 'CFC-HT-' + x[1] }); // §6.2.3: the contract before the audit
  c.audit({ type: 'document', start: '2026-03-09', end: '2026-03-09', team: [{ person: team.lead, role: 'leader' }] }); // §8.1
  // §7.2.5 the assignment and §7.3 the leader's plan, the day before (stdlib/plans.planned)
  var a = c.audit(require('stdlib/plans').planned({ type: 'initial', start: '2026-03-16', end: '2026-03-18', manDays: 3, team: [{ person: team.lead, role: 'leader' }] },
    c.rules(), team.decider));
  a.score({ score: x[2], deductionItems: 1 });
  print('case ' + c.id + ': ' + x[2] + ' points');
});
