// Pledges: the only code that writes Pledge, PledgeChange and PledgeAuthorisation.
// Each change is one transaction: check the rule (app/domain/pledges), append a PledgeChange (never
// updated: a trigger refuses it), update the Pledge's current status and amount, record the
// authorisation (create, amend), write the audit entry; after the commit, the confirmation email.
import { createCookieSessionStorage } from "@remix-run/node";
import { Prisma } from "~/generated/prisma/client.ts";
import { db, type DbTx } from "~/db.server";
import { audit } from "~/services/audit.server";
import { periodsAhead } from "~/services/pay-periods.server";
import { sendEmail } from "~/integrations/mailer.server";
import { logger } from "~/utils/logger.server";
import { loadEnv } from "~/utils/env.server";
import { amountProblem, type PledgeLimits } from "~/domain/pledges/amounts";
import { authorisationWording, type Terms } from "~/domain/pledges/authorisation";
import { applyChange, changesAllowedFrom, periodsOpenForChange, stateBefore, type PeriodStart } from "~/domain/pledges/changes";
import { PledgeRuleError, type ChangeType, type PledgeChangeLike, type PledgeStatus } from "~/domain/pledges/pledge";
import type { GivingMode, PayFrequency } from "~/domain/payroll/periods";
import { pledgeChangeEmail } from "../../emails/pledge-change";
import { asDate } from "~/utils/sql-values.server";

/** A change the employee cannot make, with the message to show them. Nothing was written. */
export class PledgeError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** What the check page showed no longer holds (the cut-off passed, or new terms): check again. */
export class StaleCheckError extends PledgeError {}

export const PLEDGE_AUDIT: Record<ChangeType, string> = {
  create: "pledge.create",
  amend: "pledge.amend",
  pause: "pledge.pause",
  resume: "pledge.resume",
  stop: "pledge.stop",
};

/** How many pay periods ahead a pause may be chosen to start from. */
export const PAUSE_CHOICES = 6;

const LONDON = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });

export type PledgeContext = {
  userId: string;
  email: string;
  firstName: string;
  employeeId: string;
  payGroupId: string;
  payGroupName: string;
  frequency: PayFrequency;
  givingMode: GivingMode;
  limits: PledgeLimits;
  fundName: string;
  terms: Terms | null;
  pledge: { id: string; status: PledgeStatus; amountPence: number; dedication: string | null } | null;
  changes: (PledgeChangeLike & { id: string; effectivePeriodId: string; periodLabel: string })[];
  /** every change the employee has made, to any of their pledges, oldest first */
  history: (PledgeChangeLike & { id: string; pledgeId: string; periodLabel: string })[];
  /** the pay group's periods not yet cut off, locked or not, earliest first (60 at most) */
  ahead: (PeriodStart & { lockedAt: Date | null })[];
  /** periods a change may take effect from now, earliest first (empty when finance must add periods) */
  open: PeriodStart[];
  /** the earliest of `open`: where a change made now takes effect */
  effective: PeriodStart | null;
  /** what the employee may do now: "create" when there is no live pledge */
  allowed: readonly ChangeType[];
  /** the pledge as it stands in the effective period (a pause with an end date may have ended by then) */
  current: { status: PledgeStatus | "none"; amountPence: number };
};

type EmployeeRow = {
  userId: string;
  email: string;
  firstName: string;
  id: string;
  payGroupId: string;
  leftOn: Date | string | null;
  payGroupName: string;
  frequency: string;
  pledgeId: string | null;
  pledgeStatus: string | null;
  pledgeAmountPence: number | null;
  dedication: string | null;
  givingMode: string | null;
  pledgeMinPence: number | null;
  pledgeMaxPence: number | null;
  fundName: string | null;
  termsVersion: number | null;
  termsWording: string | null;
};

type ChangeRow = {
  id: string;
  pledgeId: string;
  type: string;
  amountPence: number;
  effectiveFrom: Date | string;
  effectivePeriodId: string;
  periodLabel: string;
  pauseUntil: Date | string | null;
  createdAt: Date | string;
};

