// payroll.reconcile_10k: reconciling a 10,000-row upload from payroll (read the CSV, match it to
// the 10,000 expected deductions, store the draft with its lines), on SQLite. Goal: under 1 s.
// Called by bench/payroll.bench.ts; on its own:
//   npx tsx -e 'import("./bench/payroll-reconcile.ts").then(m=>m.reconcileBench())'
import { performance } from "node:perf_hooks";
import { stringify } from "csv-stringify/sync";
import { generatePeriods } from "~/domain/payroll/periods";
import { uploadDeductions } from "~/services/reconciliation.server";
import { createBenchDatabase, printFigure } from "./run.ts";

const EMPLOYEES = 10_000;
const BATCH = 1_000;

const payrollNumber = (i: number) => `P${String(i).padStart(6, "0")}`;
const amountOf = (i: number) => 200 + (i % 40) * 50;

export async function reconcileBench(): Promise<void> {
  const { client, cleanup } = await createBenchDatabase("payroll-reconcile");
  try {
    const group = await client.payGroup.create({ data: { name: "Monthly salaried", frequency: "monthly", cutOffDay: 10 } });
    const drafts = generatePeriods({ frequency: "monthly", cutOffDay: 10 }, new Date("2026-11-01T00:00:00Z"), 2);
    await client.payPeriod.createMany({ data: drafts.map((p) => ({ ...p, payGroupId: group.id, givingMode: "net_pay" })) });
    const [warmUp, period] = await client.payPeriod.findMany({ where: { payGroupId: group.id }, orderBy: { startsOn: "asc" } });
    const person = await client.person.create({ data: { firstName: "Fin", lastName: "Officer", email: "bench-finance@council.example" } });
    const finance = await client.user.create({ data: { personId: person.id, email: person.email!, roles: { create: [{ role: "finance" }] } } });

    // 10,000 employees, each with an active pledge from the first period.
    for (let start = 0; start < EMPLOYEES; start += BATCH) {
      const ids = Array.from({ length: Math.min(BATCH, EMPLOYEES - start) }, (_, k) => start + k);
      await client.person.createMany({ data: ids.map((i) => ({ id: `bp-${i}`, firstName: "Bench", lastName: `Employee ${i}` })) });
      await client.employeeRecord.createMany({ data: ids.map((i) => ({ id: `be-${i}`, personId: `bp-${i}`, payrollNumber: payrollNumber(i), payGroupId: group.id })) });
      await client.pledge.createMany({ data: ids.map((i) => ({ id: `pl-${i}`, employeeId: `be-${i}`, liveKey: `be-${i}`, status: "active", amountPence: amountOf(i) })) });
      await client.pledgeChange.createMany({
        data: ids.map((i) => ({
          pledgeId: `pl-${i}`,
          type: "create",
          amountPence: amountOf(i),
          effectivePeriodId: warmUp.id,
          effectiveFrom: warmUp.startsOn,
          byUserId: finance.id,
        })),
      });
    }

    // What payroll reports: everyone as expected, but for a few differences.
    const csvFor = (label: string) =>
      stringify([
        ["Payroll number", "Amount", "Period"],
        ...Array.from({ length: EMPLOYEES }, (_, i) => {
          const pence = i % 2500 === 7 ? 0 : i % 3333 === 11 ? amountOf(i) - 100 : amountOf(i);
          return [payrollNumber(i), (pence / 100).toFixed(2), label];
        }),
      ]);
    const actor = { userId: finance.id, role: "finance" };

    const warm = await uploadDeductions({ client, periodId: warmUp.id, text: csvFor(warmUp.label), actor });
    if (!warm.ok) throw new Error(`warm-up upload refused: ${warm.problems.map((p) => p.message).join("; ")}`);

    const text = csvFor(period.label);
    const started = performance.now();
    const outcome = await uploadDeductions({ client, periodId: period.id, text, actor });
    const seconds = (performance.now() - started) / 1000;

    if (!outcome.ok) throw new Error(`upload refused: ${outcome.problems.map((p) => p.message).join("; ")}`);
    if (outcome.rows !== EMPLOYEES || outcome.differenceCount !== 7) {
      throw new Error(`expected ${EMPLOYEES} rows and 7 differences, got ${outcome.rows} and ${outcome.differenceCount}`);
    }
    const lines = await client.reconciliationLine.count({ where: { reconciliationId: outcome.reconciliationId } });
    if (lines !== EMPLOYEES) throw new Error(`expected ${EMPLOYEES} stored lines, found ${lines}`);
    printFigure("payroll", "reconcile_10k", seconds, "s", EMPLOYEES);
  } finally {
    await cleanup();
  }
}
