// Working days (stdlib/calendar.js over stdlib/holidays.js): the State Council's notices decide
// which days are off and which weekend days are worked (调休); deadlines counted in working days
// skip the first and count the second. Every expected date below is worked out in the comment
// beside it from the notice's own text.

// 'M月D日' as the notices write a date.
function zh(d) {
  var p = date.parts(d);
  return p.month + '月' + p.day + '日';
}

test('the data covers 2020 to 2026, one notice or more a year', function () {
  assert.equal(calendar.years(), [2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  calendar.years().forEach(function (y) {
    var items = calendar.holidays(y);
    assert.ok(items.length >= 6, y + ' has its six or seven holidays');
    items.forEach(function (h) { assert.ok(h.notice.indexOf('国务院办公厅') === 0, h.notice); });
  });
});

test('every adjusted working day falls on the weekday its notice names', function () {
  var names = { '六': 6, '日': 7 };
  calendar.years().forEach(function (y) {
    calendar.holidays(y).forEach(function (h) {
      h.work.forEach(function (d) {
        var m = new RegExp(zh(d) + '\\((?:星期|周)([六日])\\)').exec(h.text);
        assert.ok(m, d + ' is written in the text of ' + h.notice + ' ' + h.item);
        assert.equal(date.weekday(d), names[m[1]], d + ' is a 星期' + m[1]);
      });
    });
  });
});

test('every holiday range agrees with its notice: last day and number of days', function () {
  calendar.years().forEach(function (y) {
    calendar.holidays(y).forEach(function (h) {
      var first = h.off[0], last = h.off[1], where = h.notice + ' ' + h.item + ' ' + h.name;
      var lastText = date.parts(first).month === date.parts(last).month && first !== last ? '至' + date.parts(last).day + '日' : zh(last);
      assert.ok(h.text.indexOf(lastText) >= 0, where + ' ends on ' + last);
      var n = /共(\d+)天/.exec(h.text);
      if (n) {
        assert.ok(h.text.indexOf(zh(first)) >= 0, where + ' starts on ' + first);
        assert.equal(date.diffDays(first, last) + 1, +n[1], where + ' lasts ' + n[1] + ' days');
      }
    });
  });
});

test.table('Spring Festival: "within 5 working days" of a cause verified just before it', [
  // 2025 notice 二: 1月28日至2月4日 off, 1月26日(周日) worked. Fri 24 Jan + 5: Sun 26, Mon 27,
  // then Wed 5, Thu 6, Fri 7 Feb.
  ['2025-01-24', 5, '2025-02-07'],
  // 2026 notice 二: 2月15日至23日 off, 2月14日(周六) worked. Fri 13 Feb + 5: Sat 14, then Tue 24
  // to Fri 27.
  ['2026-02-13', 5, '2026-02-27'],
  // 2024 notice 二: 2月10日至17日 off, 2月4日 and 18日 (Sundays) worked; 除夕 9 Feb is only
  // encouraged as a day off, so it counts. Thu 8 Feb + 5: Fri 9, Sun 18, Mon 19 … Wed 21.
  ['2024-02-08', 5, '2024-02-21'],
  // 2021 notice 二: 2月11日至17日 off. Wed 10 Feb + 1 = Thu 18 Feb.
  ['2021-02-10', 1, '2021-02-18'],
  // 2022 notice 二: 1月29日(星期六) worked. Fri 28 Jan + 1 = Sat 29 Jan.
  ['2022-01-28', 1, '2022-01-29'],
  // 2020: the 2019 notice made Sat 1 Feb a working day; the extension notice (国办发明电〔2020〕1号)
  // gave 31 Jan to 2 Feb off. Thu 23 Jan + 5 = Mon 3 Feb … Fri 7 Feb.
  ['2020-01-23', 5, '2020-02-07']
], function (from, n, want) {
  assert.equal(calendar.addWorkingDays(from, n), want);
});

test.table('National Day: deadlines run over the Golden Week', [
  // 2025 notice 六: 10月1日至8日 off, 9月28日(周日) and 10月11日(周六) worked. Fri 26 Sep + 5:
  // Sun 28, Mon 29, Tue 30, Thu 9 Oct, Fri 10 Oct.
  ['2025-09-26', 5, '2025-10-10'],
  // … and one more lands on the adjusted Saturday 11 Oct.
  ['2025-09-26', 6, '2025-10-11'],
  // 2023 notice 六: 9月29日至10月6日 off, 10月7日(星期六) worked. Thu 28 Sep + 1 = Sat 7 Oct.
  ['2023-09-28', 1, '2023-10-07'],
  // 2024 notice 七: 10月1日至7日 off, 9月29日(星期日) worked. Fri 27 Sep + 2 = Sun 29, Mon 30.
  ['2024-09-27', 2, '2024-09-30'],
  // 2026 notice 七: 10月1日至7日 off, 10月10日(周六) worked. Wed 30 Sep + 3 = Thu 8, Fri 9, Sat 10.
  ['2026-09-30', 3, '2026-10-10']
], function (from, n, want) {
  assert.equal(calendar.addWorkingDays(from, n), want);
});

test.table('adjusted Saturdays and Sundays are worked; the days off are not', [
  ['2025-01-26', true],  // 2025 二: 1月26日(周日)上班
  ['2025-02-08', true],  // 2025 二: 2月8日(周六)上班
  ['2026-02-28', true],  // 2026 二: 2月28日(周六)上班
  ['2024-02-18', true],  // 2024 二: 2月18日(星期日)上班
  ['2020-02-01', false], // worked by the 2019 notice, then given off by the extension
  ['2025-02-03', false], // a Monday inside 1月28日至2月4日
  ['2025-10-08', false], // a Wednesday inside 10月1日至8日
  ['2025-02-09', false], // an ordinary Sunday
  ['2024-02-09', true],  // 除夕 2024: only "encouraged" as a day off
  ['2025-03-03', true]   // an ordinary Monday
], function (d, working) {
  assert.equal(calendar.isWorkingDay(d), working);
});

test.table('deadlines across the year end', [
  // 2023 notice 一: 2022年12月31日至2023年1月2日 off. Fri 30 Dec 2022 + 1 = Tue 3 Jan 2023.
  ['2022-12-30', 1, '2023-01-03'],
  // 2026 notice 一: 1月1日至3日 off, 1月4日(周日) worked. Wed 31 Dec 2025 + 1 = Sun 4 Jan 2026.
  ['2025-12-31', 1, '2026-01-04'],
  // and back: one working day before Mon 5 Jan 2026 is that Sunday.
  ['2026-01-05', -1, '2026-01-04'],
  // 2021 notice 一: 1月1日至3日 off. Thu 31 Dec 2020 + 1 = Mon 4 Jan 2021.
  ['2020-12-31', 1, '2021-01-04'],
  ['2025-06-03', 0, '2025-06-03']
], function (from, n, want) {
  assert.equal(calendar.addWorkingDays(from, n), want);
});

test('a deadline says which holidays it skipped and which adjusted days it counted', function () {
  var r = calendar.deadline('2025-09-26', 5);
  assert.equal(r.date, '2025-10-10');
  assert.equal(r.warnings, []);
  assert.cites(r, '六');
  var step = r.why.filter(function (s) { return s.clause === '六'; })[0];
  assert.equal(step.scheme, '国务院办公厅关于2025年部分节假日安排的通知');
  assert.equal(step.version, '国办发明电〔2024〕12号');
  assert.ok(step.text.indexOf('2025-10-01 … 2025-10-08 (8 days)') >= 0, step.text);
  assert.ok(step.text.indexOf('2025-09-28') >= 0, step.text);
});

test('why(date) names the holiday and the notice', function () {
  var w = calendar.why('2026-02-14');
  assert.equal([w.working, w.kind, w.name], [true, 'adjusted-working-day', '春节']);
  assert.equal(w.why[0].scheme, '国务院办公厅关于2026年部分节假日安排的通知');
  assert.cites(w, '二');
  var off = calendar.why('2020-02-01');
  assert.equal([off.working, off.kind], [false, 'holiday']);
  assert.equal(off.why[0].version, '国办发明电〔2020〕1号');
  assert.equal(calendar.why('2025-03-08').kind, 'weekend');
});

test('working days between two dates: October 2025', function () {
  // 23 weekdays in October 2025, less 1, 2, 3, 6, 7 and 8 October (off), plus Sat 11 October = 18.
  assert.equal(calendar.workingDaysBetween('2025-09-30', '2025-10-31'), 18);
  assert.equal(calendar.workingDaysBetween('2025-10-31', '2025-09-30'), -18);
  assert.equal(calendar.workingDaysBetween('2025-10-10', '2025-10-10'), 0);
  // consistent with addWorkingDays
  assert.equal(calendar.addWorkingDays('2025-09-30', 18), '2025-10-31');
});

test('a period ending on a day off ends on the next working day (Civil Code Art. 203)', function () {
  assert.equal(calendar.rollForward('2025-10-04'), '2025-10-09');
  assert.equal(calendar.rollForward('2025-10-09'), '2025-10-09');
  assert.equal(calendar.rollForward('2026-02-15'), '2026-02-24');
});

test('a year without a notice is refused, never guessed', function () {
  var e = assert.throws(function () { calendar.isWorkingDay('2027-03-01'); }, 'no-data');
  assert.equal(e.field, 'date');
  assert.ok(/2027/.test(e.message) && /2020–2026/.test(e.message), e.message);
  assert.throws(function () { calendar.isWorkingDay('2019-10-08'); }, 'no-data');
  // Thu 31 Dec 2026 is day 1; day 2 would be in 2027.
  assert.equal(calendar.addWorkingDays('2026-12-30', 1), '2026-12-31');
  assert.throws(function () { calendar.addWorkingDays('2026-12-30', 2); }, 'no-data');
  assert.throws(function () { calendar.holidays(2027); }, 'no-data');
});

test('the weekend-only fallback is explicit and warns', function () {
  var r = calendar.deadline('2026-12-30', 5, { fallback: 'weekends' });
  // Thu 31 Dec, then Fri 1 Jan 2027 — New Year's Day, but with no notice it counts as a plain
  // Friday: the very guess the warning is about — then Mon 4, Tue 5, Wed 6 Jan.
  assert.equal(r.date, '2027-01-06');
  assert.equal(r.warnings.length, 1);
  assert.ok(/WARNING: no State Council holiday notice for 2027/.test(r.warnings[0]), r.warnings[0]);
  assert.cites(r, 'no data');
  assert.equal(calendar.addWorkingDays('2026-12-30', 5, { fallback: 'weekends' }), '2027-01-06');
  assert.equal(calendar.why('2027-01-01', { fallback: 'weekends' }).warnings.length, 1);
  // inside the data the fallback changes nothing
  assert.equal(calendar.addWorkingDays('2025-09-26', 5, { fallback: 'weekends' }), '2025-10-10');
});

test('bad input is refused naming the field and the value', function () {
  var e = assert.throws(function () { calendar.isWorkingDay('2025-02-30'); }, 'invalid');
  assert.equal(e.field, 'date');
  assert.ok(/2025-02-30/.test(e.message), e.message);
  e = assert.throws(function () { calendar.addWorkingDays('2025-01-02', 1.5); }, 'invalid');
  assert.equal(e.field, 'n');
  e = assert.throws(function () { calendar.addWorkingDays('2025-01-02'); }, 'invalid');
  assert.equal(e.field, 'n');
  e = assert.throws(function () { calendar.isWorkingDay('2025-01-02', { fallback: 'guess' }); }, 'invalid');
  assert.equal(e.field, 'fallback');
  e = assert.throws(function () { calendar.isWorkingDay('2025-01-02', { fallbak: 'weekends' }); }, 'invalid');
  assert.equal(e.field, 'fallbak');
  e = assert.throws(function () { calendar.workingDaysBetween('2025-01-02', 20250110); }, 'invalid');
  assert.equal(e.field, 'to');
});
