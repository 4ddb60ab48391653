// stdlib/register.test.js — the register API (stdlib/register.js over core.*): a whole
// certification cycle, and every bad input refused with a clear error and nothing written.
// The scheme here is a test double that follows the schemes contract with small round rules,
// so that these tests pin the register's own behaviour whatever the real schemes say.

var V = 'T/1';
// step(clause, text) → a why array of one step of the test scheme
function step(clause, text) { return [{ scheme: 'test-scheme', version: V, clause: clause, text: text }]; }

var CAUSES = {
  suspension: [{ code: 'uncorrected', clause: '§9.2(a)', text: 'nonconformity not corrected in time' },
    { code: 'licence-renewal', clause: '§9.2(e)', text: 'licence expired, renewal applied for' }],
  withdrawal: [{ code: 'unresolved', clause: '§9.3(a)', text: 'suspension expired unresolved' }],
  restoration: [{ code: 'corrected', clause: '§9.4', text: 'correction verified' }]
};

// The double's workflow is the ISO/IEC 17065 base as stdlib/workflow states it, read by the real interpreter.
var flow = require('stdlib/workflow');
var WORKFLOW = flow.define(flow.iso17065, { actions: [
  { code: 'suspension-limit', when: 'suspensionLimit', do: 'withdraw', forbids: ['restore'], clause: '§9.3(a)', text: 'withdraw at the limit' }] });
var LEVELS = [{ level: '达标级', stars: 0 }, { level: '三星级', stars: 3 }, { level: '四星级', stars: 4 }, { level: '五星级', stars: 5 }];
function cite(clause, text) { return { scheme: 'test-scheme', version: V, clause: clause, text: text }; }

var TEST_SCHEME = Object.freeze({
  id: 'test-scheme', version: V, title: 'test scheme', document: 'TEST-1', owner: 'tests', effective: '2020-01-01',
  workflow: WORKFLOW,
  transition: function (name, facts) { return flow.check(WORKFLOW, LEVELS, name, facts, cite); },
  requiredActions: function (facts) { return flow.actions(WORKFLOW, facts, function () { return null; }, cite); },
  causes: function (kind) { return (CAUSES[kind] || []).slice(); },
  toString: function () { return 'test-scheme@' + V; },
  manDays: function (f) {
    var t = f.employees <= 20 ? 3 : 7;
    return { total: t, onsite: t * 0.8, why: step('App. A', f.employees + ' employees: ' + t + ' man-days') };
  },
  grade: function (g) {
    var pass = g.score >= 70 && g.deductionItems < 5;
    var level = !pass ? null : g.score >= 95 ? '五星级' : g.score >= 90 ? '四星级' : g.score >= 80 ? '三星级' : '达标级';
    return { pass: pass, level: level, stars: level === '五星级' ? 5 : level === '四星级' ? 4 : level === '三星级' ? 3 : 0,
      why: step('§6.5', 'score ' + g.score + ' with ' + g.deductionItems + ' deduction items: ' + (level || 'fail')) };
  },
  certificateExpiry: function (d) {
    var e = date.addDays(date.addYears(d, 3), -1);
    return { date: e, why: step('§5', 'valid 3 years from the decision: ' + e) };
  },
  certificateNumber: function (n) {
    var number = 'T' + n.year + '-' + ('000' + n.seq).slice(-4);
    return { number: number, why: step('§6.7.1', 'number ' + number) };
  },
  deadline: function (name, from, o) {
    if (name === 'correction') return { date: date.addMonths(from, 2), why: step('§7.5', '2 months to correct') };
    if (name === 'suspensionLimit') {
      if (o && o.cause === 'licence-renewal') return { date: null, why: step('§9.3.2', 'until the licensing decision') };
      return { date: date.addMonths(from, 6), why: step('§9.3.2', 'at most 6 months') };
    }
    if (name === 'nonAcceptanceNotice') return { date: date.addDays(from, 5), why: step('§6.1.5', 'within 5 days') };
    if (name === 'appealAnswer') return { date: date.addDays(from, 60), why: step('§10', 'within 60 days') };
    var e = new Error('no deadline ' + name);
    e.code = 'invalid';
    e.field = 'name';
    throw e;
  },
  cause: function (kind, code) {
    var list = CAUSES[kind] || [];
    for (var i = 0; i < list.length; i++) {
      if (list[i].code === code) {
        return { kind: kind, code: code, clause: list[i].clause, text: list[i].text, why: step(list[i].clause, list[i].text) };
      }
    }
    var e = new Error('unknown ' + kind + ' cause ' + code + '; valid: ' + list.map(function (c) { return c.code; }).join(', '));
    e.code = 'invalid';
    e.field = 'cause';
    throw e;
  },
  eligibility: function (facts) {
    var refusals = [];
    if (facts.seriousIllegalList) refusals.push({ code: 'list', clause: '§6.1.4', text: 'on the serious-illegal list' });
    return { ok: refusals.length === 0, refusals: refusals, why: step('§6.1.4', refusals.length ? 'refused' : 'eligible') };
  }
});
// A scheme that states no grade rule, expiry or number: the register must refuse, not guess.
var BARE_SCHEME = Object.freeze({ id: 'bare', version: 'B/1', title: 'bare', effective: '2020-01-01', workflow: WORKFLOW,
  transition: function (name, facts) { return flow.check(WORKFLOW, [], name, facts, cite); },
  requiredActions: function () { return []; }, toString: function () { return 'bare@B/1'; } });

