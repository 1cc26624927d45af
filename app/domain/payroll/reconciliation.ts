// Reconciliation: what payroll says it deducted for a period, read from its CSV, matched
// employee by employee against what the pledges say it should have deducted. Every difference
// becomes a line that needs a reason; nothing is silently dropped. Pure: no database, no clock.
import { readCsv } from "./csv-records";
import { z } from "zod";
import { formatPence, parsePounds, pence, type Pence } from "~/domain/money";
import { transfer, type TransactionDraft } from "~/domain/ledger";
import type { GivingMode } from "./periods";

// ───────────────────────────── the upload ─────────────────────────────

/** The header names accepted (compared ignoring case and extra spaces). Other columns are ignored. */
export const UPLOAD_COLUMNS = { payrollNumber: "Payroll number", amount: "Amount", period: "Period" } as const;
type ColumnKey = keyof typeof UPLOAD_COLUMNS;
const COLUMN_KEYS = Object.keys(UPLOAD_COLUMNS) as ColumnKey[];

/** The largest file accepted: 5 MB is about 200,000 rows. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Problems kept for one upload; past this only the count goes on. */
export const MAX_PROBLEMS_KEPT = 200;

export type UploadProblem = {
  /** line in the file, 1 = the header row; null for the file as a whole */
  row: number | null;
  /** the column's header name, when one cell is at fault */
  column: string | null;
  message: string;
};

export type PeriodRef = { label: string; startsOn: Date };

/** Who a payroll number is: an employee of the period's pay group, one of another group, or nobody. */
export type EmployeeLookup = (payrollNumber: string) => { employeeId: string } | "other_group" | undefined;

export type DeductedRow = { row: number; payrollNumber: string; employeeId: string; amountPence: Pence };

export type UploadResult =
  | { ok: true; rows: DeductedRow[] }
  | { ok: false; problems: UploadProblem[]; problemCount: number };

export function describeProblem(p: UploadProblem): string {
  const where = p.row === null ? "" : p.column ? `Row ${p.row}, column "${p.column}": ` : `Row ${p.row}: `;
  return where + p.message;
}

const normaliseHeader = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const ukDay = (d: Date) => `${isoDay(d).slice(8, 10)}/${isoDay(d).slice(5, 7)}/${isoDay(d).slice(0, 4)}`;

/** The ways the Period column may name the period: its label, or its start date as 2026-11-01 or 01/11/2026. */
export function periodNames(period: PeriodRef): string[] {
  return [period.label, isoDay(period.startsOn), ukDay(period.startsOn)];
}

function namesPeriod(value: string, period: PeriodRef): boolean {
  const v = value.trim().replace(/\s+/g, " ").toLowerCase();
  return periodNames(period).some((name) => name.toLowerCase() === v);
}

class Problems {
  readonly list: UploadProblem[] = [];
  count = 0;
  add(row: number | null, column: ColumnKey | null, message: string) {
    this.count++;
    if (this.list.length < MAX_PROBLEMS_KEPT) this.list.push({ row, column: column ? UPLOAD_COLUMNS[column] : null, message });
  }
}

/**
 * The file's bytes as text: UTF-8 (with or without a byte-order mark), or else Windows-1252, the
 * encoding Excel uses for "CSV (comma delimited)" (a £ sign is not valid UTF-8 there).
 */
