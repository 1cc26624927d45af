import { describe, expect, it } from "vitest";
import { daysBetween, decisionFormSchema, decisionProblemField, declarationSchema, meetingFormSchema, pageParamOf, panelMaySee, queueQueryOf, reviewFormSchema } from "./panel-form";
import { decisionProblems } from "./panel";

const KEY = "abcdefghijklmnopqrstuvwx";

describe("the queue's query", () => {
  it("reads the filter and page, falling back to the first page of everything", () => {
    expect(queueQueryOf(new URLSearchParams("show=score&page=3"))).toEqual({ filter: "score", page: 3 });
    expect(queueQueryOf(new URLSearchParams("show=nonsense&page=-2"))).toEqual({ filter: "all", page: 1 });
    expect(queueQueryOf(new URLSearchParams("page=1e9"))).toEqual({ filter: "all", page: 1 });
  });
  it("reads a meeting page's page number the same way", () => {
    expect(pageParamOf(new URLSearchParams("page=2&application=x"))).toBe(2);
    expect(pageParamOf(new URLSearchParams("page=0"))).toBe(1);
    expect(pageParamOf(new URLSearchParams(""))).toBe(1);
  });
});

describe("who on the panel may see an application", () => {
  it("from the eligible screen on; a question from screening is not the panel's", () => {
    expect(panelMaySee("with_panel", null, true)).toBe(true);
    expect(panelMaySee("paid", null, true)).toBe(true);
    expect(panelMaySee("submitted", null, false)).toBe(false);
    expect(panelMaySee("not_eligible", null, false)).toBe(false);
    expect(panelMaySee("more_info_requested", "screening", false)).toBe(false);
    expect(panelMaySee("more_info_requested", "panel", true)).toBe(true);
    expect(panelMaySee("withdrawn", null, false)).toBe(false);
    expect(panelMaySee("withdrawn", null, true)).toBe(true);
  });
  it("counts whole days waiting", () => {
    expect(daysBetween(new Date("2026-03-01T10:00:00Z"), new Date("2026-03-03T09:00:00Z"))).toBe(1);
    expect(daysBetween(new Date("2026-03-03T10:00:00Z"), new Date("2026-03-01T09:00:00Z"))).toBe(0);
  });
});

describe("the declaration form", () => {
  it("needs a choice, and keeps a note only with a conflict", () => {
    expect(declarationSchema.safeParse({}).error?.issues[0].message).toMatch(/conflict of interest/);
    expect(declarationSchema.parse({ declaration: "conflict", note: " I know them " })).toEqual({ conflict: true, note: "I know them" });
    expect(declarationSchema.parse({ declaration: "no_conflict", note: "ignored" })).toEqual({ conflict: false, note: null });
  });
});

describe("the review form", () => {
  const schema = reviewFormSchema(["Need", "Difference"]);
  it("takes a score 1–5 per criterion, a recommendation and a comment", () => {
    expect(schema.parse({ "score-0": "4", "score-1": "5", recommendation: "approve", comment: " Good " })).toEqual({
      scores: [
        { criterion: "Need", score: 4 },
        { criterion: "Difference", score: 5 },
      ],
      recommendation: "approve",
      comment: "Good",
    });
  });
  it("names each field at fault", () => {
    const issues = schema.safeParse({ "score-0": "6", recommendation: "maybe", comment: "" }).error!.issues;
    expect(issues.map((i) => [i.path[0], i.message])).toEqual([
      ["score-0", 'Give a score from 1 to 5 for "Need"'],
      ["score-1", 'Give a score from 1 to 5 for "Difference"'],
      ["recommendation", "Choose your recommendation"],
      ["comment", "Enter a comment that explains your recommendation"],
    ]);
  });
});

describe("the meeting form", () => {
  it("needs a title, a real date and a mode; removes duplicate attendees", () => {
    expect(meetingFormSchema.parse({ title: "March", heldOn: "2026-03-12", mode: "written", attendeeIds: ["a", "a", "b"] })).toEqual({
      title: "March",
      heldOn: new Date("2026-03-12T00:00:00Z"),
      mode: "written",
      attendeeIds: ["a", "b"],
    });
    const issues = meetingFormSchema.safeParse({ title: "", heldOn: "2026-02-30", mode: "" }).error!.issues;
    expect(issues.map((i) => i.path[0])).toEqual(["title", "heldOn", "mode"]);
  });
});

describe("the decision form", () => {
  const base = { applicationId: "app1", key: KEY, reasons: "Clear need within the terms", amount: "", conditions: "", question: "" };
  it("parses pounds to pence for approvals only", () => {
    expect(decisionFormSchema.parse({ ...base, outcome: "approve", amount: "£1,250.50" }).amountPence).toBe(125_050);
    expect(decisionFormSchema.parse({ ...base, outcome: "decline", amount: "300", conditions: "x" })).toMatchObject({ amountPence: null, conditions: null });
  });
  it("gives clear errors for a bad amount, missing conditions or question", () => {
    const message = (v: Record<string, string>) => decisionFormSchema.safeParse({ ...base, ...v }).error?.issues.map((i) => i.message);
    expect(message({ outcome: "approve", amount: "12.345" })).toEqual(["Enter the amount awarded in pounds, like 250 or 250.50"]);
    expect(message({ outcome: "approve", amount: "" })).toEqual(["Enter the amount awarded in pounds"]);
    expect(message({ outcome: "approve_with_conditions", amount: "10" })).toEqual(["Enter the conditions of the award"]);
    expect(message({ outcome: "more_info" })).toEqual(["Enter the question for the young person"]);
    expect(message({ outcome: "approve", amount: "10", key: "short" })).toEqual(["The form has expired. Open the application again and decide."]);
  });
  it("points each limit problem at its field", () => {
    const problems = decisionProblems({ outcome: "approve", amountPence: 500_000, reasons: "short", conditions: null }, { maxAwardPence: 100_000, requestedPence: 200_000 });
    expect(problems.map(decisionProblemField)).toEqual(["reasons", "amount", "amount"]);
  });
});
