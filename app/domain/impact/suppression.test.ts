import { describe, expect, it } from "vitest";
import { followSuppression, formatShown, suppressCount, suppressLine, suppressTable, SUPPRESSED as c, type Shown } from "./suppression";

describe("suppressLine: primary and secondary", () => {
  it.each<[number[], Shown[], Shown]>([
    // nothing small: all shown
    [[10, 7, 5], [10, 7, 5], 22],
    // zeros are shown; the total is shown
    [[0, 12, 0], [0, 12, 0], 12],
    // one small count: the next smallest non-zero is hidden with it
    [[3, 10, 20], [c, c, 20], 33],
    [[10, 20, 3], [c, 20, c], 33],
    // two small counts protect each other
    [[1, 2, 30], [c, c, 30], 33],
    // a small count beside zeros only: the total is small too, so both are hidden
    [[0, 4, 0], [0, c, 0], c],
    // a small count with a zero and the total: zero is taken only when nothing else is left
    [[4, 0], [c, 0], c],
    [[4, 0, 9], [c, 0, c], 13],
    // threshold itself is shown
    [[5, 6], [5, 6], 11],
    // everything small, total big enough: all cells hidden, total shown
    [[2, 2, 2], [c, c, c], 6],
    [[], [], 0],
  ])("%j → %j total %j (threshold 5)", (counts, cells, total) => {
    expect(suppressLine(counts, 5)).toEqual({ cells, total });
  });

  it("uses the threshold it is given", () => {
    expect(suppressLine([3, 10], 3)).toEqual({ cells: [3, 10], total: 13 });
    expect(suppressLine([3, 10], 10)).toEqual({ cells: [c, c], total: 13 });
    expect(suppressLine([1, 1], 1)).toEqual({ cells: [1, 1], total: 2 });
  });

  it("refuses counts that are not whole numbers 0 or more", () => {
    expect(() => suppressLine([1.5], 5)).toThrow(RangeError);
    expect(() => suppressLine([-1], 5)).toThrow(RangeError);
    expect(() => suppressLine([1], 0)).toThrow(RangeError);
  });
});

describe("suppressTable", () => {
  it("hides a small cell and enough others in its row and column", () => {
    const t = suppressTable(
      [
        [3, 20, 30],
        [10, 40, 50],
      ],
      5,
    );
    // Row 0: 3 and the next smallest (20); column 0: 3 and 10; column 1: 20 and 40; row 1 then has 10 and 40 hidden.
    expect(t.cells).toEqual([
      [c, c, 30],
      [c, c, 50],
    ]);
    expect(t.rowTotals).toEqual([53, 100]);
    expect(t.columnTotals).toEqual([13, 60, 80]);
    expect(t.total).toEqual(153);
  });

  it("hides a small row total and the totals that would give it away", () => {
    const t = suppressTable([[2, 1], [10, 10], [20, 30]], 5);
    expect(t.cells[0]).toEqual([c, c]);
    expect(t.rowTotals[0]).toBe(c);
    // the row totals' line (with the grand total) has a second hidden figure
    expect(t.rowTotals.filter((v) => v === c).length).toBeGreaterThanOrEqual(2);
  });

  it("leaves a table of big numbers alone", () => {
    expect(suppressTable([[5, 6], [7, 8]], 5)).toEqual({ cells: [[5, 6], [7, 8]], rowTotals: [11, 15], columnTotals: [12, 14], total: 26 });
  });

  it("never leaves one hidden figure alone in a published line, and hides every small one (random tables)", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 300; run++) {
      const height = 1 + Math.floor(random() * 5);
      const width = 1 + Math.floor(random() * 5);
      const rows = Array.from({ length: height }, () => Array.from({ length: width }, () => Math.floor(random() * random() * 30)));
      const t = suppressTable(rows, 5);
      rows.forEach((row, r) => row.forEach((v, col) => v > 0 && v < 5 && expect(t.cells[r][col]).toBe(c)));
      const hiddenIn = (items: Shown[]) => items.filter((v) => v === c).length;
      const lines: Shown[][] = [
        ...t.cells.map((row, r) => [...row, t.rowTotals[r]]),
        ...t.columnTotals.map((total, col) => [...t.cells.map((row) => row[col]), total]),
        [...t.rowTotals, t.total],
        [...t.columnTotals, t.total],
      ];
      for (const line of lines) expect(hiddenIn(line)).not.toBe(1);
    }
  });

  it("refuses ragged rows", () => {
    expect(() => suppressTable([[1, 2], [3]], 5)).toThrow(RangeError);
  });
});

describe("amounts follow their counts; single counts; text", () => {
  it("hides an amount where its count is hidden, and the total with it", () => {
    const counts = suppressLine([1, 10, 12], 5);
    expect(followSuppression([40000, 150000, 90000], counts)).toEqual({ cells: [c, c, 90000], total: 280000 });
    expect(followSuppression([100], suppressLine([2], 5))).toEqual({ cells: [c], total: c });
    expect(() => followSuppression([1, 2], counts)).toThrow(RangeError);
  });

  it("a count on its own is hidden when small, shown when zero or big", () => {
    expect([0, 1, 4, 5, 120].map((n) => suppressCount(n, 5))).toEqual([0, c, c, 5, 120]);
  });

  it("formats figures, leaving c as it is", () => {
    expect(formatShown(c)).toBe("c");
    expect(formatShown(12345)).toBe("12,345");
    expect(formatShown(250, (n) => `£${n / 100}`)).toBe("£2.5");
  });
});
