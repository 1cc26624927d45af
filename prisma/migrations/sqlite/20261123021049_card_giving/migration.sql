-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "story" TEXT NOT NULL,
    "targetKind" TEXT NOT NULL,
    "targetPence" INTEGER,
    "targetCount" INTEGER,
    "unitPricePence" INTEGER,
    "unitLabel" TEXT,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME,
    "imagePath" TEXT,
    "imageAlt" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Donation" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "paidAt" DATETIME,
    "receiptSentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Donation_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Donation_giftAidDeclarationId_fkey" FOREIGN KEY ("giftAidDeclarationId") REFERENCES "GiftAidDeclaration" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Donation_giftAidClaimId_fkey" FOREIGN KEY ("giftAidClaimId") REFERENCES "GiftAidClaim" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GiftAidDeclaration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "houseNameOrNumber" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "email" TEXT,
    "scope" TEXT NOT NULL,
    "wordingVersion" INTEGER NOT NULL,
    "wordingShown" TEXT NOT NULL,
    "declaredAt" DATETIME NOT NULL,
    "cancelledAt" DATETIME
);

-- CreateTable
CREATE TABLE "GiftAidClaim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fromDate" DATETIME NOT NULL,
    "toDate" DATETIME NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "totalPence" INTEGER NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" DATETIME
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
