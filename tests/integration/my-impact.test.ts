// "My impact": one employee's payroll deductions (by pay day) and card gifts (theirs by account or by
// email, net of refunds, with the Gift Aid claimed) in a financial year, against a fixture with known
// totals; and what the fund paid for in the same year, suppressed. Dates are in the current financial
// year so the page (which reads the clock) shows the fixture too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { makeUser, type TestUser } from "../helpers/users";
import { paidAwardMaker } from "../helpers/awards";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { pence } from "~/domain/money";
import { transfer } from "~/domain/ledger";
import { financialYearOf } from "~/domain/impact/uk-months";
import { postTransaction } from "~/services/ledger.server";
import { myImpact } from "~/services/my-impact.server";

useTestDatabase();

const Y = financialYearOf(new Date());
const NOW = new Date(`${Y}-11-01T12:00:00Z`);

let alex: TestUser;
let bob: TestUser;
let finance: TestUser;
let young: TestUser;
let groupId = "";
let n = 0;

async function employeeRecord(user: TestUser) {
  const { personId } = await db().user.findUniqueOrThrow({ where: { id: user.userId } });
  return (await db().employeeRecord.create({ data: { personId, payrollNumber: `MI${++n}`, payGroupId: groupId } })).id;
}

/** A pay period paid on `payDay` (kept as midnight UTC, as the pay calendar has it), reconciled. */
async function reconciledPeriod(payDay: string) {
  const day = new Date(`${payDay}T00:00:00Z`);
  const period = await db().payPeriod.create({
    data: { payGroupId: groupId, label: payDay, startsOn: day, endsOn: day, payDate: day, cutOffAt: day, givingMode: "net_pay" },
  });
  const reconciliation = await db().reconciliation.create({
    data: { periodId: period.id, status: "confirmed", expectedTotalPence: 0, deductedTotalPence: 0, uploadedById: finance.userId, confirmedAt: day },
  });
  return { periodId: period.id, reconciliationId: reconciliation.id };
}

async function deduction(employeeId: string, period: { periodId: string; reconciliationId: string }, amountPence: number) {
  await db().deduction.create({ data: { employeeId, ...period, amountPence } });
}

async function gift(data: { userId?: string | null; donorEmail: string; amountPence: number; status: string; paidAt: string | null; refundedPence?: number; giftAidClaimedPence?: number | null }) {
  await db().donation.create({
    data: {
      reference: `HH-MI${String(++n).padStart(4, "0")}`,
      donorName: "Donor",
      userId: data.userId ?? null,
      donorEmail: data.donorEmail,
      amountPence: data.amountPence,
      status: data.status,
      refundedPence: data.refundedPence ?? 0,
      giftAidClaimedPence: data.giftAidClaimedPence ?? null,
      paidAt: data.paidAt ? new Date(data.paidAt) : null,
    },
  });
}

let paidAward: ReturnType<typeof paidAwardMaker>;

beforeAll(async () => {
  alex = await makeUser("Alex", ["employee"]);
  bob = await makeUser("Bob", ["employee"]);
  finance = await makeUser("Fin", ["finance"]);
  young = await makeUser("Jordan", ["young_person"]);
  paidAward = paidAwardMaker(young.userId, finance.userId);
  groupId = (await db().payGroup.create({ data: { name: "Monthly", frequency: "monthly", cutOffDay: 10 } })).id;
  const alexEmployee = await employeeRecord(alex);
  const bobEmployee = await employeeRecord(bob);

  // Pay days: 31 March is the year before (UK time), 1 April the first day of this one, next March its last month.
  const lastYear = await reconciledPeriod(`${Y}-03-31`);
  const april = await reconciledPeriod(`${Y}-04-01`);
  const june = await reconciledPeriod(`${Y}-06-26`);
  const march = await reconciledPeriod(`${Y + 1}-03-26`);
  await deduction(alexEmployee, lastYear, 1_000);
  for (const p of [april, june, march]) await deduction(alexEmployee, p, 1_000);
  await deduction(bobEmployee, june, 5_000);

  // Alex's card gifts this year: signed in (with Gift Aid claimed), and by email in another case, part refunded.
  await gift({ userId: alex.userId, donorEmail: "someone.else@example.com", amountPence: 2_500, status: "paid", paidAt: `${Y}-06-01T12:00:00Z`, giftAidClaimedPence: 2_500 });
  await gift({ donorEmail: alex.email.toUpperCase(), amountPence: 4_000, refundedPence: 1_500, status: "partially_refunded", paidAt: `${Y}-07-01T12:00:00Z` });
  // Not counted this year: not paid, fully refunded, someone else's, or last year's.
  await gift({ userId: alex.userId, donorEmail: alex.email, amountPence: 7_000, status: "pending", paidAt: null });
  await gift({ userId: alex.userId, donorEmail: alex.email, amountPence: 3_000, status: "refunded", refundedPence: 3_000, paidAt: `${Y}-08-01T12:00:00Z` });
  await gift({ donorEmail: bob.email, amountPence: 6_000, status: "paid", paidAt: `${Y}-08-01T12:00:00Z` });
  await gift({ userId: alex.userId, donorEmail: alex.email, amountPence: 9_900, status: "paid", paidAt: `${Y}-03-15T12:00:00Z` });

  // The fund as a whole this year: £1,000 in, 6 + 2 awards paid.
  await postTransaction(transfer("fund_bank", "card_income", pence(100_000)), { kind: "test_income", description: "Test income", occurredAt: new Date(`${Y}-06-01T12:00:00Z`) });
  for (let i = 0; i < 6; i++) await paidAward("education_equipment", 20_000, `${Y}-05-10`);
  for (let i = 0; i < 2; i++) await paidAward("driving_lessons", 30_000, `${Y}-09-01`);
});

