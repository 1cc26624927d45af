// Hours given against a link, and the short feedback after it completes. Pure: the UK day and month
// are worked out from day keys ("YYYY-MM-DD", as ukDayKey gives); only approved hours count.
import { z } from "zod";
import { minutesProblem } from "./matching";
import { parseDateInput } from "../date-input";

/** A logged day is kept as midnight UTC of its UK calendar day, so its key never shifts with the clocks. */
export const dayKeyToDate = (key: string): Date => new Date(`${key}T00:00:00Z`);
export const dateToDayKey = (day: Date): string => day.toISOString().slice(0, 10);
/** "2026-05-17" → "2026-05" */
export const monthKeyOf = (dayKey: string): string => dayKey.slice(0, 7);

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** "2026-05" → "May 2026" */
export function monthLabel(monthKey: string): string {
  const [y, m] = monthKey.split("-").map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

/** The `count` month keys ending with the month of `todayKey`, oldest first. */
export function lastMonths(todayKey: string, count: number): string[] {
  const [y, m] = todayKey.split("-").map(Number);
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`);
  }
  return out;
}

/** Minutes as hours in words: 150 → "2.5 hours", 60 → "1 hour", 15 → "0.25 hours". */
export function formatHours(minutes: number): string {
  const hours = Math.round((minutes / 60) * 100) / 100;
  return `${hours.toLocaleString("en-GB", { maximumFractionDigits: 2 })} ${hours === 1 ? "hour" : "hours"}`;
}

const HOURS_TEXT = /^(\d{1,2})?(?:\.(\d{1,2}))?$/;
const FRACTIONS: Record<string, number> = { "": 0, "0": 0, "00": 0, "25": 15, "5": 30, "50": 30, "75": 45 };

/** "2.5" → 150 minutes; quarter hours only, never via floating point. */
export function parseHours(text: string): { minutes: number } | { error: string } {
  const t = text.trim();
  const match = HOURS_TEXT.exec(t);
  if (!t) return { error: "Enter how many hours you gave" };
  if (!match || (match[1] === undefined && match[2] === undefined) || !((match[2] ?? "") in FRACTIONS)) {
    return { error: "Enter the hours as a number in quarter hours, like 1.5 or 2.25" };
  }
  const minutes = Number(match[1] ?? 0) * 60 + FRACTIONS[match[2] ?? ""];
  const problem = minutesProblem(minutes);
  return problem ? { error: problem } : { minutes };
}

export type HoursFormValues = { dayDay: string; dayMonth: string; dayYear: string; hours: string; note: string };
export type HoursErrors = Partial<Record<"day" | "hours" | "note", string>>;
export type HoursEntry = { dayKey: string; minutes: number; note: string };
export const NOTE_MAX = 300;

/** The GOV.UK date input → a day key, or the message to show. */
export function parseDayParts(day: string, month: string, year: string): { key: string } | { error: string } {
  return parseDateInput({ day, month, year }, { label: "The date", empty: "Enter the day you gave the time", example: "17 5 2026" });
}

/** The day is not in the future (`todayKey`) nor before the link was made (`linkedKey`). */
export function dayProblem(dayKey: string, todayKey: string, linkedKey: string): string | null {
  if (dayKey > todayKey) return "The date must be today or in the past";
  if (dayKey < linkedKey) return "The date must be on or after the day you were linked";
  return null;
}

const noteSchema = z.string().trim().min(1, "Say briefly what you did, like \"CV review over video call\"").max(NOTE_MAX, `Keep the note to ${NOTE_MAX} characters or fewer`);

/** The volunteer's "log hours" form. */
export function parseHoursEntry(values: HoursFormValues, todayKey: string, linkedKey: string): { ok: true; entry: HoursEntry } | { ok: false; errors: HoursErrors } {
  const errors: HoursErrors = {};
  const day = parseDayParts(values.dayDay, values.dayMonth, values.dayYear);
  if ("error" in day) errors.day = day.error;
  else errors.day = dayProblem(day.key, todayKey, linkedKey) ?? undefined;
  const hours = parseHours(values.hours);
  if ("error" in hours) errors.hours = hours.error;
  const note = noteSchema.safeParse(values.note);
  if (!note.success) errors.note = note.error.issues[0].message;
  if (errors.day || errors.hours || errors.note || "error" in day || "error" in hours || !note.success) return { ok: false, errors };
  return { ok: true, entry: { dayKey: day.key, minutes: hours.minutes, note: note.data } };
}

// Totals. A row is one log, or a sum of logs the database already grouped; only approved ones count.
export type HoursRow = { status: string; minutes: number };
export type Total = { key: string; minutes: number };

/** Approved minutes summed by `keyOf`, most first (ties by key). */
export function totalsBy<R extends HoursRow>(rows: readonly R[], keyOf: (row: R) => string): Total[] {
  const sums = new Map<string, number>();
  for (const r of rows) {
    if (r.status !== "approved") continue;
    const key = keyOf(r);
    sums.set(key, (sums.get(key) ?? 0) + r.minutes);
  }
  return [...sums].map(([key, minutes]) => ({ key, minutes })).sort((a, b) => b.minutes - a.minutes || a.key.localeCompare(b.key));
}

export type TimeTotals = { totalMinutes: number; thisMonthMinutes: number; byMonth: { month: string; label: string; minutes: number }[] };

/**
 * Approved hours for the impact pages and the board report: in all, this UK month, and each of the
 * last `months` months (oldest first, months without hours shown as 0).
 */
export function timeTotalsFrom(rows: readonly (HoursRow & { dayKey: string })[], todayKey: string, months = 12): TimeTotals {
  const byMonth = new Map(totalsBy(rows, (r) => monthKeyOf(r.dayKey)).map((t) => [t.key, t.minutes]));
  const thisMonth = monthKeyOf(todayKey);
  return {
    totalMinutes: [...byMonth.values()].reduce((a, b) => a + b, 0),
    thisMonthMinutes: byMonth.get(thisMonth) ?? 0,
    byMonth: lastMonths(todayKey, months).map((month) => ({ month, label: monthLabel(month), minutes: byMonth.get(month) ?? 0 })),
  };
}

export const HOURS_STATUS_LABELS: Record<string, string> = { pending: "Waiting for approval", approved: "Approved", rejected: "Not approved" };
export const LINK_STATUS_LABELS: Record<string, string> = { active: "Active", completed: "Completed", ended: "Ended" };

// Feedback after a link completes: one per side.
export const RATINGS = ["went_well", "ok", "not_well"] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = { went_well: "It went well", ok: "It was OK", not_well: "It did not go well" };
export type FeedbackSide = "volunteer" | "young_person";
export const COMMENT_MAX = 1000;

export const feedbackSchema = z.object({
  rating: z.enum(RATINGS, { error: "Choose how it went" }),
  comment: z
    .string()
    .trim()
    .max(COMMENT_MAX, `Keep the comment to ${COMMENT_MAX.toLocaleString("en-GB")} characters or fewer`)
    .transform((c) => c || null),
});
export type FeedbackInput = z.infer<typeof feedbackSchema>;
