// Giving Time, the volunteer's side: make, change, pause, resume and withdraw an offer of time (for
// oneself or for a group one is the contact of), set up a group, and the volunteer's own page (their
// offers, their groups, and the links made on their offers with the hours logged). Each write is one
// transaction with its audit entry. See docs/decisions/0013-giving-time.md.
import { db, type DbTx } from "~/db.server";
import type { Role } from "~/domain/roles";
import {
  OFFER_STATUSES,
  isOfferStatus,
  modeText,
  offerChangeProblem,
  skillsText,
  storedSkills,
  storedSlots,
  toStored,
  type GroupInput,
  type OfferInput,
  type OfferStatus,
} from "~/domain/talent/forms";
import { slotLabel } from "~/domain/talent/skills";
import { audit } from "~/services/audit.server";

/** A refusal to show the user as it is (a change the offer's status does not allow, hours already linked). */
export class GivingTimeError extends Error {
  /** the form field the problem is about, when there is one */
  constructor(message: string, readonly field?: string) {
    super(message);
    this.name = "GivingTimeError";
  }
}

/** The record does not exist, or is not this person's: the page answers 404 either way. */
export class GivingTimeNotFoundError extends Error {
  constructor() {
    super("Not found");
    this.name = "GivingTimeNotFoundError";
  }
}

/** Run a service call; its not-found becomes the 404 response a loader or action throws. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof GivingTimeNotFoundError) throw new Response("Not found", { status: 404, statusText: "Not Found" });
    throw error;
  }
}

export type Actor = { userId: string; roles: readonly Role[] };

const ACTIVE_LINK = "active";

/** Hours a month reserved on an offer by its active links (read in the caller's transaction). */
export async function hoursLinked(tx: DbTx, offerId: string): Promise<number> {
  const sum = await tx.helpLink.aggregate({ where: { offerId, status: ACTIVE_LINK }, _sum: { hoursPerMonth: true } });
  return sum._sum.hoursPerMonth ?? 0;
}

/** The offer, if it is this person's own (an offer for a group belongs to the group's contact, who made it). */
async function ownOffer(tx: DbTx, actor: Actor, id: string) {
  const offer = await tx.timeOffer.findUnique({ where: { id } });
  if (!offer || offer.userId !== actor.userId) throw new GivingTimeNotFoundError();
  return offer;
}

/** The columns an offer's form sets (the group is chosen when the offer is made, and stays). */
function offerColumns(input: OfferInput) {
  return {
    skills: toStored(input.skills),
    otherSkills: input.otherSkills,
    hoursPerMonth: input.hoursPerMonth,
    availability: toStored(input.availability),
    mode: input.mode,
    location: input.location,
    frequency: input.frequency,
    wouldMentor: input.wouldMentor,
    managerApproved: input.managerApproved,
    volunteerGender: input.volunteerGender,
  };
}

// ---- Groups ----------------------------------------------------------------------------------

export type GroupItem = { id: string; name: string; description: string };

/** The groups this person is the contact of. */
export async function groupsOf(userId: string): Promise<GroupItem[]> {
  return db().volunteerGroup.findMany({ where: { contactUserId: userId }, select: { id: true, name: true, description: true }, orderBy: { name: "asc" } });
}

/** Set up a group; the person who sets it up is its contact. */
export async function createGroup(actor: Actor, input: GroupInput, now = new Date()): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    const group = await tx.volunteerGroup.create({ data: { name: input.name, description: input.description, contactUserId: actor.userId, createdAt: now }, select: { id: true } });
    await audit({ actorUserId: actor.userId, actorRole: "employee", action: "volunteer_group.created", entityType: "VolunteerGroup", entityId: group.id }, tx);
    return group;
  });
}

// ---- Offers ----------------------------------------------------------------------------------

