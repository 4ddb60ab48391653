// schemes/cnas-ecommerce.js — CNAS-SCXX 《电子商务交易服务认证机构认可方案》 (draft for comments,
// seed 000): what CNAS requires of a body certifying the e-commerce transaction service of online
// sellers (B2C, tangible goods). Part C is how the body certifies; R1.1.1 and R6.2 are what it
// must have done and must do. Criteria: GB/T 31524 (schemes/gbt31524.js) as the audit checklist.
//
// The document states no audit time table, grades, validity, certificate number or surveillance
// frequency (C3.3, C3.9.1 note: "由相应的认证方案规定"): this scheme has no manDays, grade,
// certificateExpiry, certificateNumber or surveillance method, and says so rather than inventing
// them. Where it reads something the draft leaves open, `positions` says how, and `why` shows it.
'use strict';

var gbt = criteria('gbt31524');

// ---- the document's lists ----------------------------------------------------------------------

// The two evaluation activities (C3.4) and how each is normally done.
var ACTIVITIES = [
  { code: 'management-audit', name: '服务管理审核', clause: 'C3.4.1', en: 'service management audit',
    how: 'usually on the applicant\'s premises (C3.4.1.2)' },
  { code: 'requirement-assessment', name: '服务要求测评', clause: 'C3.4.2', en: 'service requirement assessment',
    how: 'usually online: mystery purchase, check of past service footprints, customer survey (C3.4.2.2)' }
];

// The ten areas the service management audit covers at least (C3.4.1.1), with the GB/T 31524
// clauses an auditor checks under each (certsh's mapping: see positions, topic 'checklist').
var AREAS = [
  { n: 1, area: '与适用的电子商务交易服务标准或规范性文件中适用要求的符合情况', en: 'conformity with the applicable standard', gbt31524: ['*'] },
  { n: 2, area: '与适用的法律法规的合规性，包括履行有关消费者权益保护、知识产权保护、网络安全与个人信息保护等方面的义务', en: 'legal compliance: consumer rights, intellectual property, network security, personal information', gbt31524: ['9.2', '9.3', '9.4'] },
  { n: 3, area: '人力资源配置及其管理', en: 'human resources', gbt31524: ['6.2'] },
  { n: 4, area: '适用时，用于支持电子商务交易服务的基础保障（设施、安全保护措施）', en: 'infrastructure and security protection', gbt31524: ['6.3', '10.1', '10.2', '10.6'] },
  { n: 5, area: '为保障电子商务交易安全所实施的风险管理', en: 'risk management: procurement, platform reliability and information security, information management, warehousing and delivery', gbt31524: ['6.4', '6.5', '6.7'],
    points: ['商品采购', '交易/支付平台的可靠性和信息安全', '信息管理', '仓储和物流配送'] },
  { n: 6, area: '电子商务交易服务的运行控制', en: 'operational control', gbt31524: ['6.3', '6.4', '6.5', '6.6', '6.7', '6.8'],
    points: ['a) 商品或服务信息管理', 'b) 商品或服务质量管理', 'c) 订单管理', 'd) 价格管理', 'e) 支付结算', 'f) 仓储和配送服务', 'g) 售后服务'] },
  { n: 7, area: '顾客关系维护和管理', en: 'customer relations', gbt31524: ['9.4'] },
  { n: 8, area: '服务补救措施', en: 'service recovery', gbt31524: ['6.8'] },
  { n: 9, area: '申投诉处理', en: 'appeals and complaints', gbt31524: ['6.4'] },
  { n: 10, area: '绩效评价和改进', en: 'performance evaluation and improvement', gbt31524: [] }
];

// The stages the service requirement assessment covers at least (C3.4.2.1) and its methods (C3.4.2.2).
var ASSESSMENT = {
  stages: [
    { n: 1, stage: '交易前阶段', en: 'before the transaction: information about the organisation, goods and services, and its communication' },
    { n: 2, stage: '交易中阶段', en: 'during the transaction: intent, customer identification, quotation, order confirmation, payment' },
    { n: 3, stage: '交易后阶段', en: 'after the transaction: delivery of the order, returns and exchanges' },
    { n: 4, stage: '顾客服务', en: 'customer service: complaints, dispute resolution, feedback' },
    { n: 5, stage: '顾客数据管理', en: 'customer data: security and privacy' }
  ],
  optional: ['a) 已完成的交易按照规定流程的执行情况', 'b) 已完成的交易的整体服务水平'],
  methods: ['暗访（神秘顾客购买）', '既往服务足迹验证', '顾客调查']
};

// The events of R6.2 that oblige the body to act at once and tell CNAS.
var EVENTS = [
  { code: 'media-exposure', clause: 'R6.2 1)', text: '媒体曝光中涉及与认证相关的事项',
    check: 'counts only when the exposure concerns matters related to the certification' },
  { code: 'spot-check-violation', clause: 'R6.2 2)', text: '国家或行业抽查中发现涉及发布违法信息、发生侵权行为、严重违反国家法律法规的',
    check: 'found by a state or industry spot check' },
  { code: 'major-incident', clause: 'R6.2 2)', text: '出现重大的服务质量安全事故和信息安全事故',
    check: 'a major service-quality safety incident or information-security incident' },
  { code: 'consumer-harm', clause: 'R6.2 3)', text: '已严重损害消费者或相关方合法权益的',
    check: 'serious harm already done to consumers\' or others\' lawful rights' },
  { code: 'other-serious', clause: 'R6.2 4)', text: '其他严重情况',
    check: 'any other serious situation: the body records what it was' }
];

