// Matching young people with mentors for a cohort (issue 8, domain notes "Giving Time and mentoring"):
// hard rules first (gates, capacity, absolute preferences, never their own social worker / PA team,
// age bands), then a score per pair from weighted parts that add up exactly to it, then one optimal
// assignment for the whole cohort (assignment.ts) rather than first-come greedy.
import type { DbsFacts } from "../talent/dbs";
import type { Mode, SkillKey, Slot } from "../talent/skills";
import { SKILLS, slotLabel } from "../talent/skills";
import { optimalAssignment, type Cell } from "./assignment";

export const INTERESTS = {
  sport: "Sport and fitness",
  music: "Music",
  gaming: "Gaming",
  art: "Art and design",
  cooking: "Cooking",
  outdoors: "Outdoors and nature",
  technology: "Technology",
  reading: "Reading and writing",
  film: "Film and TV",
  animals: "Animals",
  cars: "Cars and motorbikes",
  fashion: "Fashion and beauty",
} as const;
export type InterestKey = keyof typeof INTERESTS;
export const INTEREST_KEYS = Object.keys(INTERESTS) as InterestKey[];

/** Goals a young person can name, each with the mentor skills (talent SKILLS) that help with it. */
export const GOALS = {
  find_work: { label: "Find work", skills: ["cv_help", "interview_practice", "careers_talk"] },
  college_or_training: { label: "Get into college or training", skills: ["study_support", "careers_talk"] },
  manage_money: { label: "Manage money", skills: ["budgeting"] },
  live_independently: { label: "Live independently", skills: ["budgeting", "cooking", "diy"] },
  learn_to_drive: { label: "Learn to drive", skills: ["driving_practice"] },
  confidence_online: { label: "Be confident with computers", skills: ["it_help"] },
  make_things: { label: "Make or design things", skills: ["design_and_making", "diy"] },
} as const satisfies Record<string, { label: string; skills: readonly SkillKey[] }>;
export type GoalKey = keyof typeof GOALS;
export const GOAL_KEYS = Object.keys(GOALS) as GoalKey[];

export const AGE_BANDS = { "16_17": "16 to 17", "18_20": "18 to 20", "21_25": "21 to 25" } as const;
export type AgeBand = keyof typeof AGE_BANDS;
export const isUnder18 = (band: AgeBand) => band === "16_17";

export type YoungPersonFacts = {
  id: string;
  ageBand: AgeBand;
  interests: readonly InterestKey[];
  goals: readonly GoalKey[];
  availability: readonly Slot[];
  mode: Mode;
  location: string | null;
  /** absolute: only a mentor of this gender (null: no preference) */
  preferredMentorGender: string | null;
  /** their own social worker's and personal adviser's teams: never a mentor from these */
  ownTeamIds: readonly string[];
  /** their own social worker and personal adviser (user ids): never these */
  ownWorkerIds: readonly string[];
};

export type MentorFacts = {
  id: string;
  userId: string;
  teamId: string | null;
  gender: string | null;
  /** selected by the coordinator after interview */
  selected: boolean;
  trainingComplete: boolean;
  dbsChecks: readonly DbsFacts[];
  /** the age bands the mentor agreed to (and was trained for) */
  ageBands: readonly AgeBand[];
  /** how many mentees the mentor can take, and how many they already have (confirmed pairs) */
  capacity: number;
  currentMentees: number;
  interests: readonly InterestKey[];
  skills: readonly SkillKey[];
  availability: readonly Slot[];
  mode: Mode;
  location: string | null;
};

/**
 * Mentoring an under-18 weekly and unsupervised is regulated activity: only an Enhanced check with
 * the children's barred list, clear, counts (talent's dbsCounts also accepts plain enhanced).
 * A purged check keeps level and outcome, so it still counts.
 */
export function mentoringDbsClear(checks: readonly DbsFacts[]): boolean {
  return checks.some((c) => c.outcome === "clear" && c.level === "enhanced_barred");
}

/** Why this mentor cannot be matched yet (empty: the gates pass). `forUnder18` adds the DBS gate. */
export function mentorGateProblems(mentor: MentorFacts, forUnder18: boolean): string[] {
  const problems: string[] = [];
  if (!mentor.selected) problems.push("The mentor has not been selected");
  if (!mentor.trainingComplete) problems.push("The mentor has not completed the required training");
  if (forUnder18 && !mentoringDbsClear(mentor.dbsChecks)) problems.push("The young person is under 18 and the mentor has no clear Enhanced DBS check with the children's barred list");
  return problems;
}

/** Places a mentor has left (never below 0). */
export const placesLeft = (m: Pick<MentorFacts, "capacity" | "currentMentees">) => Math.max(0, m.capacity - m.currentMentees);

