import { describe, expect, it } from "vitest";
import { addCalendarMonths, dbsPurgeDay, dbsPurgeDue, isTrainingModule, mentorGates, trainingProblems, TRAINING_MODULES, type GateFacts } from "./gates";

const on = new Date("2026-05-01T00:00:00Z");
const allTraining = TRAINING_MODULES.map((module) => ({ module, completedOn: on }));
const clearCheck = { level: "enhanced_barred", outcome: "clear", purgedAt: null };
const facts = (o: Partial<GateFacts> = {}): GateFacts => ({ selected: true, ageBands: ["16_17", "18_20"], training: allTraining, dbsChecks: [clearCheck], ...o });

describe("training", () => {
  it("names each required module not completed, and ignores modules the pilot does not require", () => {
    expect(TRAINING_MODULES).toEqual(["induction", "safeguarding", "boundaries"]);
    expect(trainingProblems(allTraining)).toEqual([]);
    expect(trainingProblems([{ module: "first_aid", completedOn: on }, { module: "safeguarding", completedOn: on }])).toEqual([
      'The mentor has not completed the training "The mentoring pilot\'s induction"',
      'The mentor has not completed the training "Boundaries, confidentiality and endings"',
    ]);
    expect(trainingProblems([])).toHaveLength(3);
    expect(isTrainingModule("safeguarding")).toBe(true);
    expect(isTrainingModule("toString")).toBe(false);
  });
});

describe("mentorGates", () => {
  it("passes a selected, trained mentor with a clear Enhanced check with the barred list", () => {
    expect(mentorGates(facts())).toEqual({ trainingComplete: true, dbsClearForUnder18: true, problems: [] });
  });

  it("lists every problem: not selected, each missing module, the DBS check for under-18s", () => {
    const g = mentorGates(facts({ selected: false, training: allTraining.slice(1), dbsChecks: [] }));
    expect(g.trainingComplete).toBe(false);
    expect(g.dbsClearForUnder18).toBe(false);
    expect(g.problems).toEqual([
      "The mentor has not been selected",
      'The mentor has not completed the training "The mentoring pilot\'s induction"',
      "The mentor has no clear Enhanced DBS check with the children's barred list, needed to mentor young people aged 16 to 17",
    ]);
  });

  it("counts only a clear enhanced_barred check (a purged one still counts)", () => {
    for (const dbsChecks of [[{ level: "enhanced", outcome: "clear", purgedAt: null }], [{ level: "enhanced_barred", outcome: "not_clear", purgedAt: null }]]) {
      expect(mentorGates(facts({ dbsChecks })).dbsClearForUnder18).toBe(false);
    }
    expect(mentorGates(facts({ dbsChecks: [{ ...clearCheck, purgedAt: on }] })).problems).toEqual([]);
  });

  it("does not ask a mentor of adults only for the barred-list check", () => {
    const g = mentorGates(facts({ ageBands: ["18_20", "21_25"], dbsChecks: [] }));
    expect(g.dbsClearForUnder18).toBe(false);
    expect(g.problems).toEqual([]);
  });
});

describe("the DBS purge date", () => {
  it("adds calendar months, clamping to the end of a shorter month", () => {
    expect(addCalendarMonths("2026-03-15", 6)).toBe("2026-09-15");
    expect(addCalendarMonths("2026-03-31", 6)).toBe("2026-09-30");
    expect(addCalendarMonths("2027-08-31", 6)).toBe("2028-02-29");
    expect(addCalendarMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addCalendarMonths("2026-11-30", 2)).toBe("2027-01-30");
    expect(addCalendarMonths("2026-11-30", 0)).toBe("2026-11-30");
  });

  it("counts from the UK day the check was recorded (the decision)", () => {
    // 23:30 UTC on 31 March is already 1 April in the UK (BST).
    expect(dbsPurgeDay(new Date("2026-03-31T23:30:00Z"), 6)).toBe("2026-10-01");
    expect(dbsPurgeDay(new Date("2026-03-31T22:30:00Z"), 6)).toBe("2026-09-30");
    expect(() => dbsPurgeDay(on, -1)).toThrow(RangeError);
    expect(() => dbsPurgeDay(on, 1.5)).toThrow(RangeError);
  });

  it("is due from the first UK minute of that day, not before, and never again once purged", () => {
    const check = { recordedAt: new Date("2026-03-31T10:00:00Z"), certificateNumber: "001234567890", purgedAt: null };
    // The purge day is 30 September 2026; in BST it starts at 23:00 UTC on the 29th.
    expect(dbsPurgeDue(check, new Date("2026-09-29T22:59:59Z"), 6)).toBe(false);
    expect(dbsPurgeDue(check, new Date("2026-09-29T23:00:00Z"), 6)).toBe(true);
    expect(dbsPurgeDue(check, new Date("2027-09-29T23:00:00Z"), 6)).toBe(true);
    expect(dbsPurgeDue(check, new Date("2026-09-29T23:00:00Z"), 7)).toBe(false);
    expect(dbsPurgeDue({ ...check, certificateNumber: null, purgedAt: new Date("2026-09-30T02:00:00Z") }, new Date("2027-01-01T00:00:00Z"), 6)).toBe(false);
    expect(dbsPurgeDue({ ...check, certificateNumber: null }, new Date("2027-01-01T00:00:00Z"), 6)).toBe(false);
  });
});
