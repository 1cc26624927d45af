// Giving Time, the young person's side: ask for help (a young person for themselves, or a personal
// adviser for a young person on their caseload), the list of requests, and one request as its young
// person and adviser see it: who they are linked with is the volunteer's first name and the group's
// name, nothing more. Anyone else gets 404. See docs/decisions/0013-giving-time.md.
import { db, type DbTx } from "~/db.server";
import type { HelpRequest } from "~/generated/prisma/client.ts";
import { GENDERS, REQUEST_STATUSES, isGender, isRequestStatus, modeText, skillsText, storedSkills, storedSlots, toStored, type RequestInput, type RequestStatus } from "~/domain/talent/forms";
import { slotLabel } from "~/domain/talent/skills";
import { audit } from "~/services/audit.server";
import { GivingTimeError, GivingTimeNotFoundError, firstNames, type Actor } from "~/services/time-offers.server";

async function isLinked(tx: DbTx, adviserId: string, youngPersonId: string): Promise<boolean> {
  return Boolean(await tx.adviserLink.findUnique({ where: { adviserId_youngPersonId: { adviserId, youngPersonId } }, select: { adviserId: true } }));
}

/** The request, if this person is its young person or an adviser linked to them now; else not found. */
async function applicantRequest(tx: DbTx, actor: Actor, id: string): Promise<HelpRequest> {
  const r = await tx.helpRequest.findUnique({ where: { id } });
  if (!r) throw new GivingTimeNotFoundError();
  if (r.youngPersonId === actor.userId) return r;
  if (actor.roles.includes("personal_adviser") && (await isLinked(tx, actor.userId, r.youngPersonId))) return r;
  throw new GivingTimeNotFoundError();
}

const roleFor = (actor: Actor, youngPersonId: string) => (actor.userId === youngPersonId ? "young_person" : "personal_adviser");

/**
 * Ask for help. With no young person chosen, a young person asks for themselves; an adviser chooses
 * someone on their caseload (anyone else: not found, so nobody learns who is on another caseload).
 */
export async function createRequest(actor: Actor, input: RequestInput, now = new Date()): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    let youngPersonId: string;
    if (input.youngPersonId && input.youngPersonId !== actor.userId) {
      if (!actor.roles.includes("personal_adviser") || !(await isLinked(tx, actor.userId, input.youngPersonId))) throw new GivingTimeNotFoundError();
      youngPersonId = input.youngPersonId;
    } else {
      if (!actor.roles.includes("young_person")) throw new GivingTimeError("Choose the young person the request is for.");
      youngPersonId = actor.userId;
    }
    const row = await tx.helpRequest.create({
      data: {
        youngPersonId,
        createdById: actor.userId,
        skills: toStored(input.skills),
        details: input.details,
        availability: toStored(input.availability),
        mode: input.mode,
        location: input.location,
        hoursPerMonth: input.hoursPerMonth,
        preferredGender: input.preferredGender,
        otherPreferences: input.otherPreferences,
        under18: input.under18,
        status: "open",
        createdAt: now,
      },
      select: { id: true },
    });
    await audit({ actorUserId: actor.userId, actorRole: roleFor(actor, youngPersonId), action: "help_request.created", entityType: "HelpRequest", entityId: row.id }, tx);
    return row;
  });
}

/** Close an open request (help no longer wanted). Once linked, the coordinator closes or completes it. */
export async function closeRequest(actor: Actor, id: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const r = await applicantRequest(tx, actor, id);
    const updated = await tx.helpRequest.updateMany({ where: { id, status: "open" }, data: { status: "closed" } });
    if (updated.count !== 1) throw new GivingTimeError("This request already has a volunteer, or is closed. Ask the programme coordinator if you no longer need the help.");
    await audit({ actorUserId: actor.userId, actorRole: roleFor(actor, r.youngPersonId), action: "help_request.closed", entityType: "HelpRequest", entityId: id }, tx);
  });
}

