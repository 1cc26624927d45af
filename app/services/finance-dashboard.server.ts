// Presenter for the finance dashboard (/finance): participants, the total per period for recent and
// upcoming periods of each pay group (the trend), and this period's changes (NEW / CHANGE / STOP).
import { db, type DbTx } from "~/db.server";
import { CHANGE_KINDS, periodDeductions, totalsByPeriod, type ChangeKind } from "~/domain/payroll/changefile";
import { loadGroupHistories, periodStatus } from "~/services/payroll-files.server";

/** How many periods before the current one, and after it, the trend shows. */
export const TREND_BEFORE = 3;
export const TREND_AFTER = 2;

export async function financeDashboard(now: Date, source: DbTx = db()) {
  const [activePledges, pausedPledges, groups] = await Promise.all([
    source.pledge.count({ where: { status: "active" } }),
    source.pledge.count({ where: { status: "paused" } }),
    source.payGroup.findMany({ orderBy: { name: "asc" } }),
  ]);
  const changesThisPeriod: Record<ChangeKind, number> = { NEW: 0, CHANGE: 0, STOP: 0 };
  const payGroups = await Promise.all(
    groups.map(async (group) => {
      const current = await source.payPeriod.findFirst({
        where: { payGroupId: group.id, startsOn: { lte: now } },
        orderBy: { startsOn: "desc" },
        select: { startsOn: true },
      });
      const [before, after] = await Promise.all([
        source.payPeriod.findMany({
          where: { payGroupId: group.id, startsOn: { lte: current?.startsOn ?? now } },
          orderBy: { startsOn: "desc" },
          take: TREND_BEFORE + 2, // the current one, TREND_BEFORE before it, and one more to compare the first with
        }),
        source.payPeriod.findMany({
          where: { payGroupId: group.id, startsOn: { gt: current?.startsOn ?? now } },
          orderBy: { startsOn: "asc" },
          take: TREND_AFTER,
        }),
      ]);
      const periods = [...before.reverse(), ...after];
      if (periods.length === 0) return { id: group.id, name: group.name, frequency: group.frequency, current: null, trend: [] };
      const histories = await loadGroupHistories(group.id, periods[0].startsOn, source, { names: false });
      const totals = totalsByPeriod(histories, periods.map((p) => p.startsOn));
      const currentIndex = current ? periods.findIndex((p) => p.startsOn.getTime() === current.startsOn.getTime()) : -1;
      let currentChanges: Record<ChangeKind, number> | null = null;
      if (currentIndex >= 0) {
        const period = periods[currentIndex];
        const { totals: t } = periodDeductions(histories, period, periods[currentIndex - 1] ?? null, "change");
        currentChanges = { NEW: t.byKind.NEW.rows, CHANGE: t.byKind.CHANGE.rows, STOP: t.byKind.STOP.rows };
        for (const k of CHANGE_KINDS) changesThisPeriod[k] += currentChanges[k];
      }
      // the extra earlier period was only there to compare the first shown one with
      const shownFrom = periods.length > TREND_BEFORE + 1 + after.length ? 1 : 0;
      return {
        id: group.id,
        name: group.name,
        frequency: group.frequency,
        current:
          currentIndex >= 0
            ? { id: periods[currentIndex].id, label: periods[currentIndex].label, changes: currentChanges!, ...totals[currentIndex] }
            : null,
        trend: periods.slice(shownFrom).map((p, i) => ({
          id: p.id,
          label: p.label,
          startsOn: p.startsOn,
          isCurrent: i + shownFrom === currentIndex,
          isUpcoming: currentIndex >= 0 && i + shownFrom > currentIndex,
          status: periodStatus(p, now),
          ...totals[i + shownFrom],
        })),
      };
    }),
  );
  // participants: employees with a deduction in their pay group's current period (from pledge history)
  const participants = payGroups.reduce((n, g) => n + (g.current?.participants ?? 0), 0);
  return { participants, activePledges, pausedPledges, changesThisPeriod, payGroups };
}

export type FinanceDashboard = Awaited<ReturnType<typeof financeDashboard>>;
