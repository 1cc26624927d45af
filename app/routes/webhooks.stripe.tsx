// POST /webhooks/stripe: Stripe's deliveries. Public, but only signed events are accepted
// (a missing or bad signature, a stale timestamp or a body that is not an event → 400, nothing written).
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleStripeWebhook } from "~/services/stripe-webhook.server";

// Nothing to see: a GET is not found.
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
  // The raw body: the signature is over the exact bytes Stripe sent.
  const body = await request.text();
  const result = await handleStripeWebhook(body, request.headers.get("stripe-signature"));
  return new Response(result.message, { status: result.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
