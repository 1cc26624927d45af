// Valid mentoring form answers for tests, parsed through the real schemas (so a test never builds an
// input the forms could not produce). Override any field; files with other defaults wrap these.
import { cohortSchema, menteeProfileSchema, mentorApplicationSchema, type CohortInput, type MenteeProfileInput, type MentorApplicationInput } from "~/domain/mentoring/cohort";

export function parsed<T>(result: { success: boolean; data?: T; error?: unknown }): T {
  if (!result.success) throw new Error(JSON.stringify(result.error));
  return result.data as T;
}

/** A cohort starting 5 October 2026, set up on `today` (default 1 September 2026). */
export const cohortAnswers = (over: Record<string, unknown> = {}, today = "2026-09-01"): CohortInput =>
  parsed(cohortSchema(today).safeParse({ name: "Autumn 2026", startDay: "5", startMonth: "10", startYear: "2026", weeks: "8", capacity: "4", dropInDays: ["2026-09-20"], ...over }));

export const mentorAnswers = (over: Record<string, unknown> = {}): MentorApplicationInput =>
  parsed(
    mentorApplicationSchema.safeParse({
      motivation: "I would like to help someone find work",
      interests: ["music", "sport"],
      skills: ["cv_help", "interview_practice"],
      availability: ["tue_evening", "sat_day"],
      ageBands: ["16_17", "18_20", "21_25"],
      mode: "in_person",
      location: "Darlington",
      capacity: "1",
      gender: "woman",
      managerAgreed: "yes",
      ...over,
    }),
  );

export const profileAnswers = (over: Record<string, unknown> = {}): MenteeProfileInput =>
  parsed(
    menteeProfileSchema.safeParse({
      youngPersonId: "",
      ageBand: "18_20",
      interests: ["music"],
      goals: ["find_work"],
      availability: ["tue_evening"],
      mode: "in_person",
      location: "Darlington",
      preferredMentorGender: "none",
      ...over,
    }),
  );