export function decodeUpload(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Amount cell → pence, or why not. Zero is allowed (payroll took nothing); negatives never are. */
export function readAmount(cell: string): { pence: Pence } | { problem: string } {
  const value = cell.trim();
  if (value === "") return { problem: "enter the amount payroll deducted, like 5.00 (0.00 if nothing)" };
  if (/^(-|\(|−)/.test(value) || /-$/.test(value)) return { problem: `"${value}" is negative; enter what payroll deducted, 0.00 or more` };
  const amount = parsePounds(value);
  if (amount === null) return { problem: `"${value}" is not an amount in pounds, like 5.00` };
  return { pence: amount };
}

/**
 * Read payroll's CSV for `period`. The header row must name the columns Payroll number, Amount and
 * Period (any order, any case; other columns ignored). Each problem names its row and column.
 * Any problem at all means no rows: a bad upload changes nothing.
 */
export function readUpload(text: string, period: PeriodRef, lookup: EmployeeLookup): UploadResult {
  const problems = new Problems();
  const fail = (): UploadResult => ({ ok: false, problems: problems.list, problemCount: problems.count });

  if (text.trim() === "") {
    problems.add(null, null, "The file is empty. Upload the CSV payroll produced, with a header row of Payroll number, Amount and Period");
    return fail();
  }
  const csv = readCsv(text);
  if ("error" in csv) {
    problems.add(csv.error.row, null, csv.error.message);
    return fail();
  }
  const [header, ...body] = csv.records.filter((r) => r.record.some((cell) => cell !== ""));
  if (!header) {
    problems.add(null, null, "The file is empty. Upload the CSV payroll produced, with a header row of Payroll number, Amount and Period");
    return fail();
  }

  // Which column holds what.
  const index = {} as Record<ColumnKey, number>;
  const headerRow = header.info.lines;
  header.record.forEach((name, i) => {
    const key = COLUMN_KEYS.find((k) => normaliseHeader(UPLOAD_COLUMNS[k]) === normaliseHeader(name));
    if (!key) return;
    if (index[key] !== undefined) problems.add(headerRow, key, `the column "${UPLOAD_COLUMNS[key]}" appears more than once`);
    else index[key] = i;
  });
  const missing = COLUMN_KEYS.filter((k) => index[k] === undefined);
  if (missing.length) {
    const found = header.record.filter((c) => c !== "").map((c) => `"${c}"`).join(", ") || "nothing";
    for (const key of missing) {
      problems.add(headerRow, key, `the header row has no "${UPLOAD_COLUMNS[key]}" column (it has ${found}). The header row must name the columns Payroll number, Amount and Period`);
    }
  }
  if (problems.count) return fail();

  const rows: DeductedRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { record, info } of body) {
    const row = info.lines;
    const cell = (key: ColumnKey) => record[index[key]] ?? "";

    const payrollNumber = cell("payrollNumber").trim();
    let employeeId: string | null = null;
    if (payrollNumber === "") {
      problems.add(row, "payrollNumber", "enter the employee's payroll number");
    } else {
      const earlier = firstRowOf.get(payrollNumber.toUpperCase());
      if (earlier !== undefined) {
        problems.add(row, "payrollNumber", `${payrollNumber} appears more than once (first on row ${earlier}); give one row per employee with the total deducted`);
      } else {
        firstRowOf.set(payrollNumber.toUpperCase(), row);
        const who = lookup(payrollNumber);
        if (who === undefined) problems.add(row, "payrollNumber", `${payrollNumber} is not the payroll number of any employee`);
        else if (who === "other_group") problems.add(row, "payrollNumber", `${payrollNumber} is an employee of another pay group, not this period's`);
        else employeeId = who.employeeId;
      }
    }

    const amount = readAmount(cell("amount"));
    if ("problem" in amount) problems.add(row, "amount", amount.problem);

    const periodCell = cell("period").trim();
    if (periodCell === "") problems.add(row, "period", `enter the period, "${period.label}" or ${isoDay(period.startsOn)}`);
    else if (!namesPeriod(periodCell, period)) {
      problems.add(row, "period", `"${periodCell}" is not this period; this upload is for "${period.label}" (or ${isoDay(period.startsOn)})`);
    }

    if (employeeId && "pence" in amount && problems.count === 0) {
      rows.push({ row, payrollNumber, employeeId, amountPence: amount.pence });
    }
  }
  if (problems.count) return fail();
  return { ok: true, rows };
}

/** Pence as pounds with two decimals and no £ sign, as the upload takes them: 1250 → "12.50". Integer maths only. */
export function poundsText(amount: number): string {
  const whole = Math.trunc(Math.abs(amount) / 100);
  const part = Math.abs(amount) % 100;
  return `${amount < 0 ? "-" : ""}${whole}.${String(part).padStart(2, "0")}`;
}

/** The expected deductions in the upload's own format (a template for payroll, or to compare with). */
export function expectedAsUploadRows(period: PeriodRef, expected: readonly Pick<ExpectedDeduction, "payrollNumber" | "expectedPence">[]): string[][] {
  const sorted = [...expected].sort((a, b) => (a.payrollNumber < b.payrollNumber ? -1 : a.payrollNumber > b.payrollNumber ? 1 : 0));
  return [
    [UPLOAD_COLUMNS.payrollNumber, UPLOAD_COLUMNS.amount, UPLOAD_COLUMNS.period],
    ...sorted.map((e) => [e.payrollNumber, poundsText(e.expectedPence), period.label]),
  ];
}

// ───────────────────────────── matching ─────────────────────────────

export type ExpectedDeduction = {
  employeeId: string;
  payrollNumber: string;
  /** the pledge that deducts in the period */
  pledgeId: string | null;
  expectedPence: Pence;
};

export type LineKind = "match" | "not_deducted" | "not_expected" | "under" | "over";

export const LINE_KIND_LABELS: Record<LineKind, string> = {
  match: "As expected",
  not_deducted: "Expected but not deducted",
  not_expected: "Deducted but not expected",
  under: "Less than expected",
  over: "More than expected",
};

export function lineKind(expectedPence: number, deductedPence: number): LineKind {
  if (expectedPence === deductedPence) return "match";
  if (deductedPence === 0) return "not_deducted";
  if (expectedPence === 0) return "not_expected";
  return deductedPence < expectedPence ? "under" : "over";
}

export type LineDraft = {
  employeeId: string;
  payrollNumber: string;
  expectedPence: Pence;
  deductedPence: Pence;
  kind: LineKind;
};

export type Matched = {
  /** one per employee expected to give or reported by payroll, ordered by payroll number */
  lines: LineDraft[];
  expectedTotalPence: Pence;
  deductedTotalPence: Pence;
  differenceCount: number;
};

/**
 * Expected vs deducted, per employee. Every employee with an expected deduction and every
 * employee payroll reported gets a line; a line whose amounts differ is a difference.
 */
export function matchDeductions(expected: readonly ExpectedDeduction[], deducted: readonly Omit<DeductedRow, "row">[]): Matched {
  const byEmployee = new Map<string, { payrollNumber: string; expected: number; deducted: number; reported: boolean }>();
  for (const e of expected) {
    const line = byEmployee.get(e.employeeId) ?? { payrollNumber: e.payrollNumber, expected: 0, deducted: 0, reported: false };
    line.expected += e.expectedPence;
    byEmployee.set(e.employeeId, line);
  }
  for (const d of deducted) {
    const line = byEmployee.get(d.employeeId) ?? { payrollNumber: d.payrollNumber, expected: 0, deducted: 0, reported: true };
    line.deducted += d.amountPence;
    line.reported = true;
    byEmployee.set(d.employeeId, line);
  }
  let expectedTotal = 0;
  let deductedTotal = 0;
  let differenceCount = 0;
  const lines: LineDraft[] = [];
  for (const [employeeId, l] of byEmployee) {
    if (l.expected === 0 && !l.reported) continue;
    expectedTotal += l.expected;
    deductedTotal += l.deducted;
    const kind = lineKind(l.expected, l.deducted);
    if (kind !== "match") differenceCount++;
    lines.push({ employeeId, payrollNumber: l.payrollNumber, expectedPence: pence(l.expected), deductedPence: pence(l.deducted), kind });
  }
  lines.sort((a, b) => (a.payrollNumber < b.payrollNumber ? -1 : a.payrollNumber > b.payrollNumber ? 1 : 0));
  return { lines, expectedTotalPence: pence(expectedTotal), deductedTotalPence: pence(deductedTotal), differenceCount };
}

// ───────────────────────────── reasons ─────────────────────────────

export const REASONS = ["leaver", "insufficient_pay", "late_change", "payroll_error", "other"] as const;
export type Reason = (typeof REASONS)[number];

export const REASON_LABELS: Record<Reason, string> = {
  leaver: "Leaver",
  insufficient_pay: "Insufficient pay",
  late_change: "Late change",
  payroll_error: "Payroll error",
  other: "Other",
};

export const MAX_NOTE_LENGTH = 500;

export type ReviewLine = {
  id: string;
  payrollNumber: string;
  expectedPence: number;
  deductedPence: number;
  reason: string | null;
  note: string | null;
};

export const isDifference = (l: { expectedPence: number; deductedPence: number }) => l.expectedPence !== l.deductedPence;

/** What a difference line still needs before the reconciliation can be confirmed, or null. */
export function lineProblem(line: ReviewLine): string | null {
  if (!isDifference(line)) return null;
  const what = `${line.payrollNumber} (expected ${formatPence(line.expectedPence)}, deducted ${formatPence(line.deductedPence)})`;
  if (!line.reason || !(REASONS as readonly string[]).includes(line.reason)) return `Choose a reason for ${what}`;
  if (line.reason === "other" && !line.note?.trim()) return `Say what the other reason is for ${what}`;
  return null;
}

/** Every difference that has no reason yet (or "other" without a note), with what it needs. */
export function unexplained(lines: readonly ReviewLine[]): { id: string; payrollNumber: string; message: string }[] {
  const out: { id: string; payrollNumber: string; message: string }[] = [];
  for (const line of lines) {
    const message = lineProblem(line);
    if (message) out.push({ id: line.id, payrollNumber: line.payrollNumber, message });
  }
  return out;
}

const reasonField = z.union([z.enum(REASONS), z.literal("")]).optional();
const noteField = z.string().trim().max(MAX_NOTE_LENGTH, `Keep the note to ${MAX_NOTE_LENGTH} characters or fewer`).optional();

export type ReasonUpdate = { lineId: string; reason: Reason | null; note: string | null };

/**
 * The review form: `reason-<lineId>` (one of REASONS, or nothing yet) and `note-<lineId>` per
 * difference line. A line may be left without a reason (saved for later); "other" needs a note.
 * Errors are keyed by the field's id, for the error summary.
 */
export function parseReasonsForm(
  form: { get(name: string): FormDataEntryValue | null },
  lines: readonly Pick<ReviewLine, "id" | "payrollNumber">[],
): { ok: true; updates: ReasonUpdate[] } | { ok: false; errors: Record<string, string> } {
  const updates: ReasonUpdate[] = [];
  const errors: Record<string, string> = {};
  for (const line of lines) {
    const rawReason = form.get(`reason-${line.id}`);
    const rawNote = form.get(`note-${line.id}`);
    const reason = reasonField.safeParse(typeof rawReason === "string" ? rawReason : undefined);
    const note = noteField.safeParse(typeof rawNote === "string" ? rawNote : undefined);
    if (!reason.success) {
      errors[`reason-${line.id}-${REASONS[0]}`] = `Choose one of the listed reasons for ${line.payrollNumber}`;
      continue;
    }
    if (!note.success) {
      errors[`note-${line.id}`] = `${note.error.issues[0]?.message ?? "Check the note"} for ${line.payrollNumber}`;
      continue;
    }
    const chosen = reason.data ? reason.data : null;
    const text = note.data ? note.data : null;
    if (chosen === "other" && !text) {
      errors[`note-${line.id}`] = `Say what the other reason is for ${line.payrollNumber}`;
      continue;
    }
    updates.push({ lineId: line.id, reason: chosen, note: text });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, updates };
}

// ───────────────────────────── the ledger ─────────────────────────────

/**
 * What confirming posts: the period's received total as payroll income, into the fund's bank
 * (net pay) or as money the Payroll Giving Agency holds for the fund (payroll giving).
 * Null when nothing was deducted: nothing to post.
 */
export function payrollIncomeDraft(mode: GivingMode, totalPence: Pence): TransactionDraft | null {
  if (totalPence === 0) return null;
  return transfer(mode === "payroll_giving" ? "payroll_agency" : "fund_bank", "payroll_income", totalPence);
}

/** The agency paying the fund what it received through payroll: Dr fund_bank / Cr payroll_agency. */
export function agencyPaymentDraft(totalPence: Pence): TransactionDraft {
  return transfer("fund_bank", "payroll_agency", totalPence);
}

export const payrollExternalRef = (periodId: string) => `payroll:${periodId}`;
export const agencyExternalRef = (periodId: string) => `payroll-agency:${periodId}`;
