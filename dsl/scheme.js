// dsl/scheme.js — the scheme language: defineScheme(def) validates a scheme written as an object
// literal and builds a frozen Scheme whose methods apply its rules with a `why` (the clauses);
// scheme('id') / scheme('id@version') find one (loading schemes/ID.js and each
// schemes/ID@VERSION.js on first use; a version whose files are gone comes from the rules pinned
// in the register, stdlib/rules.js), schemes() names them without compiling any, defineCriteria /
// criteria(id) do the same for criteria trees, and lint(fn, name) runs a scheme file's checks
// (and its static checks, as warnings) without registering anything. Every Scheme knows the files
// it came from (source(): origin, entry, files, the text the register pins); fromSource rebuilds
// one from that text apart from the library, loadFile runs a file outside it (.load, adopt).
//
// A definition (every rule carries the clause that states it; see docs/schemes.md):
//   id, version, effective ('YYYY-MM-DD' in force), title, owner, document, criteria: [ids],
//   fieldCode, model, extends (a Scheme or definition whose sections this one inherits, merged
//   field by field: objects merge, arrays and values replace, null removes),
//   outline: [{clause, title}] (the document's clauses: certsh doc, lint),
//   workflow (stdlib/workflow: the ISO/IEC 17065 base, with the scheme's own transitions,
//   guards and required actions merged in), manDays (stdlib/bands audit-time rule),
//   grade (bands grade rule), score ({criteria, clause, …}), validity ({years, clause}),
//   numbering ({pattern, clause, text}), deadlines, surveillance, causes, eligibility,
//   requires, measures, certificate (stdlib/layout: the certificate's fields, labels and notes
//   as the document writes them), positions: [{topic, clause, text, applies}] (how the file reads what the
//   document leaves open; applies(input, result) → true when the position decided that result: `.why`
//   shows it then and leaves it out when false), methods: {name: function (input, ctx)} (rules of the scheme's own, beyond these).
//   Any rule section may instead be a function(input, ctx) for logic a table cannot state;
//   ctx = {cite, scheme, bands, lifecycle}.
'use strict';

var bands = require('stdlib/bands');
var life = require('stdlib/lifecycle');
var flow = require('stdlib/workflow');
var layout = require('stdlib/layout');
var fail = bands.fail;

// Where schemes are found and kept: the library (files null), or, while rules pinned in the
// register are rebuilt (fromSource), their own files and registries, apart from the library's.
var LIBRARY = { registry: {}, criteria: {}, files: null, modules: {} };
var cur = LIBRARY;          // registry: id → [Scheme] in order of effective date; criteria: id → criteria
var linting = null;         // while lint() runs: the problems found, and nothing is registered
var loading = [];           // the scheme files being run, innermost last: {path, files: {path: text}}
var fileOrigin = {};        // path → 'embedded' | 'lib' | 'file': where the text run for it came from
var fileNeeds = {};         // path → {path: text}: a criteria or scheme file and the files it needed
var observer = null;        // fn(scheme, rule, args, result) told of every rule call (certsh test --coverage)

// inContext(ctx, fn) → fn() with ctx as the place where schemes are found and kept
function inContext(ctx, fn) {
  var saved = cur;
  cur = ctx;
  try { return fn(); } finally { cur = saved; }
}

// needs(files): the file being run needs these files (a scheme it extends, criteria it reads)
function needs(files) {
  var top = loading[loading.length - 1];
  if (top && files) Object.keys(files).forEach(function (k) { top.files[k] = files[k]; });
}

// within(path, text, origin, fn): run fn as the file path (its text, from origin), so that what
// it defines records the files it came from
function within(path, text, origin, fn) {
  var frame = { path: path, files: {} };
  frame.files[path] = text;
  fileOrigin[path] = origin;
  loading.push(frame);
  var out;
  try { out = fn(); } finally { loading.pop(); }
  fileNeeds[path] = frame.files;
  needs(frame.files);
  return out;
}

// runText(path, text, origin, req) → the exports of text run as a CommonJS module
function runText(path, text, origin, req) {
  var module = { id: path, exports: {} };
  var fn = new Function('exports', 'require', 'module', text); // eslint-disable-line no-new-func
  cur.modules[path] = module;
  within(path, text, origin, function () { fn.call(module.exports, module.exports, req, module); });
  return module.exports;
}

// pinnedRequire(id): require() inside rebuilt rules: scheme files from the pinned files only
function pinnedRequire(id) {
  if (typeof id === 'string' && id.indexOf('schemes/') === 0) {
    var path = /\.js$/.test(id) ? id : id + '.js';
    return runFile(path);
  }
  return require(id);
}

// runFile(path) → the exports of a scheme or criteria file, run once in the current context:
// from the library (require) or from the pinned files
function runFile(path) {
  if (cur.files) {
    if (cur.modules[path]) { needs(fileNeeds[path]); return cur.modules[path].exports; }
    if (!Object.prototype.hasOwnProperty.call(cur.files, path)) throw fail('not-found', 'scheme', 'the pinned rules hold no ' + path);
    return runText(path, cur.files[path], 'pinned', pinnedRequire);
  }
  if (fileNeeds[path]) { needs(fileNeeds[path]); return require(path.slice(0, -3)); }
  return within(path, library.read(path), library.origin(path), function () { return require(path.slice(0, -3)); });
}

// filesOf(id) → the files that define id's versions: schemes/ID.js first, then each
// schemes/ID@VERSION.js (one file per version added later), from the library or the pinned files
function filesOf(id) {
  var all = cur.files ? Object.keys(cur.files) : library.list('schemes');
  var base = 'schemes/' + id + '.js', prefix = 'schemes/' + id + '@';
  return all.filter(function (p) { return p === base; }).concat(all.filter(function (p) {
    return p.indexOf(prefix) === 0 && /\.js$/.test(p) && !/\.test\.js$/.test(p);
  }).sort());
}

// clauseOnly(extra) → a section check: the section cites its clause, and extra(v, f, list) holds
function clauseOnly(extra) {
  return function (v, f) {
    var list = [];
    bands.checkClause(v, f, list);
    if (extra) extra(v, f, list);
    return list;
  };
}

