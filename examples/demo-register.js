// examples/demo-register.js — a realistic demo register, built through the register API.
//
//   certsh [--as-of DATE] --timeout 0 run examples/demo-register.js [--seed N] [--orgs N] [--into-nonempty]
//
// A few thousand organisations (default 2000) across four schemes — the after-sales schemes
// cas-service, dni-aftersales and cfc-sc14, and for online sellers example-ecommerce (a body's
// scheme under the CNAS e-commerce draft) — each with a history over the five years before the
// as-of date: application and review, initial evaluation (an audit with findings and a score;
// for online sellers both activities of C3.8, the on-site service management audit and the
// online service requirement assessment, and the conformity conclusion of C3.5 instead of a
// score), decision by people who did not audit, certificate, surveillance audits (some late,
// some missed), nonconformities corrected or left open, suspensions restored or ending in
// withdrawal, recertification or expiry, complaints, appeals and incidents (R6.2 events for
// online sellers, most acted upon, recent ones not yet). Deterministic: the same seed and as-of
// date give the same register.
// Everything is one transaction: the register is built whole or not at all. On a register that
// already holds records it stops (a usage error) unless given --into-nonempty.
'use strict';

// ---- options and the seeded random numbers ----------------------------------------------------

var SEED = 20240601, ORGS = 2000;
(function parse(list) {
  for (var i = 0; i < list.length; i++) {
    var v = list[i + 1];
    if ((list[i] === '--seed' || list[i] === '--orgs') && /^\d{1,9}$/.test(v || '')) {
      if (list[i] === '--seed') SEED = Number(v); else ORGS = Math.max(1, Number(v));
      i++;
    } else {
      var err = new Error('demo-register: unknown or incomplete argument \'' + list[i] + '\'; usage: run examples/demo-register.js [--seed N] [--orgs N] [--into-nonempty]');
      err.code = 'usage';
      throw err;
    }
  }
})(require('stdlib/walkthrough').guardEmpty('examples/demo-register.js', typeof args === 'undefined' ? [] : args));

// mulberry32: a small, well-known 32-bit PRNG; enough for demo data, and the same everywhere.
var state = SEED >>> 0;
function random() {
  state = (state + 0x6D2B79F5) >>> 0;
  var t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
// between(a, b) → a whole number from a to b inclusive.
function between(a, b) { return a + Math.floor(random() * (b - a + 1)); }
// chance(p) → true with probability p.
function chance(p) { return random() < p; }
// pick(list) → one item.
function pickOne(list) { return list[Math.floor(random() * list.length)]; }

var asOf = today();
var start = date.addYears(asOf, -5);

// ---- names, codes and people ------------------------------------------------------------------

var CITIES = [['北京', '110105'], ['上海', '310115'], ['杭州', '330106'], ['广州', '440106'], ['深圳', '440305'],
  ['成都', '510107'], ['武汉', '420106'], ['南京', '320106'], ['苏州', '320505'], ['西安', '610113']];
var WORDS = ['华泰', '恒信', '东方', '金桥', '长城', '新世纪', '瑞丰', '宏达', '天成', '博远', '中联', '安居', '佳美', '盛世',
  '万通', '嘉禾', '永安', '鑫源', '海润', '同心'];
var TRADES = [['家电', '家用电器的销售及售后服务'], ['汽车', '汽车销售及维修服务'], ['家居', '家具的销售、配送、安装及售后服务'],
  ['电子', '电子产品的销售及售后服务'], ['电梯', '电梯的安装、维修及保养服务'], ['商贸', '日用百货的批发零售及售后服务']];
var FORMS = ['有限公司', '股份有限公司', '商贸有限公司', '科技有限公司'];
var SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
var GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '军', '杰', '涛', '明', '超', '霞', '平', '刚'];
var PLATFORMS = ['天猫', '京东', '拼多多', '抖音电商', '唯品会'];
var ESCOPES = ['家用电器网络零售', '服装鞋帽网络零售', '母婴用品网络零售', '数码产品网络零售', '家居用品网络零售', '食品网络零售'];
var ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// usccFor(i, region) → a well-formed Unified Social Credit Code (check character from uscc.check).
function usccFor(i, region) {
  var body = '91' + region;
  var n = i * 7919 + 104729;
  for (var k = 0; k < 9; k++) { body += ALPHABET.charAt(n % 31); n = Math.floor(n / 31) + k * 17 + i; }
  return body + uscc.check(body + '0').expected;
}

