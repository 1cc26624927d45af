// Golden files pin the exact bytes of each layout's files for the fixed data set in
// changefile.fixtures.ts. To accept a deliberate change: UPDATE_GOLDEN=1 npx vitest run app/domain/payroll/csv.test.ts,
// then read the diff of tests/golden/ before committing.
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { periodDeductions, type FileKind } from "./changefile";
import { FIXTURE_PERIODS as P, fixtureFilePeriod, fixtureHistories } from "./changefile.fixtures";
import { csvStream, drain, fileRecords, summaryRecords, type FileContext } from "./csv";
import { BRIGHTPAY_DEDUCTIONS, GENERIC_CHANGE, type PayrollLayout } from "./layouts";

const GOLDEN = path.resolve("tests/golden");

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  await drain(stream, (c) => parts.push(c));
  return Buffer.concat(parts);
}

async function decemberFile(layout: PayrollLayout, kind: FileKind, givingMode: "net_pay" | "payroll_giving"): Promise<Buffer> {
  const { rows, totals } = periodDeductions(fixtureHistories(), P.december, P.november, kind);
  const ctx: FileContext = { period: fixtureFilePeriod(P.december, givingMode), deductionCode: "HHGIVE", kind };
  return bytesOf(csvStream(fileRecords(rows, totals, layout, ctx)));
}

async function decemberSummary(layout: PayrollLayout, kind: FileKind, givingMode: "net_pay" | "payroll_giving"): Promise<Buffer> {
  const { totals } = periodDeductions(fixtureHistories(), P.december, P.november, kind);
  const ctx: FileContext = { period: fixtureFilePeriod(P.december, givingMode), deductionCode: "HHGIVE", kind };
  return bytesOf(csvStream(summaryRecords(totals, layout, ctx)));
}

function expectGolden(name: string, actual: Buffer) {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, actual);
  expect(fs.existsSync(file), `${file} is missing (run with UPDATE_GOLDEN=1 to write it)`).toBe(true);
  expect(actual.toString("utf8")).toBe(fs.readFileSync(file, "utf8"));
  expect(actual.equals(fs.readFileSync(file)), `bytes of ${name}`).toBe(true);
}

describe("golden files", () => {
  it("generic-change: the December change file", async () => {
    expectGolden("generic-change.csv", await decemberFile(GENERIC_CHANGE, "change", "net_pay"));
  });
  it("generic-change: the December full file", async () => {
    expectGolden("generic-full.csv", await decemberFile(GENERIC_CHANGE, "full", "net_pay"));
  });
  it("brightpay-deductions: the December change file, tax-relieved mode", async () => {
    expectGolden("brightpay-deductions.csv", await decemberFile(BRIGHTPAY_DEDUCTIONS, "change", "payroll_giving"));
  });
  it("brightpay-deductions: the control totals, as a separate file", async () => {
    expectGolden("brightpay-deductions-summary.csv", await decemberSummary(BRIGHTPAY_DEDUCTIONS, "change", "payroll_giving"));
  });
});

describe("the generic change file", () => {
  it("reads back as the rows and trailer it was written from (quoting included)", async () => {
    const records: string[][] = parse(await decemberFile(GENERIC_CHANGE, "change", "net_pay"), { relax_column_count: true });
    expect(records[0]).toEqual(GENERIC_CHANGE.columns.map((c) => c.header));
    const body = records.slice(1).filter((r) => r[0] !== "TRAILER");
    expect(body.map((r) => [r[0], r[5], r[6], r[7], r[10]])).toEqual([
      ["E1001", "NEW", "10.00", "0.00", ""],
      ["E1002", "CHANGE", "15.00", "5.00", ""],
      ["E1003", "STOP", "8.00", "8.00", "2026-11-30"],
      ["E1004", "STOP", "20.00", "20.00", "2026-11-30"],
    ]);
    expect(body.every((r) => r[9] === "2026-12-01" && r[11] === "HHGIVE" && r[3] === "Monthly salaried" && r[4] === "Monthly")).toBe(true);
    expect(records.filter((r) => r[0] === "TRAILER")).toEqual([
      ["TRAILER", "ROWS", "4"],
      ["TRAILER", "PARTICIPANTS", "4"],
      ["TRAILER", "TOTAL AMOUNT", "43.00"],
      ["TRAILER", "NEW", "1", "10.00"],
      ["TRAILER", "CHANGE", "1", "15.00"],
      ["TRAILER", "STOP", "2", "28.00"],
    ]);
  });

  it("quotes a name with a comma and escapes a cell that looks like a formula", async () => {
    const histories = fixtureHistories().map((h) => (h.payrollNumber === "E1001" ? { ...h, firstName: "=HYPERLINK(1)" } : h));
    const { rows, totals } = periodDeductions(histories, P.december, P.november, "full");
    const ctx: FileContext = { period: fixtureFilePeriod(P.december), deductionCode: "HHGIVE", kind: "full" };
    const text = (await bytesOf(csvStream(fileRecords(rows, totals, GENERIC_CHANGE, ctx)))).toString("utf8");
    expect(text).toContain(`E1005,Zoë,"O'Brien, Jr",`);
    expect(text).toContain(`E1001,'=HYPERLINK(1),Lovelace`);
    expect(text).not.toContain(",=HYPERLINK");
  });
});

describe("brightpay-deductions", () => {
  it("deducts before tax (not NIC) through a Payroll Giving Agency, and after both on net pay", async () => {
    const flags = async (mode: "net_pay" | "payroll_giving") => {
      const records: string[][] = parse(await decemberFile(BRIGHTPAY_DEDUCTIONS, "full", mode), { columns: false });
      const [header, ...rows] = records;
      const tax = header.indexOf("Is Deducted Before Tax");
      const nic = header.indexOf("Is Deducted Before NIC");
      return new Set(rows.map((r) => `${r[tax]}/${r[nic]}`));
    };
    expect(await flags("payroll_giving")).toEqual(new Set(["Yes/No"]));
    expect(await flags("net_pay")).toEqual(new Set(["No/No"]));
  });

  it("has no trailer lines (BrightPay imports every line) and a STOP is an amount of 0.00", async () => {
    const records: Record<string, string>[] = parse(await decemberFile(BRIGHTPAY_DEDUCTIONS, "change", "net_pay"), { columns: true });
    expect(records.map((r) => [r["Works Number"], r["Amount"]])).toEqual([
      ["E1001", "10.00"],
      ["E1002", "15.00"],
      ["E1003", "0.00"],
      ["E1004", "0.00"],
    ]);
  });
});

describe("csvStream", () => {
  it("streams a large file in chunks, with the same bytes as one csv-stringify pass", async () => {
    function* many() {
      for (let i = 0; i < 20_000; i++) yield [`E${i}`, "Name, with comma", String(i)];
    }
    const chunks: number[] = [];
    const hash = createHash("sha256");
    await drain(csvStream(many()), (c) => {
      chunks.push(c.length);
      hash.update(c);
    });
    expect(chunks.length).toBeGreaterThan(5);
    const { stringify } = await import("csv-stringify/sync");
    const whole = stringify([...many()], { record_delimiter: "windows", eof: true, escape_formulas: true });
    expect(hash.digest("hex")).toBe(createHash("sha256").update(whole).digest("hex"));
  });

  it("ends with the error when making records fails", async () => {
    function* broken() {
      yield ["a"];
      throw new Error("boom");
    }
    await expect(drain(csvStream(broken()), () => {})).rejects.toThrow("boom");
  });
});
