// The two gates a selected mentor passes before they can be matched (issue 8): the pilot's training,
// and — to mentor under-18s, which is regulated activity — a clear Enhanced DBS check with the
// children's barred list. Also when a DBS certificate number must be purged (domain notes: keep only
// "checked, clear, on date"; certificate details go about 6 months after the decision).
import { ukDayKey } from "../gift-aid/schedule";
import type { DbsFacts } from "../talent/dbs";
import { AGE_BANDS, isUnder18, mentoringDbsClear, type AgeBand } from "./matching";

/** The modules every mentor of the pilot completes, in the order they are usually taken. */
export const REQUIRED_TRAINING = {
  induction: "The mentoring pilot's induction",
  safeguarding: "Safeguarding children and young adults",
  boundaries: "Boundaries, confidentiality and endings",
} as const;
export type TrainingModule = keyof typeof REQUIRED_TRAINING;
export const TRAINING_MODULES = Object.keys(REQUIRED_TRAINING) as TrainingModule[];
export const isTrainingModule = (v: string): v is TrainingModule => Object.hasOwn(REQUIRED_TRAINING, v);

export type TrainingFacts = { module: string; completedOn: Date };

/** One sentence per required module not yet completed (empty: the training gate passes). Unknown modules are ignored. */
export function trainingProblems(records: readonly TrainingFacts[]): string[] {
  const done = new Set(records.map((r) => r.module));
  return TRAINING_MODULES.filter((m) => !done.has(m)).map((m) => `The mentor has not completed the training "${REQUIRED_TRAINING[m]}"`);
}

export type GateFacts = {
  /** selected by the coordinator after interview */
  selected: boolean;
  /** the age bands the mentor applied to mentor */
  ageBands: readonly AgeBand[];
  training: readonly TrainingFacts[];
  dbsChecks: readonly DbsFacts[];
};
export type MentorGates = { trainingComplete: boolean; dbsClearForUnder18: boolean; problems: string[] };

/**
 * The gates of one mentor, with every reason they cannot be matched yet in plain words. The DBS gate
 * is a problem only for a mentor who offered to mentor under-18s: for adults the activity is not
 * regulated, and matching (pairRefusals) never pairs them with an under-18 anyway.
 */
export function mentorGates(facts: GateFacts): MentorGates {
  const training = trainingProblems(facts.training);
  const dbsClearForUnder18 = mentoringDbsClear(facts.dbsChecks);
  const problems: string[] = [];
  if (!facts.selected) problems.push("The mentor has not been selected");
  problems.push(...training);
  const under18 = facts.ageBands.find(isUnder18);
  if (under18 && !dbsClearForUnder18) {
    problems.push(`The mentor has no clear Enhanced DBS check with the children's barred list, needed to mentor young people aged ${AGE_BANDS[under18]}`);
  }
  return { trainingComplete: training.length === 0, dbsClearForUnder18, problems };
}

/** The default of how many months after the decision a certificate number is kept (domain notes: about 6). */
export const DBS_PURGE_MONTHS_DEFAULT = 6;

/** A "YYYY-MM-DD" day key moved on by whole calendar months; a day the month lacks becomes its last day (31 Aug + 6 → 28/29 Feb). */
export function addCalendarMonths(dayKey: string, months: number): string {
  const [y, m, d] = dayKey.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

export type PurgeFacts = { recordedAt: Date; certificateNumber: string | null; purgedAt: Date | null };

/**
 * The UK day from which a check's certificate number must be gone: `months` calendar months after the
 * decision. The decision is when the coordinator recorded the check (recordedAt), not the date the
 * DBS issued the certificate (issuedOn): the organisation decides on a certificate when it sees it,
 * which can be long after issue, and counting from issuedOn would purge an old certificate the day it
 * is recorded, before anyone could re-check the number.
 */
export function dbsPurgeDay(recordedAt: Date, months: number): string {
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`DBS purge months must be a whole number of at least 0, not ${months}`);
  return addCalendarMonths(ukDayKey(recordedAt), months);
}

/** Whether the certificate number must be purged now (false once purged, so the purge runs once). */
export function dbsPurgeDue(check: PurgeFacts, now: Date, months: number): boolean {
  const day = dbsPurgeDay(check.recordedAt, months);
  if (check.purgedAt !== null || check.certificateNumber === null) return false;
  return ukDayKey(now) >= day;
}
