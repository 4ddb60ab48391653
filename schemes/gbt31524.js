// schemes/gbt31524.js — criteria `gbt31524`: the requirement tree of GB/T 31524 《电子商务平台运营与
// 技术规范》 (e-commerce platform operation and technical specification), the audit checklist of
// cnas-ecommerce (CNAS-SCXX §2 lists it as a normative reference; C3.4.1.1 1) audits conformity
// with it).
//
// Source: the standard's drafting notes (seed 004, 《电子商务平台运营与技术规范》国家标准编制说明, for
// the 2014 draft for comments): §三 gives the chapters and numbered clauses, §五 the sub-items of
// each clause, unnumbered (listed here in the notes' order as `points`), and which clauses are
// internal operation (内在运营要求) and which external service (外在服务要求). The standard was
// published as GB/T 31524-2015 (issued 2015-05-15, in force 2015-12-01); its numbering may differ
// from the draft's — the clause numbers here are the draft's, as the seed gives them.
'use strict';

var ID = 'gbt31524';
var DOCUMENT = 'GB/T 31524';
var VERSION = '2015 (clauses as in the 2014 drafting notes)';

// p(text, en) → a sub-item of a clause, in the notes' words with an English gloss.
function p(text, en) { return { text: text, en: en }; }

// The tree: chapter → clauses → points. `side` is the drafting notes' split (§五 3–5).
var CHAPTERS = [
  { clause: '5', title: '电子商务服务商运营要求', en: 'platform operator (e-commerce service provider)', role: 'platform',
    clauses: [
      { clause: '5.1', title: '资质和经营条件', en: 'qualification and business conditions', side: 'internal' },
      { clause: '5.2', title: '人员管理与培训', en: 'staff management and training', side: 'internal' },
      { clause: '5.3', title: '电子商务平台信息管理系统建设', en: 'platform information management system', side: 'internal' },
      { clause: '5.4', title: '平台用户资质审核与备案', en: 'review and filing of platform users\' qualifications', side: 'external' },
      { clause: '5.5', title: '交易过程监督与信息披露', en: 'supervision of transactions and disclosure', side: 'external' },
      { clause: '5.6', title: '投诉处理与纠纷调解', en: 'complaints and dispute mediation', side: 'external' }
    ] },
  { clause: '6', title: '在线销售商运营要求', en: 'online seller', role: 'seller',
    clauses: [
      { clause: '6.1', title: '资质和经营条件', en: 'qualification and business conditions', side: 'internal' },
      { clause: '6.2', title: '人员管理与培训', en: 'staff management and training', side: 'internal' },
      { clause: '6.3', title: '商品销售和服务信息管理系统', en: 'sales and service information system', side: 'internal' },
      { clause: '6.4', title: '商品质量和服务质量管理体系', en: 'goods and service quality management system', side: 'external',
        points: [
          p('商品供应商资质备案制度', 'filing of suppliers\' qualifications'),
          p('商品进货登记备案制度', 'registration of goods received'),
          p('商品质量标准控制制度', 'control of goods quality standards'),
          p('商品计数管理', 'counting of goods'),
          p('价格管理', 'price management'),
          p('商品质量验货管理', 'quality inspection of goods received'),
          p('商品质量宣传要求', 'claims about goods quality'),
          p('消费者申诉和投诉服务响应机制', 'response to consumer appeals and complaints')
        ] },
      { clause: '6.5', title: '网上支付平台安全保密技术', en: 'security and confidentiality of online payment', side: 'external' },
      { clause: '6.6', title: '订单确认过程的控制', en: 'control of order confirmation', side: 'external' },
      { clause: '6.7', title: '配送服务商管理与货物交接', en: 'management of delivery providers and hand-over of goods', side: 'external',
        points: [
          p('配送服务商管理', 'management of delivery providers'),
          p('与配送服务商货物配送交接过程要求', 'hand-over of goods to the delivery provider'),
          p('货物运输要求', 'transport of goods')
        ] },
      { clause: '6.8', title: '售后管理', en: 'after-sales management', side: 'external' }
    ] },
  { clause: '7', title: '配送服务商运营要求', en: 'delivery provider', role: 'delivery',
    clauses: [
      { clause: '7.1', title: '资质和经营条件', en: 'qualification and business conditions', side: 'internal' },
      { clause: '7.2', title: '企业人员管理', en: 'staff management', side: 'internal' },
      { clause: '7.3', title: '配送服务信息管理系统', en: 'delivery information system', side: 'internal' },
      { clause: '7.4', title: '服务质量管理体系', en: 'service quality management system', side: 'external',
        points: [
          p('配送商品登记备案制度', 'registration of goods for delivery'),
          p('服务价格管理制度', 'service price management'),
          p('配送商品进货、存储、调配、运送服务制度', 'receiving, storing, dispatching and carrying goods'),
          p('配送商品与消费者交接服务准则', 'hand-over of goods to consumers'),
          p('销售商和消费者信息保密制度', 'confidentiality of sellers\' and consumers\' information'),
          p('客户申诉和投诉服务响应机制', 'response to customer appeals and complaints')
        ] },
      { clause: '7.5', title: '配送过程的服务', en: 'service during delivery', side: 'external',
        points: [
          p('销售商订单确认控制要求', 'control of the seller\'s order confirmation'),
          p('配送商品管理要求', 'management of goods in delivery'),
          p('配送服务规范要求', 'delivery service specification')
        ] },
      { clause: '7.6', title: '与销售商货物配送交接过程', en: 'hand-over of goods with the seller', side: 'external' },
      { clause: '7.7', title: '与消费者交接商品服务', en: 'hand-over of goods to the consumer', side: 'external',
        points: [
          p('单据要求', 'documents'),
          p('服务要求', 'service'),
          p('问题商品处理要求', 'handling of problem goods')
        ] },
      { clause: '7.8', title: '售后服务管理', en: 'after-sales service management', side: 'external' }
    ] },
  { clause: '8', title: '支付服务商经营要求', en: 'payment provider', role: 'payment',
    clauses: [
      { clause: '8.1', title: '资质与经营条件', en: 'qualification and business conditions' },
      { clause: '8.2', title: '网上支付服务规范和职业规定', en: 'online payment service rules and professional provisions' }
    ] },
  { clause: '9', title: '消费者信息和利益保护要求', en: 'consumer information and interests', role: 'consumer',
    clauses: [
      { clause: '9.1', title: '消费者信息一般内容', en: 'consumer information in general',
        points: [
          p('消费者被收集的信息', 'information collected from consumers'),
          p('消费者可提供的信息', 'information consumers may give')
        ] },
      { clause: '9.2', title: '消费者信息的保护', en: 'protection of consumer information',
        points: [
          p('电子商务服务商自我约束机制', 'the provider\'s self-discipline'),
          p('消费者信息保护条款', 'consumer information protection terms'),
          p('消费者自愿进行权利的选择', 'consumers\' free choice of their rights')
        ] },
      { clause: '9.3', title: '消费者信息安全与保密', en: 'security and confidentiality of consumer information' },
      { clause: '9.4', title: '消费者利益的保护', en: 'protection of consumer interests' }
    ] },
  { clause: '10', title: '平台运营技术保障要求', en: 'technical safeguards of platform operation', role: 'technical',
    clauses: [
      { clause: '10.1', title: '机房设施', en: 'machine room' },
      { clause: '10.2', title: '基础保障', en: 'basic assurance',
        points: [
          p('系统稳定性要求', 'system stability'),
          p('系统故障恢复要求', 'recovery from system failure'),
          p('信息系统灾难恢复要求', 'disaster recovery')
        ] },
      { clause: '10.3', title: '系统保障', en: 'system assurance',
        points: [
          p('操作系统要求', 'operating system'),
          p('编程语言要求', 'programming language'),
          p('源代码要求', 'source code'),
          p('数据库要求', 'database'),
          p('网络协议要求', 'network protocols'),
          p('网管软件要求', 'network management software')
        ] },
      { clause: '10.4', title: '交易信息保障', en: 'transaction information assurance',
        points: [
          p('用户鉴别', 'user authentication'),
          p('用户权限', 'user permissions'),
          p('数据加密', 'data encryption'),
          p('数据完整', 'data integrity'),
          p('可追溯', 'traceability')
        ] },
      { clause: '10.5', title: '数据备份', en: 'data backup',
        points: [
          p('备份方式', 'backup method'),
          p('备份区域', 'backup location'),
          p('备份周期', 'backup interval'),
          p('备份内容', 'backup content'),
          p('备份软件', 'backup software')
        ] },
      { clause: '10.6', title: '安全管理', en: 'security management',
        points: [
          p('安全管理制度', 'security management rules'),
          p('防火墙', 'firewall'),
          p('防病毒软件', 'anti-virus software'),
          p('离线备份数据存放', 'storage of offline backups')
        ] },
      { clause: '10.7', title: '服务平台系统接口', en: 'platform system interfaces' }
    ] }
];

