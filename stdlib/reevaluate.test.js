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

test('a new man-days table re-evaluates only the cases whose staff it changes, as compare() does case by case', function () {
  var cas = scheme('cas-service');
  var rows = cas.definition.manDays.table.rows.map(function (r) { return r[0] === 301 ? [301, 500, 10, 3, 7] : r; });
  var v2 = defineScheme({ extends: cas, version: 'TEST/MD', effective: '2099-01-01', manDays: { table: { rows: rows } } });
  var same = defineScheme({ extends: cas, version: 'TEST/SAME', effective: '2099-01-01' });
  assert.equal(cas.changedRules(v2), ['manDays'], 'only the man-days section differs');
  assert.equal(cas.changedRules(same), [], 'a version stating every rule alike changes none');
  var made = [100, 400, 450].map(function (n, i) {
    var b = '91110000' + ('00000000' + (7001 + i)).slice(-9); // USCCs with their right check characters
    var o = orgs.create({ name: '某某服务有限公司' + i, uscc: b + uscc.check(b + '0').expected, staff: n, address: '北京' });
    return cases.apply({ org: o, scheme: 'cas-service', scope: '售后服务', date: '2026-01-05' });
  });
  var r = re.register('cas-service@TEST/MD');
  assert.equal(r.map(function (x) { return x.case; }), [made[1].id, made[2].id], 'the cases of 100 staff keep their man-days');
  r.forEach(function (x) {
    var c = cases.get(x.case);
    assert.equal(JSON.stringify(x.changes), JSON.stringify(cas.compare(v2, re.inputsOf(c)).changes), 'case ' + x.case + ' as compare() finds it');
    assert.equal(x.changes.map(function (ch) { return ch.rule + ' ' + ch.input.audit + ' ' + ch.before.total + '→' + ch.after.total; }),
      ['manDays initial 9→10', 'manDays recertification 6.5→7']);
  });
  var all = re.register('cas-service@TEST/MD', { all: true });
  assert.equal(all.length, 3, 'every case with an input, changed or not');
  assert.equal(all[0].changes, []);
  var seen = [];
  assert.equal(re.register('cas-service@TEST/MD', { each: function (x) { seen.push(x.case); } }), 2, 'each: the results handed over, counted');
  assert.equal(seen, [made[1].id, made[2].id]);
  assert.equal(re.register('cas-service@TEST/SAME'), []);
  assert.throws(function () { re.register('cas-service@TEST/MD', { each: 1 }); }, /each must be a function/);
});

test('another first surveillance window re-evaluates each certificate by its next window, as compare() does', function () {
  var cas = scheme('cas-service');
  var v2 = defineScheme({ extends: cas, version: 'TEST/SV', effective: '2099-01-01', surveillance: { first: { opensMonths: 8, dueMonths: 11 } } });
  assert.equal(cas.changedRules(v2), ['surveillance']);
  var waiting = kit.certified('cas-service'); // its first surveillance is next: the window that moves
  var audited = kit.certified('cas-service'); // its first is done: the second, counted from it, does not move
  kit.audited(audited.case, 'surveillance', '2026-11-02', 90);
  var r = re.register('cas-service@TEST/SV');
  assert.equal(r.map(function (x) { return x.case; }), [waiting.case.id]);
  var ch = r[0].changes;
  assert.equal(ch.map(function (x) { return [x.rule, x.before['next.n'], x.before['next.due'], x.after['next.due']]; }),
    [['surveillance', 1, date.addMonths('2026-02-12', 12), date.addMonths('2026-02-12', 11)]], 'counted from the initial audit\'s end');
  assert.equal(JSON.stringify(ch), JSON.stringify(cas.compare(v2, re.inputsOf(waiting.case)).changes), 'as compare() finds it, reasons and all');
  assert.ok(ch[0].why === ch[0].why, 'its reasons, once made, are kept');
  assert.equal(ch[0].why.map(function (w) { return w.version; }).filter(function (v, i, a) { return a.indexOf(v) === i; }), [cas.version, 'TEST/SV'], 'both versions\' reasons');
  var opens = defineScheme({ extends: cas, version: 'TEST/SO', effective: '2099-01-01', surveillance: { first: { opensMonths: 6 } } });
  assert.equal(cas.compare(opens, re.inputsOf(waiting.case)).changes, [], 'a window opening earlier is no change compare() reports');
  assert.equal(re.register('cas-service@TEST/SO'), [], 'nor one re-evaluation reports');
  assert.equal(sqlFunctions({ surveillance_next: function (x) { return x + 1; } }, function () { return sql('SELECT surveillance_next(1) AS a')[0].a; }), 2,
    "the SQL functions re-evaluation defines take no name the reminder job's own take (stdlib/reminders)");
  var all = re.register('cas-service@TEST/SV', { all: true });
  assert.equal(all.filter(function (x) { return x.case === audited.case.id; })[0].changes, [], 'listed with all, no change');
});

test('DNI §5.6.1 an approved extension is re-evaluated as the rule reads it: the later limit of its window, not the due date', function () {
  var dni = scheme('dni-aftersales');
  var v2 = defineScheme({ extends: dni, version: 'TEST/EX', effective: '2099-01-01', surveillance: { next: { latestMonths: 14 } } });
  assert.equal(dni.changedRules(v2), ['surveillance']);
  var extended = kit.certified('dni-aftersales', { decided: '2026-03-01' });
  kit.audited(extended.case, 'surveillance', '2026-08-01', 88);
  extended.certificate.extendSurveillance({ n: 2, reason: '客户书面申请：经营场所搬迁', by: kit.auditor(), approvedBy: kit.decider(), date: '2026-11-01' });
  var plain = kit.certified('dni-aftersales', { decided: '2026-03-01' }); // the same dates, no extension: the latest is the due date under both
  kit.audited(plain.case, 'surveillance', '2026-08-01', 88);
  var mine = function (list) { return list.filter(function (x) { return x.case === extended.case.id || x.case === plain.case.id; }); };
  var r = mine(re.register('dni-aftersales@TEST/EX'));
  assert.equal(r.map(function (x) { return x.case; }), [extended.case.id], 'only the extended window moves');
  var ch = r[0].changes, end = sql("SELECT actual_end AS e FROM audits WHERE case_id = ? AND type = 'surveillance'", extended.case.id)[0].e;
  assert.equal(ch.map(function (x) { return [x.before['next.n'], x.before['next.due'], x.before['next.latest'], x.after['next.latest']]; }),
    [[2, date.addMonths(end, 12), date.addMonths(end, 15), date.addMonths(end, 14)]], '15 months after the first surveillance\'s end, then 14');
  assert.equal(re.inputsOf(extended.case).surveillance.extensions.map(function (x) { return x.n; }), [2], 'compare()\'s input holds the approval');
  assert.equal(JSON.stringify(ch), JSON.stringify(dni.compare(v2, re.inputsOf(extended.case)).changes), 'as compare() finds it, reasons and all');
  assert.equal(mine(re.register('dni-aftersales@TEST/EX', { all: true })).filter(function (x) { return x.case === plain.case.id; })[0].changes, [],
    'the certificate without an approval: no change');
});
