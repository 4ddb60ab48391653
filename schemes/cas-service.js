// schemes/cas-service.js — CAS (杭州中奥质量认证有限公司) service certification rules for
// after-sales service to GB/T 27922 (wholesale and retail services): seed 001. Clauses are the
// document's (§6.5 = section 6.5; App. A = 附录A). Read this file next to the document.
'use strict';

module.exports = defineScheme({
  id: 'cas-service',
  version: '1',
  effective: '2012-02-01',
  title: '服务认证规则（商品售后服务，GB/T 27922）',
  owner: '杭州中奥质量认证有限公司 (CAS)',
  document: 'CAS service certification rules (seed 001)',
  criteria: ['gbt27922'],
  fieldCode: null,
  model: { clause: '§6.4.2', activities: ['服务特性（顾客接触点）测评', '服务管理审核', '暗访（必要时）'] },
  // What the register may decide, and when (stdlib/workflow: the ISO/IEC 17065 base; a guard with
  // a base guard's code replaces it with CAS's clause and words).
  workflow: {
    clause: '§6',
    decisionGuards: [{ code: 'report', clause: '§6.5', text: '每次审查活动编制《服务认证审查报告》…审查报告应由审查组组长签字，为认证决定提供充分的信息' }],
    transitions: {
      accept: { guards: [{ code: 'facts-stated', check: 'factsStated', clause: '§6.1.5', text: '对符合6.1.2、6.1.3、6.1.4要求的，CAS可决定受理认证申请: each of them stated, or checked by the reviewer' }] },
      audit: { guards: [
        { code: 'contract', clause: '§6.1.7', text: '在实施认证审查前，CAS应与申请组织订立具有法律效力的书面认证合同' },
        { code: 'registered-auditors', check: 'registered', clause: '§3.1', text: '服务认证审查员应当取得国家认监委确定的认证人员注册机构颁发的批发业和零售业服务认证审查员注册资格' },
        { code: 'leader', check: 'leader', clause: '§6.3', text: '由审查组组长进行文件审查工作，并对文件审查结果负责: the team has its leader, an auditor' },
        { code: 'technical-competence', check: 'technicalCompetence', clause: '§6.2.4', text: '审查组中至少有1名成员具备专业技术能力，必要时可以选择技术专家参加审查组 (position: CAS codes no fields, so any professional field code counts)' },
        { code: 'experts-advise', check: 'expertsAdvise', clause: '§6.2.4', text: '审查组的技术专家主要负责提供认证审查的技术支持，不作为审查员实施审查，不计入审查时间' },
        { code: 'document-review', check: 'documentReview', clause: '§6.3', text: '文件审查是在现场审查实施前进行…文件审查通过后，方可安排现场审查' },
        { code: 'plan', check: 'planned', changesNotified: true, clause: '§6.2.5', text: '审查实施前，审查组应制定书面的审查计划（包括多场所抽样计划）…如遇特殊情况临时变更计划时，应及时将变更情况书面通知受审查方' },
        { code: 'audit-time', check: 'auditTime', clause: '§6.2.3', text: '特殊情况下，可以合理的增加或减少审查时间，理由应充分。减少时间不得超过附录A所规定的审查时间的30%' },
        { code: 'site-sample', check: 'sitesSampled', sampling: 'iaf-md1', clause: '§6.2.5', text: '审查实施前，审查组应制定书面的审查计划（包括多场所抽样计划）' }] },
      reject: { guards: [{ code: 'reason', clause: '§6.1.5', text: '对申请评审后确定无法受理的认证项目，应通知申请组织（理由写明）' }] },
      certify: {
        grade: { from: 'evaluation', clause: '§6.5', text: 'the level the score reaches: 达标 from 70, 五星级 from 95' },
        guards: [
          { code: 'passes', clause: '§6.5', text: '综合评分达到70分（含），且扣分项少于5项（不含），通过现场审查并推荐注册' },
          { code: 'grade', clause: '§6.5', text: '95分（含95分）以上，推荐注册五星级服务认证：the grade is the one the score reaches' }] },
      refuse: { guards: [{ code: 'reason', clause: '§6.6', text: '将不能注册的原因书面通知申请组织' }] },
      maintain: {
        grade: { from: 'cap', clause: '§7.5', text: '监督审查得分低于规定分数时，对于已获五星级证书的组织将撤销五星级证书' },
        guards: [{ code: 'passes', clause: '§7.5', text: '评定为合格者，公司将批准其继续保持认证资格、使用认证标志' }] },
      recertify: {
        grade: { from: 'evaluation', clause: 'App. A note 5', text: '达标后申请升级认证按再审查执行: the recertification score sets the grade, up or down' },
        guards: [{ code: 'passes', clause: '§8.2', text: 'the recertification is evaluated as the initial audit (§6.5 pass rule)' }] },
      restore: { guards: [{ code: 'within-limit', clause: '§9.3.2.2', text: '认证证书暂停期不得超过6个月' }] }
    },
    actions: [
      { code: 'five-star-withdrawal', when: 'belowHeldGrade', stars: 5, do: 'maintain', clause: '§7.5',
        text: '监督审查得分低于规定分数时，对于已获五星级证书的组织将撤销五星级证书 (decide maintain: the grade falls to the score\'s level)' },
      { code: 'surveillance-missed', when: 'surveillanceMissed', do: 'suspend', clause: '§9.3.2.1 (4)', text: '无正当理由不按要求的频次接受监督审查: suspend' },
      { code: 'surveillance-failed', when: 'surveillanceFailed', do: 'suspend', forbids: ['maintain'], clause: '§9.3.2.1 (1)',
        text: '服务体系持续或严重不满足认证要求: suspend' },
      { code: 'correction-overdue', when: 'correctionOverdue', do: 'suspend', forbids: ['maintain', 'recertify'], clause: '§7.5',
        text: '两个月内限期整改，逾期将停止使用认证证书和认证标志' },
      { code: 'verified-cause', when: 'verifiedCause', do: 'suspend', deadline: 'suspendWithin', clause: '§9.3.2.1',
        text: '获得相关信息并调查核实后的5个工作日内暂停' },
      { code: 'suspension-limit', when: 'suspensionLimit', do: 'withdraw', forbids: ['restore'], clause: '§9.3.3.1 (5)',
        text: '暂停认证证书的期限已满但导致暂停的问题未得到解决或纠正的，撤销' }
    ]
  },

  positions: [
    { topic: 'workflow.audit', clause: '§6.2.5', text: '"多场所抽样计划" is required but no sample size is given: certsh samples as IAF MD 1:2018 §6.1 (√n sites besides the central function at the initial audit, 0.6√n at surveillance, 0.8√n at recertification, rounded up; the central function every time), the accredited practice for sampling sites' },
    { topic: 'identity', clause: '(none)', text: 'the document states no version and no date in force: certsh calls it version 1, in force from 2012-02-01, the day GB/T 27922-2011 came into force (the earliest day these rules could apply)' },
    { topic: 'manDays', clause: 'App. A', text: '"1001人及以上 每增加600人增加1人日" is read as every started further 600 beyond 1000 adding 1 (1001-1600 → 11, 1601-2200 → 12); likewise 900 (surveillance) and 450 (recertification): the row begins at 1001, so 1001 staff must need more than 1000, and auditing too little is the risk the rules guard against (§6.2.3 caps only reductions)',
      applies: function (input) { return input.employees > 1000; } },
    { topic: 'manDays', clause: '§8.2', text: 'where App. A gives less than 70% of the initial time for recertification (1-20: 2 < 2.1; 81-100: 4 < 4.2; 201-300: 5.5 < 5.6; past 1000 in places), §8.2\'s "不应少于70%" wins and the time is raised to the next half man-day',
      applies: function (input) { return input.audit === 'recertification'; } },
    { topic: 'grade', clause: '§6.5', text: 'the document names only the pass line (70, fewer than 5 扣分项) and 五星级 at 95; scores 70-94.99 are 达标 with no stars: certsh does not borrow 三星级/四星级 from other bodies\' practice',
      applies: function (input, r) { return r.pass && !r.stars; } },
    { topic: 'grade', clause: '§6.5', text: '扣分项 are counted as GB/T 27922\'s special deduction items (特别扣分项), the items the pass rule of the criteria counts; "少于5项（不含）" passes, "多于5项（含）" fails, so exactly 5 fails' },
    { topic: 'validity', clause: '§5', text: 'three years counted from the decision date, the decision day included: the last valid day is the day before the third anniversary' },
    { topic: 'numbering', clause: '§6.7.1 7)', text: 'the document requires a number but gives no format: certsh uses CAS-SV-YYYY-NNNNN' }
  ],

  manDays: {
    table: {
      clause: 'App. A', of: 'employees',
      columns: ['initial', 'surveillance', 'recertification'],
      rows: [
        [1, 20, 3, 1.5, 2],
        [21, 50, 4, 1.5, 3],
        [51, 80, 5, 2, 3.5],
        [81, 100, 6, 2, 4],
        [101, 200, 7, 2.5, 5],
        [201, 300, 8, 3, 5.5],
        [301, 500, 9, 3, 6.5],
        [501, 1000, 10, 3.5, 7]
      ],
      beyond: {
        clause: 'App. A', count: 'started',
        per: { initial: [600, 1], surveillance: [900, 0.5], recertification: [450, 0.5] },
        text: 'position: each started further block counts (1001-1600 staff: initial 11)'
      }
    },
    minimumOfInitial: {
      surveillance: { ratio: 0.3, clause: '§7.4' },
      recertification: { ratio: 0.7, clause: '§8.2' }
    },
    rounding: { step: 0.5, mode: 'up', clause: 'App. A', text: 'the table counts in half man-days; a minimum is met by the next half day' },
    onsite: { share: 1, clause: 'App. A', text: 'the table gives on-site man-days (现场审查（人日）); 1 man-day = 8 hours, not shortened by longer days (note 3)' },
    reduction: { max: 0.3, clause: '§6.2.3' },
    experts: { clause: '§6.2.4', text: 'technical experts are not counted in the audit time' }
  },

  score: { criteria: 'gbt27922', clause: '§6.4.3', text: 'each indicator scored by GB/T 27922 §6.2-6.3' },

  grade: {
    clause: '§6.5',
    pass: { minScore: 70, itemsBelow: 5, items: '扣分项', clause: '§6.5' },
    levels: [
      { min: 70, level: '达标', stars: 0, clause: '§6.5' },
      { min: 95, level: '五星级', stars: 5, clause: '§6.5' }
    ],
    fail: '不通过现场审查'
  },

  validity: { years: 3, clause: '§5', text: '认证证书有效期三年; the first cycle from the initial decision, later ones from the recertification decision' },
  numbering: { pattern: 'CAS-SV-{year}-{seq:5}', clause: '§6.7.1 7)', text: 'position: no format is given' },
  // The certificate's contents, in the order of §6.7.1 (2) 认可标识 and 9) 其他需要标注的内容 have no field in the register)
  certificate: {
    clause: '§6.7.1', title: '服务认证证书',
    fields: [
      { field: 'body', label: 'CAS 的名称', clause: '§6.7.1 1)' },
      { field: 'holder', label: '获证组织的名称', clause: '§6.7.1 3)' },
      { field: 'holderAddress', label: '地址', clause: '§6.7.1 3)' },
      { field: 'sites', label: '服务提供场所的地址', clause: '§6.7.1 3)' },
      { field: 'scope', label: '认证范围', clause: '§6.7.1 4)' },
      { field: 'standard', label: '服务认证依据的标准', value: 'GB/T 27922《商品售后服务评价体系》', clause: '§6.7.1 5)' },
      { field: 'issued', label: '发证日期', clause: '§6.7.1 6)' },
      { field: 'validity', label: '认证有效期', clause: '§6.7.1 6)' },
      { field: 'number', label: '证书编号', clause: '§6.7.1 7)' },
      { field: 'grade', label: '服务认证的星级', clause: '§6.7.1 8)' }
    ],
    notes: [
      { text: '获证组织必须定期接受监督审查并经审查合格此证书方继续有效', clause: '§6.7.1 7)' },
      { text: '“本证书信息可在国家认证认可监督管理委员会官方网站（www.cnca.gov.cn）上查询”', clause: '§6.7.1 10)' }
    ]
  },

  deadlines: {
    nonAcceptanceNotice: { days: 5, clause: '§6.1.5', text: '无法受理的，应在5日内通知申请组织' },
    correction: { months: 2, clause: '§7.5', text: '两个月内限期整改，逾期将停止使用认证证书和认证标志' },
    suspendWithin: { workingDays: 5, clause: '§9.3.2.1', text: '调查核实后的5个工作日内暂停' },
    suspensionLimit: { months: 6, clause: '§9.3.2.2', text: '暂停期不得超过6个月',
      exceptions: { licenceRenewal: { causes: ['licence-renewal'], clause: '§9.3.2.2', text: '属于9.3.2.1第（5）项情形的暂停期可至相关单位作出许可决定之日: no fixed end' } } },
    withdrawWithin: { workingDays: 5, clause: '§9.3.3.1', text: '调查核实后5个工作日内撤销' },
    appealAnswer: { days: 60, clause: '§10', text: '在60日内将处理结果形成书面通知送交申诉人' },
    recertApplication: { monthsBefore: 3, clause: '§8.1', text: '有效期满前三个月提出再审查申请' }
  },

  surveillance: {
    count: 2, clause: '§7.1',
    first: { from: 'initialAudit', opensMonths: 9, dueMonths: 12, clause: '§7.1', text: '初次审查后的9-12个月内完成第一年的监督审查' },
    next: { opensMonths: 9, dueMonths: 12, clause: '§7.1', text: '第一次监督审查结束后的9-12个月内完成第二年的监督审查' },
    notes: [{ clause: '§7.2', text: 'extra or special audits may be added between them after an incident, a major change, a change of criteria or repeated complaints' }]
  },

  causes: {
    suspension: [
      { code: 'nonconformity', clause: '§9.3.2.1 (1)', text: '服务体系持续或严重不满足认证要求' },
      { code: 'contract', clause: '§9.3.2.1 (2)', text: '不承担、履行认证合同约定的责任和义务' },
      { code: 'ordered-suspension', clause: '§9.3.2.1 (3)', text: '被有关执法监管部门责令停业整顿' },
      { code: 'audit-missed', clause: '§9.3.2.1 (4)', text: '无正当理由不按要求的频次接受监督审查或再认证审查' },
      { code: 'licence-renewal', clause: '§9.3.2.1 (5)', text: '资质或行政许可过期失效，重新提交的申请已被受理但尚未换证' },
      { code: 'voluntary', clause: '§9.3.2.1 (6)', text: '主动请求暂停' },
      { code: 'other', clause: '§9.3.2.1 (7)', text: '其他应当暂停认证证书的' }
    ],
    withdrawal: [
      { code: 'legal-status', clause: '§9.3.3.1 (1)', text: '被注销或撤销法律地位证明文件' },
      { code: 'obstruction', clause: '§9.3.3.1 (2)', text: '拒绝配合监督检查，或提供虚假材料或信息' },
      { code: 'major-accident', clause: '§9.3.3.1 (3)', text: '出现重大事故，经执法监管部门确认是获证组织违规造成' },
      { code: 'serious-violation', clause: '§9.3.3.1 (4)', text: '有其他严重违反法律法规行为' },
      { code: 'suspension-expired', clause: '§9.3.3.1 (5)', text: '暂停期限已满但导致暂停的问题未得到解决或纠正（含许可过期而申请未获批准）' },
      { code: 'system-not-run', clause: '§9.3.3.1 (6)', text: '没有运行售后服务体系或者已不具备运行条件' },
      { code: 'misuse', clause: '§9.3.3.1 (7)', text: '不正确引用和宣传认证信息造成严重影响，或要求纠正后超过2个月仍未纠正' },
      { code: 'dishonesty-list', clause: '§9.3.3.1 (8)', text: '被列入质量信用严重失信企业名单' },
      { code: 'refused-inspection', clause: '§9.3.3.1 (9)', text: '拒绝接受国家监督检查或行业主管部门抽查' },
      { code: 'other', clause: '§9.3.3.1 (10)', text: '其他应当撤销认证证书的' }
    ],
    incident: [
      { code: 'incident', clause: '§7.2 a)', text: '严重的事故、媒体曝光或顾客投诉，经查实为获证组织责任' },
      { code: 'major-change', clause: '§7.2 b)', text: '重大变更，包括法人、组织机构、有关职能、服务资源等' },
      { code: 'criteria-change', clause: '§7.2 c)', text: '认证依据发生变化' },
      { code: 'repeated-complaints', clause: '§7.2 d)', text: '相关方多次投诉' },
      { code: 'other', clause: '§7.2 e)', text: '其他特殊情况' }
    ]
  },

  eligibility: [
    { code: 'legal-status', fact: 'legalStatus', refuseIf: false, clause: '§6.1.3 (1)', text: '申请组织法律地位的合法性' },
    { code: 'licence', fact: 'licence', refuseIf: false, clause: '§6.1.2 (4)', text: '从事相关服务的资质和行政许可' },
    { code: 'ordered-suspension', fact: 'orderedSuspension', refuseIf: true, clause: '§6.1.4', text: '被执法监管部门责令停业整顿的，不受理' },
    { code: 'serious-illegal-list', fact: 'seriousIllegalList', refuseIf: true, clause: '§6.1.4', text: '被列入“严重违法企业名单”的，不受理' },
    { code: 'system-running', fact: 'managementSystemMonths', below: 3, clause: '§6.1.2 (6)', text: '服务管理体系应至少有效运行3个月' }
  ],

  requires: {
    application: [
      { item: '认证申请书（含申请认证的服务范围）', clause: '§6.1.2 (1)' },
      { item: '组织简介', clause: '§6.1.2 (2)' },
      { item: '营业执照（统一社会信用代码）复印件', clause: '§6.1.2 (3)' },
      { item: '资质和行政许可复印件（适用时）', clause: '§6.1.2 (4)' },
      { item: '服务类型清单', clause: '§6.1.2 (5)' },
      { item: '服务管理体系文件及文件清单（体系至少有效运行3个月）', clause: '§6.1.2 (6)' },
      { item: '相关法律法规、规范和标准清单', clause: '§6.1.2 (7)' },
      { item: '服务认证活动、主要服务流程和服务设施的说明', clause: '§6.1.2 (8)' },
      { item: '组织机构图（总图、售后服务体系有关部门）', clause: '§6.1.2 (9)' },
      { item: '已获其他认证情况', clause: '§6.1.2 (10)' },
      { item: '依据GB/T 27922的自我审查报告', clause: '§6.1.2 (11)' }
    ],
    report: [
      { item: '审查的目的、范围和准则', clause: '§6.5 1)' },
      { item: '申请人的基本情况（名称、地址、管理者代表）', clause: '§6.5 2)' },
      { item: '审查类型（初次、监督或再审查）', clause: '§6.5 3)' },
      { item: '审查组成员及审查时间', clause: '§6.5 4)' },
      { item: '抽样及样本信息', clause: '§6.5 5)' },
      { item: '服务审查结果及其说明', clause: '§6.5 6)' },
      { item: '与认证要求符合性的陈述（包括任何不符合）', clause: '§6.5 7)' },
      { item: '报告覆盖的时间段', clause: '§6.5 8)' },
      { item: '审查的分值和审查结论', clause: '§6.5 9)' }
    ],
    certificate: [
      { item: 'CAS的名称及其认证标志', clause: '§6.7.1 1)' },
      { item: '认可标识（适用时）', clause: '§6.7.1 2)' },
      { item: '获证组织的名称、地址及服务提供场所的地址', clause: '§6.7.1 3)' },
      { item: '认证范围', clause: '§6.7.1 4)' },
      { item: '服务认证依据的标准', clause: '§6.7.1 5)' },
      { item: '发证日期和认证有效期', clause: '§6.7.1 6)' },
      { item: '证书编号及定期接受监督审查的提示信息', clause: '§6.7.1 7)' },
      { item: '服务认证的星级（使用时）', clause: '§6.7.1 8)' },
      { item: '证书查询方式及“本证书信息可在国家认证认可监督管理委员会官方网站（www.cnca.gov.cn）上查询”', clause: '§6.7.1 10)' }
    ]
  },

  // The document's clauses in order (seed 001's headings; a paragraph without a heading is named by
  // its first words): certsh doc lists each with what cites it, lint checks every clause cited.
  outline: [
    { clause: '§1', title: '目的和范围' },
    { clause: '§1.1', title: '本规则用于规范杭州中奥质量认证有限公司 （以下简称“CA…' },
    { clause: '§1.2', title: '本规则依据认证认可相关法律法规和相关技术标准' },
    { clause: '§1.3', title: '本规则是对CAS从事中国境内服务认证活动的基本要求' },
    { clause: '§2', title: '对CAS的要求' },
    { clause: '§2.1', title: '具备《中华人民共和国认证认可条例》规定的条件和从事服务认…' },
    { clause: '§2.2', title: '认证能力、内部管理和工作体系符合CNAS-CC02/ I…' },
    { clause: '§2.3', title: '建立内部制约、监督和责任机制' },
    { clause: '§2.4', title: '鼓励CAS通过国家认监委确定的认可机构的认可' },
    { clause: '§2.5', title: 'CAS不得将申请认证的组织（以下简称申请组织）是否获得认…' },
    { clause: '§3', title: '对服务认证人员的要求' },
    { clause: '§3.1', title: '服务认证审查员应当取得国家认监委确定的认证人员注册机构颁…' },
    { clause: '§3.2', title: '应对本机构的认证人员的能力做出审查' },
    { clause: '§3.3', title: '认证人员应当遵守从业相关的法律法规' },
    { clause: '§4', title: '认证依据' },
    { clause: '§5', title: '认证方案和认证制度' },
    { clause: '§6', title: '认证实施程序及要求' },
    { clause: '§6.1', title: '认证申请' },
    { clause: '§6.1.1', title: 'CAS应向申请认证的组织（以下简称申请组织）至少公开以下…' },
    { clause: '§6.1.2', title: '在中华人民共和国境内注册的具有服务活动的企业均可向CAS…' },
    { clause: '§6.1.3', title: '认证申请评审' },
    { clause: '§6.1.4', title: '根据申请组织申请的认证范围、服务场所、员工人数、完成审查…' },
    { clause: '§6.1.5', title: '对符合6.1.2、6.1.3、6.1.4要求的' },
    { clause: '§6.1.6', title: 'CAS应完整保存认证申请评审工作记录' },
    { clause: '§6.1.7', title: '认证合同的签订' },
    { clause: '§6.1.8', title: '认证信息或认证要求变更申请的评审' },
    { clause: '§6.2', title: '审查准备' },
    { clause: '§6.2.1', title: 'CAS 建立并实施服务认证管理体系文件' },
    { clause: '§6.2.2', title: '依据上述文件的要求' },
    { clause: '§6.2.3', title: '为确保认证审查的完整有效' },
    { clause: '§6.2.4', title: 'CAS应选派有能力的审查员组成审查组' },
    { clause: '§6.2.5', title: '审查实施前' },
    { clause: '§6.3', title: '文件审查' },
    { clause: '§6.4', title: '现场审查' },
    { clause: '§6.4.1', title: '现场审查宜安排在正常营业时间内进行' },
    { clause: '§6.4.2', title: '原则上' },
    { clause: '§6.4.3', title: '审查组依据 GB/T 27922《商品售后服务评价体系》…' },
    { clause: '§6.5', title: '审查报告' },
    { clause: '§6.6', title: '认证决定' },
    { clause: '§6.7', title: '认证证书' },
    { clause: '§6.7.1', title: 'CAS 向满足认证要求的申请组织提供正式的服务认证证书' },
    { clause: '§6.7.2', title: 'CAS应当建立证书信息披露制度' },
    { clause: '§7', title: '获证后监督' },
    { clause: '§7.1', title: '为确保获证组织提供的服务持续满足认证要求' },
    { clause: '§7.2', title: '在证书有效期间' },
    { clause: '§7.3', title: '监督审查至少包括以下内容' },
    { clause: '§7.4', title: '监督审查人日数' },
    { clause: '§7.5', title: '监督审查结果的批准' },
    { clause: '§8', title: '再审查' },
    { clause: '§8.1', title: '服务认证证书有效期三年' },
    { clause: '§8.2', title: '再审查程序与初次审查程序一致' },
    { clause: '§9', title: '认证的终止、扩大或缩小认证范围、暂停或撤销' },
    { clause: '§9.1', title: '认证的终止' },
    { clause: '§9.2', title: '扩大认证范围' },
    { clause: '§9.3', title: '暂停或撤销认证证书、缩小认证范围' },
    { clause: '§9.3.1', title: 'CAS 应制定暂停、撤销认证证书或缩小认证范围的规定和文…' },
    { clause: '§9.3.2', title: '暂停证书' },
    { clause: '§9.3.2.1', title: '获证组织有以下情形之一的' },
    { clause: '§9.3.2.2', title: '认证证书暂停期不得超过6个月' },
    { clause: '§9.3.2.3', title: 'CAS应以适当方式公开暂停认证证书的信息' },
    { clause: '§9.3.3', title: '撤销证书' },
    { clause: '§9.3.3.1', title: '获证组织有以下情形之一的' },
    { clause: '§9.3.3.2', title: '撤销认证证书后' },
    { clause: '§9.3.4', title: 'CAS暂停或撤销认证证书应当在其网站上公布相关信息' },
    { clause: '§9.3.5', title: 'CAS应采取有效措施避免各类无效的认证证书和认证标志被继…' },
    { clause: '§10', title: '受理组织的申诉' },
    { clause: '§11', title: '认证记录的管理' },
    { clause: '§11.1', title: 'CAS应当建立认证记录保持制度' },
    { clause: '§11.2', title: '记录应当真实准确以证实认证活动得到有效实施' },
    { clause: '§11.3', title: '以电子文档方式保存记录的' },
    { clause: '§11.4', title: '所有具有相关人员签字的书面记录' },
    { clause: '§12', title: '其他' },
    { clause: '§12.1', title: '本规则内容提及GB/T 27922标准时均指认证活动发生…' },
    { clause: '§12.2', title: '本规则所提及的各类证明文件的复印件应是在原件上复印的' },
    { clause: '§12.3', title: 'CAS可开展服务认证及相关技术标准的宣贯培训' },
    { clause: '§13', title: '认证收费' },
    { clause: 'App. A', title: '商品售后服务审查体系认证人日数表' },
    { clause: 'App. B', title: '附录B' }
  ]
});
