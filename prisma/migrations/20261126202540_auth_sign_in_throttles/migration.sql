-- CreateTable
CREATE TABLE "sign_in_throttles" (
    "email" TEXT NOT NULL,
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sign_in_throttles_pkey" PRIMARY KEY ("email")
);

-- CreateIndex
CREATE INDEX "sign_in_throttles_updated_at_idx" ON "sign_in_throttles"("updated_at");

-- Same rule as users.failed_login_count (see 20261126200100_integrity_rules).
ALTER TABLE "sign_in_throttles"
  ADD CONSTRAINT "sign_in_throttles_failed_login_count_check" CHECK ("failed_login_count" >= 0);
