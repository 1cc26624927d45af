-- AlterTable
ALTER TABLE "Person" ADD COLUMN "erasedAt" DATETIME;

-- CreateTable
CREATE TABLE "ErasureRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "erasedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "summary" TEXT NOT NULL
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
    "panelQuorum" INTEGER NOT NULL DEFAULT 3,
    "followUpWeeks" INTEGER NOT NULL DEFAULT 6,
    "managerApprovalRequired" BOOLEAN NOT NULL DEFAULT true,
    "under18NeedsDbs" BOOLEAN NOT NULL DEFAULT true,
    "dbsPurgeMonths" INTEGER NOT NULL DEFAULT 6,
    "safeguardingLeadEmail" TEXT,
    "retainUnsuccessfulMonths" INTEGER NOT NULL DEFAULT 12,
    "retainGiftAidYears" INTEGER NOT NULL DEFAULT 6,
    "retainGrantYears" INTEGER NOT NULL DEFAULT 7,
    "retainMentoringMonths" INTEGER NOT NULL DEFAULT 12,
    "payrollLayoutId" TEXT NOT NULL DEFAULT 'generic-change',
    "deductionCode" TEXT NOT NULL DEFAULT 'HHGIVE',
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_OrganisationSettings" ("charityNumber", "charityStatus", "councilName", "dbsPurgeMonths", "deductionCode", "donationMaxPence", "donationMinPence", "followUpWeeks", "fundName", "givingMode", "hmrcRecognisedOn", "id", "managerApprovalRequired", "panelQuorum", "payrollLayoutId", "pledgeMaxPence", "pledgeMinPence", "safeguardingLeadEmail", "suppressionThreshold", "under18NeedsDbs", "updatedAt") SELECT "charityNumber", "charityStatus", "councilName", "dbsPurgeMonths", "deductionCode", "donationMaxPence", "donationMinPence", "followUpWeeks", "fundName", "givingMode", "hmrcRecognisedOn", "id", "managerApprovalRequired", "panelQuorum", "payrollLayoutId", "pledgeMaxPence", "pledgeMinPence", "safeguardingLeadEmail", "suppressionThreshold", "under18NeedsDbs", "updatedAt" FROM "OrganisationSettings";
DROP TABLE "OrganisationSettings";
ALTER TABLE "new_OrganisationSettings" RENAME TO "OrganisationSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ErasureRecord_personId_idx" ON "ErasureRecord"("personId");
