// stdlib/format.test.js — tables count Chinese characters as two cells, CSV round-trips
// RFC 4180 quoting, trees and the REPL's display choose the right shape.
var format = require('stdlib/format');

test.table('width counts East Asian wide characters as two cells', [
  ['abc', 3],
  ['杭州中奥', 8],
  ['四星级 ok', 9],
  ['ＡＢ', 4],                 // fullwidth Latin
  ['e\u0301', 1],              // a combining accent takes no cell
  ['', 0]
], function (text, cells) {
  assert.equal(format.width(text), cells, text);
});

test('cut keeps a string that fits and ends a long one with an ellipsis inside the limit', function () {
  assert.equal(format.cut('abc', 3), 'abc');
  assert.equal(format.cut('abcdef', 4), 'abc…');
  assert.equal(format.cut('北京信用认证中心', 7), '北京信…');
  assert.ok(format.width(format.cut('北京信用认证中心', 7)) <= 7);
});

test('table aligns columns with Chinese text by display width', function () {
  var out = format.table([{ holder: '杭州中奥服务公司', staff: 120 }, { holder: 'Acme', staff: 7 }]);
  var lines = out.split('\n');
  assert.equal(lines.length, 4);
  // every line places the staff column at the same display column
  var at = lines.map(function (l) { return format.width(l); });
  assert.equal(at[2], at[3], 'row lines have the same width');
  assert.equal(lines[0], 'holder            staff');
  assert.equal(lines[2], '杭州中奥服务公司    120');
  assert.equal(lines[3], 'Acme                  7');
});

test('table takes the columns given, in that order, with titles', function () {
  var out = format.table([{ a: 1, b: 'x', c: null }], ['c', { key: 'a', title: '数量' }]);
  assert.equal(out.split('\n')[0], 'c  数量');
  assert.equal(out.split('\n')[2], '      1');
});

test('table cuts long cells and narrows to the terminal width', function () {
  var long = 'x'.repeat(100);
  var out = format.table([{ id: 1, text: long }]);
  assert.equal(out.split('\n')[2], ' 1  ' + 'x'.repeat(39) + '…');
  var narrow = format.table([{ id: 1, text: long }], null, { width: 30 });
  assert.ok(narrow.split('\n').every(function (l) { return format.width(l) <= 30; }), narrow);
});

test('table refuses what is not rows, naming the field', function () {
  var err = assert.throws(function () { format.table([1, 2]); }, 'invalid');
  assert.equal(err.field, 'rows');
});

test('csv quotes commas, quotes and line breaks; null is an empty field; objects are JSON', function () {
  var out = format.csv([{ name: 'A, B', note: 'say "hi"', n: 3, none: null, list: [1, 2] }, { name: '中文\n第二行', n: 4 }]);
  assert.equal(out, 'name,note,n,none,list\n' +
    '"A, B","say ""hi""",3,,"[1,2]"\n' +
    '"中文\n第二行",,4,,');
});

test('csv line ends may be CRLF', function () {
  assert.equal(format.csv([{ a: 1 }], null, { eol: '\r\n' }), 'a\r\n1');
});

test('lines prints key = value, rows apart', function () {
  assert.equal(format.lines([{ id: 1, name: '甲' }, { id: 2, name: 'b' }]), '  id = 1\nname = 甲\n\n  id = 2\nname = b');
});

test('tree prints objects JSON-like, dates as dates, and breaks long nodes over lines', function () {
  assert.equal(format.tree({ total: 4, date: '2025-06-15', level: '四星级' }), "{ total: 4, date: 2025-06-15, level: '四星级' }");
  var t = format.tree({ a: 'x'.repeat(40), b: ['y'.repeat(40), 1] });
  assert.equal(t, "{\n  a: '" + 'x'.repeat(40) + "',\n  b: ['" + 'y'.repeat(40) + "', 1]\n}");
  // a node that fits after its key stays on one line; one that does not, breaks
  assert.equal(format.tree({ k: ['z'.repeat(70)] }), "{\n  k: ['" + 'z'.repeat(70) + "']\n}");
  assert.equal(format.tree({ key: ['z'.repeat(70)] }), "{\n  key: [\n    '" + 'z'.repeat(70) + "'\n  ]\n}");
  var o = { n: 1 };
  o.self = o;
  assert.equal(format.tree(o), '{ n: 1, self: [Circular] }');
});

test.table('display picks the shape by value and mode', [
  ['a string prints raw', 'text', 'table', 'text'],
  ['rows print as a table', [{ a: 1 }], 'table', 'a\n-\n1'],
  ['an empty array is []', [], 'table', '[]'],
  ['json mode', { a: 1 }, 'json', '{\n  "a": 1\n}'],
  ['csv of one object', { a: 1, b: 2 }, 'csv', 'a,b\n1,2'],
  ['csv of plain values', [1, 'x'], 'csv', 'value\n1\nx'],
  ['line of one object', { a: 1 }, 'line', 'a = 1'],
  ['a number', 42, 'table', '42'],
  ['a table leaves why to .why', [{ a: 1, why: [] }], 'table', 'a\n-\n1\n(.why lists the clauses behind these rows)']
], function (name, value, mode, expected) {
  assert.equal(format.display(value, { mode: mode }), expected, name);
});

