// Privacy (issue 10) in the browser: an administrator answers a subject access request for an employee
// who gives from pay (readable copy, JSON download, the audit log shows both), then erases the person's
// data on request — refused while the gift is live, so the employee stops it first — sees what is kept and
// why, and confirms. The person can no longer sign in, and finance's ledger totals have not moved. Also:
// the audit log is admin-only, and the privacy notices pass axe. Every page on the way is checked with axe.
//
// The person is a generated demo employee who gives from pay (four-weekly, so the monthly periods other
// journeys reconcile and download are untouched), never a demo account: other journeys sign those in.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { demoAccount } from "../../prisma/demo-accounts.ts";
import { arrive, checkA11y, SIGN_IN_SUBJECT, seen, useBrowser, visit } from "./support.ts";

const browser = useBrowser();
const ADMIN = demoAccount("admin").email;
const FINANCE = demoAccount("finance").email;
/** seed-person-9: a four-weekly employee with a pledge from the seed, a paused offer of time, no DBS check and no links. */
const EMPLOYEE = "employee9@staff.council.example";
const PAYROLL_NUMBER = "E200009";
const main = (page: Page) => page.getByRole("main");

/**
 * Finance reconciles the first four-weekly period as payroll expected it (the seeded employee's £ among
 * the deductions), so the fund's ledger holds money from the person this journey erases.
 */
async function reconcileFirstFourWeeklyPeriod(page: Page, payrollNumber: string): Promise<void> {
  await visit(page, "/finance/periods");
  const link = page.getByTestId("periods-four_weekly").locator("tbody tr a").first();
  const label = (await link.innerText()).trim();
  const href = (await link.getAttribute("href"))!;
  await link.click();
  await arrive(page, href, label);
  await main(page).getByRole("link", { name: "Reconcile what payroll deducted" }).click();
  await arrive(page, `${href}/reconcile`, /^Reconcile /);
  const expected = await page.request.get(`${href}/reconcile/expected.csv`);
  expect(expected.status()).toBe(200);
  const csv = await expected.text();
  expect(csv).toContain(`${payrollNumber},`);
  await page.getByLabel("CSV file from payroll").setInputFiles({ name: "deducted.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload" }).click();
  await seen(page.getByRole("status").filter({ hasText: "no differences" }));
  await checkA11y(page);
  await page.getByRole("button", { name: "Confirm reconciliation" }).click();
  await seen(page.getByTestId("confirmation-panel").getByRole("heading", { name: "Reconciliation confirmed" }));
  await checkA11y(page);
}

/** The fund ledger's totals as finance sees them on the awards page (committed, paid, available). */
async function ledgerTotals(page: Page): Promise<string[]> {
  await visit(page, "/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Finance" }).click();
  await arrive(page, "/finance", "Finance");
  await main(page).getByRole("link", { name: "Awards to pay" }).click();
  await arrive(page, "/finance/awards", "Awards to pay");
  const totals = page.getByTestId("award-totals");
  await seen(totals.getByText("Available to allocate"));
  const values = (await totals.locator("dd").allInnerTexts()).map((t) => t.trim());
  expect(values).toHaveLength(3);
  for (const v of values) expect(v).toMatch(/^-?£[\d,]+(\.\d\d)?$/);
  return values;
}

