// Payroll's CSV as records, with a message finance can act on when it is not valid CSV. Its own module
// so that pages which import the reconciliation rules do not bundle csv-parse (which needs Node's
// Buffer) for the browser: only the server reads uploads.
import { parse } from "csv-parse/sync";
import type { UploadProblem } from "./reconciliation";

type CsvRecord = { record: string[]; info: { lines: number } };

export function readCsv(text: string): { records: CsvRecord[] } | { error: UploadProblem } {
  try {
    const records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as CsvRecord[];
    return { records };
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return {
      error: {
        row: typeof e.lines === "number" ? e.lines : null,
        column: null,
        message: `the file is not valid CSV (${String(e.message ?? error).replace(/^Invalid [^:]*: /, "")}). Save it from your spreadsheet as "CSV (comma delimited)" and upload it again`,
      },
    };
  }
}
