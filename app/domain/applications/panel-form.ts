// The panel's forms (declaration, review, meeting, decision) and the queue's query string, as Zod
// schemas shared by the routes' actions and their pages. Pure: no Remix, Prisma or clock.
import { z } from "zod";
import { parsePounds } from "~/domain/money";
import { RECOMMENDATIONS, SCORE_MAX, SCORE_MIN, type CriterionScore, type DecisionDraft, type Recommendation } from "./panel";
import type { ApplicationStatus } from "./workflow";

export const PANEL_PAGE_SIZE = 25;

/** The queue's filters: everything with the panel, what still needs my declaration, or my score. */
export const QUEUE_FILTERS = ["all", "declare", "score"] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];
export const QUEUE_FILTER_LABELS: Record<QueueFilter, string> = {
  all: "All applications with the panel",
  declare: "Needs my declaration",
  score: "Needs my score",
};

/** ?page=2 → 2; anything else (missing, not a whole number, 0) → the first page. */
export function pageParamOf(search: URLSearchParams): number {
  const raw = search.get("page") ?? "1";
  return /^\d{1,6}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 1;
}

/** ?show=declare&page=2 → the filter and a page number (bad values fall back to the first page of all). */
export function queueQueryOf(search: URLSearchParams): { filter: QueueFilter; page: number } {
  const show = search.get("show") ?? "all";
  const filter = (QUEUE_FILTERS as readonly string[]).includes(show) ? (show as QueueFilter) : "all";
  return { filter, page: pageParamOf(search) };
}

/**
 * Where the panel may see an application at all: from the eligible screen on. Before it (draft,
 * submitted, not eligible, withdrawn before screening) it is not the panel's business: 404.
 */
export function panelMaySee(status: ApplicationStatus, moreInfoFrom: string | null, everWithPanel: boolean): boolean {
  if (["with_panel", "approved", "declined", "payment_approved", "paid", "cancelled"].includes(status)) return true;
  if (status === "more_info_requested") return moreInfoFrom === "panel";
  // Withdrawn while with the panel: members who reviewed it may still open it.
  return status === "withdrawn" && everWithPanel;
}

/** Whole days between two instants (for "waiting 12 days"), never negative. */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 86_400_000));
}

const text = z.string().default("");

export const declarationSchema = z
  .object({
    declaration: z.enum(["no_conflict", "conflict"], { error: "Say whether you have a conflict of interest with this application" }),
    note: text,
  })
  .transform((v, ctx) => {
    const note = v.note.trim();
    if (note.length > 500) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "The note must be 500 characters or fewer" });
      return z.NEVER;
    }
    return { conflict: v.declaration === "conflict", note: v.declaration === "conflict" && note ? note : null };
  });
export type DeclarationInput = z.output<typeof declarationSchema>;

/** The form field that holds the score for the criterion at `index`. */
export const scoreField = (index: number) => `score-${index}`;

export type ReviewInput = { scores: CriterionScore[]; recommendation: Recommendation; comment: string };

/** The scoring form for the criteria of the current terms: one score 1–5 each, a recommendation, a comment. */
export function reviewFormSchema(criteria: readonly string[]) {
  return z.record(z.string(), z.unknown()).transform((form, ctx): ReviewInput => {
    const fail = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const scores: CriterionScore[] = [];
    criteria.forEach((criterion, i) => {
      const raw = typeof form[scoreField(i)] === "string" ? String(form[scoreField(i)]).trim() : "";
      const score = /^\d$/.test(raw) ? Number(raw) : NaN;
      if (!(score >= SCORE_MIN && score <= SCORE_MAX)) fail(scoreField(i), `Give a score from ${SCORE_MIN} to ${SCORE_MAX} for "${criterion}"`);
      else scores.push({ criterion, score });
    });
    const recommendation = typeof form.recommendation === "string" ? form.recommendation : "";
    if (!(RECOMMENDATIONS as readonly string[]).includes(recommendation)) fail("recommendation", "Choose your recommendation");
    const comment = typeof form.comment === "string" ? form.comment.trim() : "";
    if (!comment) fail("comment", "Enter a comment that explains your recommendation");
    else if (comment.length > 2000) fail("comment", "The comment must be 2,000 characters or fewer");
    if (ctx.issues.length) return z.NEVER;
    return { scores, recommendation: recommendation as Recommendation, comment };
  });
}

