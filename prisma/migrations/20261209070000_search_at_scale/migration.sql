-- Search at 300,000 documents (docs/decisions/0027-search-at-scale.md): one index row per current
-- published document (单位预算 and 部门预算), its entries as JSON instead of a row each.
--
-- The search index is derived data (ADR 0018): it is dropped here and rebuilt from the published
-- snapshots when the public server starts (lib/search/index-snapshot.ts, indexUnindexedSnapshots).
-- Nothing published, submitted or drafted is read or changed by this migration.

-- DropTable
DROP TABLE "search_entries";

-- DropTable
DROP TABLE "search_documents";

-- CreateTable
CREATE TABLE "search_documents" (
    "id" BIGSERIAL NOT NULL,
    "snapshot_id" INTEGER,
    "department_snapshot_id" INTEGER,
    "document_kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "unit_code" TEXT NOT NULL,
    "unit_name" TEXT NOT NULL,
    "department_code" TEXT NOT NULL,
    "department_name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "region_codes" TEXT[],
    "total_fen" BIGINT NOT NULL,
    "amount_unit" TEXT NOT NULL,
    "names" TEXT NOT NULL,
    "entries" JSONB NOT NULL,
    "indexed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "name_tsv" tsvector NOT NULL,
    "tsv" tsvector NOT NULL,

    CONSTRAINT "search_documents_pkey" PRIMARY KEY ("id"),
    -- exactly one owner, matching the kind
    CONSTRAINT "search_documents_owner_check" CHECK (
        ("document_kind" = 'unit' AND "snapshot_id" IS NOT NULL AND "department_snapshot_id" IS NULL)
        OR ("document_kind" = 'department' AND "department_snapshot_id" IS NOT NULL AND "snapshot_id" IS NULL))
);

-- CreateIndex
CREATE UNIQUE INDEX "search_documents_snapshot_id_key" ON "search_documents"("snapshot_id");

-- CreateIndex
CREATE UNIQUE INDEX "search_documents_department_snapshot_id_key" ON "search_documents"("department_snapshot_id");

-- CreateIndex
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING GIN ("tsv");

-- CreateIndex
CREATE INDEX "search_documents_name_tsv_idx" ON "search_documents" USING GIN ("name_tsv");

-- CreateIndex
CREATE INDEX "search_documents_names_trgm_idx" ON "search_documents" USING GIN ("names" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "search_documents_order_idx" ON "search_documents"("year" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "published_snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_department_snapshot_id_fkey" FOREIGN KEY ("department_snapshot_id") REFERENCES "department_snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;
