// The coordinator's side of the Talent Network: search the offers, the suggested short-list for a
// request, linking a request with an offer (capacity and safeguarding re-checked in the one
// transaction that writes the link), and the minimal DBS record. See docs/decisions/0013-giving-time.md.
import { db, type DbTx } from "~/db.server";
import { Prisma } from "~/generated/prisma/client.ts";
import { dbsClear as dbsRuleClear, type DbsEntry, type DbsFacts } from "~/domain/talent/dbs";
import { REQUEST_STATUSES, isRequestStatus, modeText, skillsText, storedSkills, storedSlots, type RequestStatus } from "~/domain/talent/forms";
import { dayKeyToDate } from "~/domain/talent/hours";
import { hoursLeft, linkRefusals, shortList, type OfferFacts, type RequestFacts, type Rules } from "~/domain/talent/matching";
import { SEARCH_PAGE_SIZE, jsonArrayLike, pageOf, type OfferSearch } from "~/domain/talent/search";
import { isMode, slotLabel, type Mode } from "~/domain/talent/skills";
import { audit } from "~/services/audit.server";
import { TalentError, type Actor } from "~/services/talent-links.server";
import { sendAfterCommit, stageEmails, type EmailMessage } from "~/integrations/mailer.server";
import { loadEnv } from "~/utils/env.server";
import { talentLinkedVolunteerEmail } from "../../emails/talent-linked-volunteer";
import { talentLinkedYoungPersonEmail } from "../../emails/talent-linked-young-person";

/** Not found for the coordinator's pages (an unknown request): the route answers 404. */
export class TalentNotFoundError extends Error {}

/** A link the rules refuse: each reason in plain words, for the coordinator. */
export class LinkRefusedError extends TalentError {
  constructor(readonly refusals: string[]) {
    super("This offer cannot be linked with the request");
    this.name = "LinkRefusedError";
  }
}

const roleOf = (actor: Actor) => actor.roles.join(",");

// Two coordinators at once wait for each other here rather than fail (as the ledger's lock does).
const LOCKING_TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

/** The organisation's linking rules (settings; the safe defaults before the settings row exists). */
async function rulesOf(tx: DbTx): Promise<Rules> {
  const s = await tx.organisationSettings.findUnique({ where: { id: 1 }, select: { managerApprovalRequired: true, under18NeedsDbs: true } });
  return { managerApprovalRequired: s?.managerApprovalRequired ?? true, under18NeedsDbs: s?.under18NeedsDbs ?? true };
}

/** Users' DBS status, in one query: the ids whose record counts as clear (app/domain/talent/dbs.ts). */
async function dbsClearIds(userIds: readonly string[], tx: DbTx): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const checks = await tx.dbsCheck.findMany({ where: { userId: { in: [...new Set(userIds)] } }, select: { userId: true, level: true, outcome: true, purgedAt: true } });
  const byUser = new Map<string, DbsFacts[]>();
  for (const c of checks) byUser.set(c.userId, [...(byUser.get(c.userId) ?? []), c]);
  return new Set([...byUser].filter(([, list]) => dbsRuleClear(list)).map(([id]) => id));
}

/** Whether a volunteer may be linked with an under-18 (safeguarding setting): a clear DBS check on record. */
export async function dbsClear(userId: string, tx: DbTx = db()): Promise<boolean> {
  return (await dbsClearIds([userId], tx)).has(userId);
}

/** Hours a month reserved by active links, per offer. */
async function linkedHours(offerIds: readonly string[], tx: DbTx): Promise<Map<string, number>> {
  if (offerIds.length === 0) return new Map();
  const rows = await tx.helpLink.groupBy({ by: ["offerId"], where: { offerId: { in: [...offerIds] }, status: "active" }, _sum: { hoursPerMonth: true } });
  return new Map(rows.map((r) => [r.offerId, r._sum.hoursPerMonth ?? 0]));
}

async function namesOf(userIds: readonly string[], tx: DbTx): Promise<Map<string, { firstName: string; lastName: string; email: string }>> {
  if (userIds.length === 0) return new Map();
  const users = await tx.user.findMany({ where: { id: { in: [...new Set(userIds)] } }, select: { id: true, email: true, person: { select: { firstName: true, lastName: true } } } });
  return new Map(users.map((u) => [u.id, { firstName: u.person.firstName, lastName: u.person.lastName, email: u.email }]));
}

