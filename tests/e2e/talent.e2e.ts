// Giving Time and the Talent Network end to end (issue 7): Alex, an employee, offers CV help; Jordan's
// personal adviser asks for CV help for him (not under 18, so no DBS check is needed: the safeguarding
// refusals are covered by the Vitest cases); the coordinator finds Alex's offer in the short-list with
// its reasons and links them, and both sides are emailed only what they need; Alex logs 2 hours; the
// coordinator approves them and the approved totals move by 2 hours. Every page passes axe.
import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { arrive, checkA11y, seen, useBrowser, visit } from "./support.ts";

const browser = useBrowser();
const main = (page: Page) => page.getByRole("main");

const EMPLOYEE = "alex.morgan@council.example";
const ADVISER = "pa.khan@council.example";
const COORDINATOR = "coordinator@council.example";
const JORDAN = "jordan@young.example";

const DETAILS = "A first CV and a covering letter for a Saturday job in a bike shop.";
const NOTE = "Went through a first CV draft with him over a video call.";

/** The fieldset (radios or checkboxes) with this legend. */
const group = (page: Page, legend: string) => page.getByRole("group", { name: legend });

/** The row of a table that holds `text`. */
const rowOf = (scope: Locator, text: string) => scope.getByRole("row").filter({ hasText: text });

/** Today in the UK, as the hours form's day, month and year. */
function ukToday(): { day: string; month: string; year: string } {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { day: part("day"), month: part("month"), year: part("year") };
}

/** "2 hours" / "1,234.5 hours" / "1 hour" → minutes. */
function minutesOf(text: string): number {
  const match = /^([\d,]+(?:\.\d+)?) hours?$/.exec(text.trim());
  if (!match) throw new Error(`not a number of hours: ${text}`);
  return Math.round(Number(match[1].replace(/,/g, "")) * 60);
}

/** The approved totals on the coordinator's hours page: in all, this month, and Alex's own (0 while he has no row). */
async function approvedTotals(page: Page): Promise<{ all: number; thisMonth: number; alex: number }> {
  await seen(page.getByRole("heading", { level: 1, name: "Hours given" }));
  const headline = (await page.getByTestId("hours-headline").innerText()).trim();
  const match = /^(.+) in all; (.+) this month\.$/.exec(headline);
  if (!match) throw new Error(`unexpected hours headline: ${headline}`);
  const people = page.getByTestId("hours-by-person");
  const alexRow = rowOf(people, "Alex Morgan");
  const alex = (await people.count()) && (await alexRow.count()) ? minutesOf(await alexRow.getByRole("cell").innerText()) : 0;
  return { all: minutesOf(match[1]), thisMonth: minutesOf(match[2]), alex };
}

