import { describe, expect, it } from "vitest";
import { AMOUNT_MESSAGES, DEDICATION_MAX_LENGTH, amountProblem, payPeriodWords, pledgeCosts } from "./amounts";
import { amountSchema, dedicationSchema } from "./amount-forms";

const limits = { minPence: 200, maxPence: 50_000 };
const parse = (amount: unknown) => amountSchema(limits).safeParse({ amount });

describe("the amount each pay period", () => {
  it.each([
    ["5", 500],
    ["5.5", 550],
    ["£12.34", 1234],
    [" 2 ", 200],
    ["500", 50_000],
    ["£1,00", null],
  ])("%s → %s pence", (input, expected) => {
    const result = parse(input);
    if (expected === null) expect(result.success).toBe(false);
    else expect(result.success && result.data.amount).toBe(expected);
  });

  it.each([
    ["", AMOUNT_MESSAGES.empty],
    [undefined, AMOUNT_MESSAGES.empty],
    ["five", AMOUNT_MESSAGES.notMoney],
    ["5.555", AMOUNT_MESSAGES.notMoney],
    ["-5", AMOUNT_MESSAGES.notMoney],
    ["1.99", "Enter an amount of at least £2 each pay period"],
    ["0", "Enter an amount of at least £2 each pay period"],
    ["500.01", "Enter an amount of £500 or less each pay period"],
  ])("%j is refused with %j", (input, message) => {
    const result = parse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(message);
    expect(result.error?.issues[0].path).toEqual(["amount"]);
  });

  it("the service's own check agrees with the form", () => {
    expect(amountProblem(199, limits)).toMatch(/at least £2/);
    expect(amountProblem(50_001, limits)).toMatch(/£500 or less/);
    expect(amountProblem(1.5, limits)).toBe(AMOUNT_MESSAGES.notMoney);
    expect(amountProblem(200, limits)).toBeNull();
    expect(amountProblem(50_000, limits)).toBeNull();
  });
});

describe("the optional message", () => {
  it("is trimmed, and empty means none", () => {
    expect(dedicationSchema.parse({ dedication: "  In memory of  Nan " }).dedication).toBe("In memory of Nan");
    expect(dedicationSchema.parse({ dedication: "   " }).dedication).toBeNull();
    expect(dedicationSchema.parse({}).dedication).toBeNull();
  });
  it("has a maximum length", () => {
    expect(dedicationSchema.safeParse({ dedication: "x".repeat(DEDICATION_MAX_LENGTH) }).success).toBe(true);
    const long = dedicationSchema.safeParse({ dedication: "x".repeat(DEDICATION_MAX_LENGTH + 1) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0].message).toBe(`Your message must be ${DEDICATION_MAX_LENGTH} characters or fewer`);
  });
});

describe("what a gift costs", () => {
  it("monthly pay: the amount each month, 12 a year, no estimate when the deduction is from net pay", () => {
    expect(pledgeCosts(500, "monthly", "net_pay")).toEqual({
      frequency: "monthly",
      periodsPerYear: 12,
      gross: { perPeriod: 500, perMonth: 500, perYear: 6000 },
      estimatedAfterBasicRateRelief: null,
    });
  });

  it("four-weekly pay: 13 periods a year, spread over 12 months (rounded to the penny)", () => {
    const costs = pledgeCosts(500, "four_weekly", "net_pay");
    expect(costs.gross).toEqual({ perPeriod: 500, perMonth: 542, perYear: 6500 });
  });

  it("weekly pay: 52 a year", () => {
    expect(pledgeCosts(200, "weekly", "net_pay").gross).toEqual({ perPeriod: 200, perMonth: 867, perYear: 10_400 });
  });

  it("tax-relieved mode adds an estimate after basic-rate (20%) relief", () => {
    const costs = pledgeCosts(500, "monthly", "payroll_giving");
    expect(costs.gross.perPeriod).toBe(500);
    expect(costs.estimatedAfterBasicRateRelief).toEqual({ perPeriod: 400, perMonth: 400, perYear: 4800 });
    // whole pence, half up: £2.55 × 80% = 204p
    expect(pledgeCosts(255, "monthly", "payroll_giving").estimatedAfterBasicRateRelief?.perPeriod).toBe(204);
    expect(pledgeCosts(333, "four_weekly", "payroll_giving").estimatedAfterBasicRateRelief).toEqual({
      perPeriod: 266,
      perMonth: 289,
      perYear: 3463,
    });
  });

  it("every figure is a whole number of pence", () => {
    for (const amount of [200, 333, 999, 50_000]) {
      for (const f of ["monthly", "four_weekly", "weekly"] as const) {
        const c = pledgeCosts(amount, f, "payroll_giving");
        for (const v of [...Object.values(c.gross), ...Object.values(c.estimatedAfterBasicRateRelief!)]) expect(Number.isInteger(v)).toBe(true);
      }
    }
  });

  it("names the pay period in words", () => {
    expect(payPeriodWords("monthly")).toBe("each month");
    expect(payPeriodWords("four_weekly")).toBe("every 4 weeks");
    expect(payPeriodWords("weekly")).toBe("each week");
  });
});
