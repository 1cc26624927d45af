// Applying for support and the coordinator's eligibility screen: start a draft (a young person for
// themselves, or a personal adviser for a young person on their caseload), save each step, send it,
// answer a question, withdraw; the coordinator's queue, screening page and screen. Every status change
// goes through changeStatus(); every view of the details is audited (recordView).
import { db, type DbTx } from "~/db.server";
import type { SupportApplication } from "~/generated/prisma/client.ts";
import {
  QUEUE_PAGE_SIZE,
  QUEUE_STATUSES,
  answersOf,
  columnsOf,
  daysBetween,
  missingAnswers,
  pagesOf,
  type MissingAnswer,
  type QueueQuery,
  type ScreenInput,
  type StepSlug,
} from "~/domain/applications/form";
import { STATUS_LABELS, isApplicationStatus, type ApplicationStatus } from "~/domain/applications/workflow";
import { audit } from "~/services/audit.server";
import {
  ApplicationError,
  ApplicationNotFoundError,
  changeStatus,
  currentTerms,
  newApplicationReference,
  orNotFound,
  recordView,
  sendAfterCommit,
  viewerOf,
  type Actor,
} from "~/services/applications.server";

// The application pages and their tests know these from here.
export { ApplicationNotFoundError, orNotFound };

/** Sending was refused: these answers are missing or need changing. */
export class MissingAnswersError extends ApplicationError {
  constructor(readonly problems: MissingAnswer[]) {
    super("Some answers are missing. Answer them before you send the application.");
    this.name = "MissingAnswersError";
  }
}

type Person = { id: string; firstName: string; lastName: string };
const personSelect = { id: true, person: { select: { firstName: true, lastName: true } } } as const;
const personOf = (u: { id: string; person: { firstName: string; lastName: string } }): Person => ({ id: u.id, firstName: u.person.firstName, lastName: u.person.lastName });

/** The young people on an adviser's caseload, by name. */
export async function caseloadOf(adviserId: string): Promise<Person[]> {
  const links = await db().adviserLink.findMany({ where: { adviserId, youngPerson: { active: true } }, select: { youngPerson: { select: personSelect } } });
  return links.map((l) => personOf(l.youngPerson)).sort((a, b) => a.firstName.localeCompare(b.firstName) || a.lastName.localeCompare(b.lastName));
}

/** A young person's personal advisers. */
export async function advisersOf(youngPersonId: string): Promise<Person[]> {
  const links = await db().adviserLink.findMany({ where: { youngPersonId, adviser: { active: true } }, select: { adviser: { select: personSelect } }, orderBy: { createdAt: "asc" } });
  return links.map((l) => personOf(l.adviser));
}

async function isLinked(tx: DbTx, adviserId: string, youngPersonId: string): Promise<boolean> {
  return Boolean(await tx.adviserLink.findUnique({ where: { adviserId_youngPersonId: { adviserId, youngPersonId } }, select: { adviserId: true } }));
}

/** The application, if this person is its young person or its adviser (an adviser only while still linked). */
async function applicantApplication(tx: DbTx, actor: Actor, id: string): Promise<SupportApplication> {
  const a = await tx.supportApplication.findUnique({ where: { id } });
  if (!a || viewerOf(actor, a) !== "applicant") throw new ApplicationNotFoundError();
  if (actor.userId !== a.youngPersonId && !(await isLinked(tx, actor.userId, a.youngPersonId))) throw new ApplicationNotFoundError();
  return a;
}

const applicantRole = (actor: Actor, a: Pick<SupportApplication, "youngPersonId">) => (actor.userId === a.youngPersonId ? "young_person" : "personal_adviser");

export type StartInput =
  /** a young person for themselves; adviserId: the linked adviser to share it with, or null */
  | { for: "self"; adviserId: string | null }
  /** a personal adviser for a young person on their caseload */
  | { for: "young_person"; youngPersonId: string };

