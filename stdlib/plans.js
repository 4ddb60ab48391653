// stdlib/plans.js — an audit's assignment and its written plan as the register records them
// (core/plan.c stores them, stdlib/register.js offers audit.assign() and audit.plan()): the
// assignment the programme gives the team (CFC §7.2.5 审查委任: objectives, criteria, scope and
// boundaries, the on-site time, the team's members) and the plan the team draws up before the
// audit (CAS §6.2.5, DNI §5.3.1.4, CFC §7.3: each activity with its date, site, time and
// duration, and who audits what). Each field is checked here, a misspelt one refused; which of
// them a scheme requires, and when, its guards say (stdlib/workflow: assigned, planned).
'use strict';

var ASSIGNMENT_FIELDS = ['date', 'by', 'objectives', 'criteria', 'scope', 'from', 'to'];
var PLAN_FIELDS = ['date', 'by', 'items', 'notified'];
var ITEM_FIELDS = ['activity', 'date', 'from', 'to', 'site', 'auditors', 'content'];
var ONSITE = require('stdlib/workflow').onsiteTypes; // the audits carried out on site, which a plan comes before

// fail(field, message) → an Error with .code 'invalid' and .field, like the bindings throw
function fail(field, message) {
  var e = new Error(message);
  e.code = 'invalid';
  e.field = field;
  return e;
}

// known(o, fields, where) → o, refusing a field not in fields (a misspelt field is never ignored)
function known(o, fields, where) {
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw fail('options', where + ': must be an object {' + fields.join(', ') + '}');
  Object.keys(o).forEach(function (k) {
    if (fields.indexOf(k) < 0) throw fail(k, where + ": unknown field '" + k + "' (known: " + fields.join(', ') + ')');
  });
  return o;
}

// text(v, field, where) → v, a non-empty string
function text(v, field, where) {
  if (typeof v !== 'string' || !v.trim()) throw fail(field, where + ': ' + field + ' must be a non-empty text, got ' + JSON.stringify(v));
  return v;
}

// day(v, field, where, required) → v, a valid date (or undefined when not required and absent)
function day(v, field, where, required) {
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || !date.isValid(v)) throw fail(field, where + ': ' + field + ' must be a date YYYY-MM-DD, got ' + JSON.stringify(v));
  return v;
}

// clock(v, field, where) → v, a time of day HH:MM (00:00-23:59)
function clock(v, field, where) {
  if (typeof v !== 'string' || !/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(v)) throw fail(field, where + ': ' + field + ' must be a time HH:MM, got ' + JSON.stringify(v));
  return v;
}

// idOf(x) → the id of a record or the value itself
function idOf(x) { return x !== null && typeof x === 'object' ? x.id : x; }

// assignment(o, audit, fn) → {date, by, contents}: the assignment's contents, with the audit's
// dates as its on-site time unless given and the team's members as they stand
function assignment(o, audit, fn) {
  known(o, ASSIGNMENT_FIELDS, fn);
  var criteria = typeof o.criteria === 'string' ? [o.criteria] : o.criteria;
  if (!Array.isArray(criteria) || !criteria.length) throw fail('criteria', fn + ': criteria must name the audit criteria (a text or a list of texts), got ' + JSON.stringify(o.criteria));
  criteria.forEach(function (c, i) { text(c, 'criteria[' + i + ']', fn); });
  var from = day(o.from, 'from', fn) || audit.start || audit.plannedStart, to = day(o.to, 'to', fn) || audit.end || audit.plannedEnd;
  if (!from || !to) throw fail('from', fn + ': the on-site time is not known (the audit has no dates): give from and to');
  if (to < from) throw fail('to', fn + ': to ' + to + ' is before from ' + from);
  return {
    date: day(o.date, 'date', fn, true), by: idOf(o.by),
    contents: { objectives: text(o.objectives, 'objectives', fn), criteria: criteria, scope: text(o.scope, 'scope', fn), from: from, to: to,
      team: (audit.team || []).map(function (m) { return { person: m.person, role: m.role, name: m.name }; }) }
  };
}

