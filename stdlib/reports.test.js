// stdlib/reports.test.js — the reports' engine on a register built here: the CNCA month's rows
// from the register, only what was not reported before (what core.report.record keeps), a bad
// row refused naming sheet, row, column and value, the due date, the IAF and statistics
// templates. (Writing the workbook is tests/e2e_report.sh's, read back with openpyxl.)
var kit = require('stdlib/testkit');
var reports = require('stdlib/reports');

function sheet(r, name) { return r.sheets.filter(function (s) { return s.name === name; })[0]; }
function column(s, header) { var i = s.headers.indexOf(header); return s.rows.map(function (row) { return row[i]; }); }

test('CNCA: the month of a certification holds its certificate, as the register has it, and its audits', function () {
  var k = kit.certified('cas-service', { grade: '五星级', score: 97, decided: '2026-03-01' }), c = k.certificate;
  var r = reports.build('cnca', { month: '2026-03' });
  var certs = sheet(r, '证书信息');
  assert.equal(column(certs, '证书编号'), [c.number]);
  assert.equal(column(certs, '统一社会信用代码'), [c.org().uscc]);
  assert.equal(column(certs, '证书状态'), ['有效']);
  assert.equal(column(certs, '认证等级'), ['五星级']);
  assert.equal(sheet(r, '证书状态变更').rows.length, 0);
  var audits = sql("SELECT count(*) AS n FROM audits WHERE status = 'done' AND actual_end BETWEEN '2026-02-01' AND '2026-02-28'")[0].n;
  assert.equal(sheet(reports.build('cnca', { month: '2026-02' }), '审核结果').rows.length, audits);
  assert.ok(audits > 0);
});

test('CNCA: what was recorded is not reported again, unless all is asked', function () {
  kit.certified('dni-aftersales', { grade: '达标级', score: 75, decided: '2026-04-01' }).certificate;
  var r = reports.build('cnca', { month: '2026-04' }), items = [];
  r.sheets.forEach(function (s) { items = items.concat(s.items); });
  assert.ok(items.length >= 1);
  core.report.record({ kind: 'cnca', period: '2026-04', date: '2026-05-05', items: items });
  var again = reports.build('cnca', { month: '2026-04' });
  assert.equal([again.total, again.skipped], [0, items.length]);
  assert.equal(reports.build('cnca', { month: '2026-04', all: true }).total, items.length);
  assert.ok(log.verify().ok);
});

test('a bad row is refused naming the sheet, the row, the column and the value', function () {
  var k = kit.certified('cas-service', { grade: '达标', score: 80, decided: '2026-06-01' });
  var lead = sql("SELECT person_id AS p FROM audit_team t JOIN audits a ON a.id = t.audit_id WHERE a.case_id = ? AND t.role = 'leader' LIMIT 1", k.case.id)[0].p;
  core.audit.create({ case: k.case.id, type: 'special', mode: 'telephone', plannedStart: '2026-07-02', plannedEnd: '2026-07-03', team: [{ person: lead, role: 'leader' }] });
  assert.throws(function () { reports.build('cnca', { month: '2026-07' }); }, /sheet 审核计划 row 2 \(audit:\d+\) column 审核方式: "telephone" is not one of 现场, 远程, 现场\+远程/);
});

test('periods: a month, a range, a date; the CNCA report is due on the 10th of the next month', function () {
  assert.throws(function () { reports.build('cnca', { month: '2026-13' }); }, /--month YYYY-MM/);
  assert.throws(function () { reports.build('cnca', { from: '2026-05-01', to: '2026-04-01' }); }, /from before to/);
  assert.equal(reports.build('cnca', { from: '2026-03-01', to: '2026-04-30' }).period, '2026-03-01..2026-04-30');
  assert.throws(function () { reports.build('nope', {}); }, /unknown report "nope"/);
  assert.throws(function () { reports.build('statistics', { month: '2026-03' }); }, /of one date/);
  assert.equal(reports.due('cnca', '2026-11'), '2026-12-10');
  assert.equal(reports.due('cnca', '2026-12'), '2027-01-10');
  assert.equal(reports.due('iaf', '2026-12'), null);
  var p = reports.pending('2026-12-11');
  assert.equal(p.map(function (x) { return [x.kind, x.period, x.due, x.overdue]; }), [['cnca', '2026-11', '2026-12-10', true]]);
  core.report.record({ kind: 'cnca', period: '2026-11', date: '2026-12-11', items: [] });
  assert.equal(reports.pending('2026-12-11'), []);
});

test('IAF CertSearch needs the body; statistics count the live certificates by scheme and scope', function () {
  assert.throws(function () { reports.build('iaf', { month: '2026-03' }); }, /profile is not set/);
  body.set({ name: '示例认证机构有限公司', address: '北京市朝阳区示例路1号', approval: 'CNCA-R-2026-001', registerUrl: 'https://cert.example.cn/r.html#{number}' });
  var iaf = reports.build('iaf', { month: '2026-03' }).sheets[0];
  assert.ok(column(iaf, 'Certificate Identity').every(function (x) { return /^CNCA-R-2026-001\/\d+$/.test(x); }));
  assert.ok(column(iaf, 'Certificate Status').every(function (x) { return x === 'Active'; }));
  var st = reports.build('statistics', { on: '2026-08-01' }).sheets[0];
  var live = sql("SELECT count(*) AS n FROM certificates WHERE status IN ('active', 'suspended') AND issued <= '2026-08-01' AND expires >= '2026-08-01'")[0].n;
  assert.equal(column(st, '有效证书').reduce(function (a, b) { return a + b; }, 0) + column(st, '暂停证书').reduce(function (a, b) { return a + b; }, 0), live);
});
