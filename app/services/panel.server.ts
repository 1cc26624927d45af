// The panel: conflict declarations (before any detail), the pseudonymised view, scores and
// recommendations, meetings, decisions with quorum that commit money through the ledger, and the
// minutes. The panel sees reference and first name at most. See docs/decisions/0012-applications-and-panel.md.
import { randomBytes } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { Prisma } from "~/generated/prisma/client.ts";
import { db, type Db, type DbTx } from "~/db.server";
import { formatPence, pence } from "~/domain/money";
import { STATUS_LABELS, isApplicationStatus, type ApplicationStep } from "~/domain/applications/workflow";
import { answersOf, type Answers } from "~/domain/applications/form";
import {
  RECOMMENDATION_LABELS,
  averageScore,
  criteriaOf,
  decisionProblems,
  panelAccess,
  quorumOf,
  scoreProblems,
  tallyRecommendations,
  type CriterionScore,
  type PanelAccess,
  type Recommendation,
} from "~/domain/applications/panel";
import {
  MEETING_MODE_LABELS,
  PANEL_PAGE_SIZE,
  daysBetween,
  panelMaySee,
  type DeclarationInput,
  type DecisionInput,
  type MeetingInput,
  type MeetingMode,
  type QueueFilter,
  type ReviewInput,
} from "~/domain/applications/panel-form";
import {
  ApplicationError,
  ApplicationNotFoundError,
  DEFAULT_PANEL_QUORUM,
  changeStatus,
  panelSettings,
  recordView,
  sendAfterCommit,
  type Actor,
} from "~/services/applications.server";
import { InsufficientFundsError, allocate, fundSummary } from "~/services/ledger.server";
import { audit } from "~/services/audit.server";
import { createVersionedCache, minuteOf, type DataVersions } from "~/services/data-version.server";

/** The member may not do this (declared a conflict): the route answers 403. */
export class PanelForbiddenError extends Error {
  constructor(message = "You declared a conflict of interest with this application, so you take no part in it.") {
    super(message);
    this.name = "PanelForbiddenError";
  }
}

/** Several things wrong at once (scores, a decision's limits), each fit to show. */
export class PanelProblemsError extends ApplicationError {
  constructor(readonly problems: string[]) {
    super(problems.join(". "));
    this.name = "PanelProblemsError";
  }
}

// Interactive transactions queue behind each other (one SQLite connection; allocations behind the
// fund lock): give the queue room before giving up, as the ledger does.
const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;
const RECENTLY_DECIDED_DAYS = 30;
const ROLE = "panel";

const STEP_OF: Record<Recommendation, ApplicationStep> = {
  approve: "decide_approve",
  approve_with_conditions: "decide_approve",
  decline: "decide_decline",
  more_info: "request_more_info",
};

const isApproval = (outcome: Recommendation) => outcome === "approve" || outcome === "approve_with_conditions";

/** A member never reviews an application they (or, as adviser, their caseload) made. */
function accessOf(member: Actor, app: { youngPersonId: string; adviserId: string | null }, declaration: { conflict: boolean } | undefined | null): PanelAccess {
  if (member.userId === app.youngPersonId || member.userId === app.adviserId) return "conflicted";
  return panelAccess(declaration);
}

async function namesOf(source: DbTx, ids: readonly string[]): Promise<Map<string, string>> {
  const users = await source.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, person: { select: { firstName: true, lastName: true } } } });
  return new Map(users.map((u) => [u.id, `${u.person.firstName} ${u.person.lastName}`]));
}

function parseIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

function parseScores(json: string): CriterionScore[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as CriterionScore[]).filter((s) => typeof s?.criterion === "string" && typeof s?.score === "number") : [];
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------------
// The queue

export type QueueRow = {
  id: string;
  reference: string;
  /** only for a member who declared no conflict */
  firstName: string | null;
  access: PanelAccess;
  status: string;
  statusLabel: string;
  scored: number;
  required: number;
  quorumMet: boolean;
  reviewedByMe: boolean;
  ageDays: number;
};

export type Queue = { rows: QueueRow[]; total: number; page: number; pageCount: number; filter: QueueFilter };

/**
 * Which applications a filter shows: one or two disjoint sets, each a SELECT of "id" and "submittedAt".
 * Each set is read through the (status, submittedAt, id) index in queue order, so a page is the first
 * rows of a merge, not a sort of every application with the panel.
 */
function queueSets(memberId: string, filter: QueueFilter, now: Date): Prisma.Sql[] {
  const withPanel = Prisma.sql`SELECT a."id", a."submittedAt" FROM "SupportApplication" a WHERE a."status" = 'with_panel'`;
  const declared = Prisma.sql`SELECT 1 FROM "PanelConflict" c WHERE c."applicationId" = a."id" AND c."memberId" = ${memberId}`;
  if (filter === "declare") return [Prisma.sql`${withPanel} AND NOT EXISTS (${declared})`];
  if (filter === "score") {
    return [
      Prisma.sql`${withPanel} AND EXISTS (${declared} AND c."conflict" = ${false})
        AND NOT EXISTS (SELECT 1 FROM "PanelReview" r WHERE r."applicationId" = a."id" AND r."memberId" = ${memberId})`,
    ];
  }
  const since = new Date(now.getTime() - RECENTLY_DECIDED_DAYS * 86_400_000);
  return [
    withPanel,
    Prisma.sql`SELECT a."id", a."submittedAt" FROM "SupportApplication" a
      WHERE a."status" <> 'with_panel' AND a."id" IN (SELECT d."applicationId" FROM "ApplicationDecision" d WHERE d."decidedAt" >= ${since})`,
  ];
}

