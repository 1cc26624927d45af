// The pay period page's totals are cached per process, keyed by the version of the pledge data
// (app/services/payroll-files.server.ts). Any pledge change must show on the next view: the cache must
// never serve figures older than the data.
import { beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { seededWithAlex } from "../helpers/users";
import { periodPage } from "~/services/payroll-files.server";
import { amendPledge, createPledge, stopPledge } from "~/services/pledges.server";
import { lockPeriod } from "~/services/pay-periods.server";
import { statementsOf, versionWatch } from "../helpers/data-version";

useTestDatabase();
const NOW = new Date("2026-11-20T10:00:00Z");
let alexId = "";

beforeAll(async () => {
  alexId = await seededWithAlex();
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

  it("follow an employee moving pay group, which is not a pledge change", async () => {
    const periodId = await periodIdOf("January 2027");
    const before = (await periodPage(periodId, NOW))!.totals;
    const { employeeId, from } = await givingEmployee();
    await moveTo(employeeId, await otherGroup(from));
    try {
      expect((await periodPage(periodId, NOW))!.totals.participants).toBe(before.participants - 1);
    } finally {
      await moveTo(employeeId, from);
    }
    expect((await periodPage(periodId, NOW))!.totals).toEqual(before);
  });

  it("are worked out afresh on every view when the version counter is missing", async () => {
    const periodId = await periodIdOf("January 2027");
    const before = (await periodPage(periodId, NOW))!.totals;
    await db().$executeRaw`DELETE FROM "DataVersion" WHERE "name" = 'pledges'`;
    const { employeeId, from } = await givingEmployee();
    try {
      // No counter to raise: the change must still show, because nothing is cached.
      await moveTo(employeeId, await otherGroup(from));
      expect((await periodPage(periodId, NOW))!.totals.participants).toBe(before.participants - 1);
    } finally {
      await moveTo(employeeId, from);
      await db().$executeRaw`INSERT INTO "DataVersion" ("name", "version") VALUES ('pledges', 1000000)`;
    }
  });
});

/** An employee of Alex's pay group, not Alex, with a live pledge (the seed makes some). */
async function givingEmployee() {
  const alex = await db().employeeRecord.findFirstOrThrow({ where: { person: { user: { id: alexId } } } });
  const pledge = await db().pledge.findFirstOrThrow({ where: { status: "active", employee: { payGroupId: alex.payGroupId, id: { not: alex.id } } } });
  return { employeeId: pledge.employeeId, from: alex.payGroupId, pledgeId: pledge.id };
}
const otherGroup = async (payGroupId: string) => (await db().payGroup.findFirstOrThrow({ where: { id: { not: payGroupId } } })).id;
const moveTo = (employeeId: string, payGroupId: string) => db().employeeRecord.update({ where: { id: employeeId }, data: { payGroupId } });

describe("the whole pay period page", () => {
  it("is served from memory at the same version in the same minute, and shows a new file, a lock and who locked it at once", async () => {
    const periodId = await periodIdOf("February 2027");
    const at = new Date(NOW.getTime() + 7_000);
    const statements = (when: Date) => statementsOf(() => periodPage(periodId, when));
    expect(await statements(at)).toBeGreaterThanOrEqual(3);
    expect(await statements(new Date(at.getTime() + 30_000))).toBe(1);
    expect(await statements(new Date(at.getTime() + 60_000))).toBeGreaterThanOrEqual(3);

    expect((await periodPage(periodId, at))!.files).toEqual([]);
    await db().payrollFile.create({
      data: { periodId, layoutId: "standard", kind: "change", rowCount: 1, participants: 1, totalPence: 500, givingMode: "net_pay", sha256: "0".repeat(64), createdById: alexId },
    });
    expect((await periodPage(periodId, at))!.files).toMatchObject([{ kind: "change", totalPence: 500 }]);

    await lockPeriod(periodId, { userId: alexId, role: "finance" }, at);
    const alex = await db().user.findUniqueOrThrow({ where: { id: alexId }, include: { person: true } });
    expect((await periodPage(periodId, at))!.period.lockedBy).toBe(`${alex.person.firstName} ${alex.person.lastName}`);
    await db().person.update({ where: { id: alex.personId }, data: { lastName: "Renamed" } });
    expect((await periodPage(periodId, at))!.period.lockedBy).toBe(`${alex.person.firstName} Renamed`);
  });
});

describe("the pledge data version", () => {
  it("rises with each pledge change, pledge update and employee record change, and not for a rolled-back write", async () => {
    const { employeeId, pledgeId } = await givingEmployee();
    const january = await db().payPeriod.findUniqueOrThrow({ where: { id: await periodIdOf("January 2027") } });
    const watch = await versionWatch("pledges");
    const rises = (write: () => Promise<unknown>) => watch.after(write, true);
    await rises(() =>
      db().pledgeChange.create({
        data: { pledgeId, type: "amend", amountPence: 1_234, effectivePeriodId: january.id, effectiveFrom: january.startsOn, byUserId: "test", createdAt: NOW },
      }),
    );
    await rises(() => db().pledge.update({ where: { id: pledgeId }, data: { amountPence: 1_234 } }));
    await rises(() => db().employeeRecord.update({ where: { id: employeeId }, data: { department: "Moved desk" } }));
    await expect(
      db().$transaction(async (tx) => {
        await tx.employeeRecord.update({ where: { id: employeeId }, data: { department: "Rolled back" } });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await watch.after(async () => undefined, false);
  });
});
