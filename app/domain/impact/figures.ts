// Impact figures: UK months of a period, the buckets and bands the figures are counted in, and the
// Corporate Parenting Board report's choice of months and its CSV records. Pure: the database
// aggregates come in as rows, time as arguments. Suppression itself is ./suppression.ts.
import { z } from "zod";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { monthLabel } from "~/domain/talent/hours";
import { CATEGORIES, CATEGORY_SHORT } from "~/domain/applications/form";
import { GIVE_BACK_OPTIONS, GIVE_BACK_LABELS, giveBackOf } from "~/domain/applications/follow-up";
import { SUPPRESSED, type Shown, type SuppressedTable } from "./suppression";
import { addMonths, isMonthKey, ukMonthPeriod } from "./uk-months";

export { monthLabel };

// ---- UK months ---------------------------------------------------------------------------------

export { addMonths, isMonthKey };

/** The instant a UK month starts (midnight in London). */
export const ukMonthStart = (monthKey: string): Date => ukMonthPeriod(monthKey).from;

/** [start of `fromKey`, start of the month after `toKey`): whole UK months. */
export function monthsPeriod(fromKey: string, toKey: string): { from: Date; to: Date } {
  return { from: ukMonthStart(fromKey), to: ukMonthStart(addMonths(toKey, 1)) };
}

/** The UK month keys a period [from, to) touches, oldest first (none for an empty period). */
export function monthsOf(period: { from: Date; to: Date }): string[] {
  if (period.to.getTime() <= period.from.getTime()) return [];
  const first = ukDayKey(period.from).slice(0, 7);
  const last = ukDayKey(new Date(period.to.getTime() - 1)).slice(0, 7);
  const out: string[] = [];
  for (let key = first; key <= last; key = addMonths(key, 1)) out.push(key);
  return out;
}

/** Where each month after the first starts: the edges a SQL CASE buckets instants by. */
export const innerMonthStarts = (months: readonly string[]): Date[] => months.slice(1).map(ukMonthStart);

/** The calendar quarter before the one `todayKey` is in (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec; the same as the financial year's). */
export function lastFullQuarter(todayKey: string): { from: string; to: string } {
  const [y, m] = todayKey.split("-").map(Number);
  const thisQuarterStart = `${y}-${String(m - ((m - 1) % 3)).padStart(2, "0")}`;
  return { from: addMonths(thisQuarterStart, -3), to: addMonths(thisQuarterStart, -1) };
}

/** "January 2026 to March 2026", or one month's name. */
export const monthsText = (fromKey: string, toKey: string): string =>
  fromKey === toKey ? monthLabel(fromKey) : `${monthLabel(fromKey)} to ${monthLabel(toKey)}`;

// ---- Money -------------------------------------------------------------------------------------

/** One row of the ledger aggregate: entries on one account summed within one month bucket (0 = first month). */
export type LedgerBucketRow = { bucket: number; accountCode: string; amountPence: number };

export type MonthIncome = { payrollPence: number; cardPence: number; giftAidPence: number };

/**
 * Income per month from the entries on the income accounts and on refunds. Income accounts carry
 * credits (negative); a reversal posts the opposite, so summing nets it out in the month it was
 * reversed. Card refunds and lost disputes are debits on `refunds` (only card gifts are refunded).
 */
export function incomeByBucket(rows: readonly LedgerBucketRow[], monthCount: number): MonthIncome[] {
  const out = Array.from({ length: monthCount }, () => ({ payrollPence: 0, cardPence: 0, giftAidPence: 0 }));
  for (const r of rows) {
    const month = out[r.bucket];
    if (!month) throw new RangeError(`bucket ${r.bucket} is outside the ${monthCount} months`);
    if (r.accountCode === "payroll_income") month.payrollPence -= r.amountPence;
    else if (r.accountCode === "card_income") month.cardPence -= r.amountPence;
    else if (r.accountCode === "gift_aid_income") month.giftAidPence -= r.amountPence;
    else if (r.accountCode === "refunds") month.cardPence -= r.amountPence;
  }
  return out;
}

/** Grant payments per month: how many awards were paid and how much (`count`s and `amounts` by bucket). */
export type PaidBucketRow = { bucket: number; count: number; amountPence: number };