/** Start a draft. A young person applies for themselves; an adviser only for someone on their caseload. */
export async function startApplication(actor: Actor, input: StartInput, now = new Date()): Promise<{ id: string; reference: string }> {
  return db().$transaction(async (tx) => {
    if (!(await currentTerms(tx))) throw new ApplicationError("The fund is not taking applications yet: its terms have not been published.");
    let youngPersonId: string;
    let adviserId: string | null;
    if (input.for === "self") {
      if (!actor.roles.includes("young_person")) throw new ApplicationError("Only a young person can apply for themselves.");
      youngPersonId = actor.userId;
      adviserId = input.adviserId;
      if (adviserId && !(await isLinked(tx, adviserId, youngPersonId))) throw new ApplicationError("Choose one of your own personal advisers.");
    } else {
      if (!actor.roles.includes("personal_adviser") || !(await isLinked(tx, actor.userId, input.youngPersonId))) throw new ApplicationNotFoundError();
      youngPersonId = input.youngPersonId;
      adviserId = actor.userId;
    }
    const reference = await newApplicationReference(tx);
    const row = await tx.supportApplication.create({
      data: { reference, youngPersonId, adviserId, createdById: actor.userId, status: "draft", createdAt: now },
      select: { id: true, reference: true },
    });
    await tx.applicationEvent.create({ data: { applicationId: row.id, fromStatus: null, toStatus: "draft", actorId: actor.userId, at: now } });
    await audit(
      { actorUserId: actor.userId, actorRole: input.for === "self" ? "young_person" : "personal_adviser", action: "application.started", entityType: "SupportApplication", entityId: row.id },
      tx,
    );
    return row;
  });
}

/** The draft for a step page (audited as a view of the details), or not found. */
export async function draftForApplicant(actor: Actor, id: string) {
  const a = await applicantApplication(db(), actor, id);
  await recordView(actor, id, "full");
  const terms = await currentTerms();
  return { application: a, maxAwardPence: terms?.maxAwardPence ?? null, youngPersonName: await firstNameOf(a.youngPersonId), isYoungPerson: actor.userId === a.youngPersonId };
}

async function firstNameOf(userId: string): Promise<string> {
  const u = await db().user.findUnique({ where: { id: userId }, select: { person: { select: { firstName: true } } } });
  return u?.person.firstName ?? "";
}

/** Save one step's answers (already parsed by the step's schema). Only while it is a draft. */
export async function saveStep(actor: Actor, id: string, step: StepSlug, data: Record<string, unknown>): Promise<void> {
  await db().$transaction(async (tx) => {
    const a = await applicantApplication(tx, actor, id);
    if (a.status !== "draft") throw new ApplicationError("This application has been sent, so its answers can no longer be changed.");
    const updated = await tx.supportApplication.updateMany({ where: { id, status: "draft" }, data: columnsOf(step, data) });
    if (updated.count !== 1) throw new ApplicationError("This application has been sent, so its answers can no longer be changed.");
    await audit({ actorUserId: actor.userId, actorRole: applicantRole(actor, a), action: "application.draft_saved", entityType: "SupportApplication", entityId: id, detail: { step } }, tx);
  });
}

/** Send the application: refused (MissingAnswersError) while anything required is missing. */
export async function submitApplication(actor: Actor, id: string, now = new Date()): Promise<{ reference: string }> {
  const { reference, emails } = await db().$transaction(async (tx) => {
    const a = await applicantApplication(tx, actor, id);
    if (a.status === "draft") {
      const terms = await currentTerms(tx);
      const problems = missingAnswers(a, terms?.maxAwardPence ?? null);
      if (problems.length) throw new MissingAnswersError(problems);
    }
    const change = await changeStatus(tx, id, "submit", { userId: actor.userId, as: "applicant", role: applicantRole(actor, a) }, { now, extra: { submittedAt: now } });
    return { reference: a.reference, emails: change.emails };
  });
  await sendAfterCommit(emails);
  return { reference };
}

/** Answer the coordinator's or the panel's question: the application goes back to whoever asked. */
export async function answerMoreInfo(actor: Actor, id: string, answer: string, now = new Date()): Promise<void> {
  const emails = await db().$transaction(async (tx) => {
    const a = await applicantApplication(tx, actor, id);
    const change = await changeStatus(tx, id, "answer_more_info", { userId: actor.userId, as: "applicant", role: applicantRole(actor, a) }, { now });
    await tx.applicationMessage.create({ data: { applicationId: id, kind: "answer", authorId: actor.userId, body: answer, createdAt: now } });
    return change.emails;
  });
  await sendAfterCommit(emails);
}

/** Withdraw the application (before a decision). */
export async function withdrawApplication(actor: Actor, id: string, now = new Date()): Promise<void> {
  const emails = await db().$transaction(async (tx) => {
    const a = await applicantApplication(tx, actor, id);
    return (await changeStatus(tx, id, "withdraw", { userId: actor.userId, as: "applicant", role: applicantRole(actor, a) }, { now })).emails;
  });
  await sendAfterCommit(emails);
}

export type ApplicationListItem = {
  id: string;
  reference: string;
  status: ApplicationStatus;
  statusLabel: string;
  category: string | null;
  amountPence: number | null;
  youngPersonName: string;
  mine: boolean;
  updatedAt: string;
};

