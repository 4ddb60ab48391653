// CNAS-SCXX 电子商务交易服务认证机构认可方案 (draft, seed 000): each test is a case the clause
// describes, then what the scheme answers.
var kit = require('stdlib/testkit');
var s = scheme('cnas-ecommerce');

test('the scheme names its document, criteria and scope (1.2: B2C, tangible goods)', function () {
  assert.equal([s.id, s.version, s.document], ['cnas-ecommerce', 'draft', 'CNAS-SCXX (征求意见稿)']);
  assert.equal(s.criteria, ['gbt31524']);
  assert.equal(s.model.scope.clause, '1.2');
  assert.ok(s.model.scope.text.indexOf('B2C') >= 0 && s.model.scope.text.indexOf('有形商品') >= 0);
  assert.equal(s.model.activities.map(function (a) { return a.clause; }), ['C3.4.1', 'C3.4.2']);
  // no rule the draft does not state
  ['manDays', 'grade', 'certificateExpiry', 'certificateNumber', 'surveillance', 'deadline'].forEach(function (m) {
    assert.equal(typeof s[m], 'undefined', m);
  });
});

// ---- C3.1 application ----

test('C3.1.1: a seller with legal status, licences, a secure system, a complaint mechanism and both commitments, not on the list, may apply', function () {
  var r = s.eligibility({ legalStatus: true, licence: true, itSystem: true, complaintMechanism: true, safetyCommitment: true,
    privacyCommitment: true, seriousDishonestyList: false, tangibleGoods: true, model: 'B2C' });
  assert.equal([r.ok, r.refusals, r.unchecked], [true, [], []]);
  assert.cites(r, 'C3.1.1 6)');
});

test.table('C3.1.1: each missing condition refuses the application, citing its item', [
  [{ seriousDishonestyList: true }, 'serious-dishonesty-list', 'C3.1.1 6)'],
  [{ licence: false }, 'no-licence', 'C3.1.1 2)'],
  [{ itSystem: false }, 'no-secure-system', 'C3.1.1 3)'],
  [{ privacyCommitment: false }, 'no-privacy-commitment', 'C3.1.1 5) b)'],
  [{ tangibleGoods: false }, 'not-tangible-goods', '1.2'],
  [{ model: 'B2B' }, 'not-b2c', '1.2']
], function (facts, code, clause) {
  var r = s.eligibility(facts);
  assert.equal(r.ok, false);
  assert.equal(r.refusals.map(function (x) { return [x.code, x.clause]; }), [[code, clause]]);
});

test('C3.1.1 注: a third party serving C2C trade online may apply; facts not given are left to the reviewer', function () {
  var r = s.eligibility({ model: 'C2C-platform' });
  assert.equal(r.ok, true);
  assert.cites(r, 'C3.1.1 注');
  assert.ok(r.unchecked.indexOf('licence') >= 0 && r.unchecked.indexOf('seriousDishonestyList') >= 0);
  assert.ok(s.eligibility({}).unchecked.indexOf('model') >= 0);
});

test('C3.1.2: the application gives the shop domain and the platform; C3.5: the report has eleven items', function () {
  var app = s.requires('application');
  assert.equal(app[0].clause, 'C3.1.2 1)');
  assert.ok(app[0].item.indexOf('网店域名') >= 0 && app[0].item.indexOf('电子商务平台') >= 0, app[0].item);
  assert.ok(/物流服务、支付服务/.test(app[4].item));
  var rep = s.requires('report');
  assert.equal(rep.map(function (x) { return x.clause; }),
    ['C3.5 1)', 'C3.5 2)', 'C3.5 3)', 'C3.5 4)', 'C3.5 5)', 'C3.5 6)', 'C3.5 7)', 'C3.5 8)', 'C3.5 9)', 'C3.5 10)', 'C3.5 11)']);
  assert.ok(rep[6].item.indexOf('服务要求测评结果') === 0);
});

// ---- C3.4 evaluation, C3.8 initial certification ----

