-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "story" TEXT NOT NULL,
    "targetKind" TEXT NOT NULL,
    "targetPence" INTEGER,
    "targetCount" INTEGER,
    "unitPricePence" INTEGER,
    "unitLabel" TEXT,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "endsOn" TIMESTAMP(3),
    "imagePath" TEXT,
    "imageAlt" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Donation" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "campaignId" TEXT,
    "donorName" TEXT NOT NULL,
    "donorEmail" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "userId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "refundedPence" INTEGER NOT NULL DEFAULT 0,
    "feePence" INTEGER,
    "checkoutSessionId" TEXT,
    "paymentIntentId" TEXT,
    "chargeId" TEXT,
    "giftAidDeclarationId" TEXT,
    "giftAidClaimId" TEXT,
    "paidAt" TIMESTAMP(3),
    "receiptSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Donation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GiftAidDeclaration" (
    "id" TEXT NOT NULL,
    "title" TEXT,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "houseNameOrNumber" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "email" TEXT,
    "scope" TEXT NOT NULL,
    "wordingVersion" INTEGER NOT NULL,
    "wordingShown" TEXT NOT NULL,
    "declaredAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "GiftAidDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GiftAidClaim" (
    "id" TEXT NOT NULL,
    "fromDate" TIMESTAMP(3) NOT NULL,
    "toDate" TIMESTAMP(3) NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "totalPence" INTEGER NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GiftAidClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_slug_key" ON "Campaign"("slug");

-- CreateIndex
CREATE INDEX "Campaign_status_idx" ON "Campaign"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Donation_reference_key" ON "Donation"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Donation_checkoutSessionId_key" ON "Donation"("checkoutSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Donation_paymentIntentId_key" ON "Donation"("paymentIntentId");

-- CreateIndex
CREATE UNIQUE INDEX "Donation_chargeId_key" ON "Donation"("chargeId");

-- CreateIndex
CREATE INDEX "Donation_campaignId_status_idx" ON "Donation"("campaignId", "status");

-- CreateIndex
CREATE INDEX "Donation_status_paidAt_idx" ON "Donation"("status", "paidAt");

-- CreateIndex
CREATE INDEX "Donation_donorEmail_idx" ON "Donation"("donorEmail");

-- CreateIndex
CREATE INDEX "GiftAidDeclaration_email_idx" ON "GiftAidDeclaration"("email");

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_giftAidDeclarationId_fkey" FOREIGN KEY ("giftAidDeclarationId") REFERENCES "GiftAidDeclaration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_giftAidClaimId_fkey" FOREIGN KEY ("giftAidClaimId") REFERENCES "GiftAidClaim"("id") ON DELETE SET NULL ON UPDATE CASCADE;
