-- CreateTable
CREATE TABLE "PledgeTerms" (
    "version" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "wording" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PayPeriod" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "payGroupId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "payDate" DATETIME NOT NULL,
    "cutOffAt" DATETIME NOT NULL,
    "givingMode" TEXT NOT NULL,
    "lockedAt" DATETIME,
    "lockedById" TEXT,
    CONSTRAINT "PayPeriod_payGroupId_fkey" FOREIGN KEY ("payGroupId") REFERENCES "PayGroup" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Pledge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "employeeId" TEXT NOT NULL,
    "liveKey" TEXT,
    "status" TEXT NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "dedication" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Pledge_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "EmployeeRecord" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PledgeChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pledgeId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "effectivePeriodId" TEXT NOT NULL,
    "effectiveFrom" DATETIME NOT NULL,
    "pauseUntil" DATETIME,
    "byUserId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PledgeChange_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PledgeChange_effectivePeriodId_fkey" FOREIGN KEY ("effectivePeriodId") REFERENCES "PayPeriod" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PledgeAuthorisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pledgeChangeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "termsVersion" INTEGER NOT NULL,
    "wordingShown" TEXT NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "givingMode" TEXT NOT NULL,
    "agreedAt" DATETIME NOT NULL,
    CONSTRAINT "PledgeAuthorisation_pledgeChangeId_fkey" FOREIGN KEY ("pledgeChangeId") REFERENCES "PledgeChange" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PayrollLayout" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "mapping" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "PayrollFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "periodId" TEXT NOT NULL,
    "layoutId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "participants" INTEGER NOT NULL,
    "totalPence" INTEGER NOT NULL,
    "givingMode" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PayrollFile_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "PayPeriod" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reconciliation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "periodId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "expectedTotalPence" INTEGER NOT NULL,
    "deductedTotalPence" INTEGER NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedById" TEXT,
    "confirmedAt" DATETIME,
    "ledgerTransactionId" TEXT,
    CONSTRAINT "Reconciliation_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "PayPeriod" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReconciliationLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reconciliationId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "payrollNumber" TEXT NOT NULL,
    "expectedPence" INTEGER NOT NULL,
    "deductedPence" INTEGER NOT NULL,
    "reason" TEXT,
    "note" TEXT,
    CONSTRAINT "ReconciliationLine_reconciliationId_fkey" FOREIGN KEY ("reconciliationId") REFERENCES "Reconciliation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Deduction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "employeeId" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "pledgeId" TEXT,
    "amountPence" INTEGER NOT NULL,
    "reconciliationId" TEXT NOT NULL,
    CONSTRAINT "Deduction_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "EmployeeRecord" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Deduction_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "PayPeriod" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Deduction_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OrganisationSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "councilName" TEXT NOT NULL,
    "fundName" TEXT NOT NULL,
    "charityStatus" TEXT NOT NULL DEFAULT 'not_registered',
    "charityNumber" TEXT,
    "hmrcRecognisedOn" DATETIME,
    "givingMode" TEXT NOT NULL DEFAULT 'net_pay',
    "pledgeMinPence" INTEGER NOT NULL DEFAULT 200,
    "pledgeMaxPence" INTEGER NOT NULL DEFAULT 50000,
    "donationMinPence" INTEGER NOT NULL DEFAULT 100,
    "donationMaxPence" INTEGER NOT NULL DEFAULT 1000000,
    "suppressionThreshold" INTEGER NOT NULL DEFAULT 5,
    "payrollLayoutId" TEXT NOT NULL DEFAULT 'generic-change',
    "deductionCode" TEXT NOT NULL DEFAULT 'HHGIVE',
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_OrganisationSettings" ("charityNumber", "charityStatus", "councilName", "donationMaxPence", "donationMinPence", "fundName", "givingMode", "hmrcRecognisedOn", "id", "pledgeMaxPence", "pledgeMinPence", "suppressionThreshold", "updatedAt") SELECT "charityNumber", "charityStatus", "councilName", "donationMaxPence", "donationMinPence", "fundName", "givingMode", "hmrcRecognisedOn", "id", "pledgeMaxPence", "pledgeMinPence", "suppressionThreshold", "updatedAt" FROM "OrganisationSettings";
DROP TABLE "OrganisationSettings";
ALTER TABLE "new_OrganisationSettings" RENAME TO "OrganisationSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

-- Hand-written: pledge history and authorisations are append-only (a change is a new row).
CREATE TRIGGER "PledgeChange_no_update" BEFORE UPDATE ON "PledgeChange"
BEGIN SELECT RAISE(ABORT, 'pledge changes are append-only'); END;
CREATE TRIGGER "PledgeChange_no_delete" BEFORE DELETE ON "PledgeChange"
BEGIN SELECT RAISE(ABORT, 'pledge changes are append-only'); END;
CREATE TRIGGER "PledgeAuthorisation_no_update" BEFORE UPDATE ON "PledgeAuthorisation"
BEGIN SELECT RAISE(ABORT, 'pledge authorisations are append-only'); END;
CREATE TRIGGER "PledgeAuthorisation_no_delete" BEFORE DELETE ON "PledgeAuthorisation"
BEGIN SELECT RAISE(ABORT, 'pledge authorisations are append-only'); END;

-- Hand-written: reference data. Money deducted under a Payroll Giving Agency goes through it.
INSERT INTO "LedgerAccount" ("code", "name", "kind") VALUES ('payroll_agency', 'Paid on to the Payroll Giving Agency, not yet received', 'asset');
INSERT INTO "PledgeTerms" ("version", "wording", "publishedAt") VALUES (1, 'I authorise the council to deduct the amount shown from my pay each pay period and pay it to the Helping Hands Fund, from the pay period shown, until I change, pause or stop it. I can change, pause or stop my gift at any time; a change takes effect from the next pay period whose payroll cut-off has not passed. I understand that the council keeps a record of this authorisation and of each deduction.', '2026-11-01T00:00:00.000+00:00');