export function paidByBucket(rows: readonly PaidBucketRow[], monthCount: number): { counts: number[]; amounts: number[] } {
  const counts = new Array<number>(monthCount).fill(0);
  const amounts = new Array<number>(monthCount).fill(0);
  for (const r of rows) {
    if (r.bucket < 0 || r.bucket >= monthCount) throw new RangeError(`bucket ${r.bucket} is outside the ${monthCount} months`);
    counts[r.bucket] += r.count;
    amounts[r.bucket] += r.amountPence;
  }
  return { counts, amounts };
}

// ---- Awards ------------------------------------------------------------------------------------

/** Every category (a row even when nothing was awarded in it), with its short label. */
export const AWARD_CATEGORIES = [...CATEGORIES] as string[];
export const categoryLabel = (category: string): string => (CATEGORY_SHORT as Record<string, string>)[category] ?? CATEGORY_SHORT.other;
/** An award whose application has no category (or an unknown one) counts as "other". */
export const categoryOf = (category: string | null): string => (category && AWARD_CATEGORIES.includes(category) ? category : "other");

/** Where an award is now, as the board reads it: approved but not yet paid counts as committed. */
export const AWARD_STATUS_COLUMNS = ["committed", "paid", "cancelled"] as const;
export const AWARD_STATUS_LABELS: Record<(typeof AWARD_STATUS_COLUMNS)[number], string> = {
  committed: "Committed, not yet paid",
  paid: "Paid",
  cancelled: "Cancelled",
};
export function awardStatusColumn(status: string): number {
  if (status === "paid") return 1;
  if (status === "cancelled") return 2;
  return 0;
}

/** Rows by category, columns by status: `cells` of counts or amounts from grouped rows. */
export function categoryStatusGrid(rows: readonly { category: string | null; status: string; value: number }[]): number[][] {
  const grid = AWARD_CATEGORIES.map(() => AWARD_STATUS_COLUMNS.map(() => 0));
  for (const r of rows) grid[AWARD_CATEGORIES.indexOf(categoryOf(r.category))][awardStatusColumn(r.status)] += r.value;
  return grid;
}

/**
 * Amounts that go with a suppressed table of counts: hidden exactly where the count (or its total)
 * is, as followSuppression does for a line. The counts' hiding already leaves no line with a single
 * hidden figure, so the amounts cannot be worked out either.
 */
export function followTable(amounts: readonly (readonly number[])[], counts: SuppressedTable): SuppressedTable {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const width = counts.columnTotals.length;
  const hideIf = (count: Shown, value: number): Shown => (count === SUPPRESSED ? SUPPRESSED : value);
  return {
    cells: amounts.map((row, r) => row.map((v, c) => hideIf(counts.cells[r][c], v))),
    rowTotals: amounts.map((row, r) => hideIf(counts.rowTotals[r], sum(row))),
    columnTotals: Array.from({ length: width }, (_, c) => hideIf(counts.columnTotals[c], sum(amounts.map((row) => row[c])))),
    total: hideIf(counts.total, sum(amounts.flat())),
  };
}

// ---- Applications by stage ---------------------------------------------------------------------

/** The stages an application waits at (the statuses someone still has to act on), in order. */
export const OPEN_STAGES = ["submitted", "more_info_requested", "with_panel", "approved", "payment_approved"] as const;
export const STAGE_LABELS: Record<(typeof OPEN_STAGES)[number], string> = {
  submitted: "Waiting for the eligibility check",
  more_info_requested: "Waiting for more information",
  with_panel: "With the panel",
  approved: "Approved, waiting for payment approval",
  payment_approved: "Payment approved, waiting to be paid",
};

/** How long an application has been at its stage: under 4 weeks, 4 to 12 weeks, over 12 weeks. */
export const AGE_BANDS = ["Under 4 weeks", "4 to 12 weeks", "Over 12 weeks"] as const;
const DAY_MS = 86_400_000;

export function ageBand(since: Date, now: Date): number {
  const days = (now.getTime() - since.getTime()) / DAY_MS;
  if (days < 28) return 0;
  if (days <= 84) return 1;
  return 2;
}

/** Counts by stage (rows, OPEN_STAGES order) and age band (columns); other statuses are left out. */
export function stageAgeGrid(applications: readonly { status: string; since: Date }[], now: Date): number[][] {
  const grid = OPEN_STAGES.map(() => AGE_BANDS.map(() => 0));
  for (const a of applications) {
    const row = (OPEN_STAGES as readonly string[]).indexOf(a.status);
    if (row >= 0) grid[row][ageBand(a.since, now)] += 1;
  }
  return grid;
}