// The scheme language, one entry per section: its check (problems [{field, message}]; a function
// in place of a section is taken as it is), the Scheme members it builds, for the rules that
// compare() evaluates the result fields whose change it reports, and the other sections those
// rules read (reads; their own always). Everything that lists sections or members (validate,
// methods, compare, changedRules, lint) reads this table.
var LANGUAGE = {
  workflow: { check: flow.checkWorkflow, members: ['workflow', 'transition', 'requiredActions'] },
  manDays: { check: bands.checkManDays, members: ['manDays'], compared: { manDays: ['total', 'onsite'] } },
  grade: { check: bands.checkGrade, members: ['grade'], compared: { grade: ['pass', 'level', 'stars'] } },
  score: { check: clauseOnly(function (v, f, list) {
    if (typeof v.criteria !== 'string') list.push({ field: f + '.criteria', message: "must name the criteria whose formula applies, e.g. 'gbt27922'" });
  }), members: ['score'] },
  validity: { check: clauseOnly(function (v, f, list) {
    if (typeof v.years !== 'number' || v.years <= 0 || v.years !== Math.floor(v.years)) list.push({ field: f + '.years', message: 'must be a whole number of years > 0' });
  }), members: ['certificateExpiry'], compared: { certificateExpiry: ['date'] } },
  numbering: { check: clauseOnly(function (v, f, list) {
    if (typeof v.pattern !== 'string' || v.pattern.indexOf('{seq') < 0) list.push({ field: f + '.pattern', message: "must be a pattern holding {seq} (and {year}, {org}, {case}), e.g. 'X-{year}-{seq:5}'" });
  }), members: ['certificateNumber'] },
  deadlines: { check: life.checkDeadlines, members: ['deadline', 'deadlineBounds'], compared: { deadline: ['date'] } },
  surveillance: { check: life.checkSurveillance, members: ['surveillance', 'surveillanceNext', 'surveillanceBounds'], compared: { surveillance: ['next.n', 'next.due', 'next.latest'] },
    reads: ['validity'] }, // the windows end with the certificate (its expiry)
  causes: { check: life.checkCauses, members: ['cause', 'causes'] },
  eligibility: { check: life.checkEligibility, members: ['eligibility'] },
  requires: { check: life.checkRequires, members: ['requires'] },
  measures: { check: function (m, f) {
    var list = [];
    Object.keys(m || {}).forEach(function (k) { bands.checkClause(m[k], f + '.' + k, list); });
    return list;
  }, members: ['measures'] },
  methods: { check: function (m, f) {
    if (!m || typeof m !== 'object' || Array.isArray(m)) return [{ field: f, message: 'must be an object {name: function (input, ctx) {…}}' }];
    return Object.keys(m).filter(function (k) { return typeof m[k] !== 'function' || MEMBERS.indexOf(k) >= 0; }).map(function (k) {
      return { field: f + '.' + k, message: typeof m[k] !== 'function' ? 'must be a function (input, ctx)' : "would hide the Scheme's own " + k };
    });
  }, members: [] },
  outline: { check: function (o, f) {
    if (!Array.isArray(o) || !o.length) return [{ field: f, message: "must list the document's clauses [{clause, title}] in order" }];
    var list = [], seen = {};
    o.forEach(function (x, i) {
      if (!x || typeof x.clause !== 'string' || !x.clause || typeof x.title !== 'string') list.push({ field: f + '[' + i + ']', message: 'must be {clause, title}' });
      else if (seen[x.clause]) list.push({ field: f + '[' + i + '].clause', message: 'clause ' + x.clause + ' is listed twice' });
      else seen[x.clause] = true;
    });
    return list;
  }, members: ['outline'] },
  positions: { check: function (p, f) {
    var list = [];
    if (!Array.isArray(p)) return [{ field: f, message: 'must list [{topic, clause, text}]' }];
    p.forEach(function (x, i) {
      bands.checkClause(x, f + '[' + i + ']', list);
      if (!x || !x.topic || !x.text) list.push({ field: f + '[' + i + ']', message: 'must give topic and text (the position taken)' });
      else if (x.applies !== undefined && typeof x.applies !== 'function') list.push({ field: f + '[' + i + '].applies', message: 'must be a function (input, result) → true when the position decided that result, got ' + JSON.stringify(x.applies) });
    });
    return list;
  }, members: ['positions'] },
  certificate: { check: layout.check, members: ['certificateLayout'] }
};
var IDENTITY = ['id', 'version', 'effective', 'title', 'owner', 'document', 'criteria', 'fieldCode', 'model', 'extends'];
// Members every Scheme may have (the identity, each section's, and the Scheme's own); a scheme's
// own methods take other names.
var MEMBERS = IDENTITY.filter(function (k) { return k !== 'extends'; }).concat(['definition', 'compare', 'changedRules', 'toString', 'source', 'whatIf']);
// The rules compare() evaluates, and the fields whose change it reports; READS: the definition
// sections each of them reads. Its compared fields depend on nothing else (its positions add
// reasons, never change a result), so two versions stating these sections alike give that rule
// the same results (changedRules, stdlib/reevaluate).
var COMPARED = {}, READS = {};
Object.keys(LANGUAGE).forEach(function (k) {
  MEMBERS = MEMBERS.concat(LANGUAGE[k].members);
  Object.keys(LANGUAGE[k].compared || {}).forEach(function (m) {
    COMPARED[m] = LANGUAGE[k].compared[m];
    READS[m] = [k].concat(LANGUAGE[k].reads || []);
  });
});


// sameData(x, y) → x and y state the same data: equal values, arrays and objects equal field by
// field; a function is never taken as the same (it may read the Scheme it is called on)
function sameData(x, y) {
  if (typeof x === 'function' || typeof y === 'function') return false;
  if (x === y) return true;
  if (!x || !y || typeof x !== 'object' || typeof y !== 'object' || Array.isArray(x) !== Array.isArray(y)) return false;
  var kx = Object.keys(x), ky = Object.keys(y);
  if (kx.length !== ky.length) return false;
  for (var i = 0; i < kx.length; i++) {
    if (!Object.prototype.hasOwnProperty.call(y, kx[i]) || !sameData(x[kx[i]], y[kx[i]])) return false;
  }
  return true;
}

// changedRules(a, b) → the rules compare() evaluates whose sections b states otherwise than a
function changedRules(a, b) {
  return Object.keys(READS).filter(function (rule) {
    return !READS[rule].every(function (k) { return sameData(a.definition[k], b.definition[k]); });
  });
}

