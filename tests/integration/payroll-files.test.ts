// Payroll files on a real database: the fixed data set of app/domain/payroll/changefile.fixtures.ts is
// written as pledges and pledge changes, and the files made from the database must match the golden
// files byte for byte. Then the download: it locks the period, records a PayrollFile and an audit
// entry, and later pledge changes roll into the next period. The last part goes through HTTP (needs
// `npx remix build`).
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { seed } from "../../prisma/seed";
import { FIXTURE_EMPLOYEES } from "~/domain/payroll/changefile.fixtures";
import { drain } from "~/domain/payroll/csv";
import { LayoutError, layoutRow, GENERIC_CHANGE } from "~/domain/payroll/layouts";
import { effectivePeriodFor } from "~/services/pay-periods.server";
import { downloadPayrollFile, listLayouts, loadGroupHistories, periodPage, preparePayrollFile, resolveLayout } from "~/services/payroll-files.server";
import { financeDashboard } from "~/services/finance-dashboard.server";

useTestDatabase();
const SEEDED_AT = new Date("2026-09-15T10:00:00Z");
// after November's cut-off, before December's: a change now takes effect in December
const NOW = new Date("2026-11-20T10:00:00Z");
const golden = (name: string) => fs.readFileSync(path.resolve("tests/golden", name));

let groupId = "";
const periodIds = new Map<string, string>(); // "2026-12-01" → id
let finance = { userId: "", role: "finance" };

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  await drain(stream, (c) => parts.push(c));
  return Buffer.concat(parts);
}
const periodId = (day: string) => periodIds.get(day)!;

beforeAll(async () => {
  await seed(db(), { employees: 0, now: SEEDED_AT });
  groupId = (await db().payGroup.findUniqueOrThrow({ where: { name: "Monthly salaried" } })).id;
  for (const p of await db().payPeriod.findMany({ where: { payGroupId: groupId } })) periodIds.set(p.startsOn.toISOString().slice(0, 10), p.id);
  finance.userId = (await db().user.findUniqueOrThrow({ where: { email: "fin.officer@council.example" } })).id;
  for (const e of FIXTURE_EMPLOYEES) {
    const person = await db().person.create({ data: { firstName: e.firstName, lastName: e.lastName } });
    const employee = await db().employeeRecord.create({
      data: { personId: person.id, payrollNumber: e.payrollNumber, payGroupId: groupId, department: e.department },
    });
    for (const changes of e.pledges) {
      // the status as the pledge service leaves it after the last change made
      const last = [...changes].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1)!;
      const status = last.type === "stop" ? "stopped" : last.type === "pause" ? "paused" : "active";
      await db().pledge.create({
        data: {
          employeeId: employee.id,
          liveKey: status === "stopped" ? null : employee.id,
          status,
          amountPence: changes.at(-1)!.amountPence,
          changes: {
            create: changes.map((c) => ({
              type: c.type,
              amountPence: c.amountPence,
              effectivePeriodId: periodId(c.effectiveFrom.toISOString().slice(0, 10)),
              effectiveFrom: c.effectiveFrom,
              pauseUntil: c.pauseUntil ?? null,
              byUserId: "fixture",
              createdAt: c.createdAt,
            })),
          },
        },
      });
    }
  }
});

