// stdlib/actions.js — required actions: what a certificate's scheme says must now happen (withdraw
// a five-star grade, suspend for an overdue correction, withdraw at the suspension limit, report an
// R6.2 event to CNAS …), read from the register and decided by the scheme's workflow
// (Scheme.requiredActions, stdlib/workflow). One module for the register's guards
// (certificate.actions(), noPendingAction), the analysts' q.actions() and the reminder job.
'use strict';

// The approved surveillance extensions recorded for certificate c (deviation.record events, rule
// surveillance.extension), as the JSON list surveillance({extensions}) takes: one SQL expression.
var EXTENSION_LIST = "json_group_array(json_object('n', json_extract(e.payload, '$.details.n'), 'reason', json_extract(e.payload, '$.reason')," +
  " 'by', json_extract(e.payload, '$.by'), 'approvedBy', json_extract(e.payload, '$.approvedBy'), 'date', json_extract(e.payload, '$.date')))";
var IS_EXTENSION = "e.kind = 'deviation.record' AND json_extract(e.payload, '$.rule') = 'surveillance.extension'";
var EXTENSIONS_SQL = '(SELECT ' + EXTENSION_LIST + " FROM events e WHERE e.subject = 'deviation:certificate-' || c.id AND " + IS_EXTENSION + ')';

// extensionsOf(id) → the list EXTENSIONS_SQL gives for certificate id: [{n, reason, by, approvedBy, date}]
function extensionsOf(id) {
  return JSON.parse(sql('SELECT ' + EXTENSIONS_SQL + ' AS list FROM certificates c WHERE c.id = ?', id)[0].list);
}

// The same lists for a query asking them of many certificates: EXTENSIONS_CTE, a table
// extensions(subject, list, approved) to put in its WITH clause (one pass over the log's deviation events
// in its subject index), and EXTENSIONS_OF, certificate c's list read from it, instead of a
// probe of that large index per certificate, each a random page of it (the 1M reminder job:
// 15.46 → 15.05 billion instructions, issue 17).
// approved: a certificate's windows extended as a text 'n,n', what SQL's
// certsh_next_window takes (stdlib/reevaluate).
var EXTENSIONS_CTE = 'extensions AS MATERIALIZED (SELECT e.subject, ' + EXTENSION_LIST + ' AS list,' +
  " group_concat(json_extract(e.payload, '$.details.n'), ',') AS approved FROM events e" +
  " WHERE e.subject >= 'deviation:certificate-' AND e.subject < 'deviation:certificate.' AND " + IS_EXTENSION + ' GROUP BY e.subject)';
var EXTENSIONS_OF = "coalesce((SELECT x.list FROM extensions x WHERE x.subject = 'deviation:certificate-' || c.id), '[]')";

