import { describe, expect, it } from "vitest";
import { postedValues } from "../talent/forms";
import {
  APPLICATION_LISTS,
  COHORT_STATUS_ORDER,
  applicationChangeProblem,
  cohortAdvanceProblem,
  cohortSchema,
  menteeProfileSchema,
  SOCIAL_WORKER_EMAIL_FORMAT,
  mentorApplicationSchema,
  nextCohortStatus,
  storedAgeBands,
  storedInterests,
  storedStrings,
} from "./cohort";

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe("the cohort's status", () => {
  it("goes recruiting → matching → running → closing → evaluated, one step at a time", () => {
    expect(COHORT_STATUS_ORDER).toEqual(["recruiting", "matching", "running", "closing", "evaluated"]);
    for (let i = 0; i < COHORT_STATUS_ORDER.length - 1; i++) {
      expect(nextCohortStatus(COHORT_STATUS_ORDER[i])).toBe(COHORT_STATUS_ORDER[i + 1]);
      expect(cohortAdvanceProblem(COHORT_STATUS_ORDER[i], COHORT_STATUS_ORDER[i + 1])).toBeNull();
    }
    expect(nextCohortStatus("evaluated")).toBeNull();
  });

  it("refuses skipping, going back, standing still and anything after evaluation, in plain words", () => {
    expect(cohortAdvanceProblem("recruiting", "running")).toBe("A cohort can move to running only when it is matching. This cohort is recruiting.");
    expect(cohortAdvanceProblem("running", "matching")).toBe("A cohort cannot go back to matching. This cohort is running.");
    expect(cohortAdvanceProblem("closing", "closing")).toBe("This cohort is already closing.");
    expect(cohortAdvanceProblem("evaluated", "recruiting")).toBe("This cohort has been evaluated, so its status cannot change.");
    expect(cohortAdvanceProblem("recruiting", "finished")).toBe("Choose a status from the list.");
    // Every pair except the one step forward is refused.
    for (const from of COHORT_STATUS_ORDER)
      for (const to of COHORT_STATUS_ORDER) expect(cohortAdvanceProblem(from, to) === null).toBe(nextCohortStatus(from) === to);
  });
});

describe("a mentor application's status", () => {
  const app = (status: string, o: { managerAgreed?: boolean; interviewOutcome?: string | null } = {}) => ({ status, managerAgreed: true, interviewOutcome: null, ...o });

  it("shortlists only with the manager's agreement, interviews only when shortlisted, selects only after a suitable interview", () => {
    expect(applicationChangeProblem(app("applied"), "shortlist")).toBeNull();
    expect(applicationChangeProblem(app("applied", { managerAgreed: false }), "shortlist")).toMatch(/manager has not agreed/);
    expect(applicationChangeProblem(app("applied"), "interview")).toMatch(/Shortlist the application/);
    expect(applicationChangeProblem(app("shortlisted"), "interview")).toBeNull();
    expect(applicationChangeProblem(app("shortlisted"), "select")).toMatch(/Record the interview/);
    expect(applicationChangeProblem(app("interviewed", { interviewOutcome: "suitable" }), "select")).toBeNull();
    expect(applicationChangeProblem(app("interviewed", { interviewOutcome: "not_suitable" }), "select")).toMatch(/not suitable/);
    expect(applicationChangeProblem(app("interviewed"), "interview")).toMatch(/already been recorded/);
  });

  it("can say not selected before a decision, and nothing changes after one", () => {
    for (const s of ["applied", "shortlisted", "interviewed"]) expect(applicationChangeProblem(app(s), "not_select")).toBeNull();
    for (const change of ["shortlist", "interview", "select", "not_select"] as const) {
      expect(applicationChangeProblem(app("selected"), change)).toMatch(/decision has been made/);
      expect(applicationChangeProblem(app("not_selected"), change)).toMatch(/decision has been made/);
      expect(applicationChangeProblem(app("withdrawn"), change)).toMatch(/withdrew/);
    }
  });
});

describe("the cohort form", () => {
  const schema = cohortSchema("2026-09-01");
  const good = { name: "  Autumn 2026  ", startDay: "5", startMonth: "10", startYear: "2026", weeks: "8", capacity: "12", dropInDays: ["2026-09-20", "", "1/10/2026", "2026-09-20"] };

  it("reads a good form: trimmed name, day keys, drop-ins deduplicated and sorted", () => {
    const r = schema.safeParse(good);
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ name: "Autumn 2026", startsOn: "2026-10-05", weeks: 8, capacity: 12, dropInDays: ["2026-09-20", "2026-10-01"] });
  });

  it("lists every problem at once", () => {
    const r = schema.safeParse({ name: "", startDay: "31", startMonth: "2", startYear: "2026", weeks: "12", capacity: "0", dropInDays: [] });
    expect(errorsOf(r)).toEqual({
      name: "Enter a name for the cohort",
      startsOn: "The date must be a real date, like 17 5 2026",
      weeks: "Enter between 6 and 10 weeks",
      capacity: "Enter between 1 and 200 places",
      dropInDays: "Enter at least one drop-in date",
    });
  });

  it("keeps the length to 6–10 whole weeks and the start today or later", () => {
    expect(schema.safeParse({ ...good, weeks: "6" }).success).toBe(true);
    expect(schema.safeParse({ ...good, weeks: "10" }).success).toBe(true);
    expect(errorsOf(schema.safeParse({ ...good, weeks: "5" })).weeks).toBe("Enter between 6 and 10 weeks");
    expect(errorsOf(schema.safeParse({ ...good, weeks: "7.5" })).weeks).toMatch(/whole number/);
    expect(errorsOf(schema.safeParse({ ...good, startDay: "31", startMonth: "8" })).startsOn).toBe("The start date must be today or in the future");
    expect(errorsOf(schema.safeParse({ ...good, startDay: "", startMonth: "", startYear: "" })).startsOn).toBe("Enter the date the cohort starts");
  });

  it("wants drop-in days that are real, not past, and not after the start", () => {
    expect(errorsOf(schema.safeParse({ ...good, dropInDays: ["someday"] })).dropInDays).toMatch(/real date/);
    expect(errorsOf(schema.safeParse({ ...good, dropInDays: ["2026-08-31"] })).dropInDays).toMatch(/today or in the future/);
    expect(errorsOf(schema.safeParse({ ...good, dropInDays: ["2026-10-06"] })).dropInDays).toMatch(/on or before the start date/);
    expect(schema.safeParse({ ...good, dropInDays: "2026-10-05" }).success).toBe(true);
  });
});