// ---- Give something back -----------------------------------------------------------------------

export const GIVE_BACK_KINDS = [...GIVE_BACK_OPTIONS] as string[];
export const giveBackLabel = (kind: string): string => (GIVE_BACK_LABELS as Record<string, string>)[kind] ?? kind;

/**
 * From answered follow-ups grouped by their stored answer (a JSON list of options): how many young
 * people chose each option, and how many answered. One person may choose several.
 */
export function giveBackCounts(groups: readonly { giveBack: string | null; count: number }[]): { counts: number[]; responses: number } {
  const counts = GIVE_BACK_KINDS.map(() => 0);
  let responses = 0;
  for (const g of groups) {
    responses += g.count;
    for (const kind of giveBackOf(g.giveBack)) counts[GIVE_BACK_KINDS.indexOf(kind)] += g.count;
  }
  return { counts, responses };
}

// ---- Mentoring ---------------------------------------------------------------------------------

/**
 * Pairs in the period (grouped rows) split into those still going, ended (not a good fit) and closed
 * (planned closure) within it: the line that pairs, ended and closed are published from, so a hidden
 * one cannot be worked out from the others. A pair that ended after the period was still going in it.
 */
export function pairOutcomes(groups: readonly { status: string; endedInPeriod: boolean; count: number }[]): number[] {
  let ongoing = 0;
  let ended = 0;
  let closed = 0;
  for (const g of groups) {
    if (g.endedInPeriod && g.status === "ended") ended += g.count;
    else if (g.endedInPeriod && g.status === "closed") closed += g.count;
    else ongoing += g.count;
  }
  return [ongoing, ended, closed];
}

/** Minutes as hours, to one decimal place. */
export const hoursOf = (minutes: number): number => Math.round(minutes / 6) / 10;

// ---- The board report --------------------------------------------------------------------------

/** The board report's months, from the query string: both or neither; whole months, in order, at most 2 years. */
export const MAX_REPORT_MONTHS = 24;

export function boardQuerySchema(todayKey: string) {
  const thisMonth = todayKey.slice(0, 7);
  const month = (which: string) =>
    z
      .string({ error: `Choose the month to ${which}` })
      .trim()
      .min(1, `Choose the month to ${which}`)
      .refine(isMonthKey, `The month to ${which} must be a month and year, like ${thisMonth}`)
      .refine((key) => key <= thisMonth, `The month to ${which} must be this month or earlier`);
  return z
    .object({ from: month("start from"), to: month("end with") })
    .superRefine((v, ctx) => {
      if (v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "The month to end with must be the same as or after the month to start from" });
      else if (monthsBetween(v.from, v.to) > MAX_REPORT_MONTHS) ctx.addIssue({ code: "custom", path: ["to"], message: `Choose ${MAX_REPORT_MONTHS} months or fewer` });
    });
}

const monthsBetween = (fromKey: string, toKey: string): number => {
  const [fy, fm] = fromKey.split("-").map(Number);
  const [ty, tm] = toKey.split("-").map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
};

export type BoardQuery = { from: string; to: string };
export type BoardQueryResult = { ok: true; query: BoardQuery } | { ok: false; values: BoardQuery; errors: Partial<Record<"from" | "to", string>> };

/** No months asked for: the last full quarter. Otherwise both months, checked. */
export function parseBoardQuery(params: { from: string | null; to: string | null }, todayKey: string): BoardQueryResult {
  if (params.from === null && params.to === null) return { ok: true, query: lastFullQuarter(todayKey) };
  const values = { from: params.from ?? "", to: params.to ?? "" };
  const parsed = boardQuerySchema(todayKey).safeParse(values);
  if (parsed.success) return { ok: true, query: parsed.data };
  const errors: Partial<Record<"from" | "to", string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === "from" || field === "to") && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, values, errors };
}

/** The months offered in the form: from `count` months ago to this month, newest first. */
export function monthChoices(todayKey: string, count = 36): { value: string; label: string }[] {
  const thisMonth = todayKey.slice(0, 7);
  return Array.from({ length: count }, (_, i) => addMonths(thisMonth, -i)).map((value) => ({ value, label: monthLabel(value) }));
}

