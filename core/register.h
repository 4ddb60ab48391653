/* core/register.h — the register's primitives: organisations, people, cases, audits, findings,
 * scores, decisions, certificates and matters. One C file per primitive (core/org.c …).
 *
 * Every write operation validates all of its input first, then runs as one command: db_begin,
 * the state row(s), log_record for every row it changed, db_commit. On any failure it rolls
 * back and returns -1 with db->err naming the field and the value; nothing is written.
 * args_json is what the caller was given (JSON text, or NULL), kept in the event.
 *
 * Core enforces what no scheme may break: legal state changes, impartiality, real dates and
 * ends not before starts, numbers in range, certificates only after a positive decision.
 * Everything scheme-specific (expiry, numbers, deadlines, grades) comes in from the caller. */
#ifndef CERTSH_CORE_REGISTER_H
#define CERTSH_CORE_REGISTER_H

#include "core/db.h"

/* Effective staff beyond this is a typing error, not an organisation (the largest employers
 * have a few million). */
#define REG_STAFF_MAX 10000000LL
#define REG_SITES_MAX 100000LL

/* ---- shared validation (core/register.c) ------------------------------------------------- */

/* text is a real calendar date 'YYYY-MM-DD' (or NULL when !required); 0, or -1 naming field. */
int reg_date(Db *db, const char *field, const char *text, int required);
/* end is not before start (both valid dates or NULL); 0 or -1 naming end_field. */
int reg_order(Db *db, const char *start_field, const char *start, const char *end_field, const char *end);
/* text is present and not blank; 0 or -1. */
int reg_text(Db *db, const char *field, const char *text);
/* text is one of the NULL-terminated words; 0 or -1 listing them. */
int reg_word(Db *db, const char *field, const char *text, const char *const *words);
/* json is valid JSON of the given kind ('[' array, '{' object), nested at most 32 levels, or
 * NULL; 0 or -1. */
int reg_json(Db *db, const char *field, const char *json, char kind);
/* json is a list of online shops [{domain, platform}] (both non-blank text, nothing else), or
 * NULL; 0 or -1 naming the first bad element. The one check of import and the API. */
int reg_shops(Db *db, const char *field, const char *json);
/* The row id of table exists; 0 or -1 ("not-found" naming field). */
int reg_exists(Db *db, const char *field, const char *table, long long id);
/* One text column of one row (e.g. a status) into out; 0, or -1 when there is no such row. */
int reg_column(Db *db, const char *table, const char *column, long long id, const char *field, char *out, size_t n);
/* Run one writing statement with parameters described by types: 't' text (NULL → null),
 * 'i' integer, 'I' integer with 0 → null, 'd' real (NaN → null). 0 or -1. */
int reg_run(Db *db, const char *sql, const char *types, ...);
/* reg_run with the statement kept prepared in db_cached slot `slot` (for writes done once per row of an import). */
int reg_run_cached(Db *db, int slot, const char *sql, const char *types, ...);
/* Roll back the command and return -1, keeping db->err. */
int reg_abort(Db *db);
/* v in decimal at out (room for 21 bytes), NUL-terminated, as "%lld" prints it; its length.
 * For the per-row texts of an import (snprintf cost about a thousand instructions each). */
size_t reg_decimal(char *out, long long v);
/* The row JSON (log_row_json_sql) of subject PREFIX:ID into *out (malloc'd, caller frees);
 * 0, or -1 ("not-found"). */
int reg_get_json(Db *db, const char *prefix, long long id, char **out);

/* ---- organisations (core/org.c) ---------------------------------------------------------- */

typedef struct OrgInput {
  const char *name;
  const char *uscc;
  const char *uscc_override; /* reason for accepting a code whose check character fails */
  const char *address;       /* NULL: '' (create) or unchanged (update) */
  long long staff;           /* effective staff, 1..REG_STAFF_MAX; 0 on update: unchanged */
  long long sites;           /* 0: 1 (create) or unchanged (update) */
  const char *shops_json;    /* [{domain, platform}]; NULL: none / unchanged */
  const char *facts_json;    /* eligibility facts {licence:…}; NULL: none / unchanged */
} OrgInput;

