-- AlterTable
ALTER TABLE "OrganisationSettings" ADD COLUMN     "managerApprovalRequired" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "under18NeedsDbs" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "VolunteerGroup" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "contactUserId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VolunteerGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimeOffer" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TimeOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpRequest" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HelpRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpLink" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "hoursPerMonth" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contactSharedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "HelpLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HoursLog" (
    "id" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "minutes" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HoursLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkFeedback" (
    "id" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "rating" TEXT NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DbsCheck" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "certificateNumber" TEXT,
    "issuedOn" TIMESTAMP(3) NOT NULL,
    "outcome" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "purgedAt" TIMESTAMP(3),

    CONSTRAINT "DbsCheck_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "TimeOffer" ADD CONSTRAINT "TimeOffer_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "VolunteerGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpLink" ADD CONSTRAINT "HelpLink_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "HelpRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpLink" ADD CONSTRAINT "HelpLink_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "TimeOffer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HoursLog" ADD CONSTRAINT "HoursLog_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "HelpLink"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkFeedback" ADD CONSTRAINT "LinkFeedback_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "HelpLink"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
