import { describe, expect, it } from "vitest";
import { MoneyError, type Pence } from "~/domain/money";
import { grantCommitment, grantPayment, transfer } from "./movements";
import { problemsWith } from "./transaction";

const p = (n: number) => n as Pence;

describe("standard movements", () => {
  it.each([
    ["grantCommitment", grantCommitment, "grants_awarded", "grants_committed"],
    ["grantPayment", grantPayment, "grants_committed", "fund_bank"],
  ] as const)("%s debits %s and credits %s", (_name, build, debit, credit) => {
    const draft = build(p(12345));
    expect(draft.entries).toEqual([
      { account: debit, amount: 12345 },
      { account: credit, amount: -12345 },
    ]);
    expect(problemsWith(draft)).toEqual([]);
  });

  it.each([0, -100, 1.5, Number.NaN])("refuses %s as an amount", (amount) => {
    expect(() => grantCommitment(p(amount))).toThrow(MoneyError);
    expect(() => grantPayment(p(amount))).toThrow(/positive whole number of pence/);
    expect(() => transfer("fund_bank", "card_income", p(amount))).toThrow(MoneyError);
  });
});
