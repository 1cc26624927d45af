-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MentorApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "attendedDropIn" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'applied',
    "interviewOutcome" TEXT,
    "decidedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MentorApplication_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "MentoringCohort" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_MentorApplication" ("ageBands", "availability", "capacity", "cohortId", "createdAt", "decidedById", "gender", "id", "interests", "interviewOutcome", "location", "managerAgreed", "mode", "motivation", "preferences", "skills", "status", "teamId", "updatedAt", "userId") SELECT "ageBands", "availability", "capacity", "cohortId", "createdAt", "decidedById", "gender", "id", "interests", "interviewOutcome", "location", "managerAgreed", "mode", "motivation", "preferences", "skills", "status", "teamId", "updatedAt", "userId" FROM "MentorApplication";
DROP TABLE "MentorApplication";
ALTER TABLE "new_MentorApplication" RENAME TO "MentorApplication";
CREATE UNIQUE INDEX "MentorApplication_cohortId_userId_key" ON "MentorApplication"("cohortId", "userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
