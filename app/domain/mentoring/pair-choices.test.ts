import { describe, expect, it } from "vitest";
import { MAX_CHOICES, choicesQuery, endsPair, fitProblem, inCommon, isFitAnswer, matchStatusLabel, pairToken, parsePairChoices, parsePairToken, partLabel, samePairs, storedExplanation } from "./pair-choices";

const query = (q: string) => new URLSearchParams(q);

describe("pair tokens", () => {
  it("reads youngPersonId:mentorId and writes it back", () => {
    expect(parsePairToken("yp1:m1")).toEqual({ youngPersonId: "yp1", mentorId: "m1" });
    expect(parsePairToken(" cabc_12-x:cdef ")).toEqual({ youngPersonId: "cabc_12-x", mentorId: "cdef" });
    expect(pairToken({ youngPersonId: "yp1", mentorId: "m1" })).toBe("yp1:m1");
  });

  it("refuses anything that is not two ids", () => {
    for (const bad of ["", "yp1", "yp1:", ":m1", "yp1:m1:x", "yp 1:m1", "yp1:<script>", `${"a".repeat(65)}:m1`]) expect(parsePairToken(bad), bad).toBeNull();
  });
});

describe("the coordinator's locks and rule-outs", () => {
  it("reads repeatable lock and forbid, ignoring malformed and repeated tokens", () => {
    const choices = parsePairChoices(query("lock=a:m1&lock=b:m2&lock=a:m1&lock=nonsense&forbid=c:m1&forbid=c:m1&forbid=::"));
    expect(choices).toEqual({
      locked: [
        { youngPersonId: "a", mentorId: "m1" },
        { youngPersonId: "b", mentorId: "m2" },
      ],
      forbidden: [{ youngPersonId: "c", mentorId: "m1" }],
    });
  });

  it("nothing chosen is no locks and no rule-outs", () => {
    expect(parsePairChoices(query(""))).toEqual({ locked: [], forbidden: [] });
  });

  it("a pair both locked and ruled out is ruled out", () => {
    expect(parsePairChoices(query("lock=a:m1&forbid=a:m1"))).toEqual({ locked: [], forbidden: [{ youngPersonId: "a", mentorId: "m1" }] });
  });

  it("locks a young person to one mentor: the pair chosen from the lists first, then the first in the list", () => {
    expect(parsePairChoices(query("lock=a:m1&lock=a:m2")).locked).toEqual([{ youngPersonId: "a", mentorId: "m1" }]);
    const chosen = parsePairChoices(query("lock=a:m1&lock=b:m3&lockYoungPerson=a&lockMentor=m2"));
    expect(chosen.locked).toEqual([
      { youngPersonId: "a", mentorId: "m2" },
      { youngPersonId: "b", mentorId: "m3" },
    ]);
    // Only one of the two lists chosen: nothing to lock.
    expect(parsePairChoices(query("lockYoungPerson=a&lockMentor=")).locked).toEqual([]);
  });

  it("reads a posted form the same way", () => {
    const form = new FormData();
    form.append("lock", "a:m1");
    form.append("forbid", "b:m1");
    expect(parsePairChoices(form)).toEqual({ locked: [{ youngPersonId: "a", mentorId: "m1" }], forbidden: [{ youngPersonId: "b", mentorId: "m1" }] });
  });

  it("reads at most MAX_CHOICES tokens of a kind", () => {
    const params = new URLSearchParams();
    for (let i = 0; i < MAX_CHOICES + 50; i++) params.append("forbid", `y${i}:m${i}`);
    expect(parsePairChoices(params).forbidden).toHaveLength(MAX_CHOICES);
  });

  it("writes the choices back as a query string that reads the same", () => {
    const choices = parsePairChoices(query("lock=a:m1&forbid=b:m1&forbid=c:m2"));
    const q = choicesQuery(choices);
    expect(q).toBe("?lock=a%3Am1&forbid=b%3Am1&forbid=c%3Am2");
    expect(parsePairChoices(query(q.slice(1)))).toEqual(choices);
    expect(choicesQuery({ locked: [], forbidden: [] })).toBe("");
  });

  it("compares two lists of pairs in any order", () => {
    const a = { youngPersonId: "a", mentorId: "m1" };
    const b = { youngPersonId: "b", mentorId: "m2" };
    expect(samePairs([a, b], [b, a])).toBe(true);
    expect(samePairs([a], [a, b])).toBe(false);
    expect(samePairs([a], [{ youngPersonId: "a", mentorId: "m2" }])).toBe(false);
    expect(samePairs([], [])).toBe(true);
  });
});

describe("the first-session fit question", () => {
  it("knows its three answers", () => {
    expect(["good_fit", "not_sure", "not_good_fit"].every(isFitAnswer)).toBe(true);
    expect(isFitAnswer("great")).toBe(false);
    expect(isFitAnswer(undefined)).toBe(false);
    expect(endsPair("not_good_fit")).toBe(true);
    expect(endsPair("not_sure")).toBe(false);
    expect(endsPair("good_fit")).toBe(false);
  });

  it("is answered once per side, after a session, while the pair is active", () => {
    expect(fitProblem({ status: "active", sessions: 1, answered: null })).toBeNull();
    expect(fitProblem({ status: "active", sessions: 0, answered: null })).toMatch(/after the first session/);
    expect(fitProblem({ status: "active", sessions: 3, answered: "not_sure" })).toBe("You have already answered: not sure yet.");
    expect(fitProblem({ status: "ended", sessions: 3, answered: null })).toMatch(/ended/);
    expect(fitProblem({ status: "closed", sessions: 3, answered: null })).toMatch(/ended/);
  });
});

describe("a confirmed pair's explanation", () => {
  const parts = [
    { part: "interests", points: 25, max: 25, why: "Shared interests (1 of 1): Music" },
    { part: "goals", points: 0, max: 40, why: "No skills for the young person's goals" },
    { part: "availability", points: 25, max: 25, why: "Free at the same times (1 of 1): Tuesday evening" },
    { part: "location", points: 10, max: 10, why: "Same area (Darlington)" },
  ];

  it("reads the stored parts back, and what scored is what they have in common", () => {
    expect(storedExplanation(JSON.stringify(parts))).toEqual(parts);
    expect(inCommon(storedExplanation(JSON.stringify(parts)))).toEqual(["Shared interests (1 of 1): Music", "Free at the same times (1 of 1): Tuesday evening", "Same area (Darlington)"]);
  });

  it("drops anything malformed, and never throws", () => {
    expect(storedExplanation("not json")).toEqual([]);
    expect(storedExplanation(null)).toEqual([]);
    expect(storedExplanation('{"part":"interests"}')).toEqual([]);
    expect(storedExplanation(JSON.stringify([{ part: "luck", points: 5, max: 5, why: "x" }, { part: "goals", points: 1.5, max: 40, why: "x" }, parts[0]]))).toEqual([parts[0]]);
  });

  it("labels parts and statuses, and shows an unknown one as it is", () => {
    expect(partLabel("goals")).toBe("Skills for their goals");
    expect(partLabel("other")).toBe("other");
    expect(matchStatusLabel("ended")).toBe("Ended: not a good fit");
    expect(matchStatusLabel("paused")).toBe("paused");
  });
});