/* Register an organisation; *id its id. */
int org_create(Db *db, const OrgInput *in, const char *args_json, long long *id);
/* Change an organisation's data; NULL / 0 fields stay as they are (name and USCC included). */
int org_update(Db *db, long long id, const OrgInput *in, const char *args_json);

/* ---- people (core/person.c) -------------------------------------------------------------- */

/* Register a person; roles_json an array of 'auditor', 'expert', 'decider' (NULL: none). */
int person_create(Db *db, const char *name, const char *roles_json, const char *args_json, long long *id);
/* Record a registration (auditor or expert qualification) valid from..to. */
int person_register(Db *db, long long person, const char *number, const char *field_code, const char *valid_from,
                    const char *valid_to, const char *args_json);

/* ---- cases (core/case.c) ----------------------------------------------------------------- */

typedef struct CaseInput {
  long long org;
  const char *scheme, *version; /* the scheme and the version that governs the case */
  const char *scope;
  const char *grade;            /* grade applied for, or NULL */
  const char *shops_json;       /* shops covered (e-commerce), or NULL */
  const char *applied;          /* date of application */
} CaseInput;

/* Open a case in status 'applied'. */
int case_apply(Db *db, const CaseInput *in, const char *args_json, long long *id);
/* Application review: applied → accepted, or applied → rejected (reason required). */
int case_review(Db *db, long long id, int accept, const char *date, const char *reason, const char *args_json);
/* The certification contract of an accepted (or certified) case, signed on date (case.contract). */
int case_contract(Db *db, long long id, const char *date, const char *number, const char *args_json);
/* Close a case that is not closed yet (withdrawn application, end of certification). */
int case_close(Db *db, long long id, const char *date, const char *reason, const char *args_json);
/* 1 when the case may move from status `from` to `to`. */
int case_transition_ok(const char *from, const char *to);

/* ---- audits (core/audit.c) --------------------------------------------------------------- */

typedef struct AuditMember {
  long long person;
  const char *role; /* leader, member, expert */
} AuditMember;

typedef struct AuditInput {
  long long case_id;
  const char *type;                        /* document, initial, surveillance, recertification, special, extension */
  const char *mode;                        /* onsite (default), remote, … */
  const char *planned_start, *planned_end; /* or NULL */
  const char *actual_start, *actual_end;   /* both given: the audit is done */
  double man_days, onsite_days;            /* NaN: not stated */
  const char *why_json;                    /* how the man-days were found */
  const AuditMember *team;
  int nteam;
  const long long *sites;                  /* the sites of the case's organisation it visits (or NULL) */
  int nsites;
} AuditInput;

/* Plan or record an audit of an accepted or certified case with its team. */
int audit_create(Db *db, const AuditInput *in, const char *args_json, long long *id);
/* A planned audit took place from start to end: status done. */
int audit_complete(Db *db, long long id, const char *start, const char *end, const char *args_json);
/* A planned audit will not take place. */
int audit_cancel(Db *db, long long id, const char *args_json);
/* The report of a done audit, dated on or after its end and signed by `by`, its leader (audit.report). */
int audit_report(Db *db, long long id, const char *date, long long by, const char *args_json);
/* Add a person to an audit's team. */
int audit_add_member(Db *db, long long id, const AuditMember *m, const char *args_json);

/* ---- findings (core/finding.c) ----------------------------------------------------------- */

typedef struct FindingInput {
  long long audit;
  const char *item, *clause; /* criteria item and clause, or NULL */
  const char *kind;          /* nonconformity, deduction, special-deduction, special-bonus, observation */
  double points;             /* finite; NaN: 0 */
  const char *evidence;
  const char *raised;        /* date the finding was raised */
  const char *due;           /* correction deadline, or NULL */
} FindingInput;

/* Record a finding of an audit that is not cancelled. */
int finding_create(Db *db, const FindingInput *in, const char *args_json, long long *id);
/* Close an open finding (correction verified) on date. */
int finding_close(Db *db, long long id, const char *date, const char *args_json);

/* ---- scores (core/score.c) --------------------------------------------------------------- */

typedef struct ScoreInput {
  long long audit;
  double score;              /* 0..100 */
  long long deduction_items; /* >= 0 */
  int pass;                  /* 0 or 1, as the scheme's grade rule found */
  const char *level;         /* the document's word for the grade, or NULL */
  int stars;                 /* 0..5 */
  const char *date;
  const char *why_json;
} ScoreInput;

