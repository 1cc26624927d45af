// Starting a card gift: limits, campaigns, the Checkout Session we send Stripe (through the real
// SDK, against a local fake of the API), and the local test checkout without keys.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { startFakeStripe, type FakeStripe } from "../helpers/fake-stripe";
import { resetEnvForTests } from "~/utils/env.server";
import { setStripeApiForTests } from "~/integrations/stripe.server";
import { DonationError, donationByReference, localCheckoutSession, startDonation } from "~/services/donations.server";
import { completeLocalCheckout } from "~/services/stripe-webhook.server";
import { REFERENCE_PATTERN } from "~/domain/donations/donation";

useTestDatabase();
const NOW = new Date("2026-06-15T12:00:00Z");
const base = { donorName: "Robin Lee", donorEmail: "robin@example.org", anonymous: false, appUrl: "https://hh.example" };
let campaignId = "";
let closedCampaignId = "";
let futureCampaignId = "";

beforeAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  resetEnvForTests();
  await db().organisationSettings.create({
    data: { id: 1, councilName: "Example Borough Council", fundName: "Helping Hands Fund", donationMinPence: 100, donationMaxPence: 500_000 },
  });
  const campaign = (slug: string, status: string, startsOn: Date, endsOn: Date | null) =>
    db().campaign.create({ data: { slug, title: `Campaign ${slug}`, story: "A story", targetKind: "money", targetPence: 100_000, startsOn, endsOn, status } });
  campaignId = (await campaign("books", "open", new Date("2026-06-01"), new Date("2026-06-15"))).id;
  closedCampaignId = (await campaign("closed", "closed", new Date("2026-01-01"), null)).id;
  futureCampaignId = (await campaign("future", "open", new Date("2026-07-01"), null)).id;
});

async function countDonations() {
  return db().donation.count();
}

describe("startDonation refuses", () => {
  it.each([
    [99, "The smallest gift by card is £1"],
    [500_001, "The largest gift by card is £5,000"],
    [0, "Enter an amount in pounds"],
    [10.5, "Enter an amount in pounds"],
  ])("an amount of %s pence", async (amountPence, message) => {
    const before = await countDonations();
    const attempt = startDonation({ ...base, amountPence }, NOW);
    await expect(attempt).rejects.toThrow(DonationError);
    await expect(attempt).rejects.toThrow(message);
    expect(await countDonations()).toBe(before);
  });

  it.each([
    ["a closed campaign", () => closedCampaignId, "is closed"],
    ["a campaign that has not started", () => futureCampaignId, "is closed"],
    ["a campaign that does not exist", () => "no-such-campaign", "does not exist"],
  ])("%s", async (_, id, message) => {
    const before = await countDonations();
    await expect(startDonation({ ...base, amountPence: 1000, campaignId: id() }, NOW)).rejects.toThrow(message);
    expect(await countDonations()).toBe(before);
  });

  it("a campaign after its last day", async () => {
    await expect(startDonation({ ...base, amountPence: 1000, campaignId }, new Date("2026-06-16T00:00:01Z"))).rejects.toThrow("is closed");
  });
});

