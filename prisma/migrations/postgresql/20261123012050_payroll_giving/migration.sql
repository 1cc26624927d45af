-- AlterTable
ALTER TABLE "OrganisationSettings" ADD COLUMN     "deductionCode" TEXT NOT NULL DEFAULT 'HHGIVE',
ADD COLUMN     "payrollLayoutId" TEXT NOT NULL DEFAULT 'generic-change';

-- CreateTable
CREATE TABLE "PledgeTerms" (
    "version" INTEGER NOT NULL,
    "wording" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PledgeTerms_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "PayPeriod" (
    "id" TEXT NOT NULL,
    "payGroupId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "endsOn" TIMESTAMP(3) NOT NULL,
    "payDate" TIMESTAMP(3) NOT NULL,
    "cutOffAt" TIMESTAMP(3) NOT NULL,
    "givingMode" TEXT NOT NULL,
    "lockedAt" TIMESTAMP(3),
    "lockedById" TEXT,

    CONSTRAINT "PayPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pledge" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "liveKey" TEXT,
    "status" TEXT NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "dedication" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pledge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PledgeChange" (
    "id" TEXT NOT NULL,
    "pledgeId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "effectivePeriodId" TEXT NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "pauseUntil" TIMESTAMP(3),
    "byUserId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PledgeChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PledgeAuthorisation" (
    "id" TEXT NOT NULL,
    "pledgeChangeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "termsVersion" INTEGER NOT NULL,
    "wordingShown" TEXT NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "givingMode" TEXT NOT NULL,
    "agreedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PledgeAuthorisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayrollLayout" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mapping" TEXT NOT NULL,

    CONSTRAINT "PayrollLayout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayrollFile" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "layoutId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "participants" INTEGER NOT NULL,
    "totalPence" INTEGER NOT NULL,
    "givingMode" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PayrollFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reconciliation" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "expectedTotalPence" INTEGER NOT NULL,
    "deductedTotalPence" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "ledgerTransactionId" TEXT,

    CONSTRAINT "Reconciliation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconciliationLine" (
    "id" TEXT NOT NULL,
    "reconciliationId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "payrollNumber" TEXT NOT NULL,
    "expectedPence" INTEGER NOT NULL,
    "deductedPence" INTEGER NOT NULL,
    "reason" TEXT,
    "note" TEXT,

    CONSTRAINT "ReconciliationLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deduction" (
    "id" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "pledgeId" TEXT,
    "amountPence" INTEGER NOT NULL,
    "reconciliationId" TEXT NOT NULL,

    CONSTRAINT "Deduction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PayPeriod_payGroupId_cutOffAt_idx" ON "PayPeriod"("payGroupId", "cutOffAt");

-- CreateIndex
CREATE UNIQUE INDEX "PayPeriod_payGroupId_startsOn_key" ON "PayPeriod"("payGroupId", "startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "Pledge_liveKey_key" ON "Pledge"("liveKey");

-- CreateIndex
CREATE INDEX "Pledge_employeeId_idx" ON "Pledge"("employeeId");

-- CreateIndex
CREATE INDEX "Pledge_status_idx" ON "Pledge"("status");

-- CreateIndex
CREATE INDEX "PledgeChange_pledgeId_createdAt_idx" ON "PledgeChange"("pledgeId", "createdAt");

-- CreateIndex
CREATE INDEX "PledgeChange_effectivePeriodId_idx" ON "PledgeChange"("effectivePeriodId");

-- CreateIndex
CREATE UNIQUE INDEX "PledgeAuthorisation_pledgeChangeId_key" ON "PledgeAuthorisation"("pledgeChangeId");

-- CreateIndex
CREATE INDEX "PayrollFile_periodId_idx" ON "PayrollFile"("periodId");

-- CreateIndex
CREATE UNIQUE INDEX "Reconciliation_ledgerTransactionId_key" ON "Reconciliation"("ledgerTransactionId");

-- CreateIndex
CREATE INDEX "Reconciliation_periodId_idx" ON "Reconciliation"("periodId");

-- CreateIndex
CREATE INDEX "ReconciliationLine_reconciliationId_idx" ON "ReconciliationLine"("reconciliationId");

-- CreateIndex
CREATE INDEX "Deduction_periodId_idx" ON "Deduction"("periodId");

-- CreateIndex
CREATE UNIQUE INDEX "Deduction_employeeId_periodId_key" ON "Deduction"("employeeId", "periodId");

-- AddForeignKey
ALTER TABLE "PayPeriod" ADD CONSTRAINT "PayPeriod_payGroupId_fkey" FOREIGN KEY ("payGroupId") REFERENCES "PayGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "EmployeeRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeChange" ADD CONSTRAINT "PledgeChange_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeChange" ADD CONSTRAINT "PledgeChange_effectivePeriodId_fkey" FOREIGN KEY ("effectivePeriodId") REFERENCES "PayPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeAuthorisation" ADD CONSTRAINT "PledgeAuthorisation_pledgeChangeId_fkey" FOREIGN KEY ("pledgeChangeId") REFERENCES "PledgeChange"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayrollFile" ADD CONSTRAINT "PayrollFile_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "PayPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reconciliation" ADD CONSTRAINT "Reconciliation_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "PayPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReconciliationLine" ADD CONSTRAINT "ReconciliationLine_reconciliationId_fkey" FOREIGN KEY ("reconciliationId") REFERENCES "Reconciliation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deduction" ADD CONSTRAINT "Deduction_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "EmployeeRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deduction" ADD CONSTRAINT "Deduction_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "PayPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deduction" ADD CONSTRAINT "Deduction_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: pledge history and authorisations are append-only (a change is a new row).
CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER "PledgeChange_append_only" BEFORE UPDATE OR DELETE ON "PledgeChange"
  FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER "PledgeAuthorisation_append_only" BEFORE UPDATE OR DELETE ON "PledgeAuthorisation"
  FOR EACH ROW EXECUTE FUNCTION append_only();

-- Hand-written: reference data. Money deducted under a Payroll Giving Agency goes through it.
INSERT INTO "LedgerAccount" ("code", "name", "kind") VALUES ('payroll_agency', 'Paid on to the Payroll Giving Agency, not yet received', 'asset');
INSERT INTO "PledgeTerms" ("version", "wording", "publishedAt") VALUES (1, 'I authorise the council to deduct the amount shown from my pay each pay period and pay it to the Helping Hands Fund, from the pay period shown, until I change, pause or stop it. I can change, pause or stop my gift at any time; a change takes effect from the next pay period whose payroll cut-off has not passed. I understand that the council keeps a record of this authorisation and of each deduction.', '2026-11-01T00:00:00.000+00:00');
