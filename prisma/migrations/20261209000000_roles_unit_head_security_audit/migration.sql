-- New roles: the unit's head (负责人审签) and the split of administration (三员分立: the system
-- administrator keeps ADMIN, beside a security and an audit administrator). Nothing is granted.
ALTER TYPE "role" ADD VALUE 'UNIT_HEAD';
ALTER TYPE "role" ADD VALUE 'SECURITY_ADMIN';
ALTER TYPE "role" ADD VALUE 'AUDIT_ADMIN';

-- The scope rule, compared as text: a new enum value cannot be used in the transaction that adds
-- it. An unknown role now fails the check instead of passing it (CASE without ELSE is NULL).
ALTER TABLE "role_assignments" DROP CONSTRAINT "role_assignments_scope_check";
ALTER TABLE "role_assignments"
  ADD CONSTRAINT "role_assignments_scope_check" CHECK (
    CASE "role"::text
      WHEN 'ACCOUNTANT' THEN "unit_id" IS NOT NULL AND "department_id" IS NULL AND "region_id" IS NULL
      WHEN 'UNIT_HEAD' THEN "unit_id" IS NOT NULL AND "department_id" IS NULL AND "region_id" IS NULL
      WHEN 'DEPARTMENT_REVIEWER' THEN "department_id" IS NOT NULL AND "unit_id" IS NULL AND "region_id" IS NULL
      WHEN 'FINANCE_REVIEWER' THEN "region_id" IS NOT NULL AND "unit_id" IS NULL AND "department_id" IS NULL
      WHEN 'ADMIN' THEN "unit_id" IS NULL AND "department_id" IS NULL
      WHEN 'SECURITY_ADMIN' THEN "unit_id" IS NULL AND "department_id" IS NULL
      WHEN 'AUDIT_ADMIN' THEN "unit_id" IS NULL AND "department_id" IS NULL
      ELSE false
    END
  );
