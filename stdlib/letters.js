// stdlib/letters.js — the letters a body sends with a decision: non-acceptance of an
// application, refusal of certification, suspension, restoration and withdrawal of a
// certificate. Each states what the register recorded — the date, the reasons (the decision's
// reason, the cause with its code), the clause — and the deadlines the scheme gives (the
// suspension's start and limit, CAS §9.3.2.3 "明确暂停的起始日期和暂停期限"; the notice period
// of a non-acceptance; how long the body takes to answer an appeal). The kinds are data (KINDS):
// the title, what the letter is about, the sentences it carries.
'use strict';

var fail = require('stdlib/bands').fail;
var register = require('stdlib/register');

// The kinds of letter: its title, its subject (a certificate's event or a case's decision) and
// its sentences; {date}, {until}, {number}, {scheme} are filled in from the register.
var KINDS = {
  'non-acceptance': { title: '不予受理通知书', subject: 'case', status: 'rejected', deadline: 'nonAcceptanceNotice',
    text: ['经申请评审，本机构决定不予受理贵组织的认证申请（{scheme}）。不予受理的理由见上。'] },
  refusal: { title: '不予认证注册通知书', subject: 'case', status: 'refused',
    text: ['经认证决定，本机构决定不予认证注册（{scheme}）。不能注册的原因见上。'] },
  suspension: { title: '暂停认证证书通知书', subject: 'certificate', event: 'certificate.suspend', deadline: 'suspensionLimit',
    text: ['本机构决定自{date}起暂停贵组织的认证证书（编号 {number}），暂停期限至{until}。',
      '暂停期间，贵组织不得使用认证证书和认证标志，不得以任何方式宣传已获认证。请在暂停期限内完成纠正并提交验证材料；经验证满足要求的，本机构恢复认证证书；期满未能恢复的，本机构将撤销认证证书。'] },
  restoration: { title: '恢复认证证书通知书', subject: 'certificate', event: 'certificate.restore',
    text: ['经验证，导致暂停的问题已得到纠正，本机构决定自{date}起恢复贵组织的认证证书（编号 {number}），贵组织可继续使用认证证书和认证标志。'] },
  withdrawal: { title: '撤销认证证书通知书', subject: 'certificate', event: 'certificate.withdraw',
    text: ['本机构决定自{date}起撤销贵组织的认证证书（编号 {number}）。',
      '自撤销之日起，贵组织不得继续使用该认证证书和认证标志，并应将认证证书交回本机构；本机构将公布撤销信息。'] }
};

// fill(text, values) → text with {name} replaced by values[name]
function fill(t, v) { return t.replace(/\{(\w+)\}/g, function (m, k) { return v[k] !== undefined && v[k] !== null ? v[k] : m; }); }

// appealSentence(scheme, cite) → the sentence on appeals, with the scheme's answer period, or null
function appealSentence(s, why, cite) {
  var d = s.definition.deadlines && s.definition.deadlines.appealAnswer;
  if (!d || typeof d !== 'object') return '如对本决定有异议，可向本机构提出申诉。';
  why.push(cite(d.clause, 'appeals answered within ' + d.days + ' days: ' + d.text));
  return '如对本决定有异议，可向本机构提出书面申诉，本机构将在收到申诉后' + d.days + '日内书面答复（' + d.clause + '）。';
}

// certificateFacts(kind, number, date) → {cert, org, scheme, date, cause, clause, code, until, ref}: the
// certificate's event of this kind (the last, or the one effective on date)
function certificateFacts(k, x, on) {
  var c = typeof x === 'string' ? register.certificates.byNumber(x) : register.certificates.get(x);
  if (!c) throw fail('not-found', 'number', 'no certificate numbered ' + JSON.stringify(x));
  var ev = sql("SELECT effective, json_extract(payload, '$.state') AS state FROM events WHERE subject = ?1 AND kind = ?2" +
    " AND (?3 IS NULL OR effective = ?3) ORDER BY seq DESC LIMIT 1", 'certificate:' + c.id, k.event, on || null);
  if (!ev.length) throw fail('not-found', 'event', 'certificate ' + c.number + ' has no ' + k.event.replace('certificate.', '') + (on ? ' on ' + on : '') + ' in the register: nothing to write a letter about');
  var st = JSON.parse(ev[0].state);
  return { cert: c, org: c.org(), scheme: c.rules(), date: ev[0].effective, cause: st.status_cause, clause: st.status_clause, code: st.status_code,
    until: st.status_until, ref: ['证书编号', c.number] };
}