// The measures the note to R6.2 names.
var MEASURES = [
  { code: 'suspend-until-remedied', text: '在获证组织采取补救措施前暂停认证', en: 'suspend until the certified seller has remedied' },
  { code: 'reduce-scope', text: '缩小认证范围', en: 'reduce the scope' },
  { code: 'withdraw', text: '撤销认证', en: 'withdraw the certification' },
  { code: 'increase-surveillance', text: '增加监督频次', en: 'increase surveillance frequency' }
];

// What the body weighs when it sets the surveillance programme (C3.9.2): fact → text.
var FACTORS = [
  { fact: 'complexity', text: '在线销售商服务的复杂性', en: 'complexity of the seller\'s service' },
  { fact: 'risk', text: '风险', en: 'risk' },
  { fact: 'blueprintChanged', text: '服务蓝图或服务流程的变化', en: 'changes of the service blueprint or process' },
  { fact: 'incidents', text: '服务事故', en: 'service incidents' },
  { fact: 'complaints', text: '顾客投诉', en: 'customer complaints' },
  { fact: 'platformPenalties', text: '电商平台的处罚情况', en: 'penalties imposed by the e-commerce platform' },
  { fact: 'managementSystemChanged', text: '影响服务符合性的服务管理体系的变更', en: 'changes of the service management system affecting conformity' }
];

// fail(code, field, message) → an Error with .code and .field, as the bindings throw.
var fail = require('stdlib/bands').fail;

// objectArg(o, fn, field) → o when it is a plain object, else throws naming field.
function objectArg(o, fn, field) {
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw fail('invalid', field, fn + ': ' + field + ' must be an object {…}, got ' + JSON.stringify(o));
  return o;
}

// activity(code, fn, field) → the activity with that code, or throws listing the valid ones.
function activity(code, fn, field) {
  for (var i = 0; i < ACTIVITIES.length; i++) if (ACTIVITIES[i].code === code) return ACTIVITIES[i];
  throw fail('invalid', field, fn + ': unknown evaluation activity ' + JSON.stringify(code) + '; valid: ' +
    ACTIVITIES.map(function (a) { return a.code + ' (' + a.name + ', ' + a.clause + ')'; }).join(', '));
}

// shopsArg(list, fn, field) → [{domain, platform}] with domains in lower case; refuses a shop
// without both, or the same domain twice.
function shopsArg(list, fn, field) {
  if (!Array.isArray(list)) throw fail('invalid', field, fn + ': ' + field + ' must be a list [{domain, platform}], got ' + JSON.stringify(list));
  var seen = {};
  return list.map(function (s, i) {
    var f = field + '[' + i + ']';
    if (!s || typeof s.domain !== 'string' || !/^[a-z0-9.-]+(\/[^\s]*)?$/i.test(s.domain.trim())) {
      throw fail('invalid', f + '.domain', fn + ': ' + f + '.domain must be the shop\'s domain (网店域名), e.g. shop.example.com, got ' + JSON.stringify(s && s.domain));
    }
    if (typeof s.platform !== 'string' || !s.platform.trim()) {
      throw fail('invalid', f + '.platform', fn + ': ' + f + '.platform must name the e-commerce platform (电子商务平台) of ' + s.domain + ', got ' + JSON.stringify(s.platform));
    }
    var d = s.domain.trim().toLowerCase();
    if (seen[d]) throw fail('duplicate', f + '.domain', fn + ': shop domain ' + d + ' is listed twice');
    seen[d] = true;
    return { domain: d, platform: s.platform.trim() };
  });
}

// platformsOf(shops) → the distinct platforms, in order of first appearance.
function platformsOf(shops) {
  var out = [];
  shops.forEach(function (s) { if (out.indexOf(s.platform) < 0) out.push(s.platform); });
  return out;
}

// ---- rules needing logic (methods of the Scheme; ctx.cite(clause, text) makes a why step) ----

