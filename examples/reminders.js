// examples/reminders.js — the reminder job operations staff run from cron.
//
//   certsh [--as-of DATE] [--known-on DATE] [-o FILE] run examples/reminders.js [--horizon DAYS]
//          [--format table|csv|json|ics] [--record] [--all]
//
// For the as-of date (default today) and a horizon (default 30 days) it lists, per certificate
// and citing the clause and scheme version of each: surveillance windows opening, closing soon
// or missed; recertification applications due and certificates expiring; open nonconformities
// nearing or past their correction deadline; suspensions nearing or past their limit and
// verified causes whose suspension is due; non-acceptance notices, appeal and complaint answers
// nearing their deadlines; R6.2 events not acted upon (cnas-ecommerce). On a past as-of date
// it answers from the register as it stood then, and with --known-on from only what had been
// recorded by that day (q.past).
//
// Speed: each section is one query. SQLite picks the candidates with indexes and date windows
// (each scheme version's surveillance bounds, read from its programme's months) and calls the
// scheme's exact JavaScript rule through sqlFunctions, which remembers each answer: certificates
// sharing a reference date share one call. In CSV the rows are printed by sqlPrint, so no
// JavaScript runs per reported row.
//
// Plan, then apply: a run reports what is new or changed since the items last recorded; with
// --record it also logs what it reported (reminder.record), without it nothing is written.
// --all reports everything, recorded or not. Exit 0 whatever was found.
'use strict';

var ical = require('stdlib/ical');

// ---- options --------------------------------------------------------------------------------

var USAGE = 'usage: certsh [--as-of DATE] [-o FILE] run examples/reminders.js [--horizon DAYS] ' +
  '[--format table|csv|json|ics] [--record] [--all]';

// usage(message): stop with a usage error naming what was wrong.
function usage(message) {
  var err = new Error(message + '\n' + USAGE);
  err.code = 'usage';
  throw err;
}

// parseArgs(list) → {horizon, format, record, all}
function parseArgs(list) {
  var o = { horizon: 30, format: 'table', record: false, all: false };
  for (var i = 0; i < list.length; i++) {
    var a = list[i], eq = a.indexOf('='), name = eq > 0 ? a.substring(0, eq) : a;
    var value = eq > 0 ? a.substring(eq + 1) : list[i + 1];
    if (name === '--horizon' || name === '--format') {
      if (value === undefined) usage(name + ' needs a value');
      if (eq < 0) i++;
      if (name === '--horizon') {
        if (!/^\d{1,4}$/.test(value)) usage('--horizon \'' + value + '\' must be a whole number of days from 0 to 9999');
        o.horizon = Number(value);
      } else {
        if (['table', 'csv', 'json', 'ics'].indexOf(value) < 0) usage('--format \'' + value + '\' must be table, csv, json or ics');
        o.format = value;
      }
    } else if (a === '--record') o.record = true;
    else if (a === '--all') o.all = true;
    else usage('unknown argument \'' + a + '\'' + (/^--(as-of|known-on|db|timeout|mem|lib|output)$|^-o$/.test(name) ?
      ' (' + name + ' is an option of certsh itself: give it before run, e.g. certsh ' + name + ' VALUE run examples/reminders.js)' : ''));
  }
  return o;
}

var opts = parseArgs(typeof args === 'undefined' ? [] : args);
var asOf = today();
var end = date.addDays(asOf, opts.horizon);
// on a past --as-of, or --known-on, the register's tables as they stood then (q.past); '' for today
var PAST = q.past(['certificates', 'audits', 'findings', 'matters', 'cases']);

// ---- the schemes' rules, loaded once per scheme version ------------------------------------

var rules = {};

// ruleOf(id, version) → the Scheme governing rows of that id and version, or an Error.
function ruleOf(id, version) {
  var key = id + '@' + version;
  if (!Object.prototype.hasOwnProperty.call(rules, key)) {
    try { rules[key] = scheme(key); } catch (e) { rules[key] = e; }
  }
  return rules[key];
}

// has(rule, method) → true when rule is a Scheme offering method.
function has(rule, method) { return !(rule instanceof Error) && typeof rule[method] === 'function'; }

