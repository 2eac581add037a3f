-- Integrity rules Prisma's schema language cannot express (docs/decisions/0003-data-model.md).
-- Prisma's diff neither creates nor drops CHECK constraints, functions or triggers, so these do
-- not show up as drift (prisma/migrations.integration.test.ts proves it).

-- ---------------------------------------------------------------------------
-- Master data
-- ---------------------------------------------------------------------------

ALTER TABLE "fiscal_years"
  ADD CONSTRAINT "fiscal_years_year_check" CHECK ("year" BETWEEN 1990 AND 2999);

ALTER TABLE "units"
  ADD CONSTRAINT "units_duties_check" CHECK ("duties" IS NOT NULL AND array_position("duties", NULL) IS NULL);

-- 类 has no parent; 款 and 项 have one.
ALTER TABLE "classification_codes"
  ADD CONSTRAINT "classification_codes_level_check" CHECK ("level" BETWEEN 1 AND 3),
  ADD CONSTRAINT "classification_codes_parent_check" CHECK (("level" = 1) = ("parent_code" IS NULL));

-- ---------------------------------------------------------------------------
-- The budget: money in 分 is never negative, a version starts at 1
-- ---------------------------------------------------------------------------

ALTER TABLE "budgets"
  ADD CONSTRAINT "budgets_version_check" CHECK ("version" >= 1),
  ADD CONSTRAINT "budgets_lock_version_check" CHECK ("lock_version" >= 0),
  ADD CONSTRAINT "budgets_amounts_check" CHECK (
    "year_end_carryover_fen" >= 0
    AND ("assets_stated_total_fen" IS NULL OR "assets_stated_total_fen" >= 0)
    AND "planned_purchases_fen" >= 0
  ),
  -- a correction (version > 1) links the version it corrects; an original links none
  ADD CONSTRAINT "budgets_previous_version_check" CHECK (("version" = 1) = ("previous_version_id" IS NULL));

ALTER TABLE "budget_narratives"
  ADD CONSTRAINT "budget_narratives_unit_duties_check" CHECK (
    "unit_duties" IS NOT NULL AND array_position("unit_duties", NULL) IS NULL
  );

ALTER TABLE "budget_prior_years"
  ADD CONSTRAINT "budget_prior_years_amounts_check" CHECK (
    "total_fen" >= 0 AND "basic_fen" >= 0 AND "project_fen" >= 0 AND "three_public_fen" >= 0
  );

ALTER TABLE "income_lines"
  ADD CONSTRAINT "income_lines_amount_fen_check" CHECK ("amount_fen" >= 0);

ALTER TABLE "expenditure_lines"
  ADD CONSTRAINT "expenditure_lines_amount_fen_check" CHECK ("amount_fen" >= 0);

ALTER TABLE "basic_economic_lines"
  ADD CONSTRAINT "basic_economic_lines_amount_fen_check" CHECK ("amount_fen" >= 0);

ALTER TABLE "projects"
  ADD CONSTRAINT "projects_amounts_check" CHECK (
    "fiscal_amount_fen" >= 0
    AND "other_amount_fen" >= 0
    AND "amount_fen" >= 0
    AND ("prior_year_amount_fen" IS NULL OR "prior_year_amount_fen" >= 0)
  ),
  ADD CONSTRAINT "projects_spending_plan_check" CHECK (
    "spend_march_pct" BETWEEN 0 AND 100
    AND "spend_june_pct" BETWEEN 0 AND 100
    AND "spend_october_pct" BETWEEN 0 AND 100
    AND "spend_december_pct" BETWEEN 0 AND 100
  );

ALTER TABLE "performance_indicators"
  ADD CONSTRAINT "performance_indicators_comparator_check" CHECK ("comparator" IN ('≥', '≤', '=', '>', '<', ''));

ALTER TABLE "three_public_lines"
  ADD CONSTRAINT "three_public_lines_amounts_check" CHECK (
    "abroad_fen" >= 0 AND "vehicle_purchase_fen" >= 0 AND "vehicle_operation_fen" >= 0 AND "reception_fen" >= 0
  );

ALTER TABLE "procurement_rows"
  ADD CONSTRAINT "procurement_rows_amounts_check" CHECK (
    "quantity" >= 0
    AND "unit_price_fen" >= 0
    AND "general_budget_fen" >= 0
    AND "government_fund_fen" >= 0
    AND "state_capital_fen" >= 0
    AND "special_account_fen" >= 0
    AND "unit_funds_fen" >= 0
    AND "carryover_fen" >= 0
    AND "total_fen" >= 0
    AND "sme_reserved_fen" >= 0
  );

ALTER TABLE "asset_holdings"
  ADD CONSTRAINT "asset_holdings_amounts_check" CHECK ("quantity" >= 0 AND "value_fen" >= 0);

-- ---------------------------------------------------------------------------
-- Review, publication, accounts
-- ---------------------------------------------------------------------------

ALTER TABLE "review_comments"
  ADD CONSTRAINT "review_comments_anchor_table_check" CHECK ("anchor_table" IS NULL OR "anchor_table" BETWEEN 1 AND 9);

ALTER TABLE "published_snapshots"
  ADD CONSTRAINT "published_snapshots_version_check" CHECK ("version" >= 1),
  ADD CONSTRAINT "published_snapshots_content_hash_check" CHECK ("content_hash" ~ '^[0-9a-f]{64}$');

ALTER TABLE "users"
  ADD CONSTRAINT "users_failed_login_count_check" CHECK ("failed_login_count" >= 0);

-- Each role has exactly the scope it works in; an ADMIN without a region is a global administrator.
ALTER TABLE "role_assignments"
  ADD CONSTRAINT "role_assignments_scope_check" CHECK (
    CASE "role"
      WHEN 'ACCOUNTANT' THEN "unit_id" IS NOT NULL AND "department_id" IS NULL AND "region_id" IS NULL
      WHEN 'DEPARTMENT_REVIEWER' THEN "department_id" IS NOT NULL AND "unit_id" IS NULL AND "region_id" IS NULL
      WHEN 'FINANCE_REVIEWER' THEN "region_id" IS NOT NULL AND "unit_id" IS NULL AND "department_id" IS NULL
      WHEN 'ADMIN' THEN "unit_id" IS NULL AND "department_id" IS NULL
    END
  );

-- ---------------------------------------------------------------------------
-- Append-only tables. Triggers rather than a restricted SQL role: they hold for every role that
-- connects (including the table owner the migrations and tests use) and need no role set-up that
-- a managed PostgreSQL may not allow; production should still connect as a role without
-- TRUNCATE, which row triggers cannot intercept.
-- ---------------------------------------------------------------------------

CREATE FUNCTION "audit_events_reject_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_events_append_only"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_reject_change"();

-- A published snapshot is permanent; the only change allowed is linking it, once, to the
-- snapshot of the correction that supersedes it.
CREATE FUNCTION "published_snapshots_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'published_snapshots is permanent: DELETE is not allowed'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD."superseded_by_id" IS NOT NULL
     OR (to_jsonb(NEW) - 'superseded_by_id') IS DISTINCT FROM (to_jsonb(OLD) - 'superseded_by_id') THEN
    RAISE EXCEPTION 'published_snapshots is permanent: only superseded_by_id may be set, once'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "published_snapshots_permanent"
  BEFORE UPDATE OR DELETE ON "published_snapshots"
  FOR EACH ROW EXECUTE FUNCTION "published_snapshots_guard"();
