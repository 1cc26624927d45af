// Job locks (several app servers, docs/decisions/0019-several-app-servers.md): of two runs at once only one
// does the job, an expired lease is taken over, a release (also after a thrown error) lets the next run
// in, and a holder only ever releases its own lease. Runs on SQLite and, under npm run test:pg, PostgreSQL.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { acquireJobLock, releaseJobLock, runLockedJob, withJobLock } from "~/services/job-lock.server";

const database = useTestDatabase();

const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const lockRow = (name: string) => db().jobLock.findUnique({ where: { name } });

describe("withJobLock", () => {
  it("of two concurrent runs, exactly one runs the job; the other is told it did not", async () => {
    let runs = 0;
    const job = async () => {
      runs += 1;
      await sleep(200); // still running when the other call tries
      return "done";
    };
    const results = await Promise.all([withJobLock("race", MINUTE, job), withJobLock("race", MINUTE, job)]);
    expect(runs).toBe(1);
    expect(results.filter((r) => r.ran)).toEqual([{ ran: true, value: "done" }]);
    expect(results.filter((r) => !r.ran)).toEqual([{ ran: false }]);
    expect(await lockRow("race")).toBeNull(); // released at the end
  });

  it("skips while another server holds a lease that has not run out", async () => {
    await db().jobLock.create({ data: { name: "held", holder: "other-host:1:abc", lockedUntil: new Date(Date.now() + MINUTE) } });
    let ran = false;
    expect(await withJobLock("held", MINUTE, async () => (ran = true))).toEqual({ ran: false });
    expect(ran).toBe(false);
    expect(await runLockedJob("held", async () => "held: did it")).toBe("held: skipped, another server is running it");
    // Skipping does not touch the other server's lease.
    expect(await lockRow("held")).toMatchObject({ holder: "other-host:1:abc" });
  });

  it("takes over an expired lease (a holder that died), and the dead holder cannot release ours", async () => {
    await db().jobLock.create({ data: { name: "stale", holder: "dead-host:9:zzz", lockedUntil: new Date(Date.now() - 1000) } });
    let holderWhileRunning: string | undefined;
    const result = await withJobLock("stale", MINUTE, async () => {
      const row = await lockRow("stale");
      holderWhileRunning = row?.holder;
      expect(row!.lockedUntil.getTime()).toBeGreaterThan(Date.now());
      // The old holder waking up and releasing "its" lease must not free ours.
      await releaseJobLock("stale", "dead-host:9:zzz");
      expect(await lockRow("stale")).not.toBeNull();
      return 42;
    });
    expect(result).toEqual({ ran: true, value: 42 });
    expect(holderWhileRunning).toMatch(/^.+:\d+:[0-9a-f]{12}$/);
    expect(holderWhileRunning).not.toBe("dead-host:9:zzz");
    expect(await lockRow("stale")).toBeNull();
  });

  it("a release lets the next run in", async () => {
    const first = await withJobLock("sequence", MINUTE, async () => "first");
    const second = await withJobLock("sequence", MINUTE, async () => "second");
    expect([first, second]).toEqual([
      { ran: true, value: "first" },
      { ran: true, value: "second" },
    ]);
  });

  it("a job that throws gives the lease back and its error is passed on", async () => {
    await expect(
      withJobLock("fails", MINUTE, async () => {
        throw new Error("mail server down");
      }),
    ).rejects.toThrow("mail server down");
    expect(await lockRow("fails")).toBeNull();
    expect(await withJobLock("fails", MINUTE, async () => "again")).toEqual({ ran: true, value: "again" });
  });

  it("acquire: a free name is taken once; the lease is released only by its holder", async () => {
    expect(await acquireJobLock("low-level", "a", MINUTE)).toBe(true);
    expect(await acquireJobLock("low-level", "b", MINUTE)).toBe(false);
    await releaseJobLock("low-level", "b");
    expect(await acquireJobLock("low-level", "b", MINUTE)).toBe(false);
    await releaseJobLock("low-level", "a");
    expect(await acquireJobLock("low-level", "b", MINUTE)).toBe(true);
    // Runs out by the taker's clock: an hour later "c" takes it over.
    expect(await acquireJobLock("low-level", "c", MINUTE, { now: () => new Date(Date.now() + 60 * MINUTE) })).toBe(true);
    expect(await lockRow("low-level")).toMatchObject({ holder: "c" });
  });
});

/** Runs a job script (e.g. `npm run jobs:follow-ups`) as a separate process (another server's cron) against the test database. */
function runScript(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url(), LOG_LEVEL: "silent" };
    delete env.TEST_PG_URL;
    const child = spawn(path.resolve("node_modules/.bin/tsx"), [script], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the job scripts take the lock", () => {
  it("a job script on another server skips while this one holds the lease, and runs once it is free", async () => {
    await db().jobLock.create({ data: { name: "follow-ups", holder: "server-a:1:aaa", lockedUntil: new Date(Date.now() + MINUTE) } });
    const skipped = await runScript("scripts/follow-ups.ts");
    expect(skipped.stdout.trim(), skipped.stderr).toBe("follow-ups: skipped, another server is running it");
    expect(skipped.code).toBe(0);

    await releaseJobLock("follow-ups", "server-a:1:aaa");
    const ran = await runScript("scripts/follow-ups.ts");
    expect(ran.stdout.trim(), ran.stderr).toMatch(/^follow-ups sent: \d+$/);
    expect(await lockRow("follow-ups")).toBeNull();
  }, 60_000);
});
