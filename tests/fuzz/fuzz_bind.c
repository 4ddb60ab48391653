/* tests/fuzz/fuzz_bind.c — libFuzzer target: the bindings that take objects (issue 11). The
 * first byte picks a binding and how its argument is built; the rest, parsed as JSON when it
 * is JSON (kept as text otherwise), is the argument — alone, merged over a valid argument, or
 * behind getters that change their answer on each read. Each run starts from a small register
 * (an organisation, people, a case, an audit, a decision, a certificate) in memory; whatever
 * the binding does, the record log must verify afterwards. A crash, a sanitizer report or a
 * failed verify is a finding. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dsl/host.h"

static const char HARNESS[] =
  "var v; try { v = JSON.parse(input); } catch (e) { v = input; }\n"
  "var org = core.org.create({name: '杭州某某电器有限公司', uscc: '91110000600037341L', staff: 120});\n"
  "var lead = core.person.create({name: '张三', roles: ['auditor']});\n"
  "var boss = core.person.create({name: '李四', roles: ['decider']});\n"
  "var c = core.case.apply({org: org, scheme: 'cas-service', version: 'test', scope: '售后服务', date: '2026-01-05'});\n"
  "core.case.accept(c.id, {date: '2026-01-08'});\n"
  "var a = core.audit.create({case: c, type: 'initial', start: '2026-02-10', end: '2026-02-12', team: [{person: lead, role: 'leader'}]});\n"
  "var d = core.decision.create({case: c, audit: a, outcome: 'certify', positive: true, date: '2026-03-01', by: [boss]});\n"
  "var cert = core.certificate.issue({decision: d, number: 'CAS-1', issued: '2026-03-01', expires: '2029-02-28'});\n"
  "var BASES = [\n"
  "  [core.org.create, {name: 'x', uscc: '91110000000000001H', staff: 1}],\n"
  "  [function (o) { return core.org.update(org.id, o); }, {staff: 2}],\n"
  "  [core.person.create, {name: '王五', roles: ['auditor']}],\n"
  "  [core.case.apply, {org: org.id, scheme: 'cas-service', version: 'test', scope: 's', date: '2026-01-05'}],\n"
  "  [core.audit.create, {case: c.id, type: 'surveillance', start: '2026-09-10', end: '2026-09-11', team: [{person: lead.id, role: 'leader'}]}],\n"
  "  [core.finding.create, {audit: a.id, item: '5.3', kind: 'nonconformity', evidence: 'e', date: '2026-02-12', due: '2026-04-12'}],\n"
  "  [core.score.record, {audit: a.id, score: 92, deductionItems: 1, pass: true, level: '四星级', stars: 4, date: '2026-02-12'}],\n"
  "  [core.decision.create, {case: c.id, audit: a.id, outcome: 'certify', positive: true, date: '2026-03-02', by: [boss.id]}],\n"
  "  [core.certificate.issue, {decision: d.id, number: 'CAS-2', issued: '2026-03-01', expires: '2029-02-28'}],\n"
  "  [function (o) { return core.certificate.setStatus(cert.id, o); }, {status: 'suspended', date: '2026-06-01', cause: 'x', clause: '§9'}],\n"
  "  [core.matter.open, {kind: 'complaint', case: c.id, text: 't', date: '2026-04-01'}],\n"
  "  [function (o) { return reminder.record([o]); }, {uid: 'u1', fp: 'f1'}],\n"
  "  [function (o) { return sqlFunctions(o, function () { return sql('SELECT 1 AS a'); }); }, {f: function (x) { return x; }}],\n"
  "  [function (o) { return sql('SELECT ?1 AS a', [o]); }, 1]\n"
  "];\n"
  "var pick = BASES[sel % BASES.length], how = Math.floor(sel / BASES.length) % 3, arg = v;\n"
  "if (how === 1 && v && typeof v === 'object' && typeof pick[1] === 'object') {\n"
  "  arg = {}; Object.keys(pick[1]).forEach(function (k) { arg[k] = pick[1][k]; });\n"
  "  Object.keys(v).forEach(function (k) { arg[k] = v[k]; });\n"
  "} else if (how === 2 && typeof pick[1] === 'object') { /* each read of a field answers differently */\n"
  "  arg = {}; var reads = 0;\n"
  "  Object.keys(pick[1]).forEach(function (k) {\n"
  "    Object.defineProperty(arg, k, {enumerable: true, get: function () {\n"
  "      return reads++ % 2 ? pick[1][k] : (v && typeof v === 'object' && k in v ? v[k] : v); }});\n"
  "  });\n"
  "}\n"
  "try { pick[0](arg); } catch (e) { String(e && e.message); }\n"
  "var check = log.verify();\n"
  "if (!check.ok) throw new Error('FINDING: ' + check.bad);\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  Host h;
  if (host_open(&h, ":memory:", "2026-06-01", 32u << 20, 1.0, NULL, 0) < 0) abort();
  h.out = fopen("/dev/null", "w");
  duk_push_int(h.ctx, data[0]);
  duk_put_global_string(h.ctx, "sel");
  duk_push_lstring(h.ctx, (const char *)data + 1, size - 1);
  duk_put_global_string(h.ctx, "input");
  if (host_eval(&h, HARNESS, sizeof HARNESS - 1, "<fuzz-bind>") != 0) {
    const char *msg = duk_safe_to_string(h.ctx, -1);
    if (strstr(msg, "FINDING")) { fprintf(stderr, "%s\n", msg); abort(); }
  }
  duk_pop(h.ctx);
  fclose(h.out);
  host_close(&h);
  return 0;
}
