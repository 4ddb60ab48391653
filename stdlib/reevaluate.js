// stdlib/reevaluate.js — re-evaluation of the register under another version of a scheme: for
// every case the scheme governs, what would change (man-days, grades, expiry and surveillance
// dates) if target governed it instead. Nothing is written; each case stays on its version.
//
//   require('reevaluate').register('dni-aftersales@F/3') → [{case, org, from, to, changes}]
//
// Speed (issue 17): the cases are read in one query, and only the rules the two versions state
// otherwise are evaluated (Scheme.changedRules: the others give the same results by
// construction); a rule whose input many cases share (man-days by staff and sites, a grade by
// score, an expiry or deadline by date) is compared once per distinct input.
'use strict';

var fail = require('stdlib/bands').fail;
var judge = require('dsl/scheme').judge, compared = require('dsl/scheme').compared;
var actions = require('stdlib/actions');

// inputsOf(c) → the compare() input for case c: its org's staff and sites for each audit type,
// every score recorded on its audits, and its certificate's dates and approved surveillance
// extensions (DNI §5.6.1: an extended window's latest day is the later limit)
function inputsOf(c) {
  var org = c.org(), input = { manDays: [], grade: [] };
  TYPES.forEach(function (t) {
    if (org.staff) input.manDays.push({ employees: org.staff, audit: t, sites: org.sites || 1 });
  });
  sql(SCORES + ' ORDER BY s.id', c.id).forEach(function (r) { input.grade.push({ score: r.score, deductionItems: r.items }); });
  var cert = c.certificate();
  if (cert) {
    input.certificateExpiry = cert.issued;
    input.surveillance = { decisionDate: cert.issued, audits: sql(ENDS + ' ORDER BY actual_end', c.id), asOf: today() };
    var extensions = actions.extensionsOf(cert.id);
    if (extensions.length) input.surveillance.extensions = extensions;
    input.deadlines = { recertApplication: cert.expires };
  }
  return input;
}

// The audit types whose man-days are compared, the scores of a case's audits, and its audits done.
var TYPES = ['initial', 'surveillance', 'recertification'];
var SCORES = 'SELECT s.score, s.deduction_items AS items FROM scores s JOIN audits a ON a.id = s.audit_id WHERE a.case_id = ?';
var ENDS = "SELECT type, actual_end AS end FROM audits WHERE case_id = ? AND status = 'done' AND actual_end IS NOT NULL";

