// stdlib/ical.test.js — RFC 5545's content lines: TEXT escaped (§3.3.11), lines folded at 75
// octets of UTF-8 without splitting a character (§3.1), CRLF between them.
var ical = require('stdlib/ical');

// utf8(s) → the UTF-8 octets of s
function utf8(s) { return unescape(encodeURIComponent(s)).length; }

test('a line of 75 octets stays whole; the 76th octet starts a continuation with a space', function () {
  var a75 = new Array(76).join('a');
  assert.equal(ical.fold(a75), a75);
  assert.equal(ical.fold(a75 + 'b'), a75 + '\r\n b');
});

test('Chinese text and characters outside the BMP are never split, and no line passes 75 octets', function () {
  var line = 'SUMMARY:' + new Array(30).join('监督审查𠀀😀');
  var parts = ical.fold(line).split('\r\n');
  parts.forEach(function (p, i) {
    assert.ok(utf8(p) <= 75, 'line ' + i + ' has ' + utf8(p) + ' octets');
    if (i) assert.equal(p.charAt(0), ' ', 'a continuation begins with a space');
  });
  assert.equal(parts.map(function (p, i) { return i ? p.substring(1) : p; }).join(''), line, 'unfolded, the line is intact');
  assert.ok(parts.length > 2);
});

test('TEXT values escape backslash, semicolon, comma and line ends; a lone CR stays', function () {
  assert.equal(ical.text('a\\b;c,d\ne\r\nf\rg'), 'a\\\\b\\;c\\,d\\ne\\nf\rg');
  assert.equal(ical.text(null), '');
  assert.equal(ical.text(12), '12');
});

test('an event: all-day, DTEND the next day, stamped, folded, CRLF; a bad date names its field', function () {
  var ev = ical.event({ uid: 'surveillance-1/certificate-7@certsh', date: '2026-12-31', stamp: '2026-06-30',
    summary: '监督审查 1, 窗口关闭', description: 'closing\nCAS §7.1', categories: 'surveillance' });
  assert.equal(ev.split('\r\n'), ['BEGIN:VEVENT', 'UID:surveillance-1/certificate-7@certsh', 'DTSTAMP:20260630T000000Z',
    'DTSTART;VALUE=DATE:20261231', 'DTEND;VALUE=DATE:20270101', 'SUMMARY:监督审查 1\\, 窗口关闭', 'DESCRIPTION:closing\\nCAS §7.1',
    'CATEGORIES:surveillance', 'TRANSP:TRANSPARENT', 'END:VEVENT', '']);
  assert.throws(function () { ical.event({ uid: 'u', date: '2026-02-30', stamp: '2026-01-01' }); }, /date must be a date 'YYYY-MM-DD', got "2026-02-30"/);
});

test('the date lines kept per date: each event on its own day, its stamp its own; a bad date refused every time', function () {
  function lines(d, stamp) { return ical.event({ uid: 'u', date: d, stamp: stamp, summary: 's' }).split('\r\n').slice(2, 5); }
  assert.equal(lines('2026-12-31', '2026-06-30'), ['DTSTAMP:20260630T000000Z', 'DTSTART;VALUE=DATE:20261231', 'DTEND;VALUE=DATE:20270101']);
  assert.equal(lines('2027-01-01', '2026-12-31'), ['DTSTAMP:20261231T000000Z', 'DTSTART;VALUE=DATE:20270101', 'DTEND;VALUE=DATE:20270102']);
  assert.equal(lines('2026-12-31', '2027-01-01'), ['DTSTAMP:20270101T000000Z', 'DTSTART;VALUE=DATE:20261231', 'DTEND;VALUE=DATE:20270101']);
  for (var i = 0; i < 2; i++) {
    assert.throws(function () { lines('2026-02-30', '2026-01-01'); }, /date must be a date 'YYYY-MM-DD', got "2026-02-30"/);
    assert.throws(function () { lines('2026-12-31', '2026-02-30'); }, /stamp must be a date 'YYYY-MM-DD', got "2026-02-30"/);
  }
});

test('eventSql makes in SQL the event ical.event makes, for any texts: Chinese, outside the BMP, escapes, long lines', function () {
  ical.defineSql();
  var r = require('stdlib/teach').rng(20261204);
  function draw(n) { return Math.floor(r() * n); }
  var PIECES = ['监督审查', '𠀀', '😀', ',', ';', '\\', '\n', '\r\n', '\r', ' ', '§', 'ab cd', 'a', '四星级', '"', '\''];
  function text(max) { var s = '', k = draw(max); for (var i = 0; i < k; i++) s += PIECES[draw(PIECES.length)]; return s; }
  var rows = [];
  for (var i = 0; i < 300; i++) {
    rows.push({ uid: 'u' + i + text(8), date: date.addDays('1900-01-01', draw(400000)), summary: text(60),
      description: draw(4) ? text(120) : '', categories: draw(4) ? text(6) : '' });
  }
  rows.push({ uid: 'x', date: '2999-12-30', summary: '', description: '', categories: '' });
  var stamp = '2026-06-30';
  var sqlText = ical.eventSql({ uid: 'uid', date: 'date', stamp: stamp, summary: 'summary', description: 'description', categories: 'categories' });
  var got = sql('SELECT ' + sqlText + ' AS ev FROM (SELECT json_extract(value, \'$.uid\') AS uid, json_extract(value, \'$.date\') AS date,' +
    ' json_extract(value, \'$.summary\') AS summary, json_extract(value, \'$.description\') AS description,' +
    ' json_extract(value, \'$.categories\') AS categories, key FROM json_each(?)) ORDER BY key', JSON.stringify(rows));
  assert.equal(got.length, rows.length);
  var described = 0;
  rows.forEach(function (r, i) {
    var want = ical.event({ uid: r.uid, date: r.date, stamp: stamp, summary: r.summary, description: r.description, categories: r.categories });
    assert.equal(got[i].ev, want, JSON.stringify(r));
    if (r.description) described++;
  });
  assert.ok(described > 150 && described < 300, described + ' with a description, the others without the line');
});

test('eventSql refuses what ical.event refuses: an empty uid, a date that is not one, a date past the years', function () {
  ical.defineSql();
  function ev(uid, d) {
    return sql('SELECT ' + ical.eventSql({ uid: '?1', date: '?2', stamp: '2026-06-30', summary: '\'s\'' }) + ' AS ev', uid, d)[0].ev;
  }
  assert.equal(ev('u', '2026-12-31'), ical.event({ uid: 'u', date: '2026-12-31', stamp: '2026-06-30', summary: 's' }));
  assert.throws(function () { ev('', '2026-12-31'); }, /uid must be non-empty text, got ""/);
  assert.throws(function () { ev(null, '2026-12-31'); }, /uid must be non-empty text, got null/);
  assert.throws(function () { ev('u', '2026-02-30'); }, /date must be a date 'YYYY-MM-DD', got "2026-02-30"/);
  assert.throws(function () { ev('u', null); }, /date must be a date 'YYYY-MM-DD', got null/);
  assert.throws(function () { ev('u', '2999-12-31'); }, /outside years 1900-2999/);
  assert.throws(function () { ical.event({ uid: 'u', date: '2999-12-31', stamp: '2026-06-30' }); }, /outside years 1900-2999/);
  assert.throws(function () { ical.eventSql({ uid: 'uid', date: 'date', stamp: '2026-13-01', summary: 's' }); }, /stamp must be a date/);
});