describe("a subject access request and an erasure on request", () => {
  it("the admin exports an employee's data, erases it once the gift is stopped, and the ledger stays the same", { timeout: 300_000 }, async () => {
    // 1. Payroll took the employee's gift in the first four-weekly period: finance reconciles it, so the
    // ledger holds their money; then finance reads the ledger's totals.
    const finance = await browser.openPageAs(FINANCE);
    await reconcileFirstFourWeeklyPeriod(finance, PAYROLL_NUMBER);
    const totalsBefore = await ledgerTotals(finance);
    expect(totalsBefore[2]).not.toMatch(/^£0(\.00)?$/);

    // 2. The admin finds the employee: Admin → People → search by email address → their page.
    const admin = await browser.openPageAs(ADMIN);
    await visit(admin, "/");
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
    await arrive(admin, "/admin", "Admin");
    await main(admin).getByRole("link", { name: "People" }).click();
    await arrive(admin, "/admin/people", "People");
    await admin.getByLabel("Name or email address").fill(EMPLOYEE);
    await admin.getByRole("button", { name: "Search" }).click();
    await seen(admin.getByTestId("people-total").getByText("1 person. Page 1 of 1."));
    await checkA11y(admin);
    const row = admin.getByTestId("people").locator("tbody tr").filter({ hasText: EMPLOYEE });
    await seen(row.getByRole("cell", { name: "Current", exact: true }));
    const personLink = row.getByRole("link");
    const name = (await personLink.innerText()).trim();
    await personLink.click();
    await arrive(admin, /\/admin\/people\/[^/?]+$/, name);
    const personId = new URL(admin.url()).pathname.split("/")[3];
    const personPath = `/admin/people/${personId}`;
    const summary = admin.getByTestId("person-summary");
    await seen(summary.getByText(EMPLOYEE));
    await seen(summary.getByText(PAYROLL_NUMBER));
    await seen(admin.getByTestId("person-tables").getByText(/^Pledge: 1$/));

    // 3. The readable copy lists their records, the regular gift among them.
    await main(admin).getByRole("link", { name: "Readable copy (print)" }).click();
    await arrive(admin, `${personPath}/export`, `Everything we hold about ${name}`);
    await seen(admin.getByTestId("sar-totals").getByText(/^\d+ records in \d+ tables\./));
    const pledges = admin.locator('section[data-model="Pledge"]');
    await seen(pledges.getByRole("heading", { level: 2, name: "Pledge (1)" }));
    await seen(pledges.getByText("active", { exact: true }));
    await seen(admin.locator('section[data-model="EmployeeRecord"]').getByText(PAYROLL_NUMBER, { exact: true }));

    // 4. The JSON download (with the admin's session) holds the same person and records.
    await admin.getByRole("link", { name: "Back to the person" }).click();
    await arrive(admin, personPath, name);
    const jsonHref = await main(admin).getByRole("link", { name: "Download everything we hold (JSON)" }).getAttribute("href");
    expect(jsonHref).toBe(`${personPath}/export.json`);
    const download = await admin.request.get(jsonHref!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toMatch(/^application\/json/);
    expect(download.headers()["content-disposition"]).toMatch(new RegExp(`^attachment; filename="personal-data-${personId}-\\d{4}-\\d{2}-\\d{2}\\.json"$`));
    const exported = (await download.json()) as { person: { id: string; email: string | null }; records: Record<string, Record<string, unknown>[]> };
    expect(exported.person).toMatchObject({ id: personId, email: EMPLOYEE });
    expect(exported.records.Pledge).toHaveLength(1);
    expect(exported.records.Pledge[0]).toMatchObject({ status: "active" });
    expect(exported.records.EmployeeRecord?.[0]).toMatchObject({ payrollNumber: PAYROLL_NUMBER });
    expect(exported.records.User?.[0]).toMatchObject({ email: EMPLOYEE });
    expect(exported.records.Deduction).toHaveLength(1);

    // 5. The audit log, filtered by this person's record, shows both copies with the admin's name.
    await visit(admin, "/admin");
    await main(admin).getByRole("link", { name: "Audit log" }).click();
    await arrive(admin, "/admin/audit", "Audit log");
    await admin.getByLabel("Action").selectOption("person.exported");
    await admin.getByLabel("Record id").fill(personId);
    await admin.getByRole("button", { name: "Show entries" }).click();
    await admin.waitForURL((url) => url.pathname === "/admin/audit" && url.searchParams.get("entityId") === personId);
    await seen(admin.getByTestId("audit-total").getByText("2 entries, newest first. Page 1 of 1."));
    await checkA11y(admin);
    const entries = admin.getByTestId("audit-log").locator("tbody tr");
    expect(await entries.count()).toBe(2);
    for (const entry of await entries.all()) {
      expect(await entry.getAttribute("data-action")).toBe("person.exported");
      await seen(entry.getByText(ADMIN));
      await seen(entry.getByText(personId));
    }
    await seen(entries.filter({ hasText: '"format":"json"' }));
    await seen(entries.filter({ hasText: '"format":"html"' }));

    // 6. Erasure is refused while the gift from pay is live: the page says why and offers no form.
    await visit(admin, personPath);
    await main(admin).getByRole("link", { name: "Erase this person's data" }).click();
    await arrive(admin, `${personPath}/erase`, `Erase ${name}'s data`);
    await seen(admin.getByTestId("erasure-refusals").getByText(/regular gift from pay that has not stopped/));
    expect(await admin.getByRole("button", { name: "Erase the data" }).count()).toBe(0);

    // 7. So the employee stops the gift through My giving.
    const employee = await browser.openPageAs(EMPLOYEE);
    await visit(employee, "/giving");
    await seen(employee.getByRole("heading", { level: 1, name: "My giving" }));
    await seen(employee.getByTestId("current-pledge").getByText("Active", { exact: true }));
    await main(employee).getByRole("link", { name: "Stop your gift" }).click();
    await arrive(employee, "/giving/stop", "Are you sure you want to stop your regular gift?");
    await employee.getByRole("button", { name: "Yes, stop my gift" }).click();
    await arrive(employee, "/giving/done", "Gift stopped");

    // 8. Now the admin sees what goes, what is replaced and what is kept, and why.
    await visit(admin, `${personPath}/erase`);
    await seen(admin.getByRole("heading", { level: 1, name: `Erase ${name}'s data` }));
    expect(await admin.getByTestId("erasure-refusals").count()).toBe(0);
    const replaced = admin.getByTestId("erasure-replaced");
    await seen(replaced.getByText(/^Name replaced with "Erased Person", email address removed/));
    await seen(replaced.getByText(/^Payroll number replaced, department and leaving date removed/));
    await seen(replaced.getByText(/^Sign-in address replaced with one that can never receive a code; account closed/));
    const kept = admin.getByTestId("erasure-kept");
    await seen(kept.getByText(/^Deductions from pay \(1\) and the history of the regular gift with its authorisations \(\d+ changes\)/));
    await seen(kept.getByText(/the ledger must still balance/).first());
    await seen(kept.getByText("The ledger: every transaction and entry as it was"));
    await seen(admin.getByTestId("erasure-removed").getByText(/^Sign-in codes \(\d+\)$/));

    // A reason and the confirmation are both needed.
    await admin.getByRole("button", { name: "Erase the data" }).click();
    const errors = admin.getByTestId("error-summary");
    await seen(errors);
    expect(await errors.getByRole("link").count()).toBe(2);
    await checkA11y(admin);
    await admin.getByLabel("Why is the data being erased?").fill("Asked by email to the service desk on the day of this test; identity checked by HR.");
    await admin.getByLabel("I understand that the erasure cannot be undone").check();
    await admin.getByRole("button", { name: "Erase the data" }).click();

    // 9. The confirmation, with the summary that is kept with the record of the erasure.
    await admin.waitForURL((url) => url.pathname === `${personPath}/erase` && url.searchParams.has("record"));
    const panel = admin.getByTestId("confirmation-panel");
    await seen(panel.getByRole("heading", { level: 1, name: "The person's data has been erased" }));
    await seen(panel.getByText("The ledger is unchanged. They can no longer sign in."));
    await seen(admin.getByTestId("erasure-kept").getByText("The ledger: every transaction and entry as it was"));
    await seen(admin.getByTestId("erasure-replaced").getByText(/^Name replaced with "Erased Person"/));
    await checkA11y(admin);
    expect(await main(admin).innerText()).not.toContain(name);

    // The person's page and the people list show them as erased; their old address finds nobody.
    await visit(admin, personPath);
    await seen(admin.getByRole("heading", { level: 1, name: "Erased Person" }));
    await seen(admin.getByTestId("person-summary").getByText("Erased on request"));
    expect(await main(admin).innerText()).not.toContain(EMPLOYEE);
    await visit(admin, `/admin/people?q=${encodeURIComponent(EMPLOYEE)}`);
    await seen(admin.getByTestId("people-total").getByText("Nobody found."));
    // The erasure itself is in the audit log.
    await visit(admin, `/admin/audit?action=person.erased&entityId=${personId}`);
    await seen(admin.getByTestId("audit-total").getByText("1 entry, newest first. Page 1 of 1."));

    // 10. The person can no longer sign in: their session has gone, and asking for a code sends nothing.
    await employee.reload({ waitUntil: "load" });
    await checkA11y(employee);
    await seen(employee.getByRole("banner").getByRole("link", { name: "Sign in" }));
    await visit(employee, "/sign-in");
    await employee.getByLabel("Email address").fill(EMPLOYEE);
    await employee.getByRole("button", { name: "Send me a code" }).click();
    // From outside, an address with no account looks the same as one with an account (no account fishing).
    await arrive(employee, "/sign-in/code", "Check your email");
    await visit(employee, "/dev/outbox");
    await seen(employee.getByRole("heading", { level: 1, name: "Outbox" }));
    const outbox = await main(employee).innerText();
    expect(outbox).toContain(SIGN_IN_SUBJECT); // others' codes are there ...
    expect(outbox.toLowerCase()).not.toContain(EMPLOYEE); // ... but nothing to, or about, the erased address

    // 11. Finance's ledger totals are exactly as they were.
    expect(await ledgerTotals(finance)).toEqual(totalsBefore);
  });
});

describe("the admin pages are for administrators only", () => {
  it.each([
    ["finance", "/admin/audit"],
    ["employee", "/admin/audit"],
    ["finance", "/admin/people"],
  ] as const)("%s is refused %s", async (key, path) => {
    const page = await browser.openPageAs(demoAccount(key).email);
    const response = await visit(page, path);
    expect(response?.status()).toBe(403);
    expect(await main(page).innerText()).not.toContain("Audit log entries");
  });
});

describe("the privacy notices pass axe while signed out", () => {
  it.each([
    ["/privacy", "Privacy notice"],
    ["/privacy/staff", "Privacy notice for council staff"],
    ["/privacy/donors", "Privacy notice for people who give by card"],
    ["/privacy/young-people", "Privacy notice for young people"],
  ] as const)("%s", async (path, heading) => {
    const page = await browser.openPage();
    const response = await visit(page, path);
    expect(response?.status()).toBe(200);
    await seen(page.getByRole("heading", { level: 1, name: heading }));
  });
});
