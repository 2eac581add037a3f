-- 三员分立 and 不相容岗位分离 (ADR 0022), enforced by the database on every new or changed role
-- assignment, whoever writes it (use cases check first and give the Chinese message; this is the
-- backstop). Existing assignments are not touched or checked: the trigger fires on INSERT and UPDATE.
--  (a) nobody holds two different administrator roles (ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);
--  (b) nobody enters budgets (ACCOUNTANT, UNIT_HEAD) and reviews them (DEPARTMENT_REVIEWER,
--      FINANCE_REVIEWER) in the same region.
-- The user's row is locked first, so two concurrent grants to one person are checked in turn.

CREATE FUNCTION role_assignment_region(p_unit_id integer, p_department_id integer, p_region_id integer)
RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT COALESCE(
    (SELECT region_id FROM units WHERE id = p_unit_id),
    (SELECT region_id FROM departments WHERE id = p_department_id),
    p_region_id
  )
$$;

CREATE FUNCTION role_assignments_separation_of_duties() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  new_region integer;
  clash text;
BEGIN
  PERFORM 1 FROM users WHERE id = NEW.user_id FOR UPDATE;
  IF NEW.role::text IN ('ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN') THEN
    SELECT role::text INTO clash FROM role_assignments
      WHERE user_id = NEW.user_id AND id IS DISTINCT FROM NEW.id
        AND role::text IN ('ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN') AND role <> NEW.role
      LIMIT 1;
    IF clash IS NOT NULL THEN
      RAISE EXCEPTION 'separation of duties: user % already holds %, cannot also hold %', NEW.user_id, clash, NEW.role
        USING ERRCODE = 'check_violation', CONSTRAINT = 'role_assignments_separation_of_duties';
    END IF;
  END IF;
  IF NEW.role::text IN ('ACCOUNTANT', 'UNIT_HEAD', 'DEPARTMENT_REVIEWER', 'FINANCE_REVIEWER') THEN
    new_region := role_assignment_region(NEW.unit_id, NEW.department_id, NEW.region_id);
    SELECT role::text INTO clash FROM role_assignments
      WHERE user_id = NEW.user_id AND id IS DISTINCT FROM NEW.id
        AND role::text IN (
          CASE WHEN NEW.role::text IN ('ACCOUNTANT', 'UNIT_HEAD') THEN 'DEPARTMENT_REVIEWER' ELSE 'ACCOUNTANT' END,
          CASE WHEN NEW.role::text IN ('ACCOUNTANT', 'UNIT_HEAD') THEN 'FINANCE_REVIEWER' ELSE 'UNIT_HEAD' END
        )
        AND role_assignment_region(unit_id, department_id, region_id) = new_region
      LIMIT 1;
    IF clash IS NOT NULL THEN
      RAISE EXCEPTION 'separation of duties: user % already holds % in region %, cannot also hold %', NEW.user_id, clash, new_region, NEW.role
        USING ERRCODE = 'check_violation', CONSTRAINT = 'role_assignments_separation_of_duties';
    END IF;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER role_assignments_separation_of_duties
  BEFORE INSERT OR UPDATE ON role_assignments
  FOR EACH ROW EXECUTE FUNCTION role_assignments_separation_of_duties();
