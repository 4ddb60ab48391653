// stdlib/reminders.test.js — one reading of what is due: the reminder job's items and the
// analysts' q.surveillance / q.overdueFindings / q.suspensions come from stdlib/reminders, which
// picks its candidates from the schemes' own bounds (data, not sample dates).
var kit = require('stdlib/testkit');
var reminders = require('stdlib/reminders');

test('a deadline\'s bounds are read from its months: every day of a leap cycle falls within them', function () {
  var cas = scheme('cas-service');
  var b = cas.deadlineBounds('suspensionLimit'); // §9.3.2.2 暂停期不得超过6个月
  assert.equal([b.minDays, b.maxDays], [181, 184]);
  for (var d = '2024-01-01'; d < '2028-01-01'; d = date.addDays(d, 1)) {
    var n = date.diffDays(d, cas.deadline('suspensionLimit', d).date);
    assert.ok(n >= b.minDays && n <= b.maxDays, d + ': ' + n + ' days');
  }
  assert.equal(cas.deadlineBounds('nonAcceptanceNotice'), { minDays: 5, maxDays: 5 }); // §6.1.5 5日内
  assert.equal(cas.deadlineBounds('suspendWithin'), { minDays: 5, maxDays: null }); // §9.3.2.1 5个工作日: holidays give no upper bound
  assert.equal(cas.deadlineBounds('complaintAnswer'), null, 'CAS states no complaint deadline');
});

test('a scheme whose deadlines are its own code offers no bounds: its rows are all read', function () {
  var own = defineScheme({ id: 'own-deadlines', version: '1', effective: '2020-01-01', title: 'own',
    deadlines: function (name, ctx, from) { return name === 'suspensionLimit' ? { date: date.addDays(from, 10), why: [] } : null; } });
  assert.equal(typeof own.deadline, 'function');
  assert.equal(own.deadlineBounds, undefined);
});

test('a suspension reaching its 6-month limit: the job\'s item and q.suspensions are one answer', function () {
  var c = kit.certified('cas-service');
  c.certificate.suspend({ cause: 'voluntary', date: '2026-04-01' }); // §9.3.2.1 (6) 主动请求暂停
  var limit = '2026-10-01'; // §9.3.2.2: 6 months from 2026-04-01
  var run = new reminders.Run({ asOf: '2026-09-20', horizon: 30 });
  var items = run.rows('suspensions');
  assert.equal(items.map(function (r) { return [r.certificate, r.date, r.days, r.clause]; }), [[c.certificate.number, limit, 11, '§9.3.2.2']]);
  var q1 = q.suspensions('2026-09-20');
  assert.equal(q1.map(function (r) { return [r.number, r.limit, r.daysLeft, r.cause]; }), [[c.certificate.number, limit, 11, 'voluntary: 主动请求暂停']]);
  assert.equal(q1[0].why, items[0].answer.why);
  // ten days before the horizon reaches it, neither lists it
  assert.equal(new reminders.Run({ asOf: '2026-08-21', horizon: 30 }).rows('suspensions'), []);
  assert.equal(q.suspensions('2026-08-21'), []);
});

test('a licence under renewal has no fixed end (CAS §9.3.2.2): no limit to remind of', function () {
  var c = kit.certified('cas-service');
  c.certificate.suspend({ cause: 'licence-renewal', date: '2026-04-01' });
  var numbers = q.suspensions('2027-06-01', { within: 365 }).map(function (r) { return r.number; });
  assert.ok(numbers.indexOf(c.certificate.number) < 0, numbers.join());
});

test('a surveillance window: q.surveillance lists it open, the job only when it closes within the horizon', function () {
  var c = kit.certified('cas-service', { decided: '2026-03-01' }); // initial audit ended 2026-02-12
  // §7.1: the first surveillance 9-12 months after the initial audit: opens 2026-11-12, due 2027-02-12
  var open = q.surveillance('2026-12-01').filter(function (r) { return r.number === c.certificate.number; });
  assert.equal(open.map(function (r) { return [r.n, r.opens, r.due, r.state]; }), [[1, '2026-11-12', '2027-02-12', 'due']]);
  assert.cites(open[0], '§7.1');
  var job = function (asOf) {
    return new reminders.Run({ asOf: asOf, horizon: 30 }).rows('surveillance').filter(function (r) { return r.certificate === c.certificate.number; })
      .map(function (r) { return [r.date, r.answer.state]; });
  };
  assert.equal(job('2026-12-01'), [], 'open, and not closing within 30 days');
  assert.equal(job('2027-01-20'), [['2027-02-12', 'closing']]);
  assert.equal(job('2027-03-01'), [['2027-02-12', 'missed']]);
  assert.equal(q.surveillance('2027-03-01').filter(function (r) { return r.number === c.certificate.number; })[0].state, 'overdue');
});

