// The privacy notices over HTTP (issue 10): each audience's page lists every field the data inventory
// tags for that audience (and none tagged only for others), shows retention periods as the council has
// set them, and the young people's page stays plain: no legal codes, short sentences.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { startTestServer, type TestServer } from "../helpers/server";
import { parseInventory, rowsForAudience, type Audience } from "~/domain/privacy/inventory";

useTestDatabase();

let server: TestServer;
const inventory = parseInventory(fs.readFileSync("docs/data-inventory.md", "utf8"));
const PAGES: Record<Audience, string> = { staff: "/privacy/staff", donor: "/privacy/donors", young_person: "/privacy/young-people" };

beforeAll(async () => {
  await db().organisationSettings.create({ data: { councilName: "Example Borough Council", fundName: "Helping Hands", retainGiftAidYears: 9, dbsPurgeMonths: 5 } });
  server = await startTestServer();
});
afterAll(async () => server?.close());

const decode = (html: string) =>
  html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * The page's main content as text pieces: inline tags dropped, every other tag a break. The page must hold
 * no NUL byte (React 18's streaming renderer could leave some after a multi-byte character, facebook/react#31134).
 */
function mainText(html: string): string[] {
  expect(html).not.toContain("\0");
  expect(html.startsWith("<!DOCTYPE html><html")).toBe(true);
  const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
  return decode(main.replace(/<\/?(a|strong|em|span|abbr)\b[^>]*>/g, "").replace(/<!--.*?-->/g, ""))
    .split(/<[^>]+>/)
    .map((t) => t.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

async function page(path: string): Promise<{ status: number; text: string[] }> {
  const res = await fetch(`${server.baseUrl}${path}`);
  return { status: res.status, text: res.status === 200 ? mainText(await res.text()) : [] };
}

const labels = (audience: Audience) => new Set(rowsForAudience(inventory, audience).flatMap((g) => g.rows.map((r) => r.data)));

describe("/privacy", () => {
  it("offers a notice for each audience", async () => {
    const res = await fetch(`${server.baseUrl}/privacy`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const path of Object.values(PAGES)) expect(html).toContain(`href="${path}"`);
  });

  it("has no notice for an audience it does not know", async () => {
    expect((await page("/privacy/everyone")).status).toBe(404);
    expect((await page("/privacy/toString")).status).toBe(404);
  });
});

describe.each(Object.entries(PAGES) as [Audience, string][])("%s notice (%s)", (audience, path) => {
  it("lists every field the inventory tags for this audience, and none tagged only for others", async () => {
    const { status, text } = await page(path);
    expect(status).toBe(200);
    const shown = new Set(text);
    const mine = labels(audience);
    expect(mine.size).toBeGreaterThan(10);
    expect([...mine].filter((label) => !shown.has(label))).toEqual([]);
    const others = (Object.keys(PAGES) as Audience[]).filter((a) => a !== audience).flatMap((a) => [...labels(a)]);
    const onlyOthers = others.filter((label) => !mine.has(label));
    expect(onlyOthers.length).toBeGreaterThan(0);
    expect(onlyOthers.filter((label) => shown.has(label))).toEqual([]);
  });

  it("says who controls the data and how to complain to the ICO", async () => {
    const text = (await page(path)).text.join(" ");
    expect(text).toMatch(/Example Borough Council/);
    expect(text).toMatch(/Information Commissioner's Office \(ICO\)/);
    expect(text).toMatch(/ico\.org\.uk/);
  });

  it("shows retention periods as the council has set them, never a setting's name", async () => {
    const text = (await page(path)).text.join(" ");
    expect(text).not.toMatch(/\{\w+\}/);
    if (audience === "donor") expect(text).toContain("9 years after the end of the accounting period");
    if (audience === "staff") expect(text).toContain("5 months after it was recorded, then deleted");
  });
});

describe("the young people's notice", () => {
  it("uses no legal codes or jargon without saying what it means", async () => {
    const text = (await page(PAGES.young_person)).text.join(" ");
    expect(text).not.toMatch(/lawful basis|special category|\bart\.|\barticle \d|6\(1\)|9\(2\)|Schedule 1|subject access|pseudonym/i);
    // The one legal term it uses is explained in the next sentence.
    expect(text).toMatch(/“data controller”\. That means/);
    expect(text).toMatch(/Why we are allowed to/);
  });

  it("keeps every sentence short (25 words at most)", async () => {
    const sentences = (await page(PAGES.young_person)).text.flatMap((piece) => piece.split(/(?<=[.!?])\s+/));
    expect(sentences.length).toBeGreaterThan(50);
    expect(sentences.filter((s) => s.split(/\s+/).length > 25)).toEqual([]);
  });

  it("while the staff and donor notices give the legal basis in full", async () => {
    for (const path of [PAGES.staff, PAGES.donor]) {
      const text = (await page(path)).text.join(" ");
      expect(text).toMatch(/Lawful basis/);
      expect(text).toMatch(/art\. 6\(1\)\(b\) contract/);
    }
  });
});