/** Make an offer, for oneself or for a group this person is the contact of. */
export async function createOffer(actor: Actor, input: OfferInput, now = new Date()): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    if (input.groupId) {
      const group = await tx.volunteerGroup.findUnique({ where: { id: input.groupId }, select: { contactUserId: true } });
      if (!group || group.contactUserId !== actor.userId) throw new GivingTimeError("Choose yourself, or a group you are the contact for.", "groupId");
    }
    const offer = await tx.timeOffer.create({
      data: { ...offerColumns(input), userId: actor.userId, groupId: input.groupId, status: "active", createdAt: now },
      select: { id: true },
    });
    await audit(
      { actorUserId: actor.userId, actorRole: "employee", action: "time_offer.created", entityType: "TimeOffer", entityId: offer.id, detail: { group: Boolean(input.groupId), hoursPerMonth: input.hoursPerMonth } },
      tx,
    );
    return offer;
  });
}

/**
 * Change an offer's answers. Not once withdrawn; and never to fewer hours a month than its active links
 * already reserve. The update comes first, so it holds the write lock (SQLite) or the row lock
 * (PostgreSQL) while the links are summed: a link made at the same moment waits, then sees the new hours.
 */
export async function updateOffer(actor: Actor, id: string, input: OfferInput): Promise<void> {
  await db().$transaction(async (tx) => {
    const offer = await ownOffer(tx, actor, id);
    const problem = offerChangeProblem(offer.status, "edit");
    if (problem) throw new GivingTimeError(problem);
    const updated = await tx.timeOffer.updateMany({ where: { id, userId: actor.userId, status: { not: "withdrawn" } }, data: offerColumns(input) });
    if (updated.count !== 1) throw new GivingTimeError(offerChangeProblem("withdrawn", "edit")!);
    const linked = await hoursLinked(tx, id);
    if (input.hoursPerMonth < linked) {
      throw new GivingTimeError(`You are already linked for ${linked} hours a month on this offer. Enter ${linked} hours or more, or ask the coordinator to end a link first.`, "hoursPerMonth");
    }
    const changed = (Object.keys(offerColumns(input)) as (keyof ReturnType<typeof offerColumns>)[]).filter((k) => offer[k] !== offerColumns(input)[k]);
    await audit({ actorUserId: actor.userId, actorRole: "employee", action: "time_offer.updated", entityType: "TimeOffer", entityId: id, detail: { changed } }, tx);
  });
}

const NEXT_STATUS = { pause: "paused", resume: "active", withdraw: "withdrawn" } as const;

/**
 * Pause (no new links), resume, or withdraw an offer. A withdrawal is refused while someone is being
 * helped through the offer: the coordinator ends or completes the link first, so nobody is dropped unseen.
 */
export async function changeOfferStatus(actor: Actor, id: string, change: "pause" | "resume" | "withdraw"): Promise<OfferStatus> {
  return db().$transaction(async (tx) => {
    const offer = await ownOffer(tx, actor, id);
    const problem = offerChangeProblem(offer.status, change);
    if (problem) throw new GivingTimeError(problem);
    const to = NEXT_STATUS[change];
    // Optimistic: only from the status read above, so two clicks at once cannot both apply.
    const updated = await tx.timeOffer.updateMany({ where: { id, status: offer.status }, data: { status: to } });
    if (updated.count !== 1) throw new GivingTimeError("This offer changed just now. Look at it again and try once more.");
    if (change === "withdraw" && (await tx.helpLink.count({ where: { offerId: id, status: ACTIVE_LINK } })) > 0) {
      throw new GivingTimeError("You are helping someone through this offer. Ask the coordinator to complete or end the link before you withdraw it, or pause the offer so no one new is linked.");
    }
    await audit({ actorUserId: actor.userId, actorRole: "employee", action: `time_offer.${to === "active" ? "resumed" : to}`, entityType: "TimeOffer", entityId: id, detail: { from: offer.status, to } }, tx);
    return to;
  });
}

// ---- Reading ---------------------------------------------------------------------------------

export type OfferSummary = {
  id: string;
  status: OfferStatus;
  statusLabel: string;
  skills: string;
  hoursPerMonth: number;
  hoursLinked: number;
  when: string;
  where: string;
  frequency: string;
  groupName: string | null;
  managerApproved: boolean | null;
};

export type MyLink = {
  id: string;
  offerId: string;
  youngPersonFirstName: string;
  help: string;
  hoursPerMonth: number;
  status: string;
  approvedMinutes: number;
  pendingMinutes: number;
};