// evaluation({audit, activities, managementAudit: {mode, justification, securityAgreed}}) →
// {ok, required, missing, problems, why}: whether the planned evaluation meets C3.4, C3.8 and,
// for an audit not on site, C3.4.1.2–3.
function evaluation(input, ctx) {
  var fn = 'evaluation({audit, activities, managementAudit})';
  objectArg(input, fn, 'input');
  var audit = input.audit;
  if (['initial', 'surveillance', 'recertification', 'extension'].indexOf(audit) < 0) {
    throw fail('invalid', 'audit', fn + ': audit must be initial, surveillance, recertification or extension, got ' + JSON.stringify(audit));
  }
  if (!Array.isArray(input.activities)) throw fail('invalid', 'activities', fn + ': activities must list the planned activity codes, e.g. [\'management-audit\']');
  var planned = input.activities.map(function (c, i) { return activity(c, fn, 'activities[' + i + ']').code; });
  var why = [ctx.cite('C3.4', 'the body evaluates by one or more activities: 服务管理审核 (service management audit) and 服务要求测评 (service requirement assessment)')];
  var required = [];
  if (audit === 'initial') {
    required = ACTIVITIES.map(function (a) { return a.code; });
    why.push(ctx.cite('C3.8', 'initial certification includes at least both the service management audit and the service requirement assessment'));
  } else if (audit === 'recertification') {
    required = ACTIVITIES.map(function (a) { return a.code; });
    why.push(ctx.cite('C3.10', 'recertification follows the applicable parts of C3.4 to C3.7'));
    why = why.concat(position(ctx, 'recertification'));
  } else if (audit === 'surveillance') {
    why.push(ctx.cite('C3.9.1', 'surveillance checks continued conformity; its activities and frequency are set by the certification scheme, not by this document'));
  } else {
    why.push(ctx.cite('C3.11', 'the body reviews the extension application to decide which evaluation is needed; it may be done with a surveillance'));
  }
  var missing = required.filter(function (c) { return planned.indexOf(c) < 0; });
  missing.forEach(function (c) { why.push(ctx.cite(activity(c).clause, 'missing: ' + activity(c).name + ' (' + activity(c).en + ')')); });
  var problems = [];
  var ma = input.managementAudit;
  if (ma !== undefined) {
    objectArg(ma, fn, 'managementAudit');
    if (ma.mode !== undefined && ma.mode !== 'onsite' && ma.mode !== 'remote') throw fail('invalid', 'managementAudit.mode', fn + ": managementAudit.mode must be 'onsite' or 'remote', got " + JSON.stringify(ma.mode));
    if (ma.mode === 'remote') {
      if (typeof ma.justification !== 'string' || !ma.justification.trim()) {
        problems.push({ field: 'managementAudit.justification', clause: 'C3.4.1.2', text: 'a service management audit not on site must state why it is justified, and keep the evaluation complete and credible' });
      }
      if (ma.securityAgreed !== true) {
        problems.push({ field: 'managementAudit.securityAgreed', clause: 'C3.4.1.3', text: 'before evaluating online, the body and its client agree information-security measures keeping what is sent secure, confidential and unaltered' });
      }
      why.push(ctx.cite('C3.4.1.2', 'the service management audit is normally on site; remote only with a stated justification'));
    }
  }
  problems.forEach(function (p) { why.push(ctx.cite(p.clause, 'problem: ' + p.text)); });
  return { ok: missing.length === 0 && problems.length === 0, required: required, missing: missing, problems: problems, why: why };
}

// conclusion({audit, results: {code: {conforms, reason}}}) → {conforms, statement, reasons, why}:
// the conformity statement of the report (C3.5 9)) from the activities' results; a result that
// does not conform must give its reason, which the refusal must state in writing (C3.6.2).
function conclusion(input, ctx) {
  var fn = 'conclusion({audit, results})';
  objectArg(input, fn, 'input');
  var results = objectArg(input.results, fn, 'results');
  Object.keys(results).forEach(function (c) { activity(c, fn, 'results'); });
  var plan = evaluation({ audit: input.audit, activities: Object.keys(results) }, ctx);
  if (plan.missing.length) {
    throw fail('incomplete', 'results', fn + ': no conclusion without ' + plan.missing.map(function (c) { return activity(c).name + ' (' + c + ')'; }).join(' and ') +
      ': ' + input.audit + ' certification requires ' + plan.required.join(' and ') + ' (C3.8)');
  }
  var why = plan.why.slice(), reasons = [];
  Object.keys(results).forEach(function (c) {
    var r = objectArg(results[c], fn, 'results.' + c), a = activity(c);
    if (typeof r.conforms !== 'boolean') throw fail('invalid', 'results.' + c + '.conforms', fn + ': results.' + c + '.conforms must be true or false, got ' + JSON.stringify(r.conforms));
    if (!r.conforms) {
      if (typeof r.reason !== 'string' || !r.reason.trim()) {
        throw fail('invalid', 'results.' + c + '.reason', fn + ': ' + a.name + ' does not conform: give the reason (C3.6.2: the applicant is told in writing why it cannot be certified)');
      }
      reasons.push(a.name + ': ' + r.reason.trim());
    }
    why.push(ctx.cite(a.clause, a.name + (r.conforms ? ' conforms' : ' does not conform: ' + r.reason.trim())));
  });
  var conforms = reasons.length === 0;
  var statement = conforms ? '符合认证要求 (conforms to the certification requirements)' : '不符合认证要求 (does not conform to the certification requirements)';
  why.push(ctx.cite('C3.5 9)', 'conformity statement: ' + statement));
  why.push(ctx.cite('C3.6.2', conforms ? 'the decision may grant a certificate, also issued as an electronic certificate on the e-commerce certification information platform'
    : 'the decision refuses, telling the applicant in writing why: ' + reasons.join('; ')));
  return { conforms: conforms, statement: statement, reasons: reasons, activities: Object.keys(results), why: why };
}

