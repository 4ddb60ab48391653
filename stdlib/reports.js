// stdlib/reports.js — the reports a body files, written as .xlsx from the register: to the CNCA's
// platform each month (stdlib/cnca.js), to IAF CertSearch, and the statistics of certified
// organisations by scope (CNAS R1.1.3 2)). Each report is a template of data — its sheets, each
// with its rows' query and its columns — read by one engine here: every row is checked before
// anything is written (an error names the sheet, the row, the column and the value); the
// workbook goes to the command's output; what was sent is recorded in the log
// (core.report.record: each row's key and fingerprint), so that an incremental report sends
// next time only what is new or changed since.
'use strict';

var fail = require('stdlib/bands').fail;
var layout = require('stdlib/layout');

// The checks a column may ask for: each returns null when the value is acceptable, else why not.
var CHECKS = {
  // identifiers: upper case, no spaces (the platforms match them exactly)
  id: function (v) { return typeof v === 'string' && /^[A-Z0-9][A-Z0-9\-\/]*$/.test(v) ? null : 'must be upper case letters, digits and hyphens without spaces'; },
  uscc: function (v) { return typeof v === 'string' && uscc.isValid(v) ? null : 'is not a valid Unified Social Credit Code (18 characters, upper case, right check character)'; },
  date: function (v) { return typeof v === 'string' && date.isValid(v) ? null : 'is not a date YYYY-MM-DD'; },
  optionalDate: function (v) { return v === null || v === '' || (typeof v === 'string' && date.isValid(v)) ? null : 'is not a date YYYY-MM-DD'; },
  text: function (v) { return typeof v === 'string' && v.replace(/\s/g, '') !== '' && v === v.trim() ? null : 'must be text without leading or trailing spaces'; },
  optionalText: function (v) { return v === null || typeof v === 'string' ? null : 'must be text'; },
  number: function (v) { return v === null || (typeof v === 'number' && isFinite(v) && v >= 0) ? null : 'must be a number ≥ 0'; },
  code: function (v, codes) { return codes.indexOf(v) >= 0 ? null : 'is not one of ' + codes.join(', '); }
};

// IAF CertSearch: the upload of every certificate whose data or status changed in the period,
// with the mandatory fields of its template (certificate identity and number, status, issue and
// expiry dates, entity name and identifier, site address, scheme and standard).
var IAF_STATUS = { active: 'Active', suspended: 'Suspended', withdrawn: 'Withdrawn', cancelled: 'Withdrawn', expired: 'Expired' };
var IAF = {
  title: 'IAF CertSearch', period: 'month', incremental: true, needsBody: true, // the identity holds the body's approval
  SHEETS: [{ name: 'Certificates', key: 'key',
    sql: "SELECT 'certificate:' || c.id AS key, (SELECT approval FROM body WHERE id = 1) || '/' || c.id AS identity, c.number, c.status," +
      " c.issued, c.expires, o.name AS org, o.uscc, o.address, c.scheme, c.version FROM certificates c JOIN orgs o ON o.id = c.org_id" +
      " WHERE EXISTS (SELECT 1 FROM events e WHERE e.subject = 'certificate:' || c.id AND e.kind LIKE 'certificate.%' AND e.effective BETWEEN ?1 AND ?2)" +
      " ORDER BY c.number",
    columns: [
      { header: 'Certificate Identity', from: 'identity', check: 'id' },
      { header: 'Certificate Number', from: 'number', check: 'id' },
      { header: 'Certificate Status', from: 'status', check: 'code', map: IAF_STATUS },
      { header: 'Issue Date', from: 'issued', type: 'date', check: 'date' },
      { header: 'Expiry Date', from: 'expires', type: 'date', check: 'date' },
      { header: 'Certified Entity Name', from: 'org', check: 'text' },
      { header: 'Certified Entity Identifier', from: 'uscc', check: 'uscc' },
      { header: 'Site Address', from: 'address', check: 'text' },
      { header: 'Scheme', from: 'scheme', check: 'text', map: 'scheme' },
      { header: 'Standard', from: 'scheme', check: 'text', map: 'standard' }] }]
};

