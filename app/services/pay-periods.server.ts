// Pay periods: made ahead for every pay group, locked when their file goes to payroll.
import { db, type DbTx } from "~/db.server";
import { audit } from "~/services/audit.server";
import { effectivePeriod, generatePeriods, type GivingMode, type PayFrequency } from "~/domain/payroll/periods";
import { asDate } from "~/utils/sql-values.server";

/** How far ahead periods exist, so a pause "until" or a future start always has a period to land in. */
export const MONTHS_AHEAD = 13;

function firstStartFor(frequency: PayFrequency, from: Date, anchor: Date | null): Date {
  if (frequency === "monthly") return new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  // four-weekly/weekly groups continue from their last period; a new group starts on the Monday of `from`'s week
  if (anchor) return anchor;
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
}

/**
 * Make sure every pay group has periods from the one containing `now` until about MONTHS_AHEAD
 * months ahead. Idempotent: existing periods are kept as they are (their mode and lock included).
 */
export async function ensurePeriods(now: Date, tx: DbTx = db()): Promise<number> {
  const settings = await tx.organisationSettings.findUnique({ where: { id: 1 } });
  const givingMode = (settings?.givingMode ?? "net_pay") as GivingMode;
  const horizon = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + MONTHS_AHEAD, 1));
  let created = 0;
  for (const group of await tx.payGroup.findMany()) {
    const frequency = group.frequency as PayFrequency;
    const last = await tx.payPeriod.findFirst({ where: { payGroupId: group.id }, orderBy: { startsOn: "desc" } });
    const nextStart = last ? new Date(last.endsOn.getTime() + 86_400_000) : null;
    const start = firstStartFor(frequency, now, nextStart);
    const perYear = frequency === "monthly" ? 12 : frequency === "four_weekly" ? 13 : 52;
    const span = Math.max(0, horizon.getTime() - start.getTime());
    const count = Math.ceil((span / (365 * 86_400_000)) * perYear);
    if (count === 0) continue;
    const drafts = generatePeriods({ frequency, cutOffDay: group.cutOffDay }, start, count);
    const existing = new Set(
      (await tx.payPeriod.findMany({ where: { payGroupId: group.id }, select: { startsOn: true } })).map((p) => p.startsOn.getTime()),
    );
    const fresh = drafts.filter((p) => !existing.has(p.startsOn.getTime()));
    if (fresh.length) {
      await tx.payPeriod.createMany({ data: fresh.map((p) => ({ ...p, payGroupId: group.id, givingMode })) });
      created += fresh.length;
    }
  }
  return created;
}

export async function periodsForGroup(payGroupId: string, tx: DbTx = db()) {
  return tx.payPeriod.findMany({ where: { payGroupId }, orderBy: { startsOn: "asc" } });
}

/** How many of the periods not yet cut off the effective period is chosen from. */
const EFFECTIVE_WINDOW = 24;

type PeriodAheadRow = { id: string; label: string; startsOn: Date | string; cutOffAt: Date | string; lockedAt: Date | string | null };

/**
 * The pay group's periods not yet cut off at `now` (earliest first, `take` at most), and the period a
 * change made at `now` takes effect from. One query: pledge pages read both at once.
 */
export async function periodsAhead(payGroupId: string, now: Date, take: number, tx: DbTx = db()) {
  const limit = Math.max(take, EFFECTIVE_WINDOW);
  // With them, the latest locked period: a locked later period closes earlier ones too.
  const rows = await tx.$queryRaw<PeriodAheadRow[]>`
    SELECT "id", "label", "startsOn", "cutOffAt", "lockedAt" FROM "PayPeriod"
    WHERE "payGroupId" = ${payGroupId}
      AND ("cutOffAt" > ${now}
           OR "id" = (SELECT l."id" FROM "PayPeriod" l WHERE l."payGroupId" = ${payGroupId} AND l."lockedAt" IS NOT NULL ORDER BY l."startsOn" DESC LIMIT 1))
    ORDER BY "startsOn" ASC
    LIMIT ${limit + 1}`;
  const periods = rows.map((r) => ({
    id: r.id,
    label: r.label,
    startsOn: asDate(r.startsOn),
    cutOffAt: asDate(r.cutOffAt),
    lockedAt: r.lockedAt === null ? null : asDate(r.lockedAt),
  }));
  const ahead = periods.filter((p) => p.cutOffAt.getTime() > now.getTime()).slice(0, limit);
  const lastLocked = periods.filter((p) => p.lockedAt).at(-1);
  const window = ahead.slice(0, EFFECTIVE_WINDOW);
  return { ahead, effective: effectivePeriod(lastLocked ? [lastLocked, ...window] : window, now) };
}

/** The period a change to a pledge in this pay group, made at `now`, takes effect from. */
export async function effectivePeriodFor(payGroupId: string, now: Date, tx: DbTx = db()) {
  return (await periodsAhead(payGroupId, now, EFFECTIVE_WINDOW, tx)).effective;
}

/**
 * Lock a period from its finance page: null when there is no such period, else its label and pay group's
 * name (for the confirmation). Read afresh, never from the page's cached copy.
 */
export async function lockPeriodById(periodId: string, actor: { userId: string; role: string }, now: Date) {
  const period = await db().payPeriod.findUnique({ where: { id: periodId }, select: { label: true, payGroup: { select: { name: true } } } });
  if (!period) return null;
  await lockPeriod(periodId, actor, now);
  return { label: period.label, payGroupName: period.payGroup.name };
}

/** Lock a period: its file has gone to payroll, so later changes roll into the next period. */
export async function lockPeriod(periodId: string, actor: { userId: string; role: string }, now: Date, tx: DbTx = db()) {
  const period = await tx.payPeriod.findUniqueOrThrow({ where: { id: periodId } });
  if (period.lockedAt) return period;
  const locked = await tx.payPeriod.update({ where: { id: periodId }, data: { lockedAt: now, lockedById: actor.userId } });
  await audit({ actorUserId: actor.userId, actorRole: actor.role, action: "pay_period.lock", entityType: "PayPeriod", entityId: periodId }, tx);
  return locked;
}