export const MEETING_MODES = ["meeting", "written"] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];
export const MEETING_MODE_LABELS: Record<MeetingMode, string> = { meeting: "Panel meeting", written: "Written procedure" };

export type MeetingInput = { title: string; heldOn: Date; mode: MeetingMode; attendeeIds: string[] };

/** Start a meeting: title, date (YYYY-MM-DD), mode, attendees (the starter is added as chair by the service). */
export const meetingFormSchema = z
  .object({ title: text, heldOn: text, mode: text, attendeeIds: z.array(z.string()).default([]) })
  .transform((v, ctx): MeetingInput => {
    const fail = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const title = v.title.trim();
    if (!title) fail("title", "Enter a title for the meeting, like Panel meeting March 2026");
    else if (title.length > 120) fail("title", "The title must be 120 characters or fewer");
    const day = v.heldOn.trim();
    const heldOn = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : null;
    if (!day) fail("heldOn", "Enter the date of the meeting, like 2026-03-12");
    else if (!heldOn || Number.isNaN(heldOn.getTime()) || heldOn.toISOString().slice(0, 10) !== day) fail("heldOn", "The date must be a real date, like 2026-03-12");
    if (!(MEETING_MODES as readonly string[]).includes(v.mode)) fail("mode", "Choose a panel meeting or a written procedure");
    if (ctx.issues.length || !heldOn) return z.NEVER;
    return { title, heldOn, mode: v.mode as MeetingMode, attendeeIds: [...new Set(v.attendeeIds.filter(Boolean))] };
  });

export type DecisionInput = DecisionDraft & { applicationId: string; key: string; question: string | null };

/** A decision's idempotency key: made when the form is shown, so submitting it twice decides once. */
export const DECISION_KEY = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * The decision form. Amount and conditions count only for the outcomes that use them (one form,
 * no JavaScript to hide fields); decisionProblems (panel.ts) then checks the limits.
 */
export const decisionFormSchema = z
  .object({ applicationId: text, key: text, outcome: text, amount: text, reasons: text, conditions: text, question: text })
  .transform((v, ctx): DecisionInput => {
    const fail = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (!v.applicationId.trim()) fail("outcome", "Choose an application to decide");
    if (!DECISION_KEY.test(v.key)) fail("outcome", "The form has expired. Open the application again and decide.");
    const outcome = v.outcome;
    if (!(RECOMMENDATIONS as readonly string[]).includes(outcome)) fail("outcome", "Choose the panel's decision");
    const approving = outcome === "approve" || outcome === "approve_with_conditions";
    let amountPence: number | null = null;
    if (approving) {
      const amount = v.amount.trim();
      const parsed = amount ? parsePounds(amount) : null;
      if (!amount) fail("amount", "Enter the amount awarded in pounds");
      else if (parsed === null || parsed <= 0) fail("amount", "Enter the amount awarded in pounds, like 250 or 250.50");
      else amountPence = parsed;
    }
    const reasons = v.reasons.trim();
    if (!reasons) fail("reasons", "Enter the reasons for the decision");
    else if (reasons.length > 2000) fail("reasons", "The reasons must be 2,000 characters or fewer");
    const conditions = outcome === "approve_with_conditions" ? v.conditions.trim() : "";
    if (outcome === "approve_with_conditions" && !conditions) fail("conditions", "Enter the conditions of the award");
    else if (conditions.length > 2000) fail("conditions", "The conditions must be 2,000 characters or fewer");
    const question = outcome === "more_info" ? v.question.trim() : "";
    if (outcome === "more_info" && !question) fail("question", "Enter the question for the young person");
    else if (question.length > 2000) fail("question", "The question must be 2,000 characters or fewer");
    if (ctx.issues.length) return z.NEVER;
    return {
      applicationId: v.applicationId.trim(),
      key: v.key,
      outcome: outcome as Recommendation,
      amountPence,
      reasons,
      conditions: conditions || null,
      question: question || null,
    };
  });

/** Which decision field a problem from decisionProblems (panel.ts) belongs to, for the error summary. */
export function decisionProblemField(problem: string): "amount" | "reasons" | "conditions" | "outcome" {
  if (/reasons/i.test(problem)) return "reasons";
  if (/conditions/i.test(problem)) return "conditions";
  if (/amount/i.test(problem)) return "amount";
  return "outcome";
}
