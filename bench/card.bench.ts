// card.webhook_effects_ok / card.webhook_per_s: a burst of signed Stripe webhook deliveries to the
// running production server (built app, `tsx server.ts`, its own fresh SQLite database): 1,000
// events, 20 % of them duplicates, 20 in flight at a time over loopback. Afterwards the effects must
// have happened exactly once: one income transaction per gift, a balanced ledger, one receipt each.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { signWebhookPayload } from "~/integrations/stripe.server";
import { createBenchDatabase, printFigure } from "./run.ts";
import { startBenchServer } from "./server.ts";

const EVENTS = 1_000;
const DUPLICATE_SHARE = 0.2;
const CONCURRENCY = 20;
const SECRET = `whsec_bench_${randomBytes(8).toString("hex")}`;



export default async function run(): Promise<void> {
  const { url, client, cleanup } = await createBenchDatabase("card");
  const server = await startBenchServer(url, { STRIPE_WEBHOOK_SECRET: SECRET });
  const { baseUrl } = server;
  try {
    await client.organisationSettings.create({ data: { id: 1, councilName: "Bench Council", fundName: "Bench Fund" } });
    const unique = Math.round(EVENTS * (1 - DUPLICATE_SHARE));
    const gifts = Array.from({ length: unique }, (_, i) => ({
      reference: `HH-B${String(i).padStart(5, "0")}`,
      amountPence: 500 + (i % 97) * 25,
      donorName: `Donor ${i}`,
      donorEmail: `donor${i}@bench.example`,
      anonymous: false,
      checkoutSessionId: `cs_bench_${i}`,
    }));
    await client.donation.createMany({ data: gifts });
    const donations = await client.donation.findMany({ select: { id: true, reference: true, amountPence: true, checkoutSessionId: true } });
    const events = donations.map((d, i) =>
      JSON.stringify({
        id: `evt_bench_${i}`,
        object: "event",
        type: "checkout.session.completed",
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        data: {
          object: {
            id: d.checkoutSessionId,
            object: "checkout.session",
            payment_intent: `pi_bench_${i}`,
            payment_status: "paid",
            amount_total: d.amountPence,
            currency: "gbp",
            metadata: { donationId: d.id, reference: d.reference },
          },
        },
      }),
    );
    // Duplicates spread through the burst, as Stripe's retries would be.
    const deliveries = [...events, ...Array.from({ length: EVENTS - unique }, (_, i) => events[(i * 7) % unique])];
    for (let i = deliveries.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [deliveries[i], deliveries[j]] = [deliveries[j], deliveries[i]];
    }

    await server.ready();
    const statuses: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < deliveries.length) {
          const payload = deliveries[next++];
          const res = await fetch(`${baseUrl}/webhooks/stripe`, {
            method: "POST",
            body: payload,
            headers: { "Content-Type": "application/json", "Stripe-Signature": signWebhookPayload(payload, SECRET) },
          });
          await res.arrayBuffer();
          statuses.push(res.status);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    const problems: string[] = [];
    const not200 = statuses.filter((s) => s !== 200).length;
    if (not200 > 0) problems.push(`${not200} deliveries were not answered 200`);
    const stored = await client.stripeEvent.count();
    if (stored !== unique) problems.push(`${stored} events stored, expected ${unique}`);
    const income = await client.ledgerTransaction.findMany({ where: { externalRef: { endsWith: ":paid" } }, select: { externalRef: true } });
    const perGift = new Set(income.map((t) => t.externalRef));
    if (income.length !== unique || perGift.size !== unique) problems.push(`${income.length} income transactions for ${perGift.size} gifts, expected ${unique}`);
    const totals = await client.ledgerEntry.groupBy({ by: ["accountCode"], _sum: { amountPence: true } });
    const sum = (code?: string) => totals.filter((t) => !code || t.accountCode === code).reduce((s, t) => s + Number(t._sum.amountPence ?? 0), 0);
    const expected = donations.reduce((s, d) => s + d.amountPence, 0);
    if (sum() !== 0) problems.push(`ledger out of balance by ${sum()}`);
    if (sum("fund_bank") !== expected || sum("card_income") !== -expected) problems.push(`fund_bank ${sum("fund_bank")} / card_income ${sum("card_income")}, expected ±${expected}`);
    const receipts = await client.outboxEmail.count({ where: { template: "donation-receipt" } });
    if (receipts !== unique) problems.push(`${receipts} receipts, expected ${unique}`);
    const paid = await client.donation.count({ where: { status: "paid", receiptSentAt: { not: null } } });
    if (paid !== unique) problems.push(`${paid} gifts paid with a receipt, expected ${unique}`);
    for (const problem of problems) console.error(`bench card: ${problem}`);

    printFigure("card", "webhook_effects_ok", problems.length === 0 ? 1 : 0, "flag", EVENTS);
    printFigure("card", "webhook_per_s", Math.round(EVENTS / seconds), "events/s", EVENTS);
  } finally {
    await server.stop();
    await cleanup();
  }
}
