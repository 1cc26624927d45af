import { describe, expect, it } from "vitest";
import { balancesOf } from "~/domain/ledger";
import { pence } from "~/domain/money";
import {
  amountProblem,
  campaignTakesGifts,
  factsFromRow,
  mergeFacts,
  postedFrom,
  postingsFor,
  referenceFrom,
  REFERENCE_PATTERN,
  statusOf,
  type DonationFacts,
  type FactUpdate,
  type Posting,
} from "./donation";

const start: DonationFacts = { amountPence: pence(1000), paid: false, failed: false, feePence: null, refundedPence: pence(0), dispute: "none" };
const fold = (updates: FactUpdate[]) => updates.reduce(mergeFacts, start);

describe("statusOf", () => {
  it.each<[FactUpdate[], string]>([
    [[], "pending"],
    [[{ failed: true }], "failed"],
    [[{ failed: true }, { paid: true }], "paid"],
    [[{ paid: true }, { failed: true }], "paid"],
    [[{ paid: true, refundedPence: pence(1) }], "partially_refunded"],
    [[{ paid: true, refundedPence: pence(1000) }], "refunded"],
    [[{ paid: true, dispute: "open" }], "disputed"],
    [[{ paid: true, dispute: "open" }, { dispute: "won" }], "paid"],
    [[{ paid: true, dispute: "won" }, { dispute: "open" }], "paid"],
    [[{ paid: true, dispute: "lost" }, { dispute: "open" }], "dispute_lost"],
    [[{ paid: true, refundedPence: pence(600) }, { refundedPence: pence(300) }], "partially_refunded"],
  ])("%j → %s", (updates, status) => {
    expect(statusOf(fold(updates))).toBe(status);
  });

  it("refunds only grow and never exceed the amount", () => {
    expect(fold([{ refundedPence: pence(600) }, { refundedPence: pence(300) }]).refundedPence).toBe(600);
    expect(fold([{ refundedPence: pence(5000) }]).refundedPence).toBe(1000);
  });

  it("a row reads back as the facts it was written from", () => {
    const facts = fold([{ paid: true, refundedPence: pence(200), feePence: pence(30), dispute: "open" }]);
    const row = { amountPence: 1000, status: statusOf(facts), paidAt: new Date(), feePence: 30, refundedPence: 200 };
    expect(factsFromRow(row)).toEqual(facts);
  });
});

function apply(facts: DonationFacts, posted: Posting[]): Posting[] {
  const all = [...posted];
  const more = postingsFor("d1", "HH-ABCDEF", facts, postedFrom("d1", all.map((p) => ({ externalRef: p.externalRef, entries: p.draft.entries.map((e) => ({ accountCode: e.account, amountPence: e.amount })) }))));
  return [...all, ...more];
}

describe("postingsFor", () => {
  it("posts nothing until paid", () => {
    expect(postingsFor("d1", "HH-ABCDEF", fold([{ refundedPence: pence(300), dispute: "lost" }]), postedFrom("d1", []))).toEqual([]);
  });

  it("posts income with the fee in one balanced transaction", () => {
    const [income] = postingsFor("d1", "HH-ABCDEF", fold([{ paid: true, feePence: pence(45) }]), postedFrom("d1", []));
    expect(income.externalRef).toBe("donation:d1:paid");
    expect(balancesOf([...income.draft.entries])).toMatchObject({ fund_bank: 955, fees: 45, card_income: -1000 });
  });

  it("is idempotent: posting the result again adds nothing", () => {
    const facts = fold([{ paid: true, refundedPence: pence(300), dispute: "lost", feePence: pence(20) }]);
    const once = apply(facts, []);
    expect(apply(facts, once)).toEqual(once);
    const balances = balancesOf(once.flatMap((p) => [...p.draft.entries]));
    expect(balances).toMatchObject({ fund_bank: -20, card_income: -1000, refunds: 1000, fees: 20 });
  });

  it("reaches the same balances whichever order the facts arrived in", () => {
    const updates: FactUpdate[] = [{ paid: true }, { refundedPence: pence(300), feePence: pence(20) }, { dispute: "lost" }];
    const stepwise = (order: number[]) => {
      let facts = start;
      let posted: Posting[] = [];
      for (const i of order) {
        facts = mergeFacts(facts, updates[i]);
        posted = apply(facts, posted);
      }
      return balancesOf(posted.flatMap((p) => [...p.draft.entries]));
    };
    const expected = stepwise([0, 1, 2]);
    for (const order of [[0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]) expect(stepwise(order)).toEqual(expected);
  });
});

describe("referenceFrom", () => {
  it("makes HH- and six unambiguous characters", () => {
    expect(referenceFrom(new Uint8Array([0, 1, 2, 3, 4, 30]))).toBe("HH-23456Z");
    expect(referenceFrom(new Uint8Array(16).fill(77))).toMatch(REFERENCE_PATTERN);
  });
  it("skips bytes that would bias the choice, and says when there were too few", () => {
    expect(referenceFrom(new Uint8Array([255, 254, 0, 0, 0, 0, 0, 0]))).toBe("HH-222222");
    expect(referenceFrom(new Uint8Array([255, 0, 0]))).toBeNull();
  });
});

describe("amountProblem and campaignTakesGifts", () => {
  it.each([
    [100, null],
    [99, "The smallest gift by card is £1"],
    [1001, "The largest gift by card is £10"],
    [-5, "Enter an amount in pounds, like 10 or 12.50"],
  ])("%s pence", (amount, message) => expect(amountProblem(amount, 100, 1000)).toBe(message));

  const campaign = { status: "open", startsOn: new Date("2026-06-01T00:00:00Z"), endsOn: new Date("2026-06-30T00:00:00Z") };
  it.each([
    [campaign, "2026-06-15T12:00:00Z", true],
    [campaign, "2026-06-30T23:59:59Z", true],
    [campaign, "2026-07-01T00:00:00Z", false],
    [campaign, "2026-05-31T23:59:59Z", false],
    [{ ...campaign, status: "closed" }, "2026-06-15T12:00:00Z", false],
    [{ ...campaign, status: "draft" }, "2026-06-15T12:00:00Z", false],
    [{ ...campaign, endsOn: null }, "2030-01-01T00:00:00Z", true],
  ])("%j at %s → %s", (c, at, open) => expect(campaignTakesGifts(c, new Date(at))).toBe(open));
});
