// stdlib/rules.js — the rules pinned in the register (issue 15). The first time a scheme version
// governs a case its files' text and SHA-256 are stored (core.rules.pin, an event of the log);
// every decision records that hash; a version whose files are gone, or whose files changed, is
// rebuilt from the register's text, so a case is always evaluated under the rules that governed
// it. A body's own scheme (a --lib folder, a file) is pinned only when adopted (certsh adopt).
//
//   require('stdlib/rules').pin(s, date)       → hash (or null for a script's own scheme)
//   .governing(s)                               → the Scheme whose rules the register holds for s
//   .adopt(path, text, {by, date})              → [{scheme, version, hash, pinned}]
//   .replay(caseId)                             → {case, decisions: [{…, same, checks}], same}
'use strict';

var fail = require('stdlib/bands').fail;
var dsl = require('dsl/scheme');

var rows = {};    // 'id@version' → the rules row or null, as last read (pins are never changed or removed)
var scratch = null; // who adopts by default in a throwaway register (certsh test's), or null
var built = {};   // hash → the Scheme rebuilt from it

// row(id, version, fresh) → the rules pinned for id@version, or null; read once per heap, or
// afresh (what a command writes on must be in the register now, not in a rolled-back pin)
function row(id, version, fresh) {
  var key = id + '@' + version;
  if (!fresh && Object.prototype.hasOwnProperty.call(rows, key)) return rows[key];
  var r = sql('SELECT id, scheme, version, hash, source, origin, adopted_by AS adoptedBy, pinned FROM rules WHERE scheme = ? AND version = ?', id, version)[0];
  rows[key] = r || null;
  return rows[key];
}

// rebuild(r) → the Scheme of rules row r, from its stored text alone
function rebuild(r) {
  if (!built[r.hash]) built[r.hash] = dsl.fromSource(r.source, r.scheme, r.version);
  return built[r.hash];
}

// pinnedVersion(id, version) → the Scheme pinned for id@version, or null (used by scheme() when
// the library has no such version)
function pinnedVersion(id, version) {
  var r = row(id, version);
  return r ? rebuild(r) : null;
}

// pinnedVersions(id) → every version of id pinned in the register, rebuilt (the files are gone)
function pinnedVersions(id) {
  return sql('SELECT version FROM rules WHERE scheme = ? ORDER BY id', id).map(function (x) { return pinnedVersion(id, x.version); });
}

// sourceOf(s) → s.source(), or for an object that is not a Scheme built by defineScheme (a test
// double) the source of a script's own scheme: nothing to pin
function sourceOf(s) {
  return typeof s.source === 'function' ? s.source() : { origin: 'script', entry: null, files: null, text: null };
}

// governing(s) → s, or when the register pinned other rules for s's version, those: a version's
// rules are the ones that first governed a case, whatever the files say now
function governing(s) {
  var src = sourceOf(s);
  if (src.origin === 'pinned') return s;
  var r = row(s.id, s.version);
  return !r || r.source === src.text ? s : rebuild(r);
}

// describeOrigin(src) → where unadopted rules come from, in words
function describeOrigin(src) {
  return src.origin === 'lib' ? 'the --lib folder (' + src.entry + ')' : 'the file ' + src.entry;
}

// pin(s, date) → the hash of s's rules in the register, pinning certsh's own on first use; a
// body's own rules must have been adopted; null for a scheme a script defined (no file to pin)
function pin(s, date) {
  var src = sourceOf(s), r = row(s.id, s.version, true);
  if (r && (src.origin === 'pinned' || r.source === src.text)) return r.hash;
  if (r) throw fail('conflict', 'scheme', s + ': its files differ from the rules this register pinned for it (' + r.hash.slice(0, 12) + '…); a changed rule is a new version');
  if (src.origin === 'script') return null;
  if (src.origin !== 'embedded' && !scratch) {
    throw fail('not-adopted', 'scheme', s + ' comes from ' + describeOrigin(src) + ' and is not adopted in this register: ' +
      'run `certsh adopt FILE --by NAME` on its file first, so that the rules are pinned with who adopted them');
  }
  var p = core.rules.pin({ scheme: s.id, version: s.version, source: src.text, origin: src.origin === 'embedded' ? 'embedded' : 'adopted',
    by: src.origin === 'embedded' ? undefined : scratch, date: date });
  rows[s.id + '@' + s.version] = p;
  return p.hash;
}

// scratchRegister(by): this heap's register is a throwaway (certsh test's in-memory one): a body's
// own rules are adopted on first use, by `by`, instead of being refused
function scratchRegister(by) { scratch = by; }

