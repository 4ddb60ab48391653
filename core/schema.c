/* core/schema.c — the register's tables, as an ordered list of migrations.
 * Migration N brings a database from user_version N-1 to N. Never edit a released step:
 * append a new one. Every state table has a row-JSON expression (core/log.c) so that
 * `certsh verify` can check each row against the last event that wrote it. */
#include "core/schema.h"

const char *const schema_migrations[] = {
  /* 1: the register */
  "CREATE TABLE orgs("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  uscc TEXT NOT NULL UNIQUE,"
  "  uscc_override TEXT,"                     /* reason given when a failing check code was accepted */
  "  address TEXT NOT NULL DEFAULT '',"
  "  staff INTEGER NOT NULL CHECK(staff >= 1),"  /* effective staff (CAS App. A note 1) */
  "  sites INTEGER NOT NULL DEFAULT 1 CHECK(sites >= 1),"
  "  shops TEXT NOT NULL DEFAULT '[]' CHECK(json_valid(shops)),"  /* [{domain, platform}] */
  "  facts TEXT NOT NULL DEFAULT '{}' CHECK(json_valid(facts)),"  /* eligibility facts: licences, lists */
  "  created TEXT NOT NULL);"
  "CREATE TABLE people("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  roles TEXT NOT NULL DEFAULT '[]' CHECK(json_valid(roles)),"  /* auditor, expert, decider */
  "  created TEXT NOT NULL);"
  "CREATE TABLE registrations("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES people(id),"
  "  number TEXT NOT NULL,"
  "  field_code TEXT NOT NULL DEFAULT '',"
  "  valid_from TEXT NOT NULL,"
  "  valid_to TEXT NOT NULL,"
  "  CHECK(valid_to >= valid_from));"
  "CREATE TABLE cases("
  "  id INTEGER PRIMARY KEY,"
  "  org_id INTEGER NOT NULL REFERENCES orgs(id),"
  "  scheme TEXT NOT NULL,"
  "  version TEXT NOT NULL,"
  "  scope TEXT NOT NULL,"
  "  grade TEXT,"                                /* the grade applied for */
  "  shops TEXT NOT NULL DEFAULT '[]' CHECK(json_valid(shops)),"
  "  status TEXT NOT NULL CHECK(status IN ('applied','accepted','rejected','certified','refused','closed')),"
  "  applied TEXT NOT NULL,"
  "  reviewed TEXT,"
  "  review_reason TEXT,"
  "  created TEXT NOT NULL);"
  "CREATE INDEX cases_org ON cases(org_id);"
  "CREATE TABLE audits("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases(id),"
  "  type TEXT NOT NULL CHECK(type IN ('document','initial','surveillance','recertification','special','extension')),"
  "  mode TEXT NOT NULL DEFAULT 'onsite',"
  "  planned_start TEXT, planned_end TEXT,"
  "  actual_start TEXT, actual_end TEXT,"
  "  man_days REAL CHECK(man_days IS NULL OR man_days >= 0),"
  "  onsite_days REAL CHECK(onsite_days IS NULL OR onsite_days >= 0),"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK(status IN ('planned','done','cancelled')),"
  "  why TEXT NOT NULL DEFAULT '[]' CHECK(json_valid(why)),"
  "  CHECK(planned_end IS NULL OR planned_end >= planned_start),"
  "  CHECK(actual_end IS NULL OR actual_end >= actual_start));"
  "CREATE INDEX audits_case ON audits(case_id);"
  "CREATE TABLE audit_team("
  "  audit_id INTEGER NOT NULL REFERENCES audits(id),"
  "  person_id INTEGER NOT NULL REFERENCES people(id),"
  "  role TEXT NOT NULL CHECK(role IN ('leader','member','expert')),"
  "  PRIMARY KEY(audit_id, person_id));"
  "CREATE INDEX audit_team_person ON audit_team(person_id);"
  "CREATE TABLE findings("
  "  id INTEGER PRIMARY KEY,"
  "  audit_id INTEGER NOT NULL REFERENCES audits(id),"
  "  item TEXT NOT NULL DEFAULT '',"             /* criteria item, e.g. gbt27922 4.2.3 */
  "  clause TEXT NOT NULL DEFAULT '',"           /* clause of the criteria or scheme */
  "  kind TEXT NOT NULL CHECK(kind IN ('nonconformity','deduction','special-deduction','special-bonus','observation')),"
  "  points REAL NOT NULL DEFAULT 0,"
  "  evidence TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK(status IN ('open','closed')),"
  "  raised TEXT NOT NULL,"
  "  due TEXT,"
  "  closed TEXT);"
  "CREATE INDEX findings_audit ON findings(audit_id);"
  "CREATE INDEX findings_open_due ON findings(due) WHERE status = 'open';"
  "CREATE TABLE scores("
  "  id INTEGER PRIMARY KEY,"
  "  audit_id INTEGER NOT NULL UNIQUE REFERENCES audits(id),"
  "  score REAL NOT NULL CHECK(score >= 0 AND score <= 100),"
  "  deduction_items INTEGER NOT NULL DEFAULT 0 CHECK(deduction_items >= 0),"
  "  pass INTEGER NOT NULL CHECK(pass IN (0,1)),"
  "  level TEXT,"
  "  stars INTEGER NOT NULL DEFAULT 0 CHECK(stars BETWEEN 0 AND 5),"
  "  date TEXT NOT NULL,"
  "  why TEXT NOT NULL DEFAULT '[]' CHECK(json_valid(why)));"
  "CREATE TABLE decisions("
  "  id INTEGER PRIMARY KEY,"
  "  case_id INTEGER NOT NULL REFERENCES cases(id),"
  "  audit_id INTEGER REFERENCES audits(id),"
  "  outcome TEXT NOT NULL,"
  "  positive INTEGER NOT NULL CHECK(positive IN (0,1)),"
  "  grade TEXT,"
  "  date TEXT NOT NULL,"
  "  why TEXT NOT NULL DEFAULT '[]' CHECK(json_valid(why)));"
  "CREATE INDEX decisions_case ON decisions(case_id);"
  "CREATE TABLE decision_makers("
  "  decision_id INTEGER NOT NULL REFERENCES decisions(id),"
  "  person_id INTEGER NOT NULL REFERENCES people(id),"
  "  PRIMARY KEY(decision_id, person_id));"
  "CREATE TABLE certificates("
  "  id INTEGER PRIMARY KEY,"
  "  number TEXT NOT NULL UNIQUE,"
  "  case_id INTEGER NOT NULL REFERENCES cases(id),"
  "  org_id INTEGER NOT NULL REFERENCES orgs(id),"
  "  scheme TEXT NOT NULL,"
  "  version TEXT NOT NULL,"
  "  scope TEXT NOT NULL,"
  "  shops TEXT NOT NULL DEFAULT '[]' CHECK(json_valid(shops)),"
  "  grade TEXT,"
  "  stars INTEGER NOT NULL DEFAULT 0 CHECK(stars BETWEEN 0 AND 5),"
  "  issued TEXT NOT NULL,"                      /* start of the current cycle */
  "  expires TEXT NOT NULL,"
  "  status TEXT NOT NULL CHECK(status IN ('active','suspended','withdrawn','cancelled','expired')),"
  "  status_date TEXT NOT NULL,"
  "  status_cause TEXT,"
  "  status_clause TEXT,"
  "  decision_id INTEGER NOT NULL REFERENCES decisions(id),"
  "  CHECK(expires > issued));"
  "CREATE INDEX certificates_expires ON certificates(expires);"
  "CREATE INDEX certificates_status ON certificates(status, status_date);"
  "CREATE INDEX certificates_case ON certificates(case_id);"
  "CREATE TABLE matters("                        /* appeals, complaints and R6.2-type incidents */
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK(kind IN ('appeal','complaint','incident')),"
  "  case_id INTEGER REFERENCES cases(id),"
  "  certificate_id INTEGER REFERENCES certificates(id),"
  "  cause TEXT NOT NULL DEFAULT '',"            /* coded cause, e.g. R6.2 event code */
  "  text TEXT NOT NULL DEFAULT '',"
  "  received TEXT NOT NULL,"
  "  due TEXT,"
  "  closed TEXT,"
  "  outcome TEXT,"
  "  why TEXT NOT NULL DEFAULT '[]' CHECK(json_valid(why)));"
  "CREATE INDEX matters_open ON matters(kind, due) WHERE closed IS NULL;"
  "CREATE TABLE events("                         /* the append-only, hash-chained record log */
  "  seq INTEGER PRIMARY KEY,"
  "  as_of TEXT NOT NULL,"
  "  wall TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  subject TEXT NOT NULL,"
  "  payload TEXT NOT NULL,"
  "  prev TEXT NOT NULL,"
  "  hash TEXT NOT NULL);"
  "CREATE INDEX events_subject ON events(subject, seq);"
  "CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
  "  BEGIN SELECT RAISE(ABORT, 'the record log is append-only: UPDATE refused'); END;"
  "CREATE TRIGGER events_no_delete BEFORE DELETE ON events"
  "  BEGIN SELECT RAISE(ABORT, 'the record log is append-only: DELETE refused'); END;"
  /* impartiality (CAS §6.6, DNI §5.4): nobody on an audit team of a case decides it */
  "CREATE TRIGGER impartial_decider BEFORE INSERT ON decision_makers"
  "  WHEN EXISTS(SELECT 1 FROM audit_team t JOIN audits a ON a.id = t.audit_id"
  "              JOIN decisions d ON d.case_id = a.case_id"
  "              WHERE d.id = NEW.decision_id AND t.person_id = NEW.person_id)"
  "  BEGIN SELECT RAISE(ABORT, 'impartiality: a member of an audit team of this case cannot decide it'); END;"
  "CREATE TRIGGER impartial_auditor BEFORE INSERT ON audit_team"
  "  WHEN EXISTS(SELECT 1 FROM decision_makers m JOIN decisions d ON d.id = m.decision_id"
  "              JOIN audits a ON a.case_id = d.case_id"
  "              WHERE a.id = NEW.audit_id AND m.person_id = NEW.person_id)"
  "  BEGIN SELECT RAISE(ABORT, 'impartiality: a decider of this case cannot join its audit team'); END;",
  /* 2: a covering index for each case's audits done by type and end date: the reminder job's
   * cycle start, last audit and surveillances done are read from it without touching the table;
   * it leads with case_id, so it replaces audits_case */
  "CREATE INDEX audits_case_status ON audits(case_id, status, type, actual_end);"
  "DROP INDEX audits_case;",
  /* 3: the scheme versions in use, read from a small index instead of the certificates table */
  "CREATE INDEX certificates_scheme ON certificates(scheme, version, status);",
  /* 4: what the scheme's workflow needs later, stored rather than guessed: a decision's written
   * reasons (refusal, postponement, downgrade); a status change's cause code and, for a
   * suspension, the last day the scheme allows it (NULL when the scheme lifts the limit, e.g. a
   * licence under renewal); when an incident was reported to the accreditation body */
  "ALTER TABLE decisions ADD COLUMN reason TEXT;"
  "ALTER TABLE certificates ADD COLUMN status_code TEXT;"
  "ALTER TABLE certificates ADD COLUMN status_until TEXT;"
  "ALTER TABLE matters ADD COLUMN reported TEXT;"
  "ALTER TABLE matters ADD COLUMN reported_to TEXT;",
  /* 5: child rows only for a subject that exists, also when foreign keys are off (the sqlite3
   * shell's default): a decider planted for a future decision would be adopted by it */
  "CREATE TRIGGER decision_makers_parent BEFORE INSERT ON decision_makers"
  "  WHEN NOT EXISTS(SELECT 1 FROM decisions WHERE id = NEW.decision_id)"
  "  BEGIN SELECT RAISE(ABORT, 'the record log: deciders can only be added to a decision that exists'); END;"
  "CREATE TRIGGER audit_team_parent BEFORE INSERT ON audit_team"
  "  WHEN NOT EXISTS(SELECT 1 FROM audits WHERE id = NEW.audit_id)"
  "  BEGIN SELECT RAISE(ABORT, 'the record log: team members can only be added to an audit that exists'); END;"
  "CREATE TRIGGER registrations_parent BEFORE INSERT ON registrations"
  "  WHEN NOT EXISTS(SELECT 1 FROM people WHERE id = NEW.person_id)"
  "  BEGIN SELECT RAISE(ABORT, 'the record log: registrations can only be added to a person who exists'); END;"
  "CREATE TRIGGER decision_makers_parent_update BEFORE UPDATE OF decision_id ON decision_makers"
  "  WHEN NOT EXISTS(SELECT 1 FROM decisions WHERE id = NEW.decision_id)"
  "  BEGIN SELECT RAISE(ABORT, 'the record log: deciders can only belong to a decision that exists'); END;"
  "CREATE TRIGGER audit_team_parent_update BEFORE UPDATE OF audit_id ON audit_team"
  "  WHEN NOT EXISTS(SELECT 1 FROM audits WHERE id = NEW.audit_id)"
  "  BEGIN SELECT RAISE(ABORT, 'the record log: team members can only belong to an audit that exists'); END;"
  "CREATE TRIGGER registrations_parent_update BEFORE UPDATE OF person_id ON registrations"
  "  WHEN NOT EXISTS(SELECT 1 FROM people WHERE id = NEW.person_id)"
  "  BEGIN SELECT RAISE(ABORT, 'the record log: registrations can only belong to a person who exists'); END;",
  /* 6: the certificates holding stars, found without reading every certificate: the required
   * actions look for a surveillance score below the stars held (stdlib/actions.js) */
  "CREATE INDEX certificates_starred ON certificates(case_id, stars) WHERE stars > 0;",
  /* 7: two time axes. Every event gets its effective date (the business date of the act) beside
   * as_of (the date it was recorded); `format` 2 events hash it into the chain, format-1
   * events (written before) keep their hash inputs and get the date their own payload gives
   * (SCHEMA_EFFECTIVE_V1, which verify checks). The append-only trigger is lifted only for
   * this one derivation, inside the migration's transaction. */
  "DROP TRIGGER events_no_update;"
  "ALTER TABLE events ADD COLUMN effective TEXT;"
  "ALTER TABLE events ADD COLUMN format INTEGER NOT NULL DEFAULT 1;"
  "UPDATE events SET effective = " SCHEMA_EFFECTIVE_V1 ";"
  "CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
  "  BEGIN SELECT RAISE(ABORT, 'the record log is append-only: UPDATE refused'); END;"
  "CREATE INDEX events_effective ON events(effective);",
  /* 8: the rules pinned in the register (issue 15): the first time a scheme version governs a
   * case, the text of the files that define it (JSON {entry, files: {path: text}}) and its
   * SHA-256, so that the case stays evaluable when the files are gone and a decision can be
   * replayed under the rules that produced it; one text per version. origin: 'embedded' (the
   * library built into certsh) or 'adopted' (a body's own file, taken by `certsh adopt`). */
  "CREATE TABLE rules("
  "  id INTEGER PRIMARY KEY,"
  "  scheme TEXT NOT NULL,"
  "  version TEXT NOT NULL,"
  "  hash TEXT NOT NULL CHECK(length(hash) = 64),"
  "  source TEXT NOT NULL CHECK(json_valid(source)),"
  "  origin TEXT NOT NULL CHECK(origin IN ('embedded','adopted')),"
  "  adopted_by TEXT,"
  "  pinned TEXT NOT NULL,"
  "  UNIQUE(scheme, version));"
  "ALTER TABLE decisions ADD COLUMN rules TEXT;",
  /* 9: an organisation's sites as records (core/site.c): its central function and its service
   * sites, each opened and perhaps closed; and the sites an audit visited (a JSON array of site
   * ids, NULL when not recorded), which a scheme sampling sites checks (IAF MD 1) */
  "CREATE TABLE sites("
  "  id INTEGER PRIMARY KEY,"
  "  org_id INTEGER NOT NULL REFERENCES orgs(id),"
  "  name TEXT NOT NULL,"
  "  address TEXT NOT NULL DEFAULT '',"
  "  central INTEGER NOT NULL DEFAULT 0 CHECK(central IN (0, 1)),"
  "  opened TEXT NOT NULL,"
  "  closed TEXT CHECK(closed IS NULL OR closed >= opened),"
  "  created TEXT NOT NULL);"
  "CREATE INDEX sites_org ON sites(org_id);"
  "CREATE UNIQUE INDEX sites_central ON sites(org_id) WHERE central = 1 AND closed IS NULL;"
  "ALTER TABLE audits ADD COLUMN sites TEXT CHECK(sites IS NULL OR json_valid(sites));"
  /* and the stages between: the certification contract signed after acceptance (its date and
   * number), and each audit's report, dated and signed by its leader, before any decision on it */
  "ALTER TABLE cases ADD COLUMN contracted TEXT;"
  "ALTER TABLE cases ADD COLUMN contract_number TEXT;"
  "ALTER TABLE audits ADD COLUMN reported TEXT;"
  "ALTER TABLE audits ADD COLUMN report_by INTEGER;" /* the leader who signed it (core checks: a leader of the team) */
  /* and people's competence beyond registrations (core/competence.c): evaluations, continual
   * monitoring and training, never changed, a later record superseding (CNAS C2.2, C2.3) */
  "CREATE TABLE competence("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES people(id),"
  "  kind TEXT NOT NULL CHECK(kind IN ('evaluation', 'monitoring', 'training')),"
  "  activity TEXT NOT NULL CHECK(activity IN ('audit', 'lead', 'decide')),"
  "  scheme TEXT,"
  "  field_code TEXT,"
  "  date TEXT NOT NULL,"
  "  result TEXT NOT NULL CHECK(result IN ('competent', 'not-competent', 'completed')),"
  "  valid_to TEXT CHECK(valid_to IS NULL OR valid_to >= date),"
  "  by INTEGER NOT NULL REFERENCES people(id),"
  "  text TEXT NOT NULL DEFAULT '',"
  "  created TEXT NOT NULL);"
  "CREATE INDEX competence_person ON competence(person_id, activity, date);",
  /* 10: what a body sends out (issue 16). The body's own profile, printed on its certificates and
   * letters (CAS §6.7.1 1), CNAS C3.7.1 1): name, address; the approval number 批准号 the CNCA
   * gave it) and the pattern of its public register's URL, one row; and what was reported to a
   * regulator (CNCA's platform, IAF CertSearch) for which period, so that the next report
   * sends only what is new or changed: items [{sheet, key, digest}] */
  "CREATE TABLE body("
  "  id INTEGER PRIMARY KEY CHECK(id = 1),"
  "  name TEXT NOT NULL,"
  "  name_en TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL,"
  "  approval TEXT NOT NULL,"                    /* 批准号, e.g. CNCA-R-2002-001 */
  "  register_url TEXT NOT NULL,"                /* the public entry of a certificate: a pattern holding {number} */
  "  phone TEXT NOT NULL DEFAULT '',"
  "  website TEXT NOT NULL DEFAULT '',"
  "  signatory TEXT NOT NULL DEFAULT '',"        /* who signs certificates, e.g. 总经理 */
  "  changed TEXT NOT NULL);"
  "CREATE TABLE reports("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"                        /* cnca, iaf */
  "  period TEXT NOT NULL,"                      /* YYYY-MM, or the range reported */
  "  date TEXT NOT NULL,"
  "  items TEXT NOT NULL CHECK(json_valid(items)));"
  "CREATE INDEX reports_kind ON reports(kind, period);",
  /* 11: an audit's assignment and plan as records (core/plan.c): the assignment the programme
   * gives the team (CFC §7.2.5 审查委任: objectives, criteria, scope, on-site time, the team) and
   * the written audit plan the team draws up before the audit (CAS §6.2.5, DNI §5.3.1.4, CFC §7.3:
   * the activities with their dates, sites and times, each auditor's part), each a record that is
   * never changed: a later plan of the same audit is a revision, with the date the auditee was told
   * in writing (CAS §6.2.5 "临时变更计划时，应及时将变更情况书面通知受审查方") */
  "CREATE TABLE audit_plans("
  "  id INTEGER PRIMARY KEY,"
  "  audit_id INTEGER NOT NULL REFERENCES audits(id),"
  "  kind TEXT NOT NULL CHECK(kind IN ('assignment', 'plan')),"
  "  date TEXT NOT NULL,"
  "  by INTEGER NOT NULL REFERENCES people(id),"
  "  contents TEXT NOT NULL CHECK(json_valid(contents) AND json_type(contents) = 'object'),"
  "  notified TEXT CHECK(notified IS NULL OR notified >= date),"
  "  created TEXT NOT NULL);"
  "CREATE INDEX audit_plans_audit ON audit_plans(audit_id, kind, date);",
  /* 12: each case's current cycle as facts kept with its audits (issue 17), so that the reminder
   * job reads one row per case instead of aggregating every audit per run: the start of the cycle
   * (its last initial or recertification audit done), the last audit done (initial, surveillance or
   * recertification: the reference of the next surveillance window) and the surveillances done
   * since the start. Derived, not logged: triggers keep it in the transaction that writes the
   * audit, and `certsh verify` checks it against the aggregate it stands for (core/log.c). */
  "CREATE TABLE cycles("
  "  case_id INTEGER PRIMARY KEY REFERENCES cases(id),"
  "  start TEXT,"
  "  ref TEXT,"
  "  surveillances INTEGER NOT NULL);"
  "INSERT INTO cycles(case_id, start, ref, surveillances) " SCHEMA_CYCLES_SELECT("") ";"
  "CREATE TRIGGER cycles_audit_insert AFTER INSERT ON audits BEGIN " SCHEMA_CYCLES_OF("NEW.case_id") " END;"
  "CREATE TRIGGER cycles_audit_update AFTER UPDATE OF case_id, type, status, actual_end ON audits BEGIN "
  SCHEMA_CYCLES_OF("OLD.case_id") " " SCHEMA_CYCLES_OF("NEW.case_id") " END;"
  "CREATE TRIGGER cycles_audit_delete AFTER DELETE ON audits BEGIN " SCHEMA_CYCLES_OF("OLD.case_id") " END;",
  /* 13: the applications awaiting review in the order the reminder job lists them (issue 17):
   * a few rows in a register of a million certified cases, read without scanning the cases */
  "CREATE INDEX cases_applied ON cases(applied) WHERE status = 'applied';",
  /* 14: the suspensions with a limit of their own (status_until), which stdlib/actions asks for
   * every run: read from this index alone instead of fetching every suspended certificate's row
   * (issue 17: 20,050 of a million, one random page each, 50 ms of the reminder job) */
  "CREATE INDEX certificates_suspended ON certificates(status_until) WHERE status = 'suspended';",
  0};