/**
 * Why this pair cannot be proposed (empty: it can). Plain sentences without names, so the same
 * reason from many mentors can be counted for the coordinator.
 */
export function pairRefusals(yp: YoungPersonFacts, mentor: MentorFacts): string[] {
  const refusals = mentorGateProblems(mentor, isUnder18(yp.ageBand));
  if (placesLeft(mentor) === 0) refusals.push("The mentor has no places left");
  if (!mentor.ageBands.includes(yp.ageBand)) refusals.push(`The mentor does not mentor young people aged ${AGE_BANDS[yp.ageBand]}`);
  if (yp.ownWorkerIds.includes(mentor.userId)) refusals.push("The mentor is the young person's own social worker or personal adviser");
  else if (mentor.teamId !== null && yp.ownTeamIds.includes(mentor.teamId)) refusals.push("The mentor works in the young person's own social work or personal adviser team");
  if (yp.preferredMentorGender && mentor.gender !== yp.preferredMentorGender) refusals.push(`The young person asked for a ${yp.preferredMentorGender} mentor`);
  if (yp.mode !== "either" && mentor.mode !== "either" && yp.mode !== mentor.mode) refusals.push(`The young person wants to meet ${yp.mode === "online" ? "online" : "in person"}`);
  return refusals;
}

/** The weights: the most each part can add; they sum to 100. */
export const WEIGHTS = { interests: 25, goals: 40, availability: 25, location: 10 } as const;
export type PartKey = keyof typeof WEIGHTS;
export type ScorePart = { part: PartKey; points: number; max: number; why: string };
export type PairScore = { score: number; parts: ScorePart[] };

const samePlace = (a: string | null, b: string | null) => Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());
const share = (hits: number, of: number, max: number) => (of === 0 ? 0 : Math.round((hits / of) * max));
const list = (labels: string[]) => (labels.length <= 3 ? labels.join(", ") : `${labels.slice(0, 3).join(", ")} and ${labels.length - 3} more`);

/**
 * The score of an allowed pair (0–100) as whole points per part, so the parts add up exactly to the
 * score: interests (share of the young person's interests the mentor shares), goals (share of their
 * goals the mentor has a helpful skill for), availability (share of their times the mentor is also
 * free), location (both can meet online, or the same town).
 */
export function scorePair(yp: YoungPersonFacts, mentor: MentorFacts): PairScore {
  const interestHits = yp.interests.filter((i) => mentor.interests.includes(i));
  const interests: ScorePart = {
    part: "interests",
    points: share(interestHits.length, yp.interests.length, WEIGHTS.interests),
    max: WEIGHTS.interests,
    why: interestHits.length ? `Shared interests (${interestHits.length} of ${yp.interests.length}): ${list(interestHits.map((i) => INTERESTS[i]))}` : "No shared interests",
  };

  const goalHits: string[] = [];
  for (const g of yp.goals) {
    const helps = GOALS[g].skills.filter((s) => mentor.skills.includes(s));
    if (helps.length) goalHits.push(`${GOALS[g].label} (${helps.map((s) => SKILLS[s]).join(", ")})`);
  }
  const goals: ScorePart = {
    part: "goals",
    points: share(goalHits.length, yp.goals.length, WEIGHTS.goals),
    max: WEIGHTS.goals,
    why: goalHits.length ? `Can help with ${goalHits.length} of ${yp.goals.length} goals: ${list(goalHits)}` : "No skills for the young person's goals",
  };

  const slotHits = yp.availability.filter((s) => mentor.availability.includes(s));
  const availability: ScorePart = {
    part: "availability",
    points: share(slotHits.length, yp.availability.length, WEIGHTS.availability),
    max: WEIGHTS.availability,
    why: slotHits.length ? `Free at the same times (${slotHits.length} of ${yp.availability.length}): ${list(slotHits.map(slotLabel))}` : "No times in common",
  };

  let location: ScorePart;
  if (yp.mode !== "in_person" && mentor.mode !== "in_person") location = { part: "location", points: WEIGHTS.location, max: WEIGHTS.location, why: "Can meet online" };
  else if (samePlace(yp.location, mentor.location)) location = { part: "location", points: WEIGHTS.location, max: WEIGHTS.location, why: `Same area (${mentor.location})` };
  else location = { part: "location", points: 0, max: WEIGHTS.location, why: yp.location && mentor.location ? `Would need to travel (${yp.location} and ${mentor.location})` : "Area not known" };

  const parts = [interests, goals, availability, location];
  return { score: parts.reduce((sum, p) => sum + p.points, 0), parts };
}