var problems = {}, skipped = [];

// problem(id, version, what): say once, after the items, why rows of a scheme version were not checked.
function problem(id, version, what) {
  var key = id + '@' + version + ': ' + what;
  if (problems[key]) return;
  problems[key] = true;
  skipped.push(key);
}

// The scheme versions present among live certificates.
var versions = sql(PAST + 'SELECT DISTINCT scheme, version FROM certificates WHERE status IN (\'active\', \'suspended\')');

// ---- answers: what a rule says about one item, as the queries receive it ---------------------

// firstClause(why) → the clause of the first reason that names one.
function firstClause(why) {
  for (var i = 0; why && i < why.length; i++) if (why[i].clause) return why[i].clause;
  return '';
}

// whyText(why) → the reasons as one line each: 'scheme version clause: text'.
function whyText(why) {
  return (why || []).map(function (w) {
    return w.scheme + ' ' + w.version + ' ' + (w.clause || '') + ': ' + w.text;
  }).join('\n');
}

// answer(date, state, what, why) → an item's date, state and text with its reasons, their first
// clause and their text for CSV (one line); null when there is no date.
function answer(date, state, what, why) {
  if (!date) return null;
  return { date: date, state: state, what: what, why: why, clause: firstClause(why), text: whyText(why).replace(/\n/g, ' | ') };
}

// stateOf(due) → 'overdue' when due is before the as-of date, else 'due soon'.
function stateOf(due) { return due < asOf ? 'overdue' : 'due soon'; }

// deadlineOf(rule, name, from, opts) → {date, why}; {date: null} when the scheme states none.
function deadlineOf(rule, name, from, o) {
  var d = rule.deadline(name, from, o);
  return d && d.date ? d : { date: null, why: d ? d.why || [] : [] };
}

// due(d, what) → the answer for a deadline within the horizon, else null.
function due(d, what) { return d.date && d.date <= end ? answer(d.date, stateOf(d.date), what, d.why) : null; }

