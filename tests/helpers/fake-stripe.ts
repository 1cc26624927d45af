// A local fake of the Stripe API for tests: a node:http server on 127.0.0.1 that records every
// request (method, path, query, headers, form-decoded body) and answers Checkout Session creation
// and payment intent retrieval (for Stripe's fee on the charge).
// Point the real SDK at it with setStripeApiForTests({ host: "127.0.0.1", port, protocol: "http" }).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = { method: string; path: string; query: URLSearchParams; headers: http.IncomingHttpHeaders; form: URLSearchParams };

export type FakeStripe = {
  port: number;
  requests: RecordedRequest[];
  /** the next N checkout session creations answer with this HTTP status (Stripe error shape) */
  failNext: (count: number, status?: number) => void;
  /**
   * What GET /v1/payment_intents/:id says about the charge's balance transaction: Stripe's fee (in the
   * currency's smallest unit), or null for an intent not charged yet (latest_charge null). Default 45p in GBP.
   */
  setFee: (fee: number | null, currency?: string) => void;
  /** the next N payment intent retrievals answer with this HTTP status */
  failPaymentIntents: (count: number, status?: number) => void;
  close: () => Promise<void>;
};

const stripeError = (type: string, message: string) => JSON.stringify({ error: { type, message } });

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: RecordedRequest[] = [];
  let failures = 0;
  let failureStatus = 500;
  let intentFailures = 0;
  let intentFailureStatus = 500;
  let fee: number | null = 45;
  let feeCurrency = "gbp";
  let counter = 0;
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake-stripe");
      const path = url.pathname;
      requests.push({ method: req.method ?? "", path, query: url.searchParams, headers: req.headers, form: new URLSearchParams(body) });
      res.setHeader("Content-Type", "application/json");
      res.setHeader("Request-Id", `req_fake_${requests.length}`);
      if (req.method === "POST" && path === "/v1/checkout/sessions") {
        if (failures > 0) {
          failures--;
          res.statusCode = failureStatus;
          res.end(stripeError("api_error", "fake Stripe failure"));
          return;
        }
        const id = `cs_test_fake_${++counter}`;
        res.end(
          JSON.stringify({
            id,
            object: "checkout.session",
            mode: "payment",
            url: `https://checkout.stripe.test/c/pay/${id}`,
            amount_total: Number(new URLSearchParams(body).get("line_items[0][price_data][unit_amount]")),
            currency: "gbp",
            payment_status: "unpaid",
          }),
        );
        return;
      }
      const intent = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
      if (req.method === "GET" && intent) {
        if (intentFailures > 0) {
          intentFailures--;
          res.statusCode = intentFailureStatus;
          res.end(stripeError("api_error", "fake Stripe failure"));
          return;
        }
        const id = decodeURIComponent(intent[1]);
        const expand = [...url.searchParams].filter(([key]) => /^expand\[\d*\]$/.test(key)).map(([, value]) => value);
        const chargeId = `ch_fake_${id}`;
        const balance = fee === null ? null : { id: `txn_fake_${id}`, object: "balance_transaction", fee, currency: feeCurrency };
        // As Stripe does: an expandable field is an id unless the request asked for it expanded.
        const charge =
          balance === null
            ? null
            : expand.includes("latest_charge.balance_transaction")
              ? { id: chargeId, object: "charge", payment_intent: id, balance_transaction: balance }
              : expand.includes("latest_charge")
                ? { id: chargeId, object: "charge", payment_intent: id, balance_transaction: balance.id }
                : chargeId;
        res.end(JSON.stringify({ id, object: "payment_intent", currency: "gbp", status: charge ? "succeeded" : "processing", latest_charge: charge }));
        return;
      }
      res.statusCode = 404;
      res.end(stripeError("invalid_request_error", `fake Stripe has no ${req.method} ${path}`));
    });
  });
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    failNext: (count, status = 500) => {
      failures = count;
      failureStatus = status;
    },
    setFee: (value, currency = "gbp") => {
      fee = value;
      feeCurrency = currency;
    },
    failPaymentIntents: (count, status = 500) => {
      intentFailures = count;
      intentFailureStatus = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
