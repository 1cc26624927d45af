// pages.<page>_rps / _p95 / _errors / _ratio: the app's key pages under load on the large data set
// (prisma/seed.ts LARGE_SEED: 5,000 employees, 3,000 pledges, 500 applications) in its own fresh SQLite
// database, served by the production server (built app, `tsx server.ts`, NODE_ENV=production): autocannon,
// 20 connections for 10 s a page, after 2 s of the same load not counted (the server warming up), as a
// browser asks (text/html, gzip accepted). The pages:
//   bare           GET /ping, a constant sentence in the root layout: the stack's own ceiling, this run
//   home           GET /, anonymous
//   mygiving       GET /giving, an employee with an active pledge (Sam, the demo pledge)
//   donate         GET /donate, anonymous
//   panelqueue     GET /panel, a panel member (Priya)
//   financeperiod  GET /finance/periods/<the monthly group's open period>, finance (Morgan)
// Signed in by a Session row and its signed cookie (bench/large.ts). Each page is fetched once first and must
// answer 200 with its expected text. bare is loaded alone first (its row); then each page's 10 s are taken in
// four 2.5-s slices, each beside a 2.5-s slice of bare, the order swapped every round (bench/load.ts
// loadAlternating); _ratio = the page's requests/s ÷ bare's over its slices beside that page (the "bare req/s"
// column). n = employees.
// Goal (issue 11): each page ≥ 0.6 of bare, p95 under 50 ms, no errors.
//
// pages.donate_js_kb: the JavaScript the donate page loads (every /build/….js its HTML names: script src,
// modulepreload and the inline module script's imports), each file gzipped at level 9, summed, in KB of
// 1,024 bytes; n = files. Goal: at most 100 KB.
import { printFigure } from "./run.ts";
import { startBenchServer } from "./server.ts";
import { load, loadAlternating, type LoadResult } from "./load.ts";
import { pageJavaScript } from "./js-weight.ts";
import { LARGE_EMPLOYEES, createLargeDatabase, signIn, userIdOf } from "./large.ts";

const CONNECTIONS = 20;
const SECONDS = 10;
const WARMUP_SECONDS = 2;
/**
 * Each page's seconds are taken in this many slices, alternating with as many of bare. Even, so that bare
 * follows a page as often as a page follows bare (what a slice leaves behind, e.g. garbage to collect, then
 * falls on each side alike).
 */
const SLICES = 4;
const BROWSER = { accept: "text/html", "accept-encoding": "gzip, deflate, br" };

type Page = { name: string; path: string; cookie?: string; expect: string[] };

async function checkPage(baseUrl: string, page: Page): Promise<void> {
  const response = await fetch(baseUrl + page.path, { headers: { ...BROWSER, ...(page.cookie ? { cookie: page.cookie } : {}) }, redirect: "manual" });
  const body = await response.text();
  const missing = page.expect.filter((text) => !body.includes(text));
  if (response.status !== 200 || missing.length > 0) {
    throw new Error(`${page.name} (${page.path}) answered ${response.status}${missing.length ? ` without ${missing.map((t) => JSON.stringify(t)).join(", ")}` : ""}`);
  }
}

