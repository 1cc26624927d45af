// The Corporate Parenting Board report over HTTP: coordinator and finance get the page and the CSV,
// others do not; the months are checked; the CSV holds exactly the page's (suppressed) figures; the
// download is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { db, useTestDatabase } from "../helpers/db";
import { makeUser, type TestUser } from "../helpers/users";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { pence } from "~/domain/money";
import { transfer } from "~/domain/ledger";
import { dayKeyToDate } from "~/domain/talent/hours";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { boardReportRecords, lastFullQuarter, monthsText, type BoardReport } from "~/domain/impact/figures";
import { postTransaction } from "~/services/ledger.server";

useTestDatabase();

let server: TestServer;
let coordinator: TestUser;
let finance: TestUser;
let employee: TestUser;
const cookies: Record<string, string> = {};
const get = (path: string, cookie = "") => fetch(server.baseUrl + path, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
const QUERY = "?from=2026-01&to=2026-03";

beforeAll(async () => {
  coordinator = await makeUser("Coord", ["coordinator"]);
  finance = await makeUser("Fin", ["finance"]);
  employee = await makeUser("Emp", ["employee"]);
  const young = await makeUser("Jordan", ["young_person"]);
  for (const u of [coordinator, finance, employee]) cookies[u.email] = await sessionCookieFor(u.email);

  await postTransaction(transfer("fund_bank", "payroll_income", pence(123_456)), { kind: "payroll_deduction", description: "January payroll", occurredAt: new Date("2026-01-28T12:00:00Z") });
  await postTransaction(transfer("fund_bank", "card_income", pence(2_500)), { kind: "card_donation", description: "A gift", occurredAt: new Date("2026-02-03T12:00:00Z") });

  const terms = await db().termsOfReference.create({
    data: { version: 1, funds: "Laptops", doesNotFund: "Rent", maxAwardPence: 200_000, decisionDates: "Monthly", giveBack: "Help", criteria: "Need", publishedAt: new Date("2025-01-01"), publishedById: coordinator.userId },
  });
  const meeting = await db().panelMeeting.create({ data: { title: "Panel", heldOn: new Date("2026-01-05"), mode: "meeting", chairId: coordinator.userId, createdById: coordinator.userId, attendeeIds: "[]" } });
  // 6 laptops paid in January, 2 driving courses in February (small: hidden, with January's spend as the second).
  const awards: [string, number, string][] = [...Array.from({ length: 6 }, () => ["education_equipment", 40_000, "2026-01-20"] as [string, number, string]), ["driving_lessons", 30_000, "2026-02-14"], ["driving_lessons", 30_000, "2026-02-16"]];
  for (const [i, [category, amount, paidOnKey]] of awards.entries()) {
    const app = await db().supportApplication.create({
      data: { reference: `SA-B${String(i).padStart(5, "0")}`, youngPersonId: young.userId, createdById: young.userId, status: "paid", category, amountPence: amount, submittedAt: new Date("2026-01-02") },
    });
    const decision = await db().applicationDecision.create({
      data: {
        applicationId: app.id, meetingId: meeting.id, termsId: terms.id, outcome: "approve", amountPence: amount, reasons: "Meets the terms.",
        quorumRequired: 2, scoredCount: 2, conflictedCount: 0, scoredByIds: "[]", conflictedIds: "[]", decidedById: coordinator.userId, decidedAt: new Date("2026-01-06"),
      },
    });
    await db().grantAward.create({
      data: { applicationId: app.id, decisionId: decision.id, amountPence: amount, status: "paid", commitmentTxId: `fixture-${i}`, paidOn: dayKeyToDate(paidOnKey), createdAt: new Date("2026-01-06T10:00:00Z") },
    });
  }
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

/** The page's loader data (Remix's data request): the figures the page shows. */
async function pageReport(cookie: string): Promise<BoardReport> {
  const res = await get(`/reports/board${QUERY}&_data=routes%2Freports.board`, cookie);
  expect(res.status).toBe(200);
  return ((await res.json()) as { report: BoardReport }).report;
}

describe("the board report page", () => {
  it("shows the coordinator and finance the months' figures, suppressed, with the CSV link and the note", async () => {
    for (const user of [coordinator, finance]) {
      const res = await get(`/reports/board${QUERY}`, cookies[user.email]);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("January 2026 to March 2026");
      expect(html).toContain('href="/reports/board"'); // the nav link
      expect(html).toContain('href="/reports/board.csv?from=2026-01&amp;to=2026-03"');
      expect(html).toContain("means fewer than 5");
      expect(html).toContain("£1,234.56"); // January's payroll giving
      expect(html).toContain("£25"); // February's card gift
    }
    const report = await pageReport(cookies[coordinator.email]);
    expect(report.money.months.map((m) => m.spentPence)).toEqual(["c", "c", 0]);
    expect(report.money.totals.spentPence).toBe(300_000);
  });

  it("opens on the last full quarter", async () => {
    const { from, to } = lastFullQuarter(ukDayKey(new Date()));
    const html = await (await get("/reports/board", cookies[finance.email])).text();
    expect(html).toContain(monthsText(from, to));
  });

  it("says what is wrong with months that do not make sense", async () => {
    const res = await get("/reports/board?from=2026-03&to=2026-01", cookies[coordinator.email]);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain("The month to end with must be the same as or after the month to start from");
    expect(html).not.toContain("Download CSV");
    expect((await get("/reports/board?from=soon&to=2026-01", cookies[coordinator.email])).status).toBe(400);
  });

  it("is not for other staff, and asks visitors to sign in", async () => {
    expect((await get(`/reports/board${QUERY}`, cookies[employee.email])).status).toBe(403);
    const anonymous = await get(`/reports/board${QUERY}`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/sign-in/);
    const page = await (await get("/", cookies[employee.email])).text();
    expect(page).not.toContain('href="/reports/board"');
  });
});

describe("the board report CSV", () => {
  it("holds exactly the page's figures, and the download is audited", async () => {
    const report = await pageReport(cookies[coordinator.email]);
    const res = await get(`/reports/board.csv${QUERY}`, cookies[coordinator.email]);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="board-report-2026-01-to-2026-03.csv"');
    const text = await res.text();
    expect(text).toBe(stringify(boardReportRecords(report), { escape_formulas: true }));
    const rows = parse(text, { relax_column_count: true }) as string[][];
    expect(rows.find((r) => r[0] === "January 2026")).toEqual(["January 2026", "1234.56", "0.00", "0.00", "1234.56", "c"]);
    expect(rows.find((r) => r[0] === "Total" && r.length === 6)).toEqual(["Total", "1234.56", "25.00", "0.00", "1259.56", "3000.00"]);
    const entry = await db().auditLog.findFirst({ where: { action: "board_report.downloaded", actorUserId: coordinator.userId } });
    expect(entry).toMatchObject({ actorRole: "coordinator", entityType: "BoardReport", entityId: "2026-01..2026-03" });
  });

  it("finance downloads it too; others cannot; bad months are refused", async () => {
    const res = await get(`/reports/board.csv${QUERY}`, cookies[finance.email]);
    expect(res.status).toBe(200);
    expect(await db().auditLog.count({ where: { action: "board_report.downloaded", actorUserId: finance.userId, actorRole: "finance" } })).toBe(1);
    expect((await get(`/reports/board.csv${QUERY}`, cookies[employee.email])).status).toBe(403);
    expect((await get(`/reports/board.csv${QUERY}`)).status).toBe(302);
    const bad = await get("/reports/board.csv?from=2026-01", cookies[finance.email]);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Choose the month to end with");
    expect(await db().auditLog.count({ where: { action: "board_report.downloaded" } })).toBe(2);
  });
});
