import { describe, expect, it } from "vitest";
import { MoneyError } from "~/domain/money";
import { balancesOf } from "./balances";
import {
  dueFromClaimEntries,
  giftAidClaimDraft,
  giftAidClaimExternalRef,
  giftAidDue,
  giftAidPaidExternalRef,
  giftAidPaymentDraft,
  paymentFromEntries,
} from "./gift-aid";
import { problemsWith } from "./transaction";

describe("a Gift Aid claim in the ledger", () => {
  it("is owed by HMRC and earned as income, net of the claim's adjustments", () => {
    const draft = giftAidClaimDraft({ giftAidPence: 5187, adjustmentPence: 500 })!;
    expect(draft.entries).toEqual([
      { account: "gift_aid_receivable", amount: 4687 },
      { account: "gift_aid_income", amount: -4687 },
    ]);
    expect(problemsWith(draft)).toEqual([]);
    expect(dueFromClaimEntries(draft.entries)).toBe(4687);
  });

  it("without adjustments, the whole Gift Aid is due", () => {
    expect(giftAidDue({ giftAidPence: 1000, adjustmentPence: 0 })).toBe(1000);
    expect(giftAidClaimDraft({ giftAidPence: 1000, adjustmentPence: 0 })!.entries[0]).toEqual({ account: "gift_aid_receivable", amount: 1000 });
  });

  it("posts nothing when the adjustments take all of the claim's Gift Aid", () => {
    expect(giftAidDue({ giftAidPence: 2500, adjustmentPence: 2500 })).toBe(0);
    expect(giftAidClaimDraft({ giftAidPence: 2500, adjustmentPence: 2500 })).toBeNull();
  });

  it.each([
    [{ giftAidPence: 1000, adjustmentPence: 1001 }, /cannot be more than its Gift Aid/],
    [{ giftAidPence: -1, adjustmentPence: 0 }, /at least 0/],
    [{ giftAidPence: 10.5, adjustmentPence: 0 }, /whole number of pence/],
    [{ giftAidPence: 1000, adjustmentPence: Number.NaN }, /whole number of pence/],
  ])("refuses %o", (claim, message) => {
    expect(() => giftAidClaimDraft(claim)).toThrow(MoneyError);
    expect(() => giftAidDue(claim)).toThrow(message);
  });

  it("has one external reference per claim for each of its two postings", () => {
    expect(giftAidClaimExternalRef("c1")).toBe("gift-aid-claim:c1");
    expect(giftAidPaidExternalRef("c1")).toBe("gift-aid-paid:c1");
  });
});

describe("HMRC paying a claim", () => {
  const claim = giftAidClaimDraft({ giftAidPence: 5000, adjustmentPence: 0 })!;

  it("the amount due: moves the receivable into the bank", () => {
    const draft = giftAidPaymentDraft({ duePence: 5000, receivedPence: 5000 });
    expect(draft.entries).toEqual([
      { account: "fund_bank", amount: 5000 },
      { account: "gift_aid_receivable", amount: -5000 },
    ]);
    expect(problemsWith(draft)).toEqual([]);
    const after = balancesOf([...claim.entries, ...draft.entries]);
    expect(after).toMatchObject({ gift_aid_receivable: 0, fund_bank: 5000, gift_aid_income: -5000 });
    expect(paymentFromEntries(draft.entries)).toEqual({ receivedPence: 5000, differencePence: 0 });
  });

  it("less than due: the receivable is settled and the shortfall reduces Gift Aid income", () => {
    const draft = giftAidPaymentDraft({ duePence: 5000, receivedPence: 4750 });
    expect(draft.entries).toEqual([
      { account: "fund_bank", amount: 4750 },
      { account: "gift_aid_receivable", amount: -5000 },
      { account: "gift_aid_income", amount: 250 },
    ]);
    expect(problemsWith(draft)).toEqual([]);
    expect(balancesOf([...claim.entries, ...draft.entries])).toMatchObject({ gift_aid_receivable: 0, fund_bank: 4750, gift_aid_income: -4750 });
    expect(paymentFromEntries(draft.entries)).toEqual({ receivedPence: 4750, differencePence: -250 });
  });

  it("more than due: the extra is more Gift Aid income", () => {
    const draft = giftAidPaymentDraft({ duePence: 5000, receivedPence: 5001 });
    expect(draft.entries[2]).toEqual({ account: "gift_aid_income", amount: -1 });
    expect(problemsWith(draft)).toEqual([]);
    expect(paymentFromEntries(draft.entries)).toEqual({ receivedPence: 5001, differencePence: 1 });
  });

  it.each([
    [{ duePence: 0, receivedPence: 100 }, /nothing is due/],
    [{ duePence: 100, receivedPence: 0 }, /more than 0 pence/],
    [{ duePence: 100, receivedPence: -5 }, /at least 0/],
    [{ duePence: 100, receivedPence: 1.5 }, /whole number of pence/],
  ])("refuses %o", (input, message) => {
    expect(() => giftAidPaymentDraft(input)).toThrow(message);
  });
});
