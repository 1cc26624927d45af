// Finance journey: the dashboard, the pay periods, a period's page, downloading the change file
// (the period locks) and, without JavaScript, the full file. Every page is checked with axe.
// The period used is one whose cut-off has passed, so locking it moves no employee's change.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { arrive, baseUrl, checkA11y, seen, useBrowser, visit } from "./support.ts";

const browser = useBrowser();
const FINANCE = "fin.officer@council.example";

/** The period to download: a monthly period past its cut-off (none only on the 1st–10th of a month: then the first one). */
async function pickPeriod(page: Page): Promise<{ href: string; label: string }> {
  const table = page.getByTestId("periods-monthly");
  const passed = table.locator('tr[data-status="cut_off_passed"] a');
  const link = (await passed.count()) > 0 ? passed.first() : table.locator("tbody tr a").first();
  return { href: (await link.getAttribute("href"))!, label: (await link.innerText()).trim() };
}

describe("finance downloads a period's payroll file", () => {
  it("opens the dashboard and the periods, downloads the change file, and sees the period locked", async () => {
    const page = await browser.openPageAs(FINANCE);
    await visit(page, "/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Finance" }).click();
    await arrive(page, "/finance", "Finance");
    await seen(page.getByRole("img", { name: /Total given per pay period, Monthly salaried/ }));
    await seen(page.getByRole("table").filter({ hasText: "Total per pay period, Monthly salaried" }));
    await seen(page.getByTestId("changes-this-period"));

    await page.getByRole("link", { name: "Pay periods and payroll files" }).click();
    await arrive(page, "/finance/periods", "Pay periods");
    await seen(page.getByRole("heading", { level: 2, name: "Monthly salaried" }));
    await seen(page.getByRole("heading", { level: 2, name: "Four-weekly" }));

    const period = await pickPeriod(page);
    await page.getByRole("link", { name: period.label, exact: true }).first().click();
    await arrive(page, period.href, period.label);
    await expect(page.getByTestId("period-status").innerText()).resolves.not.toMatch(/^Locked/);
    await seen(page.getByText("Giving mode in force"));
    await seen(page.getByRole("link", { name: "Reconcile what payroll deducted" }));

    await page.getByRole("radio", { name: /Generic change file/ }).check();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the change file" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^helping-hands_monthly-salaried_\d{4}-\d{2}-\d{2}_change_generic-change\.csv$/);
    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(text.split("\r\n")[0]).toBe(
      "Payroll number,First name,Surname,Pay group,Frequency,Change type,Amount per period,Previous amount,Effective period,Effective date,End date,Deduction code",
    );
    expect(text).toMatch(/\r\nTRAILER,ROWS,\d+\r\n/);

    await page.reload({ waitUntil: "load" });
    await checkA11y(page);
    await expect(page.getByTestId("period-status").innerText()).resolves.toMatch(/^Locked on .* by Morgan Lee$/);
    await seen(page.getByTestId("files").getByRole("cell", { name: "Change file" }));
    // a locked period has no lock button
    expect(await page.getByRole("button", { name: "Lock period" }).count()).toBe(0);
  });

  it("works without JavaScript: the BrightPay full file downloads and is listed", async () => {
    // Signed in with JavaScript, then the same cookies without it.
    const signedIn = await browser.openPageAs(FINANCE);
    const context = await signedIn.context().browser()!.newContext({
      baseURL: baseUrl(),
      locale: "en-GB",
      timezoneId: "Europe/London",
      javaScriptEnabled: false,
      storageState: await signedIn.context().storageState(),
    });
    context.setDefaultTimeout(15_000);
    // axe cannot run where JavaScript is off: each page is checked as a copy of its HTML (scripts removed) in a page that has it.
    const checker = await browser.openPage();
    await checker.goto("/accessibility", { waitUntil: "load" });
    const visitNoJs = async (page: Page, path: string) => {
      await page.goto(path, { waitUntil: "load" });
      await checker.setContent((await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, ""), { waitUntil: "load" });
      await checkA11y(checker);
    };
    try {
      const page = await context.newPage();
      await visitNoJs(page, "/finance/periods");
      const period = await pickPeriod(page);
      await visitNoJs(page, period.href);
      const before = await page.getByTestId("files").locator("tbody tr").count();
      await page.getByRole("radio", { name: /BrightPay deductions import/ }).check();
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the full file" }).click()]);
      expect(download.suggestedFilename()).toMatch(/_full_brightpay-deductions\.csv$/);
      const text = fs.readFileSync((await download.path())!, "utf8");
      expect(text.split("\r\n")[0]).toBe("First Name,Surname,Works Number,Description,Amount,Is Deducted Before Tax,Is Deducted Before NIC");
      await visitNoJs(page, period.href);
      expect(await page.getByTestId("files").locator("tbody tr").count()).toBe(before + 1);
    } finally {
      await context.close();
    }
  });
});
