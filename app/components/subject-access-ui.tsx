// The readable copy of a subject access export: one section per table, one list per row. Plain HTML
// that prints well (the browser's print command); the JSON download holds the same rows.
import type { ReactNode } from "react";

type Value = string | number | boolean | null;
export type ReadableExport = {
  generatedAt: string;
  person: { id: string; firstName: string; lastName: string; email: string | null; createdAt: string; erasedAt: string | null };
  records: Record<string, Record<string, Value>[]>;
};

const WHEN = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function label(model: string): string {
  const words = model.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function show(value: Value): ReactNode {
  if (value === null) return <span className="text-gray-700">None</span>;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string" && ISO.test(value)) return WHEN.format(new Date(value));
  return <span className="whitespace-pre-wrap break-words">{String(value)}</span>;
}

export function ReadableCopy({ data, intro }: { data: ReadableExport; intro: ReactNode }) {
  const tables = Object.entries(data.records);
  const rowCount = tables.reduce((n, [, rows]) => n + rows.length, 0);
  return (
    <div className="max-w-4xl">
      <h1 className="mb-4 text-3xl font-bold">
        {`Everything we hold about ${data.person.firstName} ${data.person.lastName}`}
      </h1>
      <p className="mb-2">Produced {WHEN.format(new Date(data.generatedAt))}.</p>
      {intro}
      <p className="mb-6" data-testid="sar-totals">
        {rowCount} {rowCount === 1 ? "record" : "records"} in {tables.length} {tables.length === 1 ? "table" : "tables"}. To keep a copy on paper or as a PDF,
        use your browser&apos;s print command.
      </p>
      <nav aria-label="Tables" className="mb-8 print:hidden">
        <ul className="list-disc pl-6">
          {tables.map(([model, rows]) => (
            <li key={model}>
              <a href={`#table-${model}`} className="text-brand underline">
                {label(model)}
              </a>{" "}
              ({rows.length})
            </li>
          ))}
        </ul>
      </nav>
      {tables.map(([model, rows]) => (
        <section key={model} id={`table-${model}`} aria-labelledby={`heading-${model}`} className="mb-10" data-model={model}>
          <h2 id={`heading-${model}`} className="mb-4 text-2xl font-bold">
            {label(model)} ({rows.length})
          </h2>
          {rows.map((row, i) => (
            <dl key={typeof row.id === "string" ? row.id : i} className="mb-4 break-inside-avoid border-t-2 border-gray-900" aria-label={`${label(model)} ${i + 1}`}>
              {Object.entries(row).map(([field, value]) => (
                <div key={field} className="flex flex-wrap gap-x-6 border-b border-gray-300 py-1">
                  <dt className="w-full font-bold sm:w-1/3">{field}</dt>
                  <dd className="flex-1">{show(value)}</dd>
                </div>
              ))}
            </dl>
          ))}
        </section>
      ))}
    </div>
  );
}
