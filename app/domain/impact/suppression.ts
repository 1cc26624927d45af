// Small-number suppression (issue 9, used by every page, export and email that shows counts or amounts
// that could identify a young person). Primary: a count from 1 to threshold-1 is shown as "c". Secondary:
// wherever a total is published, a line (a row or column with its total) never has exactly one hidden
// figure, or it could be worked out by subtraction; the smallest other figure is hidden with it.
// Zero is shown: "nobody" is the published fact that a panel or board needs, and it identifies no one.

export const SUPPRESSED = "c" as const;
export type Shown = number | typeof SUPPRESSED;

/** The threshold when settings hold none (domain notes: counts below 5 are not published). */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

const isSmall = (value: number, threshold: number) => value > 0 && value < threshold;

type Line = { members: number[]; total: number };

/**
 * The core: figures in a flat list, lines that each publish a total of some of them. Returns which
 * figures are hidden. Hiding only grows, so the loop ends.
 */
function hiddenFigures(values: readonly number[], lines: readonly Line[], threshold: number): boolean[] {
  for (const v of values) if (!Number.isInteger(v) || v < 0) throw new RangeError(`A count must be a whole number 0 or more, not ${v}`);
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError(`The threshold must be a whole number 1 or more, not ${threshold}`);
  const hidden = values.map((v) => isSmall(v, threshold));
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const items = [...line.members, line.total];
      if (items.filter((i) => hidden[i]).length !== 1) continue;
      const candidates = line.members.filter((i) => !hidden[i]);
      // The smallest non-zero figure gives the least away; a zero only when nothing else is left.
      const pick =
        smallest(candidates.filter((i) => values[i] > 0), values) ?? smallest(candidates, values) ?? (hidden[line.total] ? undefined : line.total);
      if (pick === undefined) continue;
      hidden[pick] = true;
      changed = true;
    }
  }
  return hidden;
}

function smallest(indexes: readonly number[], values: readonly number[]): number | undefined {
  let best: number | undefined;
  for (const i of indexes) if (best === undefined || values[i] < values[best]) best = i;
  return best;
}

const show = (value: number, hidden: boolean): Shown => (hidden ? SUPPRESSED : value);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export type SuppressedLine = { cells: Shown[]; total: Shown };

/** One list of counts published with its total (e.g. answers 1–5 to one question). */
export function suppressLine(counts: readonly number[], threshold: number): SuppressedLine {
  const values = [...counts, sum(counts)];
  const total = counts.length;
  const hidden = hiddenFigures(values, [{ members: counts.map((_, i) => i), total }], threshold);
  return { cells: counts.map((v, i) => show(v, hidden[i])), total: show(values[total], hidden[total]) };
}

export type SuppressedTable = { cells: Shown[][]; rowTotals: Shown[]; columnTotals: Shown[]; total: Shown };

/** A table of counts published with row totals, column totals and a grand total. */
export function suppressTable(rows: readonly (readonly number[])[], threshold: number): SuppressedTable {
  const width = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== width)) throw new RangeError("Every row of a table must have the same number of cells");
  const height = rows.length;
  const cell = (r: number, c: number) => r * width + c;
  const rowTotal = (r: number) => height * width + r;
  const columnTotal = (c: number) => height * width + height + c;
  const grand = height * width + height + width;

  const values = [...rows.flat(), ...rows.map(sum), ...Array.from({ length: width }, (_, c) => sum(rows.map((r) => r[c]))), sum(rows.flat())];
  const lines: Line[] = [
    ...rows.map((_, r) => ({ members: Array.from({ length: width }, (_, c) => cell(r, c)), total: rowTotal(r) })),
    ...Array.from({ length: width }, (_, c) => ({ members: rows.map((_, r) => cell(r, c)), total: columnTotal(c) })),
    { members: rows.map((_, r) => rowTotal(r)), total: grand },
    { members: Array.from({ length: width }, (_, c) => columnTotal(c)), total: grand },
  ];
  const hidden = hiddenFigures(values, lines, threshold);
  return {
    cells: rows.map((row, r) => row.map((v, c) => show(v, hidden[cell(r, c)]))),
    rowTotals: rows.map((_, r) => show(values[rowTotal(r)], hidden[rowTotal(r)])),
    columnTotals: Array.from({ length: width }, (_, c) => show(values[columnTotal(c)], hidden[columnTotal(c)])),
    total: show(values[grand], hidden[grand]),
  };
}

/**
 * Amounts (e.g. pence awarded) that go with counts: hidden exactly where their count is hidden, so an
 * amount never gives away a count that was suppressed (a single £400 laptop is one young person).
 */
export function followSuppression(amounts: readonly number[], counts: SuppressedLine): SuppressedLine {
  if (amounts.length !== counts.cells.length) throw new RangeError("Each amount needs its count");
  return { cells: amounts.map((a, i) => (counts.cells[i] === SUPPRESSED ? SUPPRESSED : a)), total: counts.total === SUPPRESSED ? SUPPRESSED : sum(amounts) };
}

/** A single count shown on its own (no total beside it). */
export const suppressCount = (count: number, threshold: number): Shown => suppressLine([count], threshold).total;

/** Text for a shown figure: "c" stays "c"; a number goes through `format`. */
export const formatShown = (value: Shown, format: (n: number) => string = (n) => n.toLocaleString("en-GB")): string => (value === SUPPRESSED ? SUPPRESSED : format(value));

/** The sentence every page with suppressed figures shows under its figures. */
export const suppressionNote = (threshold: number) => `"c" means fewer than ${threshold}, or a figure hidden so that one could not be worked out; it protects the young people in these figures.`;
