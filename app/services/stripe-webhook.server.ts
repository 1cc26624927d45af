// Stripe webhook fulfilment: verify, then store the event and apply its effects in ONE database
// transaction, so each event id has its effects exactly once however often (or concurrently) it
// is delivered. Effects update the donation's facts monotonically, then derive the ledger
// postings (each with a deterministic externalRef) from the facts, so any order of arrival ends
// in the same state. See docs/decisions/0008-card-payments.md.
import { randomBytes } from "node:crypto";
import { db, type DbTx } from "~/db.server";
import { Prisma, type Donation } from "~/generated/prisma/client.ts";
import { loadEnv } from "~/utils/env.server";
import { audit } from "~/services/audit.server";
import { postTransaction } from "~/services/ledger.server";
import { giftAidCancelPath } from "~/services/gift-aid.server";
import { sendAfterCommit, stageEmails, type EmailMessage } from "~/integrations/mailer.server";
import { fetchPaymentFee, signWebhookPayload, stripeClient, verifyWebhook, type Stripe } from "~/integrations/stripe.server";
import {
  factsFromRow,
  mergeFacts,
  postedFrom,
  postingsFor,
  statusOf,
  type DisputeState,
  type FactUpdate,
} from "~/domain/donations/donation";
import { pence, type Pence } from "~/domain/money";
import { donationReceiptEmail } from "../../emails/donation-receipt";
import { refundNoticeEmail } from "../../emails/refund-notice";
import { logger } from "~/utils/logger.server";
import { LOCAL_SESSION_PREFIX } from "~/services/donations.server";

export type WebhookResult = { status: 200 | 400; message: string };

// Deliveries queue behind each other on SQLite's write lock; give the queue room.
const TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

/** Verify and process one delivery. 400 (nothing written) for anything Stripe did not sign. */
export async function handleStripeWebhook(body: string, signature: string | null, now = new Date()): Promise<WebhookResult> {
  if (!signature) return { status: 400, message: "Missing Stripe-Signature header" };
  let event: Stripe.Event;
  try {
    event = verifyWebhook(body, signature, undefined, now.getTime());
  } catch (error) {
    return { status: 400, message: `Webhook rejected: ${error instanceof Error ? error.message.split("\n")[0] : "invalid"}` };
  }
  if (typeof event?.id !== "string" || typeof event.type !== "string" || !event.data?.object) {
    return { status: 400, message: "Webhook rejected: not a Stripe event" };
  }
  const { emails, donationIds } = await processEvent(event, body, now);
  await sendAfterCommit(emails);
  // Stripe's fee, when no event told us: looked up after commit and without holding up the answer
  // (Stripe wants a quick 2xx and would redeliver the whole event on a timeout). Only with keys.
  if (donationIds.length > 0 && stripeClient()) trackFeeLookup(learnMissingFees(donationIds, now));
  return { status: 200, message: "ok" };
}


/**
 * Store the event and apply its effects atomically; returns the emails still to send after commit and the
 * gifts the event touched (for the fee look-up).
 */
export async function processEvent(event: Stripe.Event, payload: string, now = new Date()): Promise<{ emails: EmailMessage[]; donationIds: string[] }> {
  return db().$transaction(async (tx) => {
    // The insert is the first statement: it takes SQLite's write lock (concurrent deliveries queue
    // here) and on PostgreSQL a duplicate waits on the first one's row and then inserts nothing.
    const inserted = await tx.$executeRaw`INSERT INTO "StripeEvent" ("id", "type", "payload", "receivedAt", "processedAt")
      VALUES (${event.id}, ${event.type}, ${payload}, ${now}, ${now}) ON CONFLICT ("id") DO NOTHING`;
    if (inserted === 0) return { emails: [], donationIds: [] };
    const emails: EmailMessage[] = [];
    const touched = new Set<string>();
    await applyEvent(tx, event, now, emails, touched);
    return { emails: await stageEmails(tx, emails), donationIds: [...touched] };
  }, TX_OPTIONS);
}

type Link = { donationId?: string; checkoutSessionId?: string; paymentIntentId?: string; chargeId?: string };

const idOf = (value: string | { id: string } | null | undefined): string | undefined =>
  typeof value === "string" ? value : (value?.id ?? undefined);