scheme = function (id) {
  var name = String(id).split('@')[0];
  if (name === 'test-scheme') return TEST_SCHEME;
  if (name === 'bare') return BARE_SCHEME;
  var e = new Error("unknown scheme '" + id + "'");
  e.code = 'not-found';
  e.field = 'scheme';
  throw e;
};

var USCC = '91110000600037341L';
var seq = 0;
// A fresh organisation with a valid code of its own (GB 32100 check character computed).
function newOrg(extra) {
  seq++;
  var base = '9133010' + ('000000000' + seq).slice(-9) + 'M';
  var o = { name: '杭州某某电器有限公司' + seq, uscc: base + uscc.check(base + '0').expected, staff: 120, address: '杭州市' };
  return orgs.create(Object.assign(o, extra || {}));
}
function events() { return sql('SELECT count(*) AS n FROM events')[0].n; }
// unchanged(fn, code, field) → the error: fn throws code naming field, and no event is written
function unchanged(fn, code, field) {
  var before = events();
  var e = assert.throws(fn, code);
  assert.equal(e.field, field, 'field named by: ' + e.message);
  assert.equal(events(), before, 'nothing written');
  return e;
}
// A case accepted and audited by `lead`, ready for a decision.
function auditedCase(lead) {
  var c = cases.apply({ org: newOrg(), scheme: 'test-scheme', scope: '家用电器的售后服务', date: '2026-01-05' });
  c.accept({ date: '2026-01-08' }).contract({ date: '2026-01-08', number: 'HT-' + c.id });
  var a = c.audit({ type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [{ person: lead, role: 'leader' }] });
  a.score({ score: 92, deductionItems: 1 });
  a.report({ date: '2026-02-13' });
  return c;
}

