// stdlib/reevaluate.js — re-evaluation of the register under another version of a scheme: for
// every case the scheme governs, what would change (man-days, grades, expiry and surveillance
// dates) if target governed it instead. Nothing is written; each case stays on its version.
//
//   require('reevaluate').register('dni-aftersales@F/3') → [{case, org, from, to, changes}]
'use strict';

// inputsOf(c) → the compare() input for case c: its org's staff and sites for each audit type,
// every score recorded on its audits, and its certificate's dates
function inputsOf(c) {
  var org = c.org(), input = { manDays: [], grade: [] };
  ['initial', 'surveillance', 'recertification'].forEach(function (t) {
    if (org.staff) input.manDays.push({ employees: org.staff, audit: t, sites: org.sites || 1 });
  });
  sql('SELECT s.score, s.deduction_items AS items FROM scores s JOIN audits a ON a.id = s.audit_id WHERE a.case_id = ? ORDER BY s.id', c.id)
    .forEach(function (r) { input.grade.push({ score: r.score, deductionItems: r.items }); });
  var cert = c.certificate();
  if (cert) {
    input.certificateExpiry = cert.issued;
    var ends = sql("SELECT type, actual_end AS end FROM audits WHERE case_id = ? AND status = 'done' AND actual_end IS NOT NULL ORDER BY actual_end", c.id);
    input.surveillance = { decisionDate: cert.issued, audits: ends, asOf: today() };
    input.deadlines = { recertApplication: cert.expires };
  }
  return input;
}

// register(target, o) → [{case, org, from, to, changes}] for the cases of target's scheme that
// another version governs (o.all: every case, even with no change)
function register(target, o) {
  var to = scheme(target);
  var out = [];
  cases.list({ scheme: to.id }).forEach(function (c) {
    var from = c.rules();
    if (from === to) return;
    var input = inputsOf(c);
    Object.keys(input).forEach(function (k) { if (Array.isArray(input[k]) && !input[k].length) delete input[k]; });
    if (!Object.keys(input).length) return;
    var r = from.compare(to, input);
    if (r.changes.length || (o && o.all)) out.push({ case: c.id, org: c.orgId, from: r.from, to: r.to, changes: r.changes });
  });
  return out;
}

exports.register = register;
exports.inputsOf = inputsOf;
