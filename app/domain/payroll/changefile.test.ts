import { describe, expect, it } from "vitest";
import { changeKind, employeeDeduction, periodDeductions, totalsByPeriod } from "./changefile";
import { FIXTURE_PERIODS as P, fixtureHistories } from "./changefile.fixtures";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("changeKind", () => {
  it("0 → x is NEW, x → 0 is STOP, x → y is CHANGE, no change is nothing", () => {
    expect(changeKind(0, 1000)).toBe("NEW");
    expect(changeKind(1000, 0)).toBe("STOP");
    expect(changeKind(500, 1500)).toBe("CHANGE");
    expect(changeKind(1500, 500)).toBe("CHANGE");
    expect(changeKind(700, 700)).toBeNull();
    expect(changeKind(0, 0)).toBeNull();
  });
});

describe("periodDeductions: the change file", () => {
  const { rows, totals } = periodDeductions(fixtureHistories(), P.december, P.november, "change");

  it("has one row per employee whose deduction starts, changes or stops, in payroll-number order", () => {
    expect(rows.map((r) => [r.payrollNumber, r.kind, r.amountPence, r.previousAmountPence])).toEqual([
      ["E1001", "NEW", 1000, 0],
      ["E1002", "CHANGE", 1500, 500],
      ["E1003", "STOP", 0, 800],
      ["E1004", "STOP", 0, 2000], // a pause is a STOP
    ]);
  });

  it("gives a STOP the last day of the previous period as its end date", () => {
    expect(rows.find((r) => r.payrollNumber === "E1003")?.endDate).toEqual(day("2026-11-30"));
    expect(rows.find((r) => r.payrollNumber === "E1001")?.endDate).toBeNull();
  });

  it("has control totals: rows, participants and the total deducted in the period, and per change type", () => {
    // in December: Ada 10, Ben 15, Zoë 12, Finn 6
    expect(totals).toEqual({
      rows: 4,
      participants: 4,
      totalPence: 4300,
      byKind: { NEW: { rows: 1, amountPence: 1000 }, CHANGE: { rows: 1, amountPence: 1500 }, STOP: { rows: 2, amountPence: 2800 } },
    });
  });

  it("brings a paused deduction back as NEW when the pause ends, and a scheduled stop as STOP", () => {
    const feb = periodDeductions(fixtureHistories(), P.february, P.january, "change");
    expect(feb.rows.map((r) => [r.payrollNumber, r.kind, r.amountPence, r.previousAmountPence])).toEqual([
      ["E1004", "NEW", 2000, 0],
      ["E1006", "STOP", 0, 600],
    ]);
    // nothing changes in January
    expect(periodDeductions(fixtureHistories(), P.january, P.december, "change").rows).toEqual([]);
  });

  it("makes every deduction NEW in a pay group's first period", () => {
    const first = periodDeductions(fixtureHistories(), P.november, null, "change");
    expect(first.rows.every((r) => r.kind === "NEW")).toBe(true);
    expect(first.rows.map((r) => r.payrollNumber)).toEqual(["E1002", "E1003", "E1004", "E1005", "E1006"]);
  });
});

describe("periodDeductions: the full file", () => {
  it("lists every deduction in force, with a stop already scheduled as its end date", () => {
    const { rows, totals } = periodDeductions(fixtureHistories(), P.december, P.november, "full");
    expect(rows.map((r) => [r.payrollNumber, r.kind, r.amountPence])).toEqual([
      ["E1001", "ACTIVE", 1000],
      ["E1002", "ACTIVE", 1500],
      ["E1005", "ACTIVE", 1200],
      ["E1006", "ACTIVE", 600],
    ]);
    expect(rows.find((r) => r.payrollNumber === "E1006")?.endDate).toEqual(day("2027-01-31"));
    expect(totals.rows).toBe(4);
    expect(totals.participants).toBe(4);
    expect(totals.totalPence).toBe(4300);
  });
});

describe("employeeDeduction", () => {
  it("adds a stopped pledge and a new one without confusing their histories", () => {
    const stopped = [
      { type: "create" as const, amountPence: 500, effectiveFrom: day("2026-10-01"), createdAt: day("2026-09-01") },
      { type: "stop" as const, amountPence: 500, effectiveFrom: day("2026-12-01"), createdAt: day("2026-11-01") },
    ];
    const fresh = [{ type: "create" as const, amountPence: 900, effectiveFrom: day("2026-12-01"), createdAt: day("2026-11-02") }];
    expect(employeeDeduction([stopped, fresh], day("2026-11-01"))).toBe(500);
    expect(employeeDeduction([stopped, fresh], day("2026-12-01"))).toBe(900);
    const { rows } = periodDeductions(
      [{ employeeId: "x", payrollNumber: "E9", firstName: "X", lastName: "Y", department: null, pledges: [stopped, fresh] }],
      P.december,
      P.november,
      "change",
    );
    expect(rows.map((r) => [r.kind, r.previousAmountPence, r.amountPence])).toEqual([["CHANGE", 500, 900]]);
  });
});

describe("totalsByPeriod", () => {
  it("gives participants and total per period", () => {
    expect(totalsByPeriod(fixtureHistories(), [P.october.startsOn, P.december.startsOn, P.february.startsOn])).toEqual([
      { participants: 5, totalPence: 500 + 800 + 2000 + 1200 + 600 },
      { participants: 4, totalPence: 4300 },
      { participants: 4, totalPence: 1000 + 1500 + 2000 + 1200 },
    ]);
  });
});
