// stdlib/register.js — the register's friendly API: orgs, people, cases, audits, findings,
// certificates, matters. The low-level `core.*` bindings store and enforce what no scheme may
// break; this layer brings in the scheme's rules (man-days, grade, correction deadline,
// certificate expiry and number, causes and limits of suspension, eligibility on acceptance)
// and returns wrapped records: the row's fields in camelCase plus methods, and `why` — the
// clauses of every rule applied. A scheme method that is missing is refused, never guessed.
'use strict';

var workflow = require('stdlib/workflow');
var actions = require('stdlib/actions');
var pinning = require('stdlib/rules');
var plans = require('stdlib/plans');

// ---- helpers --------------------------------------------------------------------------------

// fail(code, field, message) → an Error with .code and .field, like the bindings throw.
function fail(code, field, message) {
  var e = new Error(message);
  e.code = code;
  e.field = field;
  return e;
}

// Row fields renamed where camelCase alone would read badly.
var RENAMED = {
  audit_team: 'team', decision_makers: 'deciders', actual_start: 'start', actual_end: 'end',
  uscc_override: 'usccOverride', status_cause: 'statusCause', status_clause: 'statusClause'
};

// Columns SQLite stores as 0/1 that read as true/false.
var BOOLEAN = { pass: true, positive: true };

// camel('status_date') → 'statusDate'
function camel(key) {
  if (RENAMED[key]) return RENAMED[key];
  return key.replace(/_([a-z])/g, function (m, c) { return c.toUpperCase(); });
}

// plain(row) → a copy of row with camelCase keys (nested arrays of rows too).
function plain(row) {
  var out = {};
  Object.keys(row).forEach(function (k) {
    var v = row[k];
    if (Array.isArray(v) && v.length && typeof v[0] === 'object' && v[0] !== null && k !== 'why' && k !== 'shops') {
      v = v.map(plain);
    }
    out[camel(k)] = BOOLEAN[k] && (v === 0 || v === 1) ? v === 1 : v;
  });
  return out;
}

// wrap(proto, row, why) → an object inheriting proto's methods with the row's fields and why.
function wrap(proto, row, why) {
  var o = Object.create(proto);
  var p = plain(row);
  Object.keys(p).forEach(function (k) { o[k] = p[k]; });
  if (why !== undefined || !Array.isArray(o.why)) o.why = why || o.why || [];
  return o;
}

// concatWhy(results…) → the why steps of every result given, in order.
function concatWhy() {
  var steps = [];
  for (var i = 0; i < arguments.length; i++) {
    var r = arguments[i];
    if (r && Array.isArray(r.why)) steps = steps.concat(r.why);
    else if (Array.isArray(r)) steps = steps.concat(r);
  }
  return steps;
}

// idOf(x) → the id of a record or the number itself.
function idOf(x) { return x !== null && typeof x === 'object' ? x.id : x; }

// opts(o, fn, known) → o when it is an object, else {} when absent; refuses anything else, and
// (known given) a field not in known: a misspelt field is refused, never ignored.
function opts(o, fn, known) {
  if (o === undefined || o === null) return {};
  if (typeof o !== 'object' || Array.isArray(o)) throw fail('invalid', 'options', fn + ': the argument must be an object {…}');
  if (known) Object.keys(o).forEach(function (k) {
    if (known.indexOf(k) < 0) throw fail('invalid', k, fn + ": unknown field '" + k + "' (known: " + known.join(', ') + ')');
  });
  return o;
}

// pick(o, keys) → a copy of o with only keys that are set.
function pick(o, keys) {
  var out = {};
  keys.forEach(function (k) { if (o[k] !== undefined && o[k] !== null) out[k] = o[k]; });
  return out;
}

// schemeOf(id) → the Scheme for id ('id' or 'id@version'); refuses an unknown id clearly.
function schemeOf(id) {
  if (typeof id !== 'string' || !id) throw fail('invalid', 'scheme', "scheme is required (a scheme id such as 'cas-service')");
  var s;
  try {
    s = scheme(id);
  } catch (e) {
    if (e && e.code && e.code !== 'not-found') throw e;
    throw fail('not-found', 'scheme', "unknown scheme '" + id + "'" + (e && e.message ? ': ' + e.message : ''));
  }
  if (!s) throw fail('not-found', 'scheme', "unknown scheme '" + id + "'");
  return pinning.governing(s); // the rules the register pinned for the version, when they differ from the files
}

// rule(s, name, what) → the scheme's method name (bound); refuses when the scheme lacks it.
function rule(s, name, what) {
  if (typeof s[name] !== 'function') {
    throw fail('unsupported', name, 'scheme ' + s.id + '@' + s.version + ' has no ' + name + '() rule, so the register cannot ' +
      what + '; give it explicitly or use a scheme that states it');
  }
  return function () { return s[name].apply(s, arguments); };
}

// deadline(s, name, from, o) → {date, why} from the scheme, or null when it states none.
function deadline(s, name, from, o) {
  if (typeof s.deadline !== 'function') return null;
  return s.deadline(name, from, o || {});
}

// rows(text, params) → the ids a read-only query returns, as records made by make(id).
function records(text, params, make) {
  return sql(text, params || []).map(function (r) { return make(r.id); });
}

// filters(o, columns) → [where-clause, params] for equality filters on columns {key: column}.
function filters(o, columns) {
  var where = [], params = [];
  Object.keys(o).forEach(function (k) {
    if (!columns[k]) throw fail('invalid', k, "unknown filter '" + k + "' (known: " + Object.keys(columns).join(', ') + ')');
    where.push(columns[k] + ' = ?');
    params.push(idOf(o[k]));
  });
  return [where.length ? ' WHERE ' + where.join(' AND ') : '', params];
}

// ---- prototypes -----------------------------------------------------------------------------

var Org = {}, Person = {}, Case = {}, Audit = {}, Finding = {}, Score = {}, Decision = {}, Certificate = {}, Matter = {}, Site = {};

function org(id, why) { return wrap(Org, core.org.get(idOf(id)), why); }
function site(id, why) { return wrap(Site, core.site.get(idOf(id)), why); }
function person(id, why) { return wrap(Person, core.person.get(idOf(id)), why); }
function kase(id, why) { return wrap(Case, core.case.get(idOf(id)), why); }
function audit(id, why) { return wrap(Audit, core.audit.get(idOf(id)), why); }
function finding(id, why) { return wrap(Finding, core.finding.get(idOf(id)), why); }
function score(id, why) { return wrap(Score, core.score.get(idOf(id)), why); }
function decision(id, why) { return wrap(Decision, core.decision.get(idOf(id)), why); }
function certificate(id, why) { return wrap(Certificate, core.certificate.get(idOf(id)), why); }
function matter(id, why) { return wrap(Matter, core.matter.get(idOf(id)), why); }

