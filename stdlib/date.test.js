// Civil dates (core/civil.c through the `date` global): the month-end rule of PRC Civil Code
// Art. 202, leap years, differences, and refusals that name the field and the value.

test.table('addMonths keeps the day or takes the month end (Civil Code Art. 202)', [
  ['2024-01-31', 1, '2024-02-29'],
  ['2025-01-31', 1, '2025-02-28'],
  ['2025-03-31', -1, '2025-02-28'],
  ['2025-08-31', 1, '2025-09-30'],
  ['2025-11-15', 2, '2026-01-15'],
  ['2025-06-15', 36, '2028-06-15']
], function (from, n, want) {
  assert.equal(date.addMonths(from, n), want);
});

test('addYears from 29 February lands on 28 February', function () {
  assert.equal(date.addYears('2024-02-29', 1), '2025-02-28');
  assert.equal(date.addYears('2024-02-29', 4), '2028-02-29');
});

test('diffDays and diffMonths count across year ends and leap days', function () {
  assert.equal(date.diffDays('2024-02-28', '2024-03-01'), 2);
  assert.equal(date.diffDays('2025-12-31', '2026-01-01'), 1);
  assert.equal(date.diffDays('2026-01-01', '2025-12-31'), -1);
  assert.equal(date.diffMonths('2024-01-31', '2024-02-29'), 1);
  assert.equal(date.diffMonths('2024-01-31', '2024-02-28'), 0);
  assert.equal(date.diffMonths('2025-03-10', '2026-03-09'), 11);
  assert.equal(date.diffMonths('2025-03-10', '2026-03-10'), 12);
});

test('weekday and parts', function () {
  assert.equal(date.weekday('2026-11-24'), 2);
  assert.equal(date.parts('2025-10-01'), { year: 2025, month: 10, day: 1, weekday: 3 });
  assert.equal(date.endOfMonth('2100-02-10'), '2100-02-28');
  assert.equal(date.endOfMonth('2000-02-10'), '2000-02-29');
});

test('a date that does not exist is refused, naming the field and the value', function () {
  var e = assert.throws(function () { date.addDays('2026-02-30', 1); }, 'invalid');
  assert.equal(e.field, 'date');
  assert.ok(/2026-02-30/.test(e.message), e.message);
  assert.throws(function () { date.diffDays('2026-01-01', '2026/01/02'); }, 'invalid');
  assert.throws(function () { date.addDays('2026-01-01', 1.5); }, 'invalid');
  assert.equal(date.isValid('2026-02-29'), false);
  assert.equal(date.isValid('2028-02-29'), true);
});
