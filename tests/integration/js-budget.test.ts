// The donate page's JavaScript budget (issue 11): at most 100 KB gzipped, measured as the pages bench
// does (bench/js-weight.ts) on the built app. Zod and Node polyfills must stay out of pages that do not
// need them (app/entry.client.tsx, app/domain/pledges/amount-forms.ts, app/domain/payroll/csv-records.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";
import { seed } from "../../prisma/seed";
import { db } from "~/db.server";
import { pageJavaScript } from "../../bench/js-weight";

useTestDatabase();
let server: TestServer;

beforeAll(async () => {
  await seed(db());
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe("the donate page's JavaScript", () => {
  it("is at most 100 KB gzipped, with neither Zod nor a Buffer polyfill", async () => {
    const js = await pageJavaScript(server.baseUrl, "/donate");
    expect(js.kb).toBeLessThanOrEqual(100);
    for (const file of js.files) {
      const source = await (await fetch(server.baseUrl + file.url)).text();
      expect(source, file.url).not.toMatch(/ZodType|ZodError/);
      expect(source, file.url).not.toMatch(/Buffer\.from|buffer\.Buffer|Buffer\.alloc/);
    }
  });
});
