// stdlib/queries.js — the analyst cookbook as one-line helpers (the global `q`): certificates
// by scheme / status / grade / expiry, surveillance due or overdue, open nonconformities past
// their deadline, suspensions nearing their limit, auditors' man-days, decisions taken by an
// auditor of the case (must be empty), counts per scheme and year, a certificate's state on a
// past date. All read-only SQL with bound parameters; where a rule decides (surveillance
// windows, deadlines) the certificate's own scheme version is asked and its `why` kept.
//
// Two time axes: asOf (default today) answers with what is now known to have been true on that
// day — each record as its last event in force by then (effective <= asOf) left it, so a
// finding closed in August is open on 30 June; knownOn (default --known-on / .known-on, none)
// counts only what had been recorded by that day. The state tables answer "now" (nothing
// recorded takes effect after asOf, no knownOn); any other date is answered from the log.
'use strict';

var guardOf = require('stdlib/workflow').guardOf; // guardOf(workflow, transition, check) → the scheme's guard of that check

var STATUSES = ['active', 'suspended', 'withdrawn', 'cancelled', 'expired'];

// fail(field, message): throw an Error {code:'invalid', field}.
function fail(field, message) {
  var err = new Error(message);
  err.code = 'invalid';
  err.field = field;
  throw err;
}

// shown(v) → v as JSON for an error message.
function shown(v) {
  try { return JSON.stringify(v); } catch (e) { return String(v); }
}

// order(x, y) → -1, 0 or 1: texts (null and undefined as '') in code-unit order, for sorts' ties
function order(x, y) {
  var a = x === null || x === undefined ? '' : x, b = y === null || y === undefined ? '' : y;
  return a < b ? -1 : a > b ? 1 : 0;
}

// checkKeys(obj, allowed, fn): refuse unknown keys (a misspelt filter must not match everything).
function checkKeys(obj, allowed, fn) {
  if (obj === undefined || obj === null) return {};
  if (typeof obj !== 'object' || Array.isArray(obj)) fail('filter', fn + ': the filter must be an object {…}, got ' + shown(obj));
  Object.keys(obj).forEach(function (k) {
    if (allowed.indexOf(k) < 0) fail(k, fn + ': unknown filter ' + k + '; use ' + allowed.join(', '));
  });
  return obj;
}

// checkDate(v, field, fn) → v when it is a real date 'YYYY-MM-DD' (undefined stays undefined).
function checkDate(v, field, fn) {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || !date.isValid(v)) fail(field, fn + ': ' + field + ' must be a date YYYY-MM-DD, got ' + shown(v));
  return v;
}

// checkDays(v, field, fn, def) → a whole number of days ≥ 0 (def when absent).
function checkDays(v, field, fn, def) {
  if (v === undefined || v === null) return def;
  if (typeof v !== 'number' || v < 0 || v !== Math.floor(v)) fail(field, fn + ': ' + field + ' must be a whole number of days ≥ 0, got ' + shown(v));
  return v;
}

// splitScheme(id) → {id, version} from 'id' or 'id@version'.
function splitScheme(id, fn) {
  if (id === undefined || id === null) return { id: null, version: null };
  if (typeof id !== 'string' || !id) fail('scheme', fn + ': scheme must be a scheme id such as \'cas-service\', got ' + shown(id));
  var at = id.indexOf('@');
  return at < 0 ? { id: id, version: null } : { id: id.substring(0, at), version: id.substring(at + 1) };
}

// when(asOf, knownOn, fn) → {asOf, knownOn}: the two dates checked, defaulting to today() and
// the session's knownOn() (null: everything recorded).
function when(asOf, knownOnDate, fn) {
  return { asOf: checkDate(asOf, 'asOf', fn) || today(),
    knownOn: knownOnDate === undefined ? knownOn() : knownOnDate === null ? null : checkDate(knownOnDate, 'knownOn', fn) };
}

// The subject prefix of each state table whose rows the log keeps (core/log.c).
var PREFIX = { orgs: 'org', people: 'person', cases: 'case', audits: 'audit', findings: 'finding', scores: 'score',
  decisions: 'decision', certificates: 'certificate', matters: 'matter', sites: 'site' };
var columnCache = {};

// columnsOf(table) → the table's column names (read once per process).
function columnsOf(table) {
  if (!columnCache[table]) columnCache[table] = sql('SELECT name FROM pragma_table_info(?1) ORDER BY cid', table).map(function (r) { return r.name; });
  return columnCache[table];
}

// lit(date) → a checked date as an SQL literal (dates are digits and dashes only).
function lit(d) {
  if (d !== null && !(typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d))) fail('date', 'not a date: ' + shown(d));
  return d === null ? 'NULL' : '\'' + d + '\'';
}