type QueueApplicationRow = {
  id: string;
  reference: string;
  status: string;
  submittedAt: Date | string | null;
  createdAt: Date | string;
  youngPersonId: string;
  adviserId: string | null;
  firstName: string;
  /** how many applications the filter shows, on every row */
  total: number | bigint;
  /** the panel's quorum setting (null before one is set), on every row */
  quorum: number | bigint | null;
};

/** The quorum setting as plain SQL reads it (null when no settings row exists yet). */
const quorumSetting = (value: number | bigint | null) => (value === null ? DEFAULT_PANEL_QUORUM : Number(value));

type QueueFactRow = { applicationId: string; memberId: string; conflict: boolean | number | bigint | null; kind: string };

/** How many applications the sets hold, and the panel's quorum setting: one row. */
function queueCountSql(sets: Prisma.Sql[]): Prisma.Sql {
  const counts = Prisma.join(
    sets.map((set) => Prisma.sql`(SELECT COUNT(*) FROM (${set}) s)`),
    " + ",
  );
  return Prisma.sql`${counts} AS "total", (SELECT "panelQuorum" FROM "OrganisationSettings" WHERE "id" = 1) AS "quorum"`;
}

/**
 * One page of the filter's applications, oldest first, with the young person's first name, and on each
 * row the filter's count and the quorum setting (computed once: the subqueries do not depend on the row).
 */
function queuePage(sets: Prisma.Sql[], page: number): Promise<QueueApplicationRow[]> {
  // The page's ids are chosen first and only they are joined to the rest (a join first costs a lookup per application).
  return db().$queryRaw<QueueApplicationRow[]>`
    SELECT a."id", a."reference", a."status", a."submittedAt", a."createdAt", a."youngPersonId", a."adviserId", p."firstName", ${queueCountSql(sets)}
    FROM (
      ${Prisma.join(sets, " UNION ALL ")}
      ORDER BY "submittedAt" ASC, "id" ASC
      LIMIT ${PANEL_PAGE_SIZE} OFFSET ${(page - 1) * PANEL_PAGE_SIZE}
    ) k
    JOIN "SupportApplication" a ON a."id" = k."id"
    JOIN "User" u ON u."id" = a."youngPersonId"
    JOIN "Person" p ON p."id" = u."personId"
    ORDER BY a."submittedAt" ASC, a."id" ASC`;
}

/**
 * One page of the panel's queue, oldest first: the page of applications with the young person's first name,
 * the count and the quorum setting, then the page's declarations and reviews together (two queries, or none
 * when the page is cached). Quorum and access are then worked out by the domain rules, as everywhere else.
 */
export async function panelQueue(member: Actor, query: { filter: QueueFilter; page: number }, now = new Date(), versions?: DataVersions): Promise<Queue> {
  const key = queueKey(member.userId, query, now);
  const data = await queueCache.read(key, () => readQueuePage(member.userId, query, now), versions);
  let pages = memberPages.get(data);
  if (!pages) memberPages.set(data, (pages = new Map()));
  const kept = pages.get(member.userId);
  if (kept) return kept;
  const queue = memberQueue(member, data, query.filter, now);
  pages.set(member.userId, queue);
  return queue;
}

/**
 * Each member's page as worked out from a kept page of the queue, kept with it (and gone with it): the same
 * object for the same view, so the page's kept markup is found without reading its rows (decision 0030).
 * "Waiting N days" is counted at the first view in the kept page's minute: a count that rises within that
 * minute shows on the next minute's first view, as "decided in the last 30 days" does.
 */
const memberPages = new WeakMap<QueueData, Map<string, Queue>>();

function memberQueue(member: Actor, { apps, facts, total, page, pageCount, panelQuorum }: QueueData, filter: QueueFilter, now: Date): Queue {
  const rows = apps.map((a): QueueRow => {
    const conflicts = facts.filter((f) => f.applicationId === a.id && f.kind === "declaration").map((f) => ({ memberId: f.memberId, conflict: Boolean(Number(f.conflict)) }));
    const reviews = facts.filter((f) => f.applicationId === a.id && f.kind === "review");
    const access = accessOf(member, a, conflicts.find((c) => c.memberId === member.userId));
    const quorum = quorumOf(panelQuorum, conflicts, reviews);
    return {
      id: a.id,
      reference: a.reference,
      firstName: access === "may_review" ? a.firstName : null,
      access,
      status: a.status,
      statusLabel: isApplicationStatus(a.status) ? STATUS_LABELS[a.status] : a.status,
      scored: quorum.scored.length,
      required: quorum.required,
      quorumMet: quorum.met,
      reviewedByMe: reviews.some((r) => r.memberId === member.userId),
      ageDays: daysBetween(new Date(a.submittedAt ?? a.createdAt), now),
    };
  });
  return { rows, total, page, pageCount, filter };
}

/** One page of a filter as read from the database, before the member's access and quorum are worked out. */
type QueueData = { apps: QueueApplicationRow[]; facts: QueueFactRow[]; total: number; page: number; pageCount: number; panelQuorum: number };

