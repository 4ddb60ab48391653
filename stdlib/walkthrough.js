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

exports.step = step;
exports.list = list;
exports.refused = refused;
exports.cast = cast;
