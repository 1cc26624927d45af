// The backup and restore drill (scripts/drill-backup.ts): SQLite, or PostgreSQL (pg_dump/pg_restore)
// when TEST_PG_URL is set. A writer process posts to the ledger while the backup is taken.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPostgresBackupDrill, runSqliteBackupDrill, type BackupDrillResult } from "../../scripts/drill-backup.ts";
import { compareFigures, figuresOf, withConnection } from "../../scripts/db-figures.ts";
import { NotFreshError, restore } from "../../scripts/restore.ts";

let result: BackupDrillResult & { cleanup: () => Promise<void> };

beforeAll(async () => {
  result = process.env.TEST_PG_URL ? await runPostgresBackupDrill(process.env.TEST_PG_URL) : await runSqliteBackupDrill();
}, 120_000);

afterAll(async () => {
  await result?.cleanup();
});

describe("backup and restore drill", () => {
  it("restores a backup taken during writes with the backup moment's rows and ledger totals", () => {
    expect(result.problems).toEqual([]);
    expect(result.pass).toBe(true);
    expect(result.writtenDuringBackup).toBeGreaterThan(0);
    expect(result.restored).toEqual(result.snapshot);
    expect(result.snapshot.tables.Person).toBe(40);
    expect(result.snapshot.tables.Pledge).toBe(25);
    // 30 seeded payroll postings plus the writer's posts up to the backup moment.
    expect(result.snapshot.tables.LedgerTransaction).toBe(30 + result.writerPostsInCopy);
    expect(Object.values(result.snapshot.ledger).reduce((a, b) => a + b, 0)).toBe(0);
    expect(result.line).toMatch(/ — PASS$/);
  });

  it("refuses to restore over a database that already holds tables", async () => {
    await expect(restore(result.backupFile, result.restoredUrl)).rejects.toBeInstanceOf(NotFreshError);
  });

  it("notices a row missing from the restored copy", async () => {
    const figures = await withConnection(result.restoredUrl, async (c) => {
      await c.run(`DELETE FROM "Pledge" WHERE "id" = 'drill-pledge-0'`);
      return figuresOf(c);
    });
    expect(compareFigures(result.snapshot, figures)).toEqual(["rows in Pledge: expected 25, found 24"]);
  });
});
