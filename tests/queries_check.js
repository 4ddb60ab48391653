// tests/queries_check.js — run by tests/e2e_queries.sh on its seeded register, as of
// 2025-06-30. The rules the helpers ask for come from the scheme contract; here a stand-in
// scheme answers them (first surveillance 9–12 months after the decision, the next 9–12 months
// after the last surveillance audit; correction 2 months; suspension at most 6 months), so
// that the helpers' own work — which rows, which state, which order — is what is checked.
var t = require('stdlib/test');
t.install(this);

var asked = [];
scheme = function (id) {
  asked.push(id);
  if (id.indexOf('cfc-sc14') === 0) throw Object.assign(new Error('no such scheme ' + id), { code: 'not-found' });
  var step = function (clause, text) { return [{ scheme: id.split('@')[0], version: id.split('@')[1], clause: clause, text: text }]; };
  return {
    surveillance: function (a) {
      var surv = a.audits.filter(function (x) { return x.type === 'surveillance' && x.end > a.decisionDate; });
      var from = surv.length ? surv[surv.length - 1].end : a.decisionDate;
      return { next: { n: surv.length + 1, opens: date.addMonths(from, 9), due: date.addMonths(from, 12), latest: null,
        why: step('§7.1', 'surveillance ' + (surv.length + 1) + ' 9–12 months after ' + from) }, windows: [], why: [] };
    },
    deadline: function (name, from, opts) {
      if (name === 'correction') return { date: date.addMonths(from, 2), why: step('§7.5', '2 months from ' + from) };
      if (name === 'suspensionLimit') return { date: date.addMonths(from, 6), why: step('§9.3.2', 'at most 6 months from ' + from) };
      throw new Error('unexpected deadline ' + name);
    }
  };
};

test('certificates by scheme, status, grade and expiry range', function () {
  assert.equal(q.certificates({ scheme: 'cas-service' }).map(function (c) { return c.number; }), ['CAS-2022-003', 'CAS-2023-001']);
  assert.equal(q.certificates({ status: 'suspended' })[0].holder, '北京信用商贸');
  assert.equal(q.certificates({ grade: '四星级' }).length, 1);
  assert.equal(q.certificates({ scheme: 'dni-aftersales@F/2', expiresFrom: '2027-01-01', expiresTo: '2027-12-31' })[0].number, 'DNI-2024-007');
  assert.equal(q.certificates({ org: '中奥' })[0].number, 'CAS-2023-001');
  assert.equal(q.expiring('2026-01-01', '2026-12-31').map(function (c) { return c.number; }), ['CAS-2023-001']);
});

test('a misspelt filter or a bad value is refused, naming the field', function () {
  assert.equal(assert.throws(function () { q.certificates({ staus: 'active' }); }, 'invalid').field, 'staus');
  assert.equal(assert.throws(function () { q.certificates({ status: 'revoked' }); }, 'invalid').field, 'status');
  assert.equal(assert.throws(function () { q.expiring('2026-02-30'); }, 'invalid').field, 'from');
});

test('surveillance: overdue first, then due; each from the certificate\'s own scheme version', function () {
  var rows = q.surveillance('2025-06-30');
  assert.equal(rows.map(function (r) { return [r.number, r.n, r.opens, r.due, r.state]; }), [
    ['CAS-2023-001', 2, '2024-11-21', '2025-02-21', 'overdue'],
    ['DNI-2024-007', 1, '2025-05-15', '2025-08-15', 'due']]);
  assert.ok(asked.indexOf('dni-aftersales@F/2') >= 0, 'asked ' + asked);
  assert.cites(rows[0], '§7.1');
  // on a past date each certificate as it stood then: CAS-2022-003, suspended only on 2025-01-15,
  // was active on 2024-11-01 with its first surveillance long overdue
  assert.equal(q.surveillance('2024-11-01').map(function (r) { return [r.number, r.state]; }), [['CAS-2022-003', 'overdue'], ['CAS-2023-001', 'opens soon']]);
  assert.equal(q.surveillance('2024-11-01', { within: 0 }).map(function (r) { return r.number; }), ['CAS-2022-003']);
});

test('open nonconformities past their deadline: recorded, or the scheme\'s correction deadline', function () {
  var rows = q.overdueFindings('2025-06-30');
  assert.equal(rows.map(function (r) { return [r.finding, r.due, r.daysLate]; }), [[2, '2024-04-21', 435], [1, '2024-09-22', 281]]);
  assert.cites(rows[0], '§7.5');
  assert.equal(rows[0].evidence, '回访记录缺失');
});

test('suspensions nearing 6 months', function () {
  var rows = q.suspensions('2025-06-30');
  assert.equal(rows.map(function (r) { return [r.number, r.limit, r.daysLeft]; }), [['CAS-2022-003', '2025-07-15', 15]]);
  assert.cites(rows[0], '§9.3.2');
  assert.equal(q.suspensions('2025-06-30', { within: 10 }), []);
  assert.equal(q.suspensions('2024-12-31', { within: 365 }), [], 'not suspended yet on 2024-12-31');
});

test('auditors\' man-days per year: shared by leader and members, experts not counted', function () {
  assert.equal(q.manDays(2023).map(function (r) { return [r.name, r.audits, r.manDays]; }), [['张三', 1, 2], ['李四', 1, 2]]);
  assert.equal(q.manDays('2024').map(function (r) { return [r.name, r.audits, r.manDays]; }), [['张三', 2, 3], ['李四', 1, 1.5]]);
  assert.equal(q.manDays().length, 5);
  assert.throws(function () { q.manDays('last year'); }, 'invalid');
});

test('decisions taken by someone who audited the case are listed', function () {
  assert.equal(q.decidedByAuditors().map(function (r) { return [r.decision, r.name, r.audit, r.role]; }), [[3, '李四', 4, 'leader']]);
});

test('counts per scheme and year', function () {
  var rows = q.counts();
  var cas2022 = rows.filter(function (r) { return r.scheme === 'cas-service' && r.year === '2022'; })[0];
  assert.equal(cas2022, { scheme: 'cas-service', year: '2022', applications: 1, audits: 1, decisions: 1, positive: 1, certificates: 1 });
  var dni2024 = rows.filter(function (r) { return r.scheme === 'dni-aftersales' && r.year === '2024'; })[0];
  assert.equal(dni2024.applications + dni2024.audits + dni2024.certificates, 3);
});

test('the state of a certificate on a past date, from the record log', function () {
  assert.equal(q.stateOn('CAS-2022-003', '2024-12-31').status, 'active');
  assert.equal(q.stateOn('CAS-2022-003', '2025-01-15').status, 'suspended');
  assert.equal(q.stateOn('CAS-2022-003', '2022-01-01'), null);
  assert.equal(q.history('CAS-2022-003').length, 2);
  assert.equal(assert.throws(function () { q.stateOn('NO-SUCH'); }, 'not-found').field, 'certificate');
});

test('the REPL helpers list tables and their schema', function () {
  assert.ok(q.tables().indexOf('certificates') >= 0);
  assert.ok(/CREATE TABLE certificates/.test(q.schema('certificates')[0]));
  assert.equal(q.schema('nothing'), []);
});

var result = t.run('tests/queries_check.js');
print(result.passed + ' passed, ' + result.failed + ' failed');
if (result.failed) throw new Error('queries: ' + result.failed + ' failed');
