import { describe, expect, it } from "vitest";
import type { Pence } from "~/domain/money";
import { ACCOUNT_CODES, type AccountCode } from "./accounts";
import { availableToAllocate, balanceOf, balancesOf, fundSummaryOf, receivedFrom, zeroBalances, type FundSummary } from "./balances";
import { grantCommitment, grantPayment, transfer } from "./movements";
import { reversalOf, type EntryDraft, type TransactionDraft } from "./transaction";

const p = (n: number) => n as Pence;
const entriesOf = (...drafts: TransactionDraft[]): EntryDraft[] => drafts.flatMap((d) => [...d.entries]);

// Standard movements used to build fund histories.
const cardDonation = (n: number) => transfer("fund_bank", "card_income", p(n));
const payroll = (n: number) => transfer("fund_bank", "payroll_income", p(n));
const giftAidClaimed = (n: number) => transfer("gift_aid_receivable", "gift_aid_income", p(n));
const giftAidPaid = (n: number) => transfer("fund_bank", "gift_aid_receivable", p(n));
const refund = (n: number) => transfer("refunds", "fund_bank", p(n));
const fee = (n: number) => transfer("fees", "fund_bank", p(n));

describe("balancesOf", () => {
  it("gives every account, zero when it has no entries", () => {
    const balances = balancesOf([]);
    expect(Object.keys(balances).sort()).toEqual([...ACCOUNT_CODES].sort());
    expect(Object.values(balances).every((b) => b === 0)).toBe(true);
    expect(zeroBalances()).toEqual(balances);
  });

  it("sums debits and credits per account", () => {
    const balances = balancesOf(entriesOf(cardDonation(2000), cardDonation(500), refund(300)));
    expect(balances.fund_bank).toBe(2200);
    expect(balances.card_income).toBe(-2500);
    expect(balances.refunds).toBe(300);
    expect(balances.payroll_income).toBe(0);
  });

  it("of balanced transactions sum to zero across accounts", () => {
    const balances = balancesOf(entriesOf(cardDonation(999), payroll(1234), fee(17), grantCommitment(p(800)), grantPayment(p(300))));
    expect(Object.values(balances).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it.each<[AccountCode, number]>([
    ["fund_bank", 2000 + 1500 - 100],
    ["card_income", -2000],
    ["payroll_income", -1500],
    ["refunds", 100],
    ["grants_committed", 0],
  ])("balanceOf %s agrees with balancesOf", (account, expected) => {
    const entries = entriesOf(cardDonation(2000), payroll(1500), refund(100));
    expect(balanceOf(entries, account)).toBe(expected);
    expect(balancesOf(entries)[account]).toBe(expected);
  });
});

describe("fundSummaryOf", () => {
  const none = { received: 0, committed: 0, paid: 0, available: 0, fundBank: 0 };
  it.each<[string, TransactionDraft[], FundSummary | typeof none]>([
    ["an empty fund", [], none],
    ["a card donation", [cardDonation(10000)], { received: 10000, committed: 0, paid: 0, available: 10000, fundBank: 10000 }],
    ["payroll and card", [cardDonation(10000), payroll(5000)], { received: 15000, committed: 0, paid: 0, available: 15000, fundBank: 15000 }],
    [
      "Gift Aid counts when claimed, before HMRC pays",
      [cardDonation(10000), giftAidClaimed(2500)],
      { received: 12500, committed: 0, paid: 0, available: 12500, fundBank: 10000 },
    ],
    [
      "Gift Aid paid moves it to the bank only",
      [cardDonation(10000), giftAidClaimed(2500), giftAidPaid(2500)],
      { received: 12500, committed: 0, paid: 0, available: 12500, fundBank: 12500 },
    ],
    ["refunds and fees reduce what was received", [cardDonation(10000), refund(1000), fee(150)], { received: 8850, committed: 0, paid: 0, available: 8850, fundBank: 8850 }],
    [
      "a commitment reduces available, not the bank",
      [cardDonation(10000), grantCommitment(p(4000))],
      { received: 10000, committed: 4000, paid: 0, available: 6000, fundBank: 10000 },
    ],
    [
      "paying moves committed to paid; available unchanged",
      [cardDonation(10000), grantCommitment(p(4000)), grantPayment(p(4000))],
      { received: 10000, committed: 0, paid: 4000, available: 6000, fundBank: 6000 },
    ],
    [
      "a part payment",
      [cardDonation(10000), grantCommitment(p(4000)), grantPayment(p(1500))],
      { received: 10000, committed: 2500, paid: 1500, available: 6000, fundBank: 8500 },
    ],
    [
      "several grants in several states",
      [payroll(50000), cardDonation(20000), fee(400), grantCommitment(p(10000)), grantCommitment(p(25000)), grantPayment(p(10000))],
      { received: 69600, committed: 25000, paid: 10000, available: 34600, fundBank: 59600 },
    ],
    [
      "a reversed commitment gives the money back",
      [cardDonation(10000), grantCommitment(p(4000)), { entries: reversalOf(grantCommitment(p(4000)).entries) }],
      { received: 10000, committed: 0, paid: 0, available: 10000, fundBank: 10000 },
    ],
    [
      "a refund after allocating everything leaves available negative (it is reported, not hidden)",
      [cardDonation(10000), grantCommitment(p(10000)), refund(2000)],
      { received: 8000, committed: 10000, paid: 0, available: -2000, fundBank: 8000 },
    ],
  ])("%s", (_name, drafts, expected) => {
    const balances = balancesOf(entriesOf(...drafts));
    const summary = fundSummaryOf(balances);
    expect(summary).toEqual(expected);
    expect(availableToAllocate(balances)).toBe(expected.available);
    // The identity the brief states: available = received − committed − paid = received − grants_awarded.
    expect(summary.available).toBe(summary.received - summary.committed - summary.paid);
    expect(summary.available).toBe(receivedFrom(balances) - balances.grants_awarded);
  });
});
