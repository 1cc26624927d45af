// Gift Aid in the fund's ledger. Exporting a claim earns the Gift Aid (income) and HMRC owes it (a receivable)
// until it pays; HMRC's payment moves it into the bank. A claim's net figure is what HMRC will pay: the Gift Aid on
// its gifts less the overclaims adjusted on it. See docs/decisions/0010-gift-aid.md.
import { MoneyError, negate, pence, type Pence } from "~/domain/money";
import { balanceOf } from "./balances";
import { transfer } from "./movements";
import type { EntryDraft, TransactionDraft } from "./transaction";

export const GIFT_AID_CLAIM_KIND = "gift_aid_claim";
export const GIFT_AID_PAYMENT_KIND = "gift_aid_payment";

/** One claim transaction per claim, ever. */
export const giftAidClaimExternalRef = (claimId: string) => `gift-aid-claim:${claimId}`;
/** One payment by HMRC per claim, ever. */
export const giftAidPaidExternalRef = (claimId: string) => `gift-aid-paid:${claimId}`;

function wholePence(amount: number, what: string): Pence {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new MoneyError(`${what} must be a whole number of pence, at least 0, got ${String(amount)}`);
  return pence(amount);
}

/**
 * What HMRC will pay on a claim: the Gift Aid on its gifts less its adjustments. An adjustment never turns a claim
 * into a credit (the export plans them so), so a larger adjustment is a bug, refused here.
 */
export function giftAidDue(claim: { giftAidPence: number; adjustmentPence: number }): Pence {
  const giftAid = wholePence(claim.giftAidPence, "the Gift Aid claimed");
  const adjustment = wholePence(claim.adjustmentPence, "the claim's adjustment");
  if (adjustment > giftAid) throw new MoneyError(`a claim's adjustment (${adjustment}) cannot be more than its Gift Aid (${giftAid})`);
  return pence(giftAid - adjustment);
}

/**
 * Exporting a claim: Dr gift_aid_receivable / Cr gift_aid_income for what HMRC will pay. Net of the adjustments
 * because the overclaims given back were Gift Aid income booked on earlier claims. Null when nothing is due (the
 * adjustments take all of the claim's Gift Aid): there is nothing to post, and nothing for HMRC to pay.
 */
export function giftAidClaimDraft(claim: { giftAidPence: number; adjustmentPence: number }): TransactionDraft | null {
  const due = giftAidDue(claim);
  return due === 0 ? null : transfer("gift_aid_receivable", "gift_aid_income", due);
}

/**
 * HMRC paying a claim: Dr fund_bank what arrived, Cr gift_aid_receivable the whole amount due (the payment settles
 * the claim: nothing stays owed), and any difference to gift_aid_income (more paid: Cr, more income; less paid: Dr,
 * Gift Aid HMRC did not allow).
 */
export function giftAidPaymentDraft(input: { duePence: number; receivedPence: number }): TransactionDraft {
  const due = wholePence(input.duePence, "the amount due");
  const received = wholePence(input.receivedPence, "the amount received");
  if (due === 0) throw new MoneyError("nothing is due on this claim, so there is no payment to record");
  if (received === 0) throw new MoneyError("a payment received must be more than 0 pence");
  const entries: EntryDraft[] = [
    { account: "fund_bank", amount: received },
    { account: "gift_aid_receivable", amount: negate(due) },
  ];
  const difference = received - due;
  if (difference !== 0) entries.push({ account: "gift_aid_income", amount: pence(-difference) });
  return { entries };
}

/** The claim's figures read back from its posted entries: what was made receivable. */
export function dueFromClaimEntries(entries: readonly EntryDraft[]): Pence {
  return balanceOf(entries, "gift_aid_receivable");
}

/** The payment's figures read back from its posted entries: received into the bank, and the difference from what was due. */
export function paymentFromEntries(entries: readonly EntryDraft[]): { receivedPence: Pence; differencePence: Pence } {
  return { receivedPence: balanceOf(entries, "fund_bank"), differencePence: negate(balanceOf(entries, "gift_aid_income")) };
}