// The facts each certificate's actions are decided on, one row per certificate: the certificate,
// its case's last surveillance since the cycle began (with its score), its open nonconformities
// past their deadline, its incidents (matters). ?1 the as-of date, ?2 one certificate id or NULL.
// Without ?2, only certificates some action could concern are read (the candidates); ?3 and ?4
// bound the missed surveillances (?4 = 0: none), ?5 = 0 leaves out the overdue corrections.
var FACTS_SQL = "SELECT c.id, c.number, c.case_id AS caseId, c.scheme, c.version, c.status, c.status_date AS statusDate," +
  " c.status_code AS statusCode, c.status_cause AS statusCause, c.status_until AS statusUntil, c.grade, c.stars, c.issued, c.expires," +
  " o.name AS holder, (SELECT date FROM decisions d WHERE d.id = c.decision_id) AS decided," +
  " CASE WHEN ?2 IS NOT NULL OR ?4 > 0 THEN (SELECT json_group_array(json_object('type', x.type, 'end', x.actual_end)) FROM (SELECT a.type, a.actual_end FROM audits a" +
  "   WHERE a.case_id = c.case_id AND a.status = 'done' AND a.actual_end IS NOT NULL AND a.actual_end <= ?1 ORDER BY a.actual_end) x) END AS audits," +
  " " + EXTENSIONS_SQL + " AS extensions," +
  " (SELECT json_object('audit', a.id, 'date', coalesce(s.date, a.actual_end), 'score', s.score, 'stars', s.stars, 'pass', s.pass," +
  "   'level', s.level, 'deductionItems', s.deduction_items) FROM audits a JOIN scores s ON s.audit_id = a.id" +
  "   WHERE a.case_id = c.case_id AND a.status = 'done' AND a.type = 'surveillance' AND a.actual_end >= c.issued AND a.actual_end <= ?1" +
  "   ORDER BY a.actual_end DESC, a.id DESC LIMIT 1) AS surveillance," +
  " (SELECT json_group_array(json_object('id', f.id, 'item', f.item, 'due', f.due)) FROM findings f JOIN audits a ON a.id = f.audit_id" +
  "   WHERE a.case_id = c.case_id AND f.status = 'open' AND f.kind = 'nonconformity' AND f.due < ?1) AS overdue," +
  " (SELECT json_group_array(json_object('id', m.id, 'kind', m.kind, 'cause', m.cause, 'received', m.received, 'closed', m.closed," +
  "   'reported', m.reported)) FROM matters m WHERE m.certificate_id = c.id AND m.kind = 'incident' AND m.received <= ?1" +
  "   AND (m.closed IS NULL OR m.reported IS NULL)) AS matters" +
  " FROM certificates c JOIN orgs o ON o.id = c.org_id" +
  " WHERE c.status IN ('active', 'suspended') AND c.id IN (" +
  // the candidates, each found from its own small set (an index or one pass), never per certificate
  "   SELECT ?2 WHERE ?2 IS NOT NULL" +
  "   UNION SELECT id FROM certificates WHERE ?2 IS NULL AND status = 'suspended' AND status_until < ?1" +
  "   UNION SELECT c2.id FROM certificates c2 INDEXED BY certificates_starred JOIN audits a ON a.case_id = c2.case_id JOIN scores s ON s.audit_id = a.id" +
  "     WHERE ?2 IS NULL AND c2.stars > 0 AND c2.status = 'active' AND a.status = 'done' AND a.type = 'surveillance'" +
  "     AND a.actual_end >= c2.issued AND s.stars < c2.stars" +
  "   UNION SELECT c2.id FROM scores s JOIN audits a ON a.id = s.audit_id JOIN certificates c2 ON c2.case_id = a.case_id" +
  "     WHERE ?2 IS NULL AND s.pass = 0 AND a.type = 'surveillance' AND a.status = 'done' AND a.actual_end >= c2.issued" +
  "   UNION SELECT c2.id FROM findings f JOIN audits a ON a.id = f.audit_id JOIN certificates c2 ON c2.case_id = a.case_id" +
  "     WHERE ?2 IS NULL AND ?5 AND f.status = 'open' AND f.due < ?1 AND f.kind = 'nonconformity'" +
  "   UNION SELECT certificate_id FROM matters WHERE ?2 IS NULL AND kind = 'incident' AND certificate_id IS NOT NULL" +
  "     AND (closed IS NULL OR reported IS NULL)" +
  // a surveillance may be missed: no audit of the case ended since ?3 (the shortest window of the
  // schemes in use), and fewer than ?4 (the most a cycle has) surveillances done since the cycle began
  "   UNION SELECT c3.id FROM certificates c3 WHERE ?2 IS NULL AND ?4 > 0 AND c3.status = 'active' AND NOT EXISTS (SELECT 1 FROM audits a" +
  "     WHERE a.case_id = c3.case_id AND a.status = 'done' AND a.type IN ('initial', 'surveillance', 'recertification') AND a.actual_end >= ?3)" +
  "     AND (SELECT count(*) FROM audits a WHERE a.case_id = c3.case_id AND a.status = 'done' AND a.type = 'surveillance'" +
  "       AND a.actual_end >= (SELECT max(b.actual_end) FROM audits b WHERE b.case_id = c3.case_id AND b.status = 'done'" +
  "         AND b.type IN ('initial', 'recertification'))) < ?4)" +
  " ORDER BY c.id";

// factsOf(row, asOf) → the facts stdlib/workflow's action checks read
function factsOf(row, asOf) {
  var sv = row.surveillance ? JSON.parse(row.surveillance) : null;
  if (sv) sv.pass = sv.pass === 1;
  return { asOf: asOf, certificate: row, surveillance: sv, overdue: JSON.parse(row.overdue || '[]'), matters: JSON.parse(row.matters || '[]'),
    audits: row.audits === null ? null : JSON.parse(row.audits), extensions: JSON.parse(row.extensions || '[]'), decided: row.decided };
}

