// Reconciliation on a real database: upload → differences → reasons → confirm, the ledger it
// posts in each giving mode, and bad uploads that change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, useTestDatabase } from "../helpers/db";
import { sessionCookieFor, startTestServer, type TestServer } from "../helpers/server";
import { seed } from "../../prisma/seed";
import { accountBalances } from "~/services/ledger.server";
import {
  PeriodNotFoundError,
  ReconciliationError,
  confirmReconciliation,
  expectedDeductions,
  recordAgencyPayment,
  saveReasons,
  uploadDeductions,
  type Actor,
} from "~/services/reconciliation.server";
import { MAX_UPLOAD_BYTES } from "~/domain/payroll/reconciliation";

useTestDatabase();
const now = new Date("2026-11-23T10:00:00Z");
let actor: Actor;
let employeeUserId: string;

type Emp = { id: string; payrollNumber: string };
let monthly: Emp[];
let fourWeekly: Emp[];

async function periodOf(groupName: string, label: string) {
  const group = await db().payGroup.findUniqueOrThrow({ where: { name: groupName } });
  return db().payPeriod.findFirstOrThrow({ where: { payGroupId: group.id, label } });
}
async function nthPeriod(groupName: string, n: number) {
  const group = await db().payGroup.findUniqueOrThrow({ where: { name: groupName } });
  return (await db().payPeriod.findMany({ where: { payGroupId: group.id }, orderBy: { startsOn: "asc" } }))[n];
}

/** A pledge as the pledge service would leave it: the pledge and its history of changes. */
async function pledge(employee: Emp, changes: { type: string; amountPence: number; periodId: string; pauseUntil?: Date }[]) {
  const p = await db().pledge.create({ data: { employeeId: employee.id, liveKey: employee.id, status: "active", amountPence: changes[0].amountPence } });
  let made = 0;
  for (const c of changes) {
    const period = await db().payPeriod.findUniqueOrThrow({ where: { id: c.periodId } });
    await db().pledgeChange.create({
      data: {
        pledgeId: p.id,
        type: c.type,
        amountPence: c.amountPence,
        effectivePeriodId: period.id,
        effectiveFrom: period.startsOn,
        pauseUntil: c.pauseUntil ?? null,
        byUserId: employeeUserId,
        createdAt: new Date(now.getTime() + made++ * 1000),
      },
    });
  }
  return p;
}

const csv = (rows: string[][], header = ["Payroll number", "Amount", "Period"]) => [header, ...rows].map((r) => r.join(",")).join("\n") + "\n";

async function snapshot() {
  const [reconciliations, lines, deductions, ledger, audits] = await Promise.all([
    db().reconciliation.findMany({ orderBy: { id: "asc" } }),
    db().reconciliationLine.findMany({ orderBy: { id: "asc" } }),
    db().deduction.count(),
    db().ledgerTransaction.count(),
    db().auditLog.count(),
  ]);
  return { reconciliations, lines, deductions, ledger, audits };
}

async function ledgerSum() {
  const all = await db().ledgerEntry.aggregate({ _sum: { amountPence: true } });
  return Number(all._sum.amountPence ?? 0);
}

