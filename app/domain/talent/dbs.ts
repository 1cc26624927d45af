// The minimal DBS record (domain notes): level, certificate number, issued on, outcome. What counts
// as "clear" for linking a volunteer with an under-18, and the coordinator's form. Mentoring reuses it.
import { z } from "zod";
import { parseDateInput } from "../date-input";

export const DBS_LEVELS = {
  basic: "Basic",
  standard: "Standard",
  enhanced: "Enhanced",
  enhanced_barred: "Enhanced with the children's barred list",
} as const;
export type DbsLevel = keyof typeof DBS_LEVELS;
export const isDbsLevel = (v: string): v is DbsLevel => v in DBS_LEVELS;

export const DBS_OUTCOMES = { clear: "Clear", not_clear: "Not clear" } as const;
export type DbsOutcome = keyof typeof DBS_OUTCOMES;
export const isDbsOutcome = (v: string): v is DbsOutcome => v in DBS_OUTCOMES;

export type DbsFacts = { level: string; outcome: string; purgedAt: Date | null };

/**
 * Whether one check lets the volunteer be linked with an under-18. Decided: the outcome is clear and
 * the level is enhanced or enhanced with the barred list. Purging removes only the certificate number
 * (kept about 6 months, domain notes); the level, date and outcome stay, so a purged check still counts. A Talent Network link is a few hours a
 * month, usually not regulated activity, so the barred list is not required here; mentoring (weekly,
 * unsupervised: regulated activity) must ask for enhanced_barred itself.
 */
export function dbsCounts(check: DbsFacts): boolean {
  return check.outcome === "clear" && (check.level === "enhanced" || check.level === "enhanced_barred");
}

/** A volunteer is DBS-clear when any of their checks counts. */
export function dbsClear(checks: readonly DbsFacts[]): boolean {
  return checks.some(dbsCounts);
}

export type DbsFormValues = { email: string; level: string; certificateNumber: string; issuedDay: string; issuedMonth: string; issuedYear: string; outcome: string };
export type DbsErrors = Partial<Record<"email" | "level" | "certificateNumber" | "issued" | "outcome", string>>;
export type DbsEntry = { email: string; level: DbsLevel; certificateNumber: string; issuedOnKey: string; outcome: DbsOutcome };

const dbsSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter the volunteer's work email address").max(254, "The email address must be 254 characters or fewer").email("Enter the email address like name@council.example"),
  level: z.string().refine(isDbsLevel, "Choose the level of the check"),
  // A DBS certificate number is 12 digits.
  certificateNumber: z.string().transform((v) => v.replace(/\s+/g, "")).pipe(z.string().regex(/^\d{12}$/, "Enter the certificate number: 12 digits, like 001234567890")),
  outcome: z.string().refine(isDbsOutcome, "Choose the outcome"),
});

/** The coordinator's "record a DBS check" form; the issue date is today or earlier (`todayKey`, "YYYY-MM-DD"). */
export function parseDbsForm(values: DbsFormValues, todayKey: string): { ok: true; entry: DbsEntry } | { ok: false; errors: DbsErrors } {
  const errors: DbsErrors = {};
  const parsed = dbsSchema.safeParse(values);
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0]) as keyof DbsErrors] ??= issue.message;
  const issued = issuedDay(values.issuedDay, values.issuedMonth, values.issuedYear);
  if ("error" in issued) errors.issued = issued.error;
  else if (issued.key > todayKey) errors.issued = "The issue date must be today or in the past";
  if (!parsed.success || "error" in issued || errors.issued) return { ok: false, errors };
  return { ok: true, entry: { ...parsed.data, level: parsed.data.level as DbsLevel, outcome: parsed.data.outcome as DbsOutcome, issuedOnKey: issued.key } };
}

function issuedDay(day: string, month: string, year: string): { key: string } | { error: string } {
  return parseDateInput({ day, month, year }, { label: "The issue date", empty: "Enter the date the certificate was issued", example: "17 5 2026" });
}
