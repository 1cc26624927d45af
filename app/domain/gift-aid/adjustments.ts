// Gift Aid adjustments: when part or all of a gift already claimed is refunded or lost in a dispute, the Gift Aid
// claimed on that part was overclaimed and is paid back by deducting it from the next claim ("Adjustment for
// earlier overclaims" in HMRC's Charities Online form). Pure: the caller passes the claimed gifts and their
// earlier adjustments. See docs/decisions/0010-gift-aid.md.
import { giftAidValue } from "~/domain/gift-aid/declaration";

export type ClaimedGift = {
  amountPence: number;
  /** cumulative, as Stripe reports it */
  refundedPence: number;
  /** "paid" | "partially_refunded" | "refunded" | "disputed" | "dispute_lost" | … */
  status: string;
  /** the gift amount Gift Aid was claimed on, recorded at export */
  giftAidClaimedPence: number;
  /** adjustments already made for this gift on earlier claims */
  adjustments: readonly { donationPence: number; taxPence: number }[];
};

export type Overclaim = {
  /** the claimed gift amount no longer kept and not yet adjusted */
  donationPence: number;
  /** the Gift Aid to give back on it */
  taxPence: number;
};

/**
 * What the fund keeps of a gift now: nothing once a dispute is lost, else the amount less what was refunded.
 * An open dispute is not a loss yet (it may be won): the gift is adjusted if and when it is lost.
 */
export function keptPence(gift: Pick<ClaimedGift, "amountPence" | "refundedPence" | "status">): number {
  if (gift.status === "dispute_lost") return 0;
  return Math.max(0, gift.amountPence - gift.refundedPence);
}

/**
 * The overclaim still to adjust on a claimed gift: claimed − now kept − already adjusted, or null when there is
 * none. Gift Aid is 25p per £1 of gift, floored to whole pence (giftAidValue). It is taken on the gift's whole
 * overclaim so far less the Gift Aid already given back, so several adjustments on one gift add up to exactly
 * the Gift Aid on their total and never to more than was claimed on the gift. An overclaim too small to owe a
 * penny yet (under 4p) waits: it counts towards the next one.
 */
export function outstandingOverclaim(gift: ClaimedGift): Overclaim | null {
  const adjustedPence = gift.adjustments.reduce((sum, a) => sum + a.donationPence, 0);
  const adjustedTaxPence = gift.adjustments.reduce((sum, a) => sum + a.taxPence, 0);
  const donationPence = gift.giftAidClaimedPence - keptPence(gift) - adjustedPence;
  if (donationPence <= 0) return null;
  const taxPence = giftAidValue(adjustedPence + donationPence) - adjustedTaxPence;
  if (taxPence <= 0) return null;
  return { donationPence, taxPence };
}

/**
 * Which outstanding adjustments go on a claim whose Gift Aid is `claimGiftAidPence`. An adjustment is deducted from
 * the Gift Aid being claimed and cannot turn a claim into a credit, so they are taken in the order given (oldest
 * first), each one that still fits; the rest wait for a later claim. One gift's adjustment is never split.
 */
export function adjustmentsForClaim<T extends Pick<Overclaim, "taxPence">>(
  pending: readonly T[],
  claimGiftAidPence: number,
): { included: T[]; carried: T[] } {
  const included: T[] = [];
  const carried: T[] = [];
  let room = claimGiftAidPence;
  for (const adjustment of pending) {
    if (adjustment.taxPence <= room) {
      included.push(adjustment);
      room -= adjustment.taxPence;
    } else {
      carried.push(adjustment);
    }
  }
  return { included, carried };
}

/** The statuses a claimed gift can be in when it keeps less than it was claimed on (for the service's query). */
export const OVERCLAIM_STATUSES = ["partially_refunded", "refunded", "disputed", "dispute_lost"] as const;