beforeAll(async () => {
  await seed(db(), { employees: 12, now });
  const finance = await db().user.findUniqueOrThrow({ where: { email: "fin.officer@council.example" } });
  actor = { userId: finance.id, role: "finance" };
  employeeUserId = (await db().user.findUniqueOrThrow({ where: { email: "alex.morgan@council.example" } })).id;
  const byGroup = async (name: string) =>
    db().employeeRecord.findMany({
      where: { payGroup: { name } },
      orderBy: { payrollNumber: "asc" },
      select: { id: true, payrollNumber: true },
    });
  monthly = await byGroup("Monthly salaried");
  fourWeekly = await byGroup("Four-weekly");
  expect(monthly.length).toBeGreaterThanOrEqual(8);
  expect(fourWeekly.length).toBeGreaterThanOrEqual(3);

  const nov = await periodOf("Monthly salaried", "November 2026");
  const dec = await periodOf("Monthly salaried", "December 2026");
  const jan = await periodOf("Monthly salaried", "January 2027");
  // monthly[0..4] give; [2] amends from December; [3] pauses from December until January; [4] stops from December.
  await pledge(monthly[0], [{ type: "create", amountPence: 500, periodId: nov.id }]);
  await pledge(monthly[1], [{ type: "create", amountPence: 1000, periodId: nov.id }]);
  await pledge(monthly[2], [
    { type: "create", amountPence: 700, periodId: nov.id },
    { type: "amend", amountPence: 900, periodId: dec.id },
  ]);
  await pledge(monthly[3], [
    { type: "create", amountPence: 300, periodId: nov.id },
    { type: "pause", amountPence: 300, periodId: dec.id, pauseUntil: jan.startsOn },
  ]);
  await pledge(monthly[4], [
    { type: "create", amountPence: 250, periodId: nov.id },
    { type: "stop", amountPence: 250, periodId: dec.id },
  ]);
  // starts only in January
  await pledge(monthly[5], [{ type: "create", amountPence: 400, periodId: jan.id }]);
});

describe("expected deductions", () => {
  it("follow each pledge's history into the period", async () => {
    const nov = await periodOf("Monthly salaried", "November 2026");
    const dec = await periodOf("Monthly salaried", "December 2026");
    const jan = await periodOf("Monthly salaried", "January 2027");
    const amounts = async (periodId: string) =>
      Object.fromEntries((await expectedDeductions(periodId)).map((e) => [e.payrollNumber, e.expectedPence]));
    const n = monthly.map((e) => e.payrollNumber);
    expect(await amounts(nov.id)).toEqual({ [n[0]]: 500, [n[1]]: 1000, [n[2]]: 700, [n[3]]: 300, [n[4]]: 250 });
    expect(await amounts(dec.id)).toEqual({ [n[0]]: 500, [n[1]]: 1000, [n[2]]: 900 });
    expect(await amounts(jan.id)).toEqual({ [n[0]]: 500, [n[1]]: 1000, [n[2]]: 900, [n[3]]: 300, [n[5]]: 400 });
    // another pay group's period expects nothing from these pledges
    expect(await expectedDeductions((await nthPeriod("Four-weekly", 0)).id)).toEqual([]);
    await expect(expectedDeductions("no-such-period")).rejects.toBeInstanceOf(PeriodNotFoundError);
  });
});

