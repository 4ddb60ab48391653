// stdlib/reminders.js — what is due, overdue or coming in the register on a date, each item as its
// certificate's scheme version says, with the clause: surveillance windows, expiries and
// recertification applications, correction deadlines, suspension limits, verified causes, R6.2
// events, appeals and complaints, applications awaiting review, and the required actions of
// stdlib/actions. One owner for the reminder job (examples/reminders.js) and the analysts'
// q.surveillance, q.overdueFindings and q.suspensions.
//
// Speed: each section is one query. SQLite picks the candidates with indexes and date windows
// read from the schemes' own data (Scheme.surveillanceBounds, Scheme.deadlineBounds; a scheme
// whose rule is a function of its own gets every row) and calls the scheme's exact JavaScript
// rule through sqlFunctions, which remembers each answer: rows sharing a reference date share
// one call.
'use strict';

var actions = require('stdlib/actions');

// The tables the sections read: on a past date or known-on date, as they stood then (q.past).
var TABLES = ['certificates', 'audits', 'findings', 'matters', 'cases'];

// firstClause(why) → the clause of the first reason that names one.
function firstClause(why) {
  for (var i = 0; why && i < why.length; i++) if (why[i].clause) return why[i].clause;
  return '';
}

// whyText(why) → the reasons as one line each: 'scheme version clause: text' (core.why.lines).
function whyText(why) { return core.why.lines(why, '\n', null); }

// whyLine(why) → whyText(why) on one line: each reason, and each line end inside one, ' | '
function whyLine(why) { return core.why.lines(why, ' | ', ' | '); }

// Run(o) → the reminders of one date: o = {asOf, horizon (days), past (q.past's prefix for the
// TABLES, '' for now), scheme: {id, version} (null: all), open (true: also windows open and not
// closing within the horizon, as q.surveillance lists them), reasons ('text': the answers give
// their reasons as the clause and the text only, for a report printing no more; 'lines': also
// the reasons one per line (whyText) as `lines`, for a calendar's description; else also the
// list why)}.
function Run(o) {
  this.asOf = o.asOf;
  this.end = date.addDays(o.asOf, o.horizon);
  this.past = o.past || '';
  this.scheme = o.scheme || { id: null, version: null };
  this.open = !!o.open;
  this.reasons = o.reasons === 'text' || o.reasons === 'lines' ? o.reasons : 'list';
  this.rules = {};
  this.skipped = [];
  this.problems = {};
  this.versions = sql(this.past + 'SELECT DISTINCT scheme, version FROM certificates WHERE status IN (\'active\', \'suspended\')' +
    ' AND (?1 IS NULL OR scheme = ?1) AND (?2 IS NULL OR version = ?2)', this.scheme.id, this.scheme.version);
}

// run.ruleOf(id, version) → the Scheme governing rows of that id and version, or an Error.
Run.prototype.ruleOf = function (id, version) {
  var key = id + '@' + version;
  if (!Object.prototype.hasOwnProperty.call(this.rules, key)) {
    try { this.rules[key] = scheme(key); } catch (e) { this.rules[key] = e; }
  }
  return this.rules[key];
};

// has(rule, method) → true when rule is a Scheme offering method.
function has(rule, method) { return !(rule instanceof Error) && typeof rule[method] === 'function'; }

// run.problem(id, version, what): say once why rows of a scheme version were not checked.
Run.prototype.problem = function (id, version, what) {
  var key = id + '@' + version + ': ' + what;
  if (this.problems[key]) return;
  this.problems[key] = true;
  this.skipped.push(key);
};

// answerOf(date, state, what, why, reasons) → an item's date, state and text with its reasons
// (the list why only for reasons 'list': a Run for reasons 'text' leaves it out, a third less JSON
// per item for SQLite to copy and read, issue 17; 'lines' gives their lines instead), their first
// clause and their text on one line; null when there is no date.
function answerOf(d, state, what, why, reasons) {
  if (!d) return null;
  var a = withReasons({ date: d, state: state, what: what }, why, reasons);
  a.clause = firstClause(why);
  a.text = whyLine(why);
  return a;
}

