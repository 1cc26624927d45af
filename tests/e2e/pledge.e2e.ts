// The employee's regular gift from pay: Alex sets one up (with a wrong answer on the way), changes the
// amount, pauses, restarts and stops it — once with JavaScript and once without. Every page passes axe.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { baseUrl as BASE, checkA11y, seen, useBrowser, visit as visitPage } from "./support.ts";

const ALEX = "alex.morgan@council.example";
const browser = useBrowser();

const main = (page: Page) => page.getByRole("main");

type Check = (page: Page) => Promise<void>;

/**
 * axe cannot run in a page whose JavaScript is off (Playwright's evaluate hangs there), so a page seen
 * without JavaScript is checked as a copy: its HTML, scripts removed, in a page of this origin that
 * has JavaScript. That is exactly the document a browser without JavaScript shows, styles included.
 */
function staticChecker(checker: Page): Check {
  return async (page) => {
    await page.waitForLoadState("load");
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
    await checker.setContent(html, { waitUntil: "load" });
    try {
      await checkA11y(checker);
    } catch (err) {
      throw new Error(`${page.url()} (checked as a copy without scripts): ${(err as Error).message}`);
    }
  };
}

async function journey(page: Page, check: Check, amounts: { first: string; corrected: string; amended: string }) {
  const checkA11y = check;
  const visit = async (path: string) => {
    const response = await page.goto(path, { waitUntil: "load" });
    await check(page);
    return response;
  };
  const arrive = async (path: string, heading: string) => {
    await page.waitForURL((url) => url.pathname === path);
    await page.getByRole("heading", { level: 1, name: heading }).waitFor();
    await check(page);
  };
  await visit("/giving");
  await seen(page.getByRole("heading", { level: 1, name: "My giving" }));
  await seen(main(page).getByText("You do not give from your pay at the moment."));
  await seen(main(page).getByText("You have not given by card yet."));
  await main(page).getByRole("link", { name: "Give from your pay" }).click();

  // Amount: a wrong answer first, then the costs, then on.
  await arrive("/giving/pledge/amount", "How much do you want to give each pay period?");
  await page.getByLabel("How much do you want to give each pay period?").fill("1");
  await page.getByRole("button", { name: "Continue" }).click();
  await seen(page.getByTestId("error-summary").getByText("Enter an amount of at least £2 each pay period"));
  await checkA11y(page);
  await page.getByLabel("How much do you want to give each pay period?").fill(amounts.first);
  await page.getByRole("button", { name: "Show what it costs" }).click();
  await seen(page.getByTestId("cost-table").getByText("Each year (12 pay periods)"));
  await checkA11y(page);
  await page.getByRole("button", { name: "Continue" }).click();

  await arrive("/giving/pledge/message", "Do you want to add a message to your gift? (optional)");
  await page.getByLabel("Do you want to add a message to your gift? (optional)").fill("In memory of Nan");
  await page.getByRole("button", { name: "Continue" }).click();

  // Check your answers; change the amount from there and come straight back.
  await arrive("/giving/pledge/check", "Check your answers before setting up your gift");
  await seen(page.getByTestId("check-answers").getByText(`£${amounts.first}`, { exact: true }));
  await seen(page.getByTestId("check-answers").getByText("In memory of Nan"));
  await page.getByRole("link", { name: "Change the amount" }).click();
  await arrive("/giving/pledge/amount", "How much do you want to give each pay period?");
  await page.getByLabel("How much do you want to give each pay period?").fill(amounts.corrected);
  await page.getByRole("button", { name: "Continue" }).click();
  await arrive("/giving/pledge/check", "Check your answers before setting up your gift");
  await seen(page.getByTestId("check-answers").getByText(`£${amounts.corrected}`, { exact: true }));
  const wording = await page.getByTestId("authorisation-wording").innerText();
  expect(wording).toMatch(new RegExp(`^I authorise a deduction of £${amounts.corrected} each pay period from my pay after tax, starting from the .+ pay period\\.`));
  expect(wording).toContain("(Terms version 1.)");
  await page.getByRole("button", { name: "Confirm and set up" }).click();

  await arrive("/giving/pledge/done", "Regular gift set up");
  await seen(page.getByTestId("confirmation-panel").getByText(`Your regular gift of £${amounts.corrected} each pay period starts from`));
  await main(page).getByRole("link", { name: "Go to My giving" }).click();
  await arrive("/giving", "My giving");
  await seen(page.getByTestId("current-pledge").getByText("Active", { exact: true }));

  // Amend
  await main(page).getByRole("link", { name: "Change the amount" }).click();
  await arrive("/giving/amend", "What do you want to give each pay period instead?");
  await page.getByLabel("What do you want to give each pay period instead?").fill(amounts.corrected);
  await page.getByRole("button", { name: "Continue" }).click();
  await seen(page.getByTestId("error-summary").getByText("Enter a different amount from the one you give now"));
  await checkA11y(page);
  await page.getByLabel("What do you want to give each pay period instead?").fill(amounts.amended);
  await page.getByRole("button", { name: "Continue" }).click();
  await arrive("/giving/amend/check", "Check your new amount");
  expect(await page.getByTestId("authorisation-wording").innerText()).toContain(`a deduction of £${amounts.amended} each pay period`);
  await page.getByRole("button", { name: "Confirm new amount" }).click();
  await arrive("/giving/done", "Amount changed");

  // Pause from the earliest period, with a wrong end date first
  await visit("/giving");
  await main(page).getByRole("link", { name: "Pause your gift" }).click();
  await arrive("/giving/pause", "Which pay period do you want to pause from?");
  await page.getByLabel("Day").fill("31");
  await page.getByLabel("Month").fill("2");
  await page.getByLabel("Year").fill("2099");
  await page.getByRole("button", { name: "Continue" }).click();
  await seen(page.getByTestId("error-summary").getByText("The date the pause ends must be a real date, like 1 3 2027"));
  await checkA11y(page);
  for (const label of ["Day", "Month", "Year"]) await page.getByLabel(label).fill("");
  await page.getByRole("button", { name: "Continue" }).click();
  await arrive("/giving/pause/check", "Check your pause");
  await seen(page.getByTestId("check-answers").getByText("When you restart it"));
  await page.getByRole("button", { name: "Confirm pause" }).click();
  await arrive("/giving/done", "Gift paused");

  // Resume
  await visit("/giving");
  await seen(page.getByTestId("current-pledge").getByText("Paused", { exact: true }));
  await main(page).getByRole("link", { name: "Restart your gift" }).click();
  await arrive("/giving/resume", "Restart your regular gift");
  await page.getByRole("button", { name: "Confirm and restart" }).click();
  await arrive("/giving/done", "Gift restarted");

  // Stop
  await visit("/giving");
  await main(page).getByRole("link", { name: "Stop your gift" }).click();
  await arrive("/giving/stop", "Are you sure you want to stop your regular gift?");
  await page.getByRole("button", { name: "Yes, stop my gift" }).click();
  await arrive("/giving/done", "Gift stopped");

  // My giving: no live gift; the history lists the five changes of this gift.
  await visit("/giving");
  await seen(main(page).getByRole("link", { name: "Give from your pay" }));
  const history = page.getByTestId("pledge-history").locator("tbody tr");
  const rows = await history.allInnerTexts();
  expect(rows.slice(0, 5).map((r) => r.split("\t")[0].trim())).toEqual(["Stopped", "Restarted", "Paused", "Amount changed", "Gift set up"]);

  // Every change was confirmed by email.
  await visit("/dev/outbox");
  for (const subject of ["is set up", "has changed", "is paused", "has restarted", "has stopped"]) {
    await seen(main(page).getByRole("link", { name: new RegExp(`Your regular gift from pay ${subject}.*to ${ALEX}`) }));
  }
}

describe("an employee's regular gift from pay", () => {
  it("with JavaScript: set up, amend, pause, restart, stop", async () => {
    const page = await browser.openPageAs(ALEX);
    await journey(page, checkA11y, { first: "5", corrected: "6", amended: "8" });
  });

  it("without JavaScript: the same journey works with plain forms", async () => {
    // Signed in (with JavaScript: the sign-in journey has its own tests), then the same cookies without it.
    const signedIn = await browser.openPageAs(ALEX);
    const context = await signedIn.context().browser()!.newContext({
      baseURL: BASE(),
      locale: "en-GB",
      timezoneId: "Europe/London",
      javaScriptEnabled: false,
      storageState: await signedIn.context().storageState(),
    });
    try {
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const checker = await browser.openPage();
      await checker.goto("/accessibility", { waitUntil: "load" });
      await journey(page, staticChecker(checker), { first: "3", corrected: "4.50", amended: "7" });
    } finally {
      await context.close();
    }
  });

  it("another role never reaches the giving pages", async () => {
    const page = await browser.openPageAs("fin.officer@council.example");
    const response = await visitPage(page, "/giving");
    expect(response?.status()).toBe(403);
  });
});