test('DNI §5.6.1 an approved extension moves the second surveillance\'s last day: the job reminds of it, not of a miss', function () {
  var k = kit.certified('dni-aftersales', { decided: '2026-03-01' });
  kit.audited(k.case, 'surveillance', '2026-12-01', 88);
  var other = kit.certified('dni-aftersales', { decided: '2026-03-01' }); // the same dates, no extension: its own answer
  kit.audited(other.case, 'surveillance', '2026-12-01', 88);
  var job = function (c) {
    return new reminders.Run({ asOf: '2027-12-04', horizon: 30 }).rows('surveillance').filter(function (r) { return r.certificate === c.number; })
      .map(function (r) { return [r.date, r.answer.state]; });
  };
  assert.equal(job(k.certificate), [['2027-12-03', 'missed']], '12 months without an approval');
  var c = k.certificate.extendSurveillance({ n: 2, reason: '客户书面申请：经营场所搬迁', by: kit.auditor(), approvedBy: kit.decider(), date: '2027-11-01' });
  assert.equal(job(c), [['2027-12-31', 'closing']], 'up to 15 months on the approval, inside the calendar year');
  assert.cites(new reminders.Run({ asOf: '2027-12-04', horizon: 30 }).rows('surveillance').filter(function (r) { return r.certificate === c.number; })[0].answer, '§5.6.1');
  assert.equal(job(other.certificate), [['2027-12-03', 'missed']], 'another certificate keeps its own programme');
});

test('windows and limits falling on one day come out in certificate order, the same at every call', function () {
  // Duktape's sort picks random pivots: a comparator that calls ties equal let them come out
  // in any order from one call to the next
  var mine = {}, certs = [];
  for (var i = 0; i < 12; i++) {
    var c = kit.certified('cas-service', { decided: '2026-03-02' });
    c.certificate.suspend({ cause: 'voluntary', date: '2026-04-02' }); // §9.3.2.2: limit 2026-10-02 for all
    mine[c.certificate.number] = true;
    certs.push(c.certificate.number);
  }
  var sorted = certs.slice().sort();
  for (var k = 0; k < 20; k++) {
    assert.equal(q.suspensions('2026-09-20').map(function (r) { return r.number; }).filter(function (n) { return mine[n]; }), sorted);
  }
});

test('the CNCA month is reminded of until it is filed, by the 10th of the next month, once the body is set', function () {
  var cnca = function (asOf, horizon) {
    return new reminders.Run({ asOf: asOf, horizon: horizon }).reports().filter(function (r) { return r.uid === 'report/cnca-2026-11'; });
  };
  assert.equal(cnca('2026-12-05', 30), [], 'no body profile: no register of a body to report');
  body.set({ name: '示例认证机构有限公司', address: '北京市朝阳区示例路1号', approval: 'CNCA-R-2026-001', registerUrl: 'https://cert.example.cn/r.html#{number}' });
  assert.equal(cnca('2026-12-05', 30).map(function (r) { return [r.date, r.days, r.state]; }), [['2026-12-10', 5, 'due soon']]);
  assert.equal(cnca('2026-12-05', 3), [], 'beyond a 3-day horizon');
  assert.equal(cnca('2026-12-11', 0)[0].state, 'overdue');
});

test('an item\'s reasons as text: each "scheme version clause: text", line ends inside one kept or made " | ", Chinese text intact', function () {
  var why = [{ scheme: 'dni-aftersales', version: 'F/2', clause: '§5.6.1', text: '书面申请，经批准 😀\n15 months' },
    { scheme: 'cas-service', version: 1, clause: '', text: '𠀀 no clause' }];
  assert.equal(reminders.whyText(why), 'dni-aftersales F/2 §5.6.1: 书面申请，经批准 😀\n15 months\ncas-service 1 : 𠀀 no clause');
  assert.equal(core.why.lines(why, ' | ', ' | '), 'dni-aftersales F/2 §5.6.1: 书面申请，经批准 😀 | 15 months | cas-service 1 : 𠀀 no clause');
  assert.equal(core.why.lines(why, ';', ''), 'dni-aftersales F/2 §5.6.1: 书面申请，经批准 😀15 months;cas-service 1 : 𠀀 no clause');
  assert.equal([reminders.whyText(null), reminders.whyText([])], ['', '']);
  assert.throws(function () { core.why.lines([null], '\n', null); }, /why\[0\] is not a reason/);
  assert.throws(function () { core.why.lines({ text: 'x' }, '\n', null); }, /why must be a list of reasons/);
});