// The rules as SQL functions (sqlFunctions remembers each answer for its arguments). Each
// returns an answer (JSON in SQL) or null when there is nothing to report.
var FUNCTIONS = {
  // surveillance_next(scheme, version, decided, expires, audits JSON, extensions JSON): the next
  // window opening or closing within the horizon, or missed; its number n with it
  surveillance_next: function (id, version, decided, expires, audits, extensions) {
    var rule = ruleOf(id, version);
    var res = rule.surveillance({ decisionDate: decided, expires: expires, audits: JSON.parse(audits), asOf: asOf,
      extensions: JSON.parse(extensions || '[]') });
    var next = res && res.next;
    if (!next) return null;
    var last = next.latest || next.due, n = next.n, w = next.why || res.why, a = null;
    if (last < asOf) a = answer(last, 'missed', 'surveillance ' + n + ' missed', w);
    else if (next.opens && next.opens > asOf && next.opens <= end) a = answer(next.opens, 'opens', 'surveillance ' + n + ' window opens', w);
    else if ((!next.opens || next.opens <= asOf) && last <= end) a = answer(last, 'closing', 'surveillance ' + n + ' window closes', w);
    if (a) a.n = n;
    return a;
  },
  // expiry(scheme, version, expires, status): the certificate expiring or expired
  expiry: function (id, version, expires, status) {
    var rule = ruleOf(id, version);
    if (rule instanceof Error) { problem(id, version, rule.message); return null; }
    var why = [{ scheme: rule.id, version: rule.version, clause: firstClause(rule.certificateExpiry ? rule.certificateExpiry(expires).why : []),
      text: 'the certificate expires on ' + expires }];
    return expires < asOf ? answer(expires, 'expired', 'expired, still ' + status, why) : answer(expires, 'expiring', 'certificate expires', why);
  },
  // deadline(scheme, version, name, from, cause): the scheme's deadline `name` counted from
  // `from`, when it falls within the horizon (cause: the suspension's stored cause code, which
  // may lift the limit, e.g. CAS §9.3.2.2's licence under renewal)
  deadline: function (id, version, name, from, cause) {
    var rule = ruleOf(id, version);
    if (!has(rule, 'deadline')) return null;
    var what = { recertApplication: 'recertification application due', suspensionLimit: 'suspension limit: restore or withdraw',
      nonAcceptanceNotice: 'application review (notice if not accepted)' }[name];
    return due(deadlineOf(rule, name, from, name === 'suspensionLimit' && cause ? { cause: cause } : undefined), what);
  },
  // correction(scheme, version, recorded due, audit end): an open nonconformity's correction
  // deadline, as recorded on the finding or else as the scheme sets it (the query names the finding)
  correction: function (id, version, recorded, auditEnd) {
    var rule = ruleOf(id, version), why;
    if (recorded) {
      var set = rule instanceof Error ? [] : rule.positions.filter(function (p) { return p.topic === 'deadline.correction'; }); // who sets it, when the scheme does not
      why = [{ scheme: id, version: version, clause: set.length ? set[0].clause : '', text: 'correction due ' + recorded + ' as recorded on the finding' }];
      if (has(rule, 'deadline')) why = deadlineOf(rule, 'correction', auditEnd).why.concat(why);
      return answer(recorded, stateOf(recorded), 'nonconformity correction', why);
    }
    if (!has(rule, 'deadline')) { problem(id, version, 'no correction deadline rule'); return null; }
    return due(deadlineOf(rule, 'correction', auditEnd), 'nonconformity correction');
  },
  // matter(scheme, version, kind, id, cause, received, recorded due, certificate status): a
  // verified cause (kind 'suspend': suspend within), an R6.2 event not acted upon (kind 'R6.2'),
  // an appeal or complaint answer
  matter: function (id, version, kind, matter, cause, received, recorded, status) {
    var rule = ruleOf(id, version), a;
    if (rule instanceof Error) { problem(id, version, rule.message); return null; }
    if (kind === 'incident' && has(rule, 'measures')) {
      var m;
      try { m = rule.measures(cause); } catch (e) { // an event code the scheme does not know: still not acted upon
        m = { measures: [], why: [{ scheme: rule.id, version: rule.version, clause: 'R6.2', text: e.message }] };
      }
      a = answer(received, 'not acted upon', 'R6.2 event ' + cause + ' not acted upon: ' +
        (m.measures || []).map(function (x) { return x.en || x.code || x; }).join(', '), m.why);
      if (a) a.kind = 'R6.2';
      return a;
    }
    if (!has(rule, 'deadline')) return null;
    if (kind === 'incident') {
      if (status !== 'active') return null;
      a = due(deadlineOf(rule, 'suspendWithin', received), 'suspend (verified cause ' + (cause || '#' + matter) + ')');
      if (a) a.kind = 'suspend';
      return a;
    }
    var d = deadlineOf(rule, kind === 'appeal' ? 'appealAnswer' : 'complaintAnswer', received);
    if (recorded) d = { date: recorded, why: d.why.concat([{ scheme: rule.id, version: rule.version, clause: '', text: kind + ' answer due ' + recorded + ' as recorded' }]) };
    return due(d, kind + ' answer');
  }
};

// ---- the sections: one query each, giving kind, certificate, holder, scheme, version, uid and the
// rule's answer (JSON), for the rows with something to report ---------------------------------

