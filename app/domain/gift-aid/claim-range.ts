// The finance form for a claim schedule: a date range typed as two GOV.UK date inputs. Pure.
import { parseDateInput, type DateParts } from "../date-input";

export type { DateParts };
export type ClaimRange = { fromKey: string; toKey: string; aggregate: boolean };
export type RangeErrors = Partial<Record<"from" | "to", string>>;

const LABELS = { from: "The start date", to: "The end date" } as const;

/** One GOV.UK date input → "YYYY-MM-DD", or the message to show. */
export function parseDay(parts: DateParts, field: "from" | "to"): { key: string } | { error: string } {
  return parseDateInput(parts, { label: LABELS[field], example: "6 4 2026" });
}

/** Both dates, the end not before the start, neither in the future (`todayKey` is today's UK day). */
export function parseClaimRange(
  values: Record<string, string | undefined>,
  todayKey: string,
): { ok: true; range: ClaimRange } | { ok: false; errors: RangeErrors } {
  const from = parseDay({ day: values.fromDay, month: values.fromMonth, year: values.fromYear }, "from");
  const to = parseDay({ day: values.toDay, month: values.toMonth, year: values.toYear }, "to");
  const errors: RangeErrors = {};
  if ("error" in from) errors.from = from.error;
  if ("error" in to) errors.to = to.error;
  if ("key" in from && from.key > todayKey) errors.from = "The start date must be today or in the past";
  if ("key" in to && to.key > todayKey) errors.to = "The end date must be today or in the past";
  if ("key" in from && "key" in to && !errors.from && !errors.to && to.key < from.key) errors.to = "The end date must be the same as or after the start date";
  if (errors.from || errors.to || !("key" in from) || !("key" in to)) return { ok: false, errors };
  return { ok: true, range: { fromKey: from.key, toKey: to.key, aggregate: values.aggregate === "yes" } };
}

/** "2026-04-06" → "6 April 2026" */
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export function formatDayKey(key: string): string {
  const [y, m, d] = key.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The instant a UK day key starts, widened by a day each side: a safe window for the database query. */
export function queryWindow(fromKey: string, toKey: string): { gte: Date; lt: Date } {
  const start = new Date(`${fromKey}T00:00:00Z`);
  const end = new Date(`${toKey}T00:00:00Z`);
  return { gte: new Date(start.getTime() - 86_400_000), lt: new Date(end.getTime() + 2 * 86_400_000) };
}