describe("files from the database", () => {
  it("loads one pay group's histories: every employee whose pledge can matter, none from other groups", async () => {
    const histories = await loadGroupHistories(groupId, new Date("2026-11-01T00:00:00Z"));
    // Gus (E1007) stopped in October, before the previous period: left out
    expect(histories.map((h) => h.payrollNumber).sort()).toEqual(["E1001", "E1002", "E1003", "E1004", "E1005", "E1006"]);
    expect(histories.find((h) => h.payrollNumber === "E1002")?.pledges[0]).toHaveLength(2);
  });

  it("makes the December change file, generic layout, byte for byte as the golden file", async () => {
    const file = await preparePayrollFile({ periodId: periodId("2026-12-01"), kind: "change", layoutId: "generic-change" });
    expect((await bytesOf(file.stream())).equals(golden("generic-change.csv"))).toBe(true);
    expect(file.rows.map((r) => `${r.payrollNumber} ${r.kind}`)).toEqual(["E1001 NEW", "E1002 CHANGE", "E1003 STOP", "E1004 STOP"]);
    expect(file.totals).toEqual({
      rows: 4,
      participants: 4,
      totalPence: 4300,
      byKind: { NEW: { rows: 1, amountPence: 1000 }, CHANGE: { rows: 1, amountPence: 1500 }, STOP: { rows: 2, amountPence: 2800 } },
    });
    expect(file.filename).toBe("helping-hands_monthly-salaried_2026-12-01_change_generic-change.csv");
  });

  it("makes the full file, with every deduction in force", async () => {
    const file = await preparePayrollFile({ periodId: periodId("2026-12-01"), kind: "full", layoutId: "generic-change" });
    expect((await bytesOf(file.stream())).equals(golden("generic-full.csv"))).toBe(true);
  });

  it("makes the BrightPay file; before tax follows the period's giving mode", async () => {
    const december = periodId("2026-12-01");
    await db().payPeriod.update({ where: { id: december }, data: { givingMode: "payroll_giving" } });
    try {
      const file = await preparePayrollFile({ periodId: december, kind: "change", layoutId: "brightpay-deductions" });
      expect((await bytesOf(file.stream())).equals(golden("brightpay-deductions.csv"))).toBe(true);
      expect((await bytesOf(file.summaryStream())).equals(golden("brightpay-deductions-summary.csv"))).toBe(true);
    } finally {
      await db().payPeriod.update({ where: { id: december }, data: { givingMode: "net_pay" } });
    }
    const netPay = (await bytesOf((await preparePayrollFile({ periodId: december, kind: "change", layoutId: "brightpay-deductions" })).stream())).toString();
    expect(netPay.split("\r\n")[1]).toBe("Ada,Lovelace,E1001,HHGIVE,10.00,No,No");
  });

  it("brings the paused deduction back as NEW in February, and stops the scheduled stop", async () => {
    const file = await preparePayrollFile({ periodId: periodId("2027-02-01"), kind: "change", layoutId: "generic-change" });
    expect(file.rows.map((r) => `${r.payrollNumber} ${r.kind} ${r.amountPence}`)).toEqual(["E1004 NEW 2000", "E1006 STOP 0"]);
  });

  it("uses a layout stored in the table over the built-in one, and names a bad or unknown layout", async () => {
    expect((await listLayouts()).map((l) => l.id)).toEqual(expect.arrayContaining(["generic-change", "brightpay-deductions"]));
    const renamed = { ...GENERIC_CHANGE, columns: GENERIC_CHANGE.columns.map((c) => (c.header === "Surname" ? { ...c, header: "Last name" } : c)) };
    await db().payrollLayout.update({ where: { id: "generic-change" }, data: { mapping: layoutRow(renamed).mapping } });
    try {
      const file = await preparePayrollFile({ periodId: periodId("2026-12-01"), kind: "change", layoutId: "generic-change" });
      expect((await bytesOf(file.stream())).toString().split("\r\n")[0]).toContain(",Last name,");
    } finally {
      await db().payrollLayout.update({ where: { id: "generic-change" }, data: { mapping: layoutRow(GENERIC_CHANGE).mapping } });
    }
    await db().payrollLayout.create({ data: { id: "broken", name: "Broken", mapping: '{"id":"broken"' } });
    await expect(resolveLayout("broken")).rejects.toThrow(LayoutError);
    await expect(resolveLayout("no-such-layout")).rejects.toThrow(/no payroll layout called "no-such-layout"/);
    expect((await listLayouts()).map((l) => l.id)).not.toContain("broken");
  });
});

describe("the dashboard", () => {
  it("shows participants, totals per period and this period's changes", async () => {
    const dash = await financeDashboard(new Date("2026-12-05T10:00:00Z"));
    // giving in December: Ada, Ben, Zoë, Finn (his stop takes effect in February)
    expect(dash.participants).toBe(4);
    // pledge statuses: Ada, Ben, Zoë active; Finn's is stopped (from February); Dev paused
    expect(dash.activePledges).toBe(3);
    expect(dash.pausedPledges).toBe(1);
    expect(dash.changesThisPeriod).toEqual({ NEW: 1, CHANGE: 1, STOP: 2 });
    const monthly = dash.payGroups.find((g) => g.name === "Monthly salaried")!;
    expect(monthly.current?.label).toBe("December 2026");
    expect(monthly.trend.map((p) => [p.label, p.totalPence])).toEqual([
      ["September 2026", 300],
      ["October 2026", 5100],
      ["November 2026", 5100],
      ["December 2026", 4300],
      ["January 2027", 4300],
      ["February 2027", 5700],
    ]);
  });
});

