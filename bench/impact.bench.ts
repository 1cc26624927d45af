// impact.page_p95 / impact.page_rps / impact.page_errors: the public impact page (anonymous GET /impact,
// as a browser asks for it, gzip accepted) under load — 20 connections for 10 s, autocannon — on the
// production server (built app, `tsx server.ts`, its own fresh SQLite database) with a year of data:
// 12 months of ledger income (card gifts, payroll, Gift Aid, some reversals), 360 paid awards over five
// categories, three open campaigns with gifts, 50 stories. n = paid awards. Also impact.first_render_ms:
// one request with both caches empty (the figures computed and the page rendered by Remix), the
// cost the caches save. Goal: p95 under 50 ms.
import { createBenchDatabase, printFigure } from "./run.ts";
import { startBenchServer } from "./server.ts";
import { load, ms2 } from "./load.ts";
import { ukDayKey } from "~/domain/gift-aid/schedule";

const CONNECTIONS = 20;
const SECONDS = 10;
const MONTHS = 12;
const CARD_GIFTS_PER_MONTH = 400;
const AWARDS = 360;
const STORIES = 50;
const CAMPAIGNS = 3;
const CATEGORIES = ["education_equipment", "driving_lessons", "setting_up_home", "training_and_jobs", "other"];
const DAY = 86_400_000;

type Client = Awaited<ReturnType<typeof createBenchDatabase>>["client"];

async function seed(client: Client, now: Date): Promise<void> {
  await client.organisationSettings.create({
    data: { id: 1, councilName: "Bench Council", fundName: "Bench Fund" },
  });
  const people = [
    {
      id: "coordinator",
      firstName: "Chris",
      lastName: "Coordinator",
      email: "coordinator@bench.example",
    },
    ...Array.from({ length: AWARDS }, (_, i) => ({
      id: `young-${i}`,
      firstName: `Young${i}`,
      lastName: `Person${i}`,
      email: `young${i}@bench.example`,
    })),
  ];
  await client.person.createMany({ data: people });
  await client.user.createMany({
    data: people.map((p) => ({ id: p.id, personId: p.id, email: p.email })),
  });
  await client.userRole.createMany({
    data: people.map((p) => ({
      userId: p.id,
      role: p.id === "coordinator" ? "coordinator" : "young_person",
    })),
  });

  // Ledger income: every day-offset stays inside the last 12 UK months (at most 11 × 28 + 27 days back).
  const at = (month: number, k: number) => new Date(now.getTime() - (month * 28 + (k % 28)) * DAY - 3_600_000);
  const transactions: {
    id: string;
    kind: string;
    description: string;
    occurredAt: Date;
    reversesId?: string;
  }[] = [];
  const entries: {
    transactionId: string;
    accountCode: string;
    amountPence: number;
  }[] = [];
  const post = (id: string, kind: string, occurredAt: Date, debit: string, credit: string, amountPence: number, reversesId?: string) => {
    transactions.push({
      id,
      kind,
      description: kind,
      occurredAt,
      ...(reversesId ? { reversesId } : {}),
    });
    entries.push({ transactionId: id, accountCode: debit, amountPence }, { transactionId: id, accountCode: credit, amountPence: -amountPence });
  };
  for (let m = 0; m < MONTHS; m++) {
    for (let k = 0; k < CARD_GIFTS_PER_MONTH; k++) post(`card-${m}-${k}`, "card_donation", at(m, k), "fund_bank", "card_income", 1_000 + (k % 40) * 250);
    post(`payroll-m-${m}`, "payroll_deduction", at(m, 3), "fund_bank", "payroll_income", 2_450_000 + m * 1_000);
    post(`payroll-4w-${m}`, "payroll_deduction", at(m, 17), "fund_bank", "payroll_income", 1_180_000);
    post(`gift-aid-${m}`, "gift_aid_claim", at(m, 20), "gift_aid_receivable", "gift_aid_income", 96_500);
    // A refunded gift a month: the opposite entries, as reverseTransaction posts them.
    post(`reversal-${m}`, "reversal", at(m, 25), "card_income", "fund_bank", 1_000, `card-${m}-0`);
  }
  for (let i = 0; i < transactions.length; i += 1_000)
    await client.ledgerTransaction.createMany({
      data: transactions.slice(i, i + 1_000),
    });
  for (let i = 0; i < entries.length; i += 2_000) await client.ledgerEntry.createMany({ data: entries.slice(i, i + 2_000) });

  // Paid awards, spread over the months and categories (a few months pay fewer than five: "c").
  const terms = await client.termsOfReference.create({
    data: {
      version: 1,
      funds: "Laptops",
      doesNotFund: "Rent",
      maxAwardPence: 100_000,
      decisionDates: "Monthly",
      giveBack: "Help at an event",
      criteria: "Clear need",
      publishedAt: new Date(now.getTime() - 400 * DAY),
      publishedById: "coordinator",
    },
  });
  const meeting = await client.panelMeeting.create({
    data: {
      title: "Panel",
      heldOn: new Date(now.getTime() - 400 * DAY),
      mode: "meeting",
      chairId: "coordinator",
      createdById: "coordinator",
      attendeeIds: "[]",
    },
  });
  // Month 5 back pays one award (so its spending is "c"); the rest of its share goes to month 6.
  const monthOf = (i: number) => (i % MONTHS === 5 && i >= MONTHS ? 6 : i % MONTHS);
  const paidOn = (i: number) => new Date(`${ukDayKey(at(monthOf(i), i))}T00:00:00Z`);
  await client.supportApplication.createMany({
    data: Array.from({ length: AWARDS }, (_, i) => ({
      id: `app-${i}`,
      reference: `SA-B${String(i).padStart(5, "0")}`,
      youngPersonId: `young-${i}`,
      createdById: `young-${i}`,
      status: "paid",
      category: CATEGORIES[i % 7 === 6 ? 4 : i % 4],
      purpose: "A laptop for my college course",
      amountPence: 20_000 + (i % 30) * 1_000,
      whyItMatters: "I cannot do my coursework without one",
      entitlementCovers: "no",
      submittedAt: new Date(paidOn(i).getTime() - 30 * DAY),
    })),
  });
  await client.applicationDecision.createMany({
    data: Array.from({ length: AWARDS }, (_, i) => ({
      id: `decision-${i}`,
      applicationId: `app-${i}`,
      meetingId: meeting.id,
      termsId: terms.id,
      outcome: "approve",
      amountPence: 20_000 + (i % 30) * 1_000,
      reasons: "Meets the terms.",
      quorumRequired: 3,
      scoredCount: 3,
      conflictedCount: 0,
      scoredByIds: "[]",
      conflictedIds: "[]",
      decidedById: "coordinator",
      decidedAt: new Date(paidOn(i).getTime() - 14 * DAY),
    })),
  });
  await client.grantAward.createMany({
    data: Array.from({ length: AWARDS }, (_, i) => ({
      applicationId: `app-${i}`,
      decisionId: `decision-${i}`,
      amountPence: 20_000 + (i % 30) * 1_000,
      status: "paid",
      commitmentTxId: `commitment-${i}`,
      paidOn: paidOn(i),
    })),
  });

  for (let c = 0; c < CAMPAIGNS; c++) {
    await client.campaign.create({
      data: {
        id: `campaign-${c}`,
        slug: `campaign-${c}`,
        title: `Campaign ${c + 1}`,
        story: "What it is for.",
        targetKind: "money",
        targetPence: 500_000 * (c + 1),
        startsOn: new Date(now.getTime() - 60 * DAY),
        status: "open",
      },
    });
  }
  await client.donation.createMany({
    data: Array.from({ length: 1_000 }, (_, i) => ({
      reference: `HH-B${String(i).padStart(5, "0")}`,
      amountPence: 2_000 + (i % 10) * 500,
      campaignId: `campaign-${i % CAMPAIGNS}`,
      donorName: `Donor ${i}`,
      donorEmail: `donor${i}@bench.example`,
      status: "paid",
      paidAt: new Date(now.getTime() - (i % 50) * DAY),
    })),
  });

  await client.impactStory.createMany({
    data: Array.from({ length: STORIES }, (_, i) => ({
      title: `Story ${i + 1}`,
      body: "A young person could finally study at home with a laptop of their own.\n\nThey passed their first year.",
      publishedAt: new Date(now.getTime() - i * DAY),
      publishedById: "coordinator",
    })),
  });
}

