/* dsl/bind_audit.c — core.audit: audits and their teams (core/audit.c) for scripts. */
#include "dsl/bind_core.h"
#include "core/register.h"

#include <math.h>

/* Read one team member {person, role} at the stack top into m. */
static void audit_member_read(duk_context *ctx, AuditMember *m, const char *fn) {
  bind_require_object(ctx, -1, "team[]", fn);
  bind_core_known_fields(ctx, -1, "person,role", fn);
  m->person = bind_prop_id(ctx, -1, "person", 1, fn);
  duk_pop(ctx);
  const char *role = bind_prop_string(ctx, -1, "role", 0, fn);
  m->role = role ? role : "member";
}

/* core.audit.create({case, type, mode, plannedStart, plannedEnd, start, end, manDays, onsiteDays, why, team:[{person, role}],
 * sites:[id]}) → the audit row */
static duk_ret_t audit_create_js(duk_context *ctx) {
  static const char fn[] =
      "core.audit.create({case, type, mode, plannedStart, plannedEnd, start, end, manDays, onsiteDays, why, team:[{person, role}], sites:[id]})";
  bind_require_object(ctx, 0, "options", fn);
  bind_core_known_fields(ctx, 0, "case,type,mode,plannedStart,plannedEnd,start,end,manDays,onsiteDays,why,team,sites", fn);
  AuditInput in = {0};
  in.case_id = bind_prop_id(ctx, 0, "case", 1, fn);
  in.type = bind_prop_string(ctx, 0, "type", 1, fn);
  in.mode = bind_prop_string(ctx, 0, "mode", 0, fn);
  in.planned_start = bind_prop_date(ctx, 0, "plannedStart", 0, fn);
  in.planned_end = bind_prop_date(ctx, 0, "plannedEnd", 0, fn);
  in.actual_start = bind_prop_date(ctx, 0, "start", 0, fn);
  in.actual_end = bind_prop_date(ctx, 0, "end", 0, fn);
  in.man_days = bind_prop_number(ctx, 0, "manDays", 0, 0, 10000, NAN, fn);
  in.onsite_days = bind_prop_number(ctx, 0, "onsiteDays", 0, 0, 10000, NAN, fn);
  in.why_json = bind_prop_json(ctx, 0, "why", NULL, fn);
  duk_get_prop_string(ctx, 0, "team");
  if (!duk_is_undefined(ctx, -1) && !duk_is_array(ctx, -1))
    host_throw(ctx, "invalid", "team", "%s: team must be an array of {person, role}", fn);
  duk_idx_t team = duk_get_top_index(ctx);
  in.nteam = duk_is_array(ctx, team) ? (int)duk_get_length(ctx, team) : 0;
  if (in.nteam > 1000) host_throw(ctx, "invalid", "team", "%s: a team of %d people is not an audit team", fn, in.nteam);
  duk_require_stack(ctx, 2 * in.nteam + 8); /* each member's object and role stay on the stack */
  AuditMember *members = duk_push_fixed_buffer(ctx, sizeof(AuditMember) * (size_t)(in.nteam ? in.nteam : 1));
  for (int i = 0; i < in.nteam; i++) {
    duk_get_prop_index(ctx, team, (duk_uarridx_t)i);
    audit_member_read(ctx, &members[i], fn); /* leaves the member's role string on the stack */
  }
  in.team = members;
  duk_get_prop_string(ctx, 0, "sites");
  if (!duk_is_undefined(ctx, -1) && !duk_is_array(ctx, -1))
    host_throw(ctx, "invalid", "sites", "%s: sites must be an array of the site ids the audit visits", fn);
  if (duk_is_array(ctx, -1)) {
    duk_idx_t list = duk_get_top_index(ctx);
    in.nsites = (int)duk_get_length(ctx, list);
    if (in.nsites > 100000) host_throw(ctx, "invalid", "sites", "%s: %d sites is more than an organisation has", fn, in.nsites);
    long long *ids = duk_push_fixed_buffer(ctx, sizeof(long long) * (size_t)(in.nsites ? in.nsites : 1));
    for (int i = 0; i < in.nsites; i++) {
      duk_get_prop_index(ctx, list, (duk_uarridx_t)i);
      if (!duk_is_number(ctx, -1) || duk_get_number(ctx, -1) < 1 || duk_get_number(ctx, -1) != (double)(long long)duk_get_number(ctx, -1))
        host_throw(ctx, "invalid", "sites", "%s: sites[%d] must be a site id", fn, i);
      ids[i] = (long long)duk_get_number(ctx, -1);
      duk_pop(ctx);
    }
    in.sites = ids;
  }
  long long id;
  if (audit_create(&host_of(ctx)->db, &in, bind_json(ctx, 0), &id) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "audit", id);
}

