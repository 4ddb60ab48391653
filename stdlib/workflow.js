// stdlib/workflow.js — the one interpreter of a scheme's workflow: which decisions and status
// changes the register may perform (transitions), what must hold first (guards), what follows
// (the grade a certificate carries, a suspension's limit), and what must now happen (required
// actions, e.g. withdraw a five-star grade). A scheme states its workflow as data with clauses;
// the ISO/IEC 17065 base below supplies what a scheme does not restate. Every writer of the
// register (stdlib/register.js, import, the jobs) asks check() before it writes.
//
// A workflow: {clause, transitions: {name: {on, from, to, clause, text, guards: [guard],
// grade, decision}}, actions: [action]}. decision marks the transitions case.decide takes:
// 'positive' (grants or keeps certification), 'negative' (refuses) or 'neutral' (the case stays). A guard: {code, check, clause, text, …params}; its
// check is one of CHECKS below, by name, so a guard is data. A scheme's guard with the code of a
// base guard replaces it (the scheme's clause and words), other codes are added.
'use strict';

var bands = require('stdlib/bands');
var fail = bands.fail, checkClause = bands.checkClause;

// ---- the ISO/IEC 17065 base --------------------------------------------------------------------

var CASE_STATES = ['applied', 'accepted', 'rejected', 'certified', 'refused', 'closed'];
var CERTIFICATE_STATES = ['active', 'suspended', 'withdrawn', 'cancelled', 'expired'];

var iso17065 = {
  clause: 'ISO/IEC 17065 §7',
  transitions: {
    accept: { on: 'case', from: ['applied'], to: 'accepted', clause: 'ISO/IEC 17065 §7.3', text: 'application review accepts the application',
      guards: [{ code: 'eligible', check: 'eligible', clause: 'ISO/IEC 17065 §7.3', text: 'the applicant is eligible under the scheme' }] },
    reject: { on: 'case', from: ['applied'], to: 'rejected', clause: 'ISO/IEC 17065 §7.3', text: 'application review does not accept the application',
      guards: [{ code: 'reason', check: 'reason', clause: 'ISO/IEC 17065 §7.3', text: 'the reasons for not accepting the application are recorded' }] },
    certify: { decision: 'positive', on: 'case', from: ['accepted'], to: 'certified', clause: 'ISO/IEC 17065 §7.6', text: 'certification is granted on the evaluation',
      grade: { from: 'evaluation', clause: 'ISO/IEC 17065 §7.6' },
      guards: [
        { code: 'evaluated', check: 'evaluated', audits: ['initial'], clause: 'ISO/IEC 17065 §7.4', text: 'the decision rests on an evaluation that took place' },
        { code: 'passes', check: 'passes', clause: 'ISO/IEC 17065 §7.6', text: 'the evaluation found the requirements fulfilled' },
        { code: 'grade', check: 'grade', clause: 'ISO/IEC 17065 §7.6', text: 'the certificate carries the grade the evaluation supports' }] },
    refuse: { decision: 'negative', on: 'case', from: ['accepted'], to: 'refused', clause: 'ISO/IEC 17065 §7.6', text: 'certification is refused',
      guards: [{ code: 'reason', check: 'reason', clause: 'ISO/IEC 17065 §7.6.6', text: 'the reasons for refusing certification are given in writing' }] },
    maintain: { decision: 'positive', on: 'certificate', from: ['active'], clause: 'ISO/IEC 17065 §7.9', text: 'certification is maintained after surveillance',
      grade: { from: 'keep', clause: 'ISO/IEC 17065 §7.9' },
      guards: [
        { code: 'evaluated', check: 'evaluated', audits: ['surveillance'], clause: 'ISO/IEC 17065 §7.9', text: 'the decision rests on a surveillance that took place' },
        { code: 'passes', check: 'passes', clause: 'ISO/IEC 17065 §7.9', text: 'the surveillance found the requirements still fulfilled' },
        { code: 'no-pending-action', check: 'noPendingAction', clause: 'ISO/IEC 17065 §7.11', text: 'no required action contradicts the decision' }] },
    recertify: { decision: 'positive', on: 'certificate', from: ['active'], clause: 'ISO/IEC 17065 §7.6', text: 'certification is renewed for a new cycle',
      grade: { from: 'evaluation', clause: 'ISO/IEC 17065 §7.6' },
      guards: [
        { code: 'evaluated', check: 'evaluated', audits: ['recertification'], clause: 'ISO/IEC 17065 §7.4', text: 'the decision rests on a recertification evaluation that took place' },
        { code: 'passes', check: 'passes', clause: 'ISO/IEC 17065 §7.6', text: 'the evaluation found the requirements fulfilled' },
        { code: 'no-pending-action', check: 'noPendingAction', clause: 'ISO/IEC 17065 §7.11', text: 'no required action contradicts the decision' }] },
    suspend: { on: 'certificate', from: ['active'], to: 'suspended', clause: 'ISO/IEC 17065 §7.11', text: 'certification is suspended',
      guards: [{ code: 'cause', check: 'cause', kind: 'suspension', clause: 'ISO/IEC 17065 §7.11.1', text: 'a cause of suspension the scheme states' }] },
    restore: { on: 'certificate', from: ['suspended'], to: 'active', clause: 'ISO/IEC 17065 §7.11', text: 'certification is restored once the issue is resolved',
      guards: [
        { code: 'cause', check: 'cause', kind: 'restoration', clause: 'ISO/IEC 17065 §7.11', text: 'the ground for restoration the scheme states' },
        { code: 'within-limit', check: 'withinLimit', clause: 'ISO/IEC 17065 §7.11.1', text: 'restored within the suspension\'s limit' }] },
    withdraw: { on: 'certificate', from: ['active', 'suspended'], to: 'withdrawn', clause: 'ISO/IEC 17065 §7.11', text: 'certification is withdrawn',
      guards: [{ code: 'cause', check: 'cause', kind: 'withdrawal', clause: 'ISO/IEC 17065 §7.11.1', text: 'a cause of withdrawal the scheme states' }] },
    cancel: { on: 'certificate', from: ['active', 'suspended'], to: 'cancelled', clause: 'ISO/IEC 17065 §7.11', text: 'certification is terminated',
      guards: [{ code: 'cause', check: 'cause', kind: 'cancellation', clause: 'ISO/IEC 17065 §7.11.1', text: 'a cause of cancellation the scheme states' }] },
    expire: { on: 'certificate', from: ['active', 'suspended'], to: 'expired', clause: 'ISO/IEC 17065 §7.7', text: 'the validity ended without recertification', guards: [] },
    audit: { on: 'case', from: ['accepted', 'certified'], clause: 'ISO/IEC 17065 §7.4', text: 'an audit is recorded as carried out (or planned)',
      guards: [{ code: 'contract', check: 'contracted', clause: 'ISO/IEC 17065 §4.1.2.1', text: 'a legally enforceable certification agreement with the client, before the evaluation' }] },
    import: { on: 'register', from: [], clause: 'ISO/IEC 17065 §7.7', text: 'a certificate taken over from another register, recorded as imported',
      guards: [
        { code: 'grade-known', check: 'gradeKnown', clause: 'ISO/IEC 17065 §7.7.1', text: 'the grade is a level of the scheme, with its stars' },
        { code: 'within-validity', check: 'withinValidity', clause: 'ISO/IEC 17065 §7.7.1', text: 'the validity is not longer than the scheme gives' },
        { code: 'cause', check: 'statusCause', clause: 'ISO/IEC 17065 §7.11.1', text: 'a suspension, withdrawal or cancellation names one of the scheme\'s causes' }] },
    change: { on: 'certificate', from: ['active', 'suspended'], clause: 'ISO/IEC 17065 §7.10', text: 'scope extension or reduction, or a change of the certificate\'s data',
      guards: [{ code: 'grade-by-evaluation', check: 'noGradeChange', clause: 'ISO/IEC 17065 §7.10', text: 'the grade changes only by a decision on an evaluation (maintain, recertify, downgrade)' }] }
  },
  // guards every decision (a transition with `decision`) has, before its own
  decisionGuards: [
    { code: 'deciders', check: 'deciders', clause: 'ISO/IEC 17065 §7.6.2', text: 'the decision is taken by persons assigned to decide (role decider)' },
    { code: 'report', check: 'reported', clause: 'ISO/IEC 17065 §7.4.9', text: 'the evaluation is reported before the decision on it' }],
  actions: []
};