// extendScope({current: {scope, shops}, add: {categories, shops}}) → {scope, shops, platforms,
// added, why}: an extension adding service categories, shop domains or platforms (C3.11), the
// certificate keeping its number and expiry.
function extendScope(input, ctx) {
  var fn = 'extendScope({current: {scope, shops}, add: {categories, shops}})';
  objectArg(input, fn, 'input');
  var cur = objectArg(input.current, fn, 'current'), add = objectArg(input.add, fn, 'add');
  var scope = typeof cur.scope === 'string' ? [cur.scope] : Array.isArray(cur.scope) ? cur.scope.slice() : null;
  if (!scope) throw fail('invalid', 'current.scope', fn + ': current.scope must be the certified categories (text or a list)');
  var shops = shopsArg(cur.shops || [], fn, 'current.shops');
  var cats = add.categories === undefined ? [] : add.categories;
  if (!Array.isArray(cats) || cats.some(function (c) { return typeof c !== 'string' || !c.trim(); })) {
    throw fail('invalid', 'add.categories', fn + ': add.categories must be a list of service categories (text)');
  }
  var newShops = shopsArg(add.shops || [], fn, 'add.shops');
  if (!cats.length && !newShops.length) throw fail('invalid', 'add', fn + ': add names nothing: give categories and/or shops [{domain, platform}]');
  cats.forEach(function (c) {
    if (scope.indexOf(c.trim()) >= 0) throw fail('duplicate', 'add.categories', fn + ': category ' + JSON.stringify(c) + ' is already in the scope');
  });
  newShops.forEach(function (s) {
    shops.forEach(function (t) {
      if (t.domain === s.domain) throw fail('duplicate', 'add.shops', fn + ': shop ' + s.domain + ' is already certified (on ' + t.platform + ')');
    });
  });
  var before = platformsOf(shops);
  var all = shops.concat(newShops), platforms = platformsOf(all);
  var added = { categories: cats.map(function (c) { return c.trim(); }), shops: newShops,
    platforms: platforms.filter(function (p) { return before.indexOf(p) < 0; }) };
  var why = [ctx.cite('C3.11', 'the body reviews the extension application to decide the evaluation needed; it may be done together with a surveillance')];
  if (added.categories.length) why.push(ctx.cite('C3.11 注', 'new service categories (电子商务交易服务类别): ' + added.categories.join(', ')));
  if (newShops.length) why.push(ctx.cite('C3.11 注', 'new shop domains (网店域名): ' + newShops.map(function (s) { return s.domain + ' on ' + s.platform; }).join(', ')));
  if (added.platforms.length) why.push(ctx.cite('C3.11 注', 'new e-commerce platforms (电子商务平台): ' + added.platforms.join(', ')));
  why.push(ctx.cite('C3.7.1 3)', 'the certificate names every shop domain and platform: ' + all.map(function (s) { return s.domain + ' (' + s.platform + ')'; }).join(', ')));
  why = why.concat(position(ctx, 'extension'));
  return { scope: scope.concat(added.categories), shops: all, platforms: platforms, added: added, why: why };
}

// checkCertificate({body, bodyAddress, certificationMark, accreditationMark, holder, shops,
// premises, scope, standards, issued, validUntil, number}) → {ok, missing, why}: the contents
// C3.7.1 requires, shop domain and platform included.
function checkCertificate(cert, ctx) {
  var fn = 'checkCertificate(certificate)';
  objectArg(cert, fn, 'certificate');
  var has = function (k) { var v = cert[k]; return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && !v.length); };
  var checks = [
    { keys: ['body', 'bodyAddress', 'certificationMark'], item: 1 },
    { keys: ['accreditationMark'], item: 2 },
    { keys: ['holder', 'shops'], item: 3 },
    { keys: ['scope'], item: 4 },
    { keys: ['standards'], item: 5 },
    { keys: ['issued'], item: 6 },
    { keys: ['number'], item: 7 }
  ];
  var req = REQUIRES.certificate, missing = [], why = [];
  checks.forEach(function (c) {
    var absent = c.keys.filter(function (k) { return !has(k); });
    var r = req[c.item - 1];
    if (absent.length) missing.push({ item: r.item, clause: r.clause, fields: absent });
    why.push(ctx.cite(r.clause, (absent.length ? 'missing ' + absent.join(', ') + ': ' : 'present: ') + r.item));
  });
  if (has('shops')) shopsArg(cert.shops, fn, 'shops');
  var forbidden = has('accreditationMark') && /IAF[\s-]*MLA/i.test(String(cert.accreditationMark));
  if (forbidden) {
    missing.push({ item: 'IAF-MLA/CNAS 联合标识不得用于电子商务交易服务认证', clause: 'R5', fields: ['accreditationMark'] });
    why.push(ctx.cite('R5', 'refused: ' + JSON.stringify(cert.accreditationMark) + ' — 获得认可的电子商务交易服务认证机构不得针对电子商务交易服务认证使用IAF-MLA/CNAS 联合标识'));
  }
  return { ok: missing.length === 0, missing: missing, why: why };
}