type OfferRow = {
  id: string;
  userId: string;
  skills: string;
  otherSkills: string | null;
  availability: string;
  mode: string;
  location: string | null;
  hoursPerMonth: number;
  status: string;
  managerApproved: boolean | null;
  volunteerGender: string | null;
};

function offerFactsOf(o: OfferRow, linked: number, clear: boolean): OfferFacts {
  return {
    id: o.id,
    skills: storedSkills(o.skills),
    availability: storedSlots(o.availability),
    mode: (isMode(o.mode) ? o.mode : "either") as Mode,
    location: o.location,
    hoursPerMonth: o.hoursPerMonth,
    hoursLinked: linked,
    status: o.status,
    managerApproved: o.managerApproved,
    volunteerGender: o.volunteerGender,
    dbsClear: clear,
  };
}

function requestFactsOf(r: { skills: string; availability: string; mode: string; location: string | null; hoursPerMonth: number; preferredGender: string | null; under18: boolean }): RequestFacts {
  return {
    skills: storedSkills(r.skills),
    availability: storedSlots(r.availability),
    mode: (isMode(r.mode) ? r.mode : "either") as Mode,
    location: r.location,
    hoursPerMonth: r.hoursPerMonth,
    preferredGender: r.preferredGender,
    under18: r.under18,
  };
}

// ---- Search ------------------------------------------------------------------------------------

export type OfferResult = {
  id: string;
  volunteer: string;
  group: string | null;
  skills: string;
  availability: string[];
  where: string;
  frequency: string;
  hoursPerMonth: number;
  hoursLeft: number;
  wouldMentor: boolean;
  managerApproved: boolean | null;
  dbsClear: boolean;
};

/**
 * Active offers matching the filters, most hours left first, one page. The filtering, the hours left
 * (hours a month less active links) and the paging are one SQL query: skills and availability are JSON
 * arrays in text columns, found with LIKE '%"cv_help"%' (bench/talent.bench.ts: 5,000 offers). Then
 * the page's names, groups and DBS status in three small queries.
 */
export async function searchOffers(search: OfferSearch, client: DbTx = db()): Promise<{ rows: OfferResult[]; total: number; page: number; pages: number }> {
  const where: Prisma.Sql[] = [Prisma.sql`o."status" = 'active'`];
  if (search.skill) where.push(Prisma.sql`o."skills" LIKE ${jsonArrayLike(search.skill)} ESCAPE '\\'`);
  if (search.slot) where.push(Prisma.sql`o."availability" LIKE ${jsonArrayLike(search.slot)} ESCAPE '\\'`);
  const inArea = Prisma.sql`LOWER(TRIM(o."location")) = ${search.area.toLowerCase()}`;
  if (search.mode === "online") where.push(Prisma.sql`o."mode" IN ('online', 'either')`);
  else if (search.mode === "in_person") where.push(search.area ? Prisma.sql`o."mode" IN ('in_person', 'either') AND ${inArea}` : Prisma.sql`o."mode" IN ('in_person', 'either')`);
  else if (search.area) where.push(Prisma.sql`(o."mode" IN ('online', 'either') OR ${inArea})`);
  if (search.minHoursLeft > 0) where.push(Prisma.sql`o."hoursPerMonth" - COALESCE(l."linked", 0) >= ${search.minHoursLeft}`);

  const pageQuery = (skip: number) => client.$queryRaw<{ id: string; hoursLeft: number | bigint; total: number | bigint }[]>`
    SELECT o."id", o."hoursPerMonth" - COALESCE(l."linked", 0) AS "hoursLeft", COUNT(*) OVER () AS "total"
    FROM "TimeOffer" o
    LEFT JOIN (SELECT "offerId", SUM("hoursPerMonth") AS "linked" FROM "HelpLink" WHERE "status" = 'active' GROUP BY "offerId") l ON l."offerId" = o."id"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY "hoursLeft" DESC, o."createdAt" DESC, o."id"
    LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${skip}`;

  let found = await pageQuery((search.page - 1) * SEARCH_PAGE_SIZE);
  let total = Number(found[0]?.total ?? 0);
  let paging = pageOf(total, search.page);
  if (found.length === 0 && search.page > 1) {
    // Past the last page (an old link): show the last page instead.
    const all = await pageQuery(0);
    total = Number(all[0]?.total ?? 0);
    paging = pageOf(total, search.page);
    found = paging.page === 1 ? all : await pageQuery(paging.skip);
  }
  const ids = found.map((r) => r.id);
  const offers = ids.length
    ? await client.timeOffer.findMany({
        where: { id: { in: ids } },
        select: { id: true, userId: true, skills: true, otherSkills: true, availability: true, mode: true, location: true, frequency: true, hoursPerMonth: true, wouldMentor: true, managerApproved: true, group: { select: { name: true } } },
      })
    : [];
  const byId = new Map(offers.map((o) => [o.id, o]));
  const [names, clear] = await Promise.all([namesOf(offers.map((o) => o.userId), client), dbsClearIds(offers.map((o) => o.userId), client)]);
  const rows = found.flatMap((r): OfferResult[] => {
    const o = byId.get(r.id);
    if (!o) return [];
    const person = names.get(o.userId);
    return [
      {
        id: o.id,
        volunteer: person ? `${person.firstName} ${person.lastName}` : "Unknown",
        group: o.group?.name ?? null,
        skills: skillsText(storedSkills(o.skills), o.otherSkills),
        availability: storedSlots(o.availability).map(slotLabel),
        where: modeText(o.mode, o.location),
        frequency: o.frequency === "one_off" ? "One-off" : "Regular",
        hoursPerMonth: o.hoursPerMonth,
        hoursLeft: Number(r.hoursLeft),
        wouldMentor: o.wouldMentor,
        managerApproved: o.managerApproved,
        dbsClear: clear.has(o.userId),
      },
    ];
  });
  return { rows, total, page: paging.page, pages: paging.pages };
}

