-- DropIndex
DROP INDEX "SupportApplication_status_submittedAt_idx";

-- CreateIndex
CREATE INDEX "SupportApplication_status_submittedAt_id_idx" ON "SupportApplication"("status", "submittedAt", "id");