test('a table fitted to the width never cuts identifiers, dates or numbers; text wraps', function () {
  var rows = [
    { number: 'CAS-SV-2024-00001', holder: '杭州中奥服务有限公司杭州中奥服务有限公司', expires: '2027-03-01', staff: 1200 },
    { number: 'DNI-SPSHFW-2022-00002', holder: 'Acme after-sales service of household appliances', expires: '2025-08-25', staff: 7 }
  ];
  var out = format.table(rows, null, { width: 60 });
  var lines = out.split('\n');
  lines.forEach(function (l) { assert.ok(format.width(l) <= 60, l); });
  ['CAS-SV-2024-00001', 'DNI-SPSHFW-2022-00002', '2027-03-01', '2025-08-25', '1200'].forEach(function (v) {
    assert.ok(out.indexOf(v) >= 0, v + ' is whole in\n' + out);
  });
  assert.ok(lines.length > 4, 'the holder wraps onto a second line:\n' + out);
});

test('when even the identifiers do not fit, each row is a block of key  value lines', function () {
  var rows = [{ number: 'CAS-SV-2024-00001', issued: '2024-03-01', expires: '2027-03-01', scheme: 'cas-service@1' }];
  var out = format.table(rows, null, { width: 30 });
  assert.equal(out.split('\n')[0], '-- 1 --');
  assert.ok(out.indexOf('number   CAS-SV-2024-00001') >= 0, out);
  assert.ok(out.split('\n').every(function (l) { return format.width(l) <= 30; }), out);
});

test('display on a terminal says how many rows; in a pipe it does not', function () {
  var rows = [{ a: 1 }, { a: 2 }];
  assert.equal(format.display(rows, { width: 80 }).split('\n').pop(), '(2 rows)');
  assert.equal(format.display(rows, { width: 0 }).split('\n').pop(), '2');
});

test('a table aligned in C reads as the script aligned it: padding, right-aligned numbers, cut cells, trailing space trimmed', function () {
  var rows = [{ n: 7, name: '某某（北京）服务有限公司　', note: 'a' }, { n: 12345, name: 'ACME', note: '' },
    { n: 1, name: '', note: 'a very long note that the column cuts at twelve cells' }];
  var cols = [{ key: 'n', title: 'n' }, { key: 'name', title: 'name' }, { key: 'note', title: 'note' }];
  assert.equal(format.table(rows, cols, { max: 12 }).split('\n'), [
    '    n  name          note',
    '-----  ------------  ------------',
    '    7  某某（北京…   a',
    '12345  ACME',
    '    1                a very long…']);
  assert.equal(format.table([rows[0]], cols, { max: 40 }).split('\n')[2], '7  某某（北京）服务有限公司　  a', 'an ideographic space inside the line stays');
  assert.equal(format.table([{ a: 'x', b: '中　' }]).split('\n')[2], 'x  中', 'at the end of the line it is trimmed');
});

test('core.text: plain widths, aligned lines, a cell too wide refused, a getter that throws stops it cleanly', function () {
  assert.equal([core.text.plainWidth('ab c'), core.text.plainWidth('审查员'), core.text.plainWidth('（'), core.text.plainWidth('')], [4, 6, -1, 0]);
  assert.equal(core.text.lines([[{ t: '', w: 0 }, { t: '', w: 0 }], [{ t: 'x', w: 1 }, { t: '中　', w: 4 }]], [2, 4], [true, false]), '\n x  中');
  assert.equal(core.text.lines([[{ t: 'abc', w: 3 }]], [2], [false]), null, 'wider than its column');
  var bad = {};
  Object.defineProperty(bad, 't', { get: function () { throw new Error('no text'); } });
  assert.throws(function () { core.text.lines([[bad]], [3], [false]); }, /no text/);
  var row = { a: 'x' };
  Object.defineProperty(row, 'b', { enumerable: true, get: function () { throw new Error('no cell'); } });
  assert.throws(function () { format.table([row, row], [{ key: 'a', title: 'a' }, { key: 'b', title: 'b' }]); }, /no cell/, 'measured in C, a getter that throws stops the table');
  var widths = [1], right = [true], whole = [true];
  var texts = core.text.measure([{ k: '审查\t\t员 a' }, { k: 7 }, { k: '审查\t\t员 a' }], ['k'], widths, right, whole, String, function (t) { return { t: t, w: -1 }; });
  assert.equal([texts[0][0].t, texts[0][0].w, texts[0][0] === texts[2][0], texts[1][0].t, widths[0], right[0], whole[0]],
    ['审查 员 a', 9, true, '7', 9, false, false], 'a run of tabs is one space; one entry per distinct text');
  // a column's text repeated from the row before (a window sorted by date) is the same entry, measured once;
  // whether the column stays right-aligned is still judged by each row's own value (7, then '7')
  widths = [0, 0]; right = [true, true]; whole = [true, true];
  texts = core.text.measure([{ d: '2026-07-01', n: 7 }, { d: '2026-07-01', n: '7' }, { d: '杭州 中奥', n: 7 }, { d: '2026-07-01', n: 7 }],
    ['d', 'n'], widths, right, whole, String, function (t) { return { t: t, w: -1 }; });
  assert.equal([texts[0][0] === texts[1][0], texts[1][0] === texts[3][0], texts[0][1] === texts[1][1], texts[2][0].w, widths, right, whole],
    [true, true, true, 9, [10, 1], [false, false], [false, true]], 'a repeated text is one entry, each row judged for alignment');
});

test('a table wider than core.text.lines aligns (300 columns) is aligned by format.table itself', function () {
  var row = {}, cols = [];
  for (var i = 0; i < 300; i++) { row['c' + i] = i; cols.push({ key: 'c' + i, title: 'c' + i }); }
  var lines = format.table([row], cols).split('\n');
  assert.equal(lines.length, 3);
  assert.equal(lines[2].split(/ +/).slice(0, 3), ['', '0', '1'], 'numbers right-aligned under their titles');
  assert.equal(lines[2].slice(-3), '299');
});