// The statistics a body files (CNAS R1.1.3 2) "已认证组织的数量及对应的认证业务范围"): on a date,
// the certified organisations and certificates by scheme and scope.
var STATISTICS = {
  title: '已认证组织的数量及对应的认证业务范围', period: 'date', incremental: false,
  SHEETS: [{ name: '认证业务范围', key: 'key',
    sql: "SELECT c.scheme || ' ' || c.scope AS key, c.scheme, c.scope, count(DISTINCT c.org_id) AS orgs," +
      " sum(c.status = 'active' AND c.expires >= ?2) AS active, sum(c.status = 'suspended') AS suspended," +
      " sum(c.issued BETWEEN substr(?2, 1, 4) || '-01-01' AND ?2) AS issued FROM certificates c" +
      " WHERE c.issued <= ?2 AND (c.status IN ('active', 'suspended') AND c.expires >= ?2) GROUP BY c.scheme, c.scope ORDER BY c.scheme, c.scope",
    columns: [
      { header: '认证方案', from: 'scheme', check: 'text', map: 'scheme' },
      { header: '标准或规范', from: 'scheme', check: 'text', map: 'standard' },
      { header: '认证业务范围', from: 'scope', check: 'text' },
      { header: '已认证组织数量', from: 'orgs', type: 'number', check: 'number' },
      { header: '有效证书', from: 'active', type: 'number', check: 'number' },
      { header: '暂停证书', from: 'suspended', type: 'number', check: 'number' },
      { header: '本年新发证书', from: 'issued', type: 'number', check: 'number' }] }]
};

// The reports by kind.
function reports() { return { cnca: require('stdlib/cnca'), iaf: IAF, statistics: STATISTICS }; }

// template(kind) → the report's template; invalid for an unknown kind
function template(kind) {
  var all = reports();
  if (!all[kind]) throw fail('usage', 'kind', 'certsh report ' + Object.keys(all).join('|') + ' …: unknown report ' + JSON.stringify(kind));
  return all[kind];
}

// codesOf(map) → the distinct words of a code map
function codesOf(map) { return Object.keys(map).map(function (k) { return map[k]; }).filter(function (v, i, a) { return a.indexOf(v) === i; }); }

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

// standardOf(schemeId) → the standards its certificate layout states (the `standard` field)
function standardOf(id) {
  var s = scheme(id), l = typeof s.certificateLayout === 'function' ? s.certificateLayout() : null;
  var f = l ? l.fields.filter(function (x) { return x.field === 'standard'; })[0] : null;
  return f ? f.value : (s.criteria || []).join('、');
}

// cell(col, row) → the platform's value of column col in the register's row
function cell(col, row) {
  var v = row[col.from];
  if (v === undefined) throw fail('invalid', col.from, 'report template: column ' + col.header + ' reads ' + col.from + ', which its query does not give');
  if (col.map === 'scheme') return layout.schemeTitle(v, row.version);
  if (col.map === 'standard') return standardOf(v);
  if (col.map && v !== null) return col.map[v] !== undefined ? col.map[v] : v;
  return v;
}

// periodOf(t, o) → {label, from, to}: a month YYYY-MM or from..to for a periodic report, the date
// (o.on, default today) for a snapshot; usage error otherwise
function periodOf(kind, t, o) {
  if (t.period === 'date') {
    if (o.month || o.from || o.to) throw fail('usage', 'month', 'certsh [--as-of DATE] report ' + kind + ': the report is of one date (--as-of, default today), not of a period');
    var on = o.on || today();
    if (!date.isValid(on)) throw fail('usage', 'date', 'certsh report ' + kind + ' [--as-of DATE]: ' + JSON.stringify(on) + ' is not a date');
    return { label: on, from: on, to: on };
  }
  if (o.from || o.to) {
    if (o.month || !date.isValid(o.from || '') || !date.isValid(o.to || '') || o.to < o.from) {
      throw fail('usage', 'from', 'certsh report ' + kind + ' --month YYYY-MM | --from DATE --to DATE (a range of real dates, from before to; got ' + JSON.stringify([o.from, o.to]) + ')');
    }
    return { label: o.from + '..' + o.to, from: o.from, to: o.to };
  }
  var m = o.month;
  if (typeof m !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(m)) throw fail('usage', 'month', 'certsh report ' + kind + ' --month YYYY-MM | --from DATE --to DATE (got ' + JSON.stringify(m) + ')');
  return { label: m, from: m + '-01', to: date.addDays(date.addMonths(m + '-01', 1), -1) };
}

