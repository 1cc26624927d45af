// "My giving" is kept per process, keyed by the pledge data's version and the minute
// (app/services/my-giving.server.ts; the migrations data_version and pledge_page_data_version). A second
// view in the same minute reads only the counter; every write the page shows must show on the next view.
import { beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { seededWithAlex } from "../helpers/users";
import { myGiving } from "~/services/my-giving.server";
import { amendPledge, createPledge } from "~/services/pledges.server";
import { statementsOf, versionWatch } from "../helpers/data-version";

useTestDatabase();
const NOW = new Date("2026-11-20T10:00:00Z");
let alexId = "";

beforeAll(async () => {
  alexId = await seededWithAlex();
  await createPledge({ userId: alexId, amountPence: 1_000, now: NOW });
});

const alex = async () => {
  const user = await db().user.findUniqueOrThrow({ where: { id: alexId }, include: { person: { include: { employee: true } } } });
  return { personId: user.personId, employee: user.person.employee! };
};

describe("the My giving page's cache", () => {
  it("serves a second view in the same minute from memory, reading only the counter; the next minute reads afresh", async () => {
    const at = new Date(NOW.getTime() + 5_000);
    expect(await statementsOf(() => myGiving(alexId, at))).toBeGreaterThanOrEqual(4);
    expect(await statementsOf(() => myGiving(alexId, new Date(at.getTime() + 50_000)))).toBe(1);
    expect(await statementsOf(() => myGiving(alexId, new Date(at.getTime() + 60_000)))).toBeGreaterThanOrEqual(4);
  });

  it("shows each write on the next view: an amendment, a deduction, a first name, the pay group, the settings", async () => {
    expect((await myGiving(alexId, NOW)).pledge?.amountPence).toBe(1_000);
    await amendPledge({ userId: alexId, amountPence: 2_500, now: NOW });
    const amended = await myGiving(alexId, NOW);
    expect(amended.history[0]).toMatchObject({ type: "amend", amountPence: 2_500 });

    const { personId, employee } = await alex();
    const period = await db().payPeriod.findFirstOrThrow({ where: { payGroupId: employee.payGroupId }, orderBy: { startsOn: "asc" } });
    await db().deduction.create({ data: { employeeId: employee.id, periodId: period.id, amountPence: 1_000, reconciliationId: "test-reconciliation" } });
    expect((await myGiving(alexId, NOW)).deductions).toMatchObject({ totalPence: 1_000, rows: [{ periodLabel: period.label }] });

    await db().person.update({ where: { id: personId }, data: { firstName: "Alexandra" } });
    expect((await myGiving(alexId, NOW)).firstName).toBe("Alexandra");

    await db().payGroup.update({ where: { id: employee.payGroupId }, data: { name: "Renamed group" } });
    expect((await myGiving(alexId, NOW)).payGroupName).toBe("Renamed group");

    const { givingMode } = await db().organisationSettings.findUniqueOrThrow({ where: { id: 1 } });
    const other = givingMode === "net_pay" ? "payroll_giving" : "net_pay";
    await db().organisationSettings.update({ where: { id: 1 }, data: { givingMode: other } });
    expect((await myGiving(alexId, NOW)).givingMode).toBe(other);
  });
});

describe("the pledge data version", () => {
  it("rises with writes to what the pledge and pay period pages show, not with columns they do not show", async () => {
    const { personId, employee } = await alex();
    const check = (await versionWatch("pledges")).after;
    const period = await db().payPeriod.findFirstOrThrow({ where: { payGroupId: employee.payGroupId }, orderBy: { startsOn: "desc" } });
    await check(() => db().payPeriod.update({ where: { id: period.id }, data: { lockedAt: NOW } }), true);
    await check(() => db().deduction.updateMany({ where: { employeeId: employee.id }, data: { amountPence: 1_200 } }), true);
    await check(() => db().pledgeTerms.create({ data: { version: 99, wording: "New terms", publishedAt: NOW } }), true);
    await check(() => db().user.update({ where: { id: alexId }, data: { email: "alex.m@council.example" } }), true);
    await check(() => db().person.update({ where: { id: personId }, data: { firstName: "Al" } }), true);
    await check(() => db().person.update({ where: { id: personId }, data: { lastName: "Other" } }), true);
    await check(() => db().person.update({ where: { id: personId }, data: { email: "alex.home@example.org" } }), false);
    await check(() => db().payrollLayout.create({ data: { id: "test-layout", name: "Test", mapping: "{}" } }), true);
  });
});
