// The forms of applying for support, screening, and the terms of reference: one Zod schema per
// form (the route's action parses with it; the page shows its messages), the words for each
// choice, and what is still missing before an application can be sent. Pure: no Remix, Prisma or clock.
import { z } from "zod";
import { optionalText as optional, requiredText as required, text as str } from "../form-fields";
import { formatPence, parsePounds } from "~/domain/money";
import { APPLICATION_STATUSES, type ApplicationStatus } from "~/domain/applications/workflow";
import { APPLICATION_REFERENCE_PATTERN } from "~/domain/applications/reference";

// ---- Choices ---------------------------------------------------------------------------------

export const CATEGORIES = ["education_equipment", "driving_lessons", "setting_up_home", "training_and_jobs", "other"] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, string> = {
  education_equipment: "Equipment for school, college or university (for example a laptop or books)",
  driving_lessons: "Driving lessons or a driving test",
  setting_up_home: "Setting up a home (for example furniture or kitchen things)",
  training_and_jobs: "Training, or costs of starting a job (for example work clothes or travel)",
  other: "Something else",
};
export const CATEGORY_SHORT: Record<Category, string> = {
  education_equipment: "Education equipment",
  driving_lessons: "Driving lessons",
  setting_up_home: "Setting up home",
  training_and_jobs: "Training and job costs",
  other: "Something else",
};

export const ENTITLEMENT_ANSWERS = ["no", "partly", "yes", "not_sure"] as const;
export type EntitlementAnswer = (typeof ENTITLEMENT_ANSWERS)[number];
export const ENTITLEMENT_LABELS: Record<EntitlementAnswer, string> = {
  no: "No",
  partly: "Yes, it pays for part of it",
  yes: "Yes, it pays for all of it",
  not_sure: "I am not sure",
};

const oneOf = <T extends string>(values: readonly T[]) => (v: string): v is T => (values as readonly string[]).includes(v);
export const isCategory = oneOf(CATEGORIES);
export const isEntitlementAnswer = oneOf(ENTITLEMENT_ANSWERS);

// ---- Helpers ---------------------------------------------------------------------------------

/** Non-empty trimmed lines of a one-per-line text. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}


/** An amount typed in pounds → pence, above zero and at most `maxPence` (the message says the limit). */
export function poundsWithin(maxPence: number, messages: { empty: string; over?: (max: string) => string }) {
  return str.transform((value, ctx) => {
    if (!value) {
      ctx.addIssue({ code: "custom", message: messages.empty });
      return z.NEVER;
    }
    const p = parsePounds(value);
    if (p === null) {
      ctx.addIssue({ code: "custom", message: "Enter an amount in pounds, like 450 or 450.50" });
      return z.NEVER;
    }
    if (p <= 0) {
      ctx.addIssue({ code: "custom", message: "The amount must be more than £0" });
      return z.NEVER;
    }
    if (p > maxPence) {
      const max = formatPence(maxPence);
      ctx.addIssue({ code: "custom", message: messages.over ? messages.over(max) : `The amount must be ${max} or less` });
      return z.NEVER;
    }
    return p as number;
  });
}

// ---- The application's steps -----------------------------------------------------------------

/** The draft's pages, in order: each has its own slug under /applications/:id/. */
export const STEPS = ["purpose", "amount", "why", "entitlement"] as const;
export type StepSlug = (typeof STEPS)[number];

export const purposeSchema = z.object({
  category: str.refine(isCategory, "Choose what the money is for"),
  purpose: required("Say what you need the money for", 1000, "What it is for must be 1,000 characters or fewer"),
});

/** The amount step, against the current terms' most per award. */
export function amountSchema(maxAwardPence: number) {
  return z
    .object({
      amount: poundsWithin(maxAwardPence, {
        empty: "Enter how much you need, in pounds",
        over: (max) => `The fund gives at most ${max} for one application. Enter ${max} or less`,
      }),
      quoteUrl: optional(500, "The link must be 500 characters or fewer").refine(
        (v) => v === "" || /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(v),
        "Enter the link as a full web address, like https://www.example.com/laptop",
      ),
      quoteDetails: optional(2000, "The quote's details must be 2,000 characters or fewer"),
    })
    .superRefine((v, ctx) => {
      if (!v.quoteUrl && !v.quoteDetails) {
        ctx.addIssue({ code: "custom", path: ["quoteUrl"], message: "Give a link to the item or a quote, or the details of a quote" });
      }
    });
}

export const whySchema = z.object({
  whyItMatters: required("Say why this matters to you", 2000, "Why it matters must be 2,000 characters or fewer"),
});