// at(table, t) → SQL naming the rows of a state table as they stood on t.asOf as known on
// t.knownOn: the table itself when that is "now", else a subquery over the record log taking
// each subject's last event in force by t.asOf (and recorded by t.knownOn). Use it in FROM.
function at(table, t) {
  var prefix = PREFIX[table];
  if (!prefix) fail('table', 'q.at(table, {asOf, knownOn}): table must be one of ' + Object.keys(PREFIX).join(', ') + ', got ' + shown(table));
  var range = 'subject >= \'' + prefix + ':\' AND subject < \'' + prefix + ';\'';
  // "now" when nothing of the kind takes effect after asOf: a few rows of the effective index
  // (SQLite would rather scan every event of the kind through events_subject)
  if (t.knownOn === null && sql('SELECT NOT EXISTS (SELECT 1 FROM events INDEXED BY events_effective WHERE effective > ?1 AND ' +
    range + ') AS now', t.asOf)[0].now) return table;
  return '(SELECT ' + columnsOf(table).map(function (c) { return 'json_extract(e.payload, \'$.state.' + c + '\') AS "' + c + '"'; }).join(', ') +
    ' FROM events e WHERE e.seq IN (SELECT max(seq) FROM events WHERE ' + range + ' AND effective <= ' + lit(t.asOf) +
    (t.knownOn === null ? '' : ' AND as_of <= ' + lit(t.knownOn)) + ' GROUP BY subject))';
}

var CERT_COLUMNS = 'c.id, c.number, o.name AS holder, c.scheme, c.version, c.grade, c.stars, c.status, ' +
  'c.status_date, c.issued, c.expires';

// q.certificates({scheme, status, grade, org, expiresFrom, expiresTo, asOf, knownOn}) →
// certificates matching every filter given (scheme may be 'id@version'), by expiry date, as
// they stood on asOf (default today) as known on knownOn.
function certificates(filter) {
  var fn = 'q.certificates({scheme, status, grade, org, expiresFrom, expiresTo, asOf, knownOn})';
  var f = checkKeys(filter, ['scheme', 'status', 'grade', 'org', 'expiresFrom', 'expiresTo', 'asOf', 'knownOn'], fn);
  var t = when(f.asOf, f.knownOn, fn);
  var s = splitScheme(f.scheme, fn);
  if (f.status !== undefined && STATUSES.indexOf(f.status) < 0) fail('status', fn + ': status must be one of ' + STATUSES.join(', ') + ', got ' + shown(f.status));
  if (f.org !== undefined && typeof f.org !== 'number' && typeof f.org !== 'string') fail('org', fn + ': org must be an organisation id or a part of its name, got ' + shown(f.org));
  var from = checkDate(f.expiresFrom, 'expiresFrom', fn), to = checkDate(f.expiresTo, 'expiresTo', fn);
  return sql('SELECT ' + CERT_COLUMNS + ' FROM ' + at('certificates', t) + ' c JOIN orgs o ON o.id = c.org_id' +
    ' WHERE (?1 IS NULL OR c.scheme = ?1) AND (?2 IS NULL OR c.version = ?2) AND (?3 IS NULL OR c.status = ?3)' +
    ' AND (?4 IS NULL OR c.grade = ?4) AND (?5 IS NULL OR c.expires >= ?5) AND (?6 IS NULL OR c.expires <= ?6)' +
    ' AND (?7 IS NULL OR (typeof(?7) = \'integer\' AND c.org_id = ?7) OR (typeof(?7) = \'text\' AND instr(o.name, ?7) > 0))' +
    ' ORDER BY c.expires, c.number',
    s.id, s.version, f.status, f.grade, from, to, f.org === undefined ? null : f.org);
}

// q.expiring(from, to, {asOf, knownOn}) → certificates active on asOf (default today) expiring
// between from (default today) and to (inclusive), as known on knownOn.
function expiring(from, to, opts) {
  var fn = 'q.expiring(from, to, {asOf, knownOn})';
  var o = checkKeys(opts, ['asOf', 'knownOn'], fn);
  return certificates({ status: 'active', expiresFrom: checkDate(from, 'from', fn) || today(), expiresTo: checkDate(to, 'to', fn),
    asOf: o.asOf, knownOn: o.knownOn });
}

