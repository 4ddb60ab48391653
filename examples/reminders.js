// examples/reminders.js — the reminder job operations staff run from cron.
//
//   certsh [--as-of DATE] [-o FILE] run examples/reminders.js [--horizon DAYS]
//          [--format table|csv|json|ics] [--record] [--all]
//
// For the as-of date (default today) and a horizon (default 30 days) it lists, per certificate
// and citing the clause and scheme version of each: surveillance windows opening, closing soon
// or missed; recertification applications due and certificates expiring; open nonconformities
// nearing or past their correction deadline; suspensions nearing or past their limit and
// verified causes whose suspension is due; non-acceptance notices, appeal and complaint answers
// nearing their deadlines; R6.2 events not acted upon (cnas-ecommerce).
//
// Speed: SQLite picks the candidates with indexes and date windows (bounds derived from each
// scheme version's own rules by probing them once), rows are streamed with sqlEach, and the
// scheme's exact JavaScript rule runs only on the few rows near a deadline.
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
    else usage('unknown argument \'' + a + '\'');
  }
  return o;
}

var opts = parseArgs(typeof args === 'undefined' ? [] : args);
var asOf = today();
var end = date.addDays(asOf, opts.horizon);

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

var deadlines = {};

// deadlineOf(rule, name, from, opts) → {date, why}, memoised: many rows share a date.
function deadlineOf(rule, name, from, o) {
  var key = rule.id + '@' + rule.version + '|' + name + '|' + from + '|' + (o ? JSON.stringify(o) : '');
  var d = deadlines[key];
  if (!d) {
    d = rule.deadline(name, from, o) || { date: null, why: [] }; // null: the scheme states none
    d = deadlines[key] = { date: d.date, why: d.why, key: key };
  }
  return d;
}

// has(rule, method) → true when rule is a Scheme offering method.
function has(rule, method) { return !(rule instanceof Error) && typeof rule[method] === 'function'; }

var problems = {};

// problem(id, version, what): say once on stderr why rows of a scheme version were not checked.
function problem(id, version, what) {
  var key = id + '@' + version + ': ' + what;
  if (problems[key]) return;
  problems[key] = true;
  skipped.push(key);
}
var skipped = [];

// The scheme versions present among live certificates.
var versions = sql('SELECT DISTINCT scheme, version FROM certificates WHERE status IN (\'active\', \'suspended\')');

// ---- output ---------------------------------------------------------------------------------

var recorded = opts.all ? {} : reminder.recorded();
var toRecord = [], collected = [], emitted = 0;
var COLUMNS = [
  { key: 'date', title: 'date' }, { key: 'days', title: 'days' }, { key: 'state', title: 'state' },
  { key: 'what', title: 'what' }, { key: 'certificate', title: 'certificate' }, { key: 'holder', title: 'holder' },
  { key: 'rule', title: 'scheme' }, { key: 'clause', title: 'clause' }
];
var CSV_COLUMNS = COLUMNS.concat([{ key: 'uid', title: 'uid' }, { key: 'text', title: 'why' }]);

// firstClause(why) → the clause of the first reason that names one.
function firstClause(why) {
  for (var i = 0; why && i < why.length; i++) if (why[i].clause) return why[i].clause;
  return '';
}

var shared = {};

// sharedOf(it) → what the items sharing a memoised rule answer (it.whyKey) and the same date,
// state and text have in common — days, scheme@version, clause and their CSV pieces — computed
// once for them all (else for this item alone).
function sharedOf(it) {
  var key = it.whyKey ? it.whyKey + '|' + it.date + '|' + it.state + '|' + it.what : '';
  var r = key && shared[key];
  if (!r) {
    var rule = it.scheme + '@' + it.version, clause = firstClause(it.why), days = date.diffDays(asOf, it.date);
    r = { days: days, rule: rule, clause: clause, csv: null, // the columns of CSV_COLUMNS, in order:
      head: it.date + ',' + days + ',' + csvField(it.state) + ',' + csvField(it.what) + ',', // then certificate, holder
      mid: ',' + csvField(rule) + ',' + csvField(clause) + ',' };                               // then uid, why
    if (key) shared[key] = r;
  }
  return r;
}