// casesSql(need, keys, asOf) → {text, params}: one row per case of the scheme need.scheme with
// any input, in case order: its id, org, version, and only what a version's changed rules read
// (a column fewer is a property fewer on each of a million rows): need.manDays its org's staff
// and sites, need.grade its scores as JSON, need.dates the dates of the certificate inputsOf
// reads (the live one, else the latest), need.surveillance also its done audits as one text
// 'type end,type end' (auditsOf; what SQL's certsh_next_window reads: no
// object per audit) and the certificate's approved extensions, as the JSON list surveillance()
// takes (extensions) and as the windows' numbers 'n,n' (approved), null for none. need.all: every such case (a run listing them all, or evaluating
// surveillance in JavaScript, whose input is each case's own); else only those with an input
// some version's rules change (keys: casesSql's keys by rule, version|staff/sites, version|issued,
// version|expires, version|score/items; a rule without any asks nothing of each case).
// need.next (every version's programme declarative: its text by version; need.lastDays, by
// version, and need.lastTo, the target's, the last valid days 'decision last,…'): the next window under each version, nextFrom and nextTo ('n due latest',
// certsh_next_window on asOf), found by SQL for every case, and a case kept also when they differ.
function casesSql(need, keys, asOf) {
  var params = [need.scheme];
  function param(v) { params.push(v); return '?' + params.length; }
  function listed(key, list) { return list.length ? [key + ' IN (SELECT value FROM json_each(' + param(JSON.stringify(list)) + '))'] : []; }
  var terms = need.all ? [] : [].concat(listed("k.version || '|' || o.staff || '/' || coalesce(o.sites, 1)", keys.manDays),
    listed("k.version || '|' || c.issued", keys.certificateExpiry), listed("k.version || '|' || c.expires", keys.deadline),
    keys.grade.length ? ['EXISTS(SELECT 1 FROM scores s JOIN audits a ON a.id = s.audit_id WHERE a.case_id = k.id AND ' +
      listed("k.version || '|' || s.score || '/' || s.deduction_items", keys.grade)[0] + ')'] : []);
  var keyed = terms.length ? '(' + terms.join(' OR ') + ')' : '0';
  var columns = ['id', 'org', 'version'].concat(need.manDays ? ['staff', 'sites'] : [], need.dates ? ['issued'] : [], need.expires ? ['expires'] : [],
    need.grade ? ['scores'] : [], need.surveillance ? ['ends', 'extensions', 'approved'] : []); // the outer query's: the cases' but last and keyed
  var orgs = need.manDays; // the org joined only for its staff and sites; else asked only of a case without a certificate
  var cases = 'SELECT k.id, k.org_id AS org, k.version' + (need.manDays ? ', o.staff, coalesce(o.sites, 1) AS sites' : '') +
    (need.dates ? ', c.issued' : '') + (need.expires ? ', c.expires' : '') +
    (need.grade ? ", (SELECT json_group_array(json_object('score', score, 'deductionItems', items)) FROM (" +
      SCORES.replace('?', 'k.id') + ' ORDER BY s.id)) AS scores' : '') +
    (need.surveillance ? ", CASE WHEN c.id IS NOT NULL THEN (SELECT group_concat(type || ' ' || \"end\", ',') FROM (" +
      ENDS.replace('?', 'k.id') + ')) END AS ends, xe.list AS extensions, xe.approved' : '') +
    (need.next && !need.all ? ', ' + keyed + ' AS keyed' : '') +
    ' FROM cases k' + (orgs ? ' JOIN orgs o ON o.id = k.org_id' : '') +
    " LEFT JOIN certificates c ON c.id = coalesce((SELECT max(id) FROM certificates x WHERE x.case_id = k.id AND x.status IN ('active', 'suspended'))," +
    '   (SELECT max(id) FROM certificates x WHERE x.case_id = k.id))' + // no ORDER BY: a temporary B-tree per case
    (need.surveillance ? " LEFT JOIN extensions xe ON xe.subject = 'deviation:certificate-' || c.id" : '') + // the CTE's, once per run
    ' WHERE k.scheme = ?1 AND (c.id IS NOT NULL OR ' + (orgs ? 'o.staff' : '(SELECT staff FROM orgs WHERE id = k.org_id)') +
    ' OR EXISTS(' + SCORES.replace('?', 'k.id') + '))' +
    (need.all || need.next ? '' : ' AND ' + keyed) + ' ORDER BY k.id';
  var withs = need.surveillance ? 'WITH ' + actions.EXTENSIONS_CTE + ' ' : '';
  if (!need.next) return { text: withs + cases, params: params };
  // the cases a co-routine (LIMIT -1 OFFSET 0: not flattened, each case's audits read once), in
  // its order; each version's next window beside them (each version's programme a literal: a
  // constant argument, parsed once per statement), and the cases kept as above or moving
  // (the last valid days by decision date, lastDays: certsh_day_of searches a constant map, parsed once)
  var versions = Object.keys(need.next), target = param(need.target), on = param(asOf), lastTo = param(need.lastTo);
  var text = withs + 'SELECT ' + columns.join(', ') + ', nextFrom, nextTo FROM (SELECT x.*, CASE WHEN x.issued IS NULL THEN NULL' + versions.map(function (v) {
    return ' WHEN x.version = ' + quoted(v) + ' THEN certsh_next_window(' + quoted(need.next[v]) + ', x.issued, certsh_day_of(' + param(need.lastDays[v]) + ', x.issued), ' + on + ', x.ends, x.approved)';
  }).join('') + ' END AS nextFrom,' +
    '   CASE WHEN x.issued IS NOT NULL AND x.version IN (' + versions.map(quoted).join(', ') + ') THEN certsh_next_window(' + target + ', x.issued, certsh_day_of(' + lastTo + ', x.issued), ' + on + ', x.ends, x.approved) END AS nextTo' +
    ' FROM (' + cases + ' LIMIT -1 OFFSET 0) x)' + (need.all ? '' : ' WHERE keyed OR nextFrom IS NOT nextTo');
  return { text: text, params: params };
}