test('C3.8: an initial certification planned with the service management audit alone is incomplete', function () {
  var r = s.evaluation({ audit: 'initial', activities: ['management-audit'] });
  assert.equal([r.ok, r.missing], [false, ['requirement-assessment']]);
  assert.cites(r, 'C3.8');
  assert.cites(r, 'C3.4.2');
  var both = s.evaluation({ audit: 'initial', activities: ['management-audit', 'requirement-assessment'] });
  assert.equal([both.ok, both.missing, both.required], [true, [], ['management-audit', 'requirement-assessment']]);
});

test('C3.9.1 and C3.11: a surveillance or an extension may use one activity, as the body decides', function () {
  var sv = s.evaluation({ audit: 'surveillance', activities: ['requirement-assessment'] });
  assert.equal([sv.ok, sv.required], [true, []]);
  assert.cites(sv, 'C3.9.1');
  assert.cites(s.evaluation({ audit: 'extension', activities: ['management-audit'] }), 'C3.11');
});

test('C3.10: recertification plans both activities again (position shown in why)', function () {
  var r = s.evaluation({ audit: 'recertification', activities: ['requirement-assessment'] });
  assert.equal(r.missing, ['management-audit']);
  assert.ok(r.why.some(function (w) { return w.clause === 'C3.10' && /^position:/.test(w.text); }));
});

test('C3.4.1.2–3: a service management audit done remotely needs a justification and agreed information security', function () {
  var r = s.evaluation({ audit: 'initial', activities: ['management-audit', 'requirement-assessment'], managementAudit: { mode: 'remote' } });
  assert.equal(r.ok, false);
  assert.equal(r.problems.map(function (p) { return p.clause; }), ['C3.4.1.2', 'C3.4.1.3']);
  var fine = s.evaluation({ audit: 'initial', activities: ['management-audit', 'requirement-assessment'],
    managementAudit: { mode: 'remote', justification: '申请人无固定经营场所，全部业务在线进行', securityAgreed: true } });
  assert.equal([fine.ok, fine.problems], [true, []]);
  assert.equal(s.evaluation({ audit: 'initial', activities: ['management-audit', 'requirement-assessment'], managementAudit: { mode: 'onsite' } }).ok, true);
});

test('C3.4.1.1: the service management audit covers ten areas, each checked against GB/T 31524', function () {
  var c = s.checklist();
  assert.equal(c.areas.map(function (a) { return a.clause; }),
    ['C3.4.1.1 1)', 'C3.4.1.1 2)', 'C3.4.1.1 3)', 'C3.4.1.1 4)', 'C3.4.1.1 5)', 'C3.4.1.1 6)', 'C3.4.1.1 7)', 'C3.4.1.1 8)', 'C3.4.1.1 9)', 'C3.4.1.1 10)']);
  assert.equal(c.areas[5].points, ['a) 商品或服务信息管理', 'b) 商品或服务质量管理', 'c) 订单管理', 'd) 价格管理', 'e) 支付结算', 'f) 仓储和配送服务', 'g) 售后服务']);
  assert.ok(c.areas[5].gbt31524.indexOf('6.6') >= 0, 'orders: GB/T 31524 6.6 订单确认过程的控制');
  // area 1 is conformity with the whole standard: every clause on the seller's checklist
  assert.equal(c.areas[0].gbt31524, c.items.map(function (r) { return r.clause; }));
  assert.cites(c, 'C3.4.1.1');
  assert.cites(c, '§6');
});

test('C3.4.1.1 4): on its own platform the seller\'s infrastructure is checked against GB/T 31524 chapter 10', function () {
  assert.equal(s.checklist().areas[3].gbt31524, ['6.3']);
  assert.equal(s.checklist({ ownPlatform: true }).areas[3].gbt31524, ['6.3', '10.1', '10.2', '10.6']);
});

