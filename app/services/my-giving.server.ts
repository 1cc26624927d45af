// The "My giving" page's presenter: exactly what the page shows, read in one place.
import { db } from "~/db.server";
import { formatDay } from "~/domain/payroll/periods";
import { pledgeCosts, payPeriodWords, type PledgeCosts } from "~/domain/pledges/amounts";
import { CHANGE_LABELS } from "~/domain/pledges/authorisation";
import { deductionInPeriod, type ChangeType, type PledgeStatus } from "~/domain/pledges/pledge";
import { loadPledgeContext, type PledgeContext } from "~/services/pledges.server";
import { createVersionedCache, minuteOf, type DataVersions } from "~/services/data-version.server";

const LONDON = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });

export type MyGiving = {
  firstName: string;
  payGroupName: string;
  periodWords: string;
  givingMode: PledgeContext["givingMode"];
  effectivePeriodLabel: string | null;
  pledge: null | {
    status: PledgeStatus | "none";
    amountPence: number;
    dedication: string | null;
    costs: PledgeCosts;
    /** the next pay period something is due to be taken, and how much */
    nextDeduction: { periodLabel: string; amountPence: number } | null;
    /** a pause with an end date: when it ends */
    pausedUntil: string | null;
    /** a change already made that takes effect in a later period */
    scheduled: string | null;
  };
  actions: ChangeType[];
  history: { id: string; label: string; type: ChangeType; amountPence: number; periodLabel: string; madeAt: string; pauseUntil: string | null }[];
  deductions: { rows: { id: string; periodLabel: string; payDate: string; amountPence: number }[]; totalPence: number };
  cardGifts: { id: string; date: string; amountPence: number }[];
};

type DeductionRow = { id: string; amountPence: number | bigint; periodLabel: string; payDate: Date | string };

/**
 * The page for `userId` as of `now`, kept per process and keyed by the pledge data's version, which triggers
 * raise with every write to what the page shows (pledges and their changes, the employee's record, name and
 * email, pay group and periods, deductions, settings, terms: docs/decisions/0021-data-versions.md), and by
 * the minute, as the periods still open for a change move with the clock. A change is made through
 * `loadPledgeContext` afresh, never through this copy.
 */
export function myGiving(userId: string, now: Date, versions?: DataVersions): Promise<MyGiving> {
  return myGivingCache.read(`${userId}|${minuteOf(now)}`, () => readMyGiving(userId, now), versions);
}

const myGivingCache = createVersionedCache<MyGiving>("pledges", 500);

async function readMyGiving(userId: string, now: Date): Promise<MyGiving> {
  const ctx = await loadPledgeContext(userId, now);
  // What payroll has taken, newest period first: one join (an include is a second query).
  const deductions = await db().$queryRaw<DeductionRow[]>`
    SELECT d."id", d."amountPence", p."label" AS "periodLabel", p."payDate"
    FROM "Deduction" d JOIN "PayPeriod" p ON p."id" = d."periodId"
    WHERE d."employeeId" = ${ctx.employeeId}
    ORDER BY p."startsOn" DESC`;

  let pledge: MyGiving["pledge"] = null;
  if (ctx.pledge) {
    const from = ctx.effective?.startsOn.getTime();
    const upcoming = from === undefined ? [] : ctx.ahead.filter((p) => p.startsOn.getTime() >= from).slice(0, 30);
    const next = upcoming.find((p) => deductionInPeriod(ctx.changes, p.startsOn) > 0);
    const latest = ctx.changes[ctx.changes.length - 1];
    const scheduledChange = ctx.changes.find((c) => ctx.effective && c.effectiveFrom.getTime() > ctx.effective.startsOn.getTime());
    const pauseEnd = ctx.current.status === "paused" && latest?.pauseUntil ? latest.pauseUntil : null;
    pledge = {
      status: ctx.current.status,
      amountPence: ctx.current.amountPence,
      dedication: ctx.pledge.dedication,
      costs: pledgeCosts(ctx.current.amountPence, ctx.frequency, ctx.givingMode),
      nextDeduction: next ? { periodLabel: next.label, amountPence: deductionInPeriod(ctx.changes, next.startsOn) } : null,
      pausedUntil: pauseEnd ? formatDay(pauseEnd) : null,
      scheduled: scheduledChange ? `${CHANGE_LABELS[scheduledChange.type]} from the ${scheduledChange.periodLabel} pay period` : null,
    };
  }

  return {
    firstName: ctx.firstName,
    payGroupName: ctx.payGroupName,
    periodWords: payPeriodWords(ctx.frequency),
    givingMode: ctx.givingMode,
    effectivePeriodLabel: ctx.effective?.label ?? null,
    pledge,
    actions: [...ctx.allowed],
    // newest first
    history: ctx.history.toReversed().map((c) => ({
      id: c.id,
      type: c.type,
      label: CHANGE_LABELS[c.type] ?? c.type,
      amountPence: c.amountPence,
      periodLabel: c.periodLabel,
      madeAt: LONDON.format(c.createdAt),
      pauseUntil: c.pauseUntil ? formatDay(c.pauseUntil) : null,
    })),
    deductions: {
      rows: deductions.map((d) => ({ id: d.id, periodLabel: d.periodLabel, payDate: formatDay(new Date(d.payDate)), amountPence: Number(d.amountPence) })),
      totalPence: deductions.reduce((sum, d) => sum + Number(d.amountPence), 0),
    },
    // Card giving arrives in a later issue; the page shows its empty state until then.
    cardGifts: [],
  };
}
