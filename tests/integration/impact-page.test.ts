// The impact page over HTTP: money as text, "c" for a small category (and the one hidden with it),
// charts named by a visible caption with the figures as a table too; staff see the month-by-month
// table by source and what young people gave back, anonymous visitors do not (not even in the data).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { makeUser, type TestUser } from "../helpers/users";
import { paidAwardMaker } from "../helpers/awards";
import { transfer } from "~/domain/ledger";
import { pence } from "~/domain/money";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { categoryLabel } from "~/domain/impact/figures";
import { postTransaction } from "~/services/ledger.server";
import { invalidateImpact } from "~/services/impact-cache.server";

useTestDatabase();

let server: TestServer;
let employee: TestUser;
let young: TestUser;
let adviser: TestUser;
let paidAwardOn: ReturnType<typeof paidAwardMaker>;

const NOW = new Date();
const today = ukDayKey(NOW);
const paidAward = (category: string, amountPence: number) => paidAwardOn(category, amountPence, today);


const income = (account: "card_income" | "payroll_income" | "gift_aid_income", amount: number) =>
  postTransaction(transfer(account === "gift_aid_income" ? "gift_aid_receivable" : "fund_bank", account, pence(amount)), {
    kind: "test_income",
    description: "Test income",
    occurredAt: new Date(NOW.getTime() - 60_000),
  });

