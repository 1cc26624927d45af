// The rules of a one-off card gift: its status from what Stripe has told us (facts), the ledger
// movements those facts call for, references, and which gifts may be taken. Pure: no Prisma, no
// Stripe, no clock; see docs/decisions/0008-card-payments.md.
import { transfer, type EntryDraft, type TransactionDraft } from "~/domain/ledger";
import { formatPence, pence, type Pence } from "~/domain/money";

export const DONATION_STATUSES = ["pending", "paid", "failed", "refunded", "partially_refunded", "disputed", "dispute_lost"] as const;
export type DonationStatus = (typeof DONATION_STATUSES)[number];

/** none < open < (won | lost): a closed dispute never reopens. */
export type DisputeState = "none" | "open" | "won" | "lost";

/** What we know about a gift's payment. Every field only ever moves forward, so events commute. */
export type DonationFacts = {
  amountPence: Pence;
  /** money was taken (a completed or succeeded checkout, or a refund or dispute of its charge) */
  paid: boolean;
  /** Stripe said the payment failed (ignored once paid) */
  failed: boolean;
  feePence: Pence | null;
  /** cumulative, as Stripe reports it */
  refundedPence: Pence;
  dispute: DisputeState;
};

export function statusOf(facts: DonationFacts): DonationStatus {
  if (!facts.paid) return facts.failed ? "failed" : "pending";
  if (facts.dispute === "lost") return "dispute_lost";
  if (facts.dispute === "open") return "disputed";
  if (facts.refundedPence >= facts.amountPence) return "refunded";
  if (facts.refundedPence > 0) return "partially_refunded";
  return "paid";
}

/** The facts a stored row holds. A won dispute reads back as "none"; the service guards that case. */
export function factsFromRow(row: {
  amountPence: number;
  status: string;
  paidAt: Date | null;
  feePence: number | null;
  refundedPence: number;
}): DonationFacts {
  return {
    amountPence: pence(row.amountPence),
    paid: row.paidAt !== null,
    failed: row.status === "failed",
    feePence: row.feePence === null ? null : pence(row.feePence),
    refundedPence: pence(row.refundedPence),
    dispute: row.status === "disputed" ? "open" : row.status === "dispute_lost" ? "lost" : "none",
  };
}

const DISPUTE_RANK: Record<DisputeState, number> = { none: 0, open: 1, won: 2, lost: 2 };

/** What one event tells us; merged into the facts so that any order ends in the same facts. */
export type FactUpdate = {
  paid?: boolean;
  failed?: boolean;
  feePence?: Pence | null;
  refundedPence?: Pence;
  dispute?: DisputeState;
};

export function mergeFacts(facts: DonationFacts, update: FactUpdate): DonationFacts {
  const dispute =
    update.dispute && DISPUTE_RANK[update.dispute] > DISPUTE_RANK[facts.dispute] ? update.dispute : facts.dispute;
  const refunded = Math.min(facts.amountPence, Math.max(facts.refundedPence, update.refundedPence ?? 0));
  return {
    amountPence: facts.amountPence,
    paid: facts.paid || update.paid === true,
    failed: facts.failed || update.failed === true,
    feePence: facts.feePence ?? update.feePence ?? null,
    refundedPence: pence(refunded),
    dispute,
  };
}

/** What the ledger already holds for a gift, read from its transactions' externalRefs and entries. */
export type PostedSoFar = { income: boolean; fee: boolean; refundedPence: number; disputeLost: boolean; disputePence: number };

export function postedFrom(
  donationId: string,
  transactions: { externalRef: string | null; entries: { accountCode: string; amountPence: number }[] }[],
): PostedSoFar {
  const posted: PostedSoFar = { income: false, fee: false, refundedPence: 0, disputeLost: false, disputePence: 0 };
  const prefix = `donation:${donationId}:`;
  for (const t of transactions) {
    if (!t.externalRef?.startsWith(prefix)) continue;
    const rest = t.externalRef.slice(prefix.length);
    const fees = t.entries.some((e) => e.accountCode === "fees" && e.amountPence > 0);
    if (rest === "paid") {
      posted.income = true;
      if (fees) posted.fee = true;
    } else if (rest === "fee") {
      posted.fee = true;
    } else if (rest.startsWith("refunded:")) {
      posted.refundedPence = Math.max(posted.refundedPence, Number(rest.slice("refunded:".length)));
    } else if (rest === "dispute-lost") {
      posted.disputeLost = true;
      posted.disputePence = t.entries.filter((e) => e.accountCode === "refunds").reduce((s, e) => s + e.amountPence, 0);
    }
  }
  return posted;
}

