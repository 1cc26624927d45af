// Which card gifts may go on a Gift Aid claim, and for how much. Pure: the caller passes the rows and the settings.
import type { GiftAidSettings, GiftAidScope } from "~/domain/gift-aid/declaration";

export type DeclarationLike = {
  id: string;
  scope: GiftAidScope | string;
  email: string | null;
  declaredAt: Date;
  cancelledAt: Date | null;
};

export type DonationLike = {
  id: string;
  amountPence: number;
  refundedPence: number;
  /** "pending" | "paid" | "failed" | "refunded" | "partially_refunded" | "disputed" | "dispute_lost" */
  status: string;
  paidAt: Date | null;
  donorEmail: string;
  giftAidDeclarationId: string | null;
  giftAidClaimId: string | null;
};

export type Ineligible =
  | "not_recognised"
  | "not_paid"
  | "before_recognition"
  | "refunded"
  | "disputed"
  | "already_claimed"
  | "no_declaration";

export type Eligibility =
  | { eligible: true; amountPence: number; declaration: DeclarationLike }
  | { eligible: false; reason: Ineligible };

/** An "all gifts" declaration also covers gifts made in the 4 years before it. */
export const LOOK_BACK_YEARS = 4;

function yearsBefore(date: Date, years: number): Date {
  const d = new Date(date.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

/**
 * Whether `declaration` covers a gift paid at `paidAt`. A cancellation applies to gifts made after it, never to
 * earlier ones (HMRC: a cancellation cannot be backdated). "this_gift" covers only the gift it is linked to;
 * "all_gifts" covers the donor's gifts from 4 years before the declaration onwards.
 */
export function declarationCovers(declaration: DeclarationLike, donation: Pick<DonationLike, "giftAidDeclarationId" | "paidAt">): boolean {
  if (!donation.paidAt) return false;
  const paid = donation.paidAt.getTime();
  if (declaration.cancelledAt && declaration.cancelledAt.getTime() <= paid) return false;
  if (declaration.scope === "this_gift") return donation.giftAidDeclarationId === declaration.id;
  if (declaration.scope === "all_gifts") return paid >= yearsBefore(declaration.declaredAt, LOOK_BACK_YEARS).getTime();
  return false;
}

/**
 * The amount of a gift that may be claimed: only money the fund kept. A partially refunded gift is claimed on what
 * remains (amount − refunded); a fully refunded, lost or still open dispute, unpaid or failed gift is not claimed.
 */
export function claimableAmount(d: Pick<DonationLike, "status" | "amountPence" | "refundedPence">): number | Ineligible {
  switch (d.status) {
    case "paid":
      return d.refundedPence > 0 ? Math.max(0, d.amountPence - d.refundedPence) || "refunded" : d.amountPence;
    case "partially_refunded": {
      const kept = d.amountPence - d.refundedPence;
      return kept > 0 ? kept : "refunded";
    }
    case "refunded":
      return "refunded";
    case "disputed":
    case "dispute_lost":
      return "disputed";
    default:
      return "not_paid";
  }
}

/**
 * May this gift go on a claim? `declarations` are the candidates: the one linked to the gift and the donor's
 * "all gifts" declarations (matched by email). The linked one is preferred.
 */
export function giftAidEligibility(
  donation: DonationLike,
  declarations: readonly DeclarationLike[],
  settings: GiftAidSettings,
): Eligibility {
  if (settings.charityStatus !== "recognised" || !settings.hmrcRecognisedOn) return { eligible: false, reason: "not_recognised" };
  if (donation.giftAidClaimId) return { eligible: false, reason: "already_claimed" };
  const amount = claimableAmount(donation);
  if (typeof amount === "string") return { eligible: false, reason: amount };
  if (!donation.paidAt) return { eligible: false, reason: "not_paid" };
  if (donation.paidAt.getTime() < settings.hmrcRecognisedOn.getTime()) return { eligible: false, reason: "before_recognition" };
  const email = donation.donorEmail.trim().toLowerCase();
  const candidates = [...declarations]
    .filter((d) => d.id === donation.giftAidDeclarationId || (d.scope === "all_gifts" && d.email !== null && d.email.trim().toLowerCase() === email))
    .sort((a, b) => Number(b.id === donation.giftAidDeclarationId) - Number(a.id === donation.giftAidDeclarationId));
  const covering = candidates.find((d) => declarationCovers(d, donation));
  if (!covering) return { eligible: false, reason: "no_declaration" };
  return { eligible: true, amountPence: amount, declaration: covering };
}