// q.certificate(numberOrId) → one certificate (by number, id or a row with an id), or throws.
function certificate(ref) {
  var fn = 'q.certificate(numberOrId)';
  var id = ref && typeof ref === 'object' ? ref.id : ref;
  if (typeof id !== 'number' && typeof id !== 'string') fail('certificate', fn + ': give a certificate number or id, got ' + shown(ref));
  var rows = sql('SELECT ' + CERT_COLUMNS + ', c.case_id, c.org_id, c.scope, c.status_cause, c.status_clause, c.decision_id' +
    ' FROM certificates c JOIN orgs o ON o.id = c.org_id WHERE ' + (typeof id === 'number' ? 'c.id = ?1' : 'c.number = ?1'), id);
  if (rows.length === 0) {
    var err = new Error(fn + ': there is no certificate ' + shown(id));
    err.code = 'not-found';
    err.field = 'certificate';
    throw err;
  }
  return rows[0];
}

// reminderRun(t, days, scheme, open) → a stdlib/reminders run on t.asOf as known on t.knownOn
function reminderRun(t, days, s, open) {
  var reminders = require('stdlib/reminders');
  return new reminders.Run({ asOf: t.asOf, horizon: days, past: past(reminders.TABLES, { asOf: t.asOf, knownOn: t.knownOn }),
    scheme: s, open: open });
}

// q.surveillance(asOf, {within, scheme, knownOn}) → certificates active on asOf (default
// today) whose next surveillance audit is overdue, due (its window is open) or opens within
// `within` days (default 30) of asOf, from the audits done by then, as the certificate's
// scheme version computes it (stdlib/reminders, the reminder job's reading), most urgent first;
// a scheme version that cannot be checked is listed as one row with state 'unchecked'.
function surveillance(asOf, opts) {
  var fn = 'q.surveillance(asOf, {within, scheme, knownOn})';
  var o = checkKeys(opts, ['within', 'scheme', 'knownOn'], fn);
  var t = when(asOf, o.knownOn, fn);
  var run = reminderRun(t, checkDays(o.within, 'within', fn, 30), splitScheme(o.scheme, fn), true);
  var STATE = { missed: 'overdue', closing: 'due', open: 'due', opens: 'opens soon' };
  var out = run.rows('surveillance').map(function (r) {
    var a = r.answer;
    return { number: r.certificate, holder: r.holder, scheme: r.scheme, version: r.version, n: a.n, opens: a.opens,
      due: a.due, latest: a.latest, state: STATE[a.state], why: a.why };
  });
  run.skipped.forEach(function (what) {
    out.push({ number: null, holder: null, scheme: what.split('@')[0], version: what.substring(what.indexOf('@') + 1, what.indexOf(': ')),
      n: null, opens: null, due: null, latest: null, state: 'unchecked', note: what, why: [] });
  });
  var rank = { overdue: 0, due: 1, 'opens soon': 2, unchecked: 3 };
  return out.sort(function (a, b) { // a total order: Duktape's sort picks random pivots, ties came out either way
    if (rank[a.state] !== rank[b.state]) return rank[a.state] - rank[b.state];
    return order(a.due, b.due) || order(a.number, b.number) || (a.n || 0) - (b.n || 0) || order(a.note, b.note);
  });
}

// q.overdueFindings(asOf, {knownOn}) → nonconformities open on asOf (default today) whose
// correction deadline is before asOf: the due date recorded on the finding, or else the
// scheme's 'correction' deadline from the audit's end (stdlib/reminders); most overdue first.
function overdueFindings(asOf, opts) {
  var fn = 'q.overdueFindings(asOf, {knownOn})';
  var t = when(asOf, checkKeys(opts, ['knownOn'], fn).knownOn, fn);
  var items = reminderRun(t, -1, null, false).rows('nonconformities');
  if (!items.length) return [];
  var detail = {};
  sql('SELECT f.id, a.case_id, f.item, f.clause, f.raised, f.evidence FROM ' + at('findings', t) + ' f JOIN audits a ON a.id = f.audit_id' +
    ' WHERE f.id IN (' + items.map(function (r) { return Number(r.ref); }).join(', ') + ')').forEach(function (r) { detail[r.id] = r; });
  return items.map(function (r) {
    var f = detail[r.ref];
    return { finding: f.id, holder: r.holder, case_id: f.case_id, scheme: r.scheme, item: f.item, clause: f.clause,
      raised: f.raised, due: r.date, daysLate: -r.days, evidence: f.evidence, why: r.answer.why };
  }).sort(function (a, b) { return b.daysLate - a.daysLate || a.finding - b.finding; });
}