// surveillanceFactors(facts) → {factors, review, why}: the C3.9.2 factors as they stand for one
// seller, and whether the programme should be reviewed (any change, incident, complaint or penalty).
function surveillanceFactors(facts, ctx) {
  var fn = 'surveillanceFactors(facts)';
  objectArg(facts, fn, 'facts');
  Object.keys(facts).forEach(function (k) {
    if (!FACTORS.some(function (f) { return f.fact === k; })) {
      throw fail('invalid', k, fn + ": unknown factor '" + k + "' (C3.9.2 factors: " + FACTORS.map(function (f) { return f.fact; }).join(', ') + ')');
    }
  });
  var why = [ctx.cite('C3.9.2', 'the surveillance programme considers: ' + FACTORS.map(function (f) { return f.text; }).join('、'))];
  var review = false;
  var factors = FACTORS.map(function (f) {
    var v = facts[f.fact];
    var present = v !== undefined && v !== null && v !== false && v !== 0 && v !== 'low';
    if (present && f.fact !== 'complexity' && f.fact !== 'risk') review = true;
    if (v !== undefined) why.push(ctx.cite('C3.9.2', f.text + ' (' + f.en + '): ' + JSON.stringify(v)));
    return { fact: f.fact, text: f.text, value: v === undefined ? null : v, present: present };
  });
  why = why.concat(position(ctx, 'surveillance'));
  return { factors: factors, review: review, why: why };
}

// checklist({ownPlatform, ownDelivery}) → {areas, items, excluded, why}: the audit checklist —
// the ten areas of C3.4.1.1 with the GB/T 31524 clauses each one checks.
function checklist(opts, ctx) {
  var g = gbt.checklist(opts);
  var on = g.items.map(function (r) { return r.clause; });
  var areas = AREAS.map(function (a) {
    var clauses = a.gbt31524[0] === '*' ? on.slice() : a.gbt31524.filter(function (c) { return on.indexOf(c) >= 0; });
    return { n: a.n, area: a.area, en: a.en, clause: 'C3.4.1.1 ' + a.n + ')', points: (a.points || []).slice(), gbt31524: clauses };
  });
  var why = [ctx.cite('C3.4.1.1', 'the service management audit covers at least ten areas; conformity with GB/T 31524 (§2 normative reference) is the first')]
    .concat(g.why, position(ctx, 'checklist'));
  return { areas: areas, items: g.items, excluded: g.excluded, why: why };
}

// accreditationReadiness({scope, asOf}) → {ok, completed, needed, projects, why}: R1.1.1 3) —
// before applying for accreditation the body has carried out at least 3 complete certification
// projects in the scope applied for. Read from the register: cases of this scheme decided on or
// before asOf (default today()), optionally only those whose scope contains `scope`.
function accreditationReadiness(input, ctx) {
  var fn = 'accreditationReadiness({scope, asOf})';
  var o = input === undefined || input === null ? {} : objectArg(input, fn, 'input');
  var asOf = o.asOf === undefined ? today() : date.check(o.asOf, 'asOf');
  if (o.scope !== undefined && (typeof o.scope !== 'string' || !o.scope.trim())) throw fail('invalid', 'scope', fn + ': scope must be text (a service category), got ' + JSON.stringify(o.scope));
  var rows = sql('SELECT c.id AS caseId, o.name AS org, c.scope AS scope, min(d.date) AS decided,' +
    " max(d.positive) AS certified FROM cases c JOIN orgs o ON o.id = c.org_id JOIN decisions d ON d.case_id = c.id" +
    ' WHERE c.scheme = ? AND d.date <= ? AND (? IS NULL OR instr(c.scope, ?) > 0) GROUP BY c.id ORDER BY decided, c.id',
  [ctx.scheme.id, asOf, o.scope === undefined ? null : o.scope.trim(), o.scope === undefined ? null : o.scope.trim()]);
  var projects = rows.map(function (r) { return { caseId: r.caseId, org: r.org, scope: r.scope, decided: r.decided, certified: r.certified === 1 }; });
  var ok = projects.length >= 3;
  var why = [ctx.cite('R1.1.1 3)', 'at least 3 complete certification projects in the scope applied for' + (o.scope ? ' (' + o.scope.trim() + ')' : '') +
    ': ' + projects.length + ' by ' + asOf + (ok ? '' : ' — not yet ready to apply'))].concat(position(ctx, 'readiness'));
  return { ok: ok, completed: projects.length, needed: 3, projects: projects, why: why };
}

// position(ctx, topic) → the why steps of the positions this scheme takes on topic.
function position(ctx, topic) {
  return ctx.scheme.positions.filter(function (p) { return p.topic === topic; }).map(function (p) { return ctx.cite(p.clause, 'position: ' + p.text); });
}