// withReasons(a, why, reasons) → a with the reasons a Run of `reasons` gives: the list why
// ('list'), their lines ('lines'), or none ('text')
function withReasons(a, why, reasons) {
  if (reasons === 'list') a.why = why;
  else if (reasons === 'lines') a.lines = whyText(why);
  return a;
}

// The rules as SQL functions for one run. Each returns an answer (JSON in SQL) or null when
// there is nothing to report.
Run.prototype.functions = function () {
  var run = this, asOf = this.asOf, end = this.end, reasons = this.reasons;
  function answer(d, state, what, why) { return answerOf(d, state, what, why, reasons); }
  function stateOf(due) { return due < asOf ? 'overdue' : 'due soon'; }
  function deadlineOf(rule, name, from, o) {
    var d = rule.deadline(name, from, o);
    return d && d.date ? d : { date: null, why: d ? d.why || [] : [] };
  }
  function due(d, what) { return d.date && d.date <= end ? answer(d.date, stateOf(d.date), what, d.why) : null; }
  return {
    // surveillance_next(scheme, version, decided, expires, audits JSON, extensions JSON): the next
    // window missed, opening or closing within the horizon (or open, in an open run), with its
    // number n, opens, due and latest dates
    surveillance_next: function (id, version, decided, expires, audits, extensions) {
      var rule = run.ruleOf(id, version), res = null, next;
      var input = { decisionDate: decided, expires: expires, audits: JSON.parse(audits), asOf: asOf, extensions: JSON.parse(extensions || '[]') };
      if (rule.surveillanceNext) next = rule.surveillanceNext(input); // a declarative programme: the next window's reasons only
      else next = (res = rule.surveillance(input)) && res.next;
      if (!next) return null;
      var last = next.latest || next.due, n = next.n, w = next.why || res.why, a = null;
      if (last < asOf) a = answer(last, 'missed', 'surveillance ' + n + ' missed', w);
      else if (next.opens && next.opens > asOf && next.opens <= end) a = answer(next.opens, 'opens', 'surveillance ' + n + ' window opens', w);
      else if ((!next.opens || next.opens <= asOf) && last <= end) a = answer(last, 'closing', 'surveillance ' + n + ' window closes', w);
      else if (run.open && (!next.opens || next.opens <= asOf)) a = answer(last, 'open', 'surveillance ' + n + ' window open', w);
      if (a) { a.n = n; a.opens = next.opens || null; a.due = next.due; a.latest = next.latest || null; }
      return a;
    },
    // expiry(scheme, version, expires, status): the certificate expiring or expired
    expiry: function (id, version, expires, status) {
      var rule = run.ruleOf(id, version);
      if (rule instanceof Error) { run.problem(id, version, rule.message); return null; }
      var why = [{ scheme: rule.id, version: rule.version, clause: firstClause(rule.certificateExpiry ? rule.certificateExpiry(expires).why : []),
        text: 'the certificate expires on ' + expires }];
      return expires < asOf ? answer(expires, 'expired', 'expired, still ' + status, why) : answer(expires, 'expiring', 'certificate expires', why);
    },
    // deadline(scheme, version, name, from, cause): the scheme's deadline `name` counted from
    // `from`, when it falls within the horizon (cause: the suspension's stored cause code, which
    // may lift the limit, e.g. CAS §9.3.2.2's licence under renewal)
    deadline: function (id, version, name, from, cause) {
      var rule = run.ruleOf(id, version);
      if (!has(rule, 'deadline')) return null;
      var what = { recertApplication: 'recertification application due', suspensionLimit: 'suspension limit: restore or withdraw',
        nonAcceptanceNotice: 'application review (notice if not accepted)' }[name];
      return due(deadlineOf(rule, name, from, name === 'suspensionLimit' && cause ? { cause: cause } : undefined), what);
    },
    // correction(scheme, version, recorded due, audit end): an open nonconformity's correction
    // deadline, as recorded on the finding or else as the scheme sets it
    correction: function (id, version, recorded, auditEnd) {
      var rule = run.ruleOf(id, version), why;
      if (recorded) {
        var set = rule instanceof Error ? [] : (rule.positions || []).filter(function (p) { return p.topic === 'deadline.correction'; }); // who sets it, when the scheme does not
        why = [{ scheme: id, version: version, clause: set.length ? set[0].clause : '', text: 'correction due ' + recorded + ' as recorded on the finding' }];
        if (has(rule, 'deadline')) why = deadlineOf(rule, 'correction', auditEnd).why.concat(why);
        return recorded <= end ? answer(recorded, stateOf(recorded), 'nonconformity correction', why) : null;
      }
      if (!has(rule, 'deadline')) { run.problem(id, version, 'no correction deadline rule'); return null; }
      return due(deadlineOf(rule, 'correction', auditEnd), 'nonconformity correction');
    },
    // matter(scheme, version, kind, id, cause, received, recorded due, certificate status): a
    // verified cause (kind 'suspend': suspend within), an R6.2 event not acted upon (kind 'R6.2'),
    // an appeal or complaint answer
    matter: function (id, version, kind, matter, cause, received, recorded, status) {
      var rule = run.ruleOf(id, version), a;
      if (rule instanceof Error) { run.problem(id, version, rule.message); return null; }
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
};

// numbered(sql, from) → sql with each ? numbered in turn after the `from` parameters before it (?N):
// every section's parameters are numbered, so that sections can be joined into one query
// (Run.sorted) by renumbering them.
function numbered(sql, from) {
  var n = from;
  return sql.replace(/\?/g, function () { return '?' + (++n); });
}

// ---- the sections: one query each, giving kind, certificate, holder, scheme, version, uid, ref
// (the row's id: certificate, finding, matter or case) and the rule's answer (JSON), for the rows
// with something to report; `once: true` when the answer is already a column of a subquery of the
// section's own (LIMIT -1 OFFSET 0), its rule asked once per row however often it is read -------

// HOLDER: the holder's name of a section's row (org_id), read after the rows with nothing to
// report are left out, and not copied out of the subquery (the 1M job: a certificate in five
// asked of the rules reports nothing, issue 17)
var HOLDER = '(SELECT o.name FROM orgs o WHERE o.id = org_id)';

// surveillance: per case, in case order (no sort), its last audit — the reference of the next
// window —, the start of its current cycle (last initial or recertification audit) and the
// surveillance audits done since: today, one row per case of the table cycles, which the audits'
// triggers keep (migration 12: no aggregate over every audit per run); on a past date, as the
// audits stood then, in one pass over the covering index audits(case_id, status, type,
// actual_end), the surveillances counted only for the cases the dates let through.
Run.prototype.surveillance = function () {
  var run = this, bounds = [], params = [];
  this.versions.forEach(function (v) {
    var rule = run.ruleOf(v.scheme, v.version);
    if (!has(rule, 'surveillance')) { run.problem(v.scheme, v.version, rule instanceof Error ? rule.message : 'no surveillance rule'); return; }
    bounds.push(numbered('SELECT ? AS scheme, ? AS version, ? AS lo1, ? AS lo2, ? AS hi, ? AS nmax', params.length));
    if (!has(rule, 'surveillanceBounds')) { // a programme of the scheme's own code: every certificate is a candidate
      params.push(v.scheme, v.version, '9999-12-31', '0000-01-01', '9999-12-31', 1e9);
      return;
    }
    // candidate: the window may open by the horizon, and (unless the run lists open windows too) it
    // is not certainly open-and-not-closing-soon (the programme's own bounds in days, from its months)
    var p = rule.surveillanceBounds();
    params.push(v.scheme, v.version, date.addDays(run.end, -p.aMin), run.open ? '0000-01-01' : date.addDays(run.asOf, -p.aMax),
      date.addDays(run.end, -p.bMin), p.nMax);
  });
  if (!bounds.length) return null;
  var last = this.past ? 'SELECT case_id, max(actual_end) AS ref, max(CASE WHEN type <> \'surveillance\' THEN actual_end END) AS start' +
    '   FROM audits WHERE status = \'done\' AND type IN (\'initial\', \'surveillance\', \'recertification\') GROUP BY case_id' :
    'SELECT case_id, ref, start, surveillances FROM cycles';
  var done = this.past ? '(SELECT count(*) FROM audits a WHERE a.case_id = l.case_id AND a.status = \'done\'' +
    '   AND a.type = \'surveillance\' AND a.actual_end >= l.start)' : 'l.surveillances';
  return { params: params, sql: 'WITH last AS NOT MATERIALIZED (' + last + '),' +
    ' b AS (' + bounds.join(' UNION ALL ') + '), ' + actions.EXTENSIONS_CTE +
    ' SELECT \'surveillance\' AS kind, number AS certificate, ' + HOLDER + ' AS holder, scheme, version,' +
    '   \'surveillance-\' || json_extract(answer, \'$.n\') || \'/certificate-\' || id AS uid, id AS ref, answer FROM (' +
    ' SELECT c.id, c.number, c.org_id, c.scheme, c.version, surveillance_next(c.scheme, c.version, d.date, c.expires,' +
    '   (SELECT json_group_array(json_object(\'type\', x.type, \'end\', x.actual_end)) FROM (SELECT a.type, a.actual_end' +
    '     FROM audits a WHERE a.case_id = c.case_id AND a.status = \'done\' AND a.actual_end IS NOT NULL' +
    '     ORDER BY a.type, a.actual_end) x),' + // the covering index's order: no sort per row
    '   ' + actions.EXTENSIONS_OF + ') AS answer' + // with the approved extensions (DNI §5.6.1)
    // last first, streamed as a co-routine (no temporary table of every case), then the rest
    ' FROM last l CROSS JOIN b CROSS JOIN certificates c ON c.case_id = l.case_id AND b.scheme = c.scheme AND b.version = c.version' +
    ' JOIN decisions d ON d.id = c.decision_id' +
    // the decision precedes the issue date, so c.issued lets through every row d.date would
    ' WHERE c.status = \'active\' AND l.ref <= b.lo1 AND (l.ref > b.lo2 OR l.ref <= b.hi OR c.issued > b.lo2)' +
    ' AND (max(l.ref, d.date) > b.lo2 OR l.ref <= b.hi)' +
    ' AND ' + done + ' < b.nmax' +
    ' LIMIT -1 OFFSET 0) WHERE answer IS NOT NULL', once: true }; // in case order, as the index gives them: no sort
};

// recertification: certificates expiring, and recertification applications due (3 months before
// expiry) when no recertification is planned; rows past the horizon matter only for the application.
// One pass over the certificates, each giving its expiry row then its application row (a two-row
// table crossed in): nothing is held for a second pass, so the memory stays flat at any size.
Run.prototype.recertification = function () {
  return { params: [date.addYears(this.asOf, -2), date.addDays(date.addMonths(this.end, 3), 7), this.end, this.asOf],
    sql: 'SELECT kind, certificate, ' + HOLDER + ' AS holder, scheme, version, uid, ref, answer FROM (' +
    ' SELECT k.kind, c.number AS certificate, c.org_id, c.scheme, c.version, c.id AS ref,' +
    '   CASE k.kind WHEN \'expiry\' THEN \'expiry/certificate-\' ELSE \'recert/certificate-\' END || c.id || \'/\' || c.expires AS uid,' +
    '   CASE k.kind WHEN \'expiry\' THEN expiry(c.scheme, c.version, c.expires, c.status)' +
    '     ELSE deadline(c.scheme, c.version, \'recertApplication\', c.expires, NULL) END AS answer' +
    // NOT INDEXED: over two years of expiry dates, reading the certificates in order beats
    // jumping from the expiry index to each row (1M certificates: 0.3 s against 0.75 s)
    ' FROM certificates c NOT INDEXED CROSS JOIN (SELECT \'expiry\' AS kind UNION ALL SELECT \'recertification\') k' +
    ' WHERE c.expires >= ?1 AND c.expires <= ?2 AND c.status IN (\'active\', \'suspended\')' +
    ' AND CASE k.kind WHEN \'expiry\' THEN c.expires <= ?3 ELSE c.expires >= ?4 AND NOT EXISTS(SELECT 1 FROM audits a' +
    '   WHERE a.case_id = c.case_id AND a.type = \'recertification\' AND a.status <> \'cancelled\'' +
    '   AND coalesce(a.actual_end, a.planned_end, a.planned_start) >= date(c.expires, \'-1 year\')) END' +
    ' LIMIT -1 OFFSET 0) WHERE answer IS NOT NULL', once: true }; // in register order: sorting the answers would spill to memory
};

// nonconformities: the correction deadline recorded on the finding, else the scheme's.
Run.prototype.nonconformities = function () {
  return { params: [this.end], sql: 'SELECT \'correction\' AS kind, coalesce(number, \'\') AS certificate, holder, scheme, version,' +
    ' \'correction/finding-\' || id AS uid, id AS ref, json_set(correction(scheme, version, due, audit_end), \'$.what\',' +
    '   \'nonconformity \' || coalesce(item, \'#\' || id) || \' correction\') AS answer FROM (' +
    ' SELECT f.id, f.due, f.item, coalesce(a.actual_end, f.raised) AS audit_end, k.scheme, k.version, o.name AS holder,' +
    ' (SELECT number FROM certificates c WHERE c.case_id = k.id ORDER BY c.id DESC LIMIT 1) AS number' +
    ' FROM findings f JOIN audits a ON a.id = f.audit_id JOIN cases k ON k.id = a.case_id JOIN orgs o ON o.id = k.org_id' +
    ' WHERE f.status = \'open\' AND f.kind = \'nonconformity\' AND (f.due IS NULL OR f.due <= ?1) ORDER BY f.id)' +
    ' WHERE answer IS NOT NULL' };
};

// suspensions: reaching their limit (restore or withdraw), from the cause code stored with the
// suspension (a cause may lift the limit: CAS §9.3.2.2's licence under renewal). Candidates: the
// suspensions old enough for the shortest limit of the schemes in use (Scheme.deadlineBounds) to
// fall within the horizon; a scheme whose deadlines are its own code has all of its suspensions read.
Run.prototype.suspensions = function () {
  var run = this, bounds = [], params = [];
  this.versions.forEach(function (v) {
    var rule = run.ruleOf(v.scheme, v.version);
    if (!has(rule, 'deadline')) return;
    var b = has(rule, 'deadlineBounds') ? rule.deadlineBounds('suspensionLimit') : { minDays: -1e6 };
    if (!b) return; // the scheme states no suspension limit
    bounds.push(numbered('SELECT ? AS scheme, ? AS version, ? AS since', params.length));
    params.push(v.scheme, v.version, b.minDays > 1e5 ? '0000-01-01' : b.minDays < -1e5 ? '9999-12-31' : date.addDays(run.end, -b.minDays));
  });
  if (!bounds.length) return null;
  return { params: params, sql: 'WITH b AS (' + bounds.join(' UNION ALL ') + ')' +
    ' SELECT \'suspension\' AS kind, c.number AS certificate,' +
    ' o.name AS holder, c.scheme, c.version, \'suspension/certificate-\' || c.id || \'/\' || c.status_date AS uid, c.id AS ref,' +
    ' deadline(c.scheme, c.version, \'suspensionLimit\', c.status_date, c.status_code) AS answer' +
    ' FROM b JOIN certificates c ON c.scheme = b.scheme AND c.version = b.version JOIN orgs o ON o.id = c.org_id' +
    ' WHERE c.status = \'suspended\' AND c.status_date <= b.since AND answer IS NOT NULL ORDER BY c.status_date, c.id' };
};

// matters: verified causes, R6.2 events, appeals, complaints.
Run.prototype.matters = function () {
  return { params: [], sql: 'SELECT coalesce(json_extract(answer, \'$.kind\'), kind) AS kind, coalesce(number, \'\') AS certificate,' +
    ' coalesce(holder, \'\') AS holder, scheme, version, CASE coalesce(json_extract(answer, \'$.kind\'), kind)' +
    '   WHEN \'R6.2\' THEN \'r62\' ELSE coalesce(json_extract(answer, \'$.kind\'), kind) END || \'/matter-\' || id AS uid, id AS ref, answer FROM (' +
    ' SELECT m.id, m.kind, c.number, o.name AS holder, coalesce(c.scheme, k.scheme) AS scheme, coalesce(c.version, k.version) AS version,' +
    ' matter(coalesce(c.scheme, k.scheme), coalesce(c.version, k.version), m.kind, m.id, m.cause, m.received, m.due, c.status) AS answer' +
    ' FROM matters m LEFT JOIN certificates c ON c.id = m.certificate_id' +
    ' LEFT JOIN cases k ON k.id = coalesce(m.case_id, c.case_id) LEFT JOIN orgs o ON o.id = k.org_id' +
    ' WHERE m.closed IS NULL AND coalesce(c.scheme, k.scheme) IS NOT NULL ORDER BY m.received, m.id LIMIT -1 OFFSET 0) WHERE answer IS NOT NULL', once: true };
};

// applications: awaiting review, with the notice of non-acceptance.
Run.prototype.applications = function () {
  return { params: [], sql: 'SELECT \'application\' AS kind, \'case \' || k.id AS certificate, o.name AS holder, k.scheme,' +
    ' k.version, \'review/case-\' || k.id AS uid, k.id AS ref, deadline(k.scheme, k.version, \'nonAcceptanceNotice\', k.applied, NULL) AS answer' +
    ' FROM cases k JOIN orgs o ON o.id = k.org_id WHERE k.status = \'applied\' AND answer IS NOT NULL ORDER BY k.applied, k.id' };
};

// The sections in the order a report lists them.
var SECTIONS = ['surveillance', 'recertification', 'nonconformities', 'suspensions', 'matters', 'applications'];

// run.query(section, fresh) → {sql, params}: the section's items with date, days, state, what,
// certificate, holder, rule, clause, uid, text, kind, scheme, version, ref and answer (JSON);
// fresh: SQL of a condition on uid and the answer (the job's "not reported before"), or none.
Run.prototype.query = function (section, fresh) {
  var a = function (field) { return 'json_extract(answer, \'$.' + field + '\')'; };
  return { params: section.params, sql: this.past + 'SELECT ' + a('date') + ' AS date, CAST(julianday(' + a('date') + ') - julianday(\'' + this.asOf +
    '\') AS INTEGER) AS days, ' + a('state') + ' AS state, ' + a('what') + ' AS what, certificate, holder, scheme || \'@\' || version AS rule, ' +
    a('clause') + ' AS clause, uid, ' + a('text') + ' AS text, kind, scheme, version, ref, answer FROM (' + section.sql +
    // OFFSET 0: not flattened into this query, so each rule is asked once per row, not once per
    // column; a section whose answer is a column already (once) is flattened, its columns not
    // copied through one more subquery (issue 17)
    (section.once ? ')' : ' LIMIT -1 OFFSET 0)') + (fresh ? ' WHERE ' + fresh : '') };
};

// run.sorted(sections, fresh, extra, columns) → {sql, params}: the columns (of those run.query
// gives) of the items of the built sections and of the extra items (objects with those fields, as
// run.actions() gives them), in one query sorted by date then uid: SQLite sorts them, so a report
// of any length is never held in the script's memory; each section's parameters are renumbered
// after the previous ones'.
Run.prototype.sorted = function (sections, fresh, extra, columns) {
  var run = this, parts = [], params = [], COLS = columns;
  sections.forEach(function (section) {
    var q = run.query(section, fresh), base = params.length;
    parts.push('SELECT ' + COLS.join(', ') + ' FROM (' + q.sql.replace(/\?(\d+)/g, function (m, n) { return '?' + (Number(n) + base); }) + ')');
    params = params.concat(q.params);
  });
  params.push(JSON.stringify(extra || []));
  parts.push('SELECT ' + COLS.map(function (c) { return 'json_extract(value, \'$.' + c + '\') AS ' + c; }).join(', ') +
    ' FROM json_each(?' + params.length + ')');
  return { sql: parts.join(' UNION ALL ') + ' ORDER BY date, uid', params: params };
};

// run.each(names, body): body(sections) with the rules registered as SQL functions, where
// sections is the built sections of `names` (null ones left out) in SECTIONS order.
Run.prototype.each = function (names, body) {
  var run = this;
  var list = SECTIONS.filter(function (n) { return names.indexOf(n) >= 0; }).map(function (n) { return run[n](); })
    .filter(function (s) { return s; });
  return sqlFunctions(this.functions(), function () { return body(list); });
};

// run.rows(name) → the items of one section as objects, the answer parsed.
Run.prototype.rows = function (name) {
  var run = this;
  return this.each([name], function (list) {
    var out = [];
    list.forEach(function (section) {
      var q = run.query(section);
      sqlEach(q.sql, q.params, function (row) { row.answer = JSON.parse(row.answer); out.push(row); });
    });
    return out;
  });
};

// run.actions() → the required actions pending (stdlib/actions) as items of the same shape, dated
// by their due date. A missed surveillance and an overdue correction are left out: the
// surveillance and nonconformities sections report them, with the clauses that require the suspension.
Run.prototype.actions = function () {
  var run = this, rows = [];
  actions.list(this.asOf, { reported: false }).forEach(function (a) {
    if (a.code === 'unchecked') { run.problem(a.scheme, a.version, a.text); return; }
    if (run.scheme.id && a.scheme !== run.scheme.id) return;
    rows.push({ date: a.due, days: date.diffDays(run.asOf, a.due), state: a.due < run.asOf ? 'overdue' : 'due',
      what: a.do + (a.to ? ' to ' + a.to : '') + ' (' + a.code + ')', certificate: a.certificate, holder: a.holder,
      rule: a.scheme + '@' + a.version, clause: a.clause, uid: 'action-' + a.code + '/' + a.subject.replace(':', '-'),
      text: whyLine(a.why), kind: 'action', scheme: a.scheme, version: a.version, ref: a.subject,
      answer: JSON.stringify(withReasons({}, a.why, run.reasons)) });
  });
  return rows;
};

// run.reports() → the regulatory reports not yet filed (stdlib/reports: the CNCA month by the 10th
// of the next, …) whose due day falls within the horizon or has passed, as items of the same shape;
// none while the body's profile is not set (`certsh body`: the reports name the body filing them)
Run.prototype.reports = function () {
  var run = this;
  if (!core.body.get()) return [];
  return require('stdlib/reports').pending(this.asOf).filter(function (p) { return p.due <= run.end; }).map(function (p) {
    return { date: p.due, days: date.diffDays(run.asOf, p.due), state: p.due < run.asOf ? 'overdue' : 'due soon',
      what: p.kind + ' report for ' + p.period + ' (certsh report ' + p.kind + ' --month ' + p.period + ')', certificate: '', holder: '',
      rule: 'report ' + p.kind, clause: firstClause(p.why), uid: 'report/' + p.kind + '-' + p.period, text: whyLine(p.why),
      kind: 'report', scheme: p.kind, version: '', ref: p.period, answer: JSON.stringify(withReasons({}, p.why, run.reasons)) };
  });
};

exports.Run = Run;
exports.SECTIONS = SECTIONS;
exports.TABLES = TABLES;
exports.whyText = whyText;
