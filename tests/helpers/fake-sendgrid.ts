// A fake SendGrid on 127.0.0.1 for the enclosing describe block: it records every request and answers
// with `status()`; SENDGRID_API_KEY and EMAIL_FROM are set meanwhile, so the mailer takes its real path.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { setSendGridBaseUrlForTests } from "~/integrations/mailer.server";
import { resetEnvForTests } from "~/utils/env.server";

export type SendGridRequest = { method?: string; url?: string; authorization?: string; body: Record<string, unknown> };

export function useFakeSendGrid({ status = () => 202 }: { status?: () => number } = {}): SendGridRequest[] {
  const requests: SendGridRequest[] = [];
  let server: http.Server;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      req.on("end", () => {
        requests.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body: JSON.parse(raw || "{}") });
        const code = status();
        res.writeHead(code, { "Content-Type": "application/json" });
        res.end(code >= 400 ? JSON.stringify({ errors: [{ message: "refused by the fake" }] }) : "");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    setSendGridBaseUrlForTests(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    process.env.SENDGRID_API_KEY = "SG.test-key";
    process.env.EMAIL_FROM = "helping-hands@council.example";
    resetEnvForTests();
  });
  afterAll(async () => {
    delete process.env.SENDGRID_API_KEY;
    delete process.env.EMAIL_FROM;
    resetEnvForTests();
    setSendGridBaseUrlForTests(null);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return requests;
}