// q.suspensions(asOf, {within, knownOn}) → certificates suspended on asOf (default today) whose
// suspension limit (the scheme's 'suspensionLimit' for the stored cause code: 6 months in every
// seed scheme, none for CAS's licence under renewal) falls within `within` days (default 30) of
// asOf or has passed (stdlib/reminders): withdrawal candidates, nearest limit first. A scheme
// without the rule reports none.
function suspensions(asOf, opts) {
  var fn = 'q.suspensions(asOf, {within, knownOn})';
  var o = checkKeys(opts, ['within', 'knownOn'], fn);
  var t = when(asOf, o.knownOn, fn);
  var items = reminderRun(t, checkDays(o.within, 'within', fn, 30), null, false).rows('suspensions');
  if (!items.length) return [];
  var detail = {};
  sql('SELECT c.id, c.status_date, c.status_cause FROM ' + at('certificates', t) + ' c WHERE c.id IN (' +
    items.map(function (r) { return Number(r.ref); }).join(', ') + ')').forEach(function (r) { detail[r.id] = r; });
  return items.map(function (r) {
    var c = detail[r.ref];
    return { number: r.certificate, holder: r.holder, scheme: r.scheme, version: r.version, suspended: c.status_date,
      cause: c.status_cause, limit: r.date, daysLeft: r.days, why: r.answer.why };
  }).sort(function (a, b) { return a.daysLeft - b.daysLeft || order(a.number, b.number); });
}

// q.actions(asOf, {scheme, code}) → the required actions pending on asOf (default today) over the
// whole register, most overdue first: what each certificate's scheme says must now happen (the
// five-star grade to withdraw, the suspension for an overdue correction, the withdrawal at the
// suspension limit, the R6.2 report to CNAS …), each with its due date, clause and why
function actions(asOf, opts) {
  var fn = 'q.actions(asOf, {scheme, code})';
  asOf = checkDate(asOf, 'asOf', fn) || today();
  var o = checkKeys(opts, ['scheme', 'code'], fn);
  return require('stdlib/actions').list(asOf, { scheme: o.scheme, code: o.code });
}

// q.plan(from, to) → the body's audit plan for a period (default: the quarter from today): every
// coming surveillance or recertification of a live certificate whose window is open some day of it,
// with its man-days and a proposed team (stdlib/planning), by date
function plan(from, to) {
  var fn = 'q.plan(from, to)';
  from = checkDate(from, 'from', fn) || today();
  to = checkDate(to, 'to', fn) || date.addDays(date.addMonths(from, 3), -1);
  return require('stdlib/planning').period(from, to);
}

// q.competence(scheme, date, field) → the competence matrix: per person, whether the scheme's
// workflow lets them lead an audit, audit, or decide on `date` (default today), from their roles,
// registrations and competence records as the scheme's audit and decision guards read them, with
// the registrations valid that day; and whether they bring the professional field `field` (default
// the field of the scheme's technical-competence guard: DNI 02.03.01). scheme is an id or
// 'id@version' (its version in force when plain).
function competence(id, on, field) {
  var fn = 'q.competence(scheme, date, field)';
  if (typeof id !== 'string' || !id) fail('scheme', fn + ': scheme must be a scheme id such as \'dni-aftersales\', got ' + shown(id));
  on = checkDate(on, 'date', fn) || today();
  var s = scheme(id);
  var reg = guardOf(s.workflow, 'audit', 'registered');
  // the scheme's competence guards: the evaluation records count where it has them
  var auditComp = guardOf(s.workflow, 'audit', 'competent'), decideComp = guardOf(s.workflow, 'decision', 'competent');
  var tech = guardOf(s.workflow, 'audit', 'technicalCompetence');
  if (field !== undefined && (typeof field !== 'string' || !field)) fail('field', fn + ': field must be a professional field code such as \'02.03.01\', got ' + shown(field));
  var code = field || (tech && tech.field) || null;
  return sql('SELECT p.id, p.name, p.roles, (SELECT json_group_array(json_object(\'number\', r.number, \'fieldCode\', r.field_code,' +
    ' \'validFrom\', r.valid_from, \'validTo\', r.valid_to)) FROM registrations r WHERE r.person_id = p.id AND r.valid_from <= ?1' +
    ' AND r.valid_to >= ?1) AS valid FROM people p ORDER BY p.id', on).map(function (p) {
    var roles = JSON.parse(p.roles), valid = JSON.parse(p.valid).filter(function (r) { return !reg || !reg.field || r.fieldCode === reg.field; });
    var who = people.get(p.id);
    var evaluated = { audit: who.competence('audit', s.id, on), decide: who.competence('decide', s.id, on) };
    var audits = roles.indexOf('auditor') >= 0 && (!reg || valid.length > 0) && (!auditComp || evaluated.audit.competent);
    return { person: p.id, name: p.name, roles: roles, lead: audits, audit: audits, expert: roles.indexOf('expert') >= 0,
      decide: roles.indexOf('decider') >= 0 && !!guardOf(s.workflow, 'decision', 'deciders') && (!decideComp || evaluated.decide.competent),
      evaluated: evaluated.audit.text + '; ' + evaluated.decide.text,
      field: roles.indexOf('expert') >= 0 || who.inField(code, on),
      registrations: valid.map(function (r) { return r.number + (r.fieldCode ? ' ' + r.fieldCode : '') + ' ' + r.validFrom + '..' + r.validTo; }).join('; '),
      why: [reg, auditComp, decideComp, tech].filter(function (g) { return g; }).map(function (g) { return { scheme: s.id, version: s.version, clause: g.clause, text: g.text }; }) };
  });
}