// adopt(path, text, {by, date}) → [{scheme, version, hash, pinned}]: pin every version the file
// defines (and the body's versions it extends), with who adopted them; all in one transaction
function adopt(path, text, o) {
  if (!o || typeof o.by !== 'string' || !o.by) throw fail('invalid', 'by', 'adopt: by is required (who adopts the rules for this register)');
  var entry = 'schemes/' + String(path).replace(/^.*\//, '');
  dsl.loadFile(path, text);
  var defined = dsl.loaded().filter(function (s) { return s.source().entry === entry; }); // not the versions it extends
  if (!defined.length) throw fail('invalid', 'file', 'adopt: ' + path + ' defines no scheme (call defineScheme({...}))');
  return transaction(function () {
    return defined.map(function (s) {
      var src = s.source(), had = row(s.id, s.version, true);
      var p = core.rules.pin({ scheme: s.id, version: s.version, source: src.text, origin: src.origin === 'embedded' ? 'embedded' : 'adopted',
        by: o.by, date: o.date || today() });
      rows[s.id + '@' + s.version] = p;
      return { scheme: s.id, version: s.version, hash: p.hash, origin: p.origin, pinned: !had, effective: s.effective };
    });
  });
}

// same(a, b) → a and b are the same values (as JSON)
function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

// replayDecision(d) → {decision, outcome, date, rules, scheme, same, checks: [{what, recorded, replayed, same, why}]}:
// the decision's results recomputed under its stored rules alone
function replayDecision(d) {
  var out = { decision: d.id, outcome: d.outcome, date: d.date, rules: d.rules, checks: [], same: true };
  if (!d.rules) { out.same = null; out.note = 'no rules recorded (decided before rules were pinned, or under a script\'s own scheme)'; return out; }
  var r = sql('SELECT id, scheme, version, hash, source FROM rules WHERE hash = ?', d.rules)[0];
  if (!r) { out.same = false; out.note = 'the rules ' + d.rules + ' are not in the register'; return out; }
  var s = dsl.fromSource(r.source, r.scheme, r.version); // afresh: the stored text alone
  out.scheme = String(s);
  // check(what, recorded, replayed, why): one result compared
  function check(what, recorded, replayed, why) {
    var ok = same(recorded, replayed);
    if (!ok) out.same = false;
    out.checks.push({ what: what, recorded: recorded, replayed: replayed, same: ok, why: why || [] });
  }
  var sc = d.audit_id ? sql('SELECT score, deduction_items AS items, pass, level, stars FROM scores WHERE audit_id = ?', d.audit_id)[0] : null;
  var g = null;
  if (sc && typeof s.grade === 'function') {
    g = s.grade({ score: sc.score, deductionItems: sc.items });
    check('grade of score ' + sc.score + ' with ' + sc.items + ' deduction items', { pass: !!sc.pass, level: sc.level, stars: sc.stars },
      { pass: g.pass, level: g.level, stars: g.stars }, g.why);
  }
  var cert = sql("SELECT json_extract(payload, '$.state.expires') AS expires, json_extract(payload, '$.state.number') AS number, kind FROM events" +
    " WHERE kind IN ('certificate.issue', 'certificate.renew') AND json_extract(payload, '$.state.decision_id') = ? ORDER BY seq LIMIT 1", d.id)[0];
  if (cert && typeof s.certificateExpiry === 'function') {
    var e = s.certificateExpiry(d.date);
    check('certificate expiry (' + cert.kind + ' ' + cert.number + ')', cert.expires, e.date, e.why);
  }
  var t = s.workflow.transitions[d.outcome];
  if (!t) check('outcome ' + d.outcome + ' is a decision of ' + s, true, false, []);
  else if (g && d.audit_id) {
    var granted = t.decision === 'positive';
    // a positive decision rests on a passing evaluation, a refusal on a failing one or a written reason
    check('outcome ' + d.outcome + ' rests on the evaluation', granted ? true : (!g.pass || !!d.reason), granted ? g.pass : (!g.pass || !!d.reason), g.why);
  }
  return out;
}

// replay(caseId) → {case, scheme, decisions, same}: every decision of the case re-run under the
// rules it recorded; same is false when any result differs
function replay(caseId) {
  var c = sql('SELECT id, scheme, version FROM cases WHERE id = ?', caseId)[0];
  if (!c) throw fail('not-found', 'case', 'replay: there is no case ' + JSON.stringify(caseId));
  var ds = sql('SELECT id, audit_id, outcome, positive, grade, date, reason, rules FROM decisions WHERE case_id = ? ORDER BY id', c.id).map(replayDecision);
  return { case: c.id, scheme: c.scheme + '@' + c.version, decisions: ds,
    same: ds.every(function (d) { return d.same !== false; }) };
}

// replayText(caseId) → {text, same}: replay() as lines for certsh replay
function replayText(caseId) {
  var r = replay(caseId), lines = ['case ' + r.case + ' (' + r.scheme + '): ' + r.decisions.length + ' decision(s)'];
  r.decisions.forEach(function (d) {
    lines.push('decision ' + d.decision + ' (' + d.outcome + ', ' + d.date + ')' + (d.scheme ? ' under ' + d.scheme + ' [rules ' + d.rules.slice(0, 12) + ']' : '') +
      ': ' + (d.same === null ? 'not replayed: ' + d.note : d.same ? 'the same' : 'DIFFERENT' + (d.note ? ': ' + d.note : '')));
    d.checks.forEach(function (k) {
      lines.push('  ' + (k.same ? 'same' : 'DIFFERS') + ': ' + k.what + ': recorded ' + JSON.stringify(k.recorded) + ', replayed ' + JSON.stringify(k.replayed));
      k.why.forEach(function (w) { lines.push('    ' + (w.clause ? '[' + w.clause + '] ' : '') + w.text); });
    });
  });
  lines.push(r.same ? 'replay: every decision gives the same outcome under its stored rules' : 'replay: a decision differs under its stored rules');
  return { text: lines.join('\n'), same: r.same };
}

exports.pin = pin;
exports.scratchRegister = scratchRegister;
exports.governing = governing;
exports.pinnedVersion = pinnedVersion;
exports.pinnedVersions = pinnedVersions;
exports.adopt = adopt;
exports.replay = replay;
exports.replayText = replayText;