// build(kind, {month, from, to, on, all}) → {kind, period, sheets: [{name, headers, types, rows,
// items}], total, skipped}: the period's rows not reported before (or changed since; all: every
// row), every row checked
function build(kind, o) {
  o = o || {};
  var t = template(kind), p = periodOf(kind, t, o);
  if (t.needsBody && !core.body.get()) throw fail('missing', 'body', "report " + kind + ": the body's profile is not set (certsh body --name … --approval …): the report names the body");
  var seen = o.all || !t.incremental ? {} : reported(kind), total = 0, skipped = 0;
  var sheets = t.SHEETS.map(function (s) {
    var out = { name: s.name, headers: s.columns.map(function (c) { return c.header; }),
      types: s.columns.map(function (c) { return c.type || 'text'; }), rows: [], items: [] };
    sql(s.sql, p.from, p.to).forEach(function (row) {
      var line = s.columns.map(function (c) { return cell(c, row); });
      var d = digest(JSON.stringify(line)), key = row[s.key];
      if (seen[s.name + ' ' + key] === d) { skipped++; return; }
      line.forEach(function (v, i) {
        var c = s.columns[i], why = CHECKS[c.check](v, c.map && typeof c.map === 'object' ? codesOf(c.map) : []);
        if (why) throw fail('invalid', c.header, 'report ' + kind + ' ' + p.label + ': sheet ' + s.name + ' row ' + (out.rows.length + 2) + ' (' + key + ') column ' +
          c.header + ': ' + JSON.stringify(v) + ' ' + why);
      });
      out.rows.push(line);
      out.items.push({ sheet: s.name, key: key, digest: d });
    });
    total += out.rows.length;
    return out;
  });
  return { kind: kind, period: p.label, sheets: sheets, total: total, skipped: skipped };
}

// report(kind, o) → the summary {kind, period, rows, skipped, sheets, recorded}: writes the
// period's rows as .xlsx to the output and records them in the log (o.dryRun: records nothing)
function report(kind, o) {
  o = o || {};
  var r = build(kind, o);
  document.xlsx(r.sheets.map(function (s) { return { name: s.name, headers: s.headers, types: s.types, rows: s.rows }; }));
  var items = [];
  r.sheets.forEach(function (s) { items = items.concat(s.items); });
  // recorded when it sends something, or is the period's first filing (a month with nothing to send is still filed)
  var record = !o.dryRun && (items.length > 0 || !sql('SELECT 1 FROM reports WHERE kind = ? AND period = ? LIMIT 1', kind, r.period).length);
  if (record) core.report.record({ kind: kind, period: r.period, date: today(), items: items });
  return { kind: kind, period: r.period, rows: r.total, skipped: r.skipped, sheets: r.sheets.map(function (s) { return s.name + ' ' + s.rows.length; }),
    recorded: record };
}

// due(kind, month) → the day a periodic report of that month is due (CNCA: the 10th of the next
// month), or null when its template states none
function due(kind, m) {
  var t = template(kind);
  if (!t.dueDay) return null;
  var p = periodOf(kind, t, { month: m });
  return date.addMonths(p.from, 1).slice(0, 8) + ('0' + t.dueDay).slice(-2);
}

// pending(asOf) → the periodic reports not yet filed for the month before asOf's:
// [{kind, period, due, overdue, why}] (for the reminder job: the CNCA wants it by the 10th)
function pending(on) {
  on = on || today();
  var all = reports(), out = [], m = date.addMonths(on.slice(0, 8) + '01', -1).slice(0, 7);
  Object.keys(all).forEach(function (kind) {
    var t = all[kind];
    if (!t.dueDay || sql('SELECT 1 FROM reports WHERE kind = ? AND period = ? LIMIT 1', kind, m).length) return;
    var d = due(kind, m);
    out.push({ kind: kind, period: m, due: d, overdue: on > d,
      why: [{ scheme: kind, version: '', clause: t.title, text: 'each month\'s data by the ' + t.dueDay + 'th of the next month: ' + m + ' by ' + d }] });
  });
  return out;
}

exports.CHECKS = CHECKS;
exports.pending = pending;
exports.template = template;
exports.build = build;
exports.report = report;
exports.due = due;