// ---- Requests ----------------------------------------------------------------------------------

export const REQUEST_PAGE_SIZE = 20;

/** The coordinator's list of requests with one status (open by default), oldest first, paged. */
export async function listRequests(status: RequestStatus, page: number, client: DbTx = db()) {
  const where = { status };
  const [total, grouped] = await Promise.all([client.helpRequest.count({ where }), client.helpRequest.groupBy({ by: ["status"], _count: { _all: true } })]);
  const paging = pageOf(total, page, REQUEST_PAGE_SIZE);
  const requests = await client.helpRequest.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: paging.skip,
    take: REQUEST_PAGE_SIZE,
    select: { id: true, youngPersonId: true, skills: true, mode: true, location: true, hoursPerMonth: true, under18: true, createdAt: true },
  });
  const names = await namesOf(requests.map((r) => r.youngPersonId), client);
  const counts = Object.fromEntries(Object.keys(REQUEST_STATUSES).map((s) => [s, 0])) as Record<RequestStatus, number>;
  for (const g of grouped) if (isRequestStatus(g.status)) counts[g.status] = g._count._all;
  return {
    rows: requests.map((r) => ({
      id: r.id,
      youngPerson: names.get(r.youngPersonId)?.firstName ?? "Unknown",
      skills: skillsText(storedSkills(r.skills)),
      where: modeText(r.mode, r.location),
      hoursPerMonth: r.hoursPerMonth,
      under18: r.under18,
      createdAt: r.createdAt.toISOString(),
    })),
    total,
    counts,
    ...paging,
  };
}

export type ShortListed = { offerId: string; volunteer: string; group: string | null; skills: string; where: string; hoursLeft: number; score: number; reasons: string[] };
/** `needsDbs`: a clear DBS check of `volunteerId` would lift a refusal (the page offers to record one). */
export type Refused = { offerId: string; volunteer: string; group: string | null; skills: string; hoursLeft: number; refusals: string[]; volunteerId: string; needsDbs: boolean };

const CANDIDATE_LIMIT = 500;

/**
 * The suggested short-list for a request (app/domain/talent/matching.ts shortList), and the offers
 * with a skill in common that the rules refuse, each with its reasons. Candidates, their linked hours,
 * names and DBS status come in four queries.
 */
