// Read-only SQL for scripts, and a script's rule called from SQL (sqlFunctions): the reminder
// job's engine (examples/reminders.js). A rule is asked once per distinct argument list and its
// answers are remembered; it cannot write; what it throws comes back unchanged.

// values(list) → SQL giving one row per element of list (column value), in order
function values(list) { return 'SELECT value FROM json_each(\'' + JSON.stringify(list) + '\') ORDER BY key'; }

test('a function is called once per distinct argument list, its answers remembered', function () {
  var calls = [];
  var rows = sqlFunctions({ grade: function (score) { calls.push(score); return score >= 90 ? '五星级' : '四星级'; } }, function () {
    return sql('SELECT value, grade(value) AS g FROM (' + values([95, 80, 95, 95, 80, 91]) + ')');
  });
  assert.equal(rows.map(function (r) { return r.g; }), ['五星级', '四星级', '五星级', '五星级', '四星级', '五星级']);
  assert.equal(calls, [95, 80, 91]);
});

test('a remembered answer read through subqueries, an aggregate and later rows is the text given, NUL and all', function () {
  // the memo gives SQLite its own copy of each text (no copy per reference): what every reader
  // sees must still be the answer of its row, however often and late it is read
  var answers = { 1: { grade: '五星级', n: 1 }, 2: { grade: '四星级𠀀', n: 2 }, 3: 'a\u0000b' };
  var rows = sqlFunctions({ answer: function (k) { return answers[k]; } }, function () {
    return sql('SELECT a, CASE WHEN json_valid(a) THEN json_extract(a, \'$.grade\') END AS g, length(CAST(a AS BLOB)) AS bytes, (SELECT max(b) FROM (SELECT answer(value) AS b' +
      ' FROM (' + values([1, 2, 1]) + ') LIMIT -1 OFFSET 0)) AS top FROM (SELECT answer(value) AS a FROM (' + values([1, 2, 3, 2, 1]) + ')' +
      ' LIMIT -1 OFFSET 0) WHERE a IS NOT NULL');
  });
  assert.equal(rows.map(function (r) { return r.g; }), ['五星级', '四星级𠀀', null, '四星级𠀀', '五星级']);
  assert.equal(rows.map(function (r) { return r.a; }).slice(0, 2), [JSON.stringify(answers[1]), JSON.stringify(answers[2])]);
  assert.equal(rows[2].bytes, 3, 'a text holding NUL keeps its length');
  assert.equal(rows.map(function (r) { return r.top; }), rows.map(function () { return JSON.stringify(answers[2]); }));
});

test('arguments of every SQL type reach the function; text, integers, reals and NULL differ as keys', function () {
  var seen = [];
  sqlFunctions({ f: function (a, b) { seen.push([a, b]); return null; } }, function () {
    sql("SELECT f(1, NULL), f('1', NULL), f(1.5, 'x'), f(1, NULL), f('杭州', '')");
  });
  assert.equal(seen, [[1, null], ['1', null], [1.5, 'x'], ['杭州', '']]);
});

test('objects come back as JSON text, booleans as 1 or 0, undefined as NULL, Chinese intact', function () {
  var row = sqlFunctions({
    obj: function () { return { grade: '四星级', why: [{ clause: '§6.5' }] }; },
    truthy: function () { return true; }, falsy: function () { return false; }, none: function () {}
  }, function () {
    return sql("SELECT obj() AS o, json_extract(obj(), '$.grade') AS g, truthy() AS y, falsy() AS n, none() IS NULL AS u")[0];
  });
  assert.equal(JSON.parse(row.o), { grade: '四星级', why: [{ clause: '§6.5' }] });
  assert.equal([row.g, row.y, row.n, row.u], ['四星级', 1, 0, 1]);
});

test('the function runs in sqlEach too, and may read the register with sql()', function () {
  var got = [];
  sqlFunctions({ count_events: function () { return sql('SELECT count(*) AS n FROM events')[0].n; } }, function () {
    sqlEach('SELECT count_events() AS n', function (r) { got.push(r.n); });
  });
  assert.equal(got, [sql('SELECT count(*) AS n FROM events')[0].n]);
});

test('the functions exist only while the body runs; the body\'s value is returned', function () {
  assert.equal(sqlFunctions({ seven: function () { return 7; } }, function () { return sql('SELECT seven() AS v')[0].v; }), 7);
  assert.throws(function () { sql('SELECT seven()'); }, /no such function: seven/);
  assert.throws(function () { sqlFunctions({ seven: function () { return 7; } }, function () { throw new Error('body failed'); }); }, /body failed/);
  assert.throws(function () { sql('SELECT seven()'); }, /no such function: seven/);
});

