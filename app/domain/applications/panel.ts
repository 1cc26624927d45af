// The panel's rules: conflicts come first, scores against the published criteria, and a decision
// only with a quorum of members who are not conflicted.

export const RECOMMENDATIONS = ["approve", "approve_with_conditions", "more_info", "decline"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
/** A decision's outcome takes the same four values. */
export type DecisionOutcome = Recommendation;

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  approve: "Approve",
  approve_with_conditions: "Approve with conditions",
  more_info: "Ask for more information",
  decline: "Decline",
};

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/** What a member may do with an application, from their declaration (or its absence). */
export type PanelAccess = "must_declare" | "conflicted" | "may_review";

export function panelAccess(declaration: { conflict: boolean } | null | undefined): PanelAccess {
  if (!declaration) return "must_declare";
  return declaration.conflict ? "conflicted" : "may_review";
}

export type ReviewFact = { memberId: string };
export type DeclarationFact = { memberId: string; conflict: boolean };

export type Quorum = {
  required: number;
  /** non-conflicted members who have scored */
  scored: string[];
  conflicted: string[];
  met: boolean;
  /** how many more scores are needed (0 when met) */
  missing: number;
};

/**
 * Quorum counts members who declared no conflict and scored. A review by a member who (also)
 * declared a conflict never counts: the services refuse it, and this is the second line.
 */
export function quorumOf(required: number, declarations: readonly DeclarationFact[], reviews: readonly ReviewFact[]): Quorum {
  if (!Number.isInteger(required) || required < 1) throw new RangeError(`a quorum must be a whole number of at least 1, not ${required}`);
  const conflicted = [...new Set(declarations.filter((d) => d.conflict).map((d) => d.memberId))];
  const clear = new Set(declarations.filter((d) => !d.conflict).map((d) => d.memberId));
  const scored = [...new Set(reviews.map((r) => r.memberId))].filter((id) => clear.has(id) && !conflicted.includes(id));
  const missing = Math.max(0, required - scored.length);
  return { required, scored, conflicted, met: missing === 0, missing };
}

/** The criteria of a version of the terms, from its one-per-line text. */
export function criteriaOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export type CriterionScore = { criterion: string; score: number };

/** Scores must cover every criterion once, each a whole number 1–5. Returns problems by criterion. */
export function scoreProblems(criteria: readonly string[], scores: readonly CriterionScore[]): string[] {
  const problems: string[] = [];
  for (const criterion of criteria) {
    const found = scores.filter((s) => s.criterion === criterion);
    if (found.length === 0) problems.push(`Give a score for "${criterion}"`);
    else if (found.length > 1) problems.push(`Give one score for "${criterion}"`);
    else if (!Number.isInteger(found[0].score) || found[0].score < SCORE_MIN || found[0].score > SCORE_MAX) {
      problems.push(`The score for "${criterion}" must be a whole number from ${SCORE_MIN} to ${SCORE_MAX}`);
    }
  }
  for (const s of scores) if (!criteria.includes(s.criterion)) problems.push(`"${s.criterion}" is not one of the published criteria`);
  return problems;
}

/** The mean score per member (one decimal), and the panel's mean across members, for the decision page. */
export function averageScore(scores: readonly CriterionScore[]): number {
  if (scores.length === 0) return 0;
  return Math.round((scores.reduce((t, s) => t + s.score, 0) / scores.length) * 10) / 10;
}

export type RecommendationTally = Record<Recommendation, number>;

export function tallyRecommendations(recommendations: readonly Recommendation[]): RecommendationTally {
  const tally: RecommendationTally = { approve: 0, approve_with_conditions: 0, more_info: 0, decline: 0 };
  for (const r of recommendations) tally[r]++;
  return tally;
}

export type DecisionDraft = { outcome: DecisionOutcome; amountPence: number | null; reasons: string; conditions: string | null };

/**
 * What is wrong with a decision before any money moves: reasons always; an amount (whole pence,
 * above zero, within the terms' most per award and what was asked for) for approvals; conditions
 * for "approve with conditions".
 */
export function decisionProblems(draft: DecisionDraft, limits: { maxAwardPence: number; requestedPence: number }): string[] {
  const problems: string[] = [];
  if (draft.reasons.trim().length < 10) problems.push("Give the reasons for the decision (at least a sentence)");
  const approving = draft.outcome === "approve" || draft.outcome === "approve_with_conditions";
  if (approving) {
    const a = draft.amountPence;
    if (a === null || !Number.isSafeInteger(a) || a <= 0) problems.push("Enter the amount awarded");
    else {
      if (a > limits.maxAwardPence) problems.push("The amount is more than the most the terms of reference allow for one award");
      if (a > limits.requestedPence) problems.push("The amount is more than the young person asked for");
    }
  } else if (draft.amountPence !== null) {
    problems.push("Only an approval awards an amount");
  }
  if (draft.outcome === "approve_with_conditions" && !(draft.conditions ?? "").trim()) problems.push("Enter the conditions of the award");
  if (draft.outcome !== "approve_with_conditions" && (draft.conditions ?? "").trim()) problems.push("Only an approval with conditions has conditions");
  return problems;
}

/** Finance may not approve or record a payment for an award they had any part in deciding. */
export function tookPartInDecision(userId: string, decision: { decidedById: string; scoredByIds: readonly string[]; conflictedIds: readonly string[] }): boolean {
  return decision.decidedById === userId || decision.scoredByIds.includes(userId) || decision.conflictedIds.includes(userId);
}
