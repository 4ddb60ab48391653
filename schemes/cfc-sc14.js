// schemes/cfc-sc14.js — CFC (北京首信联合认证有限公司) SC14 商品售后服务认证实施规则,
// CFC/CTS6004-2017 revision C/1, in force 2025-06-15: seed 002. Clauses are the document's.
// The document fixes no audit-time table (§6.2.1 5): man-days are decided at application
// review), so this scheme has no manDays(); and it names five star levels without thresholds
// (§5), so grade() states its reading of them (see positions).
'use strict';

module.exports = defineScheme({
  id: 'cfc-sc14',
  version: 'C/1',
  effective: '2025-06-15',
  title: 'SC14 商品售后服务认证实施规则',
  owner: '北京首信联合认证有限公司 (CFC)',
  document: 'CFC/CTS6004-2017',
  criteria: ['gbt27922'],
  fieldCode: null,
  model: { clause: '§4', activities: ['文件审查', '初始审查', '暗访/随机调查（视情况）', '获证后监督'] },
  // What the register may decide, and when (stdlib/workflow: the ISO/IEC 17065 base, CFC's words).
  workflow: {
    clause: '§8',
    decisionGuards: [{ code: 'report', clause: '§8.6.3', text: '审查组长应将完整的审查报告提交首信认证。审查组长对审查报告中所有内容负责' }],
    transitions: {
      accept: { guards: [{ code: 'facts-stated', check: 'factsStated', clause: '§6.1', text: 'the application includes 有效的法律地位证明文件: stated, or checked by the reviewer' }] },
      audit: { guards: [
        { code: 'contract', clause: '§6.2.3', text: '申请获得受理后，首信认证将与客户签订具有法律效力的书面认证合同' },
        { code: 'registered-auditors', check: 'registered', clause: '§7.2.2', text: '认证审查人员必须取得服务认证人员注册资格' },
        { code: 'leader', check: 'leader', clause: '§7.2.3', text: '如果仅有一名审查员，该审查员应有能力履行适用于该审查的审查组长职责: the team has its leader, an auditor' },
        { code: 'experts-advise', check: 'expertsAdvise', clause: '§7.2.4', text: '技术专家应在审查员的指导下工作…但不能作为审查员' },
        { code: 'document-review', check: 'documentReview', clause: '§8.1', text: '在实施现场审查前，应委派审查组对认证申请组织的服务管理文件进行审查' },
        { code: 'assignment', check: 'assigned', contents: ['objectives', 'criteria', 'scope', 'from', 'to', 'team'], clause: '§7.2.5', text: '审查委任至少应包括以下内容：审查目的、审查依据、审查范围和边界、现场审查活动时间、审查组成员信息' },
        { code: 'plan', check: 'planned', by: 'leader', afterAssignment: true, everyAuditor: true, clause: '§7.3', text: '审查组长接到审查委任后编制现场审查计划，审查计划应向每个审查组成员分配…职责…至少应包含：拟实施现场审查的活动、日期和场所，预期的时间和持续时间，分配的审查人员及审查内容' }] },
      reject: { guards: [{ code: 'reason', clause: '§6.2.3', text: '应记录拒绝申请的原因并告知申请组织' }] },
      certify: {
        grade: { from: 'applied', clause: '§8.5.5 1)', text: '推荐/保持申请等级认证注册; a lower grade only as 推荐降级认证注册 on the applicant\'s request (§8.5.5 2))' },
        guards: [
          { code: 'passes', clause: '§8.8.2', text: '对经评定合格的认证申请组织，应确定认证服务等级，颁发认证证书 (the lowest star level, §8.5.5 3))' },
          { code: 'grade', clause: '§8.5.5 2)', text: '经整改仍不能达到申请认证等级要求，但满足下一级要求时，由申请认证组织提出申请，进行降级评定' }] },
      refuse: { guards: [{ code: 'reason', clause: '§8.8.2', text: '将不能注册的原因书面通知认证申请组织' }] },
      maintain: {
        guards: [{ code: 'passes', clause: '§8.10.3 1)', text: '审查结果满足所获认证等级要求时，推荐保持认证' }] },
      downgrade: { decision: 'positive', on: 'certificate', from: ['active'], clause: '§8.10.3 2) b)', text: '整改后不能满足已获级别要求但高于最低级别要求时降低等级后保持认证资格',
        grade: { from: 'evaluation', clause: '§8.10.3 2) b)', text: 'the level the surveillance score reaches' },
        guards: [
          { code: 'evaluated', check: 'evaluated', audits: ['surveillance'], clause: '§8.10.3', text: 'the downgrade rests on a surveillance that took place' },
          { code: 'passes', check: 'passes', clause: '§8.10.3 2) c)', text: '整改后不能满足最低级别要求时撤销认证: no downgrade below the lowest level' },
          { code: 'reason', check: 'reason', clause: '§8.10.3 2)', text: 'the reasons (the score below the grade held, the corrections verified) are recorded' }] },
      recertify: { grade: { from: 'applied', clause: '§8.11', text: '再认证程序与初次认证相同: the grade applied for, when the score reaches it' } },
      restore: { guards: [
        { code: 'cause', clause: '§9.5.1', text: '在规定的时间内完成纠正措施并经验证合格，恢复认证资格' },
        { code: 'within-limit', clause: '§9.5.1', text: '暂停期最长不超过6个月' }] }
    },
    actions: [
      { code: 'surveillance-missed', when: 'surveillanceMissed', do: 'suspend', clause: '§9.5.1 a)', text: '客户不按期接受认证监督的: suspend' },
      { code: 'below-held-grade', when: 'belowHeldGrade', stars: 1, do: 'downgrade', forbids: ['maintain'], clause: '§8.10.3 2)',
        text: '在监督审查中发现的总分低于获证级别时: suspend, or downgrade and keep the certification' },
      { code: 'below-lowest', when: 'surveillanceFailed', do: 'withdraw', forbids: ['maintain', 'downgrade'], clause: '§8.10.3 2) c)', text: '整改后不能满足最低级别要求时撤销认证' },
      { code: 'suspension-limit', when: 'suspensionLimit', do: 'withdraw', forbids: ['restore'], clause: '§9.5.2 a)', text: '整改期满未能达到整改目标（暂停期最长6个月，§9.5.1）: withdraw' }
    ]
  },

  positions: [
    { topic: 'grade', clause: '§5', text: 'CFC names 一星级 to 五星级 but states no thresholds. certsh takes the pass line 70 with fewer than 5 special deduction items from GB/T 27922 practice, reads the lowest star level (§8.5.5 3) "最低星级要求") as that pass line: 一星级 ≥ 70, and takes 三星级 ≥ 80, 四星级 ≥ 90, 五星级 ≥ 95 from the same practice (DNI §5.3.3.7 states them for the same criteria). No public source gives 二星级 a score, so a score never yields 二星级; a body that sets one defines its own version of this scheme' },
    { topic: 'surveillance', clause: '§8.10.1 1)', text: '"特殊情况可以适当延长" is an exception the body decides: the 15-month limit holds only for a surveillance whose extension is recorded with its reason and approval (certificate.extendSurveillance); the recertification year is the year the certificate expires' },
    { topic: 'surveillance', clause: '§7.1.3', text: '§7.1.3 says two surveillance audits are never more than 12 months apart; §8.10.1 1) says normally 12 and, in special cases, never more than 15. certsh follows the more specific §8.10.1: due at 12 months, latest 15' },
    { topic: 'validity', clause: '§7.1.1', text: 'three years counted from the decision date, the decision day included: the last valid day is the day before the third anniversary' },
    { topic: 'numbering', clause: '§9.2', text: 'the document requires a number but gives no format: certsh uses CFC-SC14-YYYY-NNNNN' },
    { topic: 'deadline.correction', clause: '§8.7.2', text: 'no period is stated: the audit team sets the due date of each nonconformity (在规定期限内), recorded on the finding; there is no correction deadline() rule' }
  ],

  score: { criteria: 'gbt27922', clause: '§3', text: 'scored against GB/T 27922-2011 (§3)' },

  grade: {
    clause: '§5',
    pass: { minScore: 70, itemsBelow: 5, items: '特别扣分项', clause: '§8.5.5' },
    levels: [
      { min: 70, level: '一星级', stars: 1, clause: '§8.5.5 3)' },
      { min: 80, level: '三星级', stars: 3, clause: '§5' },
      { min: 90, level: '四星级', stars: 4, clause: '§5' },
      { min: 95, level: '五星级', stars: 5, clause: '§5' }
    ],
    fail: '不推荐认证注册',
    named: { clause: '§5', levels: ['一星级', '二星级', '三星级', '四星级', '五星级'] }, // the document's five words (lint: which no score reaches)
    notes: [{ clause: '§8.5.5 2)', text: 'a lower grade than applied for is recommended only on the applicant\'s request (推荐降级认证注册)' }]
  },

  validity: { years: 3, clause: '§7.1.1', text: '证书有效期为3年，认证周期自初始认证或再认证的认证决定日算起 (also §9.1)' },
  numbering: { pattern: 'CFC-SC14-{year}-{seq:5}', clause: '§9.2', text: 'position: no format is given' },
  // The certificate's contents (§9.2 "至少应标明"), in its order; a reissue names its date (§9.3)
  certificate: {
    clause: '§9.2', title: '商品售后服务认证证书',
    fields: [
      { field: 'holder', label: '客户/经营场所名称', clause: '§9.2' },
      { field: 'holderAddress', label: '地址', clause: '§9.2' },
      { field: 'scope', label: '认证范围', clause: '§9.2' },
      { field: 'grade', label: '认证级别', clause: '§9.2' },
      { field: 'standard', label: '认证依据的实施规则/标准', value: 'CFC/CTS6004-2017《SC14 商品售后服务认证实施规则》、GB/T 27922-2011《商品售后服务评价体系》', clause: '§9.2' },
      { field: 'number', label: '证书编号', clause: '§9.2' },
      { field: 'body', label: '发证机构名称', clause: '§9.2' },
      { field: 'signatory', label: '签名', clause: '§9.2' },
      { field: 'issued', label: '发证日期', clause: '§9.2' },
      { field: 'changed', label: '换证日期', clause: '§9.3', text: '换发证书应注明发证日期和换证日期' },
      { field: 'validity', label: '证书有效期', clause: '§9.2' }
    ],
    notes: [
      { text: '获证组织必须定期接受监督审查并经审查合格此证书方继续有效', clause: '§8.10.1', },
      { text: '本证书信息可在国家认证认可监督管理委员会官方网站（www.cnca.gov.cn）上查询', clause: '§9.2' }
    ]
  },

  deadlines: {
    suspensionLimit: { months: 6, clause: '§9.5.1', text: '暂停期最长不超过6个月' },
    appealAnswer: { days: 30, clause: '§12', text: '在30日内将处理情况以书面的方式给予答复' },
    complaintAnswer: { days: 30, clause: '§12', text: '在30日内将处理情况以书面的方式给予答复' },
    recertApplication: { monthsBefore: 3, clause: '§8.11', text: '在认证证书有效期满前3个月' }
  },

  surveillance: {
    count: 2, clause: '§8.10.1 1)',
    first: { from: 'decision', dueMonths: 12, clause: '§8.10.1 1)', text: '初次认证后的第一次监督审查应在获证后12个月内进行' },
    next: { dueMonths: 12, latestMonths: 15, clause: '§8.10.1 1)', text: '第二次监督审查应从第一次监督审查结束日期起12个月内进行',
      latestClause: '§8.10.1 1)', latestText: '特殊情况可以适当延长，但两次监督审查的时间间隔不能超过15个月', latestNeedsApproval: true },
    calendarYear: { clause: '§8.10.1 1)', text: '此后，监督审查应至少每个日历年（应进行再认证的年份除外）进行一次' },
    notes: [
      { clause: '§7.1.3', text: '两次审查的时间间隔不得超过12个月 (read with §8.10.1: see the position)' }
    ]
  },

  causes: {
    suspension: [
      { code: 'surveillance-missed', clause: '§9.5.1 a)', text: '不按期接受认证监督，或联系方式变更未通知导致无法实施监督审查' },
      { code: 'below-requirements', clause: '§9.5.1 b)', text: '监督审查发现服务能力达不到认证要求' },
      { code: 'misuse', clause: '§9.5.1 c)', text: '认证证书和认证标志使用不当' },
      { code: 'serious-complaint', clause: '§9.5.1 d)', text: '顾客对服务有严重投诉，经查属实' },
      { code: 'fees-unpaid', clause: '§9.5.1 e)', text: '未按时交纳认证费用' }
    ],
    restoration: [
      { code: 'corrected', clause: '§9.5.1', text: '在规定的时间内完成纠正措施并经验证合格，恢复认证资格' }
    ],
    withdrawal: [
      { code: 'correction-failed', clause: '§9.5.2 a)', text: '整改期满未能达到整改目标' },
      { code: 'major-quality-accident', clause: '§9.5.2 b)', text: '服务质量严重下降出现重大质量事故，给顾客造成损害' },
      { code: 'fraud', clause: '§9.5.2 c)', text: '采取不正当手段骗取认证证书' },
      { code: 'transfer', clause: '§9.5.2 d)', text: '转让认证证书、认证标志' },
      { code: 'fees-refused', clause: '§9.5.2 e)', text: '拒不交纳认证费用' }
    ],
    cancellation: [
      { code: 'criteria-change', clause: '§9.5.3 a)', text: '认证依据和技术条件变更，达不到新要求' },
      { code: 'expired', clause: '§9.5.3 b)', text: '认证有效期届满，不再提出再次认证申请' },
      { code: 'voluntary', clause: '§9.5.3 c)', text: '由于经营等原因自动提出放弃认证资格' }
    ],
    incident: [
      { code: 'incident', clause: '§8.10.1 a)', text: '严重事故、媒体曝光或顾客投诉并造成较大影响，经证实为客户责任' },
      { code: 'major-change', clause: '§8.10.1 b)', text: '重大变更，包括法人、组织机构、相关职能、服务资源等' },
      { code: 'criteria-change', clause: '§8.10.1 c)', text: '认证依据发生变化' },
      { code: 'other', clause: '§8.10.1 d)', text: '其他特殊情况' }
    ]
  },

  eligibility: [
    { code: 'legal-status', fact: 'legalStatus', refuseIf: false, clause: '§6.1 1)', text: '客户有效的法律地位证明文件' }
  ],

  requires: {
    application: [
      { item: '有效的法律地位证明文件（营业执照、事业单位法人证书等）', clause: '§6.1 1)' },
      { item: '服务流程管理文件和服务标准与技术规范', clause: '§6.1 2)' },
      { item: '服务流程图', clause: '§6.1 3)' },
      { item: '其他第三方认证证书复印件（如有时）', clause: '§6.1 4)' }
    ],
    report: [
      { item: '申请组织的名称和地址', clause: '§8.6.2 1)' },
      { item: '申请组织活动范围和场所', clause: '§8.6.2 2)' },
      { item: '审查的类型、准则和目的', clause: '§8.6.2 3)' },
      { item: '审查组组长、成员及其个人注册信息', clause: '§8.6.2 4)' },
      { item: '审查活动的实施日期和地点，对偏离审查计划情况的说明', clause: '§8.6.2 5)' },
      { item: '审查过程及各项要求的审查情况', clause: '§8.6.2 6)' },
      { item: '审查组对是否通过认证的意见建议', clause: '§8.6.2 7)' }
    ],
    certificate: [
      { item: '客户/经营场所名称、地址', clause: '§9.2' },
      { item: '认证范围', clause: '§9.2' },
      { item: '认证级别', clause: '§9.2' },
      { item: '认证依据的实施规则/标准', clause: '§9.2' },
      { item: '证书编号', clause: '§9.2' },
      { item: '发证机构名称、签名', clause: '§9.2' },
      { item: '发证日期、证书有效期', clause: '§9.2' },
      { item: '服务认证标志', clause: '§9.2' }
    ]
  },

  // The document's clauses in order (seed 002's headings; a paragraph without a heading is named by
  // its first words): certsh doc lists each with what cites it, lint checks every clause cited.
  outline: [
    { clause: '§1', title: '目的和范围' },
    { clause: '§2', title: '规范性文件' },
    { clause: '§3', title: '认证依据' },
    { clause: '§4', title: '认证模式' },
    { clause: '§5', title: '认证等级' },
    { clause: '§6', title: '认证委托' },
    { clause: '§6.1', title: '认证申请' },
    { clause: '§6.2', title: '认证受理及评审' },
    { clause: '§6.2.1', title: '首信认证自收到认证申请后对申请材料的完整性、有效性、生效…' },
    { clause: '§6.2.3', title: '受理结论' },
    { clause: '§7', title: '审查活动启动' },
    { clause: '§7.1', title: '审查方案' },
    { clause: '§7.1.1', title: '服务认证的证书有效期为 3 年' },
    { clause: '§7.1.2', title: '审查方案包括' },
    { clause: '§7.1.3', title: '监督审查应至少每个年进行一次且两次审查的时间间隔不得超过…' },
    { clause: '§7.1.4', title: '如果客户采用轮班作业' },
    { clause: '§7.2', title: '审查组的委派' },
    { clause: '§7.2.1', title: '计划调度人员负责委派审查组' },
    { clause: '§7.2.2', title: '认证审查人员必须取得服务认证人员注册资格' },
    { clause: '§7.2.3', title: '如果仅有一名审查员' },
    { clause: '§7.2.4', title: '审查组所需的知识和技能可以通过技术专家补充' },
    { clause: '§7.2.5', title: '审查委任至少应包括以下内容' },
    { clause: '§7.3', title: '编制审查计划' },
    { clause: '§8', title: '认证实施' },
    { clause: '§8.1', title: '文件评审' },
    { clause: '§8.2', title: '暗访' },
    { clause: '§8.3', title: '随机调查' },
    { clause: '§8.4', title: '审查前培训' },
    { clause: '§8.5', title: '现场审查' },
    { clause: '§8.5.1', title: '首次会议' },
    { clause: '§8.5.2', title: '现场审查' },
    { clause: '§8.5.3', title: '审查中的沟通' },
    { clause: '§8.5.4', title: '确定和记录审查发现' },
    { clause: '§8.5.5', title: '准备审查结论' },
    { clause: '§8.5.6', title: '终止审查' },
    { clause: '§8.5.7', title: '末次会议' },
    { clause: '§8.5.7.1', title: '末次会议还应包括下列内容' },
    { clause: '§8.5.7.2', title: '客户应有机会提出问题' },
    { clause: '§8.6', title: '审查报告' },
    { clause: '§8.6.1', title: '总则' },
    { clause: '§8.6.2', title: '编制审查报告' },
    { clause: '§8.6.3', title: '审查组长应将完整的审查报告提交首信认证' },
    { clause: '§8.7', title: '不符合及原因分析、纠正和纠正措施的有效性' },
    { clause: '§8.7.1', title: '审核组应在末次会前进行内部汇总' },
    { clause: '§8.7.2', title: '对于审核中发现的不符合' },
    { clause: '§8.7.3', title: '验证纠正和纠正措施的有效性' },
    { clause: '§8.8', title: '认证决定' },
    { clause: '§8.8.1', title: '技术部组织认证决定人员对审查组提交的审查材料进行综合评定' },
    { clause: '§8.8.2', title: '评定结论' },
    { clause: '§8.9', title: '初次现场审查的内容' },
    { clause: '§8.10', title: '获证后监督' },
    { clause: '§8.10.1', title: '监督审查原则' },
    { clause: '§8.10.2', title: '监督审查至少包括以下内容' },
    { clause: '§8.10.3', title: '监督审查结论' },
    { clause: '§8.11', title: '再认证' },
    { clause: '§9', title: '证书注册及证后管理程序' },
    { clause: '§9.1', title: '认证证书有效期' },
    { clause: '§9.2', title: '认证证书内容' },
    { clause: '§9.3', title: '认证证书的变更' },
    { clause: '§9.4', title: '扩大和缩小认证范围' },
    { clause: '§9.4.1', title: '扩大服务场所时' },
    { clause: '§9.4.2', title: '当客户提出不再保留某个获证服务场所时' },
    { clause: '§9.5', title: '证书的暂停、注销和撤销' },
    { clause: '§9.5.1', title: '暂停认证资格' },
    { clause: '§9.5.2', title: '撤销认证资格' },
    { clause: '§9.5.3', title: '注销认证资格' },
    { clause: '§10', title: '认证标志' },
    { clause: '§10.1', title: '认证标志的使用' },
    { clause: '§10.2', title: '准许使用的标志样式' },
    { clause: '§10.3', title: '对误用证书、标志情况的处理' },
    { clause: '§11', title: '保密' },
    { clause: '§12', title: '申诉/投诉、争议及处理' },
    { clause: '§13', title: '认证责任' },
    { clause: '§13.1', title: '首信认证及其认证决定人员应当对其做出的认证结论负责' },
    { clause: '§13.2', title: '首信认证及所委派的审查员/审查组应对现场审查结论负责' },
    { clause: '§13.3', title: '客户应对其所提交的申请资料的真实性、合法性负责' },
    { clause: '§14', title: '公告' }
  ]
});
