// GB/T 31524 as its drafting notes (seed 004) set it out: §三 numbers the chapters and clauses,
// §五 lists each clause's sub-items; cnas-ecommerce audits an online seller against it.
var g = criteria('gbt31524');

test.table('the clauses as §三 of the drafting notes numbers and names them', [
  ['5', '电子商务服务商运营要求'], ['5.1', '资质和经营条件'], ['5.3', '电子商务平台信息管理系统建设'],
  ['5.4', '平台用户资质审核与备案'], ['5.6', '投诉处理与纠纷调解'],
  ['6', '在线销售商运营要求'], ['6.3', '商品销售和服务信息管理系统'], ['6.5', '网上支付平台安全保密技术'],
  ['6.6', '订单确认过程的控制'], ['6.7', '配送服务商管理与货物交接'], ['6.8', '售后管理'],
  ['7', '配送服务商运营要求'], ['7.2', '企业人员管理'], ['7.7', '与消费者交接商品服务'], ['7.8', '售后服务管理'],
  ['8', '支付服务商经营要求'], ['8.2', '网上支付服务规范和职业规定'],
  ['9', '消费者信息和利益保护要求'], ['9.3', '消费者信息安全与保密'], ['9.4', '消费者利益的保护'],
  ['10', '平台运营技术保障要求'], ['10.1', '机房设施'], ['10.4', '交易信息保障'], ['10.7', '服务平台系统接口']
], function (clause, title) {
  var it = g.item(clause);
  assert.equal(it.title, title);
  assert.cites(it, '§' + clause);
});

test('the criteria are registered with the tree of chapters and clauses', function () {
  assert.equal(g.id, 'gbt31524');
  assert.equal(g.tree.map(function (n) { return n.id; }), ['5', '6', '7', '8', '9', '10']);
  assert.equal(g.tree[1].children[3].name, '商品质量和服务质量管理体系');
});

test('each chapter numbers its clauses 1, 2, 3 … without a gap: 5.1–5.6, 6.1–6.8, 7.1–7.8, 8.1–8.2, 9.1–9.4, 10.1–10.7', function () {
  var last = {};
  g.chapters().forEach(function (ch) {
    ch.clauses.forEach(function (c, i) { assert.equal(c.clause, ch.clause + '.' + (i + 1)); });
    last[ch.clause] = ch.clauses[ch.clauses.length - 1].clause;
  });
  assert.equal(last, { 5: '5.6', 6: '6.8', 7: '7.8', 8: '8.2', 9: '9.4', 10: '10.7' });
});

test('6.4 holds the eight systems §五 4 ① lists for a seller\'s goods and service quality', function () {
  var pts = g.item('6.4').points.map(function (x) { return x.text; });
  assert.equal(pts, ['商品供应商资质备案制度', '商品进货登记备案制度', '商品质量标准控制制度', '商品计数管理', '价格管理',
    '商品质量验货管理', '商品质量宣传要求', '消费者申诉和投诉服务响应机制']);
});

test('the technical safeguards carry their sub-items: 10.4 from user authentication to traceability', function () {
  assert.equal(g.item('10.4').points.map(function (x) { return x.text; }), ['用户鉴别', '用户权限', '数据加密', '数据完整', '可追溯']);
  assert.equal(g.item('10.5').points.length, 5);
  assert.equal(g.item('10.2').points[2].text, '信息系统灾难恢复要求');
});

test('internal operation and external service as §五 3–5 divide them', function () {
  assert.equal(g.item('6.3').side, 'internal');
  assert.equal(g.item('6.4').side, 'external');
  assert.equal(g.item('5.4').side, 'external');
  assert.equal(g.item('7.3').side, 'internal');
});

// clausesOf(list) → the chapters present in a checklist
function chaptersOf(list) {
  var seen = [];
  list.forEach(function (r) { if (seen.indexOf(r.chapter) < 0) seen.push(r.chapter); });
  return seen;
}

test('a seller on a third-party platform is audited on chapters 6 and 9', function () {
  var c = g.checklist();
  assert.equal(chaptersOf(c.items), ['6', '9']);
  assert.equal(chaptersOf(c.excluded), ['5', '7', '8', '10']);
  assert.cites(c, '§5');
  assert.ok(/not audited/.test(c.why[0].text), c.why[0].text);
});

test('a seller on its own platform (自有平台, CNAS C3.1.1) also answers for chapters 5 and 10; delivering itself, for 7', function () {
  assert.equal(chaptersOf(g.checklist({ ownPlatform: true }).items), ['5', '6', '9', '10']);
  assert.equal(chaptersOf(g.checklist({ ownPlatform: true, ownDelivery: true }).items), ['5', '6', '7', '9', '10']);
  assert.equal(chaptersOf(g.checklist({ ownDelivery: true }).excluded), ['5', '8', '10']);
});

test('chapter 8 binds payment providers only: never on a seller\'s checklist', function () {
  var c = g.checklist({ ownPlatform: true, ownDelivery: true });
  assert.equal(chaptersOf(c.excluded), ['8']);
  assert.cites(c, '§8');
});

test('an unknown clause or option is refused, naming it', function () {
  var e = assert.throws(function () { g.item('11.1'); }, 'not-found');
  assert.ok(/11\.1/.test(e.message), e.message);
  assert.throws(function () { g.item(6.4); }, 'invalid');
  e = assert.throws(function () { g.checklist({ ownPlatform: 'yes' }); }, 'invalid');
  assert.equal(e.field, 'ownPlatform');
  e = assert.throws(function () { g.checklist({ platform: true }); }, 'invalid');
  assert.equal(e.field, 'platform');
});