// Which chapters an online seller is audited against (cnas-ecommerce, C3.4.1.1 1)). The drafting
// notes address each chapter to one party; a seller certified under CNAS-SCXX is audited on its
// own chapter and on consumer protection always, and on the chapters of the parties whose role it
// takes itself: the platform's (5, 10) when it sells on its own platform (自有平台, C3.1.1), the
// delivery provider's (7) when it delivers itself. Chapter 8 binds licensed payment providers only;
// the seller's side of payment is 6.5. This reading is certsh's, stated in every checklist's why.
var APPLIES = {
  platform: { when: 'ownPlatform', text: 'the seller runs its own platform (自有平台), so it answers for the platform operator\'s clauses' },
  seller: { when: true, text: 'the certified party is the online seller' },
  delivery: { when: 'ownDelivery', text: 'the seller delivers with its own staff, so it answers for the delivery provider\'s clauses' },
  payment: { when: false, text: 'binds licensed payment providers only; the seller\'s side of payment is 6.5' },
  consumer: { when: true, text: 'consumer information and interests bind every party' },
  technical: { when: 'ownPlatform', text: 'the platform\'s technical safeguards: the seller answers for them on its own platform' }
};

// fail(code, field, message) → an Error with .code and .field, as the bindings throw.
var fail = require('stdlib/bands').fail;