/** How many periods ahead of now a pledge page looks (for the next deduction and the open periods). */
const PERIODS_AHEAD = 60;

/** Everything a pledge page or change needs about the signed-in employee, as of `now`. */
export async function loadPledgeContext(userId: string, now: Date, tx: DbTx = db()): Promise<PledgeContext> {
  // Every pledge page asks this, so it is four queries: the employee with their live pledge, the
  // settings and the latest terms (model includes would be seven), every change they have made with
  // its period, and the periods ahead.
  const [employee] = await tx.$queryRaw<EmployeeRow[]>`
    SELECT u."id" AS "userId", u."email", p."firstName", e."id", e."payGroupId", e."leftOn", g."name" AS "payGroupName", g."frequency",
      pl."id" AS "pledgeId", pl."status" AS "pledgeStatus", pl."amountPence" AS "pledgeAmountPence", pl."dedication",
      s."givingMode", s."pledgeMinPence", s."pledgeMaxPence", s."fundName", t."version" AS "termsVersion", t."wording" AS "termsWording"
    FROM "User" u
    JOIN "Person" p ON p."id" = u."personId"
    JOIN "EmployeeRecord" e ON e."personId" = p."id"
    JOIN "PayGroup" g ON g."id" = e."payGroupId"
    LEFT JOIN "Pledge" pl ON pl."liveKey" = e."id"
    LEFT JOIN "OrganisationSettings" s ON s."id" = 1
    LEFT JOIN "PledgeTerms" t ON t."version" = (SELECT MAX("version") FROM "PledgeTerms")
    WHERE u."id" = ${userId}`;
  if (!employee) {
    throw new PledgeError("We cannot find your payroll record, so you cannot give from your pay. Contact the council's payroll team.");
  }
  if (employee.leftOn && new Date(employee.leftOn).getTime() <= now.getTime()) {
    throw new PledgeError("Our records say you have left the council's payroll, so you cannot give from your pay.");
  }
  if (employee.givingMode === null || employee.pledgeMinPence === null || employee.pledgeMaxPence === null || employee.fundName === null) {
    throw new Error("The organisation settings are missing: run the seed");
  }
  const [changeRows, periods] = await Promise.all([
    tx.$queryRaw<ChangeRow[]>`
      SELECT c."id", c."pledgeId", c."type", c."amountPence", c."effectiveFrom", c."effectivePeriodId", pp."label" AS "periodLabel", c."pauseUntil", c."createdAt"
      FROM "PledgeChange" c
      JOIN "Pledge" pl ON pl."id" = c."pledgeId"
      JOIN "PayPeriod" pp ON pp."id" = c."effectivePeriodId"
      WHERE pl."employeeId" = ${employee.id}
      ORDER BY c."createdAt" ASC, c."id" ASC`,
    periodsAhead(employee.payGroupId, now, PERIODS_AHEAD, tx),
  ]);
  const allChanges = changeRows.map((c) => ({
    id: c.id,
    pledgeId: c.pledgeId,
    type: c.type as ChangeType,
    amountPence: Number(c.amountPence),
    effectiveFrom: asDate(c.effectiveFrom),
    effectivePeriodId: c.effectivePeriodId,
    periodLabel: c.periodLabel,
    pauseUntil: c.pauseUntil === null ? null : asDate(c.pauseUntil),
    createdAt: asDate(c.createdAt),
  }));
  const first = periods.effective;
  const pledge =
    employee.pledgeId === null
      ? null
      : { id: employee.pledgeId, status: employee.pledgeStatus as PledgeStatus, amountPence: Number(employee.pledgeAmountPence), dedication: employee.dedication };
  const changes = pledge ? allChanges.filter((c) => c.pledgeId === pledge.id).map(({ pledgeId: _, ...c }) => c) : [];
  const upcoming = first ? periods.ahead.filter((p) => p.startsOn.getTime() >= first.startsOn.getTime() && !p.lockedAt).slice(0, 30) : [];
  // A new pledge starts no earlier than the employee's last one stops (never two deductions in a period).
  const open = periodsOpenForChange(upcoming, pledge ? changes : allChanges);
  const effective = open[0] ?? null;
  const current = pledge
    ? effective
      ? stateBefore(changes, effective.startsOn)
      : { status: pledge.status, amountPence: pledge.amountPence }
    : { status: "none" as const, amountPence: 0 };
  return {
    userId: employee.userId,
    email: employee.email,
    firstName: employee.firstName,
    employeeId: employee.id,
    payGroupId: employee.payGroupId,
    payGroupName: employee.payGroupName,
    frequency: employee.frequency as PayFrequency,
    givingMode: employee.givingMode as GivingMode,
    limits: { minPence: Number(employee.pledgeMinPence), maxPence: Number(employee.pledgeMaxPence) },
    fundName: employee.fundName,
    terms: employee.termsVersion === null ? null : { version: Number(employee.termsVersion), wording: employee.termsWording ?? "" },
    pledge,
    changes,
    history: allChanges,
    ahead: periods.ahead,
    open,
    effective,
    allowed: effective ? (pledge ? changesAllowedFrom(changes, effective.startsOn) : ["create"]) : [],
    current,
  };
}