// emit(item): report an item unless it was recorded before with the same date and state.
function emit(it) {
  var r = sharedOf(it);
  it.days = r.days;
  it.rule = r.rule;
  it.clause = r.clause;
  it.fp = it.date + '|' + it.state;
  if (recorded[it.uid] === it.fp) return;
  if (opts.record) toRecord.push({ uid: it.uid, fp: it.fp, kind: it.kind, date: it.date, state: it.state, certificate: it.certificate });
  emitted++;
  if (opts.format === 'table') { collected.push(it); return; }
  if (opts.format === 'csv') {
    if (emitted === 1) print(CSV_COLUMNS.map(function (c) { return c.title; }).join(','));
    if (r.csv === null) r.csv = csvField(whyText(it.why).replace(/\n/g, ' | '));
    print(r.head + csvField(it.certificate) + ',' + csvField(it.holder) + r.mid + csvField(it.uid) + ',' + r.csv);
  } else if (opts.format === 'json') {
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

var CSV_QUOTED = /[",\r\n]/;

// csvField(v) → v as an RFC 4180 field: quoted when it holds a comma, quote or line end.
function csvField(v) {
  var t = v === undefined || v === null ? '' : String(v);
  return CSV_QUOTED.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
}

// whyText(why) → the reasons as one line each: 'scheme version clause: text'.
function whyText(why) {
  return (why || []).map(function (w) {
    return w.scheme + ' ' + w.version + ' ' + (w.clause || '') + ': ' + w.text;
  }).join('\n');
}

// stateOf(due) → 'overdue' when due is before the as-of date, else 'due soon'.
function stateOf(due) { return due < asOf ? 'overdue' : 'due soon'; }

// ---- 1. surveillance windows -----------------------------------------------------------------

// probe(rule) → {aMin, aMax, bMin, nMax} in days: how far after its reference date (the last
// audit's end, or the decision) a surveillance window opens (a) and closes (b), found by asking
// the scheme's own rule about a certificate decided on a sample date; null when it cannot say.
function probe(rule) {
  var D = '2021-03-15', audits = [{ type: 'initial', end: D }], a = [], b = [], ref = D, n = 0;
  var expires = date.addYears(D, 3);
  for (var k = 0; k < 6; k++) {
    var res = rule.surveillance({ decisionDate: D, expires: expires, audits: audits.slice(), asOf: ref });
    var next = res && res.next;
    if (!next || !(next.due || next.latest)) break;
    n++;
    a.push(date.diffDays(ref, next.opens || ref));
    b.push(date.diffDays(ref, next.due || next.latest));
    var doneOn = next.opens && next.opens > ref ? next.opens : date.addDays(ref, 1);
    audits.push({ type: 'surveillance', end: doneOn });
    ref = doneOn;
  }
  if (!n) return null;
  return { aMin: Math.min.apply(null, a), aMax: Math.max.apply(null, a), bMin: Math.min.apply(null, b), nMax: n };
}

// Per case, in one pass over the covering index audits(case_id, status, type, actual_end) in
// case order (no sort, no table rows): its last audit — the reference of the next surveillance
// window — and the start of its current cycle (last initial or recertification audit). The
// surveillance audits done since the start are counted only for the cases the dates let through.
var CYCLES = 'WITH last AS MATERIALIZED (SELECT case_id, max(actual_end) AS ref,' +
  '   max(CASE WHEN type <> \'surveillance\' THEN actual_end END) AS start FROM audits' +
  '   WHERE status = \'done\' AND type IN (\'initial\', \'surveillance\', \'recertification\') GROUP BY case_id)';
var NSURV = '(SELECT count(*) FROM audits a WHERE a.case_id = l.case_id AND a.status = \'done\'' +
  ' AND a.type = \'surveillance\' AND a.actual_end >= l.start)';

var surveyed = {};

// surveillanceOf(rule, row) → the rule's answer for the row's certificate, memoised on exactly
// what the rule is given (scheme version, decision, expiry, audits; the as-of date is fixed):
// certificates decided and audited on the same days share one answer.
function surveillanceOf(rule, row) {
  var key = rule.id + '@' + rule.version + '|' + row.decided + '|' + row.expires + '|' + row.audits;
  var res = surveyed[key];
  if (res === undefined) {
    res = rule.surveillance({ decisionDate: row.decided, expires: row.expires, audits: JSON.parse(row.audits), asOf: asOf });
    surveyed[key] = res = { item: windowItem(res && res.next, res && res.why), key: key };
  }
  return res;
}

// windowItem(next, why) → {n, date, state, what, why} when the next window opens or closes within
// the horizon or was missed, else null.
function windowItem(next, why) {
  if (!next) return null;
  var last = next.latest || next.due, n = next.n, w = next.why || why;
  if (last < asOf) return { n: n, date: last, state: 'missed', what: 'surveillance ' + n + ' missed', why: w };
  if (next.opens && next.opens > asOf && next.opens <= end)
    return { n: n, date: next.opens, state: 'opens', what: 'surveillance ' + n + ' window opens', why: w };
  if ((!next.opens || next.opens <= asOf) && last <= end)
    return { n: n, date: last, state: 'closing', what: 'surveillance ' + n + ' window closes', why: w };
  return null;
}

function surveillance() {
  var bounds = [], params = [], SLACK = 4; // months differ in length: a few days either way
  versions.forEach(function (v) {
    var rule = ruleOf(v.scheme, v.version);
    if (!has(rule, 'surveillance')) { problem(v.scheme, v.version, rule instanceof Error ? rule.message : 'no surveillance rule'); return; }
    var p;
    try { p = probe(rule); } catch (e) { problem(v.scheme, v.version, 'surveillance rule: ' + e.message); return; }
    if (!p) return;
    // candidate: the window may open by the horizon, and it is not certainly open-and-not-closing-soon
    bounds.push('SELECT ? AS scheme, ? AS version, ? AS lo1, ? AS lo2, ? AS hi, ? AS nmax');
    params.push(v.scheme, v.version, date.addDays(end, -p.aMin + SLACK), date.addDays(asOf, -p.aMax - SLACK),
      date.addDays(end, -p.bMin + SLACK), p.nMax);
  });
  if (!bounds.length) return;
  sqlEach(CYCLES + ', b AS (' + bounds.join(' UNION ALL ') + ')' +
    ' SELECT c.id, c.number, o.name AS holder, c.scheme, c.version, c.expires, d.date AS decided,' +
    ' (SELECT json_group_array(json_object(\'type\', x.type, \'end\', x.actual_end)) FROM (SELECT a.type, a.actual_end' +
    '   FROM audits a WHERE a.case_id = c.case_id AND a.status = \'done\' AND a.actual_end IS NOT NULL' +
    '   ORDER BY a.actual_end) x) AS audits' +
    ' FROM last l CROSS JOIN certificates c ON c.case_id = l.case_id JOIN b ON b.scheme = c.scheme AND b.version = c.version' +
    ' JOIN decisions d ON d.id = c.decision_id JOIN orgs o ON o.id = c.org_id' +
    // the decision precedes the issue date, so c.issued lets through every row d.date would
    ' WHERE c.status = \'active\' AND l.ref <= b.lo1 AND (l.ref > b.lo2 OR l.ref <= b.hi OR c.issued > b.lo2)' +
    ' AND (max(l.ref, d.date) > b.lo2 OR l.ref <= b.hi) AND ' + NSURV + ' < b.nmax' +
    ' ORDER BY c.id', params, function (row) {
    var rule = ruleOf(row.scheme, row.version);
    var res = surveillanceOf(rule, row), it = res.item;
    if (!it) return;
    emit({ kind: 'surveillance', certificate: row.number, holder: row.holder, scheme: rule.id, version: rule.version,
      uid: 'surveillance-' + it.n + '/certificate-' + row.id, why: it.why, whyKey: res.key, date: it.date, state: it.state, what: it.what });
  });
}

// extend(a, b) → a new object with a's fields, then b's.
function extend(a, b) {
  var o = {}, k;
  for (k in a) o[k] = a[k];
  for (k in b) o[k] = b[k];
  return o;
}

// ---- 2. recertification applications and expiring certificates ----------------------------

var expiryClauses = {};

// expiryClause(rule, expires) → the clause the rule's certificateExpiry cites, asked once per date.
function expiryClause(rule, expires) {
  var key = rule.id + '@' + rule.version + '|' + expires;
  if (!(key in expiryClauses)) expiryClauses[key] = firstClause(rule.certificateExpiry ? rule.certificateExpiry(expires).why : []);
  return expiryClauses[key];
}

function recertification() {
  // rows past the horizon matter only for the application, so only when no recertification is planned
  sqlEach('SELECT * FROM (SELECT c.id, c.number, o.name AS holder, c.scheme, c.version, c.expires, c.status,' +
    ' EXISTS(SELECT 1 FROM audits a WHERE a.case_id = c.case_id AND a.type = \'recertification\' AND a.status <> \'cancelled\'' +
    '   AND coalesce(a.actual_end, a.planned_end, a.planned_start) >= date(c.expires, \'-1 year\')) AS applied' +
    ' FROM certificates c JOIN orgs o ON o.id = c.org_id' +
    ' WHERE c.expires >= ? AND c.expires <= ? AND c.status IN (\'active\', \'suspended\') ORDER BY c.expires, c.id)' +
    ' WHERE expires <= ? OR NOT applied',
  [date.addYears(asOf, -2), date.addDays(date.addMonths(end, 3), 7), end], function (row) {
    var rule = ruleOf(row.scheme, row.version);
    var base = { certificate: row.number, holder: row.holder, scheme: row.scheme, version: row.version };
    if (rule instanceof Error) { problem(row.scheme, row.version, rule.message); return; }
    base.scheme = rule.id;
    base.version = rule.version;
    if (row.expires <= end) {
      var expiryWhy = [{ scheme: rule.id, version: rule.version, clause: expiryClause(rule, row.expires),
        text: 'the certificate expires on ' + row.expires }]; // the same for all expiring that day: shared below
      emit(extend(base, { kind: 'expiry', uid: 'expiry/certificate-' + row.id + '/' + row.expires, date: row.expires,
        state: row.expires < asOf ? 'expired' : 'expiring', what: row.expires < asOf ? 'expired, still ' + row.status : 'certificate expires',
        why: expiryWhy, whyKey: 'expiry|' + rule.id + '@' + rule.version + '|' + row.expires }));
    }
    if (row.applied || row.expires < asOf || !has(rule, 'deadline')) return;
    var d = deadlineOf(rule, 'recertApplication', row.expires);
    if (!d.date || d.date > end) return;
    emit(extend(base, { kind: 'recertification', uid: 'recert/certificate-' + row.id + '/' + row.expires, date: d.date,
      state: stateOf(d.date), what: 'recertification application due', why: d.why, whyKey: d.key }));
  });
}

// ---- 3. open nonconformities ----------------------------------------------------------------

function nonconformities() {
  sqlEach('SELECT f.id, f.due, f.raised, f.item, coalesce(a.actual_end, f.raised) AS audit_end, k.scheme, k.version,' +
    ' o.name AS holder, (SELECT number FROM certificates c WHERE c.case_id = k.id ORDER BY c.id DESC LIMIT 1) AS number' +
    ' FROM findings f JOIN audits a ON a.id = f.audit_id JOIN cases k ON k.id = a.case_id JOIN orgs o ON o.id = k.org_id' +
    ' WHERE f.status = \'open\' AND f.kind = \'nonconformity\' AND (f.due IS NULL OR f.due <= ?) ORDER BY f.id',
  [end], function (row) {
    var rule = ruleOf(row.scheme, row.version), due = row.due, why;
    if (due) {
      var set = rule instanceof Error ? [] : rule.positions.filter(function (p) { return p.topic === 'deadline.correction'; }); // who sets it, when the scheme does not
      why = [{ scheme: row.scheme, version: row.version, clause: set.length ? set[0].clause : '', text: 'correction due ' + due + ' as recorded on finding ' + row.id }];
      if (has(rule, 'deadline')) why = deadlineOf(rule, 'correction', row.audit_end).why.concat(why);
    } else {
      if (!has(rule, 'deadline')) { problem(row.scheme, row.version, 'no correction deadline rule'); return; }
      var d = deadlineOf(rule, 'correction', row.audit_end);
      due = d.date;
      why = d.why;
      if (!due || due > end) return;
    }
    emit({ kind: 'correction', uid: 'correction/finding-' + row.id, certificate: row.number || '', holder: row.holder,
      scheme: row.scheme, version: row.version, date: due, state: stateOf(due),
      what: 'nonconformity ' + (row.item || '#' + row.id) + ' correction', why: why });
  });
}

// ---- 4. suspensions reaching their limit ----------------------------------------------------

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
  sqlEach('SELECT c.id, c.number, o.name AS holder, c.scheme, c.version, c.status_date, c.status_cause' +
    ' FROM certificates c JOIN orgs o ON o.id = c.org_id WHERE c.status = \'suspended\' AND c.status_date <= ?' +
    ' ORDER BY c.status_date, c.id', [date.addDays(end, -shortest + 4)], function (row) {
    var rule = ruleOf(row.scheme, row.version);
    if (!has(rule, 'deadline')) return;
    var cause = row.status_cause || '';
    var d = deadlineOf(rule, 'suspensionLimit', row.status_date, { licenceRenewal: /licen[cs]e|许可/i.test(cause) });
    if (!d.date || d.date > end) return;
    emit({ kind: 'suspension', uid: 'suspension/certificate-' + row.id + '/' + row.status_date, certificate: row.number,
      holder: row.holder, scheme: rule.id, version: rule.version, date: d.date,
      state: d.date < asOf ? 'overdue' : 'due soon', what: 'suspension limit: restore or withdraw', why: d.why, whyKey: d.key });
  });
}

// ---- 5. matters: verified causes, R6.2 events, appeals, complaints ---------------------------

function matters() {
  sqlEach('SELECT m.id, m.kind, m.cause, m.received, m.due, coalesce(c.scheme, k.scheme) AS scheme,' +
    ' coalesce(c.version, k.version) AS version, c.number, c.status, o.name AS holder' +
    ' FROM matters m LEFT JOIN certificates c ON c.id = m.certificate_id' +
    ' LEFT JOIN cases k ON k.id = coalesce(m.case_id, c.case_id) LEFT JOIN orgs o ON o.id = k.org_id' +
    ' WHERE m.closed IS NULL ORDER BY m.received, m.id', [], function (row) {
    if (!row.scheme) return;
    var rule = ruleOf(row.scheme, row.version);
    if (rule instanceof Error) { problem(row.scheme, row.version, rule.message); return; }
    var base = { certificate: row.number || '', holder: row.holder || '', scheme: rule.id, version: rule.version };
    var d;
    if (row.kind === 'incident' && has(rule, 'measures')) {
      var m;
      try { m = rule.measures(row.cause); } catch (e) { // an event code the scheme does not know: still not acted upon
        m = { measures: [], why: [{ scheme: rule.id, version: rule.version, clause: 'R6.2', text: e.message }] };
      }
      emit(extend(base, { kind: 'R6.2', uid: 'r62/matter-' + row.id, date: row.received, state: 'not acted upon',
        what: 'R6.2 event ' + row.cause + ' not acted upon: ' + (m.measures || []).join(', '), why: m.why }));
      return;
    }
    if (!has(rule, 'deadline')) return;
    if (row.kind === 'incident') {
      if (row.status !== 'active') return;
      d = deadlineOf(rule, 'suspendWithin', row.received);
      if (!d.date || d.date > end) return;
      emit(extend(base, { kind: 'suspend', uid: 'suspend/matter-' + row.id, date: d.date, state: stateOf(d.date),
        what: 'suspend (verified cause ' + (row.cause || '#' + row.id) + ')', why: d.why, whyKey: d.key }));
      return;
    }
    var name = row.kind === 'appeal' ? 'appealAnswer' : 'complaintAnswer';
    d = deadlineOf(rule, name, row.received);
    if (row.due) d = { date: row.due, key: null, why: d.why.concat([{ scheme: rule.id, version: rule.version, clause: '', text: row.kind + ' answer due ' + row.due + ' as recorded' }]) };
    if (!d.date || d.date > end) return;
    emit(extend(base, { kind: row.kind, uid: row.kind + '/matter-' + row.id, date: d.date, state: stateOf(d.date),
      what: row.kind + ' answer', why: d.why, whyKey: d.key }));
  });
}

// ---- 6. applications awaiting review: the notice of non-acceptance ---------------------------

function applications() {
  sqlEach('SELECT k.id, k.scheme, k.version, k.applied, o.name AS holder FROM cases k JOIN orgs o ON o.id = k.org_id' +
    ' WHERE k.status = \'applied\' ORDER BY k.applied, k.id', [], function (row) {
    var rule = ruleOf(row.scheme, row.version);
    if (!has(rule, 'deadline')) return;
    var d = deadlineOf(rule, 'nonAcceptanceNotice', row.applied);
    if (!d.date || d.date > end) return;
    emit({ kind: 'application', uid: 'review/case-' + row.id, certificate: 'case ' + row.id, holder: row.holder,
      scheme: rule.id, version: rule.version, date: d.date, state: stateOf(d.date),
      what: 'application review (notice if not accepted)', why: d.why, whyKey: d.key });
  });
}

// ---- the run --------------------------------------------------------------------------------

if (opts.format === 'ics') print(ical.header({ name: 'certsh reminders ' + asOf }).replace(/\n$/, ''));
surveillance();
recertification();
nonconformities();
suspensions();
matters();
applications();

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
