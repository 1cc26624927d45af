-- AlterTable
ALTER TABLE "OrganisationSettings" ADD COLUMN     "followUpWeeks" INTEGER NOT NULL DEFAULT 6,
ADD COLUMN     "panelQuorum" INTEGER NOT NULL DEFAULT 3;

-- CreateTable
CREATE TABLE "AdviserLink" (
    "adviserId" TEXT NOT NULL,
    "youngPersonId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdviserLink_pkey" PRIMARY KEY ("adviserId","youngPersonId")
);

-- CreateTable
CREATE TABLE "TermsOfReference" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "funds" TEXT NOT NULL,
    "doesNotFund" TEXT NOT NULL,
    "maxAwardPence" INTEGER NOT NULL,
    "decisionDates" TEXT NOT NULL,
    "giveBack" TEXT NOT NULL,
    "criteria" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "publishedById" TEXT NOT NULL,

    CONSTRAINT "TermsOfReference_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportApplication" (
    "id" TEXT NOT NULL,
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
    "submittedAt" TIMESTAMP(3),
    "screenedAt" TIMESTAMP(3),
    "screenedById" TEXT,
    "notEligibleReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupportApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationEvent" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationMessage" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelConflict" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "conflict" BOOLEAN NOT NULL,
    "note" TEXT,
    "declaredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PanelConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelReview" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "scores" TEXT NOT NULL,
    "recommendation" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "termsVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PanelReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelMeeting" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "heldOn" TIMESTAMP(3) NOT NULL,
    "mode" TEXT NOT NULL,
    "chairId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attendeeIds" TEXT NOT NULL,

    CONSTRAINT "PanelMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationDecision" (
    "id" TEXT NOT NULL,
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
    "decidedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApplicationDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GrantAward" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'committed',
    "commitmentTxId" TEXT NOT NULL,
    "paymentApprovedById" TEXT,
    "paymentApprovedAt" TIMESTAMP(3),
    "payeeKind" TEXT,
    "payeeName" TEXT,
    "paymentReference" TEXT,
    "paidOn" TIMESTAMP(3),
    "paymentTxId" TEXT,
    "paidRecordedById" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "cancelledById" TEXT,
    "cancelReason" TEXT,
    "reversalTxId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GrantAward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "howItHelped" TEXT,
    "giveBack" TEXT,
    "giveBackOther" TEXT,
    "consentToShare" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImpactStory" (
    "id" TEXT NOT NULL,
    "followUpId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "publishedById" TEXT NOT NULL,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "ImpactStory_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "AdviserLink" ADD CONSTRAINT "AdviserLink_adviserId_fkey" FOREIGN KEY ("adviserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdviserLink" ADD CONSTRAINT "AdviserLink_youngPersonId_fkey" FOREIGN KEY ("youngPersonId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportApplication" ADD CONSTRAINT "SupportApplication_youngPersonId_fkey" FOREIGN KEY ("youngPersonId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportApplication" ADD CONSTRAINT "SupportApplication_adviserId_fkey" FOREIGN KEY ("adviserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationEvent" ADD CONSTRAINT "ApplicationEvent_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SupportApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationMessage" ADD CONSTRAINT "ApplicationMessage_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SupportApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelConflict" ADD CONSTRAINT "PanelConflict_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SupportApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelReview" ADD CONSTRAINT "PanelReview_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SupportApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationDecision" ADD CONSTRAINT "ApplicationDecision_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SupportApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationDecision" ADD CONSTRAINT "ApplicationDecision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "PanelMeeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationDecision" ADD CONSTRAINT "ApplicationDecision_termsId_fkey" FOREIGN KEY ("termsId") REFERENCES "TermsOfReference"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrantAward" ADD CONSTRAINT "GrantAward_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SupportApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrantAward" ADD CONSTRAINT "GrantAward_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "ApplicationDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SupportApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactStory" ADD CONSTRAINT "ImpactStory_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: published terms and panel decisions are kept as they were (a change is a new row).
CREATE TRIGGER "TermsOfReference_append_only" BEFORE UPDATE OR DELETE ON "TermsOfReference"
  FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER "ApplicationDecision_append_only" BEFORE UPDATE OR DELETE ON "ApplicationDecision"
  FOR EACH ROW EXECUTE FUNCTION append_only();