/* Record the score of an audit (one per audit). */
int score_record(Db *db, const ScoreInput *in, const char *args_json, long long *id);

/* ---- decisions (core/decision.c) --------------------------------------------------------- */

typedef struct DecisionInput {
  long long case_id;
  long long audit;          /* the audit decided on, or 0 */
  const char *outcome;      /* the scheme's word: certify, refuse, recertify, maintain, … */
  int positive;             /* 1 when the outcome grants or keeps certification */
  int neutral;              /* 1 when it neither grants nor refuses (e.g. a postponement): the case stays */
  const char *reason;       /* the written reasons (refusal, postponement, downgrade), or NULL */
  const char *grade;        /* grade decided, or NULL */
  const char *date;
  const char *why_json;
  const long long *makers;  /* the deciders: never members of an audit team of the case */
  int nmakers;
  const char *rules;        /* the hash of the pinned rules that produced it, or NULL */
} DecisionInput;

/* Record a certification decision; on an accepted case a positive one makes it certified, a
 * negative one refused, a neutral one leaves it accepted. */
int decision_create(Db *db, const DecisionInput *in, const char *args_json, long long *id);

/* ---- pinned rules (core/rules.c) --------------------------------------------------------- */

typedef struct RulesInput {
  const char *scheme, *version;
  const char *source_json; /* {entry, files: {path: text}}: the files that define the version */
  const char *origin;      /* 'embedded' or 'adopted' */
  const char *by;          /* who adopted a body's own file (required when adopted) */
  const char *date;
} RulesInput;

/* Hex SHA-256 of text: the hash of a pinned source. */
void rules_hash(const char *text, size_t len, char out[65]);
/* Pin the rules of scheme@version: store the source and its hash, or find them stored already;
 * *id the rules row. A version pinned with another text is refused (code conflict). */
int rules_pin(Db *db, const RulesInput *in, const char *args_json, long long *id);

/* ---- certificates (core/certificate.c) --------------------------------------------------- */

typedef struct CertificateInput {
  long long decision;     /* a positive decision; its case is the certificate's */
  const char *number;
  const char *scope;      /* NULL: the case's scope */
  const char *grade;      /* NULL: the decision's grade */
  int stars;              /* 0..5 */
  const char *shops_json; /* NULL: the case's shops */
  const char *issued, *expires;
} CertificateInput;

/* Issue a certificate on a positive decision that has none yet; status active. */
int certificate_issue(Db *db, const CertificateInput *in, const char *args_json, long long *id);
/* What a status change records besides the new status: why, and until when. */
typedef struct StatusInput {
  const char *to, *date;
  const char *code;   /* the scheme's cause code, or NULL */
  const char *cause;  /* the cause in words, or NULL */
  const char *clause; /* the clause stating the cause, or NULL */
  const char *until;  /* a suspension's last allowed day (the scheme's limit), NULL when none */
} StatusInput;

/* Change status: active ⇄ suspended; active|suspended → withdrawn|cancelled|expired. */
int certificate_set_status(Db *db, long long id, const StatusInput *in, const char *args_json);
/* A certificate taken over from another register (another system, an earlier body): its case,
 * the decision it rests on and the certificate, recorded as imported (case.import,
 * decision.import, certificate.import), never as a decision taken here. */
typedef struct ImportInput {
  long long org;
  const char *scheme, *version, *scope;
  const char *grade;        /* or NULL */
  int stars;                /* 0..5 */
  const char *shops_json;   /* or NULL */
  const char *number, *issued, *expires;
  const char *decided;      /* the date of the decision it rests on (NULL: issued) */
  StatusInput status;       /* .to "active" or the status it has, with its date, cause and limit */
  const long long *makers;  /* who decided it, as the other register names them */
  int nmakers;
} ImportInput;

/* Import one certificate with its case and decision, in one transaction; *id the certificate. */
int certificate_import(Db *db, const ImportInput *in, const char *args_json, long long *id);
/* 1 when a certificate may move from status `from` to `to`. */
int certificate_transition_ok(const char *from, const char *to);
/* Scope extension or reduction and changes of data: number, issued and expiry stay. NULL
 * fields and stars < 0 stay as they are. kind names the event (NULL: "certificate.change";
 * "certificate.downgrade", "certificate.upgrade" for a grade the scheme's workflow changed); date, the
 * business date it takes effect (NULL: the day it is recorded). */
