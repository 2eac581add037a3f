-- Administration of the organisation (docs/decisions/0013-organisation-administration.md):
-- 乡镇 as a fourth region level, and units deactivated instead of deleted. Additive only.
ALTER TYPE "region_level" ADD VALUE 'TOWNSHIP';

ALTER TABLE "units" ADD COLUMN "deactivated_at" TIMESTAMPTZ(3);
