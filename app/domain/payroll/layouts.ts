// Payroll file layouts: how one provider wants the change file and the full file.
// A layout is a mapping (columns, order, date format, codes, control totals), validated here with Zod,
// stored as JSON in PayrollLayout.mapping. The built-in layouts below apply when the table has no row
// of that id (the seed writes them to the table, so finance can see and later adjust them).
import { z } from "zod";

/** The values a column can take from a file row. */
export const LAYOUT_FIELDS = [
  "payrollNumber",
  "firstName",
  "lastName",
  "department",
  "payGroup",
  "frequency",
  "changeType",
  "amount",
  "previousAmount",
  "effectivePeriod",
  "effectiveDate",
  "endDate",
  "deductionCode",
  "givingMode",
  "beforeTax",
  "beforeNic",
] as const;
export type LayoutField = (typeof LAYOUT_FIELDS)[number];

export const DATE_FORMATS = ["yyyy-MM-dd", "dd/MM/yyyy", "dd/MM/yy"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const header = z.string().trim().min(1, "Every column needs a header").max(60, "A column header must be 60 characters or fewer");
const code = z.string().trim().min(1, "Every change code needs a value").max(20, "A change code must be 20 characters or fewer");

const columnSchema = z.union([
  z.object({ header, field: z.enum(LAYOUT_FIELDS) }).strict(),
  // the same text on every row (e.g. a fixed description)
  z.object({ header, value: z.string().max(60) }).strict(),
]);
export type LayoutColumn = z.infer<typeof columnSchema>;

export const layoutSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "A layout id is 2 to 40 lower-case letters, digits and hyphens"),
    name: z.string().trim().min(1).max(80),
    description: z.string().max(400).default(""),
    columns: z.array(columnSchema).min(1, "A layout needs at least one column").max(40),
    /** the first line names the columns */
    headerRow: z.boolean().default(true),
    dateFormat: z.enum(DATE_FORMATS),
    /** what the changeType column says for each kind of row ("ACTIVE" is every row of a full file) */
    changeCodes: z.object({ NEW: code, CHANGE: code, STOP: code, ACTIVE: code }).strict(),
    /** a STOP row's amount: the amount that stops ("previous") or nothing deducted ("zero") */
    stopAmount: z.enum(["previous", "zero"]),
    /** yes/no cells (before tax, before NIC) */
    yes: z.string().min(1).max(10).default("Yes"),
    no: z.string().min(1).max(10).default("No"),
    /**
     * Control totals: "trailer" = TRAILER lines at the end of the file itself;
     * "summary" = a separate control-totals file (for imports that take only deduction rows).
     */
    controlTotals: z.enum(["trailer", "summary"]),
  })
  .strict()
  .superRefine((layout, ctx) => {
    const seen = new Set<string>();
    layout.columns.forEach((c, i) => {
      const key = c.header.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["columns", i, "header"], message: `The column header "${c.header}" is used twice` });
      seen.add(key);
    });
  });

export type PayrollLayout = z.infer<typeof layoutSchema>;

export class LayoutError extends Error {}

/** Parse a stored mapping (JSON text); throws LayoutError naming what is wrong. */
export function parseLayout(json: string): PayrollLayout {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new LayoutError("The payroll layout is not valid JSON");
  }
  const parsed = layoutSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new LayoutError(`The payroll layout is not valid: ${first.path.join(".") || "layout"}: ${first.message}`);
  }
  return parsed.data;
}

export const GENERIC_CHANGE: PayrollLayout = layoutSchema.parse({
  id: "generic-change",
  name: "Generic change file (NEW / CHANGE / STOP)",
  description: "One row per employee whose deduction starts, changes or stops; ISO dates; control totals as TRAILER lines.",
  columns: [
    { header: "Payroll number", field: "payrollNumber" },
    { header: "First name", field: "firstName" },
    { header: "Surname", field: "lastName" },
    { header: "Pay group", field: "payGroup" },
    { header: "Frequency", field: "frequency" },
    { header: "Change type", field: "changeType" },
    { header: "Amount per period", field: "amount" },
    { header: "Previous amount", field: "previousAmount" },
    { header: "Effective period", field: "effectivePeriod" },
    { header: "Effective date", field: "effectiveDate" },
    { header: "End date", field: "endDate" },
    { header: "Deduction code", field: "deductionCode" },
  ],
  dateFormat: "yyyy-MM-dd",
  changeCodes: { NEW: "NEW", CHANGE: "CHANGE", STOP: "STOP", ACTIVE: "ACTIVE" },
  stopAmount: "previous",
  controlTotals: "trailer",
});

export const BRIGHTPAY_DEDUCTIONS: PayrollLayout = layoutSchema.parse({
  id: "brightpay-deductions",
  name: "BrightPay deductions import",
  description:
    "Per-period deductions in the shape of BrightPay's deductions CSV import (matched on works number). A stop is an amount of 0.00. Control totals come as a separate file.",
  columns: [
    { header: "First Name", field: "firstName" },
    { header: "Surname", field: "lastName" },
    { header: "Works Number", field: "payrollNumber" },
    { header: "Description", field: "deductionCode" },
    { header: "Amount", field: "amount" },
    { header: "Is Deducted Before Tax", field: "beforeTax" },
    { header: "Is Deducted Before NIC", field: "beforeNic" },
  ],
  dateFormat: "dd/MM/yyyy",
  changeCodes: { NEW: "NEW", CHANGE: "CHANGE", STOP: "STOP", ACTIVE: "ACTIVE" },
  stopAmount: "zero",
  controlTotals: "summary",
});

export const BUILT_IN_LAYOUTS: readonly PayrollLayout[] = [GENERIC_CHANGE, BRIGHTPAY_DEDUCTIONS];

export function builtInLayout(id: string): PayrollLayout | null {
  return BUILT_IN_LAYOUTS.find((l) => l.id === id) ?? null;
}

/** A layout as a PayrollLayout table row (what the seed writes). */
export function layoutRow(layout: PayrollLayout): { id: string; name: string; mapping: string } {
  return { id: layout.id, name: layout.name, mapping: JSON.stringify(layout) };
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** A UTC day in the layout's date format. */
export function formatDate(date: Date, format: DateFormat): string {
  const y = date.getUTCFullYear();
  const m = pad2(date.getUTCMonth() + 1);
  const d = pad2(date.getUTCDate());
  switch (format) {
    case "yyyy-MM-dd":
      return `${y}-${m}-${d}`;
    case "dd/MM/yyyy":
      return `${d}/${m}/${y}`;
    case "dd/MM/yy":
      return `${d}/${m}/${String(y).slice(-2)}`;
  }
}

/** Pence as pounds with two decimals and no £ sign ("12.50"), without floating point. */
export function formatAmount(pence: number): string {
  if (!Number.isSafeInteger(pence)) throw new Error(`not a whole number of pence: ${pence}`);
  const sign = pence < 0 ? "-" : "";
  const abs = Math.abs(pence);
  return `${sign}${Math.floor(abs / 100)}.${pad2(abs % 100)}`;
}