// q.manDays(year, {asOf, knownOn}) → per auditor and year (only `year` when given): audits done
// and man-days, from the audits as they stood on asOf (default today) as known on knownOn. An
// audit's man-days are shared equally by its leader and members; technical experts are not
// counted (CAS §6.2.4). The year is the audit's actual start.
function manDays(year, opts) {
  var fn = 'q.manDays(year, {asOf, knownOn})';
  if (year !== undefined && year !== null && !(/^\d{4}$/.test(String(year)))) fail('year', fn + ': year must be a year such as 2024, got ' + shown(year));
  return sql(pastOf(['audits'], opts, fn) + 'SELECT p.id AS person, p.name, substr(a.actual_start, 1, 4) AS year, count(*) AS audits,' +
    ' round(sum(a.man_days / (SELECT count(*) FROM audit_team u WHERE u.audit_id = a.id AND u.role <> \'expert\')), 2) AS manDays' +
    ' FROM audit_team t JOIN audits a ON a.id = t.audit_id JOIN people p ON p.id = t.person_id' +
    ' WHERE t.role <> \'expert\' AND a.status = \'done\' AND a.man_days IS NOT NULL AND a.actual_start IS NOT NULL' +
    ' AND (?1 IS NULL OR substr(a.actual_start, 1, 4) = ?1)' +
    ' GROUP BY p.id, year ORDER BY year, manDays DESC, p.name', year === undefined || year === null ? null : String(year));
}

// q.decidedByAuditors({asOf, knownOn}) → decisions among whose makers is someone who was on an
// audit team of the same case, from the decisions and audits as they stood on asOf (default
// today) as known on knownOn. Must be empty: deciders never audited the case (CAS §6.6, DNI §5.4).
function decidedByAuditors(opts) {
  return sql(pastOf(['decisions', 'audits'], opts, 'q.decidedByAuditors({asOf, knownOn})') + 'SELECT d.id AS decision, d.case_id, d.date, p.id AS person, p.name, a.id AS audit, t.role' +
    ' FROM decision_makers m JOIN decisions d ON d.id = m.decision_id JOIN audits a ON a.case_id = d.case_id' +
    ' JOIN audit_team t ON t.audit_id = a.id AND t.person_id = m.person_id JOIN people p ON p.id = m.person_id' +
    ' ORDER BY d.id, p.id, a.id');
}

// q.counts({asOf, knownOn}) → per scheme and calendar year: applications received, audits done,
// decisions taken (positive ones apart) and certificates whose current cycle began that year, from
// the register as it stood on asOf (default today) as known on knownOn.
function counts(opts) {
  return sql(pastOf(['cases', 'audits', 'decisions', 'certificates'], opts, 'q.counts({asOf, knownOn})') + 'SELECT scheme, year, sum(kind = \'application\') AS applications, sum(kind = \'audit\') AS audits,' +
    ' sum(kind IN (\'positive\', \'negative\')) AS decisions, sum(kind = \'positive\') AS positive,' +
    ' sum(kind = \'certificate\') AS certificates FROM (' +
    '  SELECT scheme, substr(applied, 1, 4) AS year, \'application\' AS kind FROM cases' +
    '  UNION ALL SELECT k.scheme, substr(a.actual_end, 1, 4), \'audit\' FROM audits a JOIN cases k ON k.id = a.case_id' +
    '    WHERE a.status = \'done\' AND a.actual_end IS NOT NULL' +
    '  UNION ALL SELECT k.scheme, substr(d.date, 1, 4), CASE WHEN d.positive THEN \'positive\' ELSE \'negative\' END' +
    '    FROM decisions d JOIN cases k ON k.id = d.case_id' +
    '  UNION ALL SELECT scheme, substr(issued, 1, 4), \'certificate\' FROM certificates' +
    ') GROUP BY scheme, year ORDER BY scheme, year');
}

