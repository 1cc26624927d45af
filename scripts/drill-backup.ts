// `npm run drill:backup [-- --pg]`: the backup and restore drill.
//   SQLite: a fresh database with people, employees, pledges and ledger transactions; a writer process
//   posting card gifts through the ledger service the whole time; `backup` taken while it writes; the
//   copy restored into a fresh database; rows per table and ledger totals per account compared between
//   the backup moment's snapshot (read inside the backup's own transaction) and the restored copy. The
//   writer's posts in the copy must be an unbroken run from its first (a consistent snapshot holds a
//   prefix of one writer's work). Prints figures and PASS/FAIL; exit code 1 on FAIL.
//   PostgreSQL, with --pg or TEST_PG_URL (and pg_dump/pg_restore on PATH): the same with pg_dump and
//   pg_restore, in databases created for the drill and dropped afterwards.
// Seeding and the writer go through the Prisma client, which is generated for one provider: each leg
// runs only where the client matches (the SQLite leg in a default checkout, the PostgreSQL leg after
// `DATABASE_URL=postgres… npm run build` or under `npm run test:pg`).
// See docs/decisions/0017-backups-and-crash-safety.md.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "./migrate.ts";
import { providerOf, type Provider } from "./database-url.ts";
import { backup, hasTool, redactUrl } from "./backup.ts";
import { restore } from "./restore.ts";
import { startWriter } from "./drill-crash.ts";
import { checkLedger, compareFigures, figuresOf, integrityOf, refsWithPrefix, totalRows, withConnection, type Figures } from "./db-figures.ts";
import { createPrismaClient } from "../app/db.server.ts";
import { postTransaction } from "../app/services/ledger.server.ts";
import { transfer } from "../app/domain/ledger/index.ts";
import { pence } from "../app/domain/money.ts";
import { runIfMain } from "./run-main.ts";

const SEED = { people: 40, pledges: 25, ledger: 30 };

/** Can this checkout's Prisma client talk to a database like `url`? (It is generated for one provider.) */
export function prismaClientSupports(url: string): boolean {
  try {
    // Constructing the client checks the adapter's provider against the generated one; nothing connects yet.
    void createPrismaClient(url).$disconnect();
    return true;
  } catch (error) {
    if (error instanceof Error && /not compatible with the provider/.test(error.message)) return false;
    throw error;
  }
}

/** Small, plain data: a pay group, people with employee records, pledges, and payroll income in the ledger. */
export async function seedDrillData(url: string): Promise<void> {
  const client = createPrismaClient(url);
  try {
    const payGroup = await client.payGroup.create({ data: { name: "Drill monthly", frequency: "monthly", cutOffDay: 10 } });
    const ids = Array.from({ length: SEED.people }, (_, i) => i);
    await client.person.createMany({
      data: ids.map((i) => ({ id: `drill-person-${i}`, firstName: `Drill${i}`, lastName: "Person", email: `drill${i}@council.example` })),
    });
    await client.employeeRecord.createMany({
      data: ids.map((i) => ({ id: `drill-employee-${i}`, personId: `drill-person-${i}`, payrollNumber: `D${1000 + i}`, payGroupId: payGroup.id })),
    });
    await client.pledge.createMany({
      data: ids.slice(0, SEED.pledges).map((i) => ({
        id: `drill-pledge-${i}`,
        employeeId: `drill-employee-${i}`,
        liveKey: `drill-employee-${i}`,
        status: "active",
        amountPence: 500 + i * 100,
      })),
    });
    for (let i = 0; i < SEED.ledger; i++) {
      await postTransaction(transfer("fund_bank", "payroll_income", pence(1000 + i * 10)), {
        client,
        kind: "payroll_deduction",
        description: "Drill payroll income",
        occurredAt: new Date("2026-03-31T12:00:00Z"),
        externalRef: `drill-payroll:${i}`,
      });
    }
  } finally {
    await client.$disconnect();
  }
}

export type BackupDrillResult = {
  provider: Provider;
  /** rows per table and ledger totals read inside the backup's own transaction */
  snapshot: Figures;
  restored: Figures;
  restoredUrl: string;
  backupFile: string;
  backupBytes: number;
  /** writer posts committed while the backup ran (after it started, before it returned) */
  writtenDuringBackup: number;
  /** the writer's posts in the restored copy */
  writerPostsInCopy: number;
  problems: string[];
  pass: boolean;
  line: string;
};