// isPlain(v) → v is an object literal (not an array, a function or null)
function isPlain(v) { return !!v && typeof v === 'object' && !Array.isArray(v); }

// mergeSection(base, own) → own merged into base field by field: objects merge recursively, an
// array (bands, levels, rows, guards, causes …), a function or a plain value replaces the
// parent's whole; null removes the field
function mergeSection(base, own) {
  if (!isPlain(base) || !isPlain(own)) return own;
  var out = {};
  Object.keys(base).forEach(function (k) { out[k] = base[k]; });
  Object.keys(own).forEach(function (k) {
    if (own[k] === null) delete out[k];
    else out[k] = Object.prototype.hasOwnProperty.call(base, k) ? mergeSection(base[k], own[k]) : own[k];
  });
  return out;
}

// merged(def) → def with what def.extends (a Scheme or a definition) states and def does not:
// identity fields are def's own, sections merge field by field (mergeSection)
function merged(def) {
  if (!def.extends) return def;
  var base = def.extends.definition || def.extends, out = {};
  Object.keys(base).forEach(function (k) { if (k !== 'extends') out[k] = base[k]; });
  Object.keys(def).forEach(function (k) {
    if (k === 'extends') return;
    out[k] = IDENTITY.indexOf(k) < 0 && LANGUAGE[k] && Object.prototype.hasOwnProperty.call(base, k) ? mergeSection(base[k], def[k]) : def[k];
  });
  return out;
}

// validate(def) → problems [{field, message}]
function validate(def) {
  var list = [];
  if (!def || typeof def !== 'object') return [{ field: '', message: 'defineScheme(def): def must be an object literal' }];
  if (typeof def.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(def.id)) list.push({ field: 'id', message: "must be lower case letters, digits and hyphens, e.g. 'cas-service'; got " + JSON.stringify(def.id) });
  if (typeof def.version !== 'string' || !def.version || def.version.indexOf('@') >= 0) list.push({ field: 'version', message: 'must be the document\'s version as text, without @; got ' + JSON.stringify(def.version) });
  if (typeof def.effective !== 'string' || !date.isValid(def.effective)) list.push({ field: 'effective', message: "a version without a date in force: give effective: 'YYYY-MM-DD'; got " + JSON.stringify(def.effective) });
  if (typeof def.title !== 'string' || !def.title) list.push({ field: 'title', message: "must be the document's title" });
  if (def.criteria !== undefined && !Array.isArray(def.criteria)) list.push({ field: 'criteria', message: 'must be a list of criteria ids' });
  Object.keys(def).forEach(function (k) {
    if (IDENTITY.indexOf(k) >= 0) return;
    if (!LANGUAGE[k]) { list.push({ field: k, message: "unknown section '" + k + "' (known: " + IDENTITY.concat(Object.keys(LANGUAGE)).join(', ') + ')' }); return; }
    if (typeof def[k] === 'function') return;
    list = list.concat(LANGUAGE[k].check(def[k], k));
  });
  return list;
}

// describe(id, problems) → one message listing every problem with its field
function describe(id, problems) {
  return 'defineScheme(' + id + '): ' + problems.map(function (p) { return (p.field || '(definition)') + ': ' + p.message; }).join('; ');
}

// ---- the Scheme object -------------------------------------------------------------------------

var NO_STEPS = Object.freeze([]); // position() of a topic no position is taken on