// measures(eventCode) → {event, measures, notify, why}: what the body may do after an R6.2 event.
function measures(code, ctx) {
  var ev = null;
  EVENTS.forEach(function (e) { if (e.code === code) ev = e; });
  if (!ev) {
    throw fail('invalid', 'event', 'measures(eventCode): unknown R6.2 event ' + JSON.stringify(code) + '; valid: ' +
      EVENTS.map(function (e) { return e.code + ' (' + e.clause + ')'; }).join(', '));
  }
  var why = [
    ctx.cite(ev.clause, ev.text + ' — ' + ev.check),
    ctx.cite('R6.2', 'the body takes the corresponding measures at once (及时) and reports the case to CNAS'),
    ctx.cite('R6.2 注', 'suitable measures may include: ' + MEASURES.map(function (m) { return m.text; }).join('；'))
  ].concat(position(ctx, 'measures'));
  return { event: { code: ev.code, clause: ev.clause, text: ev.text }, measures: MEASURES.map(function (m) { return { code: m.code, text: m.text, en: m.en }; }),
    notify: 'CNAS', why: why };
}

// ---- required contents ------------------------------------------------------------------------------

var REQUIRES = {
  // C3.1.2 7) "需要时的其他信息" is open-ended and not listed.
  application: [
    { item: '申请人的名称、网店域名、电子商务平台，适用时包括经营场所或地点', clause: 'C3.1.2 1)' },
    { item: '相关资质证明文件或查询渠道，适用时包括有特殊规定和要求的行政许可', clause: 'C3.1.2 2)' },
    { item: '申请认证的范围', clause: 'C3.1.2 3)' },
    { item: '电子商务交易服务蓝图或服务流程，适用时包括支持其运作的基础设施', clause: 'C3.1.2 4)' },
    { item: '影响电子商务交易服务符合性的外包过程的信息，如物流服务、支付服务', clause: 'C3.1.2 5)' },
    { item: '申请人已按认证标准或规范要求建立并实施的服务管理文件', clause: 'C3.1.2 6)' }
  ],
  report: [
    { item: '评价的目的、范围和准则', clause: 'C3.5 1)' },
    { item: '申请人的名称、网店域名，适用时包括经营场所', clause: 'C3.5 2)' },
    { item: '认证范围', clause: 'C3.5 3)' },
    { item: '评价活动的实施日期和地点', clause: 'C3.5 4)' },
    { item: '抽样及样本信息', clause: 'C3.5 5)' },
    { item: '服务管理审核结果及其说明（包括定性、定量的信息分析）', clause: 'C3.5 6)' },
    { item: '服务要求测评结果及其说明（包括定性、定量的信息分析）', clause: 'C3.5 7)' },
    { item: '适用时，处理不符合或未达到认证要求的重要事项的说明', clause: 'C3.5 8)' },
    { item: '与有关认证要求的符合性陈述', clause: 'C3.5 9)' },
    { item: '报告覆盖的时间段', clause: 'C3.5 10)' },
    { item: '结论', clause: 'C3.5 11)' }
  ],
  // C3.7.1 8) "其他需要标注的内容" is open-ended and not listed.
  certificate: [
    { item: '认证机构的名称、地址及其认证标志', clause: 'C3.7.1 1)' },
    { item: '电子商务交易服务认可标识', clause: 'C3.7.1 2)' },
    { item: '证书持有人的名称、网店域名和电子商务平台，以及（适用时）经营场所', clause: 'C3.7.1 3)' },
    { item: '认证范围', clause: 'C3.7.1 4)' },
    { item: '认证所依据的服务标准、技术规范或其他规范性文件', clause: 'C3.7.1 5)' },
    { item: '发证日期和认证有效期（适用时）', clause: 'C3.7.1 6)' },
    { item: '证书编号', clause: 'C3.7.1 7)' }
  ]
};

// ---- the scheme ------------------------------------------------------------------------------------