test('a whole cycle: application to withdrawal, every rule with its why, and the log verifies', function () {
  var org = orgs.create({ name: '杭州某某电器有限公司', uscc: USCC, staff: 120, address: '杭州市西湖区' });
  var lead = people.create({ name: '张三', roles: ['auditor'] }), boss = people.create({ name: '李四', roles: ['decider'] });
  var c = cases.apply({ org: org, scheme: 'test-scheme', scope: '家用电器的售后服务', grade: '五星级', date: '2026-01-05' });
  assert.equal([c.status, c.version, c.orgId], ['applied', V, org.id]);
  c = c.accept({ date: '2026-01-08' });
  assert.equal(c.status, 'accepted');
  assert.cites(c, '§6.1.4');
  c = c.contract({ date: '2026-01-09', number: 'HT-2026-001' });
  assert.equal([c.contracted, c.contractNumber], ['2026-01-09', 'HT-2026-001']);
  var a = c.audit({ type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [{ person: lead, role: 'leader' }] });
  assert.equal([a.manDays, a.onsiteDays, a.status, a.team[0].personId], [7, 5.6, 'done', lead.id]);
  assert.cites(a, 'App. A');
  var f = a.finding({ item: '5.3', kind: 'nonconformity', evidence: '维修记录不全' });
  assert.equal([f.raised, f.due, f.status], ['2026-02-12', '2026-04-12', 'open']);
  assert.cites(f, '§7.5');
  var s = a.score({ score: 92, deductionItems: 1 });
  assert.equal([s.pass, s.level, s.stars], [true, '四星级', 4]);
  assert.cites(s, '§6.5');
  f.close({ date: '2026-03-20' });
  a.report({ date: '2026-02-13' });
  var d = c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01' });
  var cert = d.certificate;
  assert.equal([cert.number, cert.grade, cert.stars, cert.issued, cert.expires, cert.status],
    ['T2026-0001', '四星级', 4, '2026-03-01', '2029-02-28', 'active']);
  assert.cites(d, '§5');
  assert.cites(cert, '§6.7.1');
  assert.equal(cases.get(c.id).status, 'certified');
  var susp = cert.suspend({ cause: 'uncorrected', date: '2026-06-01' });
  assert.equal([susp.status, susp.statusClause, susp.until], ['suspended', '§9.2(a)', '2026-12-01']);
  assert.cites(susp, '§9.3.2');
  assert.equal(cert.restore({ cause: 'corrected', date: '2026-07-01' }).status, 'active');
  var w = cert.withdraw({ cause: 'unresolved', date: '2026-09-01' });
  assert.equal([w.status, w.statusDate, w.number], ['withdrawn', '2026-09-01', 'T2026-0001']);
  assert.equal(cert.history().map(function (e) { return e.kind; }),
    ['certificate.issue', 'certificate.suspend', 'certificate.restore', 'certificate.withdraw']);
  var v = log.verify();
  assert.ok(v.ok, v.bad);
  assert.equal(v.events, events());
});

test('bad input: an invalid USCC is refused naming the code, and nothing is written', function () {
  var e = unchanged(function () { orgs.create({ name: '某公司', uscc: '91110000600037341A', staff: 5 }); }, 'invalid', 'uscc');
  assert.ok(/91110000600037341A/.test(e.message) && /'L'/.test(e.message), e.message);
});

test('a failing check character is accepted only with an override reason, which is recorded', function () {
  var o = orgs.create({ name: '试点公司', uscc: '91110000600037341A', usccOverride: '试点地区早期赋码', staff: 5 });
  assert.equal(o.usccOverride, '试点地区早期赋码');
  assert.equal(o.history()[0].payload.state.uscc_override, '试点地区早期赋码');
});

test('bad input: 2026-02-30 is not a date', function () {
  var org = newOrg();
  unchanged(function () { cases.apply({ org: org, scheme: 'test-scheme', scope: 'x', date: '2026-02-30' }); }, 'invalid', 'date');
});

test('bad input: an audit that ends before it starts', function () {
  var c = cases.apply({ org: newOrg(), scheme: 'test-scheme', scope: 'x', date: '2026-01-05' });
  c.accept({ date: '2026-01-06' }).contract({ date: '2026-01-06', number: 'HT-' + c.id });
  unchanged(function () { c.audit({ type: 'initial', start: '2026-02-12', end: '2026-02-10' }); }, 'invalid', 'end');
});

test.table('bad input: staff must be a whole number of people from 1 up', [[0], [-5], [1e12], [2.5], [NaN]], function (staff) {
  unchanged(function () { newOrg({ staff: staff }); }, 'invalid', 'staff');
});

test.table('bad input: a score must be a number from 0 to 100', [[101], [NaN], [-1], ['90']], function (value) {
  var c = cases.apply({ org: newOrg(), scheme: 'test-scheme', scope: 'x', date: '2026-01-05' });
  c.accept({ date: '2026-01-06' }).contract({ date: '2026-01-06', number: 'HT-' + c.id });
  var a = c.audit({ type: 'initial', start: '2026-02-10', end: '2026-02-12' });
  unchanged(function () { a.score({ score: value }); }, 'invalid', 'score');
});

test('bad input: an unknown scheme id', function () {
  var org = newOrg();
  var e = unchanged(function () { cases.apply({ org: org, scheme: 'no-such-scheme', scope: 'x' }); }, 'not-found', 'scheme');
  assert.ok(/no-such-scheme/.test(e.message), e.message);
});

