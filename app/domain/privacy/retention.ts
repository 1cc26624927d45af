// Retention clocks (issue 10): the last UK day a record is kept, from the periods in OrganisationSettings.
// Every clock is expressed the same way — "kept until" a day, inclusive — so the retention job and an
// erasure's summary ("Gift Aid declaration kept until 5 April 2033") agree to the day. Pure: `now` and
// the periods come in as arguments.
import { ukDayKey } from "../gift-aid/schedule";
import { addCalendarMonths } from "../mentoring/gates";

export type RetentionPeriods = {
  retainUnsuccessfulMonths: number;
  retainGiftAidYears: number;
  retainGrantYears: number;
  retainMentoringMonths: number;
  dbsPurgeMonths: number;
};

function wholeNumber(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number of at least 0, not ${value}`);
  return value;
}

/** The day before a "YYYY-MM-DD" day key. */
export function dayBefore(dayKey: string): string {
  const [y, m, d] = dayKey.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/**
 * The last day of the UK tax year (6 April to 5 April) that a day falls in. The fund's accounting period
 * for Gift Aid follows the tax year, as HMRC's "6 years after the end of the accounting period" does.
 */
export function taxYearEnd(dayKey: string): string {
  const year = Number(dayKey.slice(0, 4));
  return dayKey.slice(5) <= "04-05" ? `${year}-04-05` : `${year + 1}-04-05`;
}

/** Gift Aid records: kept until the end of the `years`th tax year after the one the last gift (or the declaration) fell in. */
export function giftAidKeptUntil(lastDay: Date, years: number): string {
  const end = taxYearEnd(ukDayKey(lastDay));
  return `${Number(end.slice(0, 4)) + wholeNumber(years, "Gift Aid retention years")}-04-05`;
}

/** Kept for `months` calendar months from the UK day of `from`; gone from the day those months end. */
export function monthsKeptUntil(from: Date, months: number): string {
  return dayBefore(addCalendarMonths(ukDayKey(from), wholeNumber(months, "Retention months")));
}

/** Grant records: kept for `years` years after payment (or cancellation), per the council's schedule. */
export function grantKeptUntil(paidOrCancelled: Date, years: number): string {
  return monthsKeptUntil(paidOrCancelled, wholeNumber(years, "Grant retention years") * 12);
}

/** Whether a record kept until `keptUntil` (inclusive) is now past its clock. */
export function retentionEnded(keptUntil: string, now: Date): boolean {
  return ukDayKey(now) > keptUntil;
}

/** "5 April 2033" for a day key, as the erasure summary and pages say it. */
export function formatDayKey(dayKey: string): string {
  const [y, m, d] = dayKey.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}
