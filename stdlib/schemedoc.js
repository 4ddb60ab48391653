// stdlib/schemedoc.js — a scheme's documentation, generated from the scheme itself (issue 15,
// `certsh doc SCHEME`): for each clause of the document's outline, the rules, positions and tests
// that cite it, its tables as tables; then coverage: the clauses with no rule, the rules whose
// clause no test cites, and what is cited outside the outline. Markdown or HTML.
//
//   require('stdlib/schemedoc').model('cas-service')          → {scheme, clauses, coverage, …}
//   require('stdlib/schemedoc').markdown('cas-service') / .html('cas-service') → text
'use strict';

var fail = require('stdlib/bands').fail;

// A clause as rules and tests write it: '§6.5', '§8.5.5 3)', '§9.3.2.1 (5)', 'App. A note 4', 'Annex 3'.
var CLAUSE = /§\s?[0-9]+(?:\.[0-9]+)*(?:\s(?:\(?[0-9]+\)|[a-z]\)|[0-9]+\)))?|App\. [A-Z](?: note [0-9]+)?|Annex [0-9]+|附[录件][A-Z一二三四五六七八九十0-9]+/g;

// home(clause, outline) → the outline entry the clause belongs to (the longest one it equals or
// is an item of), or null
function home(c, outline) {
  var best = null;
  String(c).split(/\s*[;；]\s*/).forEach(function (part) {
    outline.forEach(function (o) {
      if ((part === o || (part.indexOf(o) === 0 && /^[ (（]/.test(part.charAt(o.length)))) && (!best || o.length > best.length)) best = o;
    });
  });
  return best;
}

// citations(def) → [{path, clause, text}]: every rule of the definition that names its clause
function citations(def) {
  var out = [];
  (function walk(v, path, depth) {
    if (!v || typeof v !== 'object' || depth > 8) return;
    if (typeof v.clause === 'string' && v.clause && path.indexOf('positions') !== 0) {
      out.push({ path: path, clause: v.clause, text: typeof v.text === 'string' ? v.text : '' });
    }
    Object.keys(v).forEach(function (k) {
      if (k === 'extends' || k === 'outline' || k === 'clause' || (depth === 0 && k === 'positions')) return;
      var x = v[k], key = Array.isArray(v) ? '[' + (x && (x.code || x.topic) ? (x.code || x.topic) : k) + ']' : (path ? '.' : '') + k;
      walk(x, path + key, depth + 1);
    });
  })(def, '', 0);
  return out;
}

// testsOf(s) → [{file, name, clauses}]: the library's test files of the scheme, each test with the
// clauses its name and its assert.cites calls name (read, not run)
function testsOf(s) {
  var files = library.list('schemes').filter(function (p) {
    var b = p.slice(8);
    return /\.test\.js$/.test(b) && (b.indexOf(s.id + '.') === 0 || b.indexOf(s.id + '@') === 0);
  });
  var out = [];
  files.forEach(function (f) {
    var text = library.read(f) || '', re = /\btest(?:\.table)?\(\s*(['"])((?:\\.|(?!\1).)*)\1/g, m, marks = [];
    while ((m = re.exec(text)) !== null) marks.push({ at: m.index, name: m[2] });
    marks.forEach(function (t, i) {
      var body = text.slice(t.at, i + 1 < marks.length ? marks[i + 1].at : text.length), clauses = [];
      (t.name.match(CLAUSE) || []).forEach(function (c) { if (clauses.indexOf(c) < 0) clauses.push(c); });
      var cre = /assert\.cites\([^;]*?,\s*(['"])([^'"]+)\1/g, cm;
      while ((cm = cre.exec(body)) !== null) if (clauses.indexOf(cm[2]) < 0) clauses.push(cm[2]);
      out.push({ file: f, name: t.name, clauses: clauses });
    });
  });
  return out;
}

// tables(def) → {clause: [{title, head, rows}]}: the scheme's tables, under the clause stating each
function tables(def) {
  var out = {};
  // put(clause, table): file a table under its clause
  function put(clause, t) { (out[clause] = out[clause] || []).push(t); }
  var md = def.manDays;
  if (md && typeof md === 'object' && md.table && Array.isArray(md.table.rows)) {
    put(md.table.clause, { title: 'audit time (man-days) by ' + (md.table.of || 'size'), head: ['from', 'to'].concat(md.table.columns || []),
      rows: md.table.rows.map(function (r) { return r.map(String); }) });
  }
  var g = def.grade;
  if (g && typeof g === 'object' && Array.isArray(g.levels)) {
    put(g.clause, { title: 'grades (pass: score ≥ ' + g.pass.minScore + (g.pass.itemsBelow !== undefined ? ' and fewer than ' + g.pass.itemsBelow + ' ' + (g.pass.items || 'deduction items') : '') + '; else ' + g.fail + ')',
      head: ['score from', 'level', 'stars'], rows: g.levels.map(function (l) { return [String(l.min), l.level, String(l.stars)]; }) });
  }
  Object.keys(def.deadlines && typeof def.deadlines === 'object' ? def.deadlines : {}).forEach(function (k) {
    var d = def.deadlines[k], unit = ['days', 'months', 'workingDays', 'monthsBefore'].filter(function (u) { return d[u] !== undefined; })[0];
    put(d.clause, { title: 'deadline ' + k, head: ['deadline', 'period', 'text'], rows: [[k, d[unit] + ' ' + unit, d.text || '']] });
  });
  Object.keys(def.causes && typeof def.causes === 'object' ? def.causes : {}).forEach(function (kind) {
    (def.causes[kind] || []).forEach(function (c) { put(c.clause, { title: kind + ' causes', head: ['kind', 'code', 'text'], rows: [[kind, c.code, c.text]] }); });
  });
  return out;
}

// model(id) → {scheme, outline, clauses: [{clause, title, rules, positions, tests, tables}], coverage}
function model(id) {
  var s = typeof id === 'string' ? scheme(id) : id;
  if (!s || !s.definition) throw fail('invalid', 'scheme', "doc(scheme): give a scheme id such as 'cas-service'");
  var def = s.definition, outline = (s.outline || []).map(function (o) { return o.clause; });
  // head(c) → without an outline, a clause's entry: the clause without its item ('§5.1 A)' → '§5.1')
  function head(c) { return String(c).split(/\s*[;；]\s*/)[0].replace(/\s+(?:\(?[0-9A-Za-z]{1,3}\)|note [0-9]+)$/, ''); }
  var rules = citations(def), positions = s.positions, tests = testsOf(s), tabs = tables(def);
  var byClause = {}, outside = [];
  // entry(clause) → the outline entry's record (or the clause's own when there is no outline)
  function entry(c) {
    var h = outline.length ? home(c, outline) : head(c);
    if (!h) return null;
    return byClause[h] || (byClause[h] = { clause: h, rules: [], positions: [], tests: [], tables: [] });
  }
  rules.forEach(function (r) { var e = entry(r.clause); if (e) e.rules.push(r); else outside.push({ what: 'rule ' + r.path, clause: r.clause }); });
  positions.forEach(function (p) {
    if (/^\(.*\)$/.test(p.clause)) return;
    var e = entry(p.clause); if (e) e.positions.push(p); else outside.push({ what: 'position ' + p.topic, clause: p.clause });
  });
  tests.forEach(function (t) {
    t.clauses.forEach(function (c) {
      var e = entry(c);
      if (e) { if (e.tests.indexOf(t) < 0) e.tests.push(t); } else outside.push({ what: 'test "' + t.name + '"', clause: c });
    });
  });
  Object.keys(tabs).forEach(function (c) { var e = entry(c); if (e) e.tables = e.tables.concat(tabs[c]); });
  var order = outline.length ? s.outline : Object.keys(byClause).sort().map(function (c) { return { clause: c, title: '' }; });
  var clauses = order.map(function (o) {
    var e = byClause[o.clause] || { clause: o.clause, rules: [], positions: [], tests: [], tables: [] };
    e.title = o.title;
    return e;
  });
  var coverage = {
    noRule: clauses.filter(function (c) { return !c.rules.length && !c.positions.length; }).map(function (c) { return c.clause; }),
    untested: clauses.filter(function (c) { return c.rules.length && !c.tests.length; }).map(function (c) { return { clause: c.clause, rules: c.rules.map(function (r) { return r.path; }) }; }),
    tested: clauses.filter(function (c) { return c.tests.length; }).map(function (c) { return c.clause; }),
    outside: outside,
    tests: tests.length
  };
  return { scheme: String(s), title: s.title, document: s.document, owner: s.owner, effective: s.effective,
    origin: s.source().origin, outlined: outline.length > 0, stages: s.workflow && s.stages ? s.stages() : [], clauses: clauses, coverage: coverage };
}

// cell(x) → text for a Markdown table cell
function cell(x) { return String(x).replace(/\|/g, '\\|').replace(/\n/g, ' '); }

// markdown(id) → the documentation page as Markdown
function markdown(id) {
  var m = model(id), L = [];
  L.push('# ' + m.scheme + ' — ' + m.title, '');
  L.push('| document | owner | in force | rules from |', '|---|---|---|---|', '| ' + [m.document, m.owner, m.effective, m.origin].map(cell).join(' | ') + ' |', '');
  if (m.stages.length) {
    L.push('## Stages', '', '| stage | clause | what the scheme says |', '|---|---|---|');
    m.stages.forEach(function (st) { L.push('| ' + [st.stage, st.clause, st.text].map(cell).join(' | ') + ' |'); });
    L.push('');
  }
  if (!m.outlined) L.push('(the scheme states no outline of its document: the clauses below are those its rules and tests cite, items under their clause)', '');
  m.clauses.forEach(function (c) {
    if (!c.rules.length && !c.positions.length && !c.tests.length) return;
    L.push('## ' + c.clause + (c.title ? ' ' + c.title : ''), '');
    c.rules.forEach(function (r) { L.push('- rule `' + r.path + '`' + (r.clause !== c.clause ? ' (' + r.clause + ')' : '') + (r.text ? ': ' + r.text : '')); });
    c.positions.forEach(function (p) { L.push('- position on ' + p.topic + ': ' + p.text); });
    c.tests.forEach(function (t) { L.push('- test: ' + t.name + ' (' + t.file + ')'); });
    c.tables.forEach(function (t) {
      L.push('', '**' + t.title + '**', '', '| ' + t.head.map(cell).join(' | ') + ' |', '|' + t.head.map(function () { return '---'; }).join('|') + '|');
      t.rows.forEach(function (r) { L.push('| ' + r.map(cell).join(' | ') + ' |'); });
    });
    L.push('');
  });
  var v = m.coverage;
  L.push('## Coverage', '', m.clauses.length + ' clauses; ' + v.tested.length + ' cited by a test (' + v.tests + ' tests read).', '');
  L.push('### Clauses with no rule (' + v.noRule.length + ')', '', v.noRule.length ? v.noRule.join(', ') : '(none)', '');
  L.push('### Rules with no test (' + v.untested.length + ' clauses)', '');
  if (!v.untested.length) L.push('(none)');
  v.untested.forEach(function (u) { L.push('- ' + u.clause + ': ' + u.rules.map(function (r) { return '`' + r + '`'; }).join(', ')); });
  L.push('', '### Cited outside the outline (' + v.outside.length + ')', '');
  if (!v.outside.length) L.push('(none)');
  v.outside.forEach(function (o) { L.push('- ' + o.what + ': ' + o.clause); });
  return L.join('\n');
}

// esc(x) → x for HTML text
function esc(x) { return String(x).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'); }

// html(id) → the documentation page as one HTML document
function html(id) {
  var m = model(id), H = [];
  H.push('<!DOCTYPE html>', '<html lang="zh"><head><meta charset="utf-8"><title>' + esc(m.scheme + ' — ' + m.title) + '</title></head><body>');
  H.push('<h1>' + esc(m.scheme + ' — ' + m.title) + '</h1>');
  H.push('<table><tr><th>document</th><th>owner</th><th>in force</th><th>rules from</th></tr><tr>' +
    [m.document, m.owner, m.effective, m.origin].map(function (x) { return '<td>' + esc(x) + '</td>'; }).join('') + '</tr></table>');
  m.clauses.forEach(function (c) {
    if (!c.rules.length && !c.positions.length && !c.tests.length) return;
    H.push('<h2 id="' + esc(c.clause) + '">' + esc(c.clause + (c.title ? ' ' + c.title : '')) + '</h2><ul>');
    c.rules.forEach(function (r) { H.push('<li>rule <code>' + esc(r.path) + '</code>' + (r.text ? ': ' + esc(r.text) : '') + '</li>'); });
    c.positions.forEach(function (p) { H.push('<li>position on ' + esc(p.topic) + ': ' + esc(p.text) + '</li>'); });
    c.tests.forEach(function (t) { H.push('<li>test: ' + esc(t.name) + '</li>'); });
    H.push('</ul>');
    c.tables.forEach(function (t) {
      H.push('<table><caption>' + esc(t.title) + '</caption><tr>' + t.head.map(function (h) { return '<th>' + esc(h) + '</th>'; }).join('') + '</tr>');
      t.rows.forEach(function (r) { H.push('<tr>' + r.map(function (x) { return '<td>' + esc(x) + '</td>'; }).join('') + '</tr>'); });
      H.push('</table>');
    });
  });
  var v = m.coverage;
  H.push('<h2 id="coverage">Coverage</h2><p>' + m.clauses.length + ' clauses; ' + v.tested.length + ' cited by a test (' + v.tests + ' tests read).</p>');
  H.push('<h3>Clauses with no rule (' + v.noRule.length + ')</h3><p>' + esc(v.noRule.join(', ') || '(none)') + '</p>');
  H.push('<h3>Rules with no test (' + v.untested.length + ' clauses)</h3><ul>' + v.untested.map(function (u) { return '<li>' + esc(u.clause + ': ' + u.rules.join(', ')) + '</li>'; }).join('') + '</ul>');
  H.push('<h3>Cited outside the outline (' + v.outside.length + ')</h3><ul>' + v.outside.map(function (o) { return '<li>' + esc(o.what + ': ' + o.clause) + '</li>'; }).join('') + '</ul>');
  H.push('</body></html>');
  return H.join('\n');
}

exports.model = model;
exports.markdown = markdown;
exports.html = html;
exports.testsOf = testsOf;
exports.citations = citations;
