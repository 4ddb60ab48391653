// stdlib/cnca.js — the monthly report to the CNCA's platform (认证认可业务信息统一管理平台) as
// data: audit plans, audit results, certificates and their status changes, each month's data by
// the 10th of the next month. The sheets and their fields are the body's reporting template (a
// changed template is an edit of SHEETS); stdlib/reports.js checks every row, writes the
// workbook and records what was sent, so that the next run sends only what is new or changed. A
// month's rows are those whose act took effect in it (the effective date); an act entered late
// for a month already reported is sent by running that month again, which sends only what it
// had not sent. CAS §9.3.4 (暂停或撤销…按规定程序和要求报国家认监委) is the clause the seeds give
// for the status changes; the template itself is the body's.
'use strict';

var layout = require('stdlib/layout');

// The codes the platform accepts, as the template writes them.
var AUDIT_TYPES = { document: '文件审查', initial: '初次认证审核', surveillance: '监督审核', recertification: '再认证审核',
  special: '特殊审核', extension: '扩大认证范围审核' };
var AUDIT_MODES = { onsite: '现场', remote: '远程', online: '远程', mixed: '现场+远程' }; // online: an assessment made online (example-ecommerce's modes)
var CHANGES = { 'certificate.suspend': '暂停', 'certificate.restore': '恢复', 'certificate.withdraw': '撤销',
  'certificate.cancel': '注销', 'certificate.expire': '过期' };

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

// The sheets (stdlib/reports.js reads them): name, the rows' query (?1 first day, ?2 last day of
// the period; one row per key), and the columns {header, from (the query's column), type
// ('text'|'number'|'date' cell), check (reports.CHECKS), map (the register's word → the
// platform's code; for check 'code' the codes accepted; 'scheme': the scheme's title)}.
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

exports.title = 'CNCA 认证认可业务信息统一管理平台';
exports.period = 'month';  // each month's data…
exports.dueDay = 10;       // …by the 10th of the next month
exports.incremental = true; // only what is new or changed since the last report
exports.SHEETS = SHEETS;
