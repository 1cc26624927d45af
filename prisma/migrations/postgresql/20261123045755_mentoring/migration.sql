-- CreateTable
CREATE TABLE "MentoringCohort" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "weeks" INTEGER NOT NULL,
    "capacity" INTEGER NOT NULL,
    "dropInDays" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'recruiting',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentoringCohort_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorApplication" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "motivation" TEXT NOT NULL,
    "interests" TEXT NOT NULL,
    "skills" TEXT NOT NULL,
    "availability" TEXT NOT NULL,
    "ageBands" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "location" TEXT,
    "teamId" TEXT,
    "gender" TEXT,
    "preferences" TEXT,
    "capacity" INTEGER NOT NULL DEFAULT 1,
    "managerAgreed" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'applied',
    "interviewOutcome" TEXT,
    "decidedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MentorApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRecord" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "module" TEXT NOT NULL,
    "completedOn" TIMESTAMP(3) NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MenteeProfile" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "youngPersonId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "ageBand" TEXT NOT NULL,
    "interests" TEXT NOT NULL,
    "goals" TEXT NOT NULL,
    "availability" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "location" TEXT,
    "preferredMentorGender" TEXT,
    "ownWorkerIds" TEXT NOT NULL DEFAULT '[]',
    "ownTeamIds" TEXT NOT NULL DEFAULT '[]',
    "attendedDropIn" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MenteeProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentoringMatch" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "mentorAppId" TEXT NOT NULL,
    "menteeProfileId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "explanation" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "mentorFit" TEXT,
    "menteeFit" TEXT,
    "confirmedById" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "MentoringMatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentoringSession" (
    "id" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "minutes" INTEGER NOT NULL,
    "mode" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentoringSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentoringSurvey" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "scales" TEXT NOT NULL,
    "comment" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentoringSurvey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MentorApplication_cohortId_userId_key" ON "MentorApplication"("cohortId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingRecord_applicationId_module_key" ON "TrainingRecord"("applicationId", "module");

-- CreateIndex
CREATE UNIQUE INDEX "MenteeProfile_cohortId_youngPersonId_key" ON "MenteeProfile"("cohortId", "youngPersonId");

-- CreateIndex
CREATE INDEX "MentoringMatch_cohortId_status_idx" ON "MentoringMatch"("cohortId", "status");

-- CreateIndex
CREATE INDEX "MentoringSession_matchId_day_idx" ON "MentoringSession"("matchId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "MentoringSurvey_cohortId_userId_key" ON "MentoringSurvey"("cohortId", "userId");

-- AddForeignKey
ALTER TABLE "MentorApplication" ADD CONSTRAINT "MentorApplication_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "MentoringCohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRecord" ADD CONSTRAINT "TrainingRecord_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "MentorApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MenteeProfile" ADD CONSTRAINT "MenteeProfile_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "MentoringCohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringMatch" ADD CONSTRAINT "MentoringMatch_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "MentoringCohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringSession" ADD CONSTRAINT "MentoringSession_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "MentoringMatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
