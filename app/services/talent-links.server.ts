// A link between a young person's request and a time offer, after the coordinator made it: what
// each side may see of it, completing or ending it, sharing the young person's contact details with
// the volunteer (only then does the volunteer see more than their first name), and the short
// feedback each side leaves once it is complete. See docs/decisions/0013-giving-time.md.
import { db, type DbTx } from "~/db.server";
import type { Role } from "~/domain/roles";
import { SKILLS, MODES, isSkillKey, isSlot, isMode, slotLabel } from "~/domain/talent/skills";
import { dateToDayKey, type FeedbackInput, type FeedbackSide } from "~/domain/talent/hours";
import { audit } from "~/services/audit.server";
import { sendAfterCommit, stageEmails, type EmailMessage } from "~/integrations/mailer.server";
import { loadEnv } from "~/utils/env.server";
import { talentFeedbackRequestEmail } from "../../emails/talent-feedback-request";

/** A refusal to show the user as it is. */
export class TalentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TalentError";
  }
}

export type Actor = { userId: string; roles: readonly Role[] };
const roleOf = (actor: Actor) => actor.roles.join(",");

/** The volunteer of an offer: its employee, or for a group's offer the group's contact. */
export function ownsOffer(offer: { userId: string; group: { contactUserId: string } | null }, userId: string): boolean {
  return offer.userId === userId || offer.group?.contactUserId === userId;
}

/** The young person of a request, or a personal adviser with them on their caseload. */
export async function speaksForRequest(request: { youngPersonId: string }, userId: string, tx: DbTx = db()): Promise<boolean> {
  if (request.youngPersonId === userId) return true;
  return Boolean(await tx.adviserLink.findUnique({ where: { adviserId_youngPersonId: { adviserId: userId, youngPersonId: request.youngPersonId } }, select: { adviserId: true } }));
}

const listOf = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
};
/** What help, when and where, in words: the request as either side reads it. */
export function requestInWords(r: { skills: string; details: string; availability: string; mode: string; location: string | null; hoursPerMonth: number }) {
  return {
    skills: listOf(r.skills).filter(isSkillKey).map((s) => SKILLS[s]),
    details: r.details,
    availability: listOf(r.availability).filter(isSlot).map(slotLabel),
    where: isMode(r.mode) ? `${MODES[r.mode]}${r.location && r.mode !== "online" ? `, ${r.location}` : ""}` : r.mode,
    hoursPerMonth: r.hoursPerMonth,
  };
}

const linkInclude = {
  offer: { include: { group: { select: { id: true, name: true, contactUserId: true } } } },
  request: true,
  hours: { orderBy: [{ day: "desc" as const }, { createdAt: "desc" as const }] },
  feedback: { orderBy: { createdAt: "asc" as const } },
};

async function names(ids: string[], tx: DbTx = db()) {
  const users = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, person: { select: { firstName: true, lastName: true } } } });
  return new Map(users.map((u) => [u.id, { firstName: u.person.firstName, lastName: u.person.lastName, email: u.email }]));
}

function hoursSummary(hours: { status: string; minutes: number }[]) {
  const sum = (status: string) => hours.filter((h) => h.status === status).reduce((a, h) => a + h.minutes, 0);
  return { approvedMinutes: sum("approved"), pendingMinutes: sum("pending") };
}

const feedbackOf = (f: { side: string; rating: string; comment: string | null; createdAt: Date }) => ({ side: f.side as FeedbackSide, rating: f.rating, comment: f.comment, at: f.createdAt });

/**
 * The link as its volunteer sees it (null for anyone else: the route answers 404). The young
 * person's first name only, until the coordinator shared their contact details; every view of those
 * details is audited.
 */
