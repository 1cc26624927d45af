// panel.queue_p95 / panel.application_p95: the panel's queue page (/panel) and one application's
// pseudonymised page, under load (20 connections, ~5 s each after 2 s of warm-up, autocannon) on the running server
// (built app, `tsx server.ts`, its own fresh SQLite database) with 500 applications with the panel,
// five panel members and some declarations and reviews. A panel member is signed in by a Session
// row and its signed cookie, as tests/helpers/server.ts does. Goal: p95 under 50 ms.
// panel.queue_uncached_p95: the queue again with its cache off (the panel data's counter removed, so every
// view reads the database, as the first view after a write does): what a panel that writes all the time gets.
import { createBenchDatabase, printFigure } from "./run.ts";
import { BENCH_SESSION_SECRET, startBenchServer } from "./server.ts";
import { load } from "./load.ts";
import { resetEnvForTests } from "~/utils/env.server";
import { startSession } from "~/utils/session.server";
import { disconnectDb } from "~/db.server";

const APPLICATIONS = 500;
const MEMBERS = 5;
const CONNECTIONS = 20;
const SECONDS = 5;
const WARMUP_SECONDS = 2;

export default async function run(): Promise<void> {
  const { url, client, cleanup } = await createBenchDatabase("panel");
  const server = await startBenchServer(url, {}, { production: true });
  const { baseUrl } = server;
  try {
    await client.organisationSettings.create({ data: { id: 1, councilName: "Bench Council", fundName: "Bench Fund", panelQuorum: 3 } });
    const people = [
      ...Array.from({ length: MEMBERS }, (_, i) => ({ id: `member-${i}`, firstName: `Member${i}`, lastName: "Panel", email: `member${i}@bench.example` })),
      { id: "coordinator", firstName: "Chris", lastName: "Coordinator", email: "coordinator@bench.example" },
      ...Array.from({ length: APPLICATIONS }, (_, i) => ({ id: `young-${i}`, firstName: `Young${i}`, lastName: `Person${i}`, email: `young${i}@bench.example` })),
    ];
    await client.person.createMany({ data: people });
    await client.user.createMany({ data: people.map((p) => ({ id: p.id, personId: p.id, email: p.email })) });
    await client.userRole.createMany({
      data: people.map((p) => ({ userId: p.id, role: p.id.startsWith("member") ? "panel" : p.id === "coordinator" ? "coordinator" : "young_person" })),
    });
    await client.termsOfReference.create({
      data: { version: 1, funds: "Laptops", doesNotFund: "Rent", maxAwardPence: 100_000, decisionDates: "Monthly", giveBack: "Help at an event", criteria: "Clear need\nLasting difference\nValue for money", publishedAt: new Date(), publishedById: "coordinator" },
    });
    const day = 86_400_000;
    await client.supportApplication.createMany({
      data: Array.from({ length: APPLICATIONS }, (_, i) => ({
        id: `app-${i}`,
        reference: `SA-B${String(i).padStart(5, "0")}`,
        youngPersonId: `young-${i}`,
        createdById: `young-${i}`,
        status: "with_panel",
        category: "education_equipment",
        purpose: "A laptop for my college course",
        amountPence: 30_000 + (i % 50) * 1_000,
        whyItMatters: "I cannot do my coursework without one",
        entitlementCovers: "no",
        submittedAt: new Date(Date.now() - (APPLICATIONS - i) * day),
        screenedAt: new Date(),
      })),
    });
    // Member 0 (the one signed in) has declared on every other application; others on a third; some scored.
    const declarations: { applicationId: string; memberId: string; conflict: boolean }[] = [];
    const reviews: { applicationId: string; memberId: string; scores: string; recommendation: string; comment: string }[] = [];
    const scores = JSON.stringify([
      { criterion: "Clear need", score: 4 },
      { criterion: "Lasting difference", score: 4 },
      { criterion: "Value for money", score: 3 },
    ]);
    for (let i = 0; i < APPLICATIONS; i++) {
      for (let m = 0; m < MEMBERS; m++) {
        if (!(m === 0 ? i % 2 === 0 : (i + m) % 3 === 0)) continue;
        const conflict = m !== 0 && i % 17 === 0;
        declarations.push({ applicationId: `app-${i}`, memberId: `member-${m}`, conflict });
        if (!conflict && i % 4 === 0) reviews.push({ applicationId: `app-${i}`, memberId: `member-${m}`, scores, recommendation: "approve", comment: "A clear need." });
      }
    }
    await client.panelConflict.createMany({ data: declarations });
    await client.panelReview.createMany({ data: reviews.map((r) => ({ ...r, termsVersion: 1 })) });

    // The session, as tests/helpers/server.ts makes it: a Session row and its signed cookie.
    process.env.DATABASE_URL = url;
    process.env.SESSION_SECRET = BENCH_SESSION_SECRET;
    resetEnvForTests();
    const cookie = (await startSession("member-0")).split(";")[0];
    await disconnectDb();

    await server.ready();
    const check = await fetch(`${baseUrl}/panel/applications/app-0`, { headers: { cookie } });
    const body = await check.text();
    if (check.status !== 200 || !body.includes("Young0")) throw new Error(`the application page answered ${check.status} without the pseudonymised view`);

    const options = { connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, headers: { cookie } };
    const queue = await load({ url: `${baseUrl}/panel`, ...options });
    const application = await load({ url: `${baseUrl}/panel/applications/app-0`, ...options });
    await client.$executeRaw`DELETE FROM "DataVersion" WHERE "name" = 'panel'`;
    const uncached = await load({ url: `${baseUrl}/panel`, ...options });
    for (const [name, r] of [["queue", queue], ["application", application], ["queue, uncached", uncached]] as const) {
      console.log(`panel: ${name}: ${r.rps} req/s, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, ${r.errors} errors`);
      if (r.errors > 0) console.error(`bench panel: ${r.errors} of ${r.requests} ${name} requests failed or were not 2xx`);
    }
    printFigure("panel", "queue_p95", queue.p95, "ms", APPLICATIONS);
    printFigure("panel", "application_p95", application.p95, "ms", APPLICATIONS);
    printFigure("panel", "queue_uncached_p95", uncached.p95, "ms", APPLICATIONS);
  } finally {
    await server.stop();
    await cleanup();
  }
}
