import { describe, expect, it } from "vitest";
import {
  amountSchema,
  answersOf,
  entitlementSchema,
  firstIncompleteStep,
  missingAnswers,
  normaliseReferenceSearch,
  pagesOf,
  purposeSchema,
  queueQueryOf,
  screenSchema,
  termsInputOf,
  termsSchema,
  type Answers,
} from "./form";

const complete: Answers = {
  category: "education_equipment",
  purpose: "A laptop",
  amountPence: 45_000,
  quoteUrl: "https://www.example.com/laptop",
  quoteDetails: null,
  whyItMatters: "Coursework is online",
  entitlementCovers: "no",
  entitlementNames: null,
  entitlementWhyNeeded: null,
};
const messages = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) => (r.success ? [] : r.error!.issues.map((i) => `${String(i.path[0])}: ${i.message}`));

describe("the amount step", () => {
  const schema = amountSchema(100_000);
  it("takes pounds and pence as typed, into pence", () => {
    const r = schema.safeParse({ amount: "£450.50", quoteUrl: "", quoteDetails: "Shop quote" });
    expect(r.success && r.data.amount).toBe(45_050);
  });
  it("refuses an amount over the most per award, saying the limit", () => {
    expect(messages(schema.safeParse({ amount: "1000.01", quoteDetails: "x" }))).toEqual(["amount: The fund gives at most £1,000 for one application. Enter £1,000 or less"]);
    expect(schema.safeParse({ amount: "1000", quoteDetails: "x" }).success).toBe(true);
  });
  it.each([
    ["", "Enter how much you need, in pounds"],
    ["abc", "Enter an amount in pounds, like 450 or 450.50"],
    ["12.345", "Enter an amount in pounds, like 450 or 450.50"],
    ["-5", "Enter an amount in pounds, like 450 or 450.50"],
    ["0", "The amount must be more than £0"],
  ])("refuses %j with a clear message", (amount, message) => {
    expect(messages(schema.safeParse({ amount, quoteDetails: "x" }))).toEqual([`amount: ${message}`]);
  });
  it("needs a link or a quote's details, and a link must be a web address", () => {
    expect(messages(schema.safeParse({ amount: "10" }))).toEqual(["quoteUrl: Give a link to the item or a quote, or the details of a quote"]);
    expect(messages(schema.safeParse({ amount: "10", quoteUrl: "javascript:alert(1)" }))[0]).toMatch(/full web address/);
  });
});

describe("the other steps", () => {
  it("purpose needs a category from the list and a description", () => {
    expect(messages(purposeSchema.safeParse({ category: "holiday", purpose: "" }))).toEqual(["category: Choose what the money is for", "purpose: Say what you need the money for"]);
  });
  it("the entitlement check needs which support and why still needed, for partly or yes only", () => {
    expect(messages(entitlementSchema.safeParse({ entitlementCovers: "partly" }))).toEqual([
      "entitlementNames: Say which support pays for it",
      "entitlementWhyNeeded: Say why you still need this from the fund",
    ]);
    const no = entitlementSchema.safeParse({ entitlementCovers: "no", entitlementNames: "left over", entitlementWhyNeeded: "left over" });
    expect(no.success && no.data).toEqual({ entitlementCovers: "no", entitlementNames: "", entitlementWhyNeeded: "" });
    expect(messages(entitlementSchema.safeParse({}))).toEqual(["entitlementCovers: Choose whether other support already pays for this"]);
  });
});

describe("the answers of a row", () => {
  it("keeps the nine answers and drops everything else (surname, contact details, status)", () => {
    const row = { ...complete, id: "a1", status: "draft", youngPerson: { lastName: "Khan", email: "j@example.com" } };
    expect(answersOf(row)).toEqual(complete);
  });
});

