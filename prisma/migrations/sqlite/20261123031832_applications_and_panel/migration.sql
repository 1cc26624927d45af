-- CreateTable
CREATE TABLE "AdviserLink" (
    "adviserId" TEXT NOT NULL,
    "youngPersonId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("adviserId", "youngPersonId"),
    CONSTRAINT "AdviserLink_adviserId_fkey" FOREIGN KEY ("adviserId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AdviserLink_youngPersonId_fkey" FOREIGN KEY ("youngPersonId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TermsOfReference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL,
    "funds" TEXT NOT NULL,
    "doesNotFund" TEXT NOT NULL,
    "maxAwardPence" INTEGER NOT NULL,
    "decisionDates" TEXT NOT NULL,
    "giveBack" TEXT NOT NULL,
    "criteria" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "publishedById" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "SupportApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "youngPersonId" TEXT NOT NULL,
    "adviserId" TEXT,
    "createdById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "moreInfoFrom" TEXT,
    "category" TEXT,
    "purpose" TEXT,
    "amountPence" INTEGER,
    "quoteUrl" TEXT,
    "quoteDetails" TEXT,
    "whyItMatters" TEXT,
    "entitlementCovers" TEXT,
    "entitlementNames" TEXT,
    "entitlementWhyNeeded" TEXT,
    "submittedAt" DATETIME,
    "screenedAt" DATETIME,
    "screenedById" TEXT,
    "notEligibleReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SupportApplication_youngPersonId_fkey" FOREIGN KEY ("youngPersonId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupportApplication_adviserId_fkey" FOREIGN KEY ("adviserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApplicationEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "note" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApplicationEvent_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SupportApplication" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApplicationMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApplicationMessage_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SupportApplication" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PanelConflict" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "conflict" BOOLEAN NOT NULL,
    "note" TEXT,
    "declaredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PanelConflict_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SupportApplication" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PanelReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "scores" TEXT NOT NULL,
    "recommendation" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "termsVersion" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PanelReview_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SupportApplication" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PanelMeeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "heldOn" DATETIME NOT NULL,
    "mode" TEXT NOT NULL,
    "chairId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attendeeIds" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ApplicationDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "termsId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "amountPence" INTEGER,
    "reasons" TEXT NOT NULL,
    "conditions" TEXT,
    "quorumRequired" INTEGER NOT NULL,
    "scoredCount" INTEGER NOT NULL,
    "conflictedCount" INTEGER NOT NULL,
    "scoredByIds" TEXT NOT NULL,
    "conflictedIds" TEXT NOT NULL,
    "decidedById" TEXT NOT NULL,
    "decidedAt" DATETIME NOT NULL,
    CONSTRAINT "ApplicationDecision_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SupportApplication" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ApplicationDecision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "PanelMeeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ApplicationDecision_termsId_fkey" FOREIGN KEY ("termsId") REFERENCES "TermsOfReference" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GrantAward" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'committed',
    "commitmentTxId" TEXT NOT NULL,
    "paymentApprovedById" TEXT,
    "paymentApprovedAt" DATETIME,
    "payeeKind" TEXT,
    "payeeName" TEXT,
    "paymentReference" TEXT,
    "paidOn" DATETIME,
    "paymentTxId" TEXT,
    "paidRecordedById" TEXT,
    "cancelledAt" DATETIME,
    "cancelledById" TEXT,
    "cancelReason" TEXT,
    "reversalTxId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GrantAward_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SupportApplication" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GrantAward_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "ApplicationDecision" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "sentAt" DATETIME,
    "answeredAt" DATETIME,
    "howItHelped" TEXT,
    "giveBack" TEXT,
    "giveBackOther" TEXT,
    "consentToShare" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FollowUp_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SupportApplication" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ImpactStory" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "followUpId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "publishedById" TEXT NOT NULL,
    "withdrawnAt" DATETIME,
    CONSTRAINT "ImpactStory_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
    "payrollLayoutId" TEXT NOT NULL DEFAULT 'generic-change',
    "deductionCode" TEXT NOT NULL DEFAULT 'HHGIVE',
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_OrganisationSettings" ("charityNumber", "charityStatus", "councilName", "deductionCode", "donationMaxPence", "donationMinPence", "fundName", "givingMode", "hmrcRecognisedOn", "id", "payrollLayoutId", "pledgeMaxPence", "pledgeMinPence", "suppressionThreshold", "updatedAt") SELECT "charityNumber", "charityStatus", "councilName", "deductionCode", "donationMaxPence", "donationMinPence", "fundName", "givingMode", "hmrcRecognisedOn", "id", "payrollLayoutId", "pledgeMaxPence", "pledgeMinPence", "suppressionThreshold", "updatedAt" FROM "OrganisationSettings";
DROP TABLE "OrganisationSettings";
ALTER TABLE "new_OrganisationSettings" RENAME TO "OrganisationSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AdviserLink_youngPersonId_idx" ON "AdviserLink"("youngPersonId");

-- CreateIndex
CREATE UNIQUE INDEX "TermsOfReference_version_key" ON "TermsOfReference"("version");

-- CreateIndex
CREATE UNIQUE INDEX "SupportApplication_reference_key" ON "SupportApplication"("reference");

-- CreateIndex
CREATE INDEX "SupportApplication_status_submittedAt_idx" ON "SupportApplication"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "SupportApplication_youngPersonId_idx" ON "SupportApplication"("youngPersonId");

-- CreateIndex
CREATE INDEX "SupportApplication_adviserId_idx" ON "SupportApplication"("adviserId");

-- CreateIndex
CREATE INDEX "ApplicationEvent_applicationId_at_idx" ON "ApplicationEvent"("applicationId", "at");

-- CreateIndex
CREATE INDEX "ApplicationMessage_applicationId_createdAt_idx" ON "ApplicationMessage"("applicationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PanelConflict_applicationId_memberId_key" ON "PanelConflict"("applicationId", "memberId");

-- CreateIndex
CREATE INDEX "PanelReview_memberId_idx" ON "PanelReview"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "PanelReview_applicationId_memberId_key" ON "PanelReview"("applicationId", "memberId");

-- CreateIndex
CREATE INDEX "ApplicationDecision_applicationId_idx" ON "ApplicationDecision"("applicationId");

-- CreateIndex
CREATE INDEX "ApplicationDecision_meetingId_idx" ON "ApplicationDecision"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "GrantAward_applicationId_key" ON "GrantAward"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "GrantAward_decisionId_key" ON "GrantAward"("decisionId");

-- CreateIndex
CREATE INDEX "GrantAward_status_idx" ON "GrantAward"("status");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUp_applicationId_key" ON "FollowUp"("applicationId");

-- CreateIndex
CREATE INDEX "FollowUp_dueAt_sentAt_idx" ON "FollowUp"("dueAt", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "ImpactStory_followUpId_key" ON "ImpactStory"("followUpId");

-- CreateIndex
CREATE INDEX "ImpactStory_publishedAt_idx" ON "ImpactStory"("publishedAt");

-- Hand-written: published terms and panel decisions are kept as they were (a change is a new row).
CREATE TRIGGER "TermsOfReference_no_update" BEFORE UPDATE ON "TermsOfReference"
BEGIN SELECT RAISE(ABORT, 'terms of reference are append-only'); END;
CREATE TRIGGER "TermsOfReference_no_delete" BEFORE DELETE ON "TermsOfReference"
BEGIN SELECT RAISE(ABORT, 'terms of reference are append-only'); END;
CREATE TRIGGER "ApplicationDecision_no_update" BEFORE UPDATE ON "ApplicationDecision"
BEGIN SELECT RAISE(ABORT, 'panel decisions are append-only'); END;
CREATE TRIGGER "ApplicationDecision_no_delete" BEFORE DELETE ON "ApplicationDecision"
BEGIN SELECT RAISE(ABORT, 'panel decisions are append-only'); END;
