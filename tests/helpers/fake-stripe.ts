// A local fake of the Stripe API for tests: a node:http server on 127.0.0.1 that records every
// request (method, path, headers, form-decoded body) and answers Checkout Session creation.
// Point the real SDK at it with setStripeApiForTests({ host: "127.0.0.1", port, protocol: "http" }).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = { method: string; path: string; headers: http.IncomingHttpHeaders; form: URLSearchParams };

export type FakeStripe = {
  port: number;
  requests: RecordedRequest[];
  /** the next N checkout session creations answer with this HTTP status (Stripe error shape) */
  failNext: (count: number, status?: number) => void;
  close: () => Promise<void>;
};

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: RecordedRequest[] = [];
  let failures = 0;
  let failureStatus = 500;
  let counter = 0;
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0];
      requests.push({ method: req.method ?? "", path, headers: req.headers, form: new URLSearchParams(body) });
      res.setHeader("Content-Type", "application/json");
      res.setHeader("Request-Id", `req_fake_${requests.length}`);
      if (req.method === "POST" && path === "/v1/checkout/sessions") {
        if (failures > 0) {
          failures--;
          res.statusCode = failureStatus;
          res.end(JSON.stringify({ error: { type: "api_error", message: "fake Stripe failure" } }));
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
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { type: "invalid_request_error", message: `fake Stripe has no ${req.method} ${path}` } }));
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
