// stdlib/help.test.js — help(x) answers from the doc comment kept above a library function.
var h = require('stdlib/help');

// docAbove(path, name) → the // lines right above `function name(` in the library file path
function docAbove(path, name) {
  var lines = library.read(path).split('\n'), at = -1, out = [];
  for (var i = 0; i < lines.length && at < 0; i++) if (lines[i].indexOf('function ' + name + '(') === 0) at = i;
  for (var k = at - 1; k >= 0 && /^\/\/( |$)/.test(lines[k]); k--) out.unshift(lines[k].replace(/^\/\/ ?/, ''));
  return out.join('\n');
}

test('help(fn) gives the doc comment above a library function, and its module', function () {
  var want = docAbove('stdlib/queries.js', 'expiring');
  assert.ok(want.length > 10, 'q.expiring has a doc comment');
  assert.equal(help(q.expiring), 'expiring (stdlib/queries.js)\n' + want);
  assert.equal(help(format.table), 'table (stdlib/format.js)\n' + docAbove('stdlib/format.js', 'table'));
  assert.equal(help(why), 'why (stdlib/why.js)\n' + docAbove('stdlib/why.js', 'why'));
});

test('a function prints as its name and the first sentence of its doc comment', function () {
  var first = docAbove('stdlib/format.js', 'width').replace(/\s*\n\s*/g, ' ');
  first = first.substring(0, first.search(/[.;](\s|$)/) + 1);
  assert.equal(h.summary(format.width), '[Function width] ' + first);
  assert.equal(format.display(format.width), h.summary(format.width));
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