// personName() → a Chinese name of two or three characters.
function personName() { return pickOne(SURNAMES) + pickOne(GIVEN) + (chance(0.6) ? pickOne(GIVEN) : ''); }

var auditors = [], deciders = [], programmeManager = null; // ids, made at the start of the run
var plans = require('stdlib/plans');

// ---- the schemes ------------------------------------------------------------------------------

// Share of organisations per scheme.
var MIX = [['cas-service', 0.35], ['dni-aftersales', 0.30], ['cfc-sc14', 0.20], ['example-ecommerce', 0.15]];
var ECOMMERCE = 'example-ecommerce'; // online sellers: a body's scheme extending cnas-ecommerce@draft
var known = schemes(), wanted = MIX.map(function (m) { return m[0]; });
MIX = MIX.filter(function (m) { return known.indexOf(m[0]) >= 0; }); // only the schemes this build has
if (!MIX.length) throw new Error('demo-register: none of ' + wanted.join(', ') + ' is loaded');
var total = MIX.reduce(function (t, m) { return t + m[1]; }, 0);
MIX = MIX.map(function (m) { return [m[0], m[1] / total]; });
function schemeFor() {
  var r = random(), acc = 0;
  for (var i = 0; i < MIX.length; i++) { acc += MIX[i][1]; if (r < acc) return MIX[i][0]; }
  return MIX[0][0];
}

var causeCodes = {};
// causeOf(schemeId, kind, text) → one of the scheme's coded causes of that kind; when the
// scheme codes none, the text when it has no cause rule at all, else undefined (no cause).
function causeOf(schemeId, kind, text) {
  var key = schemeId + '|' + kind;
  if (!Object.prototype.hasOwnProperty.call(causeCodes, key)) {
    var s = scheme(schemeId), list = null;
    if (typeof s.causes === 'function') { try { list = s.causes(kind) || []; } catch (e) { list = []; } }
    causeCodes[key] = list && list.map(function (c) { return c.code; });
  }
  var codes = causeCodes[key];
  if (!codes) return text;
  return codes.length ? pickOne(codes) : undefined;
}

// The coded causes each scheme states for what happens in this demo: a missed surveillance, a
// suspension that ran out, a verified incident, a failed surveillance, a restoration.
var CAUSES = {
  'cas-service': { missed: 'audit-missed', expired: 'suspension-expired', incident: 'other', failed: 'nonconformity' },
  'dni-aftersales': { missed: 'audit-missed', expired: 'suspension-unresolved', incident: 'unremedied-incident', failed: 'nonconformity', restored: 'corrected' },
  'cfc-sc14': { missed: 'surveillance-missed', expired: 'correction-failed', incident: 'serious-complaint', failed: 'below-requirements', restored: 'corrected' },
  'example-ecommerce': { missed: 'surveillance-missed', expired: 'suspension-expired', incident: 'r62-event', failed: 'correction-overdue', restored: 'corrected' }
};
// coded(id, what) → the demo's cause code for `what` under scheme id (undefined when it has none)
function coded(id, what) { return (CAUSES[id] || {})[what]; }

var refusals = {}; // guard → how many decisions it refused

// decide(kase, o) → the decision, or null when the scheme's workflow refuses it (the refusal is
// counted: the demo goes on as a body would, with what the rules then require)
function decide(kase, o) {
  o.by = [pickOne(deciders)];
  try {
    return kase.decide(o);
  } catch (e) {
    if (e.code !== 'refused') throw e;
    counts.refused++;
    refusals[e.guard] = (refusals[e.guard] || 0) + 1;
    return null;
  }
}