/**
 * Pages of the queue, kept per process and keyed by the panel data's version (raised by triggers with every
 * write to applications, decisions, declarations, reviews, first names or the quorum: see the migration
 * panel_data_version). Every member's page of "all" is the same rows, so one entry serves the whole panel;
 * the other filters depend on the member. The key holds the minute too, as "decided in the last 30 days"
 * moves with the clock: an entry is never used for longer than that minute.
 */
const queueCache = createVersionedCache<QueueData>("panel", 256);

function queueKey(memberId: string, query: { filter: QueueFilter; page: number }, now: Date): string {
  return `${query.filter}|${query.filter === "all" ? "" : memberId}|${query.page}|${minuteOf(now)}`;
}

async function readQueuePage(memberId: string, query: { filter: QueueFilter; page: number }, now: Date): Promise<QueueData> {
  const sets = queueSets(memberId, query.filter, now);
  const client = db();
  let page = Math.max(1, query.page);
  let apps = await queuePage(sets, page);
  // No rows: an empty list, or past the end (the list got shorter, or a made-up page number): count, and show the last page.
  const [{ total: n, quorum }] = apps.length ? apps : await client.$queryRaw<Pick<QueueApplicationRow, "total" | "quorum">[]>`SELECT ${queueCountSql(sets)}`;
  const total = Number(n);
  const pageCount = Math.max(1, Math.ceil(total / PANEL_PAGE_SIZE));
  if (page > pageCount) {
    page = pageCount;
    apps = await queuePage(sets, page);
  }
  const ids = apps.map((a) => a.id);
  const facts = ids.length
    ? await client.$queryRaw<QueueFactRow[]>`
        SELECT "applicationId", "memberId", "conflict", 'declaration' AS "kind" FROM "PanelConflict" WHERE "applicationId" IN (${Prisma.join(ids)})
        UNION ALL
        SELECT "applicationId", "memberId", NULL, 'review' FROM "PanelReview" WHERE "applicationId" IN (${Prisma.join(ids)})`
    : [];
  return { apps, facts, total, page, pageCount, panelQuorum: quorumSetting(quorum) };
}

// ---------------------------------------------------------------------------------------------
// One application, as the panel sees it

export type PseudonymisedApplication = {
  reference: string;
  firstName: string;
  /** questions asked and the applicant's answers, oldest first */
  messages: { kind: string; body: string; at: string }[];
} & Answers;

export type PanelApplicationView =
  | { access: "must_declare" | "conflicted"; id: string; reference: string; status: string; statusLabel: string }
  | {
      access: "may_review";
      id: string;
      reference: string;
      status: string;
      statusLabel: string;
      details: PseudonymisedApplication;
      criteria: string[];
      termsVersion: number | null;
      canScore: boolean;
      myReview: { scores: CriterionScore[]; recommendation: Recommendation; comment: string } | null;
      quorum: { scored: number; required: number; met: boolean };
    };

/** One application as the panel works with it: its answers, the young person's first name, declarations and reviews. */
type PanelApp = {
  id: string;
  reference: string;
  status: string;
  moreInfoFrom: string | null;
  youngPersonId: string;
  adviserId: string | null;
  youngPerson: { person: { firstName: string } };
  conflicts: { memberId: string; conflict: boolean }[];
  reviews: { memberId: string; scores: string; recommendation: string; comment: string }[];
  /** whether it was ever sent to the panel */
  sentToPanel: boolean;
  /** the panel's quorum setting */
  panelQuorum: number;
  /** the latest published terms, if any are published: what a review or decision is made under */
  terms: { id: string; version: number; criteria: string; maxAwardPence: number } | null;
} & Answers;

type PanelAppRow = Omit<PanelApp, "youngPerson" | "conflicts" | "reviews" | "sentToPanel" | "amountPence" | "panelQuorum" | "terms"> & {
  amountPence: number | bigint | null;
  firstName: string;
  panelEventId: string | null;
  panelQuorum: number | bigint | null;
  termsId: string | null;
  termsVersion: number | bigint | null;
  termsCriteria: string | null;
  termsMaxAwardPence: number | bigint | null;
};

type PanelFactRow = {
  kind: string;
  memberId: string;
  conflict: boolean | number | bigint | null;
  scores: string | null;
  recommendation: string | null;
  comment: string | null;
};

/**
 * Two plain SQL queries (model queries with their relations were eight): the application with the quorum
 * setting and the latest terms' criteria, and its declarations and reviews.
 */
