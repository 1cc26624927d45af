// UK calendar months and financial years as instants, for the digest ("last month") and "My impact"
// ("this financial year"). A period is [from, to): from UK midnight on its first day to UK midnight on
// the day after its last, so a gift at 00:30 BST on 1 May belongs to May, not April.
import { ukDayKey } from "../gift-aid/schedule";

export type Period = { from: Date; to: Date };

const HOUR_MS = 3_600_000;

/** The instant the UK day "YYYY-MM-DD" starts (23:00 UTC the day before while clocks are on BST). */
export function ukDayStart(dayKey: string): Date {
  const utcMidnight = new Date(`${dayKey}T00:00:00Z`);
  if (Number.isNaN(utcMidnight.getTime())) throw new RangeError(`Not a day: ${dayKey}`);
  // The UK is UTC or UTC+1: if an hour earlier is already this UK day, the clocks are on BST.
  const hourBefore = new Date(utcMidnight.getTime() - HOUR_MS);
  return ukDayKey(hourBefore) === dayKey ? hourBefore : utcMidnight;
}

/** The UK month of an instant, "YYYY-MM". */
export const ukMonthKey = (instant: Date): string => ukDayKey(instant).slice(0, 7);

/** "2026-01" + -1 → "2025-12". */
export function addMonths(monthKey: string, count: number): string {
  const [y, m] = monthKey.split("-").map(Number);
  const index = y * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The UK month before the one `now` falls in: what a digest sent in it reports on. */
export const previousUkMonth = (now: Date): string => addMonths(ukMonthKey(now), -1);

export const isMonthKey = (value: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** [UK midnight on the 1st, UK midnight on the next month's 1st). */
export function ukMonthPeriod(monthKey: string): Period {
  if (!isMonthKey(monthKey)) throw new RangeError(`Not a month: ${monthKey}`);
  return { from: ukDayStart(`${monthKey}-01`), to: ukDayStart(`${addMonths(monthKey, 1)}-01`) };
}

/** The year a UK financial year (1 April to 31 March) starts in: 2027-02-10 → 2026. */
export function financialYearOf(instant: Date): number {
  const [y, m] = ukDayKey(instant).split("-").map(Number);
  return m >= 4 ? y : y - 1;
}

export function financialYearPeriod(startYear: number): Period {
  if (!Number.isInteger(startYear)) throw new RangeError(`Not a year: ${startYear}`);
  return { from: ukDayStart(`${startYear}-04-01`), to: ukDayStart(`${startYear + 1}-04-01`) };
}

/** "April 2026 to March 2027". */
export const financialYearLabel = (startYear: number): string => `April ${startYear} to March ${startYear + 1}`;
