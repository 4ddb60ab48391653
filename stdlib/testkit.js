// stdlib/testkit.js — small builders for tests that walk a scheme's workflow through the register:
// organisations with valid codes, auditors and deciders, a case up to its decision. Each test
// file runs on its own empty register; the builders only shorten what the register API says.
'use strict';

var plans = require('stdlib/plans');
var seq = 0;

// org(extra) → a new organisation with a USCC of its own (GB 32100 check character computed)
function org(extra) {
  seq++;
  var base = '9133010' + ('000000000' + seq).slice(-9) + 'M';
  return orgs.create(Object.assign({ name: '杭州测试' + seq + '有限公司', uscc: base + uscc.check(base + '0').expected, staff: 60,
    address: '杭州市西湖区' }, extra || {}));
}

// evaluator() → the person who evaluates the others' competence (one per test file)
var assessor = null;
function evaluator() { return assessor || (assessor = people.create({ name: '能力评价人员', roles: ['decider'] })); }

// competent(p, activities, from) → p, evaluated competent for each activity (every scheme) on from
// (default 2020-01-01) by the evaluator (CNAS C2.2 1))
function competent(p, activities, from) {
  activities.forEach(function (a) { p.assess({ kind: 'evaluation', activity: a, date: from || '2020-01-01', result: 'competent', by: evaluator() }); });
  return p;
}

// auditor() / decider() → a new person with that role, evaluated competent for it (audit and lead;
// decide); an auditor registered 2020-2030 in the after-sales field (DNI Annex 2: 02.03.01), or
// in `field` when given ('' for none)
function auditor(field) {
  seq++;
  return competent(people.create({ name: '审核员' + seq, roles: ['auditor'], registrations: [{ number: 'CCAA-' + seq,
    fieldCode: field === undefined ? '02.03.01' : field, from: '2020-01-01', to: '2030-12-31' }] }), ['audit', 'lead']);
}
function decider() { seq++; return competent(people.create({ name: '决定人' + seq, roles: ['decider'] }), ['decide']); }

// reviewer() → the person who checks applications' eligibility facts (one per test file)
var checker = null;
function reviewer() { return checker || (checker = people.create({ name: '申请评审员', roles: ['decider'] })); }

// accepted(schemeId, {grade, shops, orgFacts, applied, contract: false}) → an accepted case of a new
// organisation, with its certification contract signed the day after acceptance (unless contract: false)
function accepted(schemeId, o) {
  o = o || {};
  var who = org(o.org);
  var c = cases.apply({ org: who, scheme: schemeId, scope: o.scope || '家用电器的售后服务', grade: o.grade, shops: o.shops,
    date: o.applied || '2026-01-05' });
  c = c.accept({ date: date.addDays(c.applied, 3), checkedBy: reviewer() });
  return o.contract === false ? c : c.contract({ date: date.addDays(c.applied, 4), number: 'HT-' + c.id });
}

// manager() → the person who runs the audit programme and assigns the teams (one per test file)
var programmer = null;
function manager() { return programmer || (programmer = people.create({ name: '审查方案管理人员', roles: ['decider'] })); }

// planned(o) → case.audit's options o with, for an on-site audit that takes place, the assignment
// and the written plan the schemes ask first (CFC §7.2.5, §7.3; CAS §6.2.5; DNI §5.3.1.4), both
// dated the day before it starts (stdlib/plans.planned, the manager assigning)
function planned(o) { return plans.planned(o, null, manager()); }

// audited(c, type, start, score, items, mode) → the audit of case c done from start (two days),
// with its score when score is a number; an initial audit gets the document review before it
function audited(c, type, start, score, items, mode) {
  if (type === 'initial' && !sql("SELECT 1 FROM audits WHERE case_id = ? AND type = 'document'", c.id).length) {
    c.audit({ type: 'document', start: date.addDays(start, -7), end: date.addDays(start, -7), team: [{ person: auditor(), role: 'leader' }] });
  }
  var table = typeof c.rules().manDays === 'function' && type !== 'document'; // the scheme's time, else 2 as the team decides
  var a = c.audit(planned({ type: type, mode: mode, start: start, end: date.addDays(start, 2), manDays: table ? undefined : 2, team: [{ person: auditor(), role: 'leader' }] }));
  if (typeof score === 'number') a.score({ score: score, deductionItems: items || 0 });
  return a.report({ date: a.end }); // the leader's report, the day the audit ends
}

// certified(schemeId, {grade, score, items, decided}) → {case, certificate, boss}: a case applied,
// accepted, audited (initial, scored) and certified on `decided` (default 2026-03-01)
function certified(schemeId, o) {
  o = o || {};
  var c = accepted(schemeId, o);
  audited(c, 'initial', '2026-02-10', o.score === undefined ? 92 : o.score, o.items);
  var boss = decider();
  var d = c.decide({ by: [boss], outcome: 'certify', date: o.decided || '2026-03-01' });
  return { case: c, certificate: d.certificate, boss: boss, decision: d };
}

// refusedWith(fn, guard, clause) → the error: fn is refused by the workflow's guard citing clause
function refusedWith(fn, guard, clause) {
  var e = assert.throws(fn, 'refused');
  assert.equal(e.guard, guard, 'guard of: ' + e.message);
  assert.equal(e.clause, clause, 'clause of: ' + e.message);
  return e;
}

// pendingCodes(cert, on) → the codes of the required actions pending on the certificate on `on`
function pendingCodes(cert, on) { return cert.actions(on).map(function (a) { return a.code; }); }

exports.org = org;
exports.auditor = auditor;
exports.decider = decider;
exports.accepted = accepted;
exports.audited = audited;
exports.planned = planned;
exports.manager = manager;
exports.competent = competent;
exports.evaluator = evaluator;
exports.certified = certified;
exports.refusedWith = refusedWith;
exports.pendingCodes = pendingCodes;
