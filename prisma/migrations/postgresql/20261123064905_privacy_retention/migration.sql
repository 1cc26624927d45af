-- AlterTable
ALTER TABLE "OrganisationSettings" ADD COLUMN     "retainGiftAidYears" INTEGER NOT NULL DEFAULT 6,
ADD COLUMN     "retainGrantYears" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "retainMentoringMonths" INTEGER NOT NULL DEFAULT 12,
ADD COLUMN     "retainUnsuccessfulMonths" INTEGER NOT NULL DEFAULT 12;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ErasureRecord" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "erasedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "summary" TEXT NOT NULL,

    CONSTRAINT "ErasureRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ErasureRecord_personId_idx" ON "ErasureRecord"("personId");