export const entitlementSchema = z
  .object({
    entitlementCovers: str.refine(isEntitlementAnswer, "Choose whether other support already pays for this"),
    entitlementNames: optional(500, "Which support must be 500 characters or fewer"),
    entitlementWhyNeeded: optional(2000, "Why this is still needed must be 2,000 characters or fewer"),
  })
  .superRefine((v, ctx) => {
    if (v.entitlementCovers === "partly" || v.entitlementCovers === "yes") {
      if (!v.entitlementNames) ctx.addIssue({ code: "custom", path: ["entitlementNames"], message: "Say which support pays for it" });
      if (!v.entitlementWhyNeeded) ctx.addIssue({ code: "custom", path: ["entitlementWhyNeeded"], message: "Say why you still need this from the fund" });
    }
  })
  // Names and reasons only go with "partly" or "yes": an earlier answer does not linger after a change to "no".
  .transform((v) =>
    v.entitlementCovers === "partly" || v.entitlementCovers === "yes" ? v : { ...v, entitlementNames: "", entitlementWhyNeeded: "" },
  );

/** The answers as stored (nullable columns). */
export type Answers = {
  category: string | null;
  purpose: string | null;
  amountPence: number | null;
  quoteUrl: string | null;
  quoteDetails: string | null;
  whyItMatters: string | null;
  entitlementCovers: string | null;
  entitlementNames: string | null;
  entitlementWhyNeeded: string | null;
};

/** Just the answers of a row that carries them (and more): what the pages show, nothing else. */
export function answersOf(a: Answers): Answers {
  return {
    category: a.category,
    purpose: a.purpose,
    amountPence: a.amountPence,
    quoteUrl: a.quoteUrl,
    quoteDetails: a.quoteDetails,
    whyItMatters: a.whyItMatters,
    entitlementCovers: a.entitlementCovers,
    entitlementNames: a.entitlementNames,
    entitlementWhyNeeded: a.entitlementWhyNeeded,
  };
}

/** The columns a step's parsed answers set (empty text stored as null). */
export function columnsOf(step: StepSlug, data: Record<string, unknown>): Partial<Answers> {
  const t = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
  switch (step) {
    case "purpose":
      return { category: t(data.category), purpose: t(data.purpose) };
    case "amount":
      return { amountPence: typeof data.amount === "number" ? data.amount : null, quoteUrl: t(data.quoteUrl), quoteDetails: t(data.quoteDetails) };
    case "why":
      return { whyItMatters: t(data.whyItMatters) };
    case "entitlement":
      return { entitlementCovers: t(data.entitlementCovers), entitlementNames: t(data.entitlementNames), entitlementWhyNeeded: t(data.entitlementWhyNeeded) };
  }
}

export type MissingAnswer = { step: StepSlug; field: string; message: string };

/**
 * What must still be answered (or put right) before the application can be sent: every step in
 * full, and an amount within the terms in force now (they may have changed since it was typed).
 */
export function missingAnswers(a: Answers, maxAwardPence: number | null): MissingAnswer[] {
  const out: MissingAnswer[] = [];
  if (!a.category || !isCategory(a.category)) out.push({ step: "purpose", field: "category", message: "Say what the money is for" });
  if (!a.purpose) out.push({ step: "purpose", field: "purpose", message: "Describe what you need the money for" });
  if (!a.amountPence || a.amountPence <= 0) out.push({ step: "amount", field: "amount", message: "Say how much you need" });
  else if (maxAwardPence !== null && a.amountPence > maxAwardPence) {
    out.push({ step: "amount", field: "amount", message: `The fund gives at most ${formatPence(maxAwardPence)} for one application. Change the amount to ${formatPence(maxAwardPence)} or less` });
  }
  if (!a.quoteUrl && !a.quoteDetails) out.push({ step: "amount", field: "quoteUrl", message: "Give a link to the item or a quote, or the details of a quote" });
  if (!a.whyItMatters) out.push({ step: "why", field: "whyItMatters", message: "Say why this matters to you" });
  if (!a.entitlementCovers || !isEntitlementAnswer(a.entitlementCovers)) {
    out.push({ step: "entitlement", field: "entitlementCovers", message: "Say whether other support already pays for this" });
  } else if (a.entitlementCovers === "partly" || a.entitlementCovers === "yes") {
    if (!a.entitlementNames) out.push({ step: "entitlement", field: "entitlementNames", message: "Say which support pays for it" });
    if (!a.entitlementWhyNeeded) out.push({ step: "entitlement", field: "entitlementWhyNeeded", message: "Say why you still need this from the fund" });
  }
  if (maxAwardPence === null) out.push({ step: "purpose", field: "terms", message: "The fund has not published its terms yet, so applications cannot be sent" });
  return out;
}

/** The first step with something missing (where "Continue" from the start of a draft goes). */
export function firstIncompleteStep(a: Answers, maxAwardPence: number | null): StepSlug | null {
  return missingAnswers(a, maxAwardPence).find((m) => m.field !== "terms")?.step ?? null;
}

// ---- Applicant's messages, withdrawal, screening -----------------------------------------------

export const answerSchema = z.object({
  answer: required("Enter your answer", 2000, "Your answer must be 2,000 characters or fewer"),
});

