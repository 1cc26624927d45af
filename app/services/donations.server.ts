// One-off card gifts: start one (a pending Donation and a Stripe Checkout Session, or the local
// test checkout without keys), and what the thank-you page shows. Fulfilment is in
// stripe-webhook.server.ts. See docs/decisions/0008-card-payments.md.
import { randomBytes } from "node:crypto";
import { Prisma, type Donation } from "~/generated/prisma/client.ts";
import { db } from "~/db.server";
import { audit } from "~/services/audit.server";
import { amountProblem, campaignTakesGifts, referenceFrom, type DonationStatus } from "~/domain/donations/donation";
import { isLocalCheckout, stripeClient } from "~/integrations/stripe.server";
import { logger } from "~/utils/logger.server";

export class DonationError extends Error {
  constructor(
    message: string,
    /** the form field the problem is about, when there is one */
    readonly field: "amount" | "campaign" | "payment" = "payment",
  ) {
    super(message);
    this.name = "DonationError";
  }
}

export type StartDonationInput = {
  amountPence: number;
  campaignId?: string | null;
  donorName: string;
  donorEmail: string;
  anonymous: boolean;
  userId?: string | null;
  giftAidDeclarationId?: string | null;
  /** origin for the success and cancel URLs, e.g. https://helping-hands.example */
  appUrl: string;
};

const DEFAULT_LIMITS = { donationMinPence: 100, donationMaxPence: 1_000_000, fundName: "Children in Our Care fund" };

/** The prefix of the local test checkout's session ids. */
export const LOCAL_SESSION_PREFIX = "cs_local_";

function newReference(): string {
  for (;;) {
    const reference = referenceFrom(randomBytes(16));
    if (reference) return reference;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function startDonation(input: StartDonationInput, now = new Date()): Promise<{ donation: Donation; checkoutUrl: string }> {
  const settings = (await db().organisationSettings.findUnique({ where: { id: 1 } })) ?? DEFAULT_LIMITS;
  const problem = amountProblem(input.amountPence, settings.donationMinPence, settings.donationMaxPence);
  if (problem) throw new DonationError(problem, "amount");
  const donorName = input.donorName.trim();
  const donorEmail = input.donorEmail.trim();
  if (!donorName || !donorEmail) throw new DonationError("A gift needs the donor's name and email address for the receipt", "payment");

  let campaign: { id: string; title: string } | null = null;
  if (input.campaignId) {
    const found = await db().campaign.findUnique({ where: { id: input.campaignId } });
    if (!found) throw new DonationError("That campaign does not exist", "campaign");
    if (!campaignTakesGifts(found, now)) throw new DonationError(`The campaign "${found.title}" is closed and is not taking gifts`, "campaign");
    campaign = found;
  }

  let donation: Donation | undefined;
  for (let attempt = 0; !donation; attempt++) {
    try {
      donation = await db().$transaction(async (tx) => {
        const created = await tx.donation.create({
          data: {
            reference: newReference(),
            amountPence: input.amountPence,
            campaignId: campaign?.id ?? null,
            donorName,
            donorEmail,
            anonymous: input.anonymous,
            userId: input.userId ?? null,
            giftAidDeclarationId: input.giftAidDeclarationId ?? null,
            status: "pending",
          },
        });
        await audit(
          {
            actorUserId: input.userId ?? null,
            action: "donation.start",
            entityType: "Donation",
            entityId: created.id,
            detail: { amountPence: created.amountPence, campaignId: created.campaignId, giftAid: created.giftAidDeclarationId !== null },
          },
          tx,
        );
        return created;
      });
    } catch (error) {
      // A reference collision (1 in ~900 million): draw another.
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }

  const origin = input.appUrl.replace(/\/+$/, "");
  const successUrl = `${origin}/donate/thank-you/${donation.reference}`;
  const cancelUrl = `${origin}/donate?cancelled=1`;
  const name = campaign ? `Gift to ${settings.fundName}: ${campaign.title}` : `Gift to ${settings.fundName}`;

  if (isLocalCheckout()) {
    const sessionId = `${LOCAL_SESSION_PREFIX}${randomBytes(12).toString("hex")}`;
    const updated = await db().donation.update({ where: { id: donation.id }, data: { checkoutSessionId: sessionId } });
    return { donation: updated, checkoutUrl: `/dev/checkout/${sessionId}` };
  }

  const stripe = stripeClient()!;
  const metadata = { donationId: donation.id, reference: donation.reference };
  try {
    const session = await stripe.checkout.sessions.create(
      {
        mode: "payment",
        line_items: [{ quantity: 1, price_data: { currency: "gbp", unit_amount: donation.amountPence, product_data: { name } } }],
        customer_email: donorEmail,
        client_reference_id: donation.id,
        metadata,
        payment_intent_data: { metadata, description: name },
        success_url: successUrl,
        cancel_url: cancelUrl,
      },
      { idempotencyKey: `donation-checkout-${donation.id}` },
    );
    if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL");
    const updated = await db().donation.update({ where: { id: donation.id }, data: { checkoutSessionId: session.id } });
    return { donation: updated, checkoutUrl: session.url };
  } catch (error) {
    logger.error({ err: error instanceof Error ? error.message : String(error), donationId: donation.id }, "stripe checkout session failed");
    await db().donation.update({ where: { id: donation.id }, data: { status: "failed" } });
    throw new DonationError("We could not start the card payment. No money has been taken. Try again in a few minutes.", "payment");
  }
}

export type DonationSummary = {
  reference: string;
  amountPence: number;
  status: DonationStatus;
  campaignTitle: string | null;
  campaignSlug: string | null;
  giftAid: boolean;
  receiptSentAt: Date | null;
};

/** What the thank-you page shows; null when there is no such gift. */
export async function donationByReference(reference: string): Promise<DonationSummary | null> {
  const d = await db().donation.findUnique({
    where: { reference },
    select: {
      reference: true,
      amountPence: true,
      status: true,
      giftAidDeclarationId: true,
      receiptSentAt: true,
      campaign: { select: { title: true, slug: true } },
    },
  });
  if (!d) return null;
  return {
    reference: d.reference,
    amountPence: d.amountPence,
    status: d.status as DonationStatus,
    campaignTitle: d.campaign?.title ?? null,
    campaignSlug: d.campaign?.slug ?? null,
    giftAid: d.giftAidDeclarationId !== null,
    receiptSentAt: d.receiptSentAt,
  };
}

/** The local test checkout's page: the pending gift behind a local session id, or null. */
export async function localCheckoutSession(sessionId: string) {
  if (!isLocalCheckout() || !sessionId.startsWith(LOCAL_SESSION_PREFIX)) return null;
  return db().donation.findUnique({
    where: { checkoutSessionId: sessionId },
    select: { id: true, reference: true, amountPence: true, status: true, checkoutSessionId: true, donorEmail: true, campaign: { select: { title: true } } },
  });
}
