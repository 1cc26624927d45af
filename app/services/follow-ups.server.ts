// The follow-up after an award is paid: ask the young person (email and in the app) how it helped
// and what they might give back; the coordinator sees the answers and may publish a consented,
// anonymised story on the public impact page (and withdraw it).
import { db } from "~/db.server";
import { GIVE_BACK_OPTIONS, giveBackOf, storyRefusal, type FollowUpAnswer, type StoryInput } from "~/domain/applications/follow-up";
import { ApplicationError, applicationUrl, recordView, sendAfterCommit, viewerOf, type Actor } from "~/services/applications.server";
import { audit } from "~/services/audit.server";
import { stageEmails, type EmailMessage } from "~/integrations/mailer.server";
import { followUpRequestEmail } from "../../emails/follow-up-request";

export const FOLLOW_UPS_PAGE_SIZE = 25;
export const STORIES_PAGE_SIZE = 10;
const SEND_BATCH = 200;

const dueWhere = (now: Date) => ({ dueAt: { lte: now }, sentAt: null, answeredAt: null });

/**
 * Email each due follow-up once. Each is claimed by setting sentAt only where it is still null, in
 * the same transaction as its email (outbox) — so two runs at once, or a run racing the lazy check
 * on the young person's page, send it once. Returns how many this run sent.
 */
export async function sendDueFollowUps(now: Date, only?: { applicationIds: string[] }): Promise<number> {
  let sent = 0;
  let cursor: string | undefined;
  for (;;) {
    const due = await db().followUp.findMany({
      where: { ...dueWhere(now), ...(only ? { applicationId: { in: only.applicationIds } } : {}), ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: SEND_BATCH,
      select: { id: true, applicationId: true, application: { select: { reference: true, youngPerson: { select: { email: true, active: true, person: { select: { firstName: true } } } } } } },
    });
    for (const f of due) {
      const young = f.application.youngPerson;
      const email: EmailMessage = {
        to: young.email,
        ...followUpRequestEmail({ firstName: young.person.firstName, reference: f.application.reference, url: `${applicationUrl(f.applicationId)}/follow-up` }),
      };
      const toSend = await db().$transaction(async (tx) => {
        const claimed = await tx.followUp.updateMany({ where: { id: f.id, sentAt: null }, data: { sentAt: now } });
        if (claimed.count !== 1) return null;
        await audit({ action: "follow_up.sent", entityType: "FollowUp", entityId: f.id, detail: { applicationId: f.applicationId } }, tx);
        return young.active ? stageEmails(tx, [email]) : [];
      });
      if (toSend) {
        sent++;
        await sendAfterCommit(toSend);
      }
    }
    if (due.length < SEND_BATCH) return sent;
    cursor = due[due.length - 1].id;
  }
}

/**
 * The follow-ups waiting for this user's answer (as the young person or their adviser), for a
 * banner on the applicant's pages. Sends any that are due and not yet emailed, so the app and the
 * email agree even if the job has not run.
 */
export async function followUpsDueFor(userId: string, now = new Date()): Promise<{ applicationId: string; reference: string }[]> {
  const rows = await db().followUp.findMany({
    where: { dueAt: { lte: now }, answeredAt: null, application: { OR: [{ youngPersonId: userId }, { adviserId: userId }] } },
    orderBy: { dueAt: "asc" },
    select: { applicationId: true, sentAt: true, application: { select: { reference: true } } },
  });
  const unsent = rows.filter((r) => !r.sentAt).map((r) => r.applicationId);
  if (unsent.length) await sendDueFollowUps(now, { applicationIds: unsent });
  return rows.map((r) => ({ applicationId: r.applicationId, reference: r.application.reference }));
}

/**
 * The follow-up page for the applicant (young person or linked adviser). Null for anyone else, and
 * when there is no follow-up or it is not due yet: the route answers 404 either way.
 */
export async function followUpForApplicant(applicationId: string, actor: Actor, now = new Date()) {
  const application = await db().supportApplication.findUnique({
    where: { id: applicationId },
    select: { id: true, reference: true, youngPersonId: true, adviserId: true, purpose: true, followUp: true },
  });
  if (!application || viewerOf(actor, application) !== "applicant") return null;
  const f = application.followUp;
  if (!f || (f.dueAt > now && !f.sentAt)) return null;
  await recordView(actor, application.id, "full");
  return {
    applicationId: application.id,
    reference: application.reference,
    purpose: application.purpose,
    answered: f.answeredAt
      ? { at: f.answeredAt, howItHelped: f.howItHelped ?? "", giveBack: giveBackOf(f.giveBack), giveBackOther: f.giveBackOther, consentToShare: f.consentToShare }
      : null,
  };
}

/** Save the answer, once. The young person or their adviser. */
export async function answerFollowUp(applicationId: string, answer: FollowUpAnswer, actor: Actor, now = new Date()): Promise<void> {
  if (!(await followUpForApplicant(applicationId, actor, now))) throw new ApplicationError("There is no follow-up to answer for this application.");
  await db().$transaction(async (tx) => {
    const updated = await tx.followUp.updateMany({
      where: { applicationId, answeredAt: null },
      data: {
        answeredAt: now,
        howItHelped: answer.howItHelped,
        giveBack: JSON.stringify(answer.giveBack.filter((g) => (GIVE_BACK_OPTIONS as readonly string[]).includes(g))),
        giveBackOther: answer.giveBackOther,
        consentToShare: answer.consentToShare,
      },
    });
    if (updated.count !== 1) throw new ApplicationError("This follow-up has already been answered. Thank you.");
    await audit({ actorUserId: actor.userId, actorRole: actor.roles.join(","), action: "follow_up.answered", entityType: "SupportApplication", entityId: applicationId, detail: { consentToShare: answer.consentToShare } }, tx);
  });
}

export type FollowUpFilter = "all" | "waiting" | "answered" | "consented";

/** The coordinator's list: who has been asked, who answered, consent and story; oldest due first. */
export async function listFollowUps(filter: FollowUpFilter, page: number) {
  const where =
    filter === "waiting"
      ? { answeredAt: null }
      : filter === "answered"
        ? { answeredAt: { not: null } }
        : filter === "consented"
          ? { answeredAt: { not: null }, consentToShare: true }
          : {};
  const [total, rows] = await Promise.all([
    db().followUp.count({ where }),
    db().followUp.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * FOLLOW_UPS_PAGE_SIZE,
      take: FOLLOW_UPS_PAGE_SIZE,
      select: {
        id: true,
        dueAt: true,
        sentAt: true,
        answeredAt: true,
        consentToShare: true,
        application: { select: { reference: true } },
        story: { select: { publishedAt: true, withdrawnAt: true } },
      },
    }),
  ]);
  return {
    followUps: rows.map((r) => ({
      id: r.id,
      reference: r.application.reference,
      dueAt: r.dueAt,
      sentAt: r.sentAt,
      answeredAt: r.answeredAt,
      consentToShare: r.answeredAt ? r.consentToShare : null,
      story: r.story ? (r.story.withdrawnAt ? "withdrawn" : "published") : null,
    })),
    total,
    pages: Math.max(1, Math.ceil(total / FOLLOW_UPS_PAGE_SIZE)),
  };
}

