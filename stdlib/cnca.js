// stdlib/cnca.js — the monthly report to the CNCA's platform (认证认可业务信息统一管理平台):
// audit plans, audit results, certificates and their status changes, each month's data by the
// 10th of the next month. The sheets and their fields are the body's reporting template, kept
// here as data (a changed template is an edit of SHEETS); every row is checked before anything
// is written (an error names the sheet, the row, the column and the value), and what was
// reported is recorded in the log (core.report.record), so that the next run reports only what
// is new or changed since. A month's rows are those whose act took effect in it (the effective
// date); an act entered late for a month already reported is sent by running that month again,
// which sends only what it had not sent. CAS §9.3.4 (暂停或撤销…按规定程序和要求报国家认监委) is the clause the
// seeds give for the status changes; the template itself is the body's.
'use strict';

var fail = require('stdlib/bands').fail;
var layout = require('stdlib/layout');

// The codes the platform accepts, as the template writes them.
var AUDIT_TYPES = { document: '文件审查', initial: '初次认证审核', surveillance: '监督审核', recertification: '再认证审核',
  special: '特殊审核', extension: '扩大认证范围审核' };
var AUDIT_MODES = { onsite: '现场', remote: '远程', online: '远程', mixed: '现场+远程' }; // online: the C3.4.2.2 assessment made online
var CHANGES = { 'certificate.suspend': '暂停', 'certificate.restore': '恢复', 'certificate.withdraw': '撤销',
  'certificate.cancel': '注销', 'certificate.expire': '过期' };

// The checks a column may ask for: each returns null when the value is acceptable, else why not.
var CHECKS = {
  // identifiers: upper case, no spaces (the platform matches them exactly)
  id: function (v) { return typeof v === 'string' && /^[A-Z0-9][A-Z0-9\-\/]*$/.test(v) ? null : 'must be upper case letters, digits and hyphens without spaces'; },
  uscc: function (v) { return typeof v === 'string' && uscc.isValid(v) ? null : 'is not a valid Unified Social Credit Code (18 characters, upper case, right check character)'; },
  date: function (v) { return typeof v === 'string' && date.isValid(v) ? null : 'is not a date YYYY-MM-DD'; },
  optionalDate: function (v) { return v === null || v === '' || (typeof v === 'string' && date.isValid(v)) ? null : 'is not a date YYYY-MM-DD'; },
  text: function (v) { return typeof v === 'string' && v.replace(/\s/g, '') !== '' && v === v.trim() ? null : 'must be text without leading or trailing spaces'; },
  optionalText: function (v) { return v === null || typeof v === 'string' ? null : 'must be text'; },
  number: function (v) { return v === null || (typeof v === 'number' && isFinite(v) && v >= 0) ? null : 'must be a number ≥ 0'; },
  code: function (v, col) { return col.codes.indexOf(v) >= 0 ? null : 'is not one of ' + col.codes.join(', '); }
};

// values(map) → the distinct words of a code map
function values(map) { return Object.keys(map).map(function (k) { return map[k]; }).filter(function (v, i, a) { return a.indexOf(v) === i; }); }

// The columns that open the audit sheets, and the certificate sheets.
var AUDIT_COLUMNS = [
  { header: '组织名称', from: 'org', check: 'text' },
  { header: '统一社会信用代码', from: 'uscc', check: 'uscc' },
  { header: '认证项目', from: 'scheme', check: 'text', map: 'scheme' },
  { header: '审核类型', from: 'type', check: 'code', map: AUDIT_TYPES },
  { header: '审核方式', from: 'mode', check: 'code', map: AUDIT_MODES }];
var CERTIFICATE_COLUMNS = [
  { header: '证书编号', from: 'number', check: 'id' },
  { header: '组织名称', from: 'org', check: 'text' },
  { header: '统一社会信用代码', from: 'uscc', check: 'uscc' }];