describe("downloading a file", () => {
  it("locks the period, records the file with the SHA-256 of its bytes, and audits it", async () => {
    const december = periodId("2026-12-01");
    expect((await effectivePeriodFor(groupId, NOW))?.id).toBe(december);
    const file = await downloadPayrollFile({ periodId: december, kind: "change", layoutId: "generic-change", actor: finance, now: NOW });
    const bytes = await bytesOf(file.stream);
    expect(bytes.equals(golden("generic-change.csv"))).toBe(true);
    expect(file.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));

    const period = await db().payPeriod.findUniqueOrThrow({ where: { id: december } });
    expect(period.lockedAt).toEqual(NOW);
    expect(period.lockedById).toBe(finance.userId);
    const record = await db().payrollFile.findUniqueOrThrow({ where: { id: file.fileId } });
    expect(record).toMatchObject({
      periodId: december,
      layoutId: "generic-change",
      kind: "change",
      rowCount: 4,
      participants: 4,
      totalPence: 4300,
      givingMode: "net_pay",
      sha256: file.sha256,
      createdById: finance.userId,
    });
    const audits = await db().auditLog.findMany({ where: { actorUserId: finance.userId }, orderBy: { at: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["pay_period.lock", "payroll_file.download"]));
    const detail = JSON.parse(audits.find((a) => a.action === "payroll_file.download")!.detail!);
    expect(detail).toMatchObject({ periodId: december, kind: "change", rows: 4, totalPence: 4300, sha256: file.sha256 });
  });

  it("the period page shows the lock, the file and who made both, the period before, and the totals", async () => {
    const december = periodId("2026-12-01");
    const page = (await periodPage(december, NOW))!;
    const financeName = await db().user.findUniqueOrThrow({ where: { id: finance.userId }, include: { person: true } });
    const name = `${financeName.person.firstName} ${financeName.person.lastName}`;
    expect(page.period).toMatchObject({ id: december, label: "December 2026", payGroupName: "Monthly salaried", lockedBy: name, status: "locked" });
    expect(page.period.lockedAt).toBe(NOW.toISOString());
    expect(page.period.startsOn).toBe("2026-12-01T00:00:00.000Z");
    expect(page.previousLabel).toBe("November 2026");
    expect(page.files).toEqual([expect.objectContaining({ kind: "change", layoutId: "generic-change", rowCount: 4, participants: 4, totalPence: 4300, createdBy: name })]);
    expect(page.files[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(page.totals.totalPence).toBe(4300);
    expect(page.deductionCode).toBe("HHGIVE");
    expect(page.layouts.map((l) => l.id)).toContain(page.defaultLayoutId);
    expect(await periodPage("no-such-period", NOW)).toBeNull();
  });

  it("rolls pledge changes made after the lock into the next period; the locked period's file stays the same", async () => {
    const december = periodId("2026-12-01");
    const january = await effectivePeriodFor(groupId, NOW);
    expect(january?.label).toBe("January 2027");
    // Ada raises her gift to £25 now: it can only take effect from January.
    const ada = await db().pledge.findFirstOrThrow({ where: { employee: { payrollNumber: "E1001" } } });
    await db().pledgeChange.create({
      data: { pledgeId: ada.id, type: "amend", amountPence: 2500, effectivePeriodId: january!.id, effectiveFrom: january!.startsOn, byUserId: "fixture", createdAt: NOW },
    });
    const again = await downloadPayrollFile({ periodId: december, kind: "change", layoutId: "generic-change", actor: finance, now: NOW });
    expect((await bytesOf(again.stream)).equals(golden("generic-change.csv"))).toBe(true);
    expect(await db().payrollFile.count({ where: { periodId: december } })).toBe(2);

    const jan = await preparePayrollFile({ periodId: january!.id, kind: "change", layoutId: "generic-change" });
    expect(jan.rows.map((r) => `${r.payrollNumber} ${r.kind} ${r.previousAmountPence}→${r.amountPence}`)).toEqual(["E1001 CHANGE 1000→2500"]);
  });
});

describe("over HTTP", () => {
  let server: TestServer;
  let cookie = "";
  beforeAll(async () => {
    server = await startTestServer();
    cookie = await sessionCookieFor("fin.officer@council.example");
  });
  afterAll(() => server?.close());

  const post = (url: string, body: Record<string, string>, who = cookie) =>
    fetch(server.baseUrl + url, {
      method: "POST",
      headers: { Cookie: who, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(body),
      redirect: "manual",
    });

  it("a finance POST answers with the file as an attachment, and the period page shows the lock and the file", async () => {
    const february = periodId("2027-02-01");
    const res = await post(`/finance/periods/${february}/download`, { kind: "change", layoutId: "generic-change" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="helping-hands_monthly-salaried_2027-02-01_change_generic-change.csv"');
    const body = Buffer.from(await res.arrayBuffer());
    expect(createHash("sha256").update(body).digest("hex")).toBe(res.headers.get("x-content-sha256"));
    expect(body.toString().split("\r\n").filter((l) => l.startsWith("E"))).toHaveLength(2);
    const record = await db().payrollFile.findFirstOrThrow({ where: { periodId: february } });
    expect(record.sha256).toBe(res.headers.get("x-content-sha256"));

    const page = await fetch(`${server.baseUrl}/finance/periods/${february}`, { headers: { Cookie: cookie } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("Locked on");
    expect(html).toContain(record.sha256.slice(0, 12));
    expect(html).toContain(`href="/finance/periods/${february}/reconcile"`);
  });

  it("control totals come as their own file and do not lock the period", async () => {
    const march = periodId("2027-03-01");
    const res = await post(`/finance/periods/${march}/download`, { kind: "summary", layoutId: "brightpay-deductions" });
    expect(res.status).toBe(200);
    expect((await res.text()).split("\r\n")[0]).toBe("Pay group,Pay period,File,Layout,Giving mode,Rows,Participants,Total amount,NEW rows,NEW amount,CHANGE rows,CHANGE amount,STOP rows,STOP amount");
    expect((await db().payPeriod.findUniqueOrThrow({ where: { id: march } })).lockedAt).toBeNull();
  });

  it("bad input gets a clear message and changes nothing; other roles are refused", async () => {
    const april = periodId("2027-04-01");
    const bad = await post(`/finance/periods/${april}/download`, { kind: "change", layoutId: "no-such-layout" });
    expect(bad.status).toBe(303);
    expect(bad.headers.get("location")).toBe(`/finance/periods/${april}?error=layout`);
    const page = await fetch(server.baseUrl + bad.headers.get("location"), { headers: { Cookie: cookie } });
    expect(await page.text()).toContain("Choose a layout from the list");
    const noKind = await post(`/finance/periods/${april}/download`, { kind: "everything", layoutId: "generic-change" });
    expect(noKind.headers.get("location")).toBe(`/finance/periods/${april}?error=kind`);
    const employee = await sessionCookieFor("alex.morgan@council.example");
    expect((await post(`/finance/periods/${april}/download`, { kind: "change", layoutId: "generic-change" }, employee)).status).toBe(403);
    expect((await post(`/finance/periods/no-such-period/download`, { kind: "change", layoutId: "generic-change" })).status).toBe(404);
    expect((await db().payPeriod.findUniqueOrThrow({ where: { id: april } })).lockedAt).toBeNull();
    expect(await db().payrollFile.count({ where: { periodId: april } })).toBe(0);
  });

  it("the Lock period button locks the period without a file", async () => {
    const may = periodId("2027-05-01");
    const res = await post(`/finance/periods/${may}`, { intent: "lock" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/finance/periods/${may}`);
    expect((await db().payPeriod.findUniqueOrThrow({ where: { id: may } })).lockedById).toBe(finance.userId);
    expect((await post(`/finance/periods/no-such-period`, { intent: "lock" })).status).toBe(404);
  });
});
