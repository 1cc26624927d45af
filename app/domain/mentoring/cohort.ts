// The mentoring pilot's cohorts and the people in them (issue 8, domain notes "Giving Time and
// mentoring"): the cohort's status steps, what a mentor application's status allows, and one Zod
// schema per form (a cohort, a mentor application, a young person's profile for matching), shared by
// the route's action and the page. The JSON-array columns read back safely. Pure: no Remix, Prisma or clock.
import { z } from "zod";
import { checkboxList as list, optionalText as optional, requiredText as required, storedStrings, text as str, yesNo } from "../form-fields";
import { parseDayParts } from "../talent/hours";
import { isGender, type Gender } from "../talent/forms";
import { SKILLS, SLOTS, isMode, type Mode, type Slot } from "../talent/skills";
import { AGE_BANDS, GOALS, INTERESTS, type AgeBand, type GoalKey, type InterestKey } from "./matching";

export { storedStrings };

// ---- The cohort's status ---------------------------------------------------------------------

export const COHORT_STATUSES = {
  recruiting: "Recruiting",
  matching: "Matching",
  running: "Running",
  closing: "Closing",
  evaluated: "Evaluated",
} as const;
export type CohortStatus = keyof typeof COHORT_STATUSES;
export const COHORT_STATUS_ORDER = Object.keys(COHORT_STATUSES) as CohortStatus[];
export const isCohortStatus = (v: string): v is CohortStatus => Object.hasOwn(COHORT_STATUSES, v);

/** The step after this one (null: evaluated is the end). */
export function nextCohortStatus(status: CohortStatus): CohortStatus | null {
  return COHORT_STATUS_ORDER[COHORT_STATUS_ORDER.indexOf(status) + 1] ?? null;
}

const lower = (s: CohortStatus) => COHORT_STATUSES[s].toLowerCase();

/** Why a cohort cannot move from `from` to `to` (null: it can). Only one step forward at a time. */
export function cohortAdvanceProblem(from: string, to: string): string | null {
  if (!isCohortStatus(from)) return "This cohort's status is not known, so it cannot change.";
  if (!isCohortStatus(to)) return "Choose a status from the list.";
  if (from === "evaluated") return "This cohort has been evaluated, so its status cannot change.";
  if (from === to) return `This cohort is already ${lower(from)}.`;
  if (COHORT_STATUS_ORDER.indexOf(to) < COHORT_STATUS_ORDER.indexOf(from)) return `A cohort cannot go back to ${lower(to)}. This cohort is ${lower(from)}.`;
  const previous = COHORT_STATUS_ORDER[COHORT_STATUS_ORDER.indexOf(to) - 1];
  return nextCohortStatus(from) === to ? null : `A cohort can move to ${lower(to)} only when it is ${lower(previous)}. This cohort is ${lower(from)}.`;
}

/** Statuses in which the coordinator still shortlists, interviews and selects mentors, and profiles are taken. */
export const SELECTING_STATUSES: readonly CohortStatus[] = ["recruiting", "matching"];

// ---- A mentor application's status -----------------------------------------------------------

export const APPLICATION_STATUSES = {
  applied: "Applied",
  shortlisted: "Shortlisted",
  interviewed: "Interviewed",
  selected: "Selected",
  not_selected: "Not selected",
  withdrawn: "Withdrawn",
} as const;
export type ApplicationStatus = keyof typeof APPLICATION_STATUSES;
export const isApplicationStatus = (v: string): v is ApplicationStatus => Object.hasOwn(APPLICATION_STATUSES, v);

export const INTERVIEW_OUTCOMES = { suitable: "Suitable to mentor", not_suitable: "Not suitable to mentor" } as const;
export type InterviewOutcome = keyof typeof INTERVIEW_OUTCOMES;
export const isInterviewOutcome = (v: string): v is InterviewOutcome => Object.hasOwn(INTERVIEW_OUTCOMES, v);