/** The exact authorisation wording for a create or amend of `amountPence`, as the check page shows it. */
export function wordingFor(ctx: PledgeContext, kind: "create" | "amend", amountPence: number): string | null {
  if (!ctx.terms || !ctx.effective) return null;
  return authorisationWording({ terms: ctx.terms, amountPence, periodLabel: ctx.effective.label, givingMode: ctx.givingMode, kind });
}

/** What the check page showed: the period the change starts from and the terms version. */
export type Shown = { periodId: string; termsVersion?: number };

export type ChangeResult = { pledgeId: string; changeId: string; type: ChangeType; periodLabel: string };

type ChangeRequest = {
  type: ChangeType;
  amountPence?: number;
  dedication?: string | null;
  /** pause only: the period it starts from (one of the open periods) */
  fromPeriodId?: string;
  pauseUntil?: Date | null;
  shown?: Shown;
};

function requirePeriods(ctx: PledgeContext): PeriodStart {
  if (!ctx.effective) {
    throw new PledgeError("There is no open pay period to make this change in yet. Try again later, or contact the payroll team.");
  }
  return ctx.effective;
}

function checkShown(ctx: PledgeContext, shown: Shown | undefined, needsTerms: boolean): void {
  const effective = requirePeriods(ctx);
  if (shown && shown.periodId !== effective.id) {
    throw new StaleCheckError(
      `The pay period this change takes effect from is now ${effective.label}, because a payroll cut-off has passed. Check the details and confirm again.`,
    );
  }
  if (needsTerms && shown && shown.termsVersion !== ctx.terms?.version) {
    throw new StaleCheckError("The terms of the scheme have been updated. Read them and confirm again.");
  }
}

