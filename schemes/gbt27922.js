// schemes/gbt27922.js — criteria `gbt27922`: GB/T 27922-2011 《商品售后服务评价体系》 (after-sales
// service evaluation system), the criteria of cas-service, cfc-sc14 and dni-aftersales.
//
// Source: the standard's text is not among the seeds. What this file states comes from
// ../shared/SCHEMES.md §5 (certification bodies' published material): published 2011-12-30, in
// force 2012-02-01, replacing SB/T 10401-2006; 3 first-level and 15 second-level indicators;
// total 100 points; a non-conforming indicator loses its points (in proportion to the
// non-conforming samples); excluded indicators are removed (score = achieved / applicable × 100);
// special deduction items −1 each; at most one special bonus +1.
//
// THE POINT WEIGHTS OF THE INDICATORS ARE NOT PUBLIC. This file gives none: a body supplies its
// own, either per indicator in score({indicators: [{id, points, achieved}]}) or once for all in
// its scheme's score section ({criteria: 'gbt27922', weights: {'5.1.1': 6, …}}). Indicator
// numbers 5.1.1–5.1.3 appear in public extracts of the standard; the others follow the same
// order and should be checked against the standard's text by a body that holds it.
'use strict';

var fail = require('stdlib/bands').fail, fmt = require('stdlib/bands').fmt;
var ID = 'gbt27922', VERSION = '2011';

// cite(clause, text) → a why step of these criteria
function cite(clause, text) { return { scheme: ID, version: VERSION, clause: clause, text: text }; }

var TREE = [
  { id: '5.1', name: '售后服务体系', en: 'after-sales service system', children: [
    { id: '5.1.1', name: '组织架构', en: 'organisation' },
    { id: '5.1.2', name: '人员配置', en: 'staffing' },
    { id: '5.1.3', name: '资源配置', en: 'resources' },
    { id: '5.1.4', name: '服务规范', en: 'service specifications' },
    { id: '5.1.5', name: '服务监督', en: 'supervision' },
    { id: '5.1.6', name: '服务改进', en: 'improvement' },
    { id: '5.1.7', name: '服务文化', en: 'service culture' }] },
  { id: '5.2', name: '商品服务', en: 'goods service', children: [
    { id: '5.2.1', name: '商品信息', en: 'goods information' },
    { id: '5.2.2', name: '技术支持', en: 'technical support' },
    { id: '5.2.3', name: '配送安装', en: 'delivery and installation' },
    { id: '5.2.4', name: '维修服务', en: 'repair' },
    { id: '5.2.5', name: '质量保证', en: 'quality guarantee' },
    { id: '5.2.6', name: '废弃商品回收', en: 'recycling of discarded goods' }] },
  { id: '5.3', name: '客户服务', en: 'customer service', children: [
    { id: '5.3.1', name: '客户关系', en: 'customer relations' },
    { id: '5.3.2', name: '投诉处理', en: 'complaint handling' }] }
];

// indicators() → the 15 second-level indicators [{id, name, en, parent}]
function indicators() {
  var out = [];
  TREE.forEach(function (top) { top.children.forEach(function (c) { out.push({ id: c.id, name: c.name, en: c.en, parent: top.id }); }); });
  return out;
}

// indicatorOf(id) → the second-level indicator id holds ('5.2.4' itself, or the parent of a
// body's own sub-item such as '5.2.4.1'), or null
function indicatorOf(id) {
  var all = indicators();
  for (var i = 0; i < all.length; i++) if (id === all[i].id || id.indexOf(all[i].id + '.') === 0) return all[i];
  return null;
}

// count(x, field) → how many items x stands for: a whole number, or a list of items
function count(x, field, fn) {
  if (x === undefined || x === null) return 0;
  if (Array.isArray(x)) return x.length;
  if (typeof x === 'number' && x >= 0 && x === Math.floor(x)) return x;
  throw fail('invalid', field, fn + ': ' + field + ' must be a count or a list of items, got ' + JSON.stringify(x));
}

