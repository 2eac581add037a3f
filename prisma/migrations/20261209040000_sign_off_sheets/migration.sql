-- 保密审查 statement and the signed paper 审签单 (issue 15). Additive: no existing row changes.

-- AlterTable
ALTER TABLE "budgets" ADD COLUMN "secrecy_statement" TEXT;

-- CreateTable
CREATE TABLE "sign_off_sheets" (
    "budget_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "uploaded_by_id" TEXT NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sign_off_sheets_pkey" PRIMARY KEY ("budget_id")
);

-- CreateIndex
CREATE INDEX "sign_off_sheets_uploaded_by_id_idx" ON "sign_off_sheets"("uploaded_by_id");

-- AddForeignKey
ALTER TABLE "sign_off_sheets" ADD CONSTRAINT "sign_off_sheets_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budgets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sign_off_sheets" ADD CONSTRAINT "sign_off_sheets_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