// ---- guards: the checks a guard may name -------------------------------------------------------

// levelStars(facts, level) → the stars of a level word under the scheme's grade rule, or -1.
function levelStars(levels, word) {
  for (var i = 0; i < levels.length; i++) if (levels[i].level === word) return levels[i].stars;
  return -1;
}

// refusal(field, text, numbers) → what a failed check returns.
function refusal(field, text, numbers) { return { field: field, text: text, numbers: numbers || null }; }

// Each check(facts, guard) → null when the guard holds ({holds: text} to say how), else
// refusal(field, text, numbers).
var CHECKS = {
  // reason: written reasons are given
  reason: function (f) {
    return typeof f.reason === 'string' && f.reason.trim() ? null : refusal('reason', 'no written reason was given (give reason: the words sent to the applicant)');
  },
  // eligible: the scheme's eligibility rule refuses none of the organisation's facts
  eligible: function (f) {
    if (!f.eligibility || f.eligibility.ok) return null;
    return refusal('facts', f.eligibility.refusals.map(function (r) { return r.text + ' (' + r.clause + ')'; }).join('; '));
  },
  // factsStated: every eligibility fact the scheme checks is stated on the organisation, or the
  // reviewer who checked those not stated is named (checkedBy, recorded with the acceptance)
  factsStated: function (f) {
    var open = (f.eligibility && f.eligibility.unchecked) || [];
    if (!open.length) return null;
    if (f.checkedBy) return { holds: 'not stated on the organisation, checked by person ' + f.checkedBy.id + ' (' + f.checkedBy.name + '): ' + open.join(', ') };
    return refusal('facts', 'not stated: ' + open.join(', ') + ' (state them in org.facts, or name the reviewer who checked them: checkedBy)', { unchecked: open });
  },
  // evaluated: the deciding evaluation took place and is of one of guard.audits' types
  evaluated: function (f, g) {
    var e = f.evaluation;
    if (!e) return refusal('audit', 'no ' + g.audits.join(' or ') + ' evaluation took place on this case' + (f.since ? ' since ' + f.since : ''));
    if (g.audits.indexOf(e.type) < 0) return refusal('audit', 'the last evaluation (audit ' + e.audit + ') is ' + e.type + ', not ' + g.audits.join(' or '), { audit: e.audit });
    if (!e.scored && !e.concluded) return refusal('audit', 'audit ' + e.audit + ' has neither a score nor a conformity conclusion', { audit: e.audit });
    return null;
  },
  // passes: the evaluation passed (the scheme's grade rule, or its conformity conclusion)
  passes: function (f) {
    var e = f.evaluation;
    if (!e || e.pass || (!e.scored && !e.concluded)) return null; // no evaluation: the evaluated guard says so
    if (e.scored) return refusal('score', 'audit ' + e.audit + ' did not pass: score ' + e.score + ', ' + e.deductionItems + ' deduction items (' + e.level + ')',
      { audit: e.audit, score: e.score, deductionItems: e.deductionItems });
    return refusal('conclusion', 'the conformity conclusion does not conform: ' + (e.reasons || []).join('; '), { audit: e.audit });
  },
  // grade: the grade asked for is the one the scheme's grade policy gives (see gradeFor)
  grade: function (f) {
    var r = f.gradeResult;
    return r && r.refused ? refusal('grade', r.refused, r.numbers) : null;
  },
  // cause: a status change gives one of the scheme's coded causes of guard.kind (when it codes any)
  cause: function (f, g) {
    if (!f.causes || !f.causes(g.kind).length) return null;
    if (f.cause === undefined || f.cause === null) {
      return refusal('cause', 'no cause given; the scheme\'s causes of ' + g.kind + ': ' +
        f.causes(g.kind).map(function (c) { return c.code + ' (' + c.clause + ')'; }).join(', '));
    }
    return null; // an unknown code is refused by the scheme's cause() with the valid ones
  },
  // withinLimit: restored on or before the suspension's limit (status_until); with
  // guard.request, a restoration requested on or before the limit (facts.request.date) also counts
  withinLimit: function (f, g) {
    var until = f.certificate && f.certificate.statusUntil;
    if (!until || f.date <= until) return null;
    if (g.request && f.request && f.request.date <= until) return { holds: 'restored on ' + f.date + ', after the limit ' + until + ', on the request made on ' + f.request.date + (f.request.text ? ' (' + f.request.text + ')' : '') };
    return refusal('date', 'the suspension of ' + f.certificate.number + ' from ' + f.certificate.statusDate + ' could last until ' + until +
      '; restoring on ' + f.date + ' is ' + date.diffDays(until, f.date) + ' days past it' +
      (g.request ? (f.request ? ' and the request of ' + f.request.date + ' came after it' : ' and no request made before it was recorded (request: {date, by})') : ''),
      { until: until, date: f.date });
  },
  // noPendingAction: no pending required action forbids this transition
  noPendingAction: function (f) {
    var hit = (f.pending || []).filter(function (a) { return (a.forbids || []).indexOf(f.transition) >= 0; });
    if (!hit.length) return null;
    return refusal('status', hit.map(function (a) { return a.text + ' (' + a.clause + ', due ' + a.due + ')'; }).join('; '),
      { actions: hit.map(function (a) { return a.code; }) });
  },
  // deciders: every decider holds the decider role (who audited the case is refused by core: impartiality)
  deciders: function (f) {
    var not = (f.deciders || []).filter(function (p) { return (p.roles || []).indexOf('decider') < 0; });
    if (!(f.deciders || []).length) return refusal('by', 'no decider is named (by: [person…])');
    return not.length ? refusal('by', not.map(function (p) { return 'person ' + p.id + ' (' + p.name + ') has the roles ' + JSON.stringify(p.roles || []) + ', not decider'; }).join('; ')) : null;
  },
  // registered: every member who audits (leader, member) holds a registration valid on every day
  // of the audit (and, with guard.field, covering the scheme's field code); experts need none
  registered: function (f, g) {
    var a = f.audit, bad = [];
    (a.team || []).forEach(function (m) {
      if (m.role === 'expert') return;
      var p = m.person, ok = (p.registrations || []).some(function (r) {
        return r.validFrom <= a.start && r.validTo >= a.end && (!g.field || r.fieldCode === g.field);
      });
      if (!ok) bad.push('person ' + p.id + ' (' + p.name + ', ' + m.role + ') holds no registration' + (g.field ? ' for field ' + g.field : '') +
        ' valid from ' + a.start + ' to ' + a.end + ((p.registrations || []).length ? ' (has: ' + p.registrations.map(function (r) {
          return r.number + ' ' + (r.fieldCode || '-') + ' ' + r.validFrom + '..' + r.validTo; }).join(', ') + ')' : ''));
    });
    if (!(a.team || []).length) return refusal('team', 'the audit has no team');
    return bad.length ? refusal('team', bad.join('; ')) : null;
  },
  // leader: the team has exactly one leader, an auditor (not a technical expert)
  leader: function (f) {
    var leaders = (f.audit.team || []).filter(function (m) { return m.role === 'leader'; });
    if (leaders.length !== 1) return refusal('team', leaders.length ? leaders.length + ' leaders' : 'no leader (team: [{person, role: \'leader\'}])');
    return (leaders[0].person.roles || []).indexOf('auditor') < 0 ? refusal('team', 'the leader, person ' + leaders[0].person.id + ', is not an auditor') : null;
  },
  // expertsAdvise: technical experts advise and are not auditors: none leads, and none is the only member
  expertsAdvise: function (f) {
    var t = f.audit.team || [], auditors = t.filter(function (m) { return m.role !== 'expert'; });
    var posing = t.filter(function (m) { return m.role !== 'expert' && (m.person.roles || []).indexOf('auditor') < 0; });
    if (t.length && !auditors.length) return refusal('team', 'a team of technical experts only: an expert does not audit');
    return posing.length ? refusal('team', posing.map(function (m) { return 'person ' + m.person.id + ' (' + m.person.name + ') audits as ' + m.role + ' without the auditor role'; }).join('; ')) : null;
  },
  // documentReview: an initial on-site audit comes after a document review of the case that took place
  documentReview: function (f) {
    var a = f.audit;
    if (guardTypes.indexOf(a.type) < 0) return null;
    var before = (f.documentReviews || []).filter(function (d) { return d.end && d.end <= a.start; });
    return before.length ? null : refusal('type', 'no document review of the case took place before ' + a.start + ' (record a type \'document\' audit first)');
  },
  // auditTime: recorded man-days are not below the scheme's time (a reduction only with a recorded
  // deviation {reason, by, approvedBy, date}, and never below the scheme's minimum)
  auditTime: function (f) {
    var a = f.audit, md = f.manDays;
    if (!md || a.manDays === undefined || a.manDays === null) return null;
    // the on-site share is checked on the recorded time: the on-site days the table's share of the
    // recorded man-days gives (DNI Annex 3 note 4: 80%), when on-site days are recorded
    if (md.onsite !== undefined && md.onsite !== null && md.total > 0 && a.onsiteDays !== undefined && a.onsiteDays !== null) {
      var least = Math.round(md.onsite / md.total * a.manDays * 100) / 100;
      if (a.onsiteDays < least) return refusal('onsiteDays', a.onsiteDays + ' on-site man-days of ' + a.manDays + ' is below the on-site share (' + md.onsite + ' of ' + md.total + ' in the table: at least ' + least + ')',
        { onsiteDays: a.onsiteDays, manDays: a.manDays, least: least });
    }
    if (a.manDays < md.minimum) return refusal('manDays', a.manDays + ' man-days is below the minimum ' + md.minimum + ' (the scheme\'s ' + md.total + ' reduced by at most the cap)', { manDays: a.manDays, minimum: md.minimum, total: md.total });
    if (a.manDays < md.total && !f.deviation) return refusal('manDays', a.manDays + ' man-days is below the scheme\'s ' + md.total + '; a reduction needs its reasons recorded (deviation: {reason, by, approvedBy, date})', { manDays: a.manDays, total: md.total });
    if (a.manDays < md.total) return { holds: 'reduced from ' + md.total + ' to ' + a.manDays + ' (minimum ' + md.minimum + '): ' + f.deviation.reason + ', approved by person ' + f.deviation.approvedBy + ' on ' + f.deviation.date };
    return null;
  },
  // technicalCompetence: at least one member of the team brings the professional competence (a
  // technical expert, or an auditor whose registration or competence evaluation names the field
  // code guard.field; without a field, any professional field code)
  technicalCompetence: function (f, g) {
    var t = f.audit.team || [];
    if (!t.length) return null; // no team: the registered guard says so
    var hit = t.filter(function (m) { return m.role === 'expert' || f.fieldCompetent(m.person.id, g.field || null, f.audit.start); })[0];
    if (!hit) return refusal('team', 'no member brings the professional competence' + (g.field ? ' of field ' + g.field : '') + ': add a technical expert, or an auditor registered (or evaluated) for ' + (g.field || 'a professional field'));
    return { holds: 'person ' + hit.person.id + ' (' + hit.person.name + ', ' + hit.role + ')' + (hit.role === 'expert' ? ' as technical expert' : ' with the field') };
  },
  // competent: each person doing guard.activity ('audit': every team member but the experts, 'lead':
  // the leader, 'decide': every decider) stands evaluated competent for it under the scheme on the
  // day (the latest evaluation or monitoring, still valid: person.competence)
  competent: function (f, g) {
    var day = g.activity === 'decide' ? f.date : f.audit.start, who;
    if (g.activity === 'decide') who = f.deciders || [];
    else who = (f.audit.team || []).filter(function (m) { return m.role !== 'expert' && (g.activity === 'audit' || m.role === 'leader'); })
      .map(function (m) { return m.person; });
    var bad = who.map(function (p) { var c = f.competence(p.id, g.activity, f.scheme, day); return c.competent ? null : 'person ' + p.id + ' (' + p.name + '): ' + c.text; })
      .filter(function (x) { return x; });
    if (bad.length) return refusal(g.activity === 'decide' ? 'by' : 'team', bad.join('; '));
    return who.length ? { holds: who.map(function (p) { return 'person ' + p.id + ': ' + f.competence(p.id, g.activity, f.scheme, day).text; }).join('; ') } : null;
  },
  // contracted: the case's certification contract was signed on or before the audit's first day
  contracted: function (f) {
    var k = f.case, day = f.audit.start;
    if (!k.contracted) return refusal('case', 'case ' + k.id + ' has no certification contract: record it first (case.contract({date, number}))');
    if (day && k.contracted > day) return refusal('case', 'the contract of case ' + k.id + ' was signed on ' + k.contracted + ', after the audit starts (' + day + ')', { contracted: k.contracted, start: day });
    return { holds: 'contract ' + k.contractNumber + ' signed ' + k.contracted };
  },
  // assigned: an audit that took place (of guard.audits' types: the on-site ones unless given) had
  // its assignment, dated on or before its first day, stating each of guard.contents (with 'team':
  // the members of the team that audits)
  assigned: function (f, g) {
    var a = f.audit;
    if (!a.done || (g.audits || onsiteTypes).indexOf(a.type) < 0) return null;
    var list = (f.plans || []).filter(function (p) { return p.kind === 'assignment' && p.date <= a.start; });
    if (!list.length) return refusal('assignment', 'the ' + a.type + ' audit of ' + a.start + ' has no assignment dated on or before it (audit.assign({date, by, objectives, criteria, scope}), or assignment: {…} with case.audit)');
    var last = list[list.length - 1], missing = (g.contents || []).filter(function (k) {
      var v = last.contents[k];
      return v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length);
    });
    if (missing.length) return refusal('assignment', 'the assignment of ' + last.date + ' does not state ' + missing.join(', '), { missing: missing });
    if ((g.contents || []).indexOf('team') >= 0) { // the members it names are the team that audits
      var named = (last.contents.team || []).map(function (m) { return m.person; }).sort().join(','), now = (a.team || []).map(function (m) { return m.person.id; }).sort().join(',');
      if (named !== now) return refusal('assignment', 'the assignment of ' + last.date + ' names the team [' + named + '], the audit\'s team is [' + now + ']: assign it again', { assigned: named, team: now });
    }
    return { holds: 'assigned on ' + last.date + ' by person ' + last.by + ': ' + last.contents.objectives };
  },
  // planned: an audit that took place (of guard.audits' types: the on-site ones unless given) had a
  // written plan dated on or before its first day; the plan in force (the last dated by its end)
  // places its activities on the audit's days and at every site it visited; guard.by 'leader': the
  // leader drew it up; guard.everyAuditor: each auditor of the team has a part; guard.afterAssignment:
  // not before the assignment; guard.changesNotified: each revision states when the auditee was
  // told in writing
  planned: function (f, g) {
    var a = f.audit;
    if (!a.done || (g.audits || onsiteTypes).indexOf(a.type) < 0) return null;
    var all = (f.plans || []).filter(function (p) { return p.kind === 'plan' && p.date <= a.end; });
    if (!all.length || all[0].date > a.start) return refusal('plan', 'the ' + a.type + ' audit of ' + a.start + ' has no written audit plan dated on or before it (audit.plan({date, items}), or plan: {…} with case.audit)');
    var p = all[all.length - 1], items = p.contents.items || [], team = a.team || [];
    if (g.changesNotified) {
      var silent = all.slice(1).filter(function (r) { return !r.notified; })[0];
      if (silent) return refusal('plan', 'the plan was revised on ' + silent.date + ' without the auditee being told in writing (notified: the date)');
    }
    if (g.afterAssignment) {
      var as = (f.plans || []).filter(function (r) { return r.kind === 'assignment' && r.date <= p.date; });
      if (!as.length) return refusal('plan', 'the plan of ' + p.date + ' comes before any assignment of the audit: the leader draws it up on receiving the assignment');
    }
    if (g.by === 'leader') {
      var leader = team.filter(function (m) { return m.role === 'leader'; })[0];
      if (leader && p.by !== leader.person.id) return refusal('plan', 'the plan of ' + p.date + ' was drawn up by person ' + p.by + ', not by the team\'s leader (person ' + leader.person.id + ')');
    }
    var off = items.filter(function (it) { return it.date < a.start || it.date > a.end; })[0];
    if (off) return refusal('plan', 'the plan of ' + p.date + ' places ' + off.activity + ' on ' + off.date + ', outside the audit\'s days ' + a.start + '..' + a.end + ': revise the plan', { date: off.date });
    var planned = items.map(function (it) { return it.site; });
    var unplanned = (a.sites || []).filter(function (id) { return planned.indexOf(id) < 0; });
    if (unplanned.length) return refusal('plan', 'the plan of ' + p.date + ' has no activity at site ' + unplanned.join(', ') + ', which the audit visited', { sites: unplanned });
    if (g.everyAuditor) {
      var idle = team.filter(function (m) { return m.role !== 'expert' && !items.some(function (it) { return it.auditors.indexOf(m.person.id) >= 0; }); });
      if (idle.length) return refusal('plan', 'the plan of ' + p.date + ' gives no part to ' + idle.map(function (m) { return 'person ' + m.person.id + ' (' + m.person.name + ', ' + m.role + ')'; }).join(', '));
    }
    return { holds: 'plan of ' + p.date + ' by person ' + p.by + ': ' + items.length + ' activities' + (all.length > 1 ? ', revision ' + (all.length - 1) + (p.notified ? ' notified ' + p.notified : '') : '') };
  },
  // reported: the deciding evaluation's report, signed by its leader, is dated on or before the decision
  reported: function (f) {
    var e = f.evaluation;
    if (!e || (!e.scored && !e.concluded)) return null; // nothing evaluated: the evaluated guard says so
    if (!e.reported) return refusal('audit', 'audit ' + e.audit + ' has no report: its leader records it first (audit.report({date}))', { audit: e.audit });
    if (f.date && e.reported > f.date) return refusal('audit', 'the report of audit ' + e.audit + ' is dated ' + e.reported + ', after the decision (' + f.date + ')', { audit: e.audit, reported: e.reported });
    return { holds: 'audit ' + e.audit + ' reported on ' + e.reported + ' by person ' + e.reportBy };
  },
  // sitesSampled: an audit of a multi-site organisation visits the central function and at least
  // the sample of its other sites that guard.sampling gives (stdlib/sampling: 'iaf-md1' or 'all'),
  // counted among the sites open on the audit's first day; an organisation without site records
  // has one site, and nothing to sample
  sitesSampled: function (f, g) {
    var sites = f.sites || [], central = sites.filter(function (x) { return x.central; }), others = sites.filter(function (x) { return !x.central; });
    if (!sites.length) return null;
    var need = require('stdlib/sampling').size(g.sampling, others.length, f.audit.type);
    if (!need) return null;
    var visited = f.audit.sites;
    if (!visited) return refusal('sites', 'the organisation has ' + sites.length + ' sites open on ' + f.audit.start + ': record the sites the audit visits (sites: [site…]); the sample is ' + need.text);
    var seen = others.filter(function (x) { return visited.indexOf(x.id) >= 0; }).length;
    if (central.length && visited.indexOf(central[0].id) < 0) return refusal('sites', 'the central function (site ' + central[0].id + ', ' + central[0].name + ') is not among the sites visited; it is audited every time');
    if (seen < need.visit) return refusal('sites', seen + ' of the ' + others.length + ' sites visited; the sample is ' + need.text, { visited: seen, sample: need.visit, sites: others.length });
    return { holds: seen + ' of the ' + others.length + ' sites visited' + (central.length ? ' and the central function' : '') + '; the sample is ' + need.text };
  },
  // gradeKnown: an imported grade is one of the scheme's levels, carrying that level's stars
  gradeKnown: function (f) {
    var g = f.imported.grade, stars = f.imported.stars || 0, levels = f.levels || [];
    if (!g) return stars ? refusal('stars', stars + ' stars without a grade') : null;
    var want = levelStars(levels, g);
    if (want < 0) return refusal('grade', JSON.stringify(g) + ' is not a level of the scheme (' + (levels.map(function (l) { return l.level; }).join(', ') || 'it grants none') + ')');
    return want !== stars ? refusal('stars', g + ' has ' + want + ' stars, not ' + stars, { grade: g, stars: stars }) : null;
  },
  // withinValidity: an imported certificate expires no later than the scheme's validity from its decision
  withinValidity: function (f) {
    var longest = f.longestExpiry;
    if (!longest || f.imported.expires <= longest) return null;
    return refusal('expires', 'expires ' + f.imported.expires + ' is after ' + longest + ', the last day the scheme\'s validity gives from ' + f.imported.decided,
      { expires: f.imported.expires, longest: longest });
  },
  // statusCause: a non-active imported status gives one of the scheme's codes of its kind (when it codes any)
  statusCause: function (f) {
    var kind = { suspended: 'suspension', withdrawn: 'withdrawal', cancelled: 'cancellation' }[f.imported.status];
    if (!kind || !f.causes || !f.causes(kind).length || f.imported.cause) return null;
    return refusal('cause', 'a ' + f.imported.status + ' certificate names its cause; the scheme\'s causes of ' + kind + ': ' +
      f.causes(kind).map(function (c) { return c.code; }).join(', '));
  },
  // noGradeChange: certificate.change does not touch grade or stars
  noGradeChange: function (f) {
    return f.changes && (f.changes.grade !== undefined || f.changes.stars !== undefined)
      ? refusal('grade', 'grade and stars follow the evaluation: they change by maintain, recertify or downgrade, not by change()') : null;
  },
  // activities: the evaluation recorded every activity of guard.required (e-commerce C3.8)
  activities: function (f, g) {
    var done = (f.evaluation && f.evaluation.activities) || [];
    var missing = g.required.filter(function (a) { return done.indexOf(a) < 0; });
    return missing.length ? refusal('audit', 'missing evaluation activities: ' + missing.join(', ') + ' (recorded: ' + (done.join(', ') || 'none') + ')', { missing: missing }) : null;
  },
  // shops: the certificate will name each shop's domain and platform (e-commerce C3.7.1 3))
  shops: function (f) {
    var shops = (f.case && f.case.shops) || [];
    if (!shops.length) return refusal('shops', 'the case names no shop (domain and platform) for the certificate');
    var bad = shops.filter(function (s) { return !s || !s.domain || !s.platform; });
    return bad.length ? refusal('shops', 'a shop without its domain or platform: ' + JSON.stringify(bad[0])) : null;
  }
};