/** What the event says about which donation it is and what happened to it. null: not ours to act on. */
function readEvent(event: Stripe.Event): { link: Link; update: FactUpdate; ids: Link; disputeId?: string } | null {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
    case "checkout.session.async_payment_failed": {
      const session = event.data.object as Stripe.Checkout.Session;
      const ids: Link = { checkoutSessionId: session.id, paymentIntentId: idOf(session.payment_intent) };
      const link: Link = { donationId: session.metadata?.donationId, checkoutSessionId: session.id };
      let update: FactUpdate = {};
      if (event.type === "checkout.session.async_payment_failed") update = { failed: true };
      else if (event.type === "checkout.session.async_payment_succeeded") update = { paid: true };
      else if (session.payment_status === "paid") update = { paid: true };
      return { link, update, ids };
    }
    case "charge.refunded": {
      const charge = event.data.object as Stripe.Charge;
      const balance = charge.balance_transaction;
      const fee = balance && typeof balance === "object" ? pence(balance.fee) : null;
      const ids: Link = { chargeId: charge.id, paymentIntentId: idOf(charge.payment_intent) };
      // A refunded charge succeeded: it is proof of payment on its own.
      return {
        link: { donationId: charge.metadata?.donationId, ...ids },
        update: { paid: true, refundedPence: pence(charge.amount_refunded), feePence: fee },
        ids,
      };
    }
    case "charge.dispute.created":
    case "charge.dispute.closed": {
      const dispute = event.data.object as Stripe.Dispute;
      const ids: Link = { chargeId: idOf(dispute.charge), paymentIntentId: idOf(dispute.payment_intent) };
      let state: DisputeState = "open";
      if (event.type === "charge.dispute.closed") state = dispute.status === "lost" ? "lost" : "won";
      return { link: { donationId: dispute.metadata?.donationId, ...ids }, update: { paid: true, dispute: state }, ids, disputeId: dispute.id };
    }
    default:
      return null;
  }
}

async function findDonation(tx: DbTx, link: Link) {
  if (link.donationId) {
    const d = await tx.donation.findUnique({ where: { id: link.donationId } });
    if (d) return d;
  }
  if (link.checkoutSessionId) {
    const d = await tx.donation.findUnique({ where: { checkoutSessionId: link.checkoutSessionId } });
    if (d) return d;
  }
  if (link.paymentIntentId) {
    const d = await tx.donation.findUnique({ where: { paymentIntentId: link.paymentIntentId } });
    if (d) return d;
  }
  if (link.chargeId) {
    const d = await tx.donation.findUnique({ where: { chargeId: link.chargeId } });
    if (d) return d;
  }
  return null;
}

async function applyEvent(tx: DbTx, event: Stripe.Event, now: Date, emails: EmailMessage[], touched: Set<string>): Promise<void> {
  const read = readEvent(event);
  // Unknown types: stored (so a redelivery is a no-op) and ignored.
  if (!read) return;
  const found = await findDonation(tx, read.link);
  if (!found) {
    // Not linked yet (e.g. a dispute before the completion told us its payment intent): marked
    // unprocessed; replayed when a later event links the payment to its donation.
    await tx.stripeEvent.update({ where: { id: event.id }, data: { processedAt: null } });
    return;
  }
  touched.add(found.id);
  const donation = await lockedForUpdate(tx, found);

  let update = read.update;
  if (event.type === "charge.dispute.created" && read.disputeId) {
    // A won dispute reads back as "none": do not reopen one whose close arrived first.
    const closed = await tx.stripeEvent.findFirst({
      where: { type: "charge.dispute.closed", payload: { contains: `"${read.disputeId}"` } },
      select: { id: true },
    });
    if (closed) update = { ...update, dispute: undefined };
  }

  const facts = mergeFacts(factsFromRow(donation), update);
  const newIds: { paymentIntentId?: string; chargeId?: string } = {};
  if (read.ids.paymentIntentId && !donation.paymentIntentId) newIds.paymentIntentId = read.ids.paymentIntentId;
  if (read.ids.chargeId && !donation.chargeId) newIds.chargeId = read.ids.chargeId;
  // The receipt goes once, on the first news of payment; receiptSentAt is its guard.
  const sendReceipt = facts.paid && !donation.receiptSentAt;
  const updated = await tx.donation.update({
    where: { id: donation.id },
    data: {
      ...newIds,
      status: statusOf(facts),
      refundedPence: facts.refundedPence,
      feePence: facts.feePence,
      paidAt: donation.paidAt ?? (facts.paid ? new Date(event.created * 1000) : null),
      ...(sendReceipt ? { receiptSentAt: now } : {}),
    },
  });
  await syncDonation(tx, updated, now, emails, { sendReceipt, wasPaid: donation.paidAt !== null });

  // Events that arrived before we could link them, now that we can.
  const linkedIds = [newIds.paymentIntentId, newIds.chargeId].filter((id): id is string => Boolean(id));
  if (linkedIds.length > 0) {
    // Plain SQL (this runs on every first payment): unprocessed events are few, found by index.
    // A false match is harmless (a replayed event looks up its own gift), but escape LIKE's wildcards anyway.
    const likeQuoted = (id: string) => `%"${id.replace(/[\\%_]/g, (c) => `\\${c}`)}"%`;
    const mentions = Prisma.join(linkedIds.map((id) => Prisma.sql`"payload" LIKE ${likeQuoted(id)} ESCAPE '\\'`), " OR ");
    const waiting = await tx.$queryRaw<{ id: string; payload: string }[]>`SELECT "id", "payload" FROM "StripeEvent"
      WHERE "processedAt" IS NULL AND (${mentions}) ORDER BY "receivedAt"`;
    for (const row of waiting) {
      await tx.stripeEvent.update({ where: { id: row.id }, data: { processedAt: now } });
      await applyEvent(tx, JSON.parse(row.payload) as Stripe.Event, now, emails, touched);
    }
  }
}