// 1. Surveillance windows. Per case, in one pass over the covering index audits(case_id, status,
// type, actual_end) in case order (no sort, no table rows): its last audit — the reference of the
// next window — and the start of its current cycle (last initial or recertification audit). The
// surveillance audits done since the start are counted only for the cases the dates let through.
function surveillance() {
  var bounds = [], params = [];
  versions.forEach(function (v) {
    var rule = ruleOf(v.scheme, v.version);
    if (!has(rule, 'surveillance')) { problem(v.scheme, v.version, rule instanceof Error ? rule.message : 'no surveillance rule'); return; }
    bounds.push('SELECT ? AS scheme, ? AS version, ? AS lo1, ? AS lo2, ? AS hi, ? AS nmax');
    if (!has(rule, 'surveillanceBounds')) { // a programme of the scheme's own code: every certificate is a candidate
      params.push(v.scheme, v.version, '9999-12-31', '0000-01-01', '9999-12-31', 1e9);
      return;
    }
    // candidate: the window may open by the horizon, and it is not certainly open-and-not-closing-soon
    // (the programme's own bounds in days, from its months: Scheme.surveillanceBounds)
    var p = rule.surveillanceBounds();
    params.push(v.scheme, v.version, date.addDays(end, -p.aMin), date.addDays(asOf, -p.aMax), date.addDays(end, -p.bMin), p.nMax);
  });
  if (!bounds.length) return null;
  return { params: params, sql: 'WITH last AS NOT MATERIALIZED (SELECT case_id, max(actual_end) AS ref,' +
    '   max(CASE WHEN type <> \'surveillance\' THEN actual_end END) AS start FROM audits' +
    '   WHERE status = \'done\' AND type IN (\'initial\', \'surveillance\', \'recertification\') GROUP BY case_id),' +
    ' b AS (' + bounds.join(' UNION ALL ') + ')' +
    ' SELECT \'surveillance\' AS kind, number AS certificate, holder, scheme, version,' +
    '   \'surveillance-\' || json_extract(answer, \'$.n\') || \'/certificate-\' || id AS uid, answer FROM (' +
    ' SELECT c.id, c.number, o.name AS holder, c.scheme, c.version, surveillance_next(c.scheme, c.version, d.date, c.expires,' +
    '   (SELECT json_group_array(json_object(\'type\', x.type, \'end\', x.actual_end)) FROM (SELECT a.type, a.actual_end' +
    '     FROM audits a WHERE a.case_id = c.case_id AND a.status = \'done\' AND a.actual_end IS NOT NULL' +
    '     ORDER BY a.type, a.actual_end) x),' + // the covering index's order: no sort per row
    '   ' + require('stdlib/actions').EXTENSIONS_SQL + ') AS answer' + // with the approved extensions (DNI §5.6.1)
    // last first, streamed as a co-routine (no temporary table of every case), then the rest
    ' FROM last l CROSS JOIN b CROSS JOIN certificates c ON c.case_id = l.case_id AND b.scheme = c.scheme AND b.version = c.version' +
    ' JOIN decisions d ON d.id = c.decision_id JOIN orgs o ON o.id = c.org_id' +
    // the decision precedes the issue date, so c.issued lets through every row d.date would
    ' WHERE c.status = \'active\' AND l.ref <= b.lo1 AND (l.ref > b.lo2 OR l.ref <= b.hi OR c.issued > b.lo2)' +
    ' AND (max(l.ref, d.date) > b.lo2 OR l.ref <= b.hi)' +
    ' AND (SELECT count(*) FROM audits a WHERE a.case_id = l.case_id AND a.status = \'done\'' +
    '   AND a.type = \'surveillance\' AND a.actual_end >= l.start) < b.nmax' +
    ' LIMIT -1 OFFSET 0) WHERE answer IS NOT NULL' }; // in case order, as the index gives them: no sort
}

// 2. Certificates expiring, and recertification applications due (3 months before expiry) when no
// recertification is planned; rows past the horizon matter only for the application.
function recertification() {
  return { params: [date.addYears(asOf, -2), date.addDays(date.addMonths(end, 3), 7), end, asOf],
    sql: 'WITH c AS MATERIALIZED (SELECT * FROM (SELECT c.id, c.number, o.name AS holder, c.scheme, c.version, c.expires, c.status,' +
    ' EXISTS(SELECT 1 FROM audits a WHERE a.case_id = c.case_id AND a.type = \'recertification\' AND a.status <> \'cancelled\'' +
    '   AND coalesce(a.actual_end, a.planned_end, a.planned_start) >= date(c.expires, \'-1 year\')) AS applied' +
    // NOT INDEXED: over two years of expiry dates, reading the certificates in order beats
    // jumping from the expiry index to each row (1M certificates: 0.3 s against 0.75 s)
    ' FROM certificates c NOT INDEXED JOIN orgs o ON o.id = c.org_id' +
    ' WHERE c.expires >= ?1 AND c.expires <= ?2 AND c.status IN (\'active\', \'suspended\'))' +
    ' WHERE expires <= ?3 OR NOT applied)' +
    ' SELECT kind, certificate, holder, scheme, version, uid, answer FROM (' +
    ' SELECT 0 AS k, id, expires, \'expiry\' AS kind, number AS certificate, holder, scheme, version,' +
    '   \'expiry/certificate-\' || id || \'/\' || expires AS uid, expiry(scheme, version, expires, status) AS answer FROM c WHERE expires <= ?3' +
    ' UNION ALL SELECT 1, id, expires, \'recertification\', number, holder, scheme, version, \'recert/certificate-\' || id || \'/\' || expires,' +
    '   deadline(scheme, version, \'recertApplication\', expires, NULL) FROM c WHERE NOT applied AND expires >= ?4 LIMIT -1 OFFSET 0)' +
    ' WHERE answer IS NOT NULL' }; // in register order, expiries first: sorting the answers would spill to disk
}

