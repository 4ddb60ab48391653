// schemes/example-ecommerce.js — TEMPLATE: a certification body's own e-commerce transaction
// service certification scheme under the CNAS draft (schemes/cnas-ecommerce.js, seed 000).
//
// The draft is an accreditation scheme: it says how a body certifies online sellers, and leaves
// validity, certificate numbering, surveillance frequency, audit time and the like to "the
// certification scheme" of the body (C1.2, C3.3, C3.9.1 注). A body cannot certify on the draft
// alone; it writes its own rules and `extends` the draft. This file is such a body's scheme for
// a fictitious "示例认证机构": copy it, rename the id, owner and document, and replace every
// 'example §N' rule with the clause of your own rules. Everything not stated here (eligibility
// C3.1.1, required contents C3.1.2 / C3.5 / C3.7.1, R6.2 events and measures, the evaluation
// and conformity conclusion of C3.4–C3.8, scope extension C3.11) is the draft's, inherited.
//
// There is no score and no grade: the decision rests on the conformity conclusion of C3.5 9)
// (conclusion() of the draft), passed to case.decide({conclusion}) in place of a score.
'use strict';

var draft = scheme('cnas-ecommerce@draft');
var base = draft.definition;
var fail = require('stdlib/bands').fail;

// How the register records the two evaluation activities of C3.4: each is an audit of the
// case (type initial, surveillance or recertification); its mode tells which activity it was.
var MODES = {
  onsite: 'management-audit', remote: 'management-audit', // 服务管理审核, C3.4.1.2: on site, or remote with justification
  online: 'requirement-assessment'                        // 服务要求测评, C3.4.2.2: mystery purchase, footprints, survey
};

// recordedEvaluation({audit, audits: [{type, mode}]}) → the draft's evaluation() for the
// activities recorded on the case's audits of that type: whether C3.8 (initial: both) is met.
function recordedEvaluation(input, ctx) {
  var fn = 'recordedEvaluation({audit, audits: [{type, mode}]})';
  if (!input || typeof input !== 'object' || !Array.isArray(input.audits)) throw fail('invalid', 'audits', fn + ': audits must list the case\'s audits [{type, mode}]');
  var activities = [];
  input.audits.forEach(function (a, i) {
    if (!a || a.type !== input.audit) return;
    var act = MODES[a.mode];
    if (!act) throw fail('invalid', 'audits[' + i + '].mode', fn + ': audits[' + i + '].mode must be onsite, remote or online, got ' + JSON.stringify(a.mode));
    if (activities.indexOf(act) < 0) activities.push(act);
  });
  var r = ctx.scheme.evaluation({ audit: input.audit, activities: activities });
  r.activities = activities;
  r.why = [ctx.cite('example §6.1', 'each evaluation activity is recorded as an audit: mode onsite or remote = 服务管理审核, online = 服务要求测评; recorded for ' +
    input.audit + ': ' + (activities.join(', ') || 'none'))].concat(r.why);
  return r;
}

// surveillancePlan(facts) → {activities, why}: what a surveillance includes (example §8.3): always
// the service requirement assessment; the service management audit too when the C3.9.2 factors
// flag the programme for review (a change, an incident, a complaint or a platform penalty).
function surveillancePlan(facts, ctx) {
  var f = ctx.scheme.surveillanceFactors(facts === undefined ? {} : facts);
  var activities = f.review ? ['requirement-assessment', 'management-audit'] : ['requirement-assessment'];
  return { activities: activities, why: [ctx.cite('example §8.3', 'each surveillance includes 服务要求测评 (online); 服务管理审核 is added when the C3.9.2 factors call for a review' +
    (f.review ? ': they do' : ': they do not'))].concat(f.why) };
}

// The body's causes: the draft's (R6.2 注, C3.7.3 注) plus those of its own rules.
function causes() {
  var own = {
    suspension: [
      { code: 'surveillance-missed', clause: 'example §9.1 a)', text: '未按期接受监督（服务要求测评或服务管理审核）' },
      { code: 'correction-overdue', clause: 'example §9.1 b)', text: '不符合未在规定期限内完成纠正' }
    ],
    withdrawal: [
      { code: 'suspension-expired', clause: 'example §9.3 a)', text: '暂停期满仍未完成补救或纠正' },
      { code: 'fraud', clause: 'example §9.3 b)', text: '以欺骗等不正当手段获得认证' }
    ],
    cancellation: [
      { code: 'expired', clause: 'example §9.4 a)', text: '证书有效期届满，未申请再认证' },
      { code: 'voluntary', clause: 'example §9.4 b)', text: '获证组织申请注销' },
      { code: 'shop-closed', clause: 'example §9.4 c)', text: '认证范围内的网店全部关闭' }
    ],
    restoration: [
      { code: 'corrected', clause: 'example §9.2', text: '在暂停期内完成纠正并经验证' }
    ]
  };
  var out = {};
  Object.keys(base.causes).concat(Object.keys(own)).forEach(function (k) {
    if (!out[k]) out[k] = (base.causes[k] || []).concat(own[k] || []);
  });
  return out;
}