// build(def, source) → a frozen Scheme; source: where its rules came from (provenance)
function build(def, source) {
  var s = {}, home = cur, id = def.id, version = def.version;
  // cite(clause, text) → a why step of this scheme
  function cite(clause, text) { return { scheme: id, version: version, clause: clause, text: text }; }
  var stamp = { scheme: id, version: version }; // what cite adds to a step: the rules' C cores make the steps themselves
  var ctx = { cite: cite, scheme: s, bands: bands, lifecycle: life };
  // custom(name) → the section's own function bound to ctx, or null when it is declarative
  function custom(name) { return typeof def[name] === 'function' ? function (a, b, c) { return def[name].call(s, a, ctx, b, c); } : null; }
  // position(topic, input, result) → the why steps of the positions taken on topic; a position
  // with applies(input, result) says whether it decided this result (step.applied), for `.why`
  // (the positions sorted by topic once here, the step's text made once; the steps made in C,
  // core.why.positions: position() runs on every rule call, issue 17)
  var byTopic = {}; // '$' + topic → [{clause, text, applies}]: no key of Object.prototype (frozen) starts with $
  (def.positions || []).forEach(function (p) {
    var k = '$' + p.topic, list = byTopic[k] || (byTopic[k] = []);
    list.push({ clause: p.clause, text: 'position: ' + p.text, applies: typeof p.applies === 'function' ? p.applies : null });
  });
  function position(topic, input, result) {
    var list = byTopic['$' + topic];
    return list ? core.why.positions(list, [], input, result, s, stamp) : NO_STEPS;
  }
  // withPositions(r, topic, input) → r, the positions taken on topic added to r.why (every
  // applies decides on r as it was, before any of them is added)
  function withPositions(r, topic, input) {
    var list = byTopic['$' + topic];
    if (list) core.why.positions(list, r.why, input, r, s, stamp);
    return r;
  }

  s.id = def.id;
  s.version = def.version;
  s.title = def.title;
  s.document = def.document || null;
  s.owner = def.owner || null;
  s.effective = def.effective;
  s.criteria = (def.criteria || []).slice();
  s.fieldCode = def.fieldCode || null;
  s.model = def.model || null;
  // workflow: the ISO/IEC 17065 base with the scheme's own merged in, made when first read
  // (flow.define copies every transition and guard: a sixth of loading the schemes, issue 17);
  // read-only and enumerable as the frozen Scheme's other members, the same object at every read
  var workflow = null;
  Object.defineProperty(s, 'workflow', { enumerable: true, configurable: true,
    get: function () { return workflow || (workflow = flow.define(flow.iso17065, def.workflow)); } });
  s.definition = def;
  s.positions = (def.positions || []).map(function (p) { return { topic: p.topic, clause: p.clause, text: p.text }; });
  // outline: the document's clauses [{clause, title}] as the scheme states them (certsh doc, lint)
  s.outline = (def.outline || []).map(function (x) { return { clause: x.clause, title: x.title }; });

  if (def.manDays) {
    // manDays({employees, audit, sites}) → {total, onsite, minimum, why} (computed in C, its
    // steps made from the stamp; the observer told here)
    s.manDays = custom('manDays') || function (a, b, c) {
      var r = withPositions(bands.manDays(def.manDays, a, stamp), 'manDays', a);
      if (observer) observer(s, 'manDays', [a, b, c], r);
      return r;
    };
  }
  if (def.grade) {
    // grade({score, deductionItems}) → {pass, level, stars, why} (as manDays)
    s.grade = custom('grade') || function (a, b, c) {
      var r = withPositions(bands.grade(def.grade, a, stamp), 'grade', a);
      if (observer) observer(s, 'grade', [a, b, c], r);
      return r;
    };
  }
  if (def.score) {
    // score({indicators, specialDeductions, specialBonuses}) → {score, deductionItems, why}
    s.score = custom('score') || function (input) {
      var c = inContext(home, function () { return criteria(def.score.criteria); }); // pinned rules read their own criteria
      var r = c.score(input, def.score);
      r.why = [cite(def.score.clause, def.score.text || 'scored by the formula of ' + c.id)].concat(r.why, position('score', input, r));
      return r;
    };
  }
  // lastValidDay(decisionDate) → the last day of a declarative validity, without its reasons
  // (what the surveillance windows end with: the expiry's why is most of its call, issue 17)
  function lastValidDay(decisionDate) {
    date.check(decisionDate, 'decisionDate');
    return date.addDays(date.addYears(decisionDate, def.validity.years), -1);
  }
  if (def.validity) {
    // certificateExpiry(decisionDate) → {date, why}: the last day of validity
    s.certificateExpiry = custom('validity') || function (decisionDate) {
      var d = lastValidDay(decisionDate);
      var r = { date: d, why: [cite(def.validity.clause, 'valid ' + def.validity.years + ' years from the decision ' + decisionDate +
        ', the decision day counted: last day ' + d + (def.validity.text ? ' (' + def.validity.text + ')' : ''))] };
      r.why = r.why.concat(position('validity', decisionDate, r));
      return r;
    };
  }
  if (def.numbering) {
    // certificateNumber({year, seq, orgId, caseId}) → {number, why}
    s.certificateNumber = custom('numbering') || function (o) {
      if (!o || typeof o.year !== 'number' || o.year < 1900 || o.year > 9999 || o.year !== Math.floor(o.year)) throw fail('invalid', 'year', 'certificateNumber({year, seq}): year must be a 4-digit year, got ' + JSON.stringify(o && o.year));
      if (typeof o.seq !== 'number' || o.seq < 1 || o.seq !== Math.floor(o.seq)) throw fail('invalid', 'seq', 'certificateNumber({year, seq}): seq must be a whole number ≥ 1, got ' + JSON.stringify(o.seq));
      var number = def.numbering.pattern.replace(/\{(year|seq|org|case)(?::(\d+))?\}/g, function (m, k, w) {
        var v = String({ year: o.year, seq: o.seq, org: o.orgId, case: o.caseId }[k]);
        while (w && v.length < +w) v = '0' + v;
        return v;
      });
      return { number: number, why: [cite(def.numbering.clause, (def.numbering.text ? def.numbering.text + ': ' : '') + def.numbering.pattern + ' → ' + number)] };
    };
  }
  if (def.deadlines) {
    // deadline(name, fromDate, opts) → {date, why}; null when the scheme states no such deadline
    s.deadline = custom('deadlines') || function (name, from, opts) {
      var r = life.deadline(def.deadlines, name, from, opts, cite);
      if (r) r.why = r.why.concat(position('deadline.' + name, { from: from, opts: opts }, r));
      return r;
    };
    // deadlineBounds(name) → {minDays, maxDays} or null: the deadline's span in days, as data
    // (absent when the deadlines are a function of the scheme's own: a job then scans every row)
    if (typeof def.deadlines !== 'function') s.deadlineBounds = function (name) { return life.deadlineBounds(def.deadlines, name); };
  }
  if (def.surveillance) {
    // surveillance({decisionDate, expires, audits, asOf}) → {next, windows, why}
    // expiryOf(d) → the certificate's last day when input gives no expires (one function for
    // every call: a closure made per call cost 5,000 instructions, issue 17)
    var expiryOf = function (d) {
      if (!s.certificateExpiry) throw fail('invalid', 'expires', 'surveillance({decisionDate, expires, audits, asOf}): ' + s + ' states no validity, so expires is required');
      return typeof def.validity === 'function' ? s.certificateExpiry(d).date : lastValidDay(d);
    };
    // (with no position taken on it, the C core itself with the programme bound: the closure's
    // outer names, looked up per call, were a twentieth of it, issue 17)
    s.surveillance = custom('surveillance') || (byTopic.$surveillance ? function (input) {
      return withPositions(core.lifecycle.surveillance(def.surveillance, expiryOf, stamp, input), 'surveillance', input);
    } : core.lifecycle.surveillance.bind(null, def.surveillance, expiryOf, stamp));
    if (typeof def.surveillance !== 'function') { // both absent when the programme is a function of the scheme's own
      // surveillanceNext(input) → surveillance(input).next (null when every surveillance is done),
      // its reasons the same, made without the other windows' or the cycle's (the positions'
      // steps join the cycle's: the reminder job prints only the next window's, issue 17)
      s.surveillanceNext = core.lifecycle.surveillanceNext.bind(null, def.surveillance, expiryOf, stamp);
      // surveillanceBounds() → {aMin, aMax, bMin, nMax, why}: the programme's windows in days, as
      // data (without them a job scans every certificate)
      s.surveillanceBounds = function () { return life.surveillanceBounds(def.surveillance, cite); };
    }
  }
  if (def.causes) {
    // cause(kind, code) → {kind, code, clause, text, why}
    s.cause = function (kind, code) { return life.cause(def.causes, kind, code, cite); };
    // causes(kind) → [{code, clause, text}]
    s.causes = function (kind) {
      if (life.CAUSE_KINDS.indexOf(kind) < 0) throw fail('invalid', 'kind', 'causes(kind): kind must be one of ' + life.CAUSE_KINDS.join(', ') + ', got ' + JSON.stringify(kind));
      return (def.causes[kind] || []).map(function (x) { return { code: x.code, clause: x.clause, text: x.text }; });
    };
  }
  if (def.eligibility) {
    // eligibility(facts) → {ok, refusals, unchecked, why}
    s.eligibility = custom('eligibility') || function (facts) { return life.eligibility(def.eligibility, facts, cite); };
  }
  if (def.requires) {
    // requires(activity) → [{item, clause}]
    s.requires = function (activity) { return life.requires(def.requires, activity); };
  }
  if (def.certificate) {
    // certificateLayout() → {clause, title, fields: [{field, label, clause, value}], notes: [{text, clause}]} (a copy)
    s.certificateLayout = custom('certificate') || function () { return JSON.parse(JSON.stringify(def.certificate)); };
  }
  if (def.measures) {
    // measures(eventCode) → {measures, why}
    s.measures = custom('measures') || function (code) {
      var m = def.measures[code];
      if (!m) throw fail('invalid', 'event', 'measures(eventCode): unknown event ' + JSON.stringify(code) + '; valid: ' + Object.keys(def.measures).join(', '));
      return { measures: m.measures.slice(), why: [cite(m.clause, m.text)] };
    };
  }
  var levels = def.grade && typeof def.grade === 'object' ? def.grade.levels : [];
  // stages() → [{stage, clause, text}]: the certification's stages in order, as the workflow's guards declare them
  s.stages = function () { return flow.stages(s.workflow); };
  // transition(name, facts) → {ok, refusals, grade, why}: whether the workflow lets it happen now
  s.transition = function (name, facts) {
    var r = flow.check(s.workflow, levels, name, facts, cite);
    r.why = r.why.concat(position('workflow.' + name, facts, r));
    return r;
  };
  // requiredActions(facts) → [{code, do, due, subject, clause, text, forbids, why}] (stdlib/workflow actions)
  s.requiredActions = function (facts) {
    if (s.surveillance && Array.isArray(facts.audits) && facts.decided) { // the certificate's programme, asked only by the checks that need it
      facts.programme = function () {
        return s.surveillance({ decisionDate: facts.decided, expires: facts.certificate.expires, audits: facts.audits, asOf: facts.asOf,
          extensions: facts.extensions || [] });
      };
    }
    return flow.actions(s.workflow, facts, function (name, from) { return s.deadline ? s.deadline(name, from) : null; }, cite);
  };
  // methods: the scheme's own rules beyond the agreed ones (e.g. cnas-ecommerce's evaluation),
  // called as s.name(input, …) and given ctx after the first argument, like a section function
  Object.keys(def.methods || {}).forEach(function (k) {
    s[k] = function (a, b, c) { return def.methods[k].call(s, a, ctx, b, c); };
  });
  // compare(other, input) → {from, to, changes, same, why}: what would change under another version
  s.compare = function (other, input) { return compare(s, other, input); };
  // changedRules(other) → the rules compare() evaluates that other states otherwise (the rest
  // give the same results under both: stdlib/reevaluate evaluates only these)
  s.changedRules = function (other) {
    if (typeof other === 'string') other = scheme(other);
    if (!other || !other.definition) throw fail('invalid', 'other', "changedRules(other): other must be a Scheme or 'id@version'");
    return changedRules(s, other);
  };
  // whatIf(rule, input) → {now, changes, why}: the least change in each input that changes the
  // outcome, with its clause (stdlib/whatif: 'grade', 'suspensionLimit')
  s.whatIf = function (rule, input) { return require('stdlib/whatif').whatIf(s, rule, input); };
  // toString() → 'id@version'
  s.toString = function () { return def.id + '@' + def.version; };
  // the rules whose reach `certsh test --coverage` reports tell the observer of each call
  ['manDays', 'grade', 'deadline', 'transition'].forEach(function (m) {
    var f = s[m];
    if (typeof f !== 'function' || ((m === 'grade' || m === 'manDays') && typeof def[m] !== 'function')) return; // these tell it themselves
    s[m] = function (a, b, c) {
      var r = f(a, b, c);
      if (observer) observer(s, m, [a, b, c], r);
      return r;
    };
  });
  // source() → {origin, entry, files, text}: where the rules came from ('embedded' in certsh,
  // 'lib' a --lib folder, 'file' a file loaded or adopted, 'pinned' the register, 'script' a
  // script's own defineScheme, which has no file to pin) and the files that state them
  s.source = function () { return source; };
  return Object.freeze(s);
}

