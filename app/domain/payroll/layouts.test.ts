import { describe, expect, it } from "vitest";
import { BRIGHTPAY_DEDUCTIONS, BUILT_IN_LAYOUTS, GENERIC_CHANGE, LayoutError, builtInLayout, formatAmount, formatDate, layoutRow, parseLayout } from "./layouts";

describe("layouts", () => {
  it("ships generic-change and brightpay-deductions, which survive a round trip through their stored JSON", () => {
    expect(BUILT_IN_LAYOUTS.map((l) => l.id)).toEqual(["generic-change", "brightpay-deductions"]);
    for (const layout of BUILT_IN_LAYOUTS) expect(parseLayout(layoutRow(layout).mapping)).toEqual(layout);
    expect(builtInLayout("brightpay-deductions")).toBe(BRIGHTPAY_DEDUCTIONS);
    expect(builtInLayout("nope")).toBeNull();
  });

  it("brightpay-deductions has BrightPay's columns in order and no trailer", () => {
    expect(BRIGHTPAY_DEDUCTIONS.columns.map((c) => c.header)).toEqual([
      "First Name",
      "Surname",
      "Works Number",
      "Description",
      "Amount",
      "Is Deducted Before Tax",
      "Is Deducted Before NIC",
    ]);
    expect(BRIGHTPAY_DEDUCTIONS.controlTotals).toBe("summary");
    expect(GENERIC_CHANGE.controlTotals).toBe("trailer");
  });

  it("refuses a mapping that is not JSON, has an unknown field, a duplicate header or a missing code", () => {
    expect(() => parseLayout("{")).toThrow(LayoutError);
    const base = JSON.parse(layoutRow(GENERIC_CHANGE).mapping);
    expect(() => parseLayout(JSON.stringify({ ...base, columns: [{ header: "X", field: "salary" }] }))).toThrow(/columns\.0/);
    expect(() =>
      parseLayout(JSON.stringify({ ...base, columns: [{ header: "Amount", field: "amount" }, { header: "amount", field: "previousAmount" }] })),
    ).toThrow(/used twice/);
    expect(() => parseLayout(JSON.stringify({ ...base, changeCodes: { NEW: "N", CHANGE: "C", STOP: "" , ACTIVE: "A" } }))).toThrow(/changeCodes\.STOP/);
    expect(() => parseLayout(JSON.stringify({ ...base, dateFormat: "MM/dd/yyyy" }))).toThrow(/dateFormat/);
  });

  it("accepts a provider's own mapping: fixed values, other codes, another date format", () => {
    const layout = parseLayout(
      JSON.stringify({
        id: "iris-permanent",
        name: "IRIS permanent deductions",
        columns: [{ header: "Employee", field: "payrollNumber" }, { header: "Type", value: "D" }, { header: "Start", field: "effectiveDate" }],
        dateFormat: "dd/MM/yy",
        changeCodes: { NEW: "A", CHANGE: "U", STOP: "D", ACTIVE: "A" },
        stopAmount: "zero",
        controlTotals: "summary",
      }),
    );
    expect(layout.headerRow).toBe(true);
    expect(layout.yes).toBe("Yes");
  });
});

describe("formatting", () => {
  it("formats dates in each layout format (UTC days)", () => {
    const d = new Date("2027-02-05T00:00:00Z");
    expect(formatDate(d, "yyyy-MM-dd")).toBe("2027-02-05");
    expect(formatDate(d, "dd/MM/yyyy")).toBe("05/02/2027");
    expect(formatDate(d, "dd/MM/yy")).toBe("05/02/27");
  });

  it("formats pence as pounds with two decimals and no £ sign", () => {
    expect(formatAmount(0)).toBe("0.00");
    expect(formatAmount(5)).toBe("0.05");
    expect(formatAmount(1250)).toBe("12.50");
    expect(formatAmount(123456789)).toBe("1234567.89");
    expect(formatAmount(-250)).toBe("-2.50");
    expect(() => formatAmount(1.5)).toThrow();
  });
});