export type Posting = { externalRef: string; kind: string; description: string; draft: TransactionDraft };

/**
 * The ledger transactions still to post for these facts. Each has a deterministic externalRef, so
 * posting the same list twice writes once. Reversals wait for the income they reverse.
 */
export function postingsFor(donationId: string, reference: string, facts: DonationFacts, posted: PostedSoFar): Posting[] {
  if (!facts.paid) return [];
  const out: Posting[] = [];
  const amount = facts.amountPence;
  const fee = facts.feePence !== null && facts.feePence > 0 && facts.feePence <= amount ? facts.feePence : null;
  if (!posted.income) {
    const entries: EntryDraft[] =
      fee === null
        ? [...transfer("fund_bank", "card_income", amount).entries]
        : [
            { account: "fund_bank", amount: pence(amount - fee) },
            { account: "fees", amount: fee },
            { account: "card_income", amount: pence(-amount) },
          ];
    out.push({
      externalRef: `donation:${donationId}:paid`,
      kind: "card_donation",
      description: `Card donation ${reference} (${formatPence(amount)})`,
      draft: { entries },
    });
  } else if (fee !== null && !posted.fee) {
    out.push({
      externalRef: `donation:${donationId}:fee`,
      kind: "card_fee",
      description: `Stripe fee for card donation ${reference}`,
      draft: transfer("fees", "fund_bank", fee),
    });
  }
  // Never reverse more than was received.
  let reversible = amount - posted.refundedPence - posted.disputePence;
  const refundDelta = Math.min(facts.refundedPence - posted.refundedPence, reversible);
  if (refundDelta > 0) {
    out.push({
      externalRef: `donation:${donationId}:refunded:${facts.refundedPence}`,
      kind: "card_refund",
      description: `Refund of card donation ${reference} (${formatPence(refundDelta)}, ${formatPence(facts.refundedPence)} in all)`,
      draft: transfer("refunds", "fund_bank", pence(refundDelta)),
    });
    reversible -= refundDelta;
  }
  if (facts.dispute === "lost" && !posted.disputeLost && reversible > 0) {
    out.push({
      externalRef: `donation:${donationId}:dispute-lost`,
      kind: "card_dispute_lost",
      description: `Lost dispute on card donation ${reference} (${formatPence(reversible)})`,
      draft: transfer("refunds", "fund_bank", pence(reversible)),
    });
  }
  return out;
}

// No 0/O, 1/I/L: references are read out over the phone.
const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // 31 characters
export const REFERENCE_PATTERN = /^HH-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/;

/** HH-XXXXXX from random bytes (pass crypto.randomBytes(12)); rejection sampling keeps it unbiased. */
export function referenceFrom(random: Uint8Array): string | null {
  const limit = 256 - (256 % REFERENCE_ALPHABET.length);
  let code = "";
  for (const byte of random) {
    if (byte >= limit) continue;
    code += REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length];
    if (code.length === 6) return `HH-${code}`;
  }
  return null;
}

/** A message when the amount is outside the settings' limits, else null. */
export function amountProblem(amountPence: number, minPence: number, maxPence: number): string | null {
  if (!Number.isSafeInteger(amountPence) || amountPence <= 0) return "Enter an amount in pounds, like 10 or 12.50";
  if (amountPence < minPence) return `The smallest gift by card is ${formatPence(minPence)}`;
  if (amountPence > maxPence) return `The largest gift by card is ${formatPence(maxPence)}`;
  return null;
}

/** A campaign takes gifts when it is open and `now` is within its dates (endsOn is its last whole day). */
export function campaignTakesGifts(campaign: { status: string; startsOn: Date; endsOn: Date | null }, now: Date): boolean {
  if (campaign.status !== "open") return false;
  if (now.getTime() < campaign.startsOn.getTime()) return false;
  if (campaign.endsOn && now.getTime() >= campaign.endsOn.getTime() + 24 * 60 * 60 * 1000) return false;
  return true;
}
