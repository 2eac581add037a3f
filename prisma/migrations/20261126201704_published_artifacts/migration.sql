-- CreateEnum
CREATE TYPE "artifact_kind" AS ENUM ('HTML', 'PDF', 'XLSX', 'CSV', 'JSON');

-- AlterTable
ALTER TABLE "published_snapshots" DROP COLUMN "html";

-- CreateTable
CREATE TABLE "published_artifacts" (
    "id" SERIAL NOT NULL,
    "snapshot_id" INTEGER NOT NULL,
    "kind" "artifact_kind" NOT NULL,
    "content_type" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "published_artifacts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "published_artifacts_snapshot_id_kind_key" ON "published_artifacts"("snapshot_id", "kind");

-- AddForeignKey
ALTER TABLE "published_artifacts" ADD CONSTRAINT "published_artifacts_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "published_snapshots"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Integrity rules Prisma's schema language cannot express (docs/decisions/0003-data-model.md,
-- 0004-serving-published-pages.md). Prisma's diff ignores CHECKs, functions and triggers.
-- ---------------------------------------------------------------------------

-- The recorded hash and size are those of the stored bytes: a writer cannot record a wrong one.
-- The public server checks the hash again when it loads the bytes (corruption, a superuser's edit).
ALTER TABLE "published_artifacts"
  ADD CONSTRAINT "published_artifacts_sha256_check" CHECK ("sha256" = encode(sha256("bytes"), 'hex')),
  ADD CONSTRAINT "published_artifacts_size_check" CHECK ("size" = octet_length("bytes")),
  ADD CONSTRAINT "published_artifacts_file_name_check" CHECK ("file_name" <> '' AND "file_name" !~ '[/\\]');

-- Published files are permanent, like their snapshot: rows may be added (a PDF rendered later),
-- never changed or deleted.
CREATE FUNCTION "published_artifacts_reject_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'published_artifacts is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "published_artifacts_append_only"
  BEFORE UPDATE OR DELETE ON "published_artifacts"
  FOR EACH ROW EXECUTE FUNCTION "published_artifacts_reject_change"();

-- Public servers keep published files in memory; this tells them, on commit, which document
-- (year and unit code) has a new version, a new supersession link or a new file.
CREATE FUNCTION "published_documents_notify"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  snapshot_row RECORD;
BEGIN
  IF TG_TABLE_NAME = 'published_artifacts' THEN
    SELECT s."year", s."unit_id" INTO snapshot_row FROM "published_snapshots" s WHERE s."id" = NEW."snapshot_id";
  ELSE
    SELECT NEW."year" AS "year", NEW."unit_id" AS "unit_id" INTO snapshot_row;
  END IF;
  PERFORM pg_notify(
    'gongkai_published_documents',
    json_build_object(
      'year', snapshot_row."year",
      'unit', (SELECT u."code" FROM "units" u WHERE u."id" = snapshot_row."unit_id")
    )::text
  );
  RETURN NULL;
END;
$$;

CREATE TRIGGER "published_snapshots_notify"
  AFTER INSERT OR UPDATE ON "published_snapshots"
  FOR EACH ROW EXECUTE FUNCTION "published_documents_notify"();

CREATE TRIGGER "published_artifacts_notify"
  AFTER INSERT ON "published_artifacts"
  FOR EACH ROW EXECUTE FUNCTION "published_documents_notify"();
