// Server-rendered SVG charts (no JavaScript needed). Each chart is a <figure>: a visible caption that
// names the SVG (role="img", aria-labelledby), a legend in HTML, then the same figures as a table in a
// <details>, so nothing is only in the picture. Suppressed figures ("c") draw no bar and are marked "c".
// Colours: every fill has at least 3:1 contrast with the white background, and stacked segments are
// separated by a white gap, so each part stands out from its neighbours as well (WCAG 1.4.11).
import type { ReactNode } from "react";
import { SUPPRESSED, type Shown } from "~/domain/impact/suppression";

/** Fills with ≥ 3:1 contrast on white, distinct in lightness as well as hue. */
export const CHART_COLOURS = {
  darkBlue: "#1d4f91",
  lightBlue: "#5694ca",
  purple: "#912b88",
  orange: "#b1451c",
  green: "#00703c",
} as const;

const INK = "#0b0c0c";
const GRID = "#b1b4b6";

/** One figure per row; series with the same `stack` are stacked in one bar, other stacks stand side by side. */
export type ChartSeries = {
  key: string;
  label: string;
  colour: string;
  stack?: string;
};
export type ChartRow = {
  key: string;
  label: string;
  shortLabel?: string;
  values: Record<string, Shown>;
};

type ChartProps = {
  /** Unique on the page: the caption, legend and table ids are made from it. */
  id: string;
  caption: string;
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  /** Text for a figure (table cells, bar labels). */
  format: (n: number) => string;
  /** Shorter text for axis ticks; defaults to `format`. */
  formatTick?: (n: number) => string;
  /** The table's first column heading, e.g. "Month". */
  rowHeading: string;
  /** Under the figure, e.g. the suppression note when a figure is "c". */
  note?: ReactNode;
  className?: string;
};

const valueOf = (v: Shown | undefined): number => (typeof v === "number" ? v : 0);

function stacksOf(series: readonly ChartSeries[]): ChartSeries[][] {
  const stacks = new Map<string, ChartSeries[]>();
  for (const s of series) {
    const key = s.stack ?? s.key;
    stacks.set(key, [...(stacks.get(key) ?? []), s]);
  }
  return [...stacks.values()];
}

/** A round upper bound for the axis (1, 2, 2.5 or 5 × a power of ten) and its four steps. */
export function niceScale(max: number): { top: number; ticks: number[] } {
  if (max <= 0) return { top: 1, ticks: [0, 1] };
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const top = Math.ceil(max / step) * step;
  return {
    top,
    ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step),
  };
}

