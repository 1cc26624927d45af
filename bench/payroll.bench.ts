// payroll.changefile_10k / payroll.changefile_100k: making a period's change file for 10,000 and
// 100,000 active pledges in one pay group, on SQLite, each on its own generated data: load the
// pledge history (one query), work out every deduction, and stream the CSV to a sink (a SHA-256,
// as a download does). Goals: 10k under 0.5 s; 100k at most 11 times the 10k time.
// Then payroll.reconcile_10k from bench/payroll-reconcile.ts (the reconciliation's own bench).
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generatePeriods } from "~/domain/payroll/periods";
import { preparePayrollFile, sha256Of } from "~/services/payroll-files.server";
import type { Db } from "~/db.server";
import { createBenchDatabase, printFigure } from "./run.ts";

const BATCH = 2_000;
const RUNS = 3;

/**
 * `n` employees with an active pledge from September 2026; in December (the file's period):
 * every 20th starts (NEW), every 20th (offset 1) changes amount (CHANGE), every 20th (offset 2)
 * stops (STOP), every 20th (offset 3) pauses (STOP); the rest carry on unchanged.
 */
export async function generate(client: Db, n: number): Promise<string> {
  const group = await client.payGroup.create({ data: { name: "Monthly salaried", frequency: "monthly", cutOffDay: 10 } });
  const drafts = generatePeriods({ frequency: "monthly", cutOffDay: 10 }, new Date("2026-09-01T00:00:00Z"), 6);
  await client.payPeriod.createMany({ data: drafts.map((p) => ({ ...p, payGroupId: group.id, givingMode: "net_pay" })) });
  const periods = await client.payPeriod.findMany({ where: { payGroupId: group.id }, orderBy: { startsOn: "asc" } });
  const [september, , november, december, , february] = periods;
  const made = (p: { startsOn: Date }) => new Date(p.startsOn.getTime() - 20 * 86_400_000);
  for (let start = 0; start < n; start += BATCH) {
    const ids = Array.from({ length: Math.min(BATCH, n - start) }, (_, k) => start + k);
    await client.person.createMany({ data: ids.map((i) => ({ id: `p${i}`, firstName: `First${i}`, lastName: `Surname ${i}` })) });
    await client.employeeRecord.createMany({
      data: ids.map((i) => ({ id: `e${i}`, personId: `p${i}`, payrollNumber: `P${String(i).padStart(7, "0")}`, payGroupId: group.id, department: "Bench" })),
    });
    await client.pledge.createMany({
      data: ids.map((i) => {
        const stopped = i % 20 === 2;
        const paused = i % 20 === 3;
        return { id: `pl${i}`, employeeId: `e${i}`, liveKey: stopped ? null : `e${i}`, status: stopped ? "stopped" : paused ? "paused" : "active", amountPence: 200 + (i % 40) * 50 };
      }),
    });
    const changes = ids.flatMap((i) => {
      const amount = 200 + (i % 40) * 50;
      const first = i % 20 === 0 ? december : i % 7 === 0 ? november : september;
      const list = [{ pledgeId: `pl${i}`, type: "create", amountPence: amount, effectivePeriodId: first.id, effectiveFrom: first.startsOn, byUserId: "bench", createdAt: made(first) }];
      const later = (type: string, amountPence: number, pauseUntil: Date | null = null) =>
        list.push({ pledgeId: `pl${i}`, type, amountPence, effectivePeriodId: december.id, effectiveFrom: december.startsOn, byUserId: "bench", createdAt: made(december), ...(pauseUntil ? { pauseUntil } : {}) });
      if (i % 20 === 1) later("amend", amount + 100);
      if (i % 20 === 2) later("stop", amount);
      if (i % 20 === 3) later("pause", amount, february.startsOn);
      return list;
    });
    await client.pledgeChange.createMany({ data: changes });
  }
  return december.id;
}

async function changeFileSeconds(n: number): Promise<number> {
  const { client, cleanup } = await createBenchDatabase(`payroll-${n}`);
  try {
    const periodId = await generate(client, n);
    const make = async () => {
      const file = await preparePayrollFile({ periodId, kind: "change", layoutId: "generic-change" }, client);
      const { bytes } = await sha256Of(file.stream());
      return { rows: file.totals.rows, bytes };
    };
    const check = await make(); // warm-up, and a check that the file is what was generated
    const expectedRows = Math.ceil(n / 20) + Math.ceil((n - 1) / 20) + Math.ceil((n - 2) / 20) + Math.ceil((n - 3) / 20);
    if (check.rows !== expectedRows) throw new Error(`expected ${expectedRows} change rows, made ${check.rows}`);
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const started = performance.now();
      await make();
      times.push((performance.now() - started) / 1000);
    }
    // the median of RUNS timed runs
    return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  } finally {
    await cleanup();
  }
}

export default async function run(): Promise<void> {
  const small = await changeFileSeconds(10_000);
  printFigure("payroll", "changefile_10k", small, "s", 10_000);
  const large = await changeFileSeconds(100_000);
  printFigure("payroll", "changefile_100k", large, "s", 100_000);

  // The reconciliation bench lives beside this one (written with the reconciliation feature).
  const reconcile = path.join(path.dirname(fileURLToPath(import.meta.url)), "payroll-reconcile.ts");
  if (fs.existsSync(reconcile)) {
    const module = (await import(pathToFileURL(reconcile).href)) as { reconcileBench?: () => Promise<void> };
    if (typeof module.reconcileBench !== "function") throw new Error("bench/payroll-reconcile.ts must export reconcileBench()");
    await module.reconcileBench();
  } else {
    console.error("bench payroll.reconcile_10k: bench/payroll-reconcile.ts is missing, so there is no reconciliation figure");
  }
}
