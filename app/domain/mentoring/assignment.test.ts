import { describe, expect, it } from "vitest";
import { optimalAssignment, type Cell } from "./assignment";

/** A small deterministic generator, so every run checks the same cases. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The best (pairs, total) by trying every partial assignment of allowed cells. */
function bruteForce(scores: (number | null)[][], cols: number): { pairs: number; total: number } {
  let best = { pairs: 0, total: 0 };
  const used = new Array<boolean>(cols).fill(false);
  const visit = (r: number, pairs: number, total: number) => {
    if (r === scores.length) {
      if (pairs > best.pairs || (pairs === best.pairs && total > best.total)) best = { pairs, total };
      return;
    }
    visit(r + 1, pairs, total);
    for (let c = 0; c < cols; c++) {
      const s = scores[r][c];
      if (used[c] || s === null) continue;
      used[c] = true;
      visit(r + 1, pairs + 1, total + s);
      used[c] = false;
    }
  };
  visit(0, 0, 0);
  return best;
}

function randomCase(seed: number) {
  const rnd = random(seed);
  const rows = 1 + Math.floor(rnd() * 7);
  const cols = 1 + Math.floor(rnd() * 7);
  const nullShare = [0, 0.2, 0.5, 0.8][Math.floor(rnd() * 4)];
  // Few distinct values on some seeds, so ties are common.
  const spread = rnd() < 0.3 ? 3 : 100;
  const scores = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (rnd() < nullShare ? null : Math.floor(rnd() * spread))));
  return { rnd, rows, cols, scores };
}

function expectValid(result: ReturnType<typeof optimalAssignment>, scores: (number | null)[][], forbidden: Cell[] = []) {
  const rowsSeen = new Set<number>();
  const colsSeen = new Set<number>();
  for (const p of result.pairs) {
    expect(scores[p.row][p.col]).not.toBeNull();
    expect(p.score).toBe(scores[p.row][p.col]);
    expect(forbidden.some((f) => f.row === p.row && f.col === p.col)).toBe(false);
    expect(rowsSeen.has(p.row)).toBe(false);
    expect(colsSeen.has(p.col)).toBe(false);
    rowsSeen.add(p.row);
    colsSeen.add(p.col);
  }
  expect(result.total).toBe(result.pairs.reduce((s, p) => s + p.score, 0));
}

describe("optimalAssignment", () => {
  it("matches brute force on 400 seeded random cases up to 7×7, rectangular and with forbidden cells", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const { scores, cols } = randomCase(seed);
      const result = optimalAssignment(scores, cols);
      expectValid(result, scores);
      const best = bruteForce(scores, cols);
      expect({ seed, pairs: result.pairs.length, total: result.total }).toEqual({ seed, pairs: best.pairs, total: best.total });
    }
  });

  it("honours the coordinator's forbidden pairs (same as brute force with those cells removed)", () => {
    for (let seed = 1000; seed < 1200; seed++) {
      const { rnd, scores, rows, cols } = randomCase(seed);
      const forbidden: Cell[] = [];
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (rnd() < 0.25) forbidden.push({ row: r, col: c });
      const result = optimalAssignment(scores, cols, { forbidden });
      expectValid(result, scores, forbidden);
      const masked = scores.map((row, r) => row.map((s, c) => (forbidden.some((f) => f.row === r && f.col === c) ? null : s)));
      const best = bruteForce(masked, cols);
      expect({ seed, pairs: result.pairs.length, total: result.total }).toEqual({ seed, pairs: best.pairs, total: best.total });
    }
  });

  it("keeps locked pairs and optimises the rest around them", () => {
    for (let seed = 2000; seed < 2200; seed++) {
      const { rnd, scores, rows, cols } = randomCase(seed);
      // Lock one allowed cell, if there is one.
      const allowedCells: Cell[] = [];
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (scores[r][c] !== null) allowedCells.push({ row: r, col: c });
      if (allowedCells.length === 0) continue;
      const lock = allowedCells[Math.floor(rnd() * allowedCells.length)];
      const result = optimalAssignment(scores, cols, { locked: [lock] });
      expectValid(result, scores);
      expect(result.pairs).toContainEqual({ ...lock, score: scores[lock.row][lock.col], locked: true });
      // Brute force: the locked row and column removed, plus the locked score.
      const rest = scores.filter((_, r) => r !== lock.row).map((row) => row.map((s, c) => (c === lock.col ? null : s)));
      const best = bruteForce(rest, cols);
      expect({ seed, pairs: result.pairs.length, total: result.total }).toEqual({ seed, pairs: best.pairs + 1, total: best.total + (scores[lock.row][lock.col] as number) });
    }
  });

  it("prefers more pairs over a higher total", () => {
    // Row 0 alone on column 0 scores 100; but then row 1 (only allowed on column 0) is left out.
    const scores = [
      [100, 1],
      [5, null],
    ];
    const result = optimalAssignment(scores, 2);
    expect(result.pairs.map((p) => [p.row, p.col])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(result.total).toBe(6);
  });

  it("leaves a row unmatched rather than give it a forbidden cell", () => {
    const result = optimalAssignment([[7], [9]], 1, { forbidden: [{ row: 1, col: 0 }] });
    expect(result.pairs).toEqual([{ row: 0, col: 0, score: 7, locked: false }]);
    expect(optimalAssignment([[null, null]], 2).pairs).toEqual([]);
    expect(optimalAssignment([], 0)).toEqual({ pairs: [], total: 0 });
  });

  it("refuses locks that cannot stand", () => {
    const scores = [
      [1, null],
      [2, 3],
    ];
    expect(() => optimalAssignment(scores, 2, { locked: [{ row: 0, col: 1 }] })).toThrow(/not an allowed pair/);
    expect(() => optimalAssignment(scores, 2, { locked: [{ row: 1, col: 0 }], forbidden: [{ row: 1, col: 0 }] })).toThrow(/not an allowed pair/);
    expect(() => optimalAssignment(scores, 2, { locked: [{ row: 0, col: 0 }, { row: 1, col: 0 }] })).toThrow(/shares a row or column/);
    expect(() => optimalAssignment(scores, 2, { locked: [{ row: 5, col: 0 }] })).toThrow(/outside/);
    expect(() => optimalAssignment([[1, 2], [3]], 2)).toThrow(/Every row/);
  });
});
