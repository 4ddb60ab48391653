// stdlib/reevaluate.test.js — re-evaluating the register under another version lists what would
// change, case by case, and writes nothing.
var re = require('stdlib/reevaluate');
var kit = require('stdlib/testkit');

test('a case on DNI F/2 re-evaluated under a version with other grade lines and ratios', function () {
  var f2 = scheme('dni-aftersales@F/2');
  defineScheme({ extends: f2, version: 'TEST/9', effective: '2099-01-01',
    grade: { clause: '§5.3.3.7', pass: { minScore: 75, itemsBelow: 5, items: '特别扣分项', clause: '§5.3.3.7' }, fail: '不合格',
      levels: [{ min: 75, level: '达标级', stars: 0 }, { min: 85, level: '三星级', stars: 3 }] } });
  var lead = people.create({ name: '审查员甲', roles: ['auditor'], registrations: [{ number: 'CCAA-2020-1', fieldCode: '02.03.01', from: '2020-01-01', to: '2030-12-31' }] }), boss = people.create({ name: '决定人乙', roles: ['decider'] });
  var org = orgs.create({ name: '某某电器有限公司', uscc: '91110000600037341L', staff: 100, address: '北京' });
  var c = cases.apply({ org: org, scheme: 'dni-aftersales@F/2', scope: '家电售后服务', date: '2025-09-01' }).accept({ date: '2025-09-02', checkedBy: boss }).contract({ date: '2025-09-03', number: 'HT-1' });
  c.audit({ type: 'document', start: '2025-09-20', end: '2025-09-20', team: [{ person: lead, role: 'leader' }] }); // DNI §5.3.2
  var a = c.audit(kit.planned({ type: 'initial', start: '2025-10-01', end: '2025-10-02', team: [{ person: lead, role: 'leader' }] }));
  a.score({ score: 80, deductionItems: 0 });
  a.report({ date: '2025-10-03' }); // DNI §5.3.3.7: the leader's report, then the decision
  c.decide({ by: [boss], outcome: 'certify', date: '2025-10-20' });
  var before = sql('SELECT count(*) AS n FROM events')[0].n;
  var r = re.register('dni-aftersales@TEST/9');
  assert.equal(sql('SELECT count(*) AS n FROM events')[0].n, before, 'nothing written');
  assert.equal(r.length, 1);
  assert.equal([r[0].from, r[0].to], ['dni-aftersales@F/2', 'dni-aftersales@TEST/9']);
  var g = r[0].changes.filter(function (x) { return x.rule === 'grade'; })[0];
  assert.equal([g.before.level, g.after.level], ['三星级', '达标级']);
  assert.equal(r[0].changes.filter(function (x) { return x.rule === 'manDays'; }).length, 0, 'man-days unchanged');
});