module.exports = defineScheme({
  extends: draft,
  id: 'example-ecommerce',
  version: 'A/0',
  effective: '2016-01-01',
  title: '示例认证机构电子商务交易服务认证实施规则',
  owner: '示例认证机构 (template: replace with the certification body)',
  document: 'EXAMPLE-ECS-01 (template)',
  criteria: ['gbt31524'],

  validity: { years: 3, clause: 'example §7.1', text: 'the body\'s choice; the draft states none (C3.7.1 6): "认证有效期（适用时）")' },
  numbering: { pattern: 'EX-ECS-{year}-{seq:5}', clause: 'example §7.2', text: 'the body\'s own format; the draft requires a number (C3.7.1 7)) but sets none' },

  deadlines: {
    nonAcceptanceNotice: { days: 10, clause: 'example §5.2', text: '不予受理的，10日内书面通知申请人并说明理由' },
    correction: { months: 2, clause: 'example §6.5', text: '不符合应在审核或测评结束后2个月内完成纠正，经验证后关闭' },
    suspendWithin: { workingDays: 5, clause: 'example §9.1', text: '暂停原因经核实后5个工作日内作出暂停决定（R6.2：及时采取措施）' },
    suspensionLimit: { months: 6, clause: 'example §9.2', text: '暂停至补救完成为止（R6.2 注），但最长不超过6个月，期满未恢复的撤销' },
    withdrawWithin: { workingDays: 5, clause: 'example §9.3', text: '撤销原因经核实后5个工作日内作出撤销决定' },
    appealAnswer: { days: 60, clause: 'example §11.1', text: '收到申诉后60日内书面答复' },
    complaintAnswer: { days: 30, clause: 'example §11.2', text: '收到投诉后30日内书面答复' },
    recertApplication: { monthsBefore: 3, clause: 'example §10.1', text: '证书有效期满前3个月提出再认证申请' }
  },

  surveillance: {
    count: 2, clause: 'example §8.1',
    first: { from: 'decision', dueMonths: 12, clause: 'example §8.1', text: '初次认证后第一次监督在认证决定之日起12个月内进行' },
    next: { dueMonths: 12, latestMonths: 15, withinCalendarYear: true, clause: 'example §8.2', text: '两次监督间隔通常不超过12个月',
      latestClause: 'example §8.2', latestText: '特殊情况经批准可延至15个月，且在该日历年内', latestNeedsApproval: true },
    calendarYear: { clause: 'example §8.2', text: '此后每个日历年（再认证年份除外）至少监督一次' },
    notes: [
      { clause: 'C3.9.1 注', text: 'the draft leaves surveillance frequency to the certification scheme: example §8.1–8.2 are this body\'s choice, set considering the C3.9.2 factors' }
    ]
  },

  causes: causes(),

  // The draft's workflow (inherited through extends), with what this body's rules add.
  workflow: {
    clause: 'example §9',
    decisionGuards: base.workflow.decisionGuards,
    transitions: base.workflow.transitions,
    actions: base.workflow.actions.filter(function (a) { return a.code !== 'r62-report' && a.code !== 'r62-measures'; }).concat([
      { code: 'r62-report', when: 'notReported', do: 'report', to: 'CNAS', deadline: 'suspendWithin', clause: 'R6.2',
        text: '认证机构应及时采取相应措施并向CNAS通报有关情况 (example §9.1: within 5 working days of the verified event)' },
      { code: 'r62-measures', when: 'verifiedCause', do: 'suspend', deadline: 'suspendWithin', clause: 'example §9.1',
        text: '暂停原因经核实后5个工作日内作出暂停决定（R6.2：及时采取措施）' },
      { code: 'surveillance-missed', when: 'surveillanceMissed', do: 'suspend', clause: 'example §9.1 a)', text: '未按期接受监督: suspend' },
      { code: 'suspension-limit', when: 'suspensionLimit', do: 'withdraw', forbids: ['restore'], clause: 'example §9.3 a)', text: '暂停期满仍未完成补救或纠正的，撤销' }
    ])
  },

  positions: base.positions.concat([
    { topic: 'validity', clause: 'example §7.1', text: 'three years counted from the decision date, the decision day included (as the after-sales schemes count it); a recertification decision starts a new cycle on the same number' },
    { topic: 'surveillance', clause: 'example §8.3', text: 'R6.2 "increase surveillance frequency" is a special audit recorded as its own audit (type special); it does not move the programme\'s windows' },
    { topic: 'deadline.suspensionLimit', clause: 'R6.2 注', text: 'the draft suspends "until remedied" without a limit; this body caps it at 6 months, as the after-sales schemes do, so that a suspension cannot last for ever' },
    { topic: 'decision', clause: 'C3.5 9)', text: 'no score and no grade: the certificate is granted on the conformity statement of both activities (conclusion()), and carries no grade' }
  ]),

  methods: Object.assign({}, base.methods, { recordedEvaluation: recordedEvaluation, surveillancePlan: surveillancePlan })
});