// quoted(text) → text as an SQL string literal
function quoted(text) { return "'" + String(text).replace(/'/g, "''") + "'"; }

// The rules compared once per distinct input, per rule: `sql`, the distinct inputs of the cases
// of one scheme version (?1, ?2), each with `key`, the key casesSql matches it by (less the
// version; the expiry and deadline read every certificate of the cases, a few more than the one
// casesSql picks per case: evaluated for nothing, never missed), and `changes(plan, input)`,
// compare()'s changes for one of them.
var DISTINCT = {
  manDays: { sql: "SELECT DISTINCT o.staff, coalesce(o.sites, 1) AS sites, o.staff || '/' || coalesce(o.sites, 1) AS key" +
    ' FROM cases k JOIN orgs o ON o.id = k.org_id WHERE k.scheme = ?1 AND k.version = ?2 AND o.staff',
    changes: function (p, d) { return p.manDays(d.staff, d.sites); } },
  grade: { sql: "SELECT DISTINCT s.score, s.deduction_items AS items, s.score || '/' || s.deduction_items AS key" +
    ' FROM scores s JOIN audits a ON a.id = s.audit_id JOIN cases k ON k.id = a.case_id WHERE k.scheme = ?1 AND k.version = ?2',
    changes: function (p, d) { return p.grade({ score: d.score, deductionItems: d.items }); } },
  certificateExpiry: { sql: 'SELECT DISTINCT c.issued AS key FROM certificates c JOIN cases k ON k.id = c.case_id WHERE k.scheme = ?1 AND k.version = ?2',
    changes: function (p, d) { return p.expiry(d.key); } },
  deadline: { sql: 'SELECT DISTINCT c.expires AS key FROM certificates c JOIN cases k ON k.id = c.case_id WHERE k.scheme = ?1 AND k.version = ?2',
    changes: function (p, d) { return p.deadline(d.key); } }
};

// auditsOf(ends) → [{type, end}] in the order they ended (ties as listed): a casesSql row's
// audits text as surveillance() takes them (the text in index order: SQLite sorting each case's
// audits was a temporary B-tree per case, for the few cases whose programme is judged)
function auditsOf(ends) {
  var list = [], parts = ends ? ends.split(',') : [];
  for (var i = 0; i < parts.length; i++) {
    var sp = parts[i].indexOf(' '), a = { type: parts[i].slice(0, sp), end: parts[i].slice(sp + 1) }, j = list.length;
    while (j > 0 && list[j - 1].end > a.end) list[j] = list[--j]; // insertion: a handful a case, and stable
    list[j] = a;
  }
  return list;
}

// keysByRule() → {rule: []} for each rule of DISTINCT
function keysByRule() {
  var out = {};
  Object.keys(DISTINCT).forEach(function (rule) { out[rule] = []; });
  return out;
}

// Plan(from, to) → what re-evaluating a case of version `from` under `to` needs: the rules they
// state otherwise, and the changes found per distinct input of each (the cache)
function Plan(from, to) {
  this.from = from;
  this.to = to;
  this.names = [String(from), String(to)];
  var rules = from.changedRules(to);
  this.rules = {};
  for (var i = 0; i < rules.length; i++) this.rules[rules[i]] = true;
  this.cache = {};
  this.changed = keysByRule(); // casesSql's keys of the inputs that change
  // both programmes declarative, both versions with a validity: SQL can find each case's next
  // window under each (casesSql need.next), from's programme as its text
  if ([from, to].every(function (s) { return s.certificateExpiry && s.definition.surveillance && typeof s.definition.surveillance === 'object'; })) {
    this.programme = core.lifecycle.programmeText(from.definition.surveillance);
    this.lazyWhy = this.whyDescriptor();
  }
}

// plan.prepare(): each distinct input of the rules that change (but surveillance) compared once,
// and the casesSql keys of those whose results differ collected
Plan.prototype.prepare = function () {
  var p = this, v = this.from.version;
  Object.keys(DISTINCT).forEach(function (rule) {
    if (!p.rules[rule]) return;
    sql(DISTINCT[rule].sql, p.from.id, v).forEach(function (d) {
      if (DISTINCT[rule].changes(p, d).length) p.changed[rule].push(v + '|' + d.key);
    });
  });
};

// plan.changes(rule, args, shown, key) → compare()'s changes for rule called with args (0 or 1
// entry: dsl/scheme's judge, the test compare() makes), remembered under key when there is one
// (surveillance's input is each case's own: not kept)
Plan.prototype.changes = function (rule, args, shown, key) {
  if (key !== undefined && Object.prototype.hasOwnProperty.call(this.cache, key)) return this.cache[key];
  var j = judge(this.from, this.to, rule, args, shown), found = j.same ? [] : [j.entry];
  if (key !== undefined) this.cache[key] = found;
  return found;
};

// plan.manDays(staff, sites), .grade(score), .expiry(issued), .deadline(expires) → the changes
// of one input (remembered), as compare() gives them
Plan.prototype.manDays = function (staff, sites) {
  var key = 'm' + staff + '/' + sites, out = this.cache[key];
  if (out) return out;
  out = [];
  for (var i = 0; i < TYPES.length; i++) {
    var input = { employees: staff, audit: TYPES[i], sites: sites }, found = this.changes('manDays', [input], input);
    for (var j = 0; j < found.length; j++) out.push(found[j]);
  }
  return (this.cache[key] = out);
};
Plan.prototype.grade = function (score) { return this.changes('grade', [score], score, 'g' + score.score + '/' + score.deductionItems); };
Plan.prototype.expiry = function (issued) { return this.changes('certificateExpiry', [issued], issued, 'e' + issued); };
Plan.prototype.deadline = function (expires) { return this.changes('deadline', ['recertApplication', expires, {}], expires, 'd' + expires); };

// surveillanceInput(row, asOf) → surveillance()'s input for a casesSql row's certificate: its
// decision date, audits done and approved extensions (when it has any)
function surveillanceInput(row, asOf) {
  var input = { decisionDate: row.issued, audits: auditsOf(row.ends), asOf: asOf };
  if (row.extensions) input.extensions = JSON.parse(row.extensions);
  return input;
}

// plan.surveillance(row, asOf) → compare()'s changes for one certificate's programme,
// judged under both versions with its whole input (a run where some version's programme is a
// function of its own: SQL finds the others' next windows, plan.moved)
Plan.prototype.surveillance = function (row, asOf) {
  var input = surveillanceInput(row, asOf);
  return this.changes('surveillance', [input], input);
};
var NONE = [];

// plan.moved(row, asOf) → [judge's entry] for a certificate whose next window
// SQL found moving from row.nextFrom to row.nextTo ('n due latest' or null): before and after compare()'s
// fields of each (made once per text: many certificates share a window), its why (both versions'
// whole results' reasons: two whole evaluations, more than the rest of a run if made for each)
// made by judge when it is first read
Plan.prototype.moved = function (row, asOf) {
  var input = surveillanceInput(row, asOf);
  var entry = { rule: 'surveillance', input: input, before: this.comparedOf(row.nextFrom), after: this.comparedOf(row.nextTo) };
  Object.defineProperty(entry, 'why', this.lazyWhy);
  return [entry];
};

// plan.comparedOf(text) → compare()'s fields of the next window certsh_next_window gave as text
Plan.prototype.comparedOf = function (text) {
  var key = 'w' + text, c = this.cache[key], f;
  if (c === undefined) c = this.cache[key] = compared('surveillance', { next: text === null ? null : (f = text.split(' '), { n: +f[0], due: f[1], latest: f[2] }) });
  return c;
};

// plan.whyDescriptor() → the descriptor of a surveillance entry's why: judge's, made by judge
// when first read and then kept as a plain value (one getter for every entry of the plan)
Plan.prototype.whyDescriptor = function () {
  var plan = this;
  return { enumerable: true, configurable: true, get: function () {
    var why = judge(plan.from, plan.to, 'surveillance', [this.input], this.input).entry.why;
    Object.defineProperty(this, 'why', { value: why, enumerable: true, writable: true, configurable: true });
    return why;
  } };
};

// plan.evaluate(row, asOf) → the changes of one case (a casesSql row), in compare()'s order: man-days,
// grades, expiry, surveillance, deadlines
Plan.prototype.evaluate = function (row, asOf) {
  var out = [], r = this.rules, i, j, found, list;
  if (r.manDays && row.staff) for (found = this.manDays(row.staff, row.sites), j = 0; j < found.length; j++) out.push(found[j]);
  if (r.grade && row.scores && row.scores !== '[]') { // no closure and no array for a case without scores: called per case
    list = JSON.parse(row.scores);
    for (i = 0; i < list.length; i++) for (found = this.grade(list[i]), j = 0; j < found.length; j++) out.push(found[j]);
  }
  if (row.issued) {
    if (r.certificateExpiry) for (found = this.expiry(row.issued), j = 0; j < found.length; j++) out.push(found[j]);
    if (r.surveillance) { // SQL found the next windows (casesSql need.next), or they are found here
      if (row.nextTo === undefined) found = this.surveillance(row, asOf);
      else found = row.nextFrom === row.nextTo ? NONE : this.moved(row, asOf);
      for (j = 0; j < found.length; j++) out.push(found[j]);
    }
    if (r.deadline) for (found = this.deadline(row.expires), j = 0; j < found.length; j++) out.push(found[j]);
  }
  return out;
};

// register(target, o) → [{case, org, from, to, changes}] for the cases of target's scheme that
// another version governs and would change (o.all: every such case with any input, even with no
// change); o.each(result): each result handed to it in case order instead of collected (a whole
// register's need not fit in memory), and the number of results returned
function register(target, o) {
  o = o || {};
  if (o.each !== undefined && typeof o.each !== 'function') throw fail('invalid', 'each', 'register(target, {each}): each must be a function (result)');
  var to = scheme(target), asOf = today(), plans = {}, out = [], n = 0, need = { scheme: to.id, all: !!o.all }, byJs = false;
  sql('SELECT DISTINCT version FROM cases WHERE scheme = ?', to.id).forEach(function (v) {
    var from = scheme(to.id + '@' + v.version);
    if (from === to) return;
    var p = plans[v.version] = new Plan(from, to);
    if (p.rules.manDays) need.manDays = true;
    if (p.rules.grade) need.grade = true;
    if (p.rules.surveillance) need.surveillance = true;
    if (p.rules.surveillance && !p.programme) byJs = true;
    if (p.rules.surveillance || p.rules.certificateExpiry || p.rules.deadline) need.dates = true;
    if (p.rules.deadline) need.expires = true;
  });
  if (!Object.keys(plans).length) return o.each ? 0 : out;
  // a changed programme: SQL finds each case's next windows when every version's is declarative;
  // else every case comes here (need.all) and its windows are found in JavaScript
  if (need.surveillance && byJs) need.all = true;
  else if (need.surveillance) {
    need.next = {};
    need.lastDays = {}; // 'decision last,…' by version (and need.lastTo, the target's)
    need.target = core.lifecycle.programmeText(to.definition.surveillance);
    // every decision date of the scheme's certificates (by their own scheme column, in its index:
    // a join to each one's case was most of this) with its last valid day under the target, and
    // under each version changing the programme (the target's when they state their validity alike)
    var issued = sql('SELECT DISTINCT issued FROM certificates WHERE scheme = ?', to.id).map(function (c) { return c.issued; });
    var daysUnder = function (s) { return issued.map(function (d) { return d + ' ' + s.certificateExpiry(d).date; }).join(','); };
    need.lastTo = daysUnder(to);
    Object.keys(plans).forEach(function (v) {
      var p = plans[v];
      if (!p.rules.surveillance) return;
      need.next[v] = p.programme;
      need.lastDays[v] = p.rules.certificateExpiry ? daysUnder(p.from) : need.lastTo;
    });
    core.lifecycle.defineSql();
  }
  var keys = keysByRule();
  Object.keys(plans).forEach(function (v) {
    if (!need.all) plans[v].prepare();
    Object.keys(keys).forEach(function (rule) { keys[rule] = keys[rule].concat(plans[v].changed[rule]); });
  });
  var q = casesSql(need, keys, asOf);
  sqlEach(q.text, q.params, function (row) {
    var p = plans[row.version];
    if (!p) return;
    var changes = p.evaluate(row, asOf);
    if (!changes.length && !o.all) return;
    var r = { case: row.id, org: row.org, from: p.names[0], to: p.names[1], changes: changes };
    n++;
    if (o.each) o.each(r);
    else out.push(r);
  });
  return o.each ? n : out;
}

exports.register = register;
exports.inputsOf = inputsOf;
