// Pay periods and cut-offs. Dates are UTC instants; a day is [00:00, 24:00) UTC.
// A change made before a period's cut-off (and while it is unlocked) takes effect in that period.

export type PayFrequency = "monthly" | "four_weekly" | "weekly";
export type GivingMode = "net_pay" | "payroll_giving";

export const PAY_FREQUENCIES: readonly PayFrequency[] = ["monthly", "four_weekly", "weekly"];
export const GIVING_MODES: readonly GivingMode[] = ["net_pay", "payroll_giving"];

export type PayGroupRule = {
  frequency: PayFrequency;
  /** monthly: the day of the month changes must be in by (end of that day); otherwise days before pay day */
  cutOffDay: number;
};

export type PeriodDraft = { label: string; startsOn: Date; endsOn: Date; payDate: Date; cutOffAt: Date };

export type PeriodLike = { id: string; startsOn: Date; cutOffAt: Date; lockedAt: Date | null };

const DAY_MS = 86_400_000;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const utcDay = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

/** The last day of the month (pay day for monthly groups). */
function lastDayOfMonth(y: number, m: number): Date {
  return utcDay(y, m + 1, 0);
}

/**
 * `count` consecutive periods of a pay group, the first starting on `firstStart`
 * (monthly: the 1st of a month; four-weekly and weekly: any day, usually a Monday).
 */
export function generatePeriods(rule: PayGroupRule, firstStart: Date, count: number): PeriodDraft[] {
  if (!Number.isInteger(count) || count < 1) throw new Error("count must be a whole number of periods");
  const out: PeriodDraft[] = [];
  if (rule.frequency === "monthly") {
    if (rule.cutOffDay < 1 || rule.cutOffDay > 28) throw new Error("a monthly cut-off day must be 1 to 28");
    for (let i = 0; i < count; i++) {
      const y = firstStart.getUTCFullYear();
      const m = firstStart.getUTCMonth() + i;
      const startsOn = utcDay(y, m, 1);
      const endsOn = lastDayOfMonth(y, m);
      out.push({
        label: `${MONTHS[startsOn.getUTCMonth()]} ${startsOn.getUTCFullYear()}`,
        startsOn,
        endsOn,
        payDate: endsOn,
        // the end of the cut-off day
        cutOffAt: utcDay(y, m, rule.cutOffDay + 1),
      });
    }
    return out;
  }
  const length = rule.frequency === "weekly" ? 7 : 28;
  if (rule.cutOffDay < 0 || rule.cutOffDay >= length) throw new Error(`cut-off must be 0 to ${length - 1} days before pay day`);
  const base = utcDay(firstStart.getUTCFullYear(), firstStart.getUTCMonth(), firstStart.getUTCDate());
  for (let i = 0; i < count; i++) {
    const startsOn = addDays(base, i * length);
    const endsOn = addDays(startsOn, length - 1);
    const payDate = endsOn;
    out.push({
      label: `${rule.frequency === "weekly" ? "Week" : "Period"} from ${formatDay(startsOn)}`,
      startsOn,
      endsOn,
      payDate,
      // the start of the day `cutOffDay` days before pay day is the end of the day before it
      cutOffAt: addDays(payDate, -rule.cutOffDay + 1),
    });
  }
  return out;
}

/** "1 December 2026" */
export function formatDay(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/**
 * The period a change made at `now` takes effect from: the first period whose cut-off has not
 * passed and which is not locked (a locked period's file has gone to payroll). Null when no such
 * period exists yet (finance must add periods).
 */
export function effectivePeriod<P extends PeriodLike>(periods: readonly P[], now: Date): P | null {
  const sorted = [...periods].sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime());
  // Once a later period is locked, earlier ones are closed too: never go back before it.
  let floor = -Infinity;
  for (const p of sorted) if (p.lockedAt) floor = p.startsOn.getTime();
  return sorted.find((p) => p.startsOn.getTime() > floor && !p.lockedAt && now.getTime() < p.cutOffAt.getTime()) ?? null;
}

/** The period before `period` in the same pay group, if any. */
export function previousPeriod<P extends { startsOn: Date }>(periods: readonly P[], period: P): P | null {
  const earlier = periods.filter((p) => p.startsOn.getTime() < period.startsOn.getTime());
  return earlier.sort((a, b) => b.startsOn.getTime() - a.startsOn.getTime())[0] ?? null;
}

/** How many periods a year a frequency has, for "per month / per year" figures. */
export function periodsPerYear(frequency: PayFrequency): number {
  return frequency === "monthly" ? 12 : frequency === "four_weekly" ? 13 : 52;
}