test('C3.4.2: the service requirement assessment covers five stages, usually online', function () {
  assert.equal(s.model.assessment.stages.map(function (x) { return x.stage; }), ['交易前阶段', '交易中阶段', '交易后阶段', '顾客服务', '顾客数据管理']);
  assert.equal(s.model.assessment.methods, ['暗访（神秘顾客购买）', '既往服务足迹验证', '顾客调查']);
});

// ---- C3.5 conclusion, C3.6 decision ----

var BOTH = { 'management-audit': { conforms: true }, 'requirement-assessment': { conforms: true } };

test('C3.5 9): both activities conform, so the report states conformity and a certificate may be granted', function () {
  var r = s.conclusion({ audit: 'initial', results: BOTH });
  assert.equal([r.conforms, r.reasons], [true, []]);
  assert.ok(/^符合认证要求/.test(r.statement), r.statement);
  assert.cites(r, 'C3.5 9)');
  assert.cites(r, 'C3.6.2');
});

test('C3.6.2: a mystery purchase that fails means no certificate, and the reason is written', function () {
  var r = s.conclusion({ audit: 'initial', results: { 'management-audit': { conforms: true },
    'requirement-assessment': { conforms: false, reason: '暗访购买的商品与网页描述不符，退货申请7日未处理' } } });
  assert.equal(r.conforms, false);
  assert.equal(r.reasons, ['服务要求测评: 暗访购买的商品与网页描述不符，退货申请7日未处理']);
  var e = assert.throws(function () {
    s.conclusion({ audit: 'initial', results: { 'management-audit': { conforms: true }, 'requirement-assessment': { conforms: false } } });
  }, 'invalid');
  assert.equal(e.field, 'results.requirement-assessment.reason');
});

test('C3.8: no initial conclusion on the service management audit alone', function () {
  var e = assert.throws(function () { s.conclusion({ audit: 'initial', results: { 'management-audit': { conforms: true } } }); }, 'incomplete');
  assert.equal(e.field, 'results');
  assert.ok(/服务要求测评/.test(e.message), e.message);
});

// ---- C3.7 certificate ----

var CERT = { body: '某认证有限公司', bodyAddress: '北京市朝阳区', certificationMark: 'ECS', accreditationMark: 'CNAS',
  holder: '杭州某某电子商务有限公司', shops: [{ domain: 'mall.example.com', platform: '天猫' }], scope: ['家用电器网络零售'],
  standards: ['GB/T 31524'], issued: '2026-03-01', number: 'ECS-2026-0001' };

test('C3.7.1: a certificate naming the holder, shop domain and platform, scope, standards, date and number is complete', function () {
  var r = s.checkCertificate(CERT);
  assert.equal([r.ok, r.missing], [true, []]);
  assert.ok(s.requires('certificate')[2].item.indexOf('网店域名和电子商务平台') >= 0);
});

test('C3.7.1 3): a certificate without the shop domain and platform is incomplete', function () {
  var c = Object.assign({}, CERT, { shops: [] });
  var r = s.checkCertificate(c);
  assert.equal(r.ok, false);
  assert.equal(r.missing.map(function (m) { return [m.clause, m.fields]; }), [['C3.7.1 3)', ['shops']]]);
  var e = assert.throws(function () { s.checkCertificate(Object.assign({}, CERT, { shops: [{ domain: 'mall.example.com' }] })); }, 'invalid');
  assert.equal(e.field, 'shops[0].platform');
});

// ---- C3.9 surveillance, C3.11 extension ----

test('C3.9.2: complaints and platform penalties flag the surveillance programme for review; complexity alone does not', function () {
  var r = s.surveillanceFactors({ complaints: 3, platformPenalties: 1 });
  assert.equal(r.review, true);
  assert.equal(r.factors.filter(function (f) { return f.present; }).map(function (f) { return f.fact; }), ['complaints', 'platformPenalties']);
  assert.cites(r, 'C3.9.2');
  assert.equal(s.surveillanceFactors({ complexity: 'high', complaints: 0 }).review, false);
  var e = assert.throws(function () { s.surveillanceFactors({ refunds: 2 }); }, 'invalid');
  assert.equal(e.field, 'refunds');
});