// afterSurveillance(kase, cert, sv, day) → the certificate after the decision on a surveillance
// (CAS §7.5, DNI §5.6.5, CFC §8.10.3): maintained (a five-star certificate scoring below 95 loses
// its stars, CAS §7.5), downgraded (CFC, below the held grade), or suspended when it failed; the
// last weeks' surveillances are not decided yet, so their required actions stay pending
function afterSurveillance(kase, cert, sv, day) {
  if (day >= date.addDays(asOf, -45)) return cert;
  if (!sv.pass) return resolve(kase.scheme, cert.suspend({ cause: coded(kase.scheme, 'failed'), date: day }));
  var d = decide(kase, { outcome: 'maintain', date: day, conclusion: sv.conclusion });
  if (!d && cert.actions(day).some(function (a) { return a.do === 'suspend'; })) // e.g. a correction overdue (CAS §7.5)
    return resolve(kase.scheme, cert.suspend({ cause: coded(kase.scheme, 'failed'), date: day }));
  if (!d && kase.scheme === 'cfc-sc14') {
    d = decide(kase, { outcome: 'downgrade', date: day, reason: '监督审查总分低于获证级别，整改后满足下一级要求 (§8.10.3 2) b))' });
    if (d) counts.downgrades++;
  }
  if (d && d.certificate && d.certificate.stars < cert.stars) counts.downgrades++;
  return d && d.certificate ? d.certificate : cert;
}

// resolve(id, cert) → a suspended certificate after what the scheme requires: restored once the
// cause is corrected, within the suspension's limit (most), else withdrawn at the limit
// (CAS §9.3.3.1 (5), DNI §6.9.1, CFC §9.5.2); still suspended when that lies after the as-of date
function resolve(id, cert) {
  counts.suspensions++;
  var limit = cert.until || date.addMonths(cert.statusDate, 6);
  if (chance(0.85)) {
    var fixed = date.addDays(cert.statusDate, between(20, Math.max(21, date.diffDays(cert.statusDate, limit))));
    return fixed < asOf ? cert.restore({ cause: coded(id, 'restored'), date: fixed }) : cert;
  }
  if (limit >= asOf) return cert;
  counts.withdrawals++;
  return cert.withdraw({ cause: coded(id, 'expired'), date: date.addDays(limit, between(1, 5)) > asOf ? asOf : date.addDays(limit, between(1, 5)) });
}

// ---- one organisation's history ---------------------------------------------------------------

var counts = { orgs: 0, certificates: 0, audits: 0, planned: 0, findings: 0, suspensions: 0, withdrawals: 0, recertifications: 0, downgrades: 0, matters: 0, refused: 0 };

// rules(id) → the Scheme of id, looked up once.
var ruleCache = {};
function rules(id) { return ruleCache[id] || (ruleCache[id] = scheme(id)); }

// evaluate(kase, type, day) → {audit, pass, conclusion}: the evaluation of an initial,
// surveillance or recertification. A scored scheme: one audit and its score, most pass. An online
// seller: the service management audit on site and, for initial and recertification (C3.8,
// C3.10), the service requirement assessment online; their conformity conclusion (C3.5 9)).
// null when the evaluation would end after the as-of date.
function evaluate(kase, type, day) {
  var s = rules(kase.scheme);
  if (kase.scheme !== ECOMMERCE) {
    // CAS §6.3, DNI §5.3.2: the document review comes before the on-site initial audit
    if (type === 'initial' && !auditOf(kase, 'document', date.addDays(day, -between(7, 14)), 'remote')) return null;
    var au = auditOf(kase, type, day, 'onsite');
    if (!au) return null;
    findingsOf(au, au.end, type === 'initial' ? 0.35 : type === 'surveillance' ? 0.25 : 0.2);
    var sc = au.score({ score: chance(0.04) ? between(55, 69) : between(72, 99) + (chance(0.5) ? 0.5 : 0),
      deductionItems: chance(0.1) ? between(1, 3) : 0 }, au.end);
    return { audit: au, pass: sc.pass };
  }
  // example §8.3: a surveillance is the online assessment, with the on-site audit when C3.9.2 calls for it
  var plan = type === 'surveillance' ? s.surveillancePlan(chance(0.2) ? { complaints: between(1, 4) } : {}).activities
    : ['management-audit', 'requirement-assessment'];
  var last = null, results = {};
  for (var i = 0; i < plan.length; i++) {
    var a = auditOf(kase, type, last ? date.addDays(last.end, between(1, 5)) : day, plan[i] === 'management-audit' ? 'onsite' : 'online');
    if (!a) return null;
    findingsOf(a, a.end, plan[i] === 'management-audit' ? 0.3 : 0.1);
    results[plan[i]] = chance(0.04) ? { conforms: false, reason: pickOne(['暗访购买的商品与网页描述不符', '退换货申请超过7日未处理', '顾客个人信息未加密保存']) } : { conforms: true };
    last = a;
  }
  var cc = s.conclusion({ audit: type, results: results });
  return { audit: last, pass: cc.conforms, conclusion: cc };
}

