// Demo pledges for the seed: Sam (the four-weekly demo employee) gives £5 a pay period, and the first
// `count` generated employees (seed-person-0, 1, …) give an amount from a fixed list. Alex has none, so
// the demo can set one up. Written with createMany in batches (the large data set has 3,000).
import type { PrismaClient } from "../app/generated/prisma/client.ts";
import { authorisationWording } from "../app/domain/pledges/authorisation.ts";
import type { GivingMode } from "../app/domain/payroll/periods.ts";

const AMOUNTS = [200, 300, 500, 1000, 1500, 2000, 2500];
const BATCH = 500;

type Row = { employeeId: string; userId: string; amountPence: number; payGroupId: string; key: string };

export async function seedPledges(db: PrismaClient, { count, demo, now }: { count: number; demo: boolean; now: Date }): Promise<number> {
  const terms = await db.pledgeTerms.findFirst({ orderBy: { version: "desc" } });
  const settings = await db.organisationSettings.findUniqueOrThrow({ where: { id: 1 } });
  if (!terms) throw new Error("no PledgeTerms: the migrations insert version 1");
  // Each pledge starts in its pay group's first period (the one containing `now`).
  const firstPeriods = new Map<string, { id: string; startsOn: Date; label: string }>();
  for (const group of await db.payGroup.findMany()) {
    const p = await db.payPeriod.findFirst({ where: { payGroupId: group.id }, orderBy: { startsOn: "asc" } });
    if (p) firstPeriods.set(group.id, p);
  }

  const rows: Row[] = [];
  if (demo) {
    const sam = await db.user.findUnique({ where: { email: "sam.patel@council.example" }, include: { person: { include: { employee: true } } } });
    const employee = sam?.person.employee;
    if (sam && employee) rows.push({ employeeId: employee.id, userId: sam.id, amountPence: 500, payGroupId: employee.payGroupId, key: "demo-sam" });
  }
  for (let start = 0; start < count; start += BATCH) {
    const personIds = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => `seed-person-${start + i}`);
    const employees = await db.employeeRecord.findMany({ where: { personId: { in: personIds } }, select: { id: true, personId: true, payGroupId: true } });
    const byPerson = new Map(employees.map((e) => [e.personId, e]));
    personIds.forEach((personId, i) => {
      const e = byPerson.get(personId);
      if (!e) return;
      const n = start + i;
      rows.push({ employeeId: e.id, userId: `seed-user-${personId}`, amountPence: AMOUNTS[n % AMOUNTS.length], payGroupId: e.payGroupId, key: `seed-${n}` });
    });
  }

  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH).flatMap((r) => {
      const period = firstPeriods.get(r.payGroupId);
      return period ? [{ ...r, period }] : [];
    });
    // Agreed a week before the first period, as if set up in time for it.
    const agreedAt = (startsOn: Date) => new Date(Math.min(now.getTime(), startsOn.getTime() - 7 * 86_400_000));
    await db.pledge.createMany({
      data: batch.map((r) => ({
        id: `pledge-${r.key}`,
        employeeId: r.employeeId,
        liveKey: r.employeeId,
        status: "active",
        amountPence: r.amountPence,
        createdAt: agreedAt(r.period.startsOn),
      })),
    });
    await db.pledgeChange.createMany({
      data: batch.map((r) => ({
        id: `pledge-change-${r.key}`,
        pledgeId: `pledge-${r.key}`,
        type: "create",
        amountPence: r.amountPence,
        effectivePeriodId: r.period.id,
        effectiveFrom: r.period.startsOn,
        byUserId: r.userId,
        createdAt: agreedAt(r.period.startsOn),
      })),
    });
    await db.pledgeAuthorisation.createMany({
      data: batch.map((r) => ({
        id: `pledge-auth-${r.key}`,
        pledgeChangeId: `pledge-change-${r.key}`,
        userId: r.userId,
        termsVersion: terms.version,
        wordingShown: authorisationWording({
          terms,
          amountPence: r.amountPence,
          periodLabel: r.period.label,
          givingMode: settings.givingMode as GivingMode,
          kind: "create",
        }),
        amountPence: r.amountPence,
        givingMode: settings.givingMode,
        agreedAt: agreedAt(r.period.startsOn),
      })),
    });
  }
  return rows.length;
}
