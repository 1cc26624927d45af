// The Stripe webhook: signatures, exactly-once effects under repeated and concurrent delivery,
// and the same final state whatever order completed / refunded / disputed events arrive in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";
import { resetEnvForTests } from "~/utils/env.server";
import { signWebhookPayload } from "~/integrations/stripe.server";
import { handleStripeWebhook } from "~/services/stripe-webhook.server";

useTestDatabase();
const SECRET = "whsec_test_webhook_secret";
let counter = 0;
const uid = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${++counter}`;

beforeAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  resetEnvForTests();
  await db().organisationSettings.create({ data: { id: 1, councilName: "Example Borough Council", fundName: "Helping Hands Fund" } });
});
afterAll(() => {
  delete process.env.STRIPE_WEBHOOK_SECRET;
  resetEnvForTests();
});

type Gift = { id: string; reference: string; sessionId: string; pi: string; charge: string; dispute: string };

async function pendingGift(amountPence = 1000): Promise<Gift> {
  const n = uid("g");
  const d = await db().donation.create({
    data: { reference: `HH-${n}`, amountPence, donorName: "Robin Lee", donorEmail: `${n}@example.org`, anonymous: false, checkoutSessionId: `cs_${n}` },
  });
  return { id: d.id, reference: d.reference, sessionId: `cs_${n}`, pi: `pi_${n}`, charge: `ch_${n}`, dispute: `dp_${n}` };
}

function event(type: string, object: Record<string, unknown>, id = uid("evt")) {
  return JSON.stringify({ id, object: "event", type, created: Math.floor(Date.now() / 1000), livemode: false, data: { object } });
}

const completed = (g: Gift, paymentStatus = "paid", type = "checkout.session.completed") =>
  event(type, {
    id: g.sessionId,
    object: "checkout.session",
    payment_intent: g.pi,
    payment_status: paymentStatus,
    amount_total: 1000,
    currency: "gbp",
    metadata: { donationId: g.id, reference: g.reference },
  });
// Charges and disputes carry no donation metadata here: they link through the payment intent.
const refunded = (g: Gift, amountRefunded: number, fee: number | null = null) =>
  event("charge.refunded", {
    id: g.charge,
    object: "charge",
    amount: 1000,
    amount_refunded: amountRefunded,
    payment_intent: g.pi,
    balance_transaction: fee === null ? "txn_1" : { id: "txn_1", object: "balance_transaction", fee },
    metadata: {},
  });
const dispute = (g: Gift, type: "charge.dispute.created" | "charge.dispute.closed", status: string) =>
  event(type, { id: g.dispute, object: "dispute", amount: 1000, charge: g.charge, payment_intent: g.pi, status, metadata: {} });

const deliver = (payload: string, secret = SECRET, timestamp?: number) => handleStripeWebhook(payload, signWebhookPayload(payload, secret, timestamp));

async function balancesOf(donationId: string): Promise<Record<string, number>> {
  const entries = await db().ledgerEntry.findMany({ where: { transaction: { externalRef: { startsWith: `donation:${donationId}:` } } } });
  const out: Record<string, number> = {};
  for (const e of entries) out[e.accountCode] = (out[e.accountCode] ?? 0) + e.amountPence;
  return out;
}

async function snapshot() {
  return {
    events: await db().stripeEvent.count(),
    transactions: await db().ledgerTransaction.count(),
    donations: await db().donation.findMany({ select: { id: true, status: true, refundedPence: true, paidAt: true }, orderBy: { id: "asc" } }),
    emails: await db().outboxEmail.count(),
  };
}

describe("signature checks: 400 and nothing written", () => {
  it.each([
    ["a bad signature", async (p: string) => deliver(p, "whsec_someone_else")],
    ["a timestamp older than 300 seconds", async (p: string) => deliver(p, SECRET, Math.floor(Date.now() / 1000) - 301)],
    ["a missing header", async (p: string) => handleStripeWebhook(p, null)],
    ["an empty header", async (p: string) => handleStripeWebhook(p, "")],
    ["a body changed after signing", async (p: string) => handleStripeWebhook(p.replace("1000", "9999"), signWebhookPayload(p, SECRET))],
    ["malformed JSON (correctly signed)", async (p: string) => deliver(p.slice(0, -5))],
  ])("%s", async (_, send) => {
    const g = await pendingGift();
    const before = await snapshot();
    const result = await send(completed(g));
    expect(result.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it("a timestamp 299 seconds old is still accepted", async () => {
    const g = await pendingGift();
    expect((await deliver(completed(g), SECRET, Math.floor(Date.now() / 1000) - 299)).status).toBe(200);
    expect((await db().donation.findUniqueOrThrow({ where: { id: g.id } })).status).toBe("paid");
  });
});

describe("exactly once", () => {
  it("10 parallel deliveries of the same event → one ledger transaction and one receipt", async () => {
    const g = await pendingGift();
    const payload = completed(g);
    const results = await Promise.all(Array.from({ length: 10 }, () => deliver(payload)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await db().ledgerTransaction.count({ where: { externalRef: { startsWith: `donation:${g.id}:` } } })).toBe(1);
    expect(await db().outboxEmail.count({ where: { to: `${g.reference.slice(3)}@example.org`, template: "donation-receipt" } })).toBe(1);
    expect(await db().stripeEvent.count({ where: { id: JSON.parse(payload).id } })).toBe(1);
    expect(await balancesOf(g.id)).toEqual({ fund_bank: 1000, card_income: -1000 });
  });

  it("two different events that both say paid post income and send a receipt once", async () => {
    const g = await pendingGift();
    await Promise.all([deliver(completed(g)), deliver(completed(g)), deliver(completed(g, "paid", "checkout.session.async_payment_succeeded"))]);
    expect(await db().ledgerTransaction.count({ where: { externalRef: { startsWith: `donation:${g.id}:` } } })).toBe(1);
    expect(await db().outboxEmail.count({ where: { to: `${g.reference.slice(3)}@example.org`, template: "donation-receipt" } })).toBe(1);
  });

  it("an unknown event type is stored and ignored with 200", async () => {
    const before = await snapshot();
    const payload = event("customer.created", { id: "cus_1", object: "customer" });
    expect((await deliver(payload)).status).toBe(200);
    const after = await snapshot();
    expect(after.events).toBe(before.events + 1);
    expect({ ...after, events: before.events }).toEqual(before);
    const stored = await db().stripeEvent.findUniqueOrThrow({ where: { id: JSON.parse(payload).id } });
    expect(stored.type).toBe("customer.created");
    expect(stored.processedAt).toBeInstanceOf(Date);
  });
});

describe("payments that complete later", () => {
  it("completed but unpaid waits; async success pays", async () => {
    const g = await pendingGift();
    await deliver(completed(g, "unpaid"));
    expect((await db().donation.findUniqueOrThrow({ where: { id: g.id } })).status).toBe("pending");
    expect(await balancesOf(g.id)).toEqual({});
    await deliver(completed(g, "paid", "checkout.session.async_payment_succeeded"));
    expect((await db().donation.findUniqueOrThrow({ where: { id: g.id } })).status).toBe("paid");
    expect(await balancesOf(g.id)).toEqual({ fund_bank: 1000, card_income: -1000 });
  });

  it("async failure marks it failed, with no ledger entries or receipt", async () => {
    const g = await pendingGift();
    await deliver(completed(g, "unpaid"));
    await deliver(completed(g, "unpaid", "checkout.session.async_payment_failed"));
    const d = await db().donation.findUniqueOrThrow({ where: { id: g.id } });
    expect(d.status).toBe("failed");
    expect(d.receiptSentAt).toBeNull();
    expect(await balancesOf(g.id)).toEqual({});
  });
});

describe("refunds", () => {
  it("partial then full refund: reversing transactions for each new amount, and a notice each time", async () => {
    const g = await pendingGift();
    const to = `${g.reference.slice(3)}@example.org`;
    await deliver(completed(g));
    await deliver(refunded(g, 300));
    let d = await db().donation.findUniqueOrThrow({ where: { id: g.id } });
    expect(d).toMatchObject({ status: "partially_refunded", refundedPence: 300 });
    await deliver(refunded(g, 1000));
    d = await db().donation.findUniqueOrThrow({ where: { id: g.id } });
    expect(d).toMatchObject({ status: "refunded", refundedPence: 1000 });
    // An older, smaller report arriving late changes nothing.
    await deliver(refunded(g, 300));
    expect(await balancesOf(g.id)).toEqual({ fund_bank: 0, card_income: -1000, refunds: 1000 });
    const refs = (await db().ledgerTransaction.findMany({ where: { externalRef: { startsWith: `donation:${g.id}:` } } })).map((t) => t.externalRef).sort();
    expect(refs).toEqual([`donation:${g.id}:paid`, `donation:${g.id}:refunded:1000`, `donation:${g.id}:refunded:300`]);
    expect(await db().outboxEmail.count({ where: { to, template: "refund-notice" } })).toBe(2);
    // The original income transaction is untouched: a refund is a reversal, never an edit.
    const income = await db().ledgerTransaction.findUniqueOrThrow({ where: { externalRef: `donation:${g.id}:paid` }, include: { entries: true } });
    expect(income.entries.map((e) => e.amountPence).sort((a, b) => a - b)).toEqual([-1000, 1000]);
  });
});

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe("any order of arrival ends in the same state", () => {
  const scenarios = [
    {
      name: "completed, partial refund (fee known), dispute opened and lost",
      events: (g: Gift) => [completed(g), refunded(g, 300, 50), dispute(g, "charge.dispute.created", "needs_response"), dispute(g, "charge.dispute.closed", "lost")],
      status: "dispute_lost",
      balances: { fund_bank: -50, card_income: -1000, fees: 50, refunds: 1000 },
    },
    {
      name: "completed, partial refund, dispute opened and won",
      events: (g: Gift) => [completed(g), refunded(g, 300), dispute(g, "charge.dispute.created", "needs_response"), dispute(g, "charge.dispute.closed", "won")],
      status: "partially_refunded",
      balances: { fund_bank: 700, card_income: -1000, refunds: 300 },
    },
    {
      name: "completed, full refund, dispute opened",
      events: (g: Gift) => [completed(g), refunded(g, 1000), dispute(g, "charge.dispute.created", "needs_response")],
      status: "disputed",
      balances: { fund_bank: 0, card_income: -1000, refunds: 1000 },
    },
  ];
  for (const scenario of scenarios) {
    const orders = permutations([0, 1, 2, 3].slice(0, scenario.events({} as Gift).length));
    it(`${scenario.name}: all ${orders.length} orders`, async () => {
      for (const order of orders) {
        const g = await pendingGift();
        const events = scenario.events(g);
        for (const i of order) expect((await deliver(events[i])).status).toBe(200);
        const d = await db().donation.findUniqueOrThrow({ where: { id: g.id } });
        const label = `order ${order.join(",")}`;
        expect(d.status, label).toBe(scenario.status);
        expect(await balancesOf(g.id), label).toEqual(scenario.balances);
        expect(await db().outboxEmail.count({ where: { to: `${g.reference.slice(3)}@example.org`, template: "donation-receipt" } }), label).toBe(1);
        expect(await db().stripeEvent.count({ where: { processedAt: null, payload: { contains: g.pi } } }), label).toBe(0);
      }
    });
  }
});

describe("receipts", () => {
  it("a gift with Gift Aid gets a receipt whose cancel link opens the cancel page", async () => {
    const g = await pendingGift(1000);
    const declaration = await db().giftAidDeclaration.create({
      data: {
        firstName: "Robin", lastName: "Lee", houseNameOrNumber: "1", postcode: "M1 1AE", scope: "this_gift", email: `${g.reference.slice(3)}@example.org`,
        wordingVersion: 1, wordingShown: "test", declaredAt: new Date(),
      },
    });
    await db().donation.update({ where: { id: g.id }, data: { giftAidDeclarationId: declaration.id } });
    expect((await deliver(completed(g))).status).toBe(200);
    const receipt = await db().outboxEmail.findFirstOrThrow({ where: { to: `${g.reference.slice(3)}@example.org`, template: "donation-receipt" } });
    const link = receipt.text.match(/https?:\/\/\S+\/gift-aid\/cancel\/\S+/)?.[0];
    expect(link, "the plain text has the cancel link").toBeTruthy();
    expect(receipt.html).toContain("cancel your Gift Aid declaration");
    const server = await startTestServer();
    try {
      const url = new URL(link!);
      const page = await fetch(server.baseUrl + url.pathname + url.search);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Cancel your Gift Aid declaration");
    } finally {
      await server.close();
    }
  });

  it("a gift without Gift Aid says so and has no cancel link", async () => {
    const g = await pendingGift(700);
    await deliver(completed(g));
    const receipt = await db().outboxEmail.findFirstOrThrow({ where: { to: `${g.reference.slice(3)}@example.org`, template: "donation-receipt" } });
    expect(receipt.text).toContain("Gift Aid: no.");
    expect(receipt.text).not.toContain("/gift-aid/cancel/");
  });
});

describe("POST /webhooks/stripe over HTTP", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it("without a signature → 400 and nothing written", async () => {
    const g = await pendingGift();
    const before = await snapshot();
    const res = await fetch(`${server.baseUrl}/webhooks/stripe`, { method: "POST", body: completed(g), headers: { "Content-Type": "application/json" } });
    expect(res.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it("a signed event → 200 and the gift is paid", async () => {
    const g = await pendingGift();
    const payload = completed(g);
    const res = await fetch(`${server.baseUrl}/webhooks/stripe`, {
      method: "POST",
      body: payload,
      headers: { "Content-Type": "application/json", "Stripe-Signature": signWebhookPayload(payload, SECRET) },
    });
    expect(res.status).toBe(200);
    expect((await db().donation.findUniqueOrThrow({ where: { id: g.id } })).status).toBe("paid");
  });

  it("the local test checkout page pays through a signed webhook and goes to the thank-you page", async () => {
    const g = await pendingGift(1500);
    const sessionId = `cs_local_${g.sessionId.slice(3)}`;
    await db().donation.update({ where: { id: g.id }, data: { checkoutSessionId: sessionId } });
    const page = await fetch(`${server.baseUrl}/dev/checkout/${sessionId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Test checkout — no real payment");
    expect(html).toContain("Pay (test)");
    expect(html).toContain("Payment fails (test)");
    expect(html).toContain("£15");
    const res = await fetch(`${server.baseUrl}/dev/checkout/${sessionId}`, {
      method: "POST",
      body: new URLSearchParams({ outcome: "paid" }),
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/donate/thank-you/${g.reference}`);
    const d = await db().donation.findUniqueOrThrow({ where: { id: g.id } });
    expect(d.status).toBe("paid");
    expect(d.paymentIntentId).toMatch(/^pi_local_/);
    expect(await balancesOf(g.id)).toEqual({ fund_bank: 1500, card_income: -1500 });
    // The event it sent is stored like any other: the same signed path Stripe's deliveries take.
    expect(await db().stripeEvent.count({ where: { type: "checkout.session.completed", payload: { contains: sessionId } } })).toBe(1);
  });

  it("GET is not found", async () => {
    expect((await fetch(`${server.baseUrl}/webhooks/stripe`)).status).toBe(404);
  });
});