export async function shortListFor(requestId: string, client: DbTx = db()): Promise<{ suggested: ShortListed[]; refused: Refused[] }> {
  const request = await client.helpRequest.findUnique({ where: { id: requestId } });
  if (!request) throw new TalentNotFoundError();
  const facts = requestFactsOf(request);
  if (facts.skills.length === 0) return { suggested: [], refused: [] };
  const anySkill = Prisma.join(
    facts.skills.map((s) => Prisma.sql`"skills" LIKE ${jsonArrayLike(s)} ESCAPE '\\'`),
    " OR ",
  );
  const candidates = await client.$queryRaw<OfferRow[]>`
    SELECT "id", "userId", "skills", "otherSkills", "availability", "mode", "location", "hoursPerMonth", "status", "managerApproved", "volunteerGender"
    FROM "TimeOffer" WHERE "status" = 'active' AND (${anySkill}) ORDER BY "createdAt" LIMIT ${CANDIDATE_LIMIT}`;
  // SQLite hands booleans back as 0/1 from a raw query.
  for (const c of candidates) c.managerApproved = c.managerApproved === null ? null : Boolean(c.managerApproved);
  const ids = candidates.map((c) => c.id);
  const [linked, clear, names, groups, rules] = await Promise.all([
    linkedHours(ids, client),
    dbsClearIds(candidates.map((c) => c.userId), client),
    namesOf(candidates.map((c) => c.userId), client),
    ids.length ? client.timeOffer.findMany({ where: { id: { in: ids }, groupId: { not: null } }, select: { id: true, group: { select: { name: true } } } }) : [],
    rulesOf(client),
  ]);
  const groupOf = new Map(groups.map((g) => [g.id, g.group?.name ?? null]));
  const offerFacts = candidates.map((c) => offerFactsOf(c, linked.get(c.id) ?? 0, clear.has(c.userId)));
  const row = new Map(candidates.map((c) => [c.id, c]));
  const describe = (id: string) => {
    const c = row.get(id)!;
    const person = names.get(c.userId);
    return { offerId: id, volunteer: person ? `${person.firstName} ${person.lastName}` : "Unknown", group: groupOf.get(id) ?? null, skills: skillsText(storedSkills(c.skills), c.otherSkills), userId: c.userId, mode: c.mode, location: c.location };
  };
  const suggested = shortList(offerFacts, facts, rules).map((r) => {
    const d = describe(r.offerId);
    return { offerId: d.offerId, volunteer: d.volunteer, group: d.group, skills: d.skills, where: modeText(d.mode, d.location), hoursLeft: hoursLeft(offerFacts.find((o) => o.id === r.offerId)!), score: r.score, reasons: r.reasons };
  });
  const refused = offerFacts
    .map((o) => ({ o, refusals: linkRefusals(o, facts, rules) }))
    .filter((x) => x.refusals.length > 0)
    .slice(0, 10)
    .map(({ o, refusals }) => {
      const d = describe(o.id);
      const needsDbs = rules.under18NeedsDbs && facts.under18 && !o.dbsClear;
      return { offerId: o.id, volunteer: d.volunteer, group: d.group, skills: d.skills, hoursLeft: hoursLeft(o), refusals, volunteerId: d.userId, needsDbs };
    });
  return { suggested, refused };
}

/** One request for the coordinator: the request, its links and (while open) the short-list. The view is audited. */
export async function requestForCoordinator(requestId: string, actor: Actor) {
  const request = await db().helpRequest.findUnique({
    where: { id: requestId },
    include: { links: { orderBy: { createdAt: "asc" }, include: { offer: { select: { userId: true, group: { select: { name: true } } } } } } },
  });
  if (!request) throw new TalentNotFoundError();
  const names = await namesOf([request.youngPersonId, request.createdById, ...request.links.map((l) => l.offer.userId)], db());
  const [list] = await Promise.all([
    request.status === "open" ? shortListFor(requestId) : Promise.resolve({ suggested: [], refused: [] }),
    audit({ actorUserId: actor.userId, actorRole: roleOf(actor), action: "help_request.viewed", entityType: "HelpRequest", entityId: requestId }),
  ]);
  const nameOf = (id: string) => {
    const n = names.get(id);
    return n ? `${n.firstName} ${n.lastName}` : "Unknown";
  };
  const facts = requestFactsOf(request);
  return {
    id: request.id,
    status: (isRequestStatus(request.status) ? request.status : "open") as RequestStatus,
    youngPerson: nameOf(request.youngPersonId),
    madeBy: request.createdById === request.youngPersonId ? null : nameOf(request.createdById),
    skills: skillsText(facts.skills),
    details: request.details,
    availability: facts.availability.map(slotLabel),
    where: modeText(request.mode, request.location),
    hoursPerMonth: request.hoursPerMonth,
    preferredGender: request.preferredGender,
    otherPreferences: request.otherPreferences,
    under18: request.under18,
    createdAt: request.createdAt.toISOString(),
    links: request.links.map((l) => ({ id: l.id, volunteer: nameOf(l.offer.userId), group: l.offer.group?.name ?? null, hoursPerMonth: l.hoursPerMonth, status: l.status, createdAt: l.createdAt.toISOString() })),
    ...list,
  };
}