// The audit types a document review must come before (the initial audit; a recertification may
// skip it, CAS §8.2, DNI §5.7.2).
var guardTypes = ['initial'];
// the audits carried out on site: those an assignment and a plan come before
var onsiteTypes = ['initial', 'surveillance', 'recertification'];

// ---- grades --------------------------------------------------------------------------------------

// gradeFor(policy, levels, facts) → {grade, stars, refused, numbers, text}: the grade the
// certificate carries after the transition. policy.from:
//   'evaluation' — the evaluation's level (CAS §6.5, DNI §5.3.3.7);
//   'applied'    — the grade applied for when the evaluation reaches it; a lower level only on the
//                  applicant's recorded request (CFC §8.5.5 1)-2));
//   'cap'        — the held grade, lowered to the evaluation's level when it falls below (CAS §7.5);
//   'keep'       — the held grade (no grade rule on this transition);
//   'none'       — no grade (a conformity conclusion, e-commerce C3.5 9)).
function gradeFor(policy, levels, f) {
  var e = f.evaluation || {}, held = f.certificate || {};
  var got = { grade: e.level || null, stars: e.stars || 0 };
  var asked = f.grade;
  if (policy.from === 'none') {
    if (asked) return { refused: 'the scheme grants no grade (' + policy.clause + '); ' + JSON.stringify(asked) + ' was asked' };
    return { grade: null, stars: 0, text: 'no grade: the decision rests on a conformity conclusion' };
  }
  if (policy.from === 'keep') return { grade: held.grade || null, stars: held.stars || 0, text: 'the grade held stays: ' + (held.grade || 'none') };
  if (policy.from === 'cap') {
    if (e.scored && e.pass && (held.stars || 0) > got.stars) {
      return { grade: got.grade, stars: got.stars, lowered: true, text: 'the held ' + held.grade + ' (' + held.stars + ' stars) falls to ' + got.grade + ' (' + got.stars + ' stars): score ' + e.score };
    }
    return { grade: held.grade || null, stars: held.stars || 0, text: 'the held grade ' + (held.grade || 'none') + ' is kept: score ' + e.score };
  }
  if (policy.from === 'evaluation') {
    if (asked && asked !== got.grade) {
      return { refused: 'the evaluation (score ' + e.score + ') gives ' + got.grade + ', not ' + asked, numbers: { score: e.score, level: got.grade } };
    }
    return { grade: got.grade, stars: got.stars, text: 'the evaluation (score ' + e.score + ') gives ' + got.grade };
  }
  // 'applied'
  var applied = asked || (f.case && f.case.grade) || null;
  if (!applied) return { grade: got.grade, stars: got.stars, text: 'no grade applied for: the evaluation gives ' + got.grade };
  var want = levelStars(levels, applied);
  if (want < 0) return { refused: 'the grade applied for, ' + applied + ', is not a level of this scheme (' + levels.map(function (l) { return l.level; }).join(', ') + ')' };
  if (got.stars >= want) return { grade: applied, stars: want, text: 'the grade applied for, ' + applied + ', is reached (score ' + e.score + ' gives ' + got.grade + '): ' + applied + ' is recommended' };
  if (!f.request) {
    return { refused: 'score ' + e.score + ' gives ' + got.grade + ', below the grade applied for, ' + applied + '; a lower grade only on the applicant\'s request (request: {date, by, text})',
      numbers: { score: e.score, level: got.grade, applied: applied } };
  }
  return { grade: got.grade, stars: got.stars, lowered: true, text: 'on the applicant\'s request of ' + f.request.date + ', ' + got.grade + ' instead of ' + applied + ' (score ' + e.score + ')' };
}

