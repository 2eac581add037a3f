-- Code book revisions (ADR 0014): every year's book becomes revision 1 of that year, codes are keyed
-- by their revision, budgets reference the revision they were entered under, and regions open
-- budget years. Existing codes and budgets keep their content; they only gain the reference.

-- CreateTable
CREATE TABLE "code_book_revisions" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "effective_on" DATE NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "source_file_name" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "code_book_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_years" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "code_book_revision_id" INTEGER NOT NULL,
    "submission_deadline" DATE NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "budget_years_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "code_book_revisions_year_revision_key" ON "code_book_revisions"("year", "revision");
CREATE UNIQUE INDEX "code_book_revisions_id_year_key" ON "code_book_revisions"("id", "year");
CREATE UNIQUE INDEX "budget_years_region_id_year_key" ON "budget_years"("region_id", "year");

ALTER TABLE "code_book_revisions" ADD CONSTRAINT "code_book_revisions_year_fkey" FOREIGN KEY ("year") REFERENCES "fiscal_years"("year") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "budget_years" ADD CONSTRAINT "budget_years_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "budget_years" ADD CONSTRAINT "budget_years_code_book_revision_id_year_fkey" FOREIGN KEY ("code_book_revision_id", "year") REFERENCES "code_book_revisions"("id", "year") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every year that has codes gets its revision 1, effective from the first day of the year.
INSERT INTO "code_book_revisions" ("year", "revision", "effective_on", "note")
SELECT DISTINCT "year", 1, make_date("year", 1, 1), '初始科目表' FROM "classification_codes";

-- Codes belong to a revision.
ALTER TABLE "classification_codes" ADD COLUMN "revision_id" INTEGER;
UPDATE "classification_codes" c SET "revision_id" = r."id" FROM "code_book_revisions" r WHERE r."year" = c."year";
ALTER TABLE "classification_codes" ALTER COLUMN "revision_id" SET NOT NULL;

ALTER TABLE "classification_codes" DROP CONSTRAINT "classification_codes_year_scheme_parent_code_fkey";
DROP INDEX "classification_codes_year_scheme_code_key";
DROP INDEX "classification_codes_year_scheme_parent_code_idx";
CREATE UNIQUE INDEX "classification_codes_revision_id_scheme_code_key" ON "classification_codes"("revision_id", "scheme", "code");
CREATE INDEX "classification_codes_revision_id_scheme_parent_code_idx" ON "classification_codes"("revision_id", "scheme", "parent_code");
ALTER TABLE "classification_codes" ADD CONSTRAINT "classification_codes_revision_id_year_fkey" FOREIGN KEY ("revision_id", "year") REFERENCES "code_book_revisions"("id", "year") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "classification_codes" ADD CONSTRAINT "classification_codes_revision_id_scheme_parent_code_fkey" FOREIGN KEY ("revision_id", "scheme", "parent_code") REFERENCES "classification_codes"("revision_id", "scheme", "code") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- Budgets reference the revision they were entered under: the only one of their year so far.
ALTER TABLE "budgets" ADD COLUMN "code_book_revision_id" INTEGER;
UPDATE "budgets" b SET "code_book_revision_id" = r."id" FROM "code_book_revisions" r WHERE r."year" = b."year" AND r."revision" = 1;
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_code_book_revision_id_year_fkey" FOREIGN KEY ("code_book_revision_id", "year") REFERENCES "code_book_revisions"("id", "year") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "code_book_revisions" ADD CONSTRAINT "code_book_revisions_revision_check" CHECK ("revision" >= 1);