async function loadForPanel(source: DbTx, id: string): Promise<PanelApp> {
  const [[row], facts] = await Promise.all([
    source.$queryRaw<PanelAppRow[]>`
      SELECT a."id", a."reference", a."status", a."moreInfoFrom", a."youngPersonId", a."adviserId", a."category", a."purpose", a."amountPence",
        a."quoteUrl", a."quoteDetails", a."whyItMatters", a."entitlementCovers", a."entitlementNames", a."entitlementWhyNeeded", p."firstName",
        (SELECT e."id" FROM "ApplicationEvent" e WHERE e."applicationId" = a."id" AND e."toStatus" = 'with_panel' LIMIT 1) AS "panelEventId",
        (SELECT s."panelQuorum" FROM "OrganisationSettings" s WHERE s."id" = 1) AS "panelQuorum",
        t."id" AS "termsId", t."version" AS "termsVersion", t."criteria" AS "termsCriteria", t."maxAwardPence" AS "termsMaxAwardPence"
      FROM "SupportApplication" a
      JOIN "User" u ON u."id" = a."youngPersonId"
      JOIN "Person" p ON p."id" = u."personId"
      LEFT JOIN "TermsOfReference" t ON t."version" = (SELECT MAX(v."version") FROM "TermsOfReference" v)
      WHERE a."id" = ${id}`,
    source.$queryRaw<PanelFactRow[]>`
      SELECT 'declaration' AS "kind", "memberId", "conflict", NULL AS "scores", NULL AS "recommendation", NULL AS "comment"
      FROM "PanelConflict" WHERE "applicationId" = ${id}
      UNION ALL
      SELECT 'review', "memberId", NULL, "scores", "recommendation", "comment" FROM "PanelReview" WHERE "applicationId" = ${id}
      ORDER BY 1, 2`,
  ]);
  const sentToPanel = row?.panelEventId != null;
  if (!row || !isApplicationStatus(row.status) || !panelMaySee(row.status, row.moreInfoFrom, sentToPanel)) throw new ApplicationNotFoundError();
  const { firstName, panelEventId: _, amountPence, panelQuorum, termsId, termsVersion, termsCriteria, termsMaxAwardPence, ...app } = row;
  return {
    ...app,
    amountPence: amountPence === null ? null : Number(amountPence),
    panelQuorum: quorumSetting(panelQuorum),
    terms:
      termsId === null || termsCriteria === null
        ? null
        : { id: termsId, version: Number(termsVersion), criteria: termsCriteria, maxAwardPence: Number(termsMaxAwardPence) },
    youngPerson: { person: { firstName } },
    conflicts: facts.filter((f) => f.kind === "declaration").map((f) => ({ memberId: f.memberId, conflict: Boolean(Number(f.conflict)) })),
    reviews: facts
      .filter((f) => f.kind === "review")
      .map((f) => ({ memberId: f.memberId, scores: f.scores ?? "[]", recommendation: f.recommendation ?? "", comment: f.comment ?? "" })),
    sentToPanel,
  };
}

/**
 * What the member may see of one application. Before a declaration, and after a conflict, only the
 * reference; otherwise the pseudonymised view (audited as such). Never surname, contact details,
 * adviser or anything else about the person.
 */
export async function panelApplicationView(member: Actor, id: string): Promise<PanelApplicationView> {
  const client = db();
  const app = await loadForPanel(client, id);
  const access = accessOf(member, app, app.conflicts.find((c) => c.memberId === member.userId));
  const base = { id: app.id, reference: app.reference, status: app.status, statusLabel: isApplicationStatus(app.status) ? STATUS_LABELS[app.status] : app.status };
  if (access !== "may_review") {
    await recordView(member, app.id, "reference_only");
    return { access, ...base };
  }
  const [messages] = await Promise.all([
    client.$queryRaw<{ kind: string; body: string; createdAt: Date }[]>`
      SELECT "kind", "body", "createdAt" FROM "ApplicationMessage" WHERE "applicationId" = ${id} ORDER BY "createdAt" ASC, "id" ASC`,
    recordView(member, app.id, "pseudonymised"),
  ]);
  const { terms } = app;
  const mine = app.reviews.find((r) => r.memberId === member.userId);
  const quorum = quorumOf(app.panelQuorum, app.conflicts, app.reviews);
  return {
    access,
    ...base,
    details: {
      reference: app.reference,
      firstName: app.youngPerson.person.firstName,
      ...answersOf(app),
      messages: messages.map((m) => ({ kind: m.kind, body: m.body, at: m.createdAt.toISOString() })),
    },
    criteria: terms ? criteriaOf(terms.criteria) : [],
    termsVersion: terms?.version ?? null,
    canScore: app.status === "with_panel" && terms !== null,
    myReview: mine ? { scores: parseScores(mine.scores), recommendation: mine.recommendation as Recommendation, comment: mine.comment } : null,
    quorum: { scored: quorum.scored.length, required: quorum.required, met: quorum.met },
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Declare "no conflict" or "conflict" before seeing any detail. A declaration stands: "no conflict"
 * can later become "conflict" (a member who realises they know the young person), never the other way.
 * Declaring the same "no conflict" twice (a form sent twice) changes nothing.
 */
export async function declare(member: Actor, id: string, input: DeclarationInput, now = new Date()): Promise<{ conflict: boolean }> {
  try {
    return await db().$transaction(async (tx) => {
      const app = await loadForPanel(tx, id);
      if (!(app.status === "with_panel" || (app.status === "more_info_requested" && app.moreInfoFrom === "panel"))) {
        throw new ApplicationError("The panel has finished with this application, so declarations are closed.");
      }
      const existing = await tx.panelConflict.findUnique({ where: { applicationId_memberId: { applicationId: id, memberId: member.userId } } });
      const entry = { actorUserId: member.userId, actorRole: ROLE, entityType: "SupportApplication", entityId: id };
      if (!existing) {
        await tx.panelConflict.create({ data: { applicationId: id, memberId: member.userId, conflict: input.conflict, note: input.note, declaredAt: now } });
        await audit({ ...entry, action: input.conflict ? "panel.conflict_declared" : "panel.no_conflict_declared" }, tx);
        return { conflict: input.conflict };
      }
      if (existing.conflict) {
        if (input.conflict) return { conflict: true };
        throw new ApplicationError("You have declared a conflict of interest with this application. A conflict cannot be withdrawn.");
      }
      if (!input.conflict) return { conflict: false };
      // Only "no conflict" → "conflict": the member's review (if any) stops counting (quorumOf).
      await tx.panelConflict.updateMany({ where: { id: existing.id, conflict: false }, data: { conflict: true, note: input.note, declaredAt: now } });
      await audit({ ...entry, action: "panel.conflict_declared_later" }, tx);
      return { conflict: true };
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApplicationError("You have just made a declaration for this application. Look at it again.");
    throw error;
  }
}

/** Save (or change, until the decision) the member's scores against the current terms, recommendation and comment. */
export async function saveReview(member: Actor, id: string, input: ReviewInput, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    const app = await loadForPanel(tx, id);
    const access = accessOf(member, app, app.conflicts.find((c) => c.memberId === member.userId));
    if (access === "conflicted") throw new PanelForbiddenError();
    if (access === "must_declare") throw new ApplicationError("Declare whether you have a conflict of interest before you score.");
    if (app.status !== "with_panel") throw new ApplicationError("Scores can be changed only while the application is with the panel.");
    const { terms } = app;
    if (!terms) throw new ApplicationError("There are no published terms of reference to score against.");
    const problems = scoreProblems(criteriaOf(terms.criteria), input.scores);
    if (problems.length) throw new PanelProblemsError(problems);
    const fields = { scores: JSON.stringify(input.scores), recommendation: input.recommendation, comment: input.comment, termsVersion: terms.version, updatedAt: now };
    await tx.panelReview.upsert({
      where: { applicationId_memberId: { applicationId: id, memberId: member.userId } },
      create: { applicationId: id, memberId: member.userId, createdAt: now, ...fields },
      update: fields,
    });
    // The comment stays out of the audit log: it is the panel's, not the log's.
    await audit(
      { actorUserId: member.userId, actorRole: ROLE, action: "panel.review_saved", entityType: "SupportApplication", entityId: id, detail: { recommendation: input.recommendation, termsVersion: terms.version } },
      tx,
    );
  }, TX_OPTIONS);
}

// ---------------------------------------------------------------------------------------------
// Meetings

export async function panelMembers(): Promise<{ id: string; name: string }[]> {
  const users = await db().user.findMany({
    where: { active: true, roles: { some: { role: "panel" } } },
    select: { id: true, person: { select: { firstName: true, lastName: true } } },
    orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }],
  });
  return users.map((u) => ({ id: u.id, name: `${u.person.firstName} ${u.person.lastName}` }));
}