int certificate_change(Db *db, long long id, const char *scope, const char *grade, int stars, const char *shops_json,
                       const char *kind, const char *date, const char *args_json);
/* Recertification: a positive decision on the same case renews issued and expires on the
 * same number (the previous cycle stays in the log), with the grade and stars the
 * recertification's evaluation gives (NULL / stars < 0: unchanged). */
int certificate_renew(Db *db, long long id, long long decision, const char *issued, const char *expires,
                      const char *grade, int stars, const char *args_json);

/* ---- sites: an organisation's central function and service sites (core/site.c) ------------ */

typedef struct SiteInput {
  long long org;
  const char *name, *address; /* address may be NULL */
  int central;                /* 1: the central function (one open at a time) */
  const char *opened;         /* the date the site opened (or was first recorded) */
} SiteInput;

/* Add a site to an organisation (site.add), its site count following. */
int site_add(Db *db, const SiteInput *in, const char *args_json, long long *id);
/* A site closed on date (site.close); the organisation's site count follows. */
int site_close(Db *db, long long id, const char *date, const char *args_json);

/* ---- competence: evaluations, monitoring and training of people (core/competence.c) -------- */

typedef struct CompetenceInput {
  long long person;
  const char *kind;       /* evaluation, monitoring, training */
  const char *activity;   /* audit, lead, decide */
  const char *scheme;     /* the scheme id it concerns, or NULL: every scheme */
  const char *field_code; /* or NULL */
  const char *date;
  const char *result;     /* competent, not-competent (evaluation, monitoring); completed (training) */
  const char *valid_to;   /* the last day an evaluation holds, or NULL */
  long long by;           /* who evaluated, monitored or trained: another person */
  const char *text;       /* or NULL */
} CompetenceInput;

/* Record one competence record (competence.record); records are never changed, a later one supersedes. */
int competence_record(Db *db, const CompetenceInput *in, const char *args_json, long long *id);

/* ---- audit assignments and plans (core/plan.c) ------------------------------------------- */

typedef struct PlanInput {
  long long audit;
  const char *kind;      /* assignment (CFC §7.2.5 审查委任) or plan (the written audit plan) */
  const char *date;
  long long by;          /* assignment: who assigns; plan: a member of the audit's team */
  const char *contents;  /* a JSON object: what the documents list (stdlib/register.js checks its fields) */
  const char *notified;  /* a revised plan: the date the auditee was told in writing, or NULL */
} PlanInput;

/* Record an audit's assignment or plan (plan.record); never changed, a later plan is a revision. */
int plan_record(Db *db, const PlanInput *in, const char *args_json, long long *id);

/* ---- deviations: justified exceptions recorded as data (core/deviation.c) ------------------ */

typedef struct DeviationInput {
  const char *prefix;      /* what it concerns: certificate, case or audit */
  long long id;
  const char *rule;        /* the rule it is an exception to, e.g. 'surveillance.extension' */
  const char *clause;      /* the clause that allows it */
  const char *reason;
  long long by, approved_by;
  const char *date;
  const char *details_json; /* e.g. {"n": 2}; or NULL */
} DeviationInput;

/* Record a deviation as one `deviation.record` event (subject 'deviation:PREFIX-ID'). */
int deviation_record(Db *db, const DeviationInput *in, const char *args_json);

/* ---- matters: appeals, complaints, incidents (core/matter.c) ------------------------------ */

typedef struct MatterInput {
  const char *kind;        /* appeal, complaint, incident */
  long long case_id;       /* or 0 */
  long long certificate;   /* or 0 */
  const char *cause, *text;
  const char *received, *due;
  const char *why_json;
} MatterInput;

/* Open a matter. */
int matter_open(Db *db, const MatterInput *in, const char *args_json, long long *id);
/* Record that an open or closed matter was reported to a body (e.g. CNAS, R6.2) on date. */
int matter_report(Db *db, long long id, const char *to, const char *date, const char *args_json);
/* Close an open matter with its outcome. */
int matter_close(Db *db, long long id, const char *date, const char *outcome, const char *args_json);

#endif