export default async function run(): Promise<void> {
  const { url, client, cleanup } = await createBenchDatabase("impact");
  const server = await startBenchServer(url, {}, { production: true });
  const target = `${server.baseUrl}/impact`;
  const headers = {
    "accept-encoding": "gzip, deflate, br",
    accept: "text/html",
  };
  try {
    await seed(client, new Date());
    await server.ready();

    const started = performance.now();
    const first = await fetch(target, { headers });
    const firstBody = await first.text();
    const firstMs = performance.now() - started;
    if (first.status !== 200 || !firstBody.includes("Our impact") || !firstBody.includes("Story 1")) {
      throw new Error(`the impact page answered ${first.status} without its figures and stories`);
    }
    if (first.headers.get("x-page-cache") !== "miss") throw new Error(`the first request was not a page-cache miss (${first.headers.get("x-page-cache")})`);

    const r = await load({ url: target, connections: CONNECTIONS, seconds: SECONDS, headers });
    if (r.errors > 0) console.error(`bench impact: ${r.errors} of ${r.requests} requests failed or were not 2xx`);
    printFigure("impact", "first_render_ms", ms2(firstMs), "ms", AWARDS);
    printFigure("impact", "page_p95", r.p95, "ms", AWARDS);
    printFigure("impact", "page_rps", r.rps, "req/s", AWARDS);
    printFigure("impact", "page_errors", r.errors, "requests", AWARDS);
  } finally {
    await server.stop();
    await cleanup();
  }
}
