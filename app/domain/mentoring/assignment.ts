// Optimal whole-cohort assignment (Hungarian / Kuhn–Munkres with potentials, O(r²·c) for r ≤ c).
//
// Why our own and not a library: the best-kept npm candidate (`munkres`, typed, rectangular) solves
// plain min-cost assignment, so forbidden cells and "as many pairs as possible first" would still
// need the encoding below, and this session may not add dependencies (no npm install). The encoding
// is the whole difference, so the solver is kept here, small and tested against brute force.
//
// Objective, in this order: (1) the most pairs on allowed cells, then (2) the highest total score.
// A forbidden or missing cell (null) is never returned: its row is left unmatched instead.

/** A cell of the score matrix: row (e.g. a young person) and column (e.g. a mentor's place). */
export type Cell = { row: number; col: number };
export type AssignedPair = Cell & { score: number; locked: boolean };
export type Assignment = { pairs: AssignedPair[]; total: number };
export type AssignmentOptions = {
  /** Pairs fixed in advance: always in the result (they must be allowed cells). */
  locked?: readonly Cell[];
  /** Pairs that must not be proposed, on top of the null cells. */
  forbidden?: readonly Cell[];
};

/**
 * The best assignment for a rectangular matrix of scores (higher is better; null = not allowed).
 * Every row of `scores` must have `cols` entries. Throws on locks that contradict each other or sit
 * on a cell that is not allowed: the caller decides what a coordinator is told about those.
 */
export function optimalAssignment(scores: ReadonlyArray<ReadonlyArray<number | null>>, cols: number, options: AssignmentOptions = {}): Assignment {
  const rows = scores.length;
  for (const row of scores) if (row.length !== cols) throw new RangeError(`Every row needs ${cols} scores`);
  const inRange = (c: Cell) => Number.isInteger(c.row) && Number.isInteger(c.col) && c.row >= 0 && c.row < rows && c.col >= 0 && c.col < cols;

  const forbidden = new Set<number>();
  for (const cell of options.forbidden ?? []) if (inRange(cell)) forbidden.add(cell.row * cols + cell.col);
  const allowed = (r: number, c: number) => {
    const s = scores[r][c];
    return s !== null && Number.isFinite(s) && !forbidden.has(r * cols + c);
  };

  const pairs: AssignedPair[] = [];
  const rowTaken = new Uint8Array(rows);
  const colTaken = new Uint8Array(cols);
  for (const cell of options.locked ?? []) {
    if (!inRange(cell)) throw new RangeError(`Locked pair (${cell.row}, ${cell.col}) is outside the matrix`);
    if (rowTaken[cell.row] || colTaken[cell.col]) throw new RangeError(`Locked pair (${cell.row}, ${cell.col}) shares a row or column with another lock`);
    if (!allowed(cell.row, cell.col)) throw new RangeError(`Locked pair (${cell.row}, ${cell.col}) is not an allowed pair`);
    rowTaken[cell.row] = 1;
    colTaken[cell.col] = 1;
    pairs.push({ row: cell.row, col: cell.col, score: scores[cell.row][cell.col] as number, locked: true });
  }

  const freeRows: number[] = [];
  for (let r = 0; r < rows; r++) if (!rowTaken[r]) freeRows.push(r);
  const freeCols: number[] = [];
  for (let c = 0; c < cols; c++) if (!colTaken[c]) freeCols.push(c);

  // Pairs first: every allowed cell is worth a bonus bigger than any difference in total score a
  // whole assignment can make, so one more pair always beats any gain in score.
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of freeRows)
    for (const c of freeCols)
      if (allowed(r, c)) {
        const s = scores[r][c] as number;
        if (s < lo) lo = s;
        if (s > hi) hi = s;
      }
  if (lo <= hi) {
    const bonus = (hi - lo) * Math.min(freeRows.length, freeCols.length) + 1;
    // The solver wants rows ≤ columns; transpose when there are more rows.
    const transpose = freeRows.length > freeCols.length;
    const small = transpose ? freeCols : freeRows;
    const large = transpose ? freeRows : freeCols;
    const n = small.length;
    const m = large.length;
    // Minimising cost: an allowed cell costs -(bonus + score), a forbidden one 0 — the same as
    // leaving the row unmatched, so a forbidden pick is dropped below without losing optimality.
    const cost = new Float64Array(n * m);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < m; j++) {
        const r = transpose ? large[j] : small[i];
        const c = transpose ? small[i] : large[j];
        if (allowed(r, c)) cost[i * m + j] = -(bonus + (scores[r][c] as number) - lo);
      }
    const match = minCostAssignment(n, m, cost);
    for (let i = 0; i < n; i++) {
      const j = match[i];
      const r = transpose ? large[j] : small[i];
      const c = transpose ? small[i] : large[j];
      if (allowed(r, c)) pairs.push({ row: r, col: c, score: scores[r][c] as number, locked: false });
    }
  }

  pairs.sort((a, b) => a.row - b.row);
  return { pairs, total: pairs.reduce((sum, p) => sum + p.score, 0) };
}

/**
 * Minimum-cost assignment of n rows to distinct columns of an n×m cost matrix (n ≤ m, row-major),
 * by the shortest augmenting path form of the Hungarian algorithm with row/column potentials.
 * Returns, for each row, its column.
 */
function minCostAssignment(n: number, m: number, cost: Float64Array): Int32Array {
  // 1-based with a sentinel column 0, as in the textbook form.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const rowOf = new Int32Array(m + 1); // rowOf[j]: the row holding column j (0: none)
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    rowOf[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = rowOf[j0];
      const base = (i0 - 1) * m - 1;
      const ui0 = u[i0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[base + j] - ui0 - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[rowOf[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (rowOf[j0] !== 0);
    do {
      const j1 = way[j0];
      rowOf[j0] = rowOf[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const match = new Int32Array(n);
  for (let j = 1; j <= m; j++) if (rowOf[j] !== 0) match[rowOf[j] - 1] = j - 1;
  return match;
}