// Every record can tell its history: the events of the record log about it.
[[Org, 'org'], [Person, 'person'], [Case, 'case'], [Audit, 'audit'], [Finding, 'finding'], [Score, 'score'],
 [Decision, 'decision'], [Certificate, 'certificate'], [Matter, 'matter']].forEach(function (p) {
  p[0].history = function () { return log.history(p[1] + ':' + this.id); };
});

// ---- organisations --------------------------------------------------------------------------

var orgs = {
  // orgs.create({name, uscc, usccOverride, address, staff, sites, shops, facts}) → Org
  create: function (o) { return wrap(Org, core.org.create(opts(o, 'orgs.create'))); },
  // orgs.get(id) → Org
  get: function (id) { return org(id); },
  // orgs.byUscc(code) → Org or null
  byUscc: function (code) {
    var r = sql('SELECT id FROM orgs WHERE uscc = ?', code);
    return r.length ? org(r[0].id) : null;
  },
  // orgs.list() → [Org]
  list: function () { return records('SELECT id FROM orgs ORDER BY id', [], org); }
};

// org.update({name, address, staff, sites, shops, facts, uscc, usccOverride}) → Org
Org.update = function (o) { return wrap(Org, core.org.update(this.id, opts(o, 'org.update'))); };
// org.cases() → [Case]
Org.cases = function () { return records('SELECT id FROM cases WHERE org_id = ? ORDER BY id', [this.id], kase); };
// org.certificates() → [Certificate]
Org.certificates = function () { return records('SELECT id FROM certificates WHERE org_id = ? ORDER BY id', [this.id], certificate); };
// person.assess({kind, activity, scheme, fieldCode, date, result, validTo, by, text}) → the
// competence record: an evaluation or a continual monitoring ('competent' / 'not-competent') or a
// training ('completed') of the person for an activity (audit, lead, decide), for one scheme or
// (no scheme) every one, by another person (CNAS C2.2 1)-3), C2.3); a later record supersedes
Person.assess = function (o) {
  o = opts(o, 'person.assess', ['kind', 'activity', 'scheme', 'fieldCode', 'date', 'result', 'validTo', 'by', 'text']);
  var rec = core.competence.record({ person: this.id, kind: o.kind, activity: o.activity, scheme: o.scheme, fieldCode: o.fieldCode,
    date: o.date || today(), result: o.result, validTo: o.validTo, by: o.by === undefined ? undefined : idOf(o.by), text: o.text });
  return plain(rec);
};
// person.competence(activity, scheme, date) → the person's standing for the activity under scheme on
// date (default today): {competent, record, text} from the latest evaluation or monitoring that
// concerns the scheme (or every scheme) dated by then and still valid; its trainings are listed
Person.competence = function (activity, schemeId, day) { return competenceOf(this.id, activity, schemeId, day === undefined ? today() : day); };

// fieldCompetent(personId, field, day) → true when the person holds a registration valid on day in
// professional field `field` (any field code when null), or an evaluation or monitoring dated by day
// found them competent in it
function fieldCompetent(personId, field, day) {
  return sql("SELECT 1 FROM registrations WHERE person_id = ?1 AND valid_from <= ?2 AND valid_to >= ?2 AND coalesce(field_code, '') <> ''" +
    " AND (?3 IS NULL OR field_code = ?3) UNION ALL SELECT 1 FROM competence WHERE person_id = ?1 AND kind <> 'training'" +
    " AND result = 'competent' AND field_code IS NOT NULL AND date <= ?2 AND (?3 IS NULL OR field_code = ?3) LIMIT 1", personId, day, field).length > 0;
}

// person.inField(field, date) → true when a registration valid on date (default today), or an
// evaluation or monitoring dated by then, puts the person in professional field `field` (any when null)
Person.inField = function (field, day) { return fieldCompetent(this.id, field === undefined ? null : field, day === undefined ? today() : day); };

// competenceOf(personId, activity, scheme, day) → {competent, record, trainings, text}: see person.competence
function competenceOf(personId, activity, schemeId, day) {
  var rows = sql("SELECT * FROM competence WHERE person_id = ?1 AND activity = ?2 AND (scheme IS NULL OR scheme = ?3) AND date <= ?4" +
    " ORDER BY date DESC, id DESC", personId, activity, schemeId || null, day).map(plain);
  var standing = rows.filter(function (r) { return r.kind !== 'training'; })[0] || null;
  var trainings = rows.filter(function (r) { return r.kind === 'training'; });
  var ok = !!standing && standing.result === 'competent' && (!standing.validTo || standing.validTo >= day);
  return { competent: ok, record: standing, trainings: trainings,
    text: !standing ? 'no evaluation of person ' + personId + ' for ' + activity + ' by ' + day
      : standing.kind + ' of ' + standing.date + ' by person ' + standing.by + ': ' + standing.result +
        (standing.validTo ? (standing.validTo >= day ? ', valid to ' + standing.validTo : ', lapsed on ' + standing.validTo) : '') };
}

// org.addSite({name, address, central, opened}) → Site: a place where the organisation provides
// the service, or (central: true) its central function, where the service system is planned and
// managed (one open at a time); org.sites, the count the audit-time tables read, follows
Org.addSite = function (o) {
  o = opts(o, 'org.addSite', ['name', 'address', 'central', 'opened']);
  return wrap(Site, core.site.add({ org: this.id, name: o.name, address: o.address, central: o.central, opened: o.opened || today() }));
};
// org.sitesOn(date) → [Site] open on date (default today), the central function first
Org.sitesOn = function (day) { return sitesOn(this.id, day === undefined ? today() : date.check(day, 'date')); };
// site.close({date}) → Site closed on date (default today); org.sites follows
Site.close = function (o) {
  o = opts(o, 'site.close', ['date']);
  return wrap(Site, core.site.close(this.id, { date: o.date || today() }));
};
// site.org() → Org
Site.org = function () { return org(this.orgId); };

// org.apply({scheme, scope, grade, shops, date}) → Case (cases.apply for this organisation)
Org.apply = function (o) { return cases.apply(Object.assign({}, opts(o, 'org.apply', ['scheme', 'scope', 'grade', 'shops', 'date']), { org: this.id })); };

// ---- people ---------------------------------------------------------------------------------

var people = {
  // people.create({name, roles, registrations:[{number, fieldCode, from, to}]}) → Person
  create: function (o) {
    o = opts(o, 'people.create', ['name', 'roles', 'registrations']);
    return transaction(function () {
      var p = core.person.create(pick(o, ['name', 'roles']));
      (o.registrations || []).forEach(function (r) { p = core.person.register(p.id, r); });
      return wrap(Person, p);
    });
  },
  // people.get(id) → Person
  get: function (id) { return person(id); },
  // people.list() → [Person]
  list: function () { return records('SELECT id FROM people ORDER BY id', [], person); }
};