// q.stateOn(certificate, asOf, knownOn) → the certificate as it stood on asOf (default today):
// its row as left by its last event in force by then, counting only events recorded by knownOn
// (default the session's; null: all); null when it did not exist then.
function stateOn(ref, asOf, knownOnDate) {
  var t = when(asOf, knownOnDate, 'q.stateOn(certificate, asOf, knownOn)');
  var id = typeof ref === 'string' ? sql('SELECT id FROM certificates WHERE number = ?1', ref) : [];
  return log.stateOn('certificate:' + (id.length ? id[0].id : certificate(ref).id), t.asOf, t.knownOn);
}

// q.history(certificate) → every event of the certificate in the record log, oldest first, each
// with effective (when it took effect), as_of (when it was recorded) and backdated (days between).
function history(ref) {
  return log.history('certificate:' + certificate(ref).id);
}

// q.lateEntries({days, from, to, kind}) → events recorded at least `days` (default 1) after the
// day they took effect (backdated entries), recorded from `from` to `to` (default: any day),
// of one kind ('certificate.suspend') or of every kind; latest recorded first.
function lateEntries(opts) {
  var fn = 'q.lateEntries({days, from, to, kind})';
  var o = checkKeys(opts, ['days', 'from', 'to', 'kind'], fn);
  var days = checkDays(o.days, 'days', fn, 1);
  if (o.kind !== undefined && typeof o.kind !== 'string') fail('kind', fn + ': kind must be an event kind such as \'certificate.suspend\', got ' + shown(o.kind));
  return sql('SELECT seq, subject, kind, effective, as_of, CAST(julianday(as_of) - julianday(effective) AS INTEGER) AS backdated,' +
    ' actor, wall FROM events WHERE julianday(as_of) - julianday(effective) >= ?1 AND (?2 IS NULL OR as_of >= ?2)' +
    ' AND (?3 IS NULL OR as_of <= ?3) AND (?4 IS NULL OR kind = ?4) ORDER BY as_of DESC, seq DESC',
  Math.max(days, 1), checkDate(o.from, 'from', fn) || null, checkDate(o.to, 'to', fn) || null, o.kind === undefined ? null : o.kind);
}

// pastOf(tables, {asOf, knownOn}, fn) → q.past's prefix for a query function taking those options
// (the team and decision-maker rows join to the audits and decisions as they stood then).
function pastOf(tables, opts, fn) {
  var o = checkKeys(opts, ['asOf', 'knownOn'], fn), t = when(o.asOf, o.knownOn, fn);
  return past(tables, { asOf: t.asOf, knownOn: t.knownOn });
}

// q.past(tables, {asOf, knownOn}) → '' when every table named is "now", else SQL text
// 'WITH certificates AS MATERIALIZED (…), … ' to put before a statement: in it each named table
// stands as it did on asOf as known on knownOn (a query written for today then answers the past).
function past(tables, opts) {
  var fn = 'q.past(tables, {asOf, knownOn})';
  if (!Array.isArray(tables)) fail('tables', fn + ': tables must be an array of table names, got ' + shown(tables));
  var o = checkKeys(opts, ['asOf', 'knownOn'], fn), t = when(o.asOf, o.knownOn, fn);
  var parts = [];
  tables.forEach(function (table) {
    var from = at(table, t);
    if (from !== table) parts.push(table + ' AS MATERIALIZED ' + from);
  });
  return parts.length ? 'WITH ' + parts.join(', ') + ' ' : '';
}

// q.at(table, {asOf, knownOn}) → SQL text naming the rows of a state table as they stood on
// asOf as known on knownOn, for sql(): sql('SELECT count(*) n FROM ' + q.at('certificates',
// {asOf: '2026-06-30'}) + ' c WHERE c.status = \'suspended\'').
function atTable(table, opts) {
  var fn = 'q.at(table, {asOf, knownOn})';
  var o = checkKeys(opts, ['asOf', 'knownOn'], fn);
  return at(table, when(o.asOf, o.knownOn, fn));
}