/** A young person's own applications, and an adviser's caseload's (shared with them), newest first. */
export async function myApplications(actor: Actor): Promise<ApplicationListItem[]> {
  const caseload = actor.roles.includes("personal_adviser") ? (await caseloadOf(actor.userId)).map((p) => p.id) : [];
  const rows = await db().supportApplication.findMany({
    where: { OR: [{ youngPersonId: actor.userId }, { adviserId: actor.userId, youngPersonId: { in: caseload } }] },
    select: { id: true, reference: true, status: true, category: true, amountPence: true, youngPersonId: true, updatedAt: true, youngPerson: { select: { person: { select: { firstName: true, lastName: true } } } } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.filter((r) => isApplicationStatus(r.status)).map((r) => ({
    id: r.id,
    reference: r.reference,
    status: r.status as ApplicationStatus,
    statusLabel: STATUS_LABELS[r.status as ApplicationStatus],
    category: r.category,
    amountPence: r.amountPence,
    youngPersonName: `${r.youngPerson.person.firstName} ${r.youngPerson.person.lastName}`,
    mine: r.youngPersonId === actor.userId,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** What the status page and the screening page both show: the answers, the timeline, the questions and answers, decisions' reasons. */
async function details(id: string) {
  const a = await db().supportApplication.findUnique({
    where: { id },
    include: {
      youngPerson: { select: { id: true, email: true, person: { select: { firstName: true, lastName: true } } } },
      adviser: { select: { id: true, email: true, person: { select: { firstName: true, lastName: true } } } },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }] },
      messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      decisions: { orderBy: { decidedAt: "asc" }, select: { outcome: true, reasons: true, conditions: true, amountPence: true, decidedAt: true } },
    },
  });
  if (!a) throw new ApplicationNotFoundError();
  const actorIds = [...new Set([...a.events.map((e) => e.actorId), ...a.messages.map((m) => m.authorId)])];
  const people = await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, roles: { select: { role: true } }, person: { select: { firstName: true, lastName: true } } } });
  // The panel's reasons and conditions are written for the applicant; its members' comments never are.
  const decisions = a.decisions.map((d) => ({ outcome: d.outcome, reasons: d.reasons, conditions: d.conditions, amountPence: d.amountPence, at: d.decidedAt.toISOString() }));
  return { a, people: new Map(people.map((p) => [p.id, p])), decisions };
}

/** Who did something, in the applicant's words: "You", "Aisha Khan (your adviser)", "The coordinator", "The panel", "Finance". */
function applicantWordsFor(viewerId: string, a: { youngPersonId: string; adviserId: string | null }, who: { id: string; roles: { role: string }[]; person: { firstName: string; lastName: string } } | undefined): string {
  if (!who) return "Helping Hands";
  if (who.id === viewerId) return "You";
  if (who.id === a.youngPersonId) return who.person.firstName;
  if (who.id === a.adviserId) return `${who.person.firstName} ${who.person.lastName} (personal adviser)`;
  const roles = who.roles.map((r) => r.role);
  if (roles.includes("coordinator")) return "The coordinator";
  if (roles.includes("finance")) return "Finance";
  if (roles.includes("panel")) return "The panel";
  return "Helping Hands";
}

/** The applicant's status page: answers, timeline, questions, reasons. Audited as a view of the details. */
export async function applicantPage(actor: Actor, id: string) {
  await applicantApplication(db(), actor, id);
  const { a, people, decisions } = await details(id);
  await recordView(actor, id, "full");
  const status = a.status as ApplicationStatus;
  const openQuestion = status === "more_info_requested" ? [...a.messages].reverse().find((m) => m.kind === "question") ?? null : null;
  return {
    id: a.id,
    reference: a.reference,
    status,
    youngPersonName: `${a.youngPerson.person.firstName} ${a.youngPerson.person.lastName}`,
    adviserName: a.adviser ? `${a.adviser.person.firstName} ${a.adviser.person.lastName}` : null,
    isYoungPerson: actor.userId === a.youngPersonId,
    answers: answersOf(a),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    notEligibleReason: a.notEligibleReason,
    timeline: a.events.map((e) => ({ id: e.id, at: e.at.toISOString(), toStatus: e.toStatus as ApplicationStatus, note: e.note, by: applicantWordsFor(actor.userId, a, people.get(e.actorId)) })),
    messages: a.messages.map((m) => ({ id: m.id, kind: m.kind, body: m.body, at: m.createdAt.toISOString(), by: applicantWordsFor(actor.userId, a, people.get(m.authorId)) })),
    openQuestion: openQuestion ? { body: openQuestion.body, at: openQuestion.createdAt.toISOString() } : null,
    decisions,
  };
}

// ---- The coordinator ------------------------------------------------------------------------

export type QueueRow = { id: string; reference: string; status: ApplicationStatus; category: string | null; amountPence: number | null; submittedAt: string | null; ageDays: number };

/** The coordinator's queue: sent applications by status, oldest first unless asked, paged on the server. */
export async function coordinatorQueue(query: QueueQuery, now = new Date()) {
  const where = {
    status: query.status ? query.status : { in: [...QUEUE_STATUSES] },
    ...(query.reference ? { reference: { startsWith: query.reference } } : {}),
  };
  const [total, grouped] = await Promise.all([
    db().supportApplication.count({ where }),
    db().supportApplication.groupBy({ by: ["status"], where: { status: { in: [...QUEUE_STATUSES] } }, _count: { _all: true } }),
  ]);
  const { pages, page, skip } = pagesOf(total, query.page);
  const rows = await db().supportApplication.findMany({
    where,
    select: { id: true, reference: true, status: true, category: true, amountPence: true, submittedAt: true, createdAt: true },
    orderBy: [{ submittedAt: query.sort === "newest" ? "desc" : "asc" }, { id: "asc" }],
    skip,
    take: QUEUE_PAGE_SIZE,
  });
  const counts = Object.fromEntries(QUEUE_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  for (const g of grouped) if (isApplicationStatus(g.status)) counts[g.status] = g._count._all;
  return {
    rows: rows.map(
      (r): QueueRow => ({
        id: r.id,
        reference: r.reference,
        status: r.status as ApplicationStatus,
        category: r.category,
        amountPence: r.amountPence,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        ageDays: daysBetween(r.submittedAt ?? r.createdAt, now),
      }),
    ),
    total,
    page,
    pages,
    counts,
  };
}

/** The screening page: everything about a sent application. Drafts are the applicant's own: not found. Audited. */
export async function screeningPage(actor: Actor, id: string) {
  if (!actor.roles.includes("coordinator")) throw new ApplicationNotFoundError();
  const { a, people, decisions } = await details(id);
  if (a.status === "draft") throw new ApplicationNotFoundError();
  await recordView(actor, id, "full");
  const name = (uid: string) => {
    const p = people.get(uid);
    return p ? `${p.person.firstName} ${p.person.lastName}` : "Unknown";
  };
  return {
    id: a.id,
    reference: a.reference,
    status: a.status as ApplicationStatus,
    moreInfoFrom: a.moreInfoFrom,
    youngPerson: { name: `${a.youngPerson.person.firstName} ${a.youngPerson.person.lastName}`, email: a.youngPerson.email },
    adviser: a.adviser ? { name: `${a.adviser.person.firstName} ${a.adviser.person.lastName}`, email: a.adviser.email } : null,
    answers: answersOf(a),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    notEligibleReason: a.notEligibleReason,
    timeline: a.events.map((e) => ({ id: e.id, at: e.at.toISOString(), fromStatus: e.fromStatus, toStatus: e.toStatus as ApplicationStatus, note: e.note, by: name(e.actorId) })),
    messages: a.messages.map((m) => ({ id: m.id, kind: m.kind, body: m.body, at: m.createdAt.toISOString(), by: name(m.authorId) })),
    decisions,
  };
}

/** The eligibility screen: eligible (to the panel), ask for more (a question), or not eligible (a reason the applicant sees). */
export async function screenApplication(actor: Actor, id: string, input: ScreenInput, now = new Date()): Promise<ApplicationStatus> {
  if (!actor.roles.includes("coordinator")) throw new ApplicationNotFoundError();
  const who = { userId: actor.userId, as: "coordinator" as const, role: "coordinator" };
  const { to, emails } = await db().$transaction(async (tx) => {
    const a = await tx.supportApplication.findUnique({ where: { id }, select: { status: true } });
    if (!a || a.status === "draft") throw new ApplicationNotFoundError();
    switch (input.decision) {
      case "eligible":
        return changeStatus(tx, id, "screen_eligible", who, { now, extra: { screenedAt: now, screenedById: actor.userId } });
      case "not_eligible":
        return changeStatus(tx, id, "screen_not_eligible", who, { now, note: input.reason, extra: { screenedAt: now, screenedById: actor.userId, notEligibleReason: input.reason } });
      case "more_info": {
        const change = await changeStatus(tx, id, "request_more_info", who, { now, note: input.question, extra: { moreInfoFrom: "screening" } });
        await tx.applicationMessage.create({ data: { applicationId: id, kind: "question", authorId: actor.userId, body: input.question, createdAt: now } });
        return change;
      }
    }
  });
  await sendAfterCommit(emails);
  return to;
}