// ---- merging and checking a scheme's workflow -------------------------------------------------

// The stages of a certification in the order the register holds them to, each proved by a guard's
// check on the transition that needs it (or by the transition itself): application review →
// contract → document review → assignment → audit plan → on-site audit → report → decision (a
// transition's stage cites its guard `code` when the scheme has one).
var STAGES = [
  { stage: 'application review', transition: 'accept', code: 'facts-stated' },
  { stage: 'contract', check: 'contracted', transition: 'audit' },
  { stage: 'document review', check: 'documentReview', transition: 'audit' },
  { stage: 'assignment', check: 'assigned', transition: 'audit' },
  { stage: 'audit plan', check: 'planned', transition: 'audit' },
  { stage: 'on-site audit', transition: 'audit' },
  { stage: 'report', check: 'reported', transition: 'decision' },
  { stage: 'decision', transition: 'certify', code: 'passes' }];

// stages(w) → [{stage, clause, text}]: the stages the scheme's workflow declares, in order; a
// stage proved by a guard is listed only when the scheme has that guard (one owner: the guards)
function stages(w) {
  return STAGES.map(function (st) {
    var t = st.transition === 'decision' ? null : w.transitions[st.transition];
    var g = st.check ? guardOf(w, st.transition, st.check) : null;
    if (st.check && !g) return null;
    if (!st.check && !t) return null;
    if (!g && st.code) g = (t.guards || []).filter(function (x) { return x.code === st.code; })[0] || null; // the scheme's words for it, when it has them
    return { stage: st.stage, clause: g ? g.clause : t.clause, text: g ? g.text : t.text };
  }).filter(function (x) { return x; });
}