// person.register({number, fieldCode, from, to}) → Person with the registration added
Person.register = function (o) { return wrap(Person, core.person.register(this.id, opts(o, 'person.register'))); };

// ---- cases ----------------------------------------------------------------------------------

var cases = {
  // cases.apply({org, scheme, scope, grade, shops, date}) → Case governed by the scheme's
  // version in force (scheme 'id@version' picks one)
  apply: function (o) {
    o = opts(o, 'cases.apply', ['org', 'scheme', 'scope', 'grade', 'shops', 'date']);
    var s = schemeOf(o.scheme);
    return transaction(function () { // the rules pinned with the case that they first govern (stdlib/rules)
      var hash = pinning.pin(s, o.date || today());
      var row = core.case.apply({ org: idOf(o.org), scheme: s.id, version: s.version, scope: o.scope, grade: o.grade,
        shops: o.shops, date: o.date || today() });
      return wrap(Case, row, [{ scheme: s.id, version: s.version, clause: '', text: 'the case is governed by ' + s.id + '@' +
        s.version + (s.document ? ' (' + s.document + ')' : '') + ', in force since ' + s.effective +
        (hash ? '; rules pinned in the register, sha256 ' + hash.slice(0, 12) + '…' : '; rules defined by a script, not pinned') }]);
    });
  },
  // cases.get(id) → Case
  get: function (id) { return kase(id); },
  // cases.list({status, org, scheme}) → [Case]
  list: function (o) {
    var f = filters(opts(o, 'cases.list'), { status: 'status', org: 'org_id', scheme: 'scheme' });
    return records('SELECT id FROM cases' + f[0] + ' ORDER BY id', f[1], kase);
  }
};

// case.rules() → the Scheme (at the case's version) that governs the case; case.scheme is its id
Case.rules = function () { return schemeOf(this.scheme + '@' + this.version); };
// case.org() → Org
Case.org = function () { return org(this.orgId); };
// case.audits() → [Audit], oldest first
Case.audits = function () { return records('SELECT id FROM audits WHERE case_id = ? ORDER BY id', [this.id], audit); };
// case.decisions() → [Decision], oldest first
Case.decisions = function () { return records('SELECT id FROM decisions WHERE case_id = ? ORDER BY id', [this.id], decision); };
// case.findings() → [Finding] of every audit of the case
Case.findings = function () {
  return records('SELECT f.id FROM findings f JOIN audits a ON a.id = f.audit_id WHERE a.case_id = ? ORDER BY f.id', [this.id], finding);
};
// case.certificate() → the case's live certificate, else its latest one, else null
Case.certificate = function () {
  var r = sql("SELECT id FROM certificates WHERE case_id = ? ORDER BY status IN ('active','suspended') DESC, id DESC LIMIT 1", this.id);
  return r.length ? certificate(r[0].id) : null;
};

// transit(s, name, facts) → the transition's result when the scheme's workflow lets it happen;
// else throws code 'refused' naming the guard, its clause and the numbers (stdlib/workflow).
function transit(s, name, facts) {
  var r = s.transition(name, facts);
  if (!r.ok) throw workflow.refused(s, name, r);
  return r;
}

// case.accept({date, checkedBy}) → Case; the scheme's workflow (its eligibility guards on the
// org's facts) decides first: an ineligible applicant is refused with the clauses that exclude it,
// and where the scheme requires its facts stated, those not stated need the reviewer who checked
// them (checkedBy: a person, recorded with the acceptance)
Case.accept = function (o) {
  o = opts(o, 'case.accept', ['date', 'checkedBy']);
  var self = kase(this.id), s = self.rules(), e = typeof s.eligibility === 'function' ? s.eligibility(self.org().facts || {}) : null;
  var checker = o.checkedBy === undefined ? null : person(o.checkedBy);
  var r = s.transition('accept', { case: self, eligibility: e, date: o.date || today(), checkedBy: checker });
  if (!r.ok) {
    var err = workflow.refused(s, 'accept', r);
    if (e && !e.ok) { err.code = 'ineligible'; err.refusals = e.refusals; err.why = e.why.concat(r.why); }
    throw err;
  }
  return wrap(Case, core.case.accept(this.id, { date: o.date || today(), checkedBy: checker ? checker.id : undefined }), (e ? e.why : []).concat(r.why));
};

// case.reject({date, reason}) → Case with noticeBy: the date the applicant must be told by
Case.reject = function (o) {
  o = opts(o, 'case.reject', ['date', 'reason']);
  var date = o.date || today(), self = kase(this.id), s = self.rules();
  var r = transit(s, 'reject', { case: self, reason: o.reason, date: date });
  var d = deadline(s, 'nonAcceptanceNotice', date);
  var c = wrap(Case, core.case.reject(this.id, { date: date, reason: o.reason }), r.why.concat(d ? d.why : []));
  c.noticeBy = d ? d.date : null;
  return c;
};

// case.contract({date, number}) → Case: the certification contract signed with the applicant after
// acceptance; the scheme's audit guard (contracted) wants it before any audit
Case.contract = function (o) {
  o = opts(o, 'case.contract', ['date', 'number']);
  return wrap(Case, core.case.contract(this.id, { date: o.date || today(), number: o.number }));
};

// case.close({date, reason}) → Case
Case.close = function (o) {
  o = opts(o, 'case.close', ['date', 'reason']);
  return wrap(Case, core.case.close(this.id, { date: o.date || today(), reason: o.reason }));
};

// visitedCount(a, who) → the sites the audit-time table counts: those the audit visits when
// recorded (a per-site minimum is for each site audited, DNI Annex 3 note 5), else all of the org's
function visitedCount(a, who) { return a.sites && a.sites.length ? a.sites.length : who.sites; }

// auditFacts(kase, a, s, deviation) → what the workflow's audit guards read: the audit with its team
// (each member's person and registrations), the case's document reviews, the scheme's audit time
function auditFacts(kase, a, s, deviation) {
  var team = (a.team || []).map(function (m) { return { role: m.role || 'member', person: person(m.person) }; });
  var who = kase.org(), md = null;
  if (typeof s.manDays === 'function' && ['initial', 'surveillance', 'recertification'].indexOf(a.type) >= 0) {
    var initial = a.type === 'initial' ? null : sql("SELECT coalesce(onsite_days, man_days) AS d FROM audits WHERE case_id = ? AND type = 'initial' AND status = 'done' AND man_days IS NOT NULL ORDER BY actual_end DESC LIMIT 1", kase.id)[0];
    var n = visitedCount(a, who);
    md = s.manDays({ employees: who.staff, audit: a.type, sites: n });
    if (initial && md.initial !== undefined) md = s.manDays({ employees: who.staff, audit: a.type, sites: n, initialOnsite: initial.d });
  }
  var day = a.start || a.plannedStart;
  return { competence: competenceOf, fieldCompetent: fieldCompetent, scheme: s.id, case: kase, audit: { type: a.type, start: day, end: a.end || a.plannedEnd, team: team, manDays: a.manDays,
    onsiteDays: a.onsiteDays, sites: a.sites, done: !!(a.start && a.end) }, plans: a.plans || [],
    sites: date.isValid(day) ? sitesOn(who.id, day) : [],
    documentReviews: sql("SELECT actual_end AS end FROM audits WHERE case_id = ? AND type = 'document' AND status = 'done'", kase.id),
    manDays: md, deviation: deviation, date: a.start || a.plannedStart };
}