test('C3.11: an extension adds a service category and a shop on a new platform; the certificate lists every shop', function () {
  var r = s.extendScope({ current: { scope: '家用电器网络零售', shops: [{ domain: 'mall.example.com', platform: '天猫' }] },
    add: { categories: ['小家电网络零售'], shops: [{ domain: 'Shop.Example.CN', platform: '拼多多' }] } });
  assert.equal(r.scope, ['家用电器网络零售', '小家电网络零售']);
  assert.equal(r.shops, [{ domain: 'mall.example.com', platform: '天猫' }, { domain: 'shop.example.cn', platform: '拼多多' }]);
  assert.equal(r.added.platforms, ['拼多多']);
  assert.cites(r, 'C3.11 注');
  assert.cites(r, 'C3.7.1 3)');
});

test('C3.11: an extension that adds nothing, or a shop already certified, is refused', function () {
  var cur = { scope: '家用电器网络零售', shops: [{ domain: 'mall.example.com', platform: '天猫' }] };
  assert.equal(assert.throws(function () { s.extendScope({ current: cur, add: {} }); }, 'invalid').field, 'add');
  assert.equal(assert.throws(function () {
    s.extendScope({ current: cur, add: { shops: [{ domain: 'MALL.example.com', platform: '京东' }] } });
  }, 'duplicate').field, 'add.shops');
  assert.equal(assert.throws(function () {
    s.extendScope({ current: cur, add: { shops: [{ domain: 'not a domain', platform: '京东' }] } });
  }, 'invalid').field, 'add.shops[0].domain');
});

// ---- R6.2 events and measures ----

test.table('R6.2: after each event the body acts at once, may take any of the four measures, and tells CNAS', [
  ['media-exposure', 'R6.2 1)'],
  ['spot-check-violation', 'R6.2 2)'],
  ['major-incident', 'R6.2 2)'],
  ['consumer-harm', 'R6.2 3)'],
  ['other-serious', 'R6.2 4)']
], function (code, clause) {
  var m = s.measures(code);
  assert.equal(m.event.clause, clause);
  assert.equal(m.measures.map(function (x) { return x.code; }), ['suspend-until-remedied', 'reduce-scope', 'withdraw', 'increase-surveillance']);
  assert.equal(m.notify, 'CNAS');
  assert.cites(m, clause);
  assert.cites(m, 'R6.2 注');
  assert.ok(m.why.some(function (w) { return w.clause === 'R6.2 注' && /^position:/.test(w.text); }), 'the reading of the note is shown');
});

test('R6.2: an event the clause does not list is refused, naming the valid ones', function () {
  var e = assert.throws(function () { s.measures('bad-review'); }, 'invalid');
  assert.equal(e.field, 'event');
  assert.ok(/media-exposure \(R6\.2 1\)\)/.test(e.message), e.message);
});

test('R6.2 注 and C3.7.3: suspension until remedied, withdrawal and restoration have coded causes', function () {
  assert.equal(s.cause('incident', 'major-incident').clause, 'R6.2 2)');
  assert.equal(s.cause('suspension', 'r62-event').clause, 'R6.2 注');
  assert.equal(s.cause('withdrawal', 'misuse').clause, 'C3.7.3 注');
  assert.equal(s.causes('restoration').map(function (c) { return c.code; }), ['remedied']);
  assert.equal(assert.throws(function () { s.cause('suspension', 'late-fee'); }, 'invalid').field, 'cause');
});

// ---- R1.1.1 3): three complete certification projects before applying for accreditation ----