describe("Giving Time and the Talent Network, from an offer to approved hours", () => {
  it("Alex offers CV help, the adviser asks for Jordan, the coordinator links them, Alex logs 2 hours and they are approved", { timeout: 300_000 }, async () => {
    // 1. Alex offers CV help, with his manager's approval.
    const alex = await browser.openPageAs(EMPLOYEE);
    await visit(alex, "/");
    await alex.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Giving time" }).click();
    await arrive(alex, "/giving-time", "Giving time");
    await main(alex).getByRole("link", { name: "Offer your time" }).click();
    await arrive(alex, "/giving-time/offer/new", "Offer your time");
    await group(alex, "What can you help with?").getByLabel("CV help", { exact: true }).check();
    await alex.getByLabel("Anything else you can offer (optional)").fill("Covering letters for shop and warehouse jobs");
    await alex.getByLabel("How many hours a month can you give?").fill("4");
    const alexFree = group(alex, "When are you usually free?");
    await alexFree.getByLabel("Tuesday evening", { exact: true }).check();
    await alexFree.getByLabel("Thursday evening", { exact: true }).check();
    await group(alex, "Can you help in person or online?").getByLabel("In person or online", { exact: true }).check();
    await alex.getByLabel("Town or area where you can meet").fill("Stockton");
    await group(alex, "Is this a one-off or regular?").getByLabel("Regular", { exact: true }).check();
    await group(alex, "Would you also like to be considered as a mentor?").getByLabel("No", { exact: true }).check();
    await group(alex, "Has your manager approved this time in your work hours?").getByLabel("Yes", { exact: true }).check();
    await alex.getByRole("button", { name: "Make the offer" }).click();

    await arrive(alex, "/giving-time", "Giving time");
    await seen(alex.getByTestId("flash").getByText("Thank you. Your offer is on the Talent Network."));
    const offerRow = rowOf(alex.getByTestId("offers-table"), "CV help");
    await seen(offerRow.getByRole("cell", { name: "4 (0 linked)" }));
    await seen(offerRow.getByRole("cell", { name: "Active", exact: true }));

    // 2. Aisha Khan, Jordan's personal adviser, asks for CV help for him: Thursday evening overlaps
    // Alex's times, Saturday daytime does not; in person in Stockton; he is not under 18.
    const adviser = await browser.openPageAs(ADVISER);
    await visit(adviser, "/");
    await adviser.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Ask for help" }).click();
    await arrive(adviser, "/help", "Ask for help");
    await main(adviser).getByRole("link", { name: "Ask for help" }).click();
    await arrive(adviser, "/help/new", "Ask for help");
    await group(adviser, "Who is the request for?").getByLabel("Jordan Reed", { exact: true }).check();
    await group(adviser, "What help is wanted?").getByLabel("CV help", { exact: true }).check();
    await adviser.getByLabel("Tell us more about the help wanted").fill(DETAILS);
    const suits = group(adviser, "When suits?");
    await suits.getByLabel("Thursday evening", { exact: true }).check();
    await suits.getByLabel("Saturday daytime", { exact: true }).check();
    await group(adviser, "In person or online?").getByLabel("In person", { exact: true }).check();
    await adviser.getByLabel("Town or area where they can meet").fill("Stockton");
    await adviser.getByLabel("About how many hours a month of help?").fill("2");
    await group(adviser, "Would a woman or a man volunteer be better?").getByLabel("It does not matter", { exact: true }).check();
    await group(adviser, "Is the young person under 18?").getByLabel("No", { exact: true }).check();
    await adviser.getByRole("button", { name: "Send the request" }).click();

    // (Not /help/new, where the adviser is now: arrive matches the whole address.)
    await arrive(adviser, /\/help\/(?!new$)[^/]+$/, "Jordan's request for help");
    const requestId = new URL(adviser.url()).pathname.split("/")[2];
    await seen(adviser.getByTestId("flash").getByText("Your request is sent."));
    await seen(adviser.getByTestId("request-status").getByText("Looking for a volunteer"));
    await seen(adviser.getByTestId("request").getByText(DETAILS));

    // 3. The coordinator opens the request, finds Alex in the short-list with the reasons, and links them.
    const coordinator = await browser.openPageAs(COORDINATOR);
    await visit(coordinator, "/");
    await coordinator.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Talent Network" }).click();
    await arrive(coordinator, "/coordinator/talent", "Talent Network");
    await main(coordinator).getByRole("link", { name: "Requests for help" }).click();
    await arrive(coordinator, "/coordinator/talent/requests", "Requests for help");
    // The demo already has an open CV request for Jordan: open this one, by its address.
    await coordinator.getByTestId("requests").locator(`a[href="/coordinator/talent/requests/${requestId}"]`).click();
    await arrive(coordinator, `/coordinator/talent/requests/${requestId}`, "Request for help from Jordan Reed");
    const asked = coordinator.getByTestId("request");
    await seen(asked.getByText("Aisha Khan (personal adviser)"));
    await seen(asked.getByText(DETAILS));

    const alexSuggested = rowOf(coordinator.getByTestId("shortlist"), "Alex Morgan");
    await seen(alexSuggested);
    const reasons = await alexSuggested.getByRole("listitem").allInnerTexts();
    expect(reasons.map((r) => r.trim())).toEqual(["Skills: CV help", "Free at the same times (1 of 2)", "Same area (Stockton)"]);
    // 60 for the one skill asked for, 15 for one of two times, 10 for the same town.
    await seen(alexSuggested.getByRole("cell", { name: "85", exact: true }));
    await alexSuggested.getByRole("button", { name: "Link Alex Morgan" }).click();
    await seen(coordinator.getByTestId("flash").getByText("Linked. The volunteer and the young person have been emailed."));
    await seen(coordinator.getByText("Status: Linked with a volunteer"));
    await seen(coordinator.getByTestId("links").getByRole("listitem").filter({ hasText: "Alex Morgan" }).filter({ hasText: "2 hours a month" }));
    expect(await coordinator.getByTestId("shortlist").count()).toBe(0);
    await checkA11y(coordinator);

    // Both sides were told, each with only what they need: Alex gets Jordan's first name and no surname
    // or contact details; Jordan and his adviser get Alex's first name and what he offers.
    await visit(coordinator, "/dev/outbox");
    await seen(coordinator.getByRole("heading", { level: 1, name: "Outbox" }));
    const outbox = main(coordinator);
    await seen(outbox.getByRole("link", { name: `A volunteer for your request – Helping Hands to ${JORDAN}`, exact: true }));
    await seen(outbox.getByRole("link", { name: `A volunteer for Jordan's request – Helping Hands to ${ADVISER}`, exact: true }));
    await outbox.getByRole("link", { name: `You have been linked with Jordan – Helping Hands to ${EMPLOYEE}`, exact: true }).click();
    await arrive(coordinator, /\/dev\/outbox\/[^/]+$/, "You have been linked with Jordan – Helping Hands");
    const toAlex = await coordinator.getByTestId("email-text").innerText();
    expect(toAlex).toContain("Dear Alex,");
    expect(toAlex).toContain(DETAILS);
    expect(toAlex).toContain("When suits them: Thursday evening, Saturday daytime");
    expect(toAlex).not.toMatch(/\bReed\b/);
    expect(toAlex).not.toContain(JORDAN);
    const linkUrl = toAlex.match(/See the link and log your hours: (\S+)/)?.[1];
    expect(linkUrl).toMatch(/\/giving-time\/links\/[^/]+$/);
    const linkPath = new URL(linkUrl!).pathname;

    await visit(coordinator, "/dev/outbox");
    await main(coordinator).getByRole("link", { name: `A volunteer for your request – Helping Hands to ${JORDAN}`, exact: true }).click();
    await arrive(coordinator, /\/dev\/outbox\/[^/]+$/, "A volunteer for your request – Helping Hands");
    const toJordan = await coordinator.getByTestId("email-text").innerText();
    expect(toJordan).toContain("Dear Jordan,");
    expect(toJordan).toContain("with a volunteer, Alex.");
    expect(toJordan).not.toContain("Morgan");
    expect(toJordan).not.toContain(EMPLOYEE);

    // 4. Alex opens the link from his giving-time page (first name only, no contact details) and logs 2 hours.
    await visit(alex, "/giving-time");
    await seen(alex.getByRole("heading", { level: 1, name: "Giving time" }));
    const linkRow = rowOf(alex.getByTestId("links-table"), "Jordan");
    await seen(linkRow.getByRole("cell", { name: "Active", exact: true }));
    await seen(rowOf(alex.getByTestId("offers-table"), "CV help").getByRole("cell", { name: "4 (2 linked)" }));
    await linkRow.getByRole("link", { name: "Jordan" }).click();
    await arrive(alex, linkPath, "Helping Jordan");
    await seen(alex.getByTestId("link-summary").getByText("Not shared yet"));
    const alexSees = await main(alex).innerText();
    expect(alexSees).not.toMatch(/\bReed\b/);
    expect(alexSees).not.toContain(JORDAN);

    const today = ukToday();
    const when = group(alex, "When did you give the time?");
    await when.getByLabel("Day", { exact: true }).fill(today.day);
    await when.getByLabel("Month", { exact: true }).fill(today.month);
    await when.getByLabel("Year", { exact: true }).fill(today.year);
    await alex.getByLabel("How many hours?").fill("2");
    await alex.getByLabel("What did you do?").fill(NOTE);
    await alex.getByRole("button", { name: "Log hours" }).click();
    await seen(alex.getByTestId("flash").getByText("2 hours logged. The programme coordinator will approve them."));
    await seen(alex.getByTestId("hours-totals").getByText("Approved: 0 hours. Waiting for approval: 2 hours."));
    await checkA11y(alex);

    // 5. The coordinator approves them; the approved totals move by exactly 2 hours.
    await visit(coordinator, "/coordinator/talent");
    await main(coordinator).getByRole("link", { name: "Hours to approve" }).click();
    await arrive(coordinator, "/coordinator/talent/hours", "Hours given");
    const before = await approvedTotals(coordinator);
    const pending = rowOf(coordinator.getByTestId("pending-hours"), NOTE);
    await seen(pending.getByRole("rowheader", { name: "Alex Morgan" }));
    await seen(pending.getByRole("cell", { name: "2 hours", exact: true }));
    await pending.getByRole("button", { name: "Approve 2 hours from Alex Morgan" }).click();
    await seen(coordinator.getByTestId("flash").getByText("Hours approved."));
    await checkA11y(coordinator);
    expect(await rowOf(coordinator.getByTestId("pending-hours"), NOTE).count()).toBe(0);
    const after = await approvedTotals(coordinator);
    expect(after.all - before.all).toBe(120);
    expect(after.thisMonth - before.thisMonth).toBe(120);
    expect(after.alex - before.alex).toBe(120);

    // Alex sees them approved.
    await visit(alex, linkPath);
    await seen(alex.getByTestId("hours-totals").getByText("Approved: 2 hours. Waiting for approval: 0 hours."));
  });
});
