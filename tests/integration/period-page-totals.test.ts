// The pay period page's totals are cached per process, keyed by the version of the pledge data
// (app/services/payroll-files.server.ts). Any pledge change must show on the next view: the cache must
// never serve figures older than the data.
import { beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { seed } from "../../prisma/seed";
import { periodPage } from "~/services/payroll-files.server";
import { amendPledge, createPledge, stopPledge } from "~/services/pledges.server";

useTestDatabase();
const NOW = new Date("2026-11-20T10:00:00Z");
let alexId = "";

beforeAll(async () => {
  await seed(db(), { now: new Date("2026-09-15T10:00:00Z") });
  alexId = (await db().user.findUniqueOrThrow({ where: { email: "alex.morgan@council.example" } })).id;
});

async function periodIdOf(label: string): Promise<string> {
  const alex = await db().employeeRecord.findFirstOrThrow({ where: { person: { user: { id: alexId } } } });
  return (await db().payPeriod.findFirstOrThrow({ where: { label, payGroupId: alex.payGroupId } })).id;
}

describe("the pay period page's totals", () => {
  it("follow every pledge change at once, view after view", async () => {
    const created = await createPledge({ userId: alexId, amountPence: 1_000, now: NOW });
    const periodId = await periodIdOf(created.periodLabel);
    const first = (await periodPage(periodId, NOW))!.totals;
    expect((await periodPage(periodId, NOW))!.totals).toEqual(first);

    const amended = await amendPledge({ userId: alexId, amountPence: 2_500, now: NOW });
    expect(amended.periodLabel).toBe(created.periodLabel);
    const afterAmend = (await periodPage(periodId, NOW))!.totals;
    expect(afterAmend.totalPence - first.totalPence).toBe(1_500);

    await stopPledge({ userId: alexId, now: NOW });
    const afterStop = (await periodPage(periodId, NOW))!.totals;
    expect(afterStop.totalPence).toBe(first.totalPence - 1_000);
    expect(afterStop.participants).toBe(first.participants - 1);
  });
});
