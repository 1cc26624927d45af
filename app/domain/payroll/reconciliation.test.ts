import { describe, expect, it } from "vitest";
import { pence } from "~/domain/money";
import { validateTransaction } from "~/domain/ledger";
import {
  MAX_PROBLEMS_KEPT,
  agencyPaymentDraft,
  decodeUpload,
  expectedAsUploadRows,
  poundsText,
  describeProblem,
  lineKind,
  matchDeductions,
  parseReasonsForm,
  payrollIncomeDraft,
  readAmount,
  readUpload,
  unexplained,
  type EmployeeLookup,
  type ExpectedDeduction,
  type UploadResult,
} from "./reconciliation";

const period = { label: "November 2026", startsOn: new Date("2026-11-01T00:00:00Z") };
const staff: Record<string, string> = { E1: "emp-1", E2: "emp-2", E3: "emp-3" };
const lookup: EmployeeLookup = (n) => (staff[n.toUpperCase()] ? { employeeId: staff[n.toUpperCase()] } : n === "X9" ? "other_group" : undefined);

function problemsOf(result: UploadResult) {
  if (result.ok) throw new Error("expected the upload to be refused");
  return result.problems;
}
const upload = (text: string) => readUpload(text, period, lookup);

describe("reading payroll's CSV", () => {
  it("reads rows in any column order, any header case, ignoring other columns", () => {
    const result = upload("Name,AMOUNT,period, Payroll  Number \nAlex,5.00,November 2026,E1\nSam,£12.5,2026-11-01,e2\nJo,0,01/11/2026,E3\n");
    expect(result).toEqual({
      ok: true,
      rows: [
        { row: 2, payrollNumber: "E1", employeeId: "emp-1", amountPence: 500 },
        { row: 3, payrollNumber: "e2", employeeId: "emp-2", amountPence: 1250 },
        { row: 4, payrollNumber: "E3", employeeId: "emp-3", amountPence: 0 },
      ],
    });
  });

  it("accepts a header row alone (payroll deducted nothing), a byte-order mark, CRLF and blank lines", () => {
    expect(upload("Payroll number,Amount,Period\r\n")).toEqual({ ok: true, rows: [] });
    const result = upload("\uFEFFPayroll number,Amount,Period\r\n\r\nE1,5.00,November 2026\r\n,,\r\n");
    expect(result.ok && result.rows.map((r) => [r.row, r.amountPence])).toEqual([[3, 500]]);
  });

  it("refuses an empty file", () => {
    for (const text of ["", "   \n\n", ",,\n"]) {
      const [p] = problemsOf(upload(text));
      expect(p.row).toBeNull();
      expect(p.message).toMatch(/The file is empty/);
    }
  });

  it("refuses wrong or missing headers, naming row 1 and each missing column", () => {
    const problems = problemsOf(upload("Payroll No,Amount,Pay period\nE1,5.00,November 2026\n"));
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [1, "Payroll number"],
      [1, "Period"],
    ]);
    expect(describeProblem(problems[0])).toBe(
      'Row 1, column "Payroll number": the header row has no "Payroll number" column (it has "Payroll No", "Amount", "Pay period"). The header row must name the columns Payroll number, Amount and Period',
    );
  });

  it("refuses a header named twice", () => {
    const problems = problemsOf(upload("Payroll number,Amount,Period,amount\nE1,5,November 2026,6\n"));
    expect(problems).toEqual([{ row: 1, column: "Amount", message: 'the column "Amount" appears more than once' }]);
  });

  it("refuses unknown payroll numbers and ones of another pay group", () => {
    const problems = problemsOf(upload("Payroll number,Amount,Period\nE1,5,November 2026\nZ404,5,November 2026\nX9,5,November 2026\n,5,November 2026\n"));
    expect(problems.map(describeProblem)).toEqual([
      'Row 3, column "Payroll number": Z404 is not the payroll number of any employee',
      'Row 4, column "Payroll number": X9 is an employee of another pay group, not this period\'s',
      'Row 5, column "Payroll number": enter the employee\'s payroll number',
    ]);
  });

  it("refuses negative, non-numeric, fractional-penny and missing amounts", () => {
    const problems = problemsOf(
      upload("Payroll number,Amount,Period\nE1,-5.00,November 2026\nE2,five,November 2026\nE3,5.005,November 2026\n"),
    );
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, "Amount"],
      [3, "Amount"],
      [4, "Amount"],
    ]);
    expect(problems[0].message).toMatch(/negative/);
    expect(problems[1].message).toBe('"five" is not an amount in pounds, like 5.00');
    expect(problemsOf(upload("Payroll number,Amount,Period\nE1,,November 2026\n"))[0]).toMatchObject({ row: 2, column: "Amount" });
    expect(problemsOf(upload("Payroll number,Amount,Period\nE1\n")).map((p) => p.column)).toEqual(["Amount", "Period"]);
  });

  it("refuses two rows for one payroll number, naming both rows", () => {
    const problems = problemsOf(upload("Payroll number,Amount,Period\nE1,5,November 2026\nE2,5,November 2026\ne1,3,November 2026\n"));
    expect(problems).toEqual([
      { row: 4, column: "Payroll number", message: "e1 appears more than once (first on row 2); give one row per employee with the total deducted" },
    ]);
  });

  it("refuses a row for another period", () => {
    const problems = problemsOf(upload("Payroll number,Amount,Period\nE1,5,December 2026\nE2,5,2026-12-01\nE3,5,\n"));
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, "Period"],
      [3, "Period"],
      [4, "Period"],
    ]);
    expect(problems[0].message).toBe('"December 2026" is not this period; this upload is for "November 2026" (or 2026-11-01)');
  });

  it("refuses a file that is not CSV, naming the row", () => {
    const [p] = problemsOf(upload('Payroll number,Amount,Period\nE1,"5.00,November 2026\n'));
    expect(p.message).toMatch(/not valid CSV/);
    expect(p.row).toBeGreaterThanOrEqual(2);
  });

  it("keeps a bounded number of problems but counts them all", () => {
    const rows = Array.from({ length: MAX_PROBLEMS_KEPT + 50 }, (_, i) => `Z${i},5,November 2026`).join("\n");
    const result = upload(`Payroll number,Amount,Period\n${rows}\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(MAX_PROBLEMS_KEPT);
      expect(result.problemCount).toBe(MAX_PROBLEMS_KEPT + 50);
    }
  });

  it("reads amounts without floating point", () => {
    expect(readAmount("0.29")).toEqual({ pence: 29 });
    expect(readAmount("1,234.56")).toEqual({ pence: 123456 });
    expect(readAmount("(5.00)")).toHaveProperty("problem");
    expect(readAmount("5e2")).toHaveProperty("problem");
  });
});

const expected = (employeeId: string, payrollNumber: string, amount: number): ExpectedDeduction => ({
  employeeId,
  payrollNumber,
  pledgeId: `pledge-${employeeId}`,
  expectedPence: pence(amount),
});
const row = (employeeId: string, payrollNumber: string, amount: number) => ({ employeeId, payrollNumber, amountPence: pence(amount) });

describe("matching expected against deducted", () => {
  it("lists every employee, marks each difference, and totals both sides", () => {
    const matched = matchDeductions(
      [expected("a", "E1", 500), expected("b", "E2", 1000), expected("c", "E3", 700), expected("d", "E4", 300), expected("z", "E9", 0)],
      [row("a", "E1", 500), row("b", "E2", 400), row("d", "E4", 350), row("e", "E5", 200)],
    );
    expect(matched.lines.map((l) => [l.payrollNumber, l.expectedPence, l.deductedPence, l.kind])).toEqual([
      ["E1", 500, 500, "match"],
      ["E2", 1000, 400, "under"],
      ["E3", 700, 0, "not_deducted"],
      ["E4", 300, 350, "over"],
      ["E5", 0, 200, "not_expected"],
    ]);
    expect(matched.expectedTotalPence).toBe(2500);
    expect(matched.deductedTotalPence).toBe(1450);
    expect(matched.differenceCount).toBe(4);
  });

  it("keeps a reported zero for someone not expected to give, as a matching line", () => {
    const matched = matchDeductions([], [row("a", "E1", 0)]);
    expect(matched.lines).toEqual([{ employeeId: "a", payrollNumber: "E1", expectedPence: 0, deductedPence: 0, kind: "match" }]);
    expect(matched.differenceCount).toBe(0);
  });

  it("names each kind of line", () => {
    expect([lineKind(5, 5), lineKind(5, 0), lineKind(0, 5), lineKind(5, 3), lineKind(5, 7)]).toEqual([
      "match",
      "not_deducted",
      "not_expected",
      "under",
      "over",
    ]);
  });
});

describe("reasons", () => {
  const lines = [
    { id: "l1", payrollNumber: "E1", expectedPence: 500, deductedPence: 500, reason: null, note: null },
    { id: "l2", payrollNumber: "E2", expectedPence: 500, deductedPence: 0, reason: null, note: null },
    { id: "l3", payrollNumber: "E3", expectedPence: 500, deductedPence: 0, reason: "other", note: " " },
    { id: "l4", payrollNumber: "E4", expectedPence: 0, deductedPence: 200, reason: "payroll_error", note: null },
  ];

  it("every difference needs a reason, and other needs a note; matches need nothing", () => {
    expect(unexplained(lines)).toEqual([
      { id: "l2", payrollNumber: "E2", message: "Choose a reason for E2 (expected £5, deducted £0)" },
      { id: "l3", payrollNumber: "E3", message: "Say what the other reason is for E3 (expected £5, deducted £0)" },
    ]);
    expect(unexplained(lines.map((l) => ({ ...l, reason: "leaver" })))).toEqual([]);
    expect(unexplained([{ ...lines[1], reason: "made_up" }])).toHaveLength(1);
  });

  it("reads the review form: a reason may wait, other needs a note, unknown reasons are refused", () => {
    const form = new URLSearchParams({ "reason-l2": "leaver", "note-l2": "left 3 Nov", "reason-l3": "", "note-l3": "" });
    expect(parseReasonsForm(form, lines.slice(1, 3))).toEqual({
      ok: true,
      updates: [
        { lineId: "l2", reason: "leaver", note: "left 3 Nov" },
        { lineId: "l3", reason: null, note: null },
      ],
    });
    expect(parseReasonsForm(new URLSearchParams({ "reason-l3": "other" }), lines.slice(2, 3))).toEqual({
      ok: false,
      errors: { "note-l3": "Say what the other reason is for E3" },
    });
    expect(parseReasonsForm(new URLSearchParams({ "reason-l3": "bribery" }), lines.slice(2, 3))).toEqual({
      ok: false,
      errors: { "reason-l3-leaver": "Choose one of the listed reasons for E3" },
    });
    const long = parseReasonsForm(new URLSearchParams({ "reason-l3": "other", "note-l3": "x".repeat(501) }), lines.slice(2, 3));
    expect(long.ok).toBe(false);
  });
});

describe("what confirming posts", () => {
  it("net pay: Dr fund_bank / Cr payroll_income, balanced", () => {
    const draft = payrollIncomeDraft("net_pay", pence(1450))!;
    expect(draft.entries).toEqual([
      { account: "fund_bank", amount: 1450 },
      { account: "payroll_income", amount: -1450 },
    ]);
    expect(() => validateTransaction(draft)).not.toThrow();
  });

  it("payroll giving: Dr payroll_agency / Cr payroll_income; the agency later pays the fund", () => {
    expect(payrollIncomeDraft("payroll_giving", pence(900))!.entries).toEqual([
      { account: "payroll_agency", amount: 900 },
      { account: "payroll_income", amount: -900 },
    ]);
    expect(agencyPaymentDraft(pence(900)).entries).toEqual([
      { account: "fund_bank", amount: 900 },
      { account: "payroll_agency", amount: -900 },
    ]);
  });

  it("nothing deducted: nothing to post", () => {
    expect(payrollIncomeDraft("net_pay", pence(0))).toBeNull();
  });
});

describe("the file's text and the expected-deductions template", () => {
  it("decodes UTF-8, and Excel's Windows-1252 (a £ sign) too", () => {
    expect(decodeUpload(new TextEncoder().encode("Amount\n£5.00\n"))).toBe("Amount\n£5.00\n");
    expect(decodeUpload(new Uint8Array([0xa3, 0x35]))).toBe("£5");
  });

  it("writes pence as pounds without floating point, and the template reads back with no problems", () => {
    expect([0, 5, 29, 500, 1250, 123456].map(poundsText)).toEqual(["0.00", "0.05", "0.29", "5.00", "12.50", "1234.56"]);
    const rows = expectedAsUploadRows(period, [
      { payrollNumber: "E2", expectedPence: pence(1250) },
      { payrollNumber: "E1", expectedPence: pence(29) },
    ]);
    expect(rows).toEqual([
      ["Payroll number", "Amount", "Period"],
      ["E1", "0.29", "November 2026"],
      ["E2", "12.50", "November 2026"],
    ]);
    const back = upload(rows.map((r) => r.join(",")).join("\n"));
    expect(back.ok && back.rows.map((r) => r.amountPence)).toEqual([29, 1250]);
  });
});