// missedBounds(asOf) → [cutoff, count]: a case whose last audit ended before cutoff, with fewer
// than count surveillances in its cycle, may have missed one: cutoff is asOf less the shortest
// window (in days) of the surveillance programmes of the live certificates, count the most
// surveillances one of their cycles has (a programme of the scheme's own code: every certificate)
function missedBounds(asOf, rules) {
  var days = Infinity, count = 0;
  sql("SELECT DISTINCT scheme, version FROM certificates WHERE status = 'active'").forEach(function (v) {
    var s = rules(v.scheme, v.version);
    if (s instanceof Error || typeof s.surveillance !== 'function') return;
    var b = typeof s.surveillanceBounds === 'function' ? s.surveillanceBounds() : { bMin: 0, nMax: 1e9 };
    days = Math.min(days, b.bMin);
    count = Math.max(count, b.nMax);
  });
  return days === Infinity ? ['0000-01-01', 0] : [date.addDays(asOf, -days), count];
}

// rulesFinder() → rules(id, version): each scheme version looked up once per call
function rulesFinder() {
  var cache = {};
  return function (id, version) {
    var key = id + '@' + version;
    if (!Object.prototype.hasOwnProperty.call(cache, key)) {
      try { cache[key] = scheme(key); } catch (e) { cache[key] = e; }
    }
    return cache[key];
  };
}

// pending(cert, asOf) → the required actions now pending on one certificate (a record or row with an id)
function pending(cert, asOf) {
  var rows = sql(FACTS_SQL, asOf, cert.id, asOf, 0, 1);
  if (!rows.length) return [];
  var s = scheme(rows[0].scheme + '@' + rows[0].version);
  return s.requiredActions(factsOf(rows[0], asOf));
}

// list(asOf, {scheme, code, reported}) → every pending required action of the register on asOf,
// most overdue first: [{code, when, do, due, daysLate, certificate, holder, scheme, version, subject,
// clause, text, why}]; a certificate whose scheme cannot be loaded is listed with code 'unchecked'.
// reported: false leaves out the actions a reminder job reports as items of their own already
// (a missed surveillance window, an overdue correction: the same facts, with the same clauses)
function list(asOf, filter) {
  filter = filter || {};
  var rules = rulesFinder(), out = [], own = filter.reported === false;
  sqlEach(FACTS_SQL, [asOf, null].concat(own ? ['0000-01-01', 0, 0] : missedBounds(asOf, rules).concat([1])), function (row) {
    if (filter.scheme && row.scheme !== filter.scheme) return;
    var s = rules(row.scheme, row.version);
    if (s instanceof Error) {
      out.push({ code: 'unchecked', do: null, due: null, daysLate: null, certificate: row.number, holder: row.holder, scheme: row.scheme,
        version: row.version, subject: 'certificate:' + row.id, clause: '', text: s.message, why: [] });
      return;
    }
    s.requiredActions(factsOf(row, asOf)).forEach(function (a) {
      if (filter.code && a.code !== filter.code) return;
      if (own && (a.when === 'surveillanceMissed' || a.when === 'correctionOverdue')) return;
      a.holder = row.holder; a.scheme = row.scheme; a.version = row.version;
      a.daysLate = date.diffDays(a.due, asOf);
      out.push(a);
    });
  });
  // by due date, certificate, code and subject: a total order, so that the list is the same at
  // every run (Duktape's sort picks its pivots at random: ties came out in either order)
  return out.sort(function (a, b) {
    var x = [a.due || '', a.certificate || '', a.code || '', a.subject || ''], y = [b.due || '', b.certificate || '', b.code || '', b.subject || ''];
    for (var i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
  });
}

exports.pending = pending;
exports.list = list;
exports.FACTS_SQL = FACTS_SQL;
exports.EXTENSIONS_SQL = EXTENSIONS_SQL;
exports.extensionsOf = extensionsOf;
exports.EXTENSIONS_CTE = EXTENSIONS_CTE;
exports.EXTENSIONS_OF = EXTENSIONS_OF;