/* core.audit.complete(id, {start, end}) → the audit row; a planned audit took place */
static duk_ret_t audit_complete_js(duk_context *ctx) {
  static const char fn[] = "core.audit.complete(id, {start, end})";
  long long id = bind_id_arg(ctx, 0, "id", fn);
  bind_require_object(ctx, 1, "options", fn);
  bind_core_known_fields(ctx, 1, "start,end", fn);
  const char *start = bind_prop_date(ctx, 1, "start", 1, fn);
  const char *end = bind_prop_date(ctx, 1, "end", 1, fn);
  if (audit_complete(&host_of(ctx)->db, id, start, end, bind_json(ctx, 1)) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "audit", id);
}

/* core.audit.cancel(id) → the audit row; a planned audit will not take place */
static duk_ret_t audit_cancel_js(duk_context *ctx) {
  long long id = bind_id_arg(ctx, 0, "id", "core.audit.cancel(id)");
  if (audit_cancel(&host_of(ctx)->db, id, NULL) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "audit", id);
}

/* core.audit.report(id, {date, by}) → the audit row; its report, signed by its leader */
static duk_ret_t audit_report_js(duk_context *ctx) {
  static const char fn[] = "core.audit.report(id, {date, by})";
  long long id = bind_id_arg(ctx, 0, "id", fn);
  bind_require_object(ctx, 1, "options", fn);
  bind_core_known_fields(ctx, 1, "date,by", fn);
  const char *date = bind_prop_date(ctx, 1, "date", 1, fn);
  long long by = bind_prop_id(ctx, 1, "by", 1, fn);
  if (audit_report(&host_of(ctx)->db, id, date, by, bind_json(ctx, 1)) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "audit", id);
}

/* core.audit.addMember(id, {person, role}) → the audit row */
static duk_ret_t audit_add_member_js(duk_context *ctx) {
  static const char fn[] = "core.audit.addMember(id, {person, role})";
  long long id = bind_id_arg(ctx, 0, "id", fn);
  duk_dup(ctx, 1);
  AuditMember m;
  audit_member_read(ctx, &m, fn);
  if (audit_add_member(&host_of(ctx)->db, id, &m, bind_json(ctx, 1)) < 0) bind_core_fail(ctx);
  return bind_core_push_record(ctx, "audit", id);
}

/* core.audit.get(id) → the audit row with its team; throws not-found */
static duk_ret_t audit_get_js(duk_context *ctx) {
  return bind_core_push_record(ctx, "audit", bind_id_arg(ctx, 0, "id", "core.audit.get(id)"));
}

static const duk_function_list_entry audit_funcs[] = {
  {"create", audit_create_js, 1},
  {"complete", audit_complete_js, 2},
  {"cancel", audit_cancel_js, 1},
  {"addMember", audit_add_member_js, 2},
  {"get", audit_get_js, 1},
  {"report", audit_report_js, 2},
  {NULL, NULL, 0}};

void bind_audit_open(duk_context *ctx) { bind_core_put(ctx, "audit", audit_funcs); }
