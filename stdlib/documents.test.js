// stdlib/documents.test.js — the body's profile and certificate documents as data: each scheme's
// layout (its `certificate` section) filled from the register in the document's order, the
// body's profile required, only active certificates, and the layout language's own checks. The
// tests of a file share one register: the first runs before the profile is set.
var kit = require('stdlib/testkit');

function profile() {
  return body.set({ name: '示例认证机构有限公司', address: '北京市朝阳区示例路1号', approval: 'CNCA-R-2026-001',
    registerUrl: 'https://cert.example.cn/register.html#{number}', signatory: '张三' });
}

test('no profile, no certificate; an unknown number is refused', function () {
  var c = kit.certified('dni-aftersales', { grade: '达标级', score: 75 }).certificate;
  assert.throws(function () { documents.certificate(c.number); }, /profile is not set/);
  assert.throws(function () { body.set({ name: '示例' }); }, /address is required/);
  profile();
  assert.equal(documents.certificate(c.number).lines[0].label, '注册号');
  assert.throws(function () { documents.certificate('NO-1'); }, /no certificate numbered "NO-1"/);
});

test('body: the profile is changed field by field; a misspelt field or a URL without {number} is refused', function () {
  assert.throws(function () { body.set({ nam: '示例' }); }, /unknown field 'nam'/);
  assert.equal(body.set({ phone: '010-12345678' }).name, '示例认证机构有限公司');
  assert.equal(body.get().phone, '010-12345678');
  assert.equal(body.url('CAS-SV-2026-00001'), 'https://cert.example.cn/register.html#CAS-SV-2026-00001');
  assert.throws(function () { body.set({ registerUrl: 'https://x.cn/' }); }, /must be an http\(s\) URL holding \{number\}/);
  assert.ok(log.verify().ok);
});

test('CAS §6.7.1: the certificate lists its fields in the document\'s order, each from the register, with the clause', function () {
  profile();
  var k = kit.certified('cas-service', { grade: '五星级', score: 97 }), c = k.certificate, o = c.org();
  var d = documents.certificate(c.number);
  assert.equal(d.title, '服务认证证书');
  assert.equal(d.lines.map(function (l) { return l.label; }), ['CAS 的名称', '获证组织的名称', '地址', '服务提供场所的地址', '认证范围',
    '服务认证依据的标准', '发证日期', '认证有效期', '证书编号', '服务认证的星级']);
  assert.equal(d.lines[1].value, o.name);
  assert.equal(d.lines[8].value, c.number);
  assert.equal(d.lines[9].value, '五星级 ★★★★★');
  assert.equal(d.lines[6].value, documents.zhDate(c.issued));
  assert.equal(d.qr, 'https://cert.example.cn/register.html#' + c.number);
  assert.ok(d.notes.some(function (n) { return n.indexOf('www.cnca.gov.cn') >= 0; }));
  assert.cites(d, '§6.7.1 8)');
  assert.equal([d.edition, d.changed, d.subtitle], [1, null, null]);
});

test('CAS §6.7.1 3) 服务提供场所的地址: the site records open on the issue date, the central function first', function () {
  profile();
  var c = kit.accepted('cas-service'), who = c.org();
  var hq = who.addSite({ name: '总部', address: '杭州市西湖区文三路1号', central: true, opened: '2020-01-01' });
  who.addSite({ name: '滨江服务网点', address: '杭州市滨江区江南大道2号', opened: '2020-01-01' });
  who.addSite({ name: '已关闭网点', address: '杭州市上城区3号', opened: '2020-01-01' }).close({ date: '2025-12-31' });
  c.audit({ type: 'document', start: '2026-02-01', end: '2026-02-01', team: [{ person: kit.auditor(), role: 'leader' }] });
  var sites = who.sitesOn('2026-02-10').map(function (x) { return x.id; });
  var a = c.audit(kit.planned({ type: 'initial', start: '2026-02-10', end: '2026-02-12', sites: sites, team: [{ person: kit.auditor(), role: 'leader' }] }));
  a.score({ score: 92, deductionItems: 0 });
  a.report({ date: '2026-02-13' });
  var cert = c.decide({ by: [kit.decider()], outcome: 'certify', date: '2026-03-01' }).certificate;
  var line = documents.certificate(cert.number).lines.filter(function (l) { return l.label === '服务提供场所的地址'; })[0];
  assert.equal(line.value, '总部：杭州市西湖区文三路1号；滨江服务网点：杭州市滨江区江南大道2号');
  assert.equal(hq.central, 1);
});

test('CFC §9.3: a changed certificate is a new edition dated by its change; a suspended one gets no document', function () {
  profile();
  var c = kit.certified('cfc-sc14', { grade: '三星级', score: 85 }).certificate;
  assert.equal(documents.certificate(c.number).lines.map(function (l) { return l.label; }).indexOf('换证日期'), -1);
  c.change({ scope: '家用电器的售后服务' });
  var d = documents.certificate(c.number);
  assert.equal(d.edition, 2);
  assert.equal(d.lines.filter(function (l) { return l.label === '换证日期'; })[0].value, documents.zhDate(today()));
  assert.ok(d.subtitle.indexOf('第 2 版') === 0);
  c.suspend({ cause: c.rules().causes('suspension')[0].code, date: today() });
  assert.throws(function () { documents.certificate(c.number); }, /is suspended since/);
});

test('the layout language: a misspelt field, a missing label or clause is refused naming it', function () {
  var base = { id: 'doc-test', version: '1', effective: '2020-01-01', title: 't' };
  function define(cert) { return defineScheme(Object.assign({}, base, { version: String(Math.random()), certificate: cert })); }
  assert.throws(function () { define({ clause: '§1', title: 'T', fields: [{ field: 'holdr', label: 'x', clause: '§1' }] }); }, /certificate.fields\[0\].field: unknown field "holdr"/);
  assert.throws(function () { define({ clause: '§1', title: 'T', fields: [{ field: 'holder', clause: '§1' }] }); }, /certificate.fields\[0\].label/);
  assert.throws(function () { define({ clause: '§1', title: 'T', fields: [{ field: 'holder', label: 'x' }] }); }, /certificate.fields\[0\].clause/);
  assert.throws(function () { define({ clause: '§1', title: 'T', fields: [{ field: 'standard', label: 'x', clause: '§1' }] }); }, /value/);
  assert.throws(function () { define({ clause: '§1', title: 'T', fieldz: [] }); }, /unknown key 'fieldz'/);
});