export type RequestListItem = { id: string; help: string; status: RequestStatus; statusLabel: string; youngPersonName: string; mine: boolean; createdAt: string };

/** A young person's own requests, and an adviser's caseload's, newest first. */
export async function myRequests(actor: Actor): Promise<RequestListItem[]> {
  const caseload = actor.roles.includes("personal_adviser")
    ? (await db().adviserLink.findMany({ where: { adviserId: actor.userId, youngPerson: { active: true } }, select: { youngPersonId: true } })).map((l) => l.youngPersonId)
    : [];
  const rows = await db().helpRequest.findMany({
    where: { youngPersonId: { in: [actor.userId, ...caseload] } },
    select: { id: true, skills: true, status: true, youngPersonId: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  const people = await db().user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.youngPersonId))] } }, select: { id: true, person: { select: { firstName: true, lastName: true } } } });
  const nameOf = new Map(people.map((p) => [p.id, `${p.person.firstName} ${p.person.lastName}`]));
  return rows.filter((r) => isRequestStatus(r.status)).map((r) => ({
    id: r.id,
    help: skillsText(storedSkills(r.skills)),
    status: r.status as RequestStatus,
    statusLabel: REQUEST_STATUSES[r.status as RequestStatus],
    youngPersonName: nameOf.get(r.youngPersonId) ?? "",
    mine: r.youngPersonId === actor.userId,
    createdAt: r.createdAt.toISOString(),
  }));
}

export type RequestLinkView = { id: string; volunteerFirstName: string; groupName: string | null; offers: string; status: string };

/** One request as its young person and adviser see it (the view is audited). */
export async function requestForApplicant(actor: Actor, id: string) {
  const r = await applicantRequest(db(), actor, id);
  const links = await db().helpLink.findMany({
    where: { requestId: id },
    select: { id: true, status: true, offer: { select: { userId: true, skills: true, otherSkills: true, group: { select: { name: true } } } } },
    orderBy: { createdAt: "asc" },
  });
  const names = await firstNames([r.youngPersonId, ...links.map((l) => l.offer.userId)]);
  await audit({ actorUserId: actor.userId, actorRole: roleFor(actor, r.youngPersonId), action: "help_request.viewed", entityType: "HelpRequest", entityId: id });
  const status = isRequestStatus(r.status) ? r.status : "open";
  return {
    id: r.id,
    status,
    statusLabel: REQUEST_STATUSES[status],
    youngPersonFirstName: names.get(r.youngPersonId) ?? "",
    isYoungPerson: actor.userId === r.youngPersonId,
    help: skillsText(storedSkills(r.skills)),
    details: r.details,
    when: storedSlots(r.availability).map(slotLabel).join(", "),
    where: modeText(r.mode, r.location),
    hoursPerMonth: r.hoursPerMonth,
    preferredGender: r.preferredGender && isGender(r.preferredGender) ? GENDERS[r.preferredGender] : null,
    otherPreferences: r.otherPreferences,
    under18: r.under18,
    createdAt: r.createdAt.toISOString(),
    // Who is helping: the volunteer's first name and the group's name, never more.
    links: links.map<RequestLinkView>((l) => ({
      id: l.id,
      volunteerFirstName: names.get(l.offer.userId) ?? "",
      groupName: l.offer.group?.name ?? null,
      offers: skillsText(storedSkills(l.offer.skills), l.offer.otherSkills),
      status: l.status,
    })),
  };
}

/** The young people an adviser may ask for (their caseload), by name. */
export async function caseloadFor(adviserId: string): Promise<{ id: string; name: string }[]> {
  const links = await db().adviserLink.findMany({
    where: { adviserId, youngPerson: { active: true } },
    select: { youngPerson: { select: { id: true, person: { select: { firstName: true, lastName: true } } } } },
  });
  return links
    .map((l) => ({ id: l.youngPerson.id, name: `${l.youngPerson.person.firstName} ${l.youngPerson.person.lastName}` }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