// caseFacts(kind, id) → the same for a case whose application was rejected or certification refused
function caseFacts(k, id) {
  var c = register.cases.get(Number(id));
  if (c.status !== k.status) throw fail('refused', 'case', 'case ' + c.id + ' is ' + c.status + ', not ' + k.status + ': there is no ' + k.title + ' to write');
  var reason = c.reviewReason, on = c.reviewed, clause = null;
  if (k.status === 'refused') {
    var d = sql("SELECT date, reason, why FROM decisions WHERE case_id = ? AND positive = 0 ORDER BY id DESC LIMIT 1", c.id)[0];
    if (!d) throw fail('not-found', 'decision', 'case ' + c.id + ' has no refusing decision');
    reason = d.reason;
    on = d.date;
    var w = JSON.parse(d.why || '[]').filter(function (x) { return x.clause; });
    clause = w.length ? w[w.length - 1].clause : null;
  }
  return { org: register.orgs.get(c.orgId), scheme: c.rules(), date: on, cause: reason, clause: clause, until: null, ref: ['申请编号', String(c.id)] };
}

// letter(kind, subject, {date}) → the letter {kind, title, header, lines, paragraphs, notes, footer,
// why}: subject is a certificate number (suspension, restoration, withdrawal) or a case id
function letter(kind, subject, o) {
  var k = KINDS[kind];
  if (!k) throw fail('invalid', 'kind', 'letter(kind, …): unknown kind ' + JSON.stringify(kind) + ' (known: ' + Object.keys(KINDS).join(', ') + ')');
  o = o || {};
  var f = k.subject === 'certificate' ? certificateFacts(k, subject, o.date) : caseFacts(k, subject);
  var docs = require('stdlib/documents'), b = docs.body.get(), s = f.scheme, zh = docs.zhDate, why = [];
  if (!b) throw fail('missing', 'body', "the body's profile is not set: certsh body --name … (letters print it)");
  function cite(clause, text) { return { scheme: s.id, version: s.version, clause: clause, text: text }; }
  if (!f.cause) throw fail('missing', 'reason', k.title + ': the register records no reason for ' + f.ref.join(' ') + '; a letter states its reasons');
  var lines = [{ label: '致', value: f.org.name }, { label: '地址', value: f.org.address || '—' }, { label: '统一社会信用代码', value: f.org.uscc },
    { label: f.ref[0], value: f.ref[1] }, { label: '认证项目', value: s.title },
    { label: '决定日期', value: zh(f.date) }, { label: '原因', value: f.cause }];
  if (f.clause) { lines.push({ label: '依据条款', value: '《' + s.title + '》' + f.clause }); why.push(cite(f.clause, 'the reason recorded: ' + f.cause)); }
  if (k.deadline === 'suspensionLimit') {
    var limit = s.definition.deadlines && s.definition.deadlines.suspensionLimit;
    lines.push({ label: '暂停期限', value: '自' + zh(f.date) + '起至' + (f.until ? zh(f.until) : '相关单位作出许可决定之日') + '止' });
    if (limit) why.push(cite(limit.clause, 'the suspension runs from ' + f.date + ' to ' + (f.until || 'the licensing decision') + ': ' + limit.text));
  }
  var notes = [];
  if (k.deadline === 'nonAcceptanceNotice' && typeof s.deadline === 'function') {
    var d = s.deadline('nonAcceptanceNotice', f.date);
    if (d) { notes.push('本通知应于' + zh(d.date) + '前送达（' + d.why[0].clause + '）。'); why = why.concat(d.why); }
  }
  var paragraphs = k.text.map(function (t) { return fill(t, { date: zh(f.date), until: f.until ? zh(f.until) : '相关单位作出许可决定之日', number: f.ref[1], scheme: s.title }); });
  paragraphs.push(appealSentence(s, why, cite));
  paragraphs.push(b.name + '　' + zh(today()));
  return { kind: kind, title: k.title, header: b.name, subtitle: f.ref.join(' '), lines: lines, paragraphs: paragraphs, notes: notes,
    footer: docs.footer(b), why: why };
}

exports.KINDS = KINDS;
exports.letter = letter;
