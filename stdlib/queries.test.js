// stdlib/queries.test.js — q.pivot: the cross-table of a query's rows (counts, or an aggregate
// of a numeric field), with a total row and column; and what it refuses.

var ROWS = [
  { scheme: 'cas-service', status: 'active', manDays: 5 },
  { scheme: 'cas-service', status: 'active', manDays: 3.5 },
  { scheme: 'cas-service', status: 'withdrawn', manDays: 2 },
  { scheme: 'dni-aftersales', status: 'active', manDays: null },
  { scheme: 'dni-aftersales', status: 'suspended', manDays: 4 },
  { scheme: null, status: 'active', manDays: 1 }];

// byKey(table, corner) → {first column's value: row}
function byKey(table, corner) {
  var out = {};
  table.forEach(function (r) { out[r[corner]] = r; });
  return out;
}

test('counts per value of by and by2, a total column and a total row', function () {
  var t = q.pivot(ROWS, 'scheme', 'status');
  assert.equal(Object.keys(t[0]), ['scheme \\ status', 'active', 'suspended', 'withdrawn', 'total']);
  var k = byKey(t, 'scheme \\ status');
  assert.equal(k['cas-service'], { 'scheme \\ status': 'cas-service', active: 2, suspended: 0, withdrawn: 1, total: 3 });
  assert.equal(k['dni-aftersales'], { 'scheme \\ status': 'dni-aftersales', active: 1, suspended: 1, withdrawn: 0, total: 2 });
  assert.equal(k['(none)'].active, 1, 'a missing value is grouped as (none)');
  assert.equal(t[t.length - 2]['scheme \\ status'], '(none)', '(none) sorts last, before the totals');
  assert.equal(t[t.length - 1], { 'scheme \\ status': 'total', active: 4, suspended: 1, withdrawn: 1, total: 6 });
});

test('without by2: one count column and the total', function () {
  var t = q.pivot(ROWS, 'status');
  assert.equal(t.map(function (r) { return [r.status, r.count]; }),
    [['active', 4], ['suspended', 1], ['withdrawn', 1], ['total', 6]]);
});

test('an aggregate of a numeric field: sum, avg, min, max over each cell and the totals', function () {
  var sum = byKey(q.pivot(ROWS, 'scheme', 'status', { sum: 'manDays' }), 'scheme \\ status');
  assert.equal(sum['cas-service'].active, 8.5);
  assert.equal(sum['cas-service'].total, 10.5);
  assert.equal(sum['dni-aftersales'].active, null, 'a cell whose rows have no number is empty');
  assert.equal(sum.total.total, 15.5);
  var avg = byKey(q.pivot(ROWS, 'scheme', { avg: 'manDays' }), 'scheme');
  assert.equal(avg['cas-service']['avg manDays'], 3.5);
  assert.equal(avg.total['avg manDays'], 3.1, 'the total averages the rows, not the averages');
  assert.equal(byKey(q.pivot(ROWS, 'status', null, { max: 'manDays' }), 'status').active['max manDays'], 5);
  assert.equal(byKey(q.pivot(ROWS, 'status', null, { min: 'manDays' }), 'status').total['min manDays'], 1);
});

test('by and by2 may be functions of the row; numbers sort by value', function () {
  var t = q.pivot([{ n: 10 }, { n: 9 }, { n: 10 }, { n: 100 }], function size(r) { return r.n; }, function (r) { return r.n > 9 ? 'big' : 'small'; });
  assert.equal(t.map(function (r) { return r['size \\ by2']; }), [9, 10, 100, 'total']);
  assert.equal(t[1].big, 2);
  assert.equal(t[0].small, 1);
});

test('pivots a real query: organisations of the register by staff', function () {
  [10, 10, 200].forEach(function (staff, i) {
    var base = '9111000060003730' + i;
    orgs.create({ name: '某某电器有限公司' + i, uscc: base + uscc.check(base + '0').expected, staff: staff });
  });
  assert.equal(q.pivot(sql('SELECT name, staff FROM orgs'), 'staff'),
    [{ staff: 10, count: 2 }, { staff: 200, count: 1 }, { staff: 'total', count: 3 }]);
});

test.table('refuses what it cannot pivot, naming the field and the value', [
  [function () { q.pivot('x', 'a'); }, 'rows', /rows must be an array of row objects.*"x"/],
  [function () { q.pivot([1, 2], 'a'); }, 'rows', /got 1/],
  [function () { q.pivot(ROWS, 'sceme'); }, 'by', /no row has a field "sceme"; fields: scheme, status, manDays/],
  [function () { q.pivot(ROWS, 'scheme', 'stauts'); }, 'by2', /"stauts"/],
  [function () { q.pivot(ROWS, 42); }, 'by', /field name or a function.*42/],
  [function () { q.pivot(ROWS, 'scheme', 'status', { total: 'manDays' }); }, 'total', /unknown filter total/],
  [function () { q.pivot(ROWS, 'scheme', 'status', { sum: 'manDays', avg: 'manDays' }); }, 'avg', /one aggregate/],
  [function () { q.pivot(ROWS, 'scheme', 'status', { sum: 'status' }); }, 'status', /needs numbers, got "active"/],
  [function () { q.pivot(ROWS, 'scheme', 'status', { sum: 'days' }); }, 'sum', /no row has a field "days"/]
], function (call, field, message) {
  var e = assert.throws(call, 'invalid');
  assert.equal(e.field, field);
  assert.ok(message.test(e.message), e.message);
});

test('help(q.pivot) answers from its doc comment', function () {
  assert.ok(/cross-table/.test(help(q.pivot)), help(q.pivot));
});