// sitesOn(org, day) → the organisation's sites open on day, the central function first
function sitesOn(orgId, day) {
  return records('SELECT id FROM sites WHERE org_id = ?1 AND opened <= ?2 AND (closed IS NULL OR closed >= ?2) ORDER BY central DESC, id',
    [orgId, day], site);
}

// case.audit({type, start, end, plannedStart, plannedEnd, team:[{person, role}], mode, manDays,
// onsiteDays, sites:[site…], deviation}) → Audit; sites: those of a multi-site organisation it
// visits (the scheme's site-sample guard checks them); start/end record an audit that took place, plannedStart/plannedEnd
// plan one. Without manDays the scheme's table gives them from the org's staff and sites. The
// scheme's workflow (its audit transition) checks the team (registrations, leader, experts), the
// stages (a document review before the initial audit) and the time (a reduction needs deviation:
// {reason, by, approvedBy, date}, recorded with the audit).
Case.audit = function (o) {
  o = opts(o, 'case.audit', ['type', 'mode', 'start', 'end', 'plannedStart', 'plannedEnd', 'manDays', 'onsiteDays', 'team', 'sites', 'deviation', 'assignment', 'plan']);
  var a = pick(o, ['type', 'mode', 'start', 'end', 'plannedStart', 'plannedEnd', 'manDays', 'onsiteDays']);
  if (o.sites !== undefined) {
    if (!Array.isArray(o.sites)) throw fail('invalid', 'sites', 'case.audit: sites must list the sites the audit visits, got ' + JSON.stringify(o.sites));
    a.sites = o.sites.map(idOf);
  }
  a.case = this.id;
  a.team = (o.team || []).map(function (m) {
    return m && typeof m === 'object' && m.person !== undefined ? { person: idOf(m.person), role: m.role || 'member' } : { person: idOf(m) };
  });
  var why = [];
  var table = ['initial', 'surveillance', 'recertification'].indexOf(o.type) >= 0;
  if (a.manDays === undefined && table) {
    var s = this.rules();
    if (typeof s.manDays === 'function') {
      var who = this.org();
      var md = s.manDays({ employees: who.staff, audit: o.type, sites: visitedCount(a, who) });
      a.manDays = md.total;
      if (md.onsite !== undefined && md.onsite !== null) a.onsiteDays = md.onsite;
      why = md.why || [];
      a.why = why;
    }
  }
  var self = kase(this.id), s2 = self.rules();
  var deviation = o.deviation === undefined ? null : deviationOf(o.deviation, 'case.audit');
  var inline = [];
  if (o.assignment !== undefined || o.plan !== undefined) {
    var given = pick(a, ['start', 'end', 'plannedStart', 'plannedEnd']);
    given.team = a.team.map(function (m) { return { person: m.person, role: m.role, name: person(m.person).name }; });
    if (o.assignment !== undefined) inline.push(kindOf('assignment', plans.assignment(o.assignment, given, 'case.audit: assignment')));
    if (o.plan !== undefined) inline.push(kindOf('plan', plans.plan(o.plan, given, 'case.audit: plan')));
  }
  a.plans = inline;
  var r = transit(s2, 'audit', auditFacts(self, a, s2, deviation));
  delete a.plans;
  why = why.concat(r.why);
  a.why = why;
  return transaction(function () {
    var made = core.audit.create(a);
    inline.forEach(function (p) { recordPlan(made.id, p); });
    return wrap(Audit, made, why);
  });
};

// kindOf(kind, p) → p with its kind
function kindOf(kind, p) { p.kind = kind; return p; }
// recordPlan(auditId, p) → the stored assignment or plan p ({kind, date, by, contents, notified})
function recordPlan(auditId, p) {
  var rec = { audit: auditId, kind: p.kind, date: p.date, by: p.by, contents: p.contents };
  if (p.notified !== undefined) rec.notified = p.notified;
  return core.plan.record(rec);
}
// plansOf(auditId) → the audit's assignments and plans in the order recorded, contents parsed
function plansOf(auditId) {
  return sql('SELECT id, kind, date, by, contents, notified FROM audit_plans WHERE audit_id = ? ORDER BY date, id', auditId).map(function (r) {
    r.contents = JSON.parse(r.contents);
    if (r.notified === null) delete r.notified;
    return r;
  });
}
// recordOn(self, kind, o, fn) → the audit after recording its assignment or plan o, checked against
// its dates and its team as it stands ([{person, role, name}])
function recordOn(self, kind, o, fn) {
  var given = pick(self, ['start', 'end', 'plannedStart', 'plannedEnd']);
  given.team = (self.team || []).map(function (m) { return { person: m.personId, role: m.role, name: person(m.personId).name }; });
  recordPlan(self.id, kindOf(kind, plans[kind](opts(o, fn), given, fn)));
  return audit(self.id);
}

// evaluation(kase, types, o, s, since) → the deciding evaluation of the case: its last audit that
// took place (o.audit when given) of one of types, ending on or after since, with its score or
// the conformity conclusion given (o.conclusion) and the activities recorded; null when none.
function evaluation(kase, types, o, s, since) {
  var rows = sql("SELECT a.id, a.type, a.mode, a.actual_end AS end, a.reported, a.report_by, s.id AS score FROM audits a LEFT JOIN scores s ON s.audit_id = a.id" +
    " WHERE a.case_id = ? AND a.status = 'done'" + (o.audit ? ' AND a.id = ?' : '') + ' ORDER BY a.actual_end DESC, a.id DESC',
  o.audit ? [kase.id, idOf(o.audit)] : [kase.id]);
  var pick = rows.filter(function (r) { return types.indexOf(r.type) >= 0 && (!since || r.end >= since); })[0] || (o.audit ? rows[0] : null);
  if (!pick) return null;
  var e = { audit: pick.id, type: pick.type, end: pick.end, reported: pick.reported, reportBy: pick.report_by, scored: false, concluded: false, pass: false, why: [] };
  if (pick.score) {
    var sc = score(pick.score);
    e.scored = true; e.pass = sc.pass; e.score = sc.score; e.deductionItems = sc.deductionItems; e.level = sc.level; e.stars = sc.stars;
    e.date = sc.date; e.why = sc.why;
  }
  var cc = o.conclusion;
  if (cc !== undefined) {
    if (!cc || typeof cc.conforms !== 'boolean') throw fail('invalid', 'conclusion', 'case.decide: conclusion must be a scheme\'s conformity conclusion {conforms, why}');
    e.concluded = true; e.pass = cc.conforms; e.reasons = cc.reasons || []; e.why = e.why.concat(cc.why || []);
    e.activities = cc.activities || [];
    if (typeof s.recordedEvaluation === 'function') { // the activities the case's audits record (e.g. example-ecommerce)
      var rec = s.recordedEvaluation({ audit: pick.type, audits: rows.map(function (r) { return { type: r.type, mode: r.mode }; }) });
      e.activities = rec.activities;
      e.why = e.why.concat(rec.why);
    }
  }
  return e;
}