// 3. Open nonconformities: the correction deadline recorded on the finding, else the scheme's.
function nonconformities() {
  return { params: [end], sql: 'SELECT \'correction\' AS kind, coalesce(number, \'\') AS certificate, holder, scheme, version,' +
    ' \'correction/finding-\' || id AS uid, json_set(correction(scheme, version, due, audit_end), \'$.what\',' +
    '   \'nonconformity \' || coalesce(item, \'#\' || id) || \' correction\') AS answer FROM (' +
    ' SELECT f.id, f.due, f.item, coalesce(a.actual_end, f.raised) AS audit_end, k.scheme, k.version, o.name AS holder,' +
    ' (SELECT number FROM certificates c WHERE c.case_id = k.id ORDER BY c.id DESC LIMIT 1) AS number' +
    ' FROM findings f JOIN audits a ON a.id = f.audit_id JOIN cases k ON k.id = a.case_id JOIN orgs o ON o.id = k.org_id' +
    ' WHERE f.status = \'open\' AND f.kind = \'nonconformity\' AND (f.due IS NULL OR f.due <= ?1) ORDER BY f.id)' +
    ' WHERE answer IS NOT NULL' };
}

// 4. Suspensions reaching their limit (restore or withdraw), from the cause code stored with the
// suspension (a cause may lift the limit: CAS §9.3.2.2's licence under renewal).
function suspensions() {
  var shortest = 6 * 31; // the seed schemes all say 6 months; a shorter limit is probed below
  versions.forEach(function (v) {
    var rule = ruleOf(v.scheme, v.version);
    if (!has(rule, 'deadline')) return;
    try {
      var d = rule.deadline('suspensionLimit', '2021-03-15');
      if (d.date) shortest = Math.min(shortest, date.diffDays('2021-03-15', d.date));
    } catch (e) { problem(v.scheme, v.version, 'suspensionLimit: ' + e.message); }
  });
  return { params: [date.addDays(end, -shortest + 4)], sql: 'SELECT \'suspension\' AS kind, c.number AS certificate,' +
    ' o.name AS holder, c.scheme, c.version, \'suspension/certificate-\' || c.id || \'/\' || c.status_date AS uid,' +
    ' deadline(c.scheme, c.version, \'suspensionLimit\', c.status_date, c.status_code) AS answer' +
    ' FROM certificates c JOIN orgs o ON o.id = c.org_id WHERE c.status = \'suspended\' AND c.status_date <= ?1' +
    ' AND answer IS NOT NULL ORDER BY c.status_date, c.id' };
}