// ---- defining and finding schemes ----------------------------------------------------------------

// defineScheme(def) → Scheme, registered as def.id@def.version; throws {code:'invalid-scheme',
// field, problems} naming every field that is wrong
function defineScheme(def) {
  var d = def && typeof def === 'object' ? merged(def) : def;
  var src = !linting && d && typeof d === 'object' ? provenance(d) : null;
  // A file built into certsh, with every file it needs, was checked when certsh was built: the
  // build runs certsh lint on each scheme file it embeds, and a problem fails the build
  // (CMakeLists.txt). Checking it again at every load took 40% of loading the schemes (issue 17);
  // everything else (a --lib folder, a file loaded or adopted, pinned rules, a script's own
  // definition) is checked here as before.
  var problems = src && src.origin === 'embedded' ? [] : validate(d);
  var id = d && d.id ? d.id + '@' + d.version : '(no id)';
  if (linting) {
    problems.forEach(function (p) { linting.push({ scheme: id, field: p.field, message: p.message }); });
    if (!problems.length) staticChecks(d).forEach(function (w) { linting.push({ scheme: id, field: w.field, message: w.message, warning: true }); });
    linting.defined = (linting.defined || 0) + 1;
    return problems.length ? null : build(d, provenance(d));
  }
  if (problems.length) {
    var e = fail('invalid-scheme', problems[0].field, describe(id, problems));
    e.problems = problems;
    throw e;
  }
  var list = cur.registry[d.id] || (cur.registry[d.id] = []), again = null;
  list.forEach(function (x) {
    if (x.version !== d.version) return;
    if (src.text && x.source().text === src.text) { again = x; return; } // the same file run again (.load twice)
    throw fail('duplicate', 'version', 'defineScheme(' + id + '): version ' + d.version + ' of ' + d.id + ' is already defined' +
      (x.source().entry ? ' (by ' + x.source().entry + ')' : ''));
  });
  if (again) return again;
  var s = build(d, src);
  list.push(s);
  list.sort(byEffective);
  return s;
}