/** The drill on a migrated, empty database at `sourceUrl`, restoring into the fresh `restoreUrl`. */
export async function runBackupDrill(sourceUrl: string, restoreUrl: string, backupFile: string): Promise<BackupDrillResult> {
  const provider = providerOf(sourceUrl);
  await seedDrillData(sourceUrl);
  const prefix = `backup-${randomBytes(4).toString("hex")}`;
  const writer = startWriter(sourceUrl, 1_000_000, prefix);
  let taken: Awaited<ReturnType<typeof backup>>;
  let before: number;
  let after: number;
  try {
    await writer.reached(25);
    before = writer.committed.length;
    // The backup of a small database takes milliseconds: hold it, snapshot fixed, until the writer has
    // committed more, and copy in small steps so further commits land between the copied pages.
    taken = await backup(sourceUrl, backupFile, {
      pagesPerStep: 4,
      afterSnapshot: () => writer.reached(writer.committed.length + 10),
    });
    after = writer.committed.length;
  } finally {
    writer.child.kill("SIGKILL");
    await writer.exited;
  }
  await restore(taken.file, restoreUrl);

  const problems: string[] = [];
  const { restored, integrity, ledger, refs } = await withConnection(restoreUrl, async (c) => ({
    restored: await figuresOf(c),
    integrity: await integrityOf(c),
    ledger: await checkLedger(c),
    refs: await refsWithPrefix(c, prefix),
  }));
  problems.push(...compareFigures(taken.figures, restored));
  if (integrity !== null && integrity !== "ok") problems.push(`restored copy integrity: ${integrity}`);
  if (ledger.unbalanced.length > 0 || ledger.trialBalance !== 0) problems.push("the restored ledger does not balance");
  const k = refs.size;
  const prefixRun = Array.from({ length: k }, (_, i) => `${prefix}:${i}`).every((ref) => refs.has(ref));
  if (!prefixRun) problems.push(`the writer's ${k} posts in the copy are not an unbroken run from its first`);
  // The copy is of one moment between the backup's start and end (+1: a post may commit before it is reported).
  if (k < before || k > after + 1) problems.push(`the copy holds ${k} writer posts; the backup ran while posts ${before}–${after} were reported`);
  if (after === before) problems.push("the writer committed nothing while the backup ran, so the drill proved nothing about writes during a backup");
  const pass = problems.length === 0;
  const name = provider === "sqlite" ? "SQLite" : "PostgreSQL";
  const line =
    `backup drill (${name}): backup taken while the writer committed ${after - before} posts; restored ` +
    `${Object.keys(restored.tables).length} tables, ${totalRows(restored)} rows, ${restored.tables.LedgerTransaction ?? 0} ledger transactions; ` +
    `${problems.length === 0 ? "rows per table and ledger totals per account match the backup moment" : `${problems.length} differences`}; ` +
    `writer posts in the copy ${k} (an unbroken run), ledger ${ledger.trialBalance === 0 && ledger.unbalanced.length === 0 ? "balanced" : "NOT balanced"} — ${pass ? "PASS" : "FAIL"}`;
  return {
    provider,
    snapshot: taken.figures,
    restored,
    restoredUrl: restoreUrl,
    backupFile: taken.file,
    backupBytes: taken.bytes,
    writtenDuringBackup: after - before,
    writerPostsInCopy: k,
    problems,
    pass,
    line,
  };
}

/** The SQLite leg in a temporary directory; `cleanup` removes it (call it after looking at the result). */
export async function runSqliteBackupDrill(): Promise<BackupDrillResult & { cleanup: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-backup-drill-"));
  const cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const source = `file:${path.join(dir, "source.db")}`;
    await applyMigrations(source);
    const result = await runBackupDrill(source, `file:${path.join(dir, "restored.db")}`, path.join(dir, "backup.db"));
    return { ...result, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

function databaseOn(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer(baseUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** The PostgreSQL leg: two databases made on the server at `baseUrl`; `cleanup` drops them. */
export async function runPostgresBackupDrill(baseUrl: string): Promise<BackupDrillResult & { cleanup: () => Promise<void> }> {
  const name = `hh_drill_${randomBytes(4).toString("hex")}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-backup-drill-"));
  const cleanup = async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const db of [`${name}_source`, `${name}_restored`]) await onServer(baseUrl, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  };
  try {
    await onServer(baseUrl, `CREATE DATABASE ${name}_source`);
    await onServer(baseUrl, `CREATE DATABASE ${name}_restored`);
    const source = databaseOn(baseUrl, `${name}_source`);
    await applyMigrations(source);
    const result = await runBackupDrill(source, databaseOn(baseUrl, `${name}_restored`), path.join(dir, "backup.dump"));
    return { ...result, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

function report(result: BackupDrillResult): void {
  console.log(`  backup ${path.basename(result.backupFile)}: ${result.backupBytes} bytes; snapshot ${totalRows(result.snapshot)} rows`);
  console.log(`  ledger totals at the backup moment (pence): ${Object.entries(result.snapshot.ledger).map(([c, n]) => `${c} ${n}`).join(", ")}`);
  console.log(result.line);
  for (const problem of result.problems) console.log(`  - ${problem}`);
}

async function main(args: string[]): Promise<number> {
  const pgIndex = args.indexOf("--pg");
  const pgAsked = pgIndex >= 0;
  const pgBase = (pgAsked && args[pgIndex + 1] && !args[pgIndex + 1].startsWith("--") ? args[pgIndex + 1] : undefined) ?? process.env.TEST_PG_URL ?? (pgAsked ? "postgresql://postgres:postgres@localhost:5432/postgres" : undefined);
  let ran = 0;
  let failed = 0;
  const drill = async (run: () => ReturnType<typeof runSqliteBackupDrill>) => {
    const result = await run();
    try {
      report(result);
    } finally {
      await result.cleanup();
    }
    ran++;
    if (!result.pass) failed++;
  };

  if (prismaClientSupports("file::memory:")) {
    await drill(runSqliteBackupDrill);
  } else {
    console.log("SQLite drill: not run (this checkout's Prisma client is generated for PostgreSQL)");
  }

  if (pgBase) {
    const why = !hasTool("pg_dump") || !hasTool("pg_restore")
      ? "pg_dump and pg_restore must be on PATH"
      : !prismaClientSupports(pgBase)
        ? "this checkout's Prisma client is generated for SQLite; run it where DATABASE_URL is PostgreSQL (after npm run build) or under npm run test:pg"
        : null;
    if (why) {
      console.log(`PostgreSQL drill at ${redactUrl(pgBase)}: not run (${why})`);
      if (pgAsked) failed++;
    } else {
      await drill(() => runPostgresBackupDrill(pgBase));
    }
  }
  if (ran === 0) failed++;
  return failed > 0 ? 1 : 0;
}

runIfMain(import.meta.url, main);