test('bad input: a decider who was on the audit team (impartiality)', function () {
  var lead = people.create({ name: '张三', roles: ['auditor', 'decider'] });
  var c = auditedCase(lead);
  var e = unchanged(function () { c.decide({ by: [lead], outcome: 'certify', date: '2026-03-01' }); }, 'impartiality', 'by');
  assert.ok(/张三/.test(e.message) && /leader/.test(e.message), e.message);
  assert.equal(cases.get(c.id).status, 'accepted');
});

test('bad input: suspending a withdrawn certificate', function () {
  var boss = people.create({ name: '李四', roles: ['decider'] });
  var cert = auditedCase(people.create({ name: '王五' })).decide({ by: [boss], outcome: 'certify', date: '2026-03-01' }).certificate;
  cert.withdraw({ cause: 'unresolved', date: '2026-04-01' });
  var e = unchanged(function () { cert.suspend({ cause: 'uncorrected', date: '2026-05-01' }); }, 'illegal-transition', 'status');
  assert.ok(/withdrawn/.test(e.message), e.message);
  unchanged(function () { cert.restore({ date: '2026-05-01' }); }, 'illegal-transition', 'status');
});

test('bad input: a script that throws halfway through a multi-step command writes nothing', function () {
  var before = events(), orgsBefore = sql('SELECT count(*) AS n FROM orgs')[0].n;
  assert.throws(function () {
    transaction(function () {
      var org = newOrg();
      var c = cases.apply({ org: org, scheme: 'test-scheme', scope: 'x', date: '2026-01-05' });
      c.accept({ date: '2026-01-06' }).contract({ date: '2026-01-06', number: 'HT-' + c.id });
      throw new Error('the operator changed their mind');
    });
  }, /changed their mind/);
  assert.equal(events(), before);
  assert.equal(sql('SELECT count(*) AS n FROM orgs')[0].n, orgsBefore);
});

