import { describe, expect, it } from "vitest";
import {
  REPORT_COLUMNS,
  SURVEY_QUESTIONS,
  cohortReport,
  cohortReportRecords,
  hoursCell,
  scalesProblem,
  storedScales,
  summariseSurvey,
  surveyClosedProblem,
  surveySchema,
  type SurveyResponse,
} from "./survey";

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

const mentor = (prepared: number, pairing_worked: number, mentor_again: number, comment: string | null = null): SurveyResponse => ({
  side: "mentor",
  scales: { prepared, pairing_worked, mentor_again },
  comment,
});
const youngPerson = (listened_to: number, helped_goals: number, would_recommend: number, comment: string | null = null): SurveyResponse => ({
  side: "young_person",
  scales: { listened_to, helped_goals, would_recommend },
  comment,
});

describe("the questions", () => {
  it("are fixed: three for mentors, three for young people, each with its own key", () => {
    expect(SURVEY_QUESTIONS.mentor.map((q) => q.text)).toEqual(["I felt prepared to mentor", "The pairing worked", "I would mentor again"]);
    expect(SURVEY_QUESTIONS.young_person.map((q) => q.text)).toEqual(["I felt listened to", "It helped me with my goals", "I would recommend it to someone else"]);
    const keys = [...SURVEY_QUESTIONS.mentor, ...SURVEY_QUESTIONS.young_person].map((q) => q.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("are open only while the cohort is closing or evaluated", () => {
    for (const status of ["recruiting", "matching", "running"]) expect(surveyClosedProblem(status)).toMatch(/opens when the cohort is closing/);
    expect(surveyClosedProblem("closing")).toBeNull();
    expect(surveyClosedProblem("evaluated")).toBeNull();
  });
});

describe("the survey form", () => {
  it("reads each answer 1–5, an optional comment and who it is for", () => {
    const result = surveySchema("mentor").safeParse({ prepared: "4", pairing_worked: "5", mentor_again: "1", comment: "  Great  ", for: "" });
    expect(result.data).toEqual({ youngPersonId: null, scales: { prepared: 4, pairing_worked: 5, mentor_again: 1 }, comment: "Great" });
    const forYp = surveySchema("young_person").safeParse({ listened_to: "3", helped_goals: "3", would_recommend: "3", for: "yp-1" });
    expect(forYp.data).toEqual({ youngPersonId: "yp-1", scales: { listened_to: 3, helped_goals: 3, would_recommend: 3 }, comment: null });
  });

  it("names every unanswered or out-of-range question, and a comment that is too long", () => {
    const result = surveySchema("young_person").safeParse({ listened_to: "6", helped_goals: "0", comment: "x".repeat(1001) });
    expect(errorsOf(result)).toEqual({
      listened_to: 'Choose an answer from 1 to 5 for "I felt listened to"',
      helped_goals: 'Choose an answer from 1 to 5 for "It helped me with my goals"',
      would_recommend: 'Choose an answer from 1 to 5 for "I would recommend it to someone else"',
      comment: "Your comment must be 1,000 characters or fewer",
    });
    // The other side's questions are not this side's answers.
    expect(surveySchema("mentor").safeParse({ listened_to: "3", helped_goals: "3", would_recommend: "3" }).success).toBe(false);
  });

  it("checks stored or passed answers against the side's questions", () => {
    expect(scalesProblem("mentor", { prepared: 4, pairing_worked: 5, mentor_again: 1 })).toBeNull();
    expect(scalesProblem("mentor", { prepared: 4, pairing_worked: 5 })).toBe("Answer every question in the survey.");
    expect(scalesProblem("mentor", { prepared: 4, pairing_worked: 5, listened_to: 1 })).toBe("Answer every question in the survey.");
    expect(scalesProblem("mentor", { prepared: 4, pairing_worked: 5, mentor_again: 6 })).toBe("Choose an answer from 1 to 5 for every question.");
    expect(storedScales('{"prepared":4,"pairing_worked":5,"mentor_again":1}', "mentor")).toEqual({ prepared: 4, pairing_worked: 5, mentor_again: 1 });
    expect(storedScales("not json", "mentor")).toBeNull();
    expect(storedScales('{"prepared":4}', "mentor")).toBeNull();
  });
});

describe("the results, small numbers suppressed", () => {
  const sixMentors = [mentor(5, 4, 5, "Loved it"), mentor(5, 4, 5), mentor(4, 4, 5, "More training please"), mentor(5, 5, 5), mentor(5, 5, 4), mentor(5, 4, 5, "  ")];
  const threeYoungPeople = [youngPerson(5, 4, 5, "My mentor was kind"), youngPerson(4, 4, 5), youngPerson(5, 3, 5)];

  it("shows a side with enough responders: counts (1–4 as c, secondary so none can be worked out), mean, comments sorted", () => {
    const summary = summariseSurvey([...sixMentors, ...threeYoungPeople], 5);
    const mentors = summary.sides.find((s) => s.side === "mentor")!;
    const prepared = mentors.questions.find((q) => q.key === "prepared")!;
    // 5 answered 5 and 1 answered 4: the 1 is hidden; the total 6 is published, so the 5 is hidden too.
    expect(prepared.counts).toEqual({ cells: [0, 0, 0, "c", "c"], total: 6 });
    expect(prepared.mean).toBe(4.8);
    expect(mentors.questions.find((q) => q.key === "pairing_worked")!.mean).toBe(4.3);
    expect(mentors.comments).toEqual(["Loved it", "More training please"]);
    expect(mentors.hiddenBecause).toBeNull();
  });

  it("hides the mean and the comments of a side with 3 responders, says why, and hides its responder count", () => {
    const summary = summariseSurvey([...sixMentors, ...threeYoungPeople], 5);
    const yp = summary.sides.find((s) => s.side === "young_person")!;
    expect(yp.questions.every((q) => q.mean === null)).toBe(true);
    expect(yp.comments).toBeNull();
    expect(yp.hiddenBecause).toBe("Fewer than 5 young people answered, so the averages and comments are hidden: with so few, they could show who said what.");
    // Every count in the side is 0 or hidden, and so is each question's total (3).
    for (const q of yp.questions) {
      expect(q.counts.total).toBe("c");
      expect(q.counts.cells.every((c) => c === 0 || c === "c")).toBe(true);
    }
    // 3 is hidden; with the total 9 published, the 6 mentors would give it away, so they are hidden too.
    expect(summary.responders).toEqual({ cells: ["c", "c"], total: 9 });
    expect(yp.responders).toBe("c");
    expect(JSON.stringify(yp)).not.toContain("My mentor was kind");
  });

  it("says when nobody on a side has answered", () => {
    const summary = summariseSurvey(sixMentors, 5);
    expect(summary.sides[1].hiddenBecause).toBe("No young people have answered yet.");
    expect(summary.responders).toEqual({ cells: [6, 0], total: 6 });
  });

  it("follows the threshold it is given", () => {
    const summary = summariseSurvey(threeYoungPeople, 3);
    expect(summary.sides[1].questions[0].mean).toBe(4.7);
    expect(summary.sides[1].comments).toEqual(["My mentor was kind"]);
  });
});

describe("the cohort report", () => {
  const facts = {
    cohort: { name: "Autumn 2026", status: "closing", startKey: "2026-10-05", weeks: 8 },
    pairs: { active: 0, ended: 1, closed: 7 },
    sessions: { count: 23, minutes: 1395 },
    responses: [mentor(5, 5, 5), mentor(4, 4, 4), mentor(5, 4, 5), mentor(5, 5, 5), mentor(3, 4, 5), youngPerson(5, 5, 5)],
  };

  it("suppresses pairs (people) but not sessions or hours", () => {
    const report = cohortReport(facts, 5);
    // 1 ended is hidden; the 8 confirmed is published, so the 7 closed is hidden with it.
    expect(report.pairs).toEqual({ cells: [0, "c", "c"], total: 8 });
    expect(report.sessions).toEqual({ count: 23, minutes: 1395 });
  });

  it("writes the page's suppressed figures as CSV records, one measure a row, with no comments", () => {
    const records = cohortReportRecords(cohortReport({ ...facts, responses: [...facts.responses.slice(0, 5).map((r) => ({ ...r, comment: "secret words" })), facts.responses[5]] }, 5));
    expect(records[0]).toEqual([...REPORT_COLUMNS]);
    expect(records.every((r) => r.length === REPORT_COLUMNS.length)).toBe(true);
    const row = (measure: string) => records.find((r) => r[1] === measure);
    expect(row("Pairs confirmed")?.slice(7)).toEqual(["8", ""]);
    expect(row("Ended early (not a good fit)")?.[7]).toBe("c");
    expect(row("Sessions logged")?.[7]).toBe("23");
    expect(row("Hours of mentoring")?.[7]).toBe("23.25");
    expect(row("Mentors")?.[7]).toBe("c");
    expect(row("Young people")?.[7]).toBe("c");
    expect(row("All")?.[7]).toBe("6");
    expect(row("I felt prepared to mentor")).toEqual(["Mentors' survey", "I felt prepared to mentor", "0", "0", "c", "c", "c", "5", "4.4"]);
    expect(row("I felt listened to")).toEqual(["Young people's survey", "I felt listened to", "0", "0", "0", "0", "c", "c", ""]);
    expect(JSON.stringify(records)).not.toContain("secret words");
  });

  it("writes hours for a spreadsheet to add up", () => {
    expect(hoursCell(0)).toBe("0.00");
    expect(hoursCell(45)).toBe("0.75");
    expect(hoursCell(61)).toBe("1.02");
    expect(hoursCell(1395)).toBe("23.25");
  });
});
