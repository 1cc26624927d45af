// Support applications: the core every application page and service uses. One way to change an
// application's status (changeStatus: the workflow's rule, an optimistic check, the applicant's
// timeline, the audit log and the applicant's email, all in the caller's transaction), who may
// see what (viewerOf), and the audit of every view of an application's details.
// See docs/decisions/0012-applications-and-panel.md.
import { randomInt } from "node:crypto";
import { db, type DbTx } from "~/db.server";
import type { SupportApplication } from "~/generated/prisma/client.ts";
import type { Role } from "~/domain/roles";
import {
  ApplicationStepError,
  STATUS_LABELS,
  STATUS_NEXT,
  isApplicationStatus,
  nextStatus,
  type ApplicationStatus,
  type ApplicationStep,
  type MoreInfoFrom,
  type StepActor,
} from "~/domain/applications/workflow";
import { applicationReference } from "~/domain/applications/reference";
import { audit, auditAlone } from "~/services/audit.server";
import { stageEmails, type EmailMessage } from "~/integrations/mailer.server";

export { sendAfterCommit } from "~/integrations/mailer.server";
import { applicationStatusEmail } from "../../emails/application-status";
import { loadEnv } from "~/utils/env.server";

/** A refusal to show the user as it is (bad input, a step not allowed now). */
export class ApplicationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ApplicationError";
  }
}

export type Actor = { userId: string; roles: readonly Role[] };

/** How a user may see an application: in full (applicant, coordinator, finance), pseudonymised (panel), or not at all. */
export type Viewer = "applicant" | "coordinator" | "finance" | "panel";

export function viewerOf(actor: Actor, application: Pick<SupportApplication, "youngPersonId" | "adviserId">): Viewer | null {
  if (actor.userId === application.youngPersonId || (application.adviserId !== null && actor.userId === application.adviserId)) return "applicant";
  if (actor.roles.includes("coordinator")) return "coordinator";
  if (actor.roles.includes("finance")) return "finance";
  if (actor.roles.includes("panel")) return "panel";
  return null;
}

/** Not found for anyone who may not see it: a stranger never learns an application exists. */
export function notFound(): Response {
  return new Response("Not found", { status: 404, statusText: "Not Found" });
}

/** No such application (or meeting), or this person may not see it: the page answers 404 either way. */
export class ApplicationNotFoundError extends Error {
  constructor() {
    super("Not found");
    this.name = "ApplicationNotFoundError";
  }
}

/** For loaders and actions: "not found" (or not yours) becomes the 404 response. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ApplicationNotFoundError) throw notFound();
    throw error;
  }
}

/**
 * Every view of an application's details (full or pseudonymised) and every export is audited: inside the
 * caller's transaction when given one, otherwise committed with other views of the same moment.
 */
export async function recordView(
  actor: Actor,
  applicationId: string,
  what: "full" | "pseudonymised" | "reference_only" | "export",
  tx?: DbTx,
): Promise<void> {
  const entry = { actorUserId: actor.userId, actorRole: actor.roles.join(","), action: `application.viewed.${what}`, entityType: "SupportApplication", entityId: applicationId };
  await (tx ? audit(entry, tx) : auditAlone(entry));
}

/** A fresh, unused reference (SA-XXXXXX). */
export async function newApplicationReference(tx: DbTx = db()): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const reference = applicationReference((count, below) => Array.from({ length: count }, () => randomInt(below)));
    if (!(await tx.supportApplication.findUnique({ where: { reference }, select: { id: true } }))) return reference;
  }
  throw new Error("could not find a free application reference");
}

/** The link to an application in emails. */
export function applicationUrl(applicationId: string): string {
  return `${loadEnv().appOrigin}/applications/${applicationId}`;
}