test('a decision whose certificate cannot be issued leaves no decision behind', function () {
  var boss = people.create({ name: '李四', roles: ['decider'] });
  var taken = auditedCase(people.create({ name: '赵六' })).decide({ by: [boss], outcome: 'certify', date: '2026-03-01' });
  var c = auditedCase(people.create({ name: '王五' }));
  // a scheme whose numbering hands out a number already in use: the issue fails after the
  // decision was written, and the whole command is rolled back
  var clashing = Object.assign({}, TEST_SCHEME, {
    certificateNumber: function () { return { number: taken.certificate.number, why: [] }; }
  });
  var real = scheme;
  scheme = function () { return clashing; };
  try {
    unchanged(function () { c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01' }); }, 'duplicate', 'number');
  } finally {
    scheme = real;
  }
  assert.equal(c.decisions().length, 0);
  assert.equal(cases.get(c.id).status, 'accepted');
});

test('an ineligible applicant is not accepted; the refusal cites the clause', function () {
  var c = cases.apply({ org: newOrg({ facts: { seriousIllegalList: true } }), scheme: 'test-scheme', scope: 'x', date: '2026-01-05' });
  var e = unchanged(function () { c.accept({ date: '2026-01-06' }).contract({ date: '2026-01-06', number: 'HT-' + c.id }); }, 'ineligible', 'facts');
  assert.ok(/§6\.1\.4/.test(e.message), e.message);
  var r = c.reject({ date: '2026-01-06', reason: '列入严重违法失信名单' });
  assert.equal([r.status, r.noticeBy], ['rejected', '2026-01-11']);
  unchanged(function () { r.audit({ type: 'initial', start: '2026-02-10', end: '2026-02-12' }); }, 'illegal-transition', 'case');
});

test('a scheme without a grade rule cannot score, and without expiry cannot certify: refused, not guessed', function () {
  var c = cases.apply({ org: newOrg(), scheme: 'bare', scope: 'x', date: '2026-01-05' });
  c.accept({ date: '2026-01-06' }).contract({ date: '2026-01-06', number: 'HT-' + c.id });
  var a = c.audit({ type: 'initial', start: '2026-02-10', end: '2026-02-12', manDays: 2, team: [{ person: people.create({ name: '审核员' }), role: 'leader' }] });
  a.report({ date: '2026-02-12' });
  unchanged(function () { a.score({ score: 90 }); }, 'unsupported', 'grade');
  unchanged(function () { a.finding({ kind: 'nonconformity', evidence: 'x' }); }, 'unsupported', 'due');
  var boss = people.create({ name: '李四', roles: ['decider'] });
  var e = unchanged(function () { c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01' }); }, 'refused', 'audit');
  assert.equal(e.guard, 'evaluated');
  unchanged(function () { c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01', conclusion: { conforms: true, why: [] } }); }, 'unsupported', 'certificateExpiry');
});

test('an unknown suspension cause is refused listing the valid codes', function () {
  var boss = people.create({ name: '李四', roles: ['decider'] });
  var cert = auditedCase(people.create({ name: '王五' })).decide({ by: [boss], outcome: 'certify', date: '2026-03-01' }).certificate;
  var e = unchanged(function () { cert.suspend({ cause: 'bored', date: '2026-05-01' }); }, 'invalid', 'cause');
  assert.ok(/uncorrected/.test(e.message), e.message);
  assert.equal(cert.suspend({ cause: 'licence-renewal', date: '2026-05-01' }).until, null);
});

test('scope extension keeps the number and expiry; recertification renews on the same number', function () {
  var boss = people.create({ name: '李四', roles: ['decider'] }), lead = people.create({ name: '王五' });
  var c = auditedCase(lead);
  var cert = c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01' }).certificate;
  var wider = cert.change({ scope: '家用电器和厨房电器的售后服务' });
  assert.equal([wider.number, wider.expires, wider.scope], [cert.number, cert.expires, '家用电器和厨房电器的售后服务']);
  var re = c.audit({ type: 'recertification', start: '2028-12-01', end: '2028-12-02', team: [{ person: lead, role: 'leader' }] });
  re.score({ score: 96 });
  re.report({ date: '2028-12-03' });
  var d = c.decide({ by: [boss], outcome: 'recertify', date: '2029-01-10' });
  assert.equal([d.certificate.number, d.certificate.issued, d.certificate.expires, d.grade],
    [cert.number, '2029-01-10', '2032-01-09', '五星级']);
  assert.equal(certificates.byNumber(cert.number).id, cert.id);
});

test('a failed audit cannot be certified', function () {
  var c = cases.apply({ org: newOrg(), scheme: 'test-scheme', scope: 'x', date: '2026-01-05' });
  c.accept({ date: '2026-01-06' }).contract({ date: '2026-01-06', number: 'HT-' + c.id });
  c.audit({ type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [{ person: people.create({ name: '审核员' }), role: 'leader' }] }).score({ score: 65 });
  c.audits()[0].report({ date: '2026-02-13' });
  var boss = people.create({ name: '李四', roles: ['decider'] });
  var e = unchanged(function () { c.decide({ by: [boss], outcome: 'certify', date: '2026-03-01' }); }, 'refused', 'score');
  assert.equal([e.guard, e.clause, e.refusals[0].numbers.score], ['passes', 'ISO/IEC 17065 §7.6', 65]);
  var r = unchanged(function () { c.decide({ by: [boss], outcome: 'refuse', date: '2026-03-01' }); }, 'refused', 'reason');
  assert.equal(r.guard, 'reason');
  var d = c.decide({ by: [boss], outcome: 'refuse', date: '2026-03-01', reason: '综合评分65分，低于70分' });
  assert.equal([d.positive, d.reason], [false, '综合评分65分，低于70分']);
  assert.equal(cases.get(c.id).status, 'refused');
});

test('an appeal gets its answer deadline from the scheme', function () {
  var m = matters.open({ kind: 'appeal', case: cases.list()[0], text: '对认证决定不服', date: '2026-03-10' });
  assert.equal(m.due, '2026-05-09');
  assert.cites(m, '§10');
  assert.equal(m.close({ date: '2026-04-01', outcome: '维持原决定' }).outcome, '维持原决定');
});

test('a misspelt field is refused rather than ignored', function () {
  unchanged(function () { orgs.create({ name: 'x', uscc: USCC, stafff: 10 }); }, 'invalid', 'stafff');
});
