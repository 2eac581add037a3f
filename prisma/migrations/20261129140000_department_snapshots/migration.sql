-- CreateTable
CREATE TABLE "department_snapshots" (
    "id" SERIAL NOT NULL,
    "department_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_by_id" TEXT,
    "content_hash" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "correction_note" TEXT,
    "superseded_by_id" INTEGER,

    CONSTRAINT "department_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "department_snapshot_budgets" (
    "snapshot_id" INTEGER NOT NULL,
    "budget_id" INTEGER NOT NULL,

    CONSTRAINT "department_snapshot_budgets_pkey" PRIMARY KEY ("snapshot_id","budget_id")
);

-- CreateTable
CREATE TABLE "department_artifacts" (
    "id" SERIAL NOT NULL,
    "snapshot_id" INTEGER NOT NULL,
    "kind" "artifact_kind" NOT NULL,
    "content_type" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "department_artifacts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "department_snapshots_superseded_by_id_key" ON "department_snapshots"("superseded_by_id");

-- CreateIndex
CREATE INDEX "department_snapshots_year_idx" ON "department_snapshots"("year");

-- CreateIndex
CREATE UNIQUE INDEX "department_snapshots_department_id_year_version_key" ON "department_snapshots"("department_id", "year", "version");

-- CreateIndex
CREATE INDEX "department_snapshot_budgets_budget_id_idx" ON "department_snapshot_budgets"("budget_id");

-- CreateIndex
CREATE UNIQUE INDEX "department_artifacts_snapshot_id_kind_key" ON "department_artifacts"("snapshot_id", "kind");

-- AddForeignKey
ALTER TABLE "department_snapshots" ADD CONSTRAINT "department_snapshots_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "department_snapshots" ADD CONSTRAINT "department_snapshots_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "department_snapshots" ADD CONSTRAINT "department_snapshots_superseded_by_id_fkey" FOREIGN KEY ("superseded_by_id") REFERENCES "department_snapshots"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "department_snapshot_budgets" ADD CONSTRAINT "department_snapshot_budgets_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "department_snapshots"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "department_snapshot_budgets" ADD CONSTRAINT "department_snapshot_budgets_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "department_artifacts" ADD CONSTRAINT "department_artifacts_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "department_snapshots"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Integrity rules of department publication, as for unit snapshots (20261126200100_integrity_rules,
-- 20261126201704_published_artifacts). Prisma's diff ignores CHECKs, functions and triggers.
-- ---------------------------------------------------------------------------

ALTER TABLE "department_snapshots"
  ADD CONSTRAINT "department_snapshots_version_check" CHECK ("version" >= 1),
  ADD CONSTRAINT "department_snapshots_content_hash_check" CHECK ("content_hash" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "department_snapshots_correction_check" CHECK (("version" = 1) = ("correction_note" IS NULL));

ALTER TABLE "department_artifacts"
  ADD CONSTRAINT "department_artifacts_sha256_check" CHECK ("sha256" = encode(sha256("bytes"), 'hex')),
  ADD CONSTRAINT "department_artifacts_size_check" CHECK ("size" = octet_length("bytes")),
  ADD CONSTRAINT "department_artifacts_file_name_check" CHECK ("file_name" <> '' AND "file_name" !~ '[/\\]');

-- A department snapshot is permanent; the only change allowed is linking it, once, to the
-- snapshot of the republication that supersedes it.
CREATE FUNCTION "department_snapshots_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'department_snapshots is permanent: DELETE is not allowed'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD."superseded_by_id" IS NOT NULL
     OR (to_jsonb(NEW) - 'superseded_by_id') IS DISTINCT FROM (to_jsonb(OLD) - 'superseded_by_id') THEN
    RAISE EXCEPTION 'department_snapshots is permanent: only superseded_by_id may be set, once'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "department_snapshots_permanent"
  BEFORE UPDATE OR DELETE ON "department_snapshots"
  FOR EACH ROW EXECUTE FUNCTION "department_snapshots_guard"();

-- Files and the list of summed budgets are append-only.
CREATE FUNCTION "department_publication_reject_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "department_artifacts_append_only"
  BEFORE UPDATE OR DELETE ON "department_artifacts"
  FOR EACH ROW EXECUTE FUNCTION "department_publication_reject_change"();

CREATE TRIGGER "department_snapshot_budgets_append_only"
  BEFORE UPDATE OR DELETE ON "department_snapshot_budgets"
  FOR EACH ROW EXECUTE FUNCTION "department_publication_reject_change"();

-- Public servers keep published files in memory; this tells them, on commit, which department
-- document (year and department code) has a new version, a new supersession link or a new file.
-- Same channel as unit documents; the payload names a "department" instead of a "unit".
CREATE FUNCTION "department_documents_notify"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  snapshot_row RECORD;
BEGIN
  IF TG_TABLE_NAME = 'department_artifacts' THEN
    SELECT s."year", s."department_id" INTO snapshot_row FROM "department_snapshots" s WHERE s."id" = NEW."snapshot_id";
  ELSE
    SELECT NEW."year" AS "year", NEW."department_id" AS "department_id" INTO snapshot_row;
  END IF;
  PERFORM pg_notify(
    'gongkai_published_documents',
    json_build_object(
      'year', snapshot_row."year",
      'department', (SELECT d."code" FROM "departments" d WHERE d."id" = snapshot_row."department_id")
    )::text
  );
  RETURN NULL;
END;
$$;

CREATE TRIGGER "department_snapshots_notify"
  AFTER INSERT OR UPDATE ON "department_snapshots"
  FOR EACH ROW EXECUTE FUNCTION "department_documents_notify"();

CREATE TRIGGER "department_artifacts_notify"
  AFTER INSERT ON "department_artifacts"
  FOR EACH ROW EXECUTE FUNCTION "department_documents_notify"();
