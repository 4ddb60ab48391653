// examples/cycle.js — a whole certification cycle under the CAS after-sales scheme, in the
// register API: each outcome printed with the clauses behind it.
//   certsh --db :memory: --as-of 2026-09-01 run examples/cycle.js [--into-nonempty]
// (on a register that already holds records it stops unless given --into-nonempty)
require('stdlib/walkthrough').guardEmpty('examples/cycle.js', typeof args === 'undefined' ? [] : args, true);
var org = orgs.create({name: '杭州某某电器有限公司', uscc: '91110000600037341L', staff: 120, address: '杭州市西湖区文三路 1 号'});
var lead = people.create({name: '张三', roles: ['auditor'], registrations: [{number: 'CCAA-2024-00123', fieldCode: '02.03.01', from: '2024-01-01', to: '2027-12-31'}]});
var boss = people.create({name: '李四', roles: ['decider']});
var c = cases.apply({org: org, scheme: 'cas-service', scope: '家用电器的售后服务', grade: '五星级', date: '2026-01-05'});
var accepted = c.accept({date: '2026-01-08', checkedBy: boss});   // §6.1.5: the facts not stated on the org, checked by boss
c.contract({date: '2026-01-09', number: 'CAS-HT-2026-001'});   // §6.1.7: the written contract before any audit
c.audit({type: 'document', start: '2026-01-20', end: '2026-01-21', team: [{person: lead, role: 'leader'}]});  // §6.3: documents first
var a = c.audit({type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [{person: lead, role: 'leader'}],
  plan: {date: '2026-02-03', items: [{activity: '服务管理审核', date: '2026-02-10', from: '09:00', to: '17:00', auditors: [lead], content: '5.1-5.3'}]}});  // §6.2.5: its written plan first
var nc = a.finding({item: '5.3', kind: 'nonconformity', evidence: '维修记录不全'});
var s = a.score({score: 92, deductionItems: 1});
a.report({date: '2026-02-13'});   // §6.5: the leader's report before the decision
var asked; try { c.decide({by: [boss], outcome: 'certify', date: '2026-03-01', grade: '五星级'}); } catch (e) { asked = e; } // 92 is not 95 (§6.5)
var d = c.decide({by: [boss], outcome: 'certify', date: '2026-03-01'}), cert = d.certificate;
var causes = {suspension: c.rules().causes('suspension')[0], withdrawal: c.rules().causes('withdrawal')[0]};
var suspended = cert.suspend({cause: causes.suspension.code, date: '2026-06-01'});
var late; try { cert.restore({date: '2026-12-15'}); } catch (e) { late = e; } // after the 6-month limit (§9.3.2.2)
var restored = cert.restore({date: '2026-07-01'});
var withdrawn = cert.withdraw({cause: causes.withdrawal.code, date: '2026-09-01'});

// show(line, result): the outcome, then its why
function show(line, result) {
  print(line);
  if (result.why && result.why.length) print(String(why(result)).replace(/^/gm, '    '));
}
show('case ' + c.id + ' under ' + c.scheme + '@' + c.version + ': accepted on ' + accepted.reviewed, accepted);
show('initial audit ' + a.start + '..' + a.end + ': ' + a.manDays + ' man-days', a);
show('nonconformity ' + nc.item + ': correct by ' + nc.due, nc);
show('score ' + s.score + ' (' + s.deductionItems + ' deduction item): ' + (s.pass ? 'pass' : 'fail') + (s.level ? ', ' + s.level : ''), s);
print('refused: certify at 五星级 on a score of 92: ' + asked.guard + ' (' + asked.clause + ')');
show('decision ' + d.outcome + ' by ' + boss.name + ': certificate ' + cert.number + ' valid ' + cert.issued + '..' + cert.expires, d);
show('suspended ' + suspended.statusDate + ' (' + suspended.statusCause + '), at most until ' + suspended.until, suspended);
print('refused: restore on 2026-12-15: ' + late.guard + ' (' + late.clause + '), the limit was ' + suspended.until);
show('restored ' + restored.statusDate, restored);
show('withdrawn ' + withdrawn.statusDate + ' (' + withdrawn.statusCause + ')', withdrawn);
var v = log.verify();
print('record log: ' + (v.ok ? 'verified, ' + v.events + ' events chained' : 'BROKEN at ' + v.bad));
