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
