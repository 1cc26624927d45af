// Impact, "My impact", the monthly digest preference and the Corporate Parenting Board report end to end
// (issue 9). The demo seed holds no money in the ledger, so a member of the public first gives £15 to
// the campaign by card (the campaign page's progress bar is checked for CSP errors on the way): the
// impact page then has money to chart. An anonymous visitor sees the figures as text, charts named by
// their captions with a table behind "Show the figures as a table", and no staff section; a second
// anonymous visit is a hit in the whole-page cache, gzipped by hand, and renders the same page with
// no CSP errors. Alex (an employee) gives £12 signed in, sees the staff section and his share on
// "My impact", and opts in to the monthly update and out again. The coordinator and finance read
// the board report (suppressed "c" figures, the note, other months, a bad range) and download its
// CSV; an employee is refused. Every page passes axe.
import { describe, expect, it } from "vitest";
import type { ConsoleMessage, Page, Response } from "playwright-core";
import { parsePounds } from "~/domain/money";
import { arrive, checkA11y, seen, useBrowser, visit } from "./support.ts";

const browser = useBrowser();
const main = (page: Page) => page.getByRole("main");
const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

const EMPLOYEE = "alex.morgan@council.example";
const COORDINATOR = "coordinator@council.example";
const FINANCE = "fin.officer@council.example";
const CAMPAIGN = "/campaigns/a-book-for-each-child-in-our-care";

/** "£1,234.50" → 123450 */
const penceOf = (text: string) => {
  const amount = parsePounds(text.trim().replace(/\s/g, ""));
  if (amount === null) throw new Error(`not an amount: ${text}`);
  return amount;
};

/** Collects the page's Content-Security-Policy violations as Chromium reports them in the console. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (apply|execute|load|connect)/i.test(text)) violations.push(`${page.url()}: ${text}`);
  });
  return violations;
}

/** Today in the UK as "YYYY-MM". */
function ukMonthKey(date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit" }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}`;
}

/** "2026-03" → "March 2026" */
const monthName = (key: string) =>
  new Date(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, 1)).toLocaleString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

const addMonths = (key: string, n: number) => {
  const index = Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
};

/**
 * Gives `pounds` to the campaign by card through the local test checkout, from the campaign page.
 * Gift Aid is not offered (the demo fund is not HMRC-recognised), so the journey skips that step.
 */