type MeetingSummary = { id: string; title: string; heldOn: string; mode: string; modeLabel: string; chair: string };

/** A meeting as every panel page names it: title, date and how it is held (the chair's name is the caller's). */
function meetingSummary(m: { id: string; title: string; heldOn: Date; mode: string }): Omit<MeetingSummary, "chair"> {
  return { id: m.id, title: m.title, heldOn: m.heldOn.toISOString(), mode: m.mode, modeLabel: MEETING_MODE_LABELS[m.mode as MeetingMode] ?? m.mode };
}

export async function listMeetings(): Promise<(MeetingSummary & { decisions: number })[]> {
  const meetings = await db().panelMeeting.findMany({ orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }], take: 200, include: { _count: { select: { decisions: true } } } });
  const names = await namesOf(db(), meetings.map((m) => m.chairId));
  return meetings.map((m) => ({
    ...meetingSummary(m),
    chair: names.get(m.chairId) ?? "",
    decisions: m._count.decisions,
  }));
}

/** Start a meeting (or a written procedure): the starter chairs it and is among the attendees. */
export async function createMeeting(member: Actor, input: MeetingInput, now = new Date()): Promise<{ id: string }> {
  const attendeeIds = [...new Set([member.userId, ...input.attendeeIds])];
  return db().$transaction(async (tx) => {
    const members = await tx.user.count({ where: { id: { in: attendeeIds }, active: true, roles: { some: { role: "panel" } } } });
    if (members !== attendeeIds.length) throw new ApplicationError("Choose attendees from the panel members listed.");
    const meeting = await tx.panelMeeting.create({
      data: { title: input.title, heldOn: input.heldOn, mode: input.mode, chairId: member.userId, createdById: member.userId, createdAt: now, attendeeIds: JSON.stringify(attendeeIds) },
    });
    await audit({ actorUserId: member.userId, actorRole: ROLE, action: "panel.meeting_started", entityType: "PanelMeeting", entityId: meeting.id, detail: { mode: input.mode, attendees: attendeeIds.length } }, tx);
    return { id: meeting.id };
  }, TX_OPTIONS);
}

export type MeetingRow = { id: string; reference: string; scored: number; required: number; quorumMet: boolean; myAccess: PanelAccess; ageDays: number };

export type DecisionPanel = {
  id: string;
  reference: string;
  myAccess: PanelAccess;
  /** why the member cannot decide now, or null when they can */
  blocked: string | null;
  key: string;
  quorum: { required: number; scored: string[]; conflicted: string[]; met: boolean; missing: number };
  /** only for a member who declared no conflict */
  details: { firstName: string; purpose: string | null; amountPence: number | null; tally: Record<Recommendation, number>; average: number; reviews: { member: string; recommendation: string; average: number; comment: string }[] } | null;
  maxAwardPence: number | null;
};