export type ApplicationChange = "shortlist" | "interview" | "select" | "not_select";
export const APPLICATION_CHANGE_TO = { shortlist: "shortlisted", interview: "interviewed", select: "selected", not_select: "not_selected" } as const satisfies Record<ApplicationChange, ApplicationStatus>;

/**
 * Why the coordinator cannot make this change to an application (null: they can). The steps go
 * applied → shortlisted → interviewed → selected; "not selected" ends it at any step before a decision.
 * Shortlisting needs the manager's agreement (the time is in work hours); selecting needs an interview
 * that found the employee suitable.
 */
export function applicationChangeProblem(app: { status: string; managerAgreed: boolean; interviewOutcome: string | null }, change: ApplicationChange): string | null {
  const { status } = app;
  if (status === "selected" || status === "not_selected") return `A decision has been made on this application (${APPLICATION_STATUSES[status].toLowerCase()}), so it cannot change.`;
  if (status === "withdrawn") return "The employee withdrew this application, so it cannot change.";
  switch (change) {
    case "shortlist":
      if (status !== "applied") return "This application is already on the shortlist.";
      if (!app.managerAgreed) return "The employee's manager has not agreed to the time, so the application cannot be shortlisted.";
      return null;
    case "interview":
      if (status === "applied") return "Shortlist the application before recording an interview.";
      if (status !== "shortlisted") return "The interview for this application has already been recorded.";
      return null;
    case "select":
      if (status !== "interviewed") return "Record the interview before selecting the mentor.";
      if (app.interviewOutcome !== "suitable") return "The interview found the employee not suitable to mentor, so they cannot be selected.";
      return null;
    case "not_select":
      return null;
  }
}

export const isAgeBand = (v: string): v is AgeBand => Object.hasOwn(AGE_BANDS, v);

// ---- Schema pieces (as in app/domain/talent/forms.ts) ----------------------------------------

// A posted text field, trimmed; missing is "". preprocess, so a missing key still runs it.
// A checkbox group: one value or many or none → an array of strings (one value arrives as a string).