// findingsOf(audit, day, rate): raise nonconformities; most are corrected within 2 months, a few
// late, and a few of the last months' are still open.
function findingsOf(audit, day, rate) {
  var n = chance(rate) ? between(1, 3) : 0, online = audit.scheme === ECOMMERCE;
  var s = rules(audit.scheme);
  for (var i = 0; i < n; i++) {
    var f = online
      ? { item: 'GB/T 31524 ' + pickOne(['6.3', '6.4', '6.6', '6.7', '6.8', '9.3']), kind: 'nonconformity', date: day,
        evidence: pickOne(['商品详情页未标明售后服务承诺', '订单确认记录不完整', '退换货处理超过承诺时限', '配送交接记录缺失', '顾客信息访问未留痕']) }
      : { item: 'GB/T 27922 ' + between(4, 6) + '.' + between(1, 5), kind: 'nonconformity', date: day,
        evidence: pickOne(['投诉处理记录不完整', '售后服务人员培训记录缺失', '服务承诺未公示', '回访记录缺失', '维修配件台账不清']) };
    // a scheme that states no correction period (CFC §8.7: "在规定时间内") leaves it to the audit team: 2 months here
    if (typeof s.deadline !== 'function' || !s.deadline('correction', day)) f.due = date.addMonths(day, 2);
    var made = audit.finding(f);
    counts.findings++;
    var closeOn = date.addDays(day, chance(0.04) ? between(61, 120) : between(10, 55));
    if (closeOn < asOf && (date.diffDays(day, asOf) > 120 || !chance(0.04))) made.close({ date: closeOn });
  }
}

// sitesVisited(kase, type, day) → the sites an audit of a multi-site organisation visits: the
// central function and the sample stdlib/planning gives, other sites in turn from one audit to the
// next; undefined for an organisation without site records
function sitesVisited(kase, type, day) {
  var p = require('stdlib/planning').sampleFor(kase.org(), type, kase.rules(), day);
  if (!p) return undefined;
  var from = p.others.length ? counts.audits % p.others.length : 0, chosen = [];
  for (var k = 0; k < p.visit; k++) chosen.push(p.others[(from + k) % p.others.length].id);
  return p.central.map(function (x) { return x.id; }).concat(chosen);
}

// auditOf(kase, type, startDay, mode) → the audit done from startDay, or null when it lies after asOf.
function auditOf(kase, type, startDay, mode) {
  var endDay = date.addDays(startDay, between(0, 2));
  if (endDay >= asOf) return null;
  // an on-site audit is assigned by the programme manager and planned by its leader the day before
  // (stdlib/plans.planned: the scheme's activities at each site visited, the whole team)
  var au = kase.audit(plans.planned({ type: type, mode: mode, start: startDay, end: endDay, sites: sitesVisited(kase, type, startDay), team: [{ person: pickOne(auditors), role: 'leader' },
    { person: pickOne(auditors), role: 'member' }].filter(function (m, i, all) { return i === 0 || m.person !== all[0].person; }) }, kase.rules(), programmeManager));
  au.scheme = kase.scheme;
  counts.audits++;
  // the leader's report two days after the audit: before any decision on it (each scheme's report guard)
  if (type !== 'document' && date.addDays(endDay, 2) < asOf) au.report({ date: date.addDays(endDay, 2) });
  return au;
}