describe("bad uploads change nothing", () => {
  it.each([
    ["an empty file", () => "", /empty/],
    ["wrong headers", () => csv([[monthly[0].payrollNumber, "5.00", "November 2026"]], ["Employee", "Amount", "Period"]), /Row 1, column "Payroll number"/],
    ["an unknown payroll number", () => csv([["E999999", "5.00", "November 2026"]]), /Row 2, column "Payroll number": E999999 is not the payroll number/],
    ["another pay group's employee", () => csv([[fourWeekly[0].payrollNumber, "5.00", "November 2026"]]), /Row 2, column "Payroll number": .* another pay group/],
    ["a negative amount", () => csv([[monthly[0].payrollNumber, "-5.00", "November 2026"]]), /Row 2, column "Amount": .*negative/],
    ["a non-numeric amount", () => csv([[monthly[0].payrollNumber, "5 pounds", "November 2026"]]), /Row 2, column "Amount": .*not an amount/],
    [
      "duplicate rows",
      () => csv([[monthly[0].payrollNumber, "5.00", "November 2026"], [monthly[0].payrollNumber, "5.00", "November 2026"]]),
      /Row 3, column "Payroll number": .*more than once \(first on row 2\)/,
    ],
    ["a row for the wrong period", () => csv([[monthly[0].payrollNumber, "5.00", "December 2026"]]), /Row 2, column "Period"/],
  ])("%s", async (_name, text, message) => {
    const nov = await periodOf("Monthly salaried", "November 2026");
    const before = await snapshot();
    const outcome = await uploadDeductions({ periodId: nov.id, text: text(), actor, now });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      const { describeProblem } = await import("~/domain/payroll/reconciliation");
      expect(outcome.problems.map(describeProblem).join("\n")).toMatch(message);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("a net pay period: upload, explain, confirm", () => {
  it("lists every difference, refuses to confirm until each has a reason, then posts once", async () => {
    const nov = await periodOf("Monthly salaried", "November 2026");
    const n = monthly.map((e) => e.payrollNumber);
    // A first upload with a mistake, then the corrected one replaces the draft.
    const first = await uploadDeductions({ periodId: nov.id, text: csv([[n[0], "5.00", "November 2026"]]), actor, now });
    expect(first).toMatchObject({ ok: true, rows: 1, differenceCount: 4, replacedDraft: false });

    // [0] as expected; [1] less; [2] not deducted (leaver); [3] more; [4] as expected; [6] not expected.
    const text = csv([
      [n[0], "5.00", "November 2026"],
      [n[1], "6.00", "2026-11-01"],
      [n[3], "£3.50", "01/11/2026"],
      [n[4], "2.50", "november 2026"],
      [n[6], "4.00", "November 2026"],
    ]);
    const outcome = await uploadDeductions({ periodId: nov.id, text, fileName: "nov.csv", actor, now });
    expect(outcome).toMatchObject({ ok: true, rows: 5, differenceCount: 4, replacedDraft: true });
    const drafts = await db().reconciliation.findMany({ where: { periodId: nov.id }, include: { lines: { orderBy: { payrollNumber: "asc" } } } });
    expect(drafts).toHaveLength(1);
    const [draft] = drafts;
    expect(draft).toMatchObject({ status: "draft", expectedTotalPence: 2750, deductedTotalPence: 2100 });
    expect(draft.lines.map((l) => [l.payrollNumber, l.expectedPence, l.deductedPence])).toEqual([
      [n[0], 500, 500],
      [n[1], 1000, 600],
      [n[2], 700, 0],
      [n[3], 300, 350],
      [n[4], 250, 250],
      [n[6], 0, 400],
    ]);
    expect(await db().auditLog.count({ where: { action: "reconciliation.upload" } })).toBe(2);

    // Confirming now is refused, naming every unexplained line; nothing is written.
    const before = await snapshot();
    const refusal = await confirmReconciliation({ periodId: nov.id, actor, now }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ReconciliationError);
    expect((refusal as ReconciliationError).lines.map((l) => l.payrollNumber)).toEqual([n[1], n[2], n[3], n[6]]);
    expect(await snapshot()).toEqual(before);

    const lineOf = (i: number) => draft.lines.find((l) => l.payrollNumber === n[i])!;
    await saveReasons({
      periodId: nov.id,
      actor,
      updates: [
        { lineId: lineOf(1).id, reason: "insufficient_pay", note: null },
        { lineId: lineOf(2).id, reason: "leaver", note: "Left 12 November" },
        { lineId: lineOf(3).id, reason: "payroll_error", note: null },
        // a matching line has nothing to explain: ignored
        { lineId: lineOf(0).id, reason: "other", note: "ignored" },
      ],
    });
    expect((await db().reconciliationLine.findUniqueOrThrow({ where: { id: lineOf(0).id } })).reason).toBeNull();
    // "other" without a note still blocks the one line left
    await saveReasons({ periodId: nov.id, actor, updates: [{ lineId: lineOf(6).id, reason: "other", note: null }] });
    const stillRefused = await confirmReconciliation({ periodId: nov.id, actor, now }).catch((e: unknown) => e);
    expect((stillRefused as ReconciliationError).lines.map((l) => l.payrollNumber)).toEqual([n[6]]);
    await saveReasons({ periodId: nov.id, actor, updates: [{ lineId: lineOf(6).id, reason: "other", note: "Pledge on paper, not yet entered" }] });

    const confirmed = await confirmReconciliation({ periodId: nov.id, actor, now });
    expect(confirmed).toMatchObject({ reconciliationId: draft.id, deductedTotalPence: 2100, deductions: 5 });

    const deductions = await db().deduction.findMany({ where: { periodId: nov.id }, include: { employee: true } });
    expect(Object.fromEntries(deductions.map((d) => [d.employee.payrollNumber, d.amountPence]))).toEqual({
      [n[0]]: 500,
      [n[1]]: 600,
      [n[3]]: 350,
      [n[4]]: 250,
      [n[6]]: 400,
    });
    expect(deductions.find((d) => d.employee.payrollNumber === n[0])!.pledgeId).not.toBeNull();
    expect(deductions.find((d) => d.employee.payrollNumber === n[6])!.pledgeId).toBeNull();

    const posted = await db().ledgerTransaction.findMany({ where: { kind: "payroll_deduction" }, include: { entries: true } });
    expect(posted).toHaveLength(1);
    expect(posted[0].externalRef).toBe(`payroll:${nov.id}`);
    expect(posted[0].id).toBe(confirmed.ledgerTransactionId);
    expect(posted[0].entries.map((e) => [e.accountCode, e.amountPence]).sort()).toEqual([
      ["fund_bank", 2100],
      ["payroll_income", -2100],
    ]);
    expect(await ledgerSum()).toBe(0);
    const reconciliation = await db().reconciliation.findUniqueOrThrow({ where: { id: draft.id } });
    expect(reconciliation).toMatchObject({ status: "confirmed", confirmedById: actor.userId, ledgerTransactionId: posted[0].id });
    expect(await db().auditLog.count({ where: { action: "reconciliation.confirm", entityId: draft.id } })).toBe(1);

    // Confirming twice posts once; a new upload is refused; nothing changes.
    const after = await snapshot();
    await expect(confirmReconciliation({ periodId: nov.id, actor, now })).rejects.toThrow(/already confirmed/);
    const reupload = await uploadDeductions({ periodId: nov.id, text, actor, now });
    expect(reupload.ok).toBe(false);
    if (!reupload.ok) expect(reupload.problems[0].message).toMatch(/was confirmed .* cannot be uploaded again/);
    expect(await snapshot()).toEqual(after);
    expect((await accountBalances()).fund_bank).toBe(2100);
  });

  it("a period where payroll deducted nothing confirms with no ledger post", async () => {
    const dec = await periodOf("Monthly salaried", "December 2026");
    const outcome = await uploadDeductions({ periodId: dec.id, text: "Payroll number,Amount,Period\n", actor, now });
    expect(outcome).toMatchObject({ ok: true, rows: 0, differenceCount: 3 });
    const lines = await db().reconciliationLine.findMany({ where: { reconciliation: { periodId: dec.id } } });
    await saveReasons({ periodId: dec.id, actor, updates: lines.map((l) => ({ lineId: l.id, reason: "payroll_error" as const, note: null })) });
    const ledgerBefore = await db().ledgerTransaction.count();
    const confirmed = await confirmReconciliation({ periodId: dec.id, actor, now });
    expect(confirmed).toMatchObject({ deductedTotalPence: 0, deductions: 0, ledgerTransactionId: null });
    expect(await db().ledgerTransaction.count()).toBe(ledgerBefore);
    expect(await db().deduction.count({ where: { periodId: dec.id } })).toBe(0);
  });

  it("refuses to confirm when the expected deductions changed after the upload", async () => {
    const jan = await periodOf("Monthly salaried", "January 2027");
    const n = monthly.map((e) => e.payrollNumber);
    const rows = [
      [n[0], "5.00", "January 2027"],
      [n[1], "10.00", "January 2027"],
      [n[2], "9.00", "January 2027"],
      [n[3], "3.00", "January 2027"],
      [n[5], "4.00", "January 2027"],
    ];
    expect(await uploadDeductions({ periodId: jan.id, text: csv(rows), actor, now })).toMatchObject({ ok: true, differenceCount: 0 });
    // a late change lands in January after the upload
    const p = await db().pledge.findFirstOrThrow({ where: { employeeId: monthly[0].id } });
    await db().pledgeChange.create({
      data: { pledgeId: p.id, type: "amend", amountPence: 800, effectivePeriodId: jan.id, effectiveFrom: jan.startsOn, byUserId: employeeUserId },
    });
    await expect(confirmReconciliation({ periodId: jan.id, actor, now })).rejects.toThrow(new RegExp(`changed since the upload .*${n[0]}`));
    expect(await db().reconciliation.count({ where: { periodId: jan.id, status: "confirmed" } })).toBe(0);
    // uploading again matches against the new amount
    expect(await uploadDeductions({ periodId: jan.id, text: csv(rows), actor, now })).toMatchObject({ ok: true, differenceCount: 1 });
  });
});

describe("a payroll giving period", () => {
  it("posts the payment on to the agency, then the agency's payment to the fund, each once", async () => {
    const period = await nthPeriod("Four-weekly", 1);
    await db().payPeriod.update({ where: { id: period.id }, data: { givingMode: "payroll_giving" } });
    await pledge(fourWeekly[0], [{ type: "create", amountPence: 1500, periodId: period.id }]);
    await pledge(fourWeekly[1], [{ type: "create", amountPence: 200, periodId: period.id }]);
    const text = csv([
      [fourWeekly[0].payrollNumber, "15.00", period.label],
      [fourWeekly[1].payrollNumber, "2.00", period.startsOn.toISOString().slice(0, 10)],
    ]);
    expect(await uploadDeductions({ periodId: period.id, text, actor, now })).toMatchObject({ ok: true, differenceCount: 0 });
    await expect(recordAgencyPayment({ periodId: period.id, actor, now })).rejects.toThrow(/Confirm the reconciliation/);

    const confirmed = await confirmReconciliation({ periodId: period.id, actor, now });
    const income = await db().ledgerTransaction.findUniqueOrThrow({ where: { id: confirmed.ledgerTransactionId! }, include: { entries: true } });
    expect(income.entries.map((e) => [e.accountCode, e.amountPence]).sort()).toEqual([
      ["payroll_agency", 1700],
      ["payroll_income", -1700],
    ]);
    expect(income.externalRef).toBe(`payroll:${period.id}`);

    const paid = await recordAgencyPayment({ periodId: period.id, actor, now });
    expect(paid.created).toBe(true);
    const again = await recordAgencyPayment({ periodId: period.id, actor, now });
    expect(again).toEqual({ ledgerTransactionId: paid.ledgerTransactionId, created: false });
    const payment = await db().ledgerTransaction.findUniqueOrThrow({ where: { id: paid.ledgerTransactionId }, include: { entries: true } });
    expect(payment.entries.map((e) => [e.accountCode, e.amountPence]).sort()).toEqual([
      ["fund_bank", 1700],
      ["payroll_agency", -1700],
    ]);
    const balances = await accountBalances();
    expect(balances.payroll_agency).toBe(0);
    expect(await ledgerSum()).toBe(0);

    // a net pay period has no agency
    const nov = await periodOf("Monthly salaried", "November 2026");
    await expect(recordAgencyPayment({ periodId: nov.id, actor, now })).rejects.toThrow(/net pay/);
  });
});

describe("the page, over HTTP without JavaScript", () => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer();
    cookie = await sessionCookieFor("fin.officer@council.example");
  });
  afterAll(() => server?.close());

  /** The page's text, without the markers React puts between text pieces. */
  const pageText = async (res: Response) => (await res.text()).replaceAll("<!-- -->", "");
  const post = (periodId: string, body: FormData | URLSearchParams) =>
    fetch(`${server.baseUrl}/finance/periods/${periodId}/reconcile`, { method: "POST", body, headers: { Cookie: cookie }, redirect: "manual" });
  const fileForm = (content: string | Uint8Array, name = "deductions.csv") => {
    const form = new FormData();
    form.set("file", new File([content as BlobPart], name, { type: "text/csv" }));
    return form;
  };

  it("uploads a multipart form, shows the difference, and refuses confirming until it is explained", async () => {
    const period = await periodOf("Monthly salaried", "February 2027");
    const n = monthly.map((e) => e.payrollNumber);
    const page = await fetch(`${server.baseUrl}/finance/periods/${period.id}/reconcile`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Upload what payroll deducted");

    const text = csv([
      // (the late change above made n[0]'s pledge £8 from January)
      [n[0], "8.00", "February 2027"],
      [n[1], "10.00", "February 2027"],
      [n[2], "9.00", "February 2027"],
      [n[3], "0.00", "February 2027"],
      [n[5], "4.00", "February 2027"],
    ]);
    const uploaded = await post(period.id, fileForm(text));
    expect(uploaded.status).toBe(303);
    const review = await pageText(await fetch(`${server.baseUrl}/finance/periods/${period.id}/reconcile`, { headers: { Cookie: cookie } }));
    expect(review).toContain("Expected but not deducted: expected £3, deducted £0");
    const line = await db().reconciliationLine.findFirstOrThrow({ where: { reconciliation: { periodId: period.id }, payrollNumber: n[3] } });

    const refused = await post(period.id, new URLSearchParams({ intent: "confirm" }));
    expect(refused.status).toBe(400);
    expect(await pageText(refused)).toContain(`Choose a reason for ${n[3]} (expected £3, deducted £0)`);

    const confirmed = await post(period.id, new URLSearchParams({ intent: "confirm", [`reason-${line.id}`]: "late_change" }));
    expect(confirmed.status).toBe(303);
    const done = await pageText(await fetch(`${server.baseUrl}/finance/periods/${period.id}/reconcile`, { headers: { Cookie: cookie } }));
    expect(done).toContain("Reconciliation confirmed");
    expect(await db().ledgerTransaction.count({ where: { externalRef: `payroll:${period.id}` } })).toBe(1);
  });

  it("offers the expected deductions as a CSV in the upload's format, which reads back cleanly", async () => {
    const period = await periodOf("Monthly salaried", "March 2027");
    const res = await fetch(`${server.baseUrl}/finance/periods/${period.id}/reconcile/expected.csv`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = await res.text();
    const n = monthly.map((e) => e.payrollNumber);
    expect(text).toBe(
      `Payroll number,Amount,Period\n${n[0]},8.00,March 2027\n${n[1]},10.00,March 2027\n${n[2]},9.00,March 2027\n${n[3]},3.00,March 2027\n${n[5]},4.00,March 2027\n`,
    );
    expect(await db().auditLog.count({ where: { action: "reconciliation.expected_download", entityId: period.id } })).toBe(1);
    // (checked without storing: the next test needs March without a draft)
    const { readUpload } = await import("~/domain/payroll/reconciliation");
    const ids = new Map(monthly.map((e) => [e.payrollNumber, e.id]));
    const read = readUpload(text, period, (p) => (ids.has(p) ? { employeeId: ids.get(p)! } : undefined));
    expect(read.ok && read.rows.length).toBe(5);
  });

  it("refuses a file too large, a missing file, and an unknown period", async () => {
    const period = await periodOf("Monthly salaried", "March 2027");
    const before = await snapshot();
    const big = await post(period.id, fileForm(new Uint8Array(MAX_UPLOAD_BYTES + 10).fill(65)));
    expect(big.status).toBe(400);
    expect(await big.text()).toContain("The file is larger than 5 MB");
    const none = new FormData();
    none.set("file", new File([], ""));
    const missing = await post(period.id, none);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Choose the CSV file");
    const bad = await post(period.id, fileForm(csv([["E1", "five", "March 2027"]])));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Row 2, column &quot;Amount&quot;");
    expect(await snapshot()).toEqual(before);
    const unknown = await fetch(`${server.baseUrl}/finance/periods/no-such-period/reconcile`, { headers: { Cookie: cookie } });
    expect(unknown.status).toBe(404);
  });
});
