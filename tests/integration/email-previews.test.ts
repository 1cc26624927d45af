// Every email template can be read in development (/dev/emails) before it is ever sent; the
// previews are not found once real email is on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";
import { EMAIL_PREVIEWS } from "../../emails/previews";
import { resetEnvForTests } from "~/utils/env.server";
import { loader as listLoader } from "~/routes/dev.emails._index";
import { loader as templateLoader } from "~/routes/dev.emails.$template";
import { loader as htmlLoader } from "~/routes/dev.emails.$template_.html";

useTestDatabase();

describe("email template previews", () => {
  it.each(Object.entries(EMAIL_PREVIEWS))("%s renders a subject, HTML and plain text", (_key, preview) => {
    const email = preview.render();
    expect(email.subject.length).toBeGreaterThan(10);
    expect(email.html).toMatch(/^<!DOCTYPE html>|<html/i);
    expect(email.text.length).toBeGreaterThan(40);
    expect(email.text).not.toMatch(/undefined|NaN|\[object/);
  });

  describe("over HTTP", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(async () => {
      delete process.env.SENDGRID_API_KEY;
      resetEnvForTests();
      await server?.close();
    });

    it("lists every template and shows each one with its HTML as a download", async () => {
      const index = await (await fetch(`${server.baseUrl}/dev/emails`)).text();
      for (const preview of Object.values(EMAIL_PREVIEWS)) expect(index).toContain(preview.label);
      const page = await fetch(`${server.baseUrl}/dev/emails/donation-receipt`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Reference: HH-7K2M9Q");
      const html = await fetch(`${server.baseUrl}/dev/emails/donation-receipt/html`);
      expect(html.headers.get("content-disposition")).toBe('attachment; filename="donation-receipt.html"');
      expect(await html.text()).toContain("HH-7K2M9Q");
      expect((await fetch(`${server.baseUrl}/dev/emails/no-such-template`)).status).toBe(404);
    });

    it("is not found when emails really go out", async () => {
      process.env.SENDGRID_API_KEY = "SG.test";
      resetEnvForTests();
      const args = { request: new Request("http://x/dev/emails"), params: { template: "donation-receipt" }, context: {} };
      for (const [name, loader] of [["index", listLoader], ["template", templateLoader], ["html", htmlLoader]] as const) {
        let thrown: unknown;
        try {
          await loader(args as never);
        } catch (error) {
          thrown = error;
        }
        expect(thrown instanceof Response && thrown.status, name).toBe(404);
      }
    });
  });
});
