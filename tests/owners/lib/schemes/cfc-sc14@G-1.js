// tests/owners/lib/schemes/cfc-sc14@G-1.js — CFC/CTS6004 revision G/1, written for the tests (no
// such revision exists): 四星级 from 88, suspensions at most 3 months, appeals answered in 20
// days, one more suspension cause, the refusal guard in new words. Only what changed is stated;
// arrays (levels, causes of a kind, guards) are replaced whole.
'use strict';
var c1 = scheme('cfc-sc14@C/1');
module.exports = defineScheme({
  extends: c1, version: 'G/1', effective: '2026-07-01',
  grade: { levels: [
    { min: 70, level: '一星级', stars: 1, clause: '§8.5.5 3)' },
    { min: 80, level: '三星级', stars: 3, clause: '§5' },
    { min: 88, level: '四星级', stars: 4, clause: '§5' },
    { min: 95, level: '五星级', stars: 5, clause: '§5' }] },
  deadlines: { suspensionLimit: { months: 3 }, appealAnswer: { days: 20, text: '在20日内将处理情况以书面的方式给予答复' } },
  causes: { suspension: c1.definition.causes.suspension.concat([{ code: 'licence-lapsed', clause: '§9.5.1 f)', text: '行政许可失效' }]) },
  workflow: { transitions: { refuse: { guards: [{ code: 'reason', clause: '§8.8.2', text: '不予注册的原因以书面形式通知认证申请组织' }] } } }
});
