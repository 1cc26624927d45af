// Finance reconciles a period of the demo data: uploads what payroll deducted (one difference),
// is refused confirming until the difference has a reason, explains it, confirms, and sees the
// confirmation. Every page on the way is checked with axe.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { demoAccount } from "../../prisma/demo-accounts.ts";
import { arrive, checkA11y, seen, useBrowser, visit } from "./support.ts";

const browser = useBrowser();

/** A period of the demo data that expects deductions and is not reconciled yet, with its expected CSV. */
async function periodToReconcile(page: Page): Promise<{ id: string; csv: string[][] }> {
  await visit(page, "/finance/periods");
  const hrefs = await page.locator('main a[href^="/finance/periods/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const ids = [...new Set(hrefs.map((h) => /^\/finance\/periods\/([^/?#]+)$/.exec(h)?.[1]).filter((id): id is string => Boolean(id)))];
  // Prefer the monthly group: the demo employees whose giving other journeys check (Sam) are four-weekly.
  const candidates: { id: string; csv: string[][]; monthly: boolean }[] = [];
  for (const id of ids.slice(0, 8)) {
    const res = await page.request.get(`/finance/periods/${id}/reconcile/expected.csv`);
    expect(res.status()).toBe(200);
    const rows = (await res.text()).trim().split("\n").map((line) => line.split(","));
    if (rows.length < 3) continue; // a header and at least two employees
    const html = await (await page.request.get(`/finance/periods/${id}/reconcile`)).text();
    if (html.includes("Reconciliation confirmed")) continue;
    candidates.push({ id, csv: rows, monthly: html.includes(">Monthly salaried<") });
  }
  const chosen = candidates.find((c) => c.monthly) ?? candidates[0];
  if (chosen) return chosen;
  throw new Error(`none of the first periods (${ids.slice(0, 8).join(", ")}) expects deductions in the demo data`);
}

describe("finance reconciles what payroll deducted", () => {
  it("uploads a file with one difference, explains it, confirms", async () => {
    const page = await browser.openPageAs(demoAccount("finance").email);
    const { id, csv } = await periodToReconcile(page);
    const path = `/finance/periods/${id}/reconcile`;

    await visit(page, path);
    await seen(page.getByRole("heading", { level: 1, name: /^Reconcile / }));
    await seen(page.getByRole("heading", { level: 2, name: "Upload what payroll deducted" }));

    // A bad file first: refused, naming the row and column, and nothing changes.
    await page.getByLabel("CSV file from payroll").setInputFiles({
      name: "bad.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`Payroll number,Amount,Period\n${csv[1][0]},-5.00,${csv[1][2]}\n`),
    });
    await page.getByRole("button", { name: "Upload" }).click();
    await seen(page.getByTestId("error-summary").getByText(/Row 2, column "Amount": "-5\.00" is negative/));
    await checkA11y(page);
    await seen(page.getByRole("heading", { level: 2, name: "Upload what payroll deducted" }));

    // What payroll deducted: as expected, except nothing from the first employee.
    const [header, first, ...rest] = csv;
    const deducted = [header, [first[0], "0.00", first[2]], ...rest].map((r) => r.join(",")).join("\n") + "\n";
    await page.getByLabel("CSV file from payroll").setInputFiles({ name: "deducted.csv", mimeType: "text/csv", buffer: Buffer.from(deducted) });
    await page.getByRole("button", { name: "Upload" }).click();
    await seen(page.getByRole("status").filter({ hasText: "1 difference to explain" }));
    await arrive(page, path, /^Reconcile /);

    const line = page.getByRole("group", { name: new RegExp(`^${first[0]}\\b`) });
    await seen(line.getByText(`Expected but not deducted: expected £${first[1].replace(/\.00$/, "")}, deducted £0.`));

    // Confirming before explaining is refused, naming the line.
    await page.getByRole("button", { name: "Confirm reconciliation" }).click();
    await seen(page.getByTestId("error-summary").getByText(new RegExp(`Choose a reason for ${first[0]}`)));
    await checkA11y(page);

    await line.getByLabel("Leaver").check();
    await line.getByLabel(/^Note/).fill("Left before pay day");
    await page.getByRole("button", { name: "Confirm reconciliation" }).click();
    await seen(page.getByTestId("confirmation-panel").getByRole("heading", { name: "Reconciliation confirmed" }));
    await checkA11y(page);
    await seen(page.getByRole("table").getByText("Leaver: Left before pay day"));
    // A confirmed period takes no more uploads.
    expect(await page.getByLabel("CSV file from payroll").count()).toBe(0);
  });
});
