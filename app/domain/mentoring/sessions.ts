// A mentoring pair's session log (issue 8, domain notes "Session logs"): the mentor records the day,
// how long, in person or online, and a short note. Safeguarding concerns never go in the note: they go
// to the designated safeguarding lead through their own form (concernSchema), whose text is emailed
// and never stored. Pure: no Remix, Prisma or clock (today comes in as a day key).
import { z } from "zod";
import { parseDateInput } from "../date-input";
import { requiredText, text as str } from "../form-fields";

export const SESSION_MODES = { in_person: "In person", online: "Online" } as const;
export type SessionMode = keyof typeof SESSION_MODES;
export const isSessionMode = (v: unknown): v is SessionMode => typeof v === "string" && Object.hasOwn(SESSION_MODES, v);

export const MIN_SESSION_MINUTES = 5;
export const MAX_SESSION_MINUTES = 480;
export const SESSION_NOTE_MAX = 500;
export const CONCERN_MAX = 5000;

/** The day is not in the future (`todayKey`) and not before the cohort started (`startKey`). */
export function sessionDayProblem(dayKey: string, todayKey: string, startKey: string): string | null {
  if (dayKey > todayKey) return "The date of the session must be today or in the past";
  if (dayKey < startKey) return "The date of the session must be on or after the day the cohort started";
  return null;
}

/** Why a length in minutes cannot be logged (null: it can). */
export function sessionMinutesProblem(minutes: number): string | null {
  if (!Number.isInteger(minutes)) return "Enter how long the session was in whole minutes, like 45";
  if (minutes < MIN_SESSION_MINUTES || minutes > MAX_SESSION_MINUTES) return `Enter between ${MIN_SESSION_MINUTES} and ${MAX_SESSION_MINUTES} minutes (8 hours)`;
  return null;
}

type Raw = Record<string, unknown>;

/**
 * The mentor's "Log a session" form: a GOV.UK date input (dayDay, dayMonth, dayYear), minutes, mode
 * and note. The three date boxes become one value, so its problem is reported once, as "day".
 */
export function sessionSchema(todayKey: string, startKey: string) {
  const day = z.object({ day: str, month: str, year: str }).transform((v, ctx) => {
    const parsed = parseDateInput(v, { label: "The date of the session", empty: "Enter the date of the session", example: "17 5 2026" });
    const problem = "error" in parsed ? parsed.error : sessionDayProblem(parsed.key, todayKey, startKey);
    if ("error" in parsed || problem) {
      ctx.addIssue({ code: "custom", message: problem ?? "Enter the date of the session" });
      return z.NEVER;
    }
    return parsed.key;
  });
  const minutes = str.transform((v, ctx) => {
    const problem = !v ? "Enter how long the session was, in minutes" : !/^\d{1,4}$/.test(v) ? "Enter how long the session was in whole minutes, like 45" : sessionMinutesProblem(Number(v));
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return Number(v);
  });
  return z.preprocess(
    (raw) => (raw && typeof raw === "object" ? { ...(raw as Raw), day: { day: (raw as Raw).dayDay, month: (raw as Raw).dayMonth, year: (raw as Raw).dayYear } } : raw),
    z.object({
      day,
      minutes,
      mode: str.refine(isSessionMode, "Choose whether you met in person or online").transform((v) => v as SessionMode),
      note: requiredText("Say briefly what you did together, like \"Practised interview questions\"", SESSION_NOTE_MAX, `Keep the note to ${SESSION_NOTE_MAX} characters or fewer`),
    }),
  );
}
export type SessionInput = z.output<ReturnType<typeof sessionSchema>>;

/** The mentor's safeguarding concern: free text, emailed to the safeguarding lead and never stored. */
export const concernSchema = z.object({
  concern: requiredText("Describe your concern", CONCERN_MAX, `Your concern must be ${CONCERN_MAX.toLocaleString("en-GB")} characters or fewer. Call the safeguarding lead if there is more to say.`),
});

/** Sessions and minutes in all, for the pair page and the cohort report. */
export function sessionTotals(sessions: readonly { minutes: number }[]): { count: number; minutes: number } {
  return { count: sessions.length, minutes: sessions.reduce((sum, s) => sum + s.minutes, 0) };
}

/** 45 → "45 minutes", 60 → "1 hour", 90 → "1 hour 30 minutes". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h ? `${h} ${h === 1 ? "hour" : "hours"}` : "";
  const mins = m || !h ? `${m} ${m === 1 ? "minute" : "minutes"}` : "";
  return [hours, mins].filter(Boolean).join(" ");
}