describe("the mentor application form", () => {
  const posted = (o: Record<string, string | string[]> = {}) =>
    postedValues(
      Object.entries({ motivation: "I was in care myself", interests: ["music", "sport"], skills: "cv_help", availability: ["tue_evening"], ageBands: ["18_20", "16_17"], mode: "in_person", location: "Darlington", capacity: "2", gender: "woman", managerAgreed: "yes", ...o }).flatMap(([k, v]) =>
        (Array.isArray(v) ? v : [v]).map((x) => [k, x] as [string, string]),
      ),
      APPLICATION_LISTS,
    );

  it("reads a good form, keys in the list's order", () => {
    const r = mentorApplicationSchema.safeParse(posted());
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ interests: ["sport", "music"], skills: ["cv_help"], ageBands: ["16_17", "18_20"], capacity: 2, gender: "woman", managerAgreed: true, preferences: null });
  });

  it("keeps capacity to 1–3, needs a place to meet in person, and accepts a manager's no (shortlisting refuses it later)", () => {
    expect(errorsOf(mentorApplicationSchema.safeParse(posted({ capacity: "4" }))).capacity).toBe("Enter between 1 and 3 young people");
    expect(errorsOf(mentorApplicationSchema.safeParse(posted({ capacity: "0" }))).capacity).toBe("Enter between 1 and 3 young people");
    expect(errorsOf(mentorApplicationSchema.safeParse(posted({ location: "" }))).location).toBe("Enter the town or area where you can meet");
    expect(mentorApplicationSchema.safeParse(posted({ mode: "online", location: "Leeds" })).data?.location).toBeNull();
    expect(mentorApplicationSchema.safeParse(posted({ managerAgreed: "no" })).data?.managerAgreed).toBe(false);
    expect(errorsOf(mentorApplicationSchema.safeParse(posted({ managerAgreed: "" }))).managerAgreed).toMatch(/manager/);
  });

  it("refuses keys that are not on the lists, and empty lists", () => {
    const errors = errorsOf(mentorApplicationSchema.safeParse(posted({ interests: ["knitting"], ageBands: [], availability: ["mon_night"] })));
    expect(errors).toMatchObject({ interests: "Choose interests from the list", ageBands: "Choose at least one age group you would mentor", availability: "Choose times from the list" });
  });
});

describe("the young person's profile", () => {
  const good = { youngPersonId: "", ageBand: "16_17", interests: ["gaming"], goals: ["find_work", "manage_money"], availability: ["sat_day"], mode: "either", location: "Stockton", preferredMentorGender: "none" };

  it("reads a good profile; no gender preference is null", () => {
    const r = menteeProfileSchema.safeParse(good);
    expect(r.data).toMatchObject({ ageBand: "16_17", goals: ["find_work", "manage_money"], preferredMentorGender: null, location: "Stockton" });
    expect(menteeProfileSchema.safeParse({ ...good, preferredMentorGender: "woman" }).data?.preferredMentorGender).toBe("woman");
  });

  it("asks for every answer", () => {
    expect(errorsOf(menteeProfileSchema.safeParse({}))).toMatchObject({
      ageBand: "Choose the young person's age group",
      interests: "Choose at least one interest",
      goals: "Choose at least one thing a mentor could help with",
      availability: "Choose at least one time that suits",
      mode: "Choose in person, online or either",
      preferredMentorGender: "Choose whether it matters if the mentor is a woman or a man",
    });
  });

  it("takes an optional social worker's email, trimmed and lower-cased; blank is null; a malformed one is refused", () => {
    expect(menteeProfileSchema.safeParse(good).data?.socialWorkerEmail).toBeNull();
    expect(menteeProfileSchema.safeParse({ ...good, socialWorkerEmail: "  " }).data?.socialWorkerEmail).toBeNull();
    expect(menteeProfileSchema.safeParse({ ...good, socialWorkerEmail: " Sam.Patel@Council.Example " }).data?.socialWorkerEmail).toBe("sam.patel@council.example");
    for (const bad of ["sam", "sam@", "@council.example", `${"a".repeat(250)}@council.example`]) {
      expect(errorsOf(menteeProfileSchema.safeParse({ ...good, socialWorkerEmail: bad })).socialWorkerEmail).toBe(SOCIAL_WORKER_EMAIL_FORMAT);
    }
  });
});

describe("stored JSON arrays", () => {
  it("keep only known keys, and a broken column reads as empty", () => {
    expect(storedInterests('["music","knitting"]')).toEqual(["music"]);
    expect(storedAgeBands('["16_17", 3]')).toEqual([]);
    expect(storedAgeBands('["toString","21_25"]')).toEqual(["21_25"]);
    expect(storedStrings("not json")).toEqual([]);
    expect(storedStrings(null)).toEqual([]);
  });
});