function Legend({ id, series }: { id: string; series: readonly ChartSeries[] }) {
  if (series.length < 2) return null;
  return (
    <ul id={`${id}-legend`} className="mb-2 flex flex-wrap gap-x-6 gap-y-1" aria-label="Key">
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-2">
          <svg width="16" height="16" aria-hidden="true" focusable="false">
            <rect width="16" height="16" fill={s.colour} />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}

function FigureTable({ id, caption, series, rows, format, rowHeading }: ChartProps) {
  return (
    <details className="mt-2" data-testid={`${id}-table`}>
      <summary className="cursor-pointer text-brand underline">Show the figures as a table</summary>
      <table className="mt-2 w-full max-w-3xl border-collapse text-left">
        <caption className="mb-2 text-left font-bold">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="border-b-2 border-gray-900 py-2 pr-4">
              {rowHeading}
            </th>
            {series.map((s) => (
              <th key={s.key} scope="col" className="border-b-2 border-gray-900 py-2 pr-4 text-right">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" className="border-b border-gray-300 py-2 pr-4 font-normal">
                {r.label}
              </th>
              {series.map((s) => {
                const v = r.values[s.key];
                return (
                  <td key={s.key} className="border-b border-gray-300 py-2 pr-4 text-right tabular-nums">
                    {v === SUPPRESSED ? SUPPRESSED : format(valueOf(v))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Figure({ props, children }: { props: ChartProps; children: ReactNode }) {
  const { id, caption, series, note, className } = props;
  return (
    <figure className={className ?? "mb-8"} data-testid={`${id}-chart`}>
      <figcaption id={`${id}-caption`} className="mb-2 font-bold">
        {caption}
      </figcaption>
      <Legend id={id} series={series} />
      {children}
      {note ? <div className="mt-2 text-gray-700">{note}</div> : null}
      <FigureTable {...props} />
    </figure>
  );
}

/**
 * Vertical columns, one group per row (e.g. a month), each stack of series a column in the group
 * (e.g. money raised stacked by source, next to money spent).
 */
export function ColumnChart(props: ChartProps) {
  const { id, series, rows, formatTick = props.format } = props;
  const stacks = stacksOf(series);
  const width = 720;
  const height = 300;
  const left = 64;
  const right = 8;
  const top = 16;
  const bottom = 36;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = Math.max(0, ...rows.flatMap((r) => stacks.map((st) => st.reduce((a, s) => a + valueOf(r.values[s.key]), 0))));
  const { top: scaleTop, ticks } = niceScale(max);
  const y = (v: number) => top + plotH - (v / scaleTop) * plotH;
  const slot = plotW / Math.max(1, rows.length);
  const gap = 2;
  const columnW = Math.min(36, (slot * 0.8) / stacks.length);
  const groupW = columnW * stacks.length + gap * (stacks.length - 1);
  return (
    <Figure props={props}>
      <svg role="img" aria-labelledby={`${id}-caption`} viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-3xl" data-testid={`${id}-svg`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={width - right} y1={y(t)} y2={y(t)} stroke={GRID} strokeWidth={1} />
            <text x={left - 6} y={y(t) + 5} textAnchor="end" fontSize={13} fill={INK}>
              {formatTick(t)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const x0 = left + i * slot + (slot - groupW) / 2;
          return (
            <g key={r.key}>
              {stacks.map((stack, j) => {
                const x = x0 + j * (columnW + gap);
                let base = 0;
                const hidden = stack.some((s) => r.values[s.key] === SUPPRESSED);
                const parts = stack.map((s) => {
                  const v = valueOf(r.values[s.key]);
                  const from = base;
                  base += v;
                  if (v <= 0) return null;
                  // The white stroke is the gap between stacked parts.
                  return (
                    <rect key={s.key} x={x} y={y(from + v)} width={columnW} height={y(from) - y(from + v)} fill={s.colour} stroke="#ffffff" strokeWidth={1.5} />
                  );
                });
                return (
                  <g key={stack[0].key}>
                    {parts}
                    {hidden ? (
                      <text x={x + columnW / 2} y={y(base) - 4} textAnchor="middle" fontSize={14} fontWeight="bold" fill={INK}>
                        {SUPPRESSED}
                      </text>
                    ) : null}
                  </g>
                );
              })}
              <text x={left + i * slot + slot / 2} y={top + plotH + 22} textAnchor="middle" fontSize={13} fill={INK}>
                {r.shortLabel ?? r.label}
              </text>
            </g>
          );
        })}
        <line x1={left} x2={width - right} y1={y(0)} y2={y(0)} stroke={INK} strokeWidth={2} />
      </svg>
    </Figure>
  );
}

/** Horizontal bars, one per row (for categories with longer names), each labelled with its figure. */
export function BarChart(props: ChartProps) {
  const { id, series, rows, format } = props;
  const stacks = stacksOf(series);
  const width = 720;
  const labelW = 230;
  const valueW = 90;
  const barH = 22;
  const rowH = barH * stacks.length + 14;
  const height = rows.length * rowH + 8;
  const plotW = width - labelW - valueW;
  const max = Math.max(0, ...rows.flatMap((r) => stacks.map((st) => st.reduce((a, s) => a + valueOf(r.values[s.key]), 0))));
  const scaleTop = max > 0 ? max : 1;
  return (
    <Figure props={props}>
      <svg role="img" aria-labelledby={`${id}-caption`} viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-3xl" data-testid={`${id}-svg`}>
        {rows.map((r, i) => {
          const y0 = 4 + i * rowH;
          return (
            <g key={r.key}>
              <text x={labelW - 8} y={y0 + (barH * stacks.length) / 2 + 5} textAnchor="end" fontSize={14} fill={INK}>
                {r.shortLabel ?? r.label}
              </text>
              {stacks.map((stack, j) => {
                const y = y0 + j * barH;
                let base = 0;
                const hidden = stack.some((s) => r.values[s.key] === SUPPRESSED);
                const parts = stack.map((s) => {
                  const v = valueOf(r.values[s.key]);
                  const from = base;
                  base += v;
                  if (v <= 0) return null;
                  const x = labelW + (from / scaleTop) * plotW;
                  return <rect key={s.key} x={x} y={y} width={(v / scaleTop) * plotW} height={barH - 4} fill={s.colour} stroke="#ffffff" strokeWidth={1.5} />;
                });
                return (
                  <g key={stack[0].key}>
                    {parts}
                    <text x={labelW + (base / scaleTop) * plotW + 6} y={y + barH / 2 + 3} fontSize={14} fontWeight={hidden ? "bold" : "normal"} fill={INK}>
                      {hidden ? SUPPRESSED : format(base)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <line x1={labelW} x2={labelW} y1={0} y2={height} stroke={INK} strokeWidth={2} />
      </svg>
    </Figure>
  );
}
