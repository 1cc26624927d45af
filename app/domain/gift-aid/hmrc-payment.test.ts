import { describe, expect, it } from "vitest";
import { differenceNeedsReason, parseHmrcPayment } from "./hmrc-payment";

const claim = { duePence: 4687, todayKey: "2026-07-15", exportedKey: "2026-06-02" };
const form = (over: Record<string, string> = {}) => ({
  amount: "46.87",
  receivedDay: "10",
  receivedMonth: "7",
  receivedYear: "2026",
  reference: "HMRC-GA-123",
  reason: "",
  ...over,
});

describe("recording HMRC's payment of a claim", () => {
  it("reads the amount due, the day and the reference", () => {
    const parsed = parseHmrcPayment(form({ amount: "£46.87", reference: "  HMRC-GA-123 " }), claim);
    expect(parsed).toMatchObject({ ok: true, input: { receivedPence: 4687, day: "2026-07-10", reference: "HMRC-GA-123", reason: null } });
  });

  it("a reason given with the amount due is not kept", () => {
    expect(parseHmrcPayment(form({ reason: "just because" }), claim)).toMatchObject({ ok: true, input: { reason: null } });
  });

  it("a different amount needs a reason, and keeps it", () => {
    const without = parseHmrcPayment(form({ amount: "45" }), claim);
    expect(without).toMatchObject({ ok: false, errors: { reason: "HMRC paid £45, not the £46.87 due on this claim: say why (for example, as HMRC's payment advice explains)" } });
    const withReason = parseHmrcPayment(form({ amount: "45", reason: " HMRC disallowed one gift " }), claim);
    expect(withReason).toMatchObject({ ok: true, input: { receivedPence: 4500, reason: "HMRC disallowed one gift" } });
  });

  it.each([
    [{ amount: "" }, "amount", "Enter the amount HMRC paid"],
    [{ amount: "forty" }, "amount", "The amount HMRC paid must be an amount of money, like 125.50"],
    [{ amount: "12.345" }, "amount", "The amount HMRC paid must be an amount of money, like 125.50"],
    [{ amount: "0" }, "amount", "The amount HMRC paid must be more than £0"],
    [{ amount: "30000000" }, "amount", "The amount HMRC paid must be £21,474,836.47 or less"],
    [{ receivedDay: "", receivedMonth: "", receivedYear: "" }, "received", "Enter the date HMRC paid"],
    [{ receivedMonth: "" }, "received", "The date HMRC paid must include a month"],
    [{ receivedDay: "31", receivedMonth: "6" }, "received", "The date HMRC paid must be a real date, like 27 3 2026"],
    [{ receivedDay: "16" }, "received", "The date HMRC paid must be today or in the past"],
    [{ receivedDay: "1", receivedMonth: "6" }, "received", "The date HMRC paid cannot be before the claim was exported"],
    [{ reference: " " }, "reference", "Enter HMRC's payment reference, as on the bank statement or HMRC's payment advice"],
    [{ reference: "x".repeat(61) }, "reference", "HMRC's payment reference must be 60 characters or fewer"],
    [{ amount: "40", reason: "x".repeat(501) }, "reason", "The reason must be 500 characters or fewer"],
  ])("%o → %s: %s", (over, field, message) => {
    const parsed = parseHmrcPayment(form(over), claim);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors[field as keyof typeof parsed.errors]).toBe(message);
      expect(parsed.values.amount).toBe(form(over).amount);
    }
  });

  it("the day it was exported and today are both allowed", () => {
    expect(parseHmrcPayment(form({ receivedDay: "2", receivedMonth: "6" }), claim).ok).toBe(true);
    expect(parseHmrcPayment(form({ receivedDay: "15" }), claim).ok).toBe(true);
  });

  it("differenceNeedsReason: none for the amount due or with a reason", () => {
    expect(differenceNeedsReason(100, 100, null)).toBeNull();
    expect(differenceNeedsReason(100, 99, "HMRC's rounding")).toBeNull();
    expect(differenceNeedsReason(100, 101, "  ")).toMatch(/say why/);
  });
});
