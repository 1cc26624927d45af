// The mentoring pilot's gates (issue 8): the coordinator records a mentor's training modules; the
// gates of an application (training, the DBS check for under-18s) come from app/domain/mentoring/gates.ts;
// and the DBS purge removes certificate numbers a set number of months after the decision, keeping
// only level, date and outcome ("checked, clear, on date").
import { db, type DbTx } from "~/db.server";
import { Prisma } from "~/generated/prisma/client.ts";
import type { DbsFacts } from "~/domain/talent/dbs";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { dayKeyToDate } from "~/domain/talent/hours";
import { AGE_BANDS, type AgeBand } from "~/domain/mentoring/matching";
import { DBS_PURGE_MONTHS_DEFAULT, REQUIRED_TRAINING, dbsPurgeDue, isTrainingModule, mentorGates as gatesOf, type MentorGates } from "~/domain/mentoring/gates";
import { audit } from "~/services/audit.server";
import type { Actor } from "~/services/talent-links.server";

/** A write the rules refuse, in plain words for the coordinator. */
export class MentoringGateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MentoringGateError";
  }
}
/** An unknown application: the route answers 404. */
export class MentorApplicationNotFoundError extends Error {}

const roleOf = (actor: Actor) => actor.roles.join(",");
const CLOSED_STATUSES = new Set(["not_selected", "withdrawn"]);

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The age bands stored on an application (a JSON array); anything unreadable counts as none. */
function storedAgeBands(json: string): AgeBand[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is AgeBand => typeof v === "string" && Object.hasOwn(AGE_BANDS, v)) : [];
  } catch {
    return [];
  }
}

/**
 * Record that a mentor completed a training module, once per module (a second time is refused: the
 * first date stands). The day is the UK calendar day of `completedOn`, today or earlier.
 */
export async function recordTraining(coordinator: Actor, applicationId: string, module: string, completedOn: Date, now = new Date()): Promise<{ id: string }> {
  if (!isTrainingModule(module)) throw new MentoringGateError("Choose one of the pilot's training modules");
  const dayKey = ukDayKey(completedOn);
  if (dayKey > ukDayKey(now)) throw new MentoringGateError("The date the training was completed must be today or in the past");
  const label = REQUIRED_TRAINING[module];
  try {
    return await db().$transaction(async (tx) => {
      const application = await tx.mentorApplication.findUnique({ where: { id: applicationId }, select: { status: true, training: { where: { module }, select: { id: true } } } });
      if (!application) throw new MentorApplicationNotFoundError();
      if (CLOSED_STATUSES.has(application.status)) throw new MentoringGateError("This application is closed, so training cannot be recorded for it");
      if (application.training.length) throw new MentoringGateError(`"${label}" is already recorded for this mentor`);
      const record = await tx.trainingRecord.create({ data: { applicationId, module, completedOn: dayKeyToDate(dayKey), recordedById: coordinator.userId }, select: { id: true } });
      await audit(
        { actorUserId: coordinator.userId, actorRole: roleOf(coordinator), action: "mentor_training.recorded", entityType: "TrainingRecord", entityId: record.id, detail: { applicationId, module, completedOn: dayKey } },
        tx,
      );
      return record;
    });
  } catch (error) {
    // Two coordinators recording the same module at once: the unique index keeps one.
    if (isUniqueViolation(error)) throw new MentoringGateError(`"${label}" is already recorded for this mentor`);
    throw error;
  }
}

export type ApplicationGates = MentorGates & { dbsChecks: DbsFacts[] };

/**
 * The gates of many applications in two queries (for a cohort's matching): each with its DBS checks,
 * which are the person's (a check is reused across cohorts and the Talent Network).
 */
export async function gatesOfApplications(applicationIds: readonly string[], client: DbTx = db()): Promise<Map<string, ApplicationGates>> {
  if (applicationIds.length === 0) return new Map();
  const applications = await client.mentorApplication.findMany({
    where: { id: { in: [...new Set(applicationIds)] } },
    select: { id: true, userId: true, status: true, ageBands: true, training: { select: { module: true, completedOn: true } } },
  });
  const checks = await client.dbsCheck.findMany({ where: { userId: { in: [...new Set(applications.map((a) => a.userId))] } }, select: { userId: true, level: true, outcome: true, purgedAt: true } });
  const byUser = new Map<string, DbsFacts[]>();
  for (const { userId, ...c } of checks) byUser.set(userId, [...(byUser.get(userId) ?? []), c]);
  return new Map(
    applications.map((a) => {
      const dbsChecks = byUser.get(a.userId) ?? [];
      return [a.id, { ...gatesOf({ selected: a.status === "selected", ageBands: storedAgeBands(a.ageBands), training: a.training, dbsChecks }), dbsChecks }];
    }),
  );
}

/** One application's gates: whether training is complete, whether the DBS check allows under-18s, and every problem in words. */
export async function mentorGates(applicationId: string, client: DbTx = db()): Promise<MentorGates> {
  const gates = (await gatesOfApplications([applicationId], client)).get(applicationId);
  if (!gates) throw new MentorApplicationNotFoundError();
  const { dbsChecks: _, ...rest } = gates;
  return rest;
}

const PURGE_BATCH = 200;
/** Fewer days than any run of `months` calendar months: a coarse SQL filter; dbsPurgeDue decides exactly. */
const shortestMonthDays = 28;

/**
 * Purge the certificate number of every DBS check whose time is up (`months` UK calendar months after
 * it was recorded, app/domain/mentoring/gates.ts). Level, issue date, outcome and who recorded it
 * stay. Each check is claimed where its number is still there, so overlapping runs purge and audit it
 * once; the audit never holds the number. Returns how many this run purged.
 */
/** The purge delay in months, from the settings (dbsPurgeMonths). */
export async function dbsPurgeMonths(): Promise<number> {
  const s = await db().organisationSettings.findUnique({ where: { id: 1 }, select: { dbsPurgeMonths: true } });
  return s?.dbsPurgeMonths ?? DBS_PURGE_MONTHS_DEFAULT;
}

export async function purgeDbsCertificates(now: Date, months = DBS_PURGE_MONTHS_DEFAULT): Promise<number> {
  const recordedBefore = new Date(now.getTime() - months * shortestMonthDays * 86_400_000 + 86_400_000);
  let purged = 0;
  let cursor: string | undefined;
  for (;;) {
    const candidates = await db().dbsCheck.findMany({
      where: { certificateNumber: { not: null }, purgedAt: null, recordedAt: { lte: recordedBefore }, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: PURGE_BATCH,
      select: { id: true, userId: true, level: true, outcome: true, issuedOn: true, recordedAt: true, certificateNumber: true, purgedAt: true },
    });
    const due = candidates.filter((c) => dbsPurgeDue(c, now, months));
    if (due.length) {
      purged += await db().$transaction(async (tx) => {
        let n = 0;
        for (const c of due) {
          const claimed = await tx.dbsCheck.updateMany({ where: { id: c.id, certificateNumber: { not: null }, purgedAt: null }, data: { certificateNumber: null, purgedAt: now } });
          if (claimed.count !== 1) continue;
          n++;
          await audit(
            { action: "dbs_check.purged", entityType: "DbsCheck", entityId: c.id, detail: { userId: c.userId, level: c.level, outcome: c.outcome, issuedOn: ukDayKey(c.issuedOn), months } },
            tx,
          );
        }
        return n;
      });
    }
    if (candidates.length < PURGE_BATCH) return purged;
    cursor = candidates[candidates.length - 1].id;
  }
}
