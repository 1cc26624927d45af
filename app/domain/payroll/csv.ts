// Payroll files as CSV: file rows → records in a layout's columns → bytes, through csv-stringify,
// streamed (rows become strings a batch at a time; the whole file is never one string in memory).
import { Readable, pipeline } from "node:stream";
import { stringify, type Options } from "csv-stringify";
import { CHANGE_KINDS, type ControlTotals, type FileKind, type FilePeriod, type FileRow } from "~/domain/payroll/changefile";
import { formatAmount, formatDate, type LayoutColumn, type PayrollLayout } from "~/domain/payroll/layouts";

export type FileContext = { period: FilePeriod; deductionCode: string; kind: FileKind };

/** RFC 4180 CSV, CRLF line ends (what Windows payroll packages expect); formula-like cells are escaped. */
export const CSV_OPTIONS: Options = { record_delimiter: "windows", eof: true, escape_formulas: true };

const FREQUENCY_LABELS: Record<string, string> = { monthly: "Monthly", four_weekly: "Four-weekly", weekly: "Weekly" };

function cell(column: LayoutColumn, row: FileRow, layout: PayrollLayout, ctx: FileContext): string {
  if ("value" in column) return column.value;
  switch (column.field) {
    case "payrollNumber":
      return row.payrollNumber;
    case "firstName":
      return row.firstName;
    case "lastName":
      return row.lastName;
    case "department":
      return row.department ?? "";
    case "payGroup":
      return ctx.period.payGroupName;
    case "frequency":
      return FREQUENCY_LABELS[ctx.period.frequency] ?? ctx.period.frequency;
    case "changeType":
      return layout.changeCodes[row.kind];
    case "amount":
      return formatAmount(row.kind === "STOP" && layout.stopAmount === "previous" ? row.previousAmountPence : row.amountPence);
    case "previousAmount":
      return formatAmount(row.previousAmountPence);
    case "effectivePeriod":
      return ctx.period.label;
    case "effectiveDate":
      return formatDate(ctx.period.startsOn, layout.dateFormat);
    case "endDate":
      return row.endDate ? formatDate(row.endDate, layout.dateFormat) : "";
    case "deductionCode":
      return ctx.deductionCode;
    case "givingMode":
      return ctx.period.givingMode;
    case "beforeTax":
      // Payroll Giving through an agency: before income tax (but after NI). Net pay: after both.
      return ctx.period.givingMode === "payroll_giving" ? layout.yes : layout.no;
    case "beforeNic":
      return layout.no;
  }
}

/** Control totals as TRAILER lines (layouts with controlTotals "trailer"). */
export function trailerRecords(totals: ControlTotals, layout: PayrollLayout, kind: FileKind): string[][] {
  const lines = [
    ["TRAILER", "ROWS", String(totals.rows)],
    ["TRAILER", "PARTICIPANTS", String(totals.participants)],
    ["TRAILER", "TOTAL AMOUNT", formatAmount(totals.totalPence)],
  ];
  if (kind === "change") {
    for (const k of CHANGE_KINDS) lines.push(["TRAILER", layout.changeCodes[k], String(totals.byKind[k].rows), formatAmount(totals.byKind[k].amountPence)]);
  }
  return lines;
}

/** Every record of a file in the layout: header, rows, then the trailer if the layout has one. */
export function* fileRecords(rows: readonly FileRow[], totals: ControlTotals, layout: PayrollLayout, ctx: FileContext): Generator<string[]> {
  if (layout.headerRow) yield layout.columns.map((c) => c.header);
  for (const row of rows) yield layout.columns.map((c) => cell(c, row, layout, ctx));
  if (layout.controlTotals === "trailer") yield* trailerRecords(totals, layout, ctx.kind);
}

export const SUMMARY_HEADER = [
  "Pay group",
  "Pay period",
  "File",
  "Layout",
  "Giving mode",
  "Rows",
  "Participants",
  "Total amount",
  "NEW rows",
  "NEW amount",
  "CHANGE rows",
  "CHANGE amount",
  "STOP rows",
  "STOP amount",
];

/** The separate control-totals file (layouts with controlTotals "summary"): a header and one line. */
export function summaryRecords(totals: ControlTotals, layout: PayrollLayout, ctx: FileContext): string[][] {
  return [
    SUMMARY_HEADER,
    [
      ctx.period.payGroupName,
      ctx.period.label,
      ctx.kind,
      layout.id,
      ctx.period.givingMode,
      String(totals.rows),
      String(totals.participants),
      formatAmount(totals.totalPence),
      ...CHANGE_KINDS.flatMap((k) => [String(totals.byKind[k].rows), formatAmount(totals.byKind[k].amountPence)]),
    ],
  ];
}

const CHUNK_BYTES = 64 * 1024;

/**
 * A byte stream of `records` written by csv-stringify. Records are pulled from the iterable as the
 * reader asks (backpressure), and bytes are handed on in chunks of about 64 KB.
 */
export function csvStream(records: Iterable<readonly string[]>, options: Options = CSV_OPTIONS): ReadableStream<Uint8Array> {
  const stringifier = stringify(options);
  // pipeline (not pipe) so an error while making records ends the stream with that error
  pipeline(Readable.from(records), stringifier, () => {});
  const chunks = stringifier[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const parts: Buffer[] = [];
      let size = 0;
      while (size < CHUNK_BYTES) {
        const next = await chunks.next();
        if (next.done) {
          if (size > 0) controller.enqueue(Buffer.concat(parts, size));
          controller.close();
          return;
        }
        parts.push(next.value);
        size += next.value.length;
      }
      controller.enqueue(Buffer.concat(parts, size));
    },
    cancel() {
      stringifier.destroy();
    },
  });
}

/** Reads a byte stream to the end, giving each chunk to `sink` (a hash, a file, a counter). */
export async function drain(stream: ReadableStream<Uint8Array>, sink: (chunk: Uint8Array) => void): Promise<number> {
  let bytes = 0;
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return bytes;
    bytes += value.length;
    sink(value);
  }
}
