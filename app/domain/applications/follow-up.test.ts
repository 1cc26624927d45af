import { describe, expect, it } from "vitest";
import { giveBackOf, parseFollowUpAnswer, storyDraftFrom, storyFormSchema, storyRefusal } from "./follow-up";

const base = { howItHelped: "I could do my college work at home.", giveBack: [] as string[], giveBackOther: "", consentToShare: "no" };

describe("the follow-up answer", () => {
  it("needs how it helped and an explicit yes or no to sharing", () => {
    const result = parseFollowUpAnswer({ ...base, howItHelped: " ", consentToShare: "" });
    expect(result).toMatchObject({ ok: false, errors: { howItHelped: expect.any(String), consentToShare: expect.stringMatching(/yes or no/) } });
  });
  it("keeps the give-back choices, and the other text only with Something else", () => {
    expect(parseFollowUpAnswer({ ...base, giveBack: ["fundraising", "fundraising", "event_help"], giveBackOther: "ignored", consentToShare: "yes" })).toEqual({
      ok: true,
      answer: { howItHelped: base.howItHelped, giveBack: ["fundraising", "event_help"], giveBackOther: null, consentToShare: true },
    });
    expect(parseFollowUpAnswer({ ...base, giveBack: ["other"] })).toMatchObject({ ok: false, errors: { giveBackOther: expect.any(String) } });
    expect(parseFollowUpAnswer({ ...base, giveBack: ["other"], giveBackOther: "Baking for the fair" })).toMatchObject({ ok: true, answer: { giveBackOther: "Baking for the fair" } });
    expect(parseFollowUpAnswer({ ...base, giveBack: ["bribes"] }).ok).toBe(false);
  });
  it("reads stored choices, dropping unknown ones", () => {
    expect(giveBackOf('["fundraising","nonsense"]')).toEqual(["fundraising"]);
    expect(giveBackOf(null)).toEqual([]);
  });
});

describe("publishing a story", () => {
  it("needs an answer and consent", () => {
    expect(storyRefusal({ answeredAt: null, consentToShare: true })).toMatch(/not answered/);
    expect(storyRefusal({ answeredAt: new Date(), consentToShare: false })).toMatch(/did not agree/);
    expect(storyRefusal({ answeredAt: new Date(), consentToShare: true })).toBeNull();
  });
  it("drafts from the answer and checks the story's length", () => {
    expect(storyDraftFrom({ howItHelped: "It helped." }, "driving_lessons")).toEqual({ title: "Driving lessons", body: "It helped." });
    expect(storyFormSchema.safeParse({ title: "T", body: "too short" }).success).toBe(false);
  });
});