async function change(userId: string, request: ChangeRequest, now: Date): Promise<ChangeResult> {
  const done = await db()
    .$transaction(async (tx) => {
      const ctx = await loadPledgeContext(userId, now, tx);
      const { type } = request;
      const needsAuthorisation = type === "create" || type === "amend";
      checkShown(ctx, request.shown, needsAuthorisation);
      if (needsAuthorisation && !ctx.terms) throw new PledgeError("The scheme's terms are not published yet, so gifts cannot be set up.");

      if (type === "create" && ctx.pledge) {
        throw new PledgeError("You already have a regular gift from your pay. You can change, pause or stop it on the My giving page.");
      }
      if (type !== "create" && !ctx.pledge) throw new PledgeError("You do not have a regular gift from your pay to change.");
      if (!ctx.allowed.includes(type)) {
        throw new PledgeError(
          ctx.current.status === "paused" && type === "pause"
            ? "Your gift is already paused."
            : ctx.current.status === "active" && type === "resume"
              ? "Your gift is not paused, so there is nothing to restart."
              : `You cannot do that to a gift that is ${ctx.current.status}.`,
        );
      }

      // Which period it takes effect from: the first open one, or (a pause) the one chosen from the open ones.
      let period = requirePeriods(ctx);
      if (type === "pause" && request.fromPeriodId) {
        const chosen = ctx.open.slice(0, PAUSE_CHOICES).find((p) => p.id === request.fromPeriodId);
        if (!chosen) throw new PledgeError("Choose a pay period from the list", "fromPeriodId");
        period = chosen;
      }

      const amountPence = needsAuthorisation ? request.amountPence : ctx.current.amountPence;
      if (amountPence === undefined) throw new PledgeError("Enter how much you want to give each pay period", "amount");
      if (needsAuthorisation) {
        const problem = amountProblem(amountPence, ctx.limits);
        if (problem) throw new PledgeError(problem, "amount");
        if (type === "amend" && amountPence === ctx.current.amountPence) {
          throw new PledgeError("Enter a different amount from the one you give now", "amount");
        }
      }

      const next: PledgeChangeLike = {
        type,
        amountPence,
        effectiveFrom: period.startsOn,
        pauseUntil: type === "pause" ? (request.pauseUntil ?? null) : null,
        createdAt: now,
      };
      let after;
      try {
        after = applyChange(ctx.changes, next);
      } catch (err) {
        if (err instanceof PledgeRuleError) throw new PledgeError(err.message, type === "pause" ? "pauseUntil" : undefined);
        throw err;
      }

      const pledge = ctx.pledge
        ? await tx.pledge.update({
            where: { id: ctx.pledge.id },
            data: {
              status: after.status,
              amountPence: after.amountPence,
              liveKey: after.status === "stopped" ? null : ctx.employeeId,
              updatedAt: now,
            },
          })
        : await tx.pledge.create({
            data: {
              employeeId: ctx.employeeId,
              liveKey: ctx.employeeId,
              status: after.status,
              amountPence,
              dedication: request.dedication ?? null,
              createdAt: now,
              updatedAt: now,
            },
          });
      const row = await tx.pledgeChange.create({
        data: {
          pledgeId: pledge.id,
          type,
          amountPence,
          effectivePeriodId: period.id,
          effectiveFrom: period.startsOn,
          pauseUntil: next.pauseUntil ?? null,
          byUserId: userId,
          createdAt: now,
        },
      });
      let wording: string | null = null;
      if (needsAuthorisation) {
        wording = authorisationWording({
          terms: ctx.terms!,
          amountPence,
          periodLabel: period.label,
          givingMode: ctx.givingMode,
          kind: type === "create" ? "create" : "amend",
        });
        await tx.pledgeAuthorisation.create({
          data: {
            pledgeChangeId: row.id,
            userId,
            termsVersion: ctx.terms!.version,
            wordingShown: wording,
            amountPence,
            givingMode: ctx.givingMode,
            agreedAt: now,
          },
        });
      }
      await audit(
        {
          actorUserId: userId,
          actorRole: "employee",
          action: PLEDGE_AUDIT[type],
          entityType: "Pledge",
          entityId: pledge.id,
          detail: { changeId: row.id, amountPence, effectivePeriodId: period.id, status: after.status },
        },
        tx,
      );
      return { ctx, pledgeId: pledge.id, changeId: row.id, period, amountPence, pauseUntil: next.pauseUntil ?? null, wording };
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err)) {
        throw new PledgeError("You already have a regular gift from your pay. You can change, pause or stop it on the My giving page.");
      }
      throw err;
    });

  // After the commit: the change stands even if the email cannot be sent (it is logged).
  try {
    await sendEmail({
      to: done.ctx.email,
      ...pledgeChangeEmail({
        firstName: done.ctx.firstName,
        type: request.type,
        amountPence: done.amountPence,
        periodLabel: done.period.label,
        pauseUntil: done.pauseUntil,
        wording: done.wording,
        madeAt: LONDON.format(now),
      }),
    });
  } catch (err) {
    logger.error({ err: err instanceof Error ? err.message : String(err), changeId: done.changeId }, "pledge confirmation email not sent");
  }
  return { pledgeId: done.pledgeId, changeId: done.changeId, type: request.type, periodLabel: done.period.label };
}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: string } } | undefined)?.cause;
  return cause?.kind === "UniqueConstraintViolation";
}