export type MeetingView = {
  meeting: MeetingSummary & { attendees: string[]; iAttend: boolean };
  rows: MeetingRow[];
  total: number;
  page: number;
  pageCount: number;
  decided: { reference: string; outcome: string; amountPence: number | null; decidedAt: string }[];
  decision: DecisionPanel | null;
  fundAvailablePence: number | null;
};

async function loadMeeting(source: DbTx, meetingId: string) {
  const meeting = await source.panelMeeting.findUnique({ where: { id: meetingId } });
  if (!meeting) throw new ApplicationNotFoundError();
  return { ...meeting, attendees: parseIds(meeting.attendeeIds) };
}

/** A fresh decision key (the decision's id), put in the form so sending it twice decides once. */
export function newDecisionKey(): string {
  return randomBytes(18).toString("base64url");
}

/** The meeting page: the applications with the panel (paged) with their quorum, and one decision form when asked. */
export async function meetingView(member: Actor, meetingId: string, query: { page: number; applicationId: string | null }, now = new Date()): Promise<MeetingView> {
  const client = db();
  const meeting = await loadMeeting(client, meetingId);
  const { panelQuorum } = await panelSettings(client);
  const where: Prisma.SupportApplicationWhereInput = { status: "with_panel" };
  const total = await client.supportApplication.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PANEL_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const [apps, decisions, names] = await Promise.all([
    client.supportApplication.findMany({
      where,
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * PANEL_PAGE_SIZE,
      take: PANEL_PAGE_SIZE,
      select: { id: true, reference: true, submittedAt: true, createdAt: true, youngPersonId: true, adviserId: true, conflicts: { select: { memberId: true, conflict: true } }, reviews: { select: { memberId: true } } },
    }),
    client.applicationDecision.findMany({ where: { meetingId }, orderBy: { decidedAt: "asc" }, select: { outcome: true, amountPence: true, decidedAt: true, application: { select: { reference: true } } } }),
    namesOf(client, [meeting.chairId, ...meeting.attendees]),
  ]);
  const rows = apps.map((a): MeetingRow => {
    const q = quorumOf(panelQuorum, a.conflicts, a.reviews);
    return {
      id: a.id,
      reference: a.reference,
      scored: q.scored.length,
      required: q.required,
      quorumMet: q.met,
      myAccess: accessOf(member, a, a.conflicts.find((c) => c.memberId === member.userId)),
      ageDays: daysBetween(a.submittedAt ?? a.createdAt, now),
    };
  });
  let decision: DecisionPanel | null = null;
  let fundAvailablePence: number | null = null;
  if (query.applicationId) {
    decision = await decisionPanel(client, member, meeting, panelQuorum, query.applicationId);
    if (decision.details) {
      fundAvailablePence = (await fundSummary(client)).available;
    }
  }
  return {
    meeting: {
      ...meetingSummary(meeting),
      chair: names.get(meeting.chairId) ?? "",
      attendees: meeting.attendees.map((id) => names.get(id) ?? "").filter(Boolean),
      iAttend: meeting.attendees.includes(member.userId),
    },
    rows,
    total,
    page,
    pageCount,
    decided: decisions.map((d) => ({ reference: d.application.reference, outcome: d.outcome, amountPence: d.amountPence, decidedAt: d.decidedAt.toISOString() })),
    decision,
    fundAvailablePence,
  };
}

/** Why `member` cannot decide on `app` in `meeting` now, or null. Checked on the page and again in the decision's transaction. */
function decisionBlock(member: Actor, meeting: { attendees: string[] }, app: { status: string }, access: PanelAccess, quorum: { met: boolean; missing: number }): string | null {
  if (app.status !== "with_panel") return "The application is no longer with the panel.";
  if (access === "conflicted") return "You declared a conflict of interest with this application, so you take no part in deciding it.";
  if (access === "must_declare") return "Declare whether you have a conflict of interest with this application before you decide it.";
  if (!meeting.attendees.includes(member.userId)) return "Only the meeting's attendees can record its decisions.";
  if (!quorum.met) return `The panel cannot decide yet: ${quorum.missing} more ${quorum.missing === 1 ? "member needs" : "members need"} to score it (members with a conflict do not count).`;
  return null;
}

async function decisionPanel(client: Db, member: Actor, meeting: { attendees: string[] }, panelQuorum: number, applicationId: string): Promise<DecisionPanel> {
  const app = await loadForPanel(client, applicationId);
  const access = accessOf(member, app, app.conflicts.find((c) => c.memberId === member.userId));
  const quorum = quorumOf(panelQuorum, app.conflicts, app.reviews);
  const blocked = decisionBlock(member, meeting, app, access, quorum);
  let details: DecisionPanel["details"] = null;
  let maxAwardPence: number | null = null;
  if (access === "may_review") {
    const counted = app.reviews.filter((r) => quorum.scored.includes(r.memberId));
    const names = await namesOf(client, counted.map((r) => r.memberId));
    const reviews = counted.map((r) => ({ member: names.get(r.memberId) ?? "", recommendation: r.recommendation, average: averageScore(parseScores(r.scores)), comment: r.comment }));
    maxAwardPence = app.terms?.maxAwardPence ?? null;
    details = {
      firstName: app.youngPerson.person.firstName,
      purpose: app.purpose,
      amountPence: app.amountPence,
      tally: tallyRecommendations(counted.map((r) => r.recommendation as Recommendation)),
      average: reviews.length ? Math.round((reviews.reduce((t, r) => t + r.average, 0) / reviews.length) * 10) / 10 : 0,
      reviews,
    };
    await recordView(member, app.id, "pseudonymised");
  } else {
    await recordView(member, app.id, "reference_only");
  }
  return { id: app.id, reference: app.reference, myAccess: access, blocked, key: newDecisionKey(), quorum, details, maxAwardPence };
}