export async function linkForVolunteer(linkId: string, actor: Actor) {
  const link = await db().helpLink.findUnique({ where: { id: linkId }, include: linkInclude });
  if (!link || !ownsOffer(link.offer, actor.userId)) return null;
  const young = (await names([link.request.youngPersonId])).get(link.request.youngPersonId);
  const shared = Boolean(link.contactSharedAt);
  if (shared) {
    await audit({ actorUserId: actor.userId, actorRole: roleOf(actor), action: "talent_link.contact_viewed", entityType: "HelpLink", entityId: link.id });
  }
  const mine = link.feedback.find((f) => f.side === "volunteer") ?? null;
  return {
    id: link.id,
    status: link.status,
    linkedAt: link.createdAt,
    completedAt: link.completedAt,
    hoursPerMonth: link.hoursPerMonth,
    groupName: link.offer.group?.name ?? null,
    youngPerson: shared && young ? { firstName: young.firstName, fullName: `${young.firstName} ${young.lastName}`, email: young.email } : { firstName: young?.firstName ?? "", fullName: null, email: null },
    request: requestInWords(link.request),
    hours: link.hours.map((h) => ({ id: h.id, dayKey: dateToDayKey(h.day), minutes: h.minutes, note: h.note, status: h.status })),
    ...hoursSummary(link.hours),
    canLogHours: link.status === "active" || link.status === "completed",
    feedback: mine ? feedbackOf(mine) : null,
    canGiveFeedback: link.status === "completed" && !mine,
  };
}

/** The link in full for the coordinator (audited: it shows the young person's name). */
export async function linkForCoordinator(linkId: string, actor: Actor) {
  const link = await db().helpLink.findUnique({ where: { id: linkId }, include: linkInclude });
  if (!link) return null;
  const people = await names([link.request.youngPersonId, link.offer.userId]);
  const young = people.get(link.request.youngPersonId);
  const volunteer = people.get(link.offer.userId);
  await audit({ actorUserId: actor.userId, actorRole: roleOf(actor), action: "talent_link.viewed", entityType: "HelpLink", entityId: link.id });
  return {
    id: link.id,
    requestId: link.requestId,
    offerId: link.offerId,
    status: link.status,
    linkedAt: link.createdAt,
    completedAt: link.completedAt,
    contactSharedAt: link.contactSharedAt,
    hoursPerMonth: link.hoursPerMonth,
    under18: link.request.under18,
    youngPerson: young ? { name: `${young.firstName} ${young.lastName}`, email: young.email } : null,
    volunteer: volunteer ? { name: `${volunteer.firstName} ${volunteer.lastName}`, email: volunteer.email } : null,
    groupName: link.offer.group?.name ?? null,
    request: requestInWords(link.request),
    hours: link.hours.map((h) => ({ id: h.id, dayKey: dateToDayKey(h.day), minutes: h.minutes, note: h.note, status: h.status })),
    ...hoursSummary(link.hours),
    feedback: link.feedback.map(feedbackOf),
  };
}

/** After a link stops being active, the request follows: linked while any link is active, else completed if one completed, else open again. */
async function settleRequest(tx: DbTx, requestId: string): Promise<void> {
  const request = await tx.helpRequest.findUnique({ where: { id: requestId }, select: { status: true, links: { select: { status: true } } } });
  if (!request || request.status === "closed") return;
  const statuses = request.links.map((l) => l.status);
  const status = statuses.includes("active") ? "linked" : statuses.includes("completed") ? "completed" : "open";
  if (status !== request.status) await tx.helpRequest.update({ where: { id: requestId }, data: { status } });
}

/**
 * The coordinator completes a link (the help happened; feedback opens) or ends it early (the hours
 * it reserved are free again and the request goes back on the open list). Active links only, once.
 */
export async function closeLink(linkId: string, outcome: "completed" | "ended", actor: Actor, now = new Date()): Promise<void> {
  const emails = await db().$transaction(async (tx) => {
    const link = await tx.helpLink.findUnique({
      where: { id: linkId },
      select: { requestId: true, offer: { select: { userId: true, group: { select: { name: true } } } }, request: { select: { youngPersonId: true, createdById: true } } },
    });
    if (!link) throw new TalentError("There is no such link.");
    const updated = await tx.helpLink.updateMany({ where: { id: linkId, status: "active" }, data: { status: outcome, completedAt: now } });
    if (updated.count !== 1) throw new TalentError("This link is no longer active: someone may have changed it just now. Look at it again.");
    await settleRequest(tx, link.requestId);
    await audit({ actorUserId: actor.userId, actorRole: roleOf(actor), action: `talent_link.${outcome}`, entityType: "HelpLink", entityId: linkId }, tx);
    return outcome === "completed" ? stageEmails(tx, await feedbackRequestEmails(tx, linkId, link)) : [];
  });
  await sendAfterCommit(emails);
}