// 5. Matters: verified causes, R6.2 events, appeals, complaints.
function matters() {
  return { params: [], sql: 'SELECT coalesce(json_extract(answer, \'$.kind\'), kind) AS kind, coalesce(number, \'\') AS certificate,' +
    ' coalesce(holder, \'\') AS holder, scheme, version, CASE coalesce(json_extract(answer, \'$.kind\'), kind)' +
    '   WHEN \'R6.2\' THEN \'r62\' ELSE coalesce(json_extract(answer, \'$.kind\'), kind) END || \'/matter-\' || id AS uid, answer FROM (' +
    ' SELECT m.id, m.kind, c.number, o.name AS holder, coalesce(c.scheme, k.scheme) AS scheme, coalesce(c.version, k.version) AS version,' +
    ' matter(coalesce(c.scheme, k.scheme), coalesce(c.version, k.version), m.kind, m.id, m.cause, m.received, m.due, c.status) AS answer' +
    ' FROM matters m LEFT JOIN certificates c ON c.id = m.certificate_id' +
    ' LEFT JOIN cases k ON k.id = coalesce(m.case_id, c.case_id) LEFT JOIN orgs o ON o.id = k.org_id' +
    ' WHERE m.closed IS NULL AND coalesce(c.scheme, k.scheme) IS NOT NULL ORDER BY m.received, m.id LIMIT -1 OFFSET 0) WHERE answer IS NOT NULL' };
}

// 6. Applications awaiting review: the notice of non-acceptance.
function applications() {
  return { params: [], sql: 'SELECT \'application\' AS kind, \'case \' || k.id AS certificate, o.name AS holder, k.scheme,' +
    ' k.version, \'review/case-\' || k.id AS uid, deadline(k.scheme, k.version, \'nonAcceptanceNotice\', k.applied, NULL) AS answer' +
    ' FROM cases k JOIN orgs o ON o.id = k.org_id WHERE k.status = \'applied\' AND answer IS NOT NULL ORDER BY k.applied, k.id' };
}

// 7. Required actions: what each certificate's scheme says must now happen (withdraw a five-star
// grade, suspend for an overdue correction, withdraw at the suspension limit, report an R6.2 event
// to CNAS …), from stdlib/actions, the module q.actions() reads too. Each is reported as a row
// of report()'s shape, dated by its due date, until the act is recorded. A missed surveillance and
// an overdue correction are reported once, by sections 1 and 3 (with the clauses that require the
// suspension), not again as actions here.
function requiredActions() {
  var rows = [];
  require('stdlib/actions').list(asOf, { reported: false }).forEach(function (a) {
    if (a.code === 'unchecked') { problem(a.scheme, a.version, a.text); return; }
    var uid = 'action-' + a.code + '/' + a.subject.replace(':', '-'), state = a.due < asOf ? 'overdue' : 'due';
    if (!opts.all) {
      var last = sql('SELECT json_extract(payload, \'$.fp\') AS fp FROM events WHERE subject = ? ORDER BY seq DESC LIMIT 1', 'reminder:' + uid);
      if (last.length && last[0].fp === a.due + '|' + state) return;
    }
    rows.push({ date: a.due, days: date.diffDays(asOf, a.due), state: state, what: a.do + (a.to ? ' to ' + a.to : '') + ' (' + a.code + ')',
      certificate: a.certificate, holder: a.holder, rule: a.scheme + '@' + a.version, clause: a.clause, uid: uid,
      text: whyText(a.why).replace(/\n/g, ' | '), kind: 'action', scheme: a.scheme, version: a.version, answer: JSON.stringify({ why: a.why }) });
  });
  return rows;
}

// ---- output ---------------------------------------------------------------------------------

var COLUMNS = [
  { key: 'date', title: 'date' }, { key: 'days', title: 'days' }, { key: 'state', title: 'state' },
  { key: 'what', title: 'what' }, { key: 'certificate', title: 'certificate' }, { key: 'holder', title: 'holder' },
  { key: 'rule', title: 'scheme' }, { key: 'clause', title: 'clause' }
];
var CSV_COLUMNS = COLUMNS.concat([{ key: 'uid', title: 'uid' }, { key: 'text', title: 'why' }]);

// report(section): the section's items, in CSV_COLUMNS order (then kind, scheme, version and the
// answer), leaving out those recorded before with the same date and state unless --all.
function report(section) {
  var a = function (field) { return 'json_extract(answer, \'$.' + field + '\')'; };
  return PAST + 'SELECT ' + a('date') + ' AS date, CAST(julianday(' + a('date') + ') - julianday(\'' + asOf + '\') AS INTEGER) AS days, ' +
    a('state') + ' AS state, ' + a('what') + ' AS what, certificate, holder, scheme || \'@\' || version AS rule, ' +
    a('clause') + ' AS clause, uid, ' + a('text') + ' AS text, kind, scheme, version, answer FROM (' + section.sql +
    ' LIMIT -1 OFFSET 0)' + // OFFSET 0: not flattened into this query, so each rule is asked once per row, not once per column
    (opts.all ? '' : ' WHERE coalesce((SELECT json_extract(e.payload, \'$.fp\') FROM events e WHERE e.subject = \'reminder:\' || uid' +
      ' ORDER BY e.seq DESC LIMIT 1), \'\') <> ' + a('date') + ' || \'|\' || ' + a('state'));
}