// mergeGuards(base, more) → base's guards with more's replacing those of the same code, then the rest
function mergeGuards(base, more) {
  var out = (base || []).map(function (g) {
    var over = (more || []).filter(function (m) { return m.code === g.code; })[0];
    return over ? Object.assign({}, g, over) : g;
  });
  (more || []).forEach(function (m) { if (!(base || []).some(function (g) { return g.code === m.code; })) out.push(m); });
  return out;
}

// define(base, more) → a workflow: base's transitions with more's merged in (by name, guards by
// code), more's new transitions, actions of both (by code)
function define(base, more) {
  more = more || {};
  var transitions = {};
  var decisionGuards = mergeGuards(base.decisionGuards, more.decisionGuards);
  Object.keys(base.transitions).forEach(function (k) { transitions[k] = base.transitions[k]; });
  Object.keys(more.transitions || {}).forEach(function (k) {
    var b = transitions[k], m = more.transitions[k];
    if (!b) { transitions[k] = m; return; }
    var t = Object.assign({}, b, m);
    t.guards = mergeGuards(b.guards, m.guards);
    transitions[k] = t;
  });
  Object.keys(transitions).forEach(function (k) { // every decision has the decision guards first (a scheme's words win)
    var t = transitions[k];
    if (!t.decision) return;
    var own = (t.guards || []).filter(function (g) { return !decisionGuards.some(function (d) { return d.code === g.code; }); });
    var mine = decisionGuards.map(function (d) { return Object.assign({}, d, (t.guards || []).filter(function (g) { return g.code === d.code; })[0] || {}); });
    transitions[k] = Object.assign({}, t, { guards: mine.concat(own) });
  });
  var actions = (base.actions || []).filter(function (a) { return !(more.actions || []).some(function (m) { return m.code === a.code; }); }).concat(more.actions || []);
  return { clause: more.clause || base.clause, transitions: transitions, decisionGuards: decisionGuards, actions: actions };
}