describe("with STRIPE_SECRET_KEY: a Checkout Session through the SDK", () => {
  let fake: FakeStripe;
  beforeAll(async () => {
    fake = await startFakeStripe();
    process.env.STRIPE_SECRET_KEY = "sk_test_fake_key";
    resetEnvForTests();
    setStripeApiForTests({ host: "127.0.0.1", port: fake.port, protocol: "http" });
  });
  afterAll(async () => {
    delete process.env.STRIPE_SECRET_KEY;
    resetEnvForTests();
    setStripeApiForTests(null);
    await fake.close();
  });
  afterEach(() => {
    fake.requests.length = 0;
  });

  it("sends the amount in pence, GBP, metadata and an idempotency key, and stores the session", async () => {
    const { donation, checkoutUrl } = await startDonation({ ...base, amountPence: 1050, campaignId, giftAidDeclarationId: null }, NOW);
    expect(donation.reference).toMatch(REFERENCE_PATTERN);
    expect(donation.status).toBe("pending");
    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/v1/checkout/sessions");
    expect(req.headers.authorization).toBe("Bearer sk_test_fake_key");
    expect(req.headers["idempotency-key"]).toBe(`donation-checkout-${donation.id}`);
    const f = req.form;
    expect(f.get("mode")).toBe("payment");
    expect(f.get("line_items[0][price_data][unit_amount]")).toBe("1050");
    expect(f.get("line_items[0][price_data][currency]")).toBe("gbp");
    expect(f.get("line_items[0][quantity]")).toBe("1");
    expect(f.get("line_items[0][price_data][product_data][name]")).toBe("Gift to Helping Hands Fund: Campaign books");
    expect(f.get("customer_email")).toBe("robin@example.org");
    expect(f.get("metadata[donationId]")).toBe(donation.id);
    expect(f.get("metadata[reference]")).toBe(donation.reference);
    expect(f.get("payment_intent_data[metadata][donationId]")).toBe(donation.id);
    expect(f.get("payment_intent_data[metadata][reference]")).toBe(donation.reference);
    expect(f.get("success_url")).toBe(`https://hh.example/donate/thank-you/${donation.reference}`);
    expect(f.get("cancel_url")).toBe("https://hh.example/donate?cancelled=1");
    expect(checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_fake_\d+$/);
    const stored = await db().donation.findUniqueOrThrow({ where: { id: donation.id } });
    expect(stored.checkoutSessionId).toBe(checkoutUrl.split("/").pop());
    expect(stored.amountPence).toBe(1050);
    expect(stored.campaignId).toBe(campaignId);
  });

  it("the local test checkout is not there with keys", async () => {
    const { donation } = await startDonation({ ...base, amountPence: 1000 }, NOW);
    expect(await localCheckoutSession(donation.checkoutSessionId!)).toBeNull();
  });

  it("a Stripe error leaves no pending gift and says no money was taken", async () => {
    fake.failNext(1, 400);
    const attempt = startDonation({ ...base, amountPence: 2000 }, NOW);
    await expect(attempt).rejects.toThrow("No money has been taken");
    const last = await db().donation.findFirstOrThrow({ orderBy: { createdAt: "desc" }, where: { amountPence: 2000 } });
    expect(last.status).toBe("failed");
    expect(last.checkoutSessionId).toBeNull();
  });
});

describe("without keys: the local test checkout", () => {
  it("gives a /dev/checkout URL whose Pay button fulfils the gift through a signed webhook", async () => {
    const { donation, checkoutUrl } = await startDonation({ ...base, amountPence: 1000, campaignId }, NOW);
    expect(checkoutUrl).toMatch(/^\/dev\/checkout\/cs_local_[0-9a-f]{24}$/);
    const session = await localCheckoutSession(checkoutUrl.split("/").pop()!);
    expect(session?.id).toBe(donation.id);
    expect(await donationByReference(donation.reference)).toMatchObject({ status: "pending", receiptSentAt: null, amountPence: 1000 });

    const result = await completeLocalCheckout({ ...session!, checkoutSessionId: session!.checkoutSessionId! }, "paid");
    expect(result.status).toBe(200);
    const summary = await donationByReference(donation.reference);
    expect(summary).toMatchObject({ status: "paid", amountPence: 1000, campaignTitle: "Campaign books", giftAid: false });
    expect(summary?.receiptSentAt).toBeInstanceOf(Date);
    const income = await db().ledgerTransaction.findUniqueOrThrow({ where: { externalRef: `donation:${donation.id}:paid` }, include: { entries: true } });
    expect(income.entries.map((e) => [e.accountCode, e.amountPence]).sort()).toEqual([["card_income", -1000], ["fund_bank", 1000]]);
    const receipts = await db().outboxEmail.findMany({ where: { template: "donation-receipt", to: "robin@example.org" } });
    expect(receipts).toHaveLength(1);
    expect(receipts[0].text).toContain(donation.reference);
    expect(receipts[0].text).toContain("£10");
    expect(receipts[0].text).toContain("Helping Hands Fund");
    expect(receipts[0].text).toContain("Gift Aid: no");
  });

  it("'Payment fails (test)' marks the gift failed and posts nothing", async () => {
    const { donation } = await startDonation({ ...base, amountPence: 700 }, NOW);
    const result = await completeLocalCheckout({ ...donation, checkoutSessionId: donation.checkoutSessionId! }, "failed");
    expect(result.status).toBe(200);
    expect((await donationByReference(donation.reference))?.status).toBe("failed");
    expect(await db().ledgerTransaction.count({ where: { externalRef: { startsWith: `donation:${donation.id}:` } } })).toBe(0);
  });

  it("donationByReference is null for an unknown reference", async () => {
    expect(await donationByReference("HH-NOSUCH")).toBeNull();
  });
});