var CSV_QUOTED = /[",\r\n]/;

// csvField(v) → v as an RFC 4180 field: quoted when it holds a comma, quote or line end.
function csvField(v) {
  var t = v === undefined || v === null ? '' : String(v);
  return CSV_QUOTED.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
}

var toRecord = [], collected = [], emitted = 0, answers = {};

// emit(row): one item of report()'s rows, in the chosen format (CSV here only when --record).
function emit(row) {
  var ans = answers[row.answer] || (answers[row.answer] = JSON.parse(row.answer)); // items share answers
  var it = { kind: row.kind, uid: row.uid, what: row.what, state: row.state, date: row.date, days: row.days,
    certificate: row.certificate, holder: row.holder, scheme: row.scheme, version: row.version, rule: row.rule,
    clause: row.clause, why: ans.why };
  if (opts.record) toRecord.push({ uid: it.uid, fp: it.date + '|' + it.state, kind: it.kind, date: it.date, state: it.state, certificate: it.certificate });
  emitted++;
  if (opts.format === 'table') collected.push(it);
  else if (opts.format === 'csv') print(CSV_COLUMNS.map(function (c) { return csvField(c.key === 'text' ? row.text : it[c.key]); }).join(','));
  else if (opts.format === 'json') {
    if (emitted === 1) print('[');
    print((emitted === 1 ? '' : ',') + JSON.stringify({
      uid: it.uid, kind: it.kind, what: it.what, state: it.state, date: it.date, days: it.days,
      certificate: it.certificate, holder: it.holder, scheme: it.scheme, version: it.version, why: it.why
    }));
  } else {
    var ev = ical.event({
      uid: it.uid + '@certsh', date: it.date, stamp: asOf, categories: it.kind,
      summary: it.what + ' — ' + (it.certificate || '') + ' ' + (it.holder || ''),
      description: it.state + ' (' + it.rule + ')\n' + whyText(it.why)
    });
    print(ev.substring(0, ev.length - 1)); // print ends the line with LF after our CR
  }
}

// ---- the run --------------------------------------------------------------------------------

if (opts.format === 'ics') print(ical.header({ name: 'certsh reminders ' + asOf }).replace(/\n$/, ''));
if (opts.format === 'csv') print(CSV_COLUMNS.map(function (c) { return c.title; }).join(','));
sqlFunctions(FUNCTIONS, function () {
  [surveillance(), recertification(), nonconformities(), suspensions(), matters(), applications()].forEach(function (section) {
    if (!section) return;
    if (opts.format === 'csv' && !opts.record) // printed by SQLite: no JavaScript per row
      emitted += sqlPrint('SELECT ' + CSV_COLUMNS.map(function (c) { return c.key; }).join(', ') + ' FROM (' + report(section) + ')', section.params);
    else sqlEach(report(section), section.params, emit);
  });
});
requiredActions().forEach(emit);

if (opts.format === 'table') {
  collected.sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : 1; });
  print('Reminders as of ' + asOf + ', horizon ' + opts.horizon + ' days' +
    (opts.all ? '' : ' (new or changed since last recorded)') + ': ' + collected.length + ' items');
  if (collected.length) print(format.table(collected, COLUMNS, { max: 36 }));
  if (skipped.length) print('Not checked: ' + skipped.join('; '));
} else if (opts.format === 'json') {
  print(emitted ? ']' : '[]');
} else if (opts.format === 'ics') {
  print(ical.footer().replace(/\n$/, ''));
}
if (opts.record && toRecord.length) reminder.record(toRecord);
undefined;
