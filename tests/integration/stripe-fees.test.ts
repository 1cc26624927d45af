// Stripe's fee when no webhook carries it: with STRIPE_SECRET_KEY set, a gift paid with its fee unknown is looked
// up through the real SDK (against the local fake of the API) after the event has committed, and the fee is posted
// once as a fee entry. A failed look-up never fails the webhook; without keys nothing is fetched.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { startFakeStripe, type FakeStripe } from "../helpers/fake-stripe";
import { resetEnvForTests } from "~/utils/env.server";
import { setStripeApiForTests, signWebhookPayload } from "~/integrations/stripe.server";
import { feeLookupsSettled, handleStripeWebhook } from "~/services/stripe-webhook.server";

useTestDatabase();
const SECRET = "whsec_test_fee_secret";
let fake: FakeStripe;
let counter = 0;
const uid = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${++counter}`;

beforeAll(async () => {
  fake = await startFakeStripe();
  process.env.STRIPE_SECRET_KEY = "sk_test_fake_fee_key";
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  resetEnvForTests();
  setStripeApiForTests({ host: "127.0.0.1", port: fake.port, protocol: "http" });
  await db().organisationSettings.create({ data: { id: 1, councilName: "Example Borough Council", fundName: "Helping Hands Fund" } });
});
afterAll(async () => {
  await feeLookupsSettled();
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  resetEnvForTests();
  setStripeApiForTests(null);
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.setFee(45);
  fake.failPaymentIntents(0);
});

type Gift = { id: string; reference: string; sessionId: string; pi: string; charge: string };

async function pendingGift(amountPence = 1000): Promise<Gift> {
  const n = uid("g");
  const d = await db().donation.create({
    data: { reference: `HH-${n}`, amountPence, donorName: "Robin Lee", donorEmail: `${n}@example.org`, anonymous: false, checkoutSessionId: `cs_${n}` },
  });
  return { id: d.id, reference: d.reference, sessionId: `cs_${n}`, pi: `pi_${n}`, charge: `ch_${n}` };
}

const event = (type: string, object: Record<string, unknown>) =>
  JSON.stringify({ id: uid("evt"), object: "event", type, created: Math.floor(Date.now() / 1000), livemode: false, data: { object } });
const completed = (g: Gift, type = "checkout.session.completed") =>
  event(type, {
    id: g.sessionId,
    object: "checkout.session",
    payment_intent: g.pi,
    payment_status: "paid",
    amount_total: 1000,
    currency: "gbp",
    metadata: { donationId: g.id, reference: g.reference },
  });
const refunded = (g: Gift, amountRefunded: number, fee: number | null) =>
  event("charge.refunded", {
    id: g.charge,
    object: "charge",
    amount: 1000,
    amount_refunded: amountRefunded,
    payment_intent: g.pi,
    balance_transaction: fee === null ? "txn_1" : { id: "txn_1", object: "balance_transaction", fee, currency: "gbp" },
    metadata: {},
  });

/** Deliver and wait for the fee look-up it started (the webhook answers without waiting for it). */
async function deliver(payload: string) {
  const result = await handleStripeWebhook(payload, signWebhookPayload(payload, SECRET));
  await feeLookupsSettled();
  return result;
}

const intentRequests = (g: Gift) => fake.requests.filter((r) => r.method === "GET" && r.path === `/v1/payment_intents/${g.pi}`);

async function ledgerOf(g: Gift) {
  const transactions = await db().ledgerTransaction.findMany({ where: { externalRef: { startsWith: `donation:${g.id}:` } }, include: { entries: true } });
  const balances: Record<string, number> = {};
  for (const e of transactions.flatMap((t) => t.entries)) balances[e.accountCode] = (balances[e.accountCode] ?? 0) + e.amountPence;
  return { refs: transactions.map((t) => t.externalRef).sort(), balances, transactions };
}

describe("with STRIPE_SECRET_KEY: the fee is fetched after commit", () => {
  it("asks the SDK for the charge's balance transaction and posts the fee once, as a fee entry", async () => {
    const g = await pendingGift();
    expect((await deliver(completed(g))).status).toBe(200);

    const [request, ...more] = intentRequests(g);
    expect(more).toHaveLength(0);
    expect(request.query.getAll("expand[0]")).toEqual(["latest_charge.balance_transaction"]);
    expect(request.headers.authorization).toBe("Bearer sk_test_fake_fee_key");

    const d = await db().donation.findUniqueOrThrow({ where: { id: g.id } });
    expect(d).toMatchObject({ status: "paid", feePence: 45 });
    const ledger = await ledgerOf(g);
    expect(ledger.refs).toEqual([`donation:${g.id}:fee`, `donation:${g.id}:paid`]);
    expect(ledger.balances).toEqual({ fund_bank: 955, card_income: -1000, fees: 45 });
    for (const t of ledger.transactions) expect(t.entries.reduce((sum, e) => sum + e.amountPence, 0), t.externalRef ?? "").toBe(0);
    expect(await db().auditLog.count({ where: { action: "donation.card_fee", entityId: g.id } })).toBe(1);
  });

  it("a fee learned several times (concurrent events, then a refund carrying it) is posted once", async () => {
    const g = await pendingGift();
    // Three different events that each find the gift paid with no fee: three look-ups may run.
    await Promise.all([deliver(completed(g)), deliver(completed(g)), deliver(completed(g, "checkout.session.async_payment_succeeded"))]);
    expect(intentRequests(g).length).toBeGreaterThanOrEqual(1);
    // A later refund that carries a (different) fee neither changes the first one known nor posts again.
    await deliver(refunded(g, 300, 60));
    const ledger = await ledgerOf(g);
    expect(ledger.refs).toEqual([`donation:${g.id}:fee`, `donation:${g.id}:paid`, `donation:${g.id}:refunded:300`]);
    expect(ledger.balances).toEqual({ fund_bank: 655, card_income: -1000, fees: 45, refunds: 300 });
    expect((await db().donation.findUniqueOrThrow({ where: { id: g.id } })).feePence).toBe(45);
  });

  it("a fee an event already carried is not fetched", async () => {
    const g = await pendingGift();
    await deliver(refunded(g, 1000, 30));
    await deliver(completed(g));
    expect(intentRequests(g)).toHaveLength(0);
    expect((await ledgerOf(g)).balances).toEqual({ fund_bank: -30, card_income: -1000, fees: 30, refunds: 1000 });
  });

  it("a failed look-up leaves the gift paid, the webhook 200 and the fee unknown; the next event asks again", async () => {
    const g = await pendingGift();
    fake.failPaymentIntents(100);
    expect((await deliver(completed(g))).status).toBe(200);
    expect(intentRequests(g).length).toBeGreaterThanOrEqual(1);
    let d = await db().donation.findUniqueOrThrow({ where: { id: g.id } });
    expect(d).toMatchObject({ status: "paid", feePence: null });
    expect(d.receiptSentAt).not.toBeNull();
    expect((await ledgerOf(g)).refs).toEqual([`donation:${g.id}:paid`]);

    fake.failPaymentIntents(0);
    await deliver(refunded(g, 200, null));
    d = await db().donation.findUniqueOrThrow({ where: { id: g.id } });
    expect(d).toMatchObject({ status: "partially_refunded", feePence: 45 });
    expect((await ledgerOf(g)).balances).toEqual({ fund_bank: 755, card_income: -1000, fees: 45, refunds: 200 });
  });

  it("an intent not charged yet, or a fee in another currency, records nothing", async () => {
    const g = await pendingGift();
    fake.setFee(null);
    await deliver(completed(g));
    fake.setFee(40, "eur");
    await deliver(completed(g, "checkout.session.async_payment_succeeded"));
    expect(intentRequests(g)).toHaveLength(2);
    expect((await db().donation.findUniqueOrThrow({ where: { id: g.id } })).feePence).toBeNull();
    expect((await ledgerOf(g)).balances).toEqual({ fund_bank: 1000, card_income: -1000 });
  });

  it("a redelivered event does not look the fee up again", async () => {
    const g = await pendingGift();
    fake.failPaymentIntents(100);
    const payload = completed(g);
    await deliver(payload);
    const asked = intentRequests(g).length;
    fake.failPaymentIntents(0);
    await deliver(payload);
    expect(intentRequests(g)).toHaveLength(asked);
  });
});

describe("without STRIPE_SECRET_KEY", () => {
  beforeAll(() => {
    delete process.env.STRIPE_SECRET_KEY;
    resetEnvForTests();
  });
  afterAll(() => {
    process.env.STRIPE_SECRET_KEY = "sk_test_fake_fee_key";
    resetEnvForTests();
  });

  it("nothing is fetched and the fee stays unknown", async () => {
    const g = await pendingGift();
    expect((await deliver(completed(g))).status).toBe(200);
    expect(fake.requests).toHaveLength(0);
    expect((await db().donation.findUniqueOrThrow({ where: { id: g.id } })).feePence).toBeNull();
    expect((await ledgerOf(g)).balances).toEqual({ fund_bank: 1000, card_income: -1000 });
  });
});
