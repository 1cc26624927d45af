import { describe, expect, it } from "vitest";
import { mentorGateProblems, pairRefusals, proposeMatches, scorePair, WEIGHTS, type Cohort, type MentorFacts, type YoungPersonFacts } from "./matching";
import { randomCohort, seededRandom } from "./random-cohort";

const yp = (id: string, o: Partial<YoungPersonFacts> = {}): YoungPersonFacts => ({
  id,
  ageBand: "18_20",
  interests: ["music", "sport"],
  goals: ["find_work", "manage_money"],
  availability: ["tue_evening", "sat_day"],
  mode: "in_person",
  location: "Darlington",
  preferredMentorGender: null,
  ownTeamIds: ["pa-team-north"],
  ownWorkerIds: ["pa-person"],
  ...o,
});

const mentor = (id: string, o: Partial<MentorFacts> = {}): MentorFacts => ({
  id,
  userId: `p-${id}`,
  teamId: "finance",
  gender: "female",
  selected: true,
  trainingComplete: true,
  dbsChecks: [{ level: "enhanced_barred", outcome: "clear", purgedAt: null }],
  ageBands: ["16_17", "18_20", "21_25"],
  capacity: 1,
  currentMentees: 0,
  interests: ["music"],
  skills: ["cv_help"],
  availability: ["tue_evening"],
  mode: "either",
  location: "Darlington",
  ...o,
});

/** Every returned pair passes the hard rules, nobody twice, no mentor over their places. */
function expectRulesKept(cohort: Cohort, proposal: ReturnType<typeof proposeMatches>) {
  const ypById = new Map(cohort.youngPeople.map((y) => [y.id, y]));
  const mentorById = new Map(cohort.mentors.map((m) => [m.id, m]));
  const seen = new Set<string>();
  const load = new Map<string, number>();
  for (const p of proposal.pairs) {
    const y = ypById.get(p.youngPersonId)!;
    const m = mentorById.get(p.mentorId)!;
    expect(pairRefusals(y, m)).toEqual([]);
    expect(mentorGateProblems(m, y.ageBand === "16_17")).toEqual([]);
    expect(cohort.forbidden?.some((f) => f.youngPersonId === y.id && f.mentorId === m.id) ?? false).toBe(false);
    expect(seen.has(y.id)).toBe(false);
    seen.add(y.id);
    load.set(m.id, (load.get(m.id) ?? 0) + 1);
    expect(m.currentMentees + load.get(m.id)!).toBeLessThanOrEqual(m.capacity);
    // The explanation adds up to the score, and the score is this pair's score.
    expect(p.parts.reduce((s, part) => s + part.points, 0)).toBe(p.score);
    expect(p.score).toBe(scorePair(y, m).score);
  }
  expect(proposal.pairs.length + proposal.unmatched.length).toBe(cohort.youngPeople.length);
}

describe("mentor gates", () => {
  it("refuse an unselected, untrained or (for under-18s) unchecked mentor", () => {
    expect(mentorGateProblems(mentor("a"), true)).toEqual([]);
    expect(mentorGateProblems(mentor("a", { selected: false }), false)).toEqual(["The mentor has not been selected"]);
    expect(mentorGateProblems(mentor("a", { trainingComplete: false }), false)).toEqual(["The mentor has not completed the required training"]);
    // Plain enhanced (no barred list), a barred-list check that is not clear, or none: not enough for an under-18.
    for (const dbsChecks of [[], [{ level: "enhanced", outcome: "clear", purgedAt: null }], [{ level: "enhanced_barred", outcome: "not_clear", purgedAt: null }]]) {
      expect(mentorGateProblems(mentor("a", { dbsChecks }), true)).toEqual([
        "The young person is under 18 and the mentor has no clear Enhanced DBS check with the children's barred list",
      ]);
      expect(mentorGateProblems(mentor("a", { dbsChecks }), false)).toEqual([]);
    }
    // A purged check keeps its level and outcome and still counts.
    expect(mentorGateProblems(mentor("a", { dbsChecks: [{ level: "enhanced_barred", outcome: "clear", purgedAt: new Date("2026-01-01") }] }), true)).toEqual([]);
  });

  it("a mentor without the gates is never matched, even when alone and locked", () => {
    const young = yp("y1", { ageBand: "16_17" });
    const unchecked = mentor("m1", { dbsChecks: [] });
    const proposal = proposeMatches({ youngPeople: [young], mentors: [unchecked], locked: [{ youngPersonId: "y1", mentorId: "m1" }] });
    expect(proposal.pairs).toEqual([]);
    expect(proposal.refusedLocks).toEqual([
      { youngPersonId: "y1", mentorId: "m1", reasons: ["The young person is under 18 and the mentor has no clear Enhanced DBS check with the children's barred list"] },
    ]);
    expect(proposal.unmatched).toEqual([
      { youngPersonId: "y1", reasons: ["The young person is under 18 and the mentor has no clear Enhanced DBS check with the children's barred list (1 of 1 mentor)"] },
    ]);
    // Once the check is recorded the same cohort matches.
    expect(proposeMatches({ youngPeople: [young], mentors: [mentor("m1")] }).pairs.map((p) => p.mentorId)).toEqual(["m1"]);
  });
});

