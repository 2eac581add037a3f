-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "fund_source" AS ENUM ('GENERAL_BUDGET', 'GOVERNMENT_FUND', 'STATE_CAPITAL', 'SPECIAL_ACCOUNT', 'BUSINESS', 'OPERATING', 'SUPERIOR_SUBSIDY', 'SUBORDINATE_REMITTANCE', 'OTHER', 'CARRYOVER_GENERAL_BUDGET', 'CARRYOVER_GOVERNMENT_FUND', 'CARRYOVER_STATE_CAPITAL', 'CARRYOVER_OTHER');

-- CreateEnum
CREATE TYPE "appropriation_type" AS ENUM ('GENERAL_BUDGET', 'GOVERNMENT_FUND', 'STATE_CAPITAL');

-- CreateEnum
CREATE TYPE "expenditure_kind" AS ENUM ('BASIC', 'PROJECT', 'OPERATING', 'REMIT_TO_SUPERIOR', 'SUBSIDY_TO_SUBORDINATE');

-- CreateEnum
CREATE TYPE "basic_category" AS ENUM ('PERSONNEL', 'PUBLIC');

-- CreateEnum
CREATE TYPE "asset_category" AS ENUM ('BUILDINGS', 'OFFICE_BUILDINGS', 'VEHICLES', 'EQUIPMENT_OVER_200K', 'OTHER_FIXED_ASSETS');

-- CreateEnum
CREATE TYPE "amount_unit" AS ENUM ('WAN_YUAN', 'YUAN');

-- CreateEnum
CREATE TYPE "classification_scheme" AS ENUM ('FUNCTIONAL', 'ECONOMIC');

-- CreateEnum
CREATE TYPE "region_level" AS ENUM ('PROVINCE', 'CITY', 'COUNTY');

-- CreateEnum
CREATE TYPE "budget_status" AS ENUM ('DRAFT', 'SUBMITTED', 'DEPARTMENT_REVIEW', 'FINANCE_REVIEW', 'RETURNED', 'APPROVED', 'SIGNED_OFF', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "budget_action" AS ENUM ('CREATE', 'SUBMIT', 'WITHDRAW', 'START_DEPARTMENT_REVIEW', 'START_FINANCE_REVIEW', 'RETURN', 'APPROVE', 'RECORD_SECRECY_REVIEW', 'SIGN_OFF', 'PUBLISH');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('ACCOUNTANT', 'DEPARTMENT_REVIEWER', 'FINANCE_REVIEWER', 'ADMIN');

-- CreateEnum
CREATE TYPE "audit_result" AS ENUM ('SUCCESS', 'DENIED', 'FAILURE');

-- CreateTable
CREATE TABLE "regions" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "region_level" NOT NULL,
    "parent_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "regions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "departments" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "has_department_review" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "departments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "units" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "department_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nature" TEXT NOT NULL DEFAULT '',
    "grade" TEXT NOT NULL DEFAULT '',
    "funding_form" TEXT NOT NULL DEFAULT '',
    "duties" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "organisation" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fiscal_years" (
    "year" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fiscal_years_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "classification_codes" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "scheme" "classification_scheme" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" SMALLINT NOT NULL,
    "parent_code" TEXT,

    CONSTRAINT "classification_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budgets" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "status" "budget_status" NOT NULL DEFAULT 'DRAFT',
    "amount_unit" "amount_unit" NOT NULL DEFAULT 'WAN_YUAN',
    "lock_version" INTEGER NOT NULL DEFAULT 0,
    "year_end_carryover_fen" BIGINT NOT NULL DEFAULT 0,
    "assets_as_of" DATE NOT NULL,
    "assets_stated_total_fen" BIGINT,
    "planned_purchases_fen" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),
    "approved_at" TIMESTAMPTZ(3),
    "secrecy_reviewed_at" TIMESTAMPTZ(3),
    "secrecy_reviewed_by_id" TEXT,
    "head_signed_at" TIMESTAMPTZ(3),
    "head_signed_by_id" TEXT,
    "head_signer_name" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "correction_note" TEXT,
    "previous_version_id" INTEGER,

    CONSTRAINT "budgets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_narratives" (
    "budget_id" INTEGER NOT NULL,
    "unit_name" TEXT NOT NULL,
    "unit_nature" TEXT NOT NULL DEFAULT '',
    "unit_grade" TEXT NOT NULL DEFAULT '',
    "unit_funding_form" TEXT NOT NULL DEFAULT '',
    "unit_duties" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "unit_organisation" TEXT NOT NULL DEFAULT '',
    "basic_change_reason" TEXT NOT NULL DEFAULT '',
    "project_change_reason" TEXT NOT NULL DEFAULT '',
    "total_change_reason" TEXT NOT NULL DEFAULT '',
    "three_public_change_reason" TEXT NOT NULL DEFAULT '',
    "operating_funds_use" TEXT NOT NULL DEFAULT '',
    "other_notes" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "budget_narratives_pkey" PRIMARY KEY ("budget_id")
);