function printTable(rows: { page: Page; result: LoadResult; bare: number; ratio: number }[]): void {
  const header = ["page", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "bare req/s", "ratio"];
  const lines = rows.map(({ page, result, bare, ratio }) => [
    page.name,
    String(result.rps),
    result.p50.toFixed(2),
    result.p95.toFixed(2),
    result.p99.toFixed(2),
    String(result.errors),
    String(Math.round(bare)),
    ratio.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(`\npages: ${CONNECTIONS} connections × ${SECONDS} s each, production server, large data set (n=${LARGE_EMPLOYEES} employees)`);
  console.log(format(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const line of lines) console.log(format(line));
  console.log("");
}

export default async function run(): Promise<void> {
  const database = await createLargeDatabase("pages");
  const { url, client, cleanup, openPeriodId } = database;
  const server = await startBenchServer(url, {}, { production: true });
  const { baseUrl } = server;
  try {
    console.log(`pages: seeded the large data set in ${(database.seedMs / 1000).toFixed(1)} s`);
    const [sam, priya, finance] = await signIn(url, [
      await userIdOf(client, "sam.patel@council.example"),
      await userIdOf(client, "priya.shah@council.example"),
      await userIdOf(client, "fin.officer@council.example"),
    ]);
    const period = await client.payPeriod.findUniqueOrThrow({ where: { id: openPeriodId }, select: { label: true } });
    const pages: Page[] = [
      { name: "bare", path: "/ping", expect: ["Helping Hands is running."] },
      { name: "home", path: "/", expect: ["staff and public giving for the children in our care"] },
      { name: "mygiving", path: "/giving", cookie: sam, expect: ["My giving", 'data-testid="current-pledge"', "£5"] },
      { name: "donate", path: "/donate", expect: ["How much would you like to give?"] },
      { name: "panelqueue", path: "/panel", cookie: priya, expect: ["Applications with the panel", "SA-Z"] },
      { name: "financeperiod", path: `/finance/periods/${openPeriodId}`, cookie: finance, expect: [period.label, "Monthly salaried"] },
    ];

    // BENCH_PAGES=mygiving,panelqueue loads only those pages (and bare, for the ratio): for profiling one page.
    const only = process.env.BENCH_PAGES?.split(",").map((name) => name.trim());
    if (only) pages.splice(0, pages.length, ...pages.filter((page) => page.name === "bare" || only.includes(page.name)));

    await server.ready();
    for (const page of pages) await checkPage(baseUrl, page);

    const loadOptions = (page: Page, warmupSeconds = WARMUP_SECONDS) => ({
      url: baseUrl + page.path,
      connections: CONNECTIONS,
      seconds: SECONDS,
      warmupSeconds,
      headers: { ...BROWSER, ...(page.cookie ? { cookie: page.cookie } : {}) },
    });
    // This VM's speed drifts by tens of percent within a minute: a page measured in one 10-s run and bare in
    // another would make the ratio a measure of the drift as much as of the page. Alternating short slices of
    // the two share the drift between them.
    const [barePage, ...others] = pages;
    const bareRuns = [await load(loadOptions(barePage))];
    const results: { page: Page; result: LoadResult; bare: number }[] = [{ page: barePage, result: bareRuns[0], bare: bareRuns[0].rps }];
    for (const page of others) {
      const [result, bare] = await loadAlternating(loadOptions(page), loadOptions(barePage, 0), SLICES);
      bareRuns.push(bare);
      results.push({ page, result, bare: bare.rps });
    }
    const rows = results.map((r) => ({ ...r, ratio: r.bare > 0 ? Math.round((r.result.rps / r.bare) * 100) / 100 : 0 }));
    printTable(rows);
    const bareErrors = bareRuns.reduce((n, r) => n + r.errors, 0);
    console.log(`bare alone, then beside each page: ${bareRuns.map((r) => r.rps).join(", ")} req/s; errors ${bareErrors}\n`);
    for (const { page, result, ratio } of rows) {
      if (result.errors > 0) console.error(`bench pages: ${page.name}: ${result.errors} of ${result.requests} requests failed or were not 2xx (${JSON.stringify(result.statuses)})`);
      printFigure("pages", `${page.name}_rps`, result.rps, "req/s", LARGE_EMPLOYEES);
      printFigure("pages", `${page.name}_p95`, result.p95, "ms", LARGE_EMPLOYEES);
      const errors = page === barePage ? bareErrors : result.errors; // bare: every run
      printFigure("pages", `${page.name}_errors`, errors, "requests", LARGE_EMPLOYEES);
      printFigure("pages", `${page.name}_ratio`, ratio, "x bare", LARGE_EMPLOYEES);
    }

    const js = await pageJavaScript(baseUrl, "/donate");
    for (const f of js.files) console.log(`  ${f.url}  ${(f.raw / 1024).toFixed(1)} KB, ${(f.gzipped / 1024).toFixed(1)} KB gzipped`);
    printFigure("pages", "donate_js_kb", js.kb, "KB gzipped", js.files.length);
  } finally {
    await server.stop();
    await cleanup();
  }
}
