// stdlib/help.test.js — help(x) answers from the doc comment kept above a library function.
var h = require('stdlib/help');

test('help(fn) gives the doc comment of a library function and its module', function () {
  var text = help(q.expiring);
  assert.ok(/^expiring \(stdlib\/queries\.js\)\n/.test(text), text);
  assert.ok(text.indexOf('active certificates expiring between from and to') >= 0, text);
  assert.ok(help(format.table).indexOf('format.table(rows, columns, opts)') >= 0);
  assert.ok(help(why).indexOf('the chain of clauses behind value') >= 0);
});

test('a function prints as its name and the first sentence of its doc comment', function () {
  assert.equal(h.summary(q.expiring), '[Function expiring] q.expiring(from, to) → active certificates expiring between from and to (inclusive).');
  assert.equal(format.display(q.expiring), h.summary(q.expiring));
  assert.ok(/no doc comment/.test(help(function mine() {})));
});

test('help(object) lists its functions, one line each; help() says where to start', function () {
  var lines = help(format).split('\n');
  assert.ok(lines.some(function (l) { return /^table +format\.table\(rows, columns, opts\)/.test(l); }), lines.join('\n'));
  assert.ok(/help\(q\.certificates\)/.test(help()));
});

test('docsOf reads the comment right above a function, not one separated by code', function () {
  var d = h.docsOf('// a(x) → x\nfunction a(x) { return x; }\nvar z = 1;\nfunction b() {}\n// R.m() → 2\nR.prototype.m = function () {};');
  assert.equal(d.a.text, 'a(x) → x');
  assert.equal(d.b, undefined);
  assert.equal(d.m.text, 'R.m() → 2');
});