/** One follow-up with its answer and story, for the coordinator (a full view: audited). */
export async function followUpForCoordinator(followUpId: string, actor: Actor) {
  const f = await db().followUp.findUnique({
    where: { id: followUpId },
    include: { application: { select: { id: true, reference: true, category: true, purpose: true } }, story: true },
  });
  if (!f) return null;
  await recordView(actor, f.applicationId, "full");
  return {
    id: f.id,
    reference: f.application.reference,
    applicationId: f.application.id,
    category: f.application.category,
    purpose: f.application.purpose,
    dueAt: f.dueAt,
    sentAt: f.sentAt,
    answeredAt: f.answeredAt,
    howItHelped: f.howItHelped,
    giveBack: giveBackOf(f.giveBack),
    giveBackOther: f.giveBackOther,
    consentToShare: f.consentToShare,
    story: f.story,
    refusal: storyRefusal(f),
  };
}

/**
 * Publish (or, after a withdrawal, publish again) the anonymised story for a follow-up. Refused
 * unless the young person answered and said yes to sharing.
 */
export async function publishStory(followUpId: string, input: StoryInput, actor: Actor, now = new Date()): Promise<string> {
  return db().$transaction(async (tx) => {
    const f = await tx.followUp.findUnique({ where: { id: followUpId }, include: { story: true } });
    if (!f) throw new ApplicationError("There is no such follow-up.");
    const refusal = storyRefusal(f);
    if (refusal) throw new ApplicationError(refusal);
    const data = { title: input.title, body: input.body, publishedAt: now, publishedById: actor.userId, withdrawnAt: null };
    const story = f.story ? await tx.impactStory.update({ where: { id: f.story.id }, data }) : await tx.impactStory.create({ data: { ...data, followUpId } });
    await audit({ actorUserId: actor.userId, actorRole: "coordinator", action: "impact_story.published", entityType: "ImpactStory", entityId: story.id, detail: { followUpId } }, tx);
    return story.id;
  });
}

/** Take a story off the impact page. */
export async function withdrawStory(storyId: string, actor: Actor, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    const updated = await tx.impactStory.updateMany({ where: { id: storyId, withdrawnAt: null }, data: { withdrawnAt: now } });
    if (updated.count !== 1) throw new ApplicationError("This story is not on the impact page.");
    await audit({ actorUserId: actor.userId, actorRole: "coordinator", action: "impact_story.withdrawn", entityType: "ImpactStory", entityId: storyId }, tx);
  });
}

/** The public impact page: published stories, newest first, paged. Title and story only. */
export async function publishedStories(page: number) {
  const where = { withdrawnAt: null };
  const [total, stories] = await Promise.all([
    db().impactStory.count({ where }),
    db().impactStory.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * STORIES_PAGE_SIZE,
      take: STORIES_PAGE_SIZE,
      select: { id: true, title: true, body: true, publishedAt: true },
    }),
  ]);
  return { stories, total, pages: Math.max(1, Math.ceil(total / STORIES_PAGE_SIZE)) };
}
