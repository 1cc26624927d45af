// The load balancer's health check (GET /healthz, docs/decisions/0019-several-app-servers.md): 200 "ok"
// from the real server when the database answers; the check itself says no for a database it cannot
// reach; and the server answers 503 when the check says no.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerBuild } from "@remix-run/node";
import { useTestDatabase } from "../helpers/db";
import { loadBuild, startTestServer, type TestServer } from "../helpers/server";
import { createApp } from "../../server/app.ts";
import { createPrismaClient } from "~/db.server";
import { HEALTH_TIMEOUT_MS, databaseAnswers } from "~/services/health.server";
import { loadEnv } from "~/utils/env.server";

useTestDatabase();

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

/** A database URL of the same kind as the test's that nothing answers at. */
function unreachableUrl(): string {
  const pg = process.env.TEST_PG_URL;
  if (!pg) return "file:/nonexistent-directory-for-health-check/test.db";
  const url = new URL(pg);
  url.pathname = "/hh_no_such_database_for_health_check";
  return url.toString();
}

describe("GET /healthz", () => {
  it("answers 200 ok, never cached, when the database answers", async () => {
    const res = await fetch(`${server.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  });

  it("answers 503 when the check says the database does not answer", async () => {
    const build = await loadBuild();
    const entry = build.entry.module as unknown as { rawEndpoints: Record<string, unknown> };
    const broken = {
      ...build,
      entry: { module: { ...entry, rawEndpoints: { ...entry.rawEndpoints, health: async () => false } } },
    } as unknown as ServerBuild;
    const app = createApp({ build: broken, env: loadEnv() });
    const listener = app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => listener.once("listening", () => resolve()));
    try {
      const { port } = listener.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.text()).toBe("database unavailable");
    } finally {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    }
  });
});

describe("databaseAnswers", () => {
  it("is true for the test database and false for one it cannot reach", async () => {
    expect(await databaseAnswers()).toBe(true);
    const unreachable = createPrismaClient(unreachableUrl());
    try {
      const started = Date.now();
      expect(await databaseAnswers(HEALTH_TIMEOUT_MS, unreachable)).toBe(false);
      expect(Date.now() - started).toBeLessThan(HEALTH_TIMEOUT_MS + 1_000);
    } finally {
      await unreachable.$disconnect().catch(() => {});
    }
  });
});