/** The volunteer's page: their offers (newest first, withdrawn last), their groups, and the links on their offers. */
export async function myGivingTime(actor: Actor): Promise<{ offers: OfferSummary[]; groups: GroupItem[]; links: MyLink[]; managerApprovalRequired: boolean }> {
  const [offers, groups, settings] = await Promise.all([
    db().timeOffer.findMany({
      where: { userId: actor.userId },
      include: { group: { select: { name: true } }, links: { select: { id: true, hoursPerMonth: true, status: true, createdAt: true, request: { select: { youngPersonId: true, skills: true } } } } },
      orderBy: { createdAt: "desc" },
    }),
    groupsOf(actor.userId),
    db().organisationSettings.findUnique({ where: { id: 1 }, select: { managerApprovalRequired: true } }),
  ]);
  const linkRows = offers.flatMap((o) => o.links.map((l) => ({ ...l, offerId: o.id })));
  const [names, minutes] = await Promise.all([
    firstNames(linkRows.map((l) => l.request.youngPersonId)),
    linkRows.length
      ? db().hoursLog.groupBy({ by: ["linkId", "status"], where: { linkId: { in: linkRows.map((l) => l.id) }, status: { in: ["approved", "pending"] } }, _sum: { minutes: true } })
      : Promise.resolve([]),
  ]);
  const minutesOf = (linkId: string, status: string) => minutes.find((m) => m.linkId === linkId && m.status === status)?._sum.minutes ?? 0;
  const rank = (s: string) => (s === "withdrawn" ? 1 : 0);
  return {
    offers: offers
      .filter((o) => isOfferStatus(o.status))
      .sort((a, b) => rank(a.status) - rank(b.status))
      .map((o) => ({
        id: o.id,
        status: o.status as OfferStatus,
        statusLabel: OFFER_STATUSES[o.status as OfferStatus],
        skills: skillsText(storedSkills(o.skills), o.otherSkills),
        hoursPerMonth: o.hoursPerMonth,
        hoursLinked: o.links.filter((l) => l.status === ACTIVE_LINK).reduce((sum, l) => sum + l.hoursPerMonth, 0),
        when: storedSlots(o.availability).map(slotLabel).join(", "),
        where: modeText(o.mode, o.location),
        frequency: o.frequency === "one_off" ? "One-off" : "Regular",
        groupName: o.group?.name ?? null,
        managerApproved: o.managerApproved,
      })),
    groups,
    links: linkRows
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((l) => ({
        id: l.id,
        offerId: l.offerId,
        // First name only: the coordinator shares contact details on the link's own page when it is time.
        youngPersonFirstName: names.get(l.request.youngPersonId) ?? "",
        help: skillsText(storedSkills(l.request.skills)),
        hoursPerMonth: l.hoursPerMonth,
        status: l.status,
        approvedMinutes: minutesOf(l.id, "approved"),
        pendingMinutes: minutesOf(l.id, "pending"),
      })),
    managerApprovalRequired: settings?.managerApprovalRequired ?? true,
  };
}

/** First names of users, by user id. */
export async function firstNames(userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const users = await db().user.findMany({ where: { id: { in: [...new Set(userIds)] } }, select: { id: true, person: { select: { firstName: true } } } });
  return new Map(users.map((u) => [u.id, u.person.firstName]));
}

/** One of this person's offers, for its page (not found for anyone else). */
export async function offerForOwner(actor: Actor, id: string) {
  const tx = db();
  const offer = await ownOffer(tx, actor, id);
  const group = offer.groupId ? await tx.volunteerGroup.findUnique({ where: { id: offer.groupId }, select: { name: true } }) : null;
  const settings = await tx.organisationSettings.findUnique({ where: { id: 1 }, select: { managerApprovalRequired: true } });
  return { offer, groupName: group?.name ?? null, hoursLinked: await hoursLinked(tx, id), managerApprovalRequired: settings?.managerApprovalRequired ?? true };
}

/** Whether time offers need the manager's yes (the setting; on by default). */
export async function managerApprovalRequired(): Promise<boolean> {
  const s = await db().organisationSettings.findUnique({ where: { id: 1 }, select: { managerApprovalRequired: true } });
  return s?.managerApprovalRequired ?? true;
}