export type CreateInput = { userId: string; amountPence: number; dedication?: string | null; shown?: Shown; now: Date };

/** Set up a regular gift: the authorisation is recorded with the exact wording shown. */
export function createPledge({ userId, amountPence, dedication, shown, now }: CreateInput): Promise<ChangeResult> {
  return change(userId, { type: "create", amountPence, dedication, shown }, now);
}

/** A new amount per pay period from the effective period; a new authorisation is recorded. */
export function amendPledge({ userId, amountPence, shown, now }: Omit<CreateInput, "dedication">): Promise<ChangeResult> {
  return change(userId, { type: "amend", amountPence, shown }, now);
}

export type PauseInput = { userId: string; fromPeriodId: string; pauseUntil?: Date | null; now: Date };

/** Pause from a chosen open period, optionally until a date (the gift then restarts by itself). */
export function pausePledge({ userId, fromPeriodId, pauseUntil, now }: PauseInput): Promise<ChangeResult> {
  return change(userId, { type: "pause", fromPeriodId, pauseUntil }, now);
}

export function resumePledge({ userId, shown, now }: { userId: string; shown?: Shown; now: Date }): Promise<ChangeResult> {
  return change(userId, { type: "resume", shown }, now);
}

export function stopPledge({ userId, shown, now }: { userId: string; shown?: Shown; now: Date }): Promise<ChangeResult> {
  return change(userId, { type: "stop", shown }, now);
}

// ---- Answers between the steps of a journey ----
// Kept in a short-lived signed cookie (never in the database until confirmed), so the journey works
// without JavaScript and a half-finished journey leaves nothing behind.

export type PledgeDraft = {
  pledge?: { amountPence?: number; dedication?: string | null };
  amend?: { amountPence: number };
  pause?: { fromPeriodId: string; pauseUntil: string | null };
};

export const DRAFT_COOKIE = "hh_pledge_draft";
export const DRAFT_TTL_SECONDS = 30 * 60;

const draftStorage = () =>
  createCookieSessionStorage({
    cookie: {
      name: DRAFT_COOKIE,
      httpOnly: true,
      sameSite: "lax",
      secure: loadEnv().isProduction,
      path: "/giving",
      maxAge: DRAFT_TTL_SECONDS,
      secrets: [loadEnv().SESSION_SECRET],
    },
  });

export async function readDraft(request: Request): Promise<PledgeDraft> {
  const session = await draftStorage().getSession(request.headers.get("Cookie"));
  return (session.get("draft") as PledgeDraft | undefined) ?? {};
}

/** The Set-Cookie header that stores `draft` (replacing what was there). */
export async function saveDraft(request: Request, draft: PledgeDraft): Promise<string> {
  const storage = draftStorage();
  const session = await storage.getSession(request.headers.get("Cookie"));
  session.set("draft", draft);
  return storage.commitSession(session);
}

/** The Set-Cookie header that forgets the draft (after confirming). */
export async function clearDraft(request: Request): Promise<string> {
  const storage = draftStorage();
  return storage.destroySession(await storage.getSession(request.headers.get("Cookie")));
}

/** For loaders: the employee's pledge context, or a 403 page saying why they cannot give from pay. */
export async function pledgeContextForPage(userId: string, now: Date): Promise<PledgeContext> {
  try {
    return await loadPledgeContext(userId, now);
  } catch (err) {
    if (err instanceof PledgeError) throw new Response(err.message, { status: 403, statusText: "Forbidden" });
    throw err;
  }
}

/** The latest change this employee made to any of their pledges (for the confirmation page). */
export async function latestChangeFor(userId: string) {
  const change = await db().pledgeChange.findFirst({
    where: { byUserId: userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { effectivePeriod: { select: { label: true } } },
  });
  return change
    ? {
        type: change.type as ChangeType,
        amountPence: change.amountPence,
        periodLabel: change.effectivePeriod.label,
        pauseUntil: change.pauseUntil,
        createdAt: change.createdAt,
      }
    : null;
}