// ---- Linking -----------------------------------------------------------------------------------

/**
 * Link a request with an offer, in one transaction: take the offer's row first (a no-op write, as
 * reconciliation's lockPeriodRow does: SQLite's write lock at once, a row lock on PostgreSQL, the same
 * hold as SELECT … FOR UPDATE), then read the hours its active links reserve and re-check every rule
 * (app/domain/talent/matching.ts linkRefusals) with them, so two coordinators linking at once can
 * never over-book an offer. The request moves open → linked (only from open), the audit entry and
 * both sides' emails are written with the link.
 */
export async function linkRequest(actor: Actor, requestId: string, offerId: string, hoursPerMonth: number, now = new Date()): Promise<{ linkId: string }> {
  const { linkId, emails } = await db().$transaction(async (tx) => {
    const taken = await tx.$executeRaw`UPDATE "TimeOffer" SET "status" = "status" WHERE "id" = ${offerId}`;
    const request = await tx.helpRequest.findUnique({ where: { id: requestId } });
    if (!request) throw new TalentNotFoundError();
    if (taken !== 1) throw new TalentError("There is no such offer. Choose one from the short-list or the search.");
    const offer = await tx.timeOffer.findUniqueOrThrow({ where: { id: offerId }, include: { group: { select: { name: true } } } });
    const moved = await tx.helpRequest.updateMany({ where: { id: requestId, status: "open" }, data: { status: "linked" } });
    if (moved.count !== 1) {
      const status = (await tx.helpRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } })).status;
      throw new TalentError(`This request is no longer looking for a volunteer (${isRequestStatus(status) ? REQUEST_STATUSES[status].toLowerCase() : status}).`);
    }
    const [linked, clear, rules] = await Promise.all([linkedHours([offerId], tx), dbsClearIds([offer.userId], tx), rulesOf(tx)]);
    const refusals = linkRefusals(offerFactsOf(offer, linked.get(offerId) ?? 0, clear.has(offer.userId)), requestFactsOf(request), rules, hoursPerMonth);
    if (refusals.length) throw new LinkRefusedError(refusals);
    const link = await tx.helpLink.create({ data: { requestId, offerId, hoursPerMonth, createdById: actor.userId, createdAt: now } });
    await audit(
      { actorUserId: actor.userId, actorRole: roleOf(actor), action: "help_link.created", entityType: "HelpLink", entityId: link.id, detail: { requestId, offerId, hoursPerMonth } },
      tx,
    );
    const messages = await linkEmails(tx, { linkId: link.id, request, offer, hoursPerMonth });
    return { linkId: link.id, emails: await stageEmails(tx, messages) };
  }, LOCKING_TX_OPTIONS);
  await sendAfterCommit(emails);
  return { linkId };
}

/**
 * Both sides' emails, each with only what it needs: the volunteer gets the young person's first
 * name, what help, when and where (never a surname or contact details: the coordinator shares those
 * later); the young person, and the adviser who asked for them, get the volunteer's first name and
 * what they offer.
 */