// ---------------------------------------------------------------------------------------------
// Decisions

export type DecisionResult = { decisionId: string; reference: string; outcome: Recommendation; amountPence: number | null; created: boolean };

const AWARD_REF_PREFIX = "award:";

/**
 * Decide on an application in a meeting, with quorum, and commit the money for approvals — all in
 * ONE transaction: the checks again, the status change (its optimistic check lets one decision win),
 * the commitment through allocate({ tx }) (which takes the fund lock, so concurrent decisions never
 * over-commit), the decision, the award and the audit. If anything fails, nothing is written,
 * money included. The form's key is the decision's id, so a form sent twice decides once.
 */
export async function decide(member: Actor, meetingId: string, input: DecisionInput, options: { now?: Date; client?: Db } = {}): Promise<DecisionResult> {
  const client = options.client ?? db();
  const now = options.now ?? new Date();
  const earlier = await sameKeyDecision(client, input);
  if (earlier) return earlier;

  // Everything that can be checked cheaply first, for a clear message; checked again in the transaction.
  await decisionChecks(client, member, meetingId, input);

  try {
    const { result, emails } = await client.$transaction(async (tx) => {
      const ctx = await decisionChecks(tx, member, meetingId, input);
      const step = STEP_OF[input.outcome];
      const note =
        input.outcome === "decline"
          ? input.reasons
          : input.outcome === "more_info"
            ? `The panel asks: ${input.question}`
            : input.outcome === "approve_with_conditions"
              ? `Conditions: ${input.conditions}`
              : null;
      const change = await changeStatus(tx, input.applicationId, step, { userId: member.userId, as: "panel", role: ROLE }, { note, now, extra: input.outcome === "more_info" ? { moreInfoFrom: "panel" } : {} });
      let commitmentId: string | null = null;
      if (isApproval(input.outcome)) {
        const allocated = await allocate({
          amount: pence(input.amountPence!),
          reference: ctx.reference,
          actor: { userId: member.userId, role: ROLE },
          externalRef: `${AWARD_REF_PREFIX}${input.applicationId}:${input.key}`,
          occurredAt: now,
          tx,
        });
        commitmentId = allocated.transaction.id;
      }
      await tx.applicationDecision.create({
        data: {
          id: input.key,
          applicationId: input.applicationId,
          meetingId,
          termsId: ctx.terms.id,
          outcome: input.outcome,
          amountPence: isApproval(input.outcome) ? input.amountPence : null,
          reasons: input.reasons,
          conditions: input.conditions,
          quorumRequired: ctx.quorum.required,
          scoredCount: ctx.quorum.scored.length,
          conflictedCount: ctx.quorum.conflicted.length,
          scoredByIds: JSON.stringify(ctx.quorum.scored),
          conflictedIds: JSON.stringify(ctx.quorum.conflicted),
          decidedById: member.userId,
          decidedAt: now,
        },
      });
      if (input.outcome === "more_info") {
        await tx.applicationMessage.create({ data: { applicationId: input.applicationId, kind: "question", authorId: member.userId, body: input.question!, createdAt: now } });
      }
      if (commitmentId) {
        await tx.grantAward.create({
          data: { applicationId: input.applicationId, decisionId: input.key, amountPence: input.amountPence!, status: "committed", commitmentTxId: commitmentId, createdAt: now },
        });
      }
      await audit(
        {
          actorUserId: member.userId,
          actorRole: ROLE,
          action: "panel.decided",
          entityType: "SupportApplication",
          entityId: input.applicationId,
          detail: { decisionId: input.key, meetingId, outcome: input.outcome, amountPence: input.amountPence, termsVersion: ctx.terms.version, commitmentTxId: commitmentId },
        },
        tx,
      );
      return {
        result: { decisionId: input.key, reference: ctx.reference, outcome: input.outcome, amountPence: isApproval(input.outcome) ? input.amountPence : null, created: true },
        emails: change.emails,
      };
    }, TX_OPTIONS);
    await sendAfterCommit(emails);
    return result;
  } catch (error) {
    if (error instanceof InsufficientFundsError) {
      throw new ApplicationError(
        `The fund has ${formatPence(error.available)} available, which is not enough to award ${formatPence(error.requested)}. Nothing was decided: award less, or decide later.`,
      );
    }
    // The same form sent twice: the first decision stands and is the answer.
    const first = await sameKeyDecision(client, input);
    if (first) return first;
    if (isUniqueViolation(error)) throw new ApplicationError("Someone else decided this application just now. Look at the meeting again.");
    throw error;
  }
}

async function sameKeyDecision(client: Db, input: DecisionInput): Promise<DecisionResult | null> {
  const d = await client.applicationDecision.findUnique({ where: { id: input.key }, select: { id: true, applicationId: true, outcome: true, amountPence: true, application: { select: { reference: true } } } });
  if (!d) return null;
  if (d.applicationId !== input.applicationId) throw new ApplicationError("The form has expired. Open the application again and decide.");
  return { decisionId: d.id, reference: d.application.reference, outcome: d.outcome as Recommendation, amountPence: d.amountPence, created: false };
}

