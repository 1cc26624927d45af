-- CreateTable
CREATE TABLE "VolunteerGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "contactUserId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "TimeOffer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "groupId" TEXT,
    "skills" TEXT NOT NULL,
    "otherSkills" TEXT,
    "hoursPerMonth" INTEGER NOT NULL,
    "availability" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "location" TEXT,
    "frequency" TEXT NOT NULL,
    "wouldMentor" BOOLEAN NOT NULL DEFAULT false,
    "volunteerGender" TEXT,
    "managerApproved" BOOLEAN,
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TimeOffer_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "VolunteerGroup" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HelpRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "youngPersonId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "skills" TEXT NOT NULL,
    "details" TEXT NOT NULL,
    "availability" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "location" TEXT,
    "hoursPerMonth" INTEGER NOT NULL,
    "preferredGender" TEXT,
    "otherPreferences" TEXT,
    "under18" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "HelpLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "hoursPerMonth" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contactSharedAt" DATETIME,
    "completedAt" DATETIME,
    CONSTRAINT "HelpLink_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "HelpRequest" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HelpLink_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "TimeOffer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HoursLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "linkId" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "day" DATETIME NOT NULL,
    "minutes" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HoursLog_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "HelpLink" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LinkFeedback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "linkId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "rating" TEXT NOT NULL,
    "comment" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LinkFeedback_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "HelpLink" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DbsCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "certificateNumber" TEXT,
    "issuedOn" DATETIME NOT NULL,
    "outcome" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "purgedAt" DATETIME
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
    "payrollLayoutId" TEXT NOT NULL DEFAULT 'generic-change',
    "deductionCode" TEXT NOT NULL DEFAULT 'HHGIVE',
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_OrganisationSettings" ("charityNumber", "charityStatus", "councilName", "deductionCode", "donationMaxPence", "donationMinPence", "followUpWeeks", "fundName", "givingMode", "hmrcRecognisedOn", "id", "panelQuorum", "payrollLayoutId", "pledgeMaxPence", "pledgeMinPence", "suppressionThreshold", "updatedAt") SELECT "charityNumber", "charityStatus", "councilName", "deductionCode", "donationMaxPence", "donationMinPence", "followUpWeeks", "fundName", "givingMode", "hmrcRecognisedOn", "id", "panelQuorum", "payrollLayoutId", "pledgeMaxPence", "pledgeMinPence", "suppressionThreshold", "updatedAt" FROM "OrganisationSettings";
DROP TABLE "OrganisationSettings";
ALTER TABLE "new_OrganisationSettings" RENAME TO "OrganisationSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TimeOffer_status_idx" ON "TimeOffer"("status");

-- CreateIndex
CREATE INDEX "TimeOffer_userId_idx" ON "TimeOffer"("userId");

-- CreateIndex
CREATE INDEX "HelpRequest_status_createdAt_idx" ON "HelpRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "HelpRequest_youngPersonId_idx" ON "HelpRequest"("youngPersonId");

-- CreateIndex
CREATE INDEX "HelpLink_offerId_status_idx" ON "HelpLink"("offerId", "status");

-- CreateIndex
CREATE INDEX "HelpLink_requestId_idx" ON "HelpLink"("requestId");

-- CreateIndex
CREATE INDEX "HoursLog_linkId_idx" ON "HoursLog"("linkId");

-- CreateIndex
CREATE INDEX "HoursLog_status_day_idx" ON "HoursLog"("status", "day");

-- CreateIndex
CREATE INDEX "HoursLog_volunteerId_day_idx" ON "HoursLog"("volunteerId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "LinkFeedback_linkId_authorId_key" ON "LinkFeedback"("linkId", "authorId");

-- CreateIndex
CREATE INDEX "DbsCheck_userId_issuedOn_idx" ON "DbsCheck"("userId", "issuedOn");