defineScheme({
  id: 'cnas-ecommerce',
  version: 'draft',
  effective: '2015-12-01',
  title: '电子商务交易服务认证机构认可方案',
  owner: 'CNAS 中国合格评定国家认可中心',
  document: 'CNAS-SCXX (征求意见稿)',
  criteria: ['gbt31524'],
  // The certificate's contents, in the order of C3.7.1 (2) 认可标识 and 8) 其他需要标注的内容 have no field in the register)
  certificate: {
    clause: 'C3.7.1', title: '电子商务交易服务认证证书',
    fields: [
      { field: 'body', label: '认证机构的名称', clause: 'C3.7.1 1)' },
      { field: 'bodyAddress', label: '地址', clause: 'C3.7.1 1)' },
      { field: 'holder', label: '证书持有人的名称', clause: 'C3.7.1 3)' },
      { field: 'shops', label: '网店域名和电子商务平台', clause: 'C3.7.1 3)' },
      { field: 'holderAddress', label: '经营场所', clause: 'C3.7.1 3)' },
      { field: 'scope', label: '认证范围', clause: 'C3.7.1 4)' },
      { field: 'standard', label: '认证所依据的服务标准、技术规范或其他规范性文件', value: 'GB/T 31524《电子商务平台运营与技术规范》、GB/T 31526《电子商务平台服务质量评价与等级划分》', clause: 'C3.7.1 5)' },
      { field: 'issued', label: '发证日期', clause: 'C3.7.1 6)' },
      { field: 'validity', label: '认证有效期', clause: 'C3.7.1 6)' },
      { field: 'number', label: '证书编号', clause: 'C3.7.1 7)' }
    ]
  },
  model: {
    clause: 'C3.4',
    scope: { clause: '1.2', text: '仅限于通过B2C模式进行的有形商品的交易服务认证', en: 'B2C trade in tangible goods only',
      applicants: { clause: 'C3.1.1', text: '在电子商务平台（包括第三方交易平台和自有平台）上从事有形商品交易活动的在线销售商' } },
    references: ['CNAS-CC02 (ISO/IEC 17065)', 'CNAS-RC01', 'CNAS-R01', 'CNAS-RC03', 'GB/T 31524', 'GB/T 31526'],
    activities: ACTIVITIES,
    initial: { clause: 'C3.8', requires: ['management-audit', 'requirement-assessment'] },
    areas: AREAS,
    assessment: ASSESSMENT,
    events: EVENTS,
    measures: MEASURES,
    surveillanceFactors: FACTORS,
    extension: { clause: 'C3.11', adds: ['电子商务交易服务类别', '网店域名', '电子商务平台'] },
    timeFactors: { clause: 'C3.3.2', factors: ['电子商务平台运营特点、规模和运作的复杂程度', '需访问的服务场所', '申请认证的范围',
      '技术和法规环境', '所实施的评价活动', '所使用的测评方法和技术', '服务活动的外包情况', '与服务活动相关联的风险'] }
  },

  // C3.1.1: who may apply. Facts are org.facts; a fact not given is left for the reviewer.
  eligibility: function (facts, ctx) {
    var r = ctx.lifecycle.eligibility(ELIGIBILITY, facts, ctx.cite);
    var m = facts && facts.model;
    if (m !== undefined && m !== null) {
      var ok = m === 'B2C' || m === 'C2C-platform';
      r.why.push(ctx.cite(m === 'C2C-platform' ? 'C3.1.1 注' : '1.2', 'model = ' + JSON.stringify(m) + ': ' + (ok ? 'ok' : 'refused') +
        ' — the certification covers B2C trade in tangible goods; a third party serving C2C trade online may also apply'));
      if (!ok) {
        r.refusals.push({ code: 'not-b2c', clause: '1.2', text: '本文件所涉及的电子商务交易服务认证仅限于通过B2C模式进行的有形商品的交易服务认证' });
        r.ok = false;
      }
    } else {
      r.unchecked.push('model');
      r.why.push(ctx.cite('1.2', 'model not stated: check the applicant trades B2C (or serves C2C trade as a third party, C3.1.1 注)'));
    }
    return r;
  },

  requires: REQUIRES,

  // What the register may decide, and when (stdlib/workflow: the ISO/IEC 17065 base, CNAS's words).
  // The evaluation is the conformity conclusion of the two activities (conclusion()), not a score.
  workflow: {
    clause: 'C3.6',
    decisionGuards: [{ code: 'report', clause: 'C3.5', text: '认证机构应为每次评价活动提供书面报告' },
      { code: 'decider-competent', check: 'competent', activity: 'decide', clause: 'C2.5', text: '确保做出认证决定的小组或个人…经证实有能力做出认证决定' }],
    transitions: {
      audit: { guards: [{ code: 'competent', check: 'competent', activity: 'audit', clause: 'C2.2 1)', text: '对照能力准则…评价和证实其认证人员实际具有的能力，确保所使用的人员仅从事已经证实其具备能力的特定活动' }] },
      accept: { guards: [{ code: 'facts-stated', check: 'factsStated', clause: 'C3.1.1', text: '申请认证的在线销售商应满足 1)-6): each stated, or checked by the reviewer' }] },
      certify: {
        grade: { from: 'none', clause: 'C3.5 9)', text: 'no grade: the certificate is granted on the conformity statement' },
        guards: [
          { code: 'activities', check: 'activities', required: ['management-audit', 'requirement-assessment'], clause: 'C3.8', text: '初次认证的评价活动至少应包括服务管理审核和服务要求测评' },
          { code: 'passes', clause: 'C3.6.2', text: '对于符合认证要求的受评价方，认证机构应颁发认证证书 (the conformity statement of C3.5 9))' },
          { code: 'shops', check: 'shops', clause: 'C3.7.1 3)', text: '证书持有人的名称、网店域名和电子商务平台' }] },
      refuse: { guards: [{ code: 'reason', clause: 'C3.6.2', text: '对于不符合认证要求的受评价方，认证机构应以书面的形式，明示其不能获得认证的原因' }] },
      recertify: {
        grade: { from: 'none', clause: 'C3.5 9)', text: 'no grade' },
        guards: [{ code: 'activities', check: 'activities', required: ['management-audit', 'requirement-assessment'], clause: 'C3.10', text: 'recertification follows C3.4-C3.7: both activities (position)' }] },
      maintain: { guards: [{ code: 'passes', clause: 'C3.9.1', text: '确保其持续符合认证所依据的标准或规范性文件要求' }] }
    },
    actions: [
      { code: 'r62-report', when: 'notReported', do: 'report', to: 'CNAS', clause: 'R6.2', dueText: '及时: at once, the document sets no period',
        text: '对于获证的在线销售商发生具有重大影响的情况时，认证机构应及时采取相应措施并向CNAS通报有关情况' },
      { code: 'r62-measures', when: 'verifiedCause', do: 'suspend', clause: 'R6.2', dueText: '及时: at once, the document sets no period',
        text: '认证机构应及时采取相应措施 (suspend until remedied, reduce the scope, withdraw, or increase surveillance: R6.2 注)' }
    ]
  },

  causes: {
    incident: EVENTS.map(function (e) { return { code: e.code, clause: e.clause, text: e.text }; }),
    suspension: [
      { code: 'r62-event', clause: 'R6.2 注', text: '发生R6.2所列重大影响情况：在获证组织采取补救措施前暂停认证' },
      { code: 'misuse', clause: 'C3.7.3 注', text: '证书或认证标志的误用：措施可以包括暂停认证' }
    ],
    withdrawal: [
      { code: 'r62-event', clause: 'R6.2 注', text: '发生R6.2所列重大影响情况：撤销认证' },
      { code: 'misuse', clause: 'C3.7.3 注', text: '证书或认证标志的误用：措施可以包括撤销认证、收回服务认证证书和服务认证标志' }
    ],
    restoration: [
      { code: 'remedied', clause: 'R6.2 注', text: '获证组织已采取补救措施（暂停至补救为止）' }
    ]
  },

  measures: measures,

  positions: [
    { topic: 'effective', clause: '前言', text: 'the draft for comments has no date of issue ("本文件 XXX 年首次发布"); certsh treats it as usable from 2015-12-01, when its criteria GB/T 31524-2015 came into force. Replace with the date CNAS publishes.' },
    { topic: 'measures', clause: 'R6.2 注', text: 'the note lists the measures without tying them to events: every event offers all four, and the body chooses and records which it takes; it always reports to CNAS' },
    { topic: 'recertification', clause: 'C3.10', text: 'the draft sets no cycle; when a scheme has one, certsh plans recertification with both activities, as C3.10 sends it back to C3.4' },
    { topic: 'surveillance', clause: 'C3.9.1 注', text: 'no frequency is set by this document; any change, incident, complaint or platform penalty flags the programme for review, and R6.2 events may increase the frequency' },
    { topic: 'checklist', clause: 'C3.4.1.1', text: 'the GB/T 31524 clauses under each area are certsh\'s mapping of the area\'s words to the standard\'s clauses; area 10 (performance evaluation and improvement) has no matching clause in the standard\'s drafting notes' },
    { topic: 'extension', clause: 'C3.11', text: 'an extension changes the certified scope and shops; the certificate keeps its number and expiry (ISO/IEC 17065 7.10, as in every certsh scheme)' },
    { topic: 'readiness', clause: 'R1.1.1 3)', text: 'a project counts as complete once a certification decision was made on it (certificate granted or refused), on or before the date asked' }
  ],

  methods: {
    evaluation: evaluation,
    conclusion: conclusion,
    extendScope: extendScope,
    checkCertificate: checkCertificate,
    surveillanceFactors: surveillanceFactors,
    checklist: checklist,
    accreditationReadiness: accreditationReadiness
  }
});