export const SCREEN_DECISIONS = ["eligible", "more_info", "not_eligible"] as const;
export type ScreenDecision = (typeof SCREEN_DECISIONS)[number];

/** The coordinator's eligibility screen: a question for "ask for more", a reason for "not eligible". */
export const screenSchema = z
  .object({
    decision: str.refine(oneOf(SCREEN_DECISIONS), "Choose whether the application is eligible, needs more information, or is not eligible"),
    question: optional(2000, "The question must be 2,000 characters or fewer"),
    reason: optional(2000, "The reason must be 2,000 characters or fewer"),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "more_info" && !v.question) ctx.addIssue({ code: "custom", path: ["question"], message: "Enter the question for the applicant" });
    if (v.decision === "not_eligible" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Enter the reason it is not eligible (the applicant will see it)" });
  })
  .transform((v) =>
    v.decision === "more_info"
      ? ({ decision: "more_info", question: v.question } as const)
      : v.decision === "not_eligible"
        ? ({ decision: "not_eligible", reason: v.reason } as const)
        : ({ decision: "eligible" } as const),
  );
export type ScreenInput = z.output<typeof screenSchema>;

// ---- Terms of reference --------------------------------------------------------------------

export const MAX_CRITERIA = 10;

const lines = (empty: string, maxLines: number, maxLine: number, what: string) =>
  str.transform((v, ctx) => {
    const list = linesOf(v);
    if (list.length === 0) ctx.addIssue({ code: "custom", message: empty });
    else if (list.length > maxLines) ctx.addIssue({ code: "custom", message: `Give at most ${maxLines} ${what}` });
    else if (list.some((l) => l.length > maxLine)) ctx.addIssue({ code: "custom", message: `Each line must be ${maxLine} characters or fewer` });
    return list.join("\n");
  });

/** Publishing a version of the terms of reference. The most per award is typed in pounds. */
export const termsSchema = z.object({
  funds: lines("List what the fund pays for, one item per line", 30, 200, "items"),
  doesNotFund: lines("List what the fund does not pay for, one item per line", 30, 200, "items"),
  maxAward: poundsWithin(10_000_000, { empty: "Enter the most the fund gives for one award, in pounds", over: (max) => `The most per award must be ${max} or less` }),
  decisionDates: lines("Enter when the panel decides, one date or sentence per line", 20, 200, "lines"),
  giveBack: required("Describe the “give something back” expectation", 2000, "The “give something back” text must be 2,000 characters or fewer"),
  criteria: lines("List the criteria the panel scores against, one per line", MAX_CRITERIA, 80, "criteria").refine(
    (v) => new Set(linesOf(v).map((l) => l.toLowerCase())).size === linesOf(v).length,
    "Each criterion must be different",
  ),
});
export type TermsInput = { funds: string; doesNotFund: string; maxAwardPence: number; decisionDates: string; giveBack: string; criteria: string };

export function termsInputOf(parsed: z.output<typeof termsSchema>): TermsInput {
  const { maxAward, ...rest } = parsed;
  return { ...rest, maxAwardPence: maxAward };
}

// ---- The coordinator's queue ---------------------------------------------------------------

export const QUEUE_PAGE_SIZE = 25;
/** The statuses the coordinator's queue shows: everything sent (drafts are the applicant's own). */
export const QUEUE_STATUSES = APPLICATION_STATUSES.filter((s) => s !== "draft");

export type QueueQuery = { status: ApplicationStatus | null; reference: string; page: number; sort: "oldest" | "newest" };

/** The queue's query string → a query; anything odd falls back to the default rather than failing. */
export function queueQueryOf(params: URLSearchParams): QueueQuery {
  const status = params.get("status") ?? "";
  const page = Number(params.get("page") ?? "1");
  return {
    status: (QUEUE_STATUSES as readonly string[]).includes(status) ? (status as ApplicationStatus) : null,
    reference: normaliseReferenceSearch(params.get("q") ?? ""),
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
    sort: params.get("sort") === "newest" ? "newest" : "oldest",
  };
}

/** "sa-7k2m" or "7K2M" → "SA-7K2M": what a reference starts with, upper case, without spaces. */
export function normaliseReferenceSearch(input: string): string {
  const s = input.trim().toUpperCase().replace(/\s+/g, "").slice(0, 12);
  if (!s) return "";
  return s.startsWith("SA-") ? s : s.startsWith("SA") && s.length > 2 ? `SA-${s.slice(2)}` : `SA-${s}`;
}

export function isFullReference(s: string): boolean {
  return APPLICATION_REFERENCE_PATTERN.test(s);
}

/** Pages of a list: how many, and the page clamped to them. */
export function pagesOf(total: number, page: number, perPage = QUEUE_PAGE_SIZE): { pages: number; page: number; skip: number } {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const p = Math.min(Math.max(1, page), pages);
  return { pages, page: p, skip: (p - 1) * perPage };
}

/** Whole days between two instants (the age of an application in the queue). */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 86_400_000));
}