// A body's own scheme under the CNAS draft supplies what the draft leaves to it (C1.2).
var body = defineScheme({
  extends: s, id: 'acme-ecommerce', version: 'A/1', effective: '2024-01-01', title: '某认证公司电子商务交易服务认证规则',
  validity: { years: 3, clause: 'ACME §5', text: 'the body\'s own rule' },
  numbering: { pattern: 'ECS-{year}-{seq:4}', clause: 'ACME §6' }
});
var seq = 0;
// project(outcome, date) → a case of the body's scheme, audited and decided on date
function project(outcome, date, scope) {
  seq++;
  var base = '9133010' + ('000000000' + seq).slice(-9) + 'M';
  var o = orgs.create({ name: '杭州网店' + seq + '有限公司', uscc: base + uscc.check(base + '0').expected, staff: 30,
    shops: [{ domain: 'shop' + seq + '.example.com', platform: '天猫' }] });
  var c = cases.apply({ org: o, scheme: 'acme-ecommerce', scope: scope || '家用电器网络零售', shops: o.shops, date: '2025-01-06' });
  var lead = kit.competent(people.create({ name: '审核员' + seq, roles: ['auditor'] }), ['audit']); // C2.2 1)
  var boss = kit.competent(people.create({ name: '决定人' + seq, roles: ['decider'] }), ['decide']); // C2.5
  c.accept({ date: '2025-01-08', checkedBy: boss }); // C3.1.1: the facts not stated on the seller, checked by the reviewer
  c.contract({ date: '2025-01-09', number: 'HT-' + c.id });
  c.audit({ type: 'initial', start: '2025-02-10', end: '2025-02-11', manDays: 2, team: [{ person: lead, role: 'leader' }] }).report({ date: '2025-02-12' }); // C3.5
  var ok = outcome === 'certify';
  var cc = s.conclusion({ audit: 'initial', results: { 'management-audit': { conforms: true },
    'requirement-assessment': ok ? { conforms: true } : { conforms: false, reason: '暗访购买的商品与网页描述不符' } } });
  return c.decide({ by: [boss], outcome: outcome, date: date, conclusion: cc, reason: ok ? undefined : cc.reasons.join('; ') });
}

test('R1.1.1 3): two completed projects are not enough; the third makes the body ready to apply', function () {
  var d1 = project('certify', '2025-03-01');
  assert.equal(d1.certificate.shops, [{ domain: 'shop1.example.com', platform: '天猫' }], 'C3.7.1 3): the certificate carries the shop');
  project('refuse', '2025-04-01');
  var r = body.accreditationReadiness({ asOf: '2025-04-30' });
  assert.equal([r.ok, r.completed, r.needed], [false, 2, 3]);
  assert.cites(r, 'R1.1.1 3)');
  project('certify', '2025-05-20');
  assert.equal(body.accreditationReadiness({ asOf: '2025-04-30' }).completed, 2, 'a later decision does not count earlier');
  var ok = body.accreditationReadiness({ asOf: '2025-06-01' });
  assert.equal([ok.ok, ok.completed], [true, 3]);
  assert.equal(ok.projects.map(function (p) { return p.certified; }), [true, false, true]);
  assert.equal(body.accreditationReadiness({ asOf: '2025-06-01', scope: '服装' }).completed, 0, 'only projects in the scope applied for');
  assert.equal(s.accreditationReadiness({ asOf: '2025-06-01' }).completed, 0, 'projects are counted per scheme');
});

test('bad input is refused naming the field', function () {
  assert.equal(assert.throws(function () { s.evaluation({ audit: 'initial', activities: ['mystery-shopping'] }); }, 'invalid').field, 'activities[0]');
  assert.equal(assert.throws(function () { s.evaluation({ audit: 'annual', activities: [] }); }, 'invalid').field, 'audit');
  assert.equal(assert.throws(function () { s.evaluation({ audit: 'initial', activities: [], managementAudit: { mode: 'video' } }); }, 'invalid').field, 'managementAudit.mode');
  assert.equal(assert.throws(function () { s.accreditationReadiness({ asOf: '2025-13-01' }); }, 'invalid').field, 'asOf');
  assert.equal(assert.throws(function () { s.checkCertificate('ECS-1'); }, 'invalid').field, 'certificate');
});