export type BoardReport = {
  fromKey: string;
  toKey: string;
  /** the UK day the stage ages are counted to */
  asAtKey: string;
  threshold: number;
  money: {
    months: { month: string; label: string; payrollPence: number; cardPence: number; giftAidPence: number; spentPence: Shown }[];
    totals: { payrollPence: number; cardPence: number; giftAidPence: number; spentPence: Shown };
  };
  awards: { categories: { category: string; label: string }[]; statuses: { status: string; label: string }[]; counts: SuppressedTable; amounts: SuppressedTable };
  time: { hours: number; volunteers: number };
  mentoring: { pairs: Shown; goodFit: Shown; ended: Shown; closed: Shown; sessions: number; hours: number };
  applications: { stages: string[]; ageBands: string[]; table: SuppressedTable };
  giveBack: { rows: { kind: string; label: string; count: Shown }[]; total: Shown };
};

const penceText = (p: number): string => {
  const sign = p < 0 ? "-" : "";
  const abs = Math.abs(p);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
};
const shownText = (v: Shown): string => (v === SUPPRESSED ? SUPPRESSED : String(v));
const shownPence = (v: Shown): string => (v === SUPPRESSED ? SUPPRESSED : penceText(v));

/**
 * The report as CSV records: one block per table, each headed by its title, a blank record between
 * blocks. Amounts in pounds with 2 decimals (no £ sign, so a spreadsheet adds them up); "c" as on the page.
 */
export function boardReportRecords(r: BoardReport): string[][] {
  const out: string[][] = [
    ["Corporate Parenting Board report"],
    ["Months", monthsText(r.fromKey, r.toKey)],
    ["Note", `c means fewer than ${r.threshold}, or a figure hidden so that one could not be worked out.`],
    [],
    ["Income and spending by month (£)"],
    ["Month", "Payroll giving", "Card gifts", "Gift Aid", "Total income", "Paid out in awards"],
    ...r.money.months.map((m) => [m.label, penceText(m.payrollPence), penceText(m.cardPence), penceText(m.giftAidPence), penceText(m.payrollPence + m.cardPence + m.giftAidPence), shownPence(m.spentPence)]),
    ["Total", penceText(r.money.totals.payrollPence), penceText(r.money.totals.cardPence), penceText(r.money.totals.giftAidPence), penceText(r.money.totals.payrollPence + r.money.totals.cardPence + r.money.totals.giftAidPence), shownPence(r.money.totals.spentPence)],
    [],
  ];
  const statusHeads = r.awards.statuses.map((s) => s.label);
  const grid = (title: string, first: string, table: SuppressedTable, rowLabels: string[], heads: string[], cell: (v: Shown) => string) => [
    [title],
    [first, ...heads, "Total"],
    ...rowLabels.map((label, i) => [label, ...table.cells[i].map(cell), cell(table.rowTotals[i])]),
    ["Total", ...table.columnTotals.map(cell), cell(table.total)],
    [],
  ];
  const categories = r.awards.categories.map((c) => c.label);
  out.push(...grid("Awards made in the months, by category and where they are now (number)", "Category", r.awards.counts, categories, statusHeads, shownText));
  out.push(...grid("Awards made in the months, by category and where they are now (£)", "Category", r.awards.amounts, categories, statusHeads, shownPence));
  out.push(["Time given"], ["Hours given by volunteers", String(r.time.hours)], ["Volunteers who gave time", String(r.time.volunteers)], []);
  out.push(
    ["Mentoring"],
    ["Pairs mentoring in the months", shownText(r.mentoring.pairs)],
    ["Pairs where both said it is a good fit", shownText(r.mentoring.goodFit)],
    ["Pairs ended as not a good fit", shownText(r.mentoring.ended)],
    ["Pairs closed as planned", shownText(r.mentoring.closed)],
    ["Sessions", String(r.mentoring.sessions)],
    ["Hours of mentoring", String(r.mentoring.hours)],
    [],
  );
  out.push(...grid(`Open applications by stage and time at that stage, on ${r.asAtKey}`, "Stage", r.applications.table, r.applications.stages, r.applications.ageBands, shownText));
  out.push(["Give something back: what young people said they would like to do"], ["Answer", "Young people"], ...r.giveBack.rows.map((g) => [g.label, shownText(g.count)]), ["Young people who answered", shownText(r.giveBack.total)]);
  return out;
}