describe("pairRefusals", () => {
  it("names each hard rule in plain words", () => {
    expect(pairRefusals(yp("y"), mentor("m"))).toEqual([]);
    expect(pairRefusals(yp("y"), mentor("m", { currentMentees: 1 }))).toEqual(["The mentor has no places left"]);
    expect(pairRefusals(yp("y", { ageBand: "21_25" }), mentor("m", { ageBands: ["16_17"] }))).toEqual(["The mentor does not mentor young people aged 21 to 25"]);
    expect(pairRefusals(yp("y"), mentor("m", { userId: "pa-person" }))).toEqual(["The mentor is the young person's own social worker or personal adviser"]);
    expect(pairRefusals(yp("y"), mentor("m", { teamId: "pa-team-north" }))).toEqual(["The mentor works in the young person's own social work or personal adviser team"]);
    expect(pairRefusals(yp("y", { preferredMentorGender: "male" }), mentor("m"))).toEqual(["The young person asked for a male mentor"]);
    expect(pairRefusals(yp("y", { mode: "online" }), mentor("m", { mode: "in_person" }))).toEqual(["The young person wants to meet online"]);
  });
});

describe("scorePair", () => {
  it("explains each part, and the parts add up to the score", () => {
    const s = scorePair(yp("y"), mentor("m"));
    expect(s.parts).toEqual([
      { part: "interests", points: 13, max: WEIGHTS.interests, why: "Shared interests (1 of 2): Music" },
      { part: "goals", points: 20, max: WEIGHTS.goals, why: "Can help with 1 of 2 goals: Find work (CV help)" },
      { part: "availability", points: 13, max: WEIGHTS.availability, why: "Free at the same times (1 of 2): Tuesday evening" },
      { part: "location", points: 10, max: WEIGHTS.location, why: "Same area (Darlington)" },
    ]);
    expect(s.score).toBe(56);
    const far = scorePair(yp("y", { interests: [], goals: [] }), mentor("m", { location: "Durham", mode: "in_person", availability: [] }));
    expect(far.score).toBe(0);
    expect(far.parts.map((p) => p.why)).toEqual(["No shared interests", "No skills for the young person's goals", "No times in common", "Would need to travel (Darlington and Durham)"]);
  });

  it("parts add up to the score on random pairs, within 0–100", () => {
    const cohort = randomCohort(60, 60, 3);
    for (const y of cohort.youngPeople)
      for (const m of cohort.mentors) {
        const s = scorePair(y, m);
        expect(s.parts.reduce((sum, p) => sum + p.points, 0)).toBe(s.score);
        for (const p of s.parts) expect(Number.isInteger(p.points) && p.points >= 0 && p.points <= p.max).toBe(true);
        expect(s.score).toBeLessThanOrEqual(100);
      }
  });
});

