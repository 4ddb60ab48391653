// stdlib/help.js — help(x) and the REPL's `.help NAME`: what a library function does, read from
// the comment kept right above it in its own source (one source for the reader of the code and
// for the person at the prompt). A function is found by identity among the exports of the
// library's modules, so help(q.certificates), help(format.table) and help(why) need no table.
'use strict';

var index = null; // [{path, id, exports, docs: {local name: {text, line}}, names: {export: local}}], built once

// docsOf(source) → {name: {text, line}}: each top-level `function name(` and
// `Name.prototype.name = function` with the // comment lines right above it.
function docsOf(source) {
  var lines = source.split('\n'), docs = {};
  for (var i = 0; i < lines.length; i++) {
    var m = /^function ([A-Za-z_$][\w$]*)\s*\(/.exec(lines[i]) ||
      /^[A-Za-z_$][\w$]*\.prototype\.([A-Za-z_$][\w$]*)\s*=\s*function/.exec(lines[i]);
    if (!m) continue;
    var k = i - 1, text = [];
    while (k >= 0 && /^\/\/( |$)/.test(lines[k])) { text.unshift(lines[k].replace(/^\/\/ ?/, '')); k--; }
    if (text.length) docs[m[1]] = { text: text.join('\n'), line: i + 1 };
  }
  return docs;
}

// exportNames(source) → {export name: local name} from `module.exports = { a: b, … }` and
// `exports.a = b;`.
function exportNames(source) {
  var names = {}, m, re = /^exports\.([A-Za-z_$][\w$]*) = ([A-Za-z_$][\w$]*);/gm;
  while ((m = re.exec(source))) names[m[1]] = m[2];
  var block = /module\.exports = \{([\s\S]*?)\};/.exec(source);
  if (block) {
    var item = /([A-Za-z_$][\w$]*): ([A-Za-z_$][\w$]*)/g;
    while ((m = item.exec(block[1]))) names[m[1]] = m[2];
  }
  return names;
}

// modules() → the index of the library's modules (stdlib and dsl/scheme), loading each once.
function modules() {
  if (index) return index;
  index = [];
  library.list('stdlib').concat(['dsl/scheme.js']).forEach(function (path) {
    if (/\.test\.js$/.test(path)) return;
    var source = library.read(path);
    if (!source) return;
    var id = path.replace(/\.js$/, ''), exp;
    try { exp = require(id); } catch (e) { return; }
    index.push({ path: path, id: id, exports: exp, docs: docsOf(source), names: exportNames(source) });
  });
  return index;
}

// find(fn) → {module, name, doc} for the library function fn, or null.
function find(fn) {
  var list = modules();
  for (var i = 0; i < list.length; i++) {
    var m = list[i], keys = m.exports && typeof m.exports === 'object' ? Object.keys(m.exports) : [];
    for (var k = 0; k < keys.length; k++) {
      if (m.exports[keys[k]] !== fn) continue;
      var local = m.names[keys[k]] || keys[k];
      return { module: m, name: keys[k], doc: m.docs[local] || m.docs[keys[k]] || null };
    }
  }
  return null;
}

// firstSentence(text) → the doc comment's first sentence, its lines joined.
function firstSentence(text) {
  var flat = text.replace(/\s*\n\s*/g, ' '), end = flat.search(/[.;](\s|$)/);
  return end > 0 ? flat.substring(0, end + 1) : flat;
}

// summary(fn) → one line for a function: its name and the first line of its doc comment (the
// REPL prints a function so).
function summary(fn) {
  var f = find(fn);
  var name = fn.name || (f && f.name) || '';
  if (!f || !f.doc) return '[Function' + (name ? ' ' + name : '') + ']' + (f ? '' : ' (a built-in of certsh, or your own)');
  return '[Function ' + name + '] ' + firstSentence(f.doc.text);
}

// help(x) → text about x: for a library function its doc comment and where it lives; for an
// object its functions, one line each; without x, where to start.
function help(x) {
  if (arguments.length === 0) {
    return 'help(x) describes a function or an object of the library: help(q), help(q.certificates),\n' +
      'help(format.table), help(why), help(scheme). In the REPL: .help NAME does the same, .help\n' +
      'alone lists the dot-commands. The register API: orgs, people, cases, audits, findings,\n' +
      'certificates, matters (docs/register-api.md); the analysts\' queries: q (docs/repl.md).';
  }
  if (typeof x === 'function') {
    var f = find(x);
    if (!f) return (x.name || 'this function') + ': no doc comment (a built-in of certsh written in C, or a function of your own)';
    return f.name + ' (' + f.module.path + ')\n' + (f.doc ? f.doc.text : '(no doc comment)');
  }
  if (x !== null && typeof x === 'object') {
    var keys = Object.keys(x).filter(function (k) { return typeof x[k] === 'function'; });
    if (!keys.length) return 'an object without functions: ' + Object.keys(x).slice(0, 20).join(', ');
    var w = 0;
    keys.forEach(function (k) { w = Math.max(w, k.length); });
    return keys.map(function (k) {
      var f = find(x[k]), first = f && f.doc ? firstSentence(f.doc.text) : '';
      return k + new Array(w - k.length + 3).join(' ') + first;
    }).join('\n');
  }
  return 'help(x): x is ' + (x === null ? 'null' : typeof x) + ', not a function or an object; try help()';
}

// names(value, all) → the property names Tab offers after `value.` in the REPL: own and
// inherited, enumerable or not, each once; Object.prototype's only when all (a letter typed);
// names that cannot follow a dot (indices, symbols) left out.
function names(value, all) {
  var out = [], seen = {};
  if (value === null || value === undefined) return out;
  for (var o = Object(value), depth = 0; o && depth < 32; o = Object.getPrototypeOf(o), depth++) {
    if (o === Object.prototype && !all) break;
    Object.getOwnPropertyNames(o).forEach(function (k) {
      if (/^[A-Za-z_$]/.test(k) && !seen['$' + k]) { seen['$' + k] = true; out.push(k); }
    });
  }
  return out;
}

module.exports = { help: help, summary: summary, find: find, docsOf: docsOf, names: names };