// cite(clause, text) → a why step citing GB/T 31524.
function cite(clause, text) {
  return { scheme: ID, version: VERSION, clause: '§' + clause, text: text };
}

// row(chapter, c) → a flat checklist row for clause c of chapter.
function row(chapter, c) {
  return { clause: c.clause, title: c.title, en: c.en, chapter: chapter.clause, chapterTitle: chapter.title,
    role: chapter.role, side: c.side || null, points: (c.points || []).map(function (x) { return { text: x.text, en: x.en }; }) };
}

// chapters() → a copy of the requirement tree: [{clause, title, en, role, clauses:[row…]}].
function tree() {
  return CHAPTERS.map(function (ch) {
    return { clause: ch.clause, title: ch.title, en: ch.en, role: ch.role, clauses: ch.clauses.map(function (c) { return row(ch, c); }) };
  });
}

// criteria('gbt31524').item(clause) → {clause, title, en, chapter, role, side, points, why}: one clause or chapter.
function item(clause) {
  var fn = 'gbt31524.item(clause)';
  if (typeof clause !== 'string' || !clause) throw fail('invalid', 'clause', fn + ": clause must be text such as '6.4', got " + JSON.stringify(clause));
  for (var i = 0; i < CHAPTERS.length; i++) {
    var ch = CHAPTERS[i];
    if (ch.clause === clause) {
      return { clause: ch.clause, title: ch.title, en: ch.en, role: ch.role, clauses: ch.clauses.map(function (c) { return c.clause; }),
        why: [cite(ch.clause, ch.title + ' (' + ch.en + ')')] };
    }
    for (var j = 0; j < ch.clauses.length; j++) {
      if (ch.clauses[j].clause === clause) {
        var r = row(ch, ch.clauses[j]);
        r.why = [cite(clause, r.title + ' (' + r.en + '), under ' + ch.clause + ' ' + ch.title)];
        return r;
      }
    }
  }
  throw fail('not-found', 'clause', fn + ': GB/T 31524 has no clause ' + JSON.stringify(clause) + ' (chapters ' +
    CHAPTERS.map(function (ch) { return ch.clause; }).join(', ') + ')');
}

// criteria('gbt31524').checklist(opts) → {items, excluded, why}: the clauses an online seller is audited against,
// opts {ownPlatform, ownDelivery} (booleans, default false). Each excluded chapter says why.
function checklist(opts) {
  var fn = 'gbt31524.checklist({ownPlatform, ownDelivery})';
  var o = opts === undefined || opts === null ? {} : opts;
  if (typeof o !== 'object' || Array.isArray(o)) throw fail('invalid', 'options', fn + ': give an object');
  Object.keys(o).forEach(function (k) {
    if (k !== 'ownPlatform' && k !== 'ownDelivery') throw fail('invalid', k, fn + ": unknown option '" + k + "'");
    if (typeof o[k] !== 'boolean') throw fail('invalid', k, fn + ': ' + k + ' must be true or false, got ' + JSON.stringify(o[k]));
  });
  var items = [], excluded = [], why = [];
  CHAPTERS.forEach(function (ch) {
    var a = APPLIES[ch.role];
    var on = a.when === true || (typeof a.when === 'string' && o[a.when] === true);
    var reason = typeof a.when === 'string' ? (on ? a.text : 'not ' + a.when + ': ' + a.text) : a.text;
    why.push(cite(ch.clause, ch.title + ': ' + (on ? 'audited — ' : 'not audited — ') + reason));
    ch.clauses.forEach(function (c) { (on ? items : excluded).push(row(ch, c)); });
  });
  return { items: items, excluded: excluded, why: why };
}

// The criteria, registered for criteria('gbt31524') and scheme('cnas-ecommerce').criteria.
module.exports = defineCriteria({
  id: ID,
  title: '电子商务平台运营与技术规范',
  document: DOCUMENT,
  version: VERSION,
  issued: '2015-05-15',
  effective: '2015-12-01',
  source: 'seed 004: 《电子商务平台运营与技术规范》国家标准编制说明 §三 (clauses), §五 (sub-items)',
  // tree: chapters, their clauses as children (id = clause number, name = the document's title)
  tree: tree().map(function (ch) {
    return { id: ch.clause, name: ch.title, en: ch.en, role: ch.role,
      children: ch.clauses.map(function (c) { return { id: c.clause, name: c.title, en: c.en, side: c.side, points: c.points }; }) };
  }),
  chapters: tree,
  item: item,
  checklist: checklist,
  cite: cite
});