/** "How did it go?" to the volunteer and to the young person (and the adviser who asked for them): first names only. */
async function feedbackRequestEmails(
  tx: DbTx,
  linkId: string,
  link: { requestId: string; offer: { userId: string; group: { name: string } | null }; request: { youngPersonId: string; createdById: string } },
): Promise<EmailMessage[]> {
  const origin = loadEnv().appOrigin;
  const people = await tx.user.findMany({
    where: { id: { in: [link.offer.userId, link.request.youngPersonId, link.request.createdById] }, active: true },
    select: { id: true, email: true, person: { select: { firstName: true } } },
  });
  const byId = new Map(people.map((u) => [u.id, u]));
  const volunteer = byId.get(link.offer.userId);
  const young = byId.get(link.request.youngPersonId);
  const emails: EmailMessage[] = [];
  if (volunteer && young) {
    emails.push({ to: volunteer.email, ...talentFeedbackRequestEmail({ firstName: volunteer.person.firstName, otherSide: young.person.firstName, side: "volunteer", url: `${origin}/giving-time/links/${linkId}` }) });
  }
  const otherSide = `${volunteer?.person.firstName ?? "your volunteer"}${link.offer.group ? ` from ${link.offer.group.name}` : ""}`;
  for (const id of new Set([link.request.youngPersonId, link.request.createdById])) {
    const u = byId.get(id);
    if (u && id !== link.offer.userId) emails.push({ to: u.email, ...talentFeedbackRequestEmail({ firstName: u.person.firstName, otherSide, side: "young_person", url: `${origin}/help/${link.requestId}/feedback` }) });
  }
  return emails;
}

/** Share the young person's name and email with the volunteer: an explicit, recorded step, once. */
export async function shareContactDetails(linkId: string, actor: Actor, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    const updated = await tx.helpLink.updateMany({ where: { id: linkId, contactSharedAt: null, status: "active" }, data: { contactSharedAt: now } });
    if (updated.count !== 1) throw new TalentError("Contact details can be shared once, while the link is active.");
    await audit({ actorUserId: actor.userId, actorRole: roleOf(actor), action: "talent_link.contact_shared", entityType: "HelpLink", entityId: linkId }, tx);
  });
}

/**
 * The young person's side of their request's latest completed link, for /help/:id/feedback (the
 * young person or their adviser; null for anyone else). `link` is null until a link completes.
 */
export async function feedbackForRequest(requestId: string, actor: Actor) {
  const request = await db().helpRequest.findUnique({ where: { id: requestId }, select: { id: true, youngPersonId: true } });
  if (!request || !(await speaksForRequest(request, actor.userId))) return null;
  const link = await db().helpLink.findFirst({
    where: { requestId, status: "completed" },
    orderBy: { completedAt: "desc" },
    include: { offer: { select: { userId: true, group: { select: { name: true } } } }, feedback: { where: { side: "young_person" } } },
  });
  if (!link) return { requestId, link: null };
  const volunteer = (await names([link.offer.userId])).get(link.offer.userId);
  const given = link.feedback[0] ?? null;
  return {
    requestId,
    link: { id: link.id, volunteerFirstName: volunteer?.firstName ?? "", groupName: link.offer.group?.name ?? null, completedAt: link.completedAt },
    feedback: given ? feedbackOf(given) : null,
  };
}

/**
 * Feedback on a completed link, once per side: the volunteer's, or the young person's (given by
 * them or their adviser). The coordinator sees both on the link page.
 */
export async function leaveFeedback(linkId: string, side: FeedbackSide, input: FeedbackInput, actor: Actor, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    const link = await tx.helpLink.findUnique({ where: { id: linkId }, include: { offer: { include: { group: true } }, request: { select: { youngPersonId: true } } } });
    const allowed = link && (side === "volunteer" ? ownsOffer(link.offer, actor.userId) : await speaksForRequest(link.request, actor.userId, tx));
    if (!link || !allowed) throw new TalentError("There is no such link.");
    if (link.status !== "completed") throw new TalentError("Feedback can be left once the coordinator has marked the help as completed.");
    if (await tx.linkFeedback.findFirst({ where: { linkId, side }, select: { id: true } })) throw new TalentError("Feedback has already been left for this link. Thank you.");
    await tx.linkFeedback.create({ data: { linkId, authorId: actor.userId, side, rating: input.rating, comment: input.comment, createdAt: now } });
    // The rating, never the comment, in the audit log (no personal data in audit details).
    await audit({ actorUserId: actor.userId, actorRole: roleOf(actor), action: "talent_link.feedback", entityType: "HelpLink", entityId: linkId, detail: { side, rating: input.rating } }, tx);
  });
}
