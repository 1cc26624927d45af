// The follow-up after payment: sent once when due (even with two runs at once), answered by the
// applicant only, and a story published only with consent; /impact shows published stories only.
import { beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { makeUser, type TestUser } from "../helpers/users";
import { ApplicationError } from "~/services/applications.server";
import {
  answerFollowUp,
  followUpForApplicant,
  followUpsDueFor,
  listFollowUps,
  publishStory,
  publishedStories,
  sendDueFollowUps,
  withdrawStory,
} from "~/services/follow-ups.server";
import { loader as impactLoader } from "~/routes/impact";

useTestDatabase();

let n = 0;

let young: TestUser;
let adviser: TestUser;
let stranger: TestUser;
let coordinator: TestUser;

beforeAll(async () => {
  young = await makeUser("Jordan", ["young_person"]);
  adviser = await makeUser("Aisha", ["personal_adviser"]);
  stranger = await makeUser("Other", ["young_person"]);
  coordinator = await makeUser("Coord", ["coordinator"]);
});

const NOW = new Date("2026-05-01T09:00:00Z");

/** A paid application with its follow-up due at `dueAt`. */
async function paidWithFollowUp(dueAt: Date) {
  n++;
  const application = await db().supportApplication.create({
    data: { reference: `SA-F${String(n).padStart(5, "0")}`, youngPersonId: young.userId, adviserId: adviser.userId, createdById: adviser.userId, status: "paid", purpose: "Driving lessons", category: "driving_lessons" },
  });
  const followUp = await db().followUp.create({ data: { applicationId: application.id, dueAt } });
  return { application, followUp };
}

const answer = (consentToShare: boolean) => ({ howItHelped: "I passed my test and can get to work.", giveBack: ["speaking_to_staff" as const], giveBackOther: null, consentToShare });
const followUpEmails = (reference: string) => db().outboxEmail.count({ where: { template: "follow-up-request", subject: { contains: reference } } });

describe("sending follow-ups", () => {
  it("sends each due follow-up once, even with two runs at once, and none before it is due", async () => {
    const due = await paidWithFollowUp(new Date(NOW.getTime() - 86_400_000));
    const later = await paidWithFollowUp(new Date(NOW.getTime() + 86_400_000));
    const [a, b] = await Promise.all([sendDueFollowUps(NOW), sendDueFollowUps(NOW)]);
    expect(a + b).toBe(1);
    expect(await followUpEmails(due.application.reference)).toBe(1);
    expect(await followUpEmails(later.application.reference)).toBe(0);
    expect((await db().followUp.findUniqueOrThrow({ where: { id: due.followUp.id } })).sentAt).toEqual(NOW);
    expect(await sendDueFollowUps(NOW)).toBe(0);
    expect(await followUpEmails(due.application.reference)).toBe(1);
    const email = await db().outboxEmail.findFirstOrThrow({ where: { template: "follow-up-request", subject: { contains: due.application.reference } } });
    expect(email.to).toBe(young.email);
    expect(email.text).toContain(`/applications/${due.application.id}/follow-up`);
  });

  it("sends a due follow-up lazily when the applicant opens their pages, and lists it for the banner", async () => {
    const { application } = await paidWithFollowUp(new Date(NOW.getTime() - 1000));
    const items = await followUpsDueFor(adviser.userId, NOW);
    expect(items).toContainEqual({ applicationId: application.id, reference: application.reference });
    expect(await followUpEmails(application.reference)).toBe(1);
    expect(await followUpsDueFor(stranger.userId, NOW)).toEqual([]);
  });
});

describe("answering", () => {
  it("is for the young person or their adviser only, once, and only when due", async () => {
    const { application } = await paidWithFollowUp(new Date(NOW.getTime() - 1000));
    expect(await followUpForApplicant(application.id, stranger, NOW)).toBeNull();
    expect(await followUpForApplicant(application.id, coordinator, NOW)).toBeNull();
    expect(await followUpForApplicant(application.id, young, new Date(NOW.getTime() - 86_400_000))).toBeNull();
    await expect(answerFollowUp(application.id, answer(true), stranger, NOW)).rejects.toBeInstanceOf(ApplicationError);
    await answerFollowUp(application.id, answer(true), adviser, NOW);
    await expect(answerFollowUp(application.id, answer(false), young, NOW)).rejects.toThrow(/already been answered/);
    const view = await followUpForApplicant(application.id, young, NOW);
    expect(view?.answered).toMatchObject({ howItHelped: "I passed my test and can get to work.", giveBack: ["speaking_to_staff"], consentToShare: true });
    // An answered follow-up is not sent afterwards.
    expect(await sendDueFollowUps(NOW)).toBe(0);
  });
});

describe("stories", () => {
  it("needs the young person's consent to publish", async () => {
    const { followUp, application } = await paidWithFollowUp(new Date(NOW.getTime() - 1000));
    const story = { title: "Driving lessons", body: "A young person passed their driving test and can now get to their new job on time." };
    await expect(publishStory(followUp.id, story, coordinator, NOW)).rejects.toThrow(/not answered/);
    await answerFollowUp(application.id, answer(false), young, NOW);
    await expect(publishStory(followUp.id, story, coordinator, NOW)).rejects.toThrow(/did not agree/);
    expect(await db().impactStory.count({ where: { followUpId: followUp.id } })).toBe(0);
    const consented = (await listFollowUps("consented", 1)).followUps.map((f) => f.id);
    expect(consented).not.toContain(followUp.id);
  });

  it("/impact shows published stories newest first, never withdrawn ones", async () => {
    const first = await paidWithFollowUp(new Date(NOW.getTime() - 1000));
    const second = await paidWithFollowUp(new Date(NOW.getTime() - 1000));
    for (const f of [first, second]) await answerFollowUp(f.application.id, answer(true), young, NOW);
    const older = await publishStory(first.followUp.id, { title: "Older story", body: "A young person could finally study at home with a laptop of their own." }, coordinator, NOW);
    await publishStory(second.followUp.id, { title: "Newer story", body: "A young person set up their first home with a bed, a cooker and a kettle." }, coordinator, new Date(NOW.getTime() + 1000));
    const titles = async () => {
      const data = await impactLoader({ request: new Request("http://x/impact"), params: {}, context: {} } as never);
      return data.stories.map((s) => s.title);
    };
    expect(await titles()).toEqual(["Newer story", "Older story"]);
    await withdrawStory(older, coordinator, NOW);
    expect(await titles()).toEqual(["Newer story"]);
    expect((await publishedStories(1)).total).toBe(1);
    await expect(withdrawStory(older, coordinator, NOW)).rejects.toThrow(/not on the impact page/);
    // Publishing again after a withdrawal puts it back (the same story row, new wording).
    await publishStory(first.followUp.id, { title: "Older story, reworded", body: "A young person could finally study at home with a laptop of their own." }, coordinator, NOW);
    expect(await titles()).toEqual(["Newer story", "Older story, reworded"]);
  });
});