// score(input, opts) → {score, indicatorScore, deductionItems, bonusItems, why}.
// input: {indicators: [{id, points, achieved, applicable}], specialDeductions, specialBonuses};
// opts (the scheme's score section): {weights: {id: points}}.
function score(input, opts) {
  var fn = 'score({indicators, specialDeductions, specialBonuses})';
  if (!input || typeof input !== 'object' || !Array.isArray(input.indicators) || !input.indicators.length)
    throw fail('invalid', 'indicators', fn + ': indicators must list the scored indicators [{id, points, achieved, applicable}]');
  var weights = (opts && opts.weights) || {};
  var applicable = 0, achieved = 0, excluded = [], seen = {}, why = [];
  input.indicators.forEach(function (x, i) {
    var f = 'indicators[' + i + ']';
    if (!x || typeof x.id !== 'string' || !indicatorOf(x.id)) throw fail('invalid', f + '.id', fn + ': ' + f + '.id ' + JSON.stringify(x && x.id) + ' is not an indicator of GB/T 27922 (' + indicators().map(function (c) { return c.id; }).join(', ') + ', or a sub-item of one)');
    if (seen[x.id]) throw fail('invalid', f + '.id', fn + ': indicator ' + x.id + ' is scored twice');
    seen[x.id] = true;
    var points = x.points !== undefined ? x.points : weights[x.id];
    if (typeof points !== 'number' || !(points > 0)) throw fail('invalid', f + '.points', fn + ': ' + f + ' (' + x.id + ') has no points: GB/T 27922\'s weights are not public, so give points here or weights in the scheme\'s score section');
    if (x.applicable === false) { excluded.push(x.id); return; }
    if (typeof x.achieved !== 'number' || x.achieved < 0 || x.achieved > points) throw fail('invalid', f + '.achieved', fn + ': ' + f + '.achieved must be a number from 0 to its points ' + points + ', got ' + JSON.stringify(x.achieved));
    applicable += points;
    achieved += x.achieved;
  });
  if (!(applicable > 0)) throw fail('invalid', 'indicators', fn + ': no applicable indicator is left to score');
  var base = achieved / applicable * 100;
  why.push(cite('§6.2-6.3', 'points achieved ' + fmt(achieved) + ' of ' + fmt(applicable) + ' applicable × 100 = ' + fmt(base) +
    (excluded.length ? ' (not applicable, removed: ' + excluded.join(', ') + ')' : '')));
  var fnD = count(input.specialDeductions, 'specialDeductions', fn), fnB = count(input.specialBonuses, 'specialBonuses', fn);
  var bonus = Math.min(fnB, 1);
  var total = base - fnD + bonus;
  if (fnD) why.push(cite('§6.2-6.3', fnD + ' special deduction item' + (fnD > 1 ? 's' : '') + ' × −1 = −' + fnD));
  if (fnB) why.push(cite('§6.2-6.3', fnB + ' special bonus item' + (fnB > 1 ? 's' : '') + ' given; at most one counts: +' + bonus));
  var capped = Math.max(0, Math.min(100, total));
  if (capped !== total) why.push(cite('§6.2-6.3', 'position: the score is kept within 0-100 (the standard\'s total is 100 points): ' + fmt(total) + ' → ' + fmt(capped)));
  why.push(cite('§6.2-6.3', 'score ' + fmt(capped) + ' (not rounded: grade thresholds compare the exact value)'));
  return { score: capped, indicatorScore: base, deductionItems: fnD, bonusItems: bonus, why: why };
}

module.exports = defineCriteria({
  id: ID,
  version: VERSION,
  title: '商品售后服务评价体系',
  document: 'GB/T 27922-2011',
  effective: '2012-02-01',
  replaces: 'SB/T 10401-2006',
  weights: null,
  weightsNote: 'the per-indicator points of GB/T 27922-2011 are not public: a body supplies its own',
  tree: TREE,
  indicators: indicators,
  indicatorOf: indicatorOf,
  // what one special deduction item costs in score() (whatIf reads it: clearing an item gives its point back)
  specialDeduction: { points: 1, clause: '§6.2-6.3' },
  score: score
});
