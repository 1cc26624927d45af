// The follow-up some weeks after payment: how the award helped, what the young person might give
// back, and whether they agree to an anonymised story; and the coordinator's story for the public
// impact page, which needs that consent. Pure.
import { z } from "zod";

export const GIVE_BACK_OPTIONS = ["event_help", "fundraising", "speaking_to_staff", "mentoring_later", "other"] as const;
export type GiveBackOption = (typeof GIVE_BACK_OPTIONS)[number];

export const GIVE_BACK_LABELS: Record<GiveBackOption, string> = {
  event_help: "Helping at an event",
  fundraising: "Fundraising",
  speaking_to_staff: "Speaking to council staff about what helped",
  mentoring_later: "Being a mentor to another young person later on",
  other: "Something else",
};

export const HOW_IT_HELPED_MAX = 1000;

export type FollowUpAnswer = { howItHelped: string; giveBack: GiveBackOption[]; giveBackOther: string | null; consentToShare: boolean };
export type FollowUpErrors = Partial<Record<"howItHelped" | "giveBack" | "giveBackOther" | "consentToShare", string>>;

/** The posted form (checkboxes arrive as repeated `giveBack` values). */
export type FollowUpFormValues = { howItHelped: string; giveBack: string[]; giveBackOther: string; consentToShare: string };

const answerSchema = z
  .object({
    howItHelped: z
      .string()
      .trim()
      .min(1, "Tell us how the support helped you, in a sentence or two")
      .max(HOW_IT_HELPED_MAX, `Keep it to ${HOW_IT_HELPED_MAX.toLocaleString("en-GB")} characters or fewer`),
    giveBack: z.array(z.enum(GIVE_BACK_OPTIONS, { error: "Choose from the list" })),
    giveBackOther: z.string().trim().max(300, "Keep it to 300 characters or fewer"),
    consentToShare: z.enum(["yes", "no"], { error: "Choose yes or no: may we share your story without your name?" }),
  })
  .superRefine((v, ctx) => {
    if (v.giveBack.includes("other") && !v.giveBackOther) {
      ctx.addIssue({ code: "custom", path: ["giveBackOther"], message: "Tell us what else you might do, or untick \"Something else\"" });
    }
  });

export function parseFollowUpAnswer(values: FollowUpFormValues): { ok: true; answer: FollowUpAnswer } | { ok: false; errors: FollowUpErrors } {
  const parsed = answerSchema.safeParse(values);
  if (!parsed.success) {
    const errors: FollowUpErrors = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]) as keyof FollowUpErrors;
      errors[key] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const v = parsed.data;
  return {
    ok: true,
    answer: {
      howItHelped: v.howItHelped,
      giveBack: [...new Set(v.giveBack)],
      giveBackOther: v.giveBack.includes("other") ? v.giveBackOther : null,
      consentToShare: v.consentToShare === "yes",
    },
  };
}

/** The stored JSON list of give-back choices → the known options (anything else is dropped). */
export function giveBackOf(json: string | null): GiveBackOption[] {
  if (!json) return [];
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((x): x is GiveBackOption => (GIVE_BACK_OPTIONS as readonly string[]).includes(x as string)) : [];
}

export const storyFormSchema = z.object({
  title: z.string().trim().min(1, "Enter a title for the story").max(120, "The title must be 120 characters or fewer"),
  body: z.string().trim().min(40, "Write the story (at least a couple of sentences)").max(3000, "The story must be 3,000 characters or fewer"),
});
export type StoryInput = z.infer<typeof storyFormSchema>;

/** Why a follow-up's answer cannot become a public story, or null when it can. */
export function storyRefusal(followUp: { answeredAt: Date | null; consentToShare: boolean }): string | null {
  if (!followUp.answeredAt) return "The young person has not answered the follow-up yet.";
  if (!followUp.consentToShare) return "The young person did not agree to share their story, so it cannot be published.";
  return null;
}

/** A first draft of the story from the answer, for the coordinator to anonymise before publishing. */
export function storyDraftFrom(answer: { howItHelped: string | null }, category: string | null): StoryInput {
  const what: Record<string, string> = {
    education_equipment: "Equipment for learning",
    driving_lessons: "Driving lessons",
    setting_up_home: "Setting up a first home",
    training_and_jobs: "Training and getting into work",
  };
  return { title: (category && what[category]) || "How the fund helped", body: answer.howItHelped ?? "" };
}
