// Once per browser-test run: make sure Chromium is there, prepare a fresh demo database,
// start the built app on a free port and hand its address to the tests (inject("baseUrl")).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startTestIdp, type TestIdp } from "../helpers/oidc-provider.ts";

export const CHROMIUM = "/usr/bin/chromium";
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** the app server's database, for tests that must set up what no page can (e.g. HMRC recognition) */
    databaseUrl: string;
    chromiumPath: string;
    /** where openPageAs keeps each person's signed-in cookies for the run */
    e2eStateDir: string;
  }
}

function log(message: string) {
  console.log(`[e2e] ${message}`);
}

/** Debian's Chromium; installed here when we may (root on Debian), never silently skipped. */
function ensureChromium(): string {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && fs.existsSync("/etc/debian_version")) {
    log(`${CHROMIUM} not found: installing Debian's chromium (apt-get update && apt-get install -y chromium)`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    for (const args of [["update"], ["install", "-y", "chromium"]]) {
      const r = spawnSync("apt-get", args, { stdio: "inherit", env });
      if (r.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed (exit ${r.status ?? r.signal}); cannot run the browser tests`);
    }
    if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  }
  throw new Error(
    `The browser tests need Chromium at ${CHROMIUM}, and it is not installed.\n` +
      `Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n` +
      `(Never run "npx playwright install": it downloads a browser, which cannot work here.)`,
  );
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The app's environment: demo mode (emails to /dev/outbox), development, our database and port. */
export function appEnv(databaseUrl: string, port?: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  for (const key of ["NODE_ENV", "SENDGRID_API_KEY", "APP_URL", "TEST_PG_URL", "VITEST", "VITEST_MODE", "VITEST_POOL_ID", "VITEST_WORKER_ID"]) {
    delete env[key];
  }
  if (port) env.PORT = String(port);
  // As behind a council load balancer: each browser context sends its own X-Forwarded-For
  // (tests/e2e/support.ts), so per-IP rate limits treat the journeys as different people.
  env.TRUST_PROXY = "loopback";
  return env;
}

export async function waitForApp(url: string, server: ChildProcess, logFile: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`the app exited (${server.exitCode ?? server.signalCode}) before answering:\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
      last = `GET / answered ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not answer GET / with 200 within ${timeoutMs / 1000}s (${last}):\n${tail(logFile)}`);
}

export function tail(file: string, lines = 40): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

export default async function setup(project: TestProject) {
  const chromiumPath = ensureChromium();

  if (!fs.existsSync(path.join(ROOT, "build/index.js"))) {
    throw new Error("The browser tests run the built app, and build/index.js is missing: run `npm run build` first (npm test does).");
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-e2e-"));
  const databaseUrl = `file:${path.join(dir, "e2e.db")}`;
  const logFile = path.join(dir, "server.log");
  let server: ChildProcess | undefined;
  let idp: TestIdp | undefined;

  const stopServer = async () => {
    if (!server || server.pid === undefined || server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise<void>((r) => server!.once("exit", () => r()));
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-server!.pid!, signal); // the whole group: tsx and the node process it starts
      } catch {
        /* already gone */
      }
    };
    killGroup("SIGTERM");
    const timer = setTimeout(() => killGroup("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    log(`preparing a fresh demo database: ${databaseUrl}`);
    const prep = spawnSync(TSX, ["scripts/db-prepare.ts"], { cwd: ROOT, env: appEnv(databaseUrl), encoding: "utf8" });
    if (prep.status !== 0) {
      throw new Error(`scripts/db-prepare.ts failed (exit ${prep.status ?? prep.signal}):\n${prep.stdout}\n${prep.stderr}`);
    }

    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    // Staff single sign-on against a local OpenID Connect provider (tests/e2e/oidc.e2e.ts); the app's
    // own address (no APP_URL: http://localhost:<port>) is the redirect URI registered there.
    idp = await startTestIdp({ redirectUris: [`${baseUrl}/sign-in/sso/callback`] });
    log(`the test OpenID Connect provider is at ${idp.issuer}`);
    log(`starting the app: tsx server.ts on ${baseUrl} (log: ${logFile})`);
    const out = fs.openSync(logFile, "a");
    server = spawn(TSX, ["server.ts"], {
      cwd: ROOT,
      env: { ...appEnv(databaseUrl, port), ...idp.appEnv },
      stdio: ["ignore", out, out],
      detached: true, // its own process group, so teardown stops tsx and its child together
    });
    fs.closeSync(out);
    await waitForApp(`${baseUrl}/`, server, logFile);
    log(`the app is up at ${baseUrl}`);

    project.provide("baseUrl", baseUrl);
    project.provide("databaseUrl", databaseUrl);
    project.provide("chromiumPath", chromiumPath);
    const stateDir = path.join(dir, "state");
    fs.mkdirSync(stateDir);
    project.provide("e2eStateDir", stateDir);
  } catch (err) {
    await stopServer();
    await idp?.close();
    throw err;
  }

  return async () => {
    await stopServer();
    await idp?.close();
    if (process.env.E2E_KEEP_TMP) {
      log(`kept ${dir} (E2E_KEEP_TMP)`);
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}
