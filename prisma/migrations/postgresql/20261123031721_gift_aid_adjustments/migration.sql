-- AlterTable
ALTER TABLE "Donation" ADD COLUMN     "giftAidClaimedPence" INTEGER;

-- AlterTable
ALTER TABLE "GiftAidClaim" ADD COLUMN     "adjustmentPence" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "GiftAidAdjustment" (
    "id" TEXT NOT NULL,
    "donationId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "donationPence" INTEGER NOT NULL,
    "taxPence" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GiftAidAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GiftAidAdjustment_donationId_idx" ON "GiftAidAdjustment"("donationId");

-- CreateIndex
CREATE INDEX "GiftAidAdjustment_claimId_idx" ON "GiftAidAdjustment"("claimId");

-- AddForeignKey
ALTER TABLE "GiftAidAdjustment" ADD CONSTRAINT "GiftAidAdjustment_donationId_fkey" FOREIGN KEY ("donationId") REFERENCES "Donation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftAidAdjustment" ADD CONSTRAINT "GiftAidAdjustment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "GiftAidClaim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
