// WEB_CONCURRENCY > 1 (server.ts): worker processes share the port, and a worker that dies is replaced
// while the others keep answering. Runs the real server.ts (needs `npx remix build` first).
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/db";
import { freePort } from "../helpers/server";

const database = useTestDatabase();
let primary: ChildProcess;
let baseUrl = "";

/** The worker processes' ids: the primary's children running server.ts (tsx may also start an esbuild child). */
function workerPids(): number[] {
  try {
    return execFileSync("pgrep", ["-P", String(primary.pid), "-f", "server\\.ts"]).toString().trim().split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** GET /healthz on a fresh connection (never a kept-alive one to a worker that has gone), within 5 s. */
async function health(): Promise<number | string> {
  return fetch(`${baseUrl}/healthz`, { headers: { connection: "close" }, signal: AbortSignal.timeout(5_000) }).then(
    (res) => res.status,
    (error: unknown) => String(error),
  );
}

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  primary = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: path.resolve("."),
    env: { ...process.env, NODE_ENV: "development", PORT: String(port), DATABASE_URL: database.url(), WEB_CONCURRENCY: "2", LOG_LEVEL: "silent" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await until("the workers to listen", async () => ((await fetch(`${baseUrl}/healthz`).catch(() => null))?.ok ? true : undefined));
}, 60_000);

afterAll(async () => {
  if (primary && primary.exitCode === null) {
    primary.kill("SIGTERM");
    await new Promise((r) => primary.once("exit", r));
  }
});

describe("several worker processes on one port", () => {
  it("starts WEB_CONCURRENCY workers and replaces one that is killed", async () => {
    const before = await until("two workers", () => (workerPids().length === 2 ? workerPids() : undefined));
    process.kill(before[0], "SIGKILL");
    // (A request handed to the worker as it died is lost with it, as on any crash; the primary then
    // stops sending it any, and starts another.)
    const after = await until("a replacement worker", () => {
      const pids = workerPids();
      return pids.length === 2 && !pids.includes(before[0]) ? pids : undefined;
    });
    expect(after).toContain(before[1]);
    for (let i = 0; i < 6; i++) expect(await health()).toBe(200);
  }, 60_000);

  it("stops every worker when the primary is told to stop", async () => {
    const pids = workerPids();
    expect(pids).toHaveLength(2);
    primary.kill("SIGTERM");
    await until("the primary to exit", () => (primary.exitCode !== null ? true : undefined));
    expect(primary.exitCode).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  }, 60_000);
});