// shopsFor(i) → an online seller's shops: one to three shop domains on the platforms, or its own platform.
function shopsFor(i) {
  if (chance(0.15)) return [{ domain: 'www.seller' + i + '.cn', platform: '自营平台' }];
  var list = [], n = chance(0.7) ? 1 : between(2, 3);
  for (var k = 0; k < n; k++) {
    var p = PLATFORMS[(i + k) % PLATFORMS.length];
    list.push({ domain: 'shop' + i + (k ? '-' + k : '') + '.' + ['tmall', 'jd', 'pdd', 'douyin', 'vip'][PLATFORMS.indexOf(p)] + '.example.cn', platform: p });
  }
  return list;
}

// incident(id, cert, ref) → cert after an R6.2 event (online sellers) or a verified cause of
// suspension (the others), some days after ref. Unless it is recent, it is acted upon: the
// matter is closed with the measure taken; a suspension (always for a verified cause, when the
// measure is "suspend until remedied" for an R6.2 event) is lifted once remedied.
function incident(id, cert, ref) {
  var seen = date.addDays(cert.statusDate > ref ? cert.statusDate : ref, between(1, 200));
  if (seen >= asOf || cert.status !== 'active') return cert;
  var online = id === ECOMMERCE, cause = online ? causeOf(id, 'incident', 'R6.2') : coded(id, 'incident');
  var m = matters.open({ kind: 'incident', certificate: cert.id, date: seen, cause: cause,
    text: online ? pickOne(['媒体曝光：商品质量问题', '市场监管抽查：商品详情页虚假宣传', '顾客数据泄露事件', '大量消费者投诉退款未处理']) : '媒体曝光：售后服务问题' });
  counts.matters++;
  var acted = date.addDays(seen, between(1, 5));
  if (acted >= asOf || date.diffDays(seen, asOf) < 90 && chance(0.7)) return cert; // not acted upon yet
  var measure = online ? pickOne(['suspend-until-remedied', 'increase-surveillance', 'increase-surveillance', 'reduce-scope']) : 'suspend';
  if (online) m = m.report({ to: 'CNAS', date: acted }); // R6.2: reported to CNAS with the measure taken
  m.close({ date: acted, outcome: online ? measure + ': ' + rules(id).measures(cause).measures.filter(function (x) { return x.code === measure; })[0].text : '暂停认证' });
  if (measure !== 'suspend-until-remedied' && measure !== 'suspend') return cert;
  cert = cert.suspend({ cause: coded(id, 'incident'), date: acted });
  counts.suspensions++;
  var fixed = date.addDays(acted, between(20, 90));
  if (fixed >= asOf) return cert;
  return cert.restore({ cause: online ? 'remedied' : coded(id, 'restored'), date: fixed });
}