// case.decide({by:[person…], outcome, date, audit, grade, conclusion, reason, request}) → Decision,
// with .certificate when one was issued, renewed or regraded. outcome is a decision of the scheme's
// workflow: certify, refuse, maintain, recertify, and where the scheme has them postpone (DNI
// §5.3.3.6) or downgrade (CFC §8.10.3). Its guards decide first (evaluated, passes, grade, reason,
// pending required actions …): a refused decision throws code 'refused' naming the guard and its
// clause. The grade comes from the scheme's reading of the evaluation; grade asks for one, and
// request records the applicant's request where a document allows a lower grade on it ({date,
// by, text}). conclusion: a conformity conclusion {conforms, why} for schemes without a score.
// All in one transaction.
Case.decide = function (o) {
  o = opts(o, 'case.decide', ['by', 'outcome', 'date', 'audit', 'grade', 'conclusion', 'reason', 'request']);
  var self = kase(this.id), s = self.rules(), date = o.date || today(); // records are snapshots: decide on the case as it is now
  var all = s.workflow.transitions, t = typeof o.outcome === 'string' && Object.prototype.hasOwnProperty.call(all, o.outcome) ? all[o.outcome] : null;
  if (!t || !t.decision) { // the scheme's workflow says which decisions there are, and what each grants
    throw fail('invalid', 'outcome', "case.decide: outcome '" + o.outcome + "' is not a decision of " + s + ' (it has ' +
      Object.keys(all).filter(function (k) { return all[k].decision; }).join(', ') + ')');
  }
  var request = o.request === undefined ? null : record('request', o.request, ['date', 'by', 'text'], 'case.decide');
  var live = t.on === 'certificate' ? self.certificate() : null;
  if (t.on === 'certificate' && !live) throw fail('illegal-transition', 'outcome', 'case ' + self.id + ' has no certificate to ' + o.outcome);
  var guard = workflow.guardOf(s.workflow, o.outcome, 'evaluated');
  var since = live ? sql('SELECT date FROM decisions WHERE case_id = ? ORDER BY date DESC, id DESC LIMIT 1', self.id)[0].date : null;
  var ev = guard ? evaluation(self, guard.audits, o, s, o.outcome === 'recertify' ? null : since) : null;
  var deciders = (Array.isArray(o.by) ? o.by : []).map(function (p) {
    try { return person(p); } catch (e) { return { id: idOf(p), name: '?', roles: [] }; } // core names an unknown one
  });
  var facts = { competence: competenceOf, scheme: s.id, case: self, certificate: live, evaluation: ev, grade: o.grade, reason: o.reason, request: request, date: date, deciders: deciders,
    since: since, pending: live ? actions.pending(live, date) : [] };
  var r = transit(s, o.outcome, facts);
  var grade = r.grade || { grade: live ? live.grade : null, stars: live ? live.stars : 0 };
  var why = concatWhy(ev, r);
  return transaction(function () {
    var d = core.decision.create({ case: self.id, audit: ev ? ev.audit : undefined, outcome: o.outcome, positive: t.decision === 'positive',
      neutral: t.decision === 'neutral', reason: o.reason, grade: grade.grade || undefined, date: date, by: (o.by || []).map(idOf), why: why,
      request: request || undefined, rules: pinning.pin(s, date) || undefined });
    var cert = null;
    if (o.outcome === 'certify' || o.outcome === 'recertify') {
      var expiry = rule(s, 'certificateExpiry', 'set the certificate expiry')(date);
      why = why.concat(expiry.why || []);
      if (o.outcome === 'certify') {
        var year = Number(date.slice(0, 4));
        var seq = issuedCount(s.id, String(year)) + 1;
        var num = rule(s, 'certificateNumber', 'number the certificate')({ year: year, seq: seq, orgId: self.orgId, caseId: self.id });
        why = why.concat(num.why || []);
        cert = core.certificate.issue({ decision: d.id, number: num.number, grade: grade.grade || undefined, stars: grade.stars || 0,
          issued: date, expires: expiry.date });
      } else {
        cert = core.certificate.renew(live.id, { decision: d.id, issued: date, expires: expiry.date, grade: grade.grade || undefined, stars: grade.stars || 0 });
      }
    } else if ((o.outcome === 'maintain' || o.outcome === 'downgrade') && grade.grade !== live.grade) {
      cert = core.certificate.change(live.id, { grade: grade.grade, stars: grade.stars, kind: grade.stars < live.stars ? 'downgrade' : 'upgrade', date: date });
    } else if (live) {
      cert = core.certificate.get(live.id);
    }
    var out = wrap(Decision, d, why);
    out.certificate = cert ? wrap(Certificate, cert, why) : null;
    return out;
  });
};

// deviationOf(v, fn) → a justified exception as recorded data {reason, by, approvedBy, date}: who
// asked, who approved, when and why; every field required
function deviationOf(v, fn) {
  var known = ['reason', 'by', 'approvedBy', 'date'];
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw fail('invalid', 'deviation', fn + ': deviation must be {' + known.join(', ') + '}, got ' + JSON.stringify(v));
  Object.keys(v).forEach(function (k) { if (known.indexOf(k) < 0) throw fail('invalid', 'deviation.' + k, fn + ': unknown field deviation.' + k + ' (known: ' + known.join(', ') + ')'); });
  known.forEach(function (k) { if (v[k] === undefined || v[k] === null || v[k] === '') throw fail('invalid', 'deviation.' + k, fn + ': deviation.' + k + ' is required (who, when, why, approved by)'); });
  if (!date.isValid(v.date)) throw fail('invalid', 'deviation.date', fn + ': deviation.date must be a date YYYY-MM-DD, got ' + JSON.stringify(v.date));
  return { reason: String(v.reason), by: idOf(v.by), approvedBy: idOf(v.approvedBy), date: v.date };
}

