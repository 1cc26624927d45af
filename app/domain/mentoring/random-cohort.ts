// Seeded random cohorts for the matching tests and bench/matching.bench.ts (not used by the app):
// varied enough that every hard rule refuses some pairs.
import { SKILL_KEYS, SLOTS, type Mode } from "../talent/skills";
import type { DbsFacts } from "../talent/dbs";
import { AGE_BANDS, GOAL_KEYS, INTEREST_KEYS, type AgeBand, type Cohort, type MentorFacts, type YoungPersonFacts } from "./matching";

/** A small deterministic generator (as in the other benches), so a seed always gives the same cohort. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const TOWNS = ["Darlington", "Stockton", "Middlesbrough", "Hartlepool", "Redcar", "Durham"];
const MODES: Mode[] = ["in_person", "online", "either", "either"];
const TEAMS = ["t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8"];
const BANDS = Object.keys(AGE_BANDS) as AgeBand[];

export function randomCohort(youngPeople: number, mentors: number, seed: number): Cohort {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const some = <T>(list: readonly T[], most: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(rnd() * most) }, () => pick(list)))];
  const maybe = <T>(p: number, value: T): T | null => (rnd() < p ? value : null);

  const mentorList: MentorFacts[] = Array.from({ length: mentors }, (_, i) => {
    const dbsChecks: DbsFacts[] = [];
    const d = rnd();
    if (d < 0.75) dbsChecks.push({ level: "enhanced_barred", outcome: "clear", purgedAt: null });
    else if (d < 0.85) dbsChecks.push({ level: "enhanced", outcome: "clear", purgedAt: null });
    else if (d < 0.9) dbsChecks.push({ level: "enhanced_barred", outcome: "not_clear", purgedAt: null });
    const capacity = 1 + Math.floor(rnd() * 2);
    return {
      id: `m${i}`,
      userId: `pm${i}`,
      teamId: maybe(0.8, pick(TEAMS)),
      gender: pick(["female", "male", "female", "male", "non-binary"]),
      selected: rnd() < 0.95,
      trainingComplete: rnd() < 0.9,
      dbsChecks,
      ageBands: rnd() < 0.6 ? BANDS : some(BANDS, 2),
      capacity,
      currentMentees: rnd() < 0.1 ? capacity : 0,
      interests: some(INTEREST_KEYS, 5),
      skills: some(SKILL_KEYS, 4),
      availability: some(SLOTS, 6),
      mode: pick(MODES),
      location: maybe(0.9, pick(TOWNS)),
    };
  });

  const ypList: YoungPersonFacts[] = Array.from({ length: youngPeople }, (_, i) => ({
    id: `y${i}`,
    ageBand: pick(BANDS),
    interests: some(INTEREST_KEYS, 4),
    goals: some(GOAL_KEYS, 3),
    availability: some(SLOTS, 5),
    mode: pick(MODES),
    location: maybe(0.9, pick(TOWNS)),
    preferredMentorGender: maybe(0.2, pick(["female", "male"])),
    ownTeamIds: some(TEAMS, 2),
    // Sometimes a mentor in the cohort is their own worker.
    ownWorkerIds: mentors > 0 && rnd() < 0.1 ? [`pm${Math.floor(rnd() * mentors)}`] : [],
  }));

  return { youngPeople: ypList, mentors: mentorList };
}
