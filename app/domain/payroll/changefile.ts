// What payroll must be told for a pay period: the change file (who starts, changes or stops) and the
// full file (every deduction in force), with control totals. Pure: the service loads the pledge
// history of one pay group and hands it here.
//
// Each employee's deduction in a period follows from their pledges' histories (deductionInPeriod).
// The change file compares the period with the previous period of the same pay group:
//   0 → x  NEW      x → 0  STOP      x → y  CHANGE      (a pause is a STOP, its resume a later NEW)
import { z } from "zod";
import { deductionInPeriod, type PledgeChangeLike } from "~/domain/pledges/pledge";
import type { GivingMode } from "~/domain/payroll/periods";

export type ChangeKind = "NEW" | "CHANGE" | "STOP";
export type RowKind = ChangeKind | "ACTIVE";
export type FileKind = "change" | "full";

export const CHANGE_KINDS: readonly ChangeKind[] = ["NEW", "CHANGE", "STOP"];

/** One employee of the pay group with the history of every pledge they have had. */
export type EmployeeHistory = {
  employeeId: string;
  payrollNumber: string;
  firstName: string;
  lastName: string;
  department: string | null;
  /** each of their pledges' changes (one live pledge at a time, but a stopped one may overlap a new one) */
  pledges: PledgeChangeLike[][];
};

export type FilePeriod = {
  label: string;
  startsOn: Date;
  endsOn: Date;
  givingMode: GivingMode;
  payGroupName: string;
  frequency: string;
};

export type FileRow = {
  employeeId: string;
  payrollNumber: string;
  firstName: string;
  lastName: string;
  department: string | null;
  kind: RowKind;
  /** the deduction per period from this period on (0 for a STOP) */
  amountPence: number;
  /** the deduction in the previous period */
  previousAmountPence: number;
  /** the last day of the deduction: for a STOP the end of the previous period; otherwise a stop or pause already scheduled */
  endDate: Date | null;
};

export type ControlTotals = {
  /** rows in the file (trailer lines not counted) */
  rows: number;
  /** employees with a deduction in the period */
  participants: number;
  /** everything payroll deducts in the period, once the file is applied */
  totalPence: number;
  /** rows and amount per change type (a STOP counts the amount that stops) */
  byKind: Record<ChangeKind, { rows: number; amountPence: number }>;
};

export type PeriodDeductions = {
  rows: FileRow[];
  totals: ControlTotals;
};

const DAY_MS = 86_400_000;

/** The change kind between two deductions, or null when nothing changes. */
export function changeKind(previousPence: number, currentPence: number): ChangeKind | null {
  if (previousPence === currentPence) return null;
  if (previousPence === 0) return "NEW";
  if (currentPence === 0) return "STOP";
  return "CHANGE";
}

/** An employee's deduction in the period starting `start`: the sum over their pledges. */
export function employeeDeduction(pledges: readonly (readonly PledgeChangeLike[])[], start: Date): number {
  let total = 0;
  for (const changes of pledges) total += deductionInPeriod(changes, start);
  return total;
}

/**
 * The last day the current deduction runs, when a stop or a pause is already scheduled after
 * `periodStart`: the day before the first later change that brings the deduction to 0.
 */
function scheduledEnd(pledges: readonly (readonly PledgeChangeLike[])[], periodStart: Date): Date | null {
  const later = pledges
    .flatMap((changes) => changes.map((c) => c.effectiveFrom.getTime()))
    .filter((t) => t > periodStart.getTime())
    .sort((a, b) => a - b);
  for (const t of later) {
    if (employeeDeduction(pledges, new Date(t)) === 0) return new Date(t - DAY_MS);
  }
  return null;
}

/**
 * Deductions for `period` against `previous` (null when the period is the group's first: then
 * every deduction is NEW). `kind` "change" keeps the NEW/CHANGE/STOP rows; "full" keeps every
 * employee with a deduction in the period. Rows are in payroll-number order.
 */
export function periodDeductions(
  employees: readonly EmployeeHistory[],
  period: { startsOn: Date },
  previous: { startsOn: Date; endsOn: Date } | null,
  kind: FileKind,
): PeriodDeductions {
  const rows: FileRow[] = [];
  const byKind: ControlTotals["byKind"] = { NEW: { rows: 0, amountPence: 0 }, CHANGE: { rows: 0, amountPence: 0 }, STOP: { rows: 0, amountPence: 0 } };
  let participants = 0;
  let totalPence = 0;
  for (const e of employees) {
    if (e.pledges.length === 0) continue;
    const current = employeeDeduction(e.pledges, period.startsOn);
    const before = previous ? employeeDeduction(e.pledges, previous.startsOn) : 0;
    if (current > 0) {
      participants++;
      totalPence += current;
    }
    const change = changeKind(before, current);
    if (change) {
      byKind[change].rows++;
      byKind[change].amountPence += change === "STOP" ? before : current;
    }
    const rowKind: RowKind | null = kind === "full" ? (current > 0 ? "ACTIVE" : null) : change;
    if (!rowKind) continue;
    rows.push({
      employeeId: e.employeeId,
      payrollNumber: e.payrollNumber,
      firstName: e.firstName,
      lastName: e.lastName,
      department: e.department,
      kind: rowKind,
      amountPence: current,
      previousAmountPence: before,
      // previous is never null for a STOP: a deduction cannot stop in a group's first period
      endDate: rowKind === "STOP" ? (previous?.endsOn ?? null) : scheduledEnd(e.pledges, period.startsOn),
    });
  }
  rows.sort((a, b) => (a.payrollNumber < b.payrollNumber ? -1 : a.payrollNumber > b.payrollNumber ? 1 : 0));
  return { rows, totals: { rows: rows.length, participants, totalPence, byKind } };
}

/** Totals per period (for the dashboard's trend): participants and amount in each period start given. */
export function totalsByPeriod(
  employees: readonly EmployeeHistory[],
  periodStarts: readonly Date[],
): { participants: number; totalPence: number }[] {
  const out = periodStarts.map(() => ({ participants: 0, totalPence: 0 }));
  for (const e of employees) {
    if (e.pledges.length === 0) continue;
    periodStarts.forEach((start, i) => {
      const amount = employeeDeduction(e.pledges, start);
      if (amount > 0) {
        out[i].participants++;
        out[i].totalPence += amount;
      }
    });
  }
  return out;
}

/** What finance asks for on the period page: which file, in which layout. */
export const downloadRequestSchema = z.object({
  kind: z.enum(["change", "full", "summary"], { error: "Choose the change file, the full file or the control totals" }),
  layoutId: z.string({ error: "Choose a layout" }).trim().min(1, "Choose a layout"),
});
export type DownloadRequest = z.infer<typeof downloadRequestSchema>;