// record(field, v, known, fn) → v when it is a record of a justified exception or a request
// {date, by, text}: a real date, and no other field
function record(field, v, known, fn) {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw fail('invalid', field, fn + ': ' + field + ' must be {' + known.join(', ') + '}, got ' + JSON.stringify(v));
  Object.keys(v).forEach(function (k) { if (known.indexOf(k) < 0) throw fail('invalid', field + '.' + k, fn + ': unknown field ' + field + '.' + k + ' (known: ' + known.join(', ') + ')'); });
  if (!date.isValid(v.date)) throw fail('invalid', field + '.date', fn + ': ' + field + '.date must be a date YYYY-MM-DD, got ' + JSON.stringify(v.date));
  var out = { date: v.date };
  if (v.by !== undefined) out.by = idOf(v.by);
  if (v.text !== undefined) out.text = String(v.text);
  return out;
}

// Certificates issued per scheme and year, counted from the record log and then only over the
// events appended since: {key: {n, seq, hash}}. The hash of the last event counted proves the
// log still holds it (a rolled-back transaction may have taken it), else the count is redone.
var issued = {};

// issuedCount(schemeId, year) → how many certificates of the scheme the log shows issued in year.
function issuedCount(schemeId, year) {
  var key = schemeId + '|' + year, c = issued[key];
  if (c && c.seq && !sql('SELECT 1 FROM events WHERE seq = ? AND hash = ?', c.seq, c.hash).length) c = null;
  if (!c) c = { n: 0, seq: 0, hash: null };
  var r = sql("SELECT count(*) AS n, (SELECT seq FROM events ORDER BY seq DESC LIMIT 1) AS last FROM events WHERE seq > ? AND kind = 'certificate.issue'" +
    " AND json_extract(payload, '$.state.scheme') = ? AND substr(json_extract(payload, '$.state.issued'), 1, 4) = ?", c.seq, schemeId, year)[0];
  if (r.last) c = { n: c.n + r.n, seq: r.last, hash: sql('SELECT hash FROM events WHERE seq = ?', r.last)[0].hash };
  issued[key] = c;
  return c.n;
}

// ---- audits, findings, scores ---------------------------------------------------------------

var audits = {
  // audits.get(id) → Audit
  get: function (id) { return audit(id); }
};

// audit.case() → Case
Audit.case = function () { return kase(this.caseId); };
// audit.complete({start, end}) → Audit: a planned audit took place
Audit.complete = function (o) {
  o = opts(o, 'audit.complete', ['start', 'end']);
  var self = audit(this.id), k = self.case(), s = k.rules();
  var r = transit(s, 'audit', auditFacts(k, { type: self.type, start: o.start, end: o.end, manDays: self.manDays, onsiteDays: self.onsiteDays, sites: self.sites || undefined,
    team: (self.team || []).map(function (m) { return { person: m.personId, role: m.role }; }), plans: plansOf(self.id) }, s, null));
  return wrap(Audit, core.audit.complete(this.id, o), r.why);
};
// audit.assign({date, by, objectives, criteria, scope, from, to}) → Audit: the assignment the
// audit programme gives the team (CFC §7.2.5 审查委任), its on-site time the audit's dates unless
// given, the team's members as they stand
Audit.assign = function (o) { return recordOn(audit(this.id), 'assignment', o, 'audit.assign'); };
// audit.plan({date, by, items: [{activity, date, from, to, site, auditors, content}], notified}) →
// Audit: the written audit plan, drawn up by the team (by: its leader unless given); a later plan
// is a revision, with the date the auditee was told of the change in writing (notified)
Audit.plan = function (o) { return recordOn(audit(this.id), 'plan', o, 'audit.plan'); };
// audit.plans() → [{id, kind, date, by, contents, notified}]: its assignments and plans, oldest first
Audit.plans = function () { return plansOf(this.id); };
// audit.report({date, by}) → Audit: the audit's report, dated (on or after its end) and signed by
// `by`, its leader (the default: the team's leader); the decision on the audit needs it first
Audit.report = function (o) {
  o = opts(o, 'audit.report', ['date', 'by']);
  var self = audit(this.id), leader = (self.team || []).filter(function (m) { return m.role === 'leader'; })[0];
  var by = o.by !== undefined ? idOf(o.by) : leader ? leader.personId : undefined;
  if (by === undefined) throw fail('invalid', 'by', 'audit.report: audit ' + self.id + ' has no leader to sign its report; give by');
  return wrap(Audit, core.audit.report(this.id, { date: o.date || today(), by: by }));
};
// audit.cancel() → Audit
Audit.cancel = function () { return wrap(Audit, core.audit.cancel(this.id)); };
// audit.addMember({person, role}) → Audit
Audit.addMember = function (o) {
  o = opts(o, 'audit.addMember', ['person', 'role']);
  return wrap(Audit, core.audit.addMember(this.id, { person: idOf(o.person), role: o.role }));
};
// audit.findings() → [Finding]
Audit.findings = function () { return records('SELECT id FROM findings WHERE audit_id = ? ORDER BY id', [this.id], finding); };

// audit.finding({item, clause, kind, points, evidence, date, due}) → Finding; a nonconformity
// without due gets the scheme's correction deadline from the finding's date (default: the
// audit's end)
Audit.finding = function (o) {
  o = opts(o, 'audit.finding', ['item', 'clause', 'kind', 'points', 'evidence', 'date', 'due']);
  var f = pick(o, ['item', 'clause', 'kind', 'points', 'evidence', 'date', 'due']);
  f.audit = this.id;
  f.date = f.date || this.end || today();
  var why = [];
  if (f.kind === 'nonconformity' && !f.due) {
    var s = this.case().rules();
    var d = deadline(s, 'correction', f.date);
    if (!d) throw fail('unsupported', 'due', 'scheme ' + s.id + '@' + s.version + ' states no correction deadline; give due');
    f.due = d.date;
    why = d.why || [];
  }
  return wrap(Finding, core.finding.create(f), why);
};

// audit.score({score, deductionItems} or {indicators, specialDeductions, specialBonuses}, date)
// → Score with pass, level and stars from the scheme's grade rule, stored with its why
Audit.score = function (o) {
  o = opts(o, 'audit.score', ['score', 'deductionItems', 'indicators', 'specialDeductions', 'specialBonuses', 'date']);
  var s = this.case().rules();
  var why = [], value = o.score, items = o.deductionItems || 0;
  if (o.indicators !== undefined) {
    var computed = rule(s, 'score', 'compute a score from indicators')({ indicators: o.indicators,
      specialDeductions: o.specialDeductions, specialBonuses: o.specialBonuses });
    value = computed.score;
    items = computed.deductionItems;
    why = why.concat(computed.why || []);
  }
  if (typeof value !== 'number' || !isFinite(value) || value < 0 || value > 100) {
    throw fail('invalid', 'score', 'audit.score: score must be a number from 0 to 100, got ' + value);
  }
  var g = rule(s, 'grade', 'grade a score')({ score: value, deductionItems: items });
  why = why.concat(g.why || []);
  var row = core.score.record({ audit: this.id, score: value, deductionItems: items, pass: !!g.pass, level: g.level || null,
    stars: g.stars || 0, date: o.date || this.end || today(), why: why });
  return wrap(Score, row, why);
};

