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
