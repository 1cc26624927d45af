import { describe, expect, it } from "vitest";
import { cancelFormSchema, decisionParticipants, followUpDueAt, parseDayParts, parsePayment, paymentRefusal } from "./award";

const decision = { decidedById: "chair", scoredByIds: JSON.stringify(["m1", "m2"]), conflictedIds: JSON.stringify(["m3"]) };
const good = { payeeKind: "supplier", payeeName: "Laptops Ltd", paidOnDay: "10", paidOnMonth: "3", paidOnYear: "2026", paymentReference: "BACS-001" };
const days = { todayKey: "2026-03-12", approvedKey: "2026-03-09" };

describe("who may release the money", () => {
  it("refuses the decider, every scorer and every conflicted member; allows anyone else", () => {
    for (const id of ["chair", "m1", "m2", "m3"]) expect(paymentRefusal(id, decision)).toMatch(/took part/);
    expect(paymentRefusal("fin2", decision)).toBeNull();
  });
  it("reads the stored id lists and rejects anything that is not a list of ids", () => {
    expect(decisionParticipants(decision)).toEqual({ decidedById: "chair", scoredByIds: ["m1", "m2"], conflictedIds: ["m3"] });
    expect(() => decisionParticipants({ ...decision, scoredByIds: "{}" })).toThrow();
  });
});

describe("recording a payment", () => {
  it("accepts a complete record", () => {
    expect(parsePayment(good, days)).toEqual({ ok: true, input: { payeeKind: "supplier", payeeName: "Laptops Ltd", paidOnKey: "2026-03-10", paymentReference: "BACS-001" } });
  });
  it("allows the day of approval and today, refuses the day before approval and tomorrow", () => {
    expect(parsePayment({ ...good, paidOnDay: "9" }, days).ok).toBe(true);
    expect(parsePayment({ ...good, paidOnDay: "12" }, days).ok).toBe(true);
    expect(parsePayment({ ...good, paidOnDay: "8" }, days)).toMatchObject({ ok: false, errors: { paidOn: "The date paid cannot be before the payment was approved" } });
    expect(parsePayment({ ...good, paidOnDay: "13" }, days)).toMatchObject({ ok: false, errors: { paidOn: "The date paid must be today or in the past" } });
  });
  it("names every missing or wrong field", () => {
    const result = parsePayment({ payeeKind: "cash", paidOnDay: "31", paidOnMonth: "2", paidOnYear: "2026" }, days);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(["paidOn", "payeeKind", "payeeName", "paymentReference"]);
    if (!result.ok) expect(result.errors.paidOn).toMatch(/real date/);
  });
});

describe("dates and the rest", () => {
  it("parses GOV.UK date parts", () => {
    expect(parseDayParts({ day: "", month: "", year: "" }, "The date paid")).toEqual({ error: "Enter the date paid" });
    expect(parseDayParts({ day: "1", month: "", year: "2026" }, "The date paid")).toEqual({ error: "The date paid must include a month" });
    expect(parseDayParts({ day: "29", month: "2", year: "2028" }, "X")).toEqual({ key: "2028-02-29" });
    expect(parseDayParts({ day: "1", month: "1", year: "26" }, "X")).toHaveProperty("error");
  });
  it("wants a real reason to cancel", () => {
    expect(cancelFormSchema.safeParse({ reason: "  no  " }).success).toBe(false);
    expect(cancelFormSchema.parse({ reason: " The supplier no longer sells the laptop. " }).reason).toBe("The supplier no longer sells the laptop.");
  });
  it("puts the follow-up the set number of weeks after payment", () => {
    expect(followUpDueAt(new Date("2026-03-10T00:00:00Z"), 6).toISOString()).toBe("2026-04-21T00:00:00.000Z");
    expect(() => followUpDueAt(new Date(), -1)).toThrow(RangeError);
  });
});
