// `npm run soak`: the production server (built app, `tsx server.ts`, NODE_ENV=production) on the large data
// set (prisma/seed.ts LARGE_SEED, its own fresh SQLite database) under a mix of pages and form posts for
// 60 s at 50 connections (SOAK_SECONDS / SOAK_CONNECTIONS override, e.g. for a short CI check). Each
// connection sends, in turn:
//   GET  /                          anonymous
//   GET  /donate                    anonymous
//   GET  /impact                    anonymous (the page cache, cleared by every write below)
//   GET  /giving                    an employee with a pledge (50 employees, taking turns)
//   GET  /panel                     a panel member
//   GET  /finance/periods/<open>    finance
//   POST /donate?index              step 1 of giving by card: a valid amount → 303 to the details step
//   POST /giving-time/offer/new     an employee offers time: a TimeOffer and its audit entry → 303
//   POST /giving/amend?index        an employee's new pledge amount (kept in the journey's cookie) → 303
// The posts are plain form posts with the app's own Origin, as a browser without JavaScript sends them.
// A 2xx or 3xx answer is a success; anything else, a connection error or a timeout is an error.
//
// PASS when: no errors; every offer the server answered 303 to is in the database (and at most one more per
// connection: a post in flight when the load stops may commit without its answer being counted); and the
// server's resident memory (VmRSS of its process) grew by less than 100 MB from the first sample under load
// (10 s in) to the end. The first seconds under load grow V8's heap to its working size once (a few hundred
// MB at 50 connections and ~350 req/s), which is not a leak; flat memory is what matters after that. An
// absolute bound rather than a percentage, so that a slow leak cannot hide in a large heap. The samples printed every 10 s show whether
// memory levels off or keeps climbing. The server exposes no heap figure, so RSS is the measure. Exits 1 on FAIL.
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type autocannon from "autocannon";
import { printFigure } from "./run.ts";
import { startBenchServer } from "./server.ts";
import { load } from "./load.ts";
import { LARGE_EMPLOYEES, createLargeDatabase, signIn, userIdOf } from "./large.ts";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 50);
/** Employees with a pledge who take turns in the signed-in requests (seed-person-0…: the seeded pledges). */
const EMPLOYEES = 50;
const RSS_GROWTH_LIMIT_MB = 100;
const SAMPLE_MS = 10_000;

/** The resident memory of a process in MB (1,024 × 1,024 bytes). */
export function rssMb(pid: number): number {
  let kb: number;
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
    kb = Number(match[1]);
  } catch (error) {
    // Not Linux (no /proc): ps gives the same figure in kB.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    kb = Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim());
  }
  return Math.round((kb / 1024) * 10) / 10;
}

const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();

const OFFER: [string, string][] = [
  ["skills", "cv_help"],
  ["skills", "interview_practice"],
  ["otherSkills", ""],
  ["hoursPerMonth", "3"],
  ["availability", "wed_evening"],
  ["mode", "either"],
  ["location", "Thornaby"],
  ["frequency", "regular"],
  ["wouldMentor", "no"],
  ["managerApproved", "yes"],
  ["volunteerGender", "not_say"],
];