// byEffective(a, b): versions by effective date, two of one date by version (a total order:
// Duktape's sort picks random pivots, so a tie came out either way from run to run)
function byEffective(a, b) {
  return a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : 0;
}

// provenance(def) → the source of a definition being made: the file being run and every file it
// needed (the schemes it extends, the criteria it names), as one canonical text to pin
function provenance(def) {
  var top = loading[loading.length - 1];
  if (!top) return { origin: 'script', entry: null, files: null, text: null };
  var files = {}, all = {};
  Object.keys(top.files).forEach(function (k) { all[k] = top.files[k]; });
  if (def.extends && typeof def.extends.source === 'function' && def.extends.source().files) {
    var f = def.extends.source().files;
    Object.keys(f).forEach(function (k) { all[k] = f[k]; });
  }
  (def.criteria || []).concat(def.score && typeof def.score.criteria === 'string' ? [def.score.criteria] : []).forEach(function (c) {
    var path = 'schemes/' + c + '.js';
    if (all[path] || !/^[a-z0-9][a-z0-9-]*$/.test(c)) return;
    if (cur.files) { if (Object.prototype.hasOwnProperty.call(cur.files, path)) all[path] = cur.files[path]; return; }
    var text = library.read(path);
    if (text !== null) { all[path] = text; fileOrigin[path] = library.origin(path); }
  });
  var kept = {}; // the files as they are now, for text (files itself is the caller's to change)
  Object.keys(all).sort().forEach(function (k) { files[k] = kept[k] = all[k]; });
  var origin = cur.files ? 'pinned' : Object.keys(files).every(function (k) { return fileOrigin[k] === 'embedded'; }) ? 'embedded' :
    Object.keys(files).some(function (k) { return fileOrigin[k] === 'file'; }) ? 'file' : 'lib';
  return lazyText({ origin: origin, entry: top.path, files: files }, top.path, kept);
}

// lazyText(src, entry, files) → src with src.text, the canonical text to pin (the JSON of every
// file it needs), made when first read: most sessions never pin or compare it, and quoting every
// file's text took a tenth of loading the schemes (issue 17). A plain data property once read or
// assigned, as it was before.
function lazyText(src, entry, files) {
  function plain(v) { Object.defineProperty(src, 'text', { value: v, writable: true, enumerable: true, configurable: true }); }
  Object.defineProperty(src, 'text', { enumerable: true, configurable: true,
    get: function () {
      var text = JSON.stringify({ entry: entry, files: files });
      if (Object.isExtensible(src)) plain(text); // (a source a script froze keeps its getter)
      return text;
    },
    set: plain });
  return src;
}

// load(id): run id's files once (schemes/ID.js and any schemes/ID@VERSION.js; they define its
// versions); when the library has none, the versions pinned in the register; not-found else
function load(id) {
  if (cur.registry[id]) return;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw fail('invalid', 'scheme', "scheme(id): '" + id + "' is not a scheme id (lower case letters, digits, hyphens; 'id@version' for a version)");
  var paths = filesOf(id);
  if (!paths.length) {
    var pinned = cur.files ? [] : require('stdlib/rules').pinnedVersions(id); // the files are gone: the register's rules
    if (!pinned.length) throw fail('not-found', 'scheme', "unknown scheme '" + id + "' (known: " + available().join(', ') + ')');
    cur.registry[id] = pinned.sort(byEffective);
    return;
  }
  var saved = linting;
  linting = null; // a scheme the linted file extends is loaded for real, not linted
  try { paths.forEach(runFile); } finally { linting = saved; }
  if (!cur.registry[id]) throw fail('not-found', 'scheme', paths.join(', ') + ' define no scheme ' + id);
}

// scheme(id) → the Scheme: 'id@version' exactly, or 'id' = the version in force on today()
function scheme(id) {
  if (typeof id !== 'string' || !id) throw fail('invalid', 'scheme', "scheme(id): id must be text such as 'cas-service' or 'dni-aftersales@F/2', got " + JSON.stringify(id));
  var at = id.indexOf('@');
  var name = at < 0 ? id : id.slice(0, at), version = at < 0 ? null : id.slice(at + 1);
  load(name);
  var list = cur.registry[name];
  if (version !== null) {
    for (var i = 0; i < list.length; i++) if (list[i].version === version) return used(list[i]);
    var kept = cur.files ? null : require('stdlib/rules').pinnedVersion(name, version); // a version whose file is gone
    if (kept) {
      list.push(kept);
      list.sort(byEffective);
      return used(kept);
    }
    throw fail('not-found', 'version', 'scheme(id): ' + name + ' has no version ' + JSON.stringify(version) + ' (versions: ' + list.map(String).join(', ') + ')');
  }
  var on = today(), found = null;
  list.forEach(function (s) { if (s.effective <= on) found = s; });
  if (!found) throw fail('not-in-force', 'scheme', 'scheme(id): no version of ' + name + ' is in force on ' + on + '; the earliest, ' + list[0] + ', comes into force on ' + list[0].effective);
  return used(found);
}

// used(s) → s; a scheme file being run that asks for s needs s's files
function used(s) {
  if (loading.length && s.source().files) needs(s.source().files);
  return s;
}

// versions(id) → [Scheme] of id, oldest first
function versions(id) { load(id); return cur.registry[id].slice(); }

// loaded() → every Scheme defined so far in this session, by id then effective date
function loaded() {
  var out = [];
  Object.keys(LIBRARY.registry).sort().forEach(function (k) { out = out.concat(LIBRARY.registry[k]); });
  return out;
}

// fromSource(text, id, version) → the Scheme id@version rebuilt from pinned rules' text
// ({entry, files}), in a context of its own: nothing of the library is read or changed
function fromSource(text, id, version) {
  var src = JSON.parse(text);
  var ctx = { registry: {}, criteria: {}, files: src.files, modules: {} };
  return inContext(ctx, function () {
    var saved = loading;
    loading = [];
    try {
      if (filesOf(id).length) load(id);
      if (!ctx.modules[src.entry]) runFile(src.entry);
    } finally { loading = saved; }
    var found = (ctx.registry[id] || []).filter(function (s) { return s.version === version; })[0];
    if (!found) throw fail('not-found', 'version', 'the pinned rules of ' + id + '@' + version + ' (' + src.entry + ') define no such version');
    return found;
  });
}

