// stdlib/register.js — the register's friendly API: orgs, people, cases, audits, findings,
// certificates, matters. The low-level `core.*` bindings store and enforce what no scheme may
// break; this layer brings in the scheme's rules (man-days, grade, correction deadline,
// certificate expiry and number, causes and limits of suspension, eligibility on acceptance)
// and returns wrapped records: the row's fields in camelCase plus methods, and `why` — the
// clauses of every rule applied. A scheme method that is missing is refused, never guessed.
'use strict';

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

// opts(o, fn) → o when it is an object, else {} when absent; refuses anything else.
function opts(o, fn) {
  if (o === undefined || o === null) return {};
  if (typeof o !== 'object' || Array.isArray(o)) throw fail('invalid', 'options', fn + ': the argument must be an object {…}');
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
  return s;
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

var Org = {}, Person = {}, Case = {}, Audit = {}, Finding = {}, Score = {}, Decision = {}, Certificate = {}, Matter = {};

function org(id, why) { return wrap(Org, core.org.get(idOf(id)), why); }
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
// org.apply({scheme, scope, grade, shops, date}) → Case (cases.apply for this organisation)
Org.apply = function (o) { return cases.apply(Object.assign({}, opts(o, 'org.apply'), { org: this.id })); };

// ---- people ---------------------------------------------------------------------------------

var people = {
  // people.create({name, roles, registrations:[{number, fieldCode, from, to}]}) → Person
  create: function (o) {
    o = opts(o, 'people.create');
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
    o = opts(o, 'cases.apply');
    var s = schemeOf(o.scheme);
    var row = core.case.apply({ org: idOf(o.org), scheme: s.id, version: s.version, scope: o.scope, grade: o.grade,
      shops: o.shops, date: o.date || today() });
    return wrap(Case, row, [{ scheme: s.id, version: s.version, clause: '', text: 'the case is governed by ' + s.id + '@' +
      s.version + (s.document ? ' (' + s.document + ')' : '') + ', in force since ' + s.effective }]);
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

// case.accept({date}) → Case; the scheme's eligibility rule is applied to the org's facts
// first, and an ineligible applicant is refused with the clauses that exclude it
Case.accept = function (o) {
  o = opts(o, 'case.accept');
  var s = this.rules(), why = [];
  if (typeof s.eligibility === 'function') {
    var e = s.eligibility(this.org().facts || {});
    why = e.why || [];
    if (!e.ok) {
      var err = fail('ineligible', 'facts', 'case ' + this.id + ' cannot be accepted: ' + e.refusals.map(function (r) {
        return r.text + ' (' + r.clause + ')';
      }).join('; '));
      err.refusals = e.refusals;
      err.why = why;
      throw err;
    }
  }
  return wrap(Case, core.case.accept(this.id, { date: o.date || today() }), why);
};

// case.reject({date, reason}) → Case with noticeBy: the date the applicant must be told by
Case.reject = function (o) {
  o = opts(o, 'case.reject');
  var date = o.date || today();
  var d = deadline(this.rules(), 'nonAcceptanceNotice', date);
  var c = wrap(Case, core.case.reject(this.id, { date: date, reason: o.reason }), d ? d.why : []);
  c.noticeBy = d ? d.date : null;
  return c;
};

// case.close({date, reason}) → Case
Case.close = function (o) {
  o = opts(o, 'case.close');
  return wrap(Case, core.case.close(this.id, { date: o.date || today(), reason: o.reason }));
};

// case.audit({type, start, end, plannedStart, plannedEnd, team:[{person, role}], mode, manDays,
// onsiteDays}) → Audit; start/end record an audit that took place, plannedStart/plannedEnd plan
// one. Without manDays the scheme's table gives them from the org's staff and sites.
Case.audit = function (o) {
  o = opts(o, 'case.audit');
  var a = pick(o, ['type', 'mode', 'start', 'end', 'plannedStart', 'plannedEnd', 'manDays', 'onsiteDays']);
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
      var md = s.manDays({ employees: who.staff, audit: o.type, sites: who.sites });
      a.manDays = md.total;
      if (md.onsite !== undefined && md.onsite !== null) a.onsiteDays = md.onsite;
      why = md.why || [];
      a.why = why;
    }
  }
  return wrap(Audit, core.audit.create(a), why);
};

// case.decide({by:[person…], outcome, date, audit, grade, conclusion}) → Decision, with
// .certificate when one was issued or renewed. outcome: 'certify' (issues the certificate: grade
// from the audit's score, expiry and number from the scheme), 'recertify' (renews the live
// certificate on its number), 'maintain' (keeps it) or 'refuse'. conclusion: a scheme's
// conformity conclusion {conforms, why} (e.g. cnas-ecommerce C3.5 9)) for schemes without a
// score; a positive outcome on one that does not conform is refused. All in one transaction.
Case.decide = function (o) {
  o = opts(o, 'case.decide');
  var self = this, s = this.rules(), date = o.date || today();
  var OUTCOMES = { certify: true, recertify: true, maintain: true, refuse: false };
  if (!Object.prototype.hasOwnProperty.call(OUTCOMES, o.outcome)) {
    throw fail('invalid', 'outcome', "case.decide: outcome '" + o.outcome + "' is not one of " + Object.keys(OUTCOMES).join(', '));
  }
  var positive = OUTCOMES[o.outcome];
  var done = sql("SELECT a.id, s.id AS score FROM audits a LEFT JOIN scores s ON s.audit_id = a.id" +
    " WHERE a.case_id = ? AND a.status = 'done'" + (o.audit ? ' AND a.id = ?' : '') + ' ORDER BY a.actual_end DESC, a.id DESC LIMIT 1',
    o.audit ? [this.id, idOf(o.audit)] : [this.id]);
  if ((o.outcome === 'certify' || o.outcome === 'recertify') && !done.length) {
    throw fail('invalid', 'audit', 'case ' + this.id + ' has no audit that took place' + (o.audit ? ' with id ' + idOf(o.audit) : '') +
      '; a certification decision rests on one');
  }
  var sc = done.length && done[0].score ? score(done[0].score) : null;
  if (positive && o.outcome !== 'maintain' && sc && !sc.pass) {
    throw fail('refused', 'outcome', 'case ' + this.id + ': audit ' + sc.auditId + ' did not pass (score ' + sc.score + ', ' +
      sc.deductionItems + ' deduction items); it cannot be certified on it');
  }
  var cc = o.conclusion;
  if (cc !== undefined && (!cc || typeof cc.conforms !== 'boolean')) throw fail('invalid', 'conclusion', 'case.decide: conclusion must be a scheme\'s conformity conclusion {conforms, why}');
  if (positive && o.outcome !== 'maintain' && cc && !cc.conforms) {
    throw fail('refused', 'outcome', 'case ' + this.id + ': the conclusion does not conform (' + (cc.reasons || []).join('; ') + '); it cannot be certified on it');
  }
  var grade = o.grade || (sc && sc.level) || null;
  return transaction(function () {
    var d = core.decision.create({ case: self.id, audit: done.length ? done[0].id : undefined, outcome: o.outcome,
      positive: positive, grade: grade, date: date, by: (o.by || []).map(idOf), why: concatWhy(sc, cc) });
    var why = concatWhy(sc, cc), cert = null;
    if (o.outcome === 'certify' || o.outcome === 'recertify') {
      var expiry = rule(s, 'certificateExpiry', 'set the certificate expiry')(date);
      why = why.concat(expiry.why || []);
      if (o.outcome === 'certify') {
        var year = Number(date.slice(0, 4));
        var seq = issuedCount(s.id, String(year)) + 1;
        var num = rule(s, 'certificateNumber', 'number the certificate')({ year: year, seq: seq, orgId: self.orgId, caseId: self.id });
        why = why.concat(num.why || []);
        cert = core.certificate.issue({ decision: d.id, number: num.number, grade: grade, stars: sc ? sc.stars : 0,
          issued: date, expires: expiry.date });
      } else {
        var live = self.certificate();
        if (!live || (live.status !== 'active')) {
          throw fail('illegal-transition', 'outcome', 'case ' + self.id + ' has no active certificate to renew');
        }
        cert = core.certificate.renew(live.id, { decision: d.id, issued: date, expires: expiry.date });
      }
    }
    var out = wrap(Decision, d, why);
    out.certificate = cert ? wrap(Certificate, cert, why) : null;
    return out;
  });
};

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
Audit.complete = function (o) { return wrap(Audit, core.audit.complete(this.id, opts(o, 'audit.complete'))); };
// audit.cancel() → Audit
Audit.cancel = function () { return wrap(Audit, core.audit.cancel(this.id)); };
// audit.addMember({person, role}) → Audit
Audit.addMember = function (o) {
  o = opts(o, 'audit.addMember');
  return wrap(Audit, core.audit.addMember(this.id, { person: idOf(o.person), role: o.role }));
};
// audit.findings() → [Finding]
Audit.findings = function () { return records('SELECT id FROM findings WHERE audit_id = ? ORDER BY id', [this.id], finding); };

// audit.finding({item, clause, kind, points, evidence, date, due}) → Finding; a nonconformity
// without due gets the scheme's correction deadline from the finding's date (default: the
// audit's end)
Audit.finding = function (o) {
  o = opts(o, 'audit.finding');
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
  o = opts(o, 'audit.score');
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
Finding.close = function (o) { return wrap(Finding, core.finding.close(this.id, { date: opts(o, 'finding.close').date || today() })); };

// ---- certificates ---------------------------------------------------------------------------

var certificates = {
  // certificates.get(id) → Certificate
  get: function (id) { return certificate(id); },
  // certificates.byNumber(number) → Certificate or null
  byNumber: function (number) {
    var r = sql('SELECT id FROM certificates WHERE number = ?', number);
    return r.length ? certificate(r[0].id) : null;
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

// cause(cert, kind, code) → {cause, clause, why}: the scheme's coded cause when the scheme lists
// causes of this kind (an unknown code is refused with the valid ones), else the text as given
function cause(cert, kind, code) {
  var s = cert.rules();
  if (typeof s.cause !== 'function' || code === undefined || code === null) return { cause: code, clause: null, why: [] };
  var c = s.cause(kind, code);
  return { cause: c.code + (c.text ? ': ' + c.text : ''), clause: c.clause || null, why: c.why || [] };
}

// setStatus(cert, status, o, kind) → Certificate after the change, with the cause's why
function setStatus(cert, status, o, kind) {
  var c = kind ? cause(cert, kind, o.cause) : { cause: o.cause, clause: null, why: [] };
  var row = core.certificate.setStatus(cert.id, { status: status, date: o.date || today(), cause: c.cause, clause: c.clause });
  return wrap(Certificate, row, c.why);
}

// certificate.suspend({cause, date, licenceRenewal}) → Certificate with until: the latest date
// the suspension may last (the scheme's limit; null when the scheme lifts it, e.g. a licence
// under renewal)
Certificate.suspend = function (o) {
  o = opts(o, 'certificate.suspend');
  var s = this.rules();
  var out = setStatus(this, 'suspended', o, 'suspension');
  var limit = deadline(s, 'suspensionLimit', out.statusDate, { licenceRenewal: !!o.licenceRenewal });
  out.until = limit ? limit.date : null;
  out.why = out.why.concat(limit ? limit.why || [] : []);
  return out;
};
// certificate.restore({cause, date}) → Certificate: active again
Certificate.restore = function (o) { return setStatus(this, 'active', opts(o, 'certificate.restore'), 'restoration'); };
// certificate.withdraw({cause, date}) → Certificate (final)
Certificate.withdraw = function (o) { return setStatus(this, 'withdrawn', opts(o, 'certificate.withdraw'), 'withdrawal'); };
// certificate.cancel({cause, date}) → Certificate (final)
Certificate.cancel = function (o) { return setStatus(this, 'cancelled', opts(o, 'certificate.cancel'), 'cancellation'); };
// certificate.expire({date}) → Certificate (final; not before its expiry date)
Certificate.expire = function (o) { return setStatus(this, 'expired', opts(o, 'certificate.expire'), null); };
// certificate.change({scope, grade, stars, shops}) → Certificate: extension, reduction or a
// change of data; the number and the expiry stay
Certificate.change = function (o) {
  return wrap(Certificate, core.certificate.change(this.id, pick(opts(o, 'certificate.change'), ['scope', 'grade', 'stars', 'shops'])));
};

// ---- matters: appeals, complaints, incidents ------------------------------------------------

var matters = {
  // matters.open({kind, case, certificate, cause, text, date, due}) → Matter; an appeal or a
  // complaint without due gets the scheme's answer deadline
  open: function (o) {
    o = opts(o, 'matters.open');
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

// matter.close({date, outcome}) → Matter
Matter.close = function (o) {
  o = opts(o, 'matter.close');
  return wrap(Matter, core.matter.close(this.id, { date: o.date || today(), outcome: o.outcome }));
};

exports.orgs = orgs;
exports.people = people;
exports.cases = cases;
exports.audits = audits;
exports.findings = findings;
exports.certificates = certificates;
exports.matters = matters;
