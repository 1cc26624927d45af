import { describe, expect, it } from "vitest";
import { pence, type Pence } from "~/domain/money";
import type { AccountCode } from "./accounts";
import {
  LedgerValidationError,
  MAX_ENTRY_PENCE,
  problemsWith,
  reversalOf,
  validateTransaction,
  type EntryDraft,
  type TransactionDraft,
} from "./transaction";

const e = (account: AccountCode, amount: number): EntryDraft => ({ account, amount: amount as Pence });
const draft = (...entries: EntryDraft[]): TransactionDraft => ({ entries });

describe("validateTransaction accepts balanced drafts", () => {
  it.each<[string, TransactionDraft]>([
    ["a card donation", draft(e("fund_bank", 2000), e("card_income", -2000))],
    ["a donation net of fees", draft(e("fund_bank", 1950), e("fees", 50), e("card_income", -2000))],
    ["a grant commitment", draft(e("grants_awarded", 15000), e("grants_committed", -15000))],
    ["Gift Aid claimed", draft(e("gift_aid_receivable", 500), e("gift_aid_income", -500))],
    ["one penny", draft(e("fund_bank", 1), e("payroll_income", -1))],
    ["the largest amount", draft(e("fund_bank", MAX_ENTRY_PENCE), e("payroll_income", -MAX_ENTRY_PENCE))],
    ["the same account twice", draft(e("fund_bank", 300), e("fund_bank", -300))],
    ["many entries", draft(e("fund_bank", 100), e("fund_bank", 200), e("fund_bank", 300), e("card_income", -600))],
  ])("%s", (_name, input) => {
    expect(problemsWith(input)).toEqual([]);
    expect(validateTransaction(input)).toBe(input);
  });
});

describe("validateTransaction refuses, saying why", () => {
  it.each<[string, TransactionDraft, RegExp]>([
    ["no entries", draft(), /at least two entries, got 0/],
    ["one entry", draft(e("fund_bank", 100)), /at least two entries, got 1/],
    ["debits without credits", draft(e("fund_bank", 100), e("fees", 100)), /sum to zero .* sum to 200 pence/],
    ["off by a penny", draft(e("fund_bank", 1000), e("card_income", -999)), /sum to 1 pence/],
    ["credits larger than debits", draft(e("fund_bank", 1000), e("card_income", -1001)), /sum to -1 pence/],
    ["a zero amount", draft(e("fund_bank", 0), e("card_income", 0)), /entry 1: amount must not be zero/],
    ["a fraction of a penny", draft(e("fund_bank", 10.5), e("card_income", -10.5)), /entry 1: amount must be a whole number of pence, got 10.5/],
    ["NaN", draft(e("fund_bank", Number.NaN), e("card_income", 5)), /whole number of pence, got NaN/],
    ["Infinity", draft(e("fund_bank", Infinity), e("card_income", -Infinity)), /whole number of pence, got Infinity/],
    ["a string amount", draft({ account: "fund_bank", amount: "100" as unknown as Pence }, e("card_income", -100)), /whole number of pence, got 100/],
    ["an unknown account", draft(e("petty_cash" as AccountCode, 100), e("card_income", -100)), /entry 1: unknown account "petty_cash"/],
    ["too large for the column", draft(e("fund_bank", MAX_ENTRY_PENCE + 1), e("card_income", -(MAX_ENTRY_PENCE + 1))), /larger than the ledger can hold/],
  ])("%s", (_name, input, message) => {
    expect(() => validateTransaction(input)).toThrow(LedgerValidationError);
    expect(() => validateTransaction(input)).toThrow(message);
  });

  it("lists every problem at once", () => {
    const input = draft(e("fund_bank", 0), e("nowhere" as AccountCode, 5), e("card_income", 7));
    expect(problemsWith(input)).toEqual([
      "entry 1: amount must not be zero",
      'entry 2: unknown account "nowhere"',
      "entries must sum to zero (debits equal credits), but they sum to 12 pence",
    ]);
    try {
      validateTransaction(input);
      expect.unreachable("validateTransaction should have thrown");
    } catch (error) {
      expect(error).toBeInstanceOf(LedgerValidationError);
      expect((error as LedgerValidationError).problems).toHaveLength(3);
      expect((error as Error).message).toMatch(/^ledger transaction refused: entry 1/);
    }
  });

  it("does not report a sum when an amount is not a number it could add", () => {
    expect(problemsWith(draft(e("fund_bank", 1.5), e("card_income", -1)))).toEqual([
      "entry 1: amount must be a whole number of pence, got 1.5",
    ]);
  });
});

describe("reversalOf", () => {
  it.each<[string, EntryDraft[], EntryDraft[]]>([
    ["a donation", [e("fund_bank", 2000), e("card_income", -2000)], [e("fund_bank", -2000), e("card_income", 2000)]],
    [
      "three entries",
      [e("fund_bank", 1950), e("fees", 50), e("card_income", -2000)],
      [e("fund_bank", -1950), e("fees", -50), e("card_income", 2000)],
    ],
    ["a commitment", [e("grants_awarded", 100), e("grants_committed", -100)], [e("grants_awarded", -100), e("grants_committed", 100)]],
  ])("negates %s entry by entry", (_name, entries, expected) => {
    expect(reversalOf(entries)).toEqual(expected);
  });

  it("is itself balanced and undoes the original", () => {
    const original = [e("fund_bank", 1950), e("fees", 50), e("card_income", -2000)];
    const reversal = reversalOf(original);
    expect(problemsWith({ entries: reversal })).toEqual([]);
    const net = new Map<string, number>();
    for (const entry of [...original, ...reversal]) net.set(entry.account, (net.get(entry.account) ?? 0) + entry.amount);
    expect([...net.values()].every((v) => v === 0)).toBe(true);
  });

  it("reversing twice gives the original back and leaves the input untouched", () => {
    const original = [e("fund_bank", pence(700)), e("payroll_income", -700)];
    const copy = structuredClone(original);
    expect(reversalOf(reversalOf(original))).toEqual(original);
    expect(original).toEqual(copy);
  });
});
