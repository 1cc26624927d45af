// Two app servers on one database (docs/decisions/0019-several-app-servers.md): this file starts its own
// fresh, seeded database (PostgreSQL when TEST_PG_URL is set, as under npm run test:pg; else a SQLite
// file in WAL mode), two processes of the built server (server.ts) on it, and a round-robin proxy in
// front of them, and drives journeys through the proxy whose steps land on different servers: a sign-in
// code asked for on one and entered on the other, a regular gift set up in steps, a card gift.
// Anything kept in one process's memory between steps (a session, a draft, a pending sign-in) fails here.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { createTestDatabase } from "../helpers/db";
import { appEnv, freePort, tail, waitForApp } from "./global-setup.ts";
import { arrive, checkA11y, seen, signInAs, useBrowser, visit } from "./support.ts";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const ALEX = "alex.morgan@council.example";
// Every server must share the secret that signs cookies (sessions, drafts, the pending sign-in).
const SHARED_SECRET = "two-servers-e2e-shared-session-secret-0123456789";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// Hop-by-hop headers belong to one connection and are not passed on (RFC 9110 §7.6.1).
const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"];

type AppProcess = { url: string; stop: () => Promise<void> };

/** `tsx server.ts` on a free port against `databaseUrl`, in its own process group; resolves once /healthz says ok. */
async function startApp(name: string, databaseUrl: string, dir: string): Promise<AppProcess> {
  const port = await freePort();
  const logFile = path.join(dir, `${name}.log`);
  const out = fs.openSync(logFile, "a");
  const child: ChildProcess = spawn(TSX, ["server.ts"], {
    cwd: ROOT,
    env: { ...appEnv(databaseUrl, port), SESSION_SECRET: SHARED_SECRET },
    stdio: ["ignore", out, out],
    detached: true, // its own group, so stopping it stops tsx and the node process it starts
  });
  fs.closeSync(out);
  const stop = async () => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        /* already gone */
      }
    };
    killGroup("SIGTERM");
    const timer = setTimeout(() => killGroup("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForApp(`${url}/healthz`, child, logFile);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop };
}

type Hop = { method: string; path: string; upstream: number; signedIn: boolean };

/**
 * A load balancer for the test: passes each request (method, headers, body) to the next upstream in
 * turn and adds X-Forwarded-For/-Proto/-Host as a real one would. Reads and writes take turns separately,
 * so consecutive form posts of a journey always land on different servers, whatever number of page,
 * asset and data requests come between them. `hops` records who answered what.
 */
async function startProxy(upstreams: string[]): Promise<{ url: string; hops: Hop[]; close: () => Promise<void> }> {
  const hops: Hop[] = [];
  const turn = { read: 0, write: 0 };
  const server = http.createServer((req, res) => {
    const method = req.method ?? "GET";
    const upstream = SAFE_METHODS.has(method) ? turn.read++ % upstreams.length : turn.write++ % upstreams.length;
    const target = new URL(upstreams[upstream]);
    hops.push({ method, path: (req.url ?? "/").split("?")[0], upstream, signedIn: /(?:^|;\s*)hh_session=/.test(req.headers.cookie ?? "") });

    const headers: http.OutgoingHttpHeaders = { ...req.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    const client = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
    headers["x-forwarded-for"] = [req.headers["x-forwarded-for"], client].filter(Boolean).join(", ");
    headers["x-forwarded-proto"] = "http";
    headers["x-forwarded-host"] = req.headers.host;

    const forward = http.request({ host: target.hostname, port: target.port, method, path: req.url, headers }, (answer) => {
      const back: http.OutgoingHttpHeaders = { ...answer.headers };
      for (const name of HOP_BY_HOP) delete back[name];
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, back);
      answer.pipe(res);
    });
    forward.on("error", (err) => {
      if (!res.headersSent) res.writeHead(502, { "Content-Type": "text/plain" });
      res.end(`proxy: upstream ${upstream} failed: ${err.message}`);
    });
    req.pipe(forward);
  });
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hops,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const browser = useBrowser();
const main = (page: Page) => page.getByRole("main");

let dir: string;
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
const apps: AppProcess[] = [];
let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, "build/index.js"))) throw new Error("build/index.js is missing: run `npm run build` first");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hh-two-servers-"));
  database = await createTestDatabase(); // a new database on TEST_PG_URL's server, or a SQLite file; migrated
  const prep = spawnSync(TSX, ["scripts/db-prepare.ts"], { cwd: ROOT, env: appEnv(database.url), encoding: "utf8" });
  if (prep.status !== 0) throw new Error(`seeding the demo failed (exit ${prep.status ?? prep.signal}):\n${prep.stdout}\n${prep.stderr}`);
  try {
    for (const name of ["server-a", "server-b"]) apps.push(await startApp(name, database.url, dir));
  } catch (err) {
    throw new Error(`${(err as Error).message}\n(logs in ${dir}: ${fs.readdirSync(dir).join(", ")})\n${tail(path.join(dir, "server-a.log"), 10)}`);
  }
  proxy = await startProxy(apps.map((a) => a.url));
});

afterAll(async () => {
  await proxy?.close();
  await Promise.all(apps.map((a) => a.stop()));
  await database?.drop();
  if (dir && !process.env.E2E_KEEP_TMP) fs.rmSync(dir, { recursive: true, force: true });
});

const openPage = (storageState?: string) => browser.openPage({ baseUrl: proxy!.url, storageState });
/** The hops since `from`: the form posts only, as "METHOD /path@upstream". */
const postsSince = (from: number) => proxy!.hops.slice(from).filter((h) => !SAFE_METHODS.has(h.method));
/** True when no two consecutive entries were answered by the same server. */
const alternates = (hops: Hop[]) => hops.every((h, i) => i === 0 || h.upstream !== hops[i - 1].upstream);

