// stdlib/rules.test.js — rules pinned in the register (stdlib/rules.js) and versions that state
// only what changed (dsl/scheme.js extends), in certsh test's in-memory register.
var rules = require('stdlib/rules');
var kit = require('stdlib/testkit');

// decided(schemeId) → a case of the scheme applied, audited and certified: {case, decision}
function decided(schemeId, uscc) {
  var lead = people.create({ name: '审查员甲', roles: ['auditor'], registrations: [{ number: 'CCAA-2020-1', fieldCode: '02.03.01', from: '2020-01-01', to: '2030-12-31' }] });
  var boss = people.create({ name: '决定人乙', roles: ['decider'] });
  var org = orgs.create({ name: '某某电器有限公司', uscc: uscc, staff: 100, address: '北京' });
  var c = cases.apply({ org: org, scheme: schemeId, scope: '家电售后服务', date: '2025-09-01' }).accept({ date: '2025-09-02', checkedBy: boss })
    .contract({ date: '2025-09-03', number: 'HT-' + uscc });
  c.audit({ type: 'document', start: '2025-09-20', end: '2025-09-20', team: [{ person: lead, role: 'leader' }] });
  var a = c.audit(kit.planned({ type: 'initial', start: '2025-10-01', end: '2025-10-02', team: [{ person: lead, role: 'leader' }] }));
  a.score({ score: 80, deductionItems: 0 });
  a.report({ date: '2025-10-03' });
  return { case: c, decision: c.decide({ by: [boss], outcome: 'certify', date: '2025-10-20' }) };
}

test('the first case of a version pins its files and their hash; the decision records it', function () {
  var d = decided('dni-aftersales@F/2', '91110000600037341L');
  var r = sql("SELECT hash, origin, source FROM rules WHERE scheme = 'dni-aftersales' AND version = 'F/2'");
  assert.equal(r.length, 1);
  assert.equal(r[0].origin, 'embedded');
  assert.equal(JSON.parse(r[0].source).entry, 'schemes/dni-aftersales.js');
  assert.ok(JSON.parse(r[0].source).files['schemes/gbt27922.js'], 'the criteria it scores by are pinned with it');
  assert.equal(r[0].source, scheme('dni-aftersales@F/2').source().text, 'the text pinned is the files as loaded');
  assert.equal(sql('SELECT rules FROM decisions WHERE id = ?', d.decision.id)[0].rules, r[0].hash);
  assert.equal(sql("SELECT count(*) AS n FROM events WHERE kind = 'rules.pin'")[0].n, 1, 'pinned once, not per command');
  assert.ok(rules.replay(d.case.id).same, 'the decision replays the same');
});

test('a pin rolled back with its command is pinned again by the next one', function () {
  assert.throws(function () {
    transaction(function () {
      cases.apply({ org: orgs.create({ name: '甲公司', uscc: '91330106MA2B0QXR7D', staff: 10 }), scheme: 'cas-service', scope: 'x', date: '2025-01-02' });
      throw new Error('changed my mind');
    });
  }, /changed my mind/);
  assert.equal(sql("SELECT count(*) AS n FROM rules WHERE scheme = 'cas-service'")[0].n, 0, 'nothing pinned');
  cases.apply({ org: orgs.create({ name: '甲公司', uscc: '91330106MA2B0QXR7D', staff: 10 }), scheme: 'cas-service', scope: 'x', date: '2025-01-02' });
  assert.equal(sql("SELECT count(*) AS n FROM rules WHERE scheme = 'cas-service'")[0].n, 1);
});

test('a version rebuilt from the register alone gives the same results, in a context of its own', function () {
  var s = scheme('dni-aftersales@F/2'), again = require('dsl/scheme').fromSource(s.source().text, s.id, s.version);
  assert.ok(again !== s, 'a Scheme of its own');
  assert.equal(again.source().origin, 'pinned');
  assert.equal(again.source().text, s.source().text);
  assert.equal(again.grade({ score: 89.5, deductionItems: 2 }).level, s.grade({ score: 89.5, deductionItems: 2 }).level);
  assert.equal(again.manDays({ employees: 900, audit: 'initial', sites: 3 }).total, s.manDays({ employees: 900, audit: 'initial', sites: 3 }).total);
  assert.ok(scheme('dni-aftersales@F/2') === s, 'the library\'s own is untouched');
});

test('extends merges sections field by field: objects merge, arrays and values replace, null removes', function () {
  var f2 = scheme('dni-aftersales@F/2');
  var g = defineScheme({ extends: f2, version: 'MERGE/1', effective: '2099-01-01',
    grade: { pass: { minScore: 75 }, levels: [{ min: 75, level: '达标级', stars: 0 }, { min: 90, level: '四星级', stars: 4 }] },
    deadlines: { correction: { months: 3 }, recertApplication: null } });
  assert.equal(g.definition.grade.pass.itemsBelow, f2.definition.grade.pass.itemsBelow, 'the pass rule keeps what it does not restate');
  assert.equal(g.definition.grade.pass.clause, '§5.3.3.7');
  assert.equal(g.definition.grade.levels.length, 2, 'levels are replaced whole');
  assert.equal(g.grade({ score: 85, deductionItems: 0 }).level, '达标级');
  assert.equal(g.deadline('correction', '2026-01-31').date, '2026-04-30');
  assert.cites(g.deadline('correction', '2026-01-31'), f2.definition.deadlines.correction.clause);
  assert.equal(g.deadline('recertApplication', '2029-01-31'), null, 'null removes a rule');
  assert.equal(g.deadline('suspensionLimit', '2026-01-31').date, f2.deadline('suspensionLimit', '2026-01-31').date, 'others inherited');
  var ch = require('stdlib/diff').changes(f2, g);
  assert.equal(ch.map(function (c) { return c.path + ' ' + c.kind; }).sort(), ['deadlines.correction.months changed', 'deadlines.recertApplication removed',
    'grade.levels[0].min changed', 'grade.levels[1].level changed', 'grade.levels[1].min changed', 'grade.levels[1].stars changed',
    'grade.levels[2] removed', 'grade.levels[3] removed', 'grade.pass.minScore changed'], 'the diff names each field that changed');
});
