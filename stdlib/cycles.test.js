// stdlib/cycles.test.js — each case's cycle facts (table cycles: start, last audit, surveillances
// since the start) follow its audits in the transaction that writes them, equal to the aggregate
// over the audits that they stand for, and `certsh verify` catches a row written behind them.

// aggregate(caseId) → the facts computed from the audits themselves
function aggregate(caseId) {
  var r = sql("SELECT max(CASE WHEN type <> 'surveillance' THEN actual_end END) AS start, max(actual_end) AS ref FROM audits" +
    " WHERE case_id = ? AND status = 'done' AND type IN ('initial', 'surveillance', 'recertification')", caseId)[0];
  r.surveillances = sql("SELECT count(*) AS n FROM audits WHERE case_id = ? AND status = 'done' AND type = 'surveillance' AND actual_end >= ?",
    caseId, r.start)[0].n;
  return r;
}
var kit = require('stdlib/testkit'), plans = require('stdlib/plans');

// kept(caseId) → the row the triggers keep, or null
function kept(caseId) {
  var r = sql('SELECT start, ref, surveillances FROM cycles WHERE case_id = ?', caseId);
  return r.length ? r[0] : null;
}

test('the cycle facts follow each audit recorded, completed and cancelled', function () {
  var lead = people.create({ name: '审查员甲', roles: ['auditor'], registrations: [{ number: 'CCAA-2020-1', fieldCode: '02.03.01', from: '2020-01-01', to: '2030-12-31' }] });
  var boss = people.create({ name: '决定人乙', roles: ['decider'] });
  var org = orgs.create({ name: '某某电器有限公司', uscc: '91110000600037341L', staff: 100, address: '北京' });
  var c = cases.apply({ org: org, scheme: 'dni-aftersales@F/2', scope: '家电售后服务', date: '2024-09-01' }).accept({ date: '2024-09-02', checkedBy: boss }).contract({ date: '2024-09-03', number: 'HT-1' });
  var team = [{ person: lead, role: 'leader' }];
  c.audit({ type: 'document', start: '2024-09-20', end: '2024-09-20', team: team });
  assert.equal(kept(c.id), null, 'a document review starts no cycle');
  var a = c.audit(kit.planned({ type: 'initial', start: '2024-10-01', end: '2024-10-02', team: team }));
  a.score({ score: 80, deductionItems: 0 });
  a.report({ date: '2024-10-03' });
  assert.equal(kept(c.id), { start: '2024-10-02', ref: '2024-10-02', surveillances: 0 });
  c.decide({ by: [boss], outcome: 'certify', date: '2024-10-20' });
  var s = c.audit({ type: 'surveillance', plannedStart: '2025-08-01', plannedEnd: '2025-08-02', team: team });
  assert.equal(kept(c.id).surveillances, 0, 'a planned audit is not done');
  s.plan({ date: '2025-07-30', by: lead, items: plans.propose({ start: '2025-08-04', end: '2025-08-05', team: [{ person: lead.id, role: 'leader' }] }).items });
  s.complete({ start: '2025-08-04', end: '2025-08-05' });
  assert.equal(kept(c.id), { start: '2024-10-02', ref: '2025-08-05', surveillances: 1 });
  assert.equal(kept(c.id), aggregate(c.id));
  var p = c.audit({ type: 'surveillance', plannedStart: '2026-07-01', plannedEnd: '2026-07-02', team: team });
  p.cancel();
  assert.equal(kept(c.id), aggregate(c.id), 'a cancelled audit leaves the facts as they were');
  assert.equal(log.verify().ok, true);
});