describe("two app servers on one database, behind a round-robin proxy", () => {
  const alexState = () => path.join(dir, "alex.json"); // Alex's cookies, for the next journey

  it("a sign-in code asked for on one server signs you in on the other, and both know the session", async () => {
    const from = proxy!.hops.length;
    const alex = await openPage();
    await signInAs(alex, ALEX); // asks for the code, reads it in the outbox (the database), enters it
    await seen(alex.getByRole("banner").getByText("Signed in as Alex"));

    const posts = postsSince(from);
    const asked = posts.find((h) => h.path === "/sign-in");
    const entered = posts.find((h) => h.path === "/sign-in/code");
    expect(asked, "the code request went through the proxy").toBeDefined();
    expect(entered, "the code entry went through the proxy").toBeDefined();
    expect(entered!.upstream).not.toBe(asked!.upstream);

    // Page after page, alternately answered by each server: still signed in.
    for (const page of ["/", "/giving", "/", "/giving"]) {
      await visit(alex, page);
      await seen(alex.getByRole("banner").getByText("Signed in as Alex"));
    }
    const signedInReads = proxy!.hops.slice(from).filter((h) => h.signedIn && h.method === "GET");
    expect(new Set(signedInReads.map((h) => h.upstream))).toEqual(new Set([0, 1]));
    await alex.context().storageState({ path: alexState() });
  });

  it("a regular gift from pay is set up in steps answered by different servers", async () => {
    const from = proxy!.hops.length;
    const alex = await openPage(alexState());
    await visit(alex, "/giving");
    await seen(main(alex).getByText("You do not give from your pay at the moment."));
    await main(alex).getByRole("link", { name: "Give from your pay" }).click();

    await arrive(alex, "/giving/pledge/amount", "How much do you want to give each pay period?");
    await alex.getByLabel("How much do you want to give each pay period?").fill("7");
    await alex.getByRole("button", { name: "Continue" }).click();
    await arrive(alex, "/giving/pledge/message", "Do you want to add a message to your gift? (optional)");
    await alex.getByLabel("Do you want to add a message to your gift? (optional)").fill("From two servers");
    await alex.getByRole("button", { name: "Continue" }).click();
    await arrive(alex, "/giving/pledge/check", "Check your answers before setting up your gift");
    // The answers were kept between steps answered by different servers.
    await seen(alex.getByTestId("check-answers").getByText("£7", { exact: true }));
    await seen(alex.getByTestId("check-answers").getByText("From two servers"));
    await alex.getByRole("button", { name: "Confirm and set up" }).click();
    await arrive(alex, "/giving/pledge/done", "Regular gift set up");
    await seen(alex.getByTestId("confirmation-panel").getByText("Your regular gift of £7 each pay period starts from"));

    const posts = postsSince(from);
    expect(posts.map((h) => h.path)).toEqual(["/giving/pledge/amount", "/giving/pledge/message", "/giving/pledge/check"]);
    expect(alternates(posts)).toBe(true);

    // Whichever server answers My giving now, the gift is there.
    for (let i = 0; i < 2; i++) {
      await visit(alex, "/giving");
      await seen(alex.getByTestId("current-pledge").getByText("Active", { exact: true }));
    }
  });

  it("a card gift: amount, details, check and the test checkout each on the other server than the step before", async () => {
    const from = proxy!.hops.length;
    const page = await openPage();
    await visit(page, "/campaigns/a-book-for-each-child-in-our-care");
    await main(page).getByRole("link", { name: "Give to this campaign" }).click();

    await arrive(page, "/donate", "How much would you like to give?");
    await page.getByLabel("£10", { exact: true }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await arrive(page, "/donate/details", "Your details");
    await page.getByLabel("Full name").fill("Sam Twoservers");
    await page.getByLabel("Email address").fill("sam.twoservers@example.com");
    await page.getByRole("button", { name: "Continue" }).click();
    // The demo fund is not HMRC-recognised, so there is no Gift Aid step.
    await arrive(page, "/donate/check", "Check your answers before you pay");
    await seen(page.getByTestId("check-answers").getByText("£10", { exact: true }));
    await seen(page.getByTestId("check-answers").getByText("Sam Twoservers"));
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await arrive(page, /\/dev\/checkout\//, "Test checkout — no real payment");
    await page.getByRole("button", { name: "Pay (test)" }).click();
    await arrive(page, /\/donate\/thank-you\//, "Thank you, your gift of £10 has been received");

    const posts = postsSince(from);
    expect(posts.map((h) => h.path.replace(/\/dev\/checkout\/.+/, "/dev/checkout/…"))).toEqual(["/donate", "/donate/details", "/donate/check", "/dev/checkout/…"]);
    expect(alternates(posts)).toBe(true);
    await checkA11y(page);
  });

  it("each server answered a share of the requests", () => {
    const served = [0, 1].map((u) => proxy!.hops.filter((h) => h.upstream === u).length);
    const posted = [0, 1].map((u) => proxy!.hops.filter((h) => h.upstream === u && !SAFE_METHODS.has(h.method)).length);
    console.log(`[two-servers] requests answered: server A ${served[0]}, server B ${served[1]}; form posts: A ${posted[0]}, B ${posted[1]}`);
    for (const u of [0, 1]) {
      expect(served[u]).toBeGreaterThan(10);
      expect(posted[u]).toBeGreaterThanOrEqual(3);
    }
  });
});
