// The HMRC Charities Online Gift Aid claim schedule: columns, field rules and the small-donations aggregation.
// Pure: rows in, records (arrays of cells) out; the service turns them into CSV with csv-stringify.
import type { Options } from "csv-stringify";
import { normalisePostcode, NAME_MAX, TITLE_MAX } from "~/domain/gift-aid/declaration";

export const SCHEDULE_COLUMNS = [
  "Title",
  "First name",
  "Last name",
  "House name or number",
  "Postcode",
  "Aggregated donations",
  "Sponsored event",
  "Donation date",
  "Amount",
] as const;

/** RFC 4180, CRLF line ends, formula-like cells escaped. */
export const SCHEDULE_CSV_OPTIONS: Options = { record_delimiter: "windows", eof: true, escape_formulas: true };

/** A small gift that may be aggregated: this amount or less (the "≤ £30 each"). */
export const SMALL_GIFT_MAX_PENCE = 3000;
/** At most this much on one aggregated line. */
export const AGGREGATE_LINE_MAX_PENCE = 100_000;
export const AGGREGATE_DESCRIPTION_MAX = 35;
/** HMRC's schedule spreadsheet takes about 1,000 rows a sheet: warn finance above this. */
export const ROWS_PER_SHEET = 1000;

export type ScheduleDonor = {
  title: string | null;
  firstName: string;
  lastName: string;
  houseNameOrNumber: string;
  postcode: string;
};

export type ScheduleGift = { id: string; reference: string; paidAt: Date; amountPence: number; donor: ScheduleDonor };

/**
 * HMRC's schedule sheet takes ROWS_PER_SHEET rows, so a longer claim goes one sheet at a time:
 * this sheet's lines, and the lines left for the next export.
 */
export function firstSheet(lines: readonly ScheduleLine[]): { sheet: ScheduleLine[]; rest: ScheduleLine[] } {
  return { sheet: lines.slice(0, ROWS_PER_SHEET), rest: lines.slice(ROWS_PER_SHEET) };
}

export type ScheduleLine =
  | { kind: "donor"; donor: ScheduleDonor; date: Date; amountPence: number; donationIds: string[] }
  | { kind: "aggregate"; description: string; date: Date; amountPence: number; donationIds: string[] };

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
const cut = (s: string, max: number) => collapse(s).slice(0, max).trim();

export function scheduleTitle(title: string | null): string {
  return title ? cut(title, TITLE_MAX) : "";
}
export function scheduleFirstName(name: string): string {
  return cut(name, NAME_MAX);
}
/** Hyphens become spaces (HMRC's rule for last names), then at most 35 characters. */
export function scheduleLastName(name: string): string {
  return cut(name.replace(/-/g, " "), NAME_MAX);
}
/** Upper case with one space before the inward code. */
export function schedulePostcode(postcode: string): string {
  return normalisePostcode(postcode) ?? collapse(postcode).toUpperCase();
}

const londonParts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** The UK calendar day of an instant as "YYYY-MM-DD" (sortable; used for date ranges). */
export function ukDayKey(date: Date): string {
  const parts = Object.fromEntries(londonParts.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
/** DD/MM/YY, the UK calendar day. */
export function scheduleDate(date: Date): string {
  const [y, m, d] = ukDayKey(date).split("-");
  return `${d}/${m}/${y.slice(2)}`;
}
/** 2 decimals, no £, no thousands separator: 1234.5 pounds → "1234.50". */
export function scheduleAmount(pence: number): string {
  if (!Number.isSafeInteger(pence) || pence <= 0) throw new RangeError(`not a positive amount of pence: ${pence}`);
  return `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, "0")}`;
}

/** "Card gifts 01/04/26 to 30/04/26" (≤ 35 characters). */
export function aggregateDescription(first: Date, last: Date): string {
  const a = scheduleDate(first);
  const b = scheduleDate(last);
  return (a === b ? `Card gifts ${a}` : `Card gifts ${a} to ${b}`).slice(0, AGGREGATE_DESCRIPTION_MAX);
}

const byDate = (a: ScheduleGift, b: ScheduleGift) => a.paidAt.getTime() - b.paidAt.getTime() || a.reference.localeCompare(b.reference);

/**
 * Group small gifts (≤ £30 each) into lines of at most £1,000, in date order; each line is dated with its
 * last gift and carries a description and no donor details. Bigger gifts are returned for listing one by one.
 */
export function aggregateSmallGifts(gifts: readonly ScheduleGift[]): { lines: ScheduleLine[]; rest: ScheduleGift[] } {
  const sorted = [...gifts].sort(byDate);
  const lines: ScheduleLine[] = [];
  const rest: ScheduleGift[] = [];
  let current: ScheduleGift[] = [];
  let total = 0;
  const flush = () => {
    if (!current.length) return;
    const first = current[0].paidAt;
    const last = current[current.length - 1].paidAt;
    lines.push({ kind: "aggregate", description: aggregateDescription(first, last), date: last, amountPence: total, donationIds: current.map((g) => g.id) });
    current = [];
    total = 0;
  };
  for (const gift of sorted) {
    if (gift.amountPence > SMALL_GIFT_MAX_PENCE) {
      rest.push(gift);
      continue;
    }
    if (total + gift.amountPence > AGGREGATE_LINE_MAX_PENCE) flush();
    current.push(gift);
    total += gift.amountPence;
  }
  flush();
  return { lines, rest };
}

/** The schedule's lines: every gift on its own line, or small ones aggregated when asked. In date order. */
export function scheduleLines(gifts: readonly ScheduleGift[], options: { aggregate: boolean }): ScheduleLine[] {
  const single = (g: ScheduleGift): ScheduleLine => ({ kind: "donor", donor: g.donor, date: g.paidAt, amountPence: g.amountPence, donationIds: [g.id] });
  if (!options.aggregate) return [...gifts].sort(byDate).map(single);
  const { lines, rest } = aggregateSmallGifts(gifts);
  return [...lines, ...rest.map(single)].sort((a, b) => a.date.getTime() - b.date.getTime() || (a.kind === b.kind ? 0 : a.kind === "aggregate" ? -1 : 1));
}

/** One line → the nine cells. Empty cells are "", never 0. */
export function scheduleRecord(line: ScheduleLine): string[] {
  const date = scheduleDate(line.date);
  const amount = scheduleAmount(line.amountPence);
  if (line.kind === "aggregate") return ["", "", "", "", "", cut(line.description, AGGREGATE_DESCRIPTION_MAX), "", date, amount];
  const d = line.donor;
  return [
    scheduleTitle(d.title),
    scheduleFirstName(d.firstName),
    scheduleLastName(d.lastName),
    collapse(d.houseNameOrNumber),
    schedulePostcode(d.postcode),
    "",
    "",
    date,
    amount,
  ];
}

/** Header + one record per line (no blank rows). */
export function scheduleRecords(lines: readonly ScheduleLine[]): string[][] {
  return [[...SCHEDULE_COLUMNS], ...lines.map(scheduleRecord)];
}

/** A date range as UK days, inclusive: does the instant fall on a day within it? */
export function withinDays(date: Date, fromKey: string, toKey: string): boolean {
  const key = ukDayKey(date);
  return key >= fromKey && key <= toKey;
}
