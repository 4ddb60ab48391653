// schemes/dni-aftersales.js — DNI (数网信认证服务（北京）有限公司) 商品售后服务认证规则,
// DNI-GZ-JS-14 version F/2, in force 2025-08-15 (first issued 2021-09-26): seed 003. Clauses
// are the document's (§5.3.3.7 = section 5.3.3.7; Annex 3 = 附件三).
'use strict';

module.exports = defineScheme({
  id: 'dni-aftersales',
  version: 'F/2',
  effective: '2025-08-15',
  title: '商品售后服务认证规则',
  owner: '数网信认证服务（北京）有限公司 (DNI)',
  document: 'DNI-GZ-JS-14',
  criteria: ['gbt27922'],
  fieldCode: '02.03.01',
  model: {
    clause: '§3 2)',
    modes: { A: '服务特性检验', B: '服务特性检测', C: '顾客调查', D: '服务足迹测评', E: '服务能力确认或验证', F: '服务设计审核', G: '服务管理审核' },
    initial: 'A+G', recertification: 'A+G', surveillance: 'A+G'
  },
  // What the register may decide, and when (stdlib/workflow: the ISO/IEC 17065 base, DNI's words).
  workflow: {
    clause: '§5',
    decisionGuards: [{ code: 'report', clause: '§5.3.3.7', text: '审查组长应编制《服务认证审查报告》，并对审查报告的内容负责 (§6.1 6): 审查报告能够满足作出认证决定所需要的信息)' }],
    transitions: {
      accept: { guards: [{ code: 'facts-stated', check: 'factsStated', clause: '§5.1', text: '申请认证的组织应满足 A)-I) 的条件: each stated, or checked by the reviewer' }] },
      audit: { guards: [
        { code: 'contract', clause: '§5.2.2', text: '根据评审结论与认证申请方签署《服务认证合同》' },
        { code: 'registered-auditors', check: 'registered', clause: '§4', text: '认证审查员应取得中国认证认可协会（CCAA）的服务认证审查员注册资格' },
        { code: 'leader', check: 'leader', clause: '§5.3.2', text: '由审查组组长进行文件审查工作，并对文件审查结果负责: the team has its leader, an auditor' },
        { code: 'technical-competence', check: 'technicalCompetence', field: '02.03.01', clause: '§5.3.1.3', text: '考虑审查员所具有的专业能力 (附件二: 商品售后服务, 专业代码 02.03.01): an auditor of the field, or a technical expert' },
        { code: 'experts-advise', check: 'expertsAdvise', clause: '§5.3.1.3', text: '公司选派有能力的审查员组成审查组: the team audits with auditors' },
        { code: 'document-review', check: 'documentReview', clause: '§5.3.2', text: '文件审查是在现场审查实施前进行…文件审查通过后，方可安排现场审查' },
        { code: 'plan', check: 'planned', changesNotified: true, clause: '§5.3.1.4', text: '审查实施前，审查组织制定书面的审查计划（包括多场所抽样计划）…如遇特殊情况临时变更计划时，应及时将变更情况书面通知受审查方' },
        { code: 'audit-time', check: 'auditTime', clause: 'Annex 3', text: 'the audit time of Annex 3 (§5.3.1.2 for surveillance and recertification); the document allows no reduction' },
        { code: 'site-sample', check: 'sitesSampled', sampling: 'iaf-md1', clause: '§5.3.3.3', text: '对于多场所，根据抽样原则确定审查场所 (§5.3.1.4: 审查计划（包括多场所抽样计划）)' }] },
      reject: { guards: [{ code: 'reason', clause: '§5.2.1', text: '无法受理的认证项目，应在15日内通知认证申请方（并说明原因）' }] },
      certify: {
        grade: { from: 'evaluation', clause: '§5.3.3.7', text: '达标级 ≥70, 三星级 ≥80, 四星级 ≥90, 五星级 ≥95' },
        guards: [
          { code: 'passes', clause: '§5.3.3.6', text: '同意推荐认证注册: score ≥ 70 and fewer than 5 特别扣分项 (§5.3.3.7)' },
          { code: 'grade', clause: '§5.3.3.4', text: '出具评价结果，包括等级: the grade is the one the score reaches' }] },
      refuse: { guards: [{ code: 'reason', clause: '§5.4', text: '将不能注册的原因书面通知申请组织' }] },
      postpone: { decision: 'neutral', on: 'case', from: ['accepted'], clause: '§5.3.3.6', text: '推迟推荐认证注册: the decision waits for corrections; the case stays accepted',
        guards: [{ code: 'reason', check: 'reason', clause: '§5.3.3.6', text: 'the reasons for postponing are recorded and told' }] },
      maintain: { guards: [{ code: 'passes', clause: '§5.6.5', text: '复核为合格者，公司将批准其继续保持认证资格、使用认证标志' }] },
      recertify: { grade: { from: 'evaluation', clause: '§5.7', text: 'the recertification evaluation grades as the initial one (§5.3.3.7)' } },
      restore: { guards: [{ code: 'within-limit', request: true, clause: '§6.8.2 1)', text: '在确定的认证资格暂停限期结束前，获证客户向DNI提出恢复认证资格的申请' }] }
    },
    actions: [
      { code: 'surveillance-missed', when: 'surveillanceMissed', do: 'suspend', clause: '§6.7.1', text: '不能在规定的时限内接受监督审查: suspend' },
      { code: 'surveillance-failed', when: 'surveillanceFailed', do: 'suspend', forbids: ['maintain'], clause: '§6.7.1', text: '服务特性及管理持续或严重不满足认证要求: suspend' },
      { code: 'correction-overdue', when: 'correctionOverdue', do: 'suspend', forbids: ['maintain', 'recertify'], clause: '§5.6.5', text: '两个月内限期整改，逾期将停止使用认证证书和认证标志' },
      { code: 'suspension-limit', when: 'suspensionLimit', do: 'withdraw', forbids: ['restore'], clause: '§6.9.1', text: '在暂停期限内未采取有效纠正措施的，撤销' }
    ]
  },

  positions: [
    { topic: 'workflow.audit', clause: '§5.3.3.3', text: '"根据抽样原则确定审查场所" names no sample size: certsh samples as IAF MD 1:2018 §6.1 (√n sites besides the central function at the initial audit, 0.6√n at surveillance, 0.8√n at recertification, rounded up; the central function every time); Annex 3 note 5 still gives each site visited at least 0.5 man-day' },
    { topic: 'manDays', clause: '§5.3.1.2', text: '"按初审人日数的1/3 (2/3) 计算" gives fractions; certsh rounds them up to the next half man-day (Annex 3 note 5 counts in half days; rounding down would audit less than the stated share): initial 2 → surveillance 1 (0.667), recertification 1.5 (1.333)',
      applies: function (input) { return input.audit === 'surveillance' || input.audit === 'recertification'; } },
    { topic: 'manDays', clause: 'Annex 3', text: '">10700 遵循上述递进规律": the upper bounds of the last bands grow by about a quarter each (5450→6800→8500→10700: ×1.248, ×1.25, ×1.259), so each further band ends at the previous end × 1.25, rounded to a whole person, and adds 1 man-day: 10701-13375 → 21, 13376-16719 → 22, …',
      applies: function (input) { return input.employees > 10700; } },
    { topic: 'manDays', clause: 'Annex 3 note 4', text: 'the on-site time "不少于最终确定的审查总时间的80%" is rounded up to the next half man-day, never above the total',
      applies: function (input, r) { return Math.abs(r.total * 1.6 - Math.round(r.total * 1.6)) > 1e-9; } },
    { topic: 'validity', clause: '§5.5.2', text: 'certificates are issued for the longest validity, 3 years, counted from the decision date with the decision day included: the last valid day is the day before the third anniversary' },
    { topic: 'numbering', clause: '§5.5.1 (4)', text: 'the document\'s sample shows an 8-character 注册号 but no rule: certsh uses DNI-SPSHFW-YYYY-NNNNN (SPSHFW is the project abbreviation of §3 3))' },
    { topic: 'workflow.maintain', clause: '§5.6.5', text: 'the document grades at the initial audit (§5.3.3.7) and says nothing of the grade at surveillance: a passed surveillance keeps the grade held; the recertification evaluation sets it anew' },
    { topic: 'surveillance', clause: '§5.6.1', text: 'the extension to 15 months needs DNI\'s approval of a written request and must stay "在该日历年内": certsh reads that as the calendar year in which the 12-month due date falls, so latest = the earlier of 15 months and 31 December of that year' }
  ],

  manDays: {
    table: {
      clause: 'Annex 3', of: 'employees',
      columns: ['initial'],
      rows: [
        [1, 25, 2], [26, 45, 3], [46, 65, 4], [66, 125, 5], [126, 175, 6], [176, 275, 7], [276, 425, 8],
        [426, 625, 9], [626, 875, 10], [876, 1175, 11], [1176, 1550, 12], [1551, 2025, 13], [2026, 2675, 14],
        [2676, 3450, 15], [3451, 4350, 16], [4351, 5450, 17], [5451, 6800, 18], [6801, 8500, 19], [8501, 10700, 20]
      ],
      beyond: { clause: 'Annex 3', growth: 1.25, add: 1, text: 'position: each further band ends 25% above the previous one and adds 1 man-day' }
    },
    derived: {
      surveillance: { ratio: 1 / 3, ratioText: '1/3', clause: '§5.3.1.2' },
      recertification: { ratio: 2 / 3, ratioText: '2/3', clause: '§5.3.1.2' }
    },
    rounding: { step: 0.5, mode: 'up', clause: '§5.3.1.2', text: 'position: up to the next half man-day' },
    onsite: { share: 0.8, clause: 'Annex 3 note 4', text: 'the rest is for planning and writing the report' },
    perSite: { min: 0.5, clause: 'Annex 3 note 5' },
    experts: { clause: 'Annex 3 note 3', text: 'auditors\' travel time is not counted' }
  },

  score: { criteria: 'gbt27922', clause: '§5.3.3.7', text: '最终评价得分 = 评价指标涉及项得分 − 特别扣分项得分 + 特别加分项得分' },

  grade: {
    clause: '§5.3.3.7',
    pass: { minScore: 70, itemsBelow: 5, items: '特别扣分项', clause: '§5.3.3.7' },
    levels: [
      { min: 70, level: '达标级', stars: 0 },
      { min: 80, level: '三星级', stars: 3 },
      { min: 90, level: '四星级', stars: 4 },
      { min: 95, level: '五星级', stars: 5 }
    ],
    fail: '不合格'
  },

  validity: { years: 3, clause: '§5.5.2', text: '认证证书有效期最长为3年; the cycle runs from the initial or recertification decision (§3 3))' },
  numbering: { pattern: 'DNI-SPSHFW-{year}-{seq:5}', clause: '§5.5.1 (4)', text: 'position: no format is given' },
  // The certificate's contents (§5.5.1 (1)-(7)), with the labels and order of the sample in 附件四
  certificate: {
    clause: '§5.5.1', title: '商品售后服务认证证书',
    fields: [
      { field: 'number', label: '注册号', clause: '§5.5.1 (4)' },
      { field: 'holder', label: '兹证明', clause: '§5.5.1 (1)' },
      { field: 'uscc', label: '统一社会信用代码', clause: '§5.5.1 (1)' },
      { field: 'holderAddress', label: '注册地址', clause: '§5.5.1 (1)' },
      { field: 'sites', label: '审核地址', clause: '§5.5.1 (2)' },
      { field: 'standard', label: '售后服务经评价符合', value: 'GB/T 27922-2011《商品售后服务评价体系》、GTS DNISC0301-2025《商品售后服务认证技术规范》', clause: '§5.5.1 (3)' },
      { field: 'grade', label: '等级', clause: '§5.5.1 (3)' },
      { field: 'scope', label: '通过认证范围', clause: '§5.5.1 (2)' },
      { field: 'issued', label: '颁证日期', clause: '§5.5.1 (6)' },
      { field: 'expires', label: '有效期至', clause: '§5.5.1 (6)' },
      { field: 'body', label: '认证机构名称', clause: '§5.5.1 (5)' }
    ],
    notes: [
      { text: '本证书有效性查询可扫描二维码', clause: 'Annex 4' },
      { text: '也可登陆国家认证认可监督管理委员会官方网站 www.cnca.gov.cn 查询：“本证书信息可在国家认证认可监督管理委员会官方网站（www.cnca.gov.cn）上查询”', clause: '§5.5.1 (7)' },
      { text: '获证组织必须定期接受监督审查并经审查合格此证书方继续有效', clause: '§5.5.1 (6)' }
    ]
  },

  deadlines: {
    nonAcceptanceNotice: { days: 15, clause: '§5.2.1', text: '无法受理的认证项目，应在15日内通知认证申请方' },
    correction: { months: 2, clause: '§5.6.5', text: '两个月内限期整改，逾期将停止使用认证证书和认证标志' },
    suspensionLimit: { months: 6, clause: '§6.7.3', text: '认证资格暂停期最长不超过6个月' },
    recertApplication: { monthsBefore: 3, clause: '§5.7.1', text: '在认证证书有效期满前三个月提出再认证申请' }
  },

  surveillance: {
    count: 2, clause: '§5.6.1',
    first: { from: 'decision', dueMonths: 12, clause: '§5.6.1', text: '第一次监督审核应在认证决定日期起12个月内进行' },
    next: { dueMonths: 12, latestMonths: 15, withinCalendarYear: true, clause: '§5.6.1', text: '两次监督审核的时间间隔通常情况下不超过12个月',
      latestClause: '§5.6.1', latestText: '经书面申请批准后，第2次监督审核期限可延长至15个月，且在该日历年内', latestNeedsApproval: true },
    calendarYear: { clause: '§5.6.1', text: '此后，监督审核应至少每个日历年（应进行再认证的年份除外）进行一次' }
  },

  causes: {
    suspension: [
      { code: 'nonconformity', clause: '§6.7.1', text: '服务特性及管理持续或严重不满足认证要求' },
      { code: 'major-change', clause: '§6.7.1', text: '服务业务发生重大变更，不能持续符合认证标准/规范性文件要求' },
      { code: 'correction-overdue', clause: '§6.7.1', text: '不合格未在规定时间内完成纠正措施和（或）纠正' },
      { code: 'licence-renewal', clause: '§6.7.1', text: '行政许可证明、资质证书等过期失效，重新提交的申请已被受理但尚未换证' },
      { code: 'audit-missed', clause: '§6.7.1', text: '不能在规定的时限内接受监督审查或再认证审查' },
      { code: 'contract', clause: '§6.7.1', text: '未履行认证合同规定的责任和义务，并对保持认证资格产生重大影响' },
      { code: 'fees-unpaid', clause: '§6.7.1', text: '未按照认证合同规定缴纳认证费用' },
      { code: 'misuse', clause: '§6.7.1', text: '误用认证证书和认证标志，并未能及时有效地采取纠正和纠正措施' },
      { code: 'penalty', clause: '§6.7.1', text: '在证书有效期内受到相关执法监管部门处罚' },
      { code: 'not-reported', clause: '§6.7.1', text: '未按要求对信息进行通报' },
      { code: 'regulator-finding', clause: '§6.7.1', text: '被监管部门发现存在问题或被投诉，经调查存在问题，但尚未构成撤销' },
      { code: 'major-accident', clause: '§6.7.1', text: '产品、活动出现重大事故，经确认是获证组织造成' },
      { code: 'ordered-suspension', clause: '§6.7.1', text: '被责令停业整顿或暂停产品生产或服务提供资格' },
      { code: 'legal-status', clause: '§6.7.1', text: '法律地位、资质不再符合国家的最新要求' },
      { code: 'out-of-scope', clause: '§6.7.1', text: '认证范围已不在现行有效的法律地位文件和资质规定的范围内，但仍有可能在短期内符合' },
      { code: 'non-cooperation', clause: '§6.7.1', text: '不接受或不配合认证认可监督管理部门的监督管理' },
      { code: 'unremedied-incident', clause: '§6.7.1', text: '发生重大事故、重大投诉、被媒体曝光，未查明原因和采取补救措施' },
      { code: 'voluntary', clause: '§6.7.1', text: '主动请求暂停' },
      { code: 'other', clause: '§6.7.1', text: '其他原因需要暂停证书' }
    ],
    restoration: [
      { code: 'corrected', clause: '§6.8.1', text: '已针对暂停原因采取有效的纠正措施，原因已经消除，暂停期内未使用认证资格和标志；在暂停期限结束前提出恢复申请 (§6.8.2 1))' }
    ],
    withdrawal: [
      { code: 'suspension-unresolved', clause: '§6.9.1', text: '在暂停期限内未采取有效纠正措施（包括许可过期失效而申请未获批准）' },
      { code: 'serious-complaint', clause: '§6.9.1', text: '投诉经调查存在严重问题，构成撤销' },
      { code: 'major-quality-problem', clause: '§6.9.1', text: '重大质量问题或严重违法违规行为，经执法监管部门确认' },
      { code: 'legal-status', clause: '§6.9.1', text: '被注销或撤销法律地位证明文件、服务提供资格，或有其他严重违法行为' },
      { code: 'inspection', clause: '§6.9.1', text: '在非定期监督审查、监督检查中发现严重问题，拒绝配合检查，或提供虚假材料、虚报瞒报' },
      { code: 'misuse', clause: '§6.9.1', text: '不正确引用和宣传认证信息造成严重影响，或要求纠正后超过2个月仍未纠正' },
      { code: 'cannot-operate', clause: '§6.9.1', text: '已不具备运行条件' },
      { code: 'dishonesty-list', clause: '§6.9.1', text: '被列入严重违法失信名单或被认定存在严重违法失信行为' },
      { code: 'replaced', clause: '§6.9.1', text: '因换发新证而撤销旧证书' },
      { code: 'contract', clause: '§6.9.1', text: '不承担、履行认证合同约定的责任和义务' },
      { code: 'fees-unpaid', clause: '§6.9.1', text: '长期拖缴认证费用，并催缴无效' },
      { code: 'false-information', clause: '§6.9.1', text: '提供虚假信息，且影响了审核、认证决定的有效性' },
      { code: 'changed-body', clause: '§6.9.1', text: '更换认证机构（未书面告知DNI）' },
      { code: 'voluntary', clause: '§6.9.1', text: '主动放弃认证' },
      { code: 'other', clause: '§6.9.1', text: '其他原因需要撤销证书' }
    ],
    incident: [
      { code: 'incident', clause: '§5.6.2 A)', text: '严重的事故、媒体曝光或顾客投诉，经证实为获证组织责任' },
      { code: 'major-change', clause: '§5.6.2 B)', text: '重大变更，包括法人、组织机构、有关职能、服务资源等' },
      { code: 'criteria-change', clause: '§5.6.2 C)', text: '认证依据发生变化' },
      { code: 'repeated-complaints', clause: '§5.6.2 D)', text: '相关方多次投诉' },
      { code: 'other', clause: '§5.6.2 E)', text: '其他特殊情况' }
    ]
  },

  eligibility: [
    { code: 'legal-status', fact: 'legalStatus', refuseIf: false, clause: '§5.1 A)', text: '具有法律地位' },
    { code: 'licence', fact: 'licence', refuseIf: false, clause: '§5.1 B)', text: '有行政许可要求的，应取得相应资格并在有效期内' },
    { code: 'lawful-service', fact: 'lawfulService', refuseIf: false, clause: '§5.1 C)', text: '服务及过程符合国家相关法律法规和标准要求' },
    { code: 'documented-system', fact: 'documentedSystem', refuseIf: false, clause: '§5.1 D)', text: '已着手建立文件化的服务系统' },
    { code: 'major-accident', fact: 'majorAccidentThisYear', refuseIf: true, clause: '§5.1 E)', text: '本年度无重大与拟申请认证领域相关的责任事故' },
    { code: 'ordered-suspension', fact: 'orderedSuspension', refuseIf: true, clause: '§5.1 F)', text: '未被执法监管部门责令停业整顿' },
    { code: 'serious-illegal-list', fact: 'seriousIllegalList', refuseIf: true, clause: '§5.1 G)', text: '未被列入“严重违法失信企业名单”' },
    { code: 'serious-dishonesty', fact: 'seriousDishonesty', refuseIf: true, clause: '§5.1 H)', text: '“信用中国”中没有“严重失信”记录' },
    { code: 'unresolved-suspension', fact: 'unresolvedSuspension', refuseIf: true, clause: '§5.1 I)', text: '被暂停或撤销证书的，整改完成、情形消除之前不受理' }
  ],

  requires: {
    application: [
      { item: '名称、地址及服务提供场所（物理地址或网址）', clause: '§5.2 A)' },
      { item: '申请认证的范围', clause: '§5.2 B)' },
      { item: '与申请认证的服务相关的一般信息（活动、人力与技术资源）', clause: '§5.2 C)' },
      { item: '影响符合性的外包过程的信息', clause: '§5.2 D)' },
      { item: '法律地位证明文件（多场所时每个场所）', clause: '§5.2 E)' },
      { item: '行政许可证明、资质证书、强制性认证证书（适用时）', clause: '§5.2 F)' },
      { item: '服务流程图及主要服务设施', clause: '§5.2 G)' },
      { item: '服务规范、服务提供规范和服务检验规范等文件', clause: '§5.2 H)' },
      { item: '自评报告（适用时）', clause: '§5.2 I)' },
      { item: '分部委托书或授权证明（适用时）', clause: '§5.2 J)' }
    ],
    report: [
      { item: '客户的名称和地址', clause: '§5.3.3.7 A)' },
      { item: '审查类型（初次、监督或再认证）', clause: '§5.3.3.7 B)' },
      { item: '审查目的、范围和准则', clause: '§5.3.3.7 C)' },
      { item: '审查组成员及审查时间', clause: '§5.3.3.7 D)' },
      { item: '抽样及样本信息', clause: '§5.3.3.7 E)' },
      { item: '与有关认证要求符合性的陈述（包括任何不符合）', clause: '§5.3.3.7 F)' },
      { item: '报告覆盖的时间段', clause: '§5.3.3.7 G)' },
      { item: '审查的分值和审查结论', clause: '§5.3.3.7 H)' }
    ],
    certificate: [
      { item: '获证组织名称、地址和统一社会信用代码', clause: '§5.5.1 (1)' },
      { item: '认证覆盖的服务地址和业务范围（多场所时各场所名称和地址）', clause: '§5.5.1 (2)' },
      { item: '符合标准的表述，包括等级', clause: '§5.5.1 (3)' },
      { item: '证书编号', clause: '§5.5.1 (4)' },
      { item: '认证机构名称', clause: '§5.5.1 (5)' },
      { item: '有效期的起止年月日及定期接受监督审查的提示信息', clause: '§5.5.1 (6)' },
      { item: '证书查询方式及“本证书信息可在国家认证认可监督管理委员会官方网站（www.cnca.gov.cn）上查询”', clause: '§5.5.1 (7)' }
    ]
  },

  // The document's clauses in order (seed 003's headings; a paragraph without a heading is named by
  // its first words): certsh doc lists each with what cites it, lint checks every clause cited.
  outline: [
    { clause: '§1', title: '目的和范围' },
    { clause: '§2', title: '认证依据' },
    { clause: '§3', title: '认证流程图、认证模式、认证领域划分' },
    { clause: '§4', title: '认证审查员要求' },
    { clause: '§5', title: '认证实施程序及要求' },
    { clause: '§5.1', title: '申请服务认证的条件' },
    { clause: '§5.2', title: '申请组织应提供' },
    { clause: '§5.2.1', title: '申请评审' },
    { clause: '§5.2.2', title: '认证合同的签订' },
    { clause: '§5.2.3', title: '认证信息或认证要求变更申请的评审' },
    { clause: '§5.2.4', title: '当申请组织认证范围内的任何部分以电子手段实施时' },
    { clause: '§5.3', title: '策划和审查' },
    { clause: '§5.3.1', title: '审查准备' },
    { clause: '§5.3.1.1', title: '公司将对整个认证周期制定审查方案' },
    { clause: '§5.3.1.2', title: '为确保认证审查的完整有效' },
    { clause: '§5.3.1.3', title: '公司选派有能力的审查员组成审查组' },
    { clause: '§5.3.1.4', title: '审查实施前' },
    { clause: '§5.3.2', title: '文件审查' },
    { clause: '§5.3.3', title: '初始现场审查' },
    { clause: '§5.3.3.1', title: '如受审查方服务活动复杂程度高、实际情况复杂或存在严重问题…' },
    { clause: '§5.3.3.2', title: '初次审查为现场审查' },
    { clause: '§5.3.3.3', title: '初次审查涉及受审查方申请范围内所有的服务、过程和职能部门' },
    { clause: '§5.3.3.4', title: '审查组采用抽样的方法' },
    { clause: '§5.3.3.5', title: '审查末次会议前' },
    { clause: '§5.3.3.6', title: '现场审查结论包括“同意推荐认证注册”、“推迟推荐认证注册…' },
    { clause: '§5.3.3.7', title: '审查组长应编制《服务认证审查报告》' },
    { clause: '§5.4', title: '认证复核及决定' },
    { clause: '§5.5', title: '认证证书及认证标志' },
    { clause: '§5.5.1', title: '认证证书应至少包含以下信息' },
    { clause: '§5.5.2', title: '认证证书有效期最长为3年' },
    { clause: '§5.5.3', title: '公司对获证客户使用的标志的进行管理' },
    { clause: '§5.5.4', title: '本公司通过认证合同、公开文件、《认证注册通知书》要求客户…' },
    { clause: '§5.5.5', title: '本公司将正确地控制其认证文件的所有权' },
    { clause: '§5.6', title: '获证后监督' },
    { clause: '§5.6.1', title: '监督的目的是验证获证组织服务是否持续满足认证标准要求' },
    { clause: '§5.6.2', title: '在证书有效期内' },
    { clause: '§5.6.3', title: '监督审查至少包括以下内容' },
    { clause: '§5.6.4', title: '监督审查实施' },
    { clause: '§5.6.5', title: '监督审查结果的批准' },
    { clause: '§5.7', title: '再认证' },
    { clause: '§5.7.1', title: '商品售后服务认证证书有效期三年' },
    { clause: '§5.7.2', title: '当售后服务管理体系及获证组织的内部和外部环境无重大变化时' },
    { clause: '§6', title: '认证的批准、拒绝、保持、扩大、缩小、暂停、恢复和撤销的条件和程序' },
    { clause: '§6.1', title: '批准认证范围的条件和程序' },
    { clause: '§6.1.1', title: '批准认证注册的条件' },
    { clause: '§6.1.2', title: '批准认证资格的程序' },
    { clause: '§6.2', title: '拒绝认证注册的条件和程序' },
    { clause: '§6.2.1', title: '拒绝认证资格的条件' },
    { clause: '§6.2.2', title: '拒绝认证注册的程序' },
    { clause: '§6.3', title: '保持认证资格的条件和程序' },
    { clause: '§6.3.1', title: '保持认证资格的条件' },
    { clause: '§6.3.2', title: '保持认证资格的程序' },
    { clause: '§6.4', title: '扩大认证范围的条件和程序' },
    { clause: '§6.4.1', title: '扩大认证范围的分类' },
    { clause: '§6.4.2', title: '扩大认证范围的条件' },
    { clause: '§6.4.3', title: '扩大认证范围的程序' },
    { clause: '§6.5', title: '缩小认证范围的条件和程序' },
    { clause: '§6.5.1', title: '缩小认证范围的分类' },
    { clause: '§6.5.2', title: '缩小认证范围的条件' },
    { clause: '§6.5.3', title: '缩小认证范围的程序' },
    { clause: '§6.6', title: '变更认证信息的程序' },
    { clause: '§6.7', title: '暂停认证资格的条件和程序' },
    { clause: '§6.7.1', title: '暂停认证资格的条件' },
    { clause: '§6.7.2', title: '暂停认证资格的程序' },
    { clause: '§6.7.3', title: '暂停期限' },
    { clause: '§6.8', title: '恢复认证资格的条件和程序' },
    { clause: '§6.8.1', title: '恢复认证资格的条件' },
    { clause: '§6.8.2', title: '恢复认证资格的程序' },
    { clause: '§6.9', title: '撤销认证资格的条件和程序' },
    { clause: '§6.9.1', title: '撤销认证资格的条件' },
    { clause: '§6.9.2', title: '撤销认证资格的程序' },
    { clause: '§7', title: '申诉、投诉和争议处理' },
    { clause: '§8', title: '认证费用' },
    { clause: 'Annex 1', title: '服务认证业务流程图' },
    { clause: 'Annex 2', title: '商品售后服务认证业务范围表' },
    { clause: 'Annex 3', title: '服务认证审查人日表' },
    { clause: 'Annex 4', title: '证书样本' }
  ]
});