beforeAll(async () => {
  await db().organisationSettings.create({
    data: {
      id: 1,
      councilName: "Test Council",
      fundName: "Test Fund",
      suppressionThreshold: 5,
    },
  });
  employee = await makeUser("Alex", ["employee"]);
  young = await makeUser("Jordan", ["young_person"]);
  adviser = await makeUser("Aisha", ["personal_adviser"]);
  paidAwardOn = paidAwardMaker(young.userId, adviser.userId);

  await income("payroll_income", 123_400);
  await income("card_income", 56_700);
  await income("gift_aid_income", 8_900);
  // 7 laptops and 6 sets of driving lessons are shown; 2 home set-ups are "c", so the smallest
  // other category (driving lessons) is hidden with them and the total cannot give them away.
  for (let i = 0; i < 7; i++) await paidAward("education_equipment", 30_000);
  for (let i = 0; i < 6; i++) await paidAward("driving_lessons", 20_000);
  const [answered] = [await paidAward("setting_up_home", 45_000), await paidAward("setting_up_home", 45_000)];
  await db().followUp.create({
    data: {
      applicationId: answered,
      dueAt: NOW,
      sentAt: NOW,
      answeredAt: NOW,
      howItHelped: "It helped.",
      giveBack: JSON.stringify(["speaking_to_staff"]),
      consentToShare: true,
    },
  });
  await db().impactStory.create({
    data: {
      title: "A desk of my own",
      body: "I can study at home now.",
      publishedAt: NOW,
      publishedById: adviser.userId,
    },
  });
  await db().campaign.create({
    data: {
      slug: "winter-coats",
      title: "Winter coats",
      story: "Coats for winter.",
      targetKind: "money",
      targetPence: 200_000,
      startsOn: new Date(NOW.getTime() - 86_400_000),
      status: "open",
    },
  });
  invalidateImpact();
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

const page = async (cookie?: string) => {
  const res = await fetch(`${server.baseUrl}/impact`, {
    headers: cookie ? { cookie } : {},
  });
  expect(res.status).toBe(200);
  return res.text();
};

/** The page's text without tags, spaces collapsed (React splits text around expressions). */
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");

describe("the public impact page", () => {
  it("says the money raised and spent in words", async () => {
    const text = textOf(await page());
    expect(text).toContain("Raised £1,890");
    expect(text).toContain("£1,234 from payroll giving, £567 in card gifts and £89 in Gift Aid");
    // 15 awards paid this month: above the threshold, so the month's spending is shown.
    expect(text).toContain("Paid in awards to young people £4,200");
    expect(text).toContain("15 awards paid, worth £4,200 in all.");
  });

  it('shows "c" for a small category and for the one hidden with it, with the note', async () => {
    const text = textOf(await page());
    expect(text).toContain(`${categoryLabel("education_equipment")}: 7 awards, £2,100`);
    expect(text).toContain(`${categoryLabel("setting_up_home")}: c awards, c`);
    expect(text).toContain(`${categoryLabel("driving_lessons")}: c awards, c`);
    expect(text).not.toContain("£1,200"); // the driving lessons' amount
    expect(text).not.toContain("£900"); // the home set-ups' amount
    expect(text).toContain('"c" means fewer than 5');
  });

  it("names each chart by its visible caption and gives the figures as a table", async () => {
    const html = await page();
    for (const id of ["money-by-month", "awards-by-category"]) {
      const svg = html.match(new RegExp(`<svg[^>]*data-testid="${id}-svg"[^>]*>`))?.[0] ?? "";
      expect(svg).toContain('role="img"');
      expect(svg).toContain(`aria-labelledby="${id}-caption"`);
      expect(html).toMatch(new RegExp(`<figcaption id="${id}-caption"[^>]*>[^<]+</figcaption>`));
      const table = html.match(new RegExp(`<details[^>]*data-testid="${id}-table"[\\s\\S]*?</details>`))?.[0] ?? "";
      expect(table).toContain("Show the figures as a table");
      expect(table).toContain("<table");
      expect(table).toContain("<caption");
    }
    const awardsTable = textOf(html.match(/<details[^>]*data-testid="awards-by-category-table"[\s\S]*?<\/details>/)![0]);
    expect(awardsTable).toContain("£2,100");
    expect(awardsTable).toContain(`${categoryLabel("setting_up_home")} c`);
    const moneyTable = textOf(html.match(/<details[^>]*data-testid="money-by-month-table"[\s\S]*?<\/details>/)![0]);
    expect(moneyTable).toContain("£1,234");
    expect(moneyTable).toContain("£4,200");
  });

  it("shows campaigns and stories", async () => {
    const text = textOf(await page());
    expect(text).toContain("Winter coats");
    expect(text).toContain("£0 raised of £2,000 (0%)");
    expect(text).toContain("A desk of my own");
  });

  it("keeps the staff part, and its figures, from anonymous visitors", async () => {
    const html = await page();
    expect(html).not.toContain("Money by month and source");
    expect(html).not.toContain("/giving/impact");
    expect(html).not.toContain("What young people gave back");
    expect(html).not.toContain("speaking_to_staff"); // not in the page's data either
  });
});

describe("the impact page for staff", () => {
  it("adds the month-by-month table by source, what young people gave back and their share", async () => {
    const html = await page(await sessionCookieFor(employee.email));
    const text = textOf(html);
    expect(html).toContain('data-testid="staff-money-table"');
    expect(text).toContain("Money by month and source");
    expect(text).toMatch(/Total £1,234 £567 £89 £1,890 £4,200/);
    expect(text).toContain("What young people gave back");
    expect(html).toContain('href="/giving/impact"');
    expect(html).not.toContain('href="/reports/board"'); // finance and the coordinator only
  });

  it("links finance and the coordinator to the board report", async () => {
    const finance = await makeUser("Fin", ["finance"]);
    const html = await page(await sessionCookieFor(finance.email));
    expect(html).toContain('href="/reports/board"');
    expect(html).not.toContain('href="/giving/impact"'); // "your share" is for employees
  });

  it("is not shown to a young person", async () => {
    const html = await page(await sessionCookieFor(young.email));
    expect(html).not.toContain("Money by month and source");
  });
});

describe("caching", () => {
  it("keeps the figures for a while, and a write through the app shows at once", async () => {
    const before = textOf(await page());
    expect(before).toContain("Raised £1,890");
    // Written straight to the database: no request went through the app, so the cached figures stay.
    await income("card_income", 1_000);
    expect(textOf(await page())).toContain("Raised £1,890");
    expect(textOf(await page(await sessionCookieFor(employee.email)))).toContain("Raised £1,890");
    // Any successful write through the app (here signing out) clears the page and the figures.
    const write = await fetch(`${server.baseUrl}/sign-out`, {
      method: "POST",
      redirect: "manual",
    });
    expect(write.status).toBe(303);
    expect(textOf(await page())).toContain("Raised £1,900");
  });
});
