import { beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { seed } from "../../prisma/seed";
import { effectivePeriodFor, ensurePeriods, lockPeriod, periodsForGroup } from "~/services/pay-periods.server";

useTestDatabase();
const now = new Date("2026-11-23T10:00:00Z");

beforeAll(async () => {
  await seed(db(), { employees: 0 });
});

describe("pay periods", () => {
  it("are made ahead for both pay groups, idempotently", async () => {
    await ensurePeriods(now);
    const again = await ensurePeriods(now);
    expect(again).toBe(0);
    const [monthly, fourWeekly] = await Promise.all(
      ["Monthly salaried", "Four-weekly"].map(async (name) => periodsForGroup((await db().payGroup.findUniqueOrThrow({ where: { name } })).id)),
    );
    expect(monthly[0].label).toBe("November 2026");
    expect(monthly.length).toBeGreaterThanOrEqual(13);
    expect(fourWeekly.length).toBeGreaterThanOrEqual(13);
    // four-weekly periods run back to back
    for (let i = 1; i < fourWeekly.length; i++) {
      expect(fourWeekly[i].startsOn.getTime() - fourWeekly[i - 1].endsOn.getTime()).toBe(86_400_000);
    }
    expect(monthly.every((p) => p.givingMode === "net_pay")).toBe(true);
  });

  it("a change now takes effect from the next period whose cut-off has not passed, skipping locked ones", async () => {
    const group = await db().payGroup.findUniqueOrThrow({ where: { name: "Monthly salaried" } });
    // 23 November is after November's cut-off (10th): December
    expect((await effectivePeriodFor(group.id, now))?.label).toBe("December 2026");
    expect((await effectivePeriodFor(group.id, new Date("2026-11-05T00:00:00Z")))?.label).toBe("November 2026");
    const december = (await periodsForGroup(group.id)).find((p) => p.label === "December 2026")!;
    const finance = await db().user.findUniqueOrThrow({ where: { email: "fin.officer@council.example" } });
    await lockPeriod(december.id, { userId: finance.id, role: "finance" }, now);
    expect((await effectivePeriodFor(group.id, now))?.label).toBe("January 2027");
    expect(await db().auditLog.count({ where: { action: "pay_period.lock", entityId: december.id } })).toBe(1);
  });
});
