// A member of the public gives £12 with Gift Aid through the local test checkout; finance then previews the
// Gift Aid claim schedule for a range covering today, exports it (a CSV download in HMRC's columns, with the
// donor's row), and showing the same range again finds nothing left to claim: the gift was marked claimed.
// Other journeys may have given (and other claims been exported) before this file runs: no exact counts.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { createPrismaClient } from "~/db.server";
import { arrive, checkA11y, seen, useBrowser, visit } from "./support.ts";

const browser = useBrowser();
const FINANCE = "fin.officer@council.example";
// A distinctive donor, so their row can be found among any others.
const FIRST = "Ottoline";
const LAST = "Quillfeather";
const DONOR_EMAIL = "ottoline.quillfeather@example.com";
const HMRC_COLUMNS = ["Title", "First name", "Last name", "House name or number", "Postcode", "Aggregated donations", "Sponsored event", "Donation date", "Amount"];
const main = (page: Page) => page.getByRole("main");

// Gift Aid is offered and claimable only once the fund is HMRC-recognised: make the demo fund recognised as of a
// date well in the past for this file (there is no settings page yet), and put the settings back afterwards.
let restore: (() => Promise<void>) | undefined;
beforeAll(async () => {
  const client = createPrismaClient(inject("databaseUrl"));
  const before = await client.organisationSettings.findUniqueOrThrow({ where: { id: 1 } });
  await client.organisationSettings.update({ where: { id: 1 }, data: { charityStatus: "recognised", hmrcRecognisedOn: new Date("2020-01-01T00:00:00Z") } });
  restore = async () => {
    await client.organisationSettings.update({ where: { id: 1 }, data: { charityStatus: before.charityStatus, hmrcRecognisedOn: before.hmrcRecognisedOn } });
    await client.$disconnect();
  };
});
afterAll(async () => {
  await restore?.();
});

/** A UK calendar day: its parts, and the schedule's DD/MM/YY. */
function ukDay(date: Date): { day: string; month: string; year: string; ddmmyy: string } {
  const fmt = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });
  const parts = Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    day: String(Number(parts.day)),
    month: String(Number(parts.month)),
    year: parts.year,
    ddmmyy: `${parts.day}/${parts.month}/${parts.year.slice(2)}`,
  };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** "6 April 2026", as the page shows a day. */
const longDay = (d: { day: string; month: string; year: string }) => `${d.day} ${MONTHS[Number(d.month) - 1]} ${d.year}`;

/** RFC 4180: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += c;
    }
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The number beside "Gifts to claim on" in the preview. */
async function giftsToClaim(page: Page): Promise<number> {
  const text = await page.getByTestId("claim-preview").locator("dt", { hasText: "Gifts to claim on" }).locator("xpath=following-sibling::dd[1]").innerText();
  return Number(text.trim());
}

