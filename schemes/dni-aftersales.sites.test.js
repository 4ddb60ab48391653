// schemes/dni-aftersales.sites.test.js — DNI §5.3.3.3 "对于多场所，根据抽样原则确定审查场所" and
// §5.3.1.4 "审查计划（包括多场所抽样计划）"; Annex 3 note 5 "每个多场所的审查时间至少为 0.5 人日".
var kit = require('stdlib/testkit');

test('§5.3.3.3: an initial audit of 4 service sites visits √4 = 2 of them and the central function', function () {
  var c = kit.accepted('dni-aftersales'), who = c.org();
  var ids = [who.addSite({ name: '总部', central: true, opened: '2020-01-01' }).id];
  for (var i = 1; i <= 4; i++) ids.push(who.addSite({ name: '服务网点' + i, opened: '2020-01-01' }).id);
  c.audit({ type: 'document', start: '2026-02-01', end: '2026-02-01', team: [{ person: kit.auditor(), role: 'leader' }] });
  var team = [{ person: kit.auditor(), role: 'leader' }];
  kit.refusedWith(function () { c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', sites: ids.slice(0, 2), team: team })); },
    'site-sample', '§5.3.3.3');
  var a = c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', sites: ids.slice(0, 3), team: team }));
  // Annex 3 note 5 counts the three sites visited, each at least 0.5 man-day
  assert.equal(a.manDays, c.rules().manDays({ employees: who.staff, audit: 'initial', sites: 3 }).total);
  assert.cites(a, '§5.3.3.3');
});
