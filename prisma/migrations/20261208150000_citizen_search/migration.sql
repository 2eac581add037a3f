-- Citizen search (docs/decisions/0018-citizen-search-and-open-data.md): an index derived from
-- published snapshots only. The app writes it when a snapshot is published and indexes existing
-- snapshots at start (lib/search/index-snapshot.ts); this migration only creates empty tables,
-- it changes, submits or publishes nothing.
--
-- pg_trgm ships with PostgreSQL (also the embedded server) and is a trusted extension: the
-- database owner may create it. Its similarity operator finds misspelt unit and project names.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "search_documents" (
    "snapshot_id" INTEGER NOT NULL,
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
    "indexed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tsv" tsvector NOT NULL,

    CONSTRAINT "search_documents_pkey" PRIMARY KEY ("snapshot_id")
);

-- CreateTable
CREATE TABLE "search_entries" (
    "id" BIGSERIAL NOT NULL,
    "snapshot_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "amount_fen" BIGINT,
    "tsv" tsvector NOT NULL,

    CONSTRAINT "search_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING GIN ("tsv");

-- CreateIndex
CREATE INDEX "search_documents_year_idx" ON "search_documents"("year");

-- CreateIndex
CREATE INDEX "search_documents_region_codes_idx" ON "search_documents" USING GIN ("region_codes");

-- CreateIndex
CREATE INDEX "search_entries_snapshot_id_idx" ON "search_entries"("snapshot_id");

-- CreateIndex
CREATE INDEX "search_entries_tsv_idx" ON "search_entries" USING GIN ("tsv");

-- CreateIndex
CREATE INDEX "search_entries_title_trgm_idx" ON "search_entries" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "search_entries_code_idx" ON "search_entries"("code");

-- AddForeignKey
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "published_snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "search_entries" ADD CONSTRAINT "search_entries_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "search_documents"("snapshot_id") ON DELETE CASCADE ON UPDATE CASCADE;