/** A checkbox group of keys of `choices`: known keys only, at least one, each once, in the list's order. */
function keyList<K extends string>(choices: Record<K, unknown>, empty: string, unknown: string) {
  const order = Object.keys(choices) as K[];
  const known = (v: string): v is K => (order as string[]).includes(v);
  return list.transform((v, ctx) => {
    if (!v.every(known)) ctx.addIssue({ code: "custom", message: unknown });
    else if (v.length === 0) ctx.addIssue({ code: "custom", message: empty });
    return [...new Set(v.filter(known))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  });
}

/** A whole number from `min` to `max`. */
const wholeNumber = (empty: string, notWhole: string, outOfRange: string, min: number, max: number) =>
  str.transform((v, ctx) => {
    if (!v) {
      ctx.addIssue({ code: "custom", message: empty });
      return z.NEVER;
    }
    if (!/^\d+$/.test(v)) {
      ctx.addIssue({ code: "custom", message: notWhole });
      return z.NEVER;
    }
    const n = Number(v);
    if (n < min || n > max) {
      ctx.addIssue({ code: "custom", message: outOfRange });
      return z.NEVER;
    }
    return n;
  });

const mode = (message: string) => str.refine(isMode, message).transform((v) => v as Mode);

// Rules across fields run even when another field has a problem, so the page lists every problem at once.
const always = { when: () => true };
const placeRule = (message: string): [(v: { mode?: string; location?: string | null }) => boolean, { when: () => boolean; path: string[]; message: string }] => [
  (v) => v.mode === "online" || !isMode(v.mode ?? "") || Boolean(v.location),
  { ...always, path: ["location"], message },
];

// ---- The cohort form -------------------------------------------------------------------------

export const MIN_WEEKS = 6;
export const MAX_WEEKS = 10;
export const MAX_COHORT_CAPACITY = 200;
export const COHORT_LISTS = ["dropInDays"] as const;

/** "2026-12-03" or "3/12/2026" (or "3 12 2026") → a day key, or the message. */
export function parseDayText(text: string, what: string): { key: string } | { error: string } {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const uk = /^(\d{1,2})[\s/.-]+(\d{1,2})[\s/.-]+(\d{4})$/.exec(t);
  const parts = iso ? [iso[3], iso[2], iso[1]] : uk ? [uk[1], uk[2], uk[3]] : null;
  if (!parts) return { error: `${what} must be a real date, like 3/12/2026` };
  const parsed = parseDayParts(parts[0], parts[1], parts[2]);
  return "key" in parsed ? parsed : { error: `${what} must be a real date, like 3/12/2026` };
}

/** One checkbox-group-like field's day keys: blank entries ignored, each real and today or later. */
const dayList = (todayKey: string) =>
  list.transform((v, ctx) => {
    const days = new Set<string>();
    let bad = false;
    for (const text of v) {
      if (!text.trim()) continue;
      const day = parseDayText(text, "Each drop-in date");
      if ("error" in day) ctx.addIssue({ code: "custom", message: day.error });
      else if (day.key < todayKey) ctx.addIssue({ code: "custom", message: "Each drop-in date must be today or in the future" });
      else {
        days.add(day.key);
        continue;
      }
      bad = true;
    }
    if (!bad && days.size === 0) ctx.addIssue({ code: "custom", message: "Enter at least one drop-in date" });
    return [...days].sort();
  });

/**
 * The coordinator's cohort form. The start date is a GOV.UK date input (startDay, startMonth,
 * startYear) on or after `todayKey`; the drop-in days are one date per field (blank fields ignored),
 * today or later and on or before the start, since they are for meeting before matching.
 */
export function cohortSchema(todayKey: string) {
  const startsOn = z
    .object({ day: str, month: str, year: str })
    .transform((v, ctx) => {
      const start = parseDayParts(v.day, v.month, v.year);
      if ("error" in start) {
        ctx.addIssue({ code: "custom", message: start.error.replace("the day you gave the time", "the date the cohort starts") });
        return z.NEVER;
      }
      if (start.key < todayKey) {
        ctx.addIssue({ code: "custom", message: "The start date must be today or in the future" });
        return z.NEVER;
      }
      return start.key;
    });
  return z.preprocess(
    // The three date fields become one value, so its problem is reported once, as "startsOn".
    (raw) => (raw && typeof raw === "object" ? { ...raw, startsOn: { day: (raw as Record<string, unknown>).startDay, month: (raw as Record<string, unknown>).startMonth, year: (raw as Record<string, unknown>).startYear } } : raw),
    z
      .object({
        name: required("Enter a name for the cohort", 100, "The name must be 100 characters or fewer"),
        startsOn,
        weeks: wholeNumber("Enter how many weeks the cohort runs for", "Enter the weeks as a whole number, like 8", `Enter between ${MIN_WEEKS} and ${MAX_WEEKS} weeks`, MIN_WEEKS, MAX_WEEKS),
        capacity: wholeNumber("Enter how many young people the cohort can take", "Enter the number of places as a whole number, like 12", `Enter between 1 and ${MAX_COHORT_CAPACITY} places`, 1, MAX_COHORT_CAPACITY),
        dropInDays: dayList(todayKey),
      })
      .refine((v) => typeof v.startsOn !== "string" || !Array.isArray(v.dropInDays) || v.dropInDays.every((d) => d <= v.startsOn), {
        ...always,
        path: ["dropInDays"],
        message: "Each drop-in date must be on or before the start date, so people meet before matching",
      }),
  );
}
export type CohortInput = z.output<ReturnType<typeof cohortSchema>>;

// ---- The mentor application form -------------------------------------------------------------

export const MAX_MENTEES = 3;
export const APPLICATION_LISTS = ["interests", "skills", "availability", "ageBands"] as const;

export const mentorApplicationSchema = z
  .object({
    motivation: required("Say why you would like to mentor", 1000, "Why you would like to mentor must be 1,000 characters or fewer"),
    interests: keyList(INTERESTS, "Choose at least one interest", "Choose interests from the list"),
    skills: keyList(SKILLS, "Choose at least one skill you could share", "Choose skills from the list"),
    availability: keyList(Object.fromEntries(SLOTS.map((s) => [s, s])) as Record<Slot, string>, "Choose at least one time when you are free", "Choose times from the list"),
    ageBands: keyList(AGE_BANDS, "Choose at least one age group you would mentor", "Choose age groups from the list"),
    mode: mode("Choose whether you can meet in person, online or either"),
    location: optional(100, "The town or area must be 100 characters or fewer"),
    capacity: wholeNumber("Enter how many young people you could mentor", "Enter the number as a whole number, like 1", `Enter between 1 and ${MAX_MENTEES} young people`, 1, MAX_MENTEES),
    // Optional: used only to honour a young person's request for a woman or a man mentor.
    gender: str.refine((v) => v === "" || v === "not_say" || isGender(v), "Choose an answer from the list").transform((v) => (isGender(v) ? v : null)),
    preferences: optional(500, "Anything else about matching must be 500 characters or fewer"),
    // "no" is a valid answer (the application is kept), but the coordinator cannot shortlist it.
    managerAgreed: yesNo("Choose whether your manager has agreed to the time"),
  })
  .refine(...placeRule("Enter the town or area where you can meet"))
  .transform((v) => ({ ...v, preferences: v.preferences || null, location: v.mode === "online" ? null : v.location }));
export type MentorApplicationInput = z.output<typeof mentorApplicationSchema>;

// ---- The young person's profile for matching -------------------------------------------------

export const PROFILE_LISTS = ["interests", "goals", "availability"] as const;

export const SOCIAL_WORKER_EMAIL_FORMAT = "Enter the social worker's work email address in the correct format, like name@council.example";

/** The minimum for matching, entered by the young person or their personal adviser. */
export const menteeProfileSchema = z
  .object({
    // An adviser's choice from their caseload (the service checks the link); empty for a young person.
    youngPersonId: str,
    ageBand: str.refine(isAgeBand, "Choose the young person's age group").transform((v) => v as AgeBand),
    interests: keyList(INTERESTS, "Choose at least one interest", "Choose interests from the list"),
    goals: keyList(GOALS, "Choose at least one thing a mentor could help with", "Choose goals from the list"),
    availability: keyList(Object.fromEntries(SLOTS.map((s) => [s, s])) as Record<Slot, string>, "Choose at least one time that suits", "Choose times from the list"),
    mode: mode("Choose in person, online or either"),
    location: optional(100, "The town or area must be 100 characters or fewer"),
    preferredMentorGender: str
      .refine((v) => v === "none" || isGender(v), "Choose whether it matters if the mentor is a woman or a man")
      .transform((v): Gender | null => (isGender(v) ? v : null)),
    // Optional: the service looks it up so that social worker (and their team) is never the mentor; only the
    // ids are kept, never the address. Checked for format only: whether it is a known employee is never said.
    socialWorkerEmail: str
      .transform((v) => v.toLowerCase())
      .refine((v) => v === "" || (v.length <= 254 && z.email().safeParse(v).success), SOCIAL_WORKER_EMAIL_FORMAT)
      .transform((v) => v || null),
  })
  .refine(...placeRule("Enter the town or area where they can meet"))
  .transform((v) => ({ ...v, location: v.mode === "online" ? null : v.location }));
// socialWorkerEmail optional here, so callers that build a profile without the form (the seed, tests) need not name it.
export type MenteeProfileInput = Omit<z.output<typeof menteeProfileSchema>, "socialWorkerEmail"> & { socialWorkerEmail?: string | null };

// ---- Stored JSON arrays ----------------------------------------------------------------------


export const storedInterests = (text: string): InterestKey[] => storedStrings(text).filter((v): v is InterestKey => Object.hasOwn(INTERESTS, v));
export const storedGoals = (text: string): GoalKey[] => storedStrings(text).filter((v): v is GoalKey => Object.hasOwn(GOALS, v));
export const storedAgeBands = (text: string): AgeBand[] => storedStrings(text).filter(isAgeBand);