// loadFile(path, text) → [Scheme] that a scheme file outside the library defines (.load, certsh
// adopt), run as a module; it is known as schemes/NAME.js (its file name) in what is pinned
function loadFile(path, text) {
  var name = 'schemes/' + String(path).replace(/^.*\//, '');
  if (!/\.js$/.test(name)) name += '.js';
  var before = loaded(), own = library.read(name);
  if (own === text && fileNeeds[name]) return []; // the library's own file, already run
  if (own !== null && own !== text) {
    throw fail('conflict', 'file', path + ' is not the library\'s ' + name + ' (--lib or built in), which has other text: load or adopt that file, or give this one another name');
  }
  runText(name, text, own === text ? library.origin(name) : 'file', require);
  return loaded().filter(function (s) { return before.indexOf(s) < 0 && s.source().entry === name; }); // not the versions it extends
}

// available() → ids of the scheme files of the library (read, not compiled: files that name
// defineScheme; found with indexOf, as a RegExp over the Chinese texts took 3 ms), sorted
function available() {
  var ids = [];
  library.list('schemes').filter(function (p) { return !/\.test\.js$/.test(p); })
    .filter(function (p) { return (library.read(p) || '').indexOf('defineScheme') >= 0; })
    .forEach(function (p) { var id = p.slice(8, -3).split('@')[0]; if (ids.indexOf(id) < 0) ids.push(id); });
  return ids;
}

// schemes() → ids of the available and loaded schemes, sorted
function schemes() {
  var ids = available();
  Object.keys(LIBRARY.registry).forEach(function (k) { if (ids.indexOf(k) < 0) ids.push(k); });
  return ids.sort();
}

// ---- criteria --------------------------------------------------------------------------------------

// defineCriteria(c) → c frozen and registered; c: {id, version, title, tree: [{id, name,
// children}], score: function (input, opts) → {score, deductionItems, why}}
function defineCriteria(c) {
  var problems = [];
  if (!c || typeof c.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(c.id)) problems.push({ field: 'id', message: 'must be a criteria id such as gbt27922' });
  if (!c || typeof c.title !== 'string' || !c.title) problems.push({ field: 'title', message: "must be the standard's title" });
  if (!c || !Array.isArray(c.tree) || !c.tree.length) problems.push({ field: 'tree', message: 'must be the indicator tree [{id, name, children}]' });
  var seen = {};
  (function walk(nodes, f) {
    (nodes || []).forEach(function (n, i) {
      var g = f + '[' + i + ']';
      if (!n || typeof n.id !== 'string' || !n.name) problems.push({ field: g, message: 'must have id and name' });
      else if (seen[n.id]) problems.push({ field: g + '.id', message: "indicator id '" + n.id + "' is listed twice" });
      else seen[n.id] = true;
      if (n && n.children) walk(n.children, g + '.children');
    });
  })(c && c.tree, 'tree');
  if (linting) {
    problems.forEach(function (p) { linting.push({ scheme: (c && c.id) || '(criteria)', field: p.field, message: p.message }); });
    linting.defined = (linting.defined || 0) + 1;
    return c;
  }
  if (problems.length) {
    var e = fail('invalid-scheme', problems[0].field, 'defineCriteria(' + (c && c.id) + '): ' + problems.map(function (p) { return p.field + ': ' + p.message; }).join('; '));
    e.problems = problems;
    throw e;
  }
  cur.criteria[c.id] = Object.freeze(c);
  return c;
}

// criteria(id) → the criteria object, loading schemes/ID.js on first use
function criteria(id) {
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id)) throw fail('invalid', 'criteria', 'criteria(id): id must be a criteria id such as gbt27922, got ' + JSON.stringify(id));
  var path = 'schemes/' + id + '.js';
  if (!cur.criteria[id]) {
    if (cur.files ? !Object.prototype.hasOwnProperty.call(cur.files, path) : library.read(path) === null) throw fail('not-found', 'criteria', "unknown criteria '" + id + "'");
    var m = runFile(path);
    if (!cur.criteria[id] && m && m.id === id && Array.isArray(m.tree)) cur.criteria[id] = m; /* a plain module is accepted as it is */
  } else {
    needs(fileNeeds[path]);
  }
  if (!cur.criteria[id]) throw fail('not-found', 'criteria', path + ' defines no criteria ' + id);
  return cur.criteria[id];
}

// ---- re-evaluation -----------------------------------------------------------------------------------

// PATHS: for each rule of COMPARED, its fields as {key, head, tail}: 'next.due' is r.next.due
var PATHS = {};
Object.keys(COMPARED).forEach(function (rule) {
  PATHS[rule] = COMPARED[rule].map(function (k) {
    var dot = k.indexOf('.');
    return { key: k, head: dot < 0 ? k : k.slice(0, dot), tail: dot < 0 ? null : k.slice(dot + 1) };
  });
});

// compared(rule, r) → the fields of rule's result r whose change compare() reports (judge's
// before and after; a loop over PATHS, judged per case by stdlib/reevaluate)
function compared(rule, r) {
  if (r === null || r === undefined) return null;
  var o = {}, paths = PATHS[rule];
  for (var i = 0; i < paths.length; i++) {
    var p = paths[i];
    o[p.key] = p.tail === null ? r[p.head] : (r[p.head] || {})[p.tail];
  }
  return o;
}

// judge(a, b, rule, args, shown) → {same, entry}: rule (a Scheme method) called with args under
// Schemes a and b, and the entry compare() lists for it, {rule, input: shown, before, after}
// with both results' why when the compared fields differ (same false)
function judge(a, b, rule, args, shown) {
  var ra = typeof a[rule] === 'function' ? a[rule].apply(a, args) : null;
  var rb = typeof b[rule] === 'function' ? b[rule].apply(b, args) : null;
  var pa = compared(rule, ra), pb = compared(rule, rb);
  var entry = { rule: rule === 'deadline' ? 'deadline ' + args[0] : rule, input: shown, before: pa, after: pb };
  var same = JSON.stringify(pa) === JSON.stringify(pb);
  if (!same) entry.why = (ra ? ra.why : []).concat(rb ? rb.why : []);
  return { same: same, entry: entry };
}

