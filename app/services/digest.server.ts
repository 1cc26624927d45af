// The monthly digest (issue 9): staff choose it on "Your account", every email carries a signed link
// that stops it at once, and the job sends last month's digest once per person — a DigestSend row
// (unique per person and month) is written in the same transaction as the staged email, so a rerun, or
// two runs at once, sends nothing twice.
import { db } from "~/db.server";
import { Prisma } from "~/generated/prisma/client.ts";
import type { Role } from "~/domain/roles";
import { isValidUnsubscribeToken, unsubscribePath } from "~/domain/impact/unsubscribe-token";
import { previousUkMonth, ukMonthPeriod } from "~/domain/impact/uk-months";
import { monthLabel } from "~/domain/talent/hours";
import { audit } from "~/services/audit.server";
import { awardsByCategory, impactThreshold, mentoringFigures, moneyByMonth, timeGiven } from "~/services/impact-figures.server";
import { sendAfterCommit, stageEmails, type EmailMessage } from "~/integrations/mailer.server";
import { loadEnv } from "~/utils/env.server";
import { impactDigestEmail, type ImpactDigestProps } from "../../emails/impact-digest";

export type DigestActor = { userId: string; roles: readonly Role[] };

export class DigestError extends Error {}

/** Only staff can ask for it: the digest is feedback to the employees who give. */
export const canHaveDigest = (roles: readonly Role[]) => roles.includes("employee");

/** "Your account": switch the monthly digest on or off for yourself. */
export async function setDigestOptIn(actor: DigestActor, yes: boolean): Promise<void> {
  if (yes && !canHaveDigest(actor.roles)) throw new DigestError("The monthly update is for council staff who give to the fund.");
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { digestOptIn: yes } });
    await audit(
      { actorUserId: actor.userId, actorRole: actor.roles.join(","), action: yes ? "digest.opted_in" : "digest.opted_out", entityType: "User", entityId: actor.userId, detail: { via: "account" } },
      tx,
    );
  });
}

/** The account page's facts: name, email, roles and the digest preference. */
export async function accountFor(userId: string) {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, digestOptIn: true, person: { select: { firstName: true, lastName: true } } },
  });
  return { name: `${user.person.firstName} ${user.person.lastName}`, email: user.email, digestOptIn: user.digestOptIn };
}

// ——— the unsubscribe link ———

export type LinkHolder = { firstName: string; optedIn: boolean; canOptIn: boolean };

/** Who the link is for and whether they get the digest now; null for a wrong link (the page is 404). */
export async function digestLinkHolder(userId: string, token: string | null | undefined): Promise<LinkHolder | null> {
  if (!isValidUnsubscribeToken(userId, token, loadEnv().SESSION_SECRET)) return null;
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { active: true, digestOptIn: true, person: { select: { firstName: true } }, roles: { select: { role: true } } },
  });
  if (!user) return null;
  return { firstName: user.person.firstName, optedIn: user.digestOptIn, canOptIn: user.active && user.roles.some((r) => r.role === "employee") };
}

/**
 * The link in the email: stop the digest now. Null for a wrong link. Opting out twice is harmless and
 * is audited once (only a change is recorded).
 */
export async function unsubscribeByLink(userId: string, token: string | null | undefined): Promise<LinkHolder | null> {
  const holder = await digestLinkHolder(userId, token);
  if (!holder) return null;
  await db().$transaction(async (tx) => {
    const changed = await tx.user.updateMany({ where: { id: userId, digestOptIn: true }, data: { digestOptIn: false } });
    if (changed.count === 1) {
      await audit({ actorUserId: userId, action: "digest.opted_out", entityType: "User", entityId: userId, detail: { via: "unsubscribe_link" } }, tx);
    }
  });
  return { ...holder, optedIn: false };
}

/** "Email me the monthly update again", from the same link. Null for a wrong link; DigestError if they no longer can. */
export async function resubscribeByLink(userId: string, token: string | null | undefined): Promise<LinkHolder | null> {
  const holder = await digestLinkHolder(userId, token);
  if (!holder) return null;
  if (!holder.canOptIn) throw new DigestError("The monthly update is for council staff who give to the fund.");
  await db().$transaction(async (tx) => {
    const changed = await tx.user.updateMany({ where: { id: userId, digestOptIn: false }, data: { digestOptIn: true } });
    if (changed.count === 1) {
      await audit({ actorUserId: userId, action: "digest.opted_in", entityType: "User", entityId: userId, detail: { via: "unsubscribe_link" } }, tx);
    }
  });
  return { ...holder, optedIn: true };
}