var findings = {
  // findings.get(id) → Finding
  get: function (id) { return finding(id); },
  // findings.overdue(date) → [Finding] open past their due date (default today)
  overdue: function (date) {
    return records("SELECT id FROM findings WHERE status = 'open' AND due < ? ORDER BY due, id", [date || today()], finding);
  }
};

// finding.close({date}) → Finding: the correction was verified
Finding.close = function (o) { return wrap(Finding, core.finding.close(this.id, { date: opts(o, 'finding.close', ['date']).date || today() })); };

// ---- certificates ---------------------------------------------------------------------------

var certificates = {
  // certificates.get(id) → Certificate
  get: function (id) { return certificate(id); },
  // certificates.byNumber(number) → Certificate or null
  byNumber: function (number) {
    var r = sql('SELECT id FROM certificates WHERE number = ?', number);
    return r.length ? certificate(r[0].id) : null;
  },
  // certificates.import({org, scheme, number, scope, grade, stars, shops, issued, expires, decided,
  // status, statusDate, cause, by}) → Certificate taken over from another register (stars, when not
  // given, those of the scheme's level `grade`), with its case
  // and decision recorded as imported: the scheme's workflow checks it first (its `import`
  // transition: the grade a level of the scheme, the validity, a coded cause), and a suspension
  // gets its limit from the scheme. The one way certsh import certificates writes.
  import: function (o) {
    o = opts(o, 'certificates.import', ['org', 'scheme', 'number', 'scope', 'grade', 'stars', 'shops', 'issued', 'expires', 'decided',
      'status', 'statusDate', 'cause', 'by']);
    var s = schemeOf(o.scheme), status = o.status || 'active', on = o.statusDate || o.issued;
    if (o.stars === undefined && o.grade) o.stars = levelStars(s, o.grade); // not given: the stars the scheme's level carries
    var im = { grade: o.grade || null, stars: o.stars || 0, expires: o.expires, decided: o.decided || o.issued, status: status, cause: o.cause };
    var longest = typeof s.certificateExpiry === 'function' && date.isValid(im.decided) ? s.certificateExpiry(im.decided).date : null;
    var r = transit(s, 'import', { imported: im, longestExpiry: longest, causes: typeof s.causes === 'function' ? s.causes : null, date: on });
    var kind = { suspended: 'suspension', withdrawn: 'withdrawal', cancelled: 'cancellation', active: null, expired: null }[status];
    var c = kind ? cause(s, kind, o.cause) : { code: null, cause: o.cause, clause: null, why: [] };
    var limit = status === 'suspended' && date.isValid(on) ? deadline(s, 'suspensionLimit', on, c.code ? { cause: c.code } : {}) : null;
    var row = core.certificate.import({ org: idOf(o.org), scheme: s.id, version: s.version, scope: o.scope, grade: o.grade, stars: o.stars,
      shops: o.shops, number: o.number, issued: o.issued, expires: o.expires, decided: o.decided, status: status, statusDate: on,
      code: c.code || undefined, cause: c.cause || undefined, clause: c.clause || undefined, until: limit && limit.date ? limit.date : undefined,
      by: (o.by || []).map(idOf) });
    return wrap(Certificate, row, r.why.concat(c.why, limit ? limit.why : []));
  },
  // certificates.list({status, org, scheme}) → [Certificate]
  list: function (o) {
    var f = filters(opts(o, 'certificates.list'), { status: 'status', org: 'org_id', scheme: 'scheme', case: 'case_id' });
    return records('SELECT id FROM certificates' + f[0] + ' ORDER BY id', f[1], certificate);
  }
};

// certificate.rules() → the Scheme (at its version) that governs it; certificate.scheme is its id
Certificate.rules = function () { return schemeOf(this.scheme + '@' + this.version); };
// certificate.case() → Case; certificate.org() → Org
Certificate.case = function () { return kase(this.caseId); };
Certificate.org = function () { return org(this.orgId); };

// levelStars(s, word) → the stars the scheme's grade level `word` carries (0 when it has no such level:
// the import transition's grade-known guard then names the levels it has)
function levelStars(s, word) {
  var g = s.definition.grade;
  return Math.max(0, workflow.levelStars(g && typeof g === 'object' ? g.levels || [] : [], word));
}

// cause(cert, kind, code) → {code, cause, clause, why}: the scheme's coded cause when the scheme
// lists causes of this kind (an unknown code is refused with the valid ones), else the text as given
function cause(s, kind, code) {
  if (typeof s.cause !== 'function' || code === undefined || code === null || !s.causes(kind).length) return { code: null, cause: code, clause: null, why: [] };
  var c = s.cause(kind, code);
  return { code: c.code, cause: c.code + (c.text ? ': ' + c.text : ''), clause: c.clause || null, why: c.why || [] };
}

// setStatus(cert, name, status, o, kind) → Certificate after the workflow's transition `name`
// (its guards first), with the cause's why; a suspension stores its limit (until)
function setStatus(cert, name, status, o, kind) {
  cert = certificate(cert.id); // records are snapshots: change the certificate as it is now
  var s = cert.rules(), on = o.date || today();
  var c = kind ? cause(s, kind, o.cause) : { code: null, cause: o.cause, clause: null, why: [] };
  var request = o.request === undefined ? null : record('request', o.request, ['date', 'by', 'text'], 'certificate.' + name);
  var r = transit(s, name, { certificate: cert, case: cert.case(), date: on, cause: o.cause, causes: typeof s.causes === 'function' ? s.causes : null,
    request: request, pending: actions.pending(cert, on) });
  var why = c.why.concat(r.why), until;
  if (status === 'suspended') {
    var limit = deadline(s, 'suspensionLimit', on, c.code ? { cause: c.code } : {});
    until = limit ? limit.date : null;
    why = why.concat(limit ? limit.why || [] : []);
  }
  var row = core.certificate.setStatus(cert.id, { status: status, date: on, code: c.code || undefined, cause: c.cause, clause: c.clause || undefined,
    until: until || undefined, request: request || undefined });
  var out = wrap(Certificate, row, why);
  if (status === 'suspended') out.until = until || null;
  return out;
}

