-- AlterTable
ALTER TABLE "OrganisationSettings" ADD COLUMN     "dbsPurgeMonths" INTEGER NOT NULL DEFAULT 6,
ADD COLUMN     "safeguardingLeadEmail" TEXT;
