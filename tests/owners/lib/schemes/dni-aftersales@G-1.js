// tests/owners/lib/schemes/dni-aftersales@G-1.js — DNI-GZ-JS-14 version G/1, written for the tests: the
// pass line raised to 75 (§5.3.3.7), everything else as F/2; one file per version, only what changed.
'use strict';
module.exports = defineScheme({
  extends: scheme('dni-aftersales@F/2'), version: 'G/1', effective: '2026-01-01',
  grade: { pass: { minScore: 75 }, levels: [{ min: 75, level: '达标级', stars: 0 }, { min: 80, level: '三星级', stars: 3 },
    { min: 90, level: '四星级', stars: 4 }, { min: 95, level: '五星级', stars: 5 }] }
});
