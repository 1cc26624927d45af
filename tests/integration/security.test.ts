import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { seed } from "../../prisma/seed";
import { demoAccount } from "../../prisma/demo-accounts";
import { parseEnv, EnvError } from "~/utils/env.server";

useTestDatabase();
let server: TestServer;

beforeAll(async () => {
  await seed(db(), { employees: 0 });
  server = await startTestServer();
});
afterAll(() => server?.close());

describe("security headers", () => {
  it.each(["/", "/accessibility", "/no-such-page", "/sign-in"])("%s carries CSP with a fresh nonce and the baseline headers", async (path) => {
    const res = await fetch(server.baseUrl + path);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("strict-transport-security")).toBeNull(); // not in development
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("uses a different nonce on every response, and the page's scripts carry it", async () => {
    const [a, b] = await Promise.all([fetch(server.baseUrl + "/"), fetch(server.baseUrl + "/")]);
    const nonceOf = (r: Response) => /nonce-([^']+)/.exec(r.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonceOf(a)).toBeTruthy();
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    const html = await a.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(a)}"`);
  });

  it("static files carry the headers too", async () => {
    const res = await fetch(server.baseUrl + "/favicon.ico");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("serves what public/ holds, files in its folders too, and leaves every other path to the app", async () => {
    const image = await fetch(server.baseUrl + "/images/books.svg");
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toContain("image/svg+xml");
    expect(image.headers.get("cache-control")).toContain("max-age=3600");
    expect((await fetch(server.baseUrl + "/images/no-such-picture.svg")).status).toBe(404);
    const page = await fetch(server.baseUrl + "/accessibility");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
  });

  it("sends HSTS in production", async () => {
    const prod = await startTestServer({
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(40),
      SENDGRID_API_KEY: "SG.test",
      STRIPE_SECRET_KEY: "sk_test_x",
      STRIPE_WEBHOOK_SECRET: "whsec_x",
      APP_URL: "https://helping-hands.council.example",
    });
    try {
      const res = await fetch(prod.baseUrl + "/accessibility");
      expect(res.headers.get("strict-transport-security")).toContain("max-age=31536000");
      expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    } finally {
      await prod.close();
    }
  });
});

describe("cache control", () => {
  it("marks signed-in pages no-store", async () => {
    const cookie = await sessionCookieFor(demoAccount("employee").email);
    const res = await fetch(server.baseUrl + "/", { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.text()).toMatch(/Welcome, (<!-- -->)?Alex/);
  });

  it("does not mark anonymous public pages no-store", async () => {
    const res = await fetch(server.baseUrl + "/accessibility");
    expect(res.headers.get("cache-control")).not.toBe("no-store");
  });
});

describe("cross-site requests", () => {
  it("refuses a POST whose Origin is another site", async () => {
    const res = await fetch(server.baseUrl + "/sign-out", {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
      redirect: "manual",
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-security-policy")).toBeTruthy();
  });

  it("refuses an opaque (null) Origin", async () => {
    const res = await fetch(server.baseUrl + "/sign-out", { method: "POST", headers: { Origin: "null" }, redirect: "manual" });
    expect(res.status).toBe(403);
  });

  it("lets a same-origin POST through", async () => {
    const res = await fetch(server.baseUrl + "/sign-out", {
      method: "POST",
      headers: { Origin: server.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: "",
      redirect: "manual",
    });
    expect(res.status).not.toBe(403);
  });
});

describe("environment", () => {
  it("runs the local demo with no .env at all", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.emailToOutbox).toBe(true);
    expect(env.databaseProvider).toBe("sqlite");
  });

  it("reads PORT and DATABASE_URL", () => {
    const env = parseEnv({ PORT: "4321", DATABASE_URL: "postgresql://u:p@localhost:5432/hh" });
    expect(env.PORT).toBe(4321);
    expect(env.databaseProvider).toBe("postgresql");
  });

  it("stops production start-up naming each missing secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(EnvError);
    try {
      parseEnv({ NODE_ENV: "production", SENDGRID_API_KEY: "SG.x" });
    } catch (err) {
      const message = (err as Error).message;
      for (const name of ["SESSION_SECRET", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "APP_URL"]) expect(message).toContain(name);
      expect(message).not.toContain("SENDGRID_API_KEY");
    }
  });

  it("rejects a short session secret", () => {
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET/);
  });
});

describe("sign-in rate limit over HTTP", () => {
  it("answers the 11th code request in 5 minutes with 429 and Retry-After", async () => {
    const post = () =>
      fetch(server.baseUrl + "/sign-in", {
        method: "POST",
        headers: { Origin: server.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: demoAccount("finance").email, redirectTo: "/" }),
        redirect: "manual",
      });
    for (let i = 1; i <= 10; i++) expect((await post()).status, `request ${i}`).toBe(303);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("content-security-policy")).toBeTruthy();
    expect(await limited.text()).toMatch(/too many/i);
  });
});
