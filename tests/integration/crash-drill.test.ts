// The crash drill (scripts/drill-crash.ts) on a fresh database: SQLite, or PostgreSQL when TEST_PG_URL
// is set. A child process posts card gifts through the ledger service and is killed with SIGKILL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../helpers/db";
import { runCrashDrill, verifyCrash, type CrashDrillResult } from "../../scripts/drill-crash.ts";
import { withConnection } from "../../scripts/db-figures.ts";

const PREFIX = "crash-test";
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let result: CrashDrillResult;

beforeAll(async () => {
  database = await createTestDatabase();
  result = await runCrashDrill({ url: database.url, writes: 400, killAfter: 60, prefix: PREFIX });
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

const reportedRefs = () => Array.from({ length: result.reported }, (_, i) => `${PREFIX}:${i}`);

describe("crash drill", () => {
  it("kills the writer part-way and finds every reported commit in a sound, balanced ledger", () => {
    expect(result.problems).toEqual([]);
    expect(result.killed).toBe(true);
    expect(result.reported).toBeGreaterThanOrEqual(60);
    expect(result.reported).toBeLessThan(400);
    expect(result.found).toBe(result.reported);
    expect(result.missing).toEqual([]);
    expect(result.extra.length).toBeLessThanOrEqual(1);
    expect(result.ledger.unbalanced).toEqual([]);
    expect(result.ledger.trialBalance).toBe(0);
    expect(result.ledger.transactions).toBe(result.reported + result.extra.length);
    if (result.integrity !== null) expect(result.integrity).toBe("ok");
    expect(result.line).toMatch(/^crash drill: killed after \d+ committed writes; \d+ found, 0 missing, .* — PASS$/);
  });

  it("reports a commit the writer reported that the database does not hold", async () => {
    const lost = `${PREFIX}:${result.reported + 7}`;
    const check = await verifyCrash(database.url, [...reportedRefs(), lost], PREFIX);
    expect(check.missing).toEqual([lost]);
    expect(check.problems.some((p) => p.startsWith("1 reported commits are missing"))).toBe(true);
  });

  it("reports posts in the database the writer never reported, beyond the one in flight", async () => {
    const check = await verifyCrash(database.url, reportedRefs().slice(0, -2), PREFIX);
    expect(check.extra.length).toBeGreaterThanOrEqual(2);
    expect(check.problems.some((p) => p.startsWith("unreported posts in the database"))).toBe(true);
  });

  it("reports a transaction whose entries do not balance", async () => {
    // INSERT is all the append-only triggers allow: enough to plant a one-sided transaction.
    await withConnection(database.url, async (c) => {
      await c.run(`INSERT INTO "LedgerTransaction" ("id", "kind", "description", "occurredAt", "createdAt") VALUES ('one-sided', 'test', 'one-sided', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`);
      await c.run(`INSERT INTO "LedgerEntry" ("id", "transactionId", "accountCode", "amountPence") VALUES ('one-sided-entry', 'one-sided', 'fund_bank', 100)`);
    });
    const check = await verifyCrash(database.url, reportedRefs(), PREFIX);
    expect(check.ledger.unbalanced).toEqual(["one-sided"]);
    expect(check.ledger.trialBalance).toBe(100);
    expect(check.problems).toContain("1 ledger transactions do not balance");
  });
});