async function soak(): Promise<boolean> {
  const database = await createLargeDatabase("soak");
  const { url, client, cleanup, openPeriodId } = database;
  const server = await startBenchServer(url, {}, { production: true });
  const { baseUrl } = server;
  try {
    console.log(`soak: seeded the large data set in ${(database.seedMs / 1000).toFixed(1)} s`);
    const employeeIds = Array.from({ length: EMPLOYEES }, (_, i) => `seed-user-seed-person-${i}`);
    const [priya, finance, ...employees] = await signIn(url, [
      await userIdOf(client, "priya.shah@council.example"),
      await userIdOf(client, "fin.officer@council.example"),
      ...employeeIds,
    ]);
    let turn = 0;
    const asNextEmployee = (request: autocannon.Request): autocannon.Request => ({
      ...request,
      headers: { ...request.headers, cookie: employees[turn++ % employees.length] },
    });
    const browser = { accept: "text/html", "accept-encoding": "gzip, deflate, br" };
    const posted = { ...browser, origin: baseUrl, "content-type": "application/x-www-form-urlencoded" };
    let offersAnswered = 0;
    const requests: (autocannon.Request & { expect: number })[] = [
      { method: "GET", path: "/", headers: browser, expect: 200 },
      { method: "GET", path: "/donate", headers: browser, expect: 200 },
      { method: "GET", path: "/impact", headers: browser, expect: 200 },
      { method: "GET", path: "/giving", headers: browser, setupRequest: asNextEmployee, expect: 200 },
      { method: "GET", path: "/panel", headers: { ...browser, cookie: priya }, expect: 200 },
      { method: "GET", path: `/finance/periods/${openPeriodId}`, headers: { ...browser, cookie: finance }, expect: 200 },
      { method: "POST", path: "/donate?index", headers: posted, body: form([["amount", "1000"], ["campaign", "fund"]]), expect: 303 },
      {
        method: "POST",
        path: "/giving-time/offer/new",
        headers: posted,
        body: form(OFFER),
        setupRequest: asNextEmployee,
        onResponse: (status) => {
          if (status === 303) offersAnswered++;
        },
        expect: 303,
      },
      { method: "POST", path: "/giving/amend?index", headers: posted, body: form([["amount", "7.77"]]), setupRequest: asNextEmployee, expect: 303 },
    ];

    await server.ready();
    // Each request once, as the load will send it: the mix must be right before its figures mean anything.
    for (const r of requests) {
      const request = r.setupRequest ? (r.setupRequest as (q: autocannon.Request, c: object) => autocannon.Request)(r, {}) : r;
      const response = await fetch(baseUrl + request.path, { method: request.method, headers: request.headers as Record<string, string>, body: request.body as string | undefined, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status !== r.expect) throw new Error(`${request.method} ${request.path} answered ${response.status}, not ${r.expect}`);
    }
    const offersBefore = await client.timeOffer.count();

    const rssStart = rssMb(server.pid);
    const samples: string[] = [];
    const started = Date.now();
    const sampledMb: number[] = [];
    const sampler = setInterval(() => {
      const mb = rssMb(server.pid);
      sampledMb.push(mb);
      samples.push(`${Math.round((Date.now() - started) / 1000)} s ${mb} MB`);
    }, SAMPLE_MS);
    const result = await load({
      url: baseUrl,
      connections: CONNECTIONS,
      seconds: SECONDS,
      requests: requests.map(({ expect: _expect, ...r }) => r),
      ok: (status) => status >= 200 && status < 400,
    }).finally(() => clearInterval(sampler));
    const rssEnd = rssMb(server.pid);
    // Memory once warm: the first sample under load (or the start, for a run shorter than one sample).
    const rssWarm = sampledMb[0] ?? rssStart;
    const growth = rssEnd - rssWarm;
    const offersMade = (await client.timeOffer.count()) - offersBefore;

    console.log(`soak: ${CONNECTIONS} connections × ${SECONDS} s, production server, large data set (n=${LARGE_EMPLOYEES} employees)`);
    console.log(`soak: answers by status ${JSON.stringify(result.statuses)}; p50 ${result.p50} ms, p99 ${result.p99} ms`);
    console.log(`soak: server RSS ${rssStart} MB at the start, then ${samples.join(", ") || "(no samples)"}, ${rssEnd} MB at the end`);
    console.log(`soak: ${offersAnswered} time offers answered 303, ${offersMade} made in the database`);
    printFigure("soak", "requests", result.requests, "count", LARGE_EMPLOYEES);
    printFigure("soak", "errors", result.errors, "count", LARGE_EMPLOYEES);
    printFigure("soak", "rps", result.rps, "req/s", LARGE_EMPLOYEES);
    printFigure("soak", "p95", result.p95, "ms", LARGE_EMPLOYEES);
    printFigure("soak", "rss_start_mb", rssStart, "MB", LARGE_EMPLOYEES);
    printFigure("soak", "rss_warm_mb", rssWarm, "MB", LARGE_EMPLOYEES);
    printFigure("soak", "rss_end_mb", rssEnd, "MB", LARGE_EMPLOYEES);

    const failures = [
      result.requests === 0 ? "no requests were answered" : null,
      result.errors > 0 ? `${result.errors} errors (non-2xx/3xx answers, connection errors or timeouts)` : null,
      offersMade < offersAnswered || offersMade > offersAnswered + CONNECTIONS
        ? `${offersAnswered} offers answered 303 but ${offersMade} are in the database`
        : null,
      growth >= RSS_GROWTH_LIMIT_MB ? `RSS grew ${growth.toFixed(1)} MB once warm (limit ${RSS_GROWTH_LIMIT_MB} MB)` : null,
    ].filter((f): f is string => f !== null);
    console.log(failures.length === 0 ? `soak: PASS (RSS grew ${growth.toFixed(1)} MB once warm, limit ${RSS_GROWTH_LIMIT_MB} MB)` : `soak: FAIL: ${failures.join("; ")}`);
    return failures.length === 0;
  } finally {
    await server.stop();
    await cleanup();
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  soak().then(
    (passed) => process.exit(passed ? 0 : 1),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