describe("proposeMatches", () => {
  it("optimises the whole cohort instead of first come, first served", () => {
    // Greedy in list order gives y1 its best mentor m1 (100 vs 75) and y2 what is left, m2 (50): 150.
    // Optimal: y1–m2 and y2–m1, 175.
    const y1 = yp("y1", { interests: ["music"], goals: ["find_work"], availability: ["tue_evening"] });
    const y2 = yp("y2", { interests: ["sport"], goals: ["find_work"], availability: ["tue_evening"] });
    const m1 = mentor("m1", { interests: ["music", "sport"], skills: ["cv_help"], availability: ["tue_evening"] });
    const m2 = mentor("m2", { interests: ["music"], skills: ["cv_help"], availability: [] });
    const proposal = proposeMatches({ youngPeople: [y1, y2], mentors: [m1, m2] });
    expect(proposal.pairs.map((p) => [p.youngPersonId, p.mentorId, p.score])).toEqual([
      ["y1", "m2", 75],
      ["y2", "m1", 100],
    ]);
    expect(proposal.total).toBe(175);
  });

  it("uses a mentor's places (capacity), and says why someone is left out", () => {
    const ys = [yp("y1"), yp("y2"), yp("y3")];
    const proposal = proposeMatches({ youngPeople: ys, mentors: [mentor("m1", { capacity: 3, currentMentees: 1 })] });
    expect(proposal.pairs.map((p) => p.mentorId)).toEqual(["m1", "m1"]);
    expect(proposal.unmatched).toEqual([
      { youngPersonId: "y3", reasons: ["The one mentor who could be matched went to other young people in the best match for the whole cohort"] },
    ]);
    expect(proposeMatches({ youngPeople: ys, mentors: [] }).unmatched[0].reasons).toEqual(["There are no mentors in this cohort"]);
  });

  it("keeps locked pairs and never proposes forbidden ones", () => {
    const ys = [yp("y1"), yp("y2")];
    const ms = [mentor("m1", { interests: ["music", "sport"] }), mentor("m2")];
    // Unconstrained, y1 gets m1 (ties go either way, so lock against the result).
    const free = proposeMatches({ youngPeople: ys, mentors: ms });
    const y1Mentor = free.pairs.find((p) => p.youngPersonId === "y1")!.mentorId;
    const other = y1Mentor === "m1" ? "m2" : "m1";
    const locked = proposeMatches({ youngPeople: ys, mentors: ms, locked: [{ youngPersonId: "y1", mentorId: other }] });
    expect(locked.pairs.find((p) => p.youngPersonId === "y1")).toMatchObject({ mentorId: other, locked: true });
    expect(locked.pairs.find((p) => p.youngPersonId === "y2")).toMatchObject({ mentorId: y1Mentor, locked: false });
    const forbidden = proposeMatches({ youngPeople: ys, mentors: ms, forbidden: [{ youngPersonId: "y1", mentorId: y1Mentor }] });
    expect(forbidden.pairs.find((p) => p.youngPersonId === "y1")?.mentorId).toBe(other);
    // Forbidding both leaves y1 out, with the coordinator's reason counted.
    const none = proposeMatches({ youngPeople: ys, mentors: ms, forbidden: ["m1", "m2"].map((mentorId) => ({ youngPersonId: "y1", mentorId })) });
    expect(none.unmatched).toEqual([{ youngPersonId: "y1", reasons: ["The coordinator ruled this pair out (2 of 2 mentors)"] }]);
    // A lock on a forbidden pair, a second lock for the same person, or an unknown id is refused.
    const bad = proposeMatches({
      youngPeople: ys,
      mentors: ms,
      forbidden: [{ youngPersonId: "y2", mentorId: "m2" }],
      locked: [
        { youngPersonId: "y2", mentorId: "m2" },
        { youngPersonId: "y1", mentorId: "m1" },
        { youngPersonId: "y1", mentorId: "m2" },
        { youngPersonId: "nobody", mentorId: "m1" },
      ],
    });
    expect(bad.refusedLocks.map((l) => l.reasons)).toEqual([
      ["The coordinator ruled this pair out"],
      ["The young person is already locked to another mentor"],
      ["The young person or mentor is not in this cohort"],
    ]);
    expect(bad.pairs.map((p) => [p.youngPersonId, p.mentorId, p.locked])).toEqual([["y1", "m1", true]]);
  });

  it("never breaks a hard rule, and the explanations add up, on random cohorts", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const rnd = seededRandom(seed * 7919);
      const cohort = randomCohort(1 + Math.floor(rnd() * 30), 1 + Math.floor(rnd() * 30), seed);
      const forbidden = cohort.youngPeople.flatMap((y) => cohort.mentors.filter(() => rnd() < 0.1).map((m) => ({ youngPersonId: y.id, mentorId: m.id })));
      const locked = cohort.youngPeople.filter(() => rnd() < 0.1).map((y) => ({ youngPersonId: y.id, mentorId: cohort.mentors[Math.floor(rnd() * cohort.mentors.length)].id }));
      const withRules = { ...cohort, forbidden, locked };
      const proposal = proposeMatches(withRules);
      expectRulesKept(withRules, proposal);
      // A lock is either kept or refused with reasons.
      for (const l of locked) {
        const kept = proposal.pairs.some((p) => p.locked && p.youngPersonId === l.youngPersonId && p.mentorId === l.mentorId);
        const refused = proposal.refusedLocks.some((r) => r.youngPersonId === l.youngPersonId && r.mentorId === l.mentorId && r.reasons.length > 0);
        expect(kept !== refused).toBe(true);
      }
    }
  });

  it("matches as many as brute force, with the best total, on small random cohorts", () => {
    for (let seed = 100; seed < 250; seed++) {
      const rnd = seededRandom(seed);
      const cohort = randomCohort(1 + Math.floor(rnd() * 6), 1 + Math.floor(rnd() * 5), seed);
      const proposal = proposeMatches(cohort);
      expectRulesKept(cohort, proposal);
      // Brute force over mentor choices per young person (or none), respecting places.
      const left = cohort.mentors.map((m) => Math.max(0, m.capacity - m.currentMentees));
      let best = { pairs: 0, total: 0 };
      const visit = (i: number, pairs: number, total: number) => {
        if (i === cohort.youngPeople.length) {
          if (pairs > best.pairs || (pairs === best.pairs && total > best.total)) best = { pairs, total };
          return;
        }
        visit(i + 1, pairs, total);
        cohort.mentors.forEach((m, j) => {
          const y = cohort.youngPeople[i];
          if (left[j] === 0 || pairRefusals(y, m).length) return;
          left[j]--;
          visit(i + 1, pairs + 1, total + scorePair(y, m).score);
          left[j]++;
        });
      };
      visit(0, 0, 0);
      expect({ seed, pairs: proposal.pairs.length, total: proposal.total }).toEqual({ seed, ...best });
    }
  });
});