// C3.1.1 1)–6) as checks on org.facts.
var ELIGIBILITY = [
  { code: 'no-legal-status', fact: 'legalStatus', refuseIf: false, clause: 'C3.1.1 1)', text: '具有合法的法律地位，能够独立承担经济和法律责任' },
  { code: 'no-licence', fact: 'licence', refuseIf: false, clause: 'C3.1.1 2)', text: '具备相关资质或经过相关注册，法规有要求时已取得法定的行政许可' },
  { code: 'no-secure-system', fact: 'itSystem', refuseIf: false, clause: 'C3.1.1 3)', text: '具有保障电子商务交易稳定运行的计算机信息系统和安全环境' },
  { code: 'no-complaint-mechanism', fact: 'complaintMechanism', refuseIf: false, clause: 'C3.1.1 4)', text: '建立有适宜的商品交易服务管理制度和申投诉处理响应机制' },
  { code: 'no-safety-commitment', fact: 'safetyCommitment', refuseIf: false, clause: 'C3.1.1 5) a)', text: '承诺所提供的产品（商品）和服务符合保障人身、财产安全要求和国家的相关标准' },
  { code: 'no-privacy-commitment', fact: 'privacyCommitment', refuseIf: false, clause: 'C3.1.1 5) b)', text: '承诺遵循与个人隐私和信息安全有关的法律法规和要求' },
  { code: 'serious-dishonesty-list', fact: 'seriousDishonestyList', refuseIf: true, clause: 'C3.1.1 6)', text: '未列入国家信用信息严重失信主体相关名录' },
  { code: 'not-tangible-goods', fact: 'tangibleGoods', refuseIf: false, clause: '1.2', text: '仅限于有形商品的交易服务' }
];
