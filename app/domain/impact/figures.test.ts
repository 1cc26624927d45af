import { describe, expect, it } from "vitest";
import { SUPPRESSED, suppressTable } from "./suppression";
import {
  addMonths,
  ageBand,
  boardReportRecords,
  categoryStatusGrid,
  followTable,
  giveBackCounts,
  hoursOf,
  incomeByBucket,
  innerMonthStarts,
  lastFullQuarter,
  monthsOf,
  monthsPeriod,
  pairOutcomes,
  paidByBucket,
  parseBoardQuery,
  stageAgeGrid,
  ukMonthStart,
  type BoardReport,
} from "./figures";

describe("UK months", () => {
  it.each([
    ["2026-01", "2026-01-01T00:00:00.000Z"], // GMT
    ["2026-04", "2026-03-31T23:00:00.000Z"], // BST: midnight in London is 23:00 UTC the day before
    ["2026-10", "2026-09-30T23:00:00.000Z"],
    ["2026-11", "2026-11-01T00:00:00.000Z"],
  ])("%s starts at %s", (key, iso) => {
    expect(ukMonthStart(key).toISOString()).toBe(iso);
  });

  it("refuses something that is not a month", () => {
    expect(() => ukMonthStart("2026-13")).toThrow(RangeError);
  });

  it("adds months across years", () => {
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2026-03", -14)).toBe("2025-01");
  });

  it("a period of whole months, and back to its months", () => {
    const period = monthsPeriod("2026-02", "2026-04");
    expect(period.from.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(period.to.toISOString()).toBe("2026-04-30T23:00:00.000Z");
    expect(monthsOf(period)).toEqual(["2026-02", "2026-03", "2026-04"]);
    expect(innerMonthStarts(monthsOf(period)).map((d) => d.toISOString())).toEqual(["2026-03-01T00:00:00.000Z", "2026-03-31T23:00:00.000Z"]);
    expect(monthsOf({ from: period.to, to: period.from })).toEqual([]);
  });

  it("an instant late on the last UK day of a month belongs to that month", () => {
    // 23:30 UTC on 30 April is 00:30 on 1 May in London.
    expect(monthsOf({ from: new Date("2026-04-30T22:30:00Z"), to: new Date("2026-04-30T23:30:00Z") })).toEqual(["2026-04", "2026-05"]);
  });

  it.each([
    ["2026-05-17", "2026-01", "2026-03"],
    ["2026-04-01", "2026-01", "2026-03"],
    ["2026-03-31", "2025-10", "2025-12"],
    ["2026-12-31", "2026-07", "2026-09"],
  ])("on %s the last full quarter is %s to %s", (today, from, to) => {
    expect(lastFullQuarter(today)).toEqual({ from, to });
  });
});

describe("income and spending by month", () => {
  it("nets reversals and refunds, by account", () => {
    const rows = [
      { bucket: 0, accountCode: "payroll_income", amountPence: -50_000 },
      { bucket: 0, accountCode: "card_income", amountPence: -3_000 },
      { bucket: 0, accountCode: "refunds", amountPence: 1_000 },
      { bucket: 1, accountCode: "payroll_income", amountPence: 2_000 }, // a reversal in the second month
      { bucket: 1, accountCode: "gift_aid_income", amountPence: -750 },
    ];
    expect(incomeByBucket(rows, 2)).toEqual([
      { payrollPence: 50_000, cardPence: 2_000, giftAidPence: 0 },
      { payrollPence: -2_000, cardPence: 0, giftAidPence: 750 },
    ]);
    expect(() => incomeByBucket([{ bucket: 2, accountCode: "card_income", amountPence: -1 }], 2)).toThrow(RangeError);
  });

  it("grant payments per month, zero where none", () => {
    expect(paidByBucket([{ bucket: 2, count: 3, amountPence: 900 }], 3)).toEqual({ counts: [0, 0, 3], amounts: [0, 0, 900] });
  });
});

describe("awards by category and status", () => {
  it("puts each award in its category (unknown or none as other) and status column", () => {
    const grid = categoryStatusGrid([
      { category: "driving_lessons", status: "paid", value: 2 },
      { category: "driving_lessons", status: "payment_approved", value: 1 },
      { category: "driving_lessons", status: "committed", value: 1 },
      { category: null, status: "cancelled", value: 4 },
      { category: "made_up", status: "paid", value: 1 },
    ]);
    expect(grid[1]).toEqual([2, 2, 0]);
    expect(grid[4]).toEqual([0, 1, 4]);
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(9);
  });

  it("hides amounts exactly where their counts are hidden", () => {
    const counts = [
      [10, 2, 6],
      [8, 9, 7],
    ];
    const amounts = [
      [1000, 200, 600],
      [800, 900, 700],
    ];
    const shown = suppressTable(counts, 5);
    const followed = followTable(amounts, shown);
    for (let r = 0; r < 2; r++) {
      for (let c = 0; c < 3; c++) expect(followed.cells[r][c] === SUPPRESSED).toBe(shown.cells[r][c] === SUPPRESSED);
      expect(followed.rowTotals[r] === SUPPRESSED).toBe(shown.rowTotals[r] === SUPPRESSED);
    }
    expect(followed.cells[0]).toEqual([1000, SUPPRESSED, SUPPRESSED]);
    expect(followed.rowTotals).toEqual([1800, 2400]);
    expect(followed.columnTotals).toEqual([1800, 1100, 1300]);
    expect(followed.total).toBe(4200);
  });
});

describe("applications by stage and age", () => {
  const now = new Date("2026-06-30T12:00:00Z");
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

  it.each([
    [0, 0],
    [27.9, 0],
    [28, 1],
    [84, 1],
    [84.1, 2],
    [400, 2],
  ])("%s days is band %s", (days, band) => {
    expect(ageBand(daysAgo(days), now)).toBe(band);
  });

  it("counts open stages only", () => {
    const grid = stageAgeGrid(
      [
        { status: "submitted", since: daysAgo(1) },
        { status: "submitted", since: daysAgo(100) },
        { status: "with_panel", since: daysAgo(30) },
        { status: "paid", since: daysAgo(1) },
        { status: "draft", since: daysAgo(1) },
      ],
      now,
    );
    expect(grid).toEqual([
      [1, 0, 1],
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
});

describe("give something back", () => {
  it("counts each choice and each person who answered once", () => {
    const { counts, responses } = giveBackCounts([
      { giveBack: '["event_help","fundraising"]', count: 3 },
      { giveBack: '["fundraising"]', count: 2 },
      { giveBack: "[]", count: 4 },
      { giveBack: null, count: 1 },
    ]);
    expect(counts).toEqual([3, 5, 0, 0, 0]);
    expect(responses).toBe(10);
  });
});

describe("mentoring", () => {
  it("splits pairs into going, ended and closed within the period", () => {
    expect(
      pairOutcomes([
        { status: "active", endedInPeriod: false, count: 6 },
        { status: "ended", endedInPeriod: true, count: 2 },
        { status: "ended", endedInPeriod: false, count: 1 }, // ended after the period: still going in it
        { status: "closed", endedInPeriod: true, count: 5 },
      ]),
    ).toEqual([7, 2, 5]);
  });

  it("hours to one decimal", () => {
    expect(hoursOf(90)).toBe(1.5);
    expect(hoursOf(100)).toBe(1.7);
    expect(hoursOf(0)).toBe(0);
  });
});

describe("the board report's months", () => {
  const today = "2026-05-17";

  it("defaults to the last full quarter", () => {
    expect(parseBoardQuery({ from: null, to: null }, today)).toEqual({ ok: true, query: { from: "2026-01", to: "2026-03" } });
  });

  it("takes two months in order", () => {
    expect(parseBoardQuery({ from: "2025-11", to: "2026-05" }, today)).toEqual({ ok: true, query: { from: "2025-11", to: "2026-05" } });
  });

  it.each([
    [{ from: "2026-04", to: null }, "to", "Choose the month to end with"],
    [{ from: "April", to: "2026-04" }, "from", "The month to start from must be a month and year, like 2026-05"],
    [{ from: "2026-04", to: "2026-06" }, "to", "The month to end with must be this month or earlier"],
    [{ from: "2026-04", to: "2026-02" }, "to", "The month to end with must be the same as or after the month to start from"],
    [{ from: "2024-01", to: "2026-01" }, "to", "Choose 24 months or fewer"],
  ] as const)("refuses %o", (params, field, message) => {
    const result = parseBoardQuery(params, today);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toBe(message);
  });
});

describe("the board report as CSV records", () => {
  const table = suppressTable(
    [
      [6, 2, 6],
      [7, 8, 9],
    ],
    5,
  );
  const report: BoardReport = {
    fromKey: "2026-01",
    toKey: "2026-03",
    asAtKey: "2026-05-17",
    threshold: 5,
    money: {
      months: [{ month: "2026-01", label: "January 2026", payrollPence: 10_050, cardPence: -200, giftAidPence: 0, spentPence: SUPPRESSED }],
      totals: { payrollPence: 10_050, cardPence: -200, giftAidPence: 0, spentPence: SUPPRESSED },
    },
    awards: {
      categories: [
        { category: "a", label: "A" },
        { category: "b", label: "B" },
      ],
      statuses: [
        { status: "committed", label: "Committed" },
        { status: "paid", label: "Paid" },
        { status: "cancelled", label: "Cancelled" },
      ],
      counts: table,
      amounts: followTable(
        [
          [600, 200, 600],
          [700, 800, 900],
        ],
        table,
      ),
    },
    time: { hours: 12.5, volunteers: 3 },
    mentoring: { pairs: 6, goodFit: SUPPRESSED, ended: SUPPRESSED, closed: 0, sessions: 9, hours: 7.5 },
    applications: { stages: ["S"], ageBands: ["Under 4 weeks"], table: suppressTable([[3]], 5) },
    giveBack: { rows: [{ kind: "fundraising", label: "Fundraising", count: 5 }], total: 6 },
  };
  const records = boardReportRecords(report);
  const find = (first: string) => records.filter((r) => r[0] === first);

  it("writes pounds with 2 decimals, a negative month as negative, and c where hidden", () => {
    expect(find("January 2026")[0]).toEqual(["January 2026", "100.50", "-2.00", "0.00", "98.50", "c"]);
    expect(find("A")[0]).toEqual(["A", "c", "c", "6", "14"]);
    expect(find("A")[1]).toEqual(["A", "c", "c", "6.00", "14.00"]);
    expect(find("S")[0]).toEqual(["S", "c", "c"]);
    expect(find("Pairs where both said it is a good fit")[0]).toEqual(["Pairs where both said it is a good fit", "c"]);
  });

  it("names the months and says what c means", () => {
    expect(records[1]).toEqual(["Months", "January 2026 to March 2026"]);
    expect(records[2][1]).toMatch(/fewer than 5/);
  });
});
