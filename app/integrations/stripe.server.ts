// The one Stripe client of the process, and the webhook signing secret.
// With STRIPE_SECRET_KEY set the real API is used; without it the app runs a local test checkout
// (app/routes/dev.checkout.$sessionId.tsx) that signs its own webhook events with a fixed local
// secret, through the same SDK code Stripe's own signatures are checked with.
import Stripe from "stripe";
import { loadEnv } from "~/utils/env.server";

/** The signing secret used when no STRIPE_WEBHOOK_SECRET is set (development, demo, tests). Never valid in production. */
export const LOCAL_WEBHOOK_SECRET = "whsec_helping_hands_local_test_checkout_not_for_production";

/** Stripe's own tolerance for a signature's timestamp, in seconds. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type StripeApiOverride = { host: string; port: number; protocol: "http" | "https" };

// The test seam: point the SDK at a local fake of the Stripe API (tests/helpers/fake-stripe.ts).
let apiOverride: StripeApiOverride | null = null;

/** For tests only: send Stripe API requests to a fake server on 127.0.0.1 instead of api.stripe.com. */
export function setStripeApiForTests(override: StripeApiOverride | null): void {
  apiOverride = override;
  cached = undefined;
}

function overrideFromEnv(): StripeApiOverride | null {
  const base = process.env.STRIPE_API_BASE;
  if (!base) return null;
  const url = new URL(base);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: Number(url.port || (protocol === "http" ? 80 : 443)), protocol };
}

let cached: { key: string; client: Stripe } | undefined;

/** The API client, or null in no-key mode (local test checkout). */
export function stripeClient(): Stripe | null {
  const key = loadEnv().STRIPE_SECRET_KEY;
  if (!key) return null;
  if (cached?.key === key) return cached.client;
  const override = apiOverride ?? overrideFromEnv();
  const client = new Stripe(key, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(override ?? {}),
  });
  cached = { key, client };
  return client;
}

/**
 * Stripe's fee on a payment intent's charge, read from the charge's balance transaction (webhook payloads
 * do not expand it). Amounts are in the balance currency's smallest unit. null: not charged yet.
 */
export async function fetchPaymentFee(client: Stripe, paymentIntentId: string): Promise<{ fee: number; currency: string } | null> {
  const intent = await client.paymentIntents.retrieve(paymentIntentId, { expand: ["latest_charge.balance_transaction"] });
  const charge = intent.latest_charge;
  if (!charge || typeof charge === "string") return null;
  const balance = charge.balance_transaction;
  if (!balance || typeof balance === "string") return null;
  return { fee: balance.fee, currency: balance.currency };
}

/** True when the app runs without Stripe keys and uses the local test checkout. */
export function isLocalCheckout(): boolean {
  return !loadEnv().STRIPE_SECRET_KEY;
}

export function webhookSecret(): string {
  return loadEnv().STRIPE_WEBHOOK_SECRET ?? LOCAL_WEBHOOK_SECRET;
}

// Signature checks and test signatures need no API key: a keyless instance serves both.
const offline = new Stripe("sk_test_offline_signature_checks_only");

/** Verify a webhook delivery (throws on a bad or stale signature, or a body that is not JSON). */
export function verifyWebhook(body: string, signature: string, secret = webhookSecret(), receivedAtMs?: number): Stripe.Event {
  return offline.webhooks.constructEvent(body, signature, secret, SIGNATURE_TOLERANCE_SECONDS, undefined, receivedAtMs);
}

/** A Stripe-Signature header for `payload`, as Stripe makes it (used by the local checkout, tests and bench). */
export function signWebhookPayload(payload: string, secret = webhookSecret(), timestampSeconds?: number): string {
  return offline.webhooks.generateTestHeaderString({ payload, secret, ...(timestampSeconds ? { timestamp: timestampSeconds } : {}) });
}

export type { Stripe };