// plan(o, audit, fn) → {date, by, notified, contents}: the plan's items, each an activity with its
// date, time (from, to: HH:MM), site (a site of the organisation, when it has site records),
// the team members who carry it out and what they audit; drawn up by the leader unless by is given
function plan(o, audit, fn) {
  known(o, PLAN_FIELDS, fn);
  var team = audit.team || [], onTeam = team.map(function (m) { return m.person; });
  var leader = team.filter(function (m) { return m.role === 'leader'; })[0];
  if (!Array.isArray(o.items) || !o.items.length) throw fail('items', fn + ': items must list the planned activities [{' + ITEM_FIELDS.join(', ') + '}], got ' + JSON.stringify(o.items));
  var items = o.items.map(function (it, i) {
    var w = fn + ': items[' + i + ']', f = 'items[' + i + '].';
    known(it, ITEM_FIELDS, w);
    var from = clock(it.from, f + 'from', w), to = clock(it.to, f + 'to', w);
    if (to <= from) throw fail(f + 'to', w + ': to ' + to + ' is not after from ' + from);
    if (!Array.isArray(it.auditors) || !it.auditors.length) throw fail(f + 'auditors', w + ': auditors must name the team members who carry it out, got ' + JSON.stringify(it.auditors));
    var who = it.auditors.map(function (p, j) {
      var id = idOf(p);
      if (onTeam.indexOf(id) < 0) throw fail(f + 'auditors', w + ': auditors[' + j + '] (person ' + JSON.stringify(id) + ') is not on the audit\'s team');
      return id;
    });
    var out = { activity: text(it.activity, f + 'activity', w), date: day(it.date, f + 'date', w, true), from: from, to: to, auditors: who, content: text(it.content, f + 'content', w) };
    if (it.site !== undefined) out.site = idOf(it.site);
    return out;
  });
  var by = o.by !== undefined ? idOf(o.by) : leader ? leader.person : undefined;
  if (by === undefined) throw fail('by', fn + ': the audit has no leader to draw up its plan; give by');
  return { date: day(o.date, 'date', fn, true), by: by, notified: day(o.notified, 'notified', fn), contents: { items: items } };
}

// propose(audit, s, sites) → {items}: a plan the leader may adopt or change — each activity of the
// scheme's evaluation model (s.model.activities; without a scheme, one on-site audit) on the
// audit's days, at each site it visits (records or ids, the central function first), with the whole
// team; the leader's own plan replaces it
function propose(audit, s, sites) {
  var acts = (s && s.model && s.model.activities) || ['现场审查'], from = audit.start || audit.plannedStart, to = audit.end || audit.plannedEnd || from;
  var days = [];
  for (var d = from; d <= to; d = date.addDays(d, 1)) days.push(d);
  var who = (audit.team || []).map(function (m) { return m.person; });
  var places = sites && sites.length ? sites : [null], items = [];
  places.forEach(function (site, i) {
    acts.forEach(function (a, j) {
      var act = typeof a === 'string' ? a : a.name; // a scheme's model lists names, or {code, name, clause}
      var it = { activity: act, date: days[Math.min(days.length - 1, Math.floor((i * acts.length + j) * days.length / (places.length * acts.length)))],
        from: j % 2 ? '13:30' : '09:00', to: j % 2 ? '17:00' : '12:00', auditors: who, content: act + (site && site.name ? ' · ' + site.name : '') };
      if (site) it.site = idOf(site);
      items.push(it);
    });
  });
  return { items: items };
}

// planned(o, s, assignedBy) → case.audit's options o with, for an on-site audit that takes place, the
// plan propose() gives, dated the day before it starts and drawn up by the leader, and (assignedBy
// given) the assignment by that person the same day — for walkthroughs and tests whose subject is
// something else; what o gives itself is kept, and an audit without a team is left as it is
function planned(o, s, assignedBy) {
  if (!o.start || ONSITE.indexOf(o.type) < 0) return o;
  var team = (o.team || []).map(function (m) { return { person: idOf(m.person), role: m.role || 'member' }; });
  if (!team.length) return o; // nobody to plan: the team guards say so
  var before = date.addDays(o.start, -1), out = {};
  if (assignedBy) out.assignment = { date: before, by: assignedBy, objectives: '确认受审查组织的服务满足认证要求', criteria: (s && s.criteria) || ['认证标准', '认证规则'], scope: '认证范围内的服务及其场所' };
  out.plan = { date: before, by: (team.filter(function (m) { return m.role === 'leader'; })[0] || team[0]).person,
    items: propose({ start: o.start, end: o.end, team: team }, s, o.sites).items };
  return Object.assign(out, o);
}

exports.assignment = assignment;
exports.planned = planned;
exports.plan = plan;
exports.propose = propose;
