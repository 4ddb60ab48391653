// stdlib/planning.js — the audit programme proposed from the scheme (issue 12): for a certificate,
// each coming surveillance window and the recertification with its man-days (the scheme's audit
// time) and a team that the scheme's audit guards would accept (registered on the window's dates,
// not a decider of the case) chosen in rotation (the position taken: no one leads two audits of a
// case in a row, when another registered auditor can), each choice with its why; and the body's
// plan for a period (examples/plan.js prints it as a table, CSV or iCalendar).
'use strict';

var guardOf = require('stdlib/workflow').guardOf; // guardOf(workflow, transition, check) → the scheme's guard of that check

// registeredOn(from, to) → the auditors holding a registration valid on every day from..to
function registeredOn(from, to) {
  return sql("SELECT DISTINCT p.id, p.name FROM people p JOIN registrations r ON r.person_id = p.id" +
    " WHERE EXISTS (SELECT 1 FROM json_each(p.roles) WHERE value = 'auditor') AND r.valid_from <= ? AND r.valid_to >= ? ORDER BY p.id", from, to);
}

// teamFor(cert, window, s, load) → {team, why}: a leader registered for the window who did not
// decide the case and, where another can, did not lead its last audit; the least loaded first
function teamFor(cert, w, s, load) {
  var deciders = sql('SELECT DISTINCT m.person_id AS id FROM decision_makers m JOIN decisions d ON d.id = m.decision_id WHERE d.case_id = ?', cert.caseId)
    .map(function (r) { return r.id; });
  var last = sql("SELECT t.person_id AS id FROM audit_team t JOIN audits a ON a.id = t.audit_id WHERE a.case_id = ? AND t.role = 'leader'" +
    " ORDER BY a.actual_end DESC, a.id DESC LIMIT 1", cert.caseId)[0];
  var comp = guardOf(s.workflow, 'audit', 'competent');
  var pool = registeredOn(w.opens, w.latest).filter(function (p) {
    return deciders.indexOf(p.id) < 0 && (!comp || people.get(p.id).competence('audit', s.id, w.opens).competent);
  });
  var fresh = pool.filter(function (p) { return !last || p.id !== last.id; });
  var pick = (fresh.length ? fresh : pool).sort(function (a, b) { return (load[a.id] || 0) - (load[b.id] || 0) || a.id - b.id; })[0];
  var audit = guardOf(s.workflow, 'audit', 'registered');
  var why = [{ scheme: s.id, version: s.version, clause: audit ? audit.clause : 'ISO/IEC 17065 §7.4',
    text: pick ? 'leader ' + pick.name + ' (person ' + pick.id + '): registered from ' + w.opens + ' to ' + w.latest + ', never a decider of the case' +
      (comp ? ', evaluated competent to audit (' + comp.clause + ')' : '') +
      (last && fresh.length ? ', not the leader of its last audit (position: rotation)' : '') + '; ' + pool.length + ' auditors could' :
      'no auditor is registered for the whole window ' + w.opens + '..' + w.latest + ' outside the case\'s deciders' }];
  if (pick) load[pick.id] = (load[pick.id] || 0) + 1;
  return { team: pick ? [{ person: pick.id, name: pick.name, role: 'leader' }] : [], why: why };
}

// sampleFor(org, type, s, day) → {central: [site], others: [site], visit, text}: the sites open on day
// and how many of the others an audit of type visits besides the central function (the scheme's
// site-sample guard, stdlib/sampling; every site when the scheme samples none or the audit is not
// sampled), or null when the organisation has no site records
function sampleFor(org, type, s, day) {
  var sites = org.sitesOn(day);
  if (!sites.length) return null;
  var g = guardOf(s.workflow, 'audit', 'sitesSampled');
  var central = sites.filter(function (x) { return x.central; }), others = sites.filter(function (x) { return !x.central; });
  var need = g ? require('stdlib/sampling').size(g.sampling, others.length, type) : null;
  return need ? { central: central, others: others, visit: need.visit, text: 'central function + ' + need.visit + ' of ' + others.length + ' sites (' + g.clause + ')' }
    : { central: central, others: others, visit: others.length, text: 'all ' + sites.length + ' sites' };
}

// programme(cert, asOf, load) → [{certificate, holder, audit, n, opens, due, latest, manDays, team, why}]:
// the coming audits of the certificate's cycle (surveillance windows not done, then recertification)
function programme(cert, asOf, load) {
  var s = cert.rules(), org = cert.org(), out = [];
  load = load || {};
  var p = typeof s.surveillance === 'function' ? cert.programme(asOf) : null;
  var windows = p ? p.windows.filter(function (w) { return !w.end; }) : [];
  if (typeof s.deadline === 'function') {
    var apply = s.deadline('recertApplication', cert.expires);
    if (apply && apply.date) windows.push({ n: null, audit: 'recertification', opens: apply.date, due: cert.expires, latest: cert.expires, why: apply.why });
  }
  windows.forEach(function (w) {
    var type = w.audit || 'surveillance';
    var md = typeof s.manDays === 'function' ? s.manDays({ employees: org.staff, audit: type, sites: org.sites }) : null;
    var t = teamFor(cert, w, s, load), sample = sampleFor(org, type, s, w.opens);
    out.push({ certificate: cert.number, holder: org.name, audit: type, n: w.n, opens: w.opens, due: w.due, latest: w.latest,
      manDays: md ? md.total : null, sites: sample ? sample.text : '', team: t.team.map(function (m) { return m.name; }).join(', '), leader: t.team.length ? t.team[0].person : null,
      why: (w.why || []).concat(md ? md.why : [{ scheme: s.id, version: s.version, clause: '', text: 'the scheme states no audit-time table: the team decides the man-days' }], t.why) });
  });
  return out;
}

// period(from, to) → the body's audit plan: every planned audit of the live certificates whose
// window is open some day from..to (opens ≤ to and latest ≥ from), by date
function period(from, to) {
  var load = {}, out = [];
  sql("SELECT id FROM certificates WHERE status = 'active' AND expires >= ? ORDER BY id", from).forEach(function (r) {
    programme(certificates.get(r.id), from, load).forEach(function (a) {
      if (a.opens <= to && a.latest >= from) out.push(a);
    });
  });
  return out.sort(function (a, b) { // a total order (a comparator never 0 let Duktape's random pivots swap ties)
    return a.opens < b.opens ? -1 : a.opens > b.opens ? 1 : a.certificate < b.certificate ? -1 : a.certificate > b.certificate ? 1 : a.n - b.n;
  });
}

exports.sampleFor = sampleFor;
exports.programme = programme;
exports.period = period;