async function giveToCampaign(page: Page, pounds: number, donor?: { name: string; email: string }) {
  await main(page).getByRole("link", { name: "Give to this campaign" }).click();
  await arrive(page, "/donate", "How much would you like to give?");
  await page.getByLabel("Other amount", { exact: true }).check();
  await page.getByLabel("Other amount in pounds").fill(String(pounds));
  await page.getByRole("button", { name: "Continue" }).click();
  await arrive(page, "/donate/details", "Your details");
  if (donor) {
    await page.getByLabel("Full name").fill(donor.name);
    await page.getByLabel("Email address").fill(donor.email);
  }
  await page.getByRole("button", { name: "Continue" }).click();
  await arrive(page, "/donate/check", "Check your answers before you pay");
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await arrive(page, /\/dev\/checkout\//, "Test checkout — no real payment");
  const reference = (await page.locator("dt", { hasText: "Reference" }).locator("xpath=following-sibling::dd[1]").innerText()).trim();
  await page.getByRole("button", { name: "Pay (test)" }).click();
  await arrive(page, `/donate/thank-you/${reference}`, `Thank you, your gift of £${pounds} has been received`);
}

/** The "Raised" figure and its card-gifts part on /impact, in pence. */
async function raisedOnImpact(page: Page): Promise<{ raised: number; card: number }> {
  const raised = penceOf(await page.getByTestId("raised-total").innerText());
  const breakdown = await page.getByTestId("raised-total").locator("xpath=following-sibling::dd[1]").innerText();
  const card = /(£[\d,]+(?:\.\d\d)?) in card gifts/.exec(breakdown)?.[1];
  if (!card) throw new Error(`no card gifts figure in: ${breakdown}`);
  return { raised, card: penceOf(card) };
}

const header = (response: Response | null, name: string) => response?.headers()[name.toLowerCase()];

describe("the impact page, My impact, the monthly update and the board report", () => {
  it("an anonymous visitor reads the figures, the charts and their tables, from a gzipped cached copy too", { timeout: 300_000 }, async () => {
    // Before: what the page says now (other journeys may have given already).
    const before = await browser.openPage();
    await visit(before, "/impact");
    const was = await raisedOnImpact(before);

    // A member of the public gives £15 from the campaign page (with its progress bar): no CSP errors.
    const donor = await browser.openPage();
    const donorCsp = watchCsp(donor);
    await visit(donor, CAMPAIGN);
    await seen(main(donor).getByRole("progressbar"));
    await giveToCampaign(donor, 15, { name: "Robin Public", email: "robin.public@example.com" });
    expect(donorCsp).toEqual([]);

    // A new visitor (no cookies) finds the page from the navigation.
    const visitor = await browser.openPage();
    const csp = watchCsp(visitor);
    await visit(visitor, "/");
    await nav(visitor).getByRole("link", { name: "Our impact" }).click();
    await arrive(visitor, "/impact", "Our impact");
    const visitorText = await main(visitor).innerText();
    const now = await raisedOnImpact(visitor);
    expect(now.raised - was.raised).toBe(1500);
    expect(now.card - was.card).toBe(1500);
    await seen(visitor.getByTestId("spent-total").getByText(/^(£[\d,.]+|c)$/));

    // Charts: an image named by its caption, and the same figures in a table behind a summary.
    const chart = visitor.getByTestId("money-by-month-chart");
    const caption = (await chart.locator("figcaption").innerText()).trim();
    expect(caption).toMatch(/^Money raised by source and paid in awards, by month, .+ to .+$/);
    await seen(main(visitor).getByRole("img", { name: caption }));
    const table = chart.getByRole("table", { name: caption });
    expect(await table.isVisible()).toBe(false);
    await chart.getByText("Show the figures as a table").click();
    await seen(table);
    await seen(table.getByRole("columnheader", { name: "Card gifts" }));
    // This month's row holds the gift (the table lists the 12 months, this one last).
    const thisMonth = table.getByRole("row", { name: new RegExp(`^${monthName(ukMonthKey())}`) });
    expect(penceOf(await thisMonth.getByRole("cell").nth(1).innerText())).toBeGreaterThanOrEqual(1500);
    await checkA11y(visitor);
    // Every chart on the page (awards by category too, once any are paid) is named by its caption and has its table.
    const figures = main(visitor).locator("figure");
    expect(await figures.count()).toBeGreaterThanOrEqual(1);
    for (const figure of await figures.all()) {
      const name = (await figure.locator("figcaption").innerText()).trim();
      await seen(figure.getByRole("img", { name, exact: true }));
      await expect(figure.locator("details summary").innerText()).resolves.toBe("Show the figures as a table");
      expect(await figure.locator("details").getByRole("table", { name, includeHidden: true }).count()).toBe(1);
    }

    // Campaign progress as text; no staff-only section.
    await seen(visitor.getByTestId("campaigns").getByText(/^£[\d,.]+ raised of £4,000 \(\d+%\)$/));
    expect(await main(visitor).getByRole("heading", { name: "For staff" }).count()).toBe(0);
    expect(await visitor.getByTestId("staff-money-table").count()).toBe(0);
    expect(await main(visitor).getByRole("link", { name: /Corporate Parenting Board report/ }).count()).toBe(0);

    // The visitor came by a client-side navigation (Remix fetched only the data). A first full load
    // is rendered and kept whole; a second, from another new visitor, is served from that copy.
    const first = await browser.openPage();
    const firstCsp = watchCsp(first);
    const rendered = await visit(first, "/impact");
    expect(header(rendered, "X-Page-Cache")).toBe("miss");
    const firstText = await main(first).innerText();
    expect(firstText).toBe(visitorText);

    // Again, in a fresh context (no cookies): served from the page cache, gzip put together by hand.
    const again = await browser.openPage();
    const againCsp = watchCsp(again);
    const response = await visit(again, "/impact");
    expect(response?.status()).toBe(200);
    expect(header(response, "X-Page-Cache")).toBe("hit");
    expect(header(response, "Content-Encoding")).toBe("gzip");
    await seen(again.getByRole("heading", { level: 1, name: "Our impact" }));
    expect(await main(again).innerText()).toBe(firstText);
    // The scripts ran (their nonce matches this response's policy), so Remix took over the page.
    await again.waitForFunction(() => "__remixRouter" in window);
    await again.getByTestId("money-by-month-chart").getByText("Show the figures as a table").click();
    await seen(again.getByTestId("money-by-month-chart").getByRole("table"));
    // A client-side navigation works from the cached page.
    await main(again).getByRole("link", { name: "About the fund" }).click();
    await arrive(again, "/support");
    expect([...csp, ...firstCsp, ...againCsp]).toEqual([]);
  });

  it("Alex sees the staff section, his share this financial year, and opts in to the monthly update and out again", { timeout: 300_000 }, async () => {
    const alex = await browser.openPageAs(EMPLOYEE);
    const csp = watchCsp(alex);

    // His share before he gives (other journeys may have given as Alex).
    await visit(alex, "/giving/impact");
    await seen(alex.getByRole("heading", { level: 1, name: "My impact" }));
    const beforeText = await alex.getByTestId("my-total").innerText();
    const before = /^You gave (£[\d,.]+) to the fund/.exec(beforeText.trim())?.[1];
    const givenBefore = before ? penceOf(before) : 0;

    // He gives £12 by card, signed in (his name and email are filled in).
    await visit(alex, CAMPAIGN);
    await giveToCampaign(alex, 12);

    await visit(alex, "/");
    await nav(alex).getByRole("link", { name: "Our impact" }).click();
    await arrive(alex, "/impact", "Our impact");
    const staff = main(alex).getByRole("region", { name: "For staff" });
    await seen(staff);
    await seen(staff.getByRole("table", { name: "Money by month and source" }));
    await seen(staff.getByRole("heading", { name: "What young people gave back" }));
    // Employees get their share, not the board report.
    expect(await staff.getByRole("link", { name: "Corporate Parenting Board report" }).count()).toBe(0);

    await staff.getByRole("link", { name: /Your share/ }).click();
    await arrive(alex, "/giving/impact", "My impact");
    // This financial year (April to March), so far.
    const month = ukMonthKey();
    const fyStart = Number(month.slice(5, 7)) >= 4 ? Number(month.slice(0, 4)) : Number(month.slice(0, 4)) - 1;
    await seen(main(alex).getByText(`April ${fyStart} to March ${fyStart + 1} (so far)`, { exact: true }));
    const total = (await alex.getByTestId("my-total").innerText()).trim();
    const given = /^You gave (£[\d,.]+) to the fund: (.+)\.$/.exec(total);
    expect(given, total).not.toBeNull();
    expect(penceOf(given![1]) - givenBefore).toBe(1200);
    expect(given![2]).toMatch(/£[\d,.]+ by card/);

    // Your account: the monthly update, off by default.
    await alex.getByRole("banner").getByRole("link", { name: "Your account" }).click();
    await arrive(alex, "/account", "Your account");
    await seen(alex.getByTestId("account-details").getByText(EMPLOYEE));
    const digest = alex.getByRole("group", { name: "Email me a monthly update on what the fund did" });
    expect(await digest.getByLabel("No", { exact: true }).isChecked()).toBe(true);
    await digest.getByLabel("Yes", { exact: true }).check();
    await alex.getByRole("button", { name: "Save" }).click();
    await seen(alex.getByTestId("flash").getByText("You will get a monthly update on what the fund did, early each month."));
    await checkA11y(alex);
    // Saved: a fresh load shows yes.
    await alex.reload();
    await checkA11y(alex);
    expect(await digest.getByLabel("Yes", { exact: true }).isChecked()).toBe(true);

    // And out again.
    await digest.getByLabel("No", { exact: true }).check();
    await alex.getByRole("button", { name: "Save" }).click();
    await seen(alex.getByTestId("flash").getByText("You will not get the monthly update any more."));
    await checkA11y(alex);
    await alex.reload();
    await checkA11y(alex);
    expect(await digest.getByLabel("No", { exact: true }).isChecked()).toBe(true);
    expect(await digest.getByLabel("Yes", { exact: true }).isChecked()).toBe(false);
    expect(csp).toEqual([]);
  });

  it("the coordinator and finance read the board report, choose months and download the CSV; an employee cannot", { timeout: 300_000 }, async () => {
    const thisMonth = ukMonthKey();
    const quarterStart = addMonths(thisMonth, -((Number(thisMonth.slice(5, 7)) - 1) % 3));
    const lastQuarter = { from: addMonths(quarterStart, -3), to: addMonths(quarterStart, -1) };

    const coordinator = await browser.openPageAs(COORDINATOR);
    await visit(coordinator, "/");
    await nav(coordinator).getByRole("link", { name: "Board report" }).click();
    await arrive(coordinator, "/reports/board", `${monthName(lastQuarter.from)} to ${monthName(lastQuarter.to)}`);
    await seen(main(coordinator).getByText("Corporate Parenting Board report", { exact: true }));
    await seen(coordinator.getByTestId("suppression-note"));
    expect(await coordinator.getByTestId("suppression-note").innerText()).toMatch(/\bc\b/);
    for (const title of ["Income and spending by month", "Awards made, by category and where they are now", "Time given", "Mentoring", "Open applications by stage", "Give something back"]) {
      await seen(main(coordinator).getByRole("heading", { level: 2, name: title }));
    }
    // The demo's few open applications are fewer than the threshold: shown as "c".
    const applications = coordinator.getByTestId("applications").getByRole("table", { name: "Number of applications" });
    await seen(applications);
    await seen(applications.getByRole("cell", { name: "c", exact: true }));
    const totalRow = applications.getByRole("row").filter({ has: coordinator.getByRole("rowheader", { name: "Total", exact: true }) });
    await expect(totalRow.getByRole("cell").last().innerText()).resolves.toBe("c");

    // Other months with the GET form: this month only (it holds the gifts given above).
    await coordinator.getByLabel("From the start of").selectOption(thisMonth);
    await coordinator.getByLabel("To the end of").selectOption(thisMonth);
    await coordinator.getByRole("button", { name: "Show the report" }).click();
    await arrive(coordinator, "/reports/board", monthName(thisMonth));
    expect(new URL(coordinator.url()).search).toBe(`?from=${thisMonth}&to=${thisMonth}`);
    const income = coordinator.getByTestId("income").getByRole("table");
    const monthRow = income.getByRole("row").filter({ has: coordinator.getByRole("rowheader", { name: monthName(thisMonth), exact: true }) });
    // The two card gifts above (£15 and £12) at least.
    expect(penceOf(await monthRow.getByRole("cell").nth(1).innerText())).toBeGreaterThanOrEqual(2700);

    // A range that ends before it starts: the error summary, and no report.
    await coordinator.getByLabel("From the start of").selectOption(thisMonth);
    await coordinator.getByLabel("To the end of").selectOption(lastQuarter.from);
    await coordinator.getByRole("button", { name: "Show the report" }).click();
    await arrive(coordinator, "/reports/board", "Choose the months");
    const summary = coordinator.getByTestId("error-summary");
    await seen(summary.getByText("The month to end with must be the same as or after the month to start from"));
    expect(await coordinator.getByTestId("download-csv").count()).toBe(0);

    // Finance downloads the CSV for the default quarter, with its session.
    const finance = await browser.openPageAs(FINANCE);
    const financeCsp = watchCsp(finance);
    await visit(finance, "/");
    await nav(finance).getByRole("link", { name: "Board report" }).click();
    await arrive(finance, "/reports/board", `${monthName(lastQuarter.from)} to ${monthName(lastQuarter.to)}`);
    const href = await finance.getByTestId("download-csv").getAttribute("href");
    expect(href).toBe(`/reports/board.csv?from=${lastQuarter.from}&to=${lastQuarter.to}`);
    const csv = await finance.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.csv"$/);
    const lines = (await csv.text()).split(/\r?\n/);
    expect(lines[0]).toBe("Corporate Parenting Board report");
    expect(lines).toContain("Month,Payroll giving,Card gifts,Gift Aid,Total income,Paid out in awards");
    expect(lines.some((l) => /^Total,.*,c$/.test(l))).toBe(true);
    expect(financeCsp).toEqual([]);

    // An employee has no link and is refused.
    const alex = await browser.openPageAs(EMPLOYEE);
    expect(await nav(alex).getByRole("link", { name: "Board report" }).count()).toBe(0);
    const refused = await alex.goto("/reports/board");
    expect(refused?.status()).toBe(403);
    await checkA11y(alex);
    const refusedCsv = await alex.request.get("/reports/board.csv");
    expect(refusedCsv.status()).toBe(403);
    expect(refusedCsv.headers()["content-type"] ?? "").not.toMatch(/text\/csv/);
  });
});