/**
 * On PostgreSQL, lock the gift's row and read it afresh (SQLite already holds its one write lock), so two
 * different changes to one gift never both work from the same old facts.
 */
async function lockedForUpdate(tx: DbTx, found: Donation): Promise<Donation> {
  if (loadEnv().databaseProvider !== "postgresql") return found;
  await tx.$executeRaw`SELECT 1 FROM "Donation" WHERE "id" = ${found.id} FOR UPDATE`;
  return tx.donation.findUniqueOrThrow({ where: { id: found.id } });
}

// ---------------------------------------------------------------------------------------------------------------
// Stripe's fee, fetched when no event carried it (checkout.session.completed never does; charge.refunded only
// with balance_transaction expanded, which webhooks do not do).

const feeLookups = new Set<Promise<void>>();

function trackFeeLookup(lookup: Promise<void>): void {
  const tracked = lookup.catch((error: unknown) => {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, "stripe fee look-up failed; the fee stays unknown");
  });
  feeLookups.add(tracked);
  void tracked.finally(() => feeLookups.delete(tracked));
}

/** Resolves once every fee look-up started so far has finished (for tests, and a graceful shutdown). */
export async function feeLookupsSettled(): Promise<void> {
  while (feeLookups.size > 0) await Promise.all([...feeLookups]);
}

/**
 * For each paid gift whose fee is still unknown, ask Stripe (outside any database transaction) and record
 * the fee through the same facts → postings path as an event would. A failure is logged and leaves the fee
 * unknown; the next event for the gift asks again.
 */
async function learnMissingFees(donationIds: string[], now: Date): Promise<void> {
  const stripe = stripeClient();
  if (!stripe) return;
  const gifts = await db().donation.findMany({
    where: { id: { in: donationIds }, feePence: null, paidAt: { not: null }, paymentIntentId: { not: null } },
    select: { id: true, paymentIntentId: true },
  });
  for (const gift of gifts) {
    try {
      const found = await fetchPaymentFee(stripe, gift.paymentIntentId!);
      if (!found) continue; // not charged yet
      // The ledger is in pence: a fee in another currency (an account settling elsewhere) is not ours to post.
      if (found.currency !== "gbp") {
        logger.warn({ donationId: gift.id, currency: found.currency }, "stripe fee not in GBP; not recorded");
        continue;
      }
      await recordFee(gift.id, pence(found.fee), now);
    } catch (error) {
      logger.warn({ err: error instanceof Error ? error.message : String(error), donationId: gift.id }, "stripe fee not fetched; the fee stays unknown");
    }
  }
}

/** The fee as a fact: the first value known wins, and the `donation:<id>:fee` posting is made once. */
async function recordFee(donationId: string, feePence: Pence, now: Date): Promise<void> {
  const emails = await db().$transaction(async (tx) => {
    const donation = await lockedForUpdate(tx, await tx.donation.findUniqueOrThrow({ where: { id: donationId } }));
    const facts = mergeFacts(factsFromRow(donation), { feePence });
    // Learned meanwhile (another look-up, or an event that carried it): nothing to do.
    if (facts.feePence === donation.feePence) return [];
    const updated = await tx.donation.update({ where: { id: donation.id }, data: { feePence: facts.feePence } });
    const out: EmailMessage[] = [];
    await syncDonation(tx, updated, now, out, { sendReceipt: false, wasPaid: donation.paidAt !== null });
    return stageEmails(tx, out);
  }, TX_OPTIONS);
  await sendAfterCommit(emails);
}

// ---------------------------------------------------------------------------------------------------------------