// The sheets: name, the rows' query (?1 first day, ?2 last day of the period; one row per key),
// and the columns {header, from (the query's column), type ('text'|'number'|'date' cell),
// check (CHECKS), codes (what `code` accepts), map (the register's word → the platform's code)}.
var SHEETS = [
  { name: '审核计划', key: 'key',
    sql: "SELECT 'audit:' || a.id AS key, o.name AS org, o.uscc, c.scheme, a.type, a.mode, coalesce(a.planned_start, a.actual_start) AS start," +
      " coalesce(a.planned_end, a.actual_end) AS end, a.man_days," +
      " (SELECT group_concat(p.name, '、') FROM audit_team t JOIN people p ON p.id = t.person_id WHERE t.audit_id = a.id AND t.role = 'leader') AS leader," +
      " (SELECT group_concat(p.name, '、') FROM audit_team t JOIN people p ON p.id = t.person_id WHERE t.audit_id = a.id AND t.role <> 'leader') AS members" +
      " FROM audits a JOIN cases c ON c.id = a.case_id JOIN orgs o ON o.id = c.org_id" +
      " WHERE a.status <> 'cancelled' AND coalesce(a.planned_start, a.actual_start) BETWEEN ?1 AND ?2 ORDER BY start, a.id",
    columns: AUDIT_COLUMNS.concat([
      { header: '计划开始日期', from: 'start', type: 'date', check: 'date' },
      { header: '计划结束日期', from: 'end', type: 'date', check: 'date' },
      { header: '审核人日', from: 'man_days', type: 'number', check: 'number' },
      { header: '审核组长', from: 'leader', check: 'text' },
      { header: '审核组成员', from: 'members', check: 'optionalText' }]) },
  { name: '审核结果', key: 'key',
    sql: "SELECT 'audit:' || a.id AS key, o.name AS org, o.uscc, c.scheme, a.type, a.mode, a.actual_start AS start, a.actual_end AS end, a.man_days," +
      " s.score, CASE WHEN s.id IS NULL THEN '无评分' WHEN s.pass THEN '通过' ELSE '不通过' END AS result, s.level" +
      " FROM audits a JOIN cases c ON c.id = a.case_id JOIN orgs o ON o.id = c.org_id LEFT JOIN scores s ON s.audit_id = a.id" +
      " WHERE a.status = 'done' AND a.actual_end BETWEEN ?1 AND ?2 ORDER BY a.actual_end, a.id",
    columns: AUDIT_COLUMNS.concat([
      { header: '审核开始日期', from: 'start', type: 'date', check: 'date' },
      { header: '审核结束日期', from: 'end', type: 'date', check: 'date' },
      { header: '审核人日', from: 'man_days', type: 'number', check: 'number' },
      { header: '评价得分', from: 'score', type: 'number', check: 'number' },
      { header: '审核结论', from: 'result', check: 'text' },
      { header: '评价等级', from: 'level', check: 'optionalText' }]) },
  { name: '证书信息', key: 'key',
    sql: "SELECT 'certificate:' || c.id AS key, c.number, o.name AS org, o.uscc, c.scheme, c.scope, c.grade, c.issued, c.expires, c.status," +
      " (SELECT group_concat(json_extract(value, '$.domain') || '（' || json_extract(value, '$.platform') || '）', '；') FROM json_each(c.shops)) AS shops" +
      " FROM certificates c JOIN orgs o ON o.id = c.org_id WHERE EXISTS (SELECT 1 FROM events e WHERE e.subject = 'certificate:' || c.id" +
      "   AND e.kind IN ('certificate.issue','certificate.import','certificate.renew','certificate.change','certificate.downgrade','certificate.upgrade')" +
      "   AND e.effective BETWEEN ?1 AND ?2) ORDER BY c.number",
    columns: CERTIFICATE_COLUMNS.concat([
      { header: '认证项目', from: 'scheme', check: 'text', map: 'scheme' },
      { header: '认证范围', from: 'scope', check: 'text' },
      { header: '认证等级', from: 'grade', check: 'optionalText' },
      { header: '网店域名和电子商务平台', from: 'shops', check: 'optionalText' },
      { header: '发证日期', from: 'issued', type: 'date', check: 'date' },
      { header: '有效期至', from: 'expires', type: 'date', check: 'date' },
      { header: '证书状态', from: 'status', check: 'code', map: layout.STATUS_WORDS }]) },
  { name: '证书状态变更', key: 'key',
    sql: "SELECT 'event:' || e.seq AS key, c.number, o.name AS org, o.uscc, e.kind, e.effective AS date," +
      " json_extract(e.payload, '$.state.status_cause') AS cause, json_extract(e.payload, '$.state.status_clause') AS clause," +
      " json_extract(e.payload, '$.state.status_until') AS until" +
      " FROM events e JOIN certificates c ON e.subject = 'certificate:' || c.id JOIN orgs o ON o.id = c.org_id" +
      " WHERE e.kind IN ('certificate.suspend','certificate.restore','certificate.withdraw','certificate.cancel','certificate.expire')" +
      "   AND e.effective BETWEEN ?1 AND ?2 ORDER BY e.effective, e.seq",
    columns: CERTIFICATE_COLUMNS.concat([
      { header: '变更类型', from: 'kind', check: 'code', map: CHANGES },
      { header: '变更日期', from: 'date', type: 'date', check: 'date' },
      { header: '原因', from: 'cause', check: 'optionalText' },
      { header: '依据条款', from: 'clause', check: 'optionalText' },
      { header: '暂停期限至', from: 'until', type: 'date', check: 'optionalDate' }]) }
];