// q.orgs({name, province, city}) → the organisations of the register (id, name, uscc, staff,
// address) with the province, city and county where their USCC was registered (uscc.division:
// characters 3-8, GB/T 2260; null where the data has none), by id; name matches a part of the
// name, province and city a division's name exactly ('浙江省', '杭州市'). Pivot them:
// q.pivot(q.orgs(), 'province', 'city').
function orgList(filter) {
  var fn = 'q.orgs({name, province, city})';
  var f = checkKeys(filter, ['name', 'province', 'city'], fn);
  ['name', 'province', 'city'].forEach(function (k) {
    if (f[k] !== undefined && (typeof f[k] !== 'string' || !f[k])) fail(k, fn + ': ' + k + ' must be text such as ' + { name: "'电器'", province: "'浙江省'", city: "'杭州市'" }[k] + ', got ' + shown(f[k]));
  });
  return sql('SELECT id, name, uscc, staff, address FROM orgs WHERE ?1 IS NULL OR instr(name, ?1) > 0 ORDER BY id',
    f.name === undefined ? null : f.name).map(function (o) {
    var d = /^.{2}\d{6}/.test(o.uscc) ? uscc.division(o.uscc) : { province: null, city: null, county: null };
    o.province = d.province;
    o.city = d.city;
    o.county = d.county;
    return o;
  }).filter(function (o) { return (f.province === undefined || o.province === f.province) && (f.city === undefined || o.city === f.city); });
}

// pivotKey(by, fn, which) → {label, of(row)}: a pivot axis from a field name or a function of
// the row (its label the function's name, else which)
function pivotKey(by, rows, fn, which) {
  if (typeof by === 'function') return { label: by.name || which, of: function (r) { return by(r); } };
  if (typeof by !== 'string' || !by) fail(which, fn + ': ' + which + ' must be a field name or a function (row) → value, got ' + shown(by));
  if (rows.length && !rows.some(function (r) { return Object.prototype.hasOwnProperty.call(r, by); })) {
    fail(which, fn + ': no row has a field ' + shown(by) + '; fields: ' + Object.keys(rows[0]).filter(function (k) { return k !== 'why'; }).join(', '));
  }
  return { label: by, of: function (r) { return r[by]; } };
}

// pivotText(v) → the text a value is grouped under: null and undefined as '(none)', objects as JSON
function pivotText(v) {
  if (v === null || v === undefined || v === '') return '(none)';
  return typeof v === 'object' ? shown(v) : String(v);
}

// pivotOrder(values) → the distinct group values sorted: numbers by value, then texts, '(none)' last
function pivotOrder(seen) {
  return Object.keys(seen).map(function (k) { return seen[k]; }).sort(function (a, b) {
    if ((a.text === '(none)') !== (b.text === '(none)')) return a.text === '(none)' ? 1 : -1;
    if (typeof a.value === 'number' && typeof b.value === 'number') return a.value - b.value;
    if ((typeof a.value === 'number') !== (typeof b.value === 'number')) return typeof a.value === 'number' ? -1 : 1;
    return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
  });
}

var PIVOT_AGGREGATES = ['sum', 'avg', 'min', 'max'];