// checkWorkflow(w, field) → problems [{field, message}]: every transition, guard and action cites
// its clause and names a known check, state and action
function checkWorkflow(w, field) {
  var list = [];
  if (!w || typeof w !== 'object' || Array.isArray(w)) return [{ field: field, message: 'must be {transitions: {name: {guards: […]}}, actions: […]}' }];
  Object.keys(w).forEach(function (k) { if (['clause', 'transitions', 'decisionGuards', 'actions'].indexOf(k) < 0) list.push({ field: field + '.' + k, message: "unknown key '" + k + "' (known: clause, transitions, decisionGuards, actions)" }); });
  var all = define(iso17065, w);
  Object.keys(w.transitions || {}).forEach(function (name) {
    var t = all.transitions[name], f = field + '.transitions.' + name;
    if (!iso17065.transitions[name]) {
      checkClause(t, f, list);
      if (['case', 'certificate', 'register'].indexOf(t.on) < 0) list.push({ field: f + '.on', message: "must be 'case', 'certificate' or 'register'" });
      if (!Array.isArray(t.from) || !t.from.length) list.push({ field: f + '.from', message: 'must list the states it starts from' });
    }
    var states = t.on === 'case' ? CASE_STATES : CERTIFICATE_STATES;
    (t.from || []).forEach(function (s) { if (states.indexOf(s) < 0) list.push({ field: f + '.from', message: "unknown " + t.on + " state '" + s + "' (" + states.join(', ') + ')' }); });
    if (t.to !== undefined && states.indexOf(t.to) < 0) list.push({ field: f + '.to', message: "unknown " + t.on + " state '" + t.to + "'" });
    if (t.decision !== undefined && ['positive', 'negative', 'neutral'].indexOf(t.decision) < 0) list.push({ field: f + '.decision', message: "must be 'positive', 'negative' or 'neutral'" });
    if (t.grade && ['evaluation', 'applied', 'cap', 'keep', 'none'].indexOf(t.grade.from) < 0) list.push({ field: f + '.grade.from', message: "must be evaluation, applied, cap, keep or none" });
    if (t.grade) checkClause(t.grade, f + '.grade', list);
    (w.transitions[name].guards || []).forEach(function (g, i) {
      var gf = f + '.guards[' + i + ']';
      checkClause(g, gf, list);
      if (!g || typeof g.code !== 'string' || !g.code) list.push({ field: gf + '.code', message: 'must be a code' });
      var check = g && (g.check || ((iso17065.transitions[name] || { guards: [] }).guards.filter(function (b) { return b.code === g.code; })[0] || {}).check);
      if (!CHECKS[check]) list.push({ field: gf + '.check', message: "unknown check '" + check + "' (known: " + Object.keys(CHECKS).join(', ') + ')' });
      if (!g || typeof g.text !== 'string' || !g.text) list.push({ field: gf + '.text', message: "must say what must hold, in the document's words" });
    });
  });
  (w.actions || []).forEach(function (a, i) {
    var af = field + '.actions[' + i + ']';
    checkClause(a, af, list);
    if (!a || typeof a.code !== 'string') list.push({ field: af + '.code', message: 'must be a code' });
    if (!a || !ACTION_CHECKS[a.when]) list.push({ field: af + '.when', message: "unknown condition '" + (a && a.when) + "' (known: " + Object.keys(ACTION_CHECKS).join(', ') + ')' });
    if (!a || (a.do !== 'report' && !all.transitions[a.do])) list.push({ field: af + '.do', message: "must name a transition or 'report', got " + JSON.stringify(a && a.do) });
    if (!a || typeof a.text !== 'string' || !a.text) list.push({ field: af + '.text', message: "must say what must now happen, in the document's words" });
  });
  return list;
}