describe("my impact", () => {
  it("adds up this financial year's deductions and card gifts, with their Gift Aid", async () => {
    const mine = await myImpact(alex.userId, Y, NOW);
    expect(mine.label).toBe(`April ${Y} to March ${Y + 1}`);
    expect(mine.current).toBe(true);
    expect(mine.payroll).toEqual({ deductions: 3, totalPence: 3_000 });
    expect(mine.card).toEqual({ gifts: 2, totalPence: 5_000, giftAidPence: 625 });
    expect(mine.totalPence).toBe(8_625);
    expect(mine.fundInPence).toBe(100_000);
    expect(mine.years.map((y) => y.year)).toEqual([Y, Y - 1, Y - 2]);
  });

  it("shows what the fund paid for in the same year, small numbers suppressed", async () => {
    const { awards } = await myImpact(alex.userId, Y, NOW);
    const rows = Object.fromEntries(awards.rows.map((r) => [r.category, [r.count, r.amountPence]]));
    // 2 is under the threshold; the 6 is hidden with it so the 2 cannot be worked out from the total.
    expect(rows.education_equipment).toEqual(["c", "c"]);
    expect(rows.driving_lessons).toEqual(["c", "c"]);
    expect(awards.total).toEqual({ count: 8, amountPence: 180_000 });
  });

  it("counts last year's giving in last year only", async () => {
    const last = await myImpact(alex.userId, Y - 1, NOW);
    expect(last.current).toBe(false);
    expect(last.payroll).toEqual({ deductions: 1, totalPence: 1_000 });
    expect(last.card).toEqual({ gifts: 1, totalPence: 9_900, giftAidPence: 0 });
    expect(last.totalPence).toBe(10_900);
    expect(last.awards.total.count).toBe(0);
  });

  it("counts only the employee's own giving", async () => {
    const bobs = await myImpact(bob.userId, Y, NOW);
    expect(bobs.payroll.totalPence).toBe(5_000);
    expect(bobs.card.totalPence).toBe(6_000);
    // Someone with no payroll record still sees their card gifts (none here) and the fund's figures.
    const none = await myImpact(finance.userId, Y, NOW);
    expect(none.totalPence).toBe(0);
    expect(none.awards.total.count).toBe(8);
  });
});

describe("the page", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  const page = async (path: string, user: TestUser) => {
    const res = await fetch(`${server.baseUrl}${path}`, { headers: { Cookie: await sessionCookieFor(user.email) } });
    expect(res.status).toBe(200);
    return res.text();
  };

  it("shows this year by default, another year when asked, and ignores a year it does not offer", async () => {
    const html = await page("/giving/impact", alex);
    expect(html).toContain(`April ${Y} to March ${Y + 1}`);
    expect(html).toContain("£86.25");
    expect(html).toContain("Awards paid, by what they were for");
    expect(html).toContain("£1,800");
    expect(await page(`/giving/impact?year=${Y - 1}`, alex)).toContain("£109");
    expect(await page("/giving/impact?year=1999", alex)).toContain("£86.25");
  });

  it("is linked from My giving", async () => {
    // My giving needs the organisation's settings (the pledge limits); Alex has no pledge.
    await db().organisationSettings.upsert({ where: { id: 1 }, create: { id: 1, councilName: "Test Council", fundName: "Test fund" }, update: {} });
    expect(await page("/giving", alex)).toContain('href="/giving/impact"');
  });
});