// compare(a, b, input) → {from, to, changes: [{rule, input, before, after, why}], same, why}.
// input: {manDays: {...} | [{...}], grade: {...} | [...], certificateExpiry: date,
// surveillance: {...}, deadlines: {name: fromDate}}
function compare(a, b, input) {
  if (typeof b === 'string') b = scheme(b);
  if (!b || typeof b.id !== 'string') throw fail('invalid', 'other', "compare(other, input): other must be a Scheme or 'id@version'");
  if (!input || typeof input !== 'object') throw fail('invalid', 'input', 'compare(other, input): input must name the cases to evaluate, e.g. {manDays: {employees: 1200}}');
  var changes = [], same = [];
  // one(rule, args, shown): evaluate under both versions and record the difference
  function one(rule, args, shown) {
    var j = judge(a, b, rule, args, shown);
    (j.same ? same : changes).push(j.entry);
  }
  Object.keys(input).forEach(function (k) {
    var v = input[k];
    if (k === 'deadlines') Object.keys(v).forEach(function (name) { one('deadline', [name, v[name], {}], v[name]); });
    else if (k === 'certificateExpiry') one(k, [v], v);
    else if (COMPARED[k]) (Array.isArray(v) ? v : [v]).forEach(function (x) { one(k, [x], x); });
    else throw fail('invalid', 'input', "compare(other, input): unknown rule '" + k + "' (known: manDays, grade, certificateExpiry, surveillance, deadlines)");
  });
  return { from: String(a), to: String(b), changes: changes, same: same,
    why: [{ scheme: a.id, version: a.version, clause: '', text: changes.length + ' of ' + (changes.length + same.length) + ' results differ under ' + b }] };
}

// ---- lint --------------------------------------------------------------------------------------------

// cited(c, outline) → c (a clause as a rule cites it: '§8.5.5 3)', '§7.5; §5.6.5') names clauses
// of the outline: each part is one of them or an item of one ('§8.5.5 3)' is an item of '§8.5.5';
// '§6.9' is not in '§6' unless the outline lists it)
function cited(c, outline) {
  if (/^\(.*\)$/.test(c)) return true; // '(none)': a position on what no clause states
  return String(c).split(/\s*[;；]\s*/).every(function (part) {
    return !part || outline.some(function (o) {
      return part === o || (part.indexOf(o) === 0 && /^[ (（]/.test(part.charAt(o.length)));
    });
  });
}

// staticChecks(def) → warnings [{field, message}]: what a definition states that the rules can
// never use or that its document does not have: levels the document names that no score reaches
// (grade.named), and clauses cited that are absent from the scheme's outline
function staticChecks(def) {
  var list = [], g = def.grade;
  if (g && typeof g === 'object' && g.named && Array.isArray(g.levels)) {
    var words = g.levels.map(function (l) { return l.level; });
    (g.named.levels || []).forEach(function (w) {
      if (words.indexOf(w) < 0) {
        list.push({ field: 'grade.named', message: w + ' (named by ' + g.named.clause + ') is reached by no score: the levels are ' +
          g.levels.map(function (l) { return l.level + ' ≥' + l.min; }).join(', ') });
      }
    });
  }
  if (Array.isArray(def.outline)) {
    var outline = def.outline.map(function (x) { return x && x.clause; }), seen = {};
    (function walk(v, path, depth) {
      if (!v || typeof v !== 'object' || depth > 8) return;
      if (typeof v.clause === 'string' && v.clause && !seen[v.clause] && !cited(v.clause, outline)) {
        seen[v.clause] = true;
        list.push({ field: path + '.clause', message: 'cites ' + v.clause + ', which is not in the outline of ' + (def.document || def.id) });
      }
      Object.keys(v).forEach(function (k) { if (k !== 'extends' && k !== 'outline' && k !== 'clause') walk(v[k], path + (Array.isArray(v) ? '[' + k + ']' : '.' + k), depth + 1); });
    })(def, '(definition)', 0);
  }
  return list.map(function (w) { w.field = w.field.replace(/^\(definition\)\./, ''); w.warning = true; return w; });
}

// lint(fn, name) → problems [{scheme, field, message}]: run a scheme file's body fn(exports,
// require, module) with every defineScheme checked and nothing registered
function lint(fn, name) {
  var saved = linting;
  linting = [];
  var found = linting;
  try {
    fn.call({}, {}, require, { id: name, exports: {} });
  } catch (e) {
    found.push({ scheme: name, field: (e && e.field) || '', message: (e && e.message) || String(e) });
  } finally {
    linting = saved;
  }
  if (!found.defined) found.push({ scheme: name, field: '', message: 'the file defines no scheme (call defineScheme({...}))' });
  return found.slice();
}

// lintReport(fn, name) → {problems, warnings, text}: lint(fn, name) as `certsh lint` prints it, one
// line per finding 'NAME: scheme: field: message' (a warning, a static check such as an
// unreachable level or a clause outside the outline, is printed and does not fail the file)
function lintReport(fn, name) {
  var found = lint(fn, name), bad = found.filter(function (x) { return !x.warning; }).length;
  return { problems: bad, warnings: found.length - bad, text: found.map(function (x) {
    return name + ': ' + x.scheme + ': ' + (x.field || '(file)') + ': ' + (x.warning ? 'warning: ' : '') + x.message;
  }).join('\n') };
}

exports.defineScheme = defineScheme;
exports.scheme = scheme;
exports.schemes = schemes;
exports.versions = versions;
exports.defineCriteria = defineCriteria;
exports.criteria = criteria;
exports.compare = compare;
exports.judge = judge;
exports.compared = compared;
exports.validate = function (def) { return validate(def && typeof def === 'object' ? merged(def) : def); };
exports.lint = lint;
exports.lintReport = lintReport;
exports.loaded = loaded;
// observe(fn): tell fn(scheme, rule, args, result) of every manDays, grade, deadline and transition call
exports.observe = function (fn) { observer = typeof fn === 'function' ? fn : null; };
exports.staticChecks = staticChecks;
exports.fromSource = fromSource;
exports.loadFile = loadFile;
exports.mergeSection = mergeSection;
