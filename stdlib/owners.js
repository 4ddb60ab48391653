// stdlib/owners.js — the scheme owners' commands of the command line (repl/owners.c): each
// takes the operands and answers {ok, text}; a bad operand throws code 'usage' (exit 2).
//
//   certsh adopt FILE --by NAME    pin a body's own scheme file in the register (stdlib/rules)
//   certsh replay CASE             re-run a case's decisions under their stored rules
//   certsh diff A B                what changed from version A to B, and the register's impact
//   certsh doc SCHEME [--format F]  the scheme's documentation with its coverage (stdlib/schemedoc)
//   certsh teach SCHEME             exercises from the scheme's rules, answers checked (stdlib/teach)
'use strict';

var fail = require('stdlib/bands').fail;

// usage(text) → an Error with code 'usage'
function usage(text) { return fail('usage', 'args', text); }

// adopt(args, text) → {ok, text}
function adopt(args, text) {
  var file = null, by = null;
  for (var i = 0; i < args.length; i++) {
    if (args[i] === '--by' && i + 1 < args.length) by = args[++i];
    else if (file === null && args[i].charAt(0) !== '-') file = args[i];
    else throw usage("adopt takes FILE --by NAME; unexpected '" + args[i] + "'");
  }
  if (!by) throw usage('adopt needs --by NAME: who adopts the rules for this register');
  var out = require('stdlib/rules').adopt(file, text, { by: by });
  return { ok: true, text: out.map(function (r) {
    return (r.pinned ? 'adopted ' : 'already pinned ') + r.scheme + '@' + r.version + ' (in force ' + r.effective + ', ' + r.origin + ')' +
      ' sha256 ' + r.hash + (r.pinned ? ', by ' + by : '');
  }).join('\n') };
}

// replay(args) → {ok, text}
function replay(args) {
  if (args.length !== 1 || !/^[1-9][0-9]*$/.test(args[0])) throw usage('replay takes one CASE id, e.g. certsh replay 3');
  var r = require('stdlib/rules').replayText(Number(args[0]));
  return { ok: r.same, text: r.text };
}

// diff(args) → {ok, text}
function diff(args) {
  if (args.length !== 2) throw usage("diff takes two scheme versions, e.g. certsh diff dni-aftersales@F/2 dni-aftersales@G/1");
  var d = require('stdlib/diff');
  return { ok: true, text: d.text(d.diff(args[0], args[1], { impact: true })) };
}

// load(path, text) → the lines .load prints for a scheme file: each version it defined
function load(path, text) {
  var defined = require('dsl/scheme').loadFile(path, text);
  if (!defined.length) return path + ': nothing new (its versions are loaded already)';
  return defined.map(function (s) {
    return 'loaded ' + s + ' (in force ' + s.effective + (s.document ? ', ' + s.document : '') + ') from ' + path;
  }).join('\n');
}

// doc(args) → {ok, text}: the scheme's documentation page, Markdown (default) or HTML
function doc(args) {
  var id = null, format = 'md';
  for (var i = 0; i < args.length; i++) {
    if (args[i] === '--format' && i + 1 < args.length) format = args[++i];
    else if (id === null && args[i].charAt(0) !== '-') id = args[i];
    else throw usage("doc takes SCHEME [--format md|html]; unexpected '" + args[i] + "'");
  }
  if (!id) throw usage('doc needs a SCHEME, e.g. certsh doc cas-service');
  if (format !== 'md' && format !== 'html') throw usage("doc --format must be md or html, got '" + format + "'");
  var d = require('stdlib/schemedoc');
  return { ok: true, text: format === 'html' ? d.html(id) : d.markdown(id) };
}

var teaching = null; // the teaching session of certsh teach (stdlib/teach)

// teachStart(args) → the session's opening line: certsh teach SCHEME [--seed N] [--count N]
function teachStart(args) {
  var id = null, o = {};
  for (var i = 0; i < args.length; i++) {
    if ((args[i] === '--seed' || args[i] === '--count') && i + 1 < args.length) {
      var v = args[++i];
      if (!/^[0-9]+$/.test(v)) throw usage('teach ' + args[i - 1] + " takes a whole number, got '" + v + "'");
      o[args[i - 1].slice(2)] = Number(v);
    } else if (id === null && args[i].charAt(0) !== '-') id = args[i];
    else throw usage("teach takes SCHEME [--seed N] [--count N]; unexpected '" + args[i] + "'");
  }
  if (!id) throw usage('teach needs a SCHEME, e.g. certsh teach dni-aftersales');
  teaching = require('stdlib/teach').session(id, o);
  return 'teaching ' + teaching.scheme + ': answer each question and press Enter (an empty line skips; Ctrl-D ends)';
}

// teachNext() → the next question as text, or null at the end
function teachNext() {
  var q = teaching.next();
  return q ? q.n + '/' + q.of + ' [' + q.topic + '] ' + q.question + ' (' + q.hint + ')' : null;
}

// teachAnswer(text) → the check of the answer, explained
function teachAnswer(text) { return teaching.answer(text).explanation.join('\n'); }

// teachSummary() → the session's summary per topic
function teachSummary() { return teaching.summary().text; }

var COMMANDS = { adopt: adopt, replay: replay, diff: diff, doc: doc };

// command(name, args, text) → {ok, text}
function command(name, args, text) {
  if (!COMMANDS[name]) throw usage("unknown owners' command '" + name + "'");
  return COMMANDS[name](args, text);
}

exports.command = command;
exports.load = load;
exports.teachStart = teachStart;
exports.teachNext = teachNext;
exports.teachAnswer = teachAnswer;
exports.teachSummary = teachSummary;