/** The status emails for an application: the young person and, when there is one, their adviser. */
async function statusEmails(tx: DbTx, application: SupportApplication, to: ApplicationStatus, note: string | null): Promise<EmailMessage[]> {
  const ids = [application.youngPersonId, application.adviserId].filter((id): id is string => Boolean(id));
  const users = await tx.user.findMany({ where: { id: { in: ids }, active: true }, select: { email: true, person: { select: { firstName: true } } } });
  const message = note ? `${STATUS_NEXT[to]} ${note}` : STATUS_NEXT[to];
  return users.map((u) => ({
    to: u.email,
    ...applicationStatusEmail({
      firstName: u.person.firstName,
      reference: application.reference,
      statusLabel: STATUS_LABELS[to],
      message,
      url: applicationUrl(application.id),
    }),
  }));
}

export type StatusChange = { from: ApplicationStatus; to: ApplicationStatus; emails: EmailMessage[] };

/**
 * Take one workflow step, inside the caller's transaction: the rule (nextStatus), an optimistic
 * check that nobody changed the status meanwhile, the timeline event, the audit entry, and the
 * applicant's emails (written to the outbox in this transaction, or returned to send after commit:
 * pass them to sendAfterCommit). `note` is shown to the applicant (e.g. a reason); never put panel
 * comments in it. `extra` are other columns to set in the same update (e.g. moreInfoFrom, screenedAt).
 */
export async function changeStatus(
  tx: DbTx,
  applicationId: string,
  step: ApplicationStep,
  actor: { userId: string; as: StepActor; role?: string },
  options: { note?: string | null; now?: Date; extra?: Partial<Pick<SupportApplication, "moreInfoFrom" | "screenedAt" | "screenedById" | "notEligibleReason" | "submittedAt">> } = {},
): Promise<StatusChange> {
  const application = await tx.supportApplication.findUnique({ where: { id: applicationId } });
  if (!application) throw new ApplicationError("There is no such application.");
  if (!isApplicationStatus(application.status)) throw new Error(`unknown application status ${application.status}`);
  const from = application.status;
  let to: ApplicationStatus;
  try {
    to = nextStatus(from, step, actor.as, application.moreInfoFrom as MoreInfoFrom | null);
  } catch (error) {
    if (error instanceof ApplicationStepError) throw new ApplicationError(error.message);
    throw error;
  }
  const now = options.now ?? new Date();
  const updated = await tx.supportApplication.updateMany({
    where: { id: applicationId, status: from },
    data: { status: to, ...(step === "answer_more_info" ? { moreInfoFrom: null } : {}), ...(options.extra ?? {}) },
  });
  if (updated.count !== 1) throw new ApplicationError("Someone else changed this application just now. Look at it again and try once more.");
  await tx.applicationEvent.create({ data: { applicationId, fromStatus: from, toStatus: to, actorId: actor.userId, note: options.note ?? null, at: now } });
  await audit(
    { actorUserId: actor.userId, actorRole: actor.role ?? actor.as, action: `application.${step}`, entityType: "SupportApplication", entityId: applicationId, detail: { from, to } },
    tx,
  );
  const emails = await stageEmails(tx, await statusEmails(tx, { ...application, status: to }, to, options.note ?? null));
  return { from, to, emails };
}


/** The terms of reference in force: the latest published version (null before the first). */
export async function currentTerms(tx: DbTx = db()) {
  return tx.termsOfReference.findFirst({ orderBy: { version: "desc" } });
}

/** The quorum when the settings row is missing. */
export const DEFAULT_PANEL_QUORUM = 3;

/** The quorum and follow-up settings. */
export async function panelSettings(tx: DbTx = db()): Promise<{ panelQuorum: number; followUpWeeks: number }> {
  const s = await tx.organisationSettings.findUnique({ where: { id: 1 }, select: { panelQuorum: true, followUpWeeks: true } });
  return { panelQuorum: s?.panelQuorum ?? DEFAULT_PANEL_QUORUM, followUpWeeks: s?.followUpWeeks ?? 6 };
}