/** Post whatever the donation's facts call for and the ledger lacks; queue its emails. */
async function syncDonation(
  tx: DbTx,
  d: Donation,
  now: Date,
  emails: EmailMessage[],
  { sendReceipt, wasPaid }: { sendReceipt: boolean; wasPaid: boolean },
): Promise<void> {
  const facts = factsFromRow(d);
  if (!facts.paid) return;
  // Nothing is ever posted for a gift before it is paid: on the first news of payment, skip the look.
  const existing = wasPaid
    ? await tx.ledgerTransaction.findMany({
        where: { externalRef: { startsWith: `donation:${d.id}:` } },
        select: { externalRef: true, entries: { select: { accountCode: true, amountPence: true } } },
      })
    : [];
  const postings = postingsFor(d.id, d.reference, facts, postedFrom(d.id, existing));
  let fundName: string | undefined;
  const fund = async () =>
    (fundName ??=
      (await tx.$queryRaw<{ fundName: string }[]>`SELECT "fundName" FROM "OrganisationSettings" WHERE "id" = 1`)[0]?.fundName ??
      "Children in Our Care fund");
  for (const posting of postings) {
    const { created } = await postTransaction(posting.draft, {
      tx,
      kind: posting.kind,
      description: posting.description,
      occurredAt: now,
      externalRef: posting.externalRef,
      // postingsFor only returns what `existing` (read above, under this transaction's lock) lacks.
      externalRefChecked: true,
    });
    if (!created) continue;
    await audit({ action: `donation.${posting.kind}`, entityType: "Donation", entityId: d.id, detail: { externalRef: posting.externalRef } }, tx);
    if (posting.kind === "card_refund") {
      const refundedNow = posting.draft.entries.find((e) => e.account === "refunds")!.amount;
      emails.push({
        to: d.donorEmail,
        ...refundNoticeEmail({
          donorName: d.donorName,
          fundName: await fund(),
          reference: d.reference,
          amountPence: d.amountPence,
          refundedNowPence: refundedNow,
          refundedInAllPence: facts.refundedPence,
        }),
      });
    }
  }
  if (sendReceipt) {
    emails.push({
      to: d.donorEmail,
      ...donationReceiptEmail({
        donorName: d.donorName,
        fundName: await fund(),
        campaignTitle: d.campaignId
          ? ((await tx.campaign.findUnique({ where: { id: d.campaignId }, select: { title: true } }))?.title ?? null)
          : null,
        amountPence: d.amountPence,
        paidAt: d.paidAt ?? now,
        reference: d.reference,
        giftAid: d.giftAidDeclarationId !== null,
        cancelGiftAidUrl: d.giftAidDeclarationId ? `${loadEnv().appOrigin}${giftAidCancelPath(d.giftAidDeclarationId)}` : null,
      }),
    });
  }
}

export type LocalOutcome = "paid" | "failed";

/** A checkout.session event for a local test session, as Stripe would send it (JSON). */
export function localCheckoutEvent(
  donation: { id: string; reference: string; amountPence: number; checkoutSessionId: string; donorEmail: string },
  outcome: LocalOutcome,
  now = new Date(),
): string {
  const sessionSuffix = donation.checkoutSessionId.slice(LOCAL_SESSION_PREFIX.length);
  const event = {
    id: `evt_local_${randomBytes(12).toString("hex")}`,
    object: "event",
    api_version: "2025-01-01",
    created: Math.floor(now.getTime() / 1000),
    livemode: false,
    type: outcome === "paid" ? "checkout.session.completed" : "checkout.session.async_payment_failed",
    data: {
      object: {
        id: donation.checkoutSessionId,
        object: "checkout.session",
        mode: "payment",
        amount_total: donation.amountPence,
        currency: "gbp",
        customer_email: donation.donorEmail,
        payment_intent: `pi_local_${sessionSuffix}`,
        payment_status: outcome === "paid" ? "paid" : "unpaid",
        status: outcome === "paid" ? "complete" : "complete",
        metadata: { donationId: donation.id, reference: donation.reference },
      },
    },
  };
  return JSON.stringify(event);
}

/** The local test checkout's buttons: sign an event with the webhook secret and hand it to the handler. */
export async function completeLocalCheckout(
  donation: { id: string; reference: string; amountPence: number; checkoutSessionId: string; donorEmail: string },
  outcome: LocalOutcome,
  now = new Date(),
): Promise<WebhookResult> {
  const payload = localCheckoutEvent(donation, outcome, now);
  return handleStripeWebhook(payload, signWebhookPayload(payload, undefined, Math.floor(now.getTime() / 1000)), now);
}