// q.pivot(rows, by, by2, {sum | avg | min | max: field}) → a cross-table of rows, one row per
// value of `by` and one column per value of `by2` (a field name or a function (row) → value; a
// missing value is '(none)'), each cell the number of rows with both values, with a total column
// and a total row; without by2, one count column. With {sum: 'manDays'} (or avg, min, max) each
// cell is that aggregate of the numeric field over its rows instead (empty where no row has a
// number; totals over all of their rows). The REPL prints it as a table fitted to the terminal:
// q.pivot(q.certificates(), 'scheme', 'status'),
// q.pivot(q.manDays(), 'name', 'year', {sum: 'manDays'}).
function pivot(rows, by, by2, opts) {
  var fn = 'q.pivot(rows, by, by2, {sum | avg | min | max: field})';
  if (!Array.isArray(rows) || rows.some(function (r) { return r === null || typeof r !== 'object' || Array.isArray(r); })) {
    fail('rows', fn + ': rows must be an array of row objects (a query\'s result), got ' + shown(Array.isArray(rows) ? rows.filter(function (r) { return r === null || typeof r !== 'object' || Array.isArray(r); })[0] : rows));
  }
  if (by2 !== undefined && by2 !== null && typeof by2 === 'object') { opts = by2; by2 = undefined; } // q.pivot(rows, by, {sum})
  var o = checkKeys(opts, PIVOT_AGGREGATES, fn);
  var aggs = Object.keys(o);
  if (aggs.length > 1) fail(aggs[1], fn + ': give one aggregate, got ' + aggs.join(' and '));
  var agg = aggs[0] || null, field = agg ? o[agg] : null;
  if (agg && (typeof field !== 'string' || !field)) fail(agg, fn + ': ' + agg + ' must name a numeric field, got ' + shown(field));
  var row = pivotKey(by, rows, fn, 'by');
  var col = by2 === undefined || by2 === null ? null : pivotKey(by2, rows, fn, 'by2');
  if (agg) pivotKey(field, rows, fn, agg);
  // cells: {rowText: {colText: {n, sum, min, max}}}; '' is the total of a row or column
  var cells = {}, rowSeen = {}, colSeen = {};
  var add = function (rt, ct, x) {
    var line = cells[rt] || (cells[rt] = {}), c = line[ct] || (line[ct] = { n: 0, count: 0, sum: 0, min: null, max: null });
    c.n++;
    if (x === null) return;
    c.count++;
    c.sum += x;
    c.min = c.min === null || x < c.min ? x : c.min;
    c.max = c.max === null || x > c.max ? x : c.max;
  };
  rows.forEach(function (r) {
    var rv = row.of(r), rt = pivotText(rv), cv = col ? col.of(r) : null, ct = col ? pivotText(cv) : '';
    rowSeen['$' + rt] = rowSeen['$' + rt] || { text: rt, value: rv };
    if (col) colSeen['$' + ct] = colSeen['$' + ct] || { text: ct, value: cv };
    var x = agg ? r[field] : null;
    if (x === undefined) x = null;
    if (x !== null && (typeof x !== 'number' || !isFinite(x))) fail(field, fn + ': ' + agg + ' of ' + field + ' needs numbers, got ' + shown(x) + ' in row ' + shown(rt));
    add(rt, ct, x);
    if (col) add(rt, '', x);
    add('', ct, x);
    if (col) add('', '', x);
  });
  var value = function (c) {
    if (!agg) return c ? c.n : 0;
    if (!c || !c.count) return null;
    return agg === 'avg' ? Math.round(c.sum / c.count * 100) / 100 : agg === 'sum' ? Math.round(c.sum * 100) / 100 : c[agg];
  };
  var labels = pivotOrder(colSeen).map(function (c) { return c.text; });
  var corner = row.label + (col ? ' \\ ' + col.label : '');
  var totalKey = labels.indexOf('total') >= 0 || corner === 'total' ? '(total)' : 'total';
  var single = agg ? agg + ' ' + field : 'count';
  var line = function (rt, first) {
    var out = {};
    out[corner] = first;
    if (!col) out[single] = value(cells[rt] && cells[rt]['']);
    labels.forEach(function (ct) { out[ct] = value(cells[rt] && cells[rt][ct]); });
    if (col) out[totalKey] = value(cells[rt] && cells[rt]['']);
    return out;
  };
  var out = pivotOrder(rowSeen).map(function (r) { return line(r.text, r.value === null || r.value === undefined || r.value === '' ? '(none)' : r.value); });
  out.push(line('', totalKey));
  return out;
}

// schemeList() → the ids of the loaded schemes; none while the scheme language is absent.
function schemeIds() {
  try { return schemes(); } catch (e) { if (e.code === 'not-found') return []; throw e; }
}

// q.schemes() → every version of each scheme: id, version, in force from (effective) and until
// (the day before the next version's date; null for the latest), whether it is the one in force
// today, where its rules come from (embedded, lib, file, pinned, script), document, title.
function schemeTable() {
  var on = today(), out = [];
  schemeIds().forEach(function (id) {
    var list = require('dsl/scheme').versions(id);
    list.forEach(function (s, i) {
      var next = list[i + 1], until = next ? date.addDays(next.effective, -1) : null;
      out.push({ id: s.id, version: s.version, effective: s.effective, until: until, inForce: s.effective <= on && (!until || until >= on),
        origin: typeof s.source === 'function' ? s.source().origin : 'script', document: s.document, title: s.title });
    });
  });
  return out;
}

// q.tables() → the names of the register's tables.
function tables() {
  return sql('SELECT name FROM sqlite_master WHERE type = \'table\' AND name NOT LIKE \'sqlite_%\' ORDER BY name')
    .map(function (r) { return r.name; });
}

// q.schema(table) → the CREATE statements of table (with its indexes and triggers), or of all.
function schema(table) {
  return sql('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE \'sqlite_%\'' +
    ' AND (?1 IS NULL OR tbl_name = ?1) ORDER BY tbl_name, type <> \'table\', name',
  table === undefined ? null : table).map(function (r) { return r.sql; });
}

module.exports = {
  certificates: certificates,
  expiring: expiring,
  certificate: certificate,
  surveillance: surveillance,
  overdueFindings: overdueFindings,
  suspensions: suspensions,
  actions: actions,
  competence: competence,
  plan: plan,
  manDays: manDays,
  decidedByAuditors: decidedByAuditors,
  counts: counts,
  stateOn: stateOn,
  history: history,
  lateEntries: lateEntries,
  at: atTable,
  past: past,
  schemes: schemeTable,
  schemeIds: schemeIds,
  pivot: pivot,
  orgs: orgList,
  tables: tables,
  schema: schema
};