// ---- running a transition -------------------------------------------------------------------------

// guardOf(w, name, check) → the first guard of transition `name` (or of every decision, name
// 'decision') whose check is `check`, or null: what a reader (planning, queries) asks of a rule
function guardOf(w, name, check) {
  var list = name === 'decision' ? w.decisionGuards || [] : ((w.transitions[name] || {}).guards || []);
  for (var i = 0; i < list.length; i++) if (list[i].check === check) return list[i];
  return null;
}

// check(w, levels, name, facts, cite) → {ok, refusals: [{code, field, clause, text, numbers}],
// grade: {grade, stars, lowered, text} or null, why}: whether the transition may happen now
function check(w, levels, name, facts, cite) {
  var t = w.transitions[name];
  if (!t) throw fail('invalid', 'outcome', "the scheme's workflow has no transition '" + name + "' (it has " + Object.keys(w.transitions).join(', ') + ')');
  facts.transition = name;
  var why = [cite(t.clause, name + ': ' + t.text)], refusals = [];
  var state = t.on === 'case' ? facts.case && facts.case.status : facts.certificate && facts.certificate.status;
  if (t.on !== 'register' && t.from.indexOf(state) < 0) { // nothing else matters
    refusals.push({ code: 'state', field: t.on === 'case' ? 'case' : 'status', clause: t.clause, text: 'the ' + t.on + ' is ' + state + '; ' + name + ' starts from ' + t.from.join(' or ') });
    return { ok: false, refusals: refusals, grade: null, why: why.concat([cite(t.clause, 'refused — ' + refusals[0].text)]) };
  }
  if (t.grade && facts.evaluation !== undefined) facts.gradeResult = gradeFor(t.grade, levels || [], facts);
  facts.levels = levels || [];
  t.guards.forEach(function (g) {
    var r = CHECKS[g.check](facts, g);
    if (r && r.holds) {
      why.push(cite(g.clause, 'holds — ' + g.text + ': ' + r.holds));
    } else if (r) {
      refusals.push({ code: g.code, field: r.field, clause: g.clause, text: g.text + ': ' + r.text, numbers: r.numbers });
      why.push(cite(g.clause, 'refused — ' + g.text + ': ' + r.text));
    } else {
      why.push(cite(g.clause, 'holds — ' + g.text));
    }
  });
  var grade = facts.gradeResult && !facts.gradeResult.refused ? facts.gradeResult : null;
  if (grade && grade.text) why.push(cite(t.grade.clause, 'grade: ' + grade.text));
  return { ok: refusals.length === 0, refusals: refusals, grade: grade, why: why };
}

