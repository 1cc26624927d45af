-- AlterTable
ALTER TABLE "Donation" ADD COLUMN "giftAidClaimedPence" INTEGER;

-- CreateTable
CREATE TABLE "GiftAidAdjustment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "donationId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "donationPence" INTEGER NOT NULL,
    "taxPence" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GiftAidAdjustment_donationId_fkey" FOREIGN KEY ("donationId") REFERENCES "Donation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GiftAidAdjustment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "GiftAidClaim" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_GiftAidClaim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fromDate" DATETIME NOT NULL,
    "toDate" DATETIME NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "totalPence" INTEGER NOT NULL,
    "adjustmentPence" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_GiftAidClaim" ("createdAt", "createdById", "fromDate", "id", "rowCount", "toDate", "totalPence") SELECT "createdAt", "createdById", "fromDate", "id", "rowCount", "toDate", "totalPence" FROM "GiftAidClaim";
DROP TABLE "GiftAidClaim";
ALTER TABLE "new_GiftAidClaim" RENAME TO "GiftAidClaim";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "GiftAidAdjustment_donationId_idx" ON "GiftAidAdjustment"("donationId");

-- CreateIndex
CREATE INDEX "GiftAidAdjustment_claimId_idx" ON "GiftAidAdjustment"("claimId");