function history(i) {
  var id = schemeFor(), city = pickOne(CITIES), trade = pickOne(TRADES), online = id === ECOMMERCE;
  var name = city[0] + pickOne(WORDS) + (online ? '电子商务有限公司' : trade[0] + pickOne(FORMS)) + (i % 7 === 0 ? '（' + i + '）' : '');
  var shops = online ? shopsFor(i) : [];
  var org = orgs.create({ name: name, uscc: usccFor(i, city[1]), address: city[0] + '市' + pickOne(WORDS) + '路' + between(1, 999) + '号',
    staff: online ? between(5, 400) : chance(0.7) ? between(5, 300) : between(301, 3000), shops: shops,
    facts: online ? { legalStatus: true, licence: true, itSystem: true, complaintMechanism: true, safetyCommitment: true, privacyCommitment: true,
      seriousDishonestyList: false, tangibleGoods: true, model: 'B2C' } : undefined });
  counts.orgs++;
  var nsites = chance(0.8) ? 1 : between(2, 6);
  for (var k = 0; nsites > 1 && k < nsites; k++) { // a multi-site organisation: its central function and service sites as records
    org.addSite({ name: k ? city[0] + pickOne(WORDS) + '服务网点' : '总部', address: k ? city[0] + '市' + pickOne(WORDS) + '路' + between(1, 999) + '号' : org.address,
      central: k === 0, opened: start });
  }
  var applied = date.addDays(start, between(0, date.diffDays(start, asOf) - 5));
  var kase = org.apply({ scheme: id, scope: online ? pickOne(ESCOPES) : trade[1], grade: !online && chance(0.5) ? '五星级' : undefined,
    shops: shops.length ? shops : undefined, date: applied });
  var reviewed = date.addDays(applied, between(2, 12));
  if (reviewed >= asOf) return; // awaiting review: the notice of non-acceptance is due soon
  if (chance(0.03)) { kase.reject({ date: reviewed, reason: '管理体系运行不足3个月' }); return; }
  kase = kase.accept({ date: reviewed, checkedBy: online ? undefined : pickOne(deciders) }); // facts not stated: checked by the reviewer
  kase = kase.contract({ date: reviewed, number: 'HT-' + reviewed.substring(0, 4) + '-' + kase.id }); // signed on acceptance, before any audit (each scheme's contract guard)
  var initial = evaluate(kase, 'initial', date.addDays(reviewed, between(15, 60)));
  if (!initial) return;
  var decided = date.addDays(initial.audit.end, between(10, 40));
  if (decided >= asOf) return;
  if (!initial.pass) {
    decide(kase, { outcome: 'refuse', date: decided, conclusion: initial.conclusion,
      reason: initial.conclusion ? initial.conclusion.reasons.join('；') : '综合评分未达到70分，或特别扣分项5项以上' });
    return;
  }
  // CFC §8.5.5 2): below the grade applied for, the applicant asks for the lower grade it reaches
  var first = decide(kase, { outcome: 'certify', date: decided, conclusion: initial.conclusion }) ||
    decide(kase, { outcome: 'certify', date: decided, request: { date: date.addDays(decided, -3), text: '申请按下一级认证注册' } });
  if (!first) return;
  var cert = first.certificate;
  counts.certificates++;
  var ref = initial.audit.end;
  // cycles: two surveillance audits, then recertification, until the as-of date
  for (var cycle = 0; cycle < 3; cycle++) {
    for (var n = 1; n <= 2; n++) {
      var late = chance(0.06), missed = chance(0.03);
      var due = date.addMonths(ref, late ? between(12, 14) : between(9, 11));
      due = date.addDays(due, between(0, 27));
      if (due >= asOf || due >= cert.expires) break;
      if (missed) {
        // a missed surveillance: the certificate is suspended a month later, then restored or withdrawn
        var susp = date.addDays(due, between(20, 45));
        if (susp >= asOf) return;
        cert = cert.suspend({ cause: coded(id, 'missed'), date: susp });
        counts.suspensions++;
        var after = date.addMonths(susp, between(1, 7));
        if (after >= asOf) return;
        if (date.diffMonths(susp, after) >= 6) {
          cert.withdraw({ cause: coded(id, 'expired'), date: after });
          counts.withdrawals++;
          return;
        }
        // restored once the surveillance was carried out late
        var lateSv = evaluate(kase, 'surveillance', date.addDays(after, -between(5, 15)));
        if (!lateSv) return;
        cert = cert.restore({ cause: coded(id, 'restored'), date: after });
        ref = lateSv.audit.end;
        continue;
      }
      var sv = evaluate(kase, 'surveillance', due);
      if (!sv) return;
      ref = sv.audit.end;
      cert = afterSurveillance(kase, cert, sv, date.addDays(ref, between(5, 20)));
      if (cert.status !== 'active') return; // suspended after a failed surveillance
      if (chance(0.03)) {
        var m = matters.open({ kind: 'complaint', certificate: cert.id, text: online ? '消费者投诉网店退款不及时' : '消费者投诉售后服务响应不及时',
          date: date.addDays(ref, between(1, 120)) > asOf ? asOf : date.addDays(ref, between(1, 120)) });
        counts.matters++;
        if (date.addDays(m.received, 25) < asOf) m.close({ date: date.addDays(m.received, between(5, 25)), outcome: '已答复，投诉不成立' });
      }
    }
    // incidents: R6.2 events for online sellers, verified causes for the others
    if (chance(online ? 0.12 : 0.01)) cert = incident(id, cert, ref);
    if (cert.status !== 'active') return; // suspended until remedied, still on the as-of date
    // recertification: applied about 3 months before expiry (most), else the certificate expires
    var recertOn = date.addDays(date.addMonths(cert.expires, -between(2, 4)), between(0, 20));
    if (recertOn >= asOf) return;
    if (chance(0.12)) {
      if (cert.expires < asOf) cert.expire({ date: cert.expires });
      return;
    }
    var rc = evaluate(kase, 'recertification', recertOn);
    if (!rc) return;
    var rd = date.addDays(rc.audit.end, between(7, 25));
    if (rd >= asOf || rd >= cert.expires || !rc.pass) return;
    var renewed = decide(kase, { outcome: 'recertify', date: rd, conclusion: rc.conclusion });
    if (!renewed) return; // refused (e.g. a correction overdue): the certificate runs out
    cert = renewed.certificate;
    counts.recertifications++;
    ref = rc.audit.end;
  }
}