describe("what is missing before sending", () => {
  it("nothing for a complete application within the limit", () => {
    expect(missingAnswers(complete, 100_000)).toEqual([]);
    expect(firstIncompleteStep(complete, 100_000)).toBeNull();
  });
  it("lists every missing answer, in the order of the steps", () => {
    const empty: Answers = { category: null, purpose: null, amountPence: null, quoteUrl: null, quoteDetails: null, whyItMatters: null, entitlementCovers: null, entitlementNames: null, entitlementWhyNeeded: null };
    expect(missingAnswers(empty, 100_000).map((m) => `${m.step}.${m.field}`)).toEqual([
      "purpose.category",
      "purpose.purpose",
      "amount.amount",
      "amount.quoteUrl",
      "why.whyItMatters",
      "entitlement.entitlementCovers",
    ]);
    expect(firstIncompleteStep({ ...complete, whyItMatters: null }, 100_000)).toBe("why");
  });
  it("an amount over a limit lowered since it was typed, and partly covered without reasons", () => {
    expect(missingAnswers({ ...complete, amountPence: 90_000 }, 50_000).map((m) => m.message)).toEqual([
      "The fund gives at most £500 for one application. Change the amount to £500 or less",
    ]);
    expect(missingAnswers({ ...complete, entitlementCovers: "yes" }, 100_000).map((m) => m.field)).toEqual(["entitlementNames", "entitlementWhyNeeded"]);
  });
  it("nothing can be sent before terms are published", () => {
    expect(missingAnswers(complete, null).map((m) => m.field)).toEqual(["terms"]);
  });
});

describe("the eligibility screen", () => {
  it("eligible needs nothing more; ask for more needs a question; not eligible needs a reason", () => {
    expect(screenSchema.safeParse({ decision: "eligible", question: "ignored" })).toMatchObject({ success: true, data: { decision: "eligible" } });
    expect(messages(screenSchema.safeParse({ decision: "more_info" }))).toEqual(["question: Enter the question for the applicant"]);
    expect(messages(screenSchema.safeParse({ decision: "not_eligible", question: "x" }))).toEqual(["reason: Enter the reason it is not eligible (the applicant will see it)"]);
    expect(screenSchema.safeParse({ decision: "not_eligible", reason: " Covered by the bursary " })).toMatchObject({ success: true, data: { decision: "not_eligible", reason: "Covered by the bursary" } });
    expect(messages(screenSchema.safeParse({ decision: "approve" }))[0]).toMatch(/^decision: Choose/);
  });
});

describe("the terms of reference form", () => {
  const valid = { funds: "Laptops\n\n Driving lessons ", doesNotFund: "Debts", maxAward: "1,000", decisionDates: "First Tuesday", giveBack: "Help at an event", criteria: "Need\nValue for money" };
  it("keeps one item per line, trimmed, and the most per award in pence", () => {
    const r = termsSchema.safeParse(valid);
    expect(r.success && termsInputOf(r.data)).toEqual({ funds: "Laptops\nDriving lessons", doesNotFund: "Debts", maxAwardPence: 100_000, decisionDates: "First Tuesday", giveBack: "Help at an event", criteria: "Need\nValue for money" });
  });
  it("refuses a zero or missing most per award, no criteria, and the same criterion twice", () => {
    expect(messages(termsSchema.safeParse({ ...valid, maxAward: "0" }))).toEqual(["maxAward: The amount must be more than £0"]);
    expect(messages(termsSchema.safeParse({ ...valid, maxAward: "" }))).toEqual(["maxAward: Enter the most the fund gives for one award, in pounds"]);
    expect(messages(termsSchema.safeParse({ ...valid, criteria: " \n " }))).toEqual(["criteria: List the criteria the panel scores against, one per line"]);
    expect(messages(termsSchema.safeParse({ ...valid, criteria: "Need\nneed" }))).toEqual(["criteria: Each criterion must be different"]);
    expect(messages(termsSchema.safeParse({ ...valid, funds: "" }))).toEqual(["funds: List what the fund pays for, one item per line"]);
  });
});

describe("the coordinator's queue query", () => {
  it("reads status, reference, page and order, falling back to the defaults", () => {
    expect(queueQueryOf(new URLSearchParams("status=with_panel&q=7k2m&page=3&sort=newest"))).toEqual({ status: "with_panel", reference: "SA-7K2M", page: 3, sort: "newest" });
    expect(queueQueryOf(new URLSearchParams("status=draft&page=-1&sort=x"))).toEqual({ status: null, reference: "", page: 1, sort: "oldest" });
  });
  it("normalises a reference search", () => {
    expect(normaliseReferenceSearch(" sa-7k2m9q ")).toBe("SA-7K2M9Q");
    expect(normaliseReferenceSearch("SA7K2")).toBe("SA-7K2");
    expect(normaliseReferenceSearch("")).toBe("");
  });
  it("pages: at least one, the page clamped", () => {
    expect(pagesOf(0, 1)).toEqual({ pages: 1, page: 1, skip: 0 });
    expect(pagesOf(51, 3, 25)).toEqual({ pages: 3, page: 3, skip: 50 });
    expect(pagesOf(51, 9, 25)).toEqual({ pages: 3, page: 3, skip: 50 });
  });
});