describe("a Gift Aid claim for a public card gift", () => {
  it("the donor gives £12 with Gift Aid; finance exports the schedule with their row; the gift is not claimed twice", async () => {
    // (1) A member of the public (not signed in) gives £12 with Gift Aid.
    const donor = await browser.openPage();
    await visit(donor, "/donate");
    await seen(main(donor).getByRole("heading", { level: 1, name: "How much would you like to give?" }));
    await donor.getByLabel("Other amount", { exact: true }).check();
    await donor.getByLabel("Other amount in pounds").fill("12");
    await donor.getByRole("button", { name: "Continue" }).click();

    await arrive(donor, "/donate/details", "Your details");
    await donor.getByLabel("Full name").fill(`${FIRST} ${LAST}`);
    await donor.getByLabel("Email address").fill(DONOR_EMAIL);
    await donor.getByRole("button", { name: "Continue" }).click();

    await arrive(donor, "/donate/gift-aid", "Do you want to add Gift Aid?");
    await donor.getByLabel("Yes, I am a UK taxpayer and want to add Gift Aid").check();
    await donor.getByRole("button", { name: "Continue" }).click();

    await arrive(donor, "/donate/declaration", "Your Gift Aid declaration");
    expect(await donor.getByLabel("First name").inputValue()).toBe(FIRST);
    expect(await donor.getByLabel("Last name").inputValue()).toBe(LAST);
    await donor.getByLabel("House name or number").fill("7");
    // Lower case, as a donor may type it (not "ab1 2cd": C is never the letter of an inward code, and the form knows).
    await donor.getByLabel("Postcode").fill("ab1 2bd");
    await donor.getByLabel("This gift only").check();
    await donor.getByRole("button", { name: "Continue" }).click();

    await arrive(donor, "/donate/check", "Check your answers before you pay");
    await seen(donor.getByTestId("check-answers").getByText("£12", { exact: true }));
    await donor.getByRole("button", { name: "Continue to payment" }).click();

    await arrive(donor, /\/dev\/checkout\//, "Test checkout — no real payment");
    const reference = (await donor.locator("dt", { hasText: "Reference" }).locator("xpath=following-sibling::dd[1]").innerText()).trim();
    expect(reference).toMatch(/^HH-/);
    await donor.getByRole("button", { name: "Pay (test)" }).click();
    await arrive(donor, `/donate/thank-you/${reference}`, "Thank you, your gift of £12 has been received");
    await seen(main(donor).getByText(reference));
    const today = ukDay(new Date());

    // (2) Finance previews a range covering today, then exports the schedule.
    const finance = await browser.openPageAs(FINANCE);
    await visit(finance, "/finance/gift-aid");
    await seen(main(finance).getByRole("heading", { level: 1, name: "Gift Aid claim schedule" }));
    const from = ukDay(new Date(Date.now() - 7 * 24 * 60 * 60 * 1000));
    await finance.locator("#from").fill(from.day);
    await finance.locator("#from-month").fill(from.month);
    await finance.locator("#from-year").fill(from.year);
    await finance.locator("#to").fill(today.day);
    await finance.locator("#to-month").fill(today.month);
    await finance.locator("#to-year").fill(today.year);
    await finance.getByRole("button", { name: "Show what would be claimed" }).click();
    await finance.waitForURL((url) => url.pathname === "/finance/gift-aid" && url.searchParams.has("fromDay"));
    await seen(finance.getByTestId("claim-preview"));
    await checkA11y(finance);
    const rangeUrl = finance.url();
    expect(await giftsToClaim(finance)).toBeGreaterThanOrEqual(1);

    const [download] = await Promise.all([finance.waitForEvent("download"), finance.getByRole("button", { name: "Export claim schedule" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^gift-aid-claim-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = await download.path();
    expect(file).toBeTruthy();
    const csv = fs.readFileSync(file!, "utf8");
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(HMRC_COLUMNS);
    const ours = rows.slice(1).filter((r) => r[2] === LAST);
    expect(ours).toEqual([["", FIRST, LAST, "7", "AB1 2BD", "", "", today.ddmmyy, "12.00"]]);

    // (3) The same range again: the gift was marked claimed, so there is nothing left to claim.
    await finance.getByRole("button", { name: "Show what would be claimed" }).click();
    await seen(main(finance).getByText("There are no gifts to claim Gift Aid on between these dates."));
    expect(finance.url()).toBe(rangeUrl);
    await checkA11y(finance);
    expect(await giftsToClaim(finance)).toBe(0);
    expect(await finance.getByRole("button", { name: "Export claim schedule" }).count()).toBe(0);
    await seen(main(finance).getByRole("listitem").filter({ hasText: /^\d+ gifts?: already claimed$/ }));
    // And the export is listed among the claims already exported, with its range.
    const claims = main(finance).getByRole("region", { name: "Claims already exported" });
    await seen(claims.getByRole("row").filter({ hasText: `${longDay(from)} to ${longDay(today)}` }));
  });
});