// certificate.suspend({cause, date}) → Certificate with until: the last day the scheme lets the
// suspension last, stored (null when the cause lifts the limit, e.g. CAS §9.3.2.2's licence
// under renewal); the cause is one of the scheme's codes
Certificate.suspend = function (o) { return setStatus(this, 'suspend', 'suspended', opts(o, 'certificate.suspend', ['cause', 'date']), 'suspension'); };
// certificate.restore({cause, date, request}) → Certificate: active again, within the limit (or,
// where the scheme allows it, on a request {date, by, text} made within it: DNI §6.8.2 1))
Certificate.restore = function (o) { return setStatus(this, 'restore', 'active', opts(o, 'certificate.restore', ['cause', 'date', 'request']), 'restoration'); };
// certificate.withdraw({cause, date}) → Certificate (final)
Certificate.withdraw = function (o) { return setStatus(this, 'withdraw', 'withdrawn', opts(o, 'certificate.withdraw', ['cause', 'date']), 'withdrawal'); };
// certificate.cancel({cause, date}) → Certificate (final)
Certificate.cancel = function (o) { return setStatus(this, 'cancel', 'cancelled', opts(o, 'certificate.cancel', ['cause', 'date']), 'cancellation'); };
// certificate.expire({date}) → Certificate (final; not before its expiry date)
Certificate.expire = function (o) { return setStatus(this, 'expire', 'expired', opts(o, 'certificate.expire', ['date']), null); };
// certificate.change({scope, shops, date}) → Certificate: extension, reduction or a change of data on
// date (default today); the number and the expiry stay, and the grade follows decisions only
// (maintain, recertify, downgrade)
Certificate.change = function (o) {
  o = opts(o, 'certificate.change', ['scope', 'grade', 'stars', 'shops', 'date']);
  var on = o.date || today(), self = certificate(this.id), s = self.rules();
  var r = transit(s, 'change', { certificate: self, case: self.case(), changes: pick(o, ['scope', 'grade', 'stars', 'shops']), date: on });
  return wrap(Certificate, core.certificate.change(this.id, { scope: o.scope, shops: o.shops, date: on }), r.why);
};
// certificate.extendSurveillance({n, reason, by, approvedBy, date}) → Certificate: records the
// approved extension of surveillance n as a deviation (e.g. DNI §5.6.1 "书面申请，经批准": up to 15
// months); only a scheme whose programme allows it, and only before that window's due date
Certificate.extendSurveillance = function (o) {
  o = opts(o, 'certificate.extendSurveillance', ['n', 'reason', 'by', 'approvedBy', 'date']);
  var self = certificate(this.id), s = self.rules(), p = s.definition.surveillance;
  if (!p || typeof p === 'function' || !p.next || !p.next.latestNeedsApproval) {
    throw fail('unsupported', 'n', s + ' has no surveillance interval that an approval extends');
  }
  if (typeof o.n !== 'number' || o.n < 2 || o.n > p.count || o.n !== Math.floor(o.n)) throw fail('invalid', 'n', 'certificate.extendSurveillance: n must be the surveillance extended, 2 to ' + p.count + ', got ' + JSON.stringify(o.n));
  var prog = self.programme(o.date), w = prog.windows[o.n - 1];
  if (w.end) throw fail('refused', 'n', 'surveillance ' + o.n + ' of ' + self.number + ' took place on ' + w.end + '; there is nothing to extend');
  if (o.date > w.due) throw fail('refused', 'date', 'surveillance ' + o.n + ' of ' + self.number + ' was due by ' + w.due + '; an extension approved on ' + o.date + ' comes after it (' + p.next.latestClause + ')');
  core.deviation.record({ certificate: self.id, rule: 'surveillance.extension', clause: p.next.latestClause, reason: o.reason, by: idOf(o.by),
    approvedBy: idOf(o.approvedBy), date: o.date, details: { n: o.n } });
  return wrap(Certificate, core.certificate.get(self.id), self.programme(o.date).why);
};
// certificate.programme(asOf) → the certificate's surveillance programme (its scheme's
// surveillance()) with its audits and recorded extensions
Certificate.programme = function (on) {
  var s = this.rules();
  if (typeof s.surveillance !== 'function') throw fail('unsupported', 'surveillance', s + ' states no surveillance programme');
  var audits = sql("SELECT type, actual_end AS end FROM audits WHERE case_id = ? AND status = 'done' AND actual_end IS NOT NULL ORDER BY actual_end", this.caseId);
  var decided = sql('SELECT date FROM decisions WHERE id = ?', this.decisionId)[0].date;
  return s.surveillance({ decisionDate: decided, expires: this.expires, audits: audits, asOf: on || today(),
    extensions: actions.extensionsOf(this.id) });
};
// certificate.plan(asOf) → the coming audits of its cycle, each with its window, man-days and a
// proposed team, and why (stdlib/planning)
Certificate.plan = function (on) { return require('stdlib/planning').programme(this, on || today()); };
// certificate.actions(date) → the required actions pending on the certificate (stdlib/actions)
Certificate.actions = function (on) { return actions.pending(this, on || today()); };

// ---- matters: appeals, complaints, incidents ------------------------------------------------

var matters = {
  // matters.open({kind, case, certificate, cause, text, date, due}) → Matter; an appeal or a
  // complaint without due gets the scheme's answer deadline
  open: function (o) {
    o = opts(o, 'matters.open', ['kind', 'case', 'certificate', 'cause', 'text', 'date', 'due']);
    var m = pick(o, ['kind', 'cause', 'text', 'date', 'due']);
    if (o.case !== undefined) m.case = idOf(o.case);
    if (o.certificate !== undefined) m.certificate = idOf(o.certificate);
    m.date = m.date || today();
    var why = [];
    var name = { appeal: 'appealAnswer', complaint: 'complaintAnswer' }[o.kind];
    if (!m.due && name && (m.case || m.certificate)) {
      var c = m.case ? kase(m.case) : certificate(m.certificate).case();
      var d = deadline(c.rules(), name, m.date);
      if (d) { m.due = d.date; why = d.why || []; }
    }
    if (why.length) m.why = why;
    return wrap(Matter, core.matter.open(m), why);
  },
  // matters.get(id) → Matter
  get: function (id) { return matter(id); }
};

// matter.report({to, date}) → Matter: reported to a body, e.g. CNAS for an R6.2 event
Matter.report = function (o) {
  o = opts(o, 'matter.report', ['to', 'date']);
  return wrap(Matter, core.matter.report(this.id, { to: o.to, date: o.date || today() }));
};

// matter.close({date, outcome}) → Matter
Matter.close = function (o) {
  o = opts(o, 'matter.close', ['date', 'outcome']);
  return wrap(Matter, core.matter.close(this.id, { date: o.date || today(), outcome: o.outcome }));
};

exports.orgs = orgs;
exports.people = people;
exports.cases = cases;
exports.audits = audits;
exports.findings = findings;
exports.certificates = certificates;
exports.matters = matters;
