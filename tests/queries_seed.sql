-- tests/queries_seed.sql — a small register for the analyst helpers' tests and the docs'
-- cookbook check: three certificates, four audits, findings, a suspension and its record log.
INSERT INTO orgs(id, name, uscc, staff, created) VALUES
  (1, '杭州中奥服务有限公司', 'U1', 120, '2023-01-01'),
  (2, 'Acme Retail', 'U2', 30, '2024-01-01'),
  (3, '北京信用商贸', 'U3', 8, '2022-01-01');
INSERT INTO people(id, name, roles, created) VALUES
  (1, '张三', '["auditor"]', '2020-01-01'), (2, '李四', '["auditor"]', '2020-01-01'),
  (3, '王五', '["decider"]', '2020-01-01'), (4, '赵六', '["expert"]', '2020-01-01');
INSERT INTO cases(id, org_id, scheme, version, scope, status, applied, created) VALUES
  (1, 1, 'cas-service', '2019', '售后服务', 'certified', '2023-01-10', '2023-01-10'),
  (2, 2, 'dni-aftersales', 'F/2', 'after-sales', 'certified', '2024-06-01', '2024-06-01'),
  (3, 3, 'cas-service', '2019', '售后服务', 'certified', '2022-03-01', '2022-03-01'),
  (4, 1, 'cfc-sc14', 'C/1', '售后服务', 'applied', '2025-03-01', '2025-03-01');
INSERT INTO audits(id, case_id, type, actual_start, actual_end, man_days, status) VALUES
  (1, 1, 'initial', '2023-03-01', '2023-03-03', 4, 'done'),
  (2, 1, 'surveillance', '2024-02-20', '2024-02-21', 1.5, 'done'),
  (3, 2, 'initial', '2024-07-20', '2024-07-22', 3, 'done'),
  (4, 3, 'initial', '2022-05-01', '2022-05-02', 2, 'done');
INSERT INTO audit_team(audit_id, person_id, role) VALUES
  (1, 1, 'leader'), (1, 2, 'member'), (1, 4, 'expert'), (2, 1, 'leader'), (3, 2, 'leader'), (3, 1, 'member'), (4, 2, 'leader');
INSERT INTO decisions(id, case_id, audit_id, outcome, positive, date) VALUES
  (1, 1, 1, 'certify', 1, '2023-03-20'), (2, 2, 3, 'certify', 1, '2024-08-15'), (3, 3, 4, 'certify', 1, '2022-05-20');
INSERT INTO decision_makers(decision_id, person_id) VALUES (1, 3), (2, 3), (3, 3);
-- a breach the triggers would refuse, as an imported or hand-edited register could hold it
DROP TRIGGER impartial_decider;
INSERT INTO decision_makers(decision_id, person_id) VALUES (3, 2);
INSERT INTO certificates(id, number, case_id, org_id, scheme, version, scope, grade, stars, issued, expires, status, status_date, status_cause, decision_id) VALUES
  (1, 'CAS-2023-001', 1, 1, 'cas-service', '2019', '售后服务', '五星级', 5, '2023-03-20', '2026-03-19', 'active', '2023-03-20', NULL, 1),
  (2, 'DNI-2024-007', 2, 2, 'dni-aftersales', 'F/2', 'after-sales', '四星级', 4, '2024-08-15', '2027-08-14', 'active', '2024-08-15', NULL, 2),
  (3, 'CAS-2022-003', 3, 3, 'cas-service', '2019', '售后服务', '达标级', 0, '2022-05-20', '2025-12-31', 'suspended', '2025-01-15', 'complaints proven', 3);
INSERT INTO findings(id, audit_id, kind, status, raised, due, evidence) VALUES
  (1, 3, 'nonconformity', 'open', '2024-07-22', '2024-09-22', 'no complaint log'),
  (2, 2, 'nonconformity', 'open', '2024-02-21', NULL, '回访记录缺失'),
  (3, 1, 'nonconformity', 'closed', '2023-03-03', '2023-05-03', ''),
  (4, 3, 'nonconformity', 'open', '2025-06-01', '2025-08-01', 'not yet due'),
  (5, 3, 'observation', 'open', '2024-07-22', '2024-08-01', 'observations have no deadline');
-- the record log of the certificates, as the primitives write it (each state whole, effective
-- on its own date): past dates are answered from it. Hashes are not real: this register is
-- not verified.
INSERT INTO events(seq, as_of, effective, wall, actor, kind, subject, payload, prev, hash)
SELECT row_number() OVER (ORDER BY eff, id), eff, eff, eff || 'T10:00:00', 'seed', kind, 'certificate:' || id,
  json_object('args', json_object(), 'state', json_object('id', id, 'number', number, 'case_id', case_id, 'org_id', org_id,
    'scheme', scheme, 'version', version, 'scope', scope, 'shops', shops, 'grade', grade, 'stars', stars, 'issued', issued,
    'expires', expires, 'status', status, 'status_date', status_date, 'status_cause', status_cause, 'status_clause', NULL,
    'decision_id', decision_id)), '', 'h'
FROM (SELECT id, number, case_id, org_id, scheme, version, scope, shops, grade, stars, issued, expires, 'active' AS status,
        issued AS status_date, NULL AS status_cause, decision_id, issued AS eff, 'certificate.issue' AS kind FROM certificates
      UNION ALL SELECT id, number, case_id, org_id, scheme, version, scope, shops, grade, stars, issued, expires, status,
        status_date, status_cause, decision_id, status_date, 'certificate.suspend' FROM certificates WHERE status = 'suspended');
