import { describe, expect, it } from "vitest";
import { concernSchema, formatDuration, sessionDayProblem, sessionMinutesProblem, sessionSchema, sessionTotals, SESSION_NOTE_MAX } from "./sessions";

const TODAY = "2026-11-20";
const START = "2026-10-05";
const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
const form = (over: Record<string, unknown> = {}) => ({ dayDay: "17", dayMonth: "11", dayYear: "2026", minutes: "45", mode: "online", note: "Practised interview questions", ...over });

describe("the session log form", () => {
  it("reads a GOV.UK date, whole minutes, the mode and a trimmed note", () => {
    const result = sessionSchema(TODAY, START).safeParse(form({ note: "  Practised interview questions  " }));
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ day: "2026-11-17", minutes: 45, mode: "online", note: "Practised interview questions" });
  });

  it("lists every problem at once, each against its field (the date once, as `day`)", () => {
    const result = sessionSchema(TODAY, START).safeParse({});
    expect(errorsOf(result)).toEqual({
      day: "Enter the date of the session",
      minutes: "Enter how long the session was, in minutes",
      mode: "Choose whether you met in person or online",
      note: 'Say briefly what you did together, like "Practised interview questions"',
    });
  });

  it("refuses a date in the future, before the cohort started, not real or with a part missing", () => {
    const dayError = (over: Record<string, unknown>) => errorsOf(sessionSchema(TODAY, START).safeParse(form(over))).day;
    expect(dayError({ dayDay: "21" })).toBe("The date of the session must be today or in the past");
    expect(dayError({ dayDay: "20" })).toBeUndefined();
    expect(dayError({ dayDay: "4", dayMonth: "10" })).toBe("The date of the session must be on or after the day the cohort started");
    expect(dayError({ dayDay: "5", dayMonth: "10" })).toBeUndefined();
    expect(dayError({ dayDay: "31", dayMonth: "9" })).toBe("The date of the session must be a real date, like 17 5 2026");
    expect(dayError({ dayYear: "" })).toBe("The date of the session must include a year");
  });

  it("takes 5 to 480 whole minutes, nothing else", () => {
    const minutesError = (minutes: string) => errorsOf(sessionSchema(TODAY, START).safeParse(form({ minutes }))).minutes;
    expect(minutesError("5")).toBeUndefined();
    expect(minutesError("480")).toBeUndefined();
    expect(minutesError("4")).toBe("Enter between 5 and 480 minutes (8 hours)");
    expect(minutesError("481")).toBe("Enter between 5 and 480 minutes (8 hours)");
    for (const bad of ["1.5", "an hour", "-30", "45 mins"]) expect(minutesError(bad)).toBe("Enter how long the session was in whole minutes, like 45");
    expect(sessionMinutesProblem(30.5)).toBe("Enter how long the session was in whole minutes, like 45");
  });

  it("takes in person or online only, and a note of at most 500 characters", () => {
    expect(errorsOf(sessionSchema(TODAY, START).safeParse(form({ mode: "either" }))).mode).toBe("Choose whether you met in person or online");
    expect(sessionSchema(TODAY, START).safeParse(form({ mode: "in_person" })).success).toBe(true);
    expect(sessionSchema(TODAY, START).safeParse(form({ note: "x".repeat(SESSION_NOTE_MAX) })).success).toBe(true);
    expect(errorsOf(sessionSchema(TODAY, START).safeParse(form({ note: "x".repeat(SESSION_NOTE_MAX + 1) }))).note).toBe("Keep the note to 500 characters or fewer");
  });

  it("checks the day on its own for the service", () => {
    expect(sessionDayProblem(TODAY, TODAY, START)).toBeNull();
    expect(sessionDayProblem("2026-11-21", TODAY, START)).not.toBeNull();
    expect(sessionDayProblem("2026-10-04", TODAY, START)).not.toBeNull();
  });
});

describe("the safeguarding concern form", () => {
  it("needs some text, and not an essay", () => {
    expect(concernSchema.safeParse({ concern: "   " }).error?.issues[0].message).toBe("Describe your concern");
    expect(concernSchema.safeParse({ concern: "x".repeat(5001) }).error?.issues[0].message).toMatch(/5,000 characters or fewer/);
    expect(concernSchema.safeParse({ concern: " They said something worrying " }).data).toEqual({ concern: "They said something worrying" });
  });
});

describe("session totals and lengths in words", () => {
  it("adds up sessions and minutes", () => {
    expect(sessionTotals([])).toEqual({ count: 0, minutes: 0 });
    expect(sessionTotals([{ minutes: 45 }, { minutes: 60 }, { minutes: 90 }])).toEqual({ count: 3, minutes: 195 });
  });

  it("says a length in hours and minutes", () => {
    expect(formatDuration(45)).toBe("45 minutes");
    expect(formatDuration(60)).toBe("1 hour");
    expect(formatDuration(90)).toBe("1 hour 30 minutes");
    expect(formatDuration(121)).toBe("2 hours 1 minute");
    expect(formatDuration(0)).toBe("0 minutes");
  });
});