// refused(scheme, name, result) → the Error a refused transition throws: code 'refused', the first
// refusal's field, its guard code and clause, every refusal, and the why
function refused(s, name, r) {
  var first = r.refusals[0];
  var onlyState = r.refusals.every(function (x) { return x.code === 'state'; });
  var e = fail(onlyState ? 'illegal-transition' : 'refused', first.field, name + ' refused by ' + s.id + '@' + s.version + ': ' + r.refusals.map(function (x) {
    return x.text + ' [' + x.code + ', ' + x.clause + ']';
  }).join('; '));
  e.guard = first.code;
  e.clause = first.clause;
  e.refusals = r.refusals;
  e.why = r.why;
  return e;
}

// ---- required actions ------------------------------------------------------------------------------

// An action: {code, when, do, forbids: [transition…], due: 'event'|'deadline name', clause, text,
// …params}. when is one of ACTION_CHECKS; each gets the certificate's facts {certificate,
// surveillance: {score, stars, pass, date, level}, overdue: [{id, due}], matters: [{id, kind,
// received, reported}]} and returns [{due, subject, text}] (empty when nothing is required).
var ACTION_CHECKS = {
  // belowHeldGrade: a surveillance score since the cycle began gives fewer stars than held, at or above a.stars
  belowHeldGrade: function (f, a) {
    var c = f.certificate, s = f.surveillance;
    if (c.status !== 'active' || (c.stars || 0) < a.stars || !s || !s.pass || s.stars >= c.stars) return [];
    return [{ due: s.date, subject: 'audit:' + s.audit, text: 'surveillance score ' + s.score + ' gives ' + s.level + ', below the held ' + c.grade }];
  },
  // surveillanceFailed: the last surveillance since the cycle began did not pass
  surveillanceFailed: function (f) {
    var c = f.certificate, s = f.surveillance;
    if (c.status !== 'active' || !s || s.pass) return [];
    return [{ due: s.date, subject: 'audit:' + s.audit, text: 'surveillance of ' + s.date + ' did not pass (score ' + s.score + ', ' + s.deductionItems + ' deduction items)' }];
  },
  // correctionOverdue: an open nonconformity past its correction deadline on an active certificate
  correctionOverdue: function (f) {
    if (f.certificate.status !== 'active') return [];
    return f.overdue.map(function (x) { return { due: x.due, subject: 'finding:' + x.id, text: 'nonconformity ' + (x.item || '#' + x.id) + ' not corrected by ' + x.due }; });
  },
  // suspensionLimit: a suspension past its limit
  suspensionLimit: function (f) {
    var c = f.certificate;
    if (c.status !== 'suspended' || !c.statusUntil || c.statusUntil >= f.asOf) return [];
    return [{ due: c.statusUntil, subject: 'certificate:' + c.id, text: 'suspended since ' + c.statusDate + ' (' + (c.statusCode || c.statusCause || 'no cause') + '), limit ' + c.statusUntil + ' passed' }];
  },
  // verifiedCause: an open incident (a verified cause) on an active certificate not yet acted upon
  verifiedCause: function (f) {
    if (f.certificate.status !== 'active') return [];
    return f.matters.filter(function (m) { return m.kind === 'incident' && !m.closed; })
      .map(function (m) { return { from: m.received, subject: 'matter:' + m.id, text: 'incident #' + m.id + ' of ' + m.received + (m.cause ? ' (' + m.cause + ')' : '') + ' not acted upon' }; });
  },
  // surveillanceMissed: the certificate's next surveillance window closed without the audit
  surveillanceMissed: function (f) {
    var p = f.certificate.status === 'active' && f.programme ? f.programme() : null, n = p && p.next;
    if (!n || n.status !== 'overdue') return [];
    return [{ due: n.latest, subject: 'certificate:' + f.certificate.id, text: 'surveillance ' + n.n + ' was due by ' + n.latest + ' and did not take place' }];
  },
  // notReported: an incident not yet reported to a.to (CNAS R6.2)
  notReported: function (f) {
    return f.matters.filter(function (m) { return m.kind === 'incident' && !m.reported; })
      .map(function (m) { return { from: m.received, subject: 'matter:' + m.id, text: 'incident #' + m.id + ' of ' + m.received + (m.cause ? ' (' + m.cause + ')' : '') + ' not reported' }; });
  }
};

// actions(w, facts, deadlineOf, cite) → [{code, do, due, subject, certificate, clause, text,
// forbids, why}]: what the certificate's facts require now under the scheme's actions. A hit
// with `from` gets its due date from the action's deadline (deadlineOf(name, from)), else the
// day it arose.
function actions(w, facts, deadlineOf, cite) {
  var out = [];
  (w.actions || []).forEach(function (a) {
    ACTION_CHECKS[a.when](facts, a).forEach(function (hit) {
      var due = hit.due, why = [cite(a.clause, a.text + ': ' + hit.text)];
      if (hit.from) {
        var d = a.deadline ? deadlineOf(a.deadline, hit.from) : null;
        due = d && d.date ? d.date : hit.from;
        why = why.concat(d ? d.why : [cite(a.clause, 'due at once (' + (a.dueText || 'no period is stated') + ')')]);
      }
      out.push({ code: a.code, when: a.when, do: a.do, to: a.to || null, due: due, subject: hit.subject, certificate: facts.certificate.number,
        clause: a.clause, text: a.text + ': ' + hit.text, forbids: (a.forbids || []).slice(), why: why });
    });
  });
  return out;
}

exports.iso17065 = iso17065;
exports.CASE_STATES = CASE_STATES;
exports.CERTIFICATE_STATES = CERTIFICATE_STATES;
exports.CHECKS = CHECKS;
exports.ACTION_CHECKS = ACTION_CHECKS;
exports.define = define;
exports.checkWorkflow = checkWorkflow;
exports.check = check;
exports.refused = refused;
exports.guardOf = guardOf;
exports.stages = stages;
exports.onsiteTypes = onsiteTypes;
exports.levelStars = levelStars;
exports.gradeFor = gradeFor;
exports.actions = actions;
