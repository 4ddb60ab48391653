// schemes/cas-service.sites.test.js — CAS §6.2.5: "审查实施前，审查组应制定书面的审查计划（包括多场所
// 抽样计划）". An organisation's sites are records (its central function and its service sites);
// an audit of a multi-site organisation names the sites it visits, and the scheme's site-sample
// guard checks the sample: IAF MD 1:2018 §6.1, the position CAS's silence on the size leaves.
var kit = require('stdlib/testkit');

// multiSite(n) → an accepted case of an organisation with its central function and n service sites
function multiSite(n) {
  var c = kit.accepted('cas-service');
  var who = c.org();
  var sites = [who.addSite({ name: '总部', address: '杭州市西湖区', central: true, opened: '2020-01-01' })];
  for (var i = 1; i <= n; i++) sites.push(who.addSite({ name: '服务网点' + i, address: '杭州市' + i + '号', opened: '2020-01-01' }));
  return { case: c, sites: sites, org: who };
}

// audit(m, type, visited) → the case's audit of that type visiting the given sites (with its document review)
function audit(m, type, visited) {
  if (!sql("SELECT 1 FROM audits WHERE case_id = ? AND type = 'document'", m.case.id).length)
    m.case.audit({ type: 'document', start: '2026-02-01', end: '2026-02-01', team: [{ person: kit.auditor(), role: 'leader' }] });
  return m.case.audit(kit.planned({ type: type, start: '2026-02-10', end: '2026-02-12', sites: visited, team: [{ person: kit.auditor(), role: 'leader' }] }));
}

test('sites are records: the central function and the service sites; org.sites counts the open ones', function () {
  var m = multiSite(9);
  assert.equal(orgs.get(m.org.id).sites, 10);
  assert.equal(m.org.sitesOn('2026-02-10').map(function (s) { return s.central; })[0], 1, 'the central function first');
  assert.equal(assert.throws(function () { m.org.addSite({ name: '第二总部', central: true, opened: '2021-01-01' }); }, 'invalid').field, 'central');
  m.sites[9].close({ date: '2025-12-31' });
  assert.equal(orgs.get(m.org.id).sites, 9);
  assert.equal(m.org.sitesOn('2026-02-10').length, 9);
  assert.equal(m.org.sitesOn('2025-12-31').length, 10, 'open on the day it closed');
});

test('§6.2.5 with IAF MD 1 §6.1: an initial audit of 9 sites visits √9 = 3 and the central function', function () {
  var m = multiSite(9), ids = m.sites.map(function (s) { return s.id; });
  var e = kit.refusedWith(function () { audit(m, 'initial', ids.slice(0, 3)); }, 'site-sample', '§6.2.5');
  assert.ok(/2 of the 9 sites visited; the sample is √9 = 3, rounded up: 3/.test(e.message), e.message);
  kit.refusedWith(function () { audit(m, 'initial', ids.slice(1, 4)); }, 'site-sample', '§6.2.5'); // three sites, no central function
  kit.refusedWith(function () { audit(m, 'initial'); }, 'site-sample', '§6.2.5'); // the sites not recorded
  var a = audit(m, 'initial', ids.slice(0, 4));
  assert.equal(a.sites, ids.slice(0, 4));
  assert.cites(a, '§6.2.5');
});

test('surveillance 0.6√n and recertification 0.8√n, rounded up (IAF MD 1 §6.1)', function () {
  var size = require('stdlib/sampling').size;
  assert.equal([size('iaf-md1', 9, 'initial').visit, size('iaf-md1', 9, 'surveillance').visit, size('iaf-md1', 9, 'recertification').visit], [3, 2, 3]);
  assert.equal([size('iaf-md1', 10, 'initial').visit, size('iaf-md1', 10, 'surveillance').visit, size('iaf-md1', 10, 'recertification').visit], [4, 2, 3]);
  assert.equal(size('iaf-md1', 1, 'surveillance').visit, 1, 'one site besides the central function: visited');
  assert.equal(size('iaf-md1', 9, 'document'), null, 'a document review samples no site');
  assert.equal(size('all', 9, 'surveillance').visit, 9);
});

test('a site of another organisation, or one closed before the audit, is refused by the register', function () {
  var m = multiSite(2), other = multiSite(1);
  var ids = m.sites.map(function (s) { return s.id; });
  assert.equal(assert.throws(function () { audit(m, 'initial', ids.concat([other.sites[1].id])); }, 'invalid').field, 'sites');
  m.sites[2].close({ date: '2026-01-31' });
  assert.ok(/not open on 2026-02-10/.test(assert.throws(function () { audit(m, 'initial', ids); }, 'invalid').message));
});

test('an organisation without site records has one site: nothing to sample', function () {
  var c = kit.accepted('cas-service');
  var a = kit.audited(c, 'initial', '2026-02-10', 92);
  assert.equal(a.sites, null);
});

test('§6.2.5 书面的审查计划（包括多场所抽样计划）: the plan places an activity at every site the audit visits, on its days', function () {
  var m = multiSite(4), lead = kit.auditor(), s = m.sites;
  m.case.audit({ type: 'document', start: '2026-02-01', end: '2026-02-01', team: [{ person: lead, role: 'leader' }] });
  var visit = [s[0], s[1], s[3]];
  var a = m.case.audit({ type: 'initial', plannedStart: '2026-02-10', plannedEnd: '2026-02-12', sites: visit, team: [{ person: lead, role: 'leader' }] });
  var at = function (site, day) { return { activity: '服务特性（顾客接触点）测评', date: day || '2026-02-10', from: '09:00', to: '12:00', site: site, auditors: [lead], content: '顾客接触点 · ' + site.name }; };
  var done = function () { return audits.get(a.id).complete({ start: '2026-02-10', end: '2026-02-12' }); };
  a.plan({ date: '2026-02-05', items: [at(s[0]), at(s[1])] }); // the sampling plan forgets 服务网点3
  var e = kit.refusedWith(done, 'plan', '§6.2.5');
  assert.equal(e.refusals[0].numbers, { sites: [s[3].id] });
  a.plan({ date: '2026-02-06', notified: '2026-02-06', items: [at(s[0]), at(s[1]), at(s[3], '2026-02-13')] }); // a day after the audit's last
  e = kit.refusedWith(done, 'plan', '§6.2.5');
  assert.equal(e.refusals[0].numbers, { date: '2026-02-13' });
  a.plan({ date: '2026-02-07', notified: '2026-02-07', items: [at(s[0]), at(s[1], '2026-02-11'), at(s[3], '2026-02-12')] });
  assert.cites(done(), '§6.2.5');
});
