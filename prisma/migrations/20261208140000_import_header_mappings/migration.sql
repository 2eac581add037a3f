-- Workbook headers mapped once per region to an import field (Excel budget import).
-- CreateTable
CREATE TABLE "import_header_mappings" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "sheet_kind" TEXT NOT NULL,
    "header" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "import_header_mappings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "import_header_mappings_region_id_sheet_kind_header_key" ON "import_header_mappings"("region_id", "sheet_kind", "header");

-- AddForeignKey
ALTER TABLE "import_header_mappings" ADD CONSTRAINT "import_header_mappings_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
