/* dsl/modules.c — the one list of binding modules: each puts its functions on the global
 * object (one C file per primitive, its function table at the bottom). */
#include "dsl/bind.h"

void bind_date_open(duk_context *ctx);
void bind_uscc_open(duk_context *ctx);
void bind_sql_open(duk_context *ctx);
void bind_log_open(duk_context *ctx);
void bind_org_open(duk_context *ctx);
void bind_person_open(duk_context *ctx);
void bind_case_open(duk_context *ctx);
void bind_audit_open(duk_context *ctx);
void bind_finding_open(duk_context *ctx);
void bind_score_open(duk_context *ctx);
void bind_decision_open(duk_context *ctx);
void bind_certificate_open(duk_context *ctx);
void bind_matter_open(duk_context *ctx);
void bind_reminder_open(duk_context *ctx);
void bind_deviation_open(duk_context *ctx);
void bind_site_open(duk_context *ctx);
void bind_competence_open(duk_context *ctx);
void bind_plan_open(duk_context *ctx);
void bind_library_open(duk_context *ctx);
void bind_rules_open(duk_context *ctx);
void bind_body_open(duk_context *ctx);
void bind_document_open(duk_context *ctx);
void bind_ical_open(duk_context *ctx);
void bind_text_open(duk_context *ctx);
void bind_lifecycle_open(duk_context *ctx);
void bind_bands_open(duk_context *ctx);
void bind_why_open(duk_context *ctx);

static void (*const BINDING_MODULES[])(duk_context *) = {
  bind_date_open,
  bind_uscc_open,
  bind_sql_open,
  bind_log_open,
  bind_org_open,
  bind_person_open,
  bind_case_open,
  bind_audit_open,
  bind_finding_open,
  bind_score_open,
  bind_decision_open,
  bind_certificate_open,
  bind_matter_open,
  bind_reminder_open,
  bind_deviation_open,
  bind_site_open,
  bind_competence_open,
  bind_plan_open,
  bind_library_open,
  bind_rules_open,
  bind_body_open,
  bind_document_open,
  bind_ical_open,
  bind_text_open,
  bind_lifecycle_open,
  bind_bands_open,
  bind_why_open,
};

void host_open_bindings(duk_context *ctx) {
  for (size_t i = 0; i < sizeof BINDING_MODULES / sizeof BINDING_MODULES[0]; i++) BINDING_MODULES[i](ctx);
}