test('what the function throws fails the query and arrives unchanged', function () {
  var thrown = [new TypeError('bad score'), 42, null, { code: 'x' }];
  thrown.forEach(function (v) {
    var got = 'nothing';
    try { sqlFunctions({ boom: function () { throw v; } }, function () { sql('SELECT boom(1)'); }); } catch (e) { got = e; }
    assert.ok(got === v, 'sql() rethrew ' + String(v));
  });
  var err = assert.throws(function () {
    sqlFunctions({ boom: function () { throw new RangeError('deep'); } }, function () { sqlEach('SELECT boom(1)', function () {}); });
  }, /deep/);
  assert.equal(err.name, 'RangeError');
});

test('a function cannot change the register, even through the primitives', function () {
  var before = sql('SELECT count(*) AS n FROM events')[0].n;
  var err = assert.throws(function () {
    sqlFunctions({ sneaky: function () { return orgs.create({ name: '某公司', uscc: '91110000600037341L', staff: 3 }).id; } }, function () {
      sql('SELECT sneaky()');
    });
  }, 'read-only');
  assert.ok(/cannot change the register/.test(err.message), err.message);
  assert.throws(function () {
    sqlFunctions({ sneaky: function () { return transaction(function () { return 1; }); } }, function () { sql('SELECT sneaky()'); });
  }, 'read-only');
  assert.equal(sql('SELECT count(*) AS n FROM events')[0].n, before);
  transaction(function () { return 1; }); // writing works again afterwards
});

test.table('names and values refused, naming them', [
  [{ date: function () {} }, /'date' is already a SQL function/],
  [{ 'drop table x': function () {} }, /'drop table x' must be a name of letters/],
  [{ '1x': function () {} }, /'1x' must be a name/],
  [{ f: 5 }, /'f' must be a function/],
  [{ inner: function () {} }, /'inner' is an SQL keyword/],
  [[function () {}], /must be an object of functions by name/]
], function (functions, message) {
  assert.throws(function () { sqlFunctions(functions, function () {}); }, message);
});

test('a refused name leaves none of the others registered', function () {
  assert.throws(function () { sqlFunctions({ first_ok: function () { return 1; }, date: function () {} }, function () {}); }, 'invalid');
  assert.throws(function () { sql('SELECT first_ok()'); }, /no such function/);
});

test('nested sqlFunctions: inner names join the outer ones; reusing an outer name is refused', function () {
  var v = sqlFunctions({ a: function () { return 1; } }, function () {
    assert.throws(function () { sqlFunctions({ a: function () { return 2; } }, function () {}); }, /'a' is already a SQL function/);
    return sqlFunctions({ b: function () { return 2; } }, function () { return sql('SELECT a() + b() AS s')[0].s; });
  });
  assert.equal(v, 3);
});

test('json_each and json_tree can be read by sql(); writes still cannot', function () {
  assert.equal(sql('SELECT value FROM json_each(\'[1,"二"]\') ORDER BY key').map(function (r) { return r.value; }), [1, '二']);
  assert.throws(function () { sql('UPDATE sqlite_master SET type = \'x\''); }, /may not be modified|read-only/);
});

test('sqlFunctions cannot be called while a query runs: SQLite could not remove the functions after', function () {
  assert.throws(function () {
    sqlEach('SELECT 1 AS a', function () { sqlFunctions({ late: function () { return 1; } }, function () {}); });
  }, /cannot be called while a query runs/);
  assert.throws(function () {
    sqlFunctions({ wrap: function () { return sqlFunctions({ late: function () { return 1; } }, function () { return 1; }); } }, function () {
      sql('SELECT wrap()');
    });
  }, /cannot be called while a query runs/);
  assert.throws(function () { sql('SELECT late()'); }, /no such function: late/);
});

test('sqlFunctions works after the primitives have written (their statements are not left running)', function () {
  var org = orgs.create({ name: '杭州某某电器有限公司', uscc: '91330106MA2B0QXR7D', staff: 12 });
  assert.equal(sqlFunctions({ twice: function (x) { return 2 * x; } }, function () {
    return sql('SELECT twice(staff) AS t FROM orgs WHERE id = ?', org.id)[0].t;
  }), 24);
});