// plannedAudits(): the audit plan of the coming four weeks recorded as planned audits (dates, team
// and the site sample), from the programme stdlib/planning proposes; a
// proposal the scheme's audit guards refuse stays unplanned and is counted
function plannedAudits() {
  var from = date.addDays(asOf, 1), to = date.addDays(asOf, 28);
  require('stdlib/planning').period(from, to).forEach(function (p) {
    if (!p.leader) return;
    var cert = certificates.byNumber(p.certificate), kase = cert.case(), start = p.opens > from ? p.opens : from;
    var o = { type: p.audit, plannedStart: start, plannedEnd: date.addDays(start, 1), team: [{ person: p.leader, role: 'leader' }],
      sites: sitesVisited(kase, p.audit, start) };
    if (o.sites === undefined) delete o.sites;
    try {
      var au = kase.audit(o); // assigned today; its leader plans it nearer the day
      au.assign({ date: asOf, by: programmeManager, objectives: '确认获证组织持续满足认证要求', criteria: kase.rules().criteria, scope: kase.scope });
      counts.planned++;
    } catch (e) {
      if (e.code !== 'refused') throw e;
      refusals[e.guard] = (refusals[e.guard] || 0) + 1;
    }
  });
}

// ---- the run ------------------------------------------------------------------------------------

var existing = sql('SELECT count(*) AS n FROM orgs')[0].n;
if (existing > 0) {
  print('demo-register: the register already holds ' + existing + ' organisations; nothing was added');
} else {
  transaction(function () {
    for (var k = 0; k < 40; k++) {
      auditors[k] = people.create({ name: personName(), roles: ['auditor'],
        registrations: [{ number: 'CCAA-' + (2019 + k % 5) + '-' + (10000 + k), fieldCode: '02.03.01', from: date.addYears(start, -1), to: date.addYears(asOf, 2) }] }).id;
    }
    for (var j = 0; j < 8; j++) deciders.push(people.create({ name: personName(), roles: ['decider'] }).id);
    // each evaluated competent for what they do, by the technical manager (the e-commerce schemes' competence guards)
    var manager = people.create({ name: personName(), roles: ['decider'] });
    programmeManager = manager.id; // who also runs the audit programme and assigns the teams
    auditors.forEach(function (id) {
      ['audit', 'lead'].forEach(function (act) { people.get(id).assess({ kind: 'evaluation', activity: act, date: date.addYears(start, -1), result: 'competent', by: manager }); });
    });
    deciders.forEach(function (id) { people.get(id).assess({ kind: 'evaluation', activity: 'decide', date: date.addYears(start, -1), result: 'competent', by: manager }); });
    for (var i = 1; i <= ORGS; i++) history(i);
    plannedAudits();
    // validity ended without recertification: expired, but for the last month's, which the reminder job still flags
    sql("SELECT id, expires FROM certificates WHERE status = 'active' AND expires < ? AND status_date <= expires", date.addDays(asOf, -30)).forEach(function (r) {
      certificates.get(r.id).expire({ date: r.expires });
    });
  });
  print('demo-register: as of ' + asOf + ', seed ' + SEED + ': ' + Object.keys(counts).map(function (k) { return counts[k] + ' ' + k; }).join(', ') +
    ' (refused by guard: ' + Object.keys(refusals).sort().map(function (k) { return k + ' ' + refusals[k]; }).join(', ') + ')');
}