async function decisionChecks(source: DbTx, member: Actor, meetingId: string, input: DecisionInput) {
  const meeting = await loadMeeting(source, meetingId);
  const app = await loadForPanel(source, input.applicationId);
  const access = accessOf(member, app, app.conflicts.find((c) => c.memberId === member.userId));
  if (access === "conflicted") throw new PanelForbiddenError();
  const quorum = quorumOf(app.panelQuorum, app.conflicts, app.reviews);
  const blocked = decisionBlock(member, meeting, app, access, quorum);
  if (blocked) throw new ApplicationError(blocked);
  const { terms } = app;
  if (!terms) throw new ApplicationError("There are no published terms of reference to decide under.");
  const problems = decisionProblems(input, { maxAwardPence: terms.maxAwardPence, requestedPence: app.amountPence ?? 0 });
  if (problems.length) throw new PanelProblemsError(problems);
  return { reference: app.reference, quorum, terms };
}

// ---------------------------------------------------------------------------------------------
// Minutes

export type MinutesItem = {
  applicationId: string;
  reference: string;
  outcome: string;
  outcomeLabel: string;
  amountPence: number | null;
  reasons: string;
  conditions: string | null;
  termsVersion: number;
  quorumRequired: number;
  scoredCount: number;
  scoredBy: string[];
  conflictedCount: number;
  conflicted: string[];
  decidedBy: string;
  decidedAt: string;
};

export type Minutes = {
  meeting: MeetingSummary & { attendees: string[] };
  items: MinutesItem[];
};

/** The meeting's minutes, by application reference only. Every application listed is audited as exported. */
export async function minutesOf(member: Actor, meetingId: string): Promise<Minutes> {
  const client = db();
  const meeting = await loadMeeting(client, meetingId);
  const decisions = await client.applicationDecision.findMany({
    where: { meetingId },
    orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
    select: {
      applicationId: true,
      outcome: true,
      amountPence: true,
      reasons: true,
      conditions: true,
      quorumRequired: true,
      scoredCount: true,
      conflictedCount: true,
      scoredByIds: true,
      conflictedIds: true,
      decidedById: true,
      decidedAt: true,
      application: { select: { reference: true } },
      terms: { select: { version: true } },
    },
  });
  const ids = decisions.flatMap((d) => [d.decidedById, ...parseIds(d.scoredByIds), ...parseIds(d.conflictedIds)]);
  const names = await namesOf(client, [meeting.chairId, ...meeting.attendees, ...ids]);
  const name = (id: string) => names.get(id) ?? "Former member";
  await Promise.all([...new Set(decisions.map((d) => d.applicationId))].map((applicationId) => recordView(member, applicationId, "export")));
  return {
    meeting: {
      ...meetingSummary(meeting),
      chair: name(meeting.chairId),
      attendees: meeting.attendees.map(name),
    },
    items: decisions.map((d) => ({
      applicationId: d.applicationId,
      reference: d.application.reference,
      outcome: d.outcome,
      outcomeLabel: RECOMMENDATION_LABELS[d.outcome as Recommendation] ?? d.outcome,
      amountPence: d.amountPence,
      reasons: d.reasons,
      conditions: d.conditions,
      termsVersion: d.terms.version,
      quorumRequired: d.quorumRequired,
      scoredCount: d.scoredCount,
      scoredBy: parseIds(d.scoredByIds).map(name),
      conflictedCount: d.conflictedCount,
      conflicted: parseIds(d.conflictedIds).map(name),
      decidedBy: name(d.decidedById),
      decidedAt: d.decidedAt.toISOString(),
    })),
  };
}

export const MINUTES_CSV_HEADER = [
  "Meeting",
  "Held on",
  "Mode",
  "Chair",
  "Attendees",
  "Application reference",
  "Terms of reference version",
  "Decision",
  "Amount",
  "Reasons",
  "Conditions",
  "Quorum required",
  "Scored",
  "Scored by",
  "Conflicts declared",
  "Members with a conflict",
  "Decided by",
  "Decided at",
] as const;

/** 1234.50 from 123450 pence, in integer arithmetic (a spreadsheet reads it as a number). */
function poundsCell(amount: number): string {
  return `${Math.trunc(amount / 100)}.${String(amount % 100).padStart(2, "0")}`;
}

/** The minutes as CSV: one row per decision, the meeting's details repeated on each. */
export async function minutesCsv(member: Actor, meetingId: string): Promise<{ filename: string; text: string }> {
  const { meeting, items } = await minutesOf(member, meetingId);
  const day = meeting.heldOn.slice(0, 10);
  const rows = items.map((i) => [
    meeting.title,
    day,
    meeting.modeLabel,
    meeting.chair,
    meeting.attendees.join("; "),
    i.reference,
    i.termsVersion,
    i.outcomeLabel,
    i.amountPence === null ? "" : poundsCell(i.amountPence),
    i.reasons,
    i.conditions ?? "",
    i.quorumRequired,
    i.scoredCount,
    i.scoredBy.join("; "),
    i.conflictedCount,
    i.conflicted.join("; "),
    i.decidedBy,
    i.decidedAt,
  ]);
  return { filename: `panel-minutes-${day}.csv`, text: stringify([[...MINUTES_CSV_HEADER], ...rows]) };
}
