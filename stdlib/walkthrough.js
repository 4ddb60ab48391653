// stdlib/walkthrough.js — printing for the examples/walkthrough-*.js scripts: each step of a case
// with its outcome and the chain of clauses behind it, so a new auditor can follow a scheme.
'use strict';

var n = 0;

// step(title, result, summary): print '== N. title', the summary line, then why(result)
function step(title, result, summary) {
  n++;
  print('');
  print('== ' + n + '. ' + title);
  if (summary !== undefined) print('   ' + summary);
  print(why(result).split('\n').map(function (l) { return '   ' + l; }).join('\n'));
}

// list(title, items): print '== N. title' and one line per {item, clause}
function list(title, items) {
  n++;
  print('');
  print('== ' + n + '. ' + title);
  items.forEach(function (x) { print('   ' + x.clause + '  ' + x.item); });
}

// refused(title, fn): print '== N. title', then how the scheme's workflow refuses fn's call: the
// guard, its clause and its words (a call that is not refused is a broken walkthrough: thrown)
function refused(title, fn) {
  n++;
  print('');
  print('== ' + n + '. ' + title);
  try { fn(); } catch (e) {
    if (e.code !== 'refused' && e.code !== 'ineligible' && e.code !== 'illegal-transition') throw e;
    (e.refusals || [{ code: e.guard, clause: e.clause, text: e.message }]).forEach(function (r) {
      print('   refused by ' + (r.code || 'the scheme') + ' (' + r.clause + '): ' + r.text);
    });
    return e;
  }
  throw new Error('walkthrough: "' + title + '" was not refused');
}

// cast(): a decider and an audit team lead who never decide the cases they audit
function cast() {
  return {
    lead: people.create({ name: '王审查（审查组长）', roles: ['auditor'],
      registrations: [{ number: 'CCAA-2023-SV-0101', fieldCode: '02.03.01', from: '2023-01-01', to: '2029-12-31' }] }),
    decider: people.create({ name: '李决定（认证决定人员）', roles: ['decider'] })
  };
}

// usageError(message): an Error with code 'usage' (certsh exits 2)
function usageError(message) {
  var e = new Error(message);
  e.code = 'usage';
  return e;
}

// guardEmpty(job, list, alone): stop before a walkthrough or demo builder (job, its file name)
// writes its made-up organisations, people and cases into a register that already holds
// records (the real register, opened by mistake): a usage error unless list (the job's args)
// holds --into-nonempty. Returns list without that option; with alone, any other argument is a
// usage error. An in-memory or new register passes.
function guardEmpty(job, list, alone) {
  list = list || [];
  var rest = list.filter(function (a) { return a !== '--into-nonempty'; });
  if (alone && rest.length) throw usageError("unknown argument '" + rest[0] + "'\nusage: certsh run " + job + ' [--into-nonempty]');
  if (rest.length === list.length) {
    var n = sql('SELECT count(*) AS n FROM events')[0].n;
    if (n > 0) {
      throw usageError(job + ' writes made-up organisations, people and cases, and this register already holds ' + n +
        ' recorded event' + (n === 1 ? '' : 's') + '; nothing was written. Run it on a new register ' +
        '(certsh --db :memory: run ' + job + ', or certsh init FILE first), or give --into-nonempty to add to this one');
    }
  }
  return rest;
}

exports.step = step;
exports.guardEmpty = guardEmpty;
exports.list = list;
exports.refused = refused;
exports.cast = cast;
