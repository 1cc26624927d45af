// What a pledge amount may be, and what it costs the employee. Pure: no Remix, Prisma or clock.
import { formatPence, pence, type Pence } from "~/domain/money";
import { periodsPerYear, type GivingMode, type PayFrequency } from "~/domain/payroll/periods";

/** Basic rate of income tax: the relief a tax-relieved (Payroll Giving) gift gets for a basic-rate taxpayer. */
export const BASIC_RATE_PERCENT = 20;

/** The longest "in memory of / message" we keep. */
export const DEDICATION_MAX_LENGTH = 200;

export type PledgeLimits = { minPence: number; maxPence: number };

export const AMOUNT_MESSAGES = {
  empty: "Enter how much you want to give each pay period",
  notMoney: "Enter an amount in pounds, like 5 or 5.50",
  belowMin: (min: number) => `Enter an amount of at least ${formatPence(min)} each pay period`,
  aboveMax: (max: number) => `Enter an amount of ${formatPence(max)} or less each pay period`,
} as const;

/** Whether an amount (already in pence) is within the limits: the service checks again on every write. */
export function amountProblem(amountPence: number, limits: PledgeLimits): string | null {
  if (!Number.isSafeInteger(amountPence) || amountPence <= 0) return AMOUNT_MESSAGES.notMoney;
  if (amountPence < limits.minPence) return AMOUNT_MESSAGES.belowMin(limits.minPence);
  if (amountPence > limits.maxPence) return AMOUNT_MESSAGES.aboveMax(limits.maxPence);
  return null;
}

export type Cost = { perPeriod: Pence; perMonth: Pence; perYear: Pence };

export type PledgeCosts = {
  frequency: PayFrequency;
  periodsPerYear: number;
  /** what the fund receives, and (net-pay mode) what the employee's take-home pay goes down by */
  gross: Cost;
  /** tax-relieved mode only: an estimate of the cost to a basic-rate taxpayer (gross less 20%) */
  estimatedAfterBasicRateRelief: Cost | null;
};

/** Half-up rounding of a whole number of pence divided by a whole number. */
function divideRounded(numerator: number, denominator: number): Pence {
  return pence(Math.floor((2 * numerator + denominator) / (2 * denominator)));
}

function costOf(perPeriod: number, frequency: PayFrequency): Cost {
  const perYear = perPeriod * periodsPerYear(frequency);
  return {
    perPeriod: pence(perPeriod),
    // monthly pay: exactly the amount; otherwise a year's deductions spread over 12 months
    perMonth: frequency === "monthly" ? pence(perPeriod) : divideRounded(perYear, 12),
    perYear: pence(perYear),
  };
}

/** What a pledge of `amountPence` per pay period costs, per period, month and year. */
export function pledgeCosts(amountPence: number, frequency: PayFrequency, givingMode: GivingMode): PledgeCosts {
  const gross = costOf(amountPence, frequency);
  const relief = (amount: number) => divideRounded(amount * (100 - BASIC_RATE_PERCENT), 100);
  return {
    frequency,
    periodsPerYear: periodsPerYear(frequency),
    gross,
    estimatedAfterBasicRateRelief:
      givingMode === "payroll_giving"
        ? { perPeriod: relief(gross.perPeriod), perMonth: relief(gross.perMonth), perYear: relief(gross.perYear) }
        : null,
  };
}

/** "each month" / "every 4 weeks" / "each week": what one pay period is, in words. */
export function payPeriodWords(frequency: PayFrequency): string {
  return frequency === "monthly" ? "each month" : frequency === "four_weekly" ? "every 4 weeks" : "each week";
}

/** How the giving mode reads to an employee. */
export function givingModeWords(mode: GivingMode): string {
  return mode === "payroll_giving"
    ? "Payroll Giving (tax relief): your gift is taken from your pay before income tax, through a Payroll Giving Agency"
    : "Deduction from net pay: your gift is taken from your pay after tax";
}
