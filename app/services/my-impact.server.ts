// "My impact" (issue 9): what one employee's own giving added up to in a financial year — payroll
// deductions confirmed by reconciliation (Deduction rows, by pay day) and their card gifts (given while
// signed in, or with their email), with the Gift Aid claimed on them — beside what the fund paid for in
// the same period. The fund's figures are the shared, suppressed ones; the employee's own are their own.
import { db } from "~/db.server";
import { countedPence, COUNTED_STATUSES } from "~/domain/campaigns/campaign";
import { giftAidValue } from "~/domain/gift-aid/declaration";
import type { Shown } from "~/domain/impact/suppression";
import { financialYearLabel, financialYearOf, financialYearPeriod } from "~/domain/impact/uk-months";
import { awardsByCategory, impactThreshold, moneyByMonth } from "~/services/impact-figures.server";

/** How many financial years back the page offers (the current one and the ones before). */
export const MY_IMPACT_YEARS = 3;

export type MyImpact = {
  year: number;
  label: string;
  /** the financial years the page can show, newest first */
  years: { year: number; label: string }[];
  /** true while the year is still going */
  current: boolean;
  payroll: { deductions: number; totalPence: number };
  card: { gifts: number; totalPence: number; giftAidPence: number };
  /** all of it: from pay, by card and the Gift Aid on the card gifts */
  totalPence: number;
  /** everything the fund received in the same period, from everyone */
  fundInPence: number;
  awards: { rows: { category: string; label: string; count: Shown; amountPence: Shown }[]; total: { count: Shown; amountPence: Shown } };
  threshold: number;
};

/** The financial years an employee can choose on the page, newest first. */
export function myImpactYears(now: Date): number[] {
  const current = financialYearOf(now);
  return Array.from({ length: MY_IMPACT_YEARS }, (_, i) => current - i);
}

export async function myImpact(userId: string, year: number, now: Date): Promise<MyImpact> {
  const period = financialYearPeriod(year);
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, person: { select: { employee: { select: { id: true } } } } } });
  const employeeId = user.person.employee?.id;

  // A gift by card counts as theirs when given signed in, or with their email in any case (as typed on the form).
  const cardIds = await db().$queryRaw<{ id: string }[]>`SELECT "id" FROM "Donation" WHERE "userId" = ${userId} OR LOWER("donorEmail") = ${user.email.toLowerCase()}`;
  const threshold = await impactThreshold();
  const [deductions, gifts, money, awards] = await Promise.all([
    employeeId
      ? db().deduction.findMany({ where: { employeeId, period: { payDate: { gte: period.from, lt: period.to } } }, select: { amountPence: true } })
      : Promise.resolve([]),
    cardIds.length
      ? db().donation.findMany({
          where: { id: { in: cardIds.map((c) => c.id) }, status: { in: [...COUNTED_STATUSES] }, paidAt: { gte: period.from, lt: period.to } },
          select: { amountPence: true, refundedPence: true, status: true, giftAidClaimedPence: true },
        })
      : Promise.resolve([]),
    moneyByMonth(period, threshold),
    awardsByCategory(period, threshold),
  ]);

  const payrollPence = deductions.reduce((sum, d) => sum + d.amountPence, 0);
  const cardPence = gifts.reduce((sum, g) => sum + countedPence(g), 0);
  // Gift Aid only where it was claimed, and only on what was kept after any refund.
  const giftAidPence = gifts.reduce((sum, g) => sum + (g.giftAidClaimedPence ? giftAidValue(Math.min(g.giftAidClaimedPence, countedPence(g))) : 0), 0);
  const t = money.totals;
  return {
    year,
    label: financialYearLabel(year),
    years: myImpactYears(now).map((y) => ({ year: y, label: financialYearLabel(y) })),
    current: year === financialYearOf(now),
    payroll: { deductions: deductions.length, totalPence: payrollPence },
    card: { gifts: gifts.length, totalPence: cardPence, giftAidPence },
    totalPence: payrollPence + cardPence + giftAidPence,
    fundInPence: t.payrollPence + t.cardPence + t.giftAidPence,
    awards: { rows: awards.rows, total: awards.total },
    threshold,
  };
}