// ——— the email and the job ———

type DigestContent = Omit<ImpactDigestProps, "firstName" | "unsubscribeUrl">;

/** What the fund did in one UK month, the same for every recipient: read once per run. */
export async function digestContent(month: string): Promise<DigestContent> {
  const period = ukMonthPeriod(month);
  const threshold = await impactThreshold();
  const [money, awards, time, mentoring, story] = await Promise.all([
    moneyByMonth(period, threshold),
    awardsByCategory(period, threshold),
    timeGiven(period),
    mentoringFigures(period, threshold),
    db().impactStory.findFirst({
      where: { withdrawnAt: null, publishedAt: { gte: period.from, lt: period.to } },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select: { title: true, body: true },
    }),
  ]);
  const origin = loadEnv().appOrigin;
  return {
    monthLabel: monthLabel(month),
    money: money.totals,
    awards: { rows: awards.rows.map((r) => ({ label: r.label, count: r.count, amountPence: r.amountPence })), total: awards.total },
    time,
    mentoring: { pairs: mentoring.pairs, sessions: mentoring.sessions, hours: mentoring.hours },
    story,
    threshold,
    givingUrl: `${origin}/giving`,
    donateUrl: `${origin}/donate`,
    impactUrl: `${origin}/impact`,
  };
}

/** One person's digest: the shared content with their name and their own unsubscribe link (also as headers, for one-click unsubscribe in mail apps). */
export function digestMessage(recipient: { userId: string; email: string; firstName: string }, content: DigestContent): EmailMessage {
  const env = loadEnv();
  const unsubscribeUrl = `${env.appOrigin}${unsubscribePath(recipient.userId, env.SESSION_SECRET)}`;
  return {
    to: recipient.email,
    ...impactDigestEmail({ ...content, firstName: recipient.firstName, unsubscribeUrl }),
    headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

export type DigestRun = {
  /** the UK month reported on, "2026-11" */
  month: string;
  /** emails this run sent */
  sent: number;
  /** recipients another run had already sent this month's digest to */
  alreadySent: number;
  /** recipients who opted out (or left) while the run was going */
  skipped: number;
};

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Send the previous UK month's digest to every active employee who opted in and has not had it yet.
 * Run it as often as you like (e.g. daily): once everyone has this month's, a run reads two small
 * queries and sends nothing.
 */
export async function sendMonthlyDigest(now: Date): Promise<DigestRun> {
  const month = previousUkMonth(now);
  const run: DigestRun = { month, sent: 0, alreadySent: 0, skipped: 0 };
  const [recipients, sends] = await Promise.all([
    db().user.findMany({
      where: { active: true, digestOptIn: true, roles: { some: { role: "employee" } } },
      orderBy: { id: "asc" },
      select: { id: true, email: true, person: { select: { firstName: true } } },
    }),
    db().digestSend.findMany({ where: { month }, select: { userId: true } }),
  ]);
  const done = new Set(sends.map((s) => s.userId));
  const due = recipients.filter((r) => !done.has(r.id));
  run.alreadySent = recipients.length - due.length;
  if (due.length === 0) return run;

  const content = await digestContent(month);
  for (const r of due) {
    const message = digestMessage({ userId: r.id, email: r.email, firstName: r.person.firstName }, content);
    try {
      const staged = await db().$transaction(async (tx) => {
        // Read again inside the transaction: an unsubscribe a moment ago is honoured.
        const stillWanted = await tx.user.count({ where: { id: r.id, active: true, digestOptIn: true } });
        if (stillWanted === 0) return null;
        // The claim: a second run at once fails here on (userId, month) and sends nothing.
        await tx.digestSend.create({ data: { userId: r.id, month, sentAt: now } });
        await audit({ action: "digest.sent", entityType: "User", entityId: r.id, detail: { month } }, tx);
        return stageEmails(tx, [message]);
      });
      if (!staged) {
        run.skipped++;
        continue;
      }
      run.sent++;
      await sendAfterCommit(staged);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      run.alreadySent++;
    }
  }
  return run;
}

/** The job's line in `npm run jobs`. */
export const digestRunLine = (run: DigestRun): string =>
  `digest for ${run.month} sent: ${run.sent}` + (run.alreadySent || run.skipped ? ` (already sent: ${run.alreadySent}, opted out meanwhile: ${run.skipped})` : "");