async function linkEmails(
  tx: DbTx,
  { linkId, request, offer, hoursPerMonth }: {
    linkId: string;
    request: { id: string; youngPersonId: string; createdById: string; skills: string; details: string; availability: string; mode: string; location: string | null };
    offer: { userId: string; skills: string; otherSkills: string | null; group: { name: string } | null };
    hoursPerMonth: number;
  },
): Promise<EmailMessage[]> {
  const adviserId = request.createdById !== request.youngPersonId ? request.createdById : null;
  const users = await tx.user.findMany({
    where: { id: { in: [offer.userId, request.youngPersonId, ...(adviserId ? [adviserId] : [])] }, active: true },
    select: { id: true, email: true, person: { select: { firstName: true } } },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  const volunteer = byId.get(offer.userId);
  const young = byId.get(request.youngPersonId);
  const adviser = adviserId ? byId.get(adviserId) : undefined;
  const origin = loadEnv().appOrigin;
  const youngFirstName = young?.person.firstName ?? "the young person";
  const messages: EmailMessage[] = [];
  if (volunteer) {
    messages.push({
      to: volunteer.email,
      ...talentLinkedVolunteerEmail({
        firstName: volunteer.person.firstName,
        youngPersonFirstName: youngFirstName,
        help: skillsText(storedSkills(request.skills)),
        details: request.details,
        when: storedSlots(request.availability).map(slotLabel),
        where: modeText(request.mode, request.location),
        hoursPerMonth,
        groupName: offer.group?.name ?? null,
        url: `${origin}/giving-time/links/${linkId}`,
      }),
    });
  }
  const offered = {
    volunteerFirstName: volunteer?.person.firstName ?? "a volunteer",
    groupName: offer.group?.name ?? null,
    offers: skillsText(storedSkills(offer.skills), offer.otherSkills),
    hoursPerMonth,
    url: `${origin}/help/${request.id}`,
  };
  if (young) messages.push({ to: young.email, ...talentLinkedYoungPersonEmail({ ...offered, firstName: young.person.firstName, forYoungPerson: null }) });
  if (adviser) messages.push({ to: adviser.email, ...talentLinkedYoungPersonEmail({ ...offered, firstName: adviser.person.firstName, forYoungPerson: youngFirstName }) });
  return messages;
}

// ---- DBS ---------------------------------------------------------------------------------------

/** Record a DBS check for a volunteer (found by their email). The certificate number is never put in the audit. */
export async function recordDbsCheck(actor: Actor, entry: DbsEntry, now = new Date()): Promise<{ id: string; name: string }> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: entry.email }, select: { id: true, active: true, person: { select: { firstName: true, lastName: true } } } });
    if (!user || !user.active) throw new TalentError("There is no one with that email address in the service. Check it, or ask them to sign in once first.");
    const check = await tx.dbsCheck.create({
      data: { userId: user.id, level: entry.level, certificateNumber: entry.certificateNumber, issuedOn: dayKeyToDate(entry.issuedOnKey), outcome: entry.outcome, recordedById: actor.userId, recordedAt: now },
    });
    await audit(
      { actorUserId: actor.userId, actorRole: roleOf(actor), action: "dbs_check.recorded", entityType: "DbsCheck", entityId: check.id, detail: { userId: user.id, level: entry.level, outcome: entry.outcome } },
      tx,
    );
    return { id: check.id, name: `${user.person.firstName} ${user.person.lastName}` };
  });
}

/** The latest DBS checks recorded, for the coordinator's page (no certificate numbers shown). */
export async function recentDbsChecks(limit = 20, client: DbTx = db()) {
  const checks = await client.dbsCheck.findMany({ orderBy: [{ recordedAt: "desc" }, { id: "desc" }], take: limit, select: { id: true, userId: true, level: true, issuedOn: true, outcome: true, purgedAt: true, recordedAt: true } });
  const names = await namesOf(checks.map((c) => c.userId), client);
  return checks.map((c) => {
    const n = names.get(c.userId);
    return { id: c.id, volunteer: n ? `${n.firstName} ${n.lastName}` : "Unknown", email: n?.email ?? "", level: c.level, outcome: c.outcome, purged: c.purgedAt !== null, issuedOn: c.issuedOn.toISOString(), recordedAt: c.recordedAt.toISOString() };
  });
}

/** The email of a user, to fill in the DBS form from a short-list row. */
export async function emailOfUser(userId: string, client: DbTx = db()): Promise<string | null> {
  return (await client.user.findUnique({ where: { id: userId }, select: { email: true } }))?.email ?? null;
}

/** A request's few facts for the search page when it was opened to link that request (null: unknown or no longer open). */
export async function openRequestBrief(requestId: string, client: DbTx = db()): Promise<{ id: string; youngPerson: string; skills: string; hoursPerMonth: number } | null> {
  const r = await client.helpRequest.findUnique({ where: { id: requestId }, select: { id: true, status: true, youngPersonId: true, skills: true, hoursPerMonth: true } });
  if (!r || r.status !== "open") return null;
  const name = (await namesOf([r.youngPersonId], client)).get(r.youngPersonId);
  return { id: r.id, youngPerson: name?.firstName ?? "the young person", skills: skillsText(storedSkills(r.skills)), hoursPerMonth: r.hoursPerMonth };
}
