// stdlib/owners.js — the scheme owners' commands of the command line (repl/owners.c): each
// takes the operands and answers {ok, text}; a bad operand throws code 'usage' (exit 2).
//
//   certsh adopt FILE --by NAME    pin a body's own scheme file in the register (stdlib/rules)
//   certsh replay CASE             re-run a case's decisions under their stored rules
//   certsh diff A B                what changed from version A to B, and the register's impact
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

var COMMANDS = { adopt: adopt, replay: replay, diff: diff };

// command(name, args, text) → {ok, text}
function command(name, args, text) {
  if (!COMMANDS[name]) throw usage("unknown owners' command '" + name + "'");
  return COMMANDS[name](args, text);
}

exports.command = command;
exports.load = load;