-- CreateTable
CREATE TABLE "budget_prior_years" (
    "budget_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "total_fen" BIGINT NOT NULL,
    "basic_fen" BIGINT NOT NULL,
    "project_fen" BIGINT NOT NULL,
    "three_public_fen" BIGINT NOT NULL,

    CONSTRAINT "budget_prior_years_pkey" PRIMARY KEY ("budget_id")
);

-- CreateTable
CREATE TABLE "income_lines" (
    "id" SERIAL NOT NULL,
    "budget_id" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "source" "fund_source" NOT NULL,
    "amount_fen" BIGINT NOT NULL,

    CONSTRAINT "income_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expenditure_lines" (
    "id" SERIAL NOT NULL,
    "budget_id" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "functional_code" TEXT NOT NULL,
    "kind" "expenditure_kind" NOT NULL,
    "source" "fund_source" NOT NULL,
    "amount_fen" BIGINT NOT NULL,

    CONSTRAINT "expenditure_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "basic_economic_lines" (
    "id" SERIAL NOT NULL,
    "budget_id" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "economic_code" TEXT NOT NULL,
    "category" "basic_category" NOT NULL,
    "source" "fund_source" NOT NULL,
    "amount_fen" BIGINT NOT NULL,

    CONSTRAINT "basic_economic_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "projects" (
    "id" SERIAL NOT NULL,
    "budget_id" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "functional_code" TEXT NOT NULL,
    "fiscal_amount_fen" BIGINT NOT NULL,
    "other_amount_fen" BIGINT NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "spend_march_pct" DECIMAL(5,2) NOT NULL,
    "spend_june_pct" DECIMAL(5,2) NOT NULL,
    "spend_october_pct" DECIMAL(5,2) NOT NULL,
    "spend_december_pct" DECIMAL(5,2) NOT NULL,
    "performance_goal" TEXT NOT NULL DEFAULT '',
    "prior_year_amount_fen" BIGINT,
    "change_reason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "performance_indicators" (
    "id" SERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "level1" TEXT NOT NULL,
    "level2" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "comparator" TEXT NOT NULL DEFAULT '',
    "value" TEXT NOT NULL,
    "value_unit" TEXT NOT NULL DEFAULT '',
    "basis" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "performance_indicators_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "three_public_lines" (
    "id" SERIAL NOT NULL,
    "budget_id" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "appropriation" "appropriation_type" NOT NULL,
    "abroad_fen" BIGINT NOT NULL,
    "vehicle_purchase_fen" BIGINT NOT NULL,
    "vehicle_operation_fen" BIGINT NOT NULL,
    "reception_fen" BIGINT NOT NULL,

    CONSTRAINT "three_public_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "procurement_rows" (
    "id" SERIAL NOT NULL,
    "budget_id" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "project_name" TEXT NOT NULL,
    "item_name" TEXT NOT NULL,
    "catalogue_code" TEXT NOT NULL DEFAULT '',
    "unit_of_measure" TEXT NOT NULL DEFAULT '',
    "quantity" DECIMAL(18,4) NOT NULL,
    "unit_price_fen" BIGINT NOT NULL,
    "general_budget_fen" BIGINT NOT NULL,
    "government_fund_fen" BIGINT NOT NULL,
    "state_capital_fen" BIGINT NOT NULL,
    "special_account_fen" BIGINT NOT NULL,
    "unit_funds_fen" BIGINT NOT NULL,
    "carryover_fen" BIGINT NOT NULL,
    "total_fen" BIGINT NOT NULL,
    "sme_reserved_fen" BIGINT NOT NULL,

    CONSTRAINT "procurement_rows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "asset_holdings" (
    "id" SERIAL NOT NULL,
    "budget_id" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "category" "asset_category" NOT NULL,
    "quantity" DECIMAL(18,4) NOT NULL,
    "value_fen" BIGINT NOT NULL,

    CONSTRAINT "asset_holdings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "glossary_entries" (
    "id" SERIAL NOT NULL,
    "budget_id" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "term" TEXT NOT NULL,
    "definition" TEXT NOT NULL,

    CONSTRAINT "glossary_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_events" (
    "id" SERIAL NOT NULL,
    "budget_id" INTEGER NOT NULL,
    "action" "budget_action" NOT NULL,
    "from_status" "budget_status",
    "to_status" "budget_status" NOT NULL,
    "actor_id" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "comment" TEXT,

    CONSTRAINT "budget_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_comments" (
    "id" SERIAL NOT NULL,
    "budget_id" INTEGER NOT NULL,
    "anchor_table" SMALLINT,
    "anchor_row" TEXT,
    "anchor_section" TEXT,
    "body" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "parent_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" TEXT,

    CONSTRAINT "review_comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_changes" (
    "id" BIGSERIAL NOT NULL,
    "budget_id" INTEGER NOT NULL,
    "user_id" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "path" TEXT NOT NULL,
    "old_value" JSONB,
    "new_value" JSONB,

    CONSTRAINT "budget_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "published_snapshots" (
    "id" SERIAL NOT NULL,
    "budget_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_by_id" TEXT,
    "content_hash" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "html" TEXT,
    "correction_note" TEXT,
    "superseded_by_id" INTEGER,

    CONSTRAINT "published_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" TEXT,
    "action" TEXT NOT NULL,
    "object_type" TEXT,
    "object_id" TEXT,
    "result" "audit_result" NOT NULL,
    "client_address" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "refresh_token_expires_at" TIMESTAMPTZ(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verifications" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "verifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "role_assignments" (
    "id" SERIAL NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "role" NOT NULL,
    "region_id" INTEGER,
    "department_id" INTEGER,
    "unit_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "granted_by_id" TEXT,

    CONSTRAINT "role_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "regions_code_key" ON "regions"("code");

-- CreateIndex
CREATE INDEX "regions_parent_id_idx" ON "regions"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "departments_region_id_code_key" ON "departments"("region_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "departments_id_region_id_key" ON "departments"("id", "region_id");

-- CreateIndex
CREATE INDEX "units_department_id_idx" ON "units"("department_id");

-- CreateIndex
CREATE UNIQUE INDEX "units_region_id_code_key" ON "units"("region_id", "code");

-- CreateIndex
CREATE INDEX "classification_codes_year_scheme_parent_code_idx" ON "classification_codes"("year", "scheme", "parent_code");

-- CreateIndex
CREATE UNIQUE INDEX "classification_codes_year_scheme_code_key" ON "classification_codes"("year", "scheme", "code");

-- CreateIndex
CREATE UNIQUE INDEX "budgets_previous_version_id_key" ON "budgets"("previous_version_id");

-- CreateIndex
CREATE INDEX "budgets_year_status_idx" ON "budgets"("year", "status");

-- CreateIndex
CREATE INDEX "budgets_status_idx" ON "budgets"("status");

-- CreateIndex
CREATE UNIQUE INDEX "budgets_unit_id_year_version_key" ON "budgets"("unit_id", "year", "version");

-- CreateIndex
CREATE UNIQUE INDEX "income_lines_budget_id_source_key" ON "income_lines"("budget_id", "source");

-- CreateIndex
CREATE UNIQUE INDEX "expenditure_lines_budget_id_functional_code_kind_source_key" ON "expenditure_lines"("budget_id", "functional_code", "kind", "source");

-- CreateIndex
CREATE UNIQUE INDEX "basic_economic_lines_budget_id_economic_code_category_sourc_key" ON "basic_economic_lines"("budget_id", "economic_code", "category", "source");

-- CreateIndex
CREATE INDEX "projects_budget_id_code_idx" ON "projects"("budget_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "projects_budget_id_sort_order_key" ON "projects"("budget_id", "sort_order");

-- CreateIndex
CREATE UNIQUE INDEX "performance_indicators_project_id_sort_order_key" ON "performance_indicators"("project_id", "sort_order");

-- CreateIndex
CREATE UNIQUE INDEX "three_public_lines_budget_id_appropriation_key" ON "three_public_lines"("budget_id", "appropriation");

-- CreateIndex
CREATE UNIQUE INDEX "procurement_rows_budget_id_sort_order_key" ON "procurement_rows"("budget_id", "sort_order");

-- CreateIndex
CREATE UNIQUE INDEX "asset_holdings_budget_id_category_key" ON "asset_holdings"("budget_id", "category");

-- CreateIndex
CREATE UNIQUE INDEX "glossary_entries_budget_id_sort_order_key" ON "glossary_entries"("budget_id", "sort_order");

-- CreateIndex
CREATE INDEX "budget_events_budget_id_at_idx" ON "budget_events"("budget_id", "at");

-- CreateIndex
CREATE INDEX "budget_events_actor_id_idx" ON "budget_events"("actor_id");

-- CreateIndex
CREATE INDEX "review_comments_budget_id_created_at_idx" ON "review_comments"("budget_id", "created_at");

-- CreateIndex
CREATE INDEX "review_comments_parent_id_idx" ON "review_comments"("parent_id");

-- CreateIndex
CREATE INDEX "budget_changes_budget_id_at_idx" ON "budget_changes"("budget_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "published_snapshots_budget_id_key" ON "published_snapshots"("budget_id");

-- CreateIndex
CREATE UNIQUE INDEX "published_snapshots_superseded_by_id_key" ON "published_snapshots"("superseded_by_id");

-- CreateIndex
CREATE INDEX "published_snapshots_year_idx" ON "published_snapshots"("year");

-- CreateIndex
CREATE INDEX "published_snapshots_published_at_idx" ON "published_snapshots"("published_at");

-- CreateIndex
CREATE UNIQUE INDEX "published_snapshots_unit_id_year_version_key" ON "published_snapshots"("unit_id", "year", "version");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- CreateIndex
CREATE INDEX "audit_events_user_id_at_idx" ON "audit_events"("user_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_object_type_object_id_idx" ON "audit_events"("object_type", "object_id");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions"("token");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

-- CreateIndex
CREATE INDEX "verifications_identifier_idx" ON "verifications"("identifier");

-- CreateIndex
CREATE INDEX "role_assignments_user_id_idx" ON "role_assignments"("user_id");

-- CreateIndex
CREATE INDEX "role_assignments_region_id_idx" ON "role_assignments"("region_id");

-- CreateIndex
CREATE INDEX "role_assignments_department_id_idx" ON "role_assignments"("department_id");

-- CreateIndex
CREATE INDEX "role_assignments_unit_id_idx" ON "role_assignments"("unit_id");

-- AddForeignKey
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "departments" ADD CONSTRAINT "departments_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_department_id_region_id_fkey" FOREIGN KEY ("department_id", "region_id") REFERENCES "departments"("id", "region_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "classification_codes" ADD CONSTRAINT "classification_codes_year_fkey" FOREIGN KEY ("year") REFERENCES "fiscal_years"("year") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "classification_codes" ADD CONSTRAINT "classification_codes_year_scheme_parent_code_fkey" FOREIGN KEY ("year", "scheme", "parent_code") REFERENCES "classification_codes"("year", "scheme", "code") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_year_fkey" FOREIGN KEY ("year") REFERENCES "fiscal_years"("year") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_secrecy_reviewed_by_id_fkey" FOREIGN KEY ("secrecy_reviewed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_head_signed_by_id_fkey" FOREIGN KEY ("head_signed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_previous_version_id_fkey" FOREIGN KEY ("previous_version_id") REFERENCES "budgets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_narratives" ADD CONSTRAINT "budget_narratives_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_prior_years" ADD CONSTRAINT "budget_prior_years_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "income_lines" ADD CONSTRAINT "income_lines_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expenditure_lines" ADD CONSTRAINT "expenditure_lines_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "basic_economic_lines" ADD CONSTRAINT "basic_economic_lines_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "projects" ADD CONSTRAINT "projects_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "performance_indicators" ADD CONSTRAINT "performance_indicators_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "three_public_lines" ADD CONSTRAINT "three_public_lines_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "procurement_rows" ADD CONSTRAINT "procurement_rows_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "asset_holdings" ADD CONSTRAINT "asset_holdings_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "glossary_entries" ADD CONSTRAINT "glossary_entries_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_events" ADD CONSTRAINT "budget_events_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_events" ADD CONSTRAINT "budget_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "review_comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_changes" ADD CONSTRAINT "budget_changes_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_changes" ADD CONSTRAINT "budget_changes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_snapshots" ADD CONSTRAINT "published_snapshots_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_snapshots" ADD CONSTRAINT "published_snapshots_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_snapshots" ADD CONSTRAINT "published_snapshots_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_snapshots" ADD CONSTRAINT "published_snapshots_superseded_by_id_fkey" FOREIGN KEY ("superseded_by_id") REFERENCES "published_snapshots"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_granted_by_id_fkey" FOREIGN KEY ("granted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;


