// The coordinator's choices on a matching proposal (issue 8): pairs to lock and pairs to rule out,
// carried as "youngPersonId:mentorId" tokens in a plain GET form (so "Re-run" needs no JavaScript)
// and again as hidden fields when confirming. Also the first-session fit question each side of a
// pair answers and when it may be answered, and a confirmed pair's stored explanation read back.
// Pure: no Remix, Prisma or clock.
import type { PairRef, PartKey, ScorePart } from "./matching";

/** At most this many tokens of each kind are read: a cohort has at most 200 places, and a URL stays short. */
export const MAX_CHOICES = 400;

// Ids are cuids; anything else (a colon, spaces, markup) is not an id, so the token is ignored.
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const pairToken = (p: PairRef): string => `${p.youngPersonId}:${p.mentorId}`;

/** "youngPersonId:mentorId" → the pair, or null when it is not one. */
export function parsePairToken(token: string): PairRef | null {
  const parts = token.trim().split(":");
  if (parts.length !== 2 || !ID.test(parts[0]) || !ID.test(parts[1])) return null;
  return { youngPersonId: parts[0], mentorId: parts[1] };
}

export type PairChoices = { locked: PairRef[]; forbidden: PairRef[] };
export const NO_CHOICES: PairChoices = { locked: [], forbidden: [] };

/** What the GET query string or the posted form holds: every value of each name. */
export type ChoiceSource = { getAll(name: string): readonly unknown[] };

function tokens(values: readonly unknown[]): PairRef[] {
  const seen = new Map<string, PairRef>();
  for (const v of values.slice(0, MAX_CHOICES)) {
    const pair = typeof v === "string" ? parsePairToken(v) : null;
    if (pair) seen.set(pairToken(pair), pair);
  }
  return [...seen.values()];
}

/**
 * The locks and rule-outs in a form or query string: `lock` and `forbid` tokens (repeatable), plus
 * one pair the coordinator chose from two lists (`lockYoungPerson` and `lockMentor`), which is a lock.
 * Malformed tokens are ignored, repeats kept once. A pair both locked and ruled out is ruled out: the
 * safer reading, and the coordinator sees it in the "ruled out" list to undo.
 */
export function parsePairChoices(source: ChoiceSource): PairChoices {
  const forbidden = tokens(source.getAll("forbid"));
  const chosenYp = source.getAll("lockYoungPerson")[0];
  const chosenMentor = source.getAll("lockMentor")[0];
  const chosen = typeof chosenYp === "string" && typeof chosenMentor === "string" && chosenYp && chosenMentor ? [`${chosenYp}:${chosenMentor}`] : [];
  const out = new Set(forbidden.map(pairToken));
  // A young person can be locked to one mentor: the first lock for them is kept (a chosen pair replaces one from the list).
  const byYoungPerson = new Map<string, PairRef>();
  for (const lock of [...tokens(chosen), ...tokens(source.getAll("lock"))]) {
    if (!out.has(pairToken(lock)) && !byYoungPerson.has(lock.youngPersonId)) byYoungPerson.set(lock.youngPersonId, lock);
  }
  return { locked: [...byYoungPerson.values()], forbidden };
}

/** The choices as a query string ("?lock=…&forbid=…", or "" with none), to link to the same proposal. */
export function choicesQuery(choices: PairChoices): string {
  const params = new URLSearchParams();
  for (const l of choices.locked) params.append("lock", pairToken(l));
  for (const f of choices.forbidden) params.append("forbid", pairToken(f));
  const q = params.toString();
  return q ? `?${q}` : "";
}

/** Whether two lists hold the same pairs, in any order (a proposal the coordinator saw vs the one computed now). */
export function samePairs(a: readonly PairRef[], b: readonly PairRef[]): boolean {
  const left = new Set(a.map(pairToken));
  const right = new Set(b.map(pairToken));
  return left.size === right.size && [...left].every((t) => right.has(t));
}

// ---- The first-session fit question ----------------------------------------------------------

export const FIT_ANSWERS = {
  good_fit: "A good fit",
  not_sure: "Not sure yet",
  not_good_fit: "Not a good fit",
} as const;
export type FitAnswer = keyof typeof FIT_ANSWERS;
export const FIT_ANSWER_KEYS = Object.keys(FIT_ANSWERS) as FitAnswer[];
export const isFitAnswer = (v: unknown): v is FitAnswer => typeof v === "string" && Object.hasOwn(FIT_ANSWERS, v);

export type FitFacts = { status: string; sessions: number; answered: string | null };

/**
 * Why this side cannot answer the fit question now (null: it can). Each side answers once, after at
 * least one session is logged, while the pair is active.
 */
export function fitProblem(f: FitFacts): string | null {
  if (f.status !== "active") return "This pair has ended, so the question about fit is closed.";
  if (f.answered !== null) return `You have already answered: ${isFitAnswer(f.answered) ? FIT_ANSWERS[f.answered].toLowerCase() : f.answered}.`;
  if (f.sessions < 1) return "You can say how it is going after the first session has been logged.";
  return null;
}

/** "not a good fit" from either side ends the pair; the other answers leave it running. */
export const endsPair = (answer: FitAnswer) => answer === "not_good_fit";

// ---- A confirmed pair --------------------------------------------------------------------------

export const MATCH_STATUSES = {
  active: "Active",
  ended: "Ended: not a good fit",
  closed: "Closed at the end of the cohort",
} as const;
export const matchStatusLabel = (status: string): string => (Object.hasOwn(MATCH_STATUSES, status) ? MATCH_STATUSES[status as keyof typeof MATCH_STATUSES] : status);

/** What each part of a pair's score is called on the page. */
export const PART_LABELS: Record<PartKey, string> = {
  interests: "Shared interests",
  goals: "Skills for their goals",
  availability: "Times in common",
  location: "Meeting place",
};
export const partLabel = (part: string): string => (Object.hasOwn(PART_LABELS, part) ? PART_LABELS[part as PartKey] : part);

/**
 * A pair's stored explanation (the JSON of its score's parts, as proposed) read back: well-formed
 * parts only, anything else dropped (never shown raw).
 */
export function storedExplanation(text: string | null | undefined): ScorePart[] {
  let value: unknown;
  try {
    value = JSON.parse(text ?? "");
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.filter(
    (p): p is ScorePart =>
      typeof p === "object" && p !== null && Object.hasOwn(PART_LABELS, (p as ScorePart).part) && Number.isInteger((p as ScorePart).points) && Number.isInteger((p as ScorePart).max) && typeof (p as ScorePart).why === "string",
  );
}

/** What matching saw in common: the reasons of the parts that scored. */
export const inCommon = (parts: readonly ScorePart[]): string[] => parts.filter((p) => p.points > 0).map((p) => p.why);
