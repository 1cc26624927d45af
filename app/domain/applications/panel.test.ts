import { describe, expect, it } from "vitest";
import { criteriaOf, decisionProblems, panelAccess, quorumOf, scoreProblems, tallyRecommendations, tookPartInDecision, averageScore } from "./panel";
import { APPLICATION_REFERENCE_PATTERN, applicationReference } from "./reference";

describe("conflicts", () => {
  it("a member must declare before seeing anything; a conflict shuts them out", () => {
    expect(panelAccess(null)).toBe("must_declare");
    expect(panelAccess({ conflict: true })).toBe("conflicted");
    expect(panelAccess({ conflict: false })).toBe("may_review");
  });
});

describe("quorum", () => {
  const clear = (id: string) => ({ memberId: id, conflict: false });
  it("counts non-conflicted members who scored", () => {
    const q = quorumOf(3, [clear("a"), clear("b"), clear("c"), { memberId: "d", conflict: true }], [{ memberId: "a" }, { memberId: "b" }]);
    expect(q).toEqual({ required: 3, scored: ["a", "b"], conflicted: ["d"], met: false, missing: 1 });
    expect(quorumOf(3, [clear("a"), clear("b"), clear("c")], [{ memberId: "a" }, { memberId: "b" }, { memberId: "c" }]).met).toBe(true);
  });
  it("never counts a conflicted member's score, nor a score without a declaration, nor one member twice", () => {
    const q = quorumOf(2, [clear("a"), { memberId: "d", conflict: true }], [{ memberId: "a" }, { memberId: "a" }, { memberId: "d" }, { memberId: "x" }]);
    expect(q.scored).toEqual(["a"]);
    expect(q.met).toBe(false);
  });
  it("refuses a quorum below one", () => {
    expect(() => quorumOf(0, [], [])).toThrow(RangeError);
    expect(() => quorumOf(1.5, [], [])).toThrow(RangeError);
  });
});

describe("scores", () => {
  const criteria = criteriaOf("Need\n\n  Difference it makes \r\nValue for money\n");
  it("reads criteria one per line", () => expect(criteria).toEqual(["Need", "Difference it makes", "Value for money"]));
  it("accepts one whole score 1–5 per criterion", () => {
    expect(scoreProblems(criteria, criteria.map((c) => ({ criterion: c, score: 3 })))).toEqual([]);
  });
  it("names each problem", () => {
    expect(
      scoreProblems(criteria, [
        { criterion: "Need", score: 0 },
        { criterion: "Difference it makes", score: 2.5 },
        { criterion: "Colour", score: 3 },
      ]),
    ).toEqual([
      'The score for "Need" must be a whole number from 1 to 5',
      'The score for "Difference it makes" must be a whole number from 1 to 5',
      'Give a score for "Value for money"',
      '"Colour" is not one of the published criteria',
    ]);
  });
  it("averages and tallies", () => {
    expect(averageScore([{ criterion: "a", score: 4 }, { criterion: "b", score: 5 }, { criterion: "c", score: 5 }])).toBe(4.7);
    expect(tallyRecommendations(["approve", "approve", "decline"])).toEqual({ approve: 2, approve_with_conditions: 0, more_info: 0, decline: 1 });
  });
});

describe("decisions", () => {
  const limits = { maxAwardPence: 100000, requestedPence: 60000 };
  const reasons = "Meets the criteria for education equipment.";
  it("an approval needs an amount within the limits and reasons", () => {
    expect(decisionProblems({ outcome: "approve", amountPence: 60000, reasons, conditions: null }, limits)).toEqual([]);
    expect(decisionProblems({ outcome: "approve", amountPence: null, reasons: "ok", conditions: null }, limits)).toEqual([
      "Give the reasons for the decision (at least a sentence)",
      "Enter the amount awarded",
    ]);
    expect(decisionProblems({ outcome: "approve", amountPence: 60001, reasons, conditions: null }, limits)).toEqual(["The amount is more than the young person asked for"]);
    expect(decisionProblems({ outcome: "approve", amountPence: 100001, reasons, conditions: null }, { ...limits, requestedPence: 200000 })).toEqual([
      "The amount is more than the most the terms of reference allow for one award",
    ]);
  });
  it("conditions go with 'approve with conditions' only; amounts with approvals only", () => {
    expect(decisionProblems({ outcome: "approve_with_conditions", amountPence: 500, reasons, conditions: " " }, limits)).toEqual(["Enter the conditions of the award"]);
    expect(decisionProblems({ outcome: "decline", amountPence: 500, reasons, conditions: "x" }, limits)).toEqual([
      "Only an approval awards an amount",
      "Only an approval with conditions has conditions",
    ]);
  });
  it("finance who took any part may not pay", () => {
    const d = { decidedById: "chair", scoredByIds: ["a", "b"], conflictedIds: ["c"] };
    expect(["chair", "a", "b", "c"].map((u) => tookPartInDecision(u, d))).toEqual([true, true, true, true]);
    expect(tookPartInDecision("fin", d)).toBe(false);
  });
});

describe("references", () => {
  it("are SA- and six readable characters", () => {
    const ref = applicationReference((n, below) => Array.from({ length: n }, (_, i) => (i * 7) % below));
    expect(ref).toMatch(APPLICATION_REFERENCE_PATTERN);
  });
});