// digest(text) → a short fingerprint of a row (FNV-1a, 32 bits, hex): a changed row reports again
function digest(s) {
  var h = 0x811c9dc5;
  for (var i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = (h + ((h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24))) >>> 0;
  }
  return ('0000000' + h.toString(16)).slice(-8);
}

// reported(kind) → {sheet + ' ' + key: digest} of every item reported before
function reported(kind) {
  var seen = {};
  sql('SELECT items FROM reports WHERE kind = ? ORDER BY id', kind).forEach(function (r) {
    JSON.parse(r.items).forEach(function (it) { seen[it.sheet + ' ' + it.key] = it.digest; });
  });
  return seen;
}

// cell(col, row) → the platform's value of column col in the register's row
function cell(col, row) {
  var v = row[col.from];
  if (v === undefined) throw fail('invalid', col.from, 'report template: column ' + col.header + ' reads ' + col.from + ', which its query does not give');
  if (col.map === 'scheme') return scheme(v).title;
  if (col.map && v !== null) return col.map[v] !== undefined ? col.map[v] : v;
  return v;
}

// month(text) → {from, to} of 'YYYY-MM'; usage error otherwise
function month(m) {
  if (typeof m !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(m)) throw fail('usage', 'month', "certsh report cnca --month YYYY-MM (got " + JSON.stringify(m) + ')');
  var from = m + '-01';
  return { from: from, to: date.addDays(date.addMonths(from, 1), -1) };
}

// build(monthText, o) → {period, from, to, sheets: [{name, headers, types, rows, items}], total, skipped}:
// the rows of the month not reported before (or changed since), every row checked; o.all: also
// the rows reported before
function build(m, o) {
  var p = month(m), seen = o && o.all ? {} : reported('cnca'), total = 0, skipped = 0;
  var sheets = SHEETS.map(function (s) {
    var out = { name: s.name, headers: s.columns.map(function (c) { return c.header; }),
      types: s.columns.map(function (c) { return c.type || 'text'; }), rows: [], items: [] };
    sql(s.sql, p.from, p.to).forEach(function (row) {
      var line = s.columns.map(function (c) { return cell(c, row); });
      var d = digest(JSON.stringify(line)), key = row[s.key];
      if (seen[s.name + ' ' + key] === d) { skipped++; return; }
      line.forEach(function (v, i) {
        var c = s.columns[i], why = CHECKS[c.check](v, { codes: c.map && c.map !== 'scheme' ? values(c.map) : [] });
        if (why) throw fail('invalid', c.header, 'report cnca ' + m + ': sheet ' + s.name + ' row ' + (out.rows.length + 2) + ' (' + key + ') column ' +
          c.header + ': ' + JSON.stringify(v) + ' ' + why);
      });
      out.rows.push(line);
      out.items.push({ sheet: s.name, key: key, digest: d });
    });
    total += out.rows.length;
    return out;
  });
  return { period: m, from: p.from, to: p.to, sheets: sheets, total: total, skipped: skipped };
}

// report(monthText, o) → the summary: writes the month's new rows as .xlsx to the output and
// records them in the log (o.dryRun: writes, records nothing; o.all: everything of the month)
function report(m, o) {
  o = o || {};
  var r = build(m, o);
  document.xlsx(r.sheets.map(function (s) { return { name: s.name, headers: s.headers, types: s.types, rows: s.rows }; }));
  var items = [];
  r.sheets.forEach(function (s) { items = items.concat(s.items); });
  if (!o.dryRun && items.length) core.report.record({ kind: 'cnca', period: m, date: today(), items: items });
  return { period: m, rows: r.total, skipped: r.skipped, sheets: r.sheets.map(function (s) { return s.name + ' ' + s.rows.length; }),
    recorded: !o.dryRun && items.length > 0 };
}

// due(monthText) → the day the month's report is due: the 10th of the next month
function due(m) { return date.addMonths(month(m).from, 1).slice(0, 8) + '10'; }

exports.SHEETS = SHEETS;
exports.build = build;
exports.report = report;
exports.due = due;