export type PairRef = { youngPersonId: string; mentorId: string };
export type Cohort = {
  youngPeople: readonly YoungPersonFacts[];
  mentors: readonly MentorFacts[];
  /** pairs the coordinator fixed: kept if the hard rules allow them */
  locked?: readonly PairRef[];
  /** pairs the coordinator ruled out */
  forbidden?: readonly PairRef[];
};
export type ProposedPair = PairRef & PairScore & { locked: boolean };
export type Proposal = {
  pairs: ProposedPair[];
  unmatched: { youngPersonId: string; reasons: string[] }[];
  /** locks that could not be kept, with why (the rest of the proposal ignores them) */
  refusedLocks: (PairRef & { reasons: string[] })[];
  total: number;
};

/**
 * The proposal for a cohort: as many young people matched as the rules allow, then the highest total
 * score; each pair with the parts of its score; each young person left out with why.
 */
export function proposeMatches(cohort: Cohort): Proposal {
  const yps = cohort.youngPeople;
  const mentors = cohort.mentors;
  const ypIndex = new Map(yps.map((y, i) => [y.id, i]));
  const mentorIndex = new Map(mentors.map((m, i) => [m.id, i]));
  const key = (y: number, m: number) => y * mentors.length + m;
  const forbidden = new Set<number>();
  for (const f of cohort.forbidden ?? []) {
    const y = ypIndex.get(f.youngPersonId);
    const m = mentorIndex.get(f.mentorId);
    if (y !== undefined && m !== undefined) forbidden.add(key(y, m));
  }

  // Hard rules and scores for every pair; refusals kept for the unmatched summary.
  const refusals: string[][][] = yps.map(() => []);
  const scores: (PairScore | null)[][] = yps.map((yp, y) =>
    mentors.map((mentor, m) => {
      const why = pairRefusals(yp, mentor);
      if (forbidden.has(key(y, m))) why.push("The coordinator ruled this pair out");
      refusals[y][m] = why;
      return why.length ? null : scorePair(yp, mentor);
    }),
  );

  // One column per free place, so a mentor with k places can take k mentees.
  const places = mentors.map(placesLeft);
  const refusedLocks: Proposal["refusedLocks"] = [];
  const lockedYp = new Set<number>();
  const locks: { y: number; m: number }[] = [];
  const lockedPerMentor = new Array<number>(mentors.length).fill(0);
  for (const lock of cohort.locked ?? []) {
    const y = ypIndex.get(lock.youngPersonId);
    const m = mentorIndex.get(lock.mentorId);
    const reasons: string[] = [];
    if (y === undefined || m === undefined) reasons.push("The young person or mentor is not in this cohort");
    else if (lockedYp.has(y)) reasons.push("The young person is already locked to another mentor");
    else if (refusals[y][m].length) reasons.push(...refusals[y][m]);
    else if (lockedPerMentor[m] >= places[m]) reasons.push("The mentor has no places left for another locked pair");
    if (reasons.length || y === undefined || m === undefined) {
      refusedLocks.push({ ...lock, reasons });
      continue;
    }
    lockedYp.add(y);
    lockedPerMentor[m]++;
    locks.push({ y, m });
  }

  const columnMentor: number[] = [];
  const firstColumn: number[] = [];
  mentors.forEach((_, m) => {
    firstColumn.push(columnMentor.length);
    for (let k = 0; k < places[m]; k++) columnMentor.push(m);
  });
  const matrix = scores.map((row) => columnMentor.map((m) => row[m]?.score ?? null));
  const usedLockColumns = new Array<number>(mentors.length).fill(0);
  const locked: Cell[] = locks.map(({ y, m }) => ({ row: y, col: firstColumn[m] + usedLockColumns[m]++ }));
  const result = optimalAssignment(matrix, columnMentor.length, { locked });

  const pairs: ProposedPair[] = result.pairs.map((p) => {
    const m = columnMentor[p.col];
    return { youngPersonId: yps[p.row].id, mentorId: mentors[m].id, locked: p.locked, ...(scores[p.row][m] as PairScore) };
  });
  const matched = new Set(result.pairs.map((p) => p.row));
  const unmatched = yps.flatMap((yp, y) => (matched.has(y) ? [] : [{ youngPersonId: yp.id, reasons: unmatchedReasons(refusals[y], mentors.length) }]));
  return { pairs, unmatched, refusedLocks, total: result.total };
}

/** Why a young person got no mentor: the hard rules that ruled mentors out, counted; or the trade-off. */
function unmatchedReasons(refusals: string[][], mentorCount: number): string[] {
  if (mentorCount === 0) return ["There are no mentors in this cohort"];
  const allowed = refusals.filter((r) => r.length === 0).length;
  if (allowed > 0) return [`${allowed === 1 ? "The one mentor" : `All ${allowed} mentors`} who could be matched went to other young people in the best match for the whole cohort`];
  const counts = new Map<string, number>();
  for (const why of refusals) for (const reason of why) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([reason, n]) => `${reason} (${n} of ${mentorCount} ${mentorCount === 1 ? "mentor" : "mentors"})`);
}
